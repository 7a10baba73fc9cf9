//! The dia's: one slide per landscape page, like the screen (large title,
//! body, kernzin highlighted); optionally with the speaker notes beside it.

use crate::model::{Item, ItemKind, Slide, SlideLayout, Workshop};

use super::blocks::{Ink, rich, text_frag, title_frag};
use super::decorate::fit;
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Elem, Geometry, Mark, Mm, Page, Role, colors};
use super::wrap::{measure, plain};

/// The footer size: at least 9 pt, like everything a trainer reads.
const FOOTER: f32 = 9.5;

/// Body sizes tried, largest first, until the slide fits one page.
const SIZES: [f32; 7] = [22.0, 20.0, 18.0, 16.0, 14.0, 12.0, 11.0];

fn column(geo: Geometry, left: Mm, right: Mm) -> Geometry {
    Geometry { left, right, ..geo }
}

/// Lay out title and body in `geo` at body size `size`.
fn slide_flow(fonts: &Fonts, geo: Geometry, s: &Slide, size: f32) -> Vec<Page> {
    let mut flow = Flow::new(fonts, geo);
    // Slide text shrinks to fit rather than being hyphenated.
    flow.hyphenate = false;
    let x = geo.left;
    let mut bar = Frag::new(Mm(5.0));
    bar.rect(x, Mm(0.0), Mm(18.0), Mm(2.0), Some(colors::ACCENT), None);
    flow.add(bar);
    let title = Ink {
        size: title_size(size),
        color: colors::INK,
        leading: 1.15,
    };
    flow.add(
        title_frag(
            fonts,
            &plain(&s.title, FontStyle::Bold),
            title,
            x,
            geo.text_width(),
        )
        .tagged(Role::H2),
    );
    flow.gap(Mm(size * 0.3));
    let body = Ink {
        size,
        color: colors::INK,
        leading: 1.35,
    };
    let Some(picture) = &s.picture else {
        rich(&mut flow, &s.body, body, Mm(0.0));
        return flow.finish();
    };
    // The picture where the screen puts it (model::SlideLayout::resolved).
    match s.layout.resolved(&s.body) {
        SlideLayout::Beside => {
            // The text in the left part, the picture in the right 40 %, both
            // from under the title; a smaller text size is tried if needed.
            let gap = Mm(size * 0.5);
            let text_w = geo.text_width() * 0.6 - gap;
            let room = Mm(flow.remaining().0.max(35.0) - 0.5);
            let mut f = Frag::new(Mm(0.0));
            let pic_w = geo.text_width() - text_w - gap;
            f.picture(x + text_w + gap, Mm(0.0), pic_w, room, picture, alt_text(s));
            // The text starts beside the picture, not under it.
            f.height = Mm(0.0);
            flow.add(f);
            let whole = flow.geo;
            flow.geo = column(whole, whole.left, whole.left + text_w);
            rich(&mut flow, &s.body, body, Mm(0.0));
            flow.geo = whole;
        }
        layout => {
            // Below the text (Full: the picture alone under the title), at
            // least 35 mm high; if that does not fit, a smaller text size.
            if layout != SlideLayout::Full {
                rich(&mut flow, &s.body, body, Mm(0.0));
                flow.gap(Mm(size * 0.3));
            }
            let room = Mm(flow.remaining().0.max(35.0) - 0.5);
            // Centred, as on the screen.
            let w = geo.text_width().0.min(room.0 * picture.aspect());
            let centred = x + Mm((geo.text_width().0 - w) / 2.0);
            let mut f = Frag::new(Mm(0.0));
            let (_, h) = f.picture(centred, Mm(0.0), Mm(w), room, picture, alt_text(s));
            f.height = h;
            flow.add(f);
        }
    }
    flow.finish()
}

/// What the slide's picture shows, for a screen reader: its alt text, or
/// the slide's title when an older file gives none.
pub fn alt_text(s: &Slide) -> &str {
    if s.alt.trim().is_empty() {
        &s.title
    } else {
        &s.alt
    }
}

fn title_size(size: f32) -> f32 {
    (size * 1.45).min(30.0)
}

/// Whether every word of the slide fits on a line at `size`, so that none
/// has to be broken.
fn words_fit(fonts: &Fonts, s: &Slide, size: f32, width: Mm) -> bool {
    let fits = |text: &str, size: f32| {
        text.split_whitespace()
            .all(|w| measure(fonts, w, FontStyle::Bold, size) <= width * 0.97)
    };
    fits(&s.title, title_size(size)) && s.body.plain_lines().iter().all(|l| fits(l, size + 1.0))
}

