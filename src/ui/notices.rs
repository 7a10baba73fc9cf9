//! Messages to the trainer: the notice bar at the bottom of the window, the
//! same notice as a small card while presenting, and the window that says why
//! a workshop could not be opened.

use std::path::PathBuf;

use egui::{Align2, Color32, RichText, Ui};

use super::Command;

/// A message at the bottom of the window.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// An exported file: the bar offers to open it, its folder, or to save a
    /// copy elsewhere.
    pub file: Option<PathBuf>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
            file: None,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
            file: None,
        }
    }
}

/// Text size of messages: as large as the rest of the app's body text.
const TEXT: f32 = 17.0;

fn actions(ui: &mut Ui, notice: &Notice, kiosk: bool, out: &mut Vec<Command>) {
    if let Some(path) = notice.file.as_ref().filter(|_| notice.error) {
        // A file that could not be opened: the path to paste elsewhere.
        if ui.button("Pad kopiëren").clicked() {
            out.push(Command::CopyPath(path.clone()));
        }
    } else if notice.file.is_some() {
        if ui.button("Openen").clicked() {
            out.push(Command::OpenExported);
        }
        // Participant mode shows no folders: the file manager would reach
        // everything on the laptop.
        if !kiosk && ui.button("Map openen").clicked() {
            out.push(Command::OpenExportFolder);
        }
        if ui.button("Opslaan als…").clicked() {
            out.push(Command::SaveExportAs);
        }
    }
    if ui.button("Sluiten").clicked() {
        out.push(Command::DismissMessage);
    }
}

/// The notice bar at the bottom of the start and participant screens.
/// `kiosk`: participant mode, where the bar opens no folders.
pub fn bar(ui: &mut Ui, notice: &Notice, kiosk: bool) -> Vec<Command> {
    let mut out = Vec::new();
    // Fixed light fills with black text: 4.5:1 and more in both themes.
    let fill = if notice.error {
        Color32::from_rgb(0xFD, 0xE2, 0xE1)
    } else {
        Color32::from_rgb(0xE4, 0xF4, 0xE4)
    };
    egui::Panel::bottom("notice")
        .frame(egui::Frame::new().fill(fill).inner_margin(10.0))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&notice.text).size(TEXT).color(Color32::BLACK));
                actions(ui, notice, kiosk, &mut out);
            });
        });
    out
}

/// Why a workshop file could not be opened, and what stays open instead.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProblem {
    /// The file that did not open.
    pub path: String,
    /// One line per problem, without the path in front.
    pub lines: Vec<String>,
    /// The title of the workshop that stays open.
    pub kept: String,
    /// The workshop that stays open is the one that ships with kampvuur.
    pub kept_bundled: bool,
}

impl LoadProblem {
    /// From the loader's message: lines that start with the path get it
    /// stripped, so it is said once, above the list.
    pub fn new(path: &str, message: &str, kept: &str, kept_bundled: bool) -> Self {
        let lines = message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let rest = l
                    .strip_prefix(path)
                    .map_or(l, |rest| rest.trim_start_matches(':').trim_start());
                with_place_in_words(rest)
            })
            .filter(|l| !l.is_empty())
            .collect();
        Self {
            path: path.to_owned(),
            lines,
            kept: kept.to_owned(),
            kept_bundled,
        }
    }

    /// What stays open, in one sentence.
    pub fn kept_text(&self) -> String {
        if self.kept_bundled {
            format!(
                "Je werkt verder met de workshop die bij kampvuur hoort: ‘{}’.",
                self.kept
            )
        } else {
            format!("‘{}’ blijft open.", self.kept)
        }
    }
}

/// "3:5: onverwacht teken" → "regel 3, kolom 5: onverwacht teken".
fn with_place_in_words(line: &str) -> String {
    let mut parts = line.splitn(3, ':');
    if let (Some(l), Some(c), Some(rest)) = (parts.next(), parts.next(), parts.next())
        && let (Ok(l), Ok(c)) = (l.parse::<u32>(), c.parse::<u32>())
    {
        return format!("regel {l}, kolom {c}:{rest}");
    }
    line.to_owned()
}

/// The window with the problems of a workshop that did not open. It stays
/// below the menu bar, in the middle, with text as large as the app's.
pub fn load_problem(ui: &mut Ui, problem: &LoadProblem) -> Vec<Command> {
    let mut out = Vec::new();
    let mut open = true;
    let avail = ui.ctx().content_rect();
    egui::Window::new("Deze workshop kan niet worden geopend")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_TOP, egui::vec2(0.0, 72.0))
        .default_width((avail.width() - 80.0).clamp(320.0, 760.0))
        .show(ui.ctx(), |ui| {
            ui.label(RichText::new(problem.kept_text()).size(TEXT));
            ui.add_space(6.0);
            ui.label(RichText::new(format!("Dit is er mis met {}:", problem.path)).size(TEXT));
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height((avail.height() - 320.0).max(120.0))
                .show(ui, |ui| {
                    for line in &problem.lines {
                        ui.label(RichText::new(format!("• {line}")).size(TEXT - 1.0));
                    }
                });
            ui.add_space(8.0);
            if ui.button(RichText::new("Sluiten").size(TEXT)).clicked() {
                out.push(Command::CloseLoadProblem);
            }
        });
    if !open {
        out.push(Command::CloseLoadProblem);
    }
    out
}

/// The question before presenting from the start after a rehearsal.
/// Enter says yes, Esc closes the question.
pub fn clean_start(ui: &mut Ui, console: bool) -> Vec<Command> {
    let mut out = Vec::new();
    let answer = |clean| Command::StartFromTheTop { clean, console };
    egui::Modal::new(egui::Id::unique("schone-klok")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.label(
            RichText::new("Oefenen was bezig: opnieuw beginnen met een schone klok?")
                .size(TEXT + 3.0)
                .strong(),
        );
        ui.add_space(6.0);
        ui.label(
            RichText::new(
                "Met een schone klok begint de sessie nu: de klok, de tijden per                  onderdeel, de timers, de eindtijden van pauzes en wat je tekende                  worden vergeten, en de tijden van het oefenen worden niet bewaard.",
            )
            .size(TEXT),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Ja, schone klok").size(TEXT)).clicked() {
                out.push(answer(Some(true)));
            }
            if ui.button(RichText::new("Nee, verder met deze klok").size(TEXT)).clicked() {
                out.push(answer(Some(false)));
            }
            if ui.button(RichText::new("Annuleren").size(TEXT)).clicked() {
                out.push(answer(None));
            }
        });
    });
    let (enter, esc) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    if out.is_empty() && enter && ui.ctx().memory(|m| m.focused()).is_none() {
        out.push(answer(Some(true)));
    } else if out.is_empty() && esc {
        out.push(answer(None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_is_said_once() {
        let p = LoadProblem::new(
            "/home/a/w.ron",
            "/home/a/w.ron:3:5: onverwacht teken\n/home/a/w.ron:9:1: hier wordt `)` verwacht\nnog iets\n",
            "Het Vurige Kind in de Klas",
            true,
        );
        assert_eq!(
            p.lines,
            [
                "regel 3, kolom 5: onverwacht teken",
                "regel 9, kolom 1: hier wordt `)` verwacht",
                "nog iets"
            ]
        );
        assert!(p.kept_text().contains("die bij kampvuur hoort"));
        let other = LoadProblem::new("x.ron", "x.ron: leeg", "Mijn middag", false);
        assert_eq!(other.kept_text(), "‘Mijn middag’ blijft open.");
        assert_eq!(other.lines, ["leeg"]);
    }
}
