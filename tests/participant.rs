#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Participant mode on a shared laptop, as a teacher uses it: Klaar leaves an
//! empty name screen, answers open only with name and code, anonymous and
//! non-Latin names get sets of their own; and the screen's layout.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Screen};
use kampvuur::content::AnswerStore;
use kampvuur::model::{AccessCode, Answer, AnswerSet, CodeLock};

use crate::common::{self, app_in, harness};

const TITLE: &str = "Rust in de klas";
pub(crate) const CHECK: &str = "We hebben eerst naar het welzijn gekeken.";
const OPEN: &str = "Onze eerste kleine stap";

pub(crate) fn click(h: &mut Harness<'_, KampvuurApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn type_into(h: &mut Harness<'_, KampvuurApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
}

/// From the start screen to the name screen.
pub(crate) fn name_screen(h: &mut Harness<'_, KampvuurApp>) {
    // Klaar leaves the name screen for the next person; from the start
    // screen the trainer opens it.
    if h.state().screen != Screen::Participant {
        common::begin_participating(h);
    }
    assert_eq!(h.state().screen, Screen::Participant);
    assert!(h.state().participation.form.answers.is_none());
}

/// Types a name and code on the name screen and presses `button`.
fn sign_in(h: &mut Harness<'_, KampvuurApp>, name: &str, code: &str, button: &str) {
    type_into(h, "Je naam", name);
    type_into(h, "Je code (4 cijfers)", code);
    // Two seconds: long enough for egui's undo history to take them in.
    h.run_steps(8);
    click(h, button);
}

/// Fills in the open question and waits for the autosave.
fn answer_open(h: &mut Harness<'_, KampvuurApp>, text: &str) {
    type_into(h, OPEN, text);
    h.run_steps(4);
    crate::common::settle(h);
}

fn open_answer(h: &Harness<'_, KampvuurApp>) -> Option<String> {
    h.state()
        .participation
        .form
        .answers
        .as_ref()
        .and_then(|a| a.checklists.get("A"))
        .and_then(|a| a.get(3))
        .map(|a| match a {
            Answer::Open(t) => t.clone(),
            other => format!("{other:?}"),
        })
        .filter(|t| !t.is_empty())
}

fn files(dir: &Path) -> Vec<String> {
    let folder = dir.join("antwoorden/rust-in-de-klas");
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Moves egui's clock past the wait after a wrong code.
fn wait(h: &mut Harness<'_, KampvuurApp>, secs: f64) {
    common::advance(h, secs);
    h.run_steps(1);
}

/// The app on the participant's screen with Fatima signed in (code 4821).
fn fatima_signed_in(dir: &Path) -> Harness<'static, KampvuurApp> {
    let mut h = harness(app_in(dir));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Fatima", "4821", "Beginnen");
    h
}

#[test]
fn klaar_leaves_an_empty_name_screen_without_earlier_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = fatima_signed_in(dir.path());
    click(&mut h, CHECK);
    answer_open(&mut h, "Eerst rust");
    assert_eq!(open_answer(&h).as_deref(), Some("Eerst rust"));
    // The notice of an exported reflection names her; it goes with Klaar.
    let now = kampvuur::ui::Now {
        t: common::time(&h),
        wall: common::wall(),
    };
    let pdf = dir.path().join("reflectie-fatima.pdf");
    h.state_mut()
        .export_to(kampvuur::model::DocKind::Reflection, pdf, now);
    h.run_steps(1);
    h.get_by_label_contains("reflectie-fatima.pdf");
    click(&mut h, "Klaar");
    assert_eq!(h.state().screen, Screen::Participant);
    assert!(h.state().notice.is_none());
    assert!(h.query_by_label_contains("reflectie-fatima").is_none());
    assert!(
        h.state().participation.form.answers.is_none(),
        "answers forgotten"
    );

    name_screen(&mut h);
    assert!(h.state().participation.form.name.is_empty());
    // Undo in the empty fields does not bring back her name or code.
    for field in ["Je naam", "Je code (4 cijfers)"] {
        h.get_by_label(field).focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(2);
        assert_eq!(
            h.get_by_label(field).value().as_deref(),
            Some(""),
            "{field}"
        );
    }
    assert!(h.state().participation.form.name.is_empty());
    assert_eq!(h.get_by_label("Je naam").value().as_deref(), Some(""));
    assert!(
        h.query_by_label_contains("Fatima").is_none(),
        "a name is listed"
    );
    assert!(h.query_by_label_contains("Verder als").is_none());
    assert!(h.query_by_label(CHECK).is_none(), "answers are shown");

    // "Andere naam" empties the screen as well.
    sign_in(&mut h, "Bram", "1111", "Beginnen");
    click(&mut h, "Andere naam");
    assert!(h.state().participation.form.answers.is_none());
    assert!(h.state().participation.form.name.is_empty());
    assert!(h.query_by_label_contains("Bram").is_none());
}

