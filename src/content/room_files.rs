//! The room's own file writing: never through a symbolic link, only over
//! regular files of ours, and durable before it returns (data and folder
//! flushed to disk). Many files are written in one go (group commit): all
//! temporary files first, then the renames, then one flush per folder.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporary files: `.<name>.<pid>-<n>.tmp` next to the file they replace.
const TMP_SUFFIX: &str = ".tmp";

static NEXT_TMP: AtomicU64 = AtomicU64::new(0);

/// Room folders whose writes fail as on a full disk (tests only).
static FULL: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Makes every room write below `root` fail as if the disk were full, or
/// work again. Only for tests: a real full disk needs a small file system.
#[doc(hidden)]
pub fn simulate_full_disk(root: &Path, full: bool) {
    let mut set = FULL.lock().unwrap_or_else(|e| e.into_inner());
    if full {
        set.insert(root.to_owned());
    } else {
        set.remove(root);
    }
}

fn injected(path: &Path) -> io::Result<()> {
    let set = FULL.lock().unwrap_or_else(|e| e.into_inner());
    if !set.is_empty() && set.iter().any(|root| path.starts_with(root)) {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "de schijf is vol (test)",
        ));
    }
    Ok(())
}

fn refused(path: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{}: {why}", path.display()),
    )
}

