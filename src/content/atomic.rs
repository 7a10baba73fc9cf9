//! Writing a file so that it is either completely new or completely old.

use std::cell::Cell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temporary files are `.kampvuur-XXXXXX.tmp` next to the file they replace.
pub(crate) const TEMP_PREFIX: &str = ".kampvuur-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

/// Where a write can be made to fail on purpose, for tests of what happens on
/// a full disk or a crash halfway.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// After the temporary file was created, before anything was written.
    Created,
    /// After all bytes were written and flushed, just before the rename.
    Written,
}

thread_local! {
    static FAIL_NEXT: Cell<Option<FailPoint>> = const { Cell::new(None) };
}

/// Makes the next [`write_atomic`] on this thread fail at `point`, as if the
/// disk were full. Only for tests.
#[doc(hidden)]
pub fn fail_next_write_at(point: FailPoint) {
    FAIL_NEXT.with(|f| f.set(Some(point)));
}

fn injected(point: FailPoint) -> io::Result<()> {
    if FAIL_NEXT.with(|f| f.get()) == Some(point) {
        FAIL_NEXT.with(|f| f.set(None));
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "gesimuleerde fout (test)",
        ));
    }
    Ok(())
}

/// Replaces `path` by `bytes` atomically.
///
/// Writes a temporary file in the same directory, flushes it to disk, gives it
/// mode 0600 on unix and renames it over `path`; then flushes the directory
/// (best effort). On any error the old file is untouched and the temporary file
/// is removed.
///
/// A read-only file, a folder, a device or a pipe at `path` is not replaced:
/// the error then holds a [`TargetError`]. A symbolic link is followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), io::Error> {
    let (target, _) = resolve_target(path).map_err(io::Error::other)?;
    write_with_mode(&target, bytes, 0o600, None)
}

/// Why an existing path is not replaced; found before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error(
        "het bestand is alleen-lezen; kampvuur overschrijft het niet (maak het schrijfbaar of kies een andere naam)"
    )]
    ReadOnly,
    #[error("dit is {0}, geen gewoon bestand; kies een gewone bestandsnaam")]
    NotRegular(&'static str),
    #[error(
        "het bestand is van een andere gebruiker; kampvuur vervangt het niet, omdat de eigenaar dan zou veranderen (kies een andere naam)"
    )]
    OtherOwner,
    #[error(
        "dit is {0}, waar de export van gemaakt wordt; kampvuur schrijft daar niet overheen (kies een andere naam)"
    )]
    IsSource(String),
    #[error("de snelkoppeling (symbolische koppeling) verwijst naar ‘{0}’, dat niet bestaat")]
    Dangling(String),
    #[error("{0}")]
    Io(String),
}

impl TargetError {
    /// The refusal inside an I/O error from [`write_atomic`], if it is one.
    pub(crate) fn inside(e: &io::Error) -> Option<&Self> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<Self>())
    }
}

/// The file that a write replaces: its mode and its owner are kept.
#[derive(Debug)]
pub(crate) struct Replaced {
    mode: Option<u32>,
    meta: std::fs::Metadata,
}

/// Where a write to `path` really goes, and the file it replaces: a symbolic
/// link is followed (the link stays), a regular file must be writable by
/// this process (really, not only by its mode bits), anything else is refused.
fn resolve_target(path: &Path) -> Result<(PathBuf, Option<Replaced>), TargetError> {
    let io_err = |e: &io::Error| TargetError::Io(super::store_error::dutch_io(e));
    let link = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((path.to_owned(), None)),
        Err(e) => return Err(io_err(&e)),
        Ok(meta) => meta.file_type().is_symlink(),
    };
    let real = if link {
        match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let to = std::fs::read_link(path).unwrap_or_default();
                return Err(TargetError::Dangling(to.display().to_string()));
            }
            Err(e) => return Err(io_err(&e)),
        }
    } else {
        path.to_owned()
    };
    let meta = std::fs::metadata(&real).map_err(|e| io_err(&e))?;
    if let Some(kind) = super::read::not_regular(&meta) {
        return Err(TargetError::NotRegular(kind));
    }
    if meta.permissions().readonly() {
        return Err(TargetError::ReadOnly);
    }
    super::targets::can_write(&real)?;
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        Some(meta.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = None;
    Ok((real, Some(Replaced { mode, meta })))
}

