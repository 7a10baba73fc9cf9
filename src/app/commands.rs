//! Applying the commands the screens return: the only place where the app
//! opens files, shows dialogs, exports and changes windows.

use std::path::PathBuf;

use egui::ViewportCommand;

use crate::content;
use crate::pdf::{self, DocKind, ExportRequest};
use crate::ui::{Command, Now, Presenter, Stage, theme};

use super::{KampvuurApp, Notice, Overlay, Screen};

const ZOOM_STEP: f32 = 0.1;
const ZOOM_RANGE: (f32, f32) = (0.6, 2.5);

impl KampvuurApp {
    pub fn apply(&mut self, ctx: &egui::Context, command: Command, now: Now) {
        match command {
            Command::Present {
                from_start,
                console,
            } => {
                if from_start {
                    self.presenter.deck.go_to(0);
                }
                self.flush_answers();
                self.stage = self.initial_stage(console);
                self.screen = Screen::Present;
                self.set_fullscreen(ctx, true);
            }
            Command::ToggleConsole => {
                self.stage = match self.stage {
                    Stage::Slide => Stage::SideBySide,
                    Stage::SideBySide | Stage::TwoScreens { .. } => Stage::Slide,
                };
            }
            Command::SwapScreens => {
                if let Stage::TwoScreens { swapped } = self.stage {
                    self.stage = Stage::TwoScreens { swapped: !swapped };
                }
            }
            Command::SetStage(stage) => self.stage = stage,
            Command::ChooseProjector(index) => self.projector = index,
            Command::ShowTimes => self.times_open = true,
            Command::SaveTimes => {
                self.notice = self.save_times(now).map(|saved| match saved {
                    Ok(path) => Notice {
                        text: format!("Tijden bewaard in {}", path.display()),
                        error: false,
                        file: None,
                    },
                    Err(e) => times_not_saved(&e),
                });
            }
            Command::Participate => self.open_participant(),
            Command::ToStart => {
                self.close_participant();
                if self.screen == Screen::Present {
                    self.presenter.pause_session(now);
                    if let Some(Err(e)) = self.save_times(now) {
                        self.notice = Some(times_not_saved(&e));
                    }
                }
                self.screen = Screen::Start;
                self.set_fullscreen(ctx, false);
            }
            Command::ToggleFullscreen => self.set_fullscreen(ctx, !self.fullscreen),
            Command::OpenDialog => {
                let dialog = rfd::FileDialog::new()
                    .set_title("Workshop openen")
                    .add_filter("Workshop (RON)", &["ron"]);
                if let Some(path) = dialog.pick_file() {
                    self.open(path);
                }
            }
            Command::OpenPath(path) => self.open(path),
            Command::OpenBundled => match content::bundled_workshop() {
                Ok(w) => self.replace_workshop(w, None),
                Err(e) => self.load_errors = Some(e.to_string()),
            },
            Command::ZoomIn => self.set_zoom(self.settings.text_scale + ZOOM_STEP),
            Command::ZoomOut => self.set_zoom(self.settings.text_scale - ZOOM_STEP),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::SetDark(dark) => {
                self.settings.dark_theme = dark;
                theme::apply_theme(ctx, dark);
                self.save_settings();
            }
            Command::StartParticipant { name, code } => self.start_participant(&name, &code, now),
            Command::ResumeParticipant { name, code } => self.resume_participant(&name, &code, now),
            Command::StartAnonymous => self.start_anonymous(),
            Command::ParticipantDone => self.participant_done(),
            Command::AnswersChanged => self.mark_dirty(now),
            Command::Export(DocKind::Team) => self.export_team(None, false, now),
            Command::Export(kind) => self.export(kind, now),
            Command::ExportTeamCsv => self.export_team(None, true, now),
            Command::ExportRoomSession { id, csv } => self.export_team(Some(id), csv, now),
            Command::StartRoom => {
                if self.room.overlay != Some(Overlay::JoinCard) {
                    self.toggle_overlay(ctx, Overlay::JoinCard, now);
                }
            }
            Command::StopRoom => self.room.stop(),
            Command::ToggleJoinCard => self.toggle_overlay(ctx, Overlay::JoinCard, now),
            Command::ToggleTeam => {
                self.refresh_team(now);
                self.toggle_overlay(ctx, Overlay::Team, now);
            }
            Command::SetRoomOpen(id, open) => {
                if let Some(room) = self.room.handle() {
                    room.set_open(&id, open);
                }
                self.refresh_team(now);
            }
            Command::SetMinAnswers(n) => {
                if let Some(room) = self.room.handle() {
                    room.set_min_answers(n);
                }
                self.refresh_team(now);
            }
            Command::ApproveShared(key, show) => {
                if let Some(room) = self.room.handle() {
                    room.approve(&key, show);
                }
                self.refresh_team(now);
            }
            Command::ChooseRoomAddress(ip) => self.move_room(ctx, ip, now),
            Command::CheckReach => {
                if let Some(room) = self.room.handle() {
                    room.check_reach();
                }
            }
            Command::ShowRoomSessions => {
                self.reload_room_sessions();
                self.sessions_window.open = true;
            }
            Command::DeleteRoomSession(id) => self.delete_room_session(&id),
            Command::OpenExported => {
                if let Some(file) = self.notice.as_ref().and_then(|n| n.file.clone()) {
                    open_in_viewer(&file);
                }
            }
            Command::DismissMessage => self.notice = None,
            Command::Quit => {
                self.flush_answers();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Full screen on or off. Besides asking the window manager, the window is
    /// also moved and sized to the monitor, so presenting fills the screen
    /// even where no window manager honours the request (kiosk set-ups, Xvfb).
    fn set_fullscreen(&mut self, ctx: &egui::Context, on: bool) {
        if self.fullscreen == on {
            return;
        }
        self.fullscreen = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        let (monitor, outer) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().outer_rect));
        if on {
            self.windowed = outer;
            if let Some(size) = monitor {
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
            }
        } else if let Some(rect) = self.windowed.take() {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(rect.size()));
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(rect.min));
        }
    }

    fn set_zoom(&mut self, scale: f32) {
        let scale = (scale.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1) * 10.0).round() / 10.0;
        self.settings.text_scale = scale;
        self.save_settings();
    }

    fn save_settings(&mut self) {
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

    /// Open a workshop file; on errors the current workshop stays open.
    pub fn open(&mut self, path: PathBuf) {
        match content::load_workshop(&path) {
            Ok(w) => {
                self.replace_workshop(w, Some(path.clone()));
                self.settings.last_workshop = Some(path);
                self.save_settings();
            }
            Err(e) => self.load_errors = Some(e.to_string()),
        }
    }

    fn replace_workshop(&mut self, workshop: crate::model::Workshop, path: Option<PathBuf>) {
        self.flush_answers();
        // The room serves the workshop it started with: a new workshop, a new session.
        self.room = Default::default();
        self.presenter = Presenter::new(&workshop);
        self.participant.clear();
        self.save = Default::default();
        self.workshop = workshop;
        self.workshop_path = path;
        self.screen = Screen::Start;
        self.load_errors = None;
    }

    fn export(&mut self, kind: DocKind, now: Now) {
        let participant = self
            .participant
            .answers
            .as_ref()
            .map(|a| a.participant.as_str());
        let name = pdf::default_file_name(&self.workshop, kind, participant);
        let Some(path) = rfd::FileDialog::new()
            .set_title("Hand-out bewaren als PDF")
            .set_file_name(&name)
            .add_filter("PDF", &["pdf"])
            .save_file()
        else {
            return;
        };
        self.export_to(kind, path, now);
    }

    /// Export a handout to `path` and report the result in the notice bar.
    pub fn export_to(&mut self, kind: DocKind, path: PathBuf, now: Now) {
        let request = ExportRequest {
            kind,
            start: None,
            answers: self.participant.answers.as_ref(),
            team: None,
            school: None,
            trainer: None,
            date: Some(now.wall.format("%d-%m-%Y").to_string()),
        };
        let result = pdf::render(&self.workshop, &request)
            .map_err(|e| e.to_string())
            .and_then(|r| {
                content::save_handout(&path, &r.bytes)
                    .map(|()| r.pages)
                    .map_err(|e| e.to_string())
            });
        self.notice = Some(match result {
            Ok(pages) => Notice {
                text: format!("Bewaard: {} ({pages} pagina’s)", path.display()),
                error: false,
                file: Some(path),
            },
            Err(e) => Notice {
                text: format!("Exporteren is niet gelukt: {e}"),
                error: true,
                file: None,
            },
        });
    }
}

fn times_not_saved(e: &content::StoreError) -> Notice {
    Notice {
        text: format!("De tijden van deze middag konden niet worden bewaard: {e}"),
        error: true,
        file: None,
    }
}

/// Open a file in the system's default viewer, without waiting for it.
fn open_in_viewer(path: &std::path::Path) {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    // A missing viewer is not worth an error: the path is in the notice.
    let _ = std::process::Command::new(program).arg(path).spawn();
}
