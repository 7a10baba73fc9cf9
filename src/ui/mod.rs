//! The egui screens. Each screen is a struct with a `ui` method that draws it
//! and returns [`Command`]s; the app applies them after drawing. No file I/O here.

pub mod about;
mod agenda;
pub mod certificate;
pub mod choice;
pub mod console;
mod console_timer;
pub mod countdown;
pub mod deck;
pub mod file_browser;
pub mod ink;
mod item_clock;
mod item_view;
pub mod join;
pub mod keyhelp;
pub mod kiosk;
mod menu;
pub mod notices;
mod overview;
mod participant;
pub mod participant_name;
mod present;
pub mod programme;
pub mod rich;
pub mod room_panel;
mod scale;
mod sessions;
pub mod slide_view;
mod start;
pub mod team;
pub mod theme;
pub mod times;

pub use console::Console;
pub use menu::{MenuBar, kiosk_bar};
pub use notices::{LoadProblem, Notice};
pub use participant::{ParticipantScreen, take_unshown_name};
pub use present::Presenter;
pub use sessions::SessionsWindow;
pub use start::StartScreen;

use crate::model::DocKind;

/// The time as the screens see it: egui's seconds since start, and the wall clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub t: f64,
    pub wall: chrono::NaiveDateTime,
}

/// How the presentation uses the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Only the slide, full screen (a mirrored projector or F5 on one screen).
    Slide,
    /// Console and slide side by side in one window (one screen, rehearsal).
    SideBySide,
    /// The console in the main window, the slide in a second, full-screen
    /// window on the projector; `swapped` exchanges the two.
    TwoScreens { swapped: bool },
}

/// Something a screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start presenting; from the first item or from where the trainer was,
    /// with the presenter console (or only the slide, on a single screen).
    Present {
        from_start: bool,
        console: bool,
    },
    /// The answer to "Oefenen was bezig: opnieuw beginnen met een schone
    /// klok?": present from the start, with a clean clock or the old one;
    /// `None` closes the question without presenting.
    StartFromTheTop {
        clean: Option<bool>,
        console: bool,
    },
    /// Go to participant mode: an empty name screen (the answers on screen
    /// are saved and forgotten).
    Participate,
    /// Back to the start screen.
    ToStart,
    ToggleFullscreen,
    /// Show or hide the presenter console next to the slide (one screen).
    ToggleConsole,
    /// Swap what the two screens show (console and audience).
    SwapScreens,
    /// Present on one screen, side by side, or on two screens.
    SetStage(Stage),
    /// Put the audience window on this monitor.
    ChooseProjector(usize),
    /// Show planned versus actual times of the afternoon.
    ShowTimes,
    /// Save planned versus actual times now.
    SaveTimes,
    /// Show the file dialog to open a workshop.
    OpenDialog,
    /// Open this workshop file.
    OpenPath(std::path::PathBuf),
    /// Go back to the workshop that ships with kampvuur.
    OpenBundled,
    /// Write a new starter workshop (asks for a file name) and open it.
    NewWorkshop,
    /// Open the workshop file in the system's text editor.
    EditWorkshop,
    /// Close the live-reload message.
    DismissReload,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetDark(bool),
    /// Start filling in as `name`, guarded by `code` (or go on with the
    /// answers this name and code already have).
    StartParticipant {
        name: String,
        code: crate::model::AccessCode,
    },
    /// Go on with the answers saved under this name and code.
    ResumeParticipant {
        name: String,
        code: crate::model::AccessCode,
    },
    /// Fill in anonymously: a new answer set of its own.
    StartAnonymous,
    /// Done filling in: save, forget the answers on screen, back to the
    /// empty name screen for the next person.
    ParticipantDone,
    /// "Stoppen met invullen" (the trainer): `None` asks, `Some(true)`
    /// leaves participant mode, `Some(false)` stays.
    StopParticipating(Option<bool>),
    /// Participant mode starts, with the trainer's code for leaving it.
    BeginParticipating(crate::model::AccessCode),
    /// The trainer did not start participant mode after all.
    CancelParticipating,
    /// "Stoppen met invullen" with the code typed: leaves participant mode
    /// only when it is the trainer's.
    StopWithCode(crate::model::AccessCode),
    /// The current participant's answers changed: autosave soon.
    AnswersChanged,
    /// Export a handout as PDF (asks for a file name).
    Export(DocKind),
    /// Export the room's team picture as CSV (asks for a file name).
    ExportTeamCsv,
    /// Start the room (teachers join over the school network) and show the join card.
    StartRoom,
    /// Stop the room; the answers stay in the session.
    StopRoom,
    /// Start a new room session instead of continuing today's.
    StartNewRoom,
    /// Most devices that may join the room from one network address.
    SetRoomPerAddress(usize),
    /// Show or hide the join card on the projector (starts the room when needed).
    ToggleJoinCard,
    /// Show or hide the team picture on the projector.
    ToggleTeam,
    /// Open or close a checklist for the room.
    SetRoomOpen(String, bool),
    /// Fewest answers before the team picture shows a checklist.
    SetMinAnswers(usize),
    /// Show (true) or hide a shared answer on the team picture.
    ApproveShared(crate::model::SharedKey, bool),
    /// Move the room to another network address of the laptop.
    ChooseRoomAddress(std::net::IpAddr),
    /// Check again whether phones can reach the room.
    CheckReach,
    /// Show the stored sessions of the room.
    ShowRoomSessions,
    /// Delete a stored session with all answers in it.
    DeleteRoomSession(String),
    /// Export a stored session's team picture: PDF, or CSV when `csv`.
    ExportRoomSession {
        id: String,
        csv: bool,
    },
    /// Open an exported file in the system's PDF viewer.
    OpenExported,
    /// Open the folder of an exported file in the file manager.
    OpenExportFolder,
    /// Save a copy of the exported file somewhere else (asks where).
    SaveExportAs,
    DismissMessage,
    /// Help › Over kampvuur.
    ShowAbout,
    /// Make the bewijs van deelname with these details and names.
    MakeCertificate {
        details: certificate::CertificateDetails,
        from: certificate::NamesFrom,
    },
    /// Close the bewijs van deelname dialog without making one.
    CloseCertificate,
    /// Put this path on the clipboard (a file that could not be opened).
    CopyPath(std::path::PathBuf),
    /// Close the window that says why a workshop did not open.
    CloseLoadProblem,
    /// Close the window with planned versus actual times.
    CloseTimes,
    /// kampvuur's own file dialog: show this folder.
    BrowseTo(std::path::PathBuf),
    /// kampvuur's own file dialog: this file was chosen.
    BrowseChoose(std::path::PathBuf),
    /// kampvuur's own file dialog was closed without a choice.
    BrowseCancel,
    /// Open "Programma aanpassen".
    ShowProgramme,
    /// Close "Programma aanpassen" without changing the programme.
    CloseProgramme,
    /// Present, fill in and export with this variant; `None`: the original.
    UseVariant(Option<Box<crate::model::Variant>>),
    /// Save this variant in the data folder and use it.
    SaveVariant(Box<crate::model::Variant>),
    Quit,
}
