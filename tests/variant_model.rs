//! Variants in the model: applied part by part, minutes recomputed, what no
//! longer matches after the workshop changed, what depends on a part.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kampvuur::content::{load_variant, parse_workshop};
use kampvuur::model::{
    Fit, Item, ItemRef, Mismatch, Variant, VariantError, Workshop, content_hash, dependants,
    section_dependants,
};

pub const MIDDAG: &str = include_str!("fixtures/variant/middag.workshop.ron");

pub fn middag() -> Workshop {
    parse_workshop(MIDDAG, "middag.workshop.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn titles(w: &Workshop) -> Vec<String> {
    w.items().map(|i| i.title().to_owned()).collect()
}

fn at(w: &Workshop, title: &str) -> ItemRef {
    w.item_refs()
        .into_iter()
        .find(|r| w.item(*r).unwrap().title() == title)
        .unwrap()
}

#[test]
fn the_workshops_own_variant_leaves_out_and_changes_minutes() {
    let w = middag();
    assert_eq!(w.total_minutes(), 90);
    assert_eq!(w.variants.len(), 1);
    let kort = &w.variants[0];
    let (d, mismatches) = kort.apply(&w).unwrap();
    assert!(mismatches.is_empty(), "{mismatches:?}");
    assert!(
        !titles(&d).iter().any(|t| t.contains("Daan")),
        "{:?}",
        titles(&d)
    );
    assert!(d.checklist("daan").is_none());
    assert!(d.checklist("noor").is_some());
    // Casussen: 60 − 10 (Daan) − 10 (checklist daan) − 5 (groepjes 10 → 5).
    let casussen = d.sections.iter().find(|s| s.title == "Casussen").unwrap();
    assert_eq!(casussen.minutes, 35);
    assert_eq!(d.total_minutes(), 65);
    assert_eq!(kort.plan(&w).total(), d.total_minutes());
    assert_eq!(d.variant.as_deref(), Some("Kort"));
    // The workshop itself is untouched.
    assert_eq!(w, middag());
}

#[test]
fn a_variant_file_reorders_and_sets_a_sections_own_time() {
    let w = middag();
    let v = load_variant(std::path::Path::new(
        "tests/fixtures/variant/regenboog.variant.ron",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let (d, mismatches) = v.apply(&w).unwrap();
    assert!(mismatches.is_empty());
    let order: Vec<&str> = d.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(order, ["Casussen", "Opening", "Afsluiting"]);
    let minutes: Vec<u32> = d.sections.iter().map(|s| s.minutes).collect();
    // Casussen 60 − 10 − 10 − 5 (pauze) − 2 (groepjes 10 → 8); Opening 15 − 5;
    // Afsluiting 15 with its own 5 minutes set to 0.
    assert_eq!(minutes, [33, 10, 10]);
    assert_eq!(d.total_minutes(), 53);
    assert_eq!(Fit::of(d.total_minutes(), v.available), Fit::Fits);
    assert_eq!(v.start_time(), Some((14, 15)));
    // Every section's items still fit in its minutes.
    for s in &d.sections {
        assert!(s.claimed_minutes() <= u64::from(s.minutes), "{}", s.title);
    }
}

#[test]
fn a_changed_workshop_keeps_what_still_matches() {
    let w = middag();
    let mut v = w.variants[0].clone();
    v.hash = Some(content_hash(&w));
    v.workshop = w.title.clone();
    assert!(!v.workshop_changed(&w));
    // The author renames the second case and drops the break.
    let changed = MIDDAG
        .replace("Casus Daan", "Casus Daan en Mo")
        .replace("Break(label: \"Pauze\", minutes: 5),", "");
    let changed = parse_workshop(&changed, "middag.workshop.ron").unwrap();
    assert!(v.workshop_changed(&changed));
    let (d, mismatches) = v.apply(&changed).unwrap();
    assert_eq!(
        mismatches,
        [Mismatch::NoItem {
            section: "Casussen".into(),
            item: "Casus Daan".into()
        }]
    );
    assert_eq!(
        mismatches[0].to_string(),
        "‘Casus Daan’ staat niet (meer) in het onderdeel ‘Casussen’"
    );
    // The rest still holds: the checklist is out, the timer shorter.
    assert!(d.checklist("daan").is_none());
    assert!(titles(&d).contains(&"Casus Daan en Mo".to_owned()));
    let groepjes = d.items().find(|i| i.title() == "Groepjes Noor").unwrap();
    assert_eq!(groepjes.minutes(), Some(5));
}

#[test]
fn another_workshop_or_nothing_left_is_refused() {
    let w = middag();
    let mut v = Variant::of(&w, "Elders");
    v.workshop = "Een andere workshop".into();
    assert!(matches!(
        v.apply(&w),
        Err(VariantError::OtherWorkshop { .. })
    ));
    let mut all = Variant::of(&w, "Niets");
    for i in 0..w.sections.len() {
        all.set_section_included(&w, i, false);
    }
    let e = all.apply(&w).unwrap_err();
    assert_eq!(
        e.to_string(),
        "de variant ‘Niets’ laat niets van de workshop over"
    );
}

#[test]
fn editing_a_variant_like_the_panel_does() {
    let w = middag();
    let mut v = Variant::of(&w, "Proef");
    let welkom = at(&w, "Welkom");
    let daan = at(&w, "Casus Daan");
    v.set_item_included(&w, welkom, false);
    v.set_item_included(&w, daan, false);
    let groepjes = at(&w, "Groepjes Noor");
    v.set_item_minutes(&w, groepjes, 11);
    let plan = v.plan(&w);
    assert!(plan.is_left_out(welkom) && plan.is_left_out(daan));
    // Welkom has no minutes of its own: only Daan's 10 go, one comes on.
    assert_eq!(plan.total(), 90 - 10 + 1);
    // Back to the workshop's own minutes: no change is kept.
    v.set_item_minutes(&w, groepjes, 10);
    assert!(v.minutes.is_empty());
    v.set_item_included(&w, welkom, true);
    assert_eq!(v.leave_out.len(), 1);
    // A section out as a whole, then one item back: the rest stays out.
    v.set_section_included(&w, 2, false);
    assert_eq!(v.plan(&w).total(), 90 - 10 - 15);
    let bedankt = at(&w, "Bedankt");
    v.set_item_included(&w, bedankt, true);
    let plan = v.plan(&w);
    assert!(!plan.is_left_out(bedankt));
    assert!(plan.is_left_out(at(&w, "Wat neem je mee?")));
    // Moving sections: down and back up is the natural order again.
    v.move_section(&w, 0, false);
    assert_eq!(v.order, ["Casussen", "Opening", "Afsluiting"]);
    v.move_section(&w, 0, true);
    assert!(v.order.is_empty());
    // Saved and read back, it is the same variant.
    let text = ron::ser::to_string_pretty(&v, Default::default()).unwrap();
    let back = kampvuur::content::parse_variant(&text, "proef.variant.ron").unwrap();
    assert_eq!(back, v);
}

#[test]
fn leaving_out_what_others_need_lists_them() {
    let w = middag();
    let v = Variant::of(&w, "Proef");
    let plan = v.plan(&w);
    let noor = dependants(&w, &plan, at(&w, "Wat heeft Noor nodig?"));
    let texts: Vec<&str> = noor.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "de zaal opent de checklist ‘Wat heeft Noor nodig?’ dan niet: niemand vult hem in",
            "de casus ‘Casus Noor’ gebruikt deze checklist",
        ]
    );
    let case = dependants(&w, &plan, at(&w, "Casus Noor"));
    assert_eq!(case.len(), 1);
    assert!(case[0].text.contains("Groepjes Noor"), "{case:?}");
    // Once the case is out, the checklist no longer has it as a dependant.
    let mut v = v;
    v.set_item_included(&w, at(&w, "Casus Noor"), false);
    let plan = v.plan(&w);
    assert_eq!(
        dependants(&w, &plan, at(&w, "Wat heeft Noor nodig?")).len(),
        1
    );
    // A slide has none; a whole section only counts what lies outside it.
    assert!(dependants(&w, &plan, at(&w, "Welkom")).is_empty());
    let casussen = section_dependants(&w, &plan, 1);
    assert!(casussen.iter().all(|d| d.at.is_none()), "{casussen:?}");
    assert!(matches!(w.item(at(&w, "Welkom")), Some(Item::Slide(_))));
}

#[test]
fn fit_says_past_krap_te_lang() {
    assert_eq!(Fit::of(80, Some(90)), Fit::Fits);
    assert_eq!(Fit::of(87, Some(90)), Fit::Tight);
    assert_eq!(Fit::of(90, Some(90)), Fit::Tight);
    assert_eq!(Fit::of(91, Some(90)), Fit::Over);
    assert_eq!(Fit::of(91, None), Fit::Unknown);
    assert_eq!(Fit::Over.word(), "te lang");
}
