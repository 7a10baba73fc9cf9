//! The summary of planned versus actual times, shown in a window.

use egui::{RichText, Ui};

use crate::ui::{Command, Now, theme};

use super::KampvuurApp;

impl KampvuurApp {
    pub(super) fn times_window(&mut self, ui: &mut Ui, now: Now) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.times_open {
            return out;
        }
        let mut open = true;
        egui::Window::new("Gepland en werkelijk")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                let Some(session) = &self.presenter.session else {
                    ui.label("Er is nog niet gepresenteerd: de klok van de middag loopt pas vanaf het presenteren.");
                    return;
                };
                let record = session.record(&self.workshop, now.wall);
                ui.label(format!(
                    "{} · begonnen om {} · nu {}",
                    record.date, record.started, record.recorded
                ));
                ui.add_space(6.0);
                egui::Grid::new("times").striped(true).spacing([20.0, 6.0]).show(ui, |ui| {
                    for head in ["Onderdeel", "Gepland", "Werkelijk", "Verschil"] {
                        ui.label(RichText::new(head).family(theme::bold_family()));
                    }
                    ui.end_row();
                    for s in &record.sections {
                        ui.label(&s.title);
                        ui.label(format!("{} min", s.planned_minutes));
                        ui.label(format!("{:.1} min", s.actual_minutes));
                        ui.label(difference(s.actual_minutes - f64::from(s.planned_minutes)));
                        ui.end_row();
                    }
                    ui.label(RichText::new("Totaal").family(theme::bold_family()));
                    ui.label(format!("{} min", record.planned_total()));
                    ui.label(format!("{:.1} min", record.actual_total()));
                    ui.label(difference(record.actual_total() - f64::from(record.planned_total())));
                    ui.end_row();
                });
                ui.add_space(8.0);
                ui.label("Deze tijden worden ook vanzelf bewaard als je stopt met presenteren, als basis om de planning de volgende keer bij te stellen.");
                if ui.button("Nu bewaren").clicked() {
                    out.push(Command::SaveTimes);
                }
            });
        if !open {
            self.times_open = false;
        }
        out
    }

    /// A notice while presenting, in a corner of the console's window.
    pub(super) fn notice_overlay(&mut self, ui: &mut Ui) {
        if self.stage == crate::ui::Stage::Slide {
            return;
        }
        let Some(notice) = &self.notice else {
            return;
        };
        let mut close = false;
        egui::Area::new(egui::Id::unique("present-notice"))
            .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(12.0, -12.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    ui.label(&notice.text);
                    close = ui.button("Sluiten").clicked();
                });
            });
        if close {
            self.notice = None;
        }
    }
}

/// "+2.5 min" or "−1.0 min".
fn difference(minutes: f64) -> String {
    if minutes >= 0.05 {
        format!("+{minutes:.1} min")
    } else if minutes <= -0.05 {
        format!("−{:.1} min", -minutes)
    } else {
        "0 min".to_owned()
    }
}
