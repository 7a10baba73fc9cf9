//! Shared set-up for the app tests: the example workshop, temp folders, a
//! fixed wall clock, and a kittest harness on the real app state.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::content::{AnswerStore, RoomStore, parse_workshop};

pub const EXAMPLE: &str = include_str!("../fixtures/voorbeeld.ron");

/// 13:30 on the day of the afternoon: egui time 0.
pub fn wall() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(13, 30, 0))
        .expect("valid date")
}

pub fn app_in(dir: &std::path::Path) -> KampvuurApp {
    let workshop = parse_workshop(EXAMPLE, "voorbeeld.ron").expect("example parses");
    KampvuurApp::new(workshop, None, paths_in(dir), wall())
}

/// Every folder the app writes to inside `dir`; no native dialogs.
pub fn paths_in(dir: &std::path::Path) -> Paths {
    Paths {
        answers: Some(AnswerStore::new(dir.join("antwoorden"))),
        settings: Some(dir.join("instellingen.ron")),
        sessions: Some(dir.join("sessies")),
        room: Some(RoomStore::new(dir.join("zaal"))),
        // The room listens on loopback only in tests.
        room_bind: Some(std::net::Ipv4Addr::LOCALHOST.into()),
        exports: Some(dir.join("documenten")),
        native_dialogs: false,
    }
}

pub fn harness(app: KampvuurApp) -> Harness<'static, KampvuurApp> {
    harness_sized(app, [1280.0, 800.0])
}

/// The whole app in a window of `size` points, light theme.
pub fn harness_sized(app: KampvuurApp, size: [f32; 2]) -> Harness<'static, KampvuurApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(|ctx| kampvuur::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut KampvuurApp| app.show(ui), app)
}

pub fn press(h: &mut Harness<'_, KampvuurApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

pub fn position(h: &Harness<'_, KampvuurApp>) -> usize {
    h.state().show.presenter.deck.position()
}

/// egui's current time in the harness.
pub fn time(h: &Harness<'_, KampvuurApp>) -> f64 {
    h.ctx.input(|i| i.time)
}

/// Move egui's clock forward by `secs` and run one frame.
pub fn advance(h: &mut Harness<'_, KampvuurApp>, secs: f64) {
    let t = time(h) + secs;
    h.input_mut().time = Some(t);
    h.run_steps(1);
}

/// Run frames until the app's workers (export, open, save) are done, as a
/// trainer would wait for the result notice; at most a minute.
pub fn settle(h: &mut Harness<'_, KampvuurApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    h.run_steps(1);
    while h.state().working() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(1);
}

/// The trainer code the tests choose when participant mode starts.
pub const TRAINER_CODE: &str = "2468";

fn type_code(h: &mut Harness<'_, KampvuurApp>, code: &str) {
    use egui_kittest::kittest::Queryable;
    let field = kampvuur::ui::kiosk::CODE_FIELD;
    h.get_by_label(field).focus();
    h.run_steps(1);
    h.get_by_label(field).type_text(code);
    h.run_steps(1);
}

/// "Invullen als deelnemer" on the start screen, with the trainer's code.
pub fn begin_participating(h: &mut Harness<'_, KampvuurApp>) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Invullen als deelnemer").click();
    // The question fades in: its field is reachable after a few frames.
    h.run_steps(12);
    type_code(h, TRAINER_CODE);
    h.get_by_label("Beginnen").click();
    h.run_steps(2);
}

/// "Stoppen met invullen" with `code`.
pub fn stop_with_code(h: &mut Harness<'_, KampvuurApp>, code: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Stoppen met invullen").click();
    h.run_steps(12);
    type_code(h, code);
    h.get_by_label("Stoppen").click();
    h.run_steps(2);
}

/// Runs the real `kampvuur` binary with `args` in `dir`, as a trainer would
/// in a terminal (no colours).
pub fn kampvuur_in(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kampvuur"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("kampvuur starts")
}

/// What a run printed on standard error.
pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Copies the shipped workshop's drawings (`workshops/plaatjes`) into
/// `dir/plaatjes`, so that a copy of the workshop written into `dir` finds them.
pub fn copy_drawings(dir: &std::path::Path) {
    let to = dir.join("plaatjes");
    std::fs::create_dir_all(&to).unwrap();
    for f in std::fs::read_dir("workshops/plaatjes").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
    }
}