/// `dir` is a real folder (made with mode 0700 when missing); a symbolic
/// link or anything else in its place is refused.
pub(crate) fn real_dir(dir: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_dir() => Ok(()),
        Ok(_) => Err(refused(dir, "geen gewone map; kampvuur schrijft hier niet")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = dir.parent()
                && !parent.as_os_str().is_empty()
                && !parent.exists()
            {
                real_dir(parent)?;
            }
            #[cfg(unix)]
            let builder = {
                use std::os::unix::fs::DirBuilderExt;
                let mut b = std::fs::DirBuilder::new();
                b.mode(0o700);
                b
            };
            // Windows: the folder inherits the user's profile permissions.
            #[cfg(not(unix))]
            let builder = std::fs::DirBuilder::new();
            match builder.create(dir) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => real_dir(dir),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// Whether an existing `path` may be replaced or removed: it is missing or a
/// regular file (never a link, folder, pipe or device).
pub(crate) fn replaceable(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(_) => Err(refused(path, "geen gewoon bestand van kampvuur")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens a new file that did not exist: never through a link.
fn create_new(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Writes `bytes` to a new temporary file next to `target` (not yet flushed
/// to disk); returns its path and the open file.
fn write_tmp(target: &Path, bytes: &[u8]) -> io::Result<(PathBuf, std::fs::File)> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = NEXT_TMP.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}{TMP_SUFFIX}", std::process::id()));
    injected(&tmp)?;
    let written = create_new(&tmp).and_then(|mut file| {
        file.write_all(bytes)?;
        Ok(file)
    });
    match written {
        Ok(file) => Ok((tmp, file)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Flushes a folder's entries (the renames) to disk.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    injected(dir)?;
    #[cfg(unix)]
    {
        let d = std::fs::File::open(dir)?;
        match d.sync_all() {
            Ok(()) => Ok(()),
            // Some file systems cannot flush a folder; the rename is then as
            // durable as they make it.
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => Ok(()),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// One change of a batch: write `bytes` to `path`, or remove `path`.
pub(crate) enum Change {
    Write(PathBuf, Vec<u8>),
    Remove(PathBuf),
}

impl Change {
    fn path(&self) -> &Path {
        match self {
            Change::Write(p, _) | Change::Remove(p) => p,
        }
    }
}

/// Makes all `changes` durable: temporary files written and flushed, renamed
/// over their targets, removals done, and every folder touched flushed once.
/// On an error some changes may be done and others not; doing the same batch
/// again finishes it.
pub(crate) fn commit(changes: &[Change]) -> io::Result<()> {
    let mut staged = Vec::new();
    let result = stage_and_rename(changes, &mut staged);
    for tmp in staged {
        let _ = std::fs::remove_file(tmp);
    }
    result?;
    let dirs: BTreeSet<&Path> = changes.iter().filter_map(|c| c.path().parent()).collect();
    for dir in dirs {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Files flushed at the same time: the file system commits them together.
const PARALLEL_SYNCS: usize = 8;

/// Flushes every file to disk, several at once.
fn sync_all(files: &[std::fs::File]) -> io::Result<()> {
    if files.len() <= 1 {
        return files.iter().try_for_each(std::fs::File::sync_all);
    }
    let per = files.len().div_ceil(PARALLEL_SYNCS);
    std::thread::scope(|scope| {
        let jobs: Vec<_> = files
            .chunks(per)
            .map(|chunk| scope.spawn(move || chunk.iter().try_for_each(std::fs::File::sync_all)))
            .collect();
        jobs.into_iter().try_for_each(|job| {
            job.join()
                .unwrap_or_else(|_| Err(io::Error::other("flushing to disk failed")))
        })
    })
}

fn stage_and_rename(changes: &[Change], staged: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut renames = Vec::new();
    let mut files = Vec::new();
    for change in changes {
        if let Change::Write(path, bytes) = change {
            replaceable(path)?;
            let (tmp, file) = write_tmp(path, bytes)?;
            staged.push(tmp.clone());
            files.push(file);
            renames.push((tmp, path));
        }
    }
    // All data on disk before any file is replaced.
    sync_all(&files)?;
    drop(files);
    for (tmp, path) in renames {
        // Checked again right before: a link planted meanwhile is refused.
        replaceable(path)?;
        std::fs::rename(&tmp, path)?;
        staged.retain(|t| *t != tmp);
    }
    for change in changes {
        if let Change::Remove(path) = change {
            replaceable(path)?;
            injected(path)?;
            match std::fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// A leftover temporary file in `dir`: the file it was meant to replace.
fn tmp_target(dir: &Path, name: &str) -> Option<PathBuf> {
    let inner = name.strip_prefix('.')?.strip_suffix(TMP_SUFFIX)?;
    let (target, _) = inner.rsplit_once('.')?;
    (!target.is_empty() && !target.starts_with('.')).then(|| dir.join(target))
}

/// Leftover temporary files in `dir` after a crash: one that is complete
/// (`complete` accepts its bytes) and newer than its file replaces it; every
/// other one is removed, as are old-style `.kampvuur-*.tmp` files. Returns
/// how many were recovered.
pub(crate) fn recover_tmp(dir: &Path, complete: impl Fn(&Path, &[u8]) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut recovered = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') || !name.ends_with(TMP_SUFFIX) {
            continue;
        }
        let tmp = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&tmp) else {
            continue;
        };
        let keep = meta.file_type().is_file()
            && tmp_target(dir, &name).is_some_and(|target| {
                let newer = match std::fs::symlink_metadata(&target) {
                    Ok(old) if old.file_type().is_file() => {
                        matches!((meta.modified(), old.modified()), (Ok(a), Ok(b)) if a > b)
                    }
                    Ok(_) => false,
                    Err(_) => true,
                };
                newer
                    && super::read::read_regular(&tmp, 4 * 1024 * 1024)
                        .is_ok_and(|bytes| complete(&target, &bytes))
                    && std::fs::rename(&tmp, &target).is_ok()
            });
        if keep {
            recovered += 1;
        } else {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    if recovered > 0 {
        let _ = sync_dir(dir);
    }
    recovered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        commit(&[Change::Write(a.clone(), b"1".to_vec())]).unwrap();
        commit(&[Change::Write(a.clone(), b"2".to_vec())]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"2");
        commit(&[Change::Remove(a.clone())]).unwrap();
        assert!(!a.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("buiten.txt");
        std::fs::write(&outside, "van iemand anders").unwrap();
        let inside = dir.path().join("map");
        std::fs::create_dir(&inside).unwrap();
        let link = inside.join("p1.ron");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        assert!(commit(&[Change::Write(link.clone(), b"x".to_vec())]).is_err());
        assert!(commit(&[Change::Remove(link.clone())]).is_err());
        assert_eq!(
            std::fs::read_to_string(&outside).unwrap(),
            "van iemand anders"
        );
        // A linked folder is refused too.
        let linked_dir = dir.path().join("link-map");
        std::os::unix::fs::symlink(&inside, &linked_dir).unwrap();
        assert!(real_dir(&linked_dir).is_err());
        assert!(real_dir(&inside).is_ok());
        // And a planted temporary name is never opened through.
        let planted = inside.join(".q.ron.1-1.tmp");
        std::os::unix::fs::symlink(&outside, &planted).unwrap();
        assert!(create_new(&planted).is_err());
        assert_eq!(
            std::fs::read_to_string(&outside).unwrap(),
            "van iemand anders"
        );
    }

    #[test]
    fn leftover_tmp_files_are_recovered_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("p1.ron");
        std::fs::write(&target, "oud").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.path().join(".p1.ron.9-1.tmp"), "nieuw").unwrap();
        std::fs::write(dir.path().join(".p2.ron.9-2.tmp"), "half").unwrap();
        std::fs::write(dir.path().join(".kampvuur-abc.tmp"), "x").unwrap();
        let n = recover_tmp(dir.path(), |_, bytes| bytes != b"half");
        assert_eq!(n, 1);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nieuw");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["p1.ron".to_owned()]);
    }

    #[test]
    fn a_full_disk_fails_the_write() {
        let dir = tempfile::tempdir().unwrap();
        simulate_full_disk(dir.path(), true);
        let a = dir.path().join("a.ron");
        let e = commit(&[Change::Write(a.clone(), b"1".to_vec())]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        simulate_full_disk(dir.path(), false);
        commit(&[Change::Write(a.clone(), b"1".to_vec())]).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
