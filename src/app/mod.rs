//! The eframe app: holds the state, draws the screens from [`crate::ui`] and
//! applies the commands they return with [`crate::content`] and [`crate::pdf`].

mod authoring;
mod certificate;
mod commands;
mod documents;
mod files;
mod fonts;
mod icon;
mod opener;
mod participant;
mod present;
mod reload;
mod room;
mod room_export;
mod saving;
mod variants;
mod worker;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::content::{self, AnswerStore, LoadError, RoomStore, Settings};
use crate::model::{SessionListing, Workshop};
use crate::ui::{self, Command, LoadProblem, MenuBar, Now, SessionsWindow, StartScreen};

pub use crate::ui::Notice;

pub use participant::Participation;
pub use present::{Monitor, Presentation};
pub use reload::{ReloadStatus, matching_position};
pub use room::{Overlay, RoomState};
pub use saving::SaveState;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Present,
    Participant,
}

/// Where the app keeps its files; `None` parts are simply not persisted.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    pub answers: Option<AnswerStore>,
    pub settings: Option<PathBuf>,
    /// Folder for planned-versus-actual records of presented afternoons.
    pub sessions: Option<PathBuf>,
    /// Sessions of the room (teachers' answers from their own devices).
    pub room: Option<RoomStore>,
    /// The address the room listens on; `None`: the first network address
    /// of the laptop (tests use loopback).
    pub room_bind: Option<std::net::IpAddr>,
    /// Where exports go without asking (`Documenten/kampvuur`).
    pub exports: Option<PathBuf>,
    /// Use the system's file dialogs (off: kampvuur's own, as in tests).
    pub native_dialogs: bool,
}

impl Paths {
    /// The OS data and config directories.
    pub fn system() -> Self {
        Self {
            answers: AnswerStore::default_location(),
            settings: content::settings_path(),
            sessions: content::sessions_dir(),
            room: RoomStore::default_location(),
            room_bind: None,
            exports: content::export_dir(),
            native_dialogs: true,
        }
    }
}

pub struct KampvuurApp {
    pub workshop: Workshop,
    /// The file the workshop came from; `None` for the bundled workshop.
    pub workshop_path: Option<PathBuf>,
    pub screen: Screen,
    /// Presenting: the deck, the console, the screens and the ink.
    pub show: Presentation,
    /// Filling in checklists on this laptop: the form and its saving.
    pub participation: Participation,
    start: StartScreen,
    menu: MenuBar,
    pub settings: Settings,
    paths: Paths,
    /// Why the last workshop file could not be opened.
    pub load_errors: Option<LoadProblem>,
    pub notice: Option<Notice>,
    /// Live reload of the open workshop file.
    pub reload: reload::Reload,
    /// The room: teachers joining over the school network.
    pub room: RoomState,
    /// The file dialog that is open, if any.
    pub files: files::Dialogs,
    sessions_window: SessionsWindow,
    /// The stored sessions of the room, read when the window opens.
    room_sessions: Vec<SessionListing>,
    wall_start: chrono::NaiveDateTime,
    /// The window title last sent (the open file's name).
    title: String,
    /// Exports, opening and saving copies, running on workers.
    pub(crate) work: worker::Work,
    /// Starts viewers, the file manager and the text editor.
    opener: opener::Opener,
    /// The bewijs van deelname dialog, when open.
    pub certificate: Option<ui::certificate::CertificateDialog>,
    /// Trainer and school of the last bewijs van deelname (this run).
    certificate_details: ui::certificate::CertificateDetails,
    /// The details waiting for the names file to be chosen.
    pending_certificate: Option<ui::certificate::CertificateDetails>,
    /// Help › Over kampvuur is open.
    pub about: bool,
    /// System fonts for names in other scripts, found when needed.
    pub fonts: fonts::ScriptFonts,
    /// The original workshop and the variant in use (see `variants.rs`).
    pub variants: variants::Variants,
}

