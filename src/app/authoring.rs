//! Writing workshops: a new one from the starter, and opening the file in
//! the system's text editor (live reload then shows each save).

use std::path::PathBuf;

use crate::content;
use crate::ui::file_browser::BrowsePurpose;

use super::opener::Open;
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
    pub(super) fn new_workshop_at(&mut self, ctx: &egui::Context, path: PathBuf) {
        // Without the system's dialogs (tests) no system programs either.
        if self.create_workshop(with_suffix(path)) && self.paths.native_dialogs {
            self.edit_workshop(ctx);
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
    pub(super) fn edit_workshop(&mut self, ctx: &egui::Context) {
        let Some(path) = self.workshop_path.clone() else {
            self.notice = Some(Notice {
                text: "De meegeleverde workshop zit in het programma en kun je niet bewerken. Maak met Bestand › Nieuwe workshop… een eigen workshop.".to_owned(),
                error: true,
                file: None,
            });
            return;
        };
        if let Err(notice) = self.opener.open(ctx, &path, Open::Edit) {
            self.notice = Some(notice);
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
