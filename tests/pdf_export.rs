//! The four handouts, read back with lopdf.
#![allow(clippy::unwrap_used)]

use crate::pdf_support as support;

use kampvuur::content::{bundled_workshop, load_workshop};
use kampvuur::model::{Answer, AnswerSet, ChecklistItem, Item, Workshop};
use kampvuur::pdf::{self, DocKind, ExportRequest, PdfError};
use support::{assert_inside, parse, squash};

const A4: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 20.0 * 72.0 / 25.4;

fn example() -> Workshop {
    load_workshop(std::path::Path::new("tests/fixtures/voorbeeld.ron")).unwrap()
}

fn req(kind: DocKind) -> ExportRequest<'static> {
    ExportRequest {
        kind,
        start: Some((13, 30)),
        answers: None,
        team: None,
        school: Some("De Regenboog".into()),
        trainer: None,
        date: Some("12 maart 2025".into()),
        names: &[],
        duplex: false,
    }
}

fn answers_for(w: &Workshop) -> AnswerSet {
    let mut set = AnswerSet::new("Anouk Brouwer", &w.title);
    for cl in w.checklists() {
        for (i, item) in cl.items.iter().enumerate() {
            *set.get_mut(&cl.id, i, item) = match item {
                ChecklistItem::Check(_) => Answer::Check(true),
                ChecklistItem::YesNo(_) => Answer::YesNo(Some(i % 2 == 0)),
                ChecklistItem::Scale { steps, .. } => Answer::Scale(Some((*steps).min(3))),
                ChecklistItem::Open { .. } => Answer::Open(
                    "Ik ga eerst naast het kind zitten; geëmotioneerd reageren helpt niet.".into(),
                ),
            };
        }
    }
    set
}

fn assert_a4(p: &support::Parsed) {
    for (w, h) in &p.sizes {
        assert!((w - A4.0).abs() < 0.1 && (h - A4.1).abs() < 0.1, "{w}x{h}");
    }
}

fn check_workbook(w: &Workshop) {
    let out = pdf::render(w, &req(DocKind::Workbook)).unwrap();
    let p = parse(&out.bytes);
    assert_eq!(p.sizes.len(), out.pages);
    assert_a4(&p);
    assert_inside(&p, MARGIN);
    assert_eq!(
        p.info(b"Title"),
        format!("{} – Deelnemerswerkboek", w.title)
    );
    assert!(String::from_utf8_lossy(&out.bytes).contains("/Lang(nl-NL)"));
    let text = p.squashed();
    for item in w.items() {
        match item {
            Item::Case(c) => {
                for q in &c.questions {
                    assert!(text.contains(&squash(q)), "case question missing: {q}");
                }
            }
            Item::Checklist(cl) => {
                for ci in &cl.items {
                    assert!(
                        text.contains(&squash(ci.text())),
                        "checklist item missing: {}",
                        ci.text()
                    );
                }
            }
            Item::Slide(s) => {
                assert!(
                    text.contains(&squash(&s.title)),
                    "slide title missing: {}",
                    s.title
                );
                for line in s.notes.plain_lines() {
                    if line.len() > 30 {
                        assert!(
                            !text.contains(&squash(&line)),
                            "speaker notes in the workbook: {line}"
                        );
                    }
                }
            }
            _ => {}
        }
    }
    assert!(text.contains("pagina2van"));
    assert!(text.contains("DeRegenboog"));
}

#[test]
fn workbook_of_the_example() {
    check_workbook(&example());
    let p = parse(
        &pdf::render(&example(), &req(DocKind::Workbook))
            .unwrap()
            .bytes,
    );
    // Diacritics survive the round trip through the subset fonts.
    assert!(p.text().contains("één"), "{}", p.text());
    assert!(p.text().contains("13:30–13:40"));
}

#[test]
fn workbook_of_the_bundled_workshop() {
    check_workbook(&bundled_workshop().unwrap());
}