#[test]
fn resuming_needs_the_right_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = fatima_signed_in(dir.path());
    answer_open(&mut h, "Eerst rust");
    click(&mut h, "Klaar");

    // Another day, the app started again.
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Fatima", "1284", "Verder met mijn antwoorden");
    assert!(h.state().participation.form.answers.is_none());
    h.get_by_label_contains("geen antwoorden gevonden");
    h.get_by_label_contains("Probeer het over");
    assert_eq!(
        h.get_by_label("Je code (4 cijfers)").value().as_deref(),
        Some(""),
        "a wrong code is cleared"
    );
    // During the wait the buttons do nothing.
    type_into(&mut h, "Je code (4 cijfers)", "4821");
    click(&mut h, "Verder met mijn antwoorden");
    assert!(h.state().participation.form.answers.is_none());

    wait(&mut h, 3.0);
    click(&mut h, "Verder met mijn antwoorden");
    assert_eq!(open_answer(&h).as_deref(), Some("Eerst rust"));
    assert!(
        h.query_by_label_contains("geen antwoorden gevonden")
            .is_none()
    );
    assert_eq!(h.state().participation.form.name.gate.failures(), 0);
}

#[test]
fn the_same_name_in_other_capitals_never_shows_answers_without_the_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Anna", "1234", "Beginnen");
    answer_open(&mut h, "Alleen voor Anna");
    click(&mut h, "Klaar");

    name_screen(&mut h);
    sign_in(&mut h, "anna", "4321", "Verder met mijn antwoorden");
    assert!(h.state().participation.form.answers.is_none());
    h.get_by_label_contains("geen antwoorden gevonden");
    wait(&mut h, 3.0);
    // "Beginnen" with another code: a new, empty set, never Anna's.
    type_into(&mut h, "Je code (4 cijfers)", "4321");
    click(&mut h, "Beginnen");
    assert_eq!(open_answer(&h), None);
    assert!(h.query_by_label_contains("Alleen voor Anna").is_none());
    assert_eq!(files(dir.path()).len(), 2);
    // Starting as a namesake counts as a try against guessing.
    assert_eq!(h.state().participation.failures_for("anna"), 2);
}

#[test]
fn guessing_codes_is_slowed_down() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    type_into(&mut h, "Je naam", "Anna");
    for (i, code) in ["0000", "0001", "0002"].iter().enumerate() {
        type_into(&mut h, "Je code (4 cijfers)", code);
        click(&mut h, "Verder met mijn antwoorden");
        assert_eq!(
            h.state().participation.form.name.gate.failures(),
            i as u32 + 1
        );
        wait(&mut h, 2.5);
    }
    // After the third wrong code: half a minute.
    h.get_by_label_contains("seconden opnieuw");
    type_into(&mut h, "Je code (4 cijfers)", "0003");
    click(&mut h, "Verder met mijn antwoorden");
    assert_eq!(h.state().participation.form.name.gate.failures(), 3);
    // Leaving participant mode and coming back does not reset the limit.
    common::stop_with_code(&mut h, common::TRAINER_CODE);
    assert_eq!(h.state().screen, Screen::Start);
    name_screen(&mut h);
    type_into(&mut h, "Je naam", "anna ");
    h.run_steps(1);
    assert_eq!(h.state().participation.form.name.gate.failures(), 3);
    assert!(
        h.state()
            .participation
            .form
            .name
            .gate
            .wait(common::time(&h))
            > 20.0
    );
}

#[test]
fn every_anonymous_start_is_a_new_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    click(&mut h, "Anoniem invullen");
    answer_open(&mut h, "Eerste anonieme");
    click(&mut h, "Klaar");
    name_screen(&mut h);
    click(&mut h, "Anoniem invullen");
    assert_eq!(
        open_answer(&h),
        None,
        "the previous anonymous answers are shown"
    );
    h.get_by_label(OPEN).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        open_answer(&h),
        None,
        "undo brought back the previous answer"
    );
    answer_open(&mut h, "Tweede anonieme");
    click(&mut h, "Klaar");
    let names = files(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("anoniem-")), "{names:?}");
    assert!(!names.contains(&"anoniem.ron".to_owned()));
}

