#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Loading workshops: every kind of error with its exact position, and `kampvuur check`.

use std::path::{Path, PathBuf};
use std::process::Command;

use kampvuur::content::{LoadError, load_workshop, parse_workshop, summary};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn load_err(name: &str) -> LoadError {
    match load_workshop(&fixture(&format!("broken/{name}"))) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e,
    }
}

fn parse_err(source: &str) -> LoadError {
    match parse_workshop(source, "inline.ron") {
        Ok(_) => panic!("should not parse:\n{source}"),
        Err(e) => e,
    }
}

/// `(line, col)` of each diagnostic, with a check that its message contains `needle`.
fn positions(e: &LoadError) -> Vec<(usize, usize)> {
    e.diagnostics().iter().map(|d| (d.line, d.col)).collect()
}

#[track_caller]
fn assert_single(e: &LoadError, line: usize, col: usize, needle: &str) {
    let d = e.diagnostics();
    assert_eq!(d.len(), 1, "{e}");
    assert_eq!((d[0].line, d[0].col), (line, col), "{e}");
    assert!(d[0].message.contains(needle), "{e}\n(zocht ‘{needle}’)");
}

#[test]
fn syntax_errors_in_dutch_with_positions() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("onverwacht-teken.ron", 2, 21, "onverwacht teken"),
        ("afgebroken.ron", 4, 66, "houdt onverwacht op"),
        (
            "onbekend-veld.ron",
            4,
            10,
            "onbekend veld ‘titel’ in een onderdeel (Section); verwacht een van: title, minutes, items",
        ),
        (
            "ontbrekend-veld.ron",
            4,
            52,
            "verplicht veld ‘minutes’ ontbreekt",
        ),
        (
            "onbekende-soort.ron",
            4,
            44,
            "onbekende soort ‘Dia’ in een item (Item); verwacht een van: Slide, Case, Checklist, Timer, Break",
        ),
        ("verkeerd-type.ron", 4, 32, "geheel getal"),
        ("ontbrekende-komma.ron", 3, 5, "komma"),
    ];
    for &(file, line, col, needle) in cases {
        let e = load_err(file);
        assert_single(&e, line, col, needle);
        assert!(e.file().ends_with(file));
        let shown = e.to_string();
        assert!(
            shown.ends_with(&format!(
                "{file}:{line}:{col}: {}",
                e.diagnostics()[0].message
            )),
            "{shown}"
        );
    }
}

#[test]
fn more_syntax_errors_inline() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("Workshop(title: \"x\", sections: [] ] )", 1, 35, "komma"),
        (
            "Workshop(title: x, sections: [])",
            1,
            16,
            "aanhalingstekens",
        ),
        (
            "Workshop(title: \"x\", sections: [])\n)",
            2,
            1,
            "na het einde",
        ),
        (
            "Workshop(title: \"x, sections: [])",
            1,
            17,
            "niet afgesloten",
        ),
        (
            "Workshop(title: \"x\", sections: []) /* open",
            1,
            36,
            "`*/`",
        ),
        ("Workshop(title: \"a\\qb\", sections: [])", 1, 19, "`\\`"),
        (
            "(title: \"x\", sections: [(title: \"a\", minutes: 99999999999, items: [])])",
            1,
            47,
            "te groot",
        ),
        ("{\"title\": \"x\"}", 1, 1, "`(`"),
    ];
    for &(src, line, col, needle) in cases {
        assert_single(&parse_err(src), line, col, needle);
    }
}

#[test]
fn files_that_are_not_workshop_text() {
    assert_single(&load_err("leeg.ron"), 0, 0, "leeg");
    assert_single(&load_err("geen-utf8.ron"), 2, 16, "UTF-8");
    assert_single(&load_err("binair.ron"), 2, 3, "binair");
    assert_single(&parse_err(""), 0, 0, "leeg");
    assert_single(&parse_err("ab\0"), 1, 3, "binair");

    let missing = load_workshop(&fixture("broken/bestaat-niet.ron")).err();
    let missing = missing.unwrap_or_else(|| panic!("missing file loaded"));
    assert_single(&missing, 0, 0, "niet gevonden");
    assert!(
        missing
            .to_string()
            .ends_with("bestaat-niet.ron: bestand niet gevonden")
    );

    let dir = load_workshop(&fixture("broken")).err();
    assert_single(&dir.unwrap_or_else(|| panic!("dir loaded")), 0, 0, "map");
}

