#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The participant screen as a teacher sees it: checklists in workshop
//! order, items as tall as their content, a wide centred column, and large
//! check boxes and radio buttons.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::KampvuurApp;
use kampvuur::model::Answer;

use crate::common::{app_in, harness};
use crate::participant::{CHECK, click, name_screen};

/// The app on the shipped workshop in a window of `width` × 1080.
fn shipped(dir: &Path, width: f32) -> Harness<'static, KampvuurApp> {
    let mut app = app_in(dir);
    app.open(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops/vurige-kind-in-de-klas.workshop.ron"),
    );
    assert_eq!(app.workshop.title, "Het vurige kind in de klas");
    crate::common::harness_sized(app, [width, 1080.0])
}

#[test]
fn the_form_has_natural_heights_workshop_order_and_a_wide_centred_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = shipped(dir.path(), 1920.0);
    h.run_steps(1);
    name_screen(&mut h);
    click(&mut h, "Anoniem invullen");
    h.run_steps(2);

    // The checklists in the order of the workshop.
    let lists: Vec<(String, String)> = h
        .state()
        .workshop
        .checklists()
        .map(|c| (c.id.clone(), c.title.clone()))
        .collect();
    assert!(lists.len() >= 4);
    let tops: Vec<f32> = lists
        .iter()
        .map(|(id, title)| {
            h.get_by_label_contains(&format!("{id}. {title}"))
                .rect()
                .top()
        })
        .collect();
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "{lists:?} at {tops:?}"
    );
    let ids: Vec<&str> = lists.iter().map(|(id, _)| id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "the shipped workshop lists A, B, C… in order");

    // The first item of checklist A is as tall as its content: the scale
    // buttons follow right under its text.
    let first = h
        .state()
        .workshop
        .checklists()
        .next()
        .expect("a checklist")
        .items[0]
        .clone();
    let kampvuur::model::ChecklistItem::Scale { text, .. } = first else {
        panic!("the first item of A is a scale: {first:?}");
    };
    let text_rect = h.get_by_label(&text).rect();
    let one = h
        .get_all_by_label("1")
        .next()
        .expect("a scale button")
        .rect();
    assert!(
        one.top() - text_rect.bottom() < 40.0,
        "gap of {} px between the item and its buttons",
        one.top() - text_rect.bottom()
    );
    let second_item = h
        .get_all_by_label("1")
        .nth(1)
        .expect("a second scale")
        .rect();
    assert!(
        second_item.top() - one.bottom() < 150.0,
        "items are far apart"
    );

    // The column: wide but not endless, in the middle of the free space.
    let intro = h.get_by_label_contains("Als leerkracht draag je").rect();
    assert!((900.0..=1040.0).contains(&intro.width()), "{intro:?}");
    // The sidebar is about 280 px: the free space is centred near 1100.
    assert!(
        (1040.0..=1160.0).contains(&intro.center().x),
        "column centred at {}",
        intro.center().x
    );

    // On a narrow window the column takes the whole width.
    let mut h = shipped(dir.path(), 760.0);
    h.run_steps(1);
    name_screen(&mut h);
    click(&mut h, "Anoniem invullen");
    h.run_steps(2);
    let intro = h.get_by_label_contains("Als leerkracht draag je").rect();
    assert!(intro.width() > 400.0, "{intro:?}");
}

#[test]
fn check_boxes_and_radio_buttons_are_large() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    click(&mut h, "Anoniem invullen");
    let check = h.get_by_label(CHECK).rect();
    assert!(check.height() >= 24.0 && check.width() > 24.0, "{check:?}");
    for word in ["Ja", "Nee"] {
        let radio = h.get_by_label(word).rect();
        assert!(
            radio.height() >= 24.0 && radio.width() >= 24.0,
            "{word}: {radio:?}"
        );
    }
    // Clicking the text of a check box ticks it; clicking Nee chooses it.
    click(&mut h, CHECK);
    click(&mut h, "Nee");
    let set = answers(&h);
    assert_eq!(set.checklists["A"][0], Answer::Check(true));
    assert_eq!(set.checklists["A"][1], Answer::YesNo(Some(false)));
    click(&mut h, CHECK);
    let set = answers(&h);
    assert_eq!(set.checklists["A"][0], Answer::Check(false));
}

/// The answers on screen.
fn answers(h: &Harness<'_, KampvuurApp>) -> kampvuur::model::AnswerSet {
    h.state()
        .participation
        .form
        .answers
        .clone()
        .expect("answers")
}
