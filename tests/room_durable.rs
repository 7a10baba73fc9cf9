//! "Bewaard" means on disk, with a real `kampvuur serve` process: kill -9
//! under load loses no confirmed answer, a restart keeps code, token and
//! cookies, slow sockets do not lock phones out, and Ctrl+C is quick.
//! Linux only: the devices send from 127.0.x.y (only 127.0.0.1 exists on
//! macOS by default), and Ctrl+C is sent with `kill -INT`.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::roomkit;
use crate::roomkit::raw::{Device, Serve};

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kampvuur::content::RoomStore;
use kampvuur::model::Answer;

fn workshop_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("voorbeeld.workshop.ron");
    std::fs::write(&path, roomkit::EXAMPLE).unwrap();
    path
}

fn ip(a: u8, b: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, a, b))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The number in the open answer "v<n>" of device `id` on disk.
fn stored(store: &RoomStore, session: &str) -> BTreeMap<String, u32> {
    let (_, people, _) = store.load(session).unwrap();
    people
        .into_iter()
        .map(|p| {
            let n = match p.answers.checklists.get("A").and_then(|a| a.get(3)) {
                Some(Answer::Open(t)) => t.trim_start_matches('v').parse().unwrap_or(0),
                _ => 0,
            };
            (p.id, n)
        })
        .collect()
}

