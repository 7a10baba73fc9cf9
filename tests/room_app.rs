#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The room in the app (kittest, a real server on loopback): the join card
//! with its QR code on the projector, the team picture, and opening and
//! closing checklists from the console.

use crate::common;

use std::collections::BTreeSet;

use common::{app_in, harness, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Overlay};
use kampvuur::content::RoomStore;
use kampvuur::model::{
    Answer, AnswerSet, ChecklistSummary, ItemSummary, SharedAnswer, SharedKey, TeamSummary,
};

fn room_app(dir: &std::path::Path) -> KampvuurApp {
    app_in(dir)
}

fn present_with_console(h: &mut Harness<'_, KampvuurApp>) {
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
}

/// The console's Zaal tab, then "Zaal laten meedoen".
fn start_room_from_console(h: &mut Harness<'_, KampvuurApp>) {
    h.get_by_label_contains("Zaal").click();
    h.run_steps(2);
    h.get_by_label("Zaal laten meedoen (Z)").click();
    h.run_steps(2);
}

#[test]
fn z_starts_the_room_and_shows_the_join_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(room_app(dir.path()));
    present_with_console(&mut h);
    press(&mut h, Key::Z);
    assert_eq!(h.state().room.overlay, Some(Overlay::JoinCard));
    let status = h.state().room.status.clone().expect("the room runs");
    assert!(
        status.url.starts_with("http://127.0.0.1:"),
        "{}",
        status.url
    );
    assert!(status.join_url.starts_with(&status.url));
    assert_eq!(status.code.chars().count(), 4);
    assert!(
        status.code.chars().all(|c| !"O0I1L".contains(c)),
        "no look-alikes: {}",
        status.code
    );
    h.get_by_label("Doe mee met je telefoon of laptop");
    let spaced: Vec<String> = status.code.chars().map(String::from).collect();
    h.get_by_label(&spaced.join(" "));
    h.get_by_label("Nog niemand doet mee");
    let short = status.url.trim_start_matches("http://").to_owned();
    h.get_by_label(&short);
    // The QR code carries the secret link: it decodes to a square code.
    let (modules, width) = kampvuur::ui::join::qr_modules(&status.join_url).unwrap();
    assert_eq!(modules.len(), width * width);

    // A phone opens the link from the QR code: the card counts it.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let page = agent.get(&status.join_url).call().unwrap();
    assert!(page.status().is_redirection(), "{}", page.status());
    let cookie = page.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    // … and chooses to take part anonymously.
    let named = agent
        .post(&format!("{}/naam", status.url))
        .header("Cookie", &cookie)
        .header("Origin", &status.url)
        .header("Sec-Fetch-Site", "same-origin")
        .send_form([("anoniem", "1")])
        .unwrap();
    assert!(named.status().is_redirection(), "{}", named.status());
    for _ in 0..50 {
        h.run_steps(1);
        if h.state()
            .room
            .status
            .as_ref()
            .is_some_and(|s| s.devices == 1)
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label("1 apparaat doet mee");

    // Z again hides the card; Esc while it shows closes it, not the presentation.
    press(&mut h, Key::Z);
    assert_eq!(h.state().room.overlay, None);
    press(&mut h, Key::Z);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().room.overlay, None);
    assert_eq!(h.state().screen, kampvuur::app::Screen::Present);
    // Moving on hides the card as well.
    press(&mut h, Key::Z);
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().room.overlay, None);
    // The session is on disk, with private permissions.
    let store = RoomStore::new(dir.path().join("zaal"));
    let sessions = store.sessions().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].session.id, status.session);
    h.state_mut().room.stop();
}

#[test]
fn console_opens_and_closes_checklists_for_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(room_app(dir.path()));
    present_with_console(&mut h);
    start_room_from_console(&mut h);
    let open = |h: &Harness<'_, KampvuurApp>| h.state().room.status.as_ref().unwrap().open.clone();
    assert!(open(&h).is_empty(), "nothing is open before it is shown");
    h.get_by_label_contains("A: Wat heeft dit kind nu nodig?")
        .click();
    h.run_steps(2);
    assert_eq!(open(&h), BTreeSet::from(["A".to_owned()]));
    h.get_by_label_contains("A: Wat heeft dit kind nu nodig?")
        .click();
    h.run_steps(2);
    assert!(open(&h).is_empty());
    // A checklist on the projector is open to the room.
    press(&mut h, Key::End);
    press(&mut h, Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(open(&h), BTreeSet::from(["A".to_owned()]));
    // The team picture waits for enough answers.
    press(&mut h, Key::O);
    assert_eq!(h.state().room.overlay, Some(Overlay::Team));
    h.get_by_label("Zo staat het team ervoor");
    h.get_by_label_contains("Het overzicht verschijnt vanaf 5 antwoorden");
    h.get_by_label("Zaal sluiten").click();
    h.run_steps(2);
    assert!(!h.state().room.is_running());
    assert_eq!(h.state().room.overlay, None);
}

