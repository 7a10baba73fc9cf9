//! The presentation: the audience view of one item at a time, the keys that
//! move through it, and the clocks of timers, breaks and the afternoon.

use std::collections::{HashMap, HashSet};

use egui::{Color32, Event, Key, Modifiers, Rect, Ui, ViewportId};

use crate::model::{Item, ItemRef, SessionClock, Workshop};

use super::countdown::Countdown;
use super::deck::{Blank, Deck, DeckAction};
use super::ink::Ink;
use super::item_view::{self, Clocks};
use super::{Command, Now, keyhelp, overview, theme};

pub struct Presenter {
    pub deck: Deck,
    timers: HashMap<ItemRef, Countdown>,
    break_resume: HashMap<ItemRef, chrono::NaiveDateTime>,
    /// The keyboard help overlay is open.
    pub help: bool,
    /// How an item fits an area of a given size (measured once).
    fits: HashMap<(ItemRef, [i32; 4]), item_view::Fit>,
    /// The clock of the afternoon, from the moment presenting started.
    pub session: Option<SessionClock>,
    /// Pen and laser pointer.
    pub ink: Ink,
    /// Windows where a widget (a text field) had the keys at the end of the
    /// last frame: there presenting keys wait until it lets go.
    focus_held: HashSet<ViewportId>,
    /// Windows where a presenting key this frame (Tab, an arrow) may also
    /// have moved egui's focus to a widget, which is then taken back.
    keys_taken: HashSet<ViewportId>,
    /// The item shown in the last frame, to see a pause being entered.
    entered: Option<ItemRef>,
}

/// The key presses of this frame in `ui`'s viewport.
fn presses(ui: &Ui) -> Vec<(Key, Modifiers)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => Some((*key, *modifiers)),
                _ => None,
            })
            .collect()
    })
}

impl Presenter {
    pub fn new(workshop: &Workshop) -> Self {
        Self {
            deck: Deck::new(workshop),
            timers: HashMap::new(),
            break_resume: HashMap::new(),
            help: false,
            fits: HashMap::new(),
            session: None,
            ink: Ink::default(),
            focus_held: HashSet::new(),
            keys_taken: HashSet::new(),
            entered: None,
        }
    }

    /// The countdown of a timer item, if it has been touched.
    pub fn timer(&self, r: ItemRef) -> Option<&Countdown> {
        self.timers.get(&r)
    }

    /// The countdown of a timer item, created when first needed.
    pub fn timer_mut(&mut self, workshop: &Workshop, r: ItemRef) -> Option<&mut Countdown> {
        let Some(Item::Timer(t)) = workshop.item(r) else {
            return None;
        };
        Some(
            self.timers
                .entry(r)
                .or_insert_with(|| Countdown::new(t.minutes)),
        )
    }

    /// Whether item `r` shows a clock that changes every second: a running
    /// timer, or a break that has not yet ended.
    pub fn is_ticking(&self, r: ItemRef, now: Now) -> bool {
        self.timers.get(&r).is_some_and(|c| c.is_ticking(now.t))
            || self.break_resume.get(&r).is_some_and(|end| *end > now.wall)
    }

    /// Seconds until the clock shown for item `r` changes, if it ticks.
    pub fn next_change(&self, r: ItemRef, now: Now) -> Option<f64> {
        if let Some(wait) = self.timers.get(&r).and_then(|c| c.next_change(now.t)) {
            return Some(wait);
        }
        let end = self.break_resume.get(&r).filter(|end| **end > now.wall)?;
        let left = (*end - now.wall).num_milliseconds() as f64 / 1000.0;
        Some(super::countdown::to_next_whole(left))
    }

    /// Ask for one repaint when the clock of item `r` shows a new second
    /// (audience and console ask for the same moment: one repaint).
    pub fn repaint_on_change(&self, ui: &Ui, r: ItemRef, now: Now) {
        if let Some(wait) = self.next_change(r, now) {
            ui.ctx().request_repaint_after_secs((wait + 0.005) as f32);
        }
    }

    /// When the group resumes after a break item, once it has been shown.
    pub fn break_resume(&self, r: ItemRef) -> Option<chrono::NaiveDateTime> {
        self.break_resume.get(&r).copied()
    }

    /// Whether presenting keys act in `ui`'s window now: not while a text
    /// field (or any widget that takes keys) has focus, nor in the frame in
    /// which Esc takes the focus away from it (Esc leaves the field first).
    pub fn keys_free(&self, ui: &Ui) -> bool {
        let ctx = ui.ctx();
        !self.focus_held.contains(&ctx.viewport_id()) && ctx.memory(|m| m.focused()).is_none()
    }

    /// Whether presenting left traces a real session should not inherit: a
    /// running clock, timers, pause end times or ink.
    pub fn rehearsed(&self) -> bool {
        self.session.is_some()
            || !self.timers.is_empty()
            || !self.break_resume.is_empty()
            || self.ink.has_strokes()
    }

