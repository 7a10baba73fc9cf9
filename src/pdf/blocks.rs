//! Building blocks shared by the documents: headings, rich text, kernzin,
//! ruled writing lines.

use crate::model::{Block, RichText};

use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Elem, Mm, Rgb, Role, Tag, TextRun, colors};
use super::wrap::{Piece, from_inlines, plain, wrap_with};

mod lists;

pub use lists::{cell_right, label_first, lead_row, list_item};

pub const BODY: f32 = 11.0;
pub const SMALL: f32 = 9.5;
pub const LEADING: f32 = 1.45;

/// Text settings for a block of lines.
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub size: f32,
    pub color: Rgb,
    pub leading: f32,
}

impl Ink {
    pub const BODY: Ink = Ink {
        size: BODY,
        color: colors::INK,
        leading: LEADING,
    };

    pub fn new(size: f32, color: Rgb) -> Self {
        Self {
            size,
            color,
            leading: LEADING,
        }
    }

    pub fn line_height(&self) -> Mm {
        Mm::from_pt(self.size * self.leading)
    }

    /// Baseline offset from the top of a line box.
    pub fn baseline(&self) -> Mm {
        Mm::from_pt(self.size * self.leading * 0.5 + self.size * 0.3)
    }
}

/// Wrap `pieces` into `width` and return one fragment per line, at `x`.
pub fn line_frags(fonts: &Fonts, pieces: &[Piece], ink: Ink, x: Mm, width: Mm) -> Vec<Frag> {
    line_frags_with(fonts, pieces, ink, x, width, true)
}

/// [`line_frags`], with or without hyphenation.
pub fn line_frags_with(
    fonts: &Fonts,
    pieces: &[Piece],
    ink: Ink,
    x: Mm,
    width: Mm,
    hyphenate: bool,
) -> Vec<Frag> {
    wrap_with(fonts, pieces, ink.size, width, hyphenate)
        .into_iter()
        .map(|line| {
            let mut f = Frag::new(ink.line_height());
            for run in line.runs {
                f.elems.push(Elem::Text(TextRun {
                    x: x + run.x,
                    y: ink.baseline(),
                    size: ink.size,
                    font: run.style,
                    color: ink.color,
                    text: run.text,
                    width: run.width,
                }));
            }
            f
        })
        .collect()
}

/// Lines stacked into one fragment.
fn stacked(lines: Vec<Frag>) -> Frag {
    let mut all = Frag::default();
    for f in lines {
        all.stack(f);
    }
    all
}

/// All lines of `pieces` as one fragment.
pub fn text_frag(fonts: &Fonts, pieces: &[Piece], ink: Ink, x: Mm, width: Mm) -> Frag {
    stacked(line_frags(fonts, pieces, ink, x, width))
}

/// A heading or title as one fragment: not hyphenated. A word wider than
/// the line sets the heading smaller (to 70 % at the least); a word still
/// too wide then is hyphenated, never cut.
pub fn title_frag(fonts: &Fonts, pieces: &[Piece], ink: Ink, x: Mm, width: Mm) -> Frag {
    let widest = |size: f32| {
        pieces
            .iter()
            .flat_map(|p| {
                p.text
                    .split_whitespace()
                    .map(move |w| super::wrap::measure(fonts, w, p.style, size))
            })
            .fold(Mm(0.0), Mm::max)
    };
    let wide = widest(ink.size);
    if wide <= width {
        return stacked(line_frags_with(fonts, pieces, ink, x, width, false));
    }
    let size = (ink.size * width.0 / wide.0.max(0.1)).max(ink.size * 0.7);
    let smaller = Ink { size, ..ink };
    let hyphenate = widest(size) > width;
    stacked(line_frags_with(fonts, pieces, smaller, x, width, hyphenate))
}

