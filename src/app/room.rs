//! The room in the app: starting and stopping the participation server,
//! what the projector shows of it (join card, team picture), and the team
//! picture recomputed at most every five seconds.

use std::collections::BTreeSet;
use std::net::IpAddr;
use std::sync::Arc;

use egui::{Rect, Ui};

use crate::model::{Item, Respondent, RoomStatus, TeamSummary, Workshop};
use crate::room::{DEFAULT_PORT, Room, RoomConfig, lan_addresses};
use crate::ui::room_panel::RoomView;
use crate::ui::{Now, join, team};

use super::{KampvuurApp, Notice};

/// The team picture refreshes at most this often, so nobody can tell who
/// just answered.
const TEAM_REFRESH_SECS: f64 = 5.0;

/// What the projector shows instead of the current item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    JoinCard,
    Team,
}

/// The running room and what the app keeps of it.
#[derive(Default)]
pub struct RoomState {
    room: Option<Room>,
    /// Taken from the server once per frame.
    pub status: Option<RoomStatus>,
    /// Why the room could not start.
    pub error: Option<String>,
    pub overlay: Option<Overlay>,
    /// The item on screen when the overlay was shown; moving on hides it.
    overlay_at: usize,
    pub team: Option<TeamSummary>,
    team_version: u64,
    team_at: f64,
    /// The item on screen last frame (a checklist shown is opened to the room).
    last_position: Option<usize>,
    /// The session to continue when the room moves to another address.
    session: Option<String>,
    /// The address chosen by the trainer.
    address: Option<IpAddr>,
    /// Today's stored session of this workshop that a start continues: its
    /// id and "Verder met de zaal van 13:32 (23 apparaten)".
    pub resumable: Option<(String, String)>,
    /// When `resumable` was looked up (app seconds); `None`: not yet.
    resumable_at: Option<f64>,
    /// The next start is a new session (the trainer chose "Nieuwe zaal").
    fresh: bool,
}

impl RoomState {
    pub fn is_running(&self) -> bool {
        self.room.is_some()
    }

    /// The running room's server.
    pub fn handle(&self) -> Option<&Room> {
        self.room.as_ref()
    }

    /// Why confirmed answers cannot be stored just now (red banner).
    pub fn storage_error(&self) -> Option<&str> {
        self.status.as_ref()?.storage_error.as_deref()
    }

    /// Start the next room fresh instead of continuing today's session.
    pub fn forget_session(&mut self) {
        self.session = None;
        self.resumable = None;
        self.resumable_at = None;
        self.fresh = true;
    }

    /// Stop the server (graceful); the session's answers stay on disk.
    pub fn stop(&mut self) {
        if let Some(room) = self.room.take() {
            room.stop();
        }
        self.status = None;
        self.overlay = None;
        self.team = None;
        self.team_version = 0;
    }
}

impl KampvuurApp {
    /// The id of the checklist the projector shows now, if it shows one.
    fn checklist_on_screen(&self) -> Option<&str> {
        let r = self.show.presenter.deck.current()?;
        match self.workshop.item(r)? {
            Item::Checklist(c) => Some(&c.id),
            Item::Slide(_) | Item::Case(_) | Item::Timer(_) | Item::Break(_) => None,
        }
    }

    /// Start the room on the chosen or first network address.
    pub(super) fn start_room(&mut self, ctx: &egui::Context, now: Now) {
        if self.room.is_running() {
            return;
        }
        let bind = self
            .room
            .address
            .or(self.paths.room_bind)
            .or_else(|| lan_addresses().first().map(|a| a.ip));
        let Some(bind) = bind else {
            self.room.error = Some(
                "Deze laptop heeft geen netwerk. Verbind met de wifi van de school of zet een \
                 hotspot aan, en probeer het opnieuw."
                    .to_owned(),
            );
            return;
        };
        let mut open = BTreeSet::new();
        if let Some(id) = self.checklist_on_screen() {
            open.insert(id.to_owned());
        }
        let repaint = ctx.clone();
        // Continue this run's session, or else today's (after a restart).
        let fresh = std::mem::take(&mut self.room.fresh);
        let resume = self.room.session.clone().filter(|_| !fresh).or_else(|| {
            if fresh {
                return None;
            }
            let store = self.paths.room.as_ref()?;
            let today = now.wall.format("%Y-%m-%d").to_string();
            store
                .resumable(&self.workshop.title, &today)
                .map(|l| l.session.id)
        });
        let config = RoomConfig {
            workshop: Arc::new(self.workshop.clone()),
            bind,
            port: DEFAULT_PORT,
            store: self.paths.room.clone(),
            resume,
            open,
            // Coalesced: many answers in one second cost one repaint.
            on_change: Some(Arc::new(move || repaint.request_repaint_after_secs(1.0))),
            now: now.wall,
        };
        match Room::start(config) {
            Ok(room) => {
                room.check_reach();
                self.room.session = Some(room.status().session);
                self.room.room = Some(room);
                self.room.error = None;
            }
            Err(e) => self.room.error = Some(e.to_string()),
        }
    }

