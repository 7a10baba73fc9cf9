#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Files that are not what they seem: pipes, devices, huge or sparse files,
//! images outside the workshop's folder, enormous texts and floods of errors.
//! Each is refused with a Dutch message (and a position where there is one),
//! without hanging or reading it whole.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kampvuur::content::{LoadError, MAX_SHOWN, MAX_TEXT_BYTES, load_workshop, parse_workshop};

/// A workshop with one slide whose body and image are given.
fn workshop(body: &str, image: Option<&str>) -> String {
    let image = image.map_or(String::new(), |i| {
        format!(", image: \"{i}\", alt: \"Een plaatje.\"")
    });
    format!(
        "Workshop(\n    title: \"Vreemd\",\n    sections: [(\n        title: \"Een\",\n        minutes: 5,\n        items: [\n            Slide(title: \"Dia\", body: \"{body}\"{image}),\n        ],\n    )],\n)\n"
    )
}

/// The (only) problem of loading `path`.
fn single(path: &Path) -> (usize, usize, String) {
    let e = load_workshop(path).expect_err("should not load");
    assert_eq!(e.diagnostics().len(), 1, "{e}");
    let d = &e.diagnostics()[0];
    (d.line, d.col, d.message.clone())
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo failed");
}

fn symlink(to: &Path, at: &Path) {
    std::os::unix::fs::symlink(to, at).unwrap();
}

/// A PNG of `w`×`h` pixels as far as its header goes: signature, IHDR and the
/// start of an IDAT chunk that holds nothing decodable.
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit grey, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &[0x78, 0x9C, 0, 0, 0, 0]);
    out
}

/// A real 4×3 PNG.
fn small_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, 4, 3);
    enc.set_color(png::ColorType::Rgb);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&[90; 36]).unwrap();
    w.finish().unwrap();
    out
}

#[test]
fn a_fifo_or_a_device_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.ron");
    mkfifo(&fifo);
    let (line, _, message) = single(&fifo);
    assert_eq!(line, 0);
    assert!(
        message.contains("pipe") && message.contains("gewone bestanden"),
        "{message}"
    );
    // A symbolic link to /dev/zero claims size 0 and never ends.
    let zero = dir.path().join("nul.ron");
    symlink(Path::new("/dev/zero"), &zero);
    let (_, _, message) = single(&zero);
    assert!(message.contains("apparaat"), "{message}");
    // An image that is a pipe is refused at its line.
    let w = dir.path().join("w.ron");
    std::fs::write(&w, workshop("x", Some("pijp.png"))).unwrap();
    mkfifo(&dir.path().join("pijp.png"));
    let (line, col, message) = single(&w);
    assert_eq!((line, col), (7, 51), "{message}");
    assert!(message.contains("pipe"), "{message}");
}

/// `kampvuur check` on a folder with a pipe in it ends, and says what is wrong.
#[test]
fn check_does_not_hang_on_a_fifo_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), workshop("Hallo", None)).unwrap();
    mkfifo(&dir.path().join("b.ron"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_kampvuur"))
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Not a speed test: a generous guard so that a regression fails instead of hanging.
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("kampvuur check hangs on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("b.ron: dit is geen gewoon bestand maar een pipe"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("a.ron: 1 onderdeel,"));
}

#[test]
fn huge_and_sparse_images_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.ron");
    std::fs::write(&w, workshop("x", Some("groot.png"))).unwrap();
    // A 4 GB "PNG" that takes no disk space.
    let big = std::fs::File::create(dir.path().join("groot.png")).unwrap();
    big.set_len(4 << 30).unwrap();
    let (line, col, message) = single(&w);
    assert_eq!((line, col), (7, 51));
    assert!(message.contains("te groot (4096 MB)"), "{message}");

    // A header that promises 8192×8192 pixels: refused before decoding.
    std::fs::write(dir.path().join("groot.png"), png_header_only(8192, 8192)).unwrap();
    let (_, _, message) = single(&w);
    assert!(message.contains("te veel pixels (8192×8192"), "{message}");
}

#[test]
fn images_outside_the_workshop_folder_are_refused_with_their_position() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("workshop");
    std::fs::create_dir_all(folder.join("plaatjes")).unwrap();
    let secret = root.path().join("geheim.png");
    std::fs::write(&secret, small_png()).unwrap();
    std::fs::write(folder.join("plaatjes/eigen.png"), small_png()).unwrap();
    symlink(&secret, &folder.join("plaatjes/link.png"));
    symlink(Path::new("eigen.png"), &folder.join("plaatjes/binnen.png"));
    let w = folder.join("w.ron");
    let absolute = secret.display().to_string();
    for image in [
        "../geheim.png",
        "plaatjes/../../geheim.png",
        &absolute,
        "plaatjes/link.png",
    ] {
        std::fs::write(&w, workshop("x", Some(image))).unwrap();
        let (line, col, message) = single(&w);
        assert_eq!((line, col), (7, 51), "{image}: {message}");
        assert!(
            message.contains("buiten de map van de workshop"),
            "{message}"
        );
    }
    // Inside the folder, also through a link that stays inside: fine.
    for image in ["plaatjes/eigen.png", "./plaatjes/binnen.png"] {
        std::fs::write(&w, workshop("x", Some(image))).unwrap();
        assert!(load_workshop(&w).is_ok(), "{image}");
    }
}