#[test]
fn names_without_latin_letters_get_separate_files_and_pdfs() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Greek and Cyrillic come from DejaVu; Chinese has no font on screen: boxes, no panic.
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut KampvuurApp| app.show(ui), app_in(dir.path()));
    h.run_steps(1);
    // Only the fonts of an empty folder: the placeholder whatever this
    // machine has installed.
    h.state_mut().fonts.dirs = Some(vec![dir.path().join("geen-lettertypen")]);
    name_screen(&mut h);
    sign_in(&mut h, "Анна", "1111", "Beginnen");
    answer_open(&mut h, "Annas geheime stap");
    click(&mut h, "Klaar");
    name_screen(&mut h);
    sign_in(&mut h, "李明", "1111", "Beginnen");
    assert_eq!(open_answer(&h), None, "Anna's answers opened for 李明");
    // No font on screen has these characters: a placeholder, never boxes.
    h.get_by_label("[naam in een ander schrift]");
    answer_open(&mut h, "Mings eigen stap");
    assert_eq!(files(dir.path()).len(), 2);

    // 李明's reflection holds only 李明's answers.
    let out = dir.path().join("reflectie.pdf");
    let now = kampvuur::ui::Now {
        t: common::time(&h),
        wall: common::wall(),
    };
    h.state_mut()
        .export_to(kampvuur::model::DocKind::Reflection, out.clone(), now);
    let bytes = std::fs::read(&out).expect("the reflection was written");
    let text = crate::pdf_support::parse(&bytes).squashed();
    assert!(text.contains("Mingseigenstap"), "{text}");
    assert!(!text.contains("Annasgeheime"), "{text}");

    click(&mut h, "Klaar");
    name_screen(&mut h);
    sign_in(&mut h, "Анна", "1111", "Verder met mijn antwoorden");
    assert_eq!(open_answer(&h).as_deref(), Some("Annas geheime stap"));
}

#[test]
fn a_file_whose_stored_name_differs_is_not_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = AnswerStore::new(dir.path().join("antwoorden"));
    let mut bram = AnswerSet::new("Bram", TITLE);
    bram.key = "anna-0badc0de".into();
    let code = AccessCode::parse("1234").expect("a code");
    bram.lock = Some(CodeLock::new(&code, &[9; 16]));
    bram.checklists
        .insert("A".into(), vec![Answer::Open("van Bram".into())]);
    store.save(&bram).expect("saved");

    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Anna", "1234", "Verder met mijn antwoorden");
    assert!(h.state().participation.form.answers.is_none());
    assert!(h.query_by_label_contains("van Bram").is_none());
    h.get_by_label_contains("geen antwoorden gevonden");
}

#[test]
fn answers_from_before_codes_are_kept_and_not_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("antwoorden/rust-in-de-klas");
    std::fs::create_dir_all(&folder).expect("folder");
    let old = "(participant: \"Fatima\", workshop: \"Rust in de klas\", checklists: {\"A\": [Check(true)]})";
    std::fs::write(folder.join("fatima.ron"), old).expect("write");

    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Fatima", "0000", "Verder met mijn antwoorden");
    assert!(h.state().participation.form.answers.is_none());
    h.get_by_label_contains("vóór de codes blijven bewaard");
    wait(&mut h, 3.0);
    type_into(&mut h, "Je code (4 cijfers)", "0000");
    click(&mut h, "Beginnen");
    let set = h
        .state()
        .participation
        .form
        .answers
        .clone()
        .expect("a new set");
    assert!(set.answered("A") == 0 && set.lock.is_some());
    assert_eq!(
        std::fs::read_to_string(folder.join("fatima.ron")).unwrap(),
        old
    );
}

#[test]
fn greek_and_cyrillic_names_show_on_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The plain harness fails on any character no bundled font can draw.
    let mut h = common::harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Ελένη Παπαδοπούλου", "2468", "Beginnen");
    h.run_steps(2);
    h.get_by_label_contains("Ελένη");
    click(&mut h, "Klaar");
    name_screen(&mut h);
    sign_in(&mut h, "Анна Смирнова", "1357", "Beginnen");
    h.run_steps(2);
    h.get_by_label_contains("Анна");
}

