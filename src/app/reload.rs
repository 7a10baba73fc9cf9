//! Live reload: the open workshop file is watched; a valid save is swapped in
//! at the same item, an invalid one leaves the last good version on screen.
//!
//! Messages about it appear on the start screen and in the presenter console,
//! never on the projector.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText, Ui};

use crate::content::{self, FileWatch, Reloaded, Trigger};
use crate::model::Workshop;
use crate::ui::{Command, Now, Presenter, Stage, theme};

use super::{KampvuurApp, Screen};

/// How long "Workshop bijgewerkt" stays, in seconds.
const UPDATED_SECS: f64 = 4.0;

/// What the last change of the file did.
#[derive(Debug, Clone, PartialEq)]
pub enum ReloadStatus {
    /// The new version is showing (since egui time `at`).
    Updated { at: f64 },
    /// The file has errors; the last good version stays. The errors, one per line.
    Invalid(String),
    /// The file was deleted or renamed; the last good version stays.
    Gone,
    /// Changes cannot be followed (the system refused the watch).
    NotWatched(String),
}

/// The watch on the open file and what it last reported.
#[derive(Default)]
pub struct Reload {
    watch: Option<FileWatch>,
    /// The file the watch is for, and the slide images it covers (as written).
    watching: Option<(PathBuf, Vec<String>)>,
    pub status: Option<ReloadStatus>,
}

impl KampvuurApp {
    /// Once per frame: follow the open file, swap in a valid change, and show
    /// what happened (not on the projector).
    pub(super) fn live_reload(&mut self, ui: &mut Ui, now: Now) -> Vec<Command> {
        self.menu.can_edit = self.workshop_path.is_some();
        self.follow_file(ui.ctx());
        let changed = self.reload.watch.as_ref().is_some_and(FileWatch::poll);
        if changed {
            self.reload_now(now);
        }
        self.reload_message(ui, now)
    }

    /// Watch the file that is open now (no file: no watch).
    fn follow_file(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.workshop_path else {
            if self.reload.watching.take().is_some() {
                self.reload.watch = None;
                self.reload.status = None;
            }
            return;
        };
        // Compared every frame: the image names, without touching the disk.
        let files = image_names(&self.workshop);
        let same_file = self
            .reload
            .watching
            .as_ref()
            .is_some_and(|(p, _)| p == path);
        if same_file
            && self
                .reload
                .watching
                .as_ref()
                .is_some_and(|(_, f)| *f == files)
        {
            return;
        }
        if !same_file {
            // Another file: what was said about the previous one no longer holds.
            self.reload.status = None;
        }
        let ctx = ctx.clone();
        match FileWatch::start(path, &self.workshop, move || ctx.request_repaint()) {
            Ok(watch) => self.reload.watch = Some(watch),
            Err(e) => {
                self.reload.watch = None;
                self.reload.status = Some(ReloadStatus::NotWatched(e.to_string()));
            }
        }
        self.reload.watching = Some((path.clone(), files));
    }

    /// Follow the open file with a hand-driven watch instead of the system's
    /// (for tests): each [`Trigger::fire`] counts as a save.
    pub fn watch_manually(&mut self) -> Option<Trigger> {
        let path = self.workshop_path.clone()?;
        let (watch, trigger) = FileWatch::manual();
        self.reload.watch = Some(watch);
        self.reload.watching = Some((path, image_names(&self.workshop)));
        Some(trigger)
    }

    /// Read the open file again and act on what it says.
    pub fn reload_now(&mut self, now: Now) {
        let Some(path) = self.workshop_path.clone() else {
            return;
        };
        self.reload.status = Some(match content::reload(&path) {
            Reloaded::Valid(workshop) => {
                let derived = self.new_original(*workshop);
                self.swap_workshop(derived);
                self.room_follows();
                ReloadStatus::Updated { at: now.t }
            }
            Reloaded::Invalid(e) => ReloadStatus::Invalid(e.to_string()),
            Reloaded::Gone => ReloadStatus::Gone,
        });
    }

