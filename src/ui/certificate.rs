//! The bewijs van deelname in the app: who signs it, for which school, on
//! which date, and whose names it carries (the room now, a saved session of
//! the room, or a file with one name a line).

use egui::{RichText, Ui};

use super::Command;

/// Where the names come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamesFrom {
    /// The room that runs now.
    Room,
    /// A saved session of the room, by id.
    Session(String),
    /// A text file, chosen in the file dialog.
    File,
}

/// A source of names the dialog offers, with its Dutch description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSource {
    pub from: NamesFrom,
    pub label: String,
}

/// What the trainer filled in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertificateDetails {
    pub trainer: String,
    pub school: String,
    pub date: String,
}

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CertificateDialog {
    pub details: CertificateDetails,
    pub sources: Vec<NameSource>,
    pub chosen: usize,
}

impl CertificateDialog {
    /// The dialog as a window; "Maken" returns the command with everything.
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        let mut open = true;
        egui::Window::new("Bewijs van deelname")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ui.ctx(), |ui| {
                ui.set_max_width(560.0);
                egui::Grid::new("bewijs-velden")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        for (label, text, hint) in [
                            (
                                "Trainer",
                                &mut self.details.trainer,
                                "je naam, zoals hij op het bewijs komt",
                            ),
                            ("School", &mut self.details.school, "naam van de school"),
                            ("Datum", &mut self.details.date, "dd-mm-jjjj"),
                        ] {
                            let l = ui.label(label);
                            ui.add(
                                egui::TextEdit::singleline(text)
                                    .hint_text(hint)
                                    .desired_width(320.0),
                            )
                            .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.label(RichText::new("Namen").strong());
                for (i, source) in self.sources.iter().enumerate() {
                    if super::choice::option(ui, i == self.chosen, &source.label, None).clicked() {
                        self.chosen = i;
                    }
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Maken").clicked()
                        && let Some(source) = self.sources.get(self.chosen)
                    {
                        out.push(Command::MakeCertificate {
                            details: self.details.clone(),
                            from: source.from.clone(),
                        });
                    }
                    if ui.button("Annuleren").clicked() {
                        out.push(Command::CloseCertificate);
                    }
                });
            });
        if !open {
            out.push(Command::CloseCertificate);
        }
        out
    }
}
