//! The room's shared state: the session, the devices with their answers, and
//! the [`Writer`] that stores every change (newest snapshot wins) and says
//! when it is on disk.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, SocketAddr};
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
use super::writer::{NotSaved, Writer};

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
    writer: Option<Arc<Writer>>,
    on_change: Option<OnChange>,
}

struct Inner {
    session: RoomSession,
    participants: BTreeMap<String, RoomParticipant>,
    /// The network address each device joined from (this run only).
    joined_from: BTreeMap<String, IpAddr>,
    version: u64,
    reach: Reach,
}

/// Why a device could not join.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// Already `n` devices joined from this network address.
    #[error("er doen al {0} apparaten mee vanaf dit netwerkadres")]
    TooMany(usize),
    #[error(transparent)]
    Room(#[from] RoomError),
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
        let mut session = session;
        if session.token.is_empty() {
            session.token = net::secret()?;
        }
        if session.code.is_empty() {
            session.code = net::random_text(net::CODE_ALPHABET, 4)?;
        }
        let (writer, thread) = match store {
            Some(store) => {
                store.save_session(&session)?;
                let (writer, thread) = Writer::spawn(store, session.id.clone(), on_change.clone())
                    .map_err(|e| RoomError::Thread(e.to_string()))?;
                (Some(writer), Some(thread))
            }
            None => (None, None),
        };
        let shared = Self {
            workshop,
            token: session.token.clone(),
            code: session.code.clone(),
            addr,
            url,
            addresses,
            inner: Mutex::new(Inner {
                session,
                participants: participants
                    .into_iter()
                    .map(|p| (p.id.clone(), p))
                    .collect(),
                joined_from: BTreeMap::new(),
                version: 0,
                reach: Reach::Checking,
            }),
            writer,
            on_change,
        };
        Ok((shared, thread))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves consistent data behind (every
        // change is a single assignment), so a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stop storing: the writer finishes what is queued and ends.
    pub fn close_writer(&self) {
        if let Some(w) = &self.writer {
            w.close();
        }
    }

    /// Wait until change `n` is on disk (at once without a store).
    pub async fn saved(&self, n: Option<u64>) -> Result<(), NotSaved> {
        match (&self.writer, n) {
            (Some(w), Some(n)) => w.saved(n).await,
            _ => Ok(()),
        }
    }

    /// Why storing fails just now, if it does.
    pub fn storage_error(&self) -> Option<String> {
        self.writer.as_ref().and_then(|w| w.error())
    }

    fn queue_session(&self, session: RoomSession) -> Option<u64> {
        self.writer.as_ref().map(|w| w.session(session))
    }

    fn notify(&self) {
        if let Some(f) = &self.on_change {
            f();
        }
    }

    /// How long the cookies set now live: until the end of the session's day.
    pub fn cookie_max_age(&self) -> i64 {
        let started = self.lock().session.started.clone();
        super::cookies::until_end_of_day(&started, chrono::Local::now().naive_local())
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
            storage_error: self.storage_error(),
            per_address: inner.session.per_address,
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
        {
            let mut inner = self.lock();
            if !f(&mut inner.session) {
                return;
            }
            inner.version += 1;
            let snapshot = inner.session.clone();
            self.queue_session(snapshot);
        }
        self.notify();
    }

    /// Most devices that may join from one network address (at least 1).
    pub fn set_per_address(&self, n: usize) {
        let n = n.max(1);
        self.edit_session(|s| std::mem::replace(&mut s.per_address, n) != n);
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

    /// A new device with its name ("" for anonymous), joining from `ip`:
    /// its id, its secret and the number of the change that stores it.
    pub fn join(&self, name: &str, ip: IpAddr) -> Result<(String, String, Option<u64>), JoinError> {
        let secret = net::secret()?;
        let mut participant = RoomParticipant {
            id: String::new(),
            device_hash: device_hash(&secret),
            answers: AnswerSet::new(name, &self.workshop.title),
        };
        participant.answers.updated = local_now();
        let ticket = {
            let mut inner = self.lock();
            let limit = inner.session.per_address;
            let from_here = inner.joined_from.values().filter(|a| **a == ip).count();
            if from_here >= limit {
                return Err(JoinError::TooMany(limit));
            }
            let id = loop {
                let id = net::secret()?[..16].to_owned();
                if !inner.participants.contains_key(&id) {
                    break id;
                }
            };
            participant.id = id.clone();
            inner.participants.insert(id.clone(), participant.clone());
            inner.joined_from.insert(id, ip);
            inner.version += 1;
            self.writer
                .as_ref()
                .and_then(|w| w.save(participant.clone()))
        };
        self.notify();
        Ok((participant.id, secret, ticket))
    }

    /// A copy of one device's answers.
    pub fn answers(&self, id: &str) -> Option<AnswerSet> {
        self.lock().participants.get(id).map(|p| p.answers.clone())
    }

    /// Change one device's answers and queue them for the disk; `None`
    /// when the device is gone, else the change's number (`Some(None)`
    /// without a store). Queued under the same lock as the change, so a
    /// wipe can never be overtaken by an older snapshot.
    pub fn update(&self, id: &str, f: impl FnOnce(&mut AnswerSet)) -> Option<Option<u64>> {
        let ticket = {
            let mut inner = self.lock();
            let p = inner.participants.get_mut(id)?;
            f(&mut p.answers);
            p.answers.updated = local_now();
            let snapshot = p.clone();
            inner.version += 1;
            match &self.writer {
                Some(w) => Some(w.save(snapshot)?),
                None => None,
            }
        };
        self.notify();
        Some(ticket)
    }

    /// Remove one device and its answers ("Wis mijn antwoorden"); the
    /// number of the change that removes its file.
    pub fn wipe(&self, id: &str) -> Option<u64> {
        let ticket = {
            let mut inner = self.lock();
            inner.participants.remove(id)?;
            inner.joined_from.remove(id);
            let key = id.to_owned();
            inner.session.approved.retain(|a| a.participant != key);
            inner.version += 1;
            let session = inner.session.clone();
            self.queue_session(session);
            self.writer.as_ref().map(|w| w.remove(id))
        };
        self.notify();
        ticket
    }
}
