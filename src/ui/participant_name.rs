//! The name screen of participant mode: always empty when it opens, no list
//! of earlier names. A teacher types a name and a 4-digit code (new, or to go
//! on), or fills in anonymously.

use egui::{RichText, Ui};

use crate::model::{AccessCode, CODE_DIGITS};

use super::{Command, choice, theme};

/// The name screen's fields and what the app said about the last try.
#[derive(Default)]
pub struct NameScreen {
    name: String,
    code: String,
    /// The name field has had the keyboard focus once.
    focused: bool,
    /// A message about the last try (a wrong code…), in Dutch.
    pub message: Option<String>,
    /// Slows down guessing codes; kept when the screen is cleared.
    pub gate: Gate,
    /// Counts clears: the fields get new ids, so egui's undo history of the
    /// previous person's name and code is out of reach.
    generation: u64,
}

/// Never shows the typed code.
impl std::fmt::Debug for NameScreen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameScreen")
            .field("name", &self.name)
            .field("code", &"*".repeat(self.code.len()))
            .field("message", &self.message)
            .field("gate", &self.gate)
            .finish()
    }
}

impl NameScreen {
    /// Empties the fields and the message; the guessing limit stays.
    pub fn clear(&mut self) {
        self.name.clear();
        self.code.clear();
        self.focused = false;
        self.message = None;
        self.generation = self.generation.wrapping_add(1);
    }

    /// Empties the code field (after a wrong code).
    /// The name as typed (for the wait of that name).
    pub fn typed_name(&self) -> &str {
        &self.name
    }

    pub fn clear_code(&mut self) {
        self.code.clear();
    }

    /// Whether the fields are empty (what the next person sees).
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.code.is_empty() && self.message.is_none()
    }

    pub fn ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let now = ui.input(|i| i.time);
        ui.add_space(40.0);
        ui.label(
            RichText::new("Invullen als deelnemer")
                .size(32.0)
                .family(theme::bold_family()),
        );
        ui.label(
            RichText::new(
                "Wat je hier invult, is alleen voor jou. Het wordt op deze computer \
                 bewaard, los van je collega’s, en vanzelf opgeslagen.",
            )
            .size(17.0),
        );
        ui.add_space(14.0);
        let label = ui.label(RichText::new("Je naam").family(theme::bold_family()));
        let name_id = ui.make_persistent_id(("naam", self.generation));
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut self.name)
                    .id(name_id)
                    .frame(choice::field_frame(ui, name_id))
                    .hint_text("bijvoorbeeld Fatima")
                    .char_limit(crate::model::MAX_NAME_CHARS)
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        if !self.focused {
            edit.request_focus();
            self.focused = true;
        }
        ui.add_space(6.0);
        let label = ui.label(RichText::new("Je code (4 cijfers)").family(theme::bold_family()));
        let code_id = ui.make_persistent_id(("code", self.generation));
        let code_edit = ui
            .add(
                egui::TextEdit::singleline(&mut self.code)
                    .id(code_id)
                    .frame(choice::field_frame(ui, code_id))
                    .password(true)
                    .char_limit(CODE_DIGITS)
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        if code_edit.changed() {
            self.code.retain(|c| c.is_ascii_digit());
        }
        ui.label(
            RichText::new(
                "De eerste keer kies je zelf een code. Onthoud hem: met je naam en \
                 deze code ga je later verder. Niemand anders ziet hem.",
            )
            .color(ui.visuals().weak_text_color()),
        );
        ui.add_space(10.0);
        let name = self.name.trim().to_owned();
        let code = AccessCode::parse(&self.code);
        let wait = self.gate.wait(now);
        let ready = !name.is_empty() && code.is_some() && wait <= 0.0;
        // Enter in either field is "Beginnen" (which also opens the set this
        // name and code already have).
        let enter = (edit.lost_focus() || code_edit.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && let Some(code) = code.clone().filter(|_| ready) {
            out.push(Command::StartParticipant {
                name: name.clone(),
                code,
            });
        }
        ui.horizontal_wrapped(|ui| {
            let start = ui.add_enabled(ready, egui::Button::new("Beginnen"));
            let resume = ui.add_enabled(ready, egui::Button::new("Verder met mijn antwoorden"));
            if let Some(code) = code.filter(|_| ready) {
                if start.clicked() {
                    out.push(Command::StartParticipant { name, code });
                } else if resume.clicked() {
                    out.push(Command::ResumeParticipant { name, code });
                }
            }
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Anoniem invullen").clicked() {
                out.push(Command::StartAnonymous);
            }
        });
        ui.label(
            RichText::new(
                "Anoniem invullen geeft steeds een nieuw, leeg blad; dat kun je later \
                 niet meer openen.",
            )
            .color(ui.visuals().weak_text_color()),
        );
        if wait > 0.0 {
            ui.ctx().request_repaint_after_secs(wait.min(1.0) as f32);
        }
        let waiting = (wait > 0.0).then(|| {
            format!(
                "Probeer het over {} opnieuw.",
                seconds_text(wait.ceil() as u64)
            )
        });
        if self.message.is_some() || waiting.is_some() {
            ui.add_space(12.0);
            let text = [self.message.as_deref(), waiting.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            message(ui, &text);
        }
    }
}

