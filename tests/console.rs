#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The presenter console, two windows, timers and session timing, driven
//! through kittest with an injected clock (no sleeping).

use crate::common;

use std::cell::RefCell;

use common::{advance, app_in, harness, position, press, time};
use egui::{Event, Key, Modifiers, RawInput, ViewportEvent, ViewportInfo};
use egui_kittest::kittest::Queryable;
use kampvuur::app::{Monitor, Screen};
use kampvuur::ui::Stage;
use kampvuur::ui::countdown::Phase;

#[test]
fn console_shows_next_item_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    h.get_by_label("Hierna");
    h.get_by_label("Sprekersnotities");
    h.get_by_label_contains("Heet iedereen welkom");
    // The next item (the breathing timer) is previewed.
    h.get_by_label("Ademoefening");
    // The agenda shows planned minutes and the current section's clock.
    h.get_by_label("1. Opening");
    h.get_by_label("Op schema");
    // C hides the console, leaving only the slide.
    press(&mut h, Key::C);
    assert_eq!(h.state().show.stage, Stage::Slide);
    assert!(h.query_by_label("Sprekersnotities").is_none());
}

#[test]
fn case_trainer_notes_stay_on_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    // The third item is the case.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    h.get_by_label("Trainersnotities");
    h.get_by_label_contains("Luister of de groep");
    press(&mut h, Key::C);
    assert!(h.query_by_label_contains("Luister of de groep").is_none());
}

#[test]
fn timer_transitions_from_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    press(&mut h, Key::PageDown);
    let r = h.state().show.presenter.deck.current().unwrap();
    let phase = |h: &egui_kittest::Harness<'_, kampvuur::app::KampvuurApp>| {
        let c = h.state().show.presenter.timer(r).expect("timer exists");
        (c.phase(time(h)), c.remaining(time(h)))
    };
    h.get_by_label("Start (T)").click();
    h.run_steps(1);
    assert_eq!(phase(&h).0, Phase::Running);
    advance(&mut h, 30.0);
    h.get_by_label("Pauze (T)").click();
    h.run_steps(1);
    let (p, left) = phase(&h);
    assert_eq!(p, Phase::Paused);
    assert!((89..=90).contains(&left), "{left}");
    advance(&mut h, 600.0);
    assert_eq!(phase(&h).1, left, "a paused timer does not run");
    h.get_by_label("Start (T)").click();
    h.run_steps(1);
    advance(&mut h, 45.0);
    assert_eq!(phase(&h).0, Phase::LastMinute);
    h.get_by_label("Nog één minuut");
    h.get_by_label("+1 min (+)").click();
    h.run_steps(1);
    let (p, left) = phase(&h);
    assert_eq!(p, Phase::Running);
    assert!((100..=106).contains(&left), "{left}");
    advance(&mut h, 200.0);
    assert_eq!(phase(&h), (Phase::Finished, 0));
    // On the slide beside the console, and again beside the notes.
    assert_eq!(h.get_all_by_label("De tijd is om").count(), 2);
    h.get_by_label("Opnieuw (R)").click();
    h.run_steps(1);
    assert_eq!(phase(&h), (Phase::Ready, 120));
}

thread_local! {
    /// Events for the second window, delivered by the test's viewport renderer.
    static AUDIENCE: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
    static CLOSE_AUDIENCE: RefCell<bool> = const { RefCell::new(false) };
}

/// Run immediate viewports as real second windows, as eframe does, with
/// their own input.
fn real_second_window(ctx: &egui::Context) {
    ctx.set_embed_viewports(false);
    egui::Context::set_immediate_viewport_renderer(|ctx, mut viewport| {
        let id = viewport.ids.this;
        let mut info = ViewportInfo::default();
        if CLOSE_AUDIENCE.with(|c| c.replace(false)) {
            info.events.push(ViewportEvent::Close);
        }
        let input = RawInput {
            viewport_id: id,
            viewports: std::iter::once((id, info)).collect(),
            events: AUDIENCE.with(|e| e.take()),
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 720.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| (viewport.viewport_ui_cb)(ui));
        output.textures_delta.clear();
    });
}

fn key_event(key: Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

fn two_monitors() -> Vec<Monitor> {
    vec![
        Monitor {
            name: "Laptop".into(),
            origin: egui::Pos2::ZERO,
            size: egui::vec2(1280.0, 800.0),
        },
        Monitor {
            name: "Projector".into(),
            origin: egui::pos2(1280.0, 0.0),
            size: egui::vec2(1920.0, 1080.0),
        },
    ]
}

fn two_screen_harness(
    dir: &std::path::Path,
) -> egui_kittest::Harness<'static, kampvuur::app::KampvuurApp> {
    let mut app = app_in(dir);
    app.set_monitors(two_monitors());
    egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(|ctx| {
            kampvuur::ui::theme::install(ctx, false);
            real_second_window(ctx);
        })
        .build_ui_state(|ui, app: &mut kampvuur::app::KampvuurApp| app.show(ui), app)
}

