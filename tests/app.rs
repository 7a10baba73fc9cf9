#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The app, driven like a user would: egui_kittest clicks and key presses on the
//! real app state. No display or GPU needed.

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use kampvuur::app::Screen;
use kampvuur::content::{AnswerStore, Resumed};
use kampvuur::model::Answer;
use kampvuur::ui::deck::Blank;

use crate::common;

use common::{advance, app_in, harness, position, press, time};

#[test]
fn start_screen_shows_agenda_and_presents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(2);
    h.get_by_label("Rust in de klas");
    h.get_by_label("Opening");
    h.get_by_label("35 min");
    h.get_by_label("Presenteren").click();
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    h.get_by_label("Welkom");
}

#[test]
fn presentation_keys_move_blank_and_leave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    assert_eq!(h.state().screen, Screen::Present);
    for (key, expected) in [
        (Key::PageDown, 1),
        (Key::ArrowRight, 2),
        (Key::Space, 3),
        (Key::N, 4),
        (Key::ArrowDown, 4),
        (Key::PageUp, 3),
        (Key::ArrowLeft, 2),
        (Key::Backspace, 1),
        (Key::P, 0),
        (Key::End, 4),
        (Key::Home, 0),
        (Key::Enter, 1),
        (Key::ArrowUp, 0),
    ] {
        press(&mut h, key);
        assert_eq!(position(&h), expected, "after {key:?}");
    }
    // A number followed by Enter goes to that dia (the example has one).
    press(&mut h, Key::End);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    assert_eq!(position(&h), 0);
    for _ in 0..3 {
        press(&mut h, Key::ArrowRight);
    }
    h.get_by_label("Wat heeft dit kind nu nodig?");
    // B blanks the screen: the item is no longer drawn.
    press(&mut h, Key::B);
    assert_eq!(h.state().show.presenter.deck.blank, Some(Blank::Black));
    assert!(h.query_by_label("Wat heeft dit kind nu nodig?").is_none());
    press(&mut h, Key::B);
    assert_eq!(h.state().show.presenter.deck.blank, None);
    press(&mut h, Key::Comma);
    assert_eq!(h.state().show.presenter.deck.blank, Some(Blank::White));
    press(&mut h, Key::Escape);
    assert_eq!(h.state().show.presenter.deck.blank, None);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Start);
}

#[test]
fn overview_jumps_on_click() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    press(&mut h, Key::G);
    assert!(h.state().show.presenter.deck.overview);
    h.get_by_label_contains("Tim komt boos binnen").click();
    h.run_steps(2);
    assert!(!h.state().show.presenter.deck.overview);
    assert_eq!(position(&h), 2);
    h.get_by_label("Bespreek samen");
    // Tab opens it too, Esc closes it without leaving.
    press(&mut h, Key::Tab);
    assert!(h.state().show.presenter.deck.overview);
    press(&mut h, Key::Escape);
    assert!(!h.state().show.presenter.deck.overview);
    assert_eq!(h.state().screen, Screen::Present);
}

#[test]
fn progress_indicator_hides_with_h() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    assert!(h.state().show.presenter.deck.show_progress);
    press(&mut h, Key::H);
    assert!(!h.state().show.presenter.deck.show_progress);
}

#[test]
fn timer_counts_down_with_injected_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    h.get_by_label("Ademoefening");
    h.get_by_label("02:00");
    press(&mut h, Key::T);
    // Move egui's clock on by 30 s without sleeping.
    advance(&mut h, 30.0);
    let r = h.state().show.presenter.deck.current().expect("an item");
    let left = h.state().show.presenter.timer(r).expect("timer started");
    assert!((89..=90).contains(&left.remaining(time(&h))), "{left:?}");
    h.get_by_label("01:30");
}

