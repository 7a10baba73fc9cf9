//! Applying the commands the screens return: the only place where the app
//! opens files, shows dialogs, exports and changes windows.
//!
//! The hub hands each command to its area in turn; an area takes what is
//! its own and gives back the rest. Presenting, the room, documents (files,
//! exports, dialogs) and filling in each have their own file.

mod documents;
mod participant;
mod room;
mod show;

use egui::ViewportCommand;

use crate::ui::{Command, Now, theme};

use super::{KampvuurApp, Notice};

const ZOOM_STEP: f32 = 0.1;
const ZOOM_RANGE: (f32, f32) = (0.6, 2.5);

impl KampvuurApp {
    pub fn apply(&mut self, ctx: &egui::Context, command: Command, now: Now) {
        let Some(command) = self.apply_show(ctx, command, now) else {
            return;
        };
        let Some(command) = self.apply_documents(ctx, command, now) else {
            return;
        };
        let Some(command) = self.apply_room(ctx, command, now) else {
            return;
        };
        let Some(command) = self.apply_participant(command, now) else {
            return;
        };
        let Some(command) = self.apply_variants(ctx, command) else {
            return;
        };
        self.apply_window(ctx, command, now);
    }

    /// The window, the text size, the theme, messages and quitting.
    fn apply_window(&mut self, ctx: &egui::Context, command: Command, now: Now) {
        match command {
            Command::ToggleFullscreen => self.set_fullscreen(ctx, !self.show.fullscreen),
            Command::ZoomIn => self.set_zoom(self.settings.text_scale + ZOOM_STEP),
            Command::ZoomOut => self.set_zoom(self.settings.text_scale - ZOOM_STEP),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::SetDark(dark) => {
                self.settings.dark_theme = dark;
                theme::apply_theme(ctx, dark);
                self.save_settings();
            }
            Command::DismissReload => self.reload.status = None,
            Command::DismissMessage => self.notice = None,
            Command::ShowAbout => self.about = true,
            Command::CopyPath(path) => {
                ctx.copy_text(path.display().to_string());
                self.notice = Some(Notice::info(format!(
                    "Gekopieerd: {}. Plak het pad in je verkenner of bestandsbeheer.",
                    path.display()
                )));
            }
            Command::CloseLoadProblem => self.load_errors = None,
            Command::Quit => {
                self.flush_answers();
                self.finish_work(now);
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            other => {
                // Every command belongs to an area above; reaching this is a
                // slip in the routing, worth seeing in tests, harmless here.
                debug_assert!(false, "command without an area: {other:?}");
            }
        }
    }

    /// Full screen on or off. Besides asking the window manager, the window is
    /// also moved and sized to the monitor, so presenting fills the screen
    /// even where no window manager honours the request (kiosk set-ups, Xvfb).
    fn set_fullscreen(&mut self, ctx: &egui::Context, on: bool) {
        if self.show.fullscreen == on {
            return;
        }
        self.show.fullscreen = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        let (monitor, outer) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().outer_rect));
        if on {
            self.show.windowed = outer;
            if let Some(size) = monitor {
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
            }
        } else if let Some(rect) = self.show.windowed.take() {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(rect.size()));
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(rect.min));
        }
    }

    fn set_zoom(&mut self, scale: f32) {
        let scale = (scale.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1) * 10.0).round() / 10.0;
        self.settings.text_scale = scale;
        self.save_settings();
    }

    pub(super) fn save_settings(&mut self) {
        if let Some(path) = &self.paths.settings
            && let Err(e) = self.settings.save(path)
        {
            self.notice = Some(Notice {
                text: format!("De instellingen konden niet worden bewaard: {e}"),
                error: true,
                file: None,
            });
        }
    }
}