#[test]
fn keys_work_from_both_windows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_screen_harness(dir.path());
    h.run_steps(1);
    press(&mut h, Key::F5);
    assert_eq!(h.state().show.stage, Stage::TwoScreens { swapped: false });
    // A key in the audience window on the projector …
    AUDIENCE.with(|e| e.borrow_mut().push(key_event(Key::PageDown)));
    h.run_steps(1);
    assert_eq!(position(&h), 1);
    // … and one in the console window move the same presentation, once each.
    press(&mut h, Key::PageDown);
    assert_eq!(position(&h), 2);
    AUDIENCE.with(|e| e.borrow_mut().push(key_event(Key::S)));
    h.run_steps(1);
    assert_eq!(h.state().show.stage, Stage::TwoScreens { swapped: true });
    AUDIENCE.with(|e| e.borrow_mut().push(key_event(Key::B)));
    h.run_steps(1);
    assert!(h.state().show.presenter.deck.blank.is_some());
}

#[test]
fn closing_the_audience_window_falls_back_to_one_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_screen_harness(dir.path());
    h.run_steps(1);
    press(&mut h, Key::F5);
    press(&mut h, Key::End);
    let at = position(&h);
    CLOSE_AUDIENCE.with(|c| *c.borrow_mut() = true);
    h.run_steps(2);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(position(&h), at, "no lost position");
    h.get_by_label_contains("één scherm");
}

#[test]
fn unplugging_the_projector_falls_back_to_one_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_screen_harness(dir.path());
    h.run_steps(1);
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    h.state_mut().set_monitors(two_monitors()[..1].to_vec());
    h.run_steps(2);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    assert_eq!(position(&h), 1);
}

#[test]
fn session_times_are_summarised_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    advance(&mut h, 12.0 * 60.0);
    press(&mut h, Key::End); // into section 2 after 12 minutes
    advance(&mut h, 30.0 * 60.0);
    // Section 1 took 12 of 10 minutes, section 2 30 of 25: 7 minutes behind.
    h.get_by_label("7 min achter op schema");
    h.get_by_label("Tijden…").click();
    // A new window is laid out invisibly in its first frame.
    h.run_steps(3);
    h.get_by_label("Gepland en werkelijk");
    // Decimal commas; whole minutes without ",0".
    // In the window, and "+2 min" / "+5 min" also in the console's agenda.
    assert_eq!(h.query_all_by_label("+2 min").count(), 2);
    assert_eq!(h.query_all_by_label("+5 min").count(), 2);
    h.get_by_label("+7 min");
    h.get_by_label("42 min");
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen, Screen::Start);
    let folder = dir.path().join("sessies/rust-in-de-klas");
    let file = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(file).unwrap();
    let record: kampvuur::model::SessionRecord = ron::from_str(&text).unwrap();
    assert_eq!(record.started, "13:30");
    let actual: Vec<f64> = record.sections.iter().map(|s| s.actual_minutes).collect();
    assert_eq!(actual, vec![12.0, 30.0]);
}

/// A notice while presenting is a bar under the console: it covers no
/// agenda row, and it never shows on the slide alone.
#[test]
fn a_notice_covers_no_agenda_row_and_stays_off_the_projector() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    let text = "Tijden bewaard in /tmp/sessies/een-heel-lang-pad/2026-11-23-1330.ron";
    h.state_mut().notice = Some(kampvuur::app::Notice::info(text));
    h.run_steps(2);
    let notice = h.get_by_label(text).rect();
    for row in ["1. Opening", "2. Aan de slag"] {
        let r = h.get_by_label(row).rect();
        assert!(
            !r.intersects(notice),
            "the notice covers {row}: {notice:?} over {r:?}"
        );
    }
    press(&mut h, Key::C);
    assert_eq!(h.state().show.stage, Stage::Slide);
    assert!(
        h.query_by_label(text).is_none(),
        "the notice is on the projector"
    );
}

/// Text rows drawn under a clip rectangle that cuts them in half, and not
/// covered by a rectangle painted after them.
fn rows_cut_in_half(output: &egui::FullOutput) -> Vec<String> {
    let shapes = &output.shapes;
    let mut cut = Vec::new();
    for (i, clipped) in shapes.iter().enumerate() {
        let egui::Shape::Text(text) = &clipped.shape else {
            continue;
        };
        let clip = clipped.clip_rect;
        for row in &text.galley.rows {
            let r = row.rect().translate(text.pos.to_vec2());
            let half = (r.top() < clip.bottom() - 1.0 && r.bottom() > clip.bottom() + 1.0)
                || (r.top() < clip.top() - 1.0 && r.bottom() > clip.top() + 1.0);
            if !half {
                continue;
            }
            let shown = r.intersect(clip);
            let covered = shapes[i + 1..].iter().any(|later| match &later.shape {
                egui::Shape::Rect(rect) => {
                    rect.fill.a() == 255 && rect.rect.expand(0.5).contains_rect(shown)
                }
                _ => false,
            });
            if !covered {
                cut.push(row.text());
            }
        }
    }
    cut
}

#[test]
fn notes_are_not_cut_mid_line_at_ctrl_plus_three_times() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        h.run_steps(2);
    }
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    assert_eq!(h.state().show.stage, Stage::SideBySide);
    let mut checked = 0;
    // Every item of the example, with the notes at their longest.
    for _ in 0..h.state().show.presenter.deck.len() {
        h.run_steps(2);
        let cut = rows_cut_in_half(h.output());
        assert!(cut.is_empty(), "item {}: cut rows {cut:?}", position(&h));
        checked += 1;
        press(&mut h, Key::PageDown);
    }
    assert!(checked >= 5);
}
