//! The room: teachers join over the school network and fill in the open
//! checklists on their own phone or laptop.
//!
//! [`Room::start`] binds the port, then serves on its own thread with a small
//! tokio runtime (axum behind our own accept loop: header timeout and
//! connection caps). Pages are plain HTML from askama templates; every
//! change is kept in memory for the app and stored by a writer thread in the
//! session's folder ([`RoomStore`]), and a phone hears "Bewaard" only once
//! it is on disk. A session can be resumed with the same code, token and
//! device cookies. Uses `model`, `content` and `pdf` only.

mod cookies;
mod form;
mod handlers;
mod net;
mod pages;
mod routes;
mod saving;
mod server;
mod state;
mod writer;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::content::{RoomStore, StoreError, is_safe_id};
use crate::model::{
    AnswerSet, DEFAULT_MIN_ANSWERS, DEFAULT_PER_ADDRESS, Reach, RoomSession, RoomStatus, SharedKey,
    Workshop,
};

pub use net::{lan_addresses, usable};
pub use state::OnChange;

use state::Shared;

/// The port the room prefers; the next free one is used when it is taken.
pub const DEFAULT_PORT: u16 = 8470;

/// Everything [`Room::start`] needs.
pub struct RoomConfig {
    pub workshop: Arc<Workshop>,
    /// Address to listen on (tests: 127.0.0.1).
    pub bind: IpAddr,
    /// Preferred port; the next free one (of about twenty) when taken; 0: any.
    pub port: u16,
    /// Where sessions are stored; `None`: nothing on disk.
    pub store: Option<RoomStore>,
    /// Continue this stored session (same participants and device cookies).
    pub resume: Option<String>,
    /// Checklists open to the room at the start.
    pub open: BTreeSet<String>,
    /// Called when devices or answers change (the app requests a repaint).
    pub on_change: Option<OnChange>,
    /// Local time, for the session id and its start.
    pub now: chrono::NaiveDateTime,
}

/// Why the room could not start.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("poort {from} tot en met {to} zijn allemaal in gebruik; kies een andere poort")]
    PortsInUse { from: u16, to: u16 },
    #[error("kampvuur mag poort {port} niet gebruiken; kies een poort boven 1024")]
    NoPermission { port: u16 },
    #[error("het adres {ip} hoort niet bij deze computer; kies een ander netwerkadres")]
    NoSuchAddress { ip: IpAddr },
    #[error("kan niet luisteren op {ip}: {source}")]
    Listen {
        ip: IpAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("de sessie van de zaal kon niet bewaard of gelezen worden: {0}")]
    Store(#[from] StoreError),
    #[error("sessie ‘{0}’ bestaat niet of kan niet verder; begin een nieuwe sessie")]
    NoSuchSession(String),
    #[error("sessie ‘{id}’ hoort bij de workshop ‘{workshop}’")]
    OtherWorkshop { id: String, workshop: String },
    #[error("een sessie voortzetten kan alleen met een opslagmap")]
    ResumeWithoutStore,
    #[error("het toeval van het systeem is niet beschikbaar: {0}")]
    Random(String),
    #[error("de zaal kon niet starten: {0}")]
    Thread(String),
}

/// A handle that reads the room's status from another thread.
#[derive(Clone)]
pub struct StatusHandle(Arc<Shared>);

impl StatusHandle {
    pub fn status(&self) -> RoomStatus {
        self.0.status()
    }
}

/// "Verder met de zaal van 13:32 (23 apparaten)".
pub fn resume_label(listing: &crate::model::SessionListing) -> String {
    let time = listing.session.started.get(11..16).unwrap_or("vandaag");
    let n = listing.participants;
    format!(
        "Verder met de zaal van {time} ({n} {})",
        if n == 1 { "apparaat" } else { "apparaten" }
    )
}

/// "N apparaten, M met antwoorden": to compare with the people in the room.
pub fn devices_line(devices: usize, answering: usize) -> String {
    format!(
        "{devices} {}, {answering} met antwoorden",
        if devices == 1 {
            "apparaat"
        } else {
            "apparaten"
        }
    )
}

/// The running room. Dropping it stops the server too.
pub struct Room {
    shared: Arc<Shared>,
    router: axum::Router,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    writer: Option<JoinHandle<()>>,
}

