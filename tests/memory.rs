//! The font atlas stays small while paging through the whole workshop with
//! a graphics card that allows 16 384-pixel textures (as most do): without a
//! limit it grew to hundreds of megabytes. `scripts/memory` measures the
//! whole process; this test holds the part that kampvuur controls.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic

use egui::Key;
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::ui::theme::FONT_ATLAS_LIMIT;

use crate::common::{press, wall};

#[test]
fn paging_through_everything_keeps_the_font_atlas_bounded() {
    let workshop = kampvuur::content::bundled_workshop().unwrap();
    let items = workshop.item_refs().len();
    let app = KampvuurApp::new(workshop, None, Paths::default(), wall());
    let mut h = crate::common::harness_sized(app, [1920.0, 1080.0]);
    h.input_mut().max_texture_side = Some(16_384);
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::ALT, Key::F5);
    h.run_steps(2);
    let mut largest = 0;
    for pass in 0..3 {
        for _ in 0..items {
            press(&mut h, Key::PageDown);
            let [w, ht] = h.ctx.fonts(|f| f.font_image_size());
            largest = largest.max(w * ht);
        }
        press(&mut h, Key::Home);
        match pass {
            0 => press(&mut h, Key::C), // the slide alone: other sizes
            _ => {
                // Larger text (Ctrl+plus): other sizes again.
                h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
                h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
                h.run_steps(2);
            }
        }
    }
    // One frame may add a few rows before the atlas is started afresh.
    assert!(
        largest <= FONT_ATLAS_LIMIT * 2,
        "font atlas grew to {largest} pixels (limit {FONT_ATLAS_LIMIT})"
    );
    assert!(largest > 0);
}
