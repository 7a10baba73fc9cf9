//! Sessions of the room on disk: one private folder per session with
//! `sessie.ron` and one file per device in `deelnemers/`. Every write is
//! atomic (temp file, fsync, rename) with mode 0600; folders are 0700.

use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::model::{
    Respondent, RoomParticipant, RoomSession, SessionListing, TeamSummary, Workshop,
};

use super::StoreError;
use super::room_files;

const META: &str = "sessie.ron";
const PARTICIPANTS: &str = "deelnemers";
/// A participant file is a few kilobytes; anything much larger is not ours.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The folder with all sessions of the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomStore {
    root: PathBuf,
}

/// Whether `id` is a safe folder or file name made by us: 1–64 lowercase
/// ASCII letters, digits and dashes, not starting with a dash.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn bad_id(root: &Path, id: &str) -> StoreError {
    StoreError::Io {
        path: root.join(id.escape_default().to_string()),
        source: io::Error::new(io::ErrorKind::InvalidInput, "ongeldige naam"),
    }
}

impl RoomStore {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    /// `zaal` in the user's data folder, if the system has one.
    pub fn default_location() -> Option<Self> {
        super::data_dir().map(|d| Self::new(d.join("zaal")))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn session_dir(&self, id: &str) -> Result<PathBuf, StoreError> {
        if is_safe_id(id) {
            Ok(self.root.join(id))
        } else {
            Err(bad_id(&self.root, id))
        }
    }

    /// The folder of session `id`.
    pub fn folder(&self, id: &str) -> Result<PathBuf, StoreError> {
        self.session_dir(id)
    }

    fn participants_dir(&self, session: &str) -> Result<PathBuf, StoreError> {
        Ok(self.session_dir(session)?.join(PARTICIPANTS))
    }

    /// The folders of session `id`, made when missing; links are refused.
    fn ensure_dirs(&self, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.session_dir(id)?;
        // The room's own folder may be a link (a data folder on another
        // disk); the folders kampvuur makes inside it may not.
        if !self.root.is_dir() {
            room_files::real_dir(&self.root).map_err(|e| StoreError::folder(&self.root, e))?;
        }
        for d in [dir.clone(), dir.join(PARTICIPANTS)] {
            room_files::real_dir(&d).map_err(|e| StoreError::folder(&d, e))?;
        }
        Ok(dir)
    }

    /// Save the session's own file (creating its folder), durably.
    pub fn save_session(&self, session: &RoomSession) -> Result<PathBuf, StoreError> {
        let dir = self.ensure_dirs(&session.id)?;
        let path = dir.join(META);
        self.save_batch(&session.id, Some(session), &[])?;
        Ok(path)
    }

    /// Save one device's answers in session `session`, durably.
    pub fn save_participant(
        &self,
        session: &str,
        participant: &RoomParticipant,
    ) -> Result<PathBuf, StoreError> {
        let path = self.participant_path(session, &participant.id)?;
        self.save_batch(
            session,
            None,
            &[(participant.id.as_str(), Some(participant))],
        )?;
        Ok(path)
    }

    fn participant_path(&self, session: &str, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.participants_dir(session)?;
        if !is_safe_id(id) {
            return Err(bad_id(&dir, id));
        }
        Ok(dir.join(format!("{id}.ron")))
    }

    /// Remove one device's answers ("Wis mijn antwoorden"); gone already is fine.
    pub fn remove_participant(&self, session: &str, participant: &str) -> Result<(), StoreError> {
        self.participant_path(session, participant)?;
        self.save_batch(session, None, &[(participant, None)])
    }

    /// Store many changes of session `id` at once (group commit): the
    /// session's file if given, and per device its answers or (`None`) their
    /// removal. Returns only when all of it is on disk; never follows links.
    pub fn save_batch(
        &self,
        id: &str,
        session: Option<&RoomSession>,
        people: &[(&str, Option<&RoomParticipant>)],
    ) -> Result<(), StoreError> {
        let dir = self.ensure_dirs(id)?;
        let mut changes = Vec::with_capacity(people.len() + 1);
        if let Some(s) = session {
            let path = dir.join(META);
            changes.push(room_files::Change::Write(
                path.clone(),
                ron_bytes(&path, s)?,
            ));
        }
        for (pid, p) in people {
            let path = self.participant_path(id, pid)?;
            changes.push(match p {
                Some(p) => room_files::Change::Write(path.clone(), ron_bytes(&path, p)?),
                None => room_files::Change::Remove(path),
            });
        }
        room_files::commit(&changes).map_err(|e| StoreError::io(&dir, e))
    }

    /// After a crash: leftover temporary snapshots of session `id` that are
    /// complete and newer than their file replace it; others are removed.
    /// Returns how many were recovered.
    pub fn recover(&self, id: &str) -> Result<usize, StoreError> {
        let dir = self.session_dir(id)?;
        let meta = room_files::recover_tmp(&dir, |target, bytes| {
            target.file_name().is_some_and(|n| n == META) && parse::<RoomSession>(bytes).is_some()
        });
        let people = room_files::recover_tmp(&dir.join(PARTICIPANTS), |target, bytes| {
            let stem = target
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            parse::<RoomParticipant>(bytes).is_some_and(|p| p.id == stem)
        });
        Ok(meta + people)
    }

    /// The newest session of `workshop` started on `day` ("YYYY-MM-DD"),
    /// with its number of devices: the room that can be continued.
    pub fn resumable(&self, workshop: &str, day: &str) -> Option<SessionListing> {
        self.sessions().ok()?.into_iter().find(|l| {
            l.session.workshop == workshop
                && l.session.started.starts_with(day)
                && !l.session.token.is_empty()
        })
    }

    /// The session and everyone's answers. Participant files that cannot be
    /// read are skipped and counted in the second value.
    pub fn load(&self, id: &str) -> Result<(RoomSession, Vec<RoomParticipant>, usize), StoreError> {
        let dir = self.session_dir(id)?;
        let session: RoomSession = load_ron(&dir.join(META))?;
        let mut participants = Vec::new();
        let mut unreadable = 0;
        let folder = dir.join(PARTICIPANTS);
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((session, participants, 0));
            }
            Err(e) => return Err(StoreError::io(&folder, e)),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".ron") else {
                continue;
            };
            if !is_safe_id(stem) {
                continue;
            }
            match load_ron::<RoomParticipant>(&entry.path()) {
                Ok(p) if p.id == stem => participants.push(p),
                _ => unreadable += 1,
            }
        }
        participants.sort_by(|a, b| a.id.cmp(&b.id));
        Ok((session, participants, unreadable))
    }

    /// Every readable session, newest first.
    pub fn sessions(&self) -> Result<Vec<SessionListing>, StoreError> {
        let entries = match std::fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&self.root, e)),
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let id = entry.file_name().to_string_lossy().into_owned();
            if !is_safe_id(&id) {
                continue;
            }
            let Ok(session) = load_ron::<RoomSession>(&entry.path().join(META)) else {
                continue;
            };
            let participants = std::fs::read_dir(entry.path().join(PARTICIPANTS))
                .map(|d| {
                    d.flatten()
                        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
                        .count()
                })
                .unwrap_or(0);
            out.push(SessionListing {
                session,
                participants,
            });
        }
        // Newest first by the recorded start time (ids only have minutes).
        out.sort_by(|a, b| {
            (b.session.start_key(), &b.session.id).cmp(&(a.session.start_key(), &a.session.id))
        });
        Ok(out)
    }

    /// Delete a session and all answers in it ("Sessie wissen").
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let dir = self.session_dir(id)?;
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io(&dir, e)),
        }
    }
}

