#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Structure of the workshop that ships with kampvuur: the file on disk and the
//! copy compiled into the binary must both follow the content brief.

use std::path::Path;

use kampvuur::model::{Block, Item, Workshop};

const SHIPPED: &str = "workshops/vurige-kind-in-de-klas.workshop.ron";

fn shipped() -> Vec<(&'static str, Workshop)> {
    let from_file = match kampvuur::content::load_workshop(Path::new(SHIPPED)) {
        Ok(w) => w,
        Err(e) => panic!("{SHIPPED} laadt niet: {e}"),
    };
    let bundled = match kampvuur::content::bundled_workshop() {
        Ok(w) => w,
        Err(e) => panic!("meegebouwde workshop laadt niet: {e}"),
    };
    vec![("bestand", from_file), ("meegebouwd", bundled)]
}

fn bullets_per_list(blocks: &[Block]) -> impl Iterator<Item = usize> + '_ {
    blocks.iter().filter_map(|b| match b {
        Block::Bullets(items) | Block::Numbered { items, .. } => Some(items.len()),
        _ => None,
    })
}

#[test]
fn file_and_bundled_copy_are_identical() {
    let all = shipped();
    assert_eq!(all[0].1, all[1].1);
}

#[test]
fn agenda_has_nine_sections_and_fits_150_minutes() {
    for (name, w) in shipped() {
        assert_eq!(w.sections.len(), 9, "{name}: aantal onderdelen");
        // 2,5 uur with at least 5 minutes to spare (see tests/workshop_timing.rs).
        assert!(
            (130..=145).contains(&w.total_minutes()),
            "{name}: totaal aantal minuten {}",
            w.total_minutes()
        );
        for s in &w.sections {
            assert!(
                !s.items.is_empty(),
                "{name}: onderdeel ‘{}’ is leeg",
                s.title
            );
            assert!(
                s.minutes > 0,
                "{name}: onderdeel ‘{}’ heeft geen minuten",
                s.title
            );
        }
        assert_eq!(w.language, "nl-NL", "{name}: taal");
    }
}

#[test]
fn counts_of_slides_cases_and_checklists() {
    for (name, w) in shipped() {
        assert!(w.count_slides() >= 25, "{name}: {} dia’s", w.count_slides());
        assert!(w.count_cases() >= 5, "{name}: {} casussen", w.count_cases());
        let ids: Vec<&str> = w.checklists().map(|c| c.id.as_str()).collect();
        assert_eq!(w.checklists().count(), 5, "{name}: checklists {ids:?}");
        for id in ["A", "B", "C", "D", "E"] {
            assert!(
                w.checklist(id).is_some(),
                "{name}: checklist {id} ontbreekt"
            );
        }
    }
}

#[test]
fn slides_have_speaker_notes_of_60_to_150_words() {
    for (name, w) in shipped() {
        for item in w.items() {
            if let Item::Slide(s) = item {
                let words = s.notes.word_count();
                assert!(
                    !s.notes.is_empty(),
                    "{name}: dia ‘{}’ zonder notities",
                    s.title
                );
                assert!(
                    (60..=150).contains(&words),
                    "{name}: dia ‘{}’ heeft {words} woorden notities",
                    s.title
                );
            }
        }
    }
}

#[test]
fn slides_have_at_most_seven_bullets_per_list() {
    for (name, w) in shipped() {
        for item in w.items() {
            if let Item::Slide(s) = item {
                for n in bullets_per_list(s.body.blocks()) {
                    assert!(
                        n <= 7,
                        "{name}: dia ‘{}’ heeft een lijst van {n} punten",
                        s.title
                    );
                }
            }
        }
    }
}