impl KampvuurApp {
    /// A new app on `workshop`; `wall_start` is the wall-clock time at egui time 0.
    pub fn new(
        workshop: Workshop,
        workshop_path: Option<PathBuf>,
        paths: Paths,
        wall_start: chrono::NaiveDateTime,
    ) -> Self {
        let settings = paths
            .settings
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        Self {
            show: Presentation::new(&workshop),
            variants: variants::Variants::new(&workshop),
            workshop,
            workshop_path,
            screen: Screen::Start,
            participation: Participation::default(),
            start: StartScreen,
            menu: MenuBar::default(),
            settings,
            paths,
            load_errors: None,
            notice: None,
            reload: Default::default(),
            room: RoomState::default(),
            files: files::Dialogs::default(),
            sessions_window: SessionsWindow::default(),
            room_sessions: Vec::new(),
            wall_start,
            title: String::new(),
            about: false,
            work: worker::Work::default(),
            opener: opener::Opener::default(),
            certificate: None,
            certificate_details: Default::default(),
            pending_certificate: None,
            fonts: Default::default(),
        }
    }

    /// The app on the given file, or on the bundled workshop. A file that does
    /// not load leaves the bundled workshop open and shows the errors.
    pub fn open_or_bundled(file: Option<PathBuf>, paths: Paths) -> Result<Self, LoadError> {
        let wall = chrono::Local::now().naive_local();
        let bundled = content::bundled_workshop()?;
        let mut app = Self::new(bundled, None, paths, wall);
        if let Some(path) = file {
            app.open(path);
        }
        Ok(app)
    }

    /// Where the app keeps its files (tests point them at temp folders).
    pub fn paths_mut(&mut self) -> &mut Paths {
        &mut self.paths
    }

    pub fn now(&self, ui: &Ui) -> Now {
        let t = ui.input(|i| i.time);
        let wall = self.wall_start + chrono::Duration::milliseconds((t * 1000.0) as i64);
        Now { t, wall }
    }

