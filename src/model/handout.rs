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
    /// Bewijs van deelname: one page per participant.
    Certificate,
    /// Samenvatting: each section's kernzin and the marked slides, ≤ 2 pages.
    Summary,
}

impl DocKind {
    /// The Dutch name of the document, as shown in headers and metadata.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::Workbook => "Deelnemerswerkboek",
            DocKind::Guide => "Trainershandleiding",
            DocKind::Reflection => "Persoonlijke reflectie",
            DocKind::Slides { with_notes: false } => "Dia’s",
            DocKind::Slides { with_notes: true } => "Dia’s met notities",
            DocKind::Team => "Teamoverzicht",
            DocKind::Certificate => "Bewijs van deelname",
            DocKind::Summary => "Samenvatting",
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
            DocKind::Certificate => "bewijs-van-deelname",
            DocKind::Summary => "samenvatting",
        }
    }
}

/// The names of a names file (for the bewijs van deelname): one a line,
/// spaces tidied, empty lines and lines starting with `#` skipped.
pub fn names_from_text(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_lines() {
        let names = names_from_text("Anna\n\n  Ελένη   Papadopoulou \n# opmerking\nАнна\r\n");
        assert_eq!(names, ["Anna", "Ελένη Papadopoulou", "Анна"]);
    }
}
