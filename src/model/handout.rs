//! Which handout: the document kinds the app, the CLI and the room can export.
//!
//! Plain data, so the ui can offer them without knowing the pdf module.

/// Which handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Workbook,
    Guide,
    Reflection,
    Slides {
        with_notes: bool,
    },
    /// The room's anonymous team picture.
    Team,
}

impl DocKind {
    /// The Dutch name of the document, as shown in headers and metadata.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::Workbook => "Deelnemerswerkboek",
            DocKind::Guide => "Trainershandleiding",
            DocKind::Reflection => "Persoonlijke reflectie",
            DocKind::Slides { with_notes: false } => "Dia's",
            DocKind::Slides { with_notes: true } => "Dia's met notities",
            DocKind::Team => "Teamoverzicht",
        }
    }

    /// The document's part of a file name, e.g. "werkboek".
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::Workbook => "werkboek",
            DocKind::Guide => "handleiding",
            DocKind::Reflection => "reflectie",
            DocKind::Slides { with_notes: false } => "dias",
            DocKind::Slides { with_notes: true } => "dias-met-notities",
            DocKind::Team => "teamoverzicht",
        }
    }
}
