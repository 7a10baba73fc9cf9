//! Type faults of issue 21: an overlong word in a heading is set smaller or
//! hyphenated, never cut; italic Greek and Cyrillic from the fallback face
//! are slanted; every character the fonts cannot print is told once (skin
//! tones too); a summary without marked slides is still a useful page, with
//! a warning.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lopdf::content::Content;

use crate::common::{kampvuur_in, stderr_of};
use crate::pdf_support::parse;

use kampvuur::content::{load_workshop, parse_workshop};
use kampvuur::model::Workshop;
use kampvuur::pdf::{self, DocKind, ExportRequest};

/// A one-section workshop with one slide (`title`, `body`) and a checklist.
fn workshop(title: &str, body: &str) -> Workshop {
    let ron = format!(
        "Workshop(title: \"Proef\", subtitle: \"\", author: \"\", language: \"nl-NL\", \
         sections: [(title: \"{title}\", minutes: 10, items: [\
         Slide(title: \"{title}\", body: \"{body}\"), \
         Checklist(id: \"A\", title: \"Wat doe je morgen?\", mode: Individual, intro: \"\", \
         items: [Check(\"Ik adem eerst uit.\"), Check(\"Ik zeg wat ik zie.\")]),])])"
    );
    parse_workshop(&ron, "proef.ron").unwrap()
}

fn render(w: &Workshop, kind: DocKind) -> pdf::Rendered {
    pdf::render(w, &ExportRequest::new(kind)).unwrap()
}

#[test]
fn an_overlong_word_in_a_heading_is_never_cut() {
    let word = "Kinderopvangtoeslagaanvraagformulierenafhandelingsprocedure";
    let w = workshop(word, "Tekst.");
    for kind in [DocKind::Workbook, DocKind::Guide] {
        let p = parse(&render(&w, kind).bytes);
        let lines: Vec<&str> = p
            .runs
            .iter()
            .filter(|r| {
                r.text.starts_with("Kinderopvang") || word.contains(r.text.trim_end_matches('-'))
            })
            .map(|r| r.text.as_str())
            .collect();
        let joined: String = lines.concat().replace('-', "");
        assert!(joined.contains(word), "{kind:?}: {lines:?}");
        // Every piece of a broken word ends in a hyphen.
        for l in &lines {
            if !l.ends_with(word.chars().last().unwrap())
                && word.starts_with(l.trim_end_matches('-'))
            {
                assert!(l.ends_with('-'), "{kind:?}: ‘{l}’ cut without a hyphen");
            }
        }
        crate::pdf_support::assert_inside(&p, 56.0);
    }
}

#[test]
fn italic_greek_and_cyrillic_are_slanted() {
    let w = workshop("Namen", "*Ελένη en Анна* en Ελένη");
    let out = render(&w, DocKind::Workbook);
    let doc = lopdf::Document::load_mem(&out.bytes).unwrap();
    let mut skewed = 0;
    let mut upright = 0;
    for (_, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        for op in content.operations.iter().filter(|o| o.operator == "Tm") {
            let c = op.operands[2].as_float().unwrap();
            if c > 0.1 {
                skewed += 1;
            } else {
                upright += 1;
            }
        }
    }
    // The italic Greek and Cyrillic: two stretches; the upright Greek stays.
    assert_eq!(skewed, 2, "{skewed} slanted, {upright} upright");
}

#[test]
fn every_dropped_character_is_told_once() {
    let w = workshop("Vuur", "Goed zo 🔥 👍🏽 en nog eens 🔥.");
    let out = render(&w, DocKind::Workbook);
    assert_eq!(out.dropped, ['🔥', '👍', '\u{1f3fd}']);
    let warnings = pdf::warnings(&w, &ExportRequest::new(DocKind::Workbook), &out);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("🏽"), "{warnings:?}");
    // The command line says it once, and `check` names the skin tone too.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vuur.ron");
    let ron = "Workshop(title: \"Proef\", subtitle: \"\", author: \"\", language: \"nl-NL\", \
               sections: [(title: \"Een\", minutes: 10, items: [\
               Slide(title: \"Vuur\", body: \"Goed zo 🔥 👍🏽 en 🔥\")])])";
    std::fs::write(&file, ron).unwrap();
    let run = kampvuur_in(
        &["export", "--kind", "workbook", "vuur.ron", "-o", "w.pdf"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr_of(&run));
    let err = stderr_of(&run);
    assert_eq!(err.matches("waarschuwing").count(), 1, "{err}");
    assert!(err.contains("🔥") && err.contains("🏽"), "{err}");
    let check = kampvuur_in(&["check", "vuur.ron"], dir.path());
    let err = stderr_of(&check);
    assert!(err.contains("U+1F3FD"), "{err}");
}

#[test]
fn a_summary_without_marked_slides_warns_and_is_still_useful() {
    let w = load_workshop(std::path::Path::new("tests/fixtures/voorbeeld.ron")).unwrap();
    assert!(pdf::summary_warning(&w).is_some());
    let out = render(&w, DocKind::Summary);
    let warnings = pdf::warnings(&w, &ExportRequest::new(DocKind::Summary), &out);
    assert!(
        warnings.iter().any(|m| m.contains("summary: true")),
        "{warnings:?}"
    );
    let text = parse(&out.bytes).text();
    // The section's key sentence and the checklist with its statements.
    assert!(text.contains("Rust begint bij jezelf"), "{text}");
    assert!(text.contains("Wat heeft dit kind nu nodig?"), "{text}");
    assert!(
        text.contains("We hebben eerst naar het welzijn gekeken."),
        "{text}"
    );
    // A workshop with marked slides has no warning.
    let shipped = kampvuur::content::bundled_workshop().unwrap();
    assert!(pdf::summary_warning(&shipped).is_none());
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/voorbeeld.ron", dir.path().join("v.ron")).unwrap();
    let check = kampvuur_in(&["check", "v.ron"], dir.path());
    assert!(
        stderr_of(&check).contains("summary: true"),
        "{}",
        stderr_of(&check)
    );
}

#[test]
fn at_most_two_hyphenated_lines_in_a_row() {
    use kampvuur::pdf::Mm;
    use kampvuur::pdf::font::{FontStyle, fonts};
    use kampvuur::pdf::wrap::{measure, plain, wrap};
    let f = fonts().unwrap();
    let text_of = |l: &kampvuur::pdf::wrap::Line| -> String {
        l.runs.iter().map(|r| r.text.as_str()).collect()
    };
    let text = "arbeidsongeschiktheidsverzekering ".repeat(4)
        + &"onderwijsbegeleidingsdienst samenwerkingsverband ".repeat(8);
    let widest = text
        .split_whitespace()
        .map(|w| measure(f, w, FontStyle::Regular, 11.0).0)
        .fold(0.0, f32::max);
    // Where every word fits a line (a longer one must break anyway).
    for width in [1.05, 1.2, 1.4, 1.7, 2.1].map(|k| widest * k) {
        let lines = wrap(f, &plain(&text, FontStyle::Regular), 11.0, Mm(width));
        let mut row = 0;
        let mut most = 0;
        for l in &lines {
            row = if text_of(l).ends_with('-') {
                row + 1
            } else {
                0
            };
            most = most.max(row);
        }
        assert!(most <= 2, "{most} in a row at {width} mm");
        assert!(lines.iter().all(|l| l.width.0 <= width + 1e-3));
    }
}
