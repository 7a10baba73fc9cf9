//! Export and open never fail silently: exports go to the documents folder
//! without a dialog, "Opslaan als…" and "Workshop openen…" fall back to
//! kampvuur's own file dialog, and every failure is said in Dutch.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::common::{self, app_in, harness};

fn export_workbook(h: &mut egui_kittest::Harness<'static, kampvuur::app::KampvuurApp>) {
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    h.get_by_label("Deelnemerswerkboek…").click();
    h.run_steps(2);
    common::settle(h);
}

#[test]
fn an_export_lands_in_the_documents_folder_and_can_be_copied_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    export_workbook(&mut h);
    let docs = dir.path().join("documenten");
    let first = docs.join("rust-in-de-klas-werkboek.pdf");
    assert!(std::fs::read(&first).unwrap().starts_with(b"%PDF"));
    let notice = h.state().notice.clone().expect("a notice");
    assert!(!notice.error, "{notice:?}");
    assert!(notice.text.contains("Bewaard"), "{notice:?}");
    assert_eq!(notice.file.as_deref(), Some(first.as_path()));
    h.get_by_label("Openen");
    h.get_by_label("Map openen");

    // A second export never replaces the first.
    export_workbook(&mut h);
    assert!(docs.join("rust-in-de-klas-werkboek (2).pdf").is_file());

    // Opslaan als…: no system dialog here, so kampvuur's own one opens.
    h.get_by_label("Opslaan als…").click();
    h.run_steps(4);
    assert!(h.state().files.browser.is_some());
    h.get_by_label("‹ Map hoger").click();
    h.run_steps(2);
    let browser = h.state().files.browser.clone().unwrap();
    assert_eq!(browser.folder, dir.path());
    assert!(
        browser
            .entries
            .iter()
            .any(|e| e.is_dir && e.name == "documenten")
    );
    let name = h.get_by_label("Bestandsnaam of pad");
    name.click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestandsnaam of pad")
        .type_text("voor-de-directie.pdf");
    h.run_steps(2);
    h.get_by_label("Bewaren").click();
    h.run_steps(2);
    common::settle(&mut h);
    let copy = dir.path().join("voor-de-directie.pdf");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(docs.join("rust-in-de-klas-werkboek (2).pdf")).unwrap()
    );
    assert!(h.state().files.browser.is_none());
    let notice = h.state().notice.clone().unwrap();
    assert!(notice.text.starts_with("Kopie bewaard"), "{notice:?}");
}

#[test]
fn an_export_folder_that_cannot_be_made_is_said_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the documents folder should be.
    std::fs::write(dir.path().join("documenten"), b"geen map").unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    export_workbook(&mut h);
    let notice = h.state().notice.clone().expect("a notice");
    assert!(notice.error, "{notice:?}");
    assert!(
        notice.text.starts_with("Exporteren is niet gelukt"),
        "{notice:?}"
    );
    assert!(notice.text.contains("documenten"), "{notice:?}");
}

#[test]
fn a_workshop_opens_through_kampvuurs_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("workshops");
    std::fs::create_dir(&folder).unwrap();
    let source = common::EXAMPLE.replace("Rust in de klas", "Lente in de klas");
    std::fs::write(folder.join("lente.ron"), source).unwrap();
    std::fs::write(folder.join("notities.txt"), "niet tonen").unwrap();
    let mut app = app_in(dir.path());
    app.paths_mut().exports = Some(dir.path().to_owned());
    let mut h = harness(app);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    let browser = h.state().files.browser.clone().expect("own dialog");
    assert_eq!(browser.folder, dir.path());
    h.get_by_label("workshops ›").click();
    h.run_steps(2);
    let names: Vec<String> = (h.state().files.browser.as_ref().unwrap().entries)
        .iter()
        .map(|e| e.name.clone())
        .collect();
    assert_eq!(names, ["lente.ron"]);
    h.get_by_label("lente.ron").click();
    h.run_steps(1);
    h.get_by_label("Openen").click();
    h.run_steps(2);
    common::settle(&mut h);
    assert_eq!(h.state().workshop.title, "Lente in de klas");
    assert!(h.state().files.browser.is_none());
}

/// kampvuur's own dialog, by keyboard: a pasted path and Enter open the
/// workshop; a pasted folder is shown; the next dialog starts there.
#[test]
fn the_own_dialog_takes_a_typed_path_and_enter() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let source = common::EXAMPLE.replace("Rust in de klas", "Lente in de klas");
    std::fs::write(folder.join("lente.ron"), &source).unwrap();
    std::fs::write(folder.join("zomer.ron"), source.replace("Lente", "Zomer")).unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    // The name field is there and has the keys at once: no click needed.
    assert!(
        h.ctx.memory(|m| m.focused()).is_some(),
        "the name field has the keys"
    );
    // A pasted folder is shown, not chosen.
    h.get_by_label("Bestandsnaam of pad")
        .type_text(folder.to_str().unwrap());
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let browser = h.state().files.browser.clone().expect("the dialog stays");
    assert_eq!(browser.folder, folder);
    assert_eq!(browser.entries.len(), 2);
    // The arrow keys in the field walk the files; Enter opens.
    h.get_by_label("Bestandsnaam of pad").click();
    h.run_steps(1);
    h.key_press(Key::ArrowDown);
    h.run_steps(1);
    h.key_press(Key::ArrowDown);
    h.run_steps(1);
    assert_eq!(h.state().files.browser.as_ref().unwrap().name, "zomer.ron");
    h.key_press(Key::Enter);
    h.run_steps(2);
    common::settle(&mut h);
    assert_eq!(h.state().workshop.title, "Zomer in de klas");
    // The next dialog starts in the folder used last.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    assert_eq!(h.state().files.browser.as_ref().unwrap().folder, folder);
    // A full path typed with Enter opens that file.
    let lente = folder.join("lente.ron");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestandsnaam of pad")
        .type_text(lente.to_str().unwrap());
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    common::settle(&mut h);
    assert_eq!(h.state().workshop.title, "Lente in de klas");
    // Esc leaves the field first; the next Esc closes the dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(
        h.state().files.browser.is_some(),
        "the first Esc closed the dialog"
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().files.browser.is_none());
}
