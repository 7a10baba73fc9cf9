//! SVG slide pictures: loading (parse, checks, text to outlines with our
//! fonts), rasterising at full HD (what a projector slide costs the first
//! time it is shown, or after the window changed size) and writing the
//! slides PDF with the drawings as vector graphics.
//!
//! The drawings: the test drawing in tests/fixtures/plaatjes, and every
//! drawing of the shipped workshop in workshops/plaatjes (when present).

#![allow(clippy::expect_used)] // a bench stops on a broken set-up

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use kampvuur::content::load_workshop;
use kampvuur::model::{Item, Picture, Vector};
use kampvuur::pdf::{DocKind, ExportRequest, render};

/// The SVG files to measure.
fn drawings() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("tests/fixtures/plaatjes/lat.svg")];
    if let Ok(dir) = std::fs::read_dir("workshops/plaatjes") {
        let mut shipped: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "svg"))
            .collect();
        shipped.sort();
        out.extend(shipped);
    }
    out
}

/// A workshop folder with one slide per drawing.
fn folder(files: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp folder");
    let mut slides = String::new();
    for (i, f) in files.iter().enumerate() {
        std::fs::copy(f, dir.path().join(format!("p{i}.svg"))).expect("copy drawing");
        slides += &format!(
            "Slide(title: \"Dia {i}\", body: \"Een zin.\", image: \"p{i}.svg\", alt: \"Tekening {i}.\"),\n"
        );
    }
    let ron = format!(
        "Workshop(title: \"Plaatjes\", sections: [(title: \"Een\", minutes: 30, items: [\n{slides}])])"
    );
    std::fs::write(dir.path().join("workshop.ron"), ron).expect("write workshop");
    dir
}

fn vectors(dir: &Path) -> Vec<Vector> {
    let w = load_workshop(&dir.join("workshop.ron")).expect("workshop loads");
    w.items()
        .filter_map(|i| match i {
            Item::Slide(s) => match &s.picture {
                Some(Picture::Vector(v)) => Some(v.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let files = drawings();
    let dir = folder(&files);
    let pictures = vectors(dir.path());
    let n = pictures.len();
    c.bench_function(&format!("svg: {n} tekeningen laden en controleren"), |b| {
        b.iter(|| black_box(vectors(dir.path())))
    });
    for (file, v) in files.iter().zip(&pictures) {
        c.bench_function(
            &format!("svg: {} rasteren op 1920×1080", file.display()),
            |b| b.iter(|| black_box(kampvuur::ui::slide_view::rasterise(v, 1920, 1080))),
        );
    }
    let w = load_workshop(&dir.path().join("workshop.ron")).expect("workshop loads");
    let req = ExportRequest::new(DocKind::Slides { with_notes: false });
    c.bench_function(&format!("svg: dia's-PDF met {n} tekeningen"), |b| {
        b.iter(|| black_box(render(&w, &req).expect("export")))
    });
}

criterion_group!(svg, benches);
criterion_main!(svg);
