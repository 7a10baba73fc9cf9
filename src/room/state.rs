//! The room's shared state: the session, the devices with their answers, and
//! a writer thread that stores every change (newest snapshot wins).

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use crate::content::RoomStore;
use crate::model::{
    AnswerSet, ApprovedAnswer, LOWEST_MIN_ANSWERS, Reach, RoomAddress, RoomParticipant,
    RoomSession, RoomStatus, SharedKey, Workshop,
};

use super::RoomError;
use super::net;

/// A callback for the app: something it shows has changed.
pub type OnChange = Arc<dyn Fn() + Send + Sync>;

/// What the handlers and the app's handle share.
pub struct Shared {
    pub workshop: Arc<Workshop>,
    /// The secret in the QR code's address.
    pub token: String,
    /// The room code shown on the projector.
    pub code: String,
    pub addr: SocketAddr,
    pub url: String,
    pub addresses: Vec<RoomAddress>,
    inner: Mutex<Inner>,
    writer: Mutex<Option<Sender<Job>>>,
    on_change: Option<OnChange>,
}

struct Inner {
    session: RoomSession,
    participants: BTreeMap<String, RoomParticipant>,
    version: u64,
    reach: Reach,
}

/// One thing to store.
enum Job {
    Session(RoomSession),
    Save(RoomParticipant),
    Remove(String),
}

/// Hex SHA-256 of a device secret: the only form in which it is kept.
pub fn device_hash(secret: &str) -> String {
    net::hex(&Sha256::digest(secret.as_bytes()))
}

/// Local time as "YYYY-MM-DD HH:MM".
fn local_now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