    /// Move the room to another address, keeping the session.
    pub(super) fn move_room(&mut self, ctx: &egui::Context, ip: IpAddr, now: Now) {
        self.room.address = Some(ip);
        let overlay = self.room.overlay;
        self.room.stop();
        self.start_room(ctx, now);
        self.room.overlay = overlay;
    }

    /// Once per frame: the room's status, checklists shown on the projector
    /// opened to the room, and the team picture when it is due.
    pub(super) fn room_tick(&mut self, ctx: &egui::Context, now: Now) {
        let Some(room) = &self.room.room else {
            self.look_for_resumable(now);
            return;
        };
        let position = self.show.presenter.deck.position();
        if self.room.last_position != Some(position) {
            self.room.last_position = Some(position);
            if let Some(id) = self.checklist_on_screen() {
                room.set_open(id, true);
            }
            if self.room.overlay.is_some() && self.room.overlay_at != position {
                self.room.overlay = None;
            }
        }
        let status = room.status();
        let due = self.room.team_at + TEAM_REFRESH_SECS;
        if status.version != self.room.team_version || self.room.team.is_none() {
            if now.t >= due || self.room.team.is_none() {
                self.room.team = Some(team_summary(&self.workshop, room));
                self.room.team_version = status.version;
                self.room.team_at = now.t;
            } else {
                ctx.request_repaint_after_secs((due - now.t) as f32);
            }
        }
        self.room.status = Some(status);
    }

    /// While the room is closed, every few seconds: is there a session of
    /// today to continue? (Offered as "Verder met de zaal van 13:32 …".)
    fn look_for_resumable(&mut self, now: Now) {
        if self.room.resumable_at.is_some_and(|t| now.t - t < 5.0) {
            return;
        }
        self.room.resumable_at = Some(now.t);
        let today = now.wall.format("%Y-%m-%d").to_string();
        self.room.resumable = match &self.room.session {
            Some(_) => None,
            None => self.paths.room.as_ref().and_then(|store| {
                store
                    .resumable(&self.workshop.title, &today)
                    .map(|l| (l.session.id.clone(), crate::room::resume_label(&l)))
            }),
        };
    }

    /// Recompute the team picture now (after the trainer changed something).
    pub(super) fn refresh_team(&mut self, now: Now) {
        if let Some(room) = &self.room.room {
            self.room.team = Some(team_summary(&self.workshop, room));
            self.room.team_version = room.status().version;
            self.room.team_at = now.t;
        }
    }

    pub(super) fn toggle_overlay(&mut self, ctx: &egui::Context, which: Overlay, now: Now) {
        if self.room.overlay == Some(which) {
            self.room.overlay = None;
            return;
        }
        if !self.room.is_running() {
            self.start_room(ctx, now);
            self.room_tick(ctx, now);
        }
        if self.room.is_running() {
            self.room.overlay = Some(which);
            self.room.overlay_at = self.show.presenter.deck.position();
        } else if let Some(e) = &self.room.error {
            self.notice = Some(Notice {
                text: e.clone(),
                error: true,
                file: None,
            });
        }
    }

    /// What the audience sees in `rect`: the room's overlay or the current item.
    pub(super) fn draw_audience(&mut self, ui: &mut Ui, rect: Rect, now: Now) {
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        let ui = &mut child;
        match (self.room.overlay, &self.room.status, &self.room.team) {
            (Some(Overlay::JoinCard), Some(status), _) => join::join_card(ui, rect, status),
            (Some(Overlay::Team), _, Some(summary)) => team::team_picture(ui, rect, summary),
            _ => self.show.presenter.audience(ui, rect, &self.workshop, now),
        }
    }
}

/// What the console shows of the room.
pub fn view(state: &RoomState) -> RoomView<'_> {
    RoomView {
        status: state.status.as_ref(),
        team: state.team.as_ref(),
        error: state.error.as_deref(),
        resume: state.resumable.as_ref().map(|(_, label)| label.as_str()),
    }
}

/// The team picture of the running room.
fn team_summary(w: &Workshop, room: &Room) -> TeamSummary {
    let respondents = room.respondents();
    let session = room.session();
    let rs: Vec<Respondent> = respondents
        .iter()
        .map(|(id, answers)| Respondent { id, answers })
        .collect();
    TeamSummary::new(
        w,
        &session.open,
        &rs,
        session.min_answers,
        &session.approved_keys(),
    )
}