    /// The new version in place of the old, at the same item; the clock of
    /// the afternoon, the pen and pointer, the answers and the room go on.
    /// Timers and the pen's strokes start afresh: the items they were on may
    /// have moved.
    pub(super) fn swap_workshop(&mut self, workshop: Workshop) {
        let old = &self.show.presenter;
        let target = matching_position(&self.workshop, &workshop, old.deck.position());
        let deck = &old.deck;
        let (blank, overview, progress) = (deck.blank, deck.overview, deck.show_progress);
        let (help, laser, pen, colour) = (old.help, old.ink.laser, old.ink.pen, old.ink.colour);
        // The afternoon's times stay with their sections, found by title.
        let from = super::variants::section_map(&self.workshop, &workshop);
        let session = (self.show.presenter.session.take()).map(|s| s.remap(&from));
        let mut presenter = Presenter::new(&workshop);
        presenter.deck.go_to(target);
        presenter.deck.blank = blank;
        presenter.deck.overview = overview;
        presenter.deck.show_progress = progress;
        presenter.session = session;
        presenter.help = help;
        presenter.ink.laser = laser;
        presenter.ink.pen = pen;
        presenter.ink.colour = colour;
        self.show.presenter = presenter;
        self.workshop = workshop;
    }

    /// The message about the last change: bottom right on the start and
    /// participant screens; in the console while presenting, and not at all
    /// when the main window shows only the slide.
    fn reload_message(&mut self, ui: &mut Ui, now: Now) -> Vec<Command> {
        let mut out = Vec::new();
        let Some(status) = self.reload.status.clone() else {
            return out;
        };
        if let ReloadStatus::Updated { at } = status {
            let left = at + UPDATED_SECS - now.t;
            if left <= 0.0 {
                self.reload.status = None;
                return out;
            }
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
        let anchor = match (self.screen, self.show.stage) {
            // Bottom right, above the notice bar: clear of the title and the buttons.
            (Screen::Start | Screen::Participant, _) => {
                (egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -64.0))
            }
            (Screen::Present, Stage::SideBySide | Stage::TwoScreens { swapped: false }) => {
                (egui::Align2::LEFT_BOTTOM, egui::vec2(12.0, -12.0))
            }
            (Screen::Present, Stage::Slide | Stage::TwoScreens { swapped: true }) => return out,
        };
        let name = self
            .workshop_path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (fill, title, detail) = match &status {
            ReloadStatus::Updated { .. } => (
                Color32::from_rgb(0xE4, 0xF4, 0xE4),
                "Workshop bijgewerkt".to_owned(),
                format!("De nieuwe versie van {name} staat klaar."),
            ),
            ReloadStatus::Invalid(errors) => (
                Color32::from_rgb(0xFD, 0xE2, 0xE1),
                "Je wijziging bevat fouten".to_owned(),
                format!("Je ziet nog de laatste goede versie. Dit is er mis:\n{errors}"),
            ),
            ReloadStatus::Gone => (
                Color32::from_rgb(0xFF, 0xF1, 0xD6),
                "Bestand verdwenen".to_owned(),
                format!(
                    "{name} is verwijderd of hernoemd. De laatste versie blijft open; zet het bestand terug om weer wijzigingen te zien."
                ),
            ),
            ReloadStatus::NotWatched(why) => (
                Color32::from_rgb(0xFF, 0xF1, 0xD6),
                "Wijzigingen worden niet gevolgd".to_owned(),
                format!("{why}. Open het bestand opnieuw om een wijziging te zien."),
            ),
        };
        let errors = matches!(status, ReloadStatus::Invalid(_));
        egui::Area::new(egui::Id::unique("kampvuur-herladen"))
            .order(egui::Order::Foreground)
            .anchor(anchor.0, anchor.1)
            .show(ui.ctx(), |ui| {
                egui::Frame::new()
                    .fill(fill)
                    .stroke(egui::Stroke::new(1.0, Color32::from_gray(150)))
                    .corner_radius(6.0)
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.set_max_width(460.0);
                        ui.label(
                            RichText::new(title)
                                .family(theme::bold_family())
                                .color(Color32::BLACK),
                        );
                        let text = RichText::new(detail).color(Color32::BLACK);
                        if errors {
                            egui::ScrollArea::vertical()
                                .max_height(220.0)
                                .show(ui, |ui| ui.label(text.monospace()));
                        } else {
                            ui.label(text);
                        }
                        ui.horizontal(|ui| {
                            if errors && ui.button("Bewerken").clicked() {
                                out.push(Command::EditWorkshop);
                            }
                            if ui.button("Sluiten").clicked() {
                                out.push(Command::DismissReload);
                            }
                        });
                    });
            });
        out
    }
}

