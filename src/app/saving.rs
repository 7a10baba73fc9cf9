//! Autosave of the participant's answers: within a second of a change,
//! retried when the disk says no, and never dropped from memory.

use crate::ui::Now;

use super::KampvuurApp;

/// Seconds between the last change and the save.
const DELAY: f64 = 0.5;
/// Seconds before a failed save is tried again.
const RETRY: f64 = 5.0;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaveState {
    /// When unsaved changes were made (egui time), if any.
    pub dirty_since: Option<f64>,
    /// The last failed attempt: when and why.
    pub failed: Option<(f64, String)>,
    /// Wall-clock time of the last successful save.
    pub saved_at: Option<chrono::NaiveDateTime>,
    /// Where the answers are written.
    pub path: Option<std::path::PathBuf>,
}

impl SaveState {
    /// A short Dutch status line for the participant screen.
    pub fn status(&self) -> String {
        if let Some((_, why)) = &self.failed {
            format!("Niet bewaard: {why}. kampvuur probeert het opnieuw; sluit de app nog niet af.")
        } else if self.dirty_since.is_some() {
            "Wordt bewaard…".to_owned()
        } else if let Some(at) = self.saved_at {
            format!("Bewaard om {}", at.format("%H:%M:%S"))
        } else {
            "Je antwoorden worden vanzelf bewaard".to_owned()
        }
    }
}

impl KampvuurApp {
    pub(super) fn mark_dirty(&mut self, now: Now) {
        if self.participation.save.dirty_since.is_none() {
            self.participation.save.dirty_since = Some(now.t);
        }
    }

    /// Save when the answers have been dirty long enough; keep a repaint
    /// scheduled so this happens even without further input.
    pub(super) fn autosave(&mut self, ctx: &egui::Context, now: Now) {
        let Some(since) = self.participation.save.dirty_since else {
            return;
        };
        let due = match &self.participation.save.failed {
            Some((at, _)) => at + RETRY,
            None => since + DELAY,
        };
        if now.t >= due {
            self.save_answers(now);
        }
        if self.participation.save.dirty_since.is_some() {
            let wait = match &self.participation.save.failed {
                Some((at, _)) => at + RETRY - now.t,
                None => since + DELAY - now.t,
            };
            ctx.request_repaint_after_secs(wait.max(0.05) as f32);
        }
    }

    fn save_answers(&mut self, now: Now) {
        let (Some(store), Some(answers)) = (
            &self.paths.answers,
            self.participation.form.answers.as_mut(),
        ) else {
            self.participation.save.dirty_since = None;
            return;
        };
        answers.updated = now.wall.format("%Y-%m-%d %H:%M").to_string();
        match store.save(answers) {
            Ok(path) => {
                self.participation.save = super::SaveState {
                    dirty_since: None,
                    failed: None,
                    saved_at: Some(now.wall),
                    path: Some(path),
                };
            }
            Err(e) => self.participation.save.failed = Some((now.t, e.to_string())),
        }
    }

    /// Save now if anything is unsaved (leaving a screen, switching name, quitting).
    pub fn flush_answers(&mut self) {
        if self.participation.save.dirty_since.is_some() {
            let now = Now {
                t: self.participation.save.dirty_since.unwrap_or_default(),
                wall: chrono::Local::now().naive_local(),
            };
            self.save_answers(now);
        }
    }
}
