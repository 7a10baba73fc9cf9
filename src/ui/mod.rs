//! The egui screens. Each screen is a struct with a `ui` method that draws it
//! and returns [`Command`]s; the app applies them after drawing. No file I/O here.

pub mod countdown;
pub mod deck;
mod item_view;
pub mod keyhelp;
mod menu;
mod participant;
mod present;
pub mod rich;
mod start;
pub mod theme;

pub use menu::MenuBar;
pub use participant::ParticipantScreen;
pub use present::Presenter;
pub use start::StartScreen;

use crate::pdf::DocKind;

/// The time as the screens see it: egui's seconds since start, and the wall clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub t: f64,
    pub wall: chrono::NaiveDateTime,
}

/// Something a screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start presenting; from the first item or from where the trainer was.
    Present {
        from_start: bool,
    },
    /// Go to participant mode (fill in checklists).
    Participate,
    /// Back to the start screen.
    ToStart,
    ToggleFullscreen,
    /// Show the file dialog to open a workshop.
    OpenDialog,
    /// Go back to the workshop that ships with kampvuur.
    OpenBundled,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetDark(bool),
    /// Work with the answers of this participant ("" is anonymous).
    ChooseParticipant(String),
    /// The current participant's answers changed: autosave soon.
    AnswersChanged,
    /// Export a handout as PDF (asks for a file name).
    Export(DocKind),
    /// Open an exported file in the system's PDF viewer.
    OpenExported,
    DismissMessage,
    Quit,
}
