#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The shipped workshop held to the timing model (model/pacing.rs and the
//! "Tijdmodel" in docs/workshop-format.md): every item plans at least what
//! its activities cost, every section is its items plus the transition, and
//! the afternoon fits in 150 minutes with at least 5 minutes to spare.
//! Parsed at the model level (no pictures loaded), so it holds with or
//! without the drawings on disk.

use kampvuur::content::parse_workshop;
use kampvuur::model::pacing::{self, Activity};
use kampvuur::model::{Item, Workshop};

const SHIPPED: &str = "workshops/vurige-kind-in-de-klas.workshop.ron";
/// The afternoon, and the minutes it keeps free for a late start or a question.
const AFTERNOON: u64 = 150;
const SLACK: u64 = 5;

fn shipped() -> Workshop {
    let source = std::fs::read_to_string(SHIPPED).unwrap();
    parse_workshop(&source, SHIPPED).unwrap_or_else(|e| panic!("{e}"))
}

/// Everything in `w` that breaks the model, in words.
fn problems(w: &Workshop) -> Vec<String> {
    let mut out = Vec::new();
    for (section, cost) in w.sections.iter().zip(pacing::section_costs(w)) {
        for (item, c) in section.items.iter().zip(&cost.items) {
            let plans = item.minutes().is_some() && !matches!(item, Item::Break(_));
            if plans && pacing::activities(item).is_empty() {
                out.push(format!("‘{}’: minuten zonder activiteiten", c.title));
            }
            if !plans && c.seconds > 0 {
                out.push(format!("‘{}’: activiteiten zonder minuten", c.title));
            }
            if !c.fits() {
                out.push(format!(
                    "‘{}’: {} min gepland, model {} s {:?}",
                    c.title, c.planned, c.seconds, c.problems
                ));
            }
        }
        if u64::from(cost.planned) != cost.claimed {
            out.push(format!(
                "onderdeel ‘{}’: {} min, items + overgang {}",
                cost.title, cost.planned, cost.claimed
            ));
        }
    }
    let total: u64 = w.sections.iter().map(|s| u64::from(s.minutes)).sum();
    if total + SLACK > AFTERNOON {
        out.push(format!(
            "totaal {total} min: minder dan {SLACK} min speling"
        ));
    }
    out
}

#[test]
fn shipped_workshop_follows_the_timing_model() {
    let w = shipped();
    // The table for the notes (`cargo test workshop_timing -- --nocapture`):
    // planned minutes, and the model's cost of the activities plus the transition.
    for (section, c) in w.sections.iter().zip(pacing::section_costs(&w)) {
        let seconds: u32 = c.items.iter().map(|i| i.seconds).sum();
        let model = f64::from(seconds) / 60.0 + f64::from(pacing::transition(section));
        println!("| {} | {} | {model:.1} |", c.title, c.planned);
    }
    let found = problems(&w);
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        pacing::warnings(&w).is_empty(),
        "{:#?}",
        pacing::warnings(&w)
    );
    // Every working item says what happens in it.
    let priced = w
        .items()
        .filter(|i| !pacing::activities(i).is_empty())
        .count();
    assert!(priced >= 30, "{priced} items met activiteiten");
}

#[test]
fn the_model_prices_what_the_documentation_says() {
    let w = shipped();
    let a = w.checklist("A").unwrap();
    // 30 s to open, 9 scales of 15 s, 3 open questions of 2 lines (30 + 2 × 15 s).
    assert_eq!(pacing::fill_seconds(&a.items), 30 + 9 * 15 + 3 * 60);
    let report = Item::Timer(kampvuur::model::Timer {
        label: "Ronde".into(),
        minutes: 5,
        instruction: Default::default(),
        activities: vec![Activity::Terugkoppeling { groups: 6 }],
    });
    let c = pacing::item_cost(&report, &w);
    assert_eq!((c.seconds, c.minutes()), (30 + 6 * 45, 5));
    assert!(c.fits());
}

/// A workshop whose author planned too little: a slide with two plenary
/// questions in two minutes, groups without time to form, a checklist that
/// does not exist, a section without its transition, and no slack.
const TOO_TIGHT: &str = r#"Workshop(
    title: "Te krap",
    sections: [
        (
            title: "Begin",
            minutes: 2,
            items: [
                Slide(title: "Twee vragen", minutes: 2, activities: [Uitleg(1), PlenaireVraag, PlenaireVraag]),
            ],
        ),
        (
            title: "Groepjes",
            minutes: 146,
            items: [
                Slide(title: "Zo werken we", minutes: 1, activities: [Groepjes]),
                Timer(label: "Werk", minutes: 10, activities: [Groepswerk(10), Invullen("Z")]),
                Slide(title: "Ronde", minutes: 134, activities: [Terugkoppeling(groups: 6)]),
            ],
        ),
    ],
)"#;

#[test]
fn a_too_tight_workshop_fails_the_model() {
    let w = parse_workshop(TOO_TIGHT, "te-krap.workshop.ron").unwrap_or_else(|e| panic!("{e}"));
    let found = problems(&w);
    let has = |needle: &str| found.iter().any(|p| p.contains(needle));
    assert!(
        has("‘Twee vragen’: 2 min gepland, model 240 s"),
        "{found:#?}"
    );
    assert!(
        has("‘Zo werken we’: 1 min gepland, model 180 s"),
        "{found:#?}"
    );
    assert!(has("er is geen checklist ‘Z’"), "{found:#?}");
    assert!(
        has("onderdeel ‘Begin’: 2 min, items + overgang 3"),
        "{found:#?}"
    );
    assert!(has("totaal 148 min"), "{found:#?}");
    assert!(!has("‘Ronde’"), "planned more than its cost: {found:#?}");
    // `kampvuur check` hears the same, as warnings.
    let warnings = pacing::warnings(&w);
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].contains("plant 2 min, maar wat erin gebeurt kost volgens het tijdmodel 4 min")
    );
}

/// The ready-made variants ("90 minuten", "Zonder pauze (120 minuten)") are
/// held to the same model: every kept item and section still adds up, and
/// each leaves at least 5 minutes of its available time free.
#[test]
fn shipped_variants_follow_the_timing_model() {
    let w = shipped();
    let names: Vec<&str> = w.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["90 minuten", "Zonder pauze (120 minuten)"]);
    for variant in &w.variants {
        let (derived, mismatches) = variant.apply(&w).unwrap();
        assert!(mismatches.is_empty(), "{}: {mismatches:?}", variant.name);
        let found = problems(&derived);
        assert!(found.is_empty(), "{}: {found:#?}", variant.name);
        let total: u64 = derived.sections.iter().map(|s| u64::from(s.minutes)).sum();
        let available = u64::from(variant.available.unwrap());
        assert!(
            total + SLACK <= available,
            "{}: {total} min of {available}",
            variant.name
        );
        // The core stays: the bar, the alarm, a case round and the reflection.
        let titles: Vec<&str> = derived.items().map(|i| i.title()).collect();
        for core in [
            "De lat: hoog, en toch haalbaar",
            "Het alarm in je brein",
            "Werken in groepjes",
            "Mijn voornemen",
            "Loslaten is geen wegkijken",
        ] {
            assert!(
                titles.contains(&core),
                "{}: ‘{core}’ ontbreekt",
                variant.name
            );
        }
    }
}
