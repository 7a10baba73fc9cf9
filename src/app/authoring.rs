//! Writing workshops: a new one from the starter, and opening the file in
//! the system's text editor (live reload then shows each save).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use crate::content;
use crate::ui::file_browser::BrowsePurpose;

use super::{KampvuurApp, Notice};

impl KampvuurApp {
    /// Ask for a file name (the system's dialog, or kampvuur's own); the
    /// answer comes to [`Self::new_workshop_at`].
    pub(super) fn new_workshop_dialog(&mut self, ctx: &egui::Context) {
        let near = self.workshop_path.clone();
        self.ask_file(
            ctx,
            BrowsePurpose::NewWorkshop,
            near.as_deref(),
            "mijn-workshop.workshop.ron".to_owned(),
        );
    }

    /// Write the starter workshop where the dialog said, open it in the app
    /// and in the editor.
    pub(super) fn new_workshop_at(&mut self, path: PathBuf) {
        // Without the system's dialogs (tests) no system programs either.
        if self.create_workshop(with_suffix(path)) && self.paths.native_dialogs {
            self.edit_workshop();
        }
    }

    /// Write the starter workshop to `path` and open it; false (with a
    /// message) when that did not work.
    pub fn create_workshop(&mut self, path: PathBuf) -> bool {
        match content::write_starter(&path) {
            Ok(()) => {
                self.open(path.clone());
                if self.workshop_path.as_deref() != Some(path.as_path()) {
                    return false;
                }
                self.notice = Some(Notice {
                    text: format!(
                        "Nieuwe workshop gemaakt: {}. Pas hem aan in je teksteditor; zodra je opslaat, zie je de wijziging hier.",
                        path.display()
                    ),
                    error: false,
                    file: None,
                });
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    text: format!("De nieuwe workshop is niet gemaakt: {e}"),
                    error: true,
                    file: None,
                });
                false
            }
        }
    }

    /// Open the workshop file in the system's text editor.
    pub(super) fn edit_workshop(&mut self) {
        let Some(path) = self.workshop_path.clone() else {
            self.notice = Some(Notice {
                text: "De meegeleverde workshop zit in het programma en kun je niet bewerken. Maak met Bestand › Nieuwe workshop… een eigen workshop.".to_owned(),
                error: true,
                file: None,
            });
            return;
        };
        if let Err(why) = open_in_editor(&path, self.reload.editor_tx.clone()) {
            self.notice = Some(Notice {
                text: why,
                error: true,
                file: None,
            });
        }
    }
}

/// A file name chosen in the dialog, made to end in `.workshop.ron` unless it
/// already ends in `.ron`.
fn with_suffix(path: PathBuf) -> PathBuf {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(content::WORKSHOP_SUFFIX);
    PathBuf::from(name)
}

/// Start the system's text editor on `path`. A program that cannot be
/// started is an error now; one that starts and then fails is reported
/// through `failed`.
fn open_in_editor(path: &Path, failed: Sender<String>) -> Result<(), String> {
    let mut tries = editor_commands(path);
    let mut last = String::new();
    for (program, args) in tries.drain(..) {
        match std::process::Command::new(&program).args(&args).spawn() {
            Ok(mut child) => {
                let shown = path.display().to_string();
                // Waits for the opener (not the editor itself: openers return at once).
                let _ = std::thread::Builder::new()
                    .name("kampvuur-editor".to_owned())
                    .spawn(move || {
                        if let Ok(status) = child.wait()
                            && !status.success()
                        {
                            let _ = failed.send(format!(
                                "De teksteditor kon niet worden geopend ({program} stopte met een fout). Open het bestand zelf: {shown}"
                            ));
                        }
                    });
                return Ok(());
            }
            Err(e) => last = format!("{program}: {}", content::dutch_io(&e)),
        }
    }
    Err(format!(
        "De teksteditor kon niet worden gestart ({last}). Open het bestand zelf in een teksteditor: {}",
        path.display()
    ))
}

/// The programs to try, in order, with their arguments. On Linux a workshop
/// file may open in kampvuur itself by default, so the default *text*
/// editor is asked for first.
fn editor_commands(path: &Path) -> Vec<(String, Vec<std::ffi::OsString>)> {
    let file = path.as_os_str().to_owned();
    if cfg!(target_os = "windows") {
        vec![("notepad".to_owned(), vec![file])]
    } else if cfg!(target_os = "macos") {
        // -t: the default text editor.
        vec![("open".to_owned(), vec!["-t".into(), file])]
    } else {
        let mut out = Vec::new();
        if let Some(id) = default_text_editor() {
            out.push(("gtk-launch".to_owned(), vec![id.into(), file.clone()]));
        }
        out.push(("xdg-open".to_owned(), vec![file]));
        out
    }
}

/// The desktop entry of the default editor for plain text (Linux), without
/// `.desktop`; `None` when it is unknown or kampvuur itself.
fn default_text_editor() -> Option<String> {
    let out = std::process::Command::new("xdg-mime")
        .args(["query", "default", "text/plain"])
        .output()
        .ok()?;
    let id = String::from_utf8(out.stdout).ok()?;
    let id = id.trim().trim_end_matches(".desktop");
    (out.status.success() && !id.is_empty() && !id.contains("kampvuur")).then(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialog_names_get_the_workshop_ending() {
        assert_eq!(
            with_suffix("a/les".into()),
            PathBuf::from("a/les.workshop.ron")
        );
        assert_eq!(with_suffix("a/les.ron".into()), PathBuf::from("a/les.ron"));
    }
}
