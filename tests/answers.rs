#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Answers on disk: a set per person with a file of its own, opened only with
//! name and code; anonymous sets apart; old files kept but never opened;
//! atomic saves, safe names, clear errors.

use std::path::{Component, Path};

use kampvuur::content::{
    AnswerStore, FailPoint, Resumed, Started, StoreError, fail_next_write_at, now_stamp,
    write_atomic,
};
use kampvuur::model::{AccessCode, Answer, AnswerSet};

pub(crate) const WORKSHOP: &str = "Het vurige kind in de klas";

pub(crate) fn store() -> (tempfile::TempDir, AnswerStore) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = AnswerStore::new(dir.path().join("answers"));
    (dir, store)
}

pub(crate) fn code(digits: &str) -> AccessCode {
    AccessCode::parse(digits).unwrap_or_else(|| panic!("{digits} is a code"))
}

/// `set` with answers filled in.
pub(crate) fn fill(mut set: AnswerSet) -> AnswerSet {
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
pub(crate) fn start(store: &AnswerStore, name: &str, digits: &str) -> AnswerSet {
    match store.start(WORKSHOP, name, &code(digits)) {
        Ok(Started::New { set, .. }) => set,
        other => panic!("{other:?}"),
    }
}

/// A set of `name` with `digits`, filled in and saved.
pub(crate) fn filled(store: &AnswerStore, name: &str, digits: &str) -> AnswerSet {
    let set = fill(start(store, name, digits));
    save(store, &set);
    set
}

pub(crate) fn save(store: &AnswerStore, set: &AnswerSet) -> std::path::PathBuf {
    store.save(set).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn resume(store: &AnswerStore, name: &str, digits: &str) -> Resumed {
    store
        .resume(WORKSHOP, name, &code(digits))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The names in a folder, sorted.
pub(crate) fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub(crate) fn workshop_dir(store: &AnswerStore) -> std::path::PathBuf {
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
