#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Whose answers open: a set per person, opened only with name and code;
//! anonymous sets apart; names without Latin letters apart; a file with
//! another stored name, or from before codes, never opened.

use kampvuur::content::{Resumed, Started};
use kampvuur::model::{Answer, AnswerSet, CodeLock};

use crate::answers::{WORKSHOP, code, fill, filled, listing, resume, save, store, workshop_dir};

#[test]
fn the_code_is_stored_only_as_a_salted_hash() {
    let (_dir, store) = store();
    let a = filled(&store, "Anna", "4821");
    let b = filled(&store, "Bram", "4821");
    let (la, lb) = (
        a.lock.clone().expect("locked"),
        b.lock.clone().expect("locked"),
    );
    assert_ne!(la.salt, lb.salt, "every set has its own salt");
    assert_ne!(la.hash, lb.hash, "same code, other salt: other hash");
    assert!(la.opens(&code("4821")) && !la.opens(&code("4822")));
    for set in [&a, &b] {
        let text = std::fs::read_to_string(store.path_of(set)).unwrap_or_default();
        let lock = set.lock.as_ref().expect("locked");
        assert!(
            text.contains(&lock.hash) && text.contains(&lock.salt),
            "{text}"
        );
        let rest = text.replace(&lock.hash, "").replace(&lock.salt, "");
        assert!(!rest.contains("4821"), "the code is in the file: {text}");
    }
    // A lock made by hand with another salt does not open with a wrong code either.
    assert_ne!(CodeLock::new(&code("4821"), &[0; 16]).hash, la.hash);
}

