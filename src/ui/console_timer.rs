//! The timer in the console's notes column: its clock and buttons, and
//! "De tijd is om" beside the notes when it has run out (the projector shows
//! the full red screen).

use egui::{Color32, RichText, Ui};

use crate::model::{ItemRef, Workshop};

use super::countdown::{Phase, format_mmss};
use super::item_view::{self, Clocks};
use super::present::Presenter;
use super::{Now, theme};

/// Whether item `r` is a timer whose time is up.
pub(super) fn is_up(p: &Presenter, w: &Workshop, r: ItemRef, now: Now) -> bool {
    w.item(r).is_some_and(|item| {
        let clocks = Clocks {
            countdown: p.timer(r),
            break_resume: None,
            now,
        };
        item_view::time_is_up(item, &clocks)
    })
}

/// A smaller "De tijd is om" in the notes column: white on the projector's
/// red, with the timer's label.
pub(super) fn time_up(ui: &mut Ui, label: &str) {
    ui.add_space(6.0);
    egui::Frame::new()
        .fill(item_view::TIME_UP)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(16, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(label).size(16.0).color(Color32::WHITE));
            ui.label(
                RichText::new("De tijd is om")
                    .size(30.0)
                    .color(Color32::WHITE)
                    .family(theme::bold_family()),
            );
        });
    ui.add_space(6.0);
}

pub(super) fn controls(
    ui: &mut Ui,
    p: &mut Presenter,
    w: &Workshop,
    r: crate::model::ItemRef,
    now: Now,
) {
    let Some(c) = p.timer_mut(w, r) else {
        return;
    };
    let phase = c.phase(now.t);
    let colour = match phase {
        Phase::LastMinute => theme::accent(ui),
        Phase::Finished => theme::late(ui),
        _ => ui.visuals().text_color(),
    };
    ui.label(
        RichText::new(format_mmss(c.remaining(now.t)))
            .size(32.0)
            .color(colour)
            .family(theme::bold_family()),
    );
    ui.horizontal_wrapped(|ui| {
        let label = if c.is_running() {
            "Pauze (T)"
        } else {
            "Start (T)"
        };
        if ui.button(label).clicked() {
            c.toggle(now.t);
        }
        if ui.button("+1 min (+)").clicked() {
            c.add_minute(now.t);
        }
        if ui.button("Opnieuw (R)").clicked() {
            c.reset();
        }
    });
}