/// A handout could not be written; says why in Dutch.
#[derive(Debug, thiserror::Error)]
#[error("{}: kan de PDF niet schrijven: {why}", .path.display())]
pub struct HandoutError {
    pub path: PathBuf,
    pub why: String,
}

/// Writes a handout atomically, readable by others (mode 0644 on unix, or the
/// mode of the file it replaces): a failed write leaves no partial file and an
/// existing file untouched. A symbolic link is followed; a read-only file, a
/// folder, a device or a pipe is refused.
pub fn save_handout(path: &Path, bytes: &[u8]) -> Result<(), HandoutError> {
    let fail = |why: String| HandoutError {
        path: path.to_owned(),
        why,
    };
    let (target, old) = resolve_target(path).map_err(|e| fail(e.to_string()))?;
    super::targets::clean_stale_exports(parent(&target));
    let mode = old.as_ref().and_then(|o| o.mode).unwrap_or(0o644);
    write_with_mode(&target, bytes, mode, Some(old.as_ref().map(|o| &o.meta))).map_err(|e| {
        if let Some(refused) = TargetError::inside(&e) {
            return fail(refused.to_string());
        }
        let dir = parent(&target);
        let why = match e.kind() {
            io::ErrorKind::NotFound if dir.is_dir() => {
                format!(
                    "in de map {} kan geen bestand worden gemaakt",
                    dir.display()
                )
            }
            io::ErrorKind::NotFound => format!("de map {} bestaat niet", dir.display()),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                format!("geen toestemming om in {} te schrijven", dir.display())
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "de schijf is vol".to_owned()
            }
            _ => super::store_error::dutch_io(&e),
        };
        fail(why)
    })
}

/// The folder of `path`; `.` for a bare file name.
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` over `path` through a temporary file with `mode`. An
/// export (`export` is `Some`, with the file it replaces if any) writes a
/// locked `.kampvuur-export-*.tmp` and keeps the replaced file's owner.
fn write_with_mode(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    export: Option<Option<&std::fs::Metadata>>,
) -> Result<(), io::Error> {
    let dir = parent(path);
    let prefix = match export {
        Some(_) => super::targets::EXPORT_TEMP_PREFIX,
        None => TEMP_PREFIX,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    // From here on, dropping `tmp` on an error removes the temporary file.
    if export.is_some() {
        // Held until the file is renamed: a free lock marks a leftover.
        tmp.as_file().lock()?;
    }
    if let Some(Some(old)) = export {
        super::targets::keep_owner(tmp.as_file(), old).map_err(io::Error::other)?;
    }
    injected(FailPoint::Created)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.as_file().sync_all()?;
    injected(FailPoint::Written)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Flushes a directory entry to disk; not possible everywhere, so errors are ignored.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// `value` as pretty RON, written atomically to `path` (the folder must exist).
pub(crate) fn save_ron<T: serde::Serialize>(
    path: &Path,
    value: &T,
) -> Result<(), super::StoreError> {
    let text =
        ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(|e| {
            super::StoreError::Serialize {
                path: path.to_owned(),
                message: e.to_string(),
            }
        })?;
    write_atomic(path, text.as_bytes()).map_err(|e| super::StoreError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_never_targets() {
        // Only looked at: nothing is written.
        let device = resolve_target(Path::new("/dev/null")).unwrap_err();
        assert!(matches!(device, TargetError::NotRegular(_)), "{device}");
        assert!(device.to_string().contains("apparaat"), "{device}");
        let folder = resolve_target(Path::new("/")).unwrap_err();
        assert_eq!(folder, TargetError::NotRegular("een map"));
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("nieuw.pdf");
        let (target, old) = resolve_target(&new).unwrap();
        assert!(target == new && old.is_none());
    }
}
