//! Documents: opening workshops, exports and what the notice offers for
//! them, and the file dialogs.

use crate::content;
use crate::pdf::DocKind;
use crate::ui::file_browser::BrowsePurpose;
use crate::ui::{Command, Now};

use super::super::KampvuurApp;
use super::super::opener::Open;

impl KampvuurApp {
    /// Document commands; the rest goes back to the hub.
    pub(super) fn apply_documents(
        &mut self,
        ctx: &egui::Context,
        command: Command,
        now: Now,
    ) -> Option<Command> {
        match command {
            Command::OpenDialog => {
                let near = self.workshop_path.clone();
                self.ask_file(
                    ctx,
                    BrowsePurpose::OpenWorkshop,
                    near.as_deref(),
                    String::new(),
                );
            }
            Command::OpenPath(path) => self.open_in_background(ctx, path),
            Command::OpenBundled => match content::bundled_workshop() {
                Ok(w) => self.replace_workshop(w, None),
                Err(e) => self.show_load_problem(&e),
            },
            Command::NewWorkshop => self.new_workshop_dialog(ctx),
            Command::EditWorkshop => self.edit_workshop(ctx),
            Command::Export(DocKind::Team) => self.export_team(None, false, now),
            Command::Export(DocKind::Certificate) => self.export_certificate(now),
            Command::MakeCertificate { details, from } => self.make_certificate(ctx, details, from),
            Command::CloseCertificate => self.certificate = None,
            Command::Export(kind) => self.export(ctx, kind, now),
            Command::OpenExported => {
                if let Some(file) = self.notice.as_ref().and_then(|n| n.file.clone()) {
                    self.open_with_system(ctx, &file, Open::File);
                }
            }
            Command::OpenExportFolder => {
                let kiosk = self.screen == crate::app::Screen::Participant;
                if let Some(file) =
                    (self.notice.as_ref().and_then(|n| n.file.clone())).filter(|_| !kiosk)
                {
                    self.open_with_system(ctx, &file, Open::FolderOf);
                }
            }
            Command::SaveExportAs => {
                if let Some(source) = self.notice.as_ref().and_then(|n| n.file.clone()) {
                    let name = (source.file_name())
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let purpose = BrowsePurpose::SaveCopy {
                        source: source.clone(),
                    };
                    self.ask_file(ctx, purpose, Some(&source), name);
                }
            }
            Command::BrowseTo(folder) => self.browse_to(folder),
            Command::BrowseChoose(path) => self.browse_choose(ctx, path),
            Command::BrowseCancel => self.files.browser = None,
            other => return Some(other),
        }
        None
    }

    /// Open a file or folder with the system's program; when that cannot
    /// start, or says it failed, the notice says so and offers the path.
    fn open_with_system(&mut self, ctx: &egui::Context, path: &std::path::Path, how: Open) {
        if let Err(notice) = self.opener.open(ctx, path, how) {
            self.notice = Some(notice);
        }
    }
}
