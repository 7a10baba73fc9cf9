#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic
//! SVG pictures on the projector: each layout places the drawing where it
//! says, the drawing is labelled with its alt text, and it is rasterised at
//! the size it is drawn, once, not every frame.

use egui::Key;
use egui_kittest::kittest::{By, Queryable};
use kampvuur::app::{KampvuurApp, Paths};
use kampvuur::content::load_workshop;

use crate::common;
use crate::picture_svg::{LAT, folder};

const SLIDES: &str = r#"
Slide(title: "Naast de tekst", body: "- Kijk wat het kind nu kan.\n- Leg de lat daar net boven.", image: "plaatjes/lat.svg", alt: "Alt naast: de lat, te hoog en haalbaar."),
Slide(title: "Onder de tekst", body: "Een lat die net haalbaar is, geeft succes.", image: "plaatjes/lat.svg", alt: "Alt onder: de lat.", layout: Below),
Slide(title: "Alleen het plaatje", body: "Deze zin staat niet op het scherm.", image: "plaatjes/lat.svg", alt: "Alt groot: de lat.", layout: Full),
Slide(title: "Zonder tekst", image: "plaatjes/lat.svg", alt: "Alt zonder tekst: de lat."),
Slide(title: "Expres naast", body: "Kort.", image: "plaatjes/lat.svg", alt: "Alt expres naast.", layout: Beside),
"#;

/// The app presenting `SLIDES` (F5), on the first slide; the folder with the
/// drawing lives as long as the returned guard.
fn presenting() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, KampvuurApp>,
) {
    let dir = folder(SLIDES, &[("lat.svg", LAT.as_bytes())]);
    let w = load_workshop(&dir.path().join("workshop.ron")).unwrap();
    let app = KampvuurApp::new(w, None, Paths::default(), common::wall());
    let mut h = common::harness(app);
    h.run_steps(1);
    common::press(&mut h, Key::F5);
    (dir, h)
}

/// The `slide-svg` textures egui holds: (id, size).
fn svg_textures(h: &egui_kittest::Harness<'_, KampvuurApp>) -> Vec<(egui::TextureId, [usize; 2])> {
    h.ctx
        .tex_manager()
        .read()
        .allocated()
        .filter(|(_, meta)| meta.name == "slide-svg")
        .map(|(id, meta)| (*id, meta.size))
        .collect()
}

#[test]
fn each_layout_places_the_labelled_drawing() {
    let (_dir, mut h) = presenting();
    let screen = h.ctx.content_rect();

    // Auto with short text: beside it, on the right half.
    let text = h.get_by_label("Kijk wat het kind nu kan.").rect();
    let pic = h
        .get_by_label("Alt naast: de lat, te hoog en haalbaar.")
        .rect();
    assert!(pic.left() >= screen.center().x - 1.0, "{pic:?}");
    assert!(text.right() < pic.left(), "{text:?} {pic:?}");
    assert!(pic.width() > screen.width() * 0.35, "{pic:?}");

    // Below: under the text, centred.
    common::press(&mut h, Key::PageDown);
    let text = h
        .get_by_label("Een lat die net haalbaar is, geeft succes.")
        .rect();
    let pic = h.get_by_label("Alt onder: de lat.").rect();
    assert!(pic.top() > text.bottom(), "{text:?} {pic:?}");
    assert!((pic.center().x - screen.center().x).abs() < 40.0, "{pic:?}");
    assert!(pic.bottom() <= screen.bottom(), "{pic:?}");

    // Full: the title and the drawing, as large as fits; no body text.
    common::press(&mut h, Key::PageDown);
    assert!(
        h.query_by_label("Deze zin staat niet op het scherm.")
            .is_none()
    );
    let title = h.get_by_label("Alleen het plaatje").rect();
    let full = h.get_by_label("Alt groot: de lat.").rect();
    assert!(full.top() > title.bottom() && full.bottom() <= screen.bottom());
    assert!(full.height() > screen.height() * 0.6, "{full:?}");

    // Auto without text: alone, as large as Full.
    common::press(&mut h, Key::PageDown);
    let alone = h.get_by_label("Alt zonder tekst: de lat.").rect();
    assert!(
        (alone.height() - full.height()).abs() < 2.0,
        "{alone:?} {full:?}"
    );

    // Beside asked for explicitly.
    common::press(&mut h, Key::PageDown);
    let pic = h.get_by_label("Alt expres naast.").rect();
    assert!(pic.left() >= screen.center().x - 1.0, "{pic:?}");

    // The alt text is the image's label in the accessibility tree.
    h.get(
        By::new()
            .label("Alt expres naast.")
            .role(egui::accesskit::Role::Image),
    );
}

#[test]
fn the_drawing_is_rasterised_at_its_drawn_size_and_kept() {
    let (_dir, mut h) = presenting();
    let pic = h
        .get_by_label("Alt naast: de lat, te hoog en haalbaar.")
        .rect();
    let ppp = h.ctx.pixels_per_point();
    let textures = svg_textures(&h);
    let drawn = [
        (pic.width() * ppp).round() as usize,
        (pic.height() * ppp).round() as usize,
    ];
    assert!(
        textures.iter().any(|(_, size)| *size == drawn),
        "a texture of {drawn:?} among {textures:?}"
    );
    // More frames at the same size: the same textures, none made again.
    h.run_steps(5);
    assert_eq!(svg_textures(&h), textures);
    // Another size: the window is being dragged. The raster of a moment
    // ago is shown stretched, none is made every frame...
    common::advance(&mut h, 1.0);
    for width in [1300.0, 1400.0, 1500.0, 1920.0] {
        h.set_size(egui::vec2(width, 1080.0));
        h.run_steps(1);
    }
    let made = svg_textures(&h).len();
    assert!(made <= textures.len() + 1, "{made} rasters while dragging");
    // ...and once the size holds, one is made at the new size, crisp.
    common::advance(&mut h, 0.5);
    h.run_steps(1);
    let pic = h
        .get_by_label("Alt naast: de lat, te hoog en haalbaar.")
        .rect();
    let bigger = [
        (pic.width() * ppp).round() as usize,
        (pic.height() * ppp).round() as usize,
    ];
    assert!(bigger[0] > drawn[0], "{bigger:?} {drawn:?}");
    assert!(svg_textures(&h).iter().any(|(_, size)| *size == bigger));
    // At most a few sizes are kept.
    assert!(svg_textures(&h).len() <= 3);
}
