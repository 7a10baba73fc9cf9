//! The room: teachers joining over the school network.

use crate::ui::{Command, Now};

use super::super::{KampvuurApp, Overlay};

impl KampvuurApp {
    /// Room commands; the rest goes back to the hub.
    pub(super) fn apply_room(
        &mut self,
        ctx: &egui::Context,
        command: Command,
        now: Now,
    ) -> Option<Command> {
        match command {
            Command::StartRoom => {
                if self.room.overlay != Some(Overlay::JoinCard) {
                    self.toggle_overlay(ctx, Overlay::JoinCard, now);
                }
            }
            Command::StopRoom => self.room.stop(),
            Command::StartNewRoom => {
                self.room.forget_session();
                if self.room.overlay != Some(Overlay::JoinCard) {
                    self.toggle_overlay(ctx, Overlay::JoinCard, now);
                }
            }
            Command::SetRoomPerAddress(n) => {
                if let Some(room) = self.room.handle() {
                    room.set_per_address(n);
                }
            }
            Command::ToggleJoinCard => self.toggle_overlay(ctx, Overlay::JoinCard, now),
            Command::ToggleTeam => {
                self.refresh_team(now);
                self.toggle_overlay(ctx, Overlay::Team, now);
            }
            Command::SetRoomOpen(id, open) => {
                if let Some(room) = self.room.handle() {
                    room.set_open(&id, open);
                }
                self.refresh_team(now);
            }
            Command::SetMinAnswers(n) => {
                if let Some(room) = self.room.handle() {
                    room.set_min_answers(n);
                }
                self.refresh_team(now);
            }
            Command::ApproveShared(key, show) => {
                if let Some(room) = self.room.handle() {
                    room.approve(&key, show);
                }
                self.refresh_team(now);
            }
            Command::ChooseRoomAddress(ip) => self.move_room(ctx, ip, now),
            Command::CheckReach => {
                if let Some(room) = self.room.handle() {
                    room.check_reach();
                }
            }
            Command::ShowRoomSessions => {
                self.reload_room_sessions();
                self.sessions_window.open = true;
            }
            Command::DeleteRoomSession(id) => self.delete_room_session(&id),
            Command::ExportTeamCsv => self.export_team(None, true, now),
            Command::ExportRoomSession { id, csv } => self.export_team(Some(id), csv, now),
            other => return Some(other),
        }
        None
    }
}
