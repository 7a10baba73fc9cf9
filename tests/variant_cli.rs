//! `--variant` on the command line: exports with only the included cases
//! and checklists, a guide whose timetable sums to the variant's total,
//! `kampvuur text --variant`, and `kampvuur check` on variant files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{kampvuur_in, stderr_of};
use crate::pdf_support::parse;

/// A folder with the test workshop and its variant file beside it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["middag.workshop.ron", "regenboog.variant.ron"] {
        std::fs::copy(
            Path::new("tests/fixtures/variant").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

fn export(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "middag.workshop.ron"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "uit.pdf"]);
    let out = kampvuur_in(&all, dir);
    assert!(out.status.success(), "{}", stderr_of(&out));
    parse(&std::fs::read(dir.join("uit.pdf")).unwrap()).text()
}

#[test]
fn the_workbook_holds_only_the_included_cases_and_checklists() {
    let dir = folder();
    let whole = export(dir.path(), &["--kind", "workbook"]);
    assert!(whole.contains("Casus Daan") && whole.contains("Wat heeft Daan nodig?"));
    for wanted in ["Kort", "kort"] {
        let text = export(dir.path(), &["--kind", "workbook", "--variant", wanted]);
        assert!(text.contains("Casus Noor"), "{text}");
        assert!(text.contains("Wat heeft Noor nodig?"), "{text}");
        assert!(!text.contains("Daan"), "{text}");
    }
    // The variant file leaves out the first checklist too.
    let text = export(
        dir.path(),
        &["--kind", "workbook", "--variant", "regenboog.variant.ron"],
    );
    assert!(
        !text.contains("Waar sta je nu?") && !text.contains("Daan"),
        "{text}"
    );
}

/// The minutes of the guide's timetable rows: "14:15 Casussen 33 min 33 min".
fn timetable(text: &str, sections: &[&str]) -> Vec<(u32, u32)> {
    sections
        .iter()
        .map(|s| {
            let at = text.find(&format!(" {s} ")).expect(s) + s.len() + 2;
            let nums: Vec<u32> = text[at..]
                .split_whitespace()
                .take(4)
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[0], nums[1])
        })
        .collect()
}

#[test]
fn the_guides_timetable_sums_to_the_variants_total() {
    let dir = folder();
    let text = export(
        dir.path(),
        &["--kind", "guide", "--variant", "regenboog.variant.ron"],
    );
    assert!(text.contains("Variant ‘De Regenboog, 12 maart’"), "{text}");
    assert!(text.contains("Totale duur 53 min"), "{text}");
    assert!(text.contains("14:15–15:08"), "{text}");
    let rows = timetable(&text, &["Casussen", "Opening", "Afsluiting"]);
    assert_eq!(rows, [(33, 33), (10, 43), (10, 53)]);
    assert_eq!(rows.iter().map(|r| r.0).sum::<u32>(), 53);
    // The variant's school and trainer are on the cover.
    assert!(text.contains("De Regenboog") && text.contains("Sanne de Vries"));
    // The workshop's own variant from the command line.
    let text = export(dir.path(), &["--kind", "guide", "--variant", "Kort"]);
    assert!(
        text.contains("Totale duur 1 uur 5 min") || text.contains("65 min"),
        "{text}"
    );
    // Without a start time the rows count from +0 min: 15 + 35 + 15 = 65.
    assert!(
        text.contains(
            "+0 min Opening 15 min 15 min +15 min Casussen 35 min 50 min \
             +50 min Afsluiting 15 min 1 uur 5 min"
        ),
        "{text}"
    );
}

#[test]
fn the_certificate_gives_the_variants_duration() {
    let dir = folder();
    std::fs::write(dir.path().join("namen.txt"), "Anna\n").unwrap();
    let whole = export(
        dir.path(),
        &["--kind", "certificate", "--names", "namen.txt"],
    );
    let short = export(
        dir.path(),
        &[
            "--kind",
            "certificate",
            "--names",
            "namen.txt",
            "--variant",
            "Kort",
        ],
    );
    assert_ne!(whole, short, "the duration differs");
    assert!(whole.contains("1,5 uur") || whole.contains("1½"), "{whole}");
}

