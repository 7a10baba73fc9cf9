#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! SVG slide pictures: loaded as vector drawings, with limits, refused when
//! they reach outside their file, and reported with line and column.

use kampvuur::content::load_workshop;
use kampvuur::model::{Item, Picture, Vector};

use crate::common;

/// The test drawing: a bar too high and one within reach, with text.
pub const LAT: &str = include_str!("fixtures/plaatjes/lat.svg");

/// A workshop folder with `slides` (RON items) and `plaatjes/<name>` files.
pub fn folder(slides: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ron = format!(
        "Workshop(title: \"Plaatjes\", sections: [(title: \"De lat\", minutes: 20, items: [\n{slides}\n])])"
    );
    std::fs::write(dir.path().join("workshop.ron"), ron).unwrap();
    std::fs::create_dir_all(dir.path().join("plaatjes")).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join("plaatjes").join(name), bytes).unwrap();
    }
    dir
}

/// One slide with image `plaatjes/x.svg` holding `svg`; the loader's error
/// text (the test fails when it loads).
fn refused(svg: &str) -> String {
    let dir = folder(
        r#"Slide(title: "Dia", body: "tekst", image: "plaatjes/x.svg", alt: "Een tekening.")"#,
        &[("x.svg", svg.as_bytes())],
    );
    match load_workshop(&dir.path().join("workshop.ron")) {
        Ok(_) => panic!("loaded: {svg}"),
        Err(e) => e.to_string(),
    }
}

/// The drawings of the slides of a loaded workshop.
pub fn vectors(dir: &std::path::Path) -> Vec<Vector> {
    let w = load_workshop(&dir.join("workshop.ron")).unwrap();
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

const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">"#;

#[test]
fn an_svg_loads_as_a_drawing_with_its_own_aspect() {
    let dir = folder(
        r#"Slide(title: "De lat", image: "plaatjes/lat.svg", alt: "De lat, te hoog en haalbaar.")"#,
        &[("lat.svg", LAT.as_bytes())],
    );
    let v = vectors(dir.path());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].size(), (400.0, 300.0));
    assert_eq!(Picture::Vector(v[0].clone()).aspect(), 400.0 / 300.0);
}

#[test]
fn an_image_needs_a_description() {
    let dir = folder(
        r#"Slide(title: "De lat", image: "plaatjes/lat.svg")"#,
        &[("lat.svg", LAT.as_bytes())],
    );
    let err = load_workshop(&dir.path().join("workshop.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("heeft een beschrijving nodig: alt:"), "{err}");
    assert!(err.contains("workshop.ron:2:"), "{err}");
}

#[test]
fn broken_xml_is_reported_with_line_and_column() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <g>\n    <rect width=\"5\" height=\"5\"/>\n  </svg>\n";
    let err = refused(svg);
    assert!(
        err.contains("‘plaatjes/x.svg’ op 4:3 (regel 4, kolom 3)"),
        "{err}"
    );
    assert!(err.contains("geen geldige XML"), "{err}");
    assert!(err.contains("</svg> past niet bij <g>"), "{err}");
    // A file that stops half-way, and one that is not text at all.
    let cut = refused("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1");
    assert!(cut.contains("op 2:"), "{cut}");
    let binary = refused("<svg>\n\u{0}\u{1}");
    assert!(binary.contains("regel 2"), "{binary}");
}

#[test]
fn kampvuur_check_names_the_file_and_position_in_dutch() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect width=\"5\" height=\"5\">\n</svg>\n";
    let dir = folder(
        r#"Slide(title: "Kapot", image: "plaatjes/kapot.svg", alt: "Een kapotte tekening.")"#,
        &[("kapot.svg", svg.as_bytes())],
    );
    let out = common::kampvuur_in(&["check", "workshop.ron"], dir.path());
    let err = common::stderr_of(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("afbeelding ‘plaatjes/kapot.svg’ op 3:1"),
        "{err}"
    );
    assert!(err.contains("sluittag"), "{err}");
}

#[test]
fn limits_refuse_huge_deep_and_repeating_drawings() {
    let big = format!("{HEAD}<!-- {} --></svg>", "x".repeat(2 * 1024 * 1024 + 1));
    assert!(refused(&big).contains("te groot"));

    let deep = format!("{HEAD}{}{}</svg>", "<g>".repeat(60), "</g>".repeat(60));
    let err = refused(&deep);
    assert!(err.contains("te diep genest"), "{err}");
    assert!(err.contains("op 1:"), "{err}");

    let many = format!(
        "{HEAD}{}</svg>",
        "<rect width=\"1\" height=\"1\"/>".repeat(20_001)
    );
    assert!(refused(&many).contains("te veel elementen"));

    // Ten levels of ten <use> each: ten billion rectangles after expansion.
    let mut bomb = format!("{HEAD}<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>");
    for level in 1..=10 {
        bomb += &format!("<g id=\"l{level}\">");
        for _ in 0..10 {
            bomb += &format!("<use href=\"#l{}\"/>", level - 1);
        }
        bomb += "</g>";
    }
    bomb += "</defs><use href=\"#l10\"/></svg>";
    let err = refused(&bomb);
    assert!(err.contains("te veel elementen"), "{err}");

    for size in [
        "width=\"1e9\" height=\"10\"",
        "viewBox=\"0 0 1000 10\"",
        "width=\"0.001\" height=\"0.001\"",
    ] {
        let err = refused(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" {size}/>"
        ));
        assert!(
            err.contains("kampvuur leest tekeningen van 1 tot 100000 pixels"),
            "{size}: {err}"
        );
    }

    let looped = format!("{HEAD}<g id=\"a\"><use href=\"#a\"/></g></svg>");
    assert!(refused(&looped).contains("naar zichzelf"));
}