    /// Draw one frame and apply what the screens asked for.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let scale = self.settings.text_scale;
        if (ctx.zoom_factor() - scale).abs() > f32::EPSILON {
            ctx.set_zoom_factor(scale);
        }
        ui::theme::keep_font_atlas_small(&ctx);
        self.update_title(&ctx);
        let now = self.now(ui);
        self.room_tick(&ctx, now);
        self.poll_dialogs(&ctx);
        self.poll_work(&ctx, now);
        if let Some(notice) = self.opener.poll() {
            self.notice = Some(notice);
        }
        let mut commands = self.live_reload(ui, now);
        commands.extend(self.global_keys(ui));
        match self.screen {
            Screen::Present => {
                commands.extend(self.present_frame(ui, now));
            }
            Screen::Start | Screen::Participant => {
                let can_reflect = self.participation.form.answers.is_some();
                let recent = self.settings.last_workshop.clone();
                if self.screen == Screen::Participant {
                    // Kiosk: only the person's own screens are reachable.
                    commands.extend(ui::kiosk_bar(ui, can_reflect));
                    if self.participation.asking_stop {
                        let dialog = &mut self.participation.code_dialog;
                        commands.extend(ui::kiosk::stop_question(ui, dialog));
                    }
                    self.participation.show_gate();
                } else {
                    commands.extend(self.menu.ui(
                        ui,
                        self.settings.dark_theme,
                        can_reflect,
                        recent.as_deref(),
                    ));
                }
                if let Some(notice) = &self.notice {
                    let kiosk = self.screen == Screen::Participant;
                    commands.extend(ui::notices::bar(ui, notice, kiosk));
                }
                // The room cannot store answers: the trainer sees it here too.
                if let (Screen::Start, Some(why)) = (self.screen, self.room.storage_error()) {
                    egui::Panel::top("zaal-bewaart-niet").show(ui, |ui| {
                        ui::room_panel::storage_banner(ui, why);
                    });
                }
                if self.screen == Screen::Start {
                    let deck = &self.show.presenter.deck;
                    let resume = deck.current().filter(|_| deck.position() > 0);
                    let variant = self.variants.active.as_ref().map(|v| v.name.as_str());
                    commands.extend(self.start.ui(ui, &self.workshop, resume, variant));
                    if self.participation.asking_code {
                        let dialog = &mut self.participation.code_dialog;
                        commands.extend(ui::kiosk::start_question(ui, dialog));
                    }
                } else {
                    let status = self.participation.save.status();
                    commands.extend(self.participation.form.ui(ui, &self.workshop, &status));
                }
                if let Some(console) = self.show.ask_clean_start {
                    commands.extend(ui::notices::clean_start(ui, console));
                }
                if let Some(problem) = &self.load_errors {
                    commands.extend(ui::notices::load_problem(ui, problem));
                }
                let running = self.room.status.as_ref().map(|s| s.session.clone());
                commands.extend(self.sessions_window.ui(
                    ui,
                    &self.room_sessions,
                    running.as_deref(),
                ));
            }
        }
        commands.extend(self.programme_ui(ui));
        if let Some(dialog) = &mut self.certificate {
            commands.extend(dialog.ui(ui));
        }
        if let Some(browser) = &mut self.files.browser {
            commands.extend(browser.ui(ui));
        }
        if self.about {
            // The folders this app really uses (tests give it their own).
            let info = ui::about::AboutInfo {
                answers: self.paths.answers.as_ref().map(|s| s.root()),
                room: self.paths.room.as_ref().map(|s| s.root()),
                export_dir: self.paths.exports.as_deref(),
                workshop: self.workshop_path.as_deref(),
            };
            ui::about::show(&ctx, &mut self.about, info);
        }
        if self.show.times_open {
            let record = self.session_record(now);
            commands.extend(ui::times::window(ui, record.as_ref()));
        }
        for command in commands {
            self.apply(&ctx, command, now);
        }
        self.fonts_for_names(&ctx);
        self.autosave(&ctx, now);
    }

    /// The window title names the open file (or the bundled workshop).
    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.workshop_path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => self.workshop.title.clone(),
        };
        let title = format!("{name} – kampvuur");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        &self.title
    }

    fn global_keys(&mut self, ui: &Ui) -> Vec<Command> {
        let mut out = Vec::new();
        // A text field that has the keys keeps F5 and F11 too.
        let typing = ui.ctx().memory(|m| m.focused()).is_some();
        // Participant mode has no shortcuts to the trainer's side.
        let kiosk = self.screen == Screen::Participant;
        ui.input_mut(|i| {
            let shortcuts = [
                (Modifiers::COMMAND, Key::Plus, Command::ZoomIn),
                (Modifiers::COMMAND, Key::Equals, Command::ZoomIn),
                (Modifiers::COMMAND, Key::Minus, Command::ZoomOut),
                (Modifiers::COMMAND, Key::Num0, Command::ZoomReset),
                (Modifiers::COMMAND, Key::O, Command::OpenDialog),
            ];
            for (mods, key, command) in shortcuts {
                if kiosk && command == Command::OpenDialog {
                    continue;
                }
                if i.consume_shortcut(&KeyboardShortcut::new(mods, key)) {
                    out.push(command);
                }
            }
            if self.screen == Screen::Start && !typing && self.variants.panel.is_none() {
                let keys = [
                    (Modifiers::SHIFT, Key::F5, false, false),
                    (Modifiers::ALT, Key::F5, false, true),
                    (Modifiers::NONE, Key::F5, true, false),
                    (Modifiers::NONE, Key::F11, false, false),
                ];
                for (mods, key, from_start, console) in keys {
                    if i.consume_key(mods, key) {
                        out.push(Command::Present {
                            from_start,
                            console,
                        });
                    }
                }
            }
        });
        out
    }
}

impl eframe::App for KampvuurApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if let Some(window) = frame.winit_window() {
            // Cheap enough, and it notices a projector being (un)plugged.
            let monitors = window
                .available_monitors()
                .map(|m| {
                    let scale = m.scale_factor() as f32;
                    let (pos, size) = (m.position(), m.size());
                    Monitor {
                        name: m.name().unwrap_or_default(),
                        origin: egui::pos2(pos.x as f32, pos.y as f32) / scale,
                        size: egui::vec2(size.width as f32, size.height as f32) / scale,
                    }
                })
                .collect();
            self.set_monitors(monitors);
        }
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_answers();
        self.room.stop();
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("de meegeleverde workshop is beschadigd:\n{0}")]
    Bundled(#[from] LoadError),
    #[error("het venster kon niet worden geopend: {0}")]
    Window(String),
}

/// Start the app, on `file` or on the bundled workshop; the room listens on
/// `bind` when given.
pub fn run(file: Option<PathBuf>, bind: Option<std::net::IpAddr>) -> Result<(), AppError> {
    let paths = Paths {
        room_bind: bind,
        ..Paths::system()
    };
    let app = KampvuurApp::open_or_bundled(file, paths)?;
    let dark = app.settings.dark_theme;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("kampvuur")
        .with_app_id("kampvuur")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "kampvuur",
        options,
        Box::new(move |cc| {
            ui::theme::install(&cc.egui_ctx, dark);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}
