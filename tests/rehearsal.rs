#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Rehearsal and session are separate: presenting from the start after a
//! rehearsal asks for a clean clock; pause ends are set when the pause is
//! entered; another workshop starts a new session.

use crate::common;

use common::{advance, app_in, harness, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Screen};
use kampvuur::model::{Item, ItemRef};

type H = Harness<'static, KampvuurApp>;

const QUESTION: &str = "Oefenen was bezig: opnieuw beginnen met een schone klok?";

/// The position and place of the pause in the deck.
fn pause(h: &H) -> (usize, ItemRef) {
    let app = h.state();
    let deck = &app.show.presenter.deck;
    (deck.refs().iter().enumerate())
        .find(|(_, r)| matches!(app.workshop.item(**r), Some(Item::Break(_))))
        .map(|(i, r)| (i, *r))
        .expect("the example has a pause")
}

fn to_pause(h: &mut H) -> ItemRef {
    let (i, r) = pause(h);
    h.state_mut().show.presenter.deck.go_to(i);
    h.run_steps(2);
    r
}

/// "13:45": the minute, as the screens show it (the harness clock runs
/// a little with every frame).
fn at(hh: u32, mm: u32) -> String {
    format!("{hh:02}:{mm:02}")
}

fn hm(t: chrono::NaiveDateTime) -> String {
    t.format("%H:%M").to_string()
}

fn resume(h: &H, r: ItemRef) -> Option<String> {
    h.state().show.presenter.break_resume(r).map(hm)
}

fn started(h: &H) -> String {
    hm(h.state().show.presenter.session.as_ref().unwrap().started())
}

/// A rehearsal at 13:30: the pause is shown, a line is drawn, back to the start.
fn rehearse(h: &mut H) -> ItemRef {
    h.run_steps(1);
    press(h, Key::F5);
    assert_eq!(started(h), at(13, 30));
    let r = to_pause(h);
    assert_eq!(resume(h, r), Some(at(13, 45)));
    press(h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Start);
    // Twenty minutes later the session begins.
    advance(h, 20.0 * 60.0);
    r
}

#[test]
fn a_clean_clock_forgets_the_rehearsal() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    let r = rehearse(&mut h);
    let saved = dir
        .path()
        .join("sessies/rust-in-de-klas/2026-11-23-1330.ron");
    assert!(saved.exists(), "leaving saved the rehearsal's times");
    press(&mut h, Key::F5);
    assert_eq!(h.state().screen, Screen::Start, "F5 asks first");
    h.get_by_label(QUESTION);
    h.get_by_label("Ja, schone klok").click();
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(h.state().show.presenter.deck.position(), 0);
    assert_eq!(started(&h), at(13, 50));
    assert_eq!(resume(&h, r), None, "the rehearsal's pause end survived");
    assert!(!saved.exists(), "the session log kept the rehearsal");
    // The pause's end is set when it is entered during the session.
    advance(&mut h, 60.0);
    to_pause(&mut h);
    assert_eq!(resume(&h, r), Some(at(14, 6)));
}

#[test]
fn keeping_the_clock_goes_on_with_the_rehearsal() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    let r = rehearse(&mut h);
    press(&mut h, Key::F5);
    h.get_by_label("Nee, verder met deze klok").click();
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(started(&h), at(13, 30));
    assert_eq!(resume(&h, r), Some(at(13, 45)));
}

#[test]
fn esc_closes_the_question_without_presenting() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    rehearse(&mut h);
    press(&mut h, Key::F5);
    h.get_by_label(QUESTION);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Start);
    assert!(h.query_by_label(QUESTION).is_none());
}

#[test]
fn a_pause_entered_again_after_its_end_counts_down_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    let r = to_pause(&mut h);
    assert_eq!(resume(&h, r), Some(at(13, 45)));
    let (i, _) = pause(&h);
    // Back to the item before the pause (it is the last item), and later in again.
    press(&mut h, Key::ArrowLeft);
    assert_eq!(h.state().show.presenter.deck.position(), i - 1);
    advance(&mut h, 30.0 * 60.0);
    to_pause(&mut h);
    assert_eq!(resume(&h, r), Some(at(14, 15)));
}

#[test]
fn another_workshop_starts_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ander.ron");
    std::fs::write(
        &file,
        common::EXAMPLE.replace("Rust in de klas", "Een andere middag"),
    )
    .unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    let field = h.get_by_label("Begonnen om");
    field.click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Begonnen om").type_text("22:00");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().show.console.start_input, "22:00");
    press(&mut h, Key::Escape);
    advance(&mut h, 5.0 * 60.0);
    h.state_mut().open(file);
    h.run_steps(1);
    assert_eq!(h.state().workshop.title, "Een andere middag");
    assert!(h.state().show.presenter.session.is_none());
    // No question: nothing was rehearsed with this workshop.
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(
        h.state().show.console.start_input,
        "13:35",
        "a stale start time"
    );
}
