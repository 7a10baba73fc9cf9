#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The team picture: nothing below the minimum, exact counts and medians,
//! shared answers only from shareable checklists and only when ticked.

use std::collections::BTreeSet;

use kampvuur::content::parse_workshop;
use kampvuur::model::{
    Answer, AnswerSet, ItemSummary, Respondent, SharedKey, TeamSummary, Workshop, median, team_csv,
};

const EXAMPLE: &str = include_str!("fixtures/voorbeeld.ron");

fn workshop() -> Workshop {
    parse_workshop(EXAMPLE, "voorbeeld.ron").unwrap()
}

/// Participant `i`: ticks item 0 when i is even, answers yes when i % 3 == 0,
/// scale i % 5 + 1, and an open answer (shared when i is odd).
fn person(w: &Workshop, i: usize) -> AnswerSet {
    let c = w.checklist("A").unwrap();
    let mut set = AnswerSet::new(&format!("P{i}"), &w.title);
    *set.get_mut("A", 0, &c.items[0]) = Answer::Check(i.is_multiple_of(2));
    *set.get_mut("A", 1, &c.items[1]) = Answer::YesNo(Some(i.is_multiple_of(3)));
    *set.get_mut("A", 2, &c.items[2]) = Answer::Scale(Some((i % 5 + 1) as u8));
    *set.get_mut("A", 3, &c.items[3]) = Answer::Open(format!("stap {i}"));
    set.set_shared("A", 3, i % 2 == 1);
    set
}

fn summary(
    w: &Workshop,
    sets: &[AnswerSet],
    min: usize,
    approved: &BTreeSet<SharedKey>,
) -> TeamSummary {
    let ids: Vec<String> = (0..sets.len()).map(|i| format!("p{i}")).collect();
    let rs: Vec<Respondent> = sets
        .iter()
        .zip(&ids)
        .map(|(answers, id)| Respondent { id, answers })
        .collect();
    let open = BTreeSet::from(["A".to_owned()]);
    TeamSummary::new(w, &open, &rs, min, approved)
}

#[test]
fn fewer_than_the_minimum_shows_nothing() {
    let w = workshop();
    let sets: Vec<_> = (0..4).map(|i| person(&w, i)).collect();
    let s = summary(&w, &sets, 5, &BTreeSet::new());
    let c = &s.checklists[0];
    assert!(c.hidden);
    assert_eq!(c.respondents, 4);
    assert!(c.items.is_empty(), "no numbers at all below the minimum");
    assert_eq!(s.shared().count(), 0);
    // The minimum can be lowered, but never below 3.
    let s = summary(&w, &sets, 1, &BTreeSet::new());
    assert_eq!(s.min_answers, 3);
    assert!(!s.checklists[0].hidden);
    // Someone who answered nothing does not count.
    let mut sets = sets;
    sets.push(AnswerSet::new("Leeg", &w.title));
    assert!(summary(&w, &sets, 5, &BTreeSet::new()).checklists[0].hidden);
}

