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
        variant: Option<&str>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            centered(ui, 820.0, |ui| {
                self.contents(ui, workshop, resume_at, variant, &mut out)
            });
        });
        out
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        w: &Workshop,
        resume_at: Option<ItemRef>,
        variant: Option<&str>,
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
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new("Programma")
                    .size(24.0)
                    .family(theme::bold_family()),
            );
            ui.add_space(8.0);
            let shown = match variant {
                Some(name) => format!("variant ‘{name}’"),
                None => "origineel".to_owned(),
            };
            ui.label(RichText::new(shown).size(18.0).color(theme::accent(ui)));
            ui.add_space(8.0);
            if ui
                .button("Programma aanpassen…")
                .on_hover_text("Onderdelen weglaten, minuten aanpassen, een variant kiezen")
                .clicked()
            {
                out.push(Command::ShowProgramme);
            }
            if variant.is_some() && ui.button("Origineel").clicked() {
                out.push(Command::UseVariant(None));
            }
        });
        ui.add_space(6.0);
        // Rows as wide as the column, stripes included (a grid's stripes
        // stopped where its middle column ended).
        let accent = theme::accent(ui);
        let rows = w.sections.iter().enumerate().map(|(i, s)| {
            (
                RichText::new(format!("{}", i + 1)).color(accent),
                RichText::new(&s.title).size(18.0),
                RichText::new(format!("{} min", s.minutes)),
            )
        });
        let total = (
            RichText::new(""),
            RichText::new("Totaal").family(theme::bold_family()),
            RichText::new(format!("{} min", w.total_minutes())).family(theme::bold_family()),
        );
        let stripe = ui.visuals().faint_bg_color;
        for (i, (number, title, minutes)) in rows.chain(std::iter::once(total)).enumerate() {
            let height = ui.text_style_height(&egui::TextStyle::Body).max(22.0) + 6.0;
            let (rect, _) = ui.allocate_exact_size(
                egui::vec2(ui.available_width(), height),
                egui::Sense::hover(),
            );
            if i % 2 == 1 {
                ui.painter().rect_filled(rect, 2.0, stripe);
            }
            let mut row = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(rect.shrink2(egui::vec2(0.0, 2.0)))
                    .layout(Layout::left_to_right(Align::Center)),
            );
            row.add_sized(egui::vec2(48.0, height - 4.0), egui::Label::new(number));
            row.label(title);
            row.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(minutes);
            });
        }
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
