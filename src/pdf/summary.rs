//! The samenvatting: at most two A4 pages a teacher can pin up, with each
//! section's kernzin and the slides the workshop marks for the summary.

use crate::model::{Block, Checklist, Item, Slide, Workshop};

use super::DocKind;
use super::blocks::{Ink, doc_title, kernzin_frag, list_item, rich, title_frag};
use super::decorate::decorate;
use super::flow::Flow;
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mark, Mm, Page, Rgb, Role, colors};
use super::wrap::{from_inlines, plain};

/// At most this many pages.
pub const MAX_PAGES: usize = 2;

/// Body sizes tried, largest first, until the summary fits.
const SIZES: [f32; 4] = [11.0, 10.5, 10.0, 9.5];

/// The first kernzin of a section's slides, if any.
fn kernzin(items: &[Item]) -> Option<&[crate::model::Inline]> {
    items.iter().find_map(|i| match i {
        Item::Slide(s) => s.body.blocks().iter().find_map(|b| match b {
            Block::Kernzin(inl) => Some(inl.as_slice()),
            _ => None,
        }),
        _ => None,
    })
}

/// The slides of a section marked for the summary.
fn marked(items: &[Item]) -> impl Iterator<Item = &Slide> {
    items.iter().filter_map(|i| match i {
        Item::Slide(s) if s.summary => Some(s),
        _ => None,
    })
}

/// A compact heading that keeps with what follows it.
fn title(flow: &mut Flow, text: &str, size: f32, color: Rgb, before: Mm, level: u8) {
    let ink = Ink {
        size,
        color,
        leading: 1.25,
    };
    let (x, width) = (flow.geo.left, flow.geo.text_width());
    let role = flow.heading_role(level);
    let mut f = title_frag(flow.fonts, &plain(text, FontStyle::Bold), ink, x, width).tagged(role);
    f.height += Mm(0.8);
    flow.gap(before);
    flow.keep(f, 1);
}

/// The titles of a section's slides and cases: what it went over.
fn topics(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Slide(s) => Some(s.title.as_str()),
            Item::Case(c) => Some(c.title.as_str()),
            Item::Checklist(_) | Item::Timer(_) | Item::Break(_) => None,
        })
        .collect()
}

/// Whether any slide is marked for the summary (`summary: true`).
pub fn any_marked(w: &Workshop) -> bool {
    w.sections.iter().any(|s| marked(&s.items).next().is_some())
}

/// What `check` and the export say when nothing is marked.
pub fn warning(w: &Workshop) -> Option<String> {
    (!any_marked(w)).then(|| {
        "geen enkele dia heeft ‘summary: true’; de samenvatting bestaat nu uit de kernzinnen \
         van de onderdelen en de checklists (zet ‘summary: true’ bij de dia’s die erin horen)"
            .to_owned()
    })
}

/// Without marked slides: each checklist with its statements, as the
/// things to keep doing.
fn checklists(flow: &mut Flow, w: &Workshop, size: f32, bodies: bool) {
    let list: Vec<&Checklist> = w.checklists().collect();
    if list.is_empty() {
        return;
    }
    flow.mark("Checklists", 1);
    title(
        &mut *flow,
        "Checklists",
        size + 2.0,
        colors::INK,
        Mm(4.0),
        2,
    );
    let ink = Ink::new(size, colors::INK);
    let (x, width) = (flow.geo.left, flow.geo.text_width());
    for cl in list {
        title(flow, &cl.title, size + 0.5, colors::ACCENT, Mm(2.0), 3);
        if !bodies {
            continue;
        }
        flow.open(Role::L);
        for it in &cl.items {
            list_item(
                flow,
                "•",
                &plain(it.text(), FontStyle::Regular),
                ink,
                x,
                width,
            );
        }
        flow.close();
    }
}

/// How much of the marked slides the summary holds, most first: their text
/// with the picture at a height (mm; 0 = without it), or their titles only.
const DETAILS: [(bool, f32); 5] = [
    (true, 50.0),
    (true, 40.0),
    (true, 32.0),
    (true, 0.0),
    (false, 0.0),
];

