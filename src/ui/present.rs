//! The presentation screen: one item at a time, full screen, keyboard driven.

use std::collections::HashMap;

use egui::{Color32, Event, Key, Modifiers, Rect, RichText, Ui};

use crate::model::{Item, ItemRef, Workshop};

use super::countdown::Countdown;
use super::deck::{Blank, Deck, DeckAction};
use super::item_view::{self, Clocks};
use super::{Command, Now, keyhelp, theme};

pub struct Presenter {
    pub deck: Deck,
    timers: HashMap<ItemRef, Countdown>,
    break_resume: HashMap<ItemRef, chrono::NaiveDateTime>,
    /// The keyboard help overlay is open.
    pub help: bool,
    /// Text factor per item that makes it fit, for the area it was measured in.
    fits: HashMap<ItemRef, (Rect, f32)>,
}

impl Presenter {
    pub fn new(workshop: &Workshop) -> Self {
        Self {
            deck: Deck::new(workshop),
            timers: HashMap::new(),
            break_resume: HashMap::new(),
            help: false,
            fits: HashMap::new(),
        }
    }

    /// The countdown of a timer item, if it has been touched.
    pub fn timer(&self, r: ItemRef) -> Option<&Countdown> {
        self.timers.get(&r)
    }

    fn timer_mut(&mut self, workshop: &Workshop, r: ItemRef) -> Option<&mut Countdown> {
        let Some(Item::Timer(t)) = workshop.item(r) else {
            return None;
        };
        Some(
            self.timers
                .entry(r)
                .or_insert_with(|| Countdown::new(t.minutes)),
        )
    }

    /// Handle the keys of this frame; returns commands for the app.
    fn keys(&mut self, ui: &Ui, workshop: &Workshop, now: Now) -> Vec<Command> {
        let presses: Vec<(Key, Modifiers)> = ui.input(|i| {
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
        });
        let mut out = Vec::new();
        for (key, mods) in presses {
            if let Some(cmd) = self.key(workshop, key, mods, now) {
                out.push(cmd);
            }
        }
        out
    }

    fn key(&mut self, workshop: &Workshop, key: Key, mods: Modifiers, now: Now) -> Option<Command> {
        let current = self.deck.current();
        if self.help {
            // Any key closes the help; it does nothing else.
            self.help = false;
            return None;
        }
        if !mods.command && !mods.alt {
            match key {
                Key::F1 | Key::Questionmark => {
                    self.help = true;
                    return None;
                }
                Key::F11 => return Some(Command::ToggleFullscreen),
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

    /// Record when a break was first shown, so the screen can say when the group resumes.
    fn note_break(&mut self, workshop: &Workshop, now: Now) {
        if let Some(r) = self.deck.current()
            && let Some(Item::Break(b)) = workshop.item(r)
        {
            self.break_resume
                .entry(r)
                .or_insert_with(|| now.wall + chrono::Duration::minutes(i64::from(b.minutes)));
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, workshop: &Workshop, now: Now) -> Vec<Command> {
        let commands = self.keys(ui, workshop, now);
        self.note_break(workshop, now);
        let bg = ui.visuals().panel_fill;
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(bg))
            .show(ui, |ui| {
                let rect = ui.max_rect();
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
                    self.overview(ui, workshop);
                    return;
                }
                let bar = if self.deck.show_progress {
                    (rect.height() / 32.0).max(18.0)
                } else {
                    0.0
                };
                let margin_x = rect.width() * 0.06;
                let margin_y = rect.height() * 0.06;
                let content = Rect::from_min_max(
                    rect.min + egui::vec2(margin_x, margin_y),
                    rect.max - egui::vec2(margin_x, margin_y * 0.6 + bar),
                );
                if let Some(r) = self.deck.current()
                    && let Some(item) = workshop.item(r)
                {
                    let clocks = Clocks {
                        countdown: self.timers.get(&r),
                        break_resume: self.break_resume.get(&r).copied(),
                        now,
                    };
                    let fit = match self.fits.get(&r) {
                        Some((measured, fit)) if *measured == content => *fit,
                        _ => {
                            let fit = item_view::fit(ui, item, content, &clocks);
                            self.fits.insert(r, (content, fit));
                            fit
                        }
                    };
                    item_view::draw(ui, item, content, &clocks, fit);
                    if matches!(item, Item::Timer(_) | Item::Break(_)) {
                        ui.ctx().request_repaint_after_secs(0.25);
                    }
                }
                if self.deck.show_progress {
                    self.progress(ui, workshop, rect, bar);
                }
                if !self.deck.number.is_empty() {
                    self.number_overlay(ui, rect);
                }
                if self.help {
                    keyhelp::draw(ui, rect);
                }
            });
        commands
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
        let size = height * 0.55;
        let colour = ui.visuals().weak_text_color();
        let font = egui::FontId::proportional(size);
        painter.text(
            bar.left_center() + egui::vec2(height, 1.5),
            egui::Align2::LEFT_CENTER,
            format!("{}. {section}", r.section + 1),
            font.clone(),
            colour,
        );
        painter.text(
            bar.right_center() - egui::vec2(height, -1.5),
            egui::Align2::RIGHT_CENTER,
            format!("{} / {}", self.deck.position() + 1, self.deck.len()),
            font,
            colour,
        );
    }

    fn number_overlay(&self, ui: &mut Ui, rect: Rect) {
        let size = rect.height() / 14.0;
        let pos = rect.center_bottom() - egui::vec2(0.0, size * 2.0);
        let galley = ui.painter().layout_no_wrap(
            format!("Ga naar {}", self.deck.number),
            egui::FontId::new(size, theme::bold_family()),
            Color32::WHITE,
        );
        let bg = Rect::from_center_size(pos, galley.size() + egui::vec2(size, size * 0.5));
        ui.painter()
            .rect_filled(bg, 8.0, Color32::from_black_alpha(200));
        ui.painter()
            .galley(bg.center() - galley.size() / 2.0, galley, Color32::WHITE);
    }

    fn overview(&mut self, ui: &mut Ui, workshop: &Workshop) {
        let mut jump = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    ui.add_space(16.0);
                    ui.heading("Overzicht");
                    ui.label(
                        RichText::new(
                            "Klik op een onderdeel om ernaartoe te gaan · Esc of G sluit",
                        )
                        .color(ui.visuals().weak_text_color()),
                    );
                });
                let mut n = 0usize;
                for (si, section) in workshop.sections.iter().enumerate() {
                    ui.add_space(10.0);
                    ui.horizontal(|ui| {
                        ui.add_space(16.0);
                        ui.label(
                            RichText::new(format!(
                                "{}. {} · {} min",
                                si + 1,
                                section.title,
                                section.minutes
                            ))
                            .size(20.0)
                            .family(theme::bold_family())
                            .color(theme::accent(ui)),
                        );
                    });
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(16.0);
                        for item in &section.items {
                            let index = n;
                            n += 1;
                            let current = index == self.deck.position();
                            let label =
                                format!("{}  {}\n{}", index + 1, item.kind_name(), item.title());
                            let button = egui::Button::new(RichText::new(label).size(15.0))
                                .min_size(egui::vec2(220.0, 64.0))
                                .selected(current);
                            if ui.add(button).clicked() {
                                jump = Some(index);
                            }
                        }
                    });
                }
            });
        if let Some(index) = jump {
            self.deck.go_to(index);
            self.deck.overview = false;
        }
    }
}
