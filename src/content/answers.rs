//! Participants' answers on disk: one pretty RON file per participant per workshop.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{AnswerSet, slug};

use super::read::{ReadError, encoding_problem, read_regular};
use super::recover::recover_temp_files;
use super::store_error::file_stamp;
pub use super::store_error::{StoreError, now_stamp};

/// The folder with everybody's answers: `<root>/<workshop>/<participant>.ron`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerStore {
    root: PathBuf,
}

/// What [`AnswerStore::load`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// No answers saved yet: an empty set.
    Fresh(AnswerSet),
    /// The saved answers.
    Existing(AnswerSet),
    /// The saved file could not be read; it was moved to `moved_to` (never
    /// deleted) and an empty set is returned. `reason` says why, in Dutch.
    Recovered {
        set: AnswerSet,
        moved_to: PathBuf,
        reason: String,
    },
}

impl Loaded {
    /// The answer set, whatever happened.
    pub fn into_set(self) -> AnswerSet {
        match self {
            Self::Fresh(set) | Self::Existing(set) | Self::Recovered { set, .. } => set,
        }
    }
}

/// Name of the file of an anonymous participant.
const ANONYMOUS: &str = "anoniem";
/// Marker in the name of a file moved aside.
const BROKEN_MARK: &str = ".kapot-";
/// An answers file is a few kilobytes; this leaves room for long open answers.
const MAX_ANSWERS_BYTES: u64 = 4 * 1024 * 1024;

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

    fn workshop_dir(&self, workshop_title: &str) -> PathBuf {
        self.root.join(slug(workshop_title, "workshop"))
    }

    /// `<root>/<slug(workshop)>/<slug(participant)>.ron`; an empty name is "anoniem".
    pub fn path_for(&self, workshop_title: &str, participant: &str) -> PathBuf {
        self.workshop_dir(workshop_title)
            .join(format!("{}.ron", slug(participant, ANONYMOUS)))
    }

    /// The names of everyone with readable answers for this workshop ("" for
    /// anonymous), sorted. Files that cannot be read are skipped.
    pub fn participants(&self, workshop_title: &str) -> Result<Vec<String>, StoreError> {
        let dir = self.workshop_dir(workshop_title);
        recover(&dir);
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&dir, e)),
        };
        let mut names = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if !file_name.ends_with(".ron") || file_name.contains(BROKEN_MARK) {
                continue;
            }
            let read = read_regular(&path, MAX_ANSWERS_BYTES).ok();
            if let Some(set) = read.and_then(|b| parse(&b).ok()) {
                names.push(set.participant);
            }
        }
        names.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
        names.dedup();
        Ok(names)
    }

    /// The saved answers of `participant`, a fresh set when there are none, or
    /// a fresh set after moving a corrupt file aside.
    pub fn load(&self, workshop_title: &str, participant: &str) -> Result<Loaded, StoreError> {
        let path = self.path_for(workshop_title, participant);
        let fresh = || AnswerSet::new(participant, workshop_title);
        if let Some(dir) = path.parent() {
            recover(dir);
        }
        let bytes = match read_regular(&path, MAX_ANSWERS_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(Loaded::Fresh(fresh())),
            Err(e) => {
                return Err(StoreError::Unreadable {
                    path,
                    why: e.to_string(),
                });
            }
        };
        match parse(&bytes) {
            Ok(set) => Ok(Loaded::Existing(set)),
            Err(why) => {
                let moved_to = move_aside(&path)?;
                let reason = format!(
                    "de opgeslagen antwoorden waren onleesbaar ({why}); het oude bestand staat nu in {}",
                    moved_to.display()
                );
                Ok(Loaded::Recovered {
                    set: fresh(),
                    moved_to,
                    reason,
                })
            }
        }
    }

    /// Saves `set` atomically and returns the file it went to.
    pub fn save(&self, set: &AnswerSet) -> Result<PathBuf, StoreError> {
        let path = self.path_for(&set.workshop, &set.participant);
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
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
        Some(dir.join(format!("{}.ron", slug(&set.participant, ANONYMOUS))))
    });
}

/// Reads the answers file at `path` (for `kampvuur export --answers-file`);
/// the error says in Dutch what is wrong, with the path.
pub fn load_answers_file(path: &Path) -> Result<AnswerSet, String> {
    let bytes = read_regular(path, MAX_ANSWERS_BYTES)
        .map_err(|e| format!("{}: kan de antwoorden niet lezen: {e}", path.display()))?;
    parse(&bytes).map_err(|e| format!("{}: geen geldige antwoorden: {e}", path.display()))
}

/// Reads an answers file; the error says in Dutch what is wrong.
fn parse(bytes: &[u8]) -> Result<AnswerSet, String> {
    if let Some(why) = encoding_problem(bytes) {
        return Err(why.into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "geen UTF-8-tekst".to_owned())?;
    if text.trim().is_empty() {
        return Err("het bestand is leeg".into());
    }
    super::ron_text::ron_options().from_str(text).map_err(|e| {
        format!(
            "regel {}: {}",
            e.span.start.line,
            super::error::ron_message(&e.code)
        )
    })
}

/// Renames a corrupt file to `<name>.kapot-<stamp>.ron`, never over an existing file.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stem = path
        .file_stem()
        .map_or_else(|| ANONYMOUS.into(), |s| s.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    let stamp = file_stamp();
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = dir.join(format!("{stem}{BROKEN_MARK}{stamp}{suffix}.ron"));
        if target.symlink_metadata().is_ok() {
            continue;
        }
        return std::fs::rename(path, &target)
            .map(|()| target)
            .map_err(|e| StoreError::io(path, e));
    }
    Err(StoreError::Io {
        path: path.to_owned(),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            "te veel kapotte bestanden met dezelfde tijd",
        ),
    })
}

/// Creates `dir` and its parents; new folders get mode 0700 on unix.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| StoreError::folder(dir, e))
}
