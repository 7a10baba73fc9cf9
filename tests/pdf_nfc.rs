//! Decomposed text (NFD, as macOS stores names) is composed (NFC) where it
//! enters kampvuur: workshop files, names files, answers files, and what is
//! typed. Every document kind prints "Zoë", never "Zoe" and a loose "¨".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unicode_normalization::UnicodeNormalization;

use crate::pdf_support::parse;
use crate::pdf_tagged::{KINDS, people, team_of};

use kampvuur::content::{
    BUNDLED_SOURCE, load_answers_file, load_names, load_workshop, parse_workshop,
};
use kampvuur::model::AnswerSet;
use kampvuur::pdf::{self, DocKind, ExportRequest};

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// Combining marks in the printed text: a letter and its accent apart.
fn loose_marks(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| ('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

#[test]
fn an_nfd_workshop_and_nfd_names_print_composed_on_every_document() {
    let source = nfd(BUNDLED_SOURCE);
    assert_ne!(source, BUNDLED_SOURCE, "the shipped workshop has accents");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nfd.workshop.ron");
    std::fs::write(&file, &source).unwrap();
    let nfc_file = dir.path().join("nfc.workshop.ron");
    std::fs::write(&nfc_file, BUNDLED_SOURCE).unwrap();
    crate::common::copy_drawings(dir.path());
    let from_file = load_workshop(&file).unwrap();
    let parsed = parse_workshop(&source, "nfd.ron").unwrap();
    let composed = parse_workshop(BUNDLED_SOURCE, "nfc.ron").unwrap();
    let composed_file = load_workshop(&nfc_file).unwrap();
    assert_eq!(from_file, composed_file, "an NFD file loads as the NFC one");
    assert_eq!(parsed, composed);

    let names_file = dir.path().join("namen.txt");
    std::fs::write(&names_file, nfd("Zoë Çelik\nJosé Müller\n")).unwrap();
    let names = load_names(&names_file).unwrap();
    assert_eq!(names, ["Zoë Çelik", "José Müller"]);

    // An answers file written on a Mac: every letter in the file decomposed.
    let mut set = people(&composed, 1).remove(0);
    set.participant = "Zoë Çelik".to_owned();
    let answers_file = dir.path().join("antwoorden.ron");
    std::fs::write(&answers_file, nfd(&ron::to_string(&set).unwrap())).unwrap();
    let loaded: AnswerSet = load_answers_file(&answers_file).unwrap();
    assert_eq!(loaded.participant, "Zoë Çelik");

    let team = team_of(&composed, &people(&composed, 5));
    // Typed in the app: NFD names and school go through the export as well.
    let typed = [nfd("Zoë Çelik"), nfd("José Müller")];
    for kind in KINDS {
        for names in [&names[..], &typed[..]] {
            let req = ExportRequest {
                answers: Some(&loaded),
                team: Some(&team),
                names,
                school: Some(nfd("Basisschool De Ûle")),
                trainer: Some(nfd("Mirjam Akkerman")),
                date: Some("12 maart 2026".into()),
                ..ExportRequest::new(kind)
            };
            let out = pdf::render(&from_file, &req).unwrap();
            let text = parse(&out.bytes).text();
            assert!(
                loose_marks(&text).is_empty(),
                "{kind:?}: loose accents {:?}",
                loose_marks(&text)
            );
            match kind {
                DocKind::Certificate => {
                    assert!(text.contains("Zoë Çelik"), "{text}");
                    assert!(text.contains("José Müller"), "{text}");
                }
                DocKind::Reflection => assert!(text.contains("Zoë Çelik"), "{text}"),
                _ => {}
            }
            if !matches!(kind, DocKind::Slides { .. } | DocKind::Summary) {
                assert!(text.contains("De Ûle"), "{kind:?}: {text}");
            }
        }
    }
}
