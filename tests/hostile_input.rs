#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! The reproducers of issue 22 through the command line: `--out` that is the
//! workshop or one of its images, a workshop opened through a link, answers
//! of another workshop, wrong encodings, old Mac line ends, hidden
//! characters, and caps on titles, names and names files.

use crate::common::{kampvuur_in as kampvuur, stderr_of as stderr};

const WORKSHOP: &str = r#"Workshop(
    title: "Rust in de klas",
    subtitle: "s",
    author: "a",
    language: "nl-NL",
    sections: [(
        title: "Deel",
        minutes: 5,
        items: [
            Slide(title: "Dia", minutes: 1, body: "tekst", image: "plaatje.png", alt: "Een plaatje."),
            Checklist(id: "c", title: "Lijst", mode: Individual, minutes: 1, items: [Check("ja")]),
        ],
    )],
)"#;

fn png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, 2, 2);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()
        .unwrap()
        .write_image_data(&[200u8; 16])
        .unwrap();
    bytes
}

/// A folder with the workshop and its image.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ws.ron"), WORKSHOP).unwrap();
    std::fs::write(dir.path().join("plaatje.png"), png()).unwrap();
    dir
}

#[test]
fn out_is_never_the_workshop_or_one_of_its_images() {
    let dir = folder();
    let before = std::fs::read(dir.path().join("ws.ron")).unwrap();
    let image = std::fs::read(dir.path().join("plaatje.png")).unwrap();
    let mut outs = vec!["ws.ron", "./ws.ron", "plaatje.png"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("ws.ron", dir.path().join("link.pdf")).unwrap();
        std::os::unix::fs::symlink("plaatje.png", dir.path().join("beeld.pdf")).unwrap();
        std::fs::hard_link(dir.path().join("ws.ron"), dir.path().join("hard.pdf")).unwrap();
        outs.extend(["link.pdf", "beeld.pdf", "hard.pdf"]);
    }
    for out in outs {
        for kind in ["workbook", "team-csv"] {
            let o = kampvuur(
                &["export", "ws.ron", "--kind", kind, "--out", out],
                dir.path(),
            );
            let err = stderr(&o);
            if kind == "team-csv" && !err.contains("waar de export van gemaakt wordt") {
                // The team sheet needs a session first; refused before that or not at all.
                assert!(!o.status.success(), "{out}: {err}");
                continue;
            }
            assert!(!o.status.success(), "{out} was accepted");
            assert!(
                err.contains("waar de export van gemaakt wordt"),
                "{out}: {err}"
            );
            let what = if out.contains("plaatje") || out == "beeld.pdf" {
                "een afbeelding van de workshop"
            } else {
                "het workshopbestand"
            };
            assert!(err.contains(what), "{out}: {err}");
        }
    }
    assert_eq!(std::fs::read(dir.path().join("ws.ron")).unwrap(), before);
    assert_eq!(
        std::fs::read(dir.path().join("plaatje.png")).unwrap(),
        image
    );
    // An ordinary name still works.
    let o = kampvuur(
        &[
            "export",
            "ws.ron",
            "--kind",
            "workbook",
            "--out",
            "werkboek.pdf",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_workshop_opened_through_a_link_finds_its_images_next_to_the_real_file() {
    let dir = folder();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path().join("ws.ron"), elsewhere.path().join("ws.ron")).unwrap();
    let o = kampvuur(&["check", "ws.ron"], elsewhere.path());
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_reflection_from_answers_of_another_workshop_is_refused() {
    let dir = folder();
    let answers = r#"(participant: "Anna", workshop: "Een heel andere workshop", checklists: {"c": [Check(true)]})"#;
    std::fs::write(dir.path().join("anna.ron"), answers).unwrap();
    let export = || {
        kampvuur(
            &[
                "export",
                "ws.ron",
                "--kind",
                "reflection",
                "--answers-file",
                "anna.ron",
                "--out",
                "r.pdf",
            ],
            dir.path(),
        )
    };
    let o = export();
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains(
            "horen bij de workshop ‘Een heel andere workshop’, niet bij ‘Rust in de klas’"
        ),
        "{err}"
    );
    assert!(!dir.path().join("r.pdf").exists());
    let ok = answers.replace("Een heel andere workshop", "Rust in de klas");
    std::fs::write(dir.path().join("anna.ron"), ok).unwrap();
    let o = export();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn long_names_and_long_names_files_are_refused_with_the_limit() {
    let dir = folder();
    let long = "A".repeat(8000);
    let answers =
        format!(r#"(participant: "{long}", workshop: "Rust in de klas", checklists: {{}})"#);
    std::fs::write(dir.path().join("lang.ron"), answers).unwrap();
    let o = kampvuur(
        &[
            "export",
            "ws.ron",
            "--kind",
            "reflection",
            "--answers-file",
            "lang.ron",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("8000 tekens") && err.contains("hoogstens 60"),
        "{err}"
    );

    std::fs::write(dir.path().join("namen.txt"), format!("Anna\n{long}\n")).unwrap();
    let o = kampvuur(
        &[
            "export",
            "ws.ron",
            "--kind",
            "certificate",
            "--names",
            "namen.txt",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert!(
        err.contains("namen.txt:2:") && err.contains("hoogstens 60"),
        "{err}"
    );

    // 64 kB of one-letter names.
    let many = "A\n".repeat(32_000);
    std::fs::write(dir.path().join("veel.txt"), many).unwrap();
    let o = kampvuur(
        &[
            "export",
            "ws.ron",
            "--kind",
            "certificate",
            "--names",
            "veel.txt",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert!(
        err.contains("32000 namen") && err.contains("maximum is 500"),
        "{err}"
    );
}

#[test]
fn a_long_title_is_refused_with_the_limit() {
    let dir = folder();
    let ws = WORKSHOP.replace("Rust in de klas", &"lang ".repeat(800));
    std::fs::write(dir.path().join("lang.ron"), ws).unwrap();
    let o = kampvuur(&["check", "lang.ron"], dir.path());
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains(
            "lang.ron:2:12: de titel van de workshop is 4000 tekens lang; het maximum is 200 tekens"
        ),
        "{err}"
    );
}

#[test]
fn encodings_are_named_right() {
    let dir = tempfile::tempdir().unwrap();
    // Starts with Greek: no nul byte in the first characters.
    let text = WORKSHOP.replace("Workshop(", "// Ωραίο εργαστήριο\nWorkshop(");
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "utf16le.ron",
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            "UTF-16",
        ),
        (
            "utf16be.ron",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            "UTF-16",
        ),
        (
            "utf32.ron",
            text.chars()
                .flat_map(|c| u32::from(c).to_le_bytes())
                .collect(),
            "UTF-32",
        ),
    ];
    for (name, bytes, want) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let o = kampvuur(&["check", name], dir.path());
        let err = stderr(&o);
        assert!(
            err.contains(&format!("opgeslagen als {want}")),
            "{name}: {err}"
        );
        assert!(!err.contains("binair"), "{name}: {err}");
    }
}

#[test]
fn old_mac_line_ends_give_real_positions() {
    let dir = tempfile::tempdir().unwrap();
    let broken = WORKSHOP.replace("minutes: 5,", "minutes: vijf,");
    std::fs::write(dir.path().join("w.ron"), &broken).unwrap();
    std::fs::write(dir.path().join("w-mac.ron"), broken.replace('\n', "\r")).unwrap();
    let unix = stderr(&kampvuur(&["check", "w.ron"], dir.path()));
    let mac = stderr(&kampvuur(&["check", "w-mac.ron"], dir.path()));
    assert!(unix.starts_with("w.ron:8:"), "{unix}");
    assert_eq!(mac.replace("w-mac.ron", "w.ron"), unix);
}

#[test]
fn bidi_marks_are_shown_as_code_points() {
    let dir = folder();
    let case = "Case(title: \"Casus\", who: \"Noor\", minutes: 1, situation: \"x\", \
                questions: [\"?\"], checklist: \"b\u{202e}ad\"), Slide(title: \"Dia\"";
    let ws = WORKSHOP.replace("Slide(title: \"Dia\"", case);
    std::fs::write(dir.path().join("bidi.ron"), ws).unwrap();
    let o = kampvuur(&["check", "bidi.ron"], dir.path());
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(err.contains("‘bU+202Ead’"), "{err}");
    assert!(!err.contains('\u{202e}'), "{err}");
}

#[test]
fn more_than_a_thousand_items_are_refused_with_the_limit() {
    let items: Vec<String> = (0..1001)
        .map(|i| format!(r#"Break(label: "Pauze {i}", minutes: 1)"#))
        .collect();
    let src = format!(
        r#"Workshop(title: "T", subtitle: "s", author: "a", language: "nl-NL",
        sections: [(title: "Deel", minutes: 600, items: [{}])])"#,
        items.join(", ")
    );
    let err = kampvuur::content::parse_workshop(&src, "w.ron")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("de workshop heeft 1001 items; het maximum is 1000"),
        "{}",
        err.get(..300).unwrap_or(&err)
    );
    let fits = src.replace(r#", Break(label: "Pauze 1000", minutes: 1)"#, "");
    let err = kampvuur::content::parse_workshop(&fits, "w.ron")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(!err.contains("het maximum is 1000"), "{err}");
}
