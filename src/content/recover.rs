//! Temporary files left behind when kampvuur was killed during a save.
//!
//! [`write_atomic`](super::write_atomic) writes `.kampvuur-XXXXXX.tmp` and then
//! renames it over the real file. Killed in between, the temporary file may be
//! complete and newer than the real one: it is then put in its place. Anything
//! else (an incomplete file, or one older than the real file) is removed.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::atomic::{TEMP_PREFIX, TEMP_SUFFIX};
use super::read::read_regular;

/// Younger temporary files may belong to a save that is still running.
pub(crate) const SETTLE: Duration = Duration::from_secs(10);

/// What was done with the temporary files of a folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Recovery {
    /// Files replaced by (or created from) a complete, newer temporary file.
    pub restored: Vec<PathBuf>,
    /// Temporary files removed: incomplete, unreadable, or older than the file.
    pub removed: usize,
}

/// Stale temporary files of `dir`, oldest first, with their modification times.
fn stale_temp_files(dir: &Path, now: SystemTime) -> Vec<(SystemTime, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter_map(|e| {
            // Not followed: only a regular temporary file is ours.
            let meta = e.path().symlink_metadata().ok()?;
            let modified = meta.modified().ok()?;
            let age = now.duration_since(modified).unwrap_or(SETTLE);
            (meta.is_file() && age >= SETTLE).then(|| (modified, e.path()))
        })
        .collect();
    found.sort();
    found
}

/// Puts complete, newer temporary files of `dir` in place of the file they
/// were meant to replace and removes the rest. `target_of` reads a temporary
/// file's bytes and names the file in `dir` it belongs to, or `None` when the
/// bytes are incomplete. Best effort: what cannot be done is left alone.
pub(crate) fn recover_temp_files(
    dir: &Path,
    limit: u64,
    target_of: impl Fn(&[u8]) -> Option<PathBuf>,
) -> Recovery {
    let mut done = Recovery::default();
    for (modified, tmp) in stale_temp_files(dir, SystemTime::now()) {
        let target = read_regular(&tmp, limit)
            .ok()
            .and_then(|bytes| target_of(&bytes))
            .filter(|t| t.parent() == Some(dir));
        let Some(target) = target else {
            if std::fs::remove_file(&tmp).is_ok() {
                done.removed += 1;
            }
            continue;
        };
        match target.symlink_metadata() {
            Err(_) => {
                if std::fs::rename(&tmp, &target).is_ok() {
                    done.restored.push(target);
                }
            }
            // A read-only file or something odd: not ours to replace.
            Ok(meta) if !meta.is_file() || meta.permissions().readonly() => {}
            Ok(meta) => {
                let newer = meta.modified().is_ok_and(|m| m < modified);
                if newer {
                    if std::fs::rename(&tmp, &target).is_ok() {
                        done.restored.push(target);
                    }
                } else if std::fs::remove_file(&tmp).is_ok() {
                    done.removed += 1;
                }
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aged(path: &Path, secs: u64) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn complete_newer_files_are_restored_and_the_rest_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let real = d.join("a.ron");
        std::fs::write(&real, "oud").unwrap();
        aged(&real, 120);
        let write = |name: &str, text: &str, age: u64| {
            let p = d.join(name);
            std::fs::write(&p, text).unwrap();
            aged(&p, age);
        };
        write(".kampvuur-1.tmp", "a.ron:nieuw", 60);
        write(".kampvuur-2.tmp", "a.ron:nieuwst", 30);
        write(".kampvuur-3.tmp", "half", 30);
        write(".kampvuur-4.tmp", "a.ron:bezig", 0);
        let target = |b: &[u8]| {
            let text = std::str::from_utf8(b).ok()?;
            let (name, _) = text.split_once(':')?;
            Some(d.join(name))
        };
        let done = recover_temp_files(d, 1024, target);
        assert_eq!(done.restored, vec![real.clone(), real.clone()]);
        assert_eq!(done.removed, 1);
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "a.ron:nieuwst");
        // The one being written right now is left alone.
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".kampvuur-4.tmp", "a.ron"]);
        // Older than the real file: removed, the real file is kept.
        write(".kampvuur-5.tmp", "a.ron:te oud", 600);
        let done = recover_temp_files(d, 1024, target);
        assert_eq!((done.restored.len(), done.removed), (0, 1));
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "a.ron:nieuwst");
    }
}
