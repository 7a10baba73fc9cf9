//! Double-sided printing (`duplex`): in the workbook every group case and
//! every take-home checklist starts on a front (an odd page) and has its
//! sheet to itself; a back left blank says so. Single-sided output has no
//! blank pages. A case shrinks its writing space (to three lines a question
//! at the least) to fit its page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::pdf_flow::{both, end_of, second, starts_page};
use crate::pdf_support::{Parsed, parse, squash};

use kampvuur::model::{Item, Workshop};
use kampvuur::pdf::{self, DocKind, ExportRequest};

const BLANK: &str = "Deze pagina is bewust leeg";

fn workbook(w: &Workshop, duplex: bool) -> Parsed {
    let req = ExportRequest {
        duplex,
        ..ExportRequest::new(DocKind::Workbook)
    };
    let out = pdf::render(w, &req).unwrap();
    let p = parse(&out.bytes);
    assert_eq!(p.sizes.len(), out.pages);
    p
}

fn blank(p: &Parsed, page: usize) -> bool {
    p.page_squashed(page).contains(&squash(BLANK))
}

/// The sheet of a piece that starts on page `first` (0-based): it starts on
/// a front, and the back holds only its continuation or the blank notice;
/// what follows starts on the next sheet.
/// The first item of a section brings its section heading along.
fn own_sheet(p: &Parsed, first: usize, heads: [&str; 2], last_words: &str, what: &str) {
    let title = heads[0];
    assert_eq!(
        first % 2,
        0,
        "{what}: ‘{title}’ on page {}, a back",
        first + 1
    );
    assert!(
        heads.iter().any(|h| starts_page(p, first, h)),
        "{what}: ‘{title}’ starts its page"
    );
    let Some(_) = p.sizes.get(first + 1) else {
        return;
    };
    let back = p.page_squashed(first + 1);
    let continues = back.contains(last_words);
    assert!(
        blank(p, first + 1) || continues,
        "{what}: the back of ‘{title}’ (page {}) holds something else: {back}",
        first + 1
    );
    if blank(p, first + 1) {
        assert!(
            p.page_squashed(first).contains(last_words),
            "{what}: {title}"
        );
    }
}

#[test]
fn every_case_and_take_home_sheet_starts_a_front_and_has_its_sheet() {
    for w in both() {
        let p = workbook(&w, true);
        let mut cases = 0;
        for s in &w.sections {
            for (i, item) in s.items.iter().enumerate() {
                // Only the first item of a section may have its heading above it.
                let section = if i == 0 { s.title.as_str() } else { "\u{0}" };
                match item {
                    Item::Case(c) => {
                        cases += 1;
                        let title = format!("Casus: {}", c.title);
                        let page = p.page_of(&title).unwrap();
                        let last = end_of(c.questions.last().unwrap());
                        own_sheet(&p, page, [&title, section], &last, &w.title);
                    }
                    Item::Checklist(cl) if cl.take_home => {
                        let title = format!("Checklist: {}", cl.title);
                        let page = p.page_of(&title).unwrap();
                        let last = end_of(cl.items.last().unwrap().text());
                        own_sheet(&p, page, [&title, section], &last, &w.title);
                    }
                    _ => {}
                }
            }
        }
        assert!(cases > 0, "{}", w.title);
        // A blank page holds the notice and nothing else but header and footer.
        for page in (0..p.sizes.len()).filter(|i| blank(&p, *i)) {
            let body: Vec<_> = p
                .runs
                .iter()
                .filter(|r| r.page == page && r.y > 70.0 && r.y < 760.0)
                .collect();
            assert_eq!(body.len(), 1, "page {}: {body:?}", page + 1);
        }
    }
}

#[test]
fn single_sided_has_no_blank_pages_and_duplex_only_adds_backs() {
    for w in both() {
        let single = workbook(&w, false);
        let double = workbook(&w, true);
        let blanks = (0..double.sizes.len())
            .filter(|i| blank(&double, *i))
            .count();
        assert!(blanks > 0, "{}: duplex leaves some back blank", w.title);
        assert!(
            (0..single.sizes.len()).all(|i| !blank(&single, i)),
            "{}: no blank pages single-sided",
            w.title
        );
        // Double-sided, the workbook is single-sided plus its blank backs
        // (a piece moved to a front may also leave its old page's rest).
        assert!(
            double.sizes.len() >= single.sizes.len() + blanks,
            "{}: {} pages, {} blank, single-sided {}",
            w.title,
            double.sizes.len(),
            blanks,
            single.sizes.len()
        );
        // The sheets come out even: the last sheet's back is the last page.
        assert_eq!(double.sizes.len() % 2, 0, "{}", w.title);
    }
}

/// The second workshop's cases took a page and a few lines (four lines a
/// question); with three they fit their page. The shipped cases are longer:
/// they spill, onto the back of their own sheet, with four lines a question.
#[test]
fn a_case_sizes_its_writing_space_to_fit_its_page() {
    for (w, fits) in both().into_iter().zip([false, true]) {
        for duplex in [false, true] {
            let p = workbook(&w, duplex);
            let cases = w
                .sections
                .iter()
                .flat_map(|s| &s.items)
                .filter_map(|i| match i {
                    Item::Case(c) => Some(c),
                    _ => None,
                });
            for c in cases {
                let page = p.page_of(&format!("Casus: {}", c.title)).unwrap();
                let last = end_of(c.questions.last().unwrap());
                let whole = p.page_squashed(page).contains(&last);
                assert_eq!(whole, fits, "{}: ‘{}’", w.title, c.title);
                // Three writing lines under each question at the least; four
                // when it spills anyway.
                let rules: usize = p.segments[page..=page + usize::from(!whole)].iter().sum();
                let each = if whole { 3 } else { 4 };
                assert!(rules >= each * c.questions.len(), "{}: {rules}", c.title);
            }
        }
    }
}

#[test]
fn the_take_home_flag_not_a_phrase_decides() {
    // "neem je mee" in an intro is no longer a reason for a page of its own.
    let w = second();
    let mut phrase = w.clone();
    for s in &mut phrase.sections {
        for item in &mut s.items {
            if let Item::Checklist(cl) = item {
                cl.take_home = false;
            }
        }
    }
    let p = workbook(&phrase, false);
    let page = p.page_of("Checklist: Onze afspraak").unwrap();
    assert!(
        !starts_page(&p, page, "Checklist: Onze afspraak") || page == 0,
        "without take_home it follows what comes before"
    );
}
