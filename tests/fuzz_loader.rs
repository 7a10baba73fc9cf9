#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Fuzzing the loader: random bytes and mutations of the example never panic,
//! and every error has a message. Seeded and deterministic.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use kampvuur::content::{LoadError, load_workshop, parse_workshop};

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
    assert_eq!(shown.lines().count(), e.diagnostics().len(), "{shown}");
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
