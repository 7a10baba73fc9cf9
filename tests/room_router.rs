//! Every route of the room, in process: joining, answering, the reflection,
//! wiping, and every refusal of issue 9 point 5 (always a Dutch 4xx page).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::roomkit;

use std::sync::atomic::Ordering;

use axum::http::StatusCode;
use kampvuur::model::{Answer, LOWEST_MIN_ANSWERS, SharedKey};
use roomkit::client::Browser;

const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn assert_safe_headers(r: &roomkit::client::Reply) {
    assert_eq!(r.header("content-security-policy"), CSP);
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("referrer-policy"), "no-referrer");
}

fn assert_dutch_page(r: &roomkit::client::Reply, status: StatusCode) {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(
        r.header("content-type").starts_with("text/html"),
        "{status}"
    );
    assert!(r.body.contains("<html lang=\"nl\">"), "{}", r.body);
    assert_safe_headers(r);
}

#[tokio::test]
async fn start_page_and_assets_are_open_everything_else_needs_the_room() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let mut b = Browser::new(room.router(), 1);
    let r = b.get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"code\""));
    assert!(
        r.body.contains("alleen op de laptop van de trainer"),
        "privacy text"
    );
    assert_safe_headers(&r);
    for asset in ["/stijl.css", "/bewaar.js"] {
        let r = b.get(asset).await;
        assert_eq!(r.status, StatusCode::OK, "{asset}");
        assert_safe_headers(&r);
    }
    for path in ["/naam", "/lijsten", "/lijst/A", "/reflectie.pdf", "/wissen"] {
        assert_dutch_page(&b.get(path).await, StatusCode::UNAUTHORIZED);
    }
    for path in ["/naam", "/lijst/A", "/wissen"] {
        assert_dutch_page(
            &b.post(path, "naam=x&i0=ja&zeker=ja").await,
            StatusCode::UNAUTHORIZED,
        );
    }
    assert_dutch_page(&b.get("/bestaat-niet").await, StatusCode::NOT_FOUND);
    assert_eq!(room.status().devices, 0);
}

