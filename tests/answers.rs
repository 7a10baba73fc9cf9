#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Answers on disk: a set per person with a file of its own, opened only with
//! name and code; anonymous sets apart; old files kept but never opened;
//! atomic saves, safe names, clear errors.

use std::path::{Component, Path};

use kampvuur::content::{
    AnswerStore, FailPoint, Resumed, Started, StoreError, fail_next_write_at, now_stamp,
    write_atomic,
};
use kampvuur::model::{AccessCode, Answer, AnswerSet, CodeLock};

const WORKSHOP: &str = "Het vurige kind in de klas";

fn store() -> (tempfile::TempDir, AnswerStore) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = AnswerStore::new(dir.path().join("answers"));
    (dir, store)
}

fn code(digits: &str) -> AccessCode {
    AccessCode::parse(digits).unwrap_or_else(|| panic!("{digits} is a code"))
}

/// `set` with answers filled in.
fn fill(mut set: AnswerSet) -> AnswerSet {
    set.updated = now_stamp();
    set.checklists.insert(
        "A".into(),
        vec![
            Answer::Check(true),
            Answer::YesNo(Some(false)),
            Answer::Scale(Some(4)),
            Answer::Open("Eerst \"rust\",\ndan de les. 🔥 \\ é".into()),
        ],
    );
    set.checklists
        .insert("B".into(), vec![Answer::YesNo(None), Answer::Scale(None)]);
    set
}

/// A new set of `name` with `digits` as its code.
fn start(store: &AnswerStore, name: &str, digits: &str) -> AnswerSet {
    match store.start(WORKSHOP, name, &code(digits)) {
        Ok(Started::New { set, .. }) => set,
        other => panic!("{other:?}"),
    }
}

/// A set of `name` with `digits`, filled in and saved.
fn filled(store: &AnswerStore, name: &str, digits: &str) -> AnswerSet {
    let set = fill(start(store, name, digits));
    save(store, &set);
    set
}

fn save(store: &AnswerStore, set: &AnswerSet) -> std::path::PathBuf {
    store.save(set).unwrap_or_else(|e| panic!("{e}"))
}

fn resume(store: &AnswerStore, name: &str, digits: &str) -> Resumed {
    store
        .resume(WORKSHOP, name, &code(digits))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn workshop_dir(store: &AnswerStore) -> std::path::PathBuf {
    store.workshop_dir(WORKSHOP)
}

#[test]
fn round_trip_with_name_and_code() {
    let (_dir, store) = store();
    let set = filled(&store, "Fatima el Amrani", "4821");
    let path = store.path_of(&set);
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    assert!(path.starts_with(workshop_dir(&store)), "{path:?}");
    assert!(
        file.starts_with("fatima-el-amrani-") && file.len() == "fatima-el-amrani-".len() + 12,
        "{file}"
    );
    assert_eq!(
        resume(&store, "Fatima el Amrani", "4821"),
        Resumed::Found(set.clone())
    );
    // Capitals and spaces of the name do not count; the code does.
    assert_eq!(
        resume(&store, " fatima  EL amrani", "4821"),
        Resumed::Found(set.clone())
    );
    for (name, digits) in [
        ("Fatima el Amrani", "4820"),
        ("fatima el amrani", "0000"),
        ("Fatima", "4821"),
    ] {
        assert_eq!(
            resume(&store, name, digits),
            Resumed::NotFound { legacy: false },
            "{name}"
        );
    }
    // Saving again replaces the one file.
    let mut changed = set;
    changed.checklists.remove("B");
    save(&store, &changed);
    assert_eq!(
        resume(&store, "Fatima el Amrani", "4821"),
        Resumed::Found(changed)
    );
    assert_eq!(listing(&workshop_dir(&store)).len(), 1);
}

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
fn unreadable_files_are_skipped_and_kept() {
    let (_dir, store) = store();
    let anna = filled(&store, "Anna", "1234");
    let dir = workshop_dir(&store);
    let garbage: [(&str, &[u8]); 3] = [
        ("kapot.ron", b"dit is geen RON {{{"),
        ("raar.ron", b"(participant: 5, workshop: [])"),
        ("notities.txt", b"(participant: \"Anna\")"),
    ];
    for (name, bytes) in garbage {
        std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(resume(&store, "Anna", "1234"), Resumed::Found(anna));
    assert_eq!(
        store.sets(WORKSHOP).unwrap_or_else(|e| panic!("{e}")).len(),
        1
    );
    for (name, bytes) in garbage {
        assert_eq!(std::fs::read(dir.join(name)).unwrap_or_default(), bytes);
    }
}

#[test]
fn a_broken_file_in_the_way_of_a_save_is_moved_aside_not_lost() {
    let (_dir, store) = store();
    let set = filled(&store, "Noor", "1234");
    let path = store.path_of(&set);
    std::fs::write(&path, b"half weggeschreven").unwrap_or_else(|e| panic!("{e}"));
    save(&store, &set);
    let files = listing(&workshop_dir(&store));
    assert_eq!(files.len(), 2, "{files:?}");
    let moved = files
        .iter()
        .find(|f| f.contains(".kapot-"))
        .expect("moved aside");
    assert!(moved.starts_with(&set.key), "{moved}");
    assert_eq!(
        std::fs::read(workshop_dir(&store).join(moved)).unwrap_or_default(),
        b"half weggeschreven"
    );
    assert_eq!(resume(&store, "Noor", "1234"), Resumed::Found(set));
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let path = store.path_of(&filled(&store, "Fatima", "1234"));
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    };
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap_or(Path::new("/"))), 0o700);
    assert_eq!(mode(store.root()), 0o700);
}

