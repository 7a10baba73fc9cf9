//! PDF handouts: werkboek, trainershandleiding, persoonlijke reflectie, dia's.
//!
//! Layout is our own and pure ([`layout`] produces pages of positioned text
//! runs, lines and rectangles); [`backend`] is the only code that touches
//! printpdf. The bundled Atkinson Hyperlegible Next fonts are embedded as
//! subsets with ToUnicode maps.

mod backend;
mod blocks;
pub mod certificate;
mod checks;
mod decorate;
mod dropped;
mod flow;
pub mod font;
pub mod geom;
mod guide;
mod reflection;
mod slides;
mod summary;
mod team;
mod workbook;
pub mod wrap;

use crate::model::{AnswerSet, TeamSummary, Workshop, nfc, slug};

pub use crate::model::DocKind;

pub use geom::{Elem, Layout, Mark, Mm, Page, TextRun};
pub use guide::FOLLOW_UP_TITLE;

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
    /// The participants, one certificate each.
    pub names: &'a [String],
    /// Printed on both sides of the paper: in the workbook each group case
    /// and each take-home checklist starts on a front and has its sheet to
    /// itself, with "Deze pagina is bewust leeg" on a back left blank.
    pub duplex: bool,
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
            names: &[],
            duplex: false,
        }
    }
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Stretches of text the layout left outside any structure element
    /// (tagged as paragraphs of their own): 0 for every document kind.
    pub untagged: usize,
    /// Characters no bundled font prints, each once: they are left out
    /// (or, letters, shown as "[niet af te drukken]").
    pub dropped: Vec<char>,
}

/// What to tell about an export besides the file: characters left out and
/// a summary without marked slides; each said once.
pub fn warnings(workshop: &Workshop, req: &ExportRequest, rendered: &Rendered) -> Vec<String> {
    let mut out = Vec::new();
    if !rendered.dropped.is_empty() {
        let list: Vec<String> = rendered.dropped.iter().map(|c| format!("‘{c}’")).collect();
        out.push(format!(
            "deze tekens kan geen meegeleverd lettertype afdrukken: {}; ze vallen weg uit de PDF \
             (letters worden ‘{}’)",
            list.join(", "),
            font::NOT_PRINTABLE
        ));
    }
    if req.kind == DocKind::Summary
        && let Some(why) = summary::warning(workshop)
    {
        out.push(why);
    }
    out
}

/// The warning `check` gives for a workshop without slides marked for the
/// summary.
pub fn summary_warning(workshop: &Workshop) -> Option<String> {
    summary::warning(workshop)
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("het lettertype {0} kon niet gelezen worden")]
    Font(String),
    #[error("voor een persoonlijke reflectie zijn ingevulde antwoorden nodig")]
    NoAnswers,
    #[error("voor een teamoverzicht is een sessie van de zaal nodig")]
    NoTeam,
    #[error("voor een bewijs van deelname is minstens één naam nodig")]
    NoNames,
    #[error(
        "deze namen bevatten tekens die geen meegeleverd lettertype kan afdrukken: {0}; schrijf ze in het namenbestand in Latijnse, Griekse of Cyrillische letters"
    )]
    Unprintable(String),
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
    // Every document says its date the same way: "12 maart 2026"; what
    // was typed (in the app, on the command line) is made NFC like the files.
    let names: Vec<String> = req.names.iter().map(|n| nfc(n).into_owned()).collect();
    let typed = |t: &Option<String>| t.as_deref().map(|t| nfc(t).into_owned());
    let dated = ExportRequest {
        date: req.date.as_deref().map(|d| dutch_date(&nfc(d))),
        school: typed(&req.school),
        trainer: typed(&req.trainer),
        names: &names,
        ..req.clone()
    };
    let req = &dated;
    let (pages, outline) = match req.kind {
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
        DocKind::Certificate => certificate::pages(fonts, workshop, req, req.names)?,
        DocKind::Summary => summary::pages(fonts, workshop),
    };
    let subject = match req.answers {
        Some(a) if req.kind == DocKind::Reflection && !a.participant.is_empty() => {
            format!("{} – {}", req.kind.title(), a.participant)
        }
        _ => req.kind.title().to_owned(),
    };
    Ok(Layout {
        title: meta_text(&format!("{} – {}", workshop.title, req.kind.title())),
        // The trainer who gives the afternoon, else the workshop's author.
        author: req
            .trainer
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| meta_text(&workshop.author), meta_text),
        subject: meta_text(&subject),
        language: if workshop.language.trim().is_empty() {
            "nl-NL".to_owned()
        } else {
            workshop.language.clone()
        },
        pages,
        outline,
    })
}

