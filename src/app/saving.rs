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
    /// A save is being written on the writer thread: the job, and since
    /// when the answers it writes were dirty.
    pub writing: Option<(u64, f64)>,
}

impl SaveState {
    /// A short Dutch status line for the participant screen.
    pub fn status(&self) -> String {
        if let Some((_, why)) = &self.failed {
            format!("Niet bewaard: {why}. kampvuur probeert het opnieuw; sluit de app nog niet af.")
        } else if self.dirty_since.is_some() || self.writing.is_some() {
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
        if now.t >= due && self.participation.save.writing.is_none() {
            self.save_in_background(ctx, now);
        }
        if self.participation.save.dirty_since.is_some() {
            let wait = match &self.participation.save.failed {
                Some((at, _)) => at + RETRY - now.t,
                None => since + DELAY - now.t,
            };
            ctx.request_repaint_after_secs(wait.max(0.05) as f32);
        }
    }

    /// Write the answers from a writer thread, so a slow disk (fsync on a
    /// USB stick) never holds up a frame. One write at a time: changes made
    /// meanwhile are written after it.
    fn save_in_background(&mut self, ctx: &egui::Context, now: Now) {
        let (Some(store), Some(answers)) = (
            self.paths.answers.clone(),
            self.participation.form.answers.as_mut(),
        ) else {
            self.participation.save.dirty_since = None;
            return;
        };
        answers.updated = now.wall.format("%Y-%m-%d %H:%M").to_string();
        let set = answers.clone();
        let save = &mut self.participation.save;
        let since = save.dirty_since.take().unwrap_or(now.t);
        let job = self.work.start(ctx, "Antwoorden bewaren", move || {
            let result = store.save(&set).map_err(|e| e.to_string());
            Box::new(move |app: &mut KampvuurApp, now: Now| {
                let key = app.participation.form.answers.as_ref().map(|a| &a.key);
                if key != Some(&set.key) {
                    // Another set is open meanwhile: this one was written.
                    return;
                }
                let save = &mut app.participation.save;
                let since = save.writing.take().map(|(_, since)| since);
                match result {
                    Ok(path) => {
                        save.failed = None;
                        save.saved_at = Some(now.wall);
                        save.path = Some(path);
                    }
                    Err(e) => {
                        save.failed = Some((now.t, e));
                        save.dirty_since = save.dirty_since.or(since);
                    }
                }
            })
        });
        self.participation.save.writing = Some((job, since));
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
                    writing: None,
                };
            }
            Err(e) => self.participation.save.failed = Some((now.t, e.to_string())),
        }
    }

    /// Save now if anything is unsaved (leaving a screen, switching name, quitting).
    pub fn flush_answers(&mut self) {
        if let Some((job, since)) = self.participation.save.writing {
            // Let the write in flight land first; a failed one is dirty again.
            let now = Now {
                t: since,
                wall: chrono::Local::now().naive_local(),
            };
            self.wait_for_job(job, now);
            self.participation.save.writing = None;
        }
        if self.participation.save.dirty_since.is_some() {
            let now = Now {
                t: self.participation.save.dirty_since.unwrap_or_default(),
                wall: chrono::Local::now().naive_local(),
            };
            self.save_answers(now);
        }
    }
}