#[tokio::test]
async fn token_and_code_let_you_in_wrong_ones_do_not() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let status = room.status();
    let token = status.join_url.rsplit('/').next().unwrap().to_owned();
    assert!(token.len() >= 32);
    assert_eq!(status.code.len(), 4);

    let mut b = Browser::new(room.router(), 2);
    assert_dutch_page(
        &b.get("/t/00000000000000000000000000000000").await,
        StatusCode::FORBIDDEN,
    );
    assert!(b.cookies.is_empty());
    let r = b.get(&format!("/t/{token}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/naam");
    let cookie = r.header("set-cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let r = b.get("/naam").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Anoniem") && r.body.contains("Wat er met je antwoorden gebeurt"));

    let mut c = Browser::new(room.router(), 3);
    let r = c.post("/code", "code=ZZZZ").await;
    assert_dutch_page(&r, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Die code klopt niet"));
    assert!(c.cookies.is_empty());
    // Lowercase, with a space: still the code.
    let typed = format!("{} {}", &status.code[..2].to_lowercase(), &status.code[2..]);
    let r = c
        .post("/code", &format!("code={}", typed.replace(' ', "+")))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(c.get("/naam").await.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_codes_are_limited_per_address() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let code = room.status().code;
    let mut guesser = Browser::new(room.router(), 4);
    for _ in 0..10 {
        assert_eq!(
            guesser.post("/code", "code=ZZZZ").await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_dutch_page(
        &guesser.post("/code", "code=ZZZZ").await,
        StatusCode::TOO_MANY_REQUESTS,
    );
    // Once limited, even the right code is not tried: no guessing on.
    let r = guesser.post("/code", &format!("code={code}")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(guesser.cookies.is_empty());
    // Another address still gets in with the right code.
    let mut teacher = Browser::new(room.router(), 5);
    teacher.join(&room.status().code, "Fatima").await;
}

#[tokio::test]
async fn names_anonymous_and_no_duplicates() {
    let (room, changes) = roomkit::counted(None);
    let code = room.status().code;
    let mut b = Browser::new(room.router(), 6);
    b.post("/code", &format!("code={code}")).await;
    assert_dutch_page(
        &b.post("/naam", &format!("naam={}", "a".repeat(61))).await,
        StatusCode::BAD_REQUEST,
    );
    assert_dutch_page(
        &b.post("/naam", "naam=x&geheim=1").await,
        StatusCode::BAD_REQUEST,
    );
    assert_eq!(room.status().devices, 0);
    let before = room.status().version;
    let r = b.post("/naam", "anoniem=ja&naam=").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.header("set-cookie").starts_with("kv_apparaat="));
    assert!(r.header("set-cookie").contains("HttpOnly; SameSite=Strict"));
    assert_eq!(room.status().devices, 1);
    assert!(room.status().version > before);
    assert!(changes.load(Ordering::SeqCst) >= 1);
    assert_eq!(room.respondents()[0].1.participant, "");
    // A reload of the QR link or the name form keeps the same device.
    let token = room
        .status()
        .join_url
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        b.get(&format!("/t/{token}")).await.header("location"),
        "/lijsten"
    );
    assert_eq!(b.get("/").await.header("location"), "/lijsten");
    b.post("/naam", "naam=Fatima+%3Cb%3E").await;
    assert_eq!(room.status().devices, 1);
    assert_eq!(room.respondents()[0].1.participant, "Fatima <b>");
    let page = b.get("/lijsten").await;
    assert!(
        page.body.contains("Fatima &#60;b&#62;") || page.body.contains("Fatima &lt;b&gt;"),
        "{}",
        page.body
    );
    assert!(page.body.contains("/lijst/A") && page.body.contains("/reflectie.pdf"));
}

#[tokio::test]
async fn answers_are_saved_and_checked_against_the_workshop() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let code = room.status().code;
    let mut b = Browser::new(room.router(), 7);
    b.join(&code, "Fatima").await;

    let page = b.get("/lijst/A").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(page.body.contains("deel met het team"));
    assert!(page.body.contains("src=\"/bewaar.js\""));
    assert!(
        !page.body.contains("style="),
        "no inline styles under the CSP"
    );

    let r = b
        .post("/lijst/A", "i0=ja&i1=nee&i2=4&i3=Eerst+rust&d3=ja")
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/lijst/A?bewaard=1");
    let answers = &room.respondents()[0].1;
    assert_eq!(
        answers.checklists["A"],
        vec![
            Answer::Check(true),
            Answer::YesNo(Some(false)),
            Answer::Scale(Some(4)),
            Answer::Open("Eerst rust".into())
        ]
    );
    assert!(answers.is_shared("A", 3));
    let page = b.get("/lijst/A?bewaard=1").await;
    assert!(page.body.contains("Bewaard"));
    assert!(page.body.contains("value=\"4\" checked"));
    assert!(page.body.contains("Eerst rust</textarea>"));
    assert_eq!(room.status().answering, 1);

    let r = b
        .request("POST", "/lijst/A", "i0=ja", &[("kv-autosave", "1")])
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        room.respondents()[0].1.checklists["A"][2],
        Answer::Scale(None)
    );

    let bad = [
        ("i9=ja", "unknown item"),
        ("x=1", "unknown field"),
        ("i0=nee", "wrong kind (check)"),
        ("i1=4", "wrong kind (yes/no)"),
        ("i2=6", "scale too high"),
        ("i2=0", "scale too low"),
        ("i3=ja&i3=nee", "twice"),
    ];
    for (body, what) in bad {
        assert_dutch_page(&b.post("/lijst/A", body).await, StatusCode::BAD_REQUEST);
        assert_eq!(
            room.respondents()[0].1.checklists["A"][0],
            Answer::Check(true),
            "{what}"
        );
    }
    let long = format!("i3={}", "a".repeat(2001));
    assert_dutch_page(&b.post("/lijst/A", &long).await, StatusCode::BAD_REQUEST);
    assert_dutch_page(&b.get("/lijst/Z").await, StatusCode::NOT_FOUND);
    assert_dutch_page(&b.post("/lijst/Z", "i0=ja").await, StatusCode::NOT_FOUND);

    room.set_open("A", false);
    let closed = b.get("/lijst/A").await;
    assert_dutch_page(&closed, StatusCode::FORBIDDEN);
    assert!(closed.body.contains("gesloten"));
    assert_dutch_page(&b.post("/lijst/A", "i0=ja").await, StatusCode::FORBIDDEN);
    assert!(!b.get("/lijsten").await.body.contains("/lijst/A"));
}

