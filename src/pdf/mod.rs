//! PDF handouts: werkboek, trainershandleiding, persoonlijke reflectie, dia's.
//!
//! Layout is our own and pure ([`layout`] produces pages of positioned text
//! runs, lines and rectangles); [`backend`] is the only code that touches
//! printpdf. The bundled Atkinson Hyperlegible Next fonts are embedded as
//! subsets with ToUnicode maps.

mod backend;
mod blocks;
mod checks;
mod decorate;
mod flow;
pub mod font;
pub mod geom;
mod guide;
mod reflection;
mod slides;
mod team;
mod workbook;
pub mod wrap;

use crate::model::{AnswerSet, TeamSummary, Workshop};

pub use geom::{Elem, Layout, Mm, Page, TextRun};

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

    fn slug(self) -> &'static str {
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

/// What to export, with the details filled in on the cover.
#[derive(Debug, Clone)]
pub struct ExportRequest<'a> {
    pub kind: DocKind,
    /// Start time of the afternoon, e.g. (13, 30).
    pub start: Option<(u8, u8)>,
    /// The participant's answers (required for the reflection).
    pub answers: Option<&'a AnswerSet>,
    /// The room's team picture (required for the team sheet).
    pub team: Option<&'a TeamSummary>,
    pub school: Option<String>,
    pub trainer: Option<String>,
    pub date: Option<String>,
}

impl<'a> ExportRequest<'a> {
    pub fn new(kind: DocKind) -> Self {
        Self {
            kind,
            start: None,
            answers: None,
            team: None,
            school: None,
            trainer: None,
            date: None,
        }
    }
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("het lettertype {0} kon niet gelezen worden")]
    Font(String),
    #[error("voor een persoonlijke reflectie zijn ingevulde antwoorden nodig")]
    NoAnswers,
    #[error("voor een teamoverzicht is een sessie van de zaal nodig")]
    NoTeam,
    #[error("ongeldige begintijd {0:02}:{1:02}")]
    BadStart(u8, u8),
    #[error("de PDF kon niet gemaakt worden: {0}")]
    Backend(String),
}

/// Lay out a document without writing PDF: the pages with every placed run.
pub fn layout(workshop: &Workshop, req: &ExportRequest) -> Result<Layout, PdfError> {
    let fonts = font::fonts()?;
    if let Some((h, m)) = req.start
        && (h > 23 || m > 59)
    {
        return Err(PdfError::BadStart(h, m));
    }
    let pages = match req.kind {
        DocKind::Workbook => workbook::pages(fonts, workshop, req),
        DocKind::Guide => guide::pages(fonts, workshop, req),
        DocKind::Reflection => {
            let answers = req.answers.ok_or(PdfError::NoAnswers)?;
            reflection::pages(fonts, workshop, req, answers)
        }
        DocKind::Slides { with_notes } => slides::pages(fonts, workshop, with_notes),
        DocKind::Team => {
            let team = req.team.ok_or(PdfError::NoTeam)?;
            team::pages(fonts, workshop, req, team)
        }
    };
    let subject = match req.answers {
        Some(a) if req.kind == DocKind::Reflection && !a.participant.is_empty() => {
            format!("{} – {}", req.kind.title(), a.participant)
        }
        _ => req.kind.title().to_owned(),
    };
    Ok(Layout {
        title: format!("{} – {}", workshop.title, req.kind.title()),
        author: workshop.author.clone(),
        subject,
        language: if workshop.language.trim().is_empty() {
            "nl-NL".to_owned()
        } else {
            workshop.language.clone()
        },
        pages,
    })
}

/// Render a handout to PDF bytes.
pub fn render(workshop: &Workshop, req: &ExportRequest) -> Result<Rendered, PdfError> {
    let layout = layout(workshop, req)?;
    let pages = layout.pages.len();
    let bytes = backend::write(&layout, font::fonts()?)?;
    Ok(Rendered { bytes, pages })
}

/// A file name from the workshop title, e.g. "het-vurige-kind-in-de-klas-werkboek.pdf".
pub fn default_file_name(workshop: &Workshop, kind: DocKind, participant: Option<&str>) -> String {
    let mut name = slugify(&workshop.title);
    if name.is_empty() {
        name = "workshop".to_owned();
    }
    name.push('-');
    name.push_str(kind.slug());
    if let Some(p) = participant.map(slugify).filter(|p| !p.is_empty()) {
        name.push('-');
        name.push_str(&p);
    }
    name.push_str(".pdf");
    name
}

/// Lowercase ASCII words joined by hyphens; diacritics folded (é → e).
fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    out.chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'å' | 'ã' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        c => c,
    }
}

/// "13:30" from minutes since midnight (wraps after 24 hours).
pub(crate) fn clock(minutes: u32) -> String {
    let m = minutes % (24 * 60);
    format!("{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let w = Workshop {
            title: "Het Vurige Kind in de Klas".into(),
            subtitle: String::new(),
            author: String::new(),
            language: "nl-NL".into(),
            sections: vec![],
        };
        assert_eq!(
            default_file_name(&w, DocKind::Workbook, None),
            "het-vurige-kind-in-de-klas-werkboek.pdf"
        );
        assert_eq!(
            default_file_name(&w, DocKind::Reflection, Some("Anouk de Vries-Öztürk")),
            "het-vurige-kind-in-de-klas-reflectie-anouk-de-vries-ozturk.pdf"
        );
        assert_eq!(clock(13 * 60 + 30 + 95), "15:05");
    }
}
