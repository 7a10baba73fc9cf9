//! Tests of the room's session store.
use super::*;
use crate::model::AnswerSet;

fn session(id: &str) -> RoomSession {
    RoomSession {
        id: id.into(),
        workshop: "W".into(),
        started: "2026-11-26 13:30".into(),
        open: ["A".to_owned()].into(),
        min_answers: 5,
        approved: Default::default(),
        started_at: String::new(),
        token: String::new(),
        code: String::new(),
        per_address: 2,
    }
}

#[test]
fn round_trip_list_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().join("zaal"));
    assert!(store.sessions().unwrap().is_empty());
    store
        .save_session(&session("2026-11-26-1330-ab12"))
        .unwrap();
    store
        .save_session(&session("2026-11-27-0900-cd34"))
        .unwrap();
    let p = RoomParticipant {
        id: "p1".into(),
        device_hash: "00".into(),
        answers: AnswerSet::new("Fatima", "W"),
    };
    let path = store.save_participant("2026-11-26-1330-ab12", &p).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let list = store.sessions().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].session.id, "2026-11-27-0900-cd34", "newest first");
    assert_eq!(list[1].participants, 1);
    let (s, ps, bad) = store.load("2026-11-26-1330-ab12").unwrap();
    assert_eq!((s, ps, bad), (session("2026-11-26-1330-ab12"), vec![p], 0));
    store
        .remove_participant("2026-11-26-1330-ab12", "p1")
        .unwrap();
    assert!(store.load("2026-11-26-1330-ab12").unwrap().1.is_empty());
    store.delete("2026-11-26-1330-ab12").unwrap();
    assert_eq!(store.sessions().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_session_folder_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    let id = "2026-11-26-1330-ff00";
    store.save_session(&session(id)).unwrap();
    let fifo = dir.path().join(id).join(PARTICIPANTS).join("p9.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (_, participants, unreadable) = store.load(id).unwrap();
    assert!(participants.is_empty());
    assert_eq!(unreadable, 1);
}

#[test]
fn the_newest_session_is_the_one_started_last() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    // Started in the same minute: the ids alone ("…-zz99" > "…-aa11")
    // would put the older one first.
    let mut older = session("2026-11-26-1330-zz99");
    older.started_at = "2026-11-26 13:30:05.000".into();
    older.token = "t1".into();
    let mut newer = session("2026-11-26-1330-aa11");
    newer.started_at = "2026-11-26 13:30:41.500".into();
    newer.token = "t2".into();
    store.save_session(&older).unwrap();
    store.save_session(&newer).unwrap();
    let list = store.sessions().unwrap();
    assert_eq!(list[0].session.id, "2026-11-26-1330-aa11");
    let resumable = store.resumable("W", "2026-11-26").unwrap();
    assert_eq!(resumable.session.id, "2026-11-26-1330-aa11");
    assert!(
        store.resumable("W", "2026-11-27").is_none(),
        "only the same day"
    );
    assert!(
        store.resumable("X", "2026-11-26").is_none(),
        "only this workshop"
    );
}

#[test]
fn leftover_snapshots_are_recovered_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    let id = "2026-11-26-1330-ab12";
    store.save_session(&session(id)).unwrap();
    let mut p = RoomParticipant {
        id: "p1".into(),
        device_hash: "00".into(),
        answers: AnswerSet::new("Fatima", "W"),
    };
    store.save_participant(id, &p).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    // A crash between writing the snapshot and renaming it.
    p.answers.participant = "Fatima B".into();
    let folder = dir.path().join(id).join(PARTICIPANTS);
    let text = ron::ser::to_string_pretty(&p, Default::default()).unwrap();
    std::fs::write(folder.join(".p1.ron.77-3.tmp"), text).unwrap();
    std::fs::write(folder.join(".p2.ron.77-4.tmp"), "(id: \"p2\", afgebr").unwrap();
    assert_eq!(store.recover(id).unwrap(), 1);
    let (_, people, bad) = store.load(id).unwrap();
    assert_eq!(
        (people[0].answers.participant.as_str(), bad),
        ("Fatima B", 0)
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn a_linked_session_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    let id = "2026-11-26-1330-ln00";
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(id)).unwrap();
    assert!(store.save_session(&session(id)).is_err());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn refuses_unsafe_ids() {
    let dir = tempfile::tempdir().unwrap();
    let store = RoomStore::new(dir.path().to_owned());
    for id in ["..", "../x", "a/b", "", "-x", "A", "é"] {
        assert!(!is_safe_id(id), "{id}");
        assert!(store.delete(id).is_err());
        assert!(store.load(id).is_err());
    }
    assert!(dir.path().exists());
}
