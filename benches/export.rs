//! Export time of each handout of the bundled workshop (and the torture file).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kampvuur::content::{bundled_workshop, load_workshop};
use kampvuur::model::{Answer, AnswerSet, Workshop};
use kampvuur::pdf::{DocKind, ExportRequest, render};

fn answers(w: &Workshop) -> AnswerSet {
    let mut set = AnswerSet::new("Anouk", &w.title);
    for cl in w.checklists() {
        for (i, item) in cl.items.iter().enumerate() {
            *set.get_mut(&cl.id, i, item) = match Answer::empty_for(item) {
                Answer::Open(_) => Answer::Open("Eerst rust, dan de les.".into()),
                other => other,
            };
        }
    }
    set
}

fn bench_workshop(c: &mut Criterion, name: &str, w: &Workshop) {
    let set = answers(w);
    let kinds = [
        ("werkboek", DocKind::Workbook),
        ("handleiding", DocKind::Guide),
        ("reflectie", DocKind::Reflection),
        ("dias", DocKind::Slides { with_notes: false }),
        ("dias-notities", DocKind::Slides { with_notes: true }),
    ];
    for (label, kind) in kinds {
        let mut req = ExportRequest::new(kind);
        req.start = Some((13, 30));
        req.answers = Some(&set);
        c.bench_function(&format!("{name}/{label}"), |b| {
            b.iter(|| render(black_box(w), black_box(&req)).map(|r| r.pages))
        });
    }
}

fn benches(c: &mut Criterion) {
    if let Ok(w) = bundled_workshop() {
        bench_workshop(c, "bundled", &w);
    }
    if let Ok(w) = load_workshop(std::path::Path::new("tests/fixtures/torture.ron")) {
        bench_workshop(c, "torture", &w);
    }
}

criterion_group! {
    name = export;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(export);
