//! The stored sessions of the room: export their team picture, or delete
//! them with everyone's answers.

use egui::{RichText, Ui};

use crate::model::SessionListing;

use super::{Command, theme};

#[derive(Debug, Default)]
pub struct SessionsWindow {
    pub open: bool,
    /// The session the trainer asked to delete, waiting for confirmation.
    confirm: Option<String>,
}

impl SessionsWindow {
    /// `running`: the id of the session of the running room, which cannot be
    /// deleted while it runs.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        sessions: &[SessionListing],
        running: Option<&str>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.open {
            return out;
        }
        let mut open = true;
        egui::Window::new("Sessies van de zaal")
            .open(&mut open)
            .default_width(620.0)
            .collapsible(false)
            .show(ui.ctx(), |ui| {
                ui.label(
                    "De antwoorden van de zaal staan alleen op deze laptop. Wis een sessie \
                     als je het teamoverzicht niet meer nodig hebt.",
                );
                ui.add_space(6.0);
                if sessions.is_empty() {
                    ui.label(
                        RichText::new("Er zijn nog geen sessies.")
                            .color(ui.visuals().weak_text_color()),
                    );
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for s in sessions {
                            self.row(ui, s, running, &mut out);
                        }
                    });
            });
        if !open {
            self.open = false;
            self.confirm = None;
        }
        out
    }

    fn row(
        &mut self,
        ui: &mut Ui,
        s: &SessionListing,
        running: Option<&str>,
        out: &mut Vec<Command>,
    ) {
        let id = &s.session.id;
        ui.separator();
        ui.label(
            RichText::new(format!("{} · {}", s.session.started, s.session.workshop))
                .family(theme::bold_family()),
        );
        let people = if s.participants == 1 {
            "1 deelnemer".to_owned()
        } else {
            format!("{} deelnemers", s.participants)
        };
        ui.label(people);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Teamoverzicht (PDF)…").clicked() {
                out.push(Command::ExportRoomSession {
                    id: id.clone(),
                    csv: false,
                });
            }
            if ui.button("CSV…").clicked() {
                out.push(Command::ExportRoomSession {
                    id: id.clone(),
                    csv: true,
                });
            }
            if running == Some(id.as_str()) {
                ui.label(RichText::new("loopt nu").color(ui.visuals().weak_text_color()));
            } else if self.confirm.as_deref() == Some(id.as_str()) {
                ui.label("Alle antwoorden van deze sessie wissen?");
                if ui.button("Ja, wissen").clicked() {
                    out.push(Command::DeleteRoomSession(id.clone()));
                    self.confirm = None;
                }
                if ui.button("Nee").clicked() {
                    self.confirm = None;
                }
            } else if ui.button("Sessie wissen").clicked() {
                self.confirm = Some(id.clone());
            }
        });
    }
}
