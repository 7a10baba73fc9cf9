//! The bewijs van deelname from the app: without a room session, the trainer
//! picks a names file (here in kampvuur's own file dialog, as on a desktop
//! without a dialog service), and one page per name lands in the documents
//! folder; a names file without names is said in Dutch.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::common::{app_in, harness};
use crate::pdf_support::{parse, squash};

type H = egui_kittest::Harness<'static, kampvuur::app::KampvuurApp>;

/// Exporteren › Bewijs van deelname…, then choose `file` (in the folder the
/// dialog opens in: the documents folder) by name.
fn certificate_from(h: &mut H, file: &std::path::Path) {
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    h.get_by_label("Bewijs van deelname…").click();
    h.run_steps(3);
    // Without a room, a file is the source of names.
    assert!(h.state().certificate.is_some(), "the bewijs dialog opens");
    h.get_by_label("Namen uit een bestand (één naam per regel)…")
        .click();
    h.run_steps(1);
    h.get_by_label("Maken").click();
    h.run_steps(3);
    assert!(h.state().files.browser.is_some(), "the names dialog opens");
    h.get_by_label("Bestandsnaam of pad").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestandsnaam of pad")
        .type_text(file.file_name().unwrap().to_str().unwrap());
    h.run_steps(2);
    // The dialog's button; a notice from an earlier export has one too.
    h.query_all_by_label("Openen").last().unwrap().click();
    h.run_steps(3);
    crate::common::settle(h);
}

#[test]
fn certificates_for_the_names_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("documenten");
    std::fs::create_dir(&docs).unwrap();
    let names = docs.join("namen.txt");
    std::fs::write(
        &names,
        "Anouk Brouwer\n\nΕλένη Παπαδοπούλου\nАнна Иванова\n",
    )
    .unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    certificate_from(&mut h, &names);
    let notice = h.state().notice.clone().expect("a notice");
    assert!(!notice.error, "{notice:?}");
    let file = notice.file.expect("the certificate's path");
    assert!(file.starts_with(&docs), "{file:?}");
    let p = parse(&std::fs::read(&file).unwrap());
    assert_eq!(p.sizes.len(), 3);
    for (i, name) in ["Anouk Brouwer", "Ελένη Παπαδοπούλου", "Анна Иванова"]
        .iter()
        .enumerate()
    {
        assert!(p.page_squashed(i).contains(&squash(name)), "{name}");
    }

    let empty = docs.join("leeg.txt");
    std::fs::write(&empty, "# nog niemand\n\n").unwrap();
    certificate_from(&mut h, &empty);
    let notice = h.state().notice.clone().expect("a notice");
    assert!(notice.error, "{notice:?}");
    assert!(notice.text.contains("geen namen"), "{notice:?}");
}

/// Trainer, school and date from the dialog, and the names of a saved
/// session of the room (not running any more).
#[test]
fn certificates_for_a_saved_room_session_with_trainer_and_school() {
    use kampvuur::model::{AnswerSet, RoomParticipant, RoomSession};
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let title = app.workshop.title.clone();
    let store = kampvuur::content::RoomStore::new(dir.path().join("zaal"));
    let session = RoomSession {
        id: "2026-11-23-1330-ab12".to_owned(),
        workshop: title.clone(),
        started: "2026-11-23 13:30".to_owned(),
        open: Default::default(),
        min_answers: 3,
        approved: Default::default(),
        started_at: String::new(),
        token: String::new(),
        code: String::new(),
        per_address: kampvuur::model::DEFAULT_PER_ADDRESS,
    };
    store.save_session(&session).unwrap();
    for (id, name) in [
        ("aaaa1111", "Anouk Brouwer"),
        ("bbbb2222", "Bram de Vries"),
        ("cccc3333", ""),
    ] {
        let participant = RoomParticipant {
            id: id.to_owned(),
            device_hash: "0".repeat(64),
            answers: AnswerSet::new(name, &title),
        };
        store.save_participant(&session.id, &participant).unwrap();
    }
    let mut h = harness(app);
    h.run_steps(1);
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    h.get_by_label("Bewijs van deelname…").click();
    h.run_steps(3);
    h.get_by_label_contains("Bewaarde sessie van 2026-11-23 13:30")
        .click();
    h.run_steps(1);
    for (field, text) in [("Trainer", "Marieke Jansen"), ("School", "De Klimop")] {
        h.get_by_label(field).click();
        h.run_steps(1);
        h.get_by_label(field).type_text(text);
        h.run_steps(1);
    }
    h.get_by_label("Maken").click();
    h.run_steps(2);
    crate::common::settle(&mut h);
    let notice = h.state().notice.clone().expect("a notice");
    assert!(!notice.error, "{notice:?}");
    let p = parse(&std::fs::read(notice.file.unwrap()).unwrap());
    // The anonymous participant gets no page.
    assert_eq!(p.sizes.len(), 2);
    let all = p.squashed();
    for expected in [
        "Anouk Brouwer",
        "Bram de Vries",
        "Marieke Jansen",
        "De Klimop",
        "23 november 2026",
    ] {
        assert!(
            all.contains(&squash(expected)),
            "{expected} missing in {all}"
        );
    }
}