/// The slide images of a workshop, as written in the file.
fn image_names(workshop: &Workshop) -> Vec<String> {
    workshop
        .items()
        .filter_map(|item| match item {
            crate::model::Item::Slide(slide) => slide.image.clone(),
            _ => None,
        })
        .collect()
}

/// The position in `new` of the item at `pos` in `old`: the item with the
/// same section and item title (the nearest one if there are more), else the
/// same position as near as the new deck allows.
pub fn matching_position(old: &Workshop, new: &Workshop, pos: usize) -> usize {
    let new_refs = new.item_refs();
    let last = new_refs.len().saturating_sub(1);
    let key = |w: &Workshop, r| {
        let item = w.item(r)?;
        let section = w.sections.get(r.section)?;
        Some((section.title.clone(), item.title().to_owned()))
    };
    let Some(wanted) = old.item_refs().get(pos).and_then(|r| key(old, *r)) else {
        return pos.min(last);
    };
    new_refs
        .iter()
        .enumerate()
        .filter(|(_, r)| key(new, **r).as_ref() == Some(&wanted))
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(pos))
        .unwrap_or(pos.min(last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_workshop;

    const BASE: &str = r#"Workshop(title: "T", sections: [
        (title: "Een", minutes: 10, items: [Slide(title: "A"), Slide(title: "B")]),
        (title: "Twee", minutes: 10, items: [Slide(title: "C"), Slide(title: "D")]),
    ])"#;

    fn w(src: &str) -> Workshop {
        parse_workshop(src, "t.ron").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn same_titles_keep_the_item_when_others_move() {
        let old = w(BASE);
        let new = w(&BASE.replace(
            r#"items: [Slide(title: "C")"#,
            r#"items: [Slide(title: "Nieuw"), Slide(title: "C")"#,
        ));
        // D was at 3 and is now at 4.
        assert_eq!(matching_position(&old, &new, 3), 4);
        // A renamed item: the same position.
        let renamed = w(&BASE.replace(r#"title: "D""#, r#"title: "D2""#));
        assert_eq!(matching_position(&old, &renamed, 3), 3);
    }

    #[test]
    fn removed_items_fall_back_to_the_nearest_position() {
        let old = w(BASE);
        let new = w(
            r#"Workshop(title: "T", sections: [(title: "Een", minutes: 10, items: [Slide(title: "X")])])"#,
        );
        assert_eq!(matching_position(&old, &new, 3), 0);
    }

    #[test]
    fn a_title_in_another_section_is_not_the_same_item() {
        let old = w(BASE);
        let new = w(&BASE.replace(r#"(title: "Twee""#, r#"(title: "Drie""#));
        // C (Twee) is at 2; in the new file section "Twee" is gone: position kept.
        assert_eq!(matching_position(&old, &new, 2), 2);
        let moved = w(r#"Workshop(title: "T", sections: [
            (title: "Twee", minutes: 10, items: [Slide(title: "C")]),
            (title: "Een", minutes: 10, items: [Slide(title: "A"), Slide(title: "B")]),
        ])"#);
        assert_eq!(matching_position(&old, &moved, 2), 0);
        assert_eq!(matching_position(&old, &moved, 0), 1);
    }
}