/// Why a stored session's team picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sessie ‘{id}’ hoort bij de workshop ‘{workshop}’; open eerst die workshop")]
    OtherWorkshop { id: String, workshop: String },
    #[error("er is nog geen sessie van de zaal bij ‘{0}’")]
    NoSession(String),
}

impl RoomStore {
    /// The team picture of stored session `id` (or, without an id, the newest
    /// session of this workshop), with the session itself.
    pub fn team_summary(
        &self,
        id: Option<&str>,
        workshop: &Workshop,
    ) -> Result<(RoomSession, TeamSummary), SessionError> {
        let id = match id {
            Some(id) => id.to_owned(),
            None => self
                .sessions()?
                .into_iter()
                .find(|l| l.session.workshop == workshop.title)
                .map(|l| l.session.id)
                .ok_or_else(|| SessionError::NoSession(workshop.title.clone()))?,
        };
        let (session, participants, _) = self.load(&id)?;
        if session.workshop != workshop.title {
            return Err(SessionError::OtherWorkshop {
                id,
                workshop: session.workshop,
            });
        }
        let respondents: Vec<Respondent> = participants
            .iter()
            .map(|p| Respondent {
                id: &p.id,
                answers: &p.answers,
            })
            .collect();
        let team = TeamSummary::new(
            workshop,
            &session.open,
            &respondents,
            session.min_answers,
            &session.approved_keys(),
        );
        Ok((session, team))
    }
}

fn ron_bytes<T: serde::Serialize>(path: &Path, value: &T) -> Result<Vec<u8>, StoreError> {
    ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map(String::into_bytes)
        .map_err(|e| StoreError::Serialize {
            path: path.to_owned(),
            message: e.to_string(),
        })
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    super::ron_text::ron_options()
        .from_str(&crate::model::nfc(text))
        .ok()
}

fn load_ron<T: DeserializeOwned>(path: &Path) -> Result<T, StoreError> {
    // Never through a link planted in a session folder.
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(StoreError::Io {
            path: path.to_owned(),
            source: io::Error::new(io::ErrorKind::InvalidData, "een koppeling, geen bestand"),
        });
    }
    let unreadable = |why: &str| StoreError::Io {
        path: path.to_owned(),
        source: io::Error::new(io::ErrorKind::InvalidData, why.to_owned()),
    };
    // Regular files only, and never more than the limit: a FIFO or a link to
    // a device in a session folder cannot hang or flood the app.
    let bytes = super::read::read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        super::read::ReadError::NotFound => StoreError::io(
            path,
            io::Error::new(io::ErrorKind::NotFound, "bestand niet gevonden"),
        ),
        other => unreadable(&other.to_string()),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| unreadable("geen UTF-8-tekst"))?;
    let text = crate::model::nfc(text);
    super::ron_text::ron_options().from_str(&text).map_err(|e| {
        unreadable(&format!(
            "onleesbaar: {}",
            super::ron_text::ron_error_text(&e)
        ))
    })
}

#[cfg(test)]
#[path = "room_store_tests.rs"]
mod tests;
