//! The menu bar of the start and participant screens.

use egui::Ui;

use crate::model::DocKind;

use super::Command;

/// The only bar in participant mode: the person's own reflection and the
/// way out, which is the trainer's. Nothing else of the app is reachable.
pub fn kiosk_bar(ui: &mut Ui, can_reflect: bool) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Panel::top("menu").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(can_reflect, egui::Button::new("Mijn reflectie als PDF"))
                .on_disabled_hover_text("Kies eerst je naam")
                .clicked()
            {
                out.push(Command::Export(DocKind::Reflection));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Stoppen met invullen")
                    .on_hover_text("Voor de trainer: terug naar het beginscherm")
                    .clicked()
                {
                    out.push(Command::StopParticipating(None));
                }
            });
        });
    });
    out
}

#[derive(Debug)]
pub struct MenuBar {
    /// The open workshop is a file (not the bundled one): it can be edited.
    pub can_edit: bool,
    /// The workbook is exported for double-sided printing (on at the start).
    pub duplex: bool,
}

impl Default for MenuBar {
    fn default() -> Self {
        Self {
            can_edit: false,
            duplex: true,
        }
    }
}

impl MenuBar {
    /// `dark`: the current theme; `can_reflect`: a participant is chosen;
    /// `recent`: the workshop file opened last, if any.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        dark: bool,
        can_reflect: bool,
        recent: Option<&std::path::Path>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("Bestand", |ui| {
                    if ui
                        .button("Nieuwe workshop…")
                        .on_hover_text("Een voorbeeldworkshop om zelf aan te passen")
                        .clicked()
                    {
                        out.push(Command::NewWorkshop);
                    }
                    if ui.button("Workshop openen…").clicked() {
                        out.push(Command::OpenDialog);
                    }
                    if let Some(path) = recent {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(format!("Opnieuw openen: {name}"))
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            out.push(Command::OpenPath(path.to_owned()));
                        }
                    }
                    if ui.button("Meegeleverde workshop openen").clicked() {
                        out.push(Command::OpenBundled);
                    }
                    let edit = ui
                        .add_enabled(self.can_edit, egui::Button::new("Bewerken"))
                        .on_hover_text(
                            "Open het workshopbestand in je teksteditor; kampvuur toont je wijzigingen zodra je opslaat",
                        )
                        .on_disabled_hover_text(
                            "De meegeleverde workshop kun je niet bewerken; maak een nieuwe workshop",
                        );
                    if edit.clicked() {
                        out.push(Command::EditWorkshop);
                    }
                    ui.separator();
                    if ui
                        .button("Sessies van de zaal…")
                        .on_hover_text(
                            "Bewaarde antwoorden van de zaal bekijken, exporteren of wissen",
                        )
                        .clicked()
                    {
                        out.push(Command::ShowRoomSessions);
                    }
                    ui.separator();
                    if ui.button("Afsluiten").clicked() {
                        out.push(Command::Quit);
                    }
                });
                ui.menu_button("Beeld", |ui| {
                    if ui.button("Presenteren met console (Alt+F5)").clicked() {
                        out.push(Command::Present {
                            from_start: true,
                            console: true,
                        });
                    }
                    if ui.button("Alleen de dia’s presenteren (F5)").clicked() {
                        out.push(Command::Present {
                            from_start: true,
                            console: false,
                        });
                    }
                    if ui.button("Volledig scherm (F11)").clicked() {
                        out.push(Command::ToggleFullscreen);
                    }
                    ui.separator();
                    if ui.button("Tekst groter (Ctrl +)").clicked() {
                        out.push(Command::ZoomIn);
                    }
                    if ui.button("Tekst kleiner (Ctrl −)").clicked() {
                        out.push(Command::ZoomOut);
                    }
                    if ui.button("Normale tekstgrootte (Ctrl 0)").clicked() {
                        out.push(Command::ZoomReset);
                    }
                    ui.separator();
                    let label = if dark {
                        "Licht thema (voor een lichte zaal)"
                    } else {
                        "Donker thema (voor een donkere zaal)"
                    };
                    if ui.button(label).clicked() {
                        out.push(Command::SetDark(!dark));
                    }
                });
                ui.menu_button("Exporteren", |ui| {
                    let docs = [
                        ("Deelnemerswerkboek…", DocKind::Workbook),
                        ("Trainershandleiding…", DocKind::Guide),
                        ("Dia’s…", DocKind::Slides { with_notes: false }),
                        (
                            "Dia’s met sprekersnotities…",
                            DocKind::Slides { with_notes: true },
                        ),
                        ("Samenvatting…", DocKind::Summary),
                        ("Bewijs van deelname…", DocKind::Certificate),
                    ];
                    for (label, kind) in docs {
                        if ui.button(label).clicked() {
                            out.push(Command::Export(kind));
                        }
                    }
                    ui.checkbox(&mut self.duplex, "Werkboek dubbelzijdig")
                        .on_hover_text(
                            "Elke casus en elk blad om mee te nemen op een eigen vel; \
                             een lege achterkant zegt dat ze bewust leeg is",
                        );
                    let reflect = ui
                        .add_enabled(
                            can_reflect,
                            egui::Button::new("Mijn persoonlijke reflectie…"),
                        )
                        .on_disabled_hover_text("Kies eerst je naam bij ‘Invullen als deelnemer’");
                    if reflect.clicked() {
                        out.push(Command::Export(DocKind::Reflection));
                    }
                    ui.separator();
                    if ui
                        .button("Teamoverzicht…")
                        .on_hover_text(
                            "Het team-overzicht van de laatste sessie van de zaal, als PDF",
                        )
                        .clicked()
                    {
                        out.push(Command::Export(DocKind::Team));
                    }
                    if ui.button("Teamoverzicht als CSV (Excel)…").clicked() {
                        out.push(Command::ExportTeamCsv);
                    }
                });
                ui.menu_button("Help", |ui| {
                    if ui.button("Over kampvuur").clicked() {
                        out.push(Command::ShowAbout);
                    }
                });
            });
        });
        out
    }
}
