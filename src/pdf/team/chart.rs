//! A scale item on the team sheet: a histogram with the count on each bar
//! and the step under it, the end labels each in their own half (wrapped,
//! never on top of each other) and the median beside it; a two-step scale
//! is a two-way split with its two words. A figure in the tagged PDF, its
//! alt text saying the same in words.

use crate::model::dutch_number;

use super::super::blocks::{BODY, Ink, SMALL, line_frags};
use super::super::flow::{Flow, Frag};
use super::super::font::{FontStyle, Fonts};
use super::super::geom::{Elem, Mm, Role, Tag, colors};
use super::super::wrap::{measure, plain};
use super::row_text;

/// Width of the median column right of a histogram.
const MEDIAN: Mm = Mm(34.0);
/// The narrowest column of a histogram.
const CELL: Mm = Mm(9.0);
/// Space between the two end labels.
const APART: Mm = Mm(4.0);

/// An end label in `width` from `x`, wrapped; set flush right when `right`.
fn label(fonts: &Fonts, text: &str, x: Mm, width: Mm, right: bool) -> Frag {
    let ink = Ink::new(SMALL, colors::MUTED);
    let mut all = Frag::default();
    for mut line in line_frags(fonts, &plain(text, FontStyle::Italic), ink, x, width) {
        if right {
            let end = line
                .elems
                .iter()
                .filter_map(|e| match e {
                    Elem::Text(t) => Some(t.x + t.width),
                    _ => None,
                })
                .fold(x, Mm::max);
            let dx = x + width - end;
            for e in &mut line.elems {
                e.translate(dx, Mm(0.0));
            }
        }
        all.stack(line);
    }
    all
}

/// The two end labels under a chart `width` wide from `x`: the left one
/// flush left in the left half, the right one flush right in the right
/// half. Returns the labels and their height.
fn ends(fonts: &Fonts, left: &str, right: &str, x: Mm, width: Mm) -> Frag {
    let half = (width - APART) * 0.5;
    let l = label(fonts, left, x, half, false);
    let r = label(fonts, right, x + half + APART, half, true);
    let mut f = Frag::new(l.height.max(r.height));
    f.elems.extend(l.elems);
    f.elems.extend(r.elems);
    f
}

/// The text of a count, centred on `mid`.
#[allow(clippy::too_many_arguments)]
fn centred(f: &mut Frag, fonts: &Fonts, mid: Mm, baseline: Mm, text: &str, style: FontStyle) {
    let w = measure(fonts, text, style, SMALL);
    let color = if style == FontStyle::Bold {
        colors::INK
    } else {
        colors::MUTED
    };
    f.text(fonts, mid - w * 0.5, baseline, text, style, SMALL, color);
}

/// "1 keer" / "3 keer".
fn times(n: usize) -> String {
    if n == 1 {
        "1 keer".to_owned()
    } else {
        format!("{n} keer")
    }
}

/// The row of a scale item: its text, then the chart.
pub fn scale(
    flow: &Flow,
    text: &str,
    left: &str,
    right: &str,
    counts: &[usize],
    median: Option<f32>,
) -> Frag {
    let mut f = row_text(flow, text, flow.geo.text_width());
    let x = flow.geo.left + Mm(4.0);
    let room = flow.geo.text_width() - Mm(4.0);
    let (mut chart, alt) = if counts.len() <= 2 {
        split(flow.fonts, left, right, counts, x, room)
    } else {
        histogram(flow.fonts, left, right, counts, median, x, room)
    };
    chart.wrap(Tag::alt(Role::Figure, &alt));
    chart.wrap(Tag::new(Role::TD));
    f.stack(chart);
    f.tagged(Role::TR)
}

/// Two steps: one bar split in the two shares, each side with its word
/// and count under it.
fn split(
    fonts: &Fonts,
    left: &str,
    right: &str,
    counts: &[usize],
    x: Mm,
    room: Mm,
) -> (Frag, String) {
    let a = counts.first().copied().unwrap_or(0);
    let b = counts.get(1).copied().unwrap_or(0);
    let total = (a + b).max(1) as f32;
    let width = room.min(Mm(120.0));
    let h = Mm(5.0);
    let mut f = Frag::new(Mm(1.5) + h + Mm(1.0));
    let top = Mm(1.5);
    f.rect(x, top, width, h, Some(colors::LIGHT), Some(colors::RULE));
    if a > 0 {
        f.rect(
            x,
            top,
            width * (a as f32 / total),
            h,
            Some(colors::ACCENT),
            None,
        );
    }
    let words = ends(
        fonts,
        &format!("{left}: {a}"),
        &format!("{right}: {b}"),
        x,
        width,
    );
    f.stack(words);
    f.height += Mm(2.0);
    let alt = format!("‘{left}’: {}, ‘{right}’: {}", times(a), times(b));
    (f, alt)
}

/// Three steps or more: a column per step, its count on the bar and the
/// step number under it; the end labels under the first and last step; the
/// median beside the chart.
#[allow(clippy::too_many_arguments)]
fn histogram(
    fonts: &Fonts,
    left: &str,
    right: &str,
    counts: &[usize],
    median: Option<f32>,
    x: Mm,
    room: Mm,
) -> (Frag, String) {
    let steps = counts.len() as f32;
    // Wide enough for both end labels on one line when the page allows it.
    let words = measure(fonts, left, FontStyle::Italic, SMALL)
        + measure(fonts, right, FontStyle::Italic, SMALL)
        + APART
        + Mm(2.0);
    let width = (CELL * steps).max(words).min(room - MEDIAN);
    let cell = Mm(width.0 / steps);
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let max_h = Mm(12.0);
    // Room for the count above the tallest bar.
    let axis = Mm(5.0) + max_h;
    let mut f = Frag::new(axis + Mm(5.5));
    for (i, n) in counts.iter().enumerate() {
        let cx = x + cell * i as f32;
        let h = max_h * (*n as f32 / most);
        f.rect(
            cx + Mm(1.0),
            axis - h,
            cell - Mm(2.0),
            h,
            Some(colors::ACCENT),
            None,
        );
        f.line(cx, axis, cx + cell, axis, 0.5, colors::RULE);
        let mid = cx + cell * 0.5;
        centred(
            &mut f,
            fonts,
            mid,
            axis - h - Mm(1.2),
            &n.to_string(),
            FontStyle::Bold,
        );
        centred(
            &mut f,
            fonts,
            mid,
            axis + Mm(4.2),
            &(i + 1).to_string(),
            FontStyle::Regular,
        );
    }
    let mut alt = format!(
        "Aantal per stap, van 1 (‘{left}’) tot {} (‘{right}’): ",
        counts.len()
    );
    let parts: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{}: {}", i + 1, times(*n)))
        .collect();
    alt.push_str(&parts.join(", "));
    if let Some(m) = median {
        let text = format!("mediaan {}", dutch_number(m));
        f.text(
            fonts,
            x + width + Mm(6.0),
            axis - max_h * 0.4,
            &text,
            FontStyle::Bold,
            BODY,
            colors::INK,
        );
        alt.push_str(&format!("; {text}"));
    }
    f.stack(ends(fonts, left, right, x, width));
    f.height += Mm(2.0);
    (f, alt)
}