#[test]
fn team_picture_shows_counts_and_only_approved_answers() {
    let key = |text: &str| SharedKey {
        participant: "p".into(),
        checklist: "A".into(),
        item: 1,
        text: text.into(),
    };
    let summary = TeamSummary {
        min_answers: 5,
        checklists: vec![
            ChecklistSummary {
                id: "A".into(),
                title: "Wat heeft dit kind nu nodig?".into(),
                respondents: 6,
                hidden: false,
                items: vec![
                    ItemSummary::Scale {
                        text: "Hoeveel spanning voel je?".into(),
                        left: "weinig".into(),
                        right: "veel".into(),
                        counts: vec![2, 1, 1, 1, 1],
                        median: Some(2.5),
                    },
                    ItemSummary::Open {
                        question: "Onze eerste kleine stap".into(),
                        answered: 6,
                        shared: vec![
                            SharedAnswer {
                                key: key("Eerst even samen ademen"),
                                approved: true,
                            },
                            SharedAnswer {
                                key: key("Nog niet gelezen"),
                                approved: false,
                            },
                        ],
                    },
                ],
            },
            ChecklistSummary {
                id: "B".into(),
                title: "Mijn rugzak".into(),
                respondents: 2,
                hidden: true,
                items: vec![],
            },
        ],
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 720.0])
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui_state(
            |ui, s: &mut TeamSummary| {
                let rect = ui.max_rect();
                kampvuur::ui::team::team_picture(ui, rect, s);
            },
            summary,
        );
    h.run_steps(1);
    h.get_by_label("Wat heeft dit kind nu nodig? · 6 antwoorden");
    // Below the threshold: not even the count.
    h.get_by_label("Mijn rugzak");
    assert!(h.query_by_label_contains("2 antwoorden").is_none());
    h.get_by_label_contains("Het overzicht verschijnt vanaf 5 antwoorden");
    h.get_by_label("“Eerst even samen ademen”");
    assert!(h.query_by_label_contains("Nog niet gelezen").is_none());
    h.get_by_label("mediaan 2,5");
}

/// A stored session exports as a team sheet and as CSV from the app.
#[test]
fn stored_session_exports_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = room_app(dir.path());
    let store = RoomStore::new(dir.path().join("zaal"));
    let w = app.workshop.clone();
    let session = kampvuur::model::RoomSession {
        id: "2026-11-23-1330-ab12".into(),
        workshop: w.title.clone(),
        started: "2026-11-23 13:30".into(),
        open: BTreeSet::from(["A".to_owned()]),
        min_answers: 5,
        approved: BTreeSet::new(),
        started_at: String::new(),
        token: String::new(),
        code: String::new(),
        per_address: kampvuur::model::DEFAULT_PER_ADDRESS,
    };
    store.save_session(&session).unwrap();
    let c = w.checklist("A").unwrap();
    for i in 0..5 {
        let mut answers = AnswerSet::new(&format!("Leerkracht {i}"), &w.title);
        *answers.get_mut("A", 0, &c.items[0]) = Answer::Check(i < 3);
        *answers.get_mut("A", 2, &c.items[2]) = Answer::Scale(Some(3));
        let p = kampvuur::model::RoomParticipant {
            id: format!("p{i}"),
            device_hash: "00".into(),
            answers,
        };
        store.save_participant(&session.id, &p).unwrap();
    }
    let now = kampvuur::ui::Now {
        t: 0.0,
        wall: common::wall(),
    };
    let pdf = dir.path().join("team.pdf");
    app.export_team_to(Some(session.id.clone()), false, pdf.clone(), now);
    assert!(!app.notice.as_ref().unwrap().error, "{:?}", app.notice);
    let doc = lopdf::Document::load(&pdf).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(text.contains("Teamoverzicht"), "{text}");
    assert!(text.contains("3 van 5"), "{text}");
    assert!(!text.contains("Leerkracht"), "no names on the team sheet");
    let csv = dir.path().join("team.csv");
    app.export_team_to(Some(session.id.clone()), true, csv.clone(), now);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(";afvinken;aangevinkt;3;5\r\n"), "{csv}");
}

