#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! A chosen option is never colour alone: it is marked, announced as
//! chosen, and stands out 3:1 from its neighbours in both themes.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kampvuur::app::KampvuurApp;
use kampvuur::ui::choice::option_colours;
use kampvuur::ui::theme::contrast;

use crate::common::app_in;

fn harness(dir: &std::path::Path, dark: bool) -> Harness<'static, KampvuurApp> {
    Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(move |ctx| kampvuur::ui::theme::install(ctx, dark))
        .build_ui_state(|ui, app: &mut KampvuurApp| app.show(ui), app_in(dir))
}

fn click(h: &mut Harness<'_, KampvuurApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

/// Whether the option `label` is announced as chosen.
fn toggled(h: &Harness<'_, KampvuurApp>, label: &str) -> Option<bool> {
    (h.get_by_label(label).accesskit_node().toggled()).map(|t| t == egui::accesskit::Toggled::True)
}

#[test]
fn a_chosen_scale_step_is_marked_in_both_themes() {
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(dir.path(), dark);
        h.run_steps(1);
        crate::common::begin_participating(&mut h);
        click(&mut h, "Anoniem invullen");
        click(&mut h, "3");
        let chosen = toggled(&h, "3");
        let neighbour = toggled(&h, "2");
        assert_eq!(
            (chosen, neighbour),
            (Some(true), Some(false)),
            "dark={dark}"
        );
        // The checklist being filled in is chosen in the list too.
        let visuals = h.ctx.global_style().visuals.clone();
        let (on, on_text) = option_colours(&visuals, true);
        let (off, _) = option_colours(&visuals, false);
        let beside = contrast(on, off);
        assert!(
            beside >= 3.0,
            "dark={dark}: chosen beside unchosen {beside:.2}:1"
        );
        assert!(contrast(on_text, on) >= 4.5, "dark={dark}");
        assert!(contrast(on, visuals.panel_fill) >= 3.0, "dark={dark}");
        // Chosen again: no longer chosen.
        click(&mut h, "3");
        assert_eq!(toggled(&h, "3"), Some(false));
    }
}