/// A heading: level 1 (section), 2 (item) or 3 (small caps label).
pub fn heading(flow: &mut Flow, text: &str, level: u8) {
    let (size, style, color, before, after) = match level {
        1 => (20.0, FontStyle::Bold, colors::INK, 4.0, 3.0),
        2 => (14.0, FontStyle::Bold, colors::INK, 6.0, 1.5),
        _ => (11.5, FontStyle::Bold, colors::ACCENT, 4.0, 1.0),
    };
    // A heading never stands with less than three lines of its content
    // (or one thing as tall) under it at the foot of a page.
    let keep = 3;
    let ink = Ink {
        size,
        color,
        leading: 1.25,
    };
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let mut f = Frag::default();
    if level == 1 {
        let mut bar = Frag::new(Mm(4.0));
        bar.rect(x, Mm(0.0), Mm(14.0), Mm(1.6), Some(colors::ACCENT), None);
        f.stack(bar);
    }
    let role = flow.heading_role(level);
    f.stack(title_frag(flow.fonts, &plain(text, style), ink, x, width).tagged(role));
    f.stack(Frag::new(Mm(after)));
    flow.gap(Mm(before));
    flow.keep(f, keep);
}

/// The title block of a document: accent bar, document name, workshop title.
pub fn doc_title(flow: &mut Flow, doc: &str, title: &str) {
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let mut f = Frag::new(Mm(9.0));
    f.rect(x, Mm(0.0), Mm(22.0), Mm(2.2), Some(colors::ACCENT), None);
    let n = f.elems.len();
    f.text(
        fonts,
        x,
        Mm(8.0),
        doc,
        FontStyle::Bold,
        12.0,
        colors::ACCENT,
    );
    f.wrap_from(n, Tag::new(Role::P));
    flow.add(f);
    let ink = Ink {
        size: 24.0,
        color: colors::INK,
        leading: 1.2,
    };
    let role = flow.heading_role(1);
    flow.add(title_frag(fonts, &plain(title, FontStyle::Bold), ink, x, width).tagged(role));
}

/// A small muted line (meta information under a heading).
pub fn meta(flow: &mut Flow, text: &str) {
    let x = flow.geo.left;
    let w = flow.geo.text_width();
    let ink = Ink::new(SMALL, colors::MUTED);
    // Part of the heading above it: it keeps with what the heading keeps with.
    let mut f = Frag::default();
    for line in line_frags(flow.fonts, &plain(text, FontStyle::Italic), ink, x, w) {
        f.stack(line);
    }
    f.height += Mm(1.5);
    flow.keep(f.tagged(Role::P), 0);
}

/// A small muted remark that stands for content ("Geen sprekersnotities."):
/// unlike [`meta`], it is what a heading keeps with.
pub fn note(flow: &mut Flow, text: &str) {
    let x = flow.geo.left;
    let w = flow.geo.text_width();
    let ink = Ink::new(SMALL, colors::MUTED);
    let lines = line_frags(flow.fonts, &plain(text, FontStyle::Italic), ink, x, w);
    flow.open(Role::P);
    flow.lines(lines);
    flow.close();
    flow.gap(Mm(1.5));
}

/// A paragraph of body text.
pub fn paragraph(flow: &mut Flow, pieces: &[Piece], ink: Ink, indent: Mm) {
    let x = flow.geo.left + indent;
    let w = flow.geo.text_width() - indent;
    let hyphenate = flow.hyphenate;
    flow.open(Role::P);
    flow.lines(line_frags_with(flow.fonts, pieces, ink, x, w, hyphenate));
    flow.close();
}

/// The key sentence: bold, on a tinted band with an accent bar.
pub fn kernzin_frag(
    fonts: &Fonts,
    pieces: &[Piece],
    ink: Ink,
    x: Mm,
    width: Mm,
    hyphenate: bool,
) -> Frag {
    let pad = Mm(3.5);
    let bold: Vec<Piece> = pieces
        .iter()
        .map(|p| {
            let style = match p.style {
                FontStyle::Italic | FontStyle::BoldItalic => FontStyle::BoldItalic,
                _ => FontStyle::Bold,
            };
            Piece::new(p.text.clone(), style)
        })
        .collect();
    let mut f = Frag::default();
    let band = |h: Mm, f: &mut Frag| {
        let mut b = Frag::new(h);
        b.rect(x, Mm(0.0), width, h, Some(colors::TINT), None);
        b.rect(x, Mm(0.0), Mm(1.5), h, Some(colors::ACCENT), None);
        f.stack(b);
    };
    band(pad * 0.7, &mut f);
    for line in line_frags_with(
        fonts,
        &bold,
        ink,
        x + pad + Mm(2.0),
        width - pad * 2.0 - Mm(2.0),
        hyphenate,
    ) {
        let h = line.height;
        let mut b = Frag::new(h);
        b.rect(x, Mm(0.0), width, h, Some(colors::TINT), None);
        b.rect(x, Mm(0.0), Mm(1.5), h, Some(colors::ACCENT), None);
        b.elems.extend(line.elems);
        f.stack(b);
    }
    band(pad * 0.7, &mut f);
    f.tagged(Role::P)
}

