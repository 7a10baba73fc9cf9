//! A real browser (headless Chromium) on the room's pages: open the QR link,
//! type a name, tick, choose, type, let the script autosave, reload and find
//! everything back.
//! Screenshots of the phone page (390×844) and at laptop width are written
//! to the test's temp folder (`KAMPVUUR_SCREENSHOTS` overrides it).
//!
//! Without Chromium the test is skipped with a message, unless `CI` is set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::roomkit;

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::types::Bounds;
use headless_chrome::{Browser, LaunchOptions};
use kampvuur::model::Answer;
use kampvuur::room::Room;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// The value of a script as JSON text ("true", "\"Bewaard\"", "48").
fn js(tab: &Tab, expression: &str) -> String {
    tab.evaluate(expression, false)
        .unwrap()
        .value
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "waited too long for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn screenshot(tab: &Tab, width: f64, height: f64, name: &str) {
    tab.set_bounds(Bounds::Normal {
        left: Some(0),
        top: Some(0),
        width: Some(width),
        height: Some(height),
    })
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let dir = std::env::var_os("KAMPVUUR_SCREENSHOTS")
        .map_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, png).unwrap();
    println!("schermafdruk: {}", path.display());
}

/// Reload the page and wait for its checklist form.
fn reload_form(tab: &Tab) {
    tab.reload(false, None)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element("form[data-autosave]").unwrap();
}

#[test]
fn a_teacher_fills_in_a_checklist_in_chromium() {
    let Some(path) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is nodig voor deze test in CI (apt-get install chromium)"
        );
        println!("OVERGESLAGEN: Chromium is niet geïnstalleerd (apt-get install chromium)");
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .window_size(Some((390, 844)))
        .user_data_dir(Some(profile.path().to_owned()))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let browser = Browser::new(options).unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = kampvuur::content::RoomStore::new(data.path().to_owned());
    let room = Room::start(roomkit::config(Some(store.clone()))).unwrap();
    let status = room.status();
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(10));

    tab.navigate_to(&status.join_url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element("#naam").unwrap().click().unwrap();
    tab.type_str("Fatima").unwrap();
    tab.find_element("form button.knop:not([name])")
        .unwrap()
        .click()
        .unwrap();
    tab.wait_for_element("a.lijst[href='/lijst/A']")
        .unwrap()
        .click()
        .unwrap();
    tab.wait_for_element("form[data-autosave]").unwrap();
    assert_eq!(room.status().devices, 1);

    // Tick, choose yes, choose 4 on the scale, type an open answer, share it.
    tab.find_element("input[name=i0]").unwrap().click().unwrap();
    tab.find_element("input[name=i1][value=ja]")
        .unwrap()
        .click()
        .unwrap();
    tab.find_element("input[name=i2][value='4'] + span")
        .unwrap()
        .click()
        .unwrap();
    tab.find_element("textarea[name=i3]")
        .unwrap()
        .click()
        .unwrap();
    tab.type_str("Rustig beginnen").unwrap();
    tab.find_element("input[name=d3]").unwrap().click().unwrap();
    let saved = |want: &Answer| {
        room.respondents()
            .first()
            .and_then(|(_, a)| a.checklists.get("A").map(|l| l.contains(want)))
            .unwrap_or(false)
    };
    wait_until("the autosave", || {
        saved(&Answer::Open("Rustig beginnen".into())) && room.respondents()[0].1.is_shared("A", 3)
    });
    wait_until("‘Bewaard’", || {
        js(&tab, "document.getElementById('melding').textContent") == "\"Bewaard\""
    });
    let answers = room.respondents()[0].1.checklists["A"].clone();
    assert_eq!(
        answers,
        vec![
            Answer::Check(true),
            Answer::YesNo(Some(true)),
            Answer::Scale(Some(4)),
            Answer::Open("Rustig beginnen".into())
        ]
    );

    reload_form(&tab);
    assert_eq!(
        js(&tab, "document.querySelector('input[name=i0]').checked"),
        "true"
    );
    assert_eq!(
        js(
            &tab,
            "document.querySelector('input[name=i1][value=ja]').checked"
        ),
        "true"
    );
    assert_eq!(
        js(
            &tab,
            "document.querySelector('input[name=i2][value=\"4\"]').checked"
        ),
        "true"
    );
    assert_eq!(
        js(&tab, "document.querySelector('textarea[name=i3]').value"),
        "\"Rustig beginnen\""
    );
    assert_eq!(
        js(&tab, "document.querySelector('input[name=d3]').checked"),
        "true"
    );
    // Large touch targets: every choice at least 44 px high.
    let smallest = js(
        &tab,
        "Math.min(...[...document.querySelectorAll('.keuze, .stap span, .knop')].map(e => e.getBoundingClientRect().height))",
    );
    assert!(smallest.parse::<f64>().unwrap() >= 44.0, "{smallest}");
    let overflow = js(
        &tab,
        "document.documentElement.scrollWidth <= window.innerWidth",
    );
    assert_eq!(overflow, "true", "no sideways scrolling on a phone");
    screenshot(&tab, 390.0, 844.0, "zaal-telefoon.png");
    screenshot(&tab, 1280.0, 900.0, "zaal-laptop.png");

    // The form post without JavaScript is covered by room_router and room_e2e:
    // headless_chrome needs scripts itself to find and click elements.
    assert_eq!(room.status().devices, 1, "still one device");

    // The laptop restarts while the teacher keeps typing: the page keeps
    // the text, says so, and saves it by itself once the room is back with
    // the same session, code and cookies.
    let port = room.local_addr().port();
    let (code, session) = (status.code.clone(), room.status().session);
    room.stop();
    let melding = || js(&tab, "document.getElementById('melding').textContent");
    tab.find_element("textarea[name=i3]")
        .unwrap()
        .click()
        .unwrap();
    tab.press_key("End").unwrap();
    tab.type_str(" en dan verder").unwrap();
    wait_until("‘Geen verbinding’", || {
        melding().contains("Geen verbinding")
    });
    let mut config = roomkit::config(Some(store.clone()));
    config.port = port;
    config.resume = Some(session.clone());
    let room = Room::start(config).unwrap();
    assert_eq!(room.local_addr().port(), port);
    assert_eq!(room.status().code, code, "the same code after the restart");
    assert_eq!(room.status().join_url, status.join_url, "the same QR link");
    wait_until("‘Verbinding terug’", || {
        melding() == "\"Verbinding terug — bewaard\""
    });
    assert_eq!(
        room.respondents()[0].1.checklists["A"][3],
        Answer::Open("Rustig beginnen en dan verder".into())
    );
    let (_, people, _) = store.load(&session).unwrap();
    assert_eq!(
        people[0].answers.checklists["A"][3],
        Answer::Open("Rustig beginnen en dan verder".into()),
        "on disk"
    );
    reload_form(&tab);
    assert_eq!(
        js(&tab, "document.querySelector('textarea[name=i3]').value"),
        "\"Rustig beginnen en dan verder\""
    );
    screenshot(&tab, 390.0, 844.0, "zaal-telefoon-hervat.png");
    // Links and buttons are at least 44 px high too.
    let smallest = js(
        &tab,
        "Math.min(...[...document.querySelectorAll('main a, main button:not(.verborgen), .kop a')].map(e => e.getBoundingClientRect().height))",
    );
    assert!(smallest.parse::<f64>().unwrap() >= 44.0, "{smallest}");
    assert_eq!(room.status().devices, 1, "the same device, not a new one");
}