#[test]
fn interrupted_save_keeps_the_old_file() {
    let (_dir, store) = store();
    let old = filled(&store, "Tim", "1234");
    let path = store.path_of(&old);
    let before = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let dir = path.parent().unwrap_or(Path::new("/")).to_owned();

    let mut new = old.clone();
    new.checklists.clear();
    for point in [FailPoint::Created, FailPoint::Written] {
        fail_next_write_at(point);
        let err = store
            .save(&new)
            .err()
            .unwrap_or_else(|| panic!("save did not fail"));
        assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
        assert!(err.to_string().contains("de schijf is vol"), "{err}");
        assert!(
            err.to_string().contains(&format!("{}.ron", old.key)),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            before,
            "old file changed"
        );
        assert_eq!(
            listing(&dir),
            vec![format!("{}.ron", old.key)],
            "temporary file left behind"
        );
    }
    // The injected failure is used up: the next save works.
    save(&store, &new);
    assert_eq!(resume(&store, "Tim", "1234"), Resumed::Found(new));
}

#[test]
fn failing_folder_is_a_clear_error() {
    // A regular file where the folder should be: fails even for root.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let blocker = dir.path().join("answers");
    std::fs::write(&blocker, b"ik ben een bestand").unwrap_or_else(|e| panic!("{e}"));
    let store = AnswerStore::new(blocker.clone());
    let mut tim = fill(AnswerSet::new("Tim", WORKSHOP));
    tim.key = "tim-00000001".into();
    let err = store
        .save(&tim)
        .err()
        .unwrap_or_else(|| panic!("save did not fail"));
    assert!(matches!(err, StoreError::CreateFolder { .. }), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.starts_with("kan de map ‘") && shown.contains("answers"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read(&blocker).unwrap_or_default(),
        b"ik ben een bestand"
    );
    assert_eq!(listing(dir.path()), vec!["answers"]);

    // write_atomic directly, under a file: fails, nothing created.
    let target = blocker.join("x.ron");
    assert!(write_atomic(&target, b"nieuw").is_err());
    assert_eq!(listing(dir.path()), vec!["answers"]);
}

#[test]
fn write_atomic_replaces_whole_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("a.ron");
    write_atomic(&path, b"een").unwrap_or_else(|e| panic!("{e}"));
    write_atomic(&path, b"twee").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(std::fs::read(&path).unwrap_or_default(), b"twee");
    fail_next_write_at(FailPoint::Written);
    assert!(write_atomic(&path, b"drie").is_err());
    assert_eq!(std::fs::read(&path).unwrap_or_default(), b"twee");
    assert_eq!(listing(dir.path()), vec!["a.ron"]);
}

#[test]
fn names_are_safe_file_names() {
    let (_dir, store) = store();
    let cases = [
        ("../../etc", "../../passwd", "etc/passwd-"),
        ("", "", "workshop/anoniem-"),
        ("🔥🔥", "🙂", "workshop/anoniem-"),
        ("Één & ander", "Zoë Ĳzerman", "een-ander/zoe-ijzerman-"),
        ("/", "C:\\Windows\\system32", "workshop/c-windows-system32-"),
        ("a\0b", ".", "a-b/anoniem-"),
    ];
    for (workshop, participant, expected) in cases {
        let set = match store.start(workshop, participant, &code("1234")) {
            Ok(Started::New { set, .. }) => set,
            other => panic!("{other:?}"),
        };
        let path = store.path_of(&set);
        let rel = path
            .strip_prefix(store.root())
            .unwrap_or_else(|_| panic!("{path:?} escapes"));
        assert!(
            rel.components().all(|c| matches!(c, Component::Normal(_))),
            "{rel:?}"
        );
        let rel = rel.to_string_lossy();
        assert!(rel.starts_with(expected) && rel.ends_with(".ron"), "{rel}");
        assert!(path.is_file(), "a started set is saved at once: {rel}");
    }
    let long = "x".repeat(1000);
    let set = match store.start(&long, &long, &code("1234")) {
        Ok(Started::New { set, .. }) => set,
        other => panic!("{other:?}"),
    };
    assert!(store.path_of(&set).file_name().map_or(0, |n| n.len()) <= 80);
    // A key from a file that tries to leave the folder is not used as a file name.
    let mut odd = set.clone();
    odd.key = "../../weg".into();
    assert!(store.path_of(&odd).starts_with(store.workshop_dir(&long)));
    assert!(store.save(&odd).is_err());
}

#[test]
fn error_messages_name_the_problem_and_the_path() {
    let path = Path::new("/media/usb/antwoorden/tim.ron").to_owned();
    let io = |k| std::io::Error::from(k);
    let full = StoreError::DiskFull {
        path: path.clone(),
        source: io(std::io::ErrorKind::StorageFull),
    };
    let denied = StoreError::NoPermission {
        path: path.clone(),
        source: io(std::io::ErrorKind::PermissionDenied),
    };
    let other = StoreError::Io {
        path: path.clone(),
        source: io(std::io::ErrorKind::NotFound),
    };
    for (e, needle) in [
        (full, "schijf is vol"),
        (denied, "geen toestemming"),
        (other, "bestaat niet"),
    ] {
        let shown = e.to_string();
        assert!(
            shown.contains(needle) && shown.contains("/media/usb/antwoorden/tim.ron"),
            "{shown}"
        );
        assert_eq!(e.path(), path);
    }
}

#[test]
fn stamp_format() {
    let s = now_stamp();
    let b = s.as_bytes();
    assert_eq!(b.len(), 16, "{s}");
    for (i, c) in b.iter().enumerate() {
        match i {
            4 | 7 => assert_eq!(*c, b'-'),
            10 => assert_eq!(*c, b' '),
            13 => assert_eq!(*c, b':'),
            _ => assert!(c.is_ascii_digit(), "{s}"),
        }
    }
}