#[test]
fn opening_your_own_set_does_not_reset_the_wait_for_another_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    sign_in(&mut h, "Bob", "1234", "Beginnen");
    click(&mut h, "Klaar");
    type_into(&mut h, "Je naam", "anna");
    for code in ["0000", "0001"] {
        type_into(&mut h, "Je code (4 cijfers)", code);
        click(&mut h, "Verder met mijn antwoorden");
        wait(&mut h, 2.5);
    }
    // Bob opens his own set: that says nothing about Anna's code.
    name_screen(&mut h);
    h.get_by_label("Je naam").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    type_into(&mut h, "Je naam", "Bob");
    type_into(&mut h, "Je code (4 cijfers)", "1234");
    click(&mut h, "Verder met mijn antwoorden");
    assert!(
        h.state().participation.form.answers.is_some(),
        "Bob's set opens"
    );
    click(&mut h, "Klaar");
    type_into(&mut h, "Je naam", "Anna");
    type_into(&mut h, "Je code (4 cijfers)", "0002");
    click(&mut h, "Verder met mijn antwoorden");
    assert_eq!(h.state().participation.form.name.gate.failures(), 3);
    h.run_steps(1);
    let wait = (h.state().participation.form.name.gate).wait(common::time(&h));
    assert!(wait > 20.0, "the third wrong code for anna waits {wait} s");
}

#[test]
fn participant_mode_reaches_nothing_of_the_trainer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    for menu in ["Bestand", "Exporteren", "Beeld", "Terug"] {
        assert!(h.query_by_label(menu).is_none(), "{menu} is reachable");
    }
    sign_in(&mut h, "Fatima", "4821", "Beginnen");
    for menu in ["Bestand", "Exporteren", "Beeld"] {
        assert!(h.query_by_label(menu).is_none(), "{menu} is reachable");
    }
    // No shortcut leads to the trainer's side.
    for (mods, key) in [
        (egui::Modifiers::NONE, egui::Key::F5),
        (egui::Modifiers::SHIFT, egui::Key::F5),
        (egui::Modifiers::ALT, egui::Key::F5),
        (egui::Modifiers::NONE, egui::Key::F11),
        (egui::Modifiers::COMMAND, egui::Key::O),
    ] {
        h.key_press_modifiers(mods, key);
        h.run_steps(2);
        assert_eq!(h.state().screen, Screen::Participant, "{key:?}");
        assert!(h.state().files.browser.is_none(), "{key:?} opened a dialog");
    }
    // Leaving takes the trainer's code; "Verder met invullen" stays.
    click(&mut h, "Stoppen met invullen");
    h.run_steps(10);
    click(&mut h, "Verder met invullen");
    assert_eq!(h.state().screen, Screen::Participant);
    assert!(h.state().participation.form.answers.is_some());
    common::stop_with_code(&mut h, common::TRAINER_CODE);
    assert_eq!(h.state().screen, Screen::Start);
    assert!(h.state().participation.form.answers.is_none());
}

#[test]
fn enter_in_the_code_field_begins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    name_screen(&mut h);
    type_into(&mut h, "Je naam", "Fatima");
    type_into(&mut h, "Je code (4 cijfers)", "4821");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let answers = h.state().participation.form.answers.as_ref();
    assert_eq!(answers.map(|a| a.participant.as_str()), Some("Fatima"));
}

#[test]
fn a_reflection_goes_to_a_folder_of_its_own_that_the_next_person_never_sees() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = fatima_signed_in(dir.path());
    answer_open(&mut h, "Eerst rust");
    click(&mut h, "Mijn reflectie als PDF");
    common::settle(&mut h);
    let notice = h.state().notice.clone().expect("a result notice");
    assert!(!notice.error, "{notice:?}");
    let file = notice.file.expect("the reflection");
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF"));
    // Not in the shared exports folder, but in the private answers folder.
    let docs = dir.path().join("documenten");
    assert!(!file.starts_with(&docs), "{file:?}");
    assert!(file.starts_with(dir.path().join("antwoorden")), "{file:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = file.parent().and_then(|p| p.parent()).unwrap();
        let mode = std::fs::metadata(folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "the answers folder is private");
        // The file itself too: readable by its owner only.
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the reflection is private");
    }
    // No "Map openen" in participant mode.
    assert!(h.query_by_label("Map openen").is_none());
    // The next person's "Opslaan als…" starts in the shared folder and
    // lists nothing of Fatima's.
    click(&mut h, "Klaar");
    sign_in(&mut h, "Bob", "1111", "Beginnen");
    click(&mut h, "Mijn reflectie als PDF");
    common::settle(&mut h);
    click(&mut h, "Opslaan als…");
    h.run_steps(2);
    let browser = h.state().files.browser.clone().expect("own dialog");
    assert_eq!(browser.folder, docs);
    assert!(
        browser.entries.iter().all(|e| !e.name.contains("fatima")),
        "{:?}",
        browser.entries
    );
}