    /// A clean clock for the real session: the session clock, section times,
    /// timers, pause end times and ink of the rehearsal are forgotten.
    pub fn reset_session(&mut self) {
        self.session = None;
        self.timers.clear();
        self.break_resume.clear();
        self.ink = Ink::default();
        self.fits.clear();
    }

    /// Handle the keys pressed in `ui`'s window; returns commands for the app.
    pub fn handle_keys(&mut self, ui: &Ui, workshop: &Workshop, now: Now) -> Vec<Command> {
        if !self.keys_free(ui) {
            return Vec::new();
        }
        let presses = presses(ui);
        if !presses.is_empty() {
            self.keys_taken.insert(ui.ctx().viewport_id());
        }
        presses
            .into_iter()
            .filter_map(|(key, mods)| self.key(workshop, key, mods, now))
            .collect()
    }

    /// At the end of a frame in `ui`'s window: remember whether a widget
    /// holds the keys, after taking back a focus that a presenting key gave
    /// (Tab opens the overview; egui would also focus the first button).
    pub fn end_frame(&mut self, ui: &Ui) {
        let ctx = ui.ctx();
        let viewport = ctx.viewport_id();
        if self.keys_taken.remove(&viewport) {
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
        if ctx.memory(|m| m.focused()).is_some() {
            self.focus_held.insert(viewport);
        } else {
            self.focus_held.remove(&viewport);
        }
    }

    fn key(&mut self, workshop: &Workshop, key: Key, mods: Modifiers, now: Now) -> Option<Command> {
        let current = self.deck.current();
        if self.help {
            // Any key closes the help; it does nothing else.
            self.help = false;
            return None;
        }
        if !self.deck.overview && self.ink.key(key, mods, current) {
            return None;
        }
        if !mods.command && !mods.alt {
            match key {
                Key::F1 | Key::Questionmark => {
                    self.help = true;
                    return None;
                }
                Key::F11 => return Some(Command::ToggleFullscreen),
                Key::C if !self.deck.overview => return Some(Command::ToggleConsole),
                Key::S if !self.deck.overview => return Some(Command::SwapScreens),
                Key::Z if !self.deck.overview => return Some(Command::ToggleJoinCard),
                Key::O if !self.deck.overview => return Some(Command::ToggleTeam),
                Key::T | Key::Plus | Key::Equals | Key::R if !self.deck.overview => {
                    if let Some(c) = current.and_then(|r| self.timer_mut(workshop, r)) {
                        match key {
                            Key::T => c.toggle(now.t),
                            Key::R => c.reset(),
                            _ => c.add_minute(now.t),
                        }
                        return None;
                    }
                }
                _ => {}
            }
        }
        match self.deck.key(key, mods) {
            DeckAction::Leave => Some(Command::ToStart),
            DeckAction::Handled | DeckAction::Ignored => None,
        }
    }

    /// Keep the clocks up to date: break resume times and the section clock.
    pub fn tick(&mut self, workshop: &Workshop, now: Now) {
        let Some(r) = self.deck.current() else {
            return;
        };
        if let Some(Item::Break(b)) = workshop.item(r) {
            // The end is set when the pause is entered; a pause whose end
            // has passed starts afresh when it is entered again.
            let end = now.wall + chrono::Duration::minutes(i64::from(b.minutes));
            let resume = self.break_resume.entry(r).or_insert(end);
            if *resume <= now.wall && self.entered != Some(r) {
                *resume = end;
            }
        }
        self.entered = Some(r);
        let sections = workshop.sections.len();
        self.session
            .get_or_insert_with(|| SessionClock::new(sections, now.wall))
            .enter(r.section, now.wall);
    }

    /// Stop the section clock (leaving the presentation).
    pub fn pause_session(&mut self, now: Now) {
        if let Some(s) = self.session.as_mut() {
            s.leave(now.wall);
        }
        self.entered = None;
    }

    /// The text factor that makes item `r` fit `rect` (measured once per size).
    fn fit(
        &mut self,
        ui: &mut Ui,
        r: ItemRef,
        item: &Item,
        rect: Rect,
        clocks: &Clocks,
    ) -> item_view::Fit {
        // Ctrl+plus changes the fit too.
        let zoom = (ui.ctx().zoom_factor() * 100.0) as i32;
        // Time up is laid out differently from the running timer.
        let up = i32::from(item_view::time_is_up(item, clocks));
        let key = (r, [rect.width() as i32, rect.height() as i32, zoom, up]);
        if let Some(fit) = self.fits.get(&key) {
            return *fit;
        }
        let fit = item_view::fit(ui, item, rect, clocks);
        self.fits.insert(key, fit);
        fit
    }

    /// Draw item `r` as the audience sees it, scaled into `rect` (with margins).
    pub fn draw_item(
        &mut self,
        ui: &mut Ui,
        rect: Rect,
        workshop: &Workshop,
        r: ItemRef,
        now: Now,
    ) {
        let Some(item) = workshop.item(r) else {
            return;
        };
        let margin = egui::vec2(rect.width() * 0.06, rect.height() * 0.06);
        let content =
            Rect::from_min_max(rect.min + margin, rect.max - margin * egui::vec2(1.0, 0.6));
        let countdown = self.timers.get(&r).cloned();
        let clocks = Clocks {
            countdown: countdown.as_ref(),
            break_resume: self.break_resume.get(&r).copied(),
            now,
        };
        let fit = self.fit(ui, r, item, content, &clocks);
        item_view::draw(ui, item, content, &clocks, fit);
        self.repaint_on_change(ui, r, now);
    }

    /// The audience view in `rect`: blank screen, overview, or the current item
    /// with its progress line.
    pub fn audience(&mut self, ui: &mut Ui, rect: Rect, workshop: &Workshop, now: Now) {
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        let ui = &mut child;
        match self.deck.blank {
            Some(Blank::Black) => {
                ui.painter().rect_filled(rect, 0.0, Color32::BLACK);
                return;
            }
            Some(Blank::White) => {
                ui.painter().rect_filled(rect, 0.0, Color32::WHITE);
                return;
            }
            None => {}
        }
        if self.deck.overview {
            overview::overview(ui, workshop, &mut self.deck);
            return;
        }
        // When a timer's time is up the whole screen turns red, without the
        // progress line, so the room sees it from anywhere.
        let time_up = self.deck.current().is_some_and(|r| {
            workshop.item(r).is_some_and(|item| {
                let clocks = Clocks {
                    countdown: self.timers.get(&r),
                    break_resume: None,
                    now,
                };
                item_view::time_is_up(item, &clocks)
            })
        });
        if time_up {
            ui.painter().rect_filled(rect, 0.0, item_view::TIME_UP);
        }
        let progress = self.deck.show_progress && !time_up;
        let bar = if progress {
            (rect.height() / 28.0).max(22.0)
        } else {
            0.0
        };
        let item_rect = Rect::from_min_max(rect.min, rect.max - egui::vec2(0.0, bar));
        if let Some(r) = self.deck.current() {
            self.draw_item(ui, item_rect, workshop, r, now);
            self.ink.surface(ui, rect, r);
            self.ink.paint(ui, rect, r);
        }
        if progress {
            self.progress(ui, workshop, rect, bar);
        }
        if !self.deck.number.is_empty() {
            self.number_overlay(ui, rect);
        }
        if self.help {
            keyhelp::draw(ui, rect);
        }
    }

    fn progress(&self, ui: &mut Ui, workshop: &Workshop, rect: Rect, height: f32) {
        let Some(r) = self.deck.current() else {
            return;
        };
        let bar = Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - height), rect.max);
        let painter = ui.painter();
        let total = self.deck.len().max(1) as f32;
        let done = (self.deck.position() + 1) as f32 / total;
        let line = Rect::from_min_size(bar.min, egui::vec2(rect.width() * done, 3.0));
        painter.rect_filled(line, 0.0, theme::accent(ui));
        let section = workshop
            .sections
            .get(r.section)
            .map_or("", |s| s.title.as_str());
        let size = super::item_view::quantise(height * 0.6);
        let colour = ui.visuals().weak_text_color();
        let font = egui::FontId::proportional(size);
        painter.text(
            bar.left_center() + egui::vec2(height, 1.5),
            egui::Align2::LEFT_CENTER,
            format!("{}. {section}", r.section + 1),
            font.clone(),
            colour,
        );
        // The same numbering as the guide and the slides PDF: "dia 12 van 37".
        if let Some(place) = workshop.place(r) {
            painter.text(
                bar.right_center() - egui::vec2(height, -1.5),
                egui::Align2::RIGHT_CENTER,
                place.kind_text(),
                font,
                colour,
            );
        }
    }

    fn number_overlay(&self, ui: &mut Ui, rect: Rect) {
        let size = rect.height() / 14.0;
        let pos = rect.center_bottom() - egui::vec2(0.0, size * 2.0);
        let galley = ui.painter().layout_no_wrap(
            format!("Ga naar dia {}", self.deck.number),
            egui::FontId::new(size, theme::bold_family()),
            Color32::WHITE,
        );
        let bg = Rect::from_center_size(pos, galley.size() + egui::vec2(size, size * 0.5));
        ui.painter()
            .rect_filled(bg, 8.0, Color32::from_black_alpha(200));
        ui.painter()
            .galley(bg.center() - galley.size() / 2.0, galley, Color32::WHITE);
    }
}
