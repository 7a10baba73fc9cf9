//! Presenting on one or two screens: the stage, the audience window on the
//! projector, and falling back to one screen when that window goes away.

use egui::{Rect, Ui, ViewportBuilder, ViewportClass, ViewportId};

use crate::content;
use crate::model::{self, Workshop};
use crate::ui::console::Screens;
use crate::ui::{Command, Console, Now, Presenter, Stage};

use super::{KampvuurApp, Notice, room};

/// A monitor as the window system reports it, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Monitor {
    pub name: String,
    pub origin: egui::Pos2,
    pub size: egui::Vec2,
}

/// Everything about presenting: the deck and its clock, the console, how
/// the screens are used, and the monitors the window system reports.
pub struct Presentation {
    pub presenter: Presenter,
    pub console: Console,
    /// How the presentation uses the screens.
    pub stage: Stage,
    pub(super) monitors: Vec<Monitor>,
    pub(super) monitor_names: Vec<String>,
    /// Index of the monitor for the audience window.
    pub(super) projector: usize,
    /// The planned-versus-actual window is open.
    pub times_open: bool,
    pub(super) fullscreen: bool,
    /// The window's place and size before going full screen.
    pub(super) windowed: Option<egui::Rect>,
    /// "Oefenen was bezig…" is being asked; presenting with the console or not.
    pub ask_clean_start: Option<bool>,
    /// Where the times of this session were saved, if they were.
    pub(super) times_file: Option<std::path::PathBuf>,
}

impl Presentation {
    pub fn new(workshop: &Workshop) -> Self {
        Self {
            presenter: Presenter::new(workshop),
            console: Console::default(),
            stage: Stage::Slide,
            monitors: Vec::new(),
            monitor_names: Vec::new(),
            projector: 0,
            times_open: false,
            fullscreen: false,
            windowed: None,
            ask_clean_start: None,
            times_file: None,
        }
    }
}

fn audience_id() -> ViewportId {
    ViewportId::from_hash_of("kampvuur-publiek")
}

impl KampvuurApp {
    /// The stage to start presenting on: two screens when a second monitor is
    /// there, otherwise the console beside the slide or only the slide.
    pub(super) fn initial_stage(&self, console: bool) -> Stage {
        if self.show.monitors.len() > 1 {
            Stage::TwoScreens { swapped: false }
        } else if console {
            Stage::SideBySide
        } else {
            Stage::Slide
        }
    }

    fn screens(&self) -> Screens {
        Screens {
            stage: self.show.stage,
            monitors: self.show.monitor_names.clone(),
            projector: self.show.projector,
            compact: self.show.stage == Stage::SideBySide,
        }
    }

