//! Participants' answers on disk: one pretty RON file per answer set, in a
//! folder per workshop.
//!
//! On a shared laptop nobody sees anyone else's answers: a named set is
//! opened only with its name and the 4-digit code chosen when it was started
//! (stored as a salted hash, see [`CodeLock`]); every anonymous start is a
//! new set that is never reopened; every set has a file of its own
//! (`<slug>-<random>.ron`). Files from before codes (`<slug>.ron`, no code)
//! are kept but never opened in the app.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{AccessCode, AnswerSet, CodeLock, same_name, slug};

pub(crate) use super::answers_file::create_private_dir;
pub use super::answers_file::load_answers_file;
use super::answers_file::{
    BROKEN_MARK, MAX_ANSWERS_BYTES, SALT_BYTES, file_of, fill_random, is_valid_key, move_aside,
    new_key, parse,
};
use super::read::{ReadError, read_regular};
use super::recover::recover_temp_files;
pub use super::store_error::{StoreError, now_stamp};

/// The folder with everybody's answers: `<root>/<workshop>/<key>.ron`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerStore {
    root: PathBuf,
}

/// What [`AnswerStore::start`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// A new, empty set, already saved (so the name and code work next time).
    /// `namesake`: other sets with a code have this name (someone else with
    /// the same name, or a wrong code); the app counts it as a try.
    New { set: AnswerSet, namesake: bool },
    /// This name and code already had answers: those.
    Existing(AnswerSet),
}

/// What [`AnswerStore::resume`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resumed {
    Found(AnswerSet),
    /// No set with this name and code. `legacy`: the folder holds answers
    /// from before codes (whose ever they are), which cannot be opened here.
    NotFound {
        legacy: bool,
    },
}

/// A readable answers file in a workshop's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSet {
    pub path: PathBuf,
    pub set: AnswerSet,
}

impl StoredSet {
    /// A named set from before codes: kept, never opened in the app.
    pub fn is_legacy(&self) -> bool {
        self.set.lock.is_none() && !self.set.participant.is_empty()
    }
}

impl AnswerStore {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    /// `answers` in the user's data folder, if the system has one.
    pub fn default_location() -> Option<Self> {
        super::data_dir().map(|d| Self::new(d.join("answers")))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of one workshop's answers.
    pub fn workshop_dir(&self, workshop_title: &str) -> PathBuf {
        self.root.join(slug(workshop_title, "workshop"))
    }

    /// The file `set` is saved in.
    pub fn path_of(&self, set: &AnswerSet) -> PathBuf {
        file_of(&self.workshop_dir(&set.workshop), set)
    }

    /// Every readable answers file of this workshop, sorted by file name.
    /// Unreadable files are skipped and left alone.
    pub fn sets(&self, workshop_title: &str) -> Result<Vec<StoredSet>, StoreError> {
        let dir = self.workshop_dir(workshop_title);
        recover(&dir);
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&dir, e)),
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if !file_name.ends_with(".ron") || file_name.contains(BROKEN_MARK) {
                continue;
            }
            let read = read_regular(&path, MAX_ANSWERS_BYTES).ok();
            if let Some(set) = read.and_then(|b| parse(&b).ok())
                && set.workshop == workshop_title
            {
                found.push(StoredSet { path, set });
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(found)
    }

    /// The answers of `name` opened with `code`. Only a set whose stored
    /// name is this name (capitals and spaces aside), whose lock opens with
    /// this code and whose file is its own comes back.
    pub fn resume(
        &self,
        workshop_title: &str,
        name: &str,
        code: &AccessCode,
    ) -> Result<Resumed, StoreError> {
        let name = name.trim();
        let mut legacy = false;
        let mut best: Option<AnswerSet> = None;
        for stored in self.sets(workshop_title)? {
            legacy |= stored.is_legacy();
            let set = stored.set;
            let own_file = stored.path.file_stem().and_then(|s| s.to_str()) == Some(&set.key);
            let opens = set.lock.as_ref().is_some_and(|lock| lock.opens(code));
            if !name.is_empty()
                && same_name(&set.participant, name)
                && is_valid_key(&set.key)
                && own_file
                && opens
                && best.as_ref().is_none_or(|b| b.updated < set.updated)
            {
                best = Some(set);
            }
        }
        Ok(match best {
            Some(set) => Resumed::Found(set),
            None => Resumed::NotFound { legacy },
        })
    }

    /// Starts answering as `name` with `code`: the existing set when this
    /// name and code already have one, otherwise a new set in a file of its
    /// own, saved at once.
    pub fn start(
        &self,
        workshop_title: &str,
        name: &str,
        code: &AccessCode,
    ) -> Result<Started, StoreError> {
        if let Resumed::Found(set) = self.resume(workshop_title, name, code)? {
            return Ok(Started::Existing(set));
        }
        let namesake = self
            .sets(workshop_title)?
            .iter()
            .any(|s| s.set.lock.is_some() && same_name(&s.set.participant, name));
        let dir = self.workshop_dir(workshop_title);
        create_private_dir(&dir)?;
        let mut salt = [0u8; SALT_BYTES];
        fill_random(&mut salt, &dir)?;
        let mut set = AnswerSet::new(name, workshop_title);
        set.key = new_key(&set.participant, &dir)?;
        set.lock = Some(CodeLock::new(code, &salt));
        set.updated = now_stamp();
        self.save(&set)?;
        Ok(Started::New { set, namesake })
    }

    /// A new anonymous set with a file of its own; saved with the first
    /// answer, never reopened.
    pub fn start_anonymous(&self, workshop_title: &str) -> Result<AnswerSet, StoreError> {
        let dir = self.workshop_dir(workshop_title);
        let mut set = AnswerSet::new("", workshop_title);
        set.key = new_key("", &dir)?;
        Ok(set)
    }

    /// Saves `set` atomically in its own file and returns the file. A file
    /// there that holds someone else's set is never overwritten; an
    /// unreadable one is moved aside first.
    pub fn save(&self, set: &AnswerSet) -> Result<PathBuf, StoreError> {
        let dir = self.workshop_dir(&set.workshop);
        let path = file_of(&dir, set);
        if !is_valid_key(&set.key) {
            return Err(StoreError::Refused {
                path,
                why: "deze antwoorden hebben geen eigen bestand (van vóór de codes)".into(),
            });
        }
        create_private_dir(&dir)?;
        match read_regular(&path, MAX_ANSWERS_BYTES) {
            Err(ReadError::NotFound) => {}
            Ok(bytes) => match parse(&bytes) {
                Ok(old) if old.participant != set.participant || old.lock != set.lock => {
                    return Err(StoreError::Refused {
                        path,
                        why: "dat bestand hoort bij de antwoorden van iemand anders".into(),
                    });
                }
                Ok(_) => {}
                Err(_) => {
                    move_aside(&path)?;
                }
            },
            // Not a regular file, too large…: write_atomic says why.
            Err(_) => {}
        }
        super::atomic::save_ron(&path, set)?;
        Ok(path)
    }
}

/// Puts a complete answers file that a killed save left behind in its place;
/// removes incomplete ones.
fn recover(dir: &Path) {
    recover_temp_files(dir, MAX_ANSWERS_BYTES, |bytes| {
        let set = parse(bytes).ok()?;
        Some(file_of(dir, &set))
    });
}
