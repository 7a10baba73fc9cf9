//! The writer thread: stores every change of the room, many at once (group
//! commit), and tells each waiting request when its change is on disk — or
//! that it is not. A failed write is kept and tried again until it works;
//! only the newest snapshot of each file is written, and a wiped device's
//! file never comes back.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::content::RoomStore;
use crate::model::{RoomParticipant, RoomSession};

use super::state::OnChange;

/// Longest a request waits for its change to reach the disk.
const WAIT: Duration = Duration::from_secs(8);
/// Retry a failed write after this long, doubling up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(2);
/// After Stop: how long a failing disk is still tried.
const LAST_TRIES: Duration = Duration::from_secs(2);

/// How far storing has come; watched by the waiting requests.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Every change up to this number is on disk.
    durable: u64,
    /// The last failed write covered changes up to this number.
    failed: u64,
    /// Why the last write failed; `None` after a write that worked.
    pub error: Option<String>,
}

#[derive(Default)]
struct Queue {
    session: Option<RoomSession>,
    people: BTreeMap<String, Option<RoomParticipant>>,
    wiped: BTreeSet<String>,
    /// Number of the newest change queued.
    last: u64,
    closed: bool,
}

impl Queue {
    fn is_empty(&self) -> bool {
        self.session.is_none() && self.people.is_empty()
    }
}

/// What the room's state and the writer thread share.
pub struct Writer {
    queue: Mutex<Queue>,
    wake: Condvar,
    progress: watch::Sender<Progress>,
}

/// A change was not stored; says why in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved(pub String);

impl Writer {
    /// The writer and its thread, storing session `id` in `store`.
    pub fn spawn(
        store: RoomStore,
        id: String,
        on_change: Option<OnChange>,
    ) -> std::io::Result<(Arc<Writer>, JoinHandle<()>)> {
        let writer = Arc::new(Writer {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
            progress: watch::Sender::new(Progress::default()),
        });
        let w = writer.clone();
        let thread = std::thread::Builder::new()
            .name("kampvuur-zaal-opslag".into())
            .spawn(move || w.run(&store, &id, on_change.as_ref()))?;
        Ok((writer, thread))
    }

    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue the session's file; returns the change's number.
    pub fn session(&self, session: RoomSession) -> u64 {
        let mut q = self.lock();
        q.session = Some(session);
        q.last += 1;
        self.wake.notify_one();
        q.last
    }

    /// Queue one device's answers; `None` for a device that was wiped.
    pub fn save(&self, p: RoomParticipant) -> Option<u64> {
        let mut q = self.lock();
        if q.wiped.contains(&p.id) {
            return None;
        }
        q.people.insert(p.id.clone(), Some(p));
        q.last += 1;
        self.wake.notify_one();
        Some(q.last)
    }

    /// Queue the removal of a device's file; nothing of it is written after.
    pub fn remove(&self, id: &str) -> u64 {
        let mut q = self.lock();
        q.wiped.insert(id.to_owned());
        q.people.insert(id.to_owned(), None);
        q.last += 1;
        self.wake.notify_one();
        q.last
    }

    /// Finish what is queued (trying a failing disk a little longer) and end.
    pub fn close(&self) {
        self.lock().closed = true;
        self.wake.notify_all();
    }

    /// Why storing fails now, if it does.
    pub fn error(&self) -> Option<String> {
        self.progress.borrow().error.clone()
    }

    /// Wait until change `n` is on disk, or its write failed.
    pub async fn saved(&self, n: u64) -> Result<(), NotSaved> {
        let mut rx = self.progress.subscribe();
        let done = tokio::time::timeout(WAIT, rx.wait_for(|p| p.durable >= n || p.failed >= n));
        match done.await {
            Ok(Ok(p)) if p.durable >= n => Ok(()),
            Ok(Ok(p)) => Err(NotSaved(p.error.clone().unwrap_or_default())),
            Ok(Err(_)) => Err(NotSaved("de zaal is gestopt".into())),
            Err(_) => Err(NotSaved("opslaan duurt te lang".into())),
        }
    }

    fn run(&self, store: &RoomStore, id: &str, on_change: Option<&OnChange>) {
        let mut backoff = FIRST_BACKOFF;
        let mut closing_since: Option<Instant> = None;
        loop {
            let (session, people, upto) = {
                let mut q = self.lock();
                while q.is_empty() && !q.closed {
                    q = self.wake.wait(q).unwrap_or_else(|e| e.into_inner());
                }
                if q.is_empty() {
                    return;
                }
                if q.closed && closing_since.is_none() {
                    closing_since = Some(Instant::now());
                }
                (q.session.take(), std::mem::take(&mut q.people), q.last)
            };
            let list: Vec<(&str, Option<&RoomParticipant>)> = people
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_ref()))
                .collect();
            match store.save_batch(id, session.as_ref(), &list) {
                Ok(()) => {
                    backoff = FIRST_BACKOFF;
                    let was_failing = self.progress.borrow().error.is_some();
                    self.progress.send_modify(|p| {
                        p.durable = upto;
                        p.error = None;
                    });
                    if was_failing {
                        eprintln!("kampvuur: opslaan lukt weer; alle antwoorden staan op schijf.");
                        if let Some(f) = on_change {
                            f();
                        }
                    }
                }
                Err(e) => {
                    let why = e.to_string();
                    if self.progress.borrow().error.as_deref() != Some(why.as_str()) {
                        eprintln!(
                            "kampvuur: antwoorden konden niet bewaard worden: {e}; de zaal blijft het proberen"
                        );
                    }
                    self.put_back(session, people);
                    self.progress.send_modify(|p| {
                        p.failed = upto;
                        p.error = Some(why);
                    });
                    if let Some(f) = on_change {
                        f();
                    }
                    if closing_since.is_some_and(|t| t.elapsed() >= LAST_TRIES) {
                        eprintln!(
                            "kampvuur: de zaal is gestopt terwijl opslaan niet lukte; \
                             de laatste wijzigingen zijn niet bewaard."
                        );
                        return;
                    }
                    self.sleep(backoff);
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }

    /// A failed batch goes back into the queue, behind anything newer.
    fn put_back(
        &self,
        session: Option<RoomSession>,
        people: BTreeMap<String, Option<RoomParticipant>>,
    ) {
        let mut q = self.lock();
        if q.session.is_none() {
            q.session = session;
        }
        for (id, p) in people {
            if p.is_some() && q.wiped.contains(&id) {
                continue;
            }
            q.people.entry(id).or_insert(p);
        }
    }

    /// Wait before a retry; Stop cuts it short.
    fn sleep(&self, d: Duration) {
        let q = self.lock();
        if q.closed {
            drop(q);
            std::thread::sleep(d.min(Duration::from_millis(200)));
            return;
        }
        let _ = self.wake.wait_timeout(q, d);
    }
}
