#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! "De tijd is om" fills the projector, whatever the console shows and
//! however small the running timer had to be fitted.

use crate::common;

use common::{advance, harness, press};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::content::parse_workshop;
use kampvuur::ui::Stage;

type H = Harness<'static, KampvuurApp>;

/// The example with a timer whose instruction is long: running, it is
/// fitted small.
fn app(dir: &std::path::Path) -> KampvuurApp {
    let long = "Adem rustig in door je neus en langzaam uit door je mond. ".repeat(30);
    let source = common::EXAMPLE.replace(
        "Adem rustig in door je neus en langzaam uit door je mond.",
        &long,
    );
    let workshop = parse_workshop(&source, "lang.ron").expect("parses");
    let paths = Paths {
        exports: Some(dir.join("documenten")),
        ..Paths::default()
    };
    KampvuurApp::new(workshop, None, paths, common::wall())
}

/// Presenting the timer, running for a while, then past its end.
fn run_out(h: &mut H) {
    h.run_steps(1);
    press(h, Key::F5);
    press(h, Key::PageDown);
    press(h, Key::T);
    advance(h, 30.0);
    h.run_steps(1);
    advance(h, 100.0);
    h.run_steps(1);
}

fn time_up_height(h: &H) -> f32 {
    (h.get_all_by_label("De tijd is om"))
        .map(|n| n.rect().height())
        .fold(0.0, f32::max)
}

#[test]
fn time_up_fills_the_projector_after_a_long_running_timer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app(dir.path()));
    run_out(&mut h);
    assert_eq!(h.state().show.stage, Stage::Slide);
    let height = time_up_height(&h);
    // The window is 800 high: the words are at least an eighth of it
    // (they were about 3 % with the running timer's fit).
    assert!(height >= 100.0, "De tijd is om is {height} high");
}

#[test]
fn time_up_fills_the_slide_beside_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app(dir.path()));
    run_out(&mut h);
    press(&mut h, Key::C);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    // The slide beside the console is 60 % of 1280 wide, 16:9: 432 high.
    let height = time_up_height(&h);
    assert!(
        height >= 50.0,
        "De tijd is om is {height} high beside the console"
    );
}

#[test]
fn the_console_shows_time_up_beside_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app(dir.path()));
    run_out(&mut h);
    press(&mut h, Key::C);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    // The notes column starts where the timer's buttons are.
    let notes = h.get_by_label("Opnieuw (R)").rect();
    // One on the slide, a smaller one in the notes column of the console.
    let shown: Vec<_> = h
        .get_all_by_label("De tijd is om")
        .map(|n| n.rect())
        .collect();
    assert!(shown.len() >= 2, "{shown:?}");
    let beside = shown
        .iter()
        .find(|r| r.min.x >= notes.min.x - 1.0)
        .unwrap_or_else(|| panic!("none in the notes column at x ≥ {}: {shown:?}", notes.min.x));
    assert!(beside.height() >= 24.0, "{beside:?}");
}
