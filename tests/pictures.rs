#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! Slide images: loaded and checked with the workshop, shown on the slide,
//! and placed in the PDF handouts.

use crate::common;
use crate::pdf_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::content::load_workshop;
use kampvuur::pdf::{DocKind, ExportRequest, render};

const WORKSHOP: &str = r#"Workshop(
    title: "Met een schema",
    sections: [(
        title: "Brein",
        minutes: 10,
        items: [
            Slide(title: "Twee delen", body: "- denken\n- alarm", image: "schema.png", alt: "Een schema met twee blokken: oranje en blauw.", notes: "Wijs beide delen aan."),
            Slide(title: "Alleen het schema", image: "schema.png", alt: "Het schema met het oranje en het blauwe blok."),
        ],
    )],
)"#;

/// A 120×60 RGB diagram: two coloured blocks on white, made here.
fn schema_png() -> Vec<u8> {
    let (w, h) = (120u32, 60u32);
    let mut data = Vec::new();
    for _y in 0..h {
        for x in 0..w {
            let px = match x {
                10..=50 => [217, 93, 15],
                70..=110 => [40, 90, 160],
                _ => [255, 255, 255],
            };
            data.extend_from_slice(&px);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(&data).unwrap();
    }
    out
}

fn workshop_dir(image: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("workshop.ron"), WORKSHOP).unwrap();
    std::fs::write(dir.path().join("schema.png"), image).unwrap();
    dir
}

#[test]
fn a_png_is_loaded_with_the_workshop() {
    let dir = workshop_dir(&schema_png());
    let w = load_workshop(&dir.path().join("workshop.ron")).unwrap();
    let pictures: Vec<_> = w
        .items()
        .filter_map(|i| match i {
            kampvuur::model::Item::Slide(s) => s.picture.as_ref(),
            _ => None,
        })
        .collect();
    assert_eq!(pictures.len(), 2);
    let kampvuur::model::Picture::Raster(first) = pictures[0] else {
        panic!("a PNG is kept as pixels: {:?}", pictures[0]);
    };
    assert_eq!((first.width, first.height), (120, 60));
    assert_eq!(first.rgba.len(), 120 * 60 * 4);
}

#[test]
fn an_image_that_is_not_a_png_is_an_error_at_its_line() {
    let dir = workshop_dir(b"GIF89a not really");
    let err = load_workshop(&dir.path().join("workshop.ron")).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("workshop.ron:8:"), "{text}");
    assert!(text.contains("geen PNG"), "{text}");
}

/// Image XObjects in a PDF.
fn images_in(bytes: &[u8]) -> usize {
    let parsed = pdf_support::parse(bytes);
    parsed
        .doc
        .objects
        .values()
        .filter(|o| {
            o.as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Image".as_slice())
        })
        .count()
}

#[test]
fn pictures_are_placed_in_the_handouts_once_each() {
    let dir = workshop_dir(&schema_png());
    let w = load_workshop(&dir.path().join("workshop.ron")).unwrap();
    for kind in [DocKind::Workbook, DocKind::Slides { with_notes: false }] {
        let pdf = render(&w, &ExportRequest::new(kind)).unwrap();
        // Two slides share one picture: it is embedded once.
        assert_eq!(images_in(&pdf.bytes), 1, "{kind:?}");
        pdf_support::assert_inside(&pdf_support::parse(&pdf.bytes), 20.0 * 72.0 / 25.4);
    }
}

#[test]
fn the_slide_shows_its_picture() {
    let dir = workshop_dir(&schema_png());
    let w = load_workshop(&dir.path().join("workshop.ron")).unwrap();
    let app = KampvuurApp::new(w, None, Paths::default(), common::wall());
    let mut h = common::harness(app);
    h.run_steps(1);
    common::press(&mut h, Key::F5);
    h.get_by_label("Twee delen");
    let textures =
        |h: &egui_kittest::Harness<'_, KampvuurApp>| h.ctx.tex_manager().read().num_allocated();
    let before = textures(&h);
    common::press(&mut h, Key::PageDown);
    h.get_by_label("Alleen het schema");
    // The same picture is uploaded once, not again for the second slide.
    assert_eq!(textures(&h), before);
}
