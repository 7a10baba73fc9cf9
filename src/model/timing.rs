//! Session timing: when the afternoon started, how long each section really
//! took, and how that compares with the plan.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::workshop::Workshop;

/// How a section is doing against its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Not started yet.
    Upcoming,
    /// Within the planned minutes.
    OnTime,
    /// Up to two minutes over.
    SlightlyLate,
    /// More than two minutes over.
    Late,
}

/// Planned versus actual time of one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPace {
    pub planned_secs: f64,
    pub actual_secs: f64,
    pub pace: Pace,
    pub current: bool,
}

impl SectionPace {
    /// Seconds left of the plan (negative when over).
    pub fn left_secs(&self) -> f64 {
        self.planned_secs - self.actual_secs
    }
}

/// The clock of one presented afternoon.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionClock {
    started: NaiveDateTime,
    /// Seconds spent in each section so far, not counting the current stay.
    spent: Vec<f64>,
    /// First arrival in and last departure from each section.
    first_start: Vec<Option<NaiveDateTime>>,
    last_end: Vec<Option<NaiveDateTime>>,
    /// The section being presented and since when.
    current: Option<(usize, NaiveDateTime)>,
}

fn secs(from: NaiveDateTime, to: NaiveDateTime) -> f64 {
    (to - from).num_milliseconds().max(0) as f64 / 1000.0
}

impl SessionClock {
    /// A clock that started at `started`, for a workshop of `sections` sections.
    pub fn new(sections: usize, started: NaiveDateTime) -> Self {
        Self {
            started,
            spent: vec![0.0; sections],
            first_start: vec![None; sections],
            last_end: vec![None; sections],
            current: None,
        }
    }

    pub fn started(&self) -> NaiveDateTime {
        self.started
    }

    /// Move the start of the afternoon (e.g. "we began at 13:30").
    pub fn set_started(&mut self, started: NaiveDateTime) {
        self.started = started;
        if let Some((section, since)) = self.current
            && self.spent.iter().all(|s| *s == 0.0)
            && since > started
        {
            // Nothing was recorded before: the first section began then too.
            self.current = Some((section, started));
            if let Some(first) = self.first_start.get_mut(section) {
                *first = Some(started);
            }
        }
    }

    /// The presentation is now in `section` (call on every move; cheap when unchanged).
    pub fn enter(&mut self, section: usize, now: NaiveDateTime) {
        if section >= self.spent.len() {
            return;
        }
        match self.current {
            Some((s, _)) if s == section => return,
            Some((s, since)) => {
                self.spent[s] += secs(since, now);
                self.last_end[s] = Some(now);
            }
            None => {}
        }
        self.first_start[section].get_or_insert(now);
        self.current = Some((section, now));
    }

    /// Stop the clock of the current section (presentation paused or ended).
    pub fn leave(&mut self, now: NaiveDateTime) {
        if let Some((s, since)) = self.current.take() {
            self.spent[s] += secs(since, now);
            self.last_end[s] = Some(now);
        }
    }

    pub fn current_section(&self) -> Option<usize> {
        self.current.map(|(s, _)| s)
    }

    /// Seconds spent in `section`, including the current stay.
    pub fn actual_secs(&self, section: usize, now: NaiveDateTime) -> f64 {
        let base = self.spent.get(section).copied().unwrap_or(0.0);
        match self.current {
            Some((s, since)) if s == section => base + secs(since, now),
            _ => base,
        }
    }

    /// Seconds since the afternoon started.
    pub fn elapsed_secs(&self, now: NaiveDateTime) -> f64 {
        secs(self.started, now)
    }

    /// The clock for another list of sections (a variant, a changed file):
    /// new section `i` keeps the times of old section `from[i]`; an old
    /// section without a new place keeps nothing, a stay in it ends.
    pub fn remap(&self, from: &[Option<usize>]) -> Self {
        let old = |i: usize| from.get(i).copied().flatten();
        let current = self
            .current
            .and_then(|(s, since)| from.iter().position(|f| *f == Some(s)).map(|i| (i, since)));
        Self {
            started: self.started,
            spent: (0..from.len())
                .map(|i| {
                    old(i)
                        .and_then(|o| self.spent.get(o).copied())
                        .unwrap_or(0.0)
                })
                .collect(),
            first_start: (0..from.len())
                .map(|i| old(i).and_then(|o| self.first_start.get(o).copied().flatten()))
                .collect(),
            last_end: (0..from.len())
                .map(|i| old(i).and_then(|o| self.last_end.get(o).copied().flatten()))
                .collect(),
            current,
        }
    }

