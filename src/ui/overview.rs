//! The overview grid of all items, grouped by section (G or Tab).

use egui::{RichText, Ui};

use crate::model::{ItemRef, Workshop};

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
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        left: 16,
                        right: 16,
                        top: 0,
                        bottom: 0,
                    })
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            for (ii, item) in section.items.iter().enumerate() {
                                let index = n;
                                n += 1;
                                let current = index == deck.position();
                                // The same numbering as on the slide: "Dia 12", "Casus 2".
                                let at = ItemRef {
                                    section: si,
                                    item: ii,
                                };
                                let name = workshop
                                    .place(at)
                                    .map_or_else(|| item.kind().label().to_owned(), |p| p.label());
                                let label = format!("{name}\n{}", item.title());
                                let button = egui::Button::new(RichText::new(label).size(15.0))
                                    .min_size(egui::vec2(200.0, 52.0))
                                    .selected(current);
                                let response = ui.add(button);
                                if current && deck.scroll_to_current {
                                    response.scroll_to_me(Some(egui::Align::Center));
                                }
                                if response.clicked() {
                                    jump = Some(index);
                                }
                            }
                        });
                    });
            }
        });
    deck.scroll_to_current = false;
    if let Some(index) = jump {
        deck.go_to(index);
        deck.overview = false;
    }
}