/// After a restart of the app the console offers to continue today's room:
/// the same session and code; "Nieuwe zaal beginnen" starts afresh.
#[test]
fn a_restarted_app_continues_the_room_of_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(room_app(dir.path()));
    present_with_console(&mut h);
    start_room_from_console(&mut h);
    let first = h.state().room.status.clone().expect("the room runs");
    h.state_mut().room.stop();
    drop(h);

    // The laptop restarts: a new app on the same data folder.
    let mut h = harness(room_app(dir.path()));
    present_with_console(&mut h);
    h.get_by_label_contains("Zaal").click();
    h.run_steps(2);
    let label = h
        .state()
        .room
        .resumable
        .clone()
        .expect("today's room is offered")
        .1;
    assert!(label.starts_with("Verder met de zaal van "), "{label}");
    assert!(label.ends_with("(0 apparaten)"), "{label}");
    h.get_by_label(&label).click();
    h.run_steps(2);
    let again = h.state().room.status.clone().expect("the room runs again");
    assert_eq!(again.session, first.session);
    assert_eq!(again.code, first.code);
    assert_eq!(
        again.join_url.rsplit('/').next(),
        first.join_url.rsplit('/').next()
    );
    h.state_mut().room.stop();
    drop(h);

    let mut h = harness(room_app(dir.path()));
    present_with_console(&mut h);
    h.get_by_label_contains("Zaal").click();
    h.run_steps(2);
    h.get_by_label("Nieuwe zaal beginnen").click();
    h.run_steps(2);
    let fresh = h.state().room.status.clone().expect("a new room runs");
    assert_ne!(fresh.session, first.session);
    h.state_mut().room.stop();
}

/// When answers cannot be stored, the console shows it in red, and counts
/// devices and devices with answers separately.
#[test]
fn the_console_shows_a_red_banner_when_nothing_can_be_stored() {
    let w = crate::roomkit::workshop();
    let status = kampvuur::model::RoomStatus {
        url: "http://127.0.0.1:8470".into(),
        join_url: "http://127.0.0.1:8470/t/x".into(),
        code: "ABCD".into(),
        session: "s".into(),
        devices: 7,
        answering: 5,
        open: BTreeSet::new(),
        min_answers: 5,
        reach: kampvuur::model::Reach::Reachable,
        addresses: Vec::new(),
        version: 1,
        storage_error: Some("de schijf is vol".into()),
        per_address: 2,
    };
    let mut h = Harness::builder()
        .with_size([600.0, 800.0])
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui(move |ui| {
            let view = kampvuur::ui::room_panel::RoomView {
                status: Some(&status),
                team: None,
                error: None,
                resume: None,
            };
            kampvuur::ui::room_panel::ui(ui, &w, &view);
        });
    h.run_steps(1);
    h.get_by_label_contains("Antwoorden worden NIET bewaard: de schijf is vol");
    h.get_by_label("7 apparaten, 5 met antwoorden");
    h.get_by_label("Apparaten per netwerkadres");
}

#[test]
fn the_start_screen_shows_the_red_banner_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(room_app(dir.path()));
    h.run_steps(1);
    assert!(
        h.query_by_label_contains("Antwoorden worden NIET bewaard")
            .is_none()
    );
    h.state_mut().room.status = Some(kampvuur::model::RoomStatus {
        url: "http://127.0.0.1:8470".into(),
        join_url: "http://127.0.0.1:8470/t/x".into(),
        code: "ABCD".into(),
        session: "s".into(),
        devices: 3,
        answering: 2,
        open: BTreeSet::new(),
        min_answers: 5,
        reach: kampvuur::model::Reach::Reachable,
        addresses: Vec::new(),
        version: 1,
        storage_error: Some("de schijf is vol".into()),
        per_address: 2,
    });
    h.run_steps(2);
    h.get_by_label_contains("Antwoorden worden NIET bewaard: de schijf is vol");
}