#[test]
fn nothing_outside_the_file_is_opened() {
    for svg in [
        format!("{HEAD}<use href=\"ander.svg#a\"/></svg>"),
        format!("{HEAD}<use xlink:href=\"https://example.org/a.svg#a\"/></svg>"),
        format!("{HEAD}<a href=\"https://example.org\"><rect width=\"1\" height=\"1\"/></a></svg>"),
        format!(
            "{HEAD}<rect width=\"1\" height=\"1\" fill=\"url(https://example.org/p.svg#p)\"/></svg>"
        ),
        format!("{HEAD}<rect width=\"1\" height=\"1\" style=\"fill: url('/etc/x.svg#p')\"/></svg>"),
        format!("{HEAD}<style>@import url(\"https://example.org/s.css\");</style></svg>"),
    ] {
        let err = refused(&svg);
        assert!(err.contains("buiten het bestand"), "{svg}: {err}");
    }
    // A reference inside the file is fine.
    let inside = format!(
        "{HEAD}<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient></defs>\
         <rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><use href=\"#g\"/></svg>"
    );
    let dir = folder(
        r#"Slide(title: "Dia", image: "plaatjes/x.svg", alt: "Een rechthoek.")"#,
        &[("x.svg", inside.as_bytes())],
    );
    assert_eq!(vectors(dir.path()).len(), 1);
}

#[test]
fn scripts_foreign_objects_images_and_filters_are_refused() {
    let cases = [
        ("<script>alert(1)</script>", "scripts"),
        (
            "<rect width=\"1\" height=\"1\" onclick=\"alert(1)\"/>",
            "onclick",
        ),
        (
            "<foreignObject width=\"10\" height=\"10\"><p xmlns=\"http://www.w3.org/1999/xhtml\">hoi</p></foreignObject>",
            "foreignObject",
        ),
        (
            "<image width=\"10\" height=\"10\" href=\"data:image/png;base64,iVBORw0KGgo=\"/>",
            "<image>",
        ),
        (
            "<filter id=\"f\"><feGaussianBlur stdDeviation=\"2\"/></filter>",
            "filters",
        ),
        (
            "<rect width=\"1\" height=\"1\" style=\"filter: blur(2px)\"/>",
            "filters",
        ),
    ];
    // Two problems: the first in the file is told.
    let two = refused(&format!("{HEAD}\n<script/>\n<foreignObject/></svg>"));
    assert!(two.contains("op 2:1") && two.contains("scripts"), "{two}");
    for (part, says) in cases {
        let err = refused(&format!("{HEAD}\n{part}</svg>"));
        assert!(err.contains(says), "{part}: {err}");
        assert!(err.contains("op 2:1"), "{part}: {err}");
    }
}

#[test]
fn an_svg_outside_the_workshop_folder_is_refused() {
    let dir = folder(
        r#"Slide(title: "Dia", image: "../lat.svg", alt: "De lat.")"#,
        &[],
    );
    let err = load_workshop(&dir.path().join("workshop.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("buiten de map van de workshop"), "{err}");
}

#[test]
fn text_is_drawn_with_our_font_whatever_family_is_asked() {
    let text = |family: &str| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 40\">\
             <text x=\"4\" y=\"30\" font-size=\"24\"{family}>Vurig kind</text></svg>"
        )
    };
    let asked = [
        text(" font-family=\"Atkinson Hyperlegible Next\""),
        text(" font-family=\"Comic Sans MS\""),
        text(" font-family=\"serif\""),
        text(" font-family=\"monospace\""),
        text(""),
    ];
    let files: Vec<(String, Vec<u8>)> = asked
        .iter()
        .enumerate()
        .map(|(i, svg)| (format!("t{i}.svg"), svg.clone().into_bytes()))
        .collect();
    let slides: Vec<String> = (0..asked.len())
        .map(|i| format!("Slide(title: \"T{i}\", image: \"plaatjes/t{i}.svg\", alt: \"Tekst.\"),"))
        .collect();
    let borrowed: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = folder(&slides.join("\n"), &borrowed);
    let drawn: Vec<egui::ColorImage> = vectors(dir.path())
        .iter()
        .map(|v| kampvuur::ui::slide_view::rasterise(v, 400, 80))
        .collect();
    assert_eq!(drawn.len(), asked.len());
    let inked = drawn[0].pixels.iter().filter(|p| p.a() > 128).count();
    assert!(inked > 1000, "the text is drawn: {inked} pixels");
    for (i, d) in drawn.iter().enumerate().skip(1) {
        assert!(
            d.pixels == drawn[0].pixels,
            "{} is drawn in another font",
            asked[i]
        );
    }
}