#[test]
fn starting_again_with_the_same_name_and_code_reopens_and_another_code_is_new() {
    let (_dir, store) = store();
    let first = filled(&store, "Anna", "1234");
    assert_eq!(
        store
            .start(WORKSHOP, "anna", &code("1234"))
            .unwrap_or_else(|e| panic!("{e}")),
        Started::Existing(first.clone())
    );
    match store.start(WORKSHOP, "Anna", &code("9999")) {
        Ok(Started::New { set, namesake }) => {
            assert!(namesake, "another Anna already has a set");
            assert!(set.checklists.is_empty());
            assert_ne!(set.key, first.key);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(resume(&store, "Anna", "1234"), Resumed::Found(first));
    assert_eq!(listing(&workshop_dir(&store)).len(), 2);
}

#[test]
fn names_without_a_latin_slug_get_files_of_their_own() {
    let (_dir, store) = store();
    let names = ["Анна", "李明", "محمد", "Ελένη"];
    let sets: Vec<AnswerSet> = names.iter().map(|n| filled(&store, n, "1111")).collect();
    let mut files = listing(&workshop_dir(&store));
    files.dedup();
    assert_eq!(files.len(), 4, "{files:?}");
    for (name, set) in names.iter().zip(&sets) {
        assert_eq!(
            resume(&store, name, "1111"),
            Resumed::Found(set.clone()),
            "{name}"
        );
    }
    assert_eq!(
        resume(&store, "анна", "1111"),
        Resumed::Found(sets[0].clone())
    );
    assert_eq!(
        resume(&store, "Anna", "1111"),
        Resumed::NotFound { legacy: false }
    );
}

#[test]
fn every_anonymous_start_is_a_set_of_its_own_and_never_reopened() {
    let (_dir, store) = store();
    let a = fill(
        store
            .start_anonymous(WORKSHOP)
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let mut b = store
        .start_anonymous(WORKSHOP)
        .unwrap_or_else(|e| panic!("{e}"));
    b.checklists.insert("A".into(), vec![Answer::Check(false)]);
    assert_ne!(a.key, b.key);
    assert!(a.lock.is_none() && a.participant.is_empty());
    let (pa, pb) = (save(&store, &a), save(&store, &b));
    assert_ne!(pa, pb);
    assert!(
        pa.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .starts_with("anoniem-")
    );
    let sets = store.sets(WORKSHOP).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sets.len(), 2);
    assert_eq!(
        resume(&store, "", "0000"),
        Resumed::NotFound { legacy: false }
    );
    assert_eq!(
        resume(&store, "anoniem", "0000"),
        Resumed::NotFound { legacy: false }
    );
}

#[test]
fn a_file_whose_stored_name_differs_is_never_opened() {
    let (_dir, store) = store();
    // Bram's answers in a file that looks like Anna's, locked with 1234.
    let mut bram = fill(AnswerSet::new("Bram", WORKSHOP));
    bram.key = "anna-0badc0de".into();
    bram.lock = Some(CodeLock::new(&code("1234"), &[3; 16]));
    let path = save(&store, &bram);
    assert!(path.ends_with("anna-0badc0de.ron"));
    assert_eq!(
        resume(&store, "Anna", "1234"),
        Resumed::NotFound { legacy: false }
    );
    assert_eq!(resume(&store, "Bram", "1234"), Resumed::Found(bram.clone()));
    // A copy under another file name is not Bram's own file: not opened.
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        workshop_dir(&store).join("bram-00000001.ron"),
        ron::ser::to_string(&bram).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        resume(&store, "Bram", "1234"),
        Resumed::NotFound { legacy: false }
    );
}

#[test]
fn a_save_never_overwrites_someone_elses_file() {
    let (_dir, store) = store();
    let anna = filled(&store, "Anna", "1234");
    let before = std::fs::read(store.path_of(&anna)).unwrap_or_default();
    let mut bram = fill(AnswerSet::new("Bram", WORKSHOP));
    bram.key = anna.key.clone();
    bram.lock = Some(CodeLock::new(&code("1234"), &[5; 16]));
    let err = store
        .save(&bram)
        .err()
        .unwrap_or_else(|| panic!("saved over Anna"));
    assert!(err.to_string().contains("iemand anders"), "{err}");
    assert_eq!(
        std::fs::read(store.path_of(&anna)).unwrap_or_default(),
        before
    );
    // A set without a file of its own (from before codes) is not saved either.
    let err = store.save(&fill(AnswerSet::new("Oud", WORKSHOP))).err();
    assert!(err.is_some_and(|e| e.to_string().contains("vóór de codes")));
}

#[test]
fn files_from_before_codes_are_kept_but_never_opened() {
    let (_dir, store) = store();
    let dir = workshop_dir(&store);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let old = fill(AnswerSet::new("Fatima", WORKSHOP));
    let text = ron::ser::to_string_pretty(&old, Default::default()).unwrap_or_default();
    assert!(!text.contains("lock") && !text.contains("key"), "{text}");
    std::fs::write(dir.join("fatima.ron"), &text).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("anoniem.ron"),
        ron::ser::to_string(&fill(AnswerSet::new("", WORKSHOP))).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for digits in ["0000", "1234", "9999"] {
        assert_eq!(
            resume(&store, "Fatima", digits),
            Resumed::NotFound { legacy: true }
        );
    }
    // Starting as Fatima gives a new, empty set; the old file stays as it was.
    match store.start(WORKSHOP, "Fatima", &code("1234")) {
        Ok(Started::New { set, namesake }) => {
            assert!(set.checklists.is_empty());
            assert!(!namesake, "an old file has no code to guess");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("fatima.ron")).unwrap_or_default(),
        text
    );
    let legacy: Vec<_> = store
        .sets(WORKSHOP)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter(|s| s.is_legacy())
        .map(|s| s.set.participant)
        .collect();
    assert_eq!(legacy, ["Fatima"]);
}

#[test]
fn export_on_the_command_line_needs_name_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let workshop =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/voorbeeld.ron");
    // `kampvuur` keeps answers in $XDG_DATA_HOME/kampvuur/answers.
    let store = kampvuur::content::AnswerStore::new(dir.path().join("kampvuur/answers"));
    let mut set = match store.start("Rust in de klas", "Fatima", &code("4821")) {
        Ok(Started::New { set, .. }) => set,
        other => panic!("{other:?}"),
    };
    set.checklists.insert(
        "A".into(),
        vec![
            Answer::Check(true),
            Answer::YesNo(None),
            Answer::Scale(None),
            Answer::Open("Eerst rust".into()),
        ],
    );
    store.save(&set).unwrap();
    let export = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kampvuur"))
            .env("XDG_DATA_HOME", dir.path())
            .arg("export")
            .arg(&workshop)
            .args(["--kind", "reflection"])
            .args(args)
            .arg("--out")
            .arg(dir.path().join("reflectie.pdf"))
            .output()
            .unwrap()
    };
    let out = export(&["--answers", "fatima", "--code", "4821"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = crate::pdf_support::parse(&std::fs::read(dir.path().join("reflectie.pdf")).unwrap());
    assert!(pdf.squashed().contains("Eerstrust"));

    let out = export(&["--answers", "Fatima", "--code", "0000"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("met deze code"), "{err}");
    let out = export(&["--answers", "Fatima", "--code", "48"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 cijfers"));
    let out = export(&["--answers", "Fatima"]);
    assert!(!out.status.success(), "a name alone opens nothing");
}
