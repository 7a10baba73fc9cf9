//! The room in process: the threshold counts people (at most 2 devices per
//! address), a wipe is final even against in-flight autosaves, a full disk
//! is never confirmed, and the smaller points of wording and input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::roomkit;
use crate::roomkit::client::Browser;

use axum::http::StatusCode;
use kampvuur::content::{RoomStore, simulate_full_disk};
use kampvuur::model::{Answer, Respondent, TeamSummary};

fn team(room: &kampvuur::room::Room) -> TeamSummary {
    let w = roomkit::workshop();
    let all = room.respondents();
    let rs: Vec<Respondent> = all
        .iter()
        .map(|(id, answers)| Respondent { id, answers })
        .collect();
    let s = room.session();
    TeamSummary::new(&w, &s.open, &rs, s.min_answers, &s.approved_keys())
}

#[tokio::test]
async fn a_fifth_device_from_the_same_address_cannot_make_the_threshold() {
    let (room, _) = roomkit::counted(None);
    let code = room.status().code;
    // One person: four private tabs and the phone, all from one address,
    // plus three colleagues from their own.
    let mut refused = 0;
    for _ in 0..5 {
        let mut tab = Browser::new(room.router(), 7);
        let r = tab.post("/code", &format!("code={code}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = tab.post("/naam", "naam=Ik").await;
        if r.status == StatusCode::FORBIDDEN {
            assert!(r.body.contains("Al genoeg apparaten"), "{}", r.body);
            refused += 1;
            continue;
        }
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = tab.post("/lijst/A", "i0=ja").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(refused, 3, "2 devices per address");
    for n in 0..2 {
        let mut colleague = Browser::new(room.router(), 20 + n);
        colleague.join(&code, "Collega").await;
        colleague.post("/lijst/A", "i0=ja").await;
    }
    let status = room.status();
    assert_eq!((status.devices, status.answering), (4, 4));
    let summary = team(&room);
    let a = &summary.checklists[0];
    assert!(a.hidden, "4 devices of 3 people do not make 5");
    assert!(a.items.is_empty());
    // A device that joined but answered nothing does not count either.
    let mut quiet = Browser::new(room.router(), 40);
    quiet.join(&code, "Stil").await;
    assert_eq!(room.status().devices, 5);
    assert!(team(&room).checklists[0].hidden);
    // Configurable: 3 per address lets one more in.
    room.set_per_address(3);
    let mut third = Browser::new(room.router(), 7);
    third.join(&code, "Ik").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_wipe_races_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    let (room, _) = roomkit::counted(Some(store.clone()));
    let code = room.status().code;
    let session = room.status().session;
    let folder = store.folder(&session).unwrap().join("deelnemers");
    for n in 0..500u32 {
        let mut phone = Browser::new(room.router(), 1 + (n % 200) as u8);
        phone.join(&code, "Wisser").await;
        let mut saver = phone.clone();
        let mut wiper = phone.clone();
        let save = tokio::spawn(async move {
            for k in 0..3 {
                saver
                    .request(
                        "POST",
                        "/lijst/A",
                        &format!("i3=race{k}"),
                        &[("kv-autosave", "1")],
                    )
                    .await;
            }
        });
        let wipe = tokio::spawn(async move { wiper.post("/wissen", "zeker=ja").await });
        let (_, wiped) = (save.await.unwrap(), wipe.await.unwrap());
        assert_eq!(wiped.status, StatusCode::OK);
        assert!(
            wiped
                .body
                .contains("Er staat niets meer van jou op de laptop")
        );
        let left = std::fs::read_dir(&folder).unwrap().count();
        assert_eq!(left, 0, "race {n}: a file came back");
    }
    room.stop();
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_never_confirmed_and_saved_after_space_returns() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("zaal");
    let store = RoomStore::new(root.clone());
    let (room, changes) = roomkit::counted(Some(store.clone()));
    let code = room.status().code;
    let mut phone = Browser::new(room.router(), 3);
    phone.join(&code, "Fatima").await;
    simulate_full_disk(&root, true);
    let r = phone.post("/lijst/A", "i0=ja&i3=mijn+eerste+stap").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains(
        "Niet bewaard: de laptop kan niet opslaan. Je antwoorden staan nog op dit scherm."
    ));
    assert!(
        r.body.contains(">mijn eerste stap</textarea>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("name=\"i0\" value=\"ja\" checked"));
    let r = phone
        .request("POST", "/lijst/A", "i3=tweede", &[("kv-autosave", "1")])
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    // The trainer sees it.
    let banner = room.status().storage_error.expect("red banner");
    assert!(banner.contains("vol"), "{banner}");
    let before = changes.load(std::sync::atomic::Ordering::SeqCst);
    simulate_full_disk(&root, false);
    let t = std::time::Instant::now();
    while room.status().storage_error.is_some() {
        assert!(
            t.elapsed().as_secs() < 10,
            "never saved after space returned"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        changes.load(std::sync::atomic::Ordering::SeqCst) > before,
        "the app repaints"
    );
    let (_, people, _) = store.load(&room.status().session).unwrap();
    assert_eq!(
        people[0].answers.checklists["A"][3],
        Answer::Open("tweede".into())
    );
    let r = phone.post("/lijst/A", "i3=derde").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn input_and_wording() {
    let (room, _) = roomkit::counted(None);
    let code = room.status().code;
    let mut phone = Browser::new(room.router(), 9);
    // Invalid UTF-8 is refused, not stored as U+FFFD.
    let r = phone.post("/code", &format!("code={code}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = phone.post("/naam", "naam=An%FFna").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Bidi overrides and invisible characters are taken out of names.
    let r = phone
        .post("/naam", "naam=%E2%80%AEAnna%E2%80%8B%E2%81%A6")
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(room.respondents()[0].1.participant, "Anna");
    let r = phone.post("/lijst/A", "i3=%C3%28").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // "wis keuze" clears a scale and a ja/nee.
    phone.post("/lijst/A", "i1=ja&i2=4").await;
    let page = phone.get("/lijst/A").await.body;
    assert_eq!(page.matches("wis keuze").count(), 2);
    let r = phone.post("/lijst/A", "i1=ja&i2=4&w2=ja").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let a = &room.respondents()[0].1.checklists["A"];
    assert_eq!(
        (&a[1], &a[2]),
        (&Answer::YesNo(Some(true)), &Answer::Scale(None))
    );
    // The name page names every place a name goes.
    let page = phone.get("/naam").await.body;
    assert!(page.contains("Bewijs van deelname"));
    assert!(page.contains("reflectie"));
    // A favicon: the campfire.
    for path in ["/favicon.ico", "/favicon.svg"] {
        let r = phone.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("content-type"), "image/svg+xml");
        assert!(r.body.contains("<svg"));
    }
}

/// A client that never finishes its headers is cut off after 10 s (it
/// used to keep its socket forever).
#[tokio::test]
async fn headers_that_never_finish_are_timed_out() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (room, _) = roomkit::counted(None);
    let mut slow = tokio::net::TcpStream::connect(room.local_addr())
        .await
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHo").await.unwrap();
    let t = std::time::Instant::now();
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(std::time::Duration::from_secs(15), slow.read(&mut buf)).await;
    let took = t.elapsed();
    assert!(
        matches!(read, Ok(Ok(0)) | Ok(Err(_))),
        "closed, not answered: {read:?}"
    );
    assert!(
        took >= std::time::Duration::from_secs(9) && took < std::time::Duration::from_secs(13),
        "{took:?}"
    );
}