#[test]
fn a_1_mb_text_is_refused_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.ron");
    std::fs::write(&w, workshop(&"a".repeat(1 << 20), None)).unwrap();
    let (line, col, message) = single(&w);
    assert_eq!((line, col), (7, 39));
    assert!(
        message.contains("te lang (1 MB)") && message.contains("64 kB"),
        "{message}"
    );
    // A whole file over the limit of 2 MB is refused before it is read.
    std::fs::write(&w, workshop(&"a".repeat(3 << 20), None)).unwrap();
    let message = load_workshop(&w).unwrap_err().to_string();
    assert!(
        message.contains("te groot (3 MB)") && message.contains("het maximum is 2 MB"),
        "{message}"
    );
    // Just below the limit is fine; just above is not.
    let fits = "a".repeat(MAX_TEXT_BYTES);
    assert!(parse_workshop(&workshop(&fits, None), "w.ron").is_ok());
    let over = format!("{fits}é");
    assert!(parse_workshop(&workshop(&over, None), "w.ron").is_err());
}

#[test]
fn a_flood_of_errors_shows_the_first_hundred_and_a_count() {
    let e: LoadError = parse_workshop(&workshop(&"`c` ".repeat(1000), None), "w.ron")
        .expect_err("code is not allowed");
    assert_eq!((e.diagnostics().len(), e.more()), (MAX_SHOWN, 900));
    assert_eq!(e.diagnostics()[99].col, 40 + 99 * 4, "{e}");
    let shown = e.to_string();
    assert_eq!(shown.lines().count(), MAX_SHOWN + 1);
    assert!(shown.ends_with("w.ron: en 900 meer fouten (los eerst de fouten hierboven op)"));
    // Thousands of nested lists, each an error on a line of its own.
    let e = parse_workshop(&workshop(&"- a\n  - b\n".repeat(5_000), None), "w.ron")
        .expect_err("nested lists are not allowed");
    assert_eq!(e.more(), 5_000 - MAX_SHOWN, "{e}");
    let lines: Vec<usize> = e.diagnostics().iter().map(|d| d.line).collect();
    assert_eq!(lines, (0..MAX_SHOWN).map(|i| 8 + 2 * i).collect::<Vec<_>>());
    assert!(e.diagnostics().iter().all(|d| d.col == 3), "{e}");
}

#[test]
fn utf16_files_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.ron");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        workshop("x", None)
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(&w, &bytes).unwrap();
    let (_, _, message) = single(&w);
    assert!(
        message.contains("UTF-16") && message.contains("sla het op als UTF-8"),
        "{message}"
    );
    // Without the byte order mark too.
    std::fs::write(&w, &bytes[2..]).unwrap();
    assert!(single(&w).2.contains("UTF-16"));
}

#[test]
fn symlink_loops_are_explained_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b): (PathBuf, PathBuf) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    symlink(&b, &a);
    symlink(&a, &b);
    let (_, _, message) = single(&a);
    assert!(
        message.contains("verwijst") && message.contains("naar zichzelf"),
        "{message}"
    );
}
