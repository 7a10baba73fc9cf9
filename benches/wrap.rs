//! The line breaker on words far longer than a line: one that cannot be
//! hyphenated (cut anywhere) and a Dutch compound (hyphenated).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kampvuur::pdf::Mm;
use kampvuur::pdf::font::{FontStyle, fonts};
use kampvuur::pdf::wrap::{plain, wrap};

fn benches(c: &mut Criterion) {
    let Ok(f) = fonts() else {
        return;
    };
    let mut group = c.benchmark_group("wrap");
    for n in [1_500, 3_000, 25_000] {
        let unbroken = "x".repeat(n);
        let dutch: String = "arbeidsongeschiktheidsverzekering"
            .chars()
            .cycle()
            .take(n)
            .collect();
        for (label, word) in [("onbreekbaar", &unbroken), ("afbreekbaar", &dutch)] {
            let pieces = plain(word, FontStyle::Regular);
            group.bench_with_input(BenchmarkId::new(label, n), &pieces, |b, pieces| {
                b.iter(|| wrap(f, black_box(pieces), 11.0, Mm(60.0)).len())
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = wrap_long_words;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(wrap_long_words);