#[test]
fn counts_and_medians_are_exact() {
    let w = workshop();
    let sets: Vec<_> = (0..6).map(|i| person(&w, i)).collect();
    let s = summary(&w, &sets, 5, &BTreeSet::new());
    let c = &s.checklists[0];
    assert!(!c.hidden);
    assert_eq!(c.respondents, 6);
    assert_eq!(
        c.items[0],
        ItemSummary::Check {
            text: "We hebben eerst naar het welzijn gekeken.".into(),
            ticked: 3
        }
    );
    match &c.items[1] {
        ItemSummary::YesNo { yes, no, .. } => assert_eq!((*yes, *no), (2, 4)),
        other => panic!("{other:?}"),
    }
    match &c.items[2] {
        // Values 1, 2, 3, 4, 5, 1 → sorted 1 1 2 3 4 5 → median 2,5.
        ItemSummary::Scale { counts, median, .. } => {
            assert_eq!(counts, &vec![2, 1, 1, 1, 1]);
            assert_eq!(*median, Some(2.5));
        }
        other => panic!("{other:?}"),
    }
    match &c.items[3] {
        ItemSummary::Open {
            answered, shared, ..
        } => {
            assert_eq!(*answered, 6);
            let texts: Vec<_> = shared.iter().map(|s| s.text()).collect();
            assert_eq!(
                texts,
                ["stap 1", "stap 3", "stap 5"],
                "only ticked, by text"
            );
            assert!(shared.iter().all(|s| !s.approved));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(median(&mut [4, 1, 3]), Some(3.0));
    assert_eq!(median(&mut []), None);
}

#[test]
fn approval_is_for_the_text_that_was_read() {
    let w = workshop();
    let mut sets: Vec<_> = (0..6).map(|i| person(&w, i)).collect();
    let first = summary(&w, &sets, 5, &BTreeSet::new());
    let key = first.pending().next().unwrap().key.clone();
    let approved = BTreeSet::from([key.clone()]);
    let s = summary(&w, &sets, 5, &approved);
    assert_eq!(s.shared().filter(|a| a.approved).count(), 1);
    assert_eq!(s.pending().count(), 2);
    let csv = team_csv(&s);
    assert!(csv.contains("gedeeld antwoord;stap 1"), "{csv}");
    assert!(
        !csv.contains("stap 3"),
        "unapproved answers stay out of the CSV"
    );
    // The teacher edits the answer: it needs a new approval.
    let c = w.checklist("A").unwrap();
    *sets[1].get_mut("A", 3, &c.items[3]) = Answer::Open("iets anders".into());
    let s = summary(&w, &sets, 5, &approved);
    assert_eq!(s.shared().filter(|a| a.approved).count(), 0);
}

#[test]
fn not_shareable_means_never_shared() {
    let mut w = workshop();
    for section in &mut w.sections {
        for item in &mut section.items {
            if let kampvuur::model::Item::Checklist(c) = item {
                c.shareable = false;
            }
        }
    }
    let sets: Vec<_> = (0..6).map(|i| person(&w, i)).collect();
    let s = summary(&w, &sets, 5, &BTreeSet::new());
    assert_eq!(s.shared().count(), 0);
}

#[test]
fn csv_has_decimal_comma_and_one_row_per_outcome() {
    let w = workshop();
    let sets: Vec<_> = (0..6).map(|i| person(&w, i)).collect();
    let csv = team_csv(&summary(&w, &sets, 5, &BTreeSet::new()));
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(";schaal;mediaan;2,5;6\r\n"), "{csv}");
    assert!(csv.contains(";ja/nee;ja;2;6\r\n"));
    assert!(csv.contains(";ja/nee;nee;4;6\r\n"));
    assert!(csv.contains(";schaal;1 (weinig);2;6\r\n"));
    assert!(csv.contains(";schaal;5 (veel);1;6\r\n"));
    let hidden = team_csv(&summary(&w, &sets[..2], 5, &BTreeSet::new()));
    assert!(hidden.contains("niet getoond: minder dan 5 antwoorden"));
    assert!(!hidden.contains(";2\r\n"), "not even the count: {hidden}");
    assert!(!hidden.contains("schaal"));
}

/// An open question on the team picture says how many answers there are
/// when none is shown yet, instead of an empty space.
#[test]
fn an_open_question_without_shown_answers_says_what_there_is() {
    use egui_kittest::kittest::Queryable;
    let w = workshop();
    let sets: Vec<_> = (0..6).map(|i| person(&w, i)).collect();
    let s = summary(&w, &sets, 5, &BTreeSet::new());
    let mut h = egui_kittest::Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui(move |ui| {
            let rect = ui.max_rect();
            kampvuur::ui::team::team_picture(ui, rect, &s);
        });
    h.run_steps(2);
    h.get_by_label("6 antwoorden; er wordt er nog geen getoond");
}
