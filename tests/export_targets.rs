#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Where a handout or an answers file goes: a read-only file is kept, a
//! symbolic link is followed, a folder, pipe or device is never replaced, and
//! every refusal is in Dutch. A save killed halfway loses no answers.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use kampvuur::content::{AnswerStore, StoreError, save_handout, write_atomic};
use kampvuur::model::{Answer, AnswerSet};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_read_only_handout_is_kept_and_the_refusal_is_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("werkboek.pdf");
    std::fs::write(&pdf, b"%PDF oud").unwrap();
    chmod(&pdf, 0o444);
    let err = save_handout(&pdf, b"%PDF nieuw").unwrap_err().to_string();
    assert!(err.contains("alleen-lezen"), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF oud");
    assert_eq!(mode(&pdf), 0o444);
    assert_eq!(listing(dir.path()), ["werkboek.pdf"]);
    // A writable file keeps its mode when it is replaced.
    chmod(&pdf, 0o640);
    save_handout(&pdf, b"%PDF nieuw").unwrap();
    assert_eq!(
        (std::fs::read(&pdf).unwrap(), mode(&pdf)),
        (b"%PDF nieuw".to_vec(), 0o640)
    );
}

#[test]
fn a_symlinked_handout_is_written_where_it_points() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("echt")).unwrap();
    let real = dir.path().join("echt/werkboek.pdf");
    std::fs::write(&real, b"%PDF oud").unwrap();
    let link = dir.path().join("werkboek.pdf");
    std::os::unix::fs::symlink("echt/werkboek.pdf", &link).unwrap();
    save_handout(&link, b"%PDF nieuw").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).unwrap(), b"%PDF nieuw");
    // A link to nothing, or a loop of links: refused, clearly.
    let dangling = dir.path().join("weg.pdf");
    std::os::unix::fs::symlink("bestaat-niet/x.pdf", &dangling).unwrap();
    let err = save_handout(&dangling, b"%PDF").unwrap_err().to_string();
    assert!(
        err.contains("verwijst naar ‘bestaat-niet/x.pdf’, dat niet bestaat"),
        "{err}"
    );
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let err = save_handout(&a, b"%PDF").unwrap_err().to_string();
    assert!(err.contains("naar zichzelf"), "{err}");
}

#[test]
fn folders_and_pipes_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map.pdf");
    std::fs::create_dir(&folder).unwrap();
    let err = save_handout(&folder, b"%PDF").unwrap_err().to_string();
    assert!(err.contains("dit is een map, geen gewoon bestand"), "{err}");
    assert!(folder.is_dir());
    let fifo = dir.path().join("pijp.pdf");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let link = dir.path().join("naar-pijp.pdf");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    for target in [&fifo, &link] {
        let err = save_handout(target, b"%PDF").unwrap_err().to_string();
        assert!(err.contains("pipe (FIFO), geen gewoon bestand"), "{err}");
        let err = write_atomic(target, b"x").unwrap_err();
        assert!(err.to_string().contains("pipe"), "{err}");
    }
    assert_eq!(
        listing(dir.path()),
        ["map.pdf", "naar-pijp.pdf", "pijp.pdf"]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_takes_no_files_is_not_called_missing() {
    let err = save_handout(Path::new("/proc/x.pdf"), b"%PDF")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("bestaat niet"), "{err}");
    assert!(err.contains("/proc"), "{err}");
}

/// A set with its own file, `<name in lowercase>-0001.ron`.
fn set(name: &str, open: &str) -> AnswerSet {
    let mut set = AnswerSet::new(name, "Het vurige kind");
    set.key = format!("{}-0001", name.to_lowercase());
    set.checklists.insert(
        "A".into(),
        vec![Answer::Check(true), Answer::Open(open.into())],
    );
    set
}

#[test]
fn a_read_only_answers_file_is_kept_and_the_save_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = AnswerStore::new(dir.path().to_owned());
    let path = store.save(&set("Tim", "eerst")).unwrap();
    let before = std::fs::read(&path).unwrap();
    chmod(&path, 0o400);
    let err = store.save(&set("Tim", "later")).unwrap_err();
    assert!(matches!(err, StoreError::Refused { .. }), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.contains("tim-0001.ron") && shown.contains("alleen-lezen"),
        "{shown}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(mode(&path), 0o400);
    // It still loads.
    let sets = store.sets("Het vurige kind").unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].set, set("Tim", "eerst"));
}

