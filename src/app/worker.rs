//! Work that may take longer than a frame: exporting, opening a workshop,
//! saving a copy (and, for the room, starting and stopping it). The work runs
//! on its own thread; the frame keeps drawing the projector and the console.
//!
//! A job is a closure that does the slow part off the UI thread and returns
//! a [`Finish`]: a small closure that the next frame applies to the app (set
//! the notice, open the loaded workshop). The thread wakes the app when it is
//! done, so the result shows without waiting for a mouse move.
//!
//! ```ignore
//! self.work.start(ctx, "De handleiding wordt gemaakt…", move || {
//!     let result = slow();
//!     Box::new(move |app: &mut KampvuurApp, _now| app.notice = Some(result.into()))
//! });
//! ```

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::ui::Now;

use super::{KampvuurApp, Notice};

/// What a finished job does to the app, on the UI thread.
pub type Finish = Box<dyn FnOnce(&mut KampvuurApp, Now) + Send>;

/// The jobs that are running.
#[derive(Default)]
pub struct Work {
    running: Vec<Job>,
    next_id: u64,
}

struct Job {
    id: u64,
    done: Receiver<Finish>,
}

impl Work {
    /// Run `job` on its own thread. `what` is the Dutch progress line
    /// ("De handleiding wordt gemaakt…"), shown until the job is done.
    /// Returns the job's number, for [`KampvuurApp::wait_for_job`].
    pub fn start<F>(&mut self, ctx: &egui::Context, what: impl Into<String>, job: F) -> u64
    where
        F: FnOnce() -> Finish + Send + 'static,
    {
        let what = what.into();
        self.next_id += 1;
        let id = self.next_id;
        let (tx, rx) = channel();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("kampvuur-werk".into())
            .spawn(move || {
                let finish = job();
                // The app may have closed meanwhile; then nobody is waiting.
                let _ = tx.send(finish);
                wake.request_repaint();
            });
        match spawned {
            Ok(_handle) => self.running.push(Job { id, done: rx }),
            Err(e) => {
                // No thread: say so instead of doing nothing.
                let (tx, rx) = channel();
                let text = format!(
                    "Niet gelukt: {} — de computer kon het werk niet starten ({e}).",
                    what.trim_end_matches('…')
                );
                let finish: Finish = Box::new(move |app, _| app.notice = Some(Notice::error(text)));
                let _ = tx.send(finish);
                self.running.push(Job { id, done: rx });
            }
        }
        id
    }

    /// Whether any job is still running.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// The jobs that are done, taken out of the running list.
    fn finished(&mut self) -> Vec<Finish> {
        let mut out = Vec::new();
        self.running.retain(|job| match job.done.try_recv() {
            Ok(finish) => {
                out.push(finish);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        out
    }
}

impl KampvuurApp {
    /// Once a frame: apply what finished jobs found. (The worker wakes the
    /// app when it is done; the slow repaint is a safety net.)
    pub(super) fn poll_work(&mut self, ctx: &egui::Context, now: Now) {
        for finish in self.work.finished() {
            finish(self, now);
        }
        if self.work.busy() {
            ctx.request_repaint_after_secs(1.0);
        }
    }

    /// Wait until every job is done and apply the results (quitting, tests).
    pub fn finish_work(&mut self, now: Now) {
        let deadline = Instant::now() + std::time::Duration::from_secs(120);
        while self.work.busy() && Instant::now() < deadline {
            for finish in self.work.finished() {
                finish(self, now);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Wait (at most ten seconds) for job `id` alone and apply its result:
    /// leaving a screen waits for the answers being written, not for an export.
    pub(super) fn wait_for_job(&mut self, id: u64, now: Now) {
        let Some(at) = self.work.running.iter().position(|j| j.id == id) else {
            return;
        };
        let job = self.work.running.remove(at);
        if let Ok(finish) = job.done.recv_timeout(std::time::Duration::from_secs(10)) {
            finish(self, now);
        }
    }

    /// Whether exporting, opening or saving is still going on.
    pub fn working(&self) -> bool {
        self.work.busy()
    }
}
