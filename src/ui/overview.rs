//! The overview grid of all items, grouped by section (G or Tab).

use egui::{RichText, Ui};

use crate::model::Workshop;

use super::deck::Deck;
use super::theme;

/// Draw the grid; a click jumps to the item and closes the overview.
pub fn overview(ui: &mut Ui, workshop: &Workshop, deck: &mut Deck) {
    let mut jump = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                ui.add_space(16.0);
                ui.heading("Overzicht");
                ui.label(
                    RichText::new("Klik op een onderdeel om ernaartoe te gaan · Esc of G sluit")
                        .color(ui.visuals().weak_text_color()),
                );
            });
            let mut n = 0usize;
            for (si, section) in workshop.sections.iter().enumerate() {
                ui.add_space(10.0);
                ui.horizontal(|ui| {
                    ui.add_space(16.0);
                    ui.label(
                        RichText::new(format!(
                            "{}. {} · {} min",
                            si + 1,
                            section.title,
                            section.minutes
                        ))
                        .size(20.0)
                        .family(theme::bold_family())
                        .color(theme::accent(ui)),
                    );
                });
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(16.0);
                    for item in &section.items {
                        let index = n;
                        n += 1;
                        let current = index == deck.position();
                        let label =
                            format!("{}  {}\n{}", index + 1, item.kind().label(), item.title());
                        let button = egui::Button::new(RichText::new(label).size(15.0))
                            .min_size(egui::vec2(220.0, 64.0))
                            .selected(current);
                        if ui.add(button).clicked() {
                            jump = Some(index);
                        }
                    }
                });
            }
        });
    if let Some(index) = jump {
        deck.go_to(index);
        deck.overview = false;
    }
}