#[tokio::test]
async fn oversize_and_cross_site_posts_are_refused() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let mut b = Browser::new(room.router(), 8);
    b.join(&room.status().code, "Fatima").await;
    let huge = format!("i3={}", "a".repeat(40 * 1024));
    assert_dutch_page(
        &b.post("/lijst/A", &huge).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    let cross = [
        ("sec-fetch-site", "cross-site"),
        ("origin", "http://kwaad.example"),
    ];
    assert_dutch_page(
        &b.request("POST", "/lijst/A", "i0=ja", &cross).await,
        StatusCode::FORBIDDEN,
    );
    let origin_only = [("origin", "http://kwaad.example")];
    assert_dutch_page(
        &b.request("POST", "/naam", "naam=x", &origin_only).await,
        StatusCode::FORBIDDEN,
    );
    assert_dutch_page(
        &b.request("POST", "/wissen", "zeker=ja", &cross).await,
        StatusCode::FORBIDDEN,
    );
    assert!(room.respondents()[0].1.checklists.is_empty());
    // The phone's own pages post same-origin.
    let same = [
        ("sec-fetch-site", "same-origin"),
        ("origin", "http://127.0.0.1:8470"),
    ];
    assert_eq!(
        b.request("POST", "/lijst/A", "i0=ja", &same).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn one_device_never_sees_or_changes_another() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let code = room.status().code;
    let mut a = Browser::new(room.router(), 9);
    let mut b = Browser::new(room.router(), 10);
    a.join(&code, "Anouk").await;
    b.join(&code, "Bram").await;
    a.post("/lijst/A", "i3=Geheim+van+Anouk").await;
    let page = b.get("/lijst/A").await;
    assert!(!page.body.contains("Geheim van Anouk"));
    // Bram's id with Anouk's secret: not a device.
    let (a_id, a_secret) = a.cookies["kv_apparaat"].split_once('.').unwrap();
    let (b_id, _) = b.cookies["kv_apparaat"].split_once('.').unwrap();
    assert_ne!(a_id, b_id);
    let mut forged = Browser::new(room.router(), 11);
    forged
        .cookies
        .insert("kv_apparaat".into(), format!("{b_id}.{a_secret}"));
    assert_dutch_page(&forged.get("/lijst/A").await, StatusCode::UNAUTHORIZED);
    assert_dutch_page(
        &forged.post("/lijst/A", "i3=Overschreven").await,
        StatusCode::UNAUTHORIZED,
    );
    assert_dutch_page(
        &forged.post("/wissen", "zeker=ja").await,
        StatusCode::UNAUTHORIZED,
    );
    let answers: Vec<_> = room.respondents();
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|(_, a)| {
        !a.checklists
            .values()
            .flatten()
            .any(|x| *x == Answer::Open("Overschreven".into()))
    }));
    let _ = a_id;
}

#[tokio::test]
async fn reflection_pdf_and_wiping() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let mut b = Browser::new(room.router(), 12);
    b.join(&room.status().code, "Fatima").await;
    b.post("/lijst/A", "i0=ja&i3=Eerst+rust").await;
    let r = b.get("/reflectie.pdf").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "application/pdf");
    assert!(
        r.header("content-disposition")
            .starts_with("attachment; filename=\"")
    );
    assert!(
        r.header("content-disposition")
            .contains("reflectie-fatima.pdf")
    );

    assert_eq!(b.get("/wissen").await.status, StatusCode::OK);
    assert_dutch_page(&b.post("/wissen", "").await, StatusCode::BAD_REQUEST);
    assert_eq!(room.status().devices, 1);
    let r = b.post("/wissen", "zeker=ja").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("gewist"));
    assert!(
        b.cookies.is_empty(),
        "both cookies cleared: {:?}",
        b.cookies
    );
    assert_eq!(room.status().devices, 0);
    assert!(room.respondents().is_empty());
}

#[tokio::test]
async fn per_address_rate_limit_and_trainer_controls() {
    let room = kampvuur::room::Room::start(roomkit::config(None)).unwrap();
    let mut b = Browser::new(room.router(), 13);
    let mut limited = false;
    for _ in 0..400 {
        if b.get("/stijl.css").await.status == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
    }
    assert!(limited, "a flood from one address is slowed down");
    let mut other = Browser::new(room.router(), 14);
    assert_eq!(other.get("/").await.status, StatusCode::OK);

    let v = room.status().version;
    room.set_min_answers(1);
    assert_eq!(room.session().min_answers, LOWEST_MIN_ANSWERS);
    room.set_open("bestaat-niet", true);
    assert!(!room.status().open.contains("bestaat-niet"));
    let key = SharedKey {
        participant: "p".into(),
        checklist: "A".into(),
        item: 3,
        text: "t".into(),
    };
    room.approve(&key, true);
    assert_eq!(room.session().approved_keys().len(), 1);
    room.approve(&key, false);
    assert!(room.session().approved.is_empty());
    assert!(room.status().version > v);
    room.stop();
}
