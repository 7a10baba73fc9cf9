//! A countdown for timer items and breaks, driven by the time egui passes in
//! (seconds since start), so tests can move time without sleeping.

#[derive(Debug, Clone, PartialEq)]
pub struct Countdown {
    /// The planned length, restored by a reset.
    planned: f64,
    total: f64,
    /// Seconds counted before the current run.
    spent: f64,
    /// When the current run started, if running.
    since: Option<f64>,
}

/// The phase a countdown is in, for colour and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Ready,
    Running,
    Paused,
    LastMinute,
    Finished,
}

impl Countdown {
    pub fn new(minutes: u32) -> Self {
        let planned = f64::from(minutes) * 60.0;
        Self {
            planned,
            total: planned,
            spent: 0.0,
            since: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Running and not yet at zero: the display changes every second.
    pub fn is_ticking(&self, now: f64) -> bool {
        self.is_running() && self.remaining(now) > 0
    }

    pub fn start(&mut self, now: f64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if let Some(since) = self.since.take() {
            self.spent += (now - since).max(0.0);
        }
    }

    pub fn toggle(&mut self, now: f64) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// One more minute; a finished countdown comes back to life.
    pub fn add_minute(&mut self, now: f64) {
        let overrun = (self.elapsed(now) - self.total).max(0.0);
        self.total += 60.0 + overrun;
    }

    pub fn reset(&mut self) {
        self.total = self.planned;
        self.spent = 0.0;
        self.since = None;
    }

    fn elapsed(&self, now: f64) -> f64 {
        self.spent + self.since.map_or(0.0, |s| (now - s).max(0.0))
    }

    /// Seconds until the shown time changes, while it runs: the repaint
    /// comes when the text changes, once a second, and not in between.
    pub fn next_change(&self, now: f64) -> Option<f64> {
        if !self.is_ticking(now) {
            return None;
        }
        Some(to_next_whole(self.total - self.elapsed(now)))
    }

    /// Whole seconds left, never negative.
    pub fn remaining(&self, now: f64) -> u64 {
        (self.total - self.elapsed(now)).max(0.0).ceil() as u64
    }

    pub fn phase(&self, now: f64) -> Phase {
        let left = self.remaining(now);
        if left == 0 {
            Phase::Finished
        } else if !self.is_running() && self.spent == 0.0 {
            Phase::Ready
        } else if !self.is_running() {
            Phase::Paused
        } else if left <= 60 {
            Phase::LastMinute
        } else {
            Phase::Running
        }
    }
}

/// "mm:ss" (or "h:mm:ss" from an hour).
pub fn format_mmss(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// Seconds until `left` (counting down) crosses the next whole second.
pub fn to_next_whole(left: f64) -> f64 {
    let part = left - left.floor();
    if part > 1e-6 { part } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repaint_comes_when_the_shown_second_changes() {
        let mut c = Countdown::new(2);
        assert_eq!(
            c.next_change(0.0),
            None,
            "a timer that waits does not repaint"
        );
        c.start(10.3);
        // At 40.0 there are 90.3 s left, shown as 91: it shows 90 in 0.3 s.
        let wait = c.next_change(40.0).unwrap();
        assert!((wait - 0.3).abs() < 1e-9, "{wait}");
        assert_eq!(c.remaining(40.0), 91);
        assert_eq!(c.remaining(40.0 + wait + 0.001), 90);
        // Exactly on a change, the next one is a second away.
        assert!((c.next_change(40.3).unwrap() - 1.0).abs() < 1e-9);
        c.pause(50.0);
        assert_eq!(c.next_change(60.0), None, "a paused timer does not repaint");
    }

    #[test]
    fn runs_pauses_and_ends() {
        let mut c = Countdown::new(2);
        assert_eq!(c.phase(0.0), Phase::Ready);
        assert_eq!(c.remaining(10.0), 120);
        c.start(10.0);
        assert_eq!(c.remaining(40.0), 90);
        assert_eq!(c.phase(40.0), Phase::Running);
        assert!(c.is_ticking(40.0));
        c.pause(40.0);
        assert_eq!(c.phase(100.0), Phase::Paused);
        assert_eq!(c.remaining(100.0), 90);
        c.start(100.0);
        assert_eq!(c.phase(131.0), Phase::LastMinute);
        assert_eq!(c.phase(190.0), Phase::Finished);
        assert_eq!(c.remaining(500.0), 0);
        assert!(
            !c.is_ticking(500.0),
            "a finished countdown needs no repaints"
        );
        c.add_minute(500.0);
        assert_eq!(c.remaining(500.0), 60);
        c.reset();
        assert_eq!((c.phase(600.0), c.remaining(600.0)), (Phase::Ready, 120));
    }

    #[test]
    fn formats_minutes_and_hours() {
        assert_eq!(format_mmss(0), "00:00");
        assert_eq!(format_mmss(125), "02:05");
        assert_eq!(format_mmss(3725), "1:02:05");
    }
}
