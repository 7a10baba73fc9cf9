//! Type, navigation and the new documents, read back with lopdf: no
//! hyphenated titles, every character printed (or said plainly), clean
//! metadata, the outline, one dia numbering, the bewijs van deelname and the
//! samenvatting.
#![allow(clippy::unwrap_used)]

use crate::pdf_flow::{both, render, second, start_of};
use crate::pdf_support::{parse, squash};

use kampvuur::content::bundled_workshop;
use kampvuur::model::{AnswerSet, ChecklistItem, Item};
use kampvuur::pdf::{self, DocKind, ExportRequest, PdfError};

#[test]
fn headings_and_titles_are_never_hyphenated() {
    for w in both() {
        for kind in [
            DocKind::Workbook,
            DocKind::Guide,
            DocKind::Slides { with_notes: false },
            DocKind::Slides { with_notes: true },
        ] {
            let p = render(&w, kind);
            let slides = matches!(kind, DocKind::Slides { .. });
            for r in &p.runs {
                // The speaker notes beside a slide are read up close: they may
                // be hyphenated. They start at 60 % of the text width.
                if kind == (DocKind::Slides { with_notes: true }) && r.x > 480.0 {
                    continue;
                }
                // Headings: 11.5, 14, 20, 24 and 30 pt; on slides everything.
                let heading = [11.5, 14.0, 20.0, 24.0, 30.0]
                    .iter()
                    .any(|s| (r.size - s).abs() < 0.01);
                if (heading || slides) && r.text.ends_with('-') {
                    let word = r.text.split_whitespace().last().unwrap_or_default();
                    // A hyphen the text itself has ("in- en uitademen") is fine.
                    assert!(
                        word.len() <= 3 || !word[..word.len() - 1].chars().all(char::is_alphabetic),
                        "{kind:?} page {}: ‘{}’",
                        r.page + 1,
                        r.text
                    );
                }
            }
        }
    }
}

#[test]
fn trainer_text_is_at_least_nine_points() {
    let w = bundled_workshop().unwrap();
    for kind in [
        DocKind::Guide,
        DocKind::Slides { with_notes: true },
        DocKind::Workbook,
    ] {
        let p = render(&w, kind);
        let small: Vec<_> = p.runs.iter().filter(|r| r.size < 9.0).collect();
        assert!(small.is_empty(), "{kind:?}: {:?}", small.first());
    }
}

#[test]
fn symbols_greek_and_cyrillic_print_and_nothing_becomes_a_question_mark() {
    let w = second();
    let p = render(&w, DocKind::Workbook);
    let text = p.text();
    assert!(text.contains('✓') && text.contains('→'), "symbols kept");
    for name in ["Ελένη Papadopoulou", "Анна Иванова"] {
        let mut set = AnswerSet::new(name, &w.title);
        if let Some(cl) = w.checklists().next()
            && let Some(item @ ChecklistItem::Check(_)) = cl.items.first()
        {
            *set.get_mut(&cl.id, 0, item) = kampvuur::model::Answer::Check(true);
        }
        let req = ExportRequest {
            answers: Some(&set),
            ..ExportRequest::new(DocKind::Reflection)
        };
        let p = parse(&pdf::render(&w, &req).unwrap().bytes);
        assert!(
            p.squashed().contains(&squash(name)),
            "{name} prints in the reflection"
        );
        assert!(!p.text().contains("??"));
    }
    // A script no bundled font has is said plainly, never "??".
    let set = AnswerSet::new("李明", &w.title);
    let req = ExportRequest {
        answers: Some(&set),
        ..ExportRequest::new(DocKind::Reflection)
    };
    let p = parse(&pdf::render(&w, &req).unwrap().bytes);
    assert!(p.text().contains(pdf::font::NOT_PRINTABLE));
    assert!(!p.text().contains("??"));
}

#[test]
fn no_empty_pdfx_keys_and_the_trainer_is_the_author() {
    let w = second();
    for kind in [DocKind::Workbook, DocKind::Guide, DocKind::Summary] {
        let p = render(&w, kind);
        assert!(!p.has_info(b"GTS_PDFXVersion"));
        assert!(!p.has_info(b"Identifier"));
        for (k, v) in p.info_entries() {
            assert!(!v.trim().is_empty(), "{kind:?}: empty /{k}");
        }
        assert_eq!(p.info(b"Author"), "Mirjam Akkerman");
    }
    let out = pdf::render(&w, &ExportRequest::new(DocKind::Workbook)).unwrap();
    assert_eq!(parse(&out.bytes).info(b"Author"), "Stichting Buitenspel");
}

