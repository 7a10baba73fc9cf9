//! Applying the commands the screens return: the only place where the app
//! opens files, shows dialogs, exports and changes windows.

use std::path::PathBuf;

use egui::ViewportCommand;

use crate::content;
use crate::pdf::{self, DocKind, ExportRequest};
use crate::ui::file_browser::BrowsePurpose;
use crate::ui::{Command, LoadProblem, Now, Presenter, Stage, theme};

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
                    self.show.presenter.deck.go_to(0);
                }
                self.flush_answers();
                self.show.stage = self.initial_stage(console);
                self.screen = Screen::Present;
                self.set_fullscreen(ctx, true);
            }
            Command::ToggleConsole => {
                self.show.stage = match self.show.stage {
                    Stage::Slide => Stage::SideBySide,
                    Stage::SideBySide | Stage::TwoScreens { .. } => Stage::Slide,
                };
            }
            Command::SwapScreens => {
                if let Stage::TwoScreens { swapped } = self.show.stage {
                    self.show.stage = Stage::TwoScreens { swapped: !swapped };
                }
            }
            Command::SetStage(stage) => self.show.stage = stage,
            Command::ChooseProjector(index) => self.show.projector = index,
            Command::ShowTimes => self.show.times_open = true,
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
                    self.show.presenter.pause_session(now);
                    if let Some(Err(e)) = self.save_times(now) {
                        self.notice = Some(times_not_saved(&e));
                    }
                }
                self.screen = Screen::Start;
                self.set_fullscreen(ctx, false);
            }
            Command::ToggleFullscreen => self.set_fullscreen(ctx, !self.show.fullscreen),
            Command::OpenDialog => {
                let near = self.workshop_path.clone();
                self.ask_file(
                    ctx,
                    BrowsePurpose::OpenWorkshop,
                    near.as_deref(),
                    String::new(),
                );
            }
            Command::OpenPath(path) => self.open(path),
            Command::OpenBundled => match content::bundled_workshop() {
                Ok(w) => self.replace_workshop(w, None),
                Err(e) => self.show_load_problem(&e),
            },
            Command::NewWorkshop => self.new_workshop_dialog(ctx),
            Command::EditWorkshop => self.edit_workshop(),
            Command::DismissReload => self.reload.status = None,
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
            Command::Export(DocKind::Certificate) => self.export_certificate(ctx, now),
            Command::Export(kind) => self.export(kind, now),
            Command::ExportTeamCsv => self.export_team(None, true, now),
            Command::ExportRoomSession { id, csv } => self.export_team(Some(id), csv, now),
            Command::StartRoom => {
                if self.room.overlay != Some(Overlay::JoinCard) {
                    self.toggle_overlay(ctx, Overlay::JoinCard, now);
                }
            }
            Command::StopRoom => self.room.stop(),
            Command::StartNewRoom => {
                self.room.forget_session();
                if self.room.overlay != Some(Overlay::JoinCard) {
                    self.toggle_overlay(ctx, Overlay::JoinCard, now);
                }
            }
            Command::SetRoomPerAddress(n) => {
                if let Some(room) = self.room.handle() {
                    room.set_per_address(n);
                }
            }
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
                    self.open_with_system(&file);
                }
            }
            Command::OpenExportFolder => {
                let folder = (self.notice.as_ref())
                    .and_then(|n| n.file.as_deref()?.parent().map(PathBuf::from));
                if let Some(folder) = folder {
                    self.open_with_system(&folder);
                }
            }
            Command::SaveExportAs => {
                if let Some(source) = self.notice.as_ref().and_then(|n| n.file.clone()) {
                    let name = (source.file_name())
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let purpose = BrowsePurpose::SaveCopy {
                        source: source.clone(),
                    };
                    self.ask_file(ctx, purpose, Some(&source), name);
                }
            }
            Command::BrowseTo(folder) => self.browse_to(folder),
            Command::BrowseChoose(path) => self.browse_choose(path),
            Command::BrowseCancel => self.files.browser = None,
            Command::DismissMessage => self.notice = None,
            Command::CloseLoadProblem => self.load_errors = None,
            Command::CloseTimes => self.show.times_open = false,
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
            Err(e) => self.show_load_problem(&e),
        }
    }

    /// Say why a workshop did not open, and which one stays open.
    fn show_load_problem(&mut self, e: &content::LoadError) {
        self.load_errors = Some(LoadProblem::new(
            e.file(),
            &e.to_string(),
            &self.workshop.title,
            self.workshop_path.is_none(),
        ));
    }

    fn replace_workshop(&mut self, workshop: crate::model::Workshop, path: Option<PathBuf>) {
        self.flush_answers();
        // The room serves the workshop it started with: a new workshop, a new session.
        self.room = Default::default();
        self.show.presenter = Presenter::new(&workshop);
        self.participation.form.clear();
        self.participation.save = Default::default();
        self.workshop = workshop;
        self.workshop_path = path;
        self.screen = Screen::Start;
        self.load_errors = None;
    }

    /// Export a handout to the exports folder, under a name that is free
    /// there; the notice offers to open it or save it elsewhere.
    fn export(&mut self, kind: DocKind, now: Now) {
        let participant = self
            .participation
            .form
            .answers
            .as_ref()
            .map(|a| a.participant.as_str());
        let name = pdf::default_file_name(&self.workshop, kind, participant);
        match self.export_target(&name) {
            Ok(path) => self.export_to(kind, path, now),
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// A free path for `name` in the exports folder, which is made if needed.
    pub(super) fn export_target(&self, name: &str) -> Result<PathBuf, String> {
        let dir = (self.paths.exports.as_ref())
            .ok_or("Exporteren is niet gelukt: deze computer heeft geen map voor documenten.")?;
        content::ensure_dir(dir).map_err(|e| format!("Exporteren is niet gelukt. {e}"))?;
        Ok(content::free_path(dir, name))
    }

    /// Open a file or folder with the system's default program; when that
    /// cannot start, the notice says so and keeps the path in view.
    fn open_with_system(&mut self, path: &std::path::Path) {
        if let Err(e) = open_in_viewer(path) {
            self.notice = Some(Notice {
                text: format!(
                    "{} kan niet worden geopend ({e}); je vindt het hier: {}",
                    if path.is_dir() {
                        "De map"
                    } else {
                        "Het bestand"
                    },
                    path.display()
                ),
                error: true,
                file: None,
            });
        }
    }

    /// Export a handout to `path` and report the result in the notice bar.
    pub fn export_to(&mut self, kind: DocKind, path: PathBuf, now: Now) {
        let date = now.wall.format("%d-%m-%Y").to_string();
        self.export_named(kind, path, &[], date);
    }

    /// The bewijs van deelname: for the room's named participants when a
    /// room session runs, else for the names in a file the trainer picks.
    fn export_certificate(&mut self, ctx: &egui::Context, now: Now) {
        let mut names: Vec<String> = (self.room.handle().map(|r| r.respondents()))
            .unwrap_or_default()
            .into_iter()
            .map(|(_, a)| a.participant.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        if names.is_empty() {
            let near = self.workshop_path.clone();
            self.ask_file(ctx, BrowsePurpose::Names, near.as_deref(), String::new());
        } else {
            self.certificate_for(&names, now.wall.format("%d-%m-%Y").to_string());
        }
    }

    /// Export the bewijs van deelname for `names` to the exports folder.
    pub(super) fn certificate_for(&mut self, names: &[String], date: String) {
        let name = pdf::default_file_name(&self.workshop, DocKind::Certificate, None);
        match self.export_target(&name) {
            Ok(path) => self.export_named(DocKind::Certificate, path, names, date),
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// [`Self::export_to`] with the names for a bewijs van deelname.
    fn export_named(&mut self, kind: DocKind, path: PathBuf, names: &[String], date: String) {
        let request = ExportRequest {
            kind,
            start: None,
            answers: self.participation.form.answers.as_ref(),
            team: None,
            school: None,
            trainer: None,
            date: Some(date),
            names,
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

/// Open a file or folder in the system's default program, without waiting.
fn open_in_viewer(path: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_child| ())
        .map_err(|e| content::dutch_io(&e))
}