/// A message on a light red ground, black text (readable in both themes).
fn message(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xFD, 0xE2, 0xE1))
        .inner_margin(10.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(RichText::new(text).size(17.0).color(egui::Color32::BLACK));
        });
}

/// "1 seconde", "30 seconden", "5 minuten".
fn seconds_text(secs: u64) -> String {
    match secs {
        1 => "1 seconde".to_owned(),
        s if s < 90 => format!("{s} seconden"),
        s => {
            let min = s.div_ceil(60);
            format!("{min} minuten")
        }
    }
}

/// Slows down guessing codes on a shared laptop: after a wrong try the
/// buttons wait 2 seconds, after the third 30 seconds, from the fifth on 5
/// minutes. A right code resets it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Gate {
    failures: u32,
    /// egui time when the buttons work again.
    open_at: f64,
}

impl Gate {
    /// Seconds until the next try, 0 when it may be now.
    pub fn wait(&self, now: f64) -> f64 {
        (self.open_at - now).max(0.0)
    }

    /// A try that did not open anything; returns the wait it causes.
    pub fn refused(&mut self, now: f64) -> f64 {
        self.failures += 1;
        let wait = match self.failures {
            0..=2 => 2.0,
            3..=4 => 30.0,
            _ => 300.0,
        };
        self.open_at = now + wait;
        wait
    }

    /// A try that opened the right answers.
    pub fn passed(&mut self) {
        *self = Self::default();
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_waits_longer_after_more_wrong_tries() {
        let mut gate = Gate::default();
        assert_eq!(gate.wait(0.0), 0.0);
        assert_eq!(gate.refused(10.0), 2.0);
        assert_eq!(gate.wait(11.0), 1.0);
        assert_eq!(gate.wait(12.5), 0.0);
        assert_eq!(gate.refused(13.0), 2.0);
        assert_eq!(gate.refused(20.0), 30.0);
        assert_eq!(gate.refused(60.0), 30.0);
        assert_eq!(gate.refused(100.0), 300.0);
        assert_eq!(gate.refused(500.0), 300.0);
        assert_eq!(gate.failures(), 6);
        gate.passed();
        assert_eq!((gate.wait(500.0), gate.failures()), (0.0, 0));
    }

    #[test]
    fn waits_are_said_in_dutch() {
        assert_eq!(seconds_text(1), "1 seconde");
        assert_eq!(seconds_text(30), "30 seconden");
        assert_eq!(seconds_text(300), "5 minuten");
    }
}
