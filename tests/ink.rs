//! Pen and laser pointer on the projector: draw, keep per item, wipe.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use kampvuur::app::KampvuurApp;

use crate::common::{app_in, harness, press};

fn pointer(h: &mut Harness<'static, KampvuurApp>, event: Event) {
    h.input_mut().events.push(event);
    h.run_steps(1);
}

fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn draw_line(h: &mut Harness<'static, KampvuurApp>, from: Pos2, to: Pos2) {
    pointer(h, Event::PointerMoved(from));
    pointer(h, button(from, true));
    for i in 1..=8 {
        let t = i as f32 / 8.0;
        pointer(h, Event::PointerMoved(from + (to - from) * t));
    }
    pointer(h, button(to, false));
}

#[test]
fn the_pen_draws_on_the_current_item_and_e_wipes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    let first = h.state().show.presenter.deck.current().unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(1);
    assert!(h.state().show.presenter.ink.pen);
    press(&mut h, Key::Num2); // blue
    draw_line(&mut h, Pos2::new(300.0, 300.0), Pos2::new(700.0, 420.0));
    let strokes = h.state().show.presenter.ink.strokes(first).to_vec();
    assert_eq!(strokes.len(), 1);
    assert_eq!(strokes[0].colour, 1);
    assert!(strokes[0].points.len() >= 5, "{:?}", strokes[0].points);
    let p = strokes[0].points[0];
    assert!(
        (p.x - 300.0 / 1280.0).abs() < 0.01 && (p.y - 300.0 / 800.0).abs() < 0.01,
        "{p:?}"
    );

    // The ink stays with its item while the trainer moves on and comes back.
    press(&mut h, Key::ArrowRight);
    let second = h.state().show.presenter.deck.current().unwrap();
    assert!(h.state().show.presenter.ink.strokes(second).is_empty());
    press(&mut h, Key::ArrowLeft);
    assert_eq!(h.state().show.presenter.ink.strokes(first).len(), 1);

    press(&mut h, Key::E);
    assert!(h.state().show.presenter.ink.strokes(first).is_empty());
    // The workshop itself never gets the ink.
    assert_eq!(h.state().workshop, app_in(dir.path()).workshop);
}

#[test]
fn the_laser_dot_follows_the_mouse_and_ctrl_l_puts_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    press(&mut h, Key::F5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run_steps(1);
    pointer(&mut h, Event::PointerMoved(Pos2::new(640.0, 200.0)));
    let dot = h.state().show.presenter.ink.dot().expect("a laser dot");
    assert!(
        (dot.x - 0.5).abs() < 0.01 && (dot.y - 0.25).abs() < 0.01,
        "{dot:?}"
    );
    // The laser never draws.
    draw_line(&mut h, Pos2::new(100.0, 100.0), Pos2::new(300.0, 300.0));
    let r = h.state().show.presenter.deck.current().unwrap();
    assert!(h.state().show.presenter.ink.strokes(r).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run_steps(1);
    assert!(h.state().show.presenter.ink.dot().is_none());
}
