//! "Programma aanpassen" driven through kittest: leave out items, change a
//! minute, save, present. Left-out items never show, the console's total
//! matches, and the saved file is the variant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Screen};
use kampvuur::content::load_variant;
use kampvuur::model::Variant;

use crate::common::{self, press, wall};
use crate::variant_model::middag;

fn app(dir: &std::path::Path) -> KampvuurApp {
    KampvuurApp::new(middag(), None, common::paths_in(dir), wall())
}

/// The titles of the items the deck shows, first to last.
fn presented(h: &mut Harness<'_, KampvuurApp>) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let r = h.state().show.presenter.deck.current().unwrap();
        let title = h.state().workshop.item(r).unwrap().title().to_owned();
        if seen.last() == Some(&title) {
            return seen;
        }
        seen.push(title);
        press(h, Key::ArrowRight);
    }
}

#[test]
fn leave_out_two_items_change_a_minute_save_and_present() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness_sized(app(dir.path()), [1280.0, 720.0]);
    h.run_steps(4);
    h.get_by_label("origineel");
    h.get_by_label("90 min");
    h.get_by_label("Programma aanpassen…").click();
    h.run_steps(4);
    assert!(h.state().variants.panel.is_some(), "the panel opens");
    h.get_by_label("Totaal 90 min");
    // A slide without minutes, and a case: nothing depends on either.
    h.get_by_label("Welkom (dia)").click_accesskit();
    h.run_steps(4);
    h.get_by_label("Casus Daan (casus)").click_accesskit();
    h.run_steps(4);
    h.get_by_label("Totaal 80 min");
    // The checklist of the case that stays asks first, and may stay.
    h.get_by_label("Wat heeft Noor nodig? (checklist)")
        .click_accesskit();
    h.run_steps(4);
    h.get_by_label("‘Wat heeft Noor nodig?’ weglaten?");
    h.get_by_label_contains("de casus ‘Casus Noor’ gebruikt deze checklist");
    h.get_by_label("Laten staan").click();
    h.run_steps(4);
    h.get_by_label("Totaal 80 min");
    // One minute less for the group work.
    h.get_by_label("Groepjes Noor: een minuut minder")
        .click_accesskit();
    h.run_steps(4);
    h.get_by_label("Totaal 79 min");
    // The time available and the start: the end time and "past".
    h.get_by_label("Beschikbare tijd (minuten):").click();
    h.run_steps(1);
    h.get_by_label("Beschikbare tijd (minuten):")
        .type_text("80");
    h.get_by_label("Begintijd:").click();
    h.run_steps(1);
    h.get_by_label("Begintijd:").type_text("14:15");
    h.run_steps(4);
    h.get_by_label("Totaal 79 min van 80 min · 14:15–15:34");
    h.get_by_label("● krap: 1 min over");
    h.get_by_label("Naam van de variant:").click();
    h.run_steps(1);
    h.get_by_label("Naam van de variant:").type_text("Proef");
    h.run_steps(1);
    h.get_by_label("Opslaan als variant").click();
    h.run_steps(4);
    h.state_mut().finish_work(kampvuur::ui::Now {
        t: 0.0,
        wall: wall(),
    });
    h.run_steps(4);
    // Saved in the data folder, and what was chosen is in the file.
    let saved = load_variant(&dir.path().join("varianten/proef.variant.ron")).unwrap();
    assert_eq!(saved.name, "Proef");
    assert_eq!(saved.workshop, "Middag met varianten");
    assert_eq!(saved.leave_out.len(), 2);
    assert_eq!(saved.minutes.len(), 1);
    assert_eq!(
        (saved.available, saved.start.as_deref()),
        (Some(80), Some("14:15"))
    );
    assert_eq!(h.state().variants.active.as_ref(), Some(&saved));
    h.get_by_label("variant ‘Proef’");
    h.get_by_label("79 min");
    h.get_by_label_contains("is bewaard en in gebruik (79 min)");
    // The workshop on file is untouched; the app holds it as the original.
    assert_eq!(h.state().variants.original, middag());
    // Presenting: the left-out items never show, the numbering follows.
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(4);
    assert_eq!(h.state().screen, Screen::Present);
    h.get_by_label("Totaal (variant ‘Proef’)");
    h.get_by_label("79 min");
    // Welkom is out: the first slide is "Het doel van vandaag", dia 1 of 4.
    let first = h.state().show.presenter.deck.current().unwrap();
    let place = h.state().workshop.place(first).unwrap();
    assert_eq!(place.kind_text(), "dia 1 van 4");
    let titles = presented(&mut h);
    assert!(
        !titles.iter().any(|t| t == "Welkom" || t == "Casus Daan"),
        "{titles:?}"
    );
    assert_eq!(titles.len(), middag().items().count() - 2, "{titles:?}");
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Het doel van vandaag")
    );
    assert_eq!(h.state().workshop.count_slides(), 4);
    // Back to the start, and to the original programme.
    press(&mut h, Key::Escape);
    h.run_steps(4);
    h.get_by_label("Origineel").click();
    h.run_steps(4);
    h.get_by_label("origineel");
    assert_eq!(h.state().workshop, middag());
    assert!(h.state().variants.active.is_none());
}