#[test]
fn byte_order_mark_is_accepted() {
    let src = std::fs::read_to_string(fixture("voorbeeld.ron")).unwrap_or_default();
    assert!(parse_workshop(&format!("\u{feff}{src}"), "bom.ron").is_ok());
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    // A small stack proves the recursion really is bounded.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let n = 100_000;
            let inputs = [
                "[".repeat(n),
                "(".repeat(n),
                format!("Workshop(title: \"x\", sections: {}", "[".repeat(n)),
                format!("Workshop(title: \"x\", sections: [{}", "(".repeat(n)),
                format!(
                    "Workshop(title: \"x\", sections: [(title: \"a\", minutes: 1, items: [Slide(title: \"b\", image: {})])])",
                    "Some(".repeat(n)
                ),
                format!("Workshop(title: \"x\", sections: []) {}", "/*".repeat(n)),
                "[(".repeat(n),
            ];
            for input in inputs {
                let e = parse_workshop(&input, "diep.ron").err();
                let e = e.unwrap_or_else(|| panic!("deep input parsed"));
                assert!(!e.diagnostics()[0].message.is_empty());
            }
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(handle.join().is_ok(), "loader crashed on deep nesting");
}

#[test]
fn semantic_errors_point_at_the_value() {
    let e = load_err("dubbel-id.ron");
    assert_single(
        &e,
        9,
        31,
        "checklist-id ‘A’ komt twee keer voor (eerder op regel 8)",
    );

    let e = load_err("onbekende-checklist.ron");
    assert_single(
        &e,
        13,
        32,
        "verwijst naar checklist ‘B’, maar die bestaat niet; bekende ids: A",
    );

    assert_single(
        &load_err("leeg-onderdeel.ron"),
        5,
        17,
        "‘Twee’ heeft geen items",
    );
    assert_single(
        &load_err("casus-zonder-vragen.ron"),
        8,
        88,
        "geen bespreekvragen",
    );

    let e = load_err("nul-minuten.ron");
    assert_eq!(positions(&e), vec![(6, 22), (8, 49), (9, 32)], "{e}");
    assert!(
        e.diagnostics()
            .iter()
            .all(|d| d.message.contains("0 minuten"))
    );

    let e = load_err("lege-titel.ron");
    assert_eq!(positions(&e), vec![(2, 12), (4, 17), (4, 56)], "{e}");
    assert!(
        e.diagnostics()
            .iter()
            .all(|d| d.message.contains("geen titel"))
    );

    let e = load_err("schaal.ron");
    assert_eq!(positions(&e), vec![(13, 87), (14, 83)], "{e}");
    assert!(
        e.diagnostics()[0]
            .message
            .contains("2 tot en met 10 stappen, niet 1 ")
    );

    let e = load_err("open-regels.ron");
    assert_eq!(positions(&e), vec![(13, 58), (14, 58)], "{e}");
    assert!(
        e.diagnostics()[1]
            .message
            .contains("1 tot en met 20 schrijfregels, niet 21")
    );
}