#[test]
fn only_the_trainer_code_ends_participant_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app_in(dir.path()));
    h.run_steps(1);
    // The trainer must choose four digits before the mode starts.
    click(&mut h, "Invullen als deelnemer");
    h.run_steps(10);
    type_into(&mut h, kampvuur::ui::kiosk::CODE_FIELD, "12");
    click(&mut h, "Beginnen");
    assert_eq!(h.state().screen, Screen::Start);
    h.get_by_label("Typ precies 4 cijfers.");
    click(&mut h, "Annuleren");
    assert_eq!(h.state().screen, Screen::Start);
    common::begin_participating(&mut h);
    assert_eq!(h.state().screen, Screen::Participant);
    sign_in(&mut h, "Fatima", "4821", "Beginnen");
    // No button lets a teacher out: only the code.
    click(&mut h, "Stoppen met invullen");
    h.run_steps(10);
    h.get_by_label(kampvuur::ui::kiosk::CODE_FIELD);
    assert!(h.query_by_label_contains("ik ben de trainer").is_none());
    click(&mut h, "Verder met invullen");
    // A wrong code keeps the mode, and the answers on screen.
    common::stop_with_code(&mut h, "0000");
    assert_eq!(h.state().screen, Screen::Participant);
    assert!(h.state().participation.form.answers.is_some());
    h.get_by_label_contains("Die code klopt niet");
    // Three wrong codes: even the right one waits half a minute.
    for _ in 0..2 {
        type_into(&mut h, kampvuur::ui::kiosk::CODE_FIELD, "9999");
        click(&mut h, "Stoppen");
    }
    type_into(
        &mut h,
        kampvuur::ui::kiosk::CODE_FIELD,
        common::TRAINER_CODE,
    );
    click(&mut h, "Stoppen");
    assert_eq!(h.state().screen, Screen::Participant);
    h.get_by_label_contains("seconden opnieuw");
    common::advance(&mut h, 31.0);
    type_into(
        &mut h,
        kampvuur::ui::kiosk::CODE_FIELD,
        common::TRAINER_CODE,
    );
    click(&mut h, "Stoppen");
    assert_eq!(h.state().screen, Screen::Start);
    assert!(h.state().participation.form.answers.is_none());
}

#[test]
fn a_name_in_another_script_borrows_a_font_the_system_has() {
    // DejaVu's maths font has characters that neither Atkinson nor DejaVu
    // Sans (the app's own fonts) has: they stand in for a script here.
    let font = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf");
    let found = kampvuur::content::system_fonts::covering_in(
        &[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts")],
        "ℊ⟂",
    );
    assert!(
        found.is_none(),
        "the bundled fonts have ℊ⟂: pick other letters"
    );
    if !font.exists() {
        eprintln!(
            "{} ontbreekt: alleen de plaatshouder getest",
            font.display()
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = dir.path().join("lettertypen");
    std::fs::create_dir_all(&fonts).unwrap();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut KampvuurApp| app.show(ui), app_in(dir.path()));
    h.run_steps(1);
    h.state_mut().fonts.dirs = Some(vec![fonts.clone()]);
    name_screen(&mut h);
    sign_in(&mut h, "ℊ⟂ de Vries", "1111", "Beginnen");
    // The font lookup runs on a worker: wait for it, as the screen would.
    crate::common::settle(&mut h);
    // No font in the folder: the placeholder, never boxes.
    h.get_by_label("[naam in een ander schrift]");
    assert!(h.state().fonts.added.is_empty());
    if !font.exists() {
        return;
    }
    // With the maths font in the folder, the next name in that script shows.
    std::fs::copy(font, fonts.join("DejaVuMathTeXGyre.ttf")).unwrap();
    click(&mut h, "Klaar");
    sign_in(&mut h, "ℊ⟂ Jansen", "2222", "Beginnen");
    crate::common::settle(&mut h);
    assert_eq!(h.state().fonts.added.len(), 1, "one font added");
    h.get_by_label("ℊ⟂ Jansen");
    assert!(h.query_by_label("[naam in een ander schrift]").is_none());
}
