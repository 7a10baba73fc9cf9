//! Page flow of the handouts, read back with lopdf, for the shipped workshop
//! and a second, independent one (tests/fixtures/tweede.ron).
#![allow(clippy::unwrap_used)]

use crate::pdf_support::{Parsed, parse, squash};

use kampvuur::content::{bundled_workshop, load_workshop};
use kampvuur::model::{Item, Workshop};
use kampvuur::pdf::{self, DocKind, ExportRequest};

pub(crate) fn second() -> Workshop {
    load_workshop(std::path::Path::new("tests/fixtures/tweede.ron")).unwrap()
}

pub(crate) fn both() -> [Workshop; 2] {
    [bundled_workshop().unwrap(), second()]
}

pub(crate) fn render(w: &Workshop, kind: DocKind) -> Parsed {
    let req = ExportRequest {
        start: Some((13, 30)),
        trainer: Some("Mirjam Akkerman".into()),
        school: Some("De Regenboog".into()),
        date: Some("12 maart 2026".into()),
        ..ExportRequest::new(kind)
    };
    let out = pdf::render(w, &req).unwrap();
    let p = parse(&out.bytes);
    assert_eq!(p.sizes.len(), out.pages);
    p
}

/// The first 40 letters of a text, squashed, to find it on a page.
pub(crate) fn start_of(text: &str) -> String {
    squash(text).chars().take(40).collect()
}

/// The last 30 letters of a text, squashed.
pub(crate) fn end_of(text: &str) -> String {
    let s: Vec<char> = squash(text).chars().collect();
    s[s.len().saturating_sub(30)..].iter().collect()
}

/// Page height in pt below which the running header stands.
const BODY_TOP: f32 = 841.89 - 30.0 * 72.0 / 25.4;

/// Whether the run holding `needle` is the first body text on its page.
pub(crate) fn starts_page(p: &Parsed, page: usize, needle: &str) -> bool {
    let mut body: Vec<_> = p
        .runs
        .iter()
        .filter(|r| r.page == page && r.y < BODY_TOP && r.y > 60.0)
        .collect();
    body.sort_by(|a, b| b.y.total_cmp(&a.y));
    let first_line: String = body
        .iter()
        .take_while(|r| (r.y - body[0].y).abs() < 1.0)
        .map(|r| r.text.as_str())
        .collect();
    squash(&first_line).contains(&squash(needle))
}

#[test]
fn notes_heading_and_its_lines_share_a_page() {
    for w in both() {
        let p = render(&w, DocKind::Workbook);
        let notes: Vec<usize> = p
            .runs
            .iter()
            .filter(|r| r.text == "Aantekeningen")
            .map(|r| r.page)
            .collect();
        assert_eq!(notes.len(), 2, "{}", w.title);
        for page in notes {
            assert!(p.segments[page] >= 20, "page {} has no lines", page + 1);
            // No page of lines without its heading follows.
            if let Some(next) = p.segments.get(page + 1) {
                let heading_there = p
                    .runs
                    .iter()
                    .any(|r| r.page == page + 1 && r.text == "Aantekeningen");
                assert!(*next < 20 || heading_there, "lines without a heading");
            }
        }
    }
}

/// The pages of the workbook that a checklist spans: (first, last).
fn span_of(p: &Parsed, cl: &kampvuur::model::Checklist) -> (usize, usize) {
    let title = format!("Checklist: {}", cl.title);
    let first = p.page_of(&title).unwrap();
    let last = cl.items.last().unwrap().text();
    let end = (first..p.sizes.len())
        .find(|pg| p.page_squashed(*pg).contains(&end_of(last)))
        .unwrap();
    (first, end)
}

#[test]
fn a_checklist_that_fits_a_page_is_on_one_page() {
    for w in both() {
        let p = render(&w, DocKind::Workbook);
        for (s, item) in w
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        {
            let Item::Checklist(cl) = item else { continue };
            // The checklist alone after a heading: does it fit a page?
            let alone = Workshop {
                sections: vec![kampvuur::model::Section {
                    items: vec![item.clone()],
                    ..s.clone()
                }],
                ..w.clone()
            };
            let (a, b) = span_of(&render(&alone, DocKind::Workbook), cl);
            let (first, last) = span_of(&p, cl);
            if a == b {
                assert_eq!(first, last, "‘{}’ of {} is split", cl.title, w.title);
            } else {
                // Longer than a page: its title, intro and first item together.
                let first_item = start_of(cl.items[0].text());
                assert!(p.page_squashed(first).contains(&first_item), "{}", cl.title);
            }
        }
    }
}

#[test]
fn a_checklist_that_goes_home_has_its_own_page() {
    let w = second();
    let p = render(&w, DocKind::Workbook);
    let page = p.page_of("Checklist: Onze afspraak").unwrap();
    assert!(starts_page(&p, page, "Checklist: Onze afspraak"));
    let text = p.page_squashed(page);
    assert!(!text.contains(&squash("Eén afspraak is genoeg")));
    let next = p.page_squashed(page + 1);
    assert!(next.contains("Aantekeningen"), "the next page is the notes");
}

#[test]
fn each_case_starts_its_page_or_fits_whole() {
    for w in both() {
        for kind in [DocKind::Workbook, DocKind::Guide] {
            let p = render(&w, kind);
            for s in &w.sections {
                for (i, item) in s.items.iter().enumerate() {
                    let Item::Case(c) = item else { continue };
                    let title = format!("Casus: {}", c.title);
                    let page = p.page_of(&title).unwrap();
                    let last = c.questions.last().unwrap();
                    let whole = p.page_squashed(page).contains(&end_of(last));
                    // The first item of a section brings its section heading along.
                    let top = starts_page(&p, page, &title)
                        || (i == 0 && starts_page(&p, page, &s.title));
                    assert!(
                        whole || top,
                        "{:?}: ‘{}’ neither starts page {} nor fits on it",
                        kind,
                        c.title,
                        page + 1
                    );
                    // Every question has room to write: at least three lines.
                    if kind == DocKind::Workbook && whole {
                        assert!(p.segments[page] >= 3 * c.questions.len());
                    }
                }
            }
        }
    }
}
