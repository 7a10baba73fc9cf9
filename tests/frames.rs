#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! A frame never waits: exporting the trainer's guide runs on a worker while
//! the frames go on. The longest frame is measured and printed (the figure
//! in the README comes from here); the test holds it to a fraction of the
//! export itself, which a frame that rendered the PDF could never meet.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;

use crate::common::{app_in, harness};

#[test]
fn exporting_the_guide_leaves_the_frames_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(2);
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    let started = Instant::now();
    h.get_by_label("Trainershandleiding…").click();
    let mut longest = Duration::ZERO;
    let mut frames = 0;
    // The first frame applies the click and starts the worker.
    loop {
        let frame = Instant::now();
        h.step();
        longest = longest.max(frame.elapsed());
        frames += 1;
        if frames > 1 && !h.state().working() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the export never ended"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let export = started.elapsed();
    let notice = h.state().notice.clone().expect("a result notice");
    assert!(!notice.error, "{notice:?}");
    assert!(notice.text.starts_with("Bewaard:"), "{notice:?}");
    eprintln!(
        "export of the guide: {} ms over {frames} frames; longest frame {} ms",
        export.as_millis(),
        longest.as_millis()
    );
    assert!(
        frames >= 3,
        "the export finished inside the frame that started it"
    );
    assert!(
        longest < export / 2,
        "a frame took {longest:?} of an export of {export:?}"
    );
}

#[test]
fn the_progress_notice_shows_while_the_worker_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path()));
    h.run_steps(2);
    h.get_by_label("Exporteren").click();
    h.run_steps(2);
    h.get_by_label("Deelnemerswerkboek…").click();
    h.step();
    h.step();
    if h.state().working() {
        let notice = h.state().notice.clone().expect("a progress notice");
        assert_eq!(notice.text, "Deelnemerswerkboek wordt gemaakt…");
    }
    crate::common::settle(&mut h);
    let notice = h.state().notice.clone().expect("a result notice");
    assert!(notice.text.starts_with("Bewaard:"), "{notice:?}");
}