fn device_id(d: &Device) -> String {
    d.cookies["kv_apparaat"]
        .split('.')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn kill_9_under_load_loses_no_confirmed_answer_and_a_restart_keeps_everyone_in() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = workshop_file(dir.path());
    let data = dir.path().join("zaal");
    let mut serve = Serve::start(&workshop, &data, &["--new"]);
    let (addr, code, session) = (serve.addr, serve.code.clone(), serve.session.clone());
    let rt = runtime();
    // 40 devices, each from its own address, join.
    let devices: Vec<Device> = rt.block_on(async {
        let mut all = Vec::new();
        for n in 0..40u8 {
            let mut d = Device::new(addr, ip(1, n + 1));
            let r = d.join(&code, &format!("Leraar{n}")).await;
            assert_eq!(r.status, 303, "{}", r.body);
            all.push(d);
        }
        all
    });
    // Each sends up to 25 changes, one every ~20 ms; the server is killed
    // halfway. A 204 is a promise that the change is on disk.
    let confirmed = Arc::new(std::sync::Mutex::new(BTreeMap::<String, u32>::new()));
    let started = Instant::now();
    let tasks: Vec<_> = devices
        .iter()
        .cloned()
        .map(|mut d| {
            let confirmed = confirmed.clone();
            rt.spawn(async move {
                let id = device_id(&d);
                for n in 1..=25u32 {
                    let body = format!("i0=ja&i3=v{n}");
                    let r = d
                        .request("POST", "/lijst/A", &body, &[("kv-autosave", "1")])
                        .await;
                    match r {
                        Some(r) if r.status == 204 => {
                            confirmed.lock().unwrap().insert(id.clone(), n);
                        }
                        Some(r) => panic!("unexpected {}: {}", r.status, r.body),
                        None => break,
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        })
        .collect();
    // Kill once a good part of the changes is confirmed.
    while confirmed.lock().unwrap().values().sum::<u32>() < 300
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    serve.kill9();
    for t in tasks {
        rt.block_on(t).unwrap();
    }
    let confirmed = confirmed.lock().unwrap().clone();
    let total: u32 = confirmed.values().sum();
    assert!(
        total >= 300,
        "only {total} changes confirmed before the kill"
    );
    let store = RoomStore::new(data.clone());
    // Leftover snapshots are dealt with when the session is resumed; read
    // what a restart would read.
    store.recover(&session).unwrap();
    let on_disk = stored(&store, &session);
    let mut lost = Vec::new();
    for (id, n) in &confirmed {
        let have = on_disk.get(id).copied().unwrap_or(0);
        if have < *n {
            lost.push((id.clone(), *n, have));
        }
    }
    assert!(lost.is_empty(), "confirmed answers lost: {lost:?}");
    eprintln!(
        "kill -9: {total} confirmed changes of 40 devices, 0 lost ({} devices had a change confirmed)",
        confirmed.len()
    );

    // Restart: the same session by default, the same code, the same token,
    // and every phone continues with its cookie.
    let again = Serve::start(&workshop, &data, &[]);
    assert_eq!(again.session, session);
    assert_eq!(again.code, code);
    assert!(
        again
            .out
            .lock()
            .unwrap()
            .contains("Verder met de zaal van 13:")
            || again.out.lock().unwrap().contains("Verder met de zaal van"),
        "{}",
        again.out.lock().unwrap()
    );
    let token_before = devices[0].cookies["kv_zaal"].clone();
    rt.block_on(async {
        for mut d in devices.clone() {
            d.server = again.addr;
            let r = d
                .request(
                    "POST",
                    "/lijst/A",
                    "i3=na-herstart",
                    &[("kv-autosave", "1")],
                )
                .await
                .unwrap();
            assert_eq!(r.status, 204, "{}", r.body);
            let r = d.get("/lijsten").await.unwrap();
            assert_eq!(r.status, 200);
            let r = d.get(&format!("/t/{token_before}")).await.unwrap();
            assert_eq!(r.header("location"), "/lijsten", "the QR link still works");
        }
    });
    let (_, people, _) = store.load(&session).unwrap();
    assert_eq!(people.len(), 40);
    assert!(
        people
            .iter()
            .all(|p| p.answers.checklists["A"][3] == Answer::Open("na-herstart".into()))
    );
    // --new starts fresh: another code or session.
    drop(again);
    let fresh = Serve::start(&workshop, &data, &["--new"]);
    assert_ne!(fresh.session, session);
}

#[test]
fn slow_sockets_do_not_lock_out_a_phone_and_ctrl_c_is_quick() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = workshop_file(dir.path());
    let data = dir.path().join("zaal");
    let mut serve = Serve::start(&workshop, &data, &["--new"]);
    let addr = serve.addr;
    let rt = runtime();
    let code = serve.code.clone();
    let (phone_took, _slow) = rt.block_on(async move {
        // 1,100 sockets that send their headers one byte at a time: 1,000
        // from one address and 100 from 100 others.
        let mut slow = Vec::new();
        for n in 0..1100u32 {
            let from = if n < 1000 {
                ip(2, 1)
            } else {
                ip(3, (n - 999) as u8)
            };
            let socket = tokio::net::TcpSocket::new_v4().unwrap();
            socket.bind(std::net::SocketAddr::new(from, 0)).unwrap();
            if let Ok(Ok(mut s)) =
                tokio::time::timeout(Duration::from_secs(2), socket.connect(addr)).await
            {
                use tokio::io::AsyncWriteExt;
                let _ = s.write_all(b"G").await;
                slow.push(s);
            }
        }
        let trickle = tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            for _ in 0..3 {
                for s in &mut slow {
                    let _ = s.write_all(b"E").await;
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            slow
        });
        // A phone from its own address is served at once, and can answer.
        let t = Instant::now();
        let mut phone = Device::new(addr, ip(4, 1));
        let r = phone.get("/").await.expect("the phone is served");
        assert_eq!(r.status, 200);
        let r = phone.join(&code, "Fatima").await;
        assert_eq!(r.status, 303, "{}", r.body);
        let r = phone
            .request("POST", "/lijst/A", "i3=bewaard", &[("kv-autosave", "1")])
            .await
            .unwrap();
        assert_eq!(r.status, 204);
        (t.elapsed(), trickle.await.unwrap())
    });
    assert!(
        phone_took < Duration::from_secs(5),
        "phone took {phone_took:?}"
    );
    // Ctrl+C with all those sockets still open: done within 5 s, and the
    // confirmed answer is on disk.
    let took = serve.interrupt(Duration::from_secs(10));
    let took = took.expect("serve stops after Ctrl+C");
    assert!(took < Duration::from_secs(5), "Ctrl+C took {took:?}");
    let store = RoomStore::new(data);
    let (_, people, _) = store.load(&serve.session).unwrap();
    assert_eq!(
        people[0].answers.checklists["A"][3],
        Answer::Open("bewaard".into())
    );
    eprintln!("1,100 slow sockets: phone served in {phone_took:?}; Ctrl+C took {took:?}");
}

/// A real full disk: a small tmpfs (needs root; said so when not possible).
#[test]
fn a_full_disk_is_never_confirmed_and_saved_when_space_returns() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = workshop_file(dir.path());
    let mount = dir.path().join("klein");
    std::fs::create_dir(&mount).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
        .arg(&mount)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("overgeslagen: geen tmpfs (geen rechten); zie room_people::a_full_disk_…");
        return;
    }
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mount.clone());
    let data = mount.join("zaal");
    let mut serve = Serve::start(&workshop, &data, &["--new"]);
    let rt = runtime();
    let mut phone = Device::new(serve.addr, ip(5, 1));
    let r = rt.block_on(phone.join(&serve.code, "Fatima"));
    assert_eq!(r.status, 303);
    // Fill the disk.
    let filler = mount.join("vol");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![7u8; 4096];
        while f.write_all(&block).and_then(|()| f.sync_all()).is_ok() {}
    }
    let long = "x".repeat(1500);
    let body = format!("i0=ja&i3=mijn+stap+{long}");
    // The form without JavaScript: the page says so and keeps the text.
    let r = rt.block_on(phone.post("/lijst/A", &body)).unwrap();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains(
        "Niet bewaard: de laptop kan niet opslaan. Je antwoorden staan nog op dit scherm."
    ));
    assert!(
        r.body.contains(&format!("mijn stap {long}")),
        "the typed text is shown again"
    );
    // The autosave: never 204.
    let r = rt
        .block_on(phone.request("POST", "/lijst/A", &body, &[("kv-autosave", "1")]))
        .unwrap();
    assert_eq!(r.status, 503);
    let store = RoomStore::new(data.clone());
    let (_, people, _) = store.load(&serve.session).unwrap();
    assert_eq!(
        people[0].answers.checklists.get("A"),
        None,
        "nothing was written"
    );
    // The trainer's terminal says so (it looks twice a second).
    let t = Instant::now();
    while !serve.out.lock().unwrap().contains("NIET bewaard") {
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "no warning for the trainer"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Space returns: the room's retry stores it without the phone doing anything.
    std::fs::remove_file(&filler).unwrap();
    let t = Instant::now();
    loop {
        let (_, people, _) = store.load(&serve.session).unwrap();
        if people[0].answers.checklists.get("A").map(|a| &a[3])
            == Some(&Answer::Open(format!("mijn stap {long}")))
        {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "not saved after space returned"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = rt.block_on(phone.post("/lijst/A", &body)).unwrap();
    assert_eq!(r.status, 303);
    assert!(serve.interrupt(Duration::from_secs(10)).is_some());
}
