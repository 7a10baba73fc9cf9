//! Filling in checklists on this laptop.

use crate::ui::{Command, Now};

use super::super::KampvuurApp;

impl KampvuurApp {
    /// Participant commands; the rest goes back to the hub.
    pub(super) fn apply_participant(&mut self, command: Command, now: Now) -> Option<Command> {
        match command {
            Command::Participate => self.open_participant(),
            Command::StartParticipant { name, code } => self.start_participant(&name, &code, now),
            Command::ResumeParticipant { name, code } => self.resume_participant(&name, &code, now),
            Command::StartAnonymous => self.start_anonymous(),
            Command::ParticipantDone => self.participant_done(),
            Command::StopParticipating(None) => self.participation.asking_stop = true,
            Command::StopParticipating(Some(stop)) => {
                self.participation.asking_stop = false;
                if stop && self.close_participant() {
                    self.screen = crate::app::Screen::Start;
                }
            }
            Command::AnswersChanged => self.mark_dirty(now),
            other => return Some(other),
        }
        None
    }
}