#[test]
fn outline_has_every_section_case_and_checklist() {
    for w in both() {
        for kind in [DocKind::Workbook, DocKind::Guide] {
            let p = render(&w, kind);
            let outline = p.outline();
            let titles: Vec<&str> = outline.iter().map(|(_, t, _)| t.as_str()).collect();
            for s in &w.sections {
                let only_break = s
                    .items
                    .iter()
                    .all(|i| matches!(i, Item::Break(_) | Item::Slide(_)))
                    && s.items.iter().any(|i| matches!(i, Item::Break(_)));
                if kind == DocKind::Workbook && only_break {
                    continue;
                }
                assert!(titles.contains(&s.title.as_str()), "{kind:?}: {}", s.title);
            }
            for item in w.items() {
                let want = match item {
                    Item::Case(c) => format!("Casus: {}", c.title),
                    Item::Checklist(c) => format!("Checklist: {}", c.title),
                    _ => continue,
                };
                let at = outline.iter().find(|(_, t, _)| *t == want);
                let (level, _, page) = at.unwrap_or_else(|| panic!("{kind:?}: {want}"));
                assert_eq!(*level, 2);
                assert!(
                    p.page_squashed(*page).contains(&start_of(&want)),
                    "{kind:?}: {want} not on page {}",
                    page + 1
                );
            }
        }
        let p = render(&w, DocKind::Slides { with_notes: false });
        let sections: Vec<String> = p
            .outline()
            .into_iter()
            .filter(|(l, _, _)| *l == 1)
            .map(|(_, t, _)| t)
            .collect();
        let with_slides: Vec<String> = w
            .sections
            .iter()
            .filter(|s| s.items.iter().any(|i| matches!(i, Item::Slide(_))))
            .map(|s| s.title.clone())
            .collect();
        assert_eq!(sections, with_slides);
    }
}

#[test]
fn slides_footer_numbers_the_dias_as_the_guide_does() {
    let w = second();
    let slides = render(&w, DocKind::Slides { with_notes: false });
    let total = w.count_of(kampvuur::model::ItemKind::Slide);
    assert!(slides.text().contains(&format!("dia 1 van {total}")));
    assert!(
        !slides
            .runs
            .iter()
            .any(|r| r.page == 0 && r.text.starts_with("dia "))
    );
    let guide = render(&w, DocKind::Guide);
    let first = w.items().find_map(|i| match i {
        Item::Slide(s) => Some(s.title.clone()),
        _ => None,
    });
    assert!(
        guide
            .squashed()
            .contains(&squash(&format!("Dia 1: {}", first.unwrap())))
    );
}

#[test]
fn certificate_has_one_page_per_name() {
    let w = second();
    let names: Vec<String> = ["Anouk Brouwer", "Ελένη Papadopoulou", "Анна Иванова"]
        .map(String::from)
        .to_vec();
    let req = ExportRequest {
        names: &names,
        trainer: Some("Mirjam Akkerman".into()),
        date: Some("12 maart 2026".into()),
        ..ExportRequest::new(DocKind::Certificate)
    };
    let out = pdf::render(&w, &req).unwrap();
    let p = parse(&out.bytes);
    assert_eq!(p.sizes.len(), names.len());
    for (i, n) in names.iter().enumerate() {
        let page = p.page_squashed(i);
        assert!(page.contains(&squash(n)), "{n} on page {}", i + 1);
        assert!(page.contains("1,5uur"), "duration with a decimal comma");
        assert!(page.contains(&squash("Handtekening trainer")));
    }
    let none = ExportRequest::new(DocKind::Certificate);
    assert!(matches!(pdf::render(&w, &none), Err(PdfError::NoNames)));
    let chinese = vec!["李明".to_owned()];
    let req = ExportRequest {
        names: &chinese,
        ..ExportRequest::new(DocKind::Certificate)
    };
    let err = pdf::render(&w, &req).unwrap_err().to_string();
    assert!(err.contains("李明"), "{err}");
}

#[test]
fn summary_fits_two_pages_with_each_kernzin_and_the_marked_slides() {
    for w in both() {
        let p = render(&w, DocKind::Summary);
        assert!(p.sizes.len() <= 2, "{} pages", p.sizes.len());
        let text = p.squashed();
        for item in w.items() {
            if let Item::Slide(s) = item
                && s.summary
            {
                assert!(text.contains(&squash(&s.title)), "{}", s.title);
            }
        }
        assert!(w.items().any(|i| matches!(i, Item::Slide(s) if s.summary)));
    }
    let p = render(&second(), DocKind::Summary);
    assert!(p.squashed().contains(&squash(
        "Een ruzie is een vraag om een volwassene die rustig blijft."
    )));
}
