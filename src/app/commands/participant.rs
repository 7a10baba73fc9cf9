//! Filling in checklists on this laptop.

use crate::ui::{Command, Now};

use super::super::KampvuurApp;

impl KampvuurApp {
    /// Participant commands; the rest goes back to the hub.
    pub(super) fn apply_participant(&mut self, command: Command, now: Now) -> Option<Command> {
        match command {
            // From the start screen the trainer first sets the code that
            // ends participant mode; "Andere naam" inside it just goes back.
            Command::Participate if self.screen == crate::app::Screen::Start => {
                self.ask_trainer_code();
            }
            Command::Participate => self.open_participant(),
            Command::BeginParticipating(code) => self.begin_participating(code),
            Command::CancelParticipating => {
                self.participation.asking_code = false;
                self.participation.code_dialog = Default::default();
            }
            Command::StopWithCode(code) => self.stop_with_code(&code, now),
            Command::StartParticipant { name, code } => self.start_participant(&name, &code, now),
            Command::ResumeParticipant { name, code } => self.resume_participant(&name, &code, now),
            Command::StartAnonymous => self.start_anonymous(),
            Command::ParticipantDone => self.participant_done(),
            Command::StopParticipating(None) => self.ask_stop(),
            // Leaving takes the trainer's code (StopWithCode): a plain
            // confirmation only closes the question.
            Command::StopParticipating(Some(_)) => {
                self.participation.asking_stop = false;
                self.participation.code_dialog = Default::default();
            }
            Command::AnswersChanged => self.mark_dirty(now),
            other => return Some(other),
        }
        None
    }
}