#[test]
fn a_ready_made_variant_is_offered_first_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness_sized(app(dir.path()), [1920.0, 1080.0]);
    h.run_steps(4);
    h.get_by_label("Programma aanpassen…").click();
    h.run_steps(4);
    h.get_by_label("Kort").click();
    h.run_steps(4);
    h.get_by_label("Totaal 65 min van 75 min");
    h.get_by_label("● past: 10 min over");
    h.get_by_label("Gebruiken").click();
    h.run_steps(4);
    h.get_by_label("variant ‘Kort’");
    assert!(h.state().workshop.checklist("daan").is_none());
    assert_eq!(h.state().workshop.total_minutes(), 65);
    // Leaving out the checklist the room opens asks; "Toch weglaten" does it.
    h.get_by_label("Programma aanpassen…").click();
    h.run_steps(4);
    h.get_by_label("Waar sta je nu? (checklist)")
        .click_accesskit();
    h.run_steps(4);
    h.get_by_label_contains("de zaal opent de checklist ‘Waar sta je nu?’ dan niet");
    h.get_by_label("Toch weglaten").click();
    h.run_steps(4);
    h.get_by_label("Totaal 60 min van 75 min");
    h.get_by_label("Gebruiken").click();
    h.run_steps(4);
    assert!(h.state().workshop.checklist("start").is_none());
    let used: &Variant = h.state().variants.active.as_ref().unwrap();
    assert_eq!(used.leave_out.len(), 3);
}

#[test]
fn a_saved_variant_of_a_changed_workshop_says_what_no_longer_matches() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("varianten");
    std::fs::create_dir_all(&folder).unwrap();
    // Made for an older version: a case that is gone, a hash that differs.
    std::fs::write(
        folder.join("oud.variant.ron"),
        "Variant(\n    name: \"Oud\",\n    workshop: \"Middag met varianten\",\n    hash: \"0123456789abcdef\",\n    leave_out: [\n        (section: \"Casussen\", item: \"Casus Mo\"),\n        (section: \"Casussen\", item: \"daan\"),\n    ],\n)\n",
    )
    .unwrap();
    let mut h = common::harness_sized(app(dir.path()), [1280.0, 720.0]);
    h.run_steps(4);
    h.get_by_label("Programma aanpassen…").click();
    h.run_steps(4);
    h.get_by_label("Oud").click();
    h.run_steps(4);
    h.get_by_label("Past niet meer: ‘Casus Mo’ staat niet (meer) in het onderdeel ‘Casussen’");
    h.get_by_label("Gebruiken").click();
    h.run_steps(4);
    let notice = h.state().notice.clone().unwrap();
    assert_eq!(
        notice.text,
        "De workshop is veranderd sinds de variant ‘Oud’ is gemaakt. Niet meer te vinden: \
         ‘Casus Mo’ staat niet (meer) in het onderdeel ‘Casussen’. De rest van de variant is in gebruik."
    );
    // The rest holds: the checklist is out.
    assert!(h.state().workshop.checklist("daan").is_none());
    assert_eq!(h.state().workshop.total_minutes(), 80);
}

#[test]
fn the_variant_in_use_follows_the_file_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("middag.workshop.ron");
    std::fs::write(&path, crate::variant_model::MIDDAG).unwrap();
    let mut app = app(dir.path());
    app.workshop_path = Some(path.clone());
    let kort = app.variants.original.variants[0].clone();
    app.use_variant(Some(kort));
    assert_eq!(app.workshop.total_minutes(), 65);
    // The author lengthens the case that stays and renames the one left out.
    let changed = crate::variant_model::MIDDAG
        .replace(
            "checklist: \"noor\",\n                    minutes: 10",
            "checklist: \"noor\",\n                    minutes: 12",
        )
        .replace("title: \"Casus Daan\"", "title: \"Casus Daan en Mo\"")
        .replace("minutes: 60,", "minutes: 62,");
    assert_ne!(changed, crate::variant_model::MIDDAG);
    std::fs::write(&path, changed).unwrap();
    app.reload_now(kampvuur::ui::Now {
        t: 1.0,
        wall: wall(),
    });
    // Noor's case is two minutes longer; Daan's renamed case comes back.
    assert_eq!(app.variants.original.total_minutes(), 92);
    assert_eq!(app.workshop.total_minutes(), 65 + 2 + 10);
    assert!(
        app.workshop
            .items()
            .any(|i| i.title() == "Casus Daan en Mo")
    );
    assert!(app.workshop.checklist("daan").is_none());
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.text.contains("Niet meer te vinden: ‘Casus Daan’"),
        "{}",
        notice.text
    );
}

