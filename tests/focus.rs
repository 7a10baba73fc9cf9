#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Focus decides: while a text field has the keys, no presenting key acts.
//! Esc leaves the field first; only then do the keys drive the slides.

use crate::common;

use common::{app_in, harness, position, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Screen};
use kampvuur::ui::Stage;

type H = Harness<'static, KampvuurApp>;

fn presenting_with_console(h: &mut H) {
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
}

fn focused(h: &H) -> bool {
    h.ctx.memory(|m| m.focused()).is_some()
}

/// Every presenting key a trainer could hit while typing, one frame each.
fn hammer(h: &mut H) {
    h.get_by_label("Begonnen om").type_text("22:00");
    h.run_steps(1);
    for key in [
        Key::Num2,
        Key::B,
        Key::W,
        Key::C,
        Key::S,
        Key::T,
        Key::P,
        Key::L,
        Key::Z,
        Key::O,
        Key::ArrowRight,
        Key::PageDown,
        Key::Space,
        Key::Home,
        Key::End,
        Key::F1,
        // Tab last: in a one-line field it moves the keys to the next widget.
        Key::Tab,
    ] {
        h.key_press(key);
        h.run_steps(1);
        assert!(focused(h), "{key:?} took the keys from the console");
    }
}

#[test]
fn typing_a_start_time_drives_nothing_on_the_projector() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    presenting_with_console(&mut h);
    let field = h.get_by_label("Begonnen om");
    field.click();
    h.run_steps(1);
    assert!(focused(&h), "the field has the keys");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    hammer(&mut h);
    let show = &h.state().show;
    assert_eq!(show.presenter.deck.position(), 0, "a key moved the slides");
    assert_eq!(show.presenter.deck.number, "", "\"Ga naar dia\" appeared");
    assert_eq!(show.presenter.deck.blank, None, "a key blanked the screen");
    assert!(!show.presenter.deck.overview, "Tab opened the overview");
    assert!(!show.presenter.help, "F1 opened the help over the slide");
    assert!(
        !show.presenter.ink.pen && !show.presenter.ink.laser,
        "a key took the pen or laser"
    );
    assert_eq!(show.stage, Stage::SideBySide, "C hid the console");
    assert!(h.state().room.overlay.is_none(), "Z or O covered the slide");

    // Enter confirms the field; it does not move the slides.
    h.get_by_label("Begonnen om").click();
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(!focused(&h));
    assert_eq!(position(&h), 0, "Enter moved the slides");
    assert_eq!(h.state().screen, Screen::Present);

    // Esc leaves the field, not the presentation.
    h.get_by_label("Begonnen om").click();
    h.run_steps(1);
    assert!(focused(&h));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(
        h.state().screen,
        Screen::Present,
        "Esc left the presentation"
    );
    assert!(!focused(&h));
    // Now the keys drive the slides again.
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), 1);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Start);
}

#[test]
fn tab_opens_the_overview_without_leaving_a_button_focused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    presenting_with_console(&mut h);
    press(&mut h, Key::Tab);
    assert!(h.state().show.presenter.deck.overview);
    assert!(!focused(&h), "Tab also focused a console button");
    press(&mut h, Key::Tab);
    assert!(!h.state().show.presenter.deck.overview);
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), 1, "the keys still drive the slides");
}

#[test]
fn the_file_dialog_name_field_keeps_its_keys_while_presenting() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    presenting_with_console(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    assert!(h.state().files.browser.is_some(), "the dialog opens");
    h.get_by_label("Bestandsnaam of pad").click();
    h.run_steps(1);
    h.get_by_label("Bestandsnaam of pad").type_text("22 b w");
    h.run_steps(1);
    for key in [Key::Num2, Key::B, Key::W, Key::ArrowRight, Key::Tab] {
        h.key_press(key);
        h.run_steps(1);
    }
    // Even with no field focused, the open dialog keeps the keys from the slides.
    h.ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    h.run_steps(1);
    for key in [Key::Num2, Key::B, Key::Tab, Key::ArrowRight] {
        h.key_press(key);
        h.run_steps(1);
    }
    assert_eq!(h.state().screen, Screen::Present);
    let deck = &h.state().show.presenter.deck;
    assert_eq!(deck.position(), 0);
    assert_eq!(deck.number, "");
    assert_eq!(deck.blank, None);
    assert!(!deck.overview);
}

#[test]
fn f5_in_a_participant_field_does_not_start_presenting() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    common::begin_participating(&mut h);
    for field in ["Je naam", "Je code (4 cijfers)"] {
        h.get_by_label(field).click();
        h.run_steps(1);
        for (mods, key) in [
            (Modifiers::NONE, Key::F5),
            (Modifiers::SHIFT, Key::F5),
            (Modifiers::ALT, Key::F5),
            (Modifiers::NONE, Key::F11),
        ] {
            h.key_press_modifiers(mods, key);
            h.run_steps(1);
            assert_eq!(h.state().screen, Screen::Participant, "{field}: {key:?}");
        }
    }
}

#[test]
fn the_start_screen_keys_work_when_no_field_has_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    assert!(!focused(&h));
    press(&mut h, Key::F5);
    assert_eq!(h.state().screen, Screen::Present);
}