    /// One frame of presenting. Keys from every window are handled.
    pub(super) fn present_frame(&mut self, ui: &mut Ui, now: Now) -> Vec<Command> {
        if self.room.overlay.is_some()
            && self.show.presenter.keys_free(ui)
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            // Esc first closes the join card or the team picture.
            self.room.overlay = None;
        }
        // An open file dialog or "Programma aanpassen" keeps the keys from the slides.
        let mut out = if self.files.browser.is_none() && self.variants.panel.is_none() {
            self.show.presenter.handle_keys(ui, &self.workshop, now)
        } else {
            Vec::new()
        };
        self.show.presenter.tick(&self.workshop, now);
        // The notice goes with the console, as a bar under it: never on the
        // projector, and never over the agenda.
        if matches!(
            self.show.stage,
            Stage::SideBySide | Stage::TwoScreens { swapped: false }
        ) {
            out.extend(self.notice_bar(ui));
        }
        let bg = ui.visuals().panel_fill;
        match self.show.stage {
            Stage::Slide => self.audience_panel(ui, now),
            Stage::SideBySide => {
                let width = ui.max_rect().width() * 0.4;
                egui::Panel::left("console")
                    .exact_size(width)
                    .resizable(false)
                    .show(ui, |ui| {
                        let screens = self.screens();
                        let room = room::view(&self.room);
                        let cmds = self.show.console.ui(
                            ui,
                            &mut self.show.presenter,
                            &self.workshop,
                            now,
                            &screens,
                            &room,
                        );
                        out.extend(cmds);
                    });
                egui::CentralPanel::default()
                    .frame(egui::Frame::new().fill(bg))
                    .show(ui, |ui| {
                        let area = ui.max_rect();
                        // The slide keeps the projector's 16:9 shape.
                        let h = area.height().min(area.width() * 9.0 / 16.0);
                        let rect =
                            Rect::from_center_size(area.center(), egui::vec2(h * 16.0 / 9.0, h));
                        ui.painter().rect_stroke(
                            rect,
                            0.0,
                            egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
                            egui::StrokeKind::Outside,
                        );
                        self.draw_audience(ui, rect, now);
                    });
            }
            Stage::TwoScreens { swapped } => out.extend(self.two_screens(ui, now, swapped)),
        }
        self.show.presenter.end_frame(ui);
        out
    }

    /// The notice, if any, as a bar at the bottom of the console's window.
    fn notice_bar(&self, ui: &mut Ui) -> Vec<Command> {
        match &self.notice {
            Some(notice) => crate::ui::notices::bar(ui, notice, false),
            None => Vec::new(),
        }
    }

    fn console_panel(&mut self, ui: &mut Ui, now: Now) -> Vec<Command> {
        let screens = self.screens();
        let mut out = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            let room = room::view(&self.room);
            out = self.show.console.ui(
                ui,
                &mut self.show.presenter,
                &self.workshop,
                now,
                &screens,
                &room,
            );
        });
        out
    }

    fn audience_panel(&mut self, ui: &mut Ui, now: Now) {
        let bg = ui.visuals().panel_fill;
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(bg))
            .show(ui, |ui| {
                let rect = ui.max_rect();
                self.draw_audience(ui, rect, now);
            });
    }

    fn two_screens(&mut self, ui: &mut Ui, now: Now, swapped: bool) -> Vec<Command> {
        let mut out = if swapped {
            self.audience_panel(ui, now);
            Vec::new()
        } else {
            self.console_panel(ui, now)
        };
        let mut builder = ViewportBuilder::default()
            .with_title(if swapped {
                "kampvuur – console"
            } else {
                "kampvuur – publiek"
            })
            .with_fullscreen(true);
        if let Some(m) = self.show.monitors.get(self.show.projector) {
            builder = builder.with_position(m.origin).with_inner_size(m.size);
        }
        let mut closed = false;
        let ctx = ui.ctx().clone();
        ctx.show_viewport_immediate(audience_id(), builder, |ui, class| {
            if class != ViewportClass::EmbeddedWindow && self.files.browser.is_none() {
                // A real second window: its keys count as much as the main window's.
                out.extend(self.show.presenter.handle_keys(ui, &self.workshop, now));
                closed = ui.input(|i| i.viewport().close_requested());
            }
            if swapped {
                out.extend(self.notice_bar(ui));
                out.extend(self.console_panel(ui, now));
            } else {
                self.audience_panel(ui, now);
            }
            if class != ViewportClass::EmbeddedWindow {
                self.show.presenter.end_frame(ui);
            }
        });
        if closed {
            self.fall_back_to_one_screen("Het tweede venster is gesloten");
        }
        out
    }

    /// Keep presenting, on one screen, where we were.
    pub(super) fn fall_back_to_one_screen(&mut self, why: &str) {
        if matches!(self.show.stage, Stage::TwoScreens { .. }) {
            self.show.stage = Stage::SideBySide;
            self.notice = Some(Notice {
                text: format!(
                    "{why}; je presenteert verder op één scherm (console en dia naast elkaar)."
                ),
                error: false,
                file: None,
            });
        }
    }

    /// The monitors changed (e.g. the projector was unplugged).
    pub fn set_monitors(&mut self, monitors: Vec<Monitor>) {
        if monitors == self.show.monitors {
            return;
        }
        self.show.monitor_names = monitors
            .iter()
            .enumerate()
            .map(|(i, m)| {
                format!(
                    "{} ({}×{})",
                    if m.name.is_empty() {
                        format!("Scherm {}", i + 1)
                    } else {
                        m.name.clone()
                    },
                    m.size.x,
                    m.size.y
                )
            })
            .collect();
        if monitors.len() < 2 {
            self.fall_back_to_one_screen("Er is nog maar één scherm");
        }
        // By default the audience goes on the last monitor that is not the first.
        self.show.projector = self.show.projector.min(monitors.len().saturating_sub(1));
        if self.show.projector == 0 && monitors.len() > 1 {
            self.show.projector = monitors.len() - 1;
        }
        self.show.monitors = monitors;
    }

    /// Save planned versus actual times, if there is a session and a folder.
    /// This afternoon's planned and actual times, with the variant presented.
    pub(super) fn session_record(&self, now: Now) -> Option<model::SessionRecord> {
        let session = self.show.presenter.session.as_ref()?;
        let mut record = session.record(&self.workshop, now.wall);
        record.variant = self.variants.active.as_ref().map(|v| v.name.clone());
        Some(record)
    }

    pub(super) fn save_times(
        &mut self,
        now: Now,
    ) -> Option<Result<std::path::PathBuf, content::StoreError>> {
        let record = self.session_record(now)?;
        let dir = self.paths.sessions.as_ref()?;
        let saved = content::save_session(dir, &record);
        if let Ok(path) = &saved {
            if self.show.times_file.as_ref().is_some_and(|old| old != path) {
                // The start time was changed: one afternoon, one record.
                self.forget_times();
            }
            self.show.times_file = Some(path.clone());
        }
        Some(saved)
    }

    /// Remove the saved times of the session (a rehearsal), if any.
    pub(super) fn forget_times(&mut self) {
        if let Some(path) = self.show.times_file.take()
            && let Err(e) = content::forget_session(&path)
        {
            self.notice = Some(Notice::error(format!(
                "De tijden van het oefenen konden niet worden weggehaald: {e}"
            )));
        }
    }
}
