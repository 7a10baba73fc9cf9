#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! SVG pictures in the PDFs: a Form XObject of path operators, never a
//! raster image, in the slides, the workbook and the summary; the pages stay
//! what they are with a PNG of the same size.

use kampvuur::content::load_workshop;
use kampvuur::pdf::{DocKind, ExportRequest, render};
use lopdf::{Document, Object};

use crate::pdf_support;
use crate::picture_svg::{LAT, folder};

const SLIDES: &str = r#"
Slide(title: "De lat", body: "- Kijk wat het kind nu kan.", image: "plaatjes/lat.IMG", alt: "De lat, te hoog en haalbaar.", summary: true),
Slide(title: "Nog eens", image: "plaatjes/lat.IMG", alt: "Dezelfde lat."),
"#;

/// A 400×300 PNG: the same size as the drawing.
fn png_400x300() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 400, 300);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer
            .write_image_data(&vec![200u8; 400 * 300 * 3])
            .unwrap();
    }
    out
}

fn subtype(o: &Object) -> Option<Vec<u8>> {
    let s = o.as_stream().ok()?;
    Some(s.dict.get(b"Subtype").ok()?.as_name().ok()?.to_vec())
}

/// Form XObjects (their decoded content) and the number of image XObjects.
fn xobjects(doc: &Document) -> (Vec<String>, usize) {
    let mut forms = Vec::new();
    let mut images = 0;
    for o in doc.objects.values() {
        match subtype(o).as_deref() {
            Some(b"Form") => {
                let s = o.as_stream().unwrap();
                let content = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                forms.push(String::from_utf8_lossy(&content).into_owned());
            }
            Some(b"Image") => images += 1,
            _ => {}
        }
    }
    (forms, images)
}

fn export(dir: &std::path::Path, kind: DocKind) -> Vec<u8> {
    let w = load_workshop(&dir.join("workshop.ron")).unwrap();
    render(&w, &ExportRequest::new(kind)).unwrap().bytes
}

#[test]
fn an_svg_is_printed_as_vector_graphics_in_every_handout() {
    let svg = folder(
        &SLIDES.replace("IMG", "svg"),
        &[("lat.svg", LAT.as_bytes())],
    );
    let png = folder(
        &SLIDES.replace("IMG", "png"),
        &[("lat.png", &png_400x300())],
    );
    for kind in [
        DocKind::Slides { with_notes: false },
        DocKind::Slides { with_notes: true },
        DocKind::Workbook,
        DocKind::Summary,
    ] {
        let bytes = export(svg.path(), kind);
        let parsed = pdf_support::parse(&bytes);
        let (forms, images) = xobjects(&parsed.doc);
        assert_eq!(images, 0, "{kind:?}: no raster image");
        // The drawing: paths (moveto, curves, fills) in one form, embedded
        // once although two slides show it (the summary shows one).
        let drawings: Vec<&String> = forms
            .iter()
            .filter(|f| f.contains(" m\n") || f.contains(" m "))
            .filter(|f| f.contains(" c\n") || f.contains(" c "))
            .collect();
        assert_eq!(drawings.len(), 1, "{kind:?}: {} forms", forms.len());
        assert!(
            drawings[0].contains("f\n") || drawings[0].contains("f*"),
            "{kind:?}: filled"
        );
        // Its text is outlines: no text operators in the drawing.
        assert!(!drawings[0].contains("Tj"), "{kind:?}");
        pdf_support::assert_inside(&parsed, 20.0 * 72.0 / 25.4);
        // The same pages as with a PNG of the same size.
        let with_png = pdf_support::parse(&export(png.path(), kind));
        assert_eq!(parsed.sizes.len(), with_png.sizes.len(), "{kind:?}");
        assert_eq!(
            xobjects(&with_png.doc).1,
            1,
            "{kind:?}: the PNG is an image"
        );
    }
}

/// The path operators (`m`, `l`, `c`, `h`) of the first drawing in a PDF.
fn path_ops(bytes: &[u8]) -> usize {
    let (forms, _) = xobjects(&Document::load_mem(bytes).unwrap());
    let drawing = forms.iter().find(|f| f.contains(" m")).expect("a drawing");
    drawing
        .split(|c: char| c.is_whitespace())
        .filter(|t| matches!(*t, "m" | "l" | "c" | "h"))
        .count()
}

#[test]
fn the_text_of_a_drawing_is_printed_as_outlines() {
    let without: String = LAT
        .lines()
        .filter(|l| !l.trim_start().starts_with("<text"))
        .collect::<Vec<_>>()
        .join("\n");
    let with_text = folder(
        &SLIDES.replace("IMG", "svg"),
        &[("lat.svg", LAT.as_bytes())],
    );
    let no_text = folder(
        &SLIDES.replace("IMG", "svg"),
        &[("lat.svg", without.as_bytes())],
    );
    let kind = DocKind::Slides { with_notes: false };
    let (a, b) = (
        path_ops(&export(with_text.path(), kind)),
        path_ops(&export(no_text.path(), kind)),
    );
    // “te hoog” and “haalbaar ✓”: a few hundred more path operators.
    assert!(a > b + 100, "{a} path operators with the text, {b} without");
}

