//! The room's sessions in the app: the team picture as PDF or CSV, the list
//! of stored sessions, and deleting one.

use std::path::PathBuf;

use crate::content;
use crate::model::{TeamSummary, team_csv};
use crate::pdf::{self, DocKind, ExportRequest};
use crate::ui::Now;

use super::{KampvuurApp, Notice};

impl KampvuurApp {
    /// The team picture of session `id` (default: the running room's, else
    /// the newest of this workshop), with the session's id and date.
    fn team_of(&self, id: Option<String>) -> Result<(String, String, TeamSummary), String> {
        let running = self.room.status.as_ref().map(|s| s.session.clone());
        let id = id.or(running);
        let store = self
            .paths
            .room
            .as_ref()
            .ok_or("er is geen map voor de sessies van de zaal op deze computer")?;
        let (session, team) = store
            .team_summary(id.as_deref(), &self.workshop)
            .map_err(|e| e.to_string())?;
        let date = session.started.get(..10).unwrap_or_default().to_owned();
        Ok((session.id, date, team))
    }

    /// Save the team picture of a session in the exports folder.
    pub(super) fn export_team(&mut self, id: Option<String>, csv: bool, now: Now) {
        let (session, _, _) = match self.team_of(id.clone()) {
            Ok(t) => t,
            Err(e) => return self.export_failed(&e),
        };
        let name = pdf::default_file_name(&self.workshop, DocKind::Team, Some(&session));
        let name = if csv {
            format!("{}.csv", name.trim_end_matches(".pdf"))
        } else {
            name
        };
        match self.export_target(&name) {
            Ok(path) => self.export_team_to(Some(session), csv, path, now),
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// Save the team picture of a session to `path` (PDF, or CSV for Excel)
    /// and report the result in the notice bar.
    pub fn export_team_to(&mut self, id: Option<String>, csv: bool, path: PathBuf, now: Now) {
        let (_, date, team) = match self.team_of(id) {
            Ok(t) => t,
            Err(e) => return self.export_failed(&e),
        };
        let bytes = if csv {
            Ok((team_csv(&team).into_bytes(), None))
        } else {
            let date = if date.is_empty() {
                now.wall.format("%d-%m-%Y").to_string()
            } else {
                date
            };
            let request = ExportRequest {
                team: Some(&team),
                date: Some(date),
                ..ExportRequest::new(DocKind::Team)
            };
            pdf::render(&self.workshop, &request)
                .map(|r| (r.bytes, Some(r.pages)))
                .map_err(|e| e.to_string())
        };
        let result = bytes.and_then(|(bytes, pages)| {
            content::save_handout(&path, &bytes)
                .map(|()| pages)
                .map_err(|e| e.to_string())
        });
        self.notice = Some(match result {
            Ok(pages) => Notice {
                text: match pages {
                    Some(n) => format!("Bewaard: {} ({n} pagina’s)", path.display()),
                    None => format!("Bewaard: {}", path.display()),
                },
                error: false,
                file: Some(path),
            },
            Err(e) => return self.export_failed(&e),
        });
    }

    fn export_failed(&mut self, why: &str) {
        self.notice = Some(Notice {
            text: format!("Het teamoverzicht kon niet worden bewaard: {why}"),
            error: true,
            file: None,
        });
    }

    /// Read the list of stored sessions again.
    pub(super) fn reload_room_sessions(&mut self) {
        self.room_sessions = match &self.paths.room {
            Some(store) => match store.sessions() {
                Ok(list) => list,
                Err(e) => {
                    self.notice = Some(Notice {
                        text: format!("De sessies van de zaal konden niet worden gelezen: {e}"),
                        error: true,
                        file: None,
                    });
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
    }

    /// Delete a stored session with all answers in it ("Sessie wissen").
    pub(super) fn delete_room_session(&mut self, id: &str) {
        let running = self.room.status.as_ref().is_some_and(|s| s.session == id);
        let result = match (&self.paths.room, running) {
            (_, true) => Err("sluit eerst de zaal".to_owned()),
            (Some(store), false) => store.delete(id).map_err(|e| e.to_string()),
            (None, false) => Ok(()),
        };
        self.notice = Some(match result {
            Ok(()) => Notice {
                text: "De sessie en alle antwoorden erin zijn gewist.".to_owned(),
                error: false,
                file: None,
            },
            Err(e) => Notice {
                text: format!("De sessie kon niet worden gewist: {e}"),
                error: true,
                file: None,
            },
        });
        self.reload_room_sessions();
    }
}