fn lay_out(
    fonts: &Fonts,
    w: &Workshop,
    size: f32,
    (bodies, picture_mm): (bool, f32),
) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    doc_title(&mut flow, DocKind::Summary.title(), &w.title);
    flow.gap(Mm(2.0));
    let ink = Ink::new(size, colors::INK);
    let (x, width) = (geo.left, geo.text_width());
    let fallback = !any_marked(w);
    for s in &w.sections {
        let core = kernzin(&s.items);
        let slides: Vec<&Slide> = marked(&s.items).collect();
        // Without marked slides, each section says what it went over.
        let topics: Vec<&str> = if fallback {
            topics(&s.items)
        } else {
            Vec::new()
        };
        if core.is_none() && slides.is_empty() && topics.is_empty() {
            continue;
        }
        flow.mark(&s.title, 1);
        title(&mut flow, &s.title, size + 2.0, colors::INK, Mm(4.0), 2);
        if let Some(inl) = core {
            flow.add(kernzin_frag(fonts, &from_inlines(inl), ink, x, width, true));
            flow.gap(Mm(1.0));
        }
        if bodies && !topics.is_empty() {
            flow.open(Role::L);
            for t in topics {
                list_item(&mut flow, "•", &plain(t, FontStyle::Regular), ink, x, width);
            }
            flow.close();
        }
        for slide in slides {
            // A slide stays together: title, text and picture on one page.
            flow.unit(0.5, |flow| {
                title(flow, &slide.title, size + 0.5, colors::ACCENT, Mm(2.0), 3);
                if bodies {
                    // The kernzin already stands above; the rest of the slide here.
                    let rest = crate::model::RichText::parse(&without_kernzin(slide));
                    match slide.picture.as_ref().filter(|_| picture_mm > 0.0) {
                        Some(picture) => beside(flow, slide, picture, &rest, ink, picture_mm),
                        None => rich(flow, &rest, ink, Mm(0.0)),
                    }
                }
            });
        }
    }
    if fallback {
        checklists(&mut flow, w, size, bodies);
    }
    flow.finish_marked()
}

/// The slide's picture on the left, `height_mm` high at most (a third of the
/// width), and its text beside it; what follows starts below both.
fn beside(
    flow: &mut Flow,
    slide: &Slide,
    picture: &crate::model::Picture,
    text: &crate::model::RichText,
    ink: Ink,
    height_mm: f32,
) {
    let (x, width) = (flow.geo.left, flow.geo.text_width());
    let mut f = super::flow::Frag::new(Mm(0.0));
    let alt = super::slides::alt_text(slide);
    let (w, h) = f.picture(x, Mm(1.0), width * 0.34, Mm(height_mm), picture, alt);
    let indent = w + Mm(5.0);
    let text_h = flow.measure(|fl| rich(fl, text, ink, indent));
    // The text starts beside the picture, not under it.
    f.height = Mm(0.0);
    flow.add(f);
    rich(flow, text, ink, indent);
    let below = h.0 + 3.0 - text_h.0;
    if below > 0.0 {
        flow.gap(Mm(below));
    }
}

/// The slide's text without its kernzin lines ("> …").
fn without_kernzin(s: &Slide) -> String {
    s.body
        .source()
        .lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary at the largest size that fits [`MAX_PAGES`] pages: first
/// with the marked slides' pictures smaller, then without them; when the
/// marked slides are too many even then, their titles only (and `kampvuur
/// check` tells the author).
pub fn pages(fonts: &Fonts, w: &Workshop) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut out = (Vec::new(), Vec::new());
    'fit: for detail in DETAILS {
        for size in SIZES {
            out = lay_out(fonts, w, size, detail);
            if out.0.len() <= MAX_PAGES {
                break 'fit;
            }
        }
    }
    out.0.truncate(MAX_PAGES);
    out.1.retain(|m| m.page < MAX_PAGES);
    decorate(
        fonts,
        &mut out.0,
        geo,
        &w.title,
        DocKind::Summary.title(),
        0,
    );
    out
}