/// The slide at the largest size that fits one page with no word broken
/// (or continued at the smallest).
fn fitted(fonts: &Fonts, geo: Geometry, s: &Slide) -> Vec<Page> {
    let mut pages = Vec::new();
    for size in SIZES {
        pages = slide_flow(fonts, geo, s, size);
        if pages.len() <= 1 && words_fit(fonts, s, size, geo.text_width() - Mm(12.0)) {
            break;
        }
    }
    pages
}

/// Speaker notes in a tinted column.
fn notes_column(fonts: &Fonts, geo: Geometry, s: &Slide) -> Vec<Page> {
    let mut pages = Vec::new();
    // Never below 9 pt: a trainer reads these standing.
    for size in [11.0, 10.0, 9.0] {
        let mut flow = Flow::new(fonts, geo);
        let mut label = Frag::new(Mm(7.0));
        label.text(
            fonts,
            geo.left,
            Mm(4.0),
            "Notities",
            FontStyle::Bold,
            9.5,
            colors::ACCENT,
        );
        flow.add(label.tagged(Role::H3));
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
            flow.add(f.tagged(Role::P));
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
        FOOTER,
        colors::MUTED,
    );
    let t = fit(
        fonts,
        title,
        FontStyle::Regular,
        FOOTER,
        geo.right - geo.left - w - Mm(10.0),
    );
    f.text(
        fonts,
        geo.left,
        y,
        &t,
        FontStyle::Regular,
        FOOTER,
        colors::MUTED,
    );
    page.elems.extend(f.tagged(Role::Artifact).elems);
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
    flow.add(
        title_frag(fonts, &plain(&w.title, FontStyle::Bold), title, x, width).tagged(Role::H1),
    );
    flow.gap(Mm(4.0));
    for (text, size) in [(&w.subtitle, 20.0), (&w.author, 14.0)] {
        if !text.trim().is_empty() {
            let ink = Ink::new(size, colors::MUTED);
            flow.add(
                text_frag(fonts, &plain(text, FontStyle::Regular), ink, x, width).tagged(Role::P),
            );
            flow.gap(Mm(3.0));
        }
    }
    flow.finish().into_iter().next().unwrap_or(Page {
        width: geo.width,
        height: geo.height,
        elems: Vec::new(),
    })
}

/// A slide beside its notes, on as many pages as the longer of the two.
fn with_notes_pages(fonts: &Fonts, geo: Geometry, s: &Slide) -> Vec<Page> {
    let split = geo.left + geo.text_width() * 0.6;
    let main = fitted(fonts, column(geo, geo.left, split - Mm(6.0)), s);
    let notes = notes_column(fonts, column(geo, split + Mm(6.0), geo.right), s);
    let count = main.len().max(notes.len());
    (0..count)
        .map(|i| {
            let mut page = Page {
                width: geo.width,
                height: geo.height,
                elems: vec![Elem::Rect {
                    x: split,
                    y: geo.top - Mm(4.0),
                    w: geo.right - split + Mm(3.0),
                    h: geo.bottom - geo.top + Mm(8.0),
                    fill: Some(colors::LIGHT),
                    stroke: None,
                }],
            };
            for src in [main.get(i), notes.get(i)].into_iter().flatten() {
                page.elems.extend(src.elems.iter().cloned());
            }
            page
        })
        .collect()
}

/// The title page (not numbered as a dia), then each slide on its own
/// page(s), footed "dia N van M" with the workshop's one numbering.
pub fn pages(fonts: &Fonts, w: &Workshop, with_notes: bool) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_LANDSCAPE;
    let mut out = vec![title_page(fonts, geo, w)];
    let mut marks = Vec::new();
    let total = w.count_of(ItemKind::Slide);
    let mut last_section = None;
    for r in w.item_refs() {
        let Some(Item::Slide(s)) = w.item(r) else {
            continue;
        };
        let first = out.len();
        if last_section != Some(r.section) {
            last_section = Some(r.section);
            if let Some(section) = w.sections.get(r.section) {
                marks.push(Mark {
                    title: section.title.clone(),
                    level: 1,
                    page: first,
                    y: geo.top,
                });
            }
        }
        let n = w.slide_number(r).unwrap_or_default();
        marks.push(Mark {
            title: format!("Dia {n}: {}", s.title),
            level: 2,
            page: first,
            y: geo.top,
        });
        let pages = if with_notes {
            with_notes_pages(fonts, geo, s)
        } else {
            fitted(fonts, geo, s)
        };
        for mut page in pages {
            footer(fonts, &mut page, geo, &w.title, n, total);
            out.push(page);
        }
    }
    (out, marks)
}
