//! The torture workshop: 60-letter compounds, a 40-bullet slide, a 2,000-word
//! case, emoji, 300 slides. Every document renders, nothing leaves the page.

use crate::pdf_support as support;

use kampvuur::content::load_workshop;
use kampvuur::model::{Answer, AnswerSet};
use kampvuur::pdf::{self, DocKind, ExportRequest};
use support::{assert_inside, parse};

const MARGIN: f32 = 20.0 * 72.0 / 25.4;

#[test]
fn torture_workshop_renders_inside_the_margins() {
    let w = load_workshop(std::path::Path::new("tests/fixtures/torture.ron")).unwrap();
    assert!(w.count_slides() >= 300);
    let mut answers = AnswerSet::new("Zoë 🔥", &w.title);
    for cl in w.checklists() {
        for (i, item) in cl.items.iter().enumerate() {
            *answers.get_mut(&cl.id, i, item) = match Answer::empty_for(item) {
                Answer::Open(_) => Answer::Open("lang ".repeat(400) + "🙂"),
                Answer::Scale(_) => Answer::Scale(Some(200)),
                Answer::YesNo(_) => Answer::YesNo(Some(true)),
                Answer::Check(_) => Answer::Check(true),
            };
        }
    }
    let kinds = [
        DocKind::Workbook,
        DocKind::Guide,
        DocKind::Reflection,
        DocKind::Slides { with_notes: false },
        DocKind::Slides { with_notes: true },
        DocKind::Summary,
        DocKind::Certificate,
    ];
    let names = vec!["Zoë 🔥".to_owned(), "Ελένη".to_owned(), "x".repeat(300)];
    for kind in kinds {
        let mut req = ExportRequest::new(kind);
        req.names = &names;
        req.start = Some((23, 30));
        req.answers = Some(&answers);
        req.trainer = Some("Een trainer met een heel erg lange naam ".repeat(5));
        let out = pdf::render(&w, &req).unwrap();
        let p = parse(&out.bytes);
        assert_eq!(p.sizes.len(), out.pages, "{kind:?}");
        assert_inside(&p, MARGIN);
        // Emoji no font has are dropped: never "?" or a replacement character.
        assert!(!p.text().contains('\u{fffd}'), "{kind:?}");
        assert!(!p.text().contains('🔥'), "{kind:?}");
        if matches!(kind, DocKind::Reflection | DocKind::Certificate) {
            assert!(p.text().contains("Zoë"), "{kind:?}");
        }
        if kind == DocKind::Certificate {
            assert_eq!(out.pages, names.len());
        }
        if kind == DocKind::Summary {
            assert!(out.pages <= 2);
        }
    }
}