/// Render a handout to PDF bytes.
pub fn render(workshop: &Workshop, req: &ExportRequest) -> Result<Rendered, PdfError> {
    let layout = layout(workshop, req)?;
    let pages = layout.pages.len();
    let (bytes, untagged) = backend::write(&layout, font::fonts()?)?;
    Ok(Rendered {
        bytes,
        pages,
        untagged,
        dropped: dropped::dropped(workshop, req),
    })
}

/// A file name from the workshop title, e.g. "het-vurige-kind-in-de-klas-werkboek.pdf".
pub fn default_file_name(workshop: &Workshop, kind: DocKind, participant: Option<&str>) -> String {
    let mut name = slug(&workshop.title, "workshop");
    name.push('-');
    name.push_str(kind.slug());
    if let Some(p) = participant.filter(|p| !p.trim().is_empty()) {
        // A name without Latin letters (李明) still gets a readable file name.
        name.push('-');
        name.push_str(&slug(p, "deelnemer"));
    }
    name.push_str(".pdf");
    name
}

/// Text for the document information: no soft hyphens, joiners or control
/// characters, single spaces.
fn meta_text(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{fe00}'..='\u{fe0f}')
        })
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A duration in the one form every document uses: "45 min", "1 uur",
/// "2 uur 30 min".
pub(crate) fn span(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} uur"),
        (h, m) => format!("{h} uur {m} min"),
    }
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as every document prints it, "12 maart 2026", from the forms a
/// session or the app gives ("2026-03-12", "12-03-2026", with or without a
/// time after it); any other text stays as it was written.
pub fn dutch_date(date: &str) -> String {
    let t = date.trim();
    let head: String = t.chars().take(10).collect();
    let parts: Vec<&str> = head.split(['-', '/']).collect();
    let rest = t.get(head.len()..).unwrap_or_default();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && (rest.is_empty() || rest.starts_with([' ', 'T']));
    if !numeric {
        return t.to_owned();
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (y, m, d) = if parts[0].len() == 4 {
        (n(parts[0]), n(parts[1]), n(parts[2]))
    } else if parts[2].len() == 4 {
        (n(parts[2]), n(parts[1]), n(parts[0]))
    } else {
        return t.to_owned();
    };
    match (m.checked_sub(1).and_then(|i| MONTHS.get(i as usize)), d) {
        (Some(month), 1..=31) => format!("{d} {month} {y}"),
        _ => t.to_owned(),
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
            follow_up: Default::default(),
            guide_pages: vec![],
            variants: vec![],
            variant: None,
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
        assert_eq!(
            default_file_name(&w, DocKind::Reflection, Some("李明")),
            "het-vurige-kind-in-de-klas-reflectie-deelnemer.pdf"
        );
        assert_eq!(clock(13 * 60 + 30 + 95), "15:05");
        assert_eq!(span(45), "45 min");
        assert_eq!(
            meta_text(" school\u{ad}plein\tconflict\u{200b} "),
            "schoolplein conflict"
        );
        assert_eq!(span(60), "1 uur");
        assert_eq!(dutch_date("2026-12-06"), "6 december 2026");
        assert_eq!(dutch_date("2026-03-12T13:30:00"), "12 maart 2026");
        assert_eq!(dutch_date("06-12-2026"), "6 december 2026");
        assert_eq!(dutch_date("12 maart 2026"), "12 maart 2026");
        assert_eq!(dutch_date("2026-13-01"), "2026-13-01");
        assert_eq!(dutch_date("volgende week"), "volgende week");
        assert_eq!(span(150), "2 uur 30 min");
    }
}