/// Rich text as paragraphs, lists and kernzin.
pub fn rich(flow: &mut Flow, text: &RichText, ink: Ink, indent: Mm) {
    let fonts = flow.fonts;
    let x = flow.geo.left + indent;
    let width = flow.geo.text_width() - indent;
    let para_gap = Mm::from_pt(ink.size * 0.55);
    for block in text.blocks() {
        match block {
            // A paragraph all in bold is a small heading ("**Je loopt tien
            // minuten uit**"): it keeps with three lines of what follows.
            Block::Paragraph(inl)
                if inl.iter().all(|i| i.style.bold || i.text.trim().is_empty()) =>
            {
                let hyphenate = flow.hyphenate;
                let lines = line_frags_with(fonts, &from_inlines(inl), ink, x, width, hyphenate);
                flow.keep(stacked(lines).tagged(Role::P), 3);
                flow.gap(para_gap);
            }
            Block::Paragraph(inl) => {
                paragraph(flow, &from_inlines(inl), ink, indent);
                flow.gap(para_gap);
            }
            Block::Bullets(items) => {
                flow.open(Role::L);
                for item in items {
                    list_item(flow, "•", &from_inlines(item), ink, x, width);
                }
                flow.close();
                flow.gap(para_gap);
            }
            Block::Numbered { start, items } => {
                flow.open(Role::L);
                for (i, item) in items.iter().enumerate() {
                    let n = start.saturating_add(i as u64);
                    list_item(flow, &format!("{n}."), &from_inlines(item), ink, x, width);
                }
                flow.close();
                flow.gap(para_gap);
            }
            Block::Kernzin(inl) => {
                flow.gap(Mm(1.0));
                let ink = Ink {
                    size: ink.size + 1.0,
                    ..ink
                };
                let pieces = from_inlines(inl);
                let hyphenate = flow.hyphenate;
                flow.add(kernzin_frag(fonts, &pieces, ink, x, width, hyphenate));
                flow.gap(para_gap + Mm(1.0));
            }
        }
    }
}

/// The distance between two writing lines (at least 8 mm).
pub const PITCH: Mm = Mm(8.5);

/// `n` ruled lines to write on, `x` to `x + width`.
pub fn ruled(n: usize, x: Mm, width: Mm) -> Frag {
    let pitch = PITCH;
    let mut f = Frag::new(pitch * n as f32 + Mm(1.5));
    for i in 1..=n {
        let y = pitch * i as f32;
        f.line(x, y, x + width, y, 0.5, colors::RULE);
    }
    f
}

/// A label followed by a filled-in value or a line to write on.
pub fn field(fonts: &Fonts, label: &str, value: Option<&str>, x: Mm, width: Mm) -> Frag {
    let h = Mm(11.0);
    let mut f = Frag::new(h);
    let base = Mm(7.0);
    f.open(Tag::new(Role::P));
    // The space keeps label and value two words when the text is read out.
    let spaced = format!("{label} ");
    let lw = f.text(
        fonts,
        x,
        base,
        &spaced,
        FontStyle::Bold,
        BODY,
        colors::MUTED,
    );
    let vx = x + lw.max(Mm(24.0)) + Mm(3.0);
    match value {
        Some(v) if !v.trim().is_empty() => {
            let v = super::decorate::fit(fonts, v, FontStyle::Regular, 12.0, x + width - vx);
            f.text(fonts, vx, base, &v, FontStyle::Regular, 12.0, colors::INK);
        }
        _ => f.line(
            vx,
            base + Mm(1.2),
            x + width,
            base + Mm(1.2),
            0.6,
            colors::RULE,
        ),
    }
    f.close();
    f
}
