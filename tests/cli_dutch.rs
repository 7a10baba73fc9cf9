#![allow(clippy::unwrap_used)] // test code may panic
//! The command line speaks Dutch: help, errors, suggestions (issue 17).
//! Runs the real binary, as a trainer would in a terminal.

use std::process::Output;

fn kampvuur(args: &[&str]) -> Output {
    crate::common::kampvuur_in(args, std::path::Path::new("."))
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Words clap prints in English when nobody translates them.
const ENGLISH: [&str; 12] = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "possible values",
    "default:",
    "error:",
    "tip:",
    "[OPTIONS]",
    "For more information",
];

fn assert_dutch(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "English ‘{word}’ in:\n{text}");
    }
}

#[test]
fn help_is_dutch_for_every_command() {
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["check", "--help"],
        vec!["text", "--help"],
        vec!["new", "--help"],
        vec!["export", "--help"],
        vec!["export", "-h"],
        vec!["serve", "--help"],
    ] {
        let out = kampvuur(&args);
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        assert_dutch(&text);
        assert!(text.contains("Gebruik: kampvuur"), "{args:?}:\n{text}");
        assert!(text.contains("Opties:"), "{args:?}:\n{text}");
        assert!(text.contains("Toon deze uitleg"), "{args:?}:\n{text}");
    }
    let root = stdout(&kampvuur(&["--help"]));
    assert!(root.contains("Opdrachten:"), "{root}");
    assert!(root.contains("Argumenten:"), "{root}");
    assert!(root.contains("[OPTIES]"), "{root}");
    assert!(root.contains("Toon de versie van kampvuur"), "{root}");
    let export = stdout(&kampvuur(&["export", "--help"]));
    assert!(export.contains("Mogelijke waarden:"), "{export}");
    assert!(export.contains("--kind <SOORT>"), "{export}");
}

#[test]
fn version_prints_the_version() {
    let out = kampvuur(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("kampvuur {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_option_is_said_in_dutch() {
    let out = kampvuur(&["--foo"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(text.starts_with("fout: onbekende optie ‘--foo’"), "{text}");
    assert!(text.contains("Gebruik: kampvuur"), "{text}");
    assert!(text.contains("Meer uitleg: kampvuur --help"), "{text}");

    let out = kampvuur(&["export", "x.ron", "--kind", "guide", "--nots"]);
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(text.contains("onbekende optie ‘--nots’"), "{text}");
    assert!(text.contains("bedoelde je ‘--notes’?"), "{text}");
    assert!(
        text.contains("Meer uitleg: kampvuur export --help"),
        "{text}"
    );
}

#[test]
fn a_mistyped_command_names_the_one_meant() {
    for (typo, meant) in [("chek", "check"), ("exprot", "export"), ("serv", "serve")] {
        let out = kampvuur(&[typo, "iets.ron"]);
        assert_eq!(out.status.code(), Some(2), "{typo}");
        let text = stderr(&out);
        assert_dutch(&text);
        assert!(
            text.contains(&format!("onbekende opdracht ‘{typo}’")),
            "{text}"
        );
        assert!(
            text.contains(&format!("bedoelde je de opdracht ‘{meant}’?")),
            "{text}"
        );
    }
}

#[test]
fn wrong_values_and_missing_arguments_are_dutch() {
    let out = kampvuur(&["export", "x.ron", "--kind", "boek"]);
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(
        text.contains("‘boek’ is geen mogelijke waarde voor ‘--kind <SOORT>’"),
        "{text}"
    );
    assert!(text.contains("mogelijke waarden: ‘workbook’"), "{text}");

    let out = kampvuur(&["serve", "x.ron", "--bind", "laptop"]);
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(text.contains("geen geldig netwerkadres"), "{text}");

    let out = kampvuur(&["serve", "x.ron", "--port", "99999"]);
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(
        text.contains("dat getal ligt niet tussen 0 en 65535"),
        "{text}"
    );

    let out = kampvuur(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(text.contains("dit ontbreekt nog: <PAD>"), "{text}");

    let out = kampvuur(&["export", "x.ron", "--kind", "guide", "--start", "25:00"]);
    let text = stderr(&out);
    assert_dutch(&text);
    assert!(text.contains("is geen tijd"), "{text}");
}

#[test]
fn a_path_is_a_file_to_open_not_a_typo() {
    use kampvuur::cli::{Parsed, parse_from};
    assert!(matches!(
        parse_from(["kampvuur", "workshops/chek"]),
        Parsed::Run(_)
    ));
    assert!(matches!(
        parse_from(["kampvuur", "chek.workshop.ron"]),
        Parsed::Run(_)
    ));
    assert!(matches!(
        parse_from(["kampvuur", "chek"]),
        Parsed::Print { code: 2, .. }
    ));
    // Far from every command: a file name after all.
    assert!(matches!(
        parse_from(["kampvuur", "studiemiddag"]),
        Parsed::Run(_)
    ));
}

#[test]
fn help_menu_shows_the_version_and_where_files_are() {
    use crate::common::{app_in, harness};
    use egui::Key;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(2);
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("Over kampvuur").click();
    h.run_steps(2);
    assert!(h.state().about, "the window is open");
    h.run_steps(3);
    h.get_by_label(&format!("kampvuur {}", env!("CARGO_PKG_VERSION")));
    // The folders this app uses: handouts, answers and the room's sessions.
    for folder in ["documenten", "antwoorden", "zaal"] {
        h.get_by_label(&dir.path().join(folder).display().to_string());
    }
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().about, "Esc closes the window");
    assert!(
        h.query_by_label(&format!("kampvuur {}", env!("CARGO_PKG_VERSION")))
            .is_none()
    );
}