fn age(path: &Path, secs: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

#[test]
fn a_complete_temp_file_left_by_a_kill_is_recovered_and_stale_ones_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = AnswerStore::new(dir.path().to_owned());
    let path = store.save(&set("Tim", "eerst")).unwrap();
    let folder = path.parent().unwrap().to_owned();
    age(&path, 120);
    // Killed after writing, before the rename: complete and newer.
    let newer = ron::ser::to_string_pretty(&set("Tim", "later"), Default::default()).unwrap();
    std::fs::write(folder.join(".kampvuur-a1b2c3.tmp"), &newer).unwrap();
    age(&folder.join(".kampvuur-a1b2c3.tmp"), 60);
    // Killed while writing: incomplete.
    std::fs::write(
        folder.join(".kampvuur-d4e5f6.tmp"),
        &newer[..newer.len() / 2],
    )
    .unwrap();
    age(&folder.join(".kampvuur-d4e5f6.tmp"), 60);
    // Someone else's answers, never renamed: a file of their own.
    let anouk = ron::ser::to_string_pretty(&set("Anouk", "ja"), Default::default()).unwrap();
    std::fs::write(folder.join(".kampvuur-g7h8i9.tmp"), &anouk).unwrap();
    age(&folder.join(".kampvuur-g7h8i9.tmp"), 60);

    let sets = store.sets("Het vurige kind").unwrap();
    assert_eq!(listing(&folder), ["anouk-0001.ron", "tim-0001.ron"]);
    let sets: Vec<AnswerSet> = sets.into_iter().map(|s| s.set).collect();
    assert_eq!(sets, [set("Anouk", "ja"), set("Tim", "later")]);
}

#[test]
fn answers_file_errors_of_export_are_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/voorbeeld.ron");
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, "(participant: \"x\", workshop: 3)").unwrap();
    let cases = [
        (
            dir.path().join("weg.ron"),
            "kan de antwoorden niet lezen: bestand niet gevonden",
        ),
        (
            dir.path().to_owned(),
            "kan de antwoorden niet lezen: dit is een map",
        ),
        (broken, "geen geldige antwoorden: regel 1"),
    ];
    for (file, needle) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_kampvuur"))
            .arg("export")
            .arg(&workshop)
            .args(["--kind", "reflection", "--answers-file"])
            .arg(&file)
            .arg("--out")
            .arg(dir.path().join("uit.pdf"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(needle), "{err}");
    }
}

#[test]
fn a_replaced_handout_keeps_its_owner_and_mode() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("werkboek.pdf");
    std::fs::write(&pdf, b"%PDF oud").unwrap();
    chmod(&pdf, 0o644);
    // Only root can give a file to another user; then the new file must
    // get that owner back (it used to become root's).
    let other = std::os::unix::fs::chown(&pdf, Some(4321), Some(4321)).is_ok();
    let before = std::fs::metadata(&pdf).unwrap();
    save_handout(&pdf, b"%PDF nieuw").unwrap_or_else(|e| {
        // Not root: a file of someone else that we may not write is refused.
        assert!(!other, "{e}");
        panic!("{e}")
    });
    let after = std::fs::metadata(&pdf).unwrap();
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF nieuw");
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(mode(&pdf), 0o644);
    if other {
        assert_eq!(after.uid(), 4321);
    }
    assert_eq!(listing(dir.path()), ["werkboek.pdf"]);
}

#[test]
fn the_leftover_of_a_killed_export_goes_with_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    // What a killed export leaves: a temporary file that nobody holds.
    let leftover = dir.path().join(".kampvuur-export-Ab12Cd.tmp");
    std::fs::write(&leftover, vec![b'%'; 1 << 20]).unwrap();
    // A temporary file of the answers store is not an export's: it stays.
    let answers = dir.path().join(".kampvuur-Xy34Zw.tmp");
    std::fs::write(&answers, b"(participant: \"a\")").unwrap();
    save_handout(&dir.path().join("werkboek.pdf"), b"%PDF").unwrap();
    assert_eq!(
        listing(dir.path()),
        [".kampvuur-Xy34Zw.tmp", "werkboek.pdf"]
    );
}

#[test]
fn an_export_killed_halfway_leaves_nothing_after_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    std::fs::write(&ws, kampvuur::content::BUNDLED_SOURCE).unwrap();
    // Its drawings beside it, as the workshop expects (plaatjes/…).
    crate::common::copy_drawings(dir.path());
    // Kill an export of the guide as soon as its temporary file appears.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kampvuur"))
        .args(["export", "ws.ron", "--kind", "guide", "--out", "gids.pdf"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let start = SystemTime::now();
    let mut seen = false;
    while start.elapsed().unwrap() < Duration::from_secs(60) {
        if listing(dir.path())
            .iter()
            .any(|n| n.starts_with(".kampvuur-export-"))
        {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    eprintln!(
        "temporary file seen before the kill: {seen}, left: {:?}",
        listing(dir.path())
    );
    let export = Command::new(env!("CARGO_BIN_EXE_kampvuur"))
        .args([
            "export",
            "ws.ron",
            "--kind",
            "workbook",
            "--out",
            "werkboek.pdf",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(export.status.success());
    let names = listing(dir.path());
    assert!(
        !names.iter().any(|n| n.ends_with(".tmp")),
        "{names:?} (temporary file seen before the kill: {seen})"
    );
}