impl Room {
    /// Bind the port and start serving on a thread of its own.
    pub fn start(config: RoomConfig) -> Result<Room, RoomError> {
        let (session, participants) = match &config.resume {
            Some(id) => {
                let store = config.store.as_ref().ok_or(RoomError::ResumeWithoutStore)?;
                if !is_safe_id(id) {
                    return Err(RoomError::NoSuchSession(id.clone()));
                }
                // Snapshots left half-way by a crash first.
                let _ = store.recover(id);
                let (mut session, participants, _) = store
                    .load(id)
                    .map_err(|_| RoomError::NoSuchSession(id.clone()))?;
                if session.workshop != config.workshop.title {
                    return Err(RoomError::OtherWorkshop {
                        id: id.clone(),
                        workshop: session.workshop,
                    });
                }
                session.open.extend(config.open.iter().cloned());
                (session, participants)
            }
            None => (new_session(&config)?, Vec::new()),
        };
        let listener = net::bind(config.bind, config.port)?;
        let addr = listener.local_addr().map_err(|source| RoomError::Listen {
            ip: config.bind,
            source,
        })?;
        listener
            .set_nonblocking(true)
            .map_err(|source| RoomError::Listen {
                ip: config.bind,
                source,
            })?;
        let (shared, writer) = Shared::new(
            config.workshop.clone(),
            addr,
            net::base_url(addr),
            lan_addresses(),
            session,
            participants,
            config.store.clone(),
            config.on_change.clone(),
        )?;
        let shared = Arc::new(shared);
        let router = routes::router(shared.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let app = router.clone();
        let server = std::thread::Builder::new()
            .name("kampvuur-zaal".into())
            .spawn(move || serve(listener, app, stopped))
            .map_err(|e| RoomError::Thread(e.to_string()))?;
        Ok(Room {
            shared,
            router,
            stop: Some(stop),
            server: Some(server),
            writer,
        })
    }

    /// The status, readable from another thread.
    pub fn shared_status(&self) -> StatusHandle {
        StatusHandle(self.shared.clone())
    }

    /// What the screens show; cheap (no answers inside).
    pub fn status(&self) -> RoomStatus {
        self.shared.status()
    }

    /// Every device's random id with its answers, for the team picture.
    pub fn respondents(&self) -> Vec<(String, AnswerSet)> {
        self.shared.respondents()
    }

    pub fn session(&self) -> RoomSession {
        self.shared.session()
    }

    /// Open a checklist to the room or close it (unknown ids are ignored).
    pub fn set_open(&self, checklist: &str, open: bool) {
        self.shared.set_open(checklist, open);
    }

    /// Fewest answers before the team picture shows a checklist (at least
    /// [`crate::model::LOWEST_MIN_ANSWERS`]).
    pub fn set_min_answers(&self, n: usize) {
        self.shared.set_min_answers(n);
    }

    /// Most devices that may join from one network address (at least 1).
    pub fn set_per_address(&self, n: usize) {
        self.shared.set_per_address(n);
    }

    /// Show a shared open answer on the projector, or hide it again.
    pub fn approve(&self, key: &SharedKey, show: bool) {
        self.shared.approve(key, show);
    }

    /// Request our own start page over the room's address, in the
    /// background; the result arrives in [`RoomStatus::reach`].
    pub fn check_reach(&self) {
        let shared = self.shared.clone();
        shared.set_reach(Reach::Checking);
        let spawned = std::thread::Builder::new()
            .name("kampvuur-bereik".into())
            .spawn(move || {
                let reach = match net::self_check(shared.addr) {
                    Ok(()) => Reach::Reachable,
                    Err(why) => Reach::Unreachable(why),
                };
                shared.set_reach(reach);
            });
        if let Err(e) = spawned {
            self.shared
                .set_reach(Reach::Unreachable(format!("controle niet gestart: {e}")));
        }
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// The pages as a tower service sharing this room's state (tests send
    /// requests to it without a socket).
    pub fn router(&self) -> axum::Router {
        self.router.clone()
    }

    /// Stop serving, store what is queued and wait for both threads.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
        self.shared.close_writer();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A fresh session: `YYYY-MM-DD-HHMM-xxxx`.
fn new_session(config: &RoomConfig) -> Result<RoomSession, RoomError> {
    let suffix = net::random_text(b"abcdefghjkmnpqrstuvwxyz23456789", 4)?;
    Ok(RoomSession {
        id: format!("{}-{suffix}", config.now.format("%Y-%m-%d-%H%M")),
        workshop: config.workshop.title.clone(),
        started: config.now.format("%Y-%m-%d %H:%M").to_string(),
        open: config
            .open
            .iter()
            .filter(|id| config.workshop.checklist(id).is_some())
            .cloned()
            .collect(),
        min_answers: DEFAULT_MIN_ANSWERS,
        approved: BTreeSet::new(),
        started_at: config.now.format("%Y-%m-%d %H:%M:%S%.3f").to_string(),
        token: String::new(),
        code: String::new(),
        per_address: DEFAULT_PER_ADDRESS,
    })
}

/// The server thread: a small runtime until `stopped` fires.
fn serve(
    listener: std::net::TcpListener,
    app: axum::Router,
    stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("kampvuur-zaal-werk")
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kampvuur: de zaal kon niet starten: {e}");
            return;
        }
    };
    runtime.block_on(server::run(listener, app, stopped));
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
}
