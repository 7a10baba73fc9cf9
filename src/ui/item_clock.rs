//! Timers and breaks on the audience screen: the countdown, "We gaan verder
//! om", and the red "De tijd is om". Split from `item_view`, which decides
//! what each kind of item shows.

use egui::{Align, Color32, Layout, RichText, Ui};

use crate::model::{Break, Item, Timer};

use super::countdown::{Countdown, Phase, format_mmss};
use super::item_view::Clocks;
use super::scale::{Scale, quantise};
use super::{rich, theme};

/// The red of "De tijd is om", filling the audience screen.
pub const TIME_UP: Color32 = Color32::from_rgb(0xC0, 0x1C, 0x1C);

/// Whether `item` is a timer whose time is up: the whole screen turns red.
pub fn time_is_up(item: &Item, clocks: &Clocks) -> bool {
    match item {
        Item::Timer(_) => clocks
            .countdown
            .is_some_and(|c| c.phase(clocks.now.t) == Phase::Finished),
        Item::Slide(_) | Item::Case(_) | Item::Checklist(_) | Item::Break(_) => false,
    }
}

/// "De tijd is om" over the whole red area (the presenter paints it), sized
/// by the area itself and not by the fit of the running timer: a fifth of
/// the height, narrower only where the area is narrow. White on the red: 6:1.
fn time_up(ui: &mut Ui, label: &str) {
    let area = ui.max_rect();
    let big = quantise((area.height() * 0.2).min(area.width() / 7.5));
    let small = quantise(big * 0.45);
    let block = big * 1.3 + small * 1.3 + big * 0.3;
    ui.add_space(((area.height() - block) / 2.0 - ui.spacing().item_spacing.y).max(0.0));
    ui.label(
        RichText::new(label)
            .size(small)
            .color(Color32::WHITE)
            .family(theme::bold_family()),
    );
    ui.add_space(big * 0.3);
    ui.label(
        RichText::new("De tijd is om")
            .size(big)
            .color(Color32::WHITE)
            .family(theme::bold_family()),
    );
}

fn phase_colour(ui: &Ui, phase: Phase) -> Color32 {
    match phase {
        Phase::LastMinute => theme::accent(ui),
        Phase::Finished => TIME_UP,
        Phase::Paused => ui.visuals().weak_text_color(),
        Phase::Ready | Phase::Running => ui.visuals().text_color(),
    }
}

fn big_clock(ui: &mut Ui, text: &str, colour: Color32, s: Scale) {
    ui.label(
        RichText::new(text)
            .size(quantise(s.title * 3.2))
            .color(colour)
            .family(theme::clock_family()),
    );
}

pub(super) fn draw_timer(ui: &mut Ui, t: &Timer, s: Scale, clocks: &Clocks) {
    let fallback = Countdown::new(t.minutes);
    let c = clocks.countdown.unwrap_or(&fallback);
    let now = clocks.now.t;
    let phase = c.phase(now);
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(s.small);
        if phase == Phase::Finished {
            time_up(ui, &t.label);
            return;
        }
        rich::bold(ui, &t.label, s.title);
        big_clock(
            ui,
            &format_mmss(c.remaining(now)),
            phase_colour(ui, phase),
            s,
        );
        let status = match phase {
            Phase::Ready => "Klaar om te starten",
            Phase::Paused => "Gepauzeerd",
            Phase::LastMinute => "Nog één minuut",
            Phase::Running | Phase::Finished => "",
        };
        ui.label(
            RichText::new(status)
                .size(s.small)
                .color(phase_colour(ui, phase)),
        );
        ui.add_space(s.small);
        // The instruction as one left-aligned block in the middle, so bullets
        // and paragraphs line up.
        let width = ui.available_width().min(s.body * 22.0);
        ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
            rich::blocks(ui, t.instruction.blocks(), quantise(s.body * 0.8))
        });
    });
}

pub(super) fn draw_break(ui: &mut Ui, b: &Break, s: Scale, clocks: &Clocks) {
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(s.body);
        rich::bold(ui, &b.label, s.title * 1.2);
        ui.add_space(s.body);
        let Some(resume) = clocks.break_resume else {
            return;
        };
        // The time in the clock's digits, like the countdown below it: one
        // kind of zero on the screen, without a slash.
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = s.title * 0.25;
            let words = RichText::new("We gaan verder om").size(s.title);
            let time = RichText::new(resume.format("%H:%M").to_string())
                .size(s.title)
                .family(theme::clock_family());
            let width = ui.fonts_mut(|f| {
                let mut w = |t: &RichText, font: egui::FontId| {
                    f.layout_no_wrap(t.text().to_owned(), font, Color32::WHITE)
                        .size()
                        .x
                };
                w(&words, egui::FontId::proportional(s.title))
                    + w(&time, egui::FontId::new(s.title, theme::clock_family()))
            });
            ui.add_space(((ui.available_width() - width - s.title * 0.25) / 2.0).max(0.0));
            ui.label(words);
            ui.label(time);
        });
        let left = (resume - clocks.now.wall).num_seconds().max(0) as u64;
        let colour = if left <= 60 {
            theme::accent(ui)
        } else {
            ui.visuals().text_color()
        };
        big_clock(
            ui,
            &format_mmss(left),
            colour,
            Scale {
                title: s.title * 0.6,
                ..s
            },
        );
    });
}