#[test]
fn filling_a_checklist_autosaves_the_expected_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    common::begin_participating(&mut h);
    h.get_by_label("Je naam").focus();
    h.get_by_label("Je naam").type_text("Fatima");
    h.run_steps(1);
    h.get_by_label("Je code (4 cijfers)").focus();
    h.get_by_label("Je code (4 cijfers)").type_text("4821");
    h.run_steps(1);
    h.get_by_label("Beginnen").click();
    h.run_steps(2);
    h.get_by_label("We hebben eerst naar het welzijn gekeken.")
        .click();
    h.run_steps(1);
    h.get_by_label("Onze eerste kleine stap").focus();
    h.get_by_label("Onze eerste kleine stap")
        .type_text("Eerst rust");
    h.get_all_by_label("Ja")
        .next()
        .expect("a Ja button")
        .click();
    h.run_steps(1);
    // Within a second (four steps of 0.25 s in egui time) the answers are
    // written, from the writer thread.
    h.run_steps(4);
    crate::common::settle(&mut h);
    let store = AnswerStore::new(dir.path().join("antwoorden"));
    let file: PathBuf = store.path_of(
        h.state()
            .participation
            .form
            .answers
            .as_ref()
            .expect("answers"),
    );
    assert!(file.starts_with(dir.path().join("antwoorden/rust-in-de-klas")));
    let text = std::fs::read_to_string(&file).expect("answers were saved");
    assert!(text.contains("Fatima"), "{text}");
    let code = kampvuur::model::AccessCode::parse("4821").expect("a code");
    let Ok(Resumed::Found(set)) = store.resume("Rust in de klas", "Fatima", &code) else {
        panic!("the answers do not load");
    };
    let answers = &set.checklists["A"];
    assert_eq!(answers[0], Answer::Check(true));
    assert_eq!(answers[1], Answer::YesNo(Some(true)));
    assert_eq!(answers[3], Answer::Open("Eerst rust".to_owned()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Reopening the app shows them again, with name and code.
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    common::begin_participating(&mut h);
    h.get_by_label("Je naam").focus();
    h.get_by_label("Je naam").type_text("Fatima");
    h.get_by_label("Je code (4 cijfers)").focus();
    h.get_by_label("Je code (4 cijfers)").type_text("4821");
    h.run_steps(1);
    h.get_by_label("Verder met mijn antwoorden").click();
    h.run_steps(2);
    assert_eq!(
        h.state()
            .participation
            .form
            .answers
            .as_ref()
            .map(|a| a.checklists["A"][3].clone()),
        Some(Answer::Open("Eerst rust".to_owned()))
    );
}

#[test]
fn a_broken_file_shows_errors_and_keeps_the_workshop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("kapot.ron");
    std::fs::write(
        &broken,
        "Workshop(title: \"x\", sections: [(title: \"Leeg\", minutes: 0, items: [])])",
    )
    .expect("write");
    let mut app = app_in(dir.path());
    app.open(broken);
    let mut h = harness(app);
    h.run_steps(2);
    assert_eq!(h.state().workshop.title, "Rust in de klas");
    let errors = h.state().load_errors.clone().expect("errors shown");
    assert!(errors.path.ends_with("kapot.ron"), "{errors:?}");
    assert!(errors.lines[0].starts_with("regel 1, kolom "), "{errors:?}");
    assert!(errors.kept_text().contains("Rust in de klas"), "{errors:?}");
    h.get_by_label("Deze workshop kan niet worden geopend");
    h.get_by_label("Sluiten").click();
    h.run_steps(2);
    assert!(h.state().load_errors.is_none());
}

#[test]
fn text_size_is_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    assert!((h.state().settings.text_scale - 1.2).abs() < 1e-4);
    let h = harness(app_in(dir.path()));
    assert!((h.state().settings.text_scale - 1.2).abs() < 1e-4);
}

#[test]
fn export_from_the_app_writes_a_pdf_or_says_why_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    let now = kampvuur::ui::Now {
        t: 0.0,
        wall: common::wall(),
    };
    let out = dir.path().join("werkboek.pdf");
    h.state_mut()
        .export_to(kampvuur::pdf::DocKind::Workbook, out.clone(), now);
    h.run_steps(2);
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"));
    h.get_by_label_contains("pagina’s");
    h.get_by_label("Openen");
    h.get_by_label("Sluiten").click();
    h.run_steps(2);
    assert!(h.state().notice.is_none());

    let missing = dir.path().join("bestaat-niet/werkboek.pdf");
    h.state_mut()
        .export_to(kampvuur::pdf::DocKind::Guide, missing.clone(), now);
    h.run_steps(2);
    h.get_by_label_contains("bestaat niet");
    assert!(!missing.exists());
    assert!(h.state().notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn the_last_opened_workshop_can_be_reopened_from_the_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("ander.ron");
    let source = common::EXAMPLE.replace("Rust in de klas", "Een andere middag");
    std::fs::write(&file, source).expect("write");
    let mut app = app_in(dir.path());
    app.open(file.clone());
    assert_eq!(app.workshop.title, "Een andere middag");
    // A new start: the bundled (here: example) workshop, and the menu offers the last file.
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    assert_eq!(h.state().workshop.title, "Rust in de klas");
    h.get_by_label("Bestand").click();
    h.run_steps(2);
    h.get_by_label("Opnieuw openen: ander.ron").click();
    h.run_steps(2);
    crate::common::settle(&mut h);
    assert_eq!(h.state().workshop.title, "Een andere middag");
    assert_eq!(h.state().workshop_path.as_deref(), Some(file.as_path()));
}

#[test]
fn the_window_title_names_the_open_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("ander.ron");
    let source = crate::common::EXAMPLE.replace("Rust in de klas", "Een andere middag");
    std::fs::write(&file, source).expect("write");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    assert_eq!(h.state().window_title(), "Rust in de klas – kampvuur");
    h.state_mut().open(file);
    h.run_steps(1);
    assert_eq!(h.state().window_title(), "ander.ron – kampvuur");
}
