#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Fuzzing the loader: random bytes and mutations of the example and of the
//! shipped workshop never panic, every error has a message, and every error
//! in a non-empty file has a position. Seeded and deterministic.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use kampvuur::content::{BUNDLED_SOURCE, LoadError, MAX_SHOWN, load_workshop, parse_workshop};

/// xorshift64*: small, fast, good enough to shake a parser.
struct Rng(u64);

impl Rng {
    /// `base`, or mixed with `FUZZ_SEED` from the environment to explore further.
    fn seeded(base: u64) -> Self {
        let extra = std::env::var("FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0);
        Self((base ^ extra.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that make mutations interesting to a RON and Markdown parser.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\n",
    "\\u{1F525}",
    "\\x41",
    "\n",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "'",
    "0",
    "-1",
    "255",
    "4294967296",
    "1.5",
    "Some(",
    "None",
    "title: ",
    "minutes: 0",
    "steps: 11",
    "lines: 0",
    "id: \"A\"",
    "checklist: \"Z\"",
    "Slide(",
    "Case(",
    "Checklist(",
    "Timer(",
    "Break(",
    "Check(\"x\")",
    "# ",
    "- ",
    "  - ",
    "> ",
    "`",
    "**",
    "[a](b)",
    "<b>",
    "---",
    "é",
    "🔥",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\t",
    "#![enable(implicit_some)]",
    "image: \"x.png\"",
    "questions: []",
    "items: []",
];

const SOURCE: &str = include_str!("fixtures/voorbeeld.ron");

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(9) {
            7 => {
                // A number in the file becomes another, often out of range.
                let digits: Vec<usize> = (0..v.len()).filter(|&i| v[i].is_ascii_digit()).collect();
                if let Some(&i) = digits.get(rng.below(digits.len())) {
                    let end = (i..v.len())
                        .find(|&j| !v[j].is_ascii_digit())
                        .unwrap_or(v.len());
                    let n = rng
                        .pick(&["0", "1", "2", "11", "21", "600", "601"])
                        .as_bytes();
                    v.splice(i..end, n.iter().copied());
                }
            }
            8 => {
                // Markup (or a checklist id) right after a quote, usually inside a string.
                let quotes: Vec<usize> = (0..v.len()).filter(|&i| v[i] == b'"').collect();
                if let Some(&i) = quotes.get(rng.below(quotes.len())) {
                    let tok = rng.pick(&[
                        "# Kop\n",
                        "`c` ",
                        "[a](b) ",
                        "<i>",
                        "\n---\n",
                        "- a\n  - b\n",
                        "Z",
                        "",
                    ]);
                    v.splice(i + 1..i + 1, tok.as_bytes().iter().copied());
                }
            }
            0 => {
                if let Some(b) = v.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => v.truncate(at),
            2 => {
                let byte = (rng.next() & 0xFF) as u8;
                v.insert(at, byte);
            }
            3 | 4 => {
                let tok = rng.pick(TOKENS).as_bytes();
                v.splice(at..at, tok.iter().copied());
            }
            5 => {
                let len = rng.below(200).min(v.len() - at.min(v.len()));
                let chunk: Vec<u8> = v[at..at + len].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, chunk);
            }
            _ => {
                let len = rng.below(40).min(v.len() - at.min(v.len()));
                v.drain(at..at + len);
            }
        }
    }
    v
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(300);
    let mut v = Vec::with_capacity(len);
    while v.len() < len {
        if rng.below(3) == 0 {
            v.extend_from_slice(rng.pick(TOKENS).as_bytes());
        } else {
            v.push((rng.next() & 0xFF) as u8);
        }
    }
    v
}

#[track_caller]
fn check_error(e: &LoadError, input: &[u8]) {
    let shown = e.to_string();
    assert!(!e.diagnostics().is_empty(), "no diagnostics for {input:?}");
    let more_line = usize::from(e.more() > 0);
    assert_eq!(
        shown.lines().count(),
        e.diagnostics().len() + more_line,
        "{shown}"
    );
    assert!(e.diagnostics().len() <= MAX_SHOWN, "{shown}");
    for d in e.diagnostics() {
        assert!(!d.message.trim().is_empty(), "empty message for {input:?}");
        assert_eq!(d.line == 0, d.col == 0, "half a position in {shown}");
    }
}

fn parse_one(input: &[u8]) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let result = catch_unwind(AssertUnwindSafe(|| parse_workshop(text, "fuzz.ron")));
    match result {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => {
            check_error(&e, input);
            // Only an empty file has no position: syntax errors come with
            // ron's, and every semantic check must find its value.
            let blank = text.trim_start_matches('\u{feff}').trim().is_empty();
            assert!(
                blank || e.diagnostics().iter().all(|d| d.line > 0),
                "{e}\n--- in ---\n{text}"
            );
        }
        Err(_) => panic!(
            "parse_workshop panicked on {:?}",
            String::from_utf8_lossy(input)
        ),
    }
}

fn load_one(dir: &Path, input: &[u8]) {
    let path = dir.join("fuzz.ron");
    std::fs::write(&path, input).unwrap_or_else(|e| panic!("{e}"));
    match catch_unwind(AssertUnwindSafe(|| load_workshop(&path))) {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => check_error(&e, input),
        Err(_) => panic!("load_workshop panicked on {input:?}"),
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::seeded(0x5EED_0001);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..3000 {
        let input = random_bytes(&mut rng);
        parse_one(&input);
        if i % 10 == 0 {
            load_one(dir.path(), &input);
        }
    }
}

#[test]
fn mutations_of_the_example_never_panic() {
    let mut rng = Rng::seeded(0x5EED_0002);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut parsed = 0;
    for i in 0..4000 {
        let input = mutate(&mut rng, SOURCE.as_bytes());
        parse_one(&input);
        if std::str::from_utf8(&input).is_ok_and(|t| parse_workshop(t, "x").is_ok()) {
            parsed += 1;
        }
        if i % 10 == 0 {
            load_one(dir.path(), &input);
        }
    }
    // Some mutations must survive the parser, so the semantic checks and the
    // position finder get fuzzed too.
    assert!(parsed > 100, "only {parsed} mutations parsed");
}

#[test]
fn mutations_inside_strings_get_precise_positions() {
    // Markdown-ish noise inside the slide body keeps the file valid RON; every
    // resulting error must still carry a real position.
    let mut rng = Rng::seeded(0x5EED_0003);
    let start = SOURCE.find("Fijn dat je er bent.").unwrap_or(0);
    for _ in 0..500 {
        let mut text = SOURCE.to_owned();
        for _ in 0..=rng.below(3) {
            let tok = *rng.pick(&[
                "# Kop\n",
                "`c`",
                "[a](b)",
                "<i>",
                "\n---\n",
                "- a\n  - b\n",
                "\\n# x",
                "\\\"",
                "é",
            ]);
            let at = start + rng.below(20);
            if text.is_char_boundary(at) {
                text.insert_str(at, tok);
            }
        }
        if let Err(e) = parse_workshop(&text, "x.ron") {
            check_error(&e, text.as_bytes());
            assert!(
                e.diagnostics().iter().all(|d| d.line >= 14),
                "{e}\n--- in ---\n{text}"
            );
        }
    }
}

/// Characters that change the direction of text, or mark it.
const MARKS: &[&str] = &[
    "\u{200E}", "\u{200F}", "\u{202E}", "\u{202B}", "\u{2066}", "\u{2069}", "\u{061C}",
];

/// Numbers far outside every range, or not numbers at all.
const HUGE: &[&str] = &[
    "99999999999999999999999999",
    "340282366920938463463374607431768211456",
    "-9223372036854775809",
    "1e999",
    "4294967296",
    "-0",
    "0x7FFFFFFF",
    "NaN",
];

/// The byte offsets where each line of `v` starts.
fn line_starts(v: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain((0..v.len()).filter(|&i| v[i] == b'\n').map(|i| i + 1))
        .collect()
}

/// A char boundary of `v` at or after `at` (for valid UTF-8 input).
fn boundary(v: &[u8], at: usize) -> usize {
    (at..v.len())
        .find(|&i| v[i] & 0xC0 != 0x80)
        .unwrap_or(v.len())
}

/// One of the ways real files go wrong, applied to `v`.
fn damage(rng: &mut Rng, v: &mut Vec<u8>) {
    let at = rng.below(v.len() + 1);
    match rng.below(10) {
        0 => {
            if let Some(b) = v.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
        }
        1 => v.truncate(at),
        2 | 3 => {
            let starts = line_starts(v);
            let i = rng.below(starts.len());
            let start = starts[i];
            let end = starts.get(i + 1).copied().unwrap_or(v.len());
            if rng.below(2) == 0 {
                v.drain(start..end);
            } else {
                let line = v[start..end].to_vec();
                v.splice(start..start, line);
            }
        }
        4 => {
            let brackets: Vec<usize> = (0..v.len())
                .filter(|&i| b"()[]{}".contains(&v[i]))
                .collect();
            if let Some(&i) = brackets.get(rng.below(brackets.len())) {
                v[i] = *rng.pick(b"()[]{}");
            }
        }
        5 => {
            let at = boundary(v, at);
            let mark = rng.pick(MARKS).as_bytes();
            v.splice(at..at, mark.iter().copied());
        }
        6 => v.insert(at.min(v.len()), 0),
        7 => {
            let digits: Vec<usize> = (0..v.len()).filter(|&i| v[i].is_ascii_digit()).collect();
            if let Some(&i) = digits.get(rng.below(digits.len())) {
                let end = (i..v.len())
                    .find(|&j| !v[j].is_ascii_digit())
                    .unwrap_or(v.len());
                let n = rng.pick(HUGE).as_bytes();
                v.splice(i..end, n.iter().copied());
            }
        }
        8 => {
            // A value wrapped in many brackets: deeper than ron allows, or not.
            let depth = 1 + rng.below(100);
            let open = rng.pick(&["[", "(", "Some("]);
            let close = if *open == "[" { "]" } else { ")" };
            let at = boundary(v, at);
            let end = boundary(v, at + rng.below(200)).min(v.len());
            v.splice(end..end, close.repeat(depth).into_bytes());
            v.splice(at..at, open.repeat(depth).into_bytes());
        }
        _ => {
            let tok = rng.pick(TOKENS).as_bytes();
            let at = boundary(v, at);
            v.splice(at..at, tok.iter().copied());
        }
    }
}

#[test]
fn damaged_copies_of_the_shipped_workshop_never_panic_and_always_point() {
    let mut rng = Rng::seeded(0x5EED_0004);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("kapot.ron");
    let (mut parsed, mut not_utf8) = (0, 0);
    for i in 0..200 {
        let mut input = BUNDLED_SOURCE.as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            damage(&mut rng, &mut input);
        }
        if i % 10 == 0 {
            // The high bit of an ASCII byte: never UTF-8 any more.
            let ascii: Vec<usize> = (0..input.len()).filter(|&j| input[j].is_ascii()).collect();
            if let Some(&j) = ascii.get(rng.below(ascii.len())) {
                input[j] |= 0x80;
            }
        }
        if std::str::from_utf8(&input).is_ok() {
            parse_one(&input);
            if std::str::from_utf8(&input).is_ok_and(|t| parse_workshop(t, "x").is_ok()) {
                parsed += 1;
            }
            if i % 20 != 0 {
                continue;
            }
        } else {
            not_utf8 += 1;
        }
        // From a file, as `kampvuur check` reads it: bytes that are not
        // UTF-8 get a position too.
        std::fs::write(&path, &input).unwrap_or_else(|e| panic!("{e}"));
        match catch_unwind(AssertUnwindSafe(|| load_workshop(&path))) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                check_error(&e, &input);
                let blank = input.iter().all(u8::is_ascii_whitespace);
                assert!(blank || e.diagnostics().iter().all(|d| d.line > 0), "{e}");
            }
            Err(_) => panic!(
                "load_workshop panicked on {:?}",
                String::from_utf8_lossy(&input)
            ),
        }
    }
    // Both paths are exercised, and some damage is harmless.
    assert!(
        parsed > 10 && not_utf8 >= 20,
        "{parsed} parsed, {not_utf8} not UTF-8"
    );
}

#[test]
fn direction_marks_outside_strings_keep_every_position() {
    // An LRM where ron sees white space: the semantic errors keep their positions.
    let src = BUNDLED_SOURCE.replacen("minutes: 15", "\u{200E}minutes: 0\u{200F}", 1);
    let e = parse_workshop(&src, "lrm.ron").expect_err("0 minutes is an error");
    assert!(e.diagnostics().iter().all(|d| d.line > 0), "{e}");
    // The error points at the 0, counted in characters (the LRM is one).
    let zero = src.find("\u{200E}minutes: 0").unwrap() + "\u{200E}minutes: ".len();
    let line_start = src[..zero].rfind('\n').map_or(0, |i| i + 1);
    let line = src[..zero].matches('\n').count() + 1;
    let col = src[line_start..zero].chars().count() + 1;
    let d = &e.diagnostics()[0];
    assert_eq!((d.line, d.col), (line, col), "{e}");
}