#[test]
fn item_minutes_may_not_exceed_their_section() {
    let e = load_err("te-veel-minuten.ron");
    assert_eq!(
        positions(&e),
        vec![(6, 22), (9, 49), (15, 26), (15, 36)],
        "{e}"
    );
    let d = e.diagnostics();
    assert!(
        d[0].message
            .contains("‘Een’ duurt 10 minuten, maar de items claimen samen 11 minuten"),
        "{e}"
    );
    assert!(
        d[1].message
            .contains("dia 2 van onderdeel ‘Een’ duurt 0 minuten"),
        "{e}"
    );
    assert!(
        d[2].message
            .contains("handleidingpagina 1 heeft geen titel"),
        "{e}"
    );
    assert!(
        d[3].message
            .contains("handleidingpagina 1 heeft geen tekst"),
        "{e}"
    );

    let ok = parse_workshop(
        "Workshop(title: \"W\", sections: [(title: \"S\", minutes: 10, items: [
            Slide(title: \"A\", minutes: 4), Slide(title: \"B\", minutes: Some(2)),
            Timer(label: \"T\", minutes: 4)])],
            follow_up: \"Na twee weken: **tien minuten** terugkijken.\",
            guide_pages: [GuidePage(title: \"Bronnen\", body: \"- een artikel\")])",
        "inline.ron",
    )
    .unwrap();
    assert_eq!(ok.sections[0].claimed_minutes(), 10);
    assert_eq!(ok.guide_pages[0].title, "Bronnen");
    assert!(!ok.follow_up.is_empty());
}

#[test]
fn markdown_outside_the_subset_points_inside_the_string() {
    let e = load_err("opmaak.ron");
    assert_eq!(
        positions(&e),
        vec![(12, 1), (13, 35), (13, 61), (15, 71), (15, 80)],
        "{e}"
    );
    let messages: Vec<&str> = e.diagnostics().iter().map(|d| d.message.as_str()).collect();
    assert!(messages[0].contains("koppen"));
    assert!(messages[1].contains("links"));
    assert!(messages[2].contains("code"));
    assert!(messages[3].contains("HTML"));
}

#[test]
fn windows_line_endings_and_tabs_give_the_same_positions() {
    let src = std::fs::read_to_string(fixture("broken/opmaak.ron")).unwrap_or_default();
    let crlf = src.replace('\n', "\r\n");
    let e = parse_err(&crlf);
    assert_eq!(
        positions(&e),
        vec![(12, 1), (13, 35), (13, 61), (15, 71), (15, 80)],
        "{e}"
    );
    let tabs = src.replace("                notes", "\tnotes");
    assert_eq!(positions(&parse_err(&tabs))[1], (13, 20));
}

#[test]
fn missing_image_only_checked_with_a_directory() {
    assert_single(
        &load_err("ontbrekende-afbeelding.ron"),
        8,
        44,
        "afbeelding ‘plaatjes/kampvuur.png’ niet gevonden",
    );
    let src = std::fs::read_to_string(fixture("broken/ontbrekende-afbeelding.ron"));
    let src = src.unwrap_or_else(|e| panic!("{e}"));
    assert!(parse_workshop(&src, "x.ron").is_ok());

    // A file that is not a PNG is an error at the same place.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(dir.path().join("plaatjes")).unwrap_or_else(|e| panic!("{e}"));
    let image = dir.path().join("plaatjes/kampvuur.png");
    std::fs::write(&image, b"png").unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("w.ron");
    std::fs::write(&path, &src).unwrap_or_else(|e| panic!("{e}"));
    let err = load_workshop(&path).expect_err("not a PNG");
    assert_eq!(positions(&err), vec![(8, 44)]);
    assert!(err.to_string().contains("geen PNG"), "{err}");

    // With a real PNG beside the file, it loads.
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, 2, 2);
        enc.set_color(png::ColorType::Rgba);
        let mut w = enc.write_header().unwrap_or_else(|e| panic!("{e}"));
        w.write_image_data(&[200; 16])
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&image, png).unwrap_or_else(|e| panic!("{e}"));
    assert!(load_workshop(&path).is_ok());
}

#[test]
fn all_errors_of_a_file_at_once() {
    let e = load_err("alles-tegelijk.ron");
    assert_eq!(
        positions(&e),
        vec![
            (3, 12),
            (7, 22),
            (9, 54),
            (10, 79),
            (10, 94),
            (12, 83),
            (14, 31),
            (14, 102),
            (17, 17)
        ],
        "{e}"
    );
    let shown = e.to_string();
    assert_eq!(shown.lines().count(), 9);
    for line in shown.lines() {
        assert!(line.contains("alles-tegelijk.ron:"), "{line}");
    }
}

#[test]
fn valid_files_load_and_summarise() {
    let w = load_workshop(&fixture("voorbeeld.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        summary(&w),
        "2 onderdelen, 35 min, 1 dia, 1 casus, 1 checklist"
    );
    assert!(kampvuur::content::bundled_workshop().is_ok());
}

fn kampvuur(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kampvuur"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_command_exit_codes_and_output() {
    let (code, out, err) = kampvuur(&["check", "tests/fixtures/voorbeeld.ron"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "tests/fixtures/voorbeeld.ron: 2 onderdelen, 35 min, 1 dia, 1 casus, 1 checklist\n"
    );

    // A folder: only its .ron files, sorted; the real workshop may change, so
    // only the shape of its line is checked.
    let (code, out, err) = kampvuur(&["check", "workshops"]);
    assert_eq!(code, 0, "{err}");
    let line = out
        .lines()
        .find(|l| l.starts_with("workshops/vurige-kind-in-de-klas.workshop.ron: "));
    let line = line.unwrap_or_else(|| panic!("no summary in {out}"));
    let words: Vec<&str> = line
        .split(": ")
        .nth(1)
        .unwrap_or_default()
        .split(' ')
        .collect();
    assert_eq!(words.len(), 10, "{line}");
    for (i, unit) in ["onderdelen,", "min,", "dia’s,", "casussen,", "checklists"]
        .iter()
        .enumerate()
    {
        assert!(words[2 * i].parse::<u32>().is_ok(), "{line}");
        assert_eq!(words[2 * i + 1], *unit, "{line}");
    }

    let (code, out, err) = kampvuur(&[
        "check",
        "tests/fixtures/broken",
        "tests/fixtures/voorbeeld.ron",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.contains("tests/fixtures/broken/dubbel-id.ron:9:31: checklist-id"),
        "{err}"
    );
    assert!(
        err.contains("tests/fixtures/broken/leeg.ron: het bestand is leeg"),
        "{err}"
    );
    let first = err.find("afgebroken.ron").unwrap_or(usize::MAX);
    let last = err.find("verkeerd-type.ron").unwrap_or(0);
    assert!(first < last, "files not sorted:\n{err}");

    let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let empty = empty.path().display().to_string();
    let (code, _, err) = kampvuur(&["check", &empty]);
    assert_eq!(code, 1);
    assert!(err.contains("geen workshopbestanden"), "{err}");

    let (code, _, err) = kampvuur(&["check", "bestaat/niet.ron"]);
    assert_eq!(
        (code, err.trim()),
        (1, "bestaat/niet.ron: bestand niet gevonden")
    );
}

#[test]
fn text_command_prints_plain_lines() {
    let (code, out, err) = kampvuur(&["text", "tests/fixtures/voorbeeld.ron"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    for expected in [
        "Rust in de klas",
        "Daarna een korte oefening",
        "Rust begint bij jezelf.",
        "Tim, groep 6",
        "Wat heb jij zelf nodig?",
        "weinig",
        "Onze eerste kleine stap",
        "Pauze",
    ] {
        assert!(lines.contains(&expected), "missing ‘{expected}’ in\n{out}");
    }
    assert!(!out.contains("**") && !out.contains("> "), "{out}");

    let (code, out, err) = kampvuur(&["text", "tests/fixtures/broken/opmaak.ron"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("opmaak.ron:12:1:"), "{err}");
}

/// The third edition's new parts are in `kampvuur text`, and every drawing
/// is there in words (its alt text), as a screen reader says it.
#[test]
fn text_command_has_the_new_parts_and_the_pictures_in_words() {
    let ws = "workshops/vurige-kind-in-de-klas.workshop.ron";
    let (code, out, err) = kampvuur(&["text", ws]);
    assert_eq!(code, 0, "{err}");
    for part in [
        "Jouw rust is het anker",
        "De golf van een uitbarsting",
        "Het herstelgesprek",
        "Drie keer loslaten",
        "Ouders als bondgenoot",
        "Veiligheid en ingrijpen",
        "Bronnen en leestips",
        "Voorbereiding",
        "Yara wil niet dat papa gaat",
        "Thijs slaat terug",
    ] {
        assert!(out.contains(part), "‘{part}’ ontbreekt");
    }
    let pictures = out
        .lines()
        .filter(|l| l.starts_with("Afbeelding: "))
        .count();
    let drawings = std::fs::read_dir("workshops/plaatjes").unwrap().count();
    assert!(drawings >= 8, "{drawings} tekeningen");
    assert_eq!(pictures, drawings, "{out}");
}
