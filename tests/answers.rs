#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Answers on disk: round trips, participants, corrupt files, atomic saves, safe names.

use std::path::{Component, Path};

use kampvuur::content::{
    AnswerStore, FailPoint, Loaded, StoreError, fail_next_write_at, now_stamp, write_atomic,
};
use kampvuur::model::{Answer, AnswerSet};

const WORKSHOP: &str = "Het vurige kind in de klas";

fn store() -> (tempfile::TempDir, AnswerStore) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = AnswerStore::new(dir.path().join("answers"));
    (dir, store)
}

fn filled(participant: &str) -> AnswerSet {
    let mut set = AnswerSet::new(participant, WORKSHOP);
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

fn save(store: &AnswerStore, set: &AnswerSet) -> std::path::PathBuf {
    store.save(set).unwrap_or_else(|e| panic!("{e}"))
}

fn load(store: &AnswerStore, participant: &str) -> Loaded {
    store
        .load(WORKSHOP, participant)
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

#[test]
fn round_trip() {
    let (_dir, store) = store();
    let set = filled("Fatima el Amrani");
    let path = save(&store, &set);
    assert_eq!(path, store.path_for(WORKSHOP, "Fatima el Amrani"));
    assert!(path.starts_with(store.root()));
    assert!(path.ends_with("het-vurige-kind-in-de-klas/fatima-el-amrani.ron"));
    assert_eq!(
        load(&store, "Fatima el Amrani"),
        Loaded::Existing(set.clone())
    );

    // Saving again replaces the file.
    let mut changed = set;
    changed.checklists.remove("B");
    save(&store, &changed);
    assert_eq!(load(&store, "Fatima el Amrani"), Loaded::Existing(changed));
    assert_eq!(listing(path.parent().unwrap_or(Path::new("/"))).len(), 1);
}

#[test]
fn fresh_when_nothing_saved() {
    let (_dir, store) = store();
    match load(&store, " Bram ") {
        Loaded::Fresh(set) => {
            assert_eq!(
                (set.participant.as_str(), set.workshop.as_str()),
                ("Bram", WORKSHOP)
            );
            assert!(set.checklists.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store
            .participants(WORKSHOP)
            .unwrap_or_else(|e| panic!("{e}")),
        Vec::<String>::new()
    );
}

#[test]
fn participants_by_name() {
    let (_dir, store) = store();
    for name in ["Zoë de Vries", "bram", "", "Anouk"] {
        save(&store, &filled(name));
    }
    save(&store, &AnswerSet::new("Iemand", "Een andere workshop"));
    let dir = store.path_for(WORKSHOP, "x");
    let dir = dir.parent().unwrap_or(Path::new("/"));
    std::fs::write(dir.join("kapot.ron"), b"\xff\xfe niet te lezen")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("notities.txt"), b"(participant: \"X\")")
        .unwrap_or_else(|e| panic!("{e}"));
    let names = store
        .participants(WORKSHOP)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(names, vec!["", "Anouk", "bram", "Zoë de Vries"]);
    assert!(dir.join("anoniem.ron").is_file());
}

#[test]
fn corrupt_files_are_moved_aside_not_lost() {
    let (_dir, store) = store();
    let path = store.path_for(WORKSHOP, "Noor");
    let dir = path.parent().unwrap_or(Path::new("/")).to_owned();
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let garbage: [&[u8]; 3] = [
        b"dit is geen RON {{{",
        b"(participant: 5, workshop: [])",
        b"(participant: \"Noor\", workshop: \"\xe9\")",
    ];
    let mut moved = Vec::new();
    for bytes in garbage {
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        match load(&store, "Noor") {
            Loaded::Recovered {
                set,
                moved_to,
                reason,
            } => {
                assert_eq!(set, AnswerSet::new("Noor", WORKSHOP));
                assert!(!path.exists(), "the corrupt file must be moved");
                assert_eq!(std::fs::read(&moved_to).unwrap_or_default(), bytes);
                assert_eq!(moved_to.parent(), Some(dir.as_path()));
                let name = moved_to
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                assert!(
                    name.starts_with("noor.kapot-") && name.ends_with(".ron"),
                    "{name}"
                );
                let stamp = &name["noor.kapot-".len().."noor.kapot-".len() + 15];
                assert!(
                    stamp.chars().enumerate().all(|(i, c)| if i == 8 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }),
                    "{name}"
                );
                assert!(reason.contains(&moved_to.display().to_string()), "{reason}");
                moved.push(moved_to);
            }
            other => panic!("{other:?}"),
        }
    }
    // Three corrupt files, probably within one second: none overwritten.
    moved.sort();
    moved.dedup();
    assert_eq!(moved.len(), 3);
    // Moved-aside files are not participants, and the name is free again.
    assert_eq!(
        store
            .participants(WORKSHOP)
            .unwrap_or_else(|e| panic!("{e}")),
        Vec::<String>::new()
    );
    assert!(matches!(load(&store, "Noor"), Loaded::Fresh(_)));
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let path = save(&store, &filled("Fatima"));
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
    let old = filled("Tim");
    let path = save(&store, &old);
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
        assert!(err.to_string().contains("tim.ron"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            before,
            "old file changed"
        );
        assert_eq!(listing(&dir), vec!["tim.ron"], "temporary file left behind");
    }
    // The injected failure is used up: the next save works.
    save(&store, &new);
    assert_eq!(load(&store, "Tim"), Loaded::Existing(new));
}

#[test]
fn failing_folder_is_a_clear_error() {
    // A regular file where the folder should be: fails even for root.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let blocker = dir.path().join("answers");
    std::fs::write(&blocker, b"ik ben een bestand").unwrap_or_else(|e| panic!("{e}"));
    let store = AnswerStore::new(blocker.clone());
    let err = store
        .save(&filled("Tim"))
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
        ("../../etc", "../../passwd", "etc/passwd.ron"),
        ("", "", "workshop/anoniem.ron"),
        ("🔥🔥", "🙂", "workshop/anoniem.ron"),
        ("Één & ander", "Zoë Ĳzerman", "een-ander/zoe-ijzerman.ron"),
        (
            "/",
            "C:\\Windows\\system32",
            "workshop/c-windows-system32.ron",
        ),
        ("a\0b", ".", "a-b/anoniem.ron"),
    ];
    for (workshop, participant, expected) in cases {
        let path = store.path_for(workshop, participant);
        let rel = path
            .strip_prefix(store.root())
            .unwrap_or_else(|_| panic!("{path:?} escapes"));
        assert!(
            rel.components().all(|c| matches!(c, Component::Normal(_))),
            "{rel:?}"
        );
        assert_eq!(rel, Path::new(expected));
    }
    let long = "x".repeat(1000);
    let name = store.path_for(&long, &long);
    assert!(name.file_name().map_or(0, |n| n.len()) <= 70);
    // Saving under odd names works and loads back.
    let set = filled("../../🙂");
    save(&store, &set);
    assert_eq!(load(&store, "../../🙂"), Loaded::Existing(set));
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
