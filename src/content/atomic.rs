//! Writing a file so that it is either completely new or completely old.

use std::cell::Cell;
use std::io::{self, Write};
use std::path::Path;

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
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), io::Error> {
    write_with_mode(path, bytes, 0o600)
}

/// A handout could not be written; says why in Dutch.
#[derive(Debug, thiserror::Error)]
#[error("{}: kan de PDF niet schrijven: {why}", .path.display())]
pub struct HandoutError {
    pub path: std::path::PathBuf,
    pub why: String,
}

/// Writes a handout atomically, readable by others (mode 0644 on unix): a
/// failed write leaves no partial file and an existing file untouched.
pub fn save_handout(path: &Path, bytes: &[u8]) -> Result<(), HandoutError> {
    write_with_mode(path, bytes, 0o644).map_err(|e| {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let why = match e.kind() {
            io::ErrorKind::NotFound => format!("de map {} bestaat niet", dir.display()),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                format!("geen toestemming om in {} te schrijven", dir.display())
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "de schijf is vol".to_owned()
            }
            _ => super::store_error::dutch_io(&e),
        };
        HandoutError {
            path: path.to_owned(),
            why,
        }
    })
}

fn write_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<(), io::Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".kampvuur-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // From here on, dropping `tmp` on an error removes the temporary file.
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
