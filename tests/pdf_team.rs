//! The team overview: no two words on top of each other (measured with
//! poppler's `pdftotext -bbox`), no median for a two-way choice, the count
//! on each bar with the step under it, the Dutch date, a bookmark per
//! checklist.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::pdf_flow::both;
use crate::pdf_support::parse;
use crate::pdf_tagged::{people, render_kind, team_of};

use kampvuur::content::parse_workshop;
use kampvuur::model::Workshop;
use kampvuur::pdf::{self, DocKind, ExportRequest};

/// A workshop whose scales have long end labels, in 2, 3, 5 and 10 steps.
fn long_labels() -> Workshop {
    let scale = |steps: u8| {
        format!(
            "Scale(text: \"Hoe vaak lukt het je om in een volle klas rustig te blijven?\", \
             left: \"bijna nooit, eigenlijk alleen op een goede dag\", \
             right: \"bijna altijd, ook als het onrustig wordt\", steps: {steps}),"
        )
    };
    let ron = format!(
        "Workshop(title: \"Labels\", subtitle: \"\", author: \"\", language: \"nl-NL\", \
         sections: [(title: \"Een\", minutes: 10, items: [Checklist(id: \"L\", \
         title: \"Lange woorden\", mode: Individual, intro: \"\", items: [{}{}{}{} \
         Scale(text: \"Kort\", left: \"doe ik al\", right: \"wil ik proberen\", steps: 2),]),])])",
        scale(2),
        scale(3),
        scale(5),
        scale(10)
    );
    parse_workshop(&ron, "labels.ron").unwrap()
}

/// One word as `pdftotext -bbox` places it, in points from the top left.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let at = tag.find(&key).unwrap() + key.len();
    let end = tag[at..].find('"').unwrap();
    tag[at..at + end].parse().unwrap()
}

fn words(bytes: &[u8], name: &str) -> Vec<Word> {
    let dir = std::env::temp_dir().join("kampvuur-pdf-team");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    let html = dir.join(format!("{name}.html"));
    std::fs::write(&pdf, bytes).unwrap();
    let status = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg(&html)
        .status()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(status.success());
    let text = std::fs::read_to_string(&html).unwrap();
    let mut out = Vec::new();
    for (page, chunk) in text.split("<page ").skip(1).enumerate() {
        for w in chunk.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap();
            let word = rest.split("</word>").next().unwrap_or_default();
            out.push(Word {
                page,
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text: word.to_owned(),
            });
        }
    }
    out
}

/// Pairs of words whose boxes overlap by more than a hair (the boxes of
/// two lines of one paragraph touch; they do not cross).
fn overlaps(words: &[Word]) -> Vec<String> {
    let mut bad = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if a.page != b.page {
                continue;
            }
            let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
            let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
            let short = (a.y1 - a.y0).min(b.y1 - b.y0);
            if dx > 0.5 && dy > short * 0.25 {
                bad.push(format!(
                    "page {}: ‘{}’ and ‘{}’ ({dx:.1} × {dy:.1} pt)",
                    a.page + 1,
                    a.text,
                    b.text
                ));
            }
        }
    }
    bad
}

#[test]
fn no_words_overlap_on_the_team_overview() {
    let mut workshops = both().to_vec();
    workshops.push(long_labels());
    for w in &workshops {
        let out = render_kind(w, DocKind::Team, &[]);
        let found = words(&out.bytes, &kampvuur::model::slug(&w.title, "team"));
        assert!(found.len() > 50, "{}: {} words", w.title, found.len());
        let bad = overlaps(&found);
        assert!(
            bad.is_empty(),
            "{}: {} overlaps: {bad:#?}",
            w.title,
            bad.len()
        );
        // Every end label is there, whole.
        let text = parse(&out.bytes).squashed();
        for cl in w.checklists() {
            for item in &cl.items {
                if let kampvuur::model::ChecklistItem::Scale { left, right, .. } = item {
                    for label in [left, right] {
                        let first = label.split_whitespace().next().unwrap();
                        assert!(text.contains(first), "{}: ‘{label}’", w.title);
                    }
                }
            }
        }
    }
}

#[test]
fn the_overlap_check_finds_words_on_top_of_each_other() {
    let placed = |x0: f32, y0: f32, text: &str| Word {
        page: 0,
        x0,
        y0,
        x1: x0 + 30.0,
        y1: y0 + 10.0,
        text: text.to_owned(),
    };
    assert_eq!(
        overlaps(&[placed(10.0, 10.0, "doe"), placed(20.0, 11.0, "wil")]).len(),
        1
    );
    assert!(overlaps(&[placed(10.0, 10.0, "doe"), placed(41.0, 10.0, "ik")]).is_empty());
    // Two lines of a paragraph whose boxes just touch.
    assert!(overlaps(&[placed(10.0, 10.0, "een"), placed(10.0, 19.0, "twee")]).is_empty());
}

#[test]
fn a_two_way_choice_has_no_median_and_every_bar_its_count() {
    let w = long_labels();
    let sets = people(&w, 7);
    let team = team_of(&w, &sets);
    let req = ExportRequest {
        team: Some(&team),
        date: Some("2026-12-06".into()),
        ..ExportRequest::new(DocKind::Team)
    };
    let out = pdf::render(&w, &req).unwrap();
    let p = parse(&out.bytes);
    let text = p.text();
    // Three scales of 3 steps or more have a median; the two two-step ones not.
    assert_eq!(text.matches("mediaan").count(), 3, "{text}");
    // The two-way split says its words with their counts.
    assert!(text.contains("doe ik al:"), "{text}");
    assert!(text.contains("wil ik proberen:"), "{text}");
    // The ten-step histogram: step numbers 1 to 10 under the bars.
    assert!(p.runs.iter().any(|r| r.text == "10"), "step 10 printed");
    // The date in words, as on every other document.
    assert!(text.contains("6 december 2026"), "{text}");
    assert!(!text.contains("2026-12-06"));
    // A bookmark per checklist, at its heading.
    let outline = p.outline();
    assert!(
        outline
            .iter()
            .any(|(_, t, _)| t == "Checklist: Lange woorden"),
        "{outline:?}"
    );
}
