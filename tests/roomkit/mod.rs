//! Shared set-up for the room tests: the example workshop (checklist ‘A’
//! with all four item kinds, shareable) and a room on 127.0.0.1.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod client;
pub mod raw;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use kampvuur::content::{RoomStore, parse_workshop};
use kampvuur::model::Workshop;
use kampvuur::room::{Room, RoomConfig};

pub const EXAMPLE: &str = include_str!("../fixtures/voorbeeld.ron");

pub fn workshop() -> Arc<Workshop> {
    Arc::new(parse_workshop(EXAMPLE, "voorbeeld.ron").expect("example parses"))
}

pub fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(13, 30, 0))
        .expect("valid date")
}

pub fn config(store: Option<RoomStore>) -> RoomConfig {
    RoomConfig {
        workshop: workshop(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        store,
        resume: None,
        open: BTreeSet::from(["A".to_owned()]),
        on_change: None,
        now: now(),
    }
}

/// A room with a change counter behind `on_change`.
pub fn counted(store: Option<RoomStore>) -> (Room, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let mut config = config(store);
    let c = count.clone();
    config.on_change = Some(Arc::new(move || {
        c.fetch_add(1, Ordering::SeqCst);
    }));
    (Room::start(config).expect("room starts"), count)
}
