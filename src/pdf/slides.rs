//! The dia's: one slide per landscape page, like the screen (large title,
//! body, kernzin highlighted); optionally with the speaker notes beside it.

use crate::model::{Item, Slide, Workshop};

use super::blocks::{Ink, rich, text_frag};
use super::decorate::fit;
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Elem, Geometry, Mm, Page, colors};
use super::wrap::plain;

/// Body sizes tried, largest first, until the slide fits one page.
const SIZES: [f32; 7] = [22.0, 20.0, 18.0, 16.0, 14.0, 12.0, 11.0];

fn column(geo: Geometry, left: Mm, right: Mm) -> Geometry {
    Geometry { left, right, ..geo }
}

/// Lay out title and body in `geo` at body size `size`.
fn slide_flow(fonts: &Fonts, geo: Geometry, s: &Slide, size: f32) -> Vec<Page> {
    let mut flow = Flow::new(fonts, geo);
    let x = geo.left;
    let mut bar = Frag::new(Mm(5.0));
    bar.rect(x, Mm(0.0), Mm(18.0), Mm(2.0), Some(colors::ACCENT), None);
    flow.add(bar);
    let title = Ink {
        size: (size * 1.45).min(30.0),
        color: colors::INK,
        leading: 1.15,
    };
    flow.add(text_frag(
        fonts,
        &plain(&s.title, FontStyle::Bold),
        title,
        x,
        geo.text_width(),
    ));
    flow.gap(Mm(size * 0.3));
    let body = Ink {
        size,
        color: colors::INK,
        leading: 1.35,
    };
    rich(&mut flow, &s.body, body, Mm(0.0));
    if let Some(picture) = &s.picture {
        // The picture takes the room left under the text, at least 35 mm
        // high; if that does not fit, a smaller text size is tried.
        flow.gap(Mm(size * 0.3));
        let room = Mm(flow.remaining().0.max(35.0) - 0.5);
        let mut f = Frag::new(Mm(0.0));
        let (_, h) = f.picture(x, Mm(0.0), geo.text_width(), room, picture);
        f.height = h;
        flow.add(f);
    }
    flow.finish()
}

/// The slide at the largest size that fits one page (or continued at the smallest).
fn fitted(fonts: &Fonts, geo: Geometry, s: &Slide) -> Vec<Page> {
    let mut pages = Vec::new();
    for size in SIZES {
        pages = slide_flow(fonts, geo, s, size);
        if pages.len() <= 1 {
            break;
        }
    }
    pages
}

/// Speaker notes in a tinted column.
fn notes_column(fonts: &Fonts, geo: Geometry, s: &Slide) -> Vec<Page> {
    let mut pages = Vec::new();
    for size in [11.0, 10.0, 9.0, 8.0] {
        let mut flow = Flow::new(fonts, geo);
        let mut label = Frag::new(Mm(7.0));
        label.text(
            fonts,
            geo.left,
            Mm(4.0),
            "Notities",
            FontStyle::Bold,
            9.0,
            colors::ACCENT,
        );
        flow.add(label);
        if s.notes.is_empty() {
            let mut f = Frag::new(Mm(6.0));
            f.text(
                fonts,
                geo.left,
                Mm(4.0),
                "Geen notities bij deze dia.",
                FontStyle::Italic,
                size,
                colors::MUTED,
            );
            flow.add(f);
        }
        rich(&mut flow, &s.notes, Ink::new(size, colors::INK), Mm(0.0));
        pages = flow.finish();
        if pages.len() <= 1 {
            break;
        }
    }
    pages
}

fn footer(fonts: &Fonts, page: &mut Page, geo: Geometry, title: &str, n: usize, total: usize) {
    let y = geo.height - geo.margin - Mm(1.5);
    let mut f = Frag::default();
    let w = f.text_right(
        fonts,
        geo.right,
        y,
        &format!("dia {n} van {total}"),
        FontStyle::Regular,
        8.5,
        colors::MUTED,
    );
    let t = fit(
        fonts,
        title,
        FontStyle::Regular,
        8.5,
        geo.right - geo.left - w - Mm(10.0),
    );
    f.text(
        fonts,
        geo.left,
        y,
        &t,
        FontStyle::Regular,
        8.5,
        colors::MUTED,
    );
    page.elems.extend(f.elems);
}

fn title_page(fonts: &Fonts, geo: Geometry, w: &Workshop) -> Page {
    let mut flow = Flow::new(fonts, geo);
    flow.set_y(Mm(60.0));
    let x = geo.left;
    let width = geo.text_width();
    let mut bar = Frag::new(Mm(8.0));
    bar.rect(x, Mm(0.0), Mm(26.0), Mm(2.6), Some(colors::ACCENT), None);
    flow.add(bar);
    let title = Ink {
        size: 36.0,
        color: colors::INK,
        leading: 1.15,
    };
    flow.add(text_frag(
        fonts,
        &plain(&w.title, FontStyle::Bold),
        title,
        x,
        width,
    ));
    flow.gap(Mm(4.0));
    for (text, size) in [(&w.subtitle, 20.0), (&w.author, 14.0)] {
        if !text.trim().is_empty() {
            let ink = Ink::new(size, colors::MUTED);
            flow.add(text_frag(
                fonts,
                &plain(text, FontStyle::Regular),
                ink,
                x,
                width,
            ));
            flow.gap(Mm(3.0));
        }
    }
    flow.finish().into_iter().next().unwrap_or(Page {
        width: geo.width,
        height: geo.height,
        elems: Vec::new(),
    })
}

pub fn pages(fonts: &Fonts, w: &Workshop, with_notes: bool) -> Vec<Page> {
    let geo = Geometry::A4_LANDSCAPE;
    let mut out = vec![title_page(fonts, geo, w)];
    for it in w.items() {
        let Item::Slide(s) = it else { continue };
        if with_notes {
            let split = geo.left + geo.text_width() * 0.6;
            let main = fitted(fonts, column(geo, geo.left, split - Mm(6.0)), s);
            let notes_geo = column(geo, split + Mm(6.0), geo.right);
            let notes = notes_column(fonts, notes_geo, s);
            let count = main.len().max(notes.len());
            for i in 0..count {
                let mut page = Page {
                    width: geo.width,
                    height: geo.height,
                    elems: Vec::new(),
                };
                page.elems.push(Elem::Rect {
                    x: split,
                    y: geo.top - Mm(4.0),
                    w: geo.right - split + Mm(3.0),
                    h: geo.bottom - geo.top + Mm(8.0),
                    fill: Some(colors::LIGHT),
                    stroke: None,
                });
                for src in [main.get(i), notes.get(i)].into_iter().flatten() {
                    page.elems.extend(src.elems.iter().cloned());
                }
                out.push(page);
            }
        } else {
            out.extend(fitted(fonts, geo, s));
        }
    }
    let total = out.len();
    for (i, page) in out.iter_mut().enumerate().skip(1) {
        footer(fonts, page, geo, &w.title, i + 1, total);
    }
    out
}