impl Shared {
    /// The state for a new or resumed session; spawns the writer thread
    /// when there is a store.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        workshop: Arc<Workshop>,
        addr: SocketAddr,
        url: String,
        addresses: Vec<RoomAddress>,
        session: RoomSession,
        participants: Vec<RoomParticipant>,
        store: Option<RoomStore>,
        on_change: Option<OnChange>,
    ) -> Result<(Self, Option<JoinHandle<()>>), RoomError> {
        let (writer, thread) = match store {
            Some(store) => {
                store.save_session(&session)?;
                let (tx, rx) = mpsc::channel();
                let id = session.id.clone();
                let thread = std::thread::Builder::new()
                    .name("kampvuur-zaal-opslag".into())
                    .spawn(move || write_loop(&store, &id, &rx))
                    .map_err(|e| RoomError::Thread(e.to_string()))?;
                (Some(tx), Some(thread))
            }
            None => (None, None),
        };
        let shared = Self {
            workshop,
            token: net::secret()?,
            code: net::random_text(net::CODE_ALPHABET, 4)?,
            addr,
            url,
            addresses,
            inner: Mutex::new(Inner {
                session,
                participants: participants
                    .into_iter()
                    .map(|p| (p.id.clone(), p))
                    .collect(),
                version: 0,
                reach: Reach::Checking,
            }),
            writer: Mutex::new(writer),
            on_change,
        };
        Ok((shared, thread))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves consistent data behind (every
        // change is a single assignment), so a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn send(&self, job: Job) {
        let writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = writer.as_ref() {
            let _ = tx.send(job);
        }
    }

    /// Stop storing: the writer finishes what is queued and ends.
    pub fn close_writer(&self) {
        self.writer.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    fn notify(&self) {
        if let Some(f) = &self.on_change {
            f();
        }
    }

    pub fn join_url(&self) -> String {
        format!("{}/t/{}", self.url, self.token)
    }

    pub fn status(&self) -> RoomStatus {
        let inner = self.lock();
        RoomStatus {
            url: self.url.clone(),
            join_url: self.join_url(),
            code: self.code.clone(),
            session: inner.session.id.clone(),
            devices: inner.participants.len(),
            answering: inner
                .participants
                .values()
                .filter(|p| {
                    p.answers
                        .checklists
                        .keys()
                        .any(|id| p.answers.answered(id) > 0)
                })
                .count(),
            open: inner.session.open.clone(),
            min_answers: inner.session.min_answers,
            reach: inner.reach.clone(),
            addresses: self.addresses.clone(),
            version: inner.version,
        }
    }

    pub fn respondents(&self) -> Vec<(String, AnswerSet)> {
        self.lock()
            .participants
            .values()
            .map(|p| (p.id.clone(), p.answers.clone()))
            .collect()
    }

    pub fn session(&self) -> RoomSession {
        self.lock().session.clone()
    }

    pub fn is_open(&self, checklist: &str) -> bool {
        self.lock().session.open.contains(checklist)
    }

    pub fn open_checklists(&self) -> BTreeSet<String> {
        self.lock().session.open.clone()
    }

    /// Change the session and store it.
    fn edit_session(&self, f: impl FnOnce(&mut RoomSession) -> bool) {
        let snapshot = {
            let mut inner = self.lock();
            if !f(&mut inner.session) {
                return;
            }
            inner.version += 1;
            inner.session.clone()
        };
        self.send(Job::Session(snapshot));
        self.notify();
    }

    pub fn set_open(&self, checklist: &str, open: bool) {
        if self.workshop.checklist(checklist).is_none() {
            return;
        }
        self.edit_session(|s| {
            if open {
                s.open.insert(checklist.to_owned())
            } else {
                s.open.remove(checklist)
            }
        });
    }

    pub fn set_min_answers(&self, n: usize) {
        let n = n.max(LOWEST_MIN_ANSWERS);
        self.edit_session(|s| std::mem::replace(&mut s.min_answers, n) != n);
    }

    pub fn approve(&self, key: &SharedKey, show: bool) {
        let answer = ApprovedAnswer::from(key);
        self.edit_session(|s| {
            if show {
                s.approved.insert(answer)
            } else {
                s.approved.remove(&answer)
            }
        });
    }

    pub fn set_reach(&self, reach: Reach) {
        {
            let mut inner = self.lock();
            if inner.reach == reach {
                return;
            }
            inner.reach = reach;
            inner.version += 1;
        }
        self.notify();
    }

    /// The participant id of the device whose cookie holds `id` and `secret`.
    pub fn device(&self, id: &str, secret: &str) -> Option<String> {
        let inner = self.lock();
        let p = inner.participants.get(id)?;
        (p.device_hash == device_hash(secret)).then(|| p.id.clone())
    }

    /// A new device with its name ("" for anonymous): its id and secret.
    pub fn join(&self, name: &str) -> Result<(String, String), RoomError> {
        let secret = net::secret()?;
        let mut participant = RoomParticipant {
            id: String::new(),
            device_hash: device_hash(&secret),
            answers: AnswerSet::new(name, &self.workshop.title),
        };
        participant.answers.updated = local_now();
        {
            let mut inner = self.lock();
            let id = loop {
                let id = net::secret()?[..16].to_owned();
                if !inner.participants.contains_key(&id) {
                    break id;
                }
            };
            participant.id = id.clone();
            inner.participants.insert(id, participant.clone());
            inner.version += 1;
        }
        let id = participant.id.clone();
        self.send(Job::Save(participant));
        self.notify();
        Ok((id, secret))
    }

    /// A copy of one device's answers.
    pub fn answers(&self, id: &str) -> Option<AnswerSet> {
        self.lock().participants.get(id).map(|p| p.answers.clone())
    }

    /// Change one device's answers and store them; false when it is gone.
    pub fn update(&self, id: &str, f: impl FnOnce(&mut AnswerSet)) -> bool {
        let snapshot = {
            let mut inner = self.lock();
            let Some(p) = inner.participants.get_mut(id) else {
                return false;
            };
            f(&mut p.answers);
            p.answers.updated = local_now();
            let snapshot = p.clone();
            inner.version += 1;
            snapshot
        };
        self.send(Job::Save(snapshot));
        self.notify();
        true
    }

    /// Remove one device and its answers ("Wis mijn antwoorden").
    pub fn wipe(&self, id: &str) {
        {
            let mut inner = self.lock();
            if inner.participants.remove(id).is_none() {
                return;
            }
            let key = id.to_owned();
            inner.session.approved.retain(|a| a.participant != key);
            inner.version += 1;
            let session = inner.session.clone();
            drop(inner);
            self.send(Job::Session(session));
        }
        self.send(Job::Remove(id.to_owned()));
        self.notify();
    }
}

/// Store jobs until the channel closes. Queued jobs are merged so that only
/// the newest snapshot of each participant is written.
fn write_loop(store: &RoomStore, session_id: &str, rx: &Receiver<Job>) {
    while let Ok(first) = rx.recv() {
        let mut session = None;
        let mut people: BTreeMap<String, Option<RoomParticipant>> = BTreeMap::new();
        let mut take = |job: Job| match job {
            Job::Session(s) => session = Some(s),
            Job::Save(p) => {
                people.insert(p.id.clone(), Some(p));
            }
            Job::Remove(id) => {
                people.insert(id, None);
            }
        };
        take(first);
        while let Ok(job) = rx.try_recv() {
            take(job);
        }
        if let Some(s) = session
            && let Err(e) = store.save_session(&s)
        {
            eprintln!("kampvuur: de sessie kon niet bewaard worden: {e}");
        }
        for (id, p) in people {
            let result = match p {
                Some(p) => store.save_participant(session_id, &p).map(|_| ()),
                None => store.remove_participant(session_id, &id),
            };
            if let Err(e) = result {
                eprintln!("kampvuur: antwoorden konden niet bewaard worden: {e}");
            }
        }
    }
}
