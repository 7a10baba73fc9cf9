//! `kampvuur check` (loading and checking a workshop file) on large files: a
//! valid workshop of 4,000 slides (about 1.5 MB), and one slide whose body
//! is a flood of errors.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use kampvuur::content::load_workshop;

/// A valid workshop with `n` slides in sections of 20.
fn large(n: usize) -> String {
    let mut s = String::from("Workshop(\n    title: \"Groot\",\n    sections: [\n");
    for section in 0..n / 20 {
        let _ = write!(
            s,
            "        (\n            title: \"Onderdeel {section}\",\n            minutes: 10,\n            items: [\n"
        );
        for slide in 0..20 {
            let _ = write!(
                s,
                "                Slide(\n                    title: \"Dia {slide}\",\n                    body: \"Een **korte** tekst met *nadruk*.\n\n- eerste punt\n- tweede punt\n\n> Een kernzin om te onthouden.\",\n                    notes: \"Vertel dit rustig; laat een stilte vallen.\",\n                ),\n"
            );
        }
        s.push_str("            ],\n        ),\n");
    }
    s.push_str("    ],\n)\n");
    s
}

/// One slide whose body holds `n` errors (code spans, 4 bytes each).
fn flood(n: usize) -> String {
    format!(
        "Workshop(title: \"Fouten\", sections: [(title: \"Een\", minutes: 5, items: [Slide(title: \"Dia\", body: \"{}\")])])",
        "`c` ".repeat(n)
    )
}

fn benches(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let files = [
        ("check/4000-dias", large(4_000)),
        ("check/12000-fouten", flood(12_000)),
    ];
    for (label, text) in files {
        let path = dir.path().join("w.ron");
        if std::fs::write(&path, text).is_err() {
            return;
        }
        c.bench_function(label, |b| {
            b.iter(|| load_workshop(black_box(Path::new(&path))).is_ok())
        });
    }
}

criterion_group! {
    name = check;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(check);
