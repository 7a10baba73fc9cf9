//! The bewijs van deelname from the app: a dialog for trainer, school and
//! date, with the names of the room now, of a saved session of the room, or
//! of a file.

use crate::pdf::{self, DocKind};
use crate::ui::Now;
use crate::ui::certificate::{CertificateDetails, CertificateDialog, NameSource, NamesFrom};
use crate::ui::file_browser::BrowsePurpose;

use super::{KampvuurApp, Notice};

impl KampvuurApp {
    /// Open the dialog: the details of the last bewijs (today's date), and
    /// the sources of names there are.
    pub(super) fn export_certificate(&mut self, now: Now) {
        let mut sources = Vec::new();
        let running = self.running_names();
        if !running.is_empty() {
            sources.push(NameSource {
                from: NamesFrom::Room,
                label: format!("De zaal van nu ({} namen)", running.len()),
            });
        }
        if let Some(store) = &self.paths.room
            && let Ok(list) = store.sessions()
        {
            let running = self.room.status.as_ref().map(|s| s.session.clone());
            for listing in list {
                let s = &listing.session;
                if s.workshop != self.workshop.title || Some(&s.id) == running.as_ref() {
                    continue;
                }
                let when = s.started.get(..16).unwrap_or(&s.started).replace('T', " ");
                sources.push(NameSource {
                    from: NamesFrom::Session(s.id.clone()),
                    label: format!(
                        "Bewaarde sessie van {when} ({} deelnemers)",
                        listing.participants
                    ),
                });
            }
        }
        sources.push(NameSource {
            from: NamesFrom::File,
            label: "Namen uit een bestand (één naam per regel)…".to_owned(),
        });
        let mut details = self.certificate_details.clone();
        details.date = now.wall.format("%d-%m-%Y").to_string();
        self.certificate = Some(CertificateDialog {
            details,
            sources,
            chosen: 0,
        });
    }

    /// The named participants of the running room, sorted, once each.
    fn running_names(&self) -> Vec<String> {
        let answers = (self.room.handle().map(|r| r.respondents())).unwrap_or_default();
        tidy(answers.into_iter().map(|(_, a)| a.participant).collect())
    }

    /// "Maken": gather the names and export (a file is asked for first).
    pub(super) fn make_certificate(
        &mut self,
        ctx: &egui::Context,
        details: CertificateDetails,
        from: NamesFrom,
    ) {
        self.certificate = None;
        self.certificate_details = CertificateDetails {
            date: String::new(),
            ..details.clone()
        };
        let names = match from {
            NamesFrom::Room => self.running_names(),
            NamesFrom::Session(id) => {
                let Some(store) = &self.paths.room else {
                    return;
                };
                match store.load(&id) {
                    Ok((_, participants, _)) => tidy(
                        (participants.into_iter())
                            .map(|p| p.answers.participant)
                            .collect(),
                    ),
                    Err(e) => {
                        let text = format!("Het bewijs van deelname is niet gemaakt: {e}");
                        self.notice = Some(Notice::error(text));
                        return;
                    }
                }
            }
            NamesFrom::File => {
                self.pending_certificate = Some(details);
                let near = self.workshop_path.clone();
                self.ask_file(ctx, BrowsePurpose::Names, near.as_deref(), String::new());
                return;
            }
        };
        self.certificate_for(ctx, names, details);
    }

    /// Export the bewijs van deelname for `names` to the exports folder.
    pub(super) fn certificate_for(
        &mut self,
        ctx: &egui::Context,
        names: Vec<String>,
        details: CertificateDetails,
    ) {
        if names.is_empty() {
            self.notice = Some(Notice::error(
                "Het bewijs van deelname is niet gemaakt: er staan geen namen in. Wie anoniem meedeed, krijgt geen bewijs.",
            ));
            return;
        }
        let name = pdf::default_file_name(&self.workshop, DocKind::Certificate, None);
        match self.export_target(&name) {
            Ok(path) => {
                self.export_in_background(ctx, DocKind::Certificate, path, names, details);
            }
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }
}

/// Names trimmed, without empty ones (anonymous), sorted, once each.
fn tidy(names: Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = (names.into_iter())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}