#[test]
fn the_room_offers_and_keeps_open_only_the_checklists_of_the_variant() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let w = app.variants.original.clone();
    app.use_variant(Some(w.variants[0].clone()));
    let mut h = common::harness_sized(app, [1280.0, 800.0]);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    press(&mut h, Key::Z);
    let open = |h: &Harness<'_, KampvuurApp>| h.state().room.status.as_ref().unwrap().open.clone();
    assert!(open(&h).is_empty());
    h.get_by_label_contains("Zaal").click();
    h.run_steps(2);
    // "Kort" leaves Daan's checklist out: the console does not offer it.
    assert!(h.query_by_label_contains("Wat heeft Daan nodig?").is_none());
    h.get_by_label_contains("noor: Wat heeft Noor nodig?")
        .click();
    h.run_steps(2);
    assert_eq!(open(&h).into_iter().collect::<Vec<_>>(), ["noor"]);
    // Another variant without Noor's checklist: the room closes it.
    let mut without = Variant::of(&w, "Zonder Noor");
    let noor = w
        .item_refs()
        .into_iter()
        .find(|r| w.item(*r).unwrap().title() == "Wat heeft Noor nodig?")
        .unwrap();
    without.set_item_included(&w, noor, false);
    h.state_mut().use_variant(Some(without));
    h.run_steps(4);
    assert!(open(&h).is_empty(), "{:?}", open(&h));
    h.state_mut().room.stop();
}

#[test]
fn times_of_the_afternoon_stay_with_their_sections_when_the_variant_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness_sized(app(dir.path()), [1280.0, 800.0]);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    // Five minutes in the opening, then on to the cases.
    crate::common::advance(&mut h, 300.0);
    while h.state().show.presenter.deck.current().unwrap().section == 0 {
        press(&mut h, Key::ArrowRight);
    }
    crate::common::advance(&mut h, 120.0);
    // The opening is dropped: the cases move up to the first place.
    let w = h.state().variants.original.clone();
    let mut v = Variant::of(&w, "Later");
    v.set_section_included(&w, 0, false);
    h.state_mut().use_variant(Some(v));
    h.run_steps(2);
    let titles: Vec<String> = h
        .state()
        .workshop
        .sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(titles, ["Casussen", "Afsluiting"]);
    let now = crate::common::wall() + chrono::Duration::seconds(crate::common::time(&h) as i64);
    let session = h.state().show.presenter.session.clone().unwrap();
    // The cases keep their two minutes (and go on), the closing has none.
    assert_eq!(session.current_section(), Some(0));
    let cases = session.actual_secs(0, now);
    assert!((115.0..=125.0).contains(&cases), "{cases}");
    assert_eq!(session.actual_secs(1, now), 0.0);
}

#[test]
fn exports_from_the_app_follow_the_variant() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let kort = app.variants.original.variants[0].clone();
    app.use_variant(Some(kort));
    let mut h = common::harness_sized(app, [1280.0, 800.0]);
    h.run_steps(2);
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    h.get_by_label("Trainershandleiding…").click();
    h.run_steps(2);
    crate::common::settle(&mut h);
    let pdf = dir
        .path()
        .join("documenten/middag-met-varianten-handleiding.pdf");
    let text = crate::pdf_support::parse(&std::fs::read(&pdf).unwrap()).text();
    assert!(
        text.contains("Variant ‘Kort’ · Totale duur 1 uur 5 min"),
        "{text}"
    );
    assert!(!text.contains("Casus Daan") && !text.contains("Wat heeft Daan nodig?"));
}

#[test]
fn the_panel_keeps_the_keys_and_esc_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness_sized(app(dir.path()), [1280.0, 720.0]);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    let at = |h: &Harness<'_, KampvuurApp>| h.state().show.presenter.deck.position();
    assert_eq!(at(&h), 0);
    // From the console: the arrows stay in the panel, not on the slides.
    h.get_by_label("Programma…").click();
    h.run_steps(4);
    assert!(h.state().variants.panel.is_some());
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    assert_eq!(at(&h), 0);
    // Esc first answers the question with "Laten staan", then closes the panel;
    // presenting goes on.
    h.get_by_label("Wat heeft Noor nodig? (checklist)")
        .click_accesskit();
    h.run_steps(4);
    h.get_by_label("Laten staan");
    press(&mut h, Key::Escape);
    h.run_steps(2);
    assert!(h.query_by_label("Laten staan").is_none());
    assert!(h.state().variants.panel.is_some());
    press(&mut h, Key::Escape);
    h.run_steps(2);
    assert!(h.state().variants.panel.is_none());
    assert_eq!(h.state().screen, Screen::Present);
    assert_eq!(h.state().workshop, middag(), "nothing changed");
}
