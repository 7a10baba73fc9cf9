#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Live reload: the open workshop file changes on disk and the app follows,
//! driven by the real file watcher and by a hand-fired test trigger.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kampvuur::app::{KampvuurApp, ReloadStatus, Screen};
use kampvuur::content::Trigger;

use crate::common::{self, EXAMPLE, app_in, harness, position, press};

const TITLE: &str = "Rust in de klas";

/// The example workshop written to a file in `dir` and opened from there.
fn opened(dir: &Path) -> (Harness<'static, KampvuurApp>, PathBuf) {
    let path = dir.join("voorbeeld.workshop.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let mut app = app_in(dir);
    app.open(path.clone());
    assert_eq!(app.workshop_path.as_deref(), Some(path.as_path()));
    let mut h = harness(app);
    h.run_steps(2);
    (h, path)
}

/// The same, with the watch driven by hand.
fn opened_manually(dir: &Path) -> (Harness<'static, KampvuurApp>, PathBuf, Trigger) {
    let (mut h, path) = opened(dir);
    let trigger = h.state_mut().watch_manually().expect("a file is open");
    (h, path, trigger)
}

/// Change the file on disk and let the app notice.
fn save(h: &mut Harness<'_, KampvuurApp>, path: &Path, text: &str, trigger: &Trigger) {
    std::fs::write(path, text).unwrap();
    trigger.fire();
    h.run_steps(2);
}

#[test]
fn a_saved_change_shows_up_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = opened(dir.path());
    h.get_by_label(TITLE);
    // Like an editor: a new file renamed over the old one.
    let tmp = dir.path().join(".voorbeeld.workshop.ron.swp");
    std::fs::write(&tmp, EXAMPLE.replace(TITLE, "Rust in de klas, herzien")).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().workshop.title == TITLE && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        h.run_steps(1);
    }
    assert_eq!(h.state().workshop.title, "Rust in de klas, herzien");
    h.run_steps(1);
    h.get_by_label("Workshop bijgewerkt");
    h.get_by_label("Rust in de klas, herzien");

    // A second save in place is noticed too (the watch survived the rename).
    std::fs::write(&path, EXAMPLE.replace(TITLE, "Derde versie")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().workshop.title != "Derde versie" && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        h.run_steps(1);
    }
    assert_eq!(h.state().workshop.title, "Derde versie");
}

#[test]
fn an_invalid_change_keeps_the_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path, trigger) = opened_manually(dir.path());
    let broken = EXAMPLE
        .replace(TITLE, "Half af")
        .replace("minutes: 10,", "minutes: 0,");
    save(&mut h, &path, &broken, &trigger);
    assert_eq!(h.state().workshop.title, TITLE, "the old version stays");
    let Some(ReloadStatus::Invalid(errors)) = &h.state().reload.status else {
        panic!("expected errors, got {:?}", h.state().reload.status);
    };
    // path:line:col of the zero minutes.
    let line = EXAMPLE
        .lines()
        .position(|l| l.contains("minutes: 10,"))
        .unwrap()
        + 1;
    let at = format!("{}:{line}:", path.display());
    assert!(errors.contains(&at), "{errors}");
    h.get_by_label("Je wijziging bevat fouten");
    h.get_by_label_contains(&at);
    h.get_by_label(TITLE);

    // Fixing it brings the new version in.
    save(&mut h, &path, &EXAMPLE.replace(TITLE, "Hersteld"), &trigger);
    assert_eq!(h.state().workshop.title, "Hersteld");
    assert!(matches!(
        h.state().reload.status,
        Some(ReloadStatus::Updated { .. })
    ));
    assert!(h.query_by_label("Je wijziging bevat fouten").is_none());
}

#[test]
fn presenting_stays_on_the_same_item() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path, trigger) = opened_manually(dir.path());
    press(&mut h, Key::F5);
    assert_eq!(h.state().screen, Screen::Present);
    press(&mut h, Key::End);
    press(&mut h, Key::PageUp);
    assert_eq!(position(&h), 3);
    let item = |h: &Harness<'_, KampvuurApp>| {
        let app = h.state();
        let r = app.show.presenter.deck.current().unwrap();
        app.workshop.item(r).unwrap().title().to_owned()
    };
    assert_eq!(item(&h), "Wat heeft dit kind nu nodig?");

    // A slide added before it: the same checklist, one further on.
    let added = EXAMPLE.replacen(
        "Slide(",
        "Slide(title: \"Nieuw vooraf\"),\n                Slide(",
        1,
    );
    save(&mut h, &path, &added, &trigger);
    assert_eq!(position(&h), 4);
    assert_eq!(item(&h), "Wat heeft dit kind nu nodig?");
    assert_eq!(h.state().screen, Screen::Present);

    // Its title changed: no match, so the nearest position.
    let renamed = added.replace("Wat heeft dit kind nu nodig?", "Wat nu?");
    save(&mut h, &path, &renamed, &trigger);
    assert_eq!(position(&h), 4);
    assert_eq!(item(&h), "Wat nu?");
}

