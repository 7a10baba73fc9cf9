#![allow(clippy::expect_used)] // a benchmark may stop on broken set-up
//! CPU cost of one repaint of the app, without the GPU: the egui pass and
//! tessellation, for the screens that tick (a countdown, the console) and a
//! still slide. With one repaint a second, 10 ms per frame is 1 % of a core.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::content::bundled_workshop;
use kampvuur::model::Item;
use kampvuur::ui::{Command, Now, theme};

fn wall() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(13, 30, 0))
        .expect("valid date")
}

fn input(t: f64) -> egui::RawInput {
    egui::RawInput {
        time: Some(t),
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// An app presenting item `index`, with the console or only the slide.
fn presenting(ctx: &egui::Context, console: bool, timer: bool) -> KampvuurApp {
    let w = bundled_workshop().expect("bundled workshop loads");
    let index = w
        .items()
        .position(|i| matches!(i, Item::Timer(_)) == timer)
        .unwrap_or(0);
    let mut app = KampvuurApp::new(w, None, Paths::default(), wall());
    let now = Now {
        t: 0.0,
        wall: wall(),
    };
    app.apply(
        ctx,
        Command::Present {
            from_start: true,
            console,
        },
        now,
    );
    app.show.presenter.deck.go_to(index);
    if let Some(r) = app.show.presenter.deck.current() {
        let workshop = app.workshop.clone();
        if let Some(c) = app.show.presenter.timer_mut(&workshop, r) {
            c.start(0.0);
        }
    }
    app
}

fn bench(c: &mut Criterion) {
    for (name, console, timer) in [
        ("aftellen-dia", false, true),
        ("aftellen-console", true, true),
        ("console-dia", true, false),
        ("stille-dia", false, false),
    ] {
        let ctx = egui::Context::default();
        theme::install(&ctx, false);
        let mut app = presenting(&ctx, console, timer);
        let mut t = 0.0;
        // Warm up: fonts and fitted sizes.
        for _ in 0..3 {
            let _ = ctx.run_ui(input(t), |ui| app.show(ui));
            t += 1.0;
        }
        c.bench_function(&format!("frame/{name}"), |b| {
            b.iter(|| {
                // A new second each frame, within the running countdown.
                t = t % 100.0 + 1.0;
                let out = ctx.run_ui(input(t), |ui| app.show(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            });
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
