//! The room over real TCP with a real HTTP client (ureq): join with the code,
//! answer, reconnect with the cookie, download the reflection and read it
//! back, wipe the answers from memory and disk; resume after a restart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::pdf_support;
use crate::roomkit;

use std::collections::BTreeMap;

use kampvuur::content::RoomStore;
use kampvuur::model::Answer;
use kampvuur::room::{Room, RoomConfig};
use ureq::Agent;

/// A browser without a cookie jar of its own: cookies by hand, no redirects.
struct Phone {
    agent: Agent,
    base: String,
    cookies: BTreeMap<String, String>,
}

struct Got {
    status: u16,
    location: String,
    disposition: String,
    body: Vec<u8>,
}

impl Phone {
    fn new(base: &str) -> Self {
        let agent: Agent = Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            agent,
            base: base.to_owned(),
            cookies: BTreeMap::new(),
        }
    }

    fn cookie(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, mut response: ureq::http::Response<ureq::Body>) -> Got {
        for set in response.headers().get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let (k, v) = set.split(';').next().unwrap().split_once('=').unwrap();
            if set.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        let (location, disposition) = (header("location"), header("content-disposition"));
        Got {
            status: response.status().as_u16(),
            location,
            disposition,
            body: response.body_mut().read_to_vec().unwrap(),
        }
    }

    fn get(&mut self, path: &str) -> Got {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            req = req.header("cookie", self.cookie());
        }
        let response = req.call().unwrap();
        self.keep(response)
    }

    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Got {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            req = req.header("cookie", self.cookie());
        }
        let response = req.send_form(form.iter().copied()).unwrap();
        self.keep(response)
    }
}

fn text(got: &Got) -> String {
    String::from_utf8_lossy(&got.body).into_owned()
}

#[test]
fn join_answer_reconnect_download_and_wipe_over_tcp() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().join("zaal"));
    let room = Room::start(roomkit::config(Some(store.clone()))).unwrap();
    let status = room.status();
    assert!(status.url.starts_with("http://127.0.0.1:"));
    let mut phone = Phone::new(&status.url);

    let got = phone.post("/code", &[("code", &status.code.to_lowercase())]);
    assert_eq!((got.status, got.location.as_str()), (303, "/naam"));
    let got = phone.post("/naam", &[("naam", "Fatima Yılmaz")]);
    assert_eq!((got.status, got.location.as_str()), (303, "/lijsten"));
    assert!(text(&phone.get("/lijsten")).contains("/lijst/A"));
    let got = phone.post(
        "/lijst/A",
        &[
            ("i0", "ja"),
            ("i2", "3"),
            ("i3", "Eerst de ademhaling"),
            ("d3", "ja"),
        ],
    );
    assert_eq!(got.status, 303);

    // Reconnect: a new connection with only the cookies.
    let cookies = phone.cookies.clone();
    let mut again = Phone::new(&status.url);
    again.cookies = cookies;
    let page = text(&again.get("/lijst/A"));
    assert!(page.contains("Eerst de ademhaling</textarea>"), "{page}");
    again.post(
        "/lijst/A",
        &[
            ("i0", "ja"),
            ("i1", "ja"),
            ("i2", "3"),
            ("i3", "Eerst de ademhaling"),
        ],
    );
    assert_eq!(room.status().devices, 1, "no duplicate participant");
    assert_eq!(
        room.respondents()[0].1.checklists["A"][1],
        Answer::YesNo(Some(true))
    );

    let pdf = again.get("/reflectie.pdf");
    assert_eq!(pdf.status, 200);
    assert!(
        pdf.disposition.contains("-reflectie-fatima-"),
        "{}",
        pdf.disposition
    );
    let shown = pdf_support::parse(&pdf.body).squashed();
    assert!(shown.contains("FatimaYılmaz"), "{shown}");
    assert!(shown.contains("Eerstdeademhaling"), "{shown}");

    let session = room.status().session;
    let id = room.respondents()[0].0.clone();
    let file = store
        .folder(&session)
        .unwrap()
        .join("deelnemers")
        .join(format!("{id}.ron"));
    // The writer thread stores each change shortly after it is made.
    for _ in 0..100 {
        if std::fs::read_to_string(&file).is_ok_and(|t| t.contains("YesNo(Some(true))")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let stored = std::fs::read_to_string(&file).unwrap();
    assert!(stored.contains("Eerst de ademhaling") && stored.contains("YesNo(Some(true))"));
    let secret = again.cookies["kv_apparaat"]
        .split_once('.')
        .unwrap()
        .1
        .to_owned();
    assert!(
        !stored.contains(&secret),
        "only the hash of the device secret is stored"
    );

    let got = again.post("/wissen", &[("zeker", "ja")]);
    assert_eq!(got.status, 200);
    assert!(again.cookies.is_empty());
    assert!(room.respondents().is_empty());
    room.stop();
    assert!(!file.exists(), "wiped from disk");
    let (_, participants, _) = store.load(&session).unwrap();
    assert!(participants.is_empty());
}

#[test]
fn a_resumed_session_keeps_devices_and_cookies() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().join("zaal"));
    let room = Room::start(roomkit::config(Some(store.clone()))).unwrap();
    let status = room.status();
    let mut phone = Phone::new(&status.url);
    phone.post("/code", &[("code", &status.code)]);
    phone.post("/naam", &[("naam", "Bram")]);
    phone.post("/lijst/A", &[("i3", "Samen pauzeren")]);
    room.set_min_answers(7);
    room.stop();

    let mut config = roomkit::config(Some(store.clone()));
    config.resume = Some(status.session.clone());
    let room: Room = Room::start(RoomConfig { ..config }).unwrap();
    let resumed = room.status();
    assert_eq!(resumed.session, status.session);
    assert_eq!(resumed.devices, 1);
    assert_eq!(resumed.min_answers, 7);
    phone.base = resumed.url.clone();
    let page = text(&phone.get("/lijst/A"));
    assert!(
        page.contains("Samen pauzeren"),
        "the old cookie still works: {page}"
    );
    phone.post("/naam", &[("naam", "Bram")]);
    assert_eq!(room.status().devices, 1);

    let mut config = roomkit::config(None);
    config.resume = Some(status.session);
    assert!(Room::start(config).is_err(), "resuming needs a store");
}