#[test]
fn the_notice_is_never_on_the_projector() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path, trigger) = opened_manually(dir.path());
    // F5: only the slide, full screen, for the audience.
    press(&mut h, Key::F5);
    save(&mut h, &path, &EXAMPLE.replace(TITLE, "Tweede"), &trigger);
    assert!(matches!(
        h.state().reload.status,
        Some(ReloadStatus::Updated { .. })
    ));
    assert!(h.query_by_label("Workshop bijgewerkt").is_none());
    let broken = EXAMPLE.replace("minutes: 10,", "minutes: 0,");
    save(&mut h, &path, &broken, &trigger);
    assert!(h.query_by_label("Je wijziging bevat fouten").is_none());

    // With the console beside the slide, the console shows it.
    press(&mut h, Key::Escape);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run_steps(2);
    assert_eq!(h.state().screen, Screen::Present);
    save(&mut h, &path, &EXAMPLE.replace(TITLE, "Derde"), &trigger);
    h.get_by_label("Workshop bijgewerkt");
}

#[test]
fn a_deleted_file_keeps_the_last_version_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path, trigger) = opened_manually(dir.path());
    std::fs::remove_file(&path).unwrap();
    trigger.fire();
    h.run_steps(2);
    assert_eq!(h.state().reload.status, Some(ReloadStatus::Gone));
    assert_eq!(h.state().workshop.title, TITLE);
    h.get_by_label("Bestand verdwenen");
    h.get_by_label_contains("verwijderd of hernoemd");
    // Put back: followed again.
    save(&mut h, &path, &EXAMPLE.replace(TITLE, "Terug"), &trigger);
    assert_eq!(h.state().workshop.title, "Terug");
}

#[test]
fn the_updated_notice_goes_away_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path, trigger) = opened_manually(dir.path());
    save(&mut h, &path, &EXAMPLE.replace(TITLE, "Nieuw"), &trigger);
    h.get_by_label("Workshop bijgewerkt");
    common::advance(&mut h, 5.0);
    h.run_steps(1);
    assert_eq!(h.state().reload.status, None);
    assert!(h.query_by_label("Workshop bijgewerkt").is_none());
}

#[test]
fn a_new_workshop_from_the_app_is_written_once_and_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    let path = dir.path().join("nieuw").join("mijn.workshop.ron");
    assert!(h.state_mut().create_workshop(path.clone()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        kampvuur::content::STARTER
    );
    assert_eq!(h.state().workshop_path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().workshop.title, "Een rustige start van de dag");

    // Again: refused, in Dutch, and the file is untouched.
    std::fs::write(&path, EXAMPLE).unwrap();
    assert!(!h.state_mut().create_workshop(path.clone()));
    let notice = h.state().notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.contains("bestaat al"), "{}", notice.text);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn bestand_nieuwe_workshop_writes_and_opens_the_starter() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.get_by_label("Bestand").click();
    h.run_steps(2);
    h.get_by_label("Nieuwe workshop…").click();
    // No system dialog in tests: kampvuur's own one asks for the name.
    h.run_steps(4);
    let browser = h.state().files.browser.clone().expect("the dialog is open");
    assert_eq!(browser.name, "mijn-workshop.workshop.ron");
    h.get_by_label("Maken").click();
    h.run_steps(2);
    let path = browser.folder.join("mijn-workshop.workshop.ron");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        kampvuur::content::STARTER
    );
    assert_eq!(h.state().workshop_path.as_deref(), Some(path.as_path()));
    h.get_by_label("Een rustige start van de dag");
    h.get_by_label_contains("Nieuwe workshop gemaakt");
}

#[test]
fn edit_is_offered_only_for_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.get_by_label("Bestand").click();
    h.run_steps(2);
    assert!(h.get_by_label("Bewerken").accesskit_node().is_disabled());
    h.get_by_label("Nieuwe workshop…");

    let (mut h, _path) = opened(dir.path());
    h.get_by_label("Bestand").click();
    h.run_steps(2);
    assert!(!h.get_by_label("Bewerken").accesskit_node().is_disabled());
}

#[test]
fn new_on_the_command_line_refuses_to_overwrite() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map").join("les.workshop.ron");
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_kampvuur"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["new".as_ref(), path.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nieuwe workshop gemaakt"));
    let check = run(&["check".as_ref(), path.as_os_str()]);
    assert!(check.status.success(), "{check:?}");

    std::fs::write(&path, "mijn eigen werk").unwrap();
    let again = run(&["new".as_ref(), path.as_os_str()]);
    assert_eq!(again.status.code(), Some(1));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("bestaat al"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mijn eigen werk");

    // Another ending works, with a tip about the name.
    let plain = dir.path().join("les.ron");
    let out = run(&["new".as_ref(), plain.as_os_str()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".workshop.ron"));
}
