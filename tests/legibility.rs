#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Checklists and cases on the projector at 1920×1080: the text the room
//! reads is at least 36 px (a long situation or introduction alone may
//! shrink, to no less than 32 px), and a checklist fills the screen instead
//! of leaving its lower fifth empty. Measured from the text shapes egui draws.

use crate::common;

use common::press;
use egui::Key;
use egui_kittest::Harness;
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::model::Item;
use kampvuur::ui::Stage;

type H = Harness<'static, KampvuurApp>;

fn shipped() -> KampvuurApp {
    let workshop = kampvuur::content::bundled_workshop().expect("bundled workshop loads");
    let dir = std::env::temp_dir();
    let paths = Paths {
        exports: Some(dir.join("kampvuur-legibility-unused")),
        ..Paths::default()
    };
    KampvuurApp::new(workshop, None, paths, common::wall())
}

fn projector() -> H {
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui_state(
            |ui, app: &mut KampvuurApp| {
                // The whole window, as eframe gives it (kittest's panel has
                // a margin of 8 points).
                let screen = ui.ctx().content_rect();
                let mut root = ui.new_child(egui::UiBuilder::new().max_rect(screen));
                app.show(&mut root);
            },
            shipped(),
        );
    h.run_steps(1);
    press(&mut h, Key::F5);
    assert_eq!(h.state().show.stage, Stage::Slide);
    h
}

/// The long text of a checklist or case (its introduction or situation),
/// which alone may shrink below 36 px to fit a long item.
fn long_text(h: &H, pos: usize) -> String {
    let app = h.state();
    match app.workshop.item(app.show.presenter.deck.refs()[pos]) {
        Some(Item::Checklist(c)) => c.intro.source().to_owned(),
        Some(Item::Case(c)) => c.situation.source().to_owned(),
        _ => String::new(),
    }
}

/// The (title, kind) of every checklist and case, with its deck position.
fn checklists_and_cases(h: &H) -> Vec<(usize, String)> {
    let app = h.state();
    let deck = &app.show.presenter.deck;
    (0..deck.len())
        .filter_map(|i| {
            let item = app.workshop.item(deck.refs()[i])?;
            match item {
                Item::Checklist(c) => Some((i, format!("checklist {}", c.id))),
                Item::Case(c) => Some((i, format!("casus {}", c.title))),
                _ => None,
            }
        })
        .collect()
}

/// Every text drawn: (font size, lower edge, text).
fn texts(h: &H) -> Vec<(f32, f32, String)> {
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

fn collect(shape: &egui::Shape, out: &mut Vec<(f32, f32, String)>) {
    match shape {
        egui::Shape::Text(t) => {
            let size = t
                .galley
                .job
                .sections
                .iter()
                .map(|s| s.format.font_id.size)
                .fold(f32::INFINITY, f32::min);
            let bottom = t.pos.y + t.galley.rect.bottom();
            out.push((size, bottom, t.galley.text().to_owned()));
        }
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
        _ => {}
    }
}

#[test]
fn checklist_and_case_text_is_at_least_36_px_at_1080() {
    let mut h = projector();
    let targets = checklists_and_cases(&h);
    assert!(targets.len() >= 10, "{targets:?}");
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (pos, name) in &targets {
        h.state_mut().show.presenter.deck.go_to(*pos);
        h.run_steps(3);
        // The item's own text: not the progress line at the bottom.
        let texts: Vec<_> = texts(&h).into_iter().filter(|t| t.1 < 1040.0).collect();
        assert!(!texts.is_empty(), "{name}: nothing drawn");
        let smallest = texts.iter().map(|t| t.0).fold(f32::INFINITY, f32::min);
        let lowest = texts.iter().map(|t| t.1).fold(0.0, f32::max);
        report.push(format!(
            "{pos} {name}: {smallest} px, text ends at {lowest:.0}"
        ));
        let long = long_text(&h, *pos);
        let is_long = |t: &str| {
            let start: String = t.chars().take(20).collect();
            start.chars().count() == 20 && long.contains(&start)
        };
        for t in &texts {
            let least = if is_long(&t.2) { 32.0 } else { 36.0 };
            if t.0 < least {
                failures.push(format!("{name}: {} px: {:?}", t.0, t.2));
            }
        }
        // The lower fifth is not left empty.
        if name.starts_with("checklist") && lowest < 1080.0 * 0.8 {
            failures.push(format!("{name}: text ends at {lowest:.0} of 1080"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}\n{report:#?}");
    eprintln!("{report:#?}");
}
