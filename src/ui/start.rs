//! The start screen: the workshop, its agenda and the two ways in.

use egui::{Align, Layout, RichText, Ui};

use crate::model::{ItemKind, ItemRef, Workshop};

use super::{Command, theme};

#[derive(Debug, Default)]
pub struct StartScreen;

/// A scrollable column of at most `width` points, centred in the window.
pub fn centered(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(width);
            let pad = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(pad);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    add(ui);
                });
            });
        });
}

impl StartScreen {
    /// `resume_at`: the item the trainer was at, if not the first.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workshop: &Workshop,
        resume_at: Option<ItemRef>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            centered(ui, 820.0, |ui| {
                self.contents(ui, workshop, resume_at, &mut out)
            });
        });
        out
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        w: &Workshop,
        resume_at: Option<ItemRef>,
        out: &mut Vec<Command>,
    ) {
        ui.add_space(28.0);
        ui.label(
            RichText::new("kampvuur")
                .size(16.0)
                .color(theme::accent(ui))
                .family(theme::bold_family()),
        );
        ui.label(
            RichText::new(&w.title)
                .size(40.0)
                .family(theme::bold_family()),
        );
        if !w.subtitle.is_empty() {
            ui.label(RichText::new(&w.subtitle).size(22.0));
        }
        if !w.author.is_empty() {
            ui.label(RichText::new(&w.author).color(ui.visuals().weak_text_color()));
        }
        ui.add_space(20.0);
        ui.horizontal(|ui| {
            let big = |text: &str| {
                egui::Button::new(RichText::new(text).size(22.0).family(theme::bold_family()))
                    .min_size(egui::vec2(260.0, 56.0))
            };
            let present = egui::Button::new(
                RichText::new("Presenteren")
                    .size(22.0)
                    .family(theme::bold_family())
                    .color(egui::Color32::WHITE),
            )
            .min_size(egui::vec2(260.0, 56.0))
            .fill(theme::LIGHT.accent);
            if ui
                .add(present)
                .on_hover_text("Start met de presentatorconsole (Alt+F5); alleen de dia’s: F5")
                .clicked()
            {
                out.push(Command::Present {
                    from_start: true,
                    console: true,
                });
            }
            if ui
                .add(big("Invullen als deelnemer"))
                .on_hover_text("Vul de checklists in; je antwoorden worden vanzelf bewaard")
                .clicked()
            {
                out.push(Command::Participate);
            }
        });
        if let Some(place) = resume_at.and_then(|r| w.place(r))
            && ui
                .button(format!(
                    "Verder presenteren vanaf {} in onderdeel {} (Shift+F5)",
                    place.name(),
                    place.section
                ))
                .clicked()
        {
            out.push(Command::Present {
                from_start: false,
                console: true,
            });
        }
        ui.add_space(24.0);
        ui.label(
            RichText::new("Programma")
                .size(24.0)
                .family(theme::bold_family()),
        );
        ui.add_space(6.0);
        egui::Grid::new("agenda")
            .num_columns(3)
            .striped(true)
            .spacing([24.0, 8.0])
            .show(ui, |ui| {
                for (i, s) in w.sections.iter().enumerate() {
                    ui.label(RichText::new(format!("{}", i + 1)).color(theme::accent(ui)));
                    ui.label(RichText::new(&s.title).size(18.0));
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(format!("{} min", s.minutes));
                    });
                    ui.end_row();
                }
                ui.label("");
                ui.label(RichText::new("Totaal").family(theme::bold_family()));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(
                        RichText::new(format!("{} min", w.total_minutes()))
                            .family(theme::bold_family()),
                    );
                });
                ui.end_row();
            });
        ui.add_space(20.0);
        ui.label(
            RichText::new(format!(
                "{} · {} · {} · F1 toont alle toetsen tijdens het presenteren",
                ItemKind::Slide.count(w.count_of(ItemKind::Slide)),
                ItemKind::Case.count(w.count_of(ItemKind::Case)),
                ItemKind::Checklist.count(w.count_of(ItemKind::Checklist)),
            ))
            .color(ui.visuals().weak_text_color()),
        );
    }
}
