//! The room: teachers joining over the school network. Plain data shared by
//! the server (`room`), the storage (`content`), the screens and the PDF.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::answers::AnswerSet;
use super::team::{DEFAULT_MIN_ANSWERS, SharedKey};

/// One session of the room: an afternoon with one workshop. Stored as
/// `sessie.ron` in the session's folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSession {
    /// Folder name: `YYYY-MM-DD-HHMM-xxxx` (lowercase letters, digits, dashes).
    pub id: String,
    pub workshop: String,
    /// Local start time, "YYYY-MM-DD HH:MM".
    pub started: String,
    /// Checklists open to the room.
    #[serde(default)]
    pub open: BTreeSet<String>,
    /// Fewest answers before the team picture shows a checklist.
    #[serde(default = "default_min")]
    pub min_answers: usize,
    /// Shared open answers the trainer chose to show.
    #[serde(default)]
    pub approved: BTreeSet<ApprovedAnswer>,
    /// Local start time with seconds, "YYYY-MM-DD HH:MM:SS.fff": the newest
    /// session is the one started last (empty in older sessions).
    #[serde(default)]
    pub started_at: String,
    /// The secret in the QR code's address, kept so that a restarted room
    /// keeps every phone in (empty in older sessions: a new one is made).
    #[serde(default)]
    pub token: String,
    /// The room code on the projector, kept like the token.
    #[serde(default)]
    pub code: String,
    /// Most devices that may join from one network address.
    #[serde(default = "default_per_address")]
    pub per_address: usize,
}

/// Phone and laptop of one person.
pub const DEFAULT_PER_ADDRESS: usize = 2;

fn default_per_address() -> usize {
    DEFAULT_PER_ADDRESS
}

impl RoomSession {
    /// When the session started, for ordering: the precise time, or the
    /// minute for older sessions.
    pub fn start_key(&self) -> &str {
        if self.started_at.is_empty() {
            &self.started
        } else {
            &self.started_at
        }
    }
}

fn default_min() -> usize {
    DEFAULT_MIN_ANSWERS
}

/// A [`SharedKey`] as stored.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ApprovedAnswer {
    pub participant: String,
    pub checklist: String,
    pub item: usize,
    pub text: String,
}

impl From<&SharedKey> for ApprovedAnswer {
    fn from(k: &SharedKey) -> Self {
        Self {
            participant: k.participant.clone(),
            checklist: k.checklist.clone(),
            item: k.item,
            text: k.text.clone(),
        }
    }
}

impl From<&ApprovedAnswer> for SharedKey {
    fn from(a: &ApprovedAnswer) -> Self {
        Self {
            participant: a.participant.clone(),
            checklist: a.checklist.clone(),
            item: a.item,
            text: a.text.clone(),
        }
    }
}

impl RoomSession {
    pub fn approved_keys(&self) -> BTreeSet<SharedKey> {
        self.approved.iter().map(SharedKey::from).collect()
    }
}

/// One device in the room, stored as `deelnemers/<id>.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomParticipant {
    /// Random id (lowercase letters and digits), the file name.
    pub id: String,
    /// Hex SHA-256 of the device cookie's secret; the secret itself is
    /// never stored, so the files cannot be used to act as a device.
    pub device_hash: String,
    pub answers: AnswerSet,
}

/// Whether phones can reach the room's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    Checking,
    Reachable,
    /// The address could not be reached from this laptop; the reason in Dutch.
    Unreachable(String),
}

/// A network address the room can listen on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomAddress {
    /// The interface's name, e.g. "wlp2s0".
    pub interface: String,
    pub ip: std::net::IpAddr,
}

/// What the screens need to know about the running room, taken by the app
/// from the server each frame (cheap: no answers inside).
#[derive(Debug, Clone, PartialEq)]
pub struct RoomStatus {
    /// The short address, e.g. "http://192.168.1.23:8470".
    pub url: String,
    /// The address with the secret token, for the QR code.
    pub join_url: String,
    /// Four characters without look-alikes.
    pub code: String,
    pub session: String,
    /// Devices that joined (entered the code or scanned the QR).
    pub devices: usize,
    /// Devices that answered at least one item.
    pub answering: usize,
    pub open: BTreeSet<String>,
    pub min_answers: usize,
    pub reach: Reach,
    /// Other addresses the room could use instead.
    pub addresses: Vec<RoomAddress>,
    /// Increases with every change of answers; the app recomputes the team
    /// picture only when it moved.
    pub version: u64,
    /// Why answers could not be stored just now (the room keeps trying);
    /// `None` when everything confirmed is on disk. The trainer sees it in red.
    pub storage_error: Option<String>,
    /// Most devices that may join from one network address.
    pub per_address: usize,
}

/// A stored session, as listed in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionListing {
    pub session: RoomSession,
    pub participants: usize,
}
