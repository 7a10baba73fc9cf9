//! Participant mode in the app: starting, resuming and leaving an answer
//! set. Privacy on a shared laptop: leaving always saves and forgets the
//! answers on screen; a named set opens only with its code.

use std::collections::HashMap;

use crate::content::{Resumed, Started};
use crate::model::{AccessCode, AnswerSet, same_name};
use crate::ui::Now;
use crate::ui::participant_name::Gate;

use super::{KampvuurApp, Notice, SaveState, Screen};

/// Filling in checklists on this laptop: the form on screen and the saving
/// of its answers. Kept apart from presenting, which never sees the answers.
#[derive(Default)]
pub struct Participation {
    pub form: crate::ui::ParticipantScreen,
    pub save: SaveState,
    /// The wait after wrong codes, per name, for the whole run: opening
    /// another set does not reset the wait of a name being guessed.
    gates: HashMap<String, Gate>,
    /// "Stoppen met invullen?" is being asked.
    pub asking_stop: bool,
    /// The trainer's code is being chosen, before participant mode starts.
    pub asking_code: bool,
    /// The code field of whichever of the two questions is open.
    pub code_dialog: crate::ui::kiosk::CodeDialog,
    /// The code the trainer chose: only it leaves participant mode. In
    /// memory only, for this run.
    trainer_code: Option<AccessCode>,
    /// Wrong trainer codes in a row, and when the last one was typed:
    /// after three, each try waits half a minute.
    wrong_codes: u32,
    last_wrong: f64,
}

/// The key of a name for its wait: case and spaces do not count.
fn gate_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Participation {
    /// The wait for `name`.
    fn gate(&mut self, name: &str) -> &mut Gate {
        self.gates.entry(gate_key(name)).or_default()
    }

    /// Wrong tries for `name` so far in this run.
    pub fn failures_for(&self, name: &str) -> u32 {
        self.gates.get(&gate_key(name)).map_or(0, Gate::failures)
    }

    /// The name screen shows the wait of the name typed there.
    pub(super) fn show_gate(&mut self) {
        let name = self.form.name.typed_name().to_owned();
        self.form.name.gate = self
            .gates
            .get(&gate_key(&name))
            .cloned()
            .unwrap_or_default();
    }
}

impl KampvuurApp {
    /// "Invullen als deelnemer" on the start screen: the trainer first
    /// chooses the code that will end participant mode.
    pub(super) fn ask_trainer_code(&mut self) {
        self.participation.code_dialog = Default::default();
        self.participation.asking_code = true;
    }

    /// The trainer chose `code`: participant mode starts.
    pub(super) fn begin_participating(&mut self, code: AccessCode) {
        self.participation.asking_code = false;
        self.participation.code_dialog = Default::default();
        self.participation.trainer_code = Some(code);
        self.participation.wrong_codes = 0;
        self.open_participant();
    }

    /// "Stoppen met invullen": ask for the trainer's code.
    pub(super) fn ask_stop(&mut self) {
        self.participation.code_dialog = Default::default();
        self.participation.asking_stop = true;
    }

    /// `code` typed to leave participant mode: only the trainer's code
    /// leaves it (the answers on screen are saved first).
    pub(super) fn stop_with_code(&mut self, code: &AccessCode, now: Now) {
        const WAIT: f64 = 30.0;
        let p = &mut self.participation;
        let waiting = p.wrong_codes >= 3 && now.t - p.last_wrong < WAIT;
        if waiting || p.trainer_code.as_ref() != Some(code) {
            if !waiting {
                p.wrong_codes += 1;
                p.last_wrong = now.t;
            }
            p.code_dialog.code.clear();
            p.code_dialog.problem = Some(if p.wrong_codes >= 3 {
                let left = (WAIT - (now.t - p.last_wrong)).ceil().max(1.0);
                format!("Die code klopt niet. Probeer het over {left:.0} seconden opnieuw.")
            } else {
                "Die code klopt niet. Vraag het de trainer.".to_owned()
            });
            return;
        }
        self.participation.asking_stop = false;
        self.participation.code_dialog = Default::default();
        if self.close_participant() {
            self.participation.trainer_code = None;
            self.screen = Screen::Start;
        }
    }

    /// Shows an empty name screen, after saving and forgetting the answers
    /// on screen.
    pub(super) fn open_participant(&mut self) {
        if self.close_participant() {
            self.screen = Screen::Participant;
        }
    }

    /// "Klaar": save, forget, and an empty name screen for the next person
    /// (only the trainer leaves participant mode).
    pub(super) fn participant_done(&mut self) {
        if self.close_participant() {
            self.screen = Screen::Participant;
        }
    }