#[test]
fn the_drawing_is_placed_at_the_size_of_the_picture() {
    let svg = folder(
        &SLIDES.replace("IMG", "svg"),
        &[("lat.svg", LAT.as_bytes())],
    );
    let bytes = export(svg.path(), DocKind::Slides { with_notes: false });
    let doc = Document::load_mem(&bytes).unwrap();
    // The form is normalised to a unit square: /Matrix scales its BBox
    // (400×300 points) down to 1×1, like an image.
    let form = doc
        .objects
        .values()
        .find(|o| subtype(o).as_deref() == Some(b"Form"))
        .unwrap()
        .as_stream()
        .unwrap();
    let num = |o: &Object| {
        o.as_float()
            .or_else(|_| o.as_i64().map(|i| i as f32))
            .unwrap()
    };
    let bbox: Vec<f32> = form
        .dict
        .get(b"BBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(num)
        .collect();
    let matrix: Vec<f32> = form
        .dict
        .get(b"Matrix")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(num)
        .collect();
    assert_eq!(bbox, vec![0.0, 0.0, 400.0, 300.0]);
    assert!((matrix[0] * 400.0 - 1.0).abs() < 1e-4 && (matrix[3] * 300.0 - 1.0).abs() < 1e-4);
    // The page scales it with the drawing's aspect ratio.
    let cm = picture_cm(&doc, 2);
    assert!((cm[0] / cm[3] - 4.0 / 3.0).abs() < 0.01, "{cm:?}");
    // A short text: the picture stands beside it (right of the page's
    // middle, like on the screen); alone, it is centred under the title.
    let page_w = 297.0 * 72.0 / 25.4;
    assert!(cm[4] > page_w * 0.5, "beside the text: {cm:?}");
    let alone = picture_cm(&doc, 3);
    let middle = alone[4] + alone[0] / 2.0;
    assert!(
        (middle - page_w / 2.0).abs() < 3.0,
        "alone and centred: {alone:?}"
    );
}

/// The first scaling `cm` (the picture's: larger than 50 pt both ways) on
/// page `n`.
fn picture_cm(doc: &Document, n: u32) -> Vec<f32> {
    let page = doc.get_pages()[&n];
    let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
    content
        .lines()
        .filter(|l| l.ends_with(" cm"))
        .map(|l| {
            l.split_whitespace()
                .take(6)
                .map(|n| n.parse::<f32>().unwrap())
                .collect::<Vec<_>>()
        })
        .find(|m| m[0] > 50.0 && m[3] > 50.0)
        .expect("a scaling cm before the drawing")
}

/// The shipped summary keeps its marked slides' text and drawings on its two
/// pages (smaller pictures before titles only).
#[test]
fn the_shipped_summary_holds_its_drawings_and_slide_texts() {
    let w = load_workshop(std::path::Path::new(
        "workshops/vurige-kind-in-de-klas.workshop.ron",
    ))
    .unwrap();
    let marked_with_picture = w
        .items()
        .filter(
            |i| matches!(i, kampvuur::model::Item::Slide(s) if s.summary && s.picture.is_some()),
        )
        .count();
    assert!(marked_with_picture >= 2, "{marked_with_picture}");
    let bytes = render(&w, &ExportRequest::new(DocKind::Summary))
        .unwrap()
        .bytes;
    let parsed = pdf_support::parse(&bytes);
    assert!(parsed.sizes.len() <= 2, "{} pagina’s", parsed.sizes.len());
    let (forms, images) = xobjects(&parsed.doc);
    assert_eq!(images, 0);
    let drawings = forms.iter().filter(|f| f.contains(" c")).count();
    assert_eq!(drawings, marked_with_picture, "{} forms", forms.len());
    // A marked slide's own text, not only its title.
    let text = parsed.text();
    assert!(text.contains("leent jouw rust"), "{text}");
}

/// In the shipped workbook every slide with a drawing keeps its title, its
/// whole text and its drawing on one page.
#[test]
fn the_workbook_never_splits_a_slide_from_its_drawing() {
    let w = load_workshop(std::path::Path::new(
        "workshops/vurige-kind-in-de-klas.workshop.ron",
    ))
    .unwrap();
    let bytes = render(&w, &ExportRequest::new(DocKind::Workbook))
        .unwrap()
        .bytes;
    let parsed = pdf_support::parse(&bytes);
    let mut checked = 0;
    for item in w.items() {
        let kampvuur::model::Item::Slide(s) = item else {
            continue;
        };
        if s.picture.is_none() {
            continue;
        }
        let page = parsed.page_of(&s.title).expect(&s.title);
        let last = s.body.plain_lines().last().cloned().unwrap_or_default();
        let tail: String = last
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(
            parsed
                .page_squashed(page)
                .contains(&pdf_support::squash(&tail)),
            "‘{}’: ‘{tail}’ niet op pagina {page}",
            s.title
        );
        checked += 1;
    }
    assert_eq!(checked, 9);
}