#[test]
fn guide_has_notes_and_schedule() {
    let w = example();
    let p = parse(&pdf::render(&w, &req(DocKind::Guide)).unwrap().bytes);
    assert_a4(&p);
    assert_inside(&p, MARGIN);
    let text = p.squashed();
    for item in w.items() {
        if let Item::Slide(s) = item {
            for line in s.notes.plain_lines() {
                assert!(text.contains(&squash(&line)), "notes missing: {line}");
            }
        }
        if let Item::Case(c) = item {
            for line in c.trainer_notes.plain_lines() {
                assert!(text.contains(&squash(&line)));
            }
        }
    }
    assert!(text.contains("Materialen"));
    assert!(text.contains("14:05"), "end time of the afternoon");
}

#[test]
fn guide_shows_item_minutes_and_the_appendix() {
    let w = bundled_workshop().unwrap();
    let p = parse(&pdf::render(&w, &req(DocKind::Guide)).unwrap().bytes);
    assert_inside(&p, MARGIN);
    let text = p.squashed();
    for needle in [
        "Dia 1: Welkom (2 min)",
        "Noor, groep 5 · 8 min",
        "Checklist: Signalen in mijn lijf (4 min)",
        "(items 17 min, 1 min speling)",
        "Vervolg met het team",
        "Lastige momenten",
        "Bronnen en leestips",
    ] {
        assert!(text.contains(&squash(needle)), "ontbreekt: {needle}");
    }
    // The opening paragraph of each appendix page (list items interleave with
    // their bullets in the extracted text, so they are not compared).
    let bodies = w.guide_pages.iter().map(|p| &p.body);
    for body in bodies.chain([&w.follow_up]) {
        let first = body.plain_lines().into_iter().next().unwrap_or_default();
        assert!(text.contains(&squash(&first)), "ontbreekt: {first}");
    }
}

#[test]
fn reflection_needs_answers_and_shows_them() {
    let w = example();
    let err = pdf::render(&w, &req(DocKind::Reflection)).unwrap_err();
    assert!(matches!(err, PdfError::NoAnswers));
    assert!(err.to_string().contains("antwoorden"));
    let answers = answers_for(&w);
    let mut r = req(DocKind::Reflection);
    r.answers = Some(&answers);
    let p = parse(&pdf::render(&w, &r).unwrap().bytes);
    assert_inside(&p, MARGIN);
    let text = p.squashed();
    assert!(text.contains("AnoukBrouwer"));
    assert!(text.contains(&squash("geëmotioneerd reageren helpt niet.")));
    assert_eq!(
        pdf::default_file_name(&w, DocKind::Reflection, Some("Anouk Brouwer")),
        "rust-in-de-klas-reflectie-anouk-brouwer.pdf"
    );
}

#[test]
fn slides_are_landscape_one_per_page() {
    let w = example();
    for with_notes in [false, true] {
        let out = pdf::render(&w, &req(DocKind::Slides { with_notes })).unwrap();
        let p = parse(&out.bytes);
        assert_eq!(out.pages, w.count_slides() + 1);
        for (pw, ph) in &p.sizes {
            assert!((pw - A4.1).abs() < 0.1 && (ph - A4.0).abs() < 0.1);
        }
        assert_inside(&p, MARGIN);
        let has_notes = p.squashed().contains(&squash("Heet iedereen welkom"));
        assert_eq!(has_notes, with_notes);
    }
}

#[test]
fn layout_runs_stay_inside_the_margins() {
    let w = bundled_workshop().unwrap();
    for kind in [
        DocKind::Workbook,
        DocKind::Guide,
        DocKind::Slides { with_notes: true },
    ] {
        let layout = pdf::layout(&w, &req(kind)).unwrap();
        for page in &layout.pages {
            for t in page.texts() {
                assert!(
                    t.x.0 >= 20.0 && (t.x + t.width).0 <= page.width.0 - 20.0,
                    "{t:?}"
                );
                assert!(t.y.0 >= 20.0 && t.y.0 <= page.height.0 - 20.0, "{t:?}");
            }
        }
    }
}