    /// Planned versus actual for every section.
    pub fn paces(&self, workshop: &Workshop, now: NaiveDateTime) -> Vec<SectionPace> {
        workshop
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let planned = f64::from(s.minutes) * 60.0;
                let actual = self.actual_secs(i, now);
                let visited = self.first_start.get(i).is_some_and(Option::is_some);
                let pace = if !visited {
                    Pace::Upcoming
                } else if actual <= planned {
                    Pace::OnTime
                } else if actual <= planned + 120.0 {
                    Pace::SlightlyLate
                } else {
                    Pace::Late
                };
                SectionPace {
                    planned_secs: planned,
                    actual_secs: actual,
                    pace,
                    current: self.current_section() == Some(i),
                }
            })
            .collect()
    }

    /// Seconds behind the plan (negative: ahead). The plan says the current
    /// section started after all earlier sections' planned minutes; time in the
    /// current section counts up to its own plan.
    pub fn behind_secs(&self, workshop: &Workshop, now: NaiveDateTime) -> f64 {
        let Some(section) = self.current_section() else {
            return 0.0;
        };
        let planned_before: f64 = workshop
            .sections
            .iter()
            .take(section)
            .map(|s| f64::from(s.minutes) * 60.0)
            .sum();
        let planned_here = workshop
            .sections
            .get(section)
            .map_or(0.0, |s| f64::from(s.minutes) * 60.0);
        let in_section = self.actual_secs(section, now).min(planned_here);
        self.elapsed_secs(now) - planned_before - in_section
    }

    /// The record to save: planned and actual minutes per section.
    pub fn record(&self, workshop: &Workshop, now: NaiveDateTime) -> SessionRecord {
        let fmt = |t: Option<NaiveDateTime>| t.map(|t| t.format("%H:%M").to_string());
        SessionRecord {
            workshop: workshop.title.clone(),
            variant: None,
            date: self.started.format("%Y-%m-%d").to_string(),
            started: self.started.format("%H:%M").to_string(),
            recorded: now.format("%H:%M").to_string(),
            sections: workshop
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| SectionRecord {
                    title: s.title.clone(),
                    planned_minutes: s.minutes,
                    actual_minutes: (self.actual_secs(i, now) / 60.0 * 10.0).round() / 10.0,
                    first_start: fmt(self.first_start.get(i).copied().flatten()),
                    last_end: match self.current {
                        Some((c, _)) if c == i => fmt(Some(now)),
                        _ => fmt(self.last_end.get(i).copied().flatten()),
                    },
                })
                .collect(),
        }
    }
}

/// Planned versus actual times of one afternoon, saved for next time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub workshop: String,
    /// The variant presented ("90 minuten"), when not the workshop as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// "YYYY-MM-DD".
    pub date: String,
    /// "HH:MM" when the afternoon started, and when this record was made.
    pub started: String,
    pub recorded: String,
    pub sections: Vec<SectionRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRecord {
    pub title: String,
    pub planned_minutes: u32,
    /// Minutes, one decimal.
    pub actual_minutes: f64,
    /// "HH:MM" of the first arrival in, and the last departure from, the section.
    pub first_start: Option<String>,
    pub last_end: Option<String>,
}

impl SessionRecord {
    pub fn planned_total(&self) -> u32 {
        self.sections.iter().map(|s| s.planned_minutes).sum()
    }

    pub fn actual_total(&self) -> f64 {
        self.sections.iter().map(|s| s.actual_minutes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Break, Item, Section};

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, s))
            .expect("valid time")
    }

    fn workshop(minutes: &[u32]) -> Workshop {
        Workshop {
            title: "W".into(),
            subtitle: String::new(),
            author: String::new(),
            language: "nl-NL".into(),
            follow_up: Default::default(),
            guide_pages: vec![],
            variants: vec![],
            variant: None,
            sections: minutes
                .iter()
                .map(|&m| Section {
                    title: format!("S{m}"),
                    minutes: m,
                    items: vec![Item::Break(Break {
                        label: "x".into(),
                        minutes: 1,
                    })],
                })
                .collect(),
        }
    }

    #[test]
    fn planned_versus_actual() {
        let w = workshop(&[10, 20, 5]);
        let mut c = SessionClock::new(3, at(13, 30, 0));
        c.enter(0, at(13, 30, 0));
        c.enter(1, at(13, 42, 0)); // section 1 took 12 of 10 minutes
        c.enter(0, at(13, 50, 0)); // back for a minute
        c.enter(1, at(13, 51, 0));
        let now = at(14, 0, 30);
        let p = c.paces(&w, now);
        assert_eq!(p[0].actual_secs, 13.0 * 60.0);
        assert_eq!(p[0].pace, Pace::Late);
        assert_eq!(p[1].actual_secs, 8.0 * 60.0 + 9.0 * 60.0 + 30.0);
        assert_eq!(p[1].pace, Pace::OnTime);
        assert!(p[1].current);
        assert_eq!(p[1].left_secs(), 150.0);
        assert_eq!(p[2].pace, Pace::Upcoming);
        // 30.5 min elapsed; plan: 10 min before, 17.5 min of section 1 used.
        assert_eq!(
            c.behind_secs(&w, now),
            30.5 * 60.0 - 10.0 * 60.0 - 17.5 * 60.0
        );
        let r = c.record(&w, now);
        assert_eq!(r.sections[0].actual_minutes, 13.0);
        assert_eq!(r.sections[1].actual_minutes, 17.5);
        assert_eq!(r.sections[0].first_start.as_deref(), Some("13:30"));
        assert_eq!(r.sections[0].last_end.as_deref(), Some("13:51"));
        assert_eq!(r.sections[1].last_end.as_deref(), Some("14:00"));
        assert_eq!((r.planned_total(), r.actual_total()), (35, 30.5));
    }

    #[test]
    fn slightly_late_and_leave() {
        let w = workshop(&[10]);
        let mut c = SessionClock::new(1, at(9, 0, 0));
        c.enter(0, at(9, 0, 0));
        assert_eq!(c.paces(&w, at(9, 11, 0))[0].pace, Pace::SlightlyLate);
        c.leave(at(9, 11, 0));
        assert_eq!(c.current_section(), None);
        assert_eq!(c.actual_secs(0, at(10, 0, 0)), 660.0);
        assert_eq!(c.behind_secs(&w, at(10, 0, 0)), 0.0);
    }

    #[test]
    fn setting_an_earlier_start_moves_the_first_section() {
        let w = workshop(&[10]);
        let mut c = SessionClock::new(1, at(13, 35, 0));
        c.enter(0, at(13, 35, 0));
        c.set_started(at(13, 30, 0));
        assert_eq!(c.actual_secs(0, at(13, 40, 0)), 600.0);
        assert_eq!(c.paces(&w, at(13, 40, 0))[0].pace, Pace::OnTime);
    }
}
