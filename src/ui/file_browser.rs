//! kampvuur's own file dialog, for desktops where the system's dialog cannot
//! open (no portal service, a bare window manager). The app lists the
//! folders; this panel only shows them and says what was chosen.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::Command;

/// What the dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowsePurpose {
    /// Open a workshop file.
    OpenWorkshop,
    /// Save a copy of an exported file.
    SaveCopy { source: PathBuf },
    /// The names for a bewijs van deelname: a text file, one name a line.
    Names,
    /// Where to write a new workshop (the starter).
    NewWorkshop,
}

impl BrowsePurpose {
    fn title(&self) -> &'static str {
        match self {
            BrowsePurpose::OpenWorkshop => "Workshop openen",
            BrowsePurpose::SaveCopy { .. } => "Opslaan als",
            BrowsePurpose::Names => "Namen voor het bewijs van deelname",
            BrowsePurpose::NewWorkshop => "Nieuwe workshop",
        }
    }

    /// The extensions listed besides folders.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            BrowsePurpose::OpenWorkshop | BrowsePurpose::NewWorkshop => &["ron"],
            BrowsePurpose::Names => &["txt"],
            BrowsePurpose::SaveCopy { source } => {
                if source.extension().is_some_and(|e| e == "csv") {
                    &["csv"]
                } else {
                    &["pdf"]
                }
            }
        }
    }
}

/// One entry of a folder, as the app read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_dir: bool,
}

/// The state of the in-app dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct FileBrowser {
    pub purpose: BrowsePurpose,
    pub folder: PathBuf,
    pub entries: Vec<Entry>,
    /// The file name being typed (save) or the file selected (open).
    pub name: String,
    /// Why the folder could not be read, in Dutch.
    pub problem: Option<String>,
    /// The name field has had the keyboard focus once.
    focused: bool,
    /// The name field had the keys at the end of the last frame: then Esc
    /// leaves the field, and only the next Esc closes the dialog.
    field_had_keys: bool,
}

impl FileBrowser {
    pub fn new(purpose: BrowsePurpose, folder: PathBuf, name: String) -> Self {
        Self {
            purpose,
            folder,
            entries: Vec::new(),
            name,
            problem: None,
            focused: false,
            field_had_keys: false,
        }
    }

    /// What the name field says: a name in this folder, or a typed or
    /// pasted path (absolute, `~/…`, or relative to this folder). The app
    /// opens a folder that is chosen this way instead of choosing it.
    pub fn chosen(&self) -> Option<PathBuf> {
        let name = self.name.trim().trim_matches('"');
        if name.is_empty() || name == "." {
            return None;
        }
        if name == ".." {
            return self.folder.parent().map(Path::to_owned);
        }
        if let Some(rest) = name.strip_prefix("~/").or(name.strip_prefix("~\\")) {
            let home = directories::UserDirs::new()?.home_dir().to_owned();
            return Some(home.join(rest));
        }
        Some(self.folder.join(name))
    }

    /// The file entry `step` places from the one in the name field (the
    /// arrow keys in the name field walk the list).
    fn step(&mut self, step: isize) {
        let files: Vec<&Entry> = self.entries.iter().filter(|e| !e.is_dir).collect();
        if files.is_empty() {
            return;
        }
        let at = files.iter().position(|e| e.name == self.name);
        let next = match at {
            Some(i) => (i as isize + step).clamp(0, files.len() as isize - 1) as usize,
            None if step < 0 => files.len() - 1,
            None => 0,
        };
        if let Some(e) = files.get(next) {
            self.name = e.name.clone();
        }
    }

    /// The dialog as a window in the middle of the screen.
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        let mut open = true;
        let avail = ui.ctx().content_rect();
        egui::Window::new(self.purpose.title())
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .fixed_size([
                (avail.width() - 60.0).clamp(320.0, 720.0),
                (avail.height() - 200.0).clamp(240.0, 560.0),
            ])
            .show(ui.ctx(), |ui| self.body(ui, &mut out));
        if !open {
            out.push(Command::BrowseCancel);
        }
        out
    }

    fn body(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.label("Het venster van het systeem kon niet openen; kies hier de map en het bestand.");
        ui.horizontal_wrapped(|ui| {
            if let Some(up) = self.folder.parent()
                && ui.button("‹ Map hoger").clicked()
            {
                out.push(Command::BrowseTo(up.to_owned()));
            }
            ui.label(RichText::new(self.folder.display().to_string()).strong());
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        let list_height = (ui.available_height() - 90.0).max(80.0);
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.entries.is_empty() && self.problem.is_none() {
                    ui.weak("Deze map is leeg.");
                }
                for e in &self.entries {
                    let label = if e.is_dir {
                        format!("{} ›", e.name)
                    } else {
                        e.name.clone()
                    };
                    let selected = !e.is_dir && e.name == self.name;
                    let r = super::choice::option(ui, selected, &label, None);
                    if r.clicked() {
                        if e.is_dir {
                            out.push(Command::BrowseTo(self.folder.join(&e.name)));
                        } else {
                            self.name = e.name.clone();
                        }
                    }
                    if r.double_clicked() && !e.is_dir {
                        out.push(Command::BrowseChoose(self.folder.join(&e.name)));
                    }
                }
            });
        ui.add_space(6.0);
        let action = match self.purpose {
            BrowsePurpose::OpenWorkshop | BrowsePurpose::Names => "Openen",
            BrowsePurpose::SaveCopy { .. } => "Bewaren",
            BrowsePurpose::NewWorkshop => "Maken",
        };
        let mut enter = false;
        let mut leaving_field = false;
        ui.horizontal(|ui| {
            let label = ui.label("Bestandsnaam of pad");
            let id = ui.make_persistent_id("bestandsnaam");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.name)
                        .id(id)
                        .frame(super::choice::field_frame(ui, id))
                        .hint_text("naam, of plak een pad")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            // The field has the keys from the start: type, paste, Enter.
            if !self.focused {
                edit.request_focus();
                self.focused = true;
            }
            if edit.has_focus() {
                let (down, up) = ui.input_mut(|i| {
                    (
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                    )
                });
                if down {
                    self.step(1);
                } else if up {
                    self.step(-1);
                }
            }
            enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            leaving_field = self.field_had_keys;
            self.field_had_keys = edit.has_focus();
        });
        if enter {
            if let Some(path) = self.chosen() {
                out.push(Command::BrowseChoose(path));
            }
            self.focused = false;
        }
        ui.horizontal(|ui| {
            let chosen = self.chosen();
            if ui
                .add_enabled(chosen.is_some(), egui::Button::new(action))
                .clicked()
                && let Some(path) = chosen
            {
                out.push(Command::BrowseChoose(path));
            }
            let esc = !leaving_field
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            if ui.button("Annuleren").clicked() || esc {
                out.push(Command::BrowseCancel);
            }
        });
    }
}

/// Where the in-app dialog starts: the folder of `near` when it has one.
pub fn start_folder(near: Option<&Path>, fallback: PathBuf) -> PathBuf {
    near.and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map_or(fallback, Path::to_owned)
}