    /// Saves the answers on screen and forgets them. When they cannot be
    /// saved they stay open (never lost) with a notice, and this returns false.
    pub(super) fn close_participant(&mut self) -> bool {
        self.flush_answers();
        if self.participation.form.answers.is_some()
            && self.participation.save.dirty_since.is_some()
        {
            let why = self
                .participation
                .save
                .failed
                .as_ref()
                .map_or_else(String::new, |(_, why)| format!(" ({why})"));
            self.notice = Some(Notice {
                text: format!(
                    "Je antwoorden konden nog niet worden bewaard{why}. Ze blijven open tot het lukt; probeer het zo nog eens."
                ),
                error: true,
                file: None,
            });
            return false;
        }
        if self.participation.form.answers.is_some() {
            // A notice may name the person (an exported reflection's file name).
            self.notice = None;
        }
        self.participation.form.clear();
        self.participation.save = SaveState::default();
        true
    }

    /// Before opening a set from the name screen: the one on screen (if
    /// any, which the name screen does not normally have) is closed first;
    /// the typed name stays.
    fn leave_set(&mut self) -> bool {
        self.participation.form.answers.is_none() || self.close_participant()
    }

    /// "Beginnen": a new set under `name`, locked with `code`, or the set
    /// this name and code already have.
    pub(super) fn start_participant(&mut self, name: &str, code: &AccessCode, now: Now) {
        if !self.leave_set() || self.participation.gate(name).wait(now.t) > 0.0 {
            return;
        }
        let title = self.workshop.title.clone();
        let Some(store) = self.paths.answers.clone() else {
            self.unsaved(AnswerSet::new(name, &title));
            return;
        };
        match store.start(&title, name, code) {
            Ok(Started::New { set, namesake }) => {
                if namesake {
                    // Indistinguishable from guessing someone else's code.
                    self.participation.gate(name).refused(now.t);
                }
                self.show_set(set, name);
            }
            Ok(Started::Existing(set)) => {
                self.participation.gate(name).passed();
                self.show_set(set, name);
            }
            Err(e) => {
                self.participation.form.name.message =
                    Some(format!("Je antwoorden kunnen niet worden bewaard: {e}"));
            }
        }
    }

    /// "Verder met mijn antwoorden": the set of `name` that `code` opens.
    pub(super) fn resume_participant(&mut self, name: &str, code: &AccessCode, now: Now) {
        if !self.leave_set() || self.participation.gate(name).wait(now.t) > 0.0 {
            return;
        }
        let Some(store) = self.paths.answers.clone() else {
            self.participation.form.name.message = Some(
                "Op deze computer is geen map gevonden om antwoorden te bewaren, dus er is niets om mee verder te gaan."
                    .to_owned(),
            );
            return;
        };
        match store.resume(&self.workshop.title, name, code) {
            Ok(Resumed::Found(set)) if same_name(&set.participant, name) => {
                self.participation.gate(name).passed();
                self.show_set(set, name);
            }
            Ok(Resumed::Found(_)) => self.refuse(name, false, now),
            Ok(Resumed::NotFound { legacy }) => self.refuse(name, legacy, now),
            Err(e) => {
                self.participation.form.name.message =
                    Some(format!("Je antwoorden konden niet worden gelezen: {e}"));
            }
        }
    }

    /// "Anoniem invullen": always a new set of its own.
    pub(super) fn start_anonymous(&mut self) {
        if !self.leave_set() {
            return;
        }
        let title = self.workshop.title.clone();
        let Some(store) = self.paths.answers.clone() else {
            self.unsaved(AnswerSet::new("", &title));
            return;
        };
        match store.start_anonymous(&title) {
            Ok(set) => self.show_set(set, ""),
            Err(e) => {
                self.participation.form.name.message =
                    Some(format!("Je antwoorden kunnen niet worden bewaard: {e}"));
            }
        }
    }

    fn refuse(&mut self, name: &str, legacy: bool, now: Now) {
        self.participation.gate(name).refused(now.t);
        self.participation.form.name.clear_code();
        let mut text = "Met deze naam en code zijn geen antwoorden gevonden. Kijk je code na; \
            hoofdletters in je naam tellen niet mee. Code vergeten? Kies dan Beginnen met een nieuwe code."
            .to_owned();
        if legacy {
            text.push_str(
                " Antwoorden van vóór de codes blijven bewaard, maar zijn hier niet meer te openen; je trainer kan ze nog afdrukken.",
            );
        }
        self.participation.form.name.message = Some(text);
    }

    /// Shows `set`, which must be the set of `name`: a set with another
    /// stored name is never shown.
    fn show_set(&mut self, set: AnswerSet, name: &str) {
        if !same_name(&set.participant, name) {
            self.participation.form.name.message = Some(
                "Deze antwoorden horen niet bij deze naam; ze worden niet geopend.".to_owned(),
            );
            return;
        }
        self.participation.save = SaveState {
            path: self.paths.answers.as_ref().map(|s| s.path_of(&set)),
            ..SaveState::default()
        };
        self.participation.form.name.clear();
        self.participation.form.answers = Some(set);
    }

    /// Without a data folder: answers in memory only, said plainly.
    fn unsaved(&mut self, set: AnswerSet) {
        self.notice = Some(Notice {
            text: "Er is geen map gevonden om antwoorden te bewaren; ze blijven alleen tot je afsluit.".to_owned(),
            error: true,
            file: None,
        });
        self.participation.form.name.clear();
        self.participation.form.answers = Some(set);
    }
}
