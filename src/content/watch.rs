//! Live reload: watching the open workshop file and its slide images, and
//! reading the file again when one of them changed.
//!
//! The folders of the files are watched, not the files themselves: editors
//! often save by writing a new file and renaming it over the old one, which a
//! watch on the old file would not survive. Events for other files in those
//! folders are ignored. A burst of events (one save is often several) becomes
//! one [`Changed`] after [`DEBOUNCE`] of quiet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher as _};

use crate::model::{Item, Workshop};

use super::LoadError;

/// Quiet time after the last event before a change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// One of the watched files changed, appeared or went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed;

/// Watching could not be started.
#[derive(Debug, thiserror::Error)]
#[error("wijzigingen in {path} worden niet gevolgd: {why}")]
pub struct WatchError {
    path: String,
    why: String,
}

/// The changes of a workshop file and its images, collected for the app to
/// pick up once per frame with [`FileWatch::poll`].
pub struct FileWatch {
    events: Receiver<Changed>,
    /// Dropping the watcher ends its thread and the debounce thread.
    _watcher: Option<notify::RecommendedWatcher>,
}

/// Reports a change by hand: the test event source of a [`FileWatch::manual`].
#[derive(Debug, Clone)]
pub struct Trigger(Sender<Changed>);

impl Trigger {
    pub fn fire(&self) {
        // A watch that is gone has no one left to tell.
        let _ = self.0.send(Changed);
    }
}

impl FileWatch {
    /// Watch `file` and the slide images of `workshop` (paths relative to the
    /// file). `wake` is called from the watcher's thread after each change, so
    /// an idle window can repaint and notice it.
    pub fn start(
        file: &Path,
        workshop: &Workshop,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, WatchError> {
        let fail = |why: String| WatchError {
            path: file.display().to_string(),
            why,
        };
        let files = watched_files(file, workshop);
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|f| f.parent().map(Path::to_owned))
            .collect();
        let (raw_tx, raw_rx) = mpsc::channel::<()>();
        let wanted = files.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let relevant = match res {
                Ok(event) => counts(&event.kind) && event.paths.iter().any(|p| wanted.contains(p)),
                // Lost events (an overflowing queue): better to read once too often.
                Err(_) => true,
            };
            if relevant {
                let _ = raw_tx.send(());
            }
        })
        .map_err(|e| fail(e.to_string()))?;
        for folder in &folders {
            watcher
                .watch(folder, RecursiveMode::NonRecursive)
                .map_err(|e| fail(format!("{}: {e}", folder.display())))?;
        }
        let (tx, events) = mpsc::channel();
        std::thread::Builder::new()
            .name("kampvuur-bestandswacht".to_owned())
            .spawn(move || debounce(&raw_rx, &tx, &wake))
            .map_err(|e| fail(e.to_string()))?;
        Ok(Self {
            events,
            _watcher: Some(watcher),
        })
    }

    /// A watch that only reports what its [`Trigger`] fires (for tests, and
    /// where the system cannot watch files).
    pub fn manual() -> (Self, Trigger) {
        let (tx, events) = mpsc::channel();
        (
            Self {
                events,
                _watcher: None,
            },
            Trigger(tx),
        )
    }

    /// Whether anything changed since the last poll. Never blocks.
    pub fn poll(&self) -> bool {
        let mut changed = false;
        while self.events.try_recv().is_ok() {
            changed = true;
        }
        changed
    }
}

/// Which events are about content: reading a file (as the reload itself
/// does) must not count as a change.
fn counts(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Modify(_)
        | EventKind::Remove(_)
        | EventKind::Other => true,
    }
}

/// Pass on one [`Changed`] per burst of raw events.
fn debounce(raw: &Receiver<()>, out: &Sender<Changed>, wake: &dyn Fn()) {
    while raw.recv().is_ok() {
        loop {
            match raw.recv_timeout(DEBOUNCE) {
                Ok(()) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if out.send(Changed).is_err() {
            return;
        }
        wake();
    }
}

/// The workshop file and its images, with their folders made absolute so
/// that they match the paths in the events.
pub fn watched_files(file: &Path, workshop: &Workshop) -> BTreeSet<PathBuf> {
    let dir = super::workshop_dir(file);
    let file = absolute(file);
    let images = workshop
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            Item::Slide(slide) => slide.image.as_deref(),
            _ => None,
        })
        .map(|image| absolute(&dir.join(image)));
    std::iter::once(file).chain(images).collect()
}

/// The path with its folder resolved (symbolic links and `..` included);
/// as it was when the folder cannot be resolved.
fn absolute(path: &Path) -> PathBuf {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return path.to_owned();
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    std::fs::canonicalize(parent).map_or_else(|_| path.to_owned(), |p| p.join(name))
}

/// What reading the file again gave.
#[derive(Debug)]
pub enum Reloaded {
    Valid(Box<Workshop>),
    Invalid(LoadError),
    /// The file is no longer there (deleted, or renamed away).
    Gone,
}

/// Read and check the workshop file again.
pub fn reload(path: &Path) -> Reloaded {
    if let Err(e) = std::fs::metadata(path)
        && e.kind() == std::io::ErrorKind::NotFound
    {
        return Reloaded::Gone;
    }
    match super::load_workshop(path) {
        Ok(w) => Reloaded::Valid(Box::new(w)),
        Err(e) => Reloaded::Invalid(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_does_not_count() {
        use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, MetadataKind};
        assert!(!counts(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!counts(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(counts(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(counts(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn manual_watch_reports_each_burst_once() {
        let (watch, trigger) = FileWatch::manual();
        assert!(!watch.poll());
        trigger.fire();
        trigger.fire();
        assert!(watch.poll());
        assert!(!watch.poll());
    }

    #[test]
    fn debounce_merges_a_burst() {
        let (raw_tx, raw_rx) = mpsc::channel();
        let (tx, rx) = mpsc::channel();
        for _ in 0..5 {
            raw_tx.send(()).unwrap_or_default();
        }
        drop(raw_tx);
        // The sender is gone after the burst: the thread ends without reporting.
        debounce(&raw_rx, &tx, &|| {});
        assert!(rx.try_recv().is_err());

        let (raw_tx, raw_rx) = mpsc::channel();
        let woke = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let w = woke.clone();
        let thread = std::thread::spawn(move || {
            debounce(&raw_rx, &tx, &move || {
                w.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            });
        });
        for _ in 0..5 {
            raw_tx.send(()).unwrap_or_default();
        }
        let got = rx.recv_timeout(Duration::from_secs(5));
        assert_eq!(got, Ok(Changed));
        drop(raw_tx);
        thread.join().unwrap_or_default();
        assert!(rx.try_recv().is_err(), "one change per burst");
        assert_eq!(woke.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
