#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Every path the issue found super-linear, at sizes n and 4n: four times the
//! input may take at most six times as long (linear is four, quadratic
//! sixteen). Absolute bounds are generous, for a slow debug build on a busy
//! machine; the figures of a release build are in the README ("Prestaties").

use std::time::{Duration, Instant};

use kampvuur::content::parse_workshop;
use kampvuur::model::{AnswerSet, DocKind, Workshop};
use kampvuur::pdf::{ExportRequest, layout};

/// The fastest of five runs of `f` (the machine may be busy with others).
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Times `run` at sizes `n` and `4n`; fails when the ratio is above 6 or a
/// run takes longer than `bound`.
fn scales_linearly(what: &str, n: usize, bound: Duration, run: impl Fn(usize)) {
    // One scaling test at a time: they would otherwise time each other.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    run(n); // warm up: fonts, allocator
    // Other tests share the two cores: a ratio over 6 is measured again (at
    // most three times in all). A quadratic path (ratio 16) fails every time.
    let (mut small, mut large, mut ratio) = (Duration::ZERO, Duration::ZERO, f64::INFINITY);
    for _ in 0..3 {
        let s = fastest(|| run(n));
        let l = fastest(|| run(4 * n));
        let r = l.as_secs_f64() / s.as_secs_f64().max(1e-4);
        eprintln!("{what}: n={n} {s:?}, 4n={} {l:?}, ratio {r:.1}", 4 * n);
        if r < ratio {
            (small, large, ratio) = (s, l, r);
        }
        if ratio <= 6.0 {
            break;
        }
    }
    assert!(large < bound, "{what}: {large:?} at 4n={}", 4 * n);
    assert!(
        ratio <= 6.0,
        "{what}: ratio {ratio:.1} ({small:?} → {large:?})"
    );
}

fn workshop(items: &str) -> String {
    format!(
        r#"Workshop(title: "T", subtitle: "s", author: "a", language: "nl-NL",
        sections: [(title: "Deel", minutes: 10, items: [{items}])])"#
    )
}

fn parse(src: &str) -> Workshop {
    parse_workshop(src, "w.ron").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn raw_strings_with_many_hashes_are_read_in_linear_time() {
    scales_linearly("raw string", 50_000, Duration::from_secs(20), |n| {
        let hashes = "#".repeat(n);
        let src = workshop(&format!(
            r###"Slide(title: "D", minutes: 1, body: r{hashes}"tekst met "# en "## erin"{hashes})"###
        ));
        parse(&src);
    });
}

#[test]
fn a_long_title_is_fitted_in_linear_time() {
    let base = parse(&workshop(r#"Slide(title: "D", minutes: 1, body: "tekst")"#));
    scales_linearly("title", 8_000, Duration::from_secs(20), |n| {
        // Past validation (which refuses it): the layout itself is linear too.
        let mut w = base.clone();
        w.title = "Lange titel ".repeat(n / 12 + 1);
        layout(&w, &ExportRequest::new(DocKind::Guide)).unwrap();
    });
}

#[test]
fn empty_bullets_are_laid_out_in_linear_time() {
    scales_linearly("bullets", 1_000, Duration::from_secs(30), |n| {
        let body = "-\\n".repeat(n);
        let items: Vec<String> = (0..10)
            .map(|i| {
                format!(r#"Slide(title: "D{i}", minutes: 1, body: "{body}", notes: "{body}")"#)
            })
            .collect();
        let w = parse(&workshop(&items.join(", ")));
        for kind in [DocKind::Guide, DocKind::Workbook] {
            layout(&w, &ExportRequest::new(kind)).unwrap();
        }
    });
}

#[test]
fn paragraphs_and_bullets_with_text_are_laid_out_in_linear_time() {
    scales_linearly("paragraphs", 250, Duration::from_secs(30), |n| {
        let body = "- punt met wat tekst erin\\n\\nEen alinea met woorden.\\n\\n".repeat(n);
        let items: Vec<String> = (0..5)
            .map(|i| format!(r#"Slide(title: "D{i}", minutes: 1, body: "{body}")"#))
            .collect();
        let w = parse(&workshop(&items.join(", ")));
        layout(&w, &ExportRequest::new(DocKind::Guide)).unwrap();
    });
}

#[test]
fn a_long_participant_name_is_laid_out_in_linear_time() {
    let w = parse(&workshop(
        r#"Checklist(id: "c", title: "Lijst", mode: Individual, minutes: 1, items: [Check("ja")])"#,
    ));
    scales_linearly("name", 40_000, Duration::from_secs(20), |n| {
        // Past the cap of 60 characters on loading: the layout is linear too.
        let mut set = AnswerSet::new(&"Naam".repeat(n / 4), &w.title);
        set.participant = "Naam".repeat(n / 4);
        let mut req = ExportRequest::new(DocKind::Reflection);
        req.answers = Some(&set);
        layout(&w, &req).unwrap();
    });
}
