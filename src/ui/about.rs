//! Help › Over kampvuur: the version, where kampvuur keeps a trainer's
//! files, and the licences.

use std::path::Path;

use egui::{Context, RichText};

/// What the window shows besides the version; the app finds the folders.
#[derive(Debug, Clone, Copy, Default)]
pub struct AboutInfo<'a> {
    /// Answers filled in on this laptop.
    pub answers: Option<&'a Path>,
    /// Sessions of the room (teachers' answers from their own devices).
    pub room: Option<&'a Path>,
    /// Where exports go without asking.
    pub export_dir: Option<&'a Path>,
    /// The open workshop file; `None` for the bundled workshop.
    pub workshop: Option<&'a Path>,
}

/// The version line, as `kampvuur --version` prints it.
pub fn version_line() -> String {
    format!("kampvuur {}", env!("CARGO_PKG_VERSION"))
}

/// The window; `open` is cleared by Sluiten, Esc or the window's cross.
pub fn show(ctx: &Context, open: &mut bool, info: AboutInfo<'_>) {
    if !*open {
        return;
    }
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *open = false;
        return;
    }
    let mut keep = true;
    let mut close = false;
    egui::Window::new("Over kampvuur")
        .open(&mut keep)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(version_line());
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(8.0);
            let folder = |ui: &mut egui::Ui, label: &str, path: Option<&Path>, none: &str| {
                ui.label(RichText::new(label).strong());
                match path {
                    Some(p) => {
                        ui.add(egui::Label::new(p.display().to_string()).selectable(true));
                    }
                    None => {
                        ui.label(none);
                    }
                }
                ui.add_space(6.0);
            };
            folder(
                ui,
                "Workshop",
                info.workshop,
                "de meegeleverde workshop ‘Het vurige kind in de klas’",
            );
            folder(
                ui,
                "Antwoorden op deze laptop",
                info.answers,
                "geen gegevensmap gevonden: antwoorden worden niet bewaard",
            );
            folder(
                ui,
                "Sessies van de zaal",
                info.room,
                "geen gegevensmap gevonden: de zaal bewaart niets",
            );
            folder(
                ui,
                "Hand-outs",
                info.export_dir,
                "geen documentenmap gevonden: kampvuur vraagt waar het bestand heen moet",
            );
            ui.add_space(8.0);
            ui.label(
                "Vrije software onder de MIT- of Apache-2.0-licentie. Lettertypen: Atkinson \
                 Hyperlegible Next en DejaVu Sans (vrije licenties). De tekst van de \
                 workshop is voor kampvuur geschreven.",
            );
            ui.add_space(8.0);
            if ui.button("Sluiten").clicked() {
                close = true;
            }
        });
    if close || !keep {
        *open = false;
    }
}