#[test]
fn cases_have_the_right_size_and_an_existing_checklist() {
    for (name, w) in shipped() {
        for item in w.items() {
            if let Item::Case(c) = item {
                let words = c.situation.word_count();
                assert!(
                    (150..=250).contains(&words),
                    "{name}: casus ‘{}’ heeft {words} woorden",
                    c.title
                );
                assert!(
                    (3..=5).contains(&c.questions.len()),
                    "{name}: casus ‘{}’ heeft {} vragen",
                    c.title,
                    c.questions.len()
                );
                assert!(
                    !c.who.is_empty(),
                    "{name}: casus ‘{}’ zonder ‘who’",
                    c.title
                );
                assert!(
                    !c.trainer_notes.is_empty(),
                    "{name}: casus ‘{}’ zonder trainersnotities",
                    c.title
                );
                assert!(
                    w.checklist(&c.checklist).is_some(),
                    "{name}: casus ‘{}’ verwijst naar onbekende checklist ‘{}’",
                    c.title,
                    c.checklist
                );
            }
        }
    }
}

#[test]
fn every_section_has_a_kernzin() {
    for (name, w) in shipped() {
        for s in &w.sections {
            let has = s.items.iter().any(|item| {
                let texts = match item {
                    Item::Slide(sl) => vec![&sl.body],
                    Item::Case(c) => vec![&c.situation],
                    Item::Checklist(c) => vec![&c.intro],
                    Item::Timer(t) => vec![&t.instruction],
                    Item::Break(_) => vec![],
                };
                texts
                    .iter()
                    .any(|t| t.blocks().iter().any(|b| matches!(b, Block::Kernzin(_))))
            });
            assert!(has, "{name}: onderdeel ‘{}’ heeft geen kernzin", s.title);
        }
    }
}

#[test]
fn rich_text_stays_inside_the_markup_subset() {
    for (name, w) in shipped() {
        for item in w.items() {
            let texts = match item {
                Item::Slide(s) => vec![&s.body, &s.notes],
                Item::Case(c) => vec![&c.situation, &c.trainer_notes],
                Item::Checklist(c) => vec![&c.intro],
                Item::Timer(t) => vec![&t.instruction],
                Item::Break(_) => vec![],
            };
            for t in texts {
                assert!(
                    t.issues().is_empty(),
                    "{name}: ‘{}’: {:?}",
                    item.title(),
                    t.issues()
                );
            }
        }
    }
}

#[test]
fn item_minutes_fit_their_section_with_slack() {
    for (name, w) in shipped() {
        let (mut planned, mut claimed) = (0u64, 0u64);
        for s in &w.sections {
            let has_break = s.items.iter().any(|i| matches!(i, Item::Break(_)));
            for item in &s.items {
                // The break's own minutes cover its slide.
                if matches!(item, Item::Slide(_)) && !has_break {
                    assert!(
                        item.minutes().is_some(),
                        "{name}: ‘{}’ in ‘{}’ heeft geen minuten",
                        item.title(),
                        s.title
                    );
                }
            }
            let c = s.claimed_minutes();
            assert!(
                c <= u64::from(s.minutes),
                "{name}: ‘{}’ claimt {c} van {} minuten",
                s.title,
                s.minutes
            );
            if has_break {
                continue;
            }
            // Every working section keeps at least a minute of air.
            assert!(
                c < u64::from(s.minutes),
                "{name}: ‘{}’ claimt alle {c} minuten; laat wat ruimte",
                s.title
            );
            planned += u64::from(s.minutes);
            claimed += c;
        }
        // About 5 % slack over the afternoon, for walking, questions and late starts.
        assert!(
            claimed * 100 <= planned * 95,
            "{name}: {claimed} van {planned} minuten geclaimd; houd ongeveer 5 % over"
        );
    }
}

#[test]
fn guide_appendix_and_follow_up_are_there() {
    for (name, w) in shipped() {
        assert!(!w.follow_up.is_empty(), "{name}: geen vervolgplan");
        let titles: Vec<&str> = w.guide_pages.iter().map(|p| p.title.as_str()).collect();
        assert!(
            titles.iter().any(|t| t.contains("Lastige momenten")),
            "{name}: {titles:?}"
        );
        assert!(
            titles.iter().any(|t| t.contains("Bronnen")),
            "{name}: {titles:?}"
        );
        for p in &w.guide_pages {
            assert!(p.body.issues().is_empty(), "{name}: ‘{}’", p.title);
        }
        assert!(w.follow_up.issues().is_empty(), "{name}: vervolgplan");
    }
}