#[test]
fn text_follows_the_variant() {
    let dir = folder();
    let out = kampvuur_in(
        &["text", "middag.workshop.ron", "--variant", "Kort"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Casus Noor") && !text.contains("Daan"),
        "{text}"
    );
    let unknown = kampvuur_in(
        &["text", "middag.workshop.ron", "--variant", "Lang"],
        dir.path(),
    );
    assert!(!unknown.status.success());
    assert_eq!(
        stderr_of(&unknown).trim(),
        "er is geen variant ‘Lang’ bij ‘Middag met varianten’; wel: ‘Kort’, ‘De Regenboog, 12 maart’"
    );
}

#[test]
fn check_reports_variants_and_what_no_longer_matches() {
    let dir = folder();
    let out = kampvuur_in(&["check", "."], dir.path());
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stdout.contains("variant ‘Kort’: 3 onderdelen, 65 min")
            && stdout.contains("(beschikbaar 75 min: past)"),
        "{stdout}"
    );
    assert!(stdout.contains("variant ‘De Regenboog, 12 maart’: 3 onderdelen, 53 min"));
    assert!(
        !stderr_of(&out).contains("waarschuwing"),
        "{}",
        stderr_of(&out)
    );
    // A variant longer than the time it has is said, not refused.
    std::fs::write(
        dir.path().join("krap.variant.ron"),
        "Variant(name: \"Krap\", workshop: \"Middag met varianten\", available: 60)",
    )
    .unwrap();
    let out = kampvuur_in(&["check", "krap.variant.ron"], dir.path());
    assert!(out.status.success());
    assert_eq!(
        stderr_of(&out).trim(),
        "krap.variant.ron: waarschuwing: de variant ‘Krap’ duurt 90 min, 30 min langer dan de beschikbare 60 min"
    );
    std::fs::remove_file(dir.path().join("krap.variant.ron")).unwrap();
    // The author renames a case the trainer's variant leaves out.
    let path = dir.path().join("middag.workshop.ron");
    let source = std::fs::read_to_string(&path).unwrap();
    let renamed = source.replace("title: \"Casus Daan\"", "title: \"Casus Daan en Mo\"");
    assert_ne!(renamed, source);
    std::fs::write(&path, renamed).unwrap();
    let out = kampvuur_in(&["check", "regenboog.variant.ron"], dir.path());
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains("regenboog.variant.ron: variant ‘De Regenboog, 12 maart’: ‘Casus Daan’ staat niet (meer) in het onderdeel ‘Casussen’"),
        "{err}"
    );
    // The workshop's own variant is checked where it is written.
    assert!(
        stderr_of(&kampvuur_in(&["check", "middag.workshop.ron"], dir.path()))
            .contains("middag.workshop.ron:113:19: variant ‘Kort’: ‘Casus Daan’ staat niet"),
        "{}",
        stderr_of(&kampvuur_in(&["check", "middag.workshop.ron"], dir.path()))
    );
    // Exporting still works: a warning, and the rest of the variant holds.
    let out = kampvuur_in(
        &[
            "export",
            "middag.workshop.ron",
            "--kind",
            "workbook",
            "--variant",
            "regenboog.variant.ron",
            "-o",
            "w.pdf",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains("wat niet meer past, wordt overgeslagen"),
        "{err}"
    );
    let text = parse(&std::fs::read(dir.path().join("w.pdf")).unwrap()).text();
    assert!(!text.contains("Wat heeft Daan nodig?") && text.contains("Casus Daan en Mo"));
}

#[test]
fn a_broken_variant_file_says_where() {
    let dir = folder();
    std::fs::write(
        dir.path().join("fout.variant.ron"),
        "Variant(\n    name: \"Fout\",\n    start: \"half twee\",\n    leave_ut: [],\n)\n",
    )
    .unwrap();
    let out = kampvuur_in(&["check", "fout.variant.ron"], dir.path());
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(err.starts_with("fout.variant.ron:4:5:"), "{err}");
    std::fs::write(
        dir.path().join("fout.variant.ron"),
        "Variant(\n    name: \"Fout\",\n    start: \"half twee\",\n)\n",
    )
    .unwrap();
    let err = stderr_of(&kampvuur_in(&["check", "fout.variant.ron"], dir.path()));
    assert!(
        err.contains("fout.variant.ron:3:5: ‘half twee’ is geen begintijd"),
        "{err}"
    );
}

#[test]
fn the_room_from_the_command_line_follows_the_variant() {
    let dir = folder();
    // Refused before the room starts: "Kort" has no checklist "daan".
    let out = kampvuur_in(
        &[
            "serve",
            "middag.workshop.ron",
            "--variant",
            "Kort",
            "--open",
            "daan",
            "--data",
            "zaal",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert_eq!(
        stderr_of(&out).trim(),
        "kampvuur serve: de variant ‘Kort’ heeft geen checklist ‘daan’"
    );
    assert!(!dir.path().join("zaal").exists(), "no room was started");
}

#[test]
fn hostile_variant_files_get_a_clear_message() {
    let dir = folder();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "leeg.variant.ron",
            Vec::new(),
            "het bestand is leeg; een variant begint met `Variant(`",
        ),
        ("groot.variant.ron", vec![b' '; 300 * 1024], "te groot"),
        (
            "binair.variant.ron",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "binair",
        ),
        (
            "diep.variant.ron",
            format!("Variant(name: \"x\", order: {}", "[".repeat(5000)).into_bytes(),
            ":1:",
        ),
        (
            "veel.variant.ron",
            b"Variant(name: \"x\", minutes: [(section: \"Casussen\", minutes: 99999)])".to_vec(),
            "meer dan een hele dag",
        ),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = kampvuur_in(&["check", name], dir.path());
        assert!(!out.status.success(), "{name}");
        let err = stderr_of(&out);
        assert!(
            err.starts_with(name) && err.contains(expected),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}
