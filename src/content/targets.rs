//! Where an export may go: never over the files it was made from, only with
//! real write access, and leftovers of an interrupted export cleaned away.

use std::fs::{File, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::TargetError;

/// Temporary files of handouts are `.kampvuur-export-XXXXXX.tmp`; the writer
/// holds a lock on its file for as long as it writes.
pub(crate) const EXPORT_TEMP_PREFIX: &str = ".kampvuur-export-";

/// Whether `a` and `b` are the same file (links followed; hard links too).
fn same_file(a: &Metadata, b: &Metadata, a_path: &Path, b_path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = (a_path, b_path);
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        match (std::fs::canonicalize(a_path), std::fs::canonicalize(b_path)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// The workshop file and its pictures, each with what it is in Dutch: an
/// export or a copy of one may never replace them.
pub fn workshop_sources(
    file: &Path,
    workshop: &crate::model::Workshop,
) -> Vec<(PathBuf, &'static str)> {
    // The workshop first: it is among the watched files too.
    let mut files = vec![(file.to_owned(), "het workshopbestand")];
    files.extend(
        super::watched_files(file, workshop)
            .into_iter()
            .map(|f| (f, "een afbeelding van de workshop")),
    );
    files
}

/// Refuses `out` when it is (a link to) one of `sources`: the workshop, its
/// images, the answers or the names an export was made from. Each source is
/// given with what it is, in Dutch ("het workshopbestand").
pub fn refuse_sources(out: &Path, sources: &[(PathBuf, &str)]) -> Result<(), TargetError> {
    let Ok(out_meta) = std::fs::metadata(out) else {
        // Nothing there (or a dangling link, refused when written): no source.
        return Ok(());
    };
    for (source, what) in sources {
        let Ok(meta) = std::fs::metadata(source) else {
            continue;
        };
        if same_file(&out_meta, &meta, out, source) {
            return Err(TargetError::IsSource(format!(
                "{what} ({})",
                super::validate::show(&source.display().to_string())
            )));
        }
    }
    Ok(())
}

/// Whether this process may write the existing regular file `path`: opened
/// for writing (nothing written, nothing truncated), so ownership, ACLs and
/// read-only mounts count, not only the mode bits.
pub(crate) fn can_write(path: &Path) -> Result<(), TargetError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Err(TargetError::ReadOnly)
        }
        Err(e) => Err(TargetError::Io(super::store_error::dutch_io(&e))),
    }
}

/// Gives the new file `tmp` the owner of the file `old` it replaces. When the
/// owner cannot be kept (the file is someone else's), the file is refused;
/// a group that cannot be kept is left as it is.
#[cfg(unix)]
pub(crate) fn keep_owner(tmp: &File, old: &Metadata) -> Result<(), TargetError> {
    use std::os::unix::fs::MetadataExt;
    let new = tmp
        .metadata()
        .map_err(|e| TargetError::Io(super::store_error::dutch_io(&e)))?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    if std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid())).is_ok() {
        return Ok(());
    }
    if new.uid() == old.uid() {
        return Ok(());
    }
    Err(TargetError::OtherOwner)
}

/// On Windows a replaced file's owner is kept by the file system's rules.
#[cfg(not(unix))]
pub(crate) fn keep_owner(_tmp: &File, _old: &Metadata) -> Result<(), TargetError> {
    Ok(())
}

/// Removes the temporary files of exports into `dir` that nobody writes any
/// more (an export that was killed): their lock is free. Best effort.
pub(crate) fn clean_stale_exports(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(EXPORT_TEMP_PREFIX) && name.ends_with(super::atomic::TEMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        // Not followed: only a regular temporary file is ours.
        if !path.symlink_metadata().is_ok_and(|m| m.is_file()) {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            drop(file);
            if std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workshop_and_links_to_it_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws.ron");
        std::fs::write(&ws, "Workshop()").unwrap();
        let sources = [(ws.clone(), "het workshopbestand")];
        let err = refuse_sources(&ws, &sources).unwrap_err();
        assert!(err.to_string().contains("het workshopbestand"), "{err}");
        let other = dir.path().join("ander.pdf");
        assert_eq!(refuse_sources(&other, &sources), Ok(()));
        std::fs::write(&other, "x").unwrap();
        assert_eq!(refuse_sources(&other, &sources), Ok(()));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.pdf");
            std::os::unix::fs::symlink(&ws, &link).unwrap();
            assert!(refuse_sources(&link, &sources).is_err());
            let hard = dir.path().join("hard.pdf");
            std::fs::hard_link(&ws, &hard).unwrap();
            assert!(refuse_sources(&hard, &sources).is_err());
        }
    }

    #[test]
    fn only_unlocked_export_leftovers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".kampvuur-export-abc123.tmp");
        let busy = dir.path().join(".kampvuur-export-def456.tmp");
        let answers = dir.path().join(".kampvuur-ghi789.tmp");
        for p in [&stale, &busy, &answers] {
            std::fs::write(p, "%PDF-1.7 half").unwrap();
        }
        let held = File::open(&busy).unwrap();
        held.lock().unwrap();
        assert_eq!(clean_stale_exports(dir.path()), 1);
        assert!(!stale.exists() && busy.exists() && answers.exists());
        drop(held);
        assert_eq!(clean_stale_exports(dir.path()), 1);
        assert!(!busy.exists());
    }
}
