//! Checklists on paper: boxes to tick, ja/nee, scales and ruled lines; blank
//! or filled in from a participant's answers. One item never splits.

use crate::model::{Answer, AnswerSet, Checklist, ChecklistItem};

use super::blocks::{BODY, Ink, PITCH, SMALL, heading, line_frags, rich, ruled, text_frag};
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Mm, Role, Tag, colors};
use super::wrap::{Piece, plain};

const BOX: Mm = Mm(4.6);

/// Writing lines under an open question at the least, unless the workshop
/// asks for more.
pub const MIN_LINES: usize = 4;

/// A square box with its top-left at (`x`, `y`), ticked or not.
fn tick_box(f: &mut Frag, x: Mm, y: Mm, ticked: bool) {
    f.rect(x, y, BOX, BOX, Some(colors::WHITE), Some(colors::INK));
    if ticked {
        f.elems.push(super::geom::Elem::Line {
            points: vec![
                (x + Mm(0.9), y + Mm(2.4)),
                (x + Mm(1.9), y + Mm(3.6)),
                (x + Mm(3.9), y + Mm(0.9)),
            ],
            width: 1.8,
            color: colors::ACCENT,
        });
    }
}

/// A whole checklist: heading, mode, intro and items. On paper to fill in,
/// one that fits on a page is never split; a longer one (and every one in a
/// filled-in reflection) keeps its title and intro with its first item; one
/// the teachers take home (`take_home: true`) has its own
/// page(s), and printed double-sided its own sheet, to tear out.
pub fn checklist(flow: &mut Flow, cl: &Checklist, answers: Option<&AnswerSet>) {
    // A blank sheet to take home; a filled-in reflection is the teacher's already.
    let home = cl.take_home && answers.is_none();
    if home {
        flow.new_sheet();
    }
    flow.mark(&format!("Checklist: {}", cl.title), 2);
    let start = |flow: &Flow| {
        flow.measure(|f| {
            head(f, cl);
            if let Some(first) = cl.items.first() {
                item(f, cl, 0, first, answers);
            }
        })
    };
    if answers.is_some() {
        // A filled-in reflection is read, not handed out: a checklist
        // follows the one before on the same page, its title and intro
        // with its first item.
        flow.need_space(start(flow) + Mm(6.0));
        body(flow, cl, answers);
    } else {
        let whole = flow.measure(|f| body(f, cl, answers));
        if whole.0 + 6.0 <= flow.page_height().0 {
            flow.need_space(whole + Mm(6.0));
        } else {
            // Longer than a page: it starts on a fresh page unless more
            // than half a page is left, and never leaves its title and
            // intro alone.
            let half = flow.page_height() * 0.5;
            flow.need_space((start(flow) + Mm(6.0)).max(half));
        }
        body(flow, cl, answers);
    }
    if home {
        flow.new_sheet();
    }
}

fn head(flow: &mut Flow, cl: &Checklist) {
    heading(flow, &format!("Checklist: {}", cl.title), 2);
    super::blocks::meta(flow, cl.mode.label());
    rich(flow, &cl.intro, Ink::BODY, Mm(0.0));
    flow.gap(Mm(1.0));
}

fn item(
    flow: &mut Flow,
    cl: &Checklist,
    i: usize,
    it: &ChecklistItem,
    answers: Option<&AnswerSet>,
) {
    let answer = answers.and_then(|a| a.get(&cl.id, i, it));
    let f = item_frag(flow, it, answer, answers.is_some());
    flow.add(f);
    flow.gap(Mm(3.2));
}

fn body(flow: &mut Flow, cl: &Checklist, answers: Option<&AnswerSet>) {
    head(flow, cl);
    flow.open(Role::L);
    for (i, it) in cl.items.iter().enumerate() {
        item(flow, cl, i, it, answers);
    }
    flow.close();
}

/// One item as an unbreakable fragment: a list item whose label (Lbl) is
/// the box, the ja/nee choice or the scale, and whose body (LBody) is the
/// statement, in the order they are read.
fn item_frag(flow: &Flow, item: &ChecklistItem, answer: Option<&Answer>, filled: bool) -> Frag {
    let mut f = item_parts(flow, item, answer, filled);
    f.wrap(Tag::new(Role::LI));
    f
}

fn item_parts(flow: &Flow, item: &ChecklistItem, answer: Option<&Answer>, filled: bool) -> Frag {
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let ink = Ink::BODY;
    let text = plain(item.text(), FontStyle::Regular);
    // The box's middle on the middle of the x-height of the first line.
    let box_top = ink.baseline() - Mm::from_pt(ink.size * 0.26) - BOX * 0.5;
    match item {
        ChecklistItem::Check(_) => {
            let mut f =
                text_frag(fonts, &text, ink, x + Mm(8.0), width - Mm(8.0)).tagged(Role::LBody);
            let ticked = matches!(answer, Some(Answer::Check(true)));
            let n = f.elems.len();
            tick_box(&mut f, x, box_top, ticked);
            let alt = if ticked {
                "aangekruist vakje"
            } else {
                "vakje om aan te kruisen"
            };
            f.wrap_from(n, Tag::alt(Role::Lbl, alt));
            f.move_to_front(n);
            f
        }
        ChecklistItem::YesNo(_) => {
            let choice_w = Mm(36.0);
            let mut f =
                text_frag(fonts, &text, ink, x, width - choice_w - Mm(10.0)).tagged(Role::LBody);
            let chosen = match answer {
                Some(Answer::YesNo(v)) => *v,
                _ => None,
            };
            let n = f.elems.len();
            let cx = x + width - choice_w;
            for (i, (label, value)) in [("ja", true), ("nee", false)].into_iter().enumerate() {
                let bx = cx + Mm(18.0) * i as f32;
                tick_box(&mut f, bx, box_top, chosen == Some(value));
                f.text(
                    fonts,
                    bx + BOX + Mm(1.5),
                    ink.baseline(),
                    label,
                    FontStyle::Regular,
                    ink.size,
                    colors::INK,
                );
            }
            let tag = match chosen {
                Some(true) => Tag::alt(Role::Lbl, "ja of nee: ja aangekruist"),
                Some(false) => Tag::alt(Role::Lbl, "ja of nee: nee aangekruist"),
                None => Tag::alt(Role::Lbl, "ja of nee, om aan te kruisen"),
            };
            f.wrap_from(n, tag);
            f
        }
        ChecklistItem::Scale {
            left, right, steps, ..
        } => {
            let mut f = text_frag(fonts, &text, ink, x, width).tagged(Role::LBody);
            let chosen = match answer {
                Some(Answer::Scale(v)) => *v,
                _ => None,
            };
            let mut row = scale_row(fonts, left, right, *steps, chosen, x, width);
            // Read out as words, not "weegt licht12345weegt zwaar".
            let mut alt = format!(
                "schaal van 1 ({left}) tot {} ({right})",
                steps.clamp(&2, &10)
            );
            if let Some(c) = chosen {
                alt.push_str(&format!(": {c} gekozen"));
            }
            row.wrap(Tag::alt(Role::Lbl, &alt));
            f.stack(row);
            f
        }
        ChecklistItem::Open { lines, .. } => {
            let mut f = text_frag(fonts, &text, ink, x, width);
            f.elems
                .insert(0, super::geom::Elem::Open(Tag::new(Role::LBody)));
            let asked = usize::from((*lines).clamp(1, 20));
            match answer {
                Some(Answer::Open(t)) if !t.trim().is_empty() => {
                    f.stack(written(fonts, t, asked, x, width));
                }
                _ if filled => {
                    let mut g = Frag::new(Mm(6.0));
                    g.text(
                        fonts,
                        x + Mm(2.0),
                        Mm(4.5),
                        "(niet ingevuld)",
                        FontStyle::Italic,
                        SMALL,
                        colors::MUTED,
                    );
                    f.stack(g);
                }
                _ => f.stack(ruled(asked.max(MIN_LINES), x, width)),
            }
            f.close();
            f
        }
    }
}

/// Boxes numbered 1..steps between the two labels; the chosen one filled.
fn scale_row(
    fonts: &Fonts,
    left: &str,
    right: &str,
    steps: u8,
    chosen: Option<u8>,
    x: Mm,
    width: Mm,
) -> Frag {
    let steps = steps.clamp(2, 10);
    let cell = Mm(8.0);
    let gap = Mm(2.0);
    let boxes_w = cell * f32::from(steps) + gap * f32::from(steps - 1);
    let label_w = ((width - boxes_w) * 0.5 - Mm(4.0)).max(Mm(10.0));
    let ink = Ink::new(SMALL, colors::MUTED);
    let left_w = super::wrap::measure(fonts, left, FontStyle::Italic, SMALL);
    // A short left label sits right next to the first box.
    let lx = if left_w <= label_w {
        x + label_w - left_w
    } else {
        x
    };
    let left_f = text_frag(fonts, &plain(left, FontStyle::Italic), ink, lx, label_w);
    let rx = x + label_w + boxes_w + Mm(7.0);
    let right_f = text_frag(fonts, &plain(right, FontStyle::Italic), ink, rx, label_w);
    let h = left_f.height.max(right_f.height).max(cell) + Mm(2.5);
    let mut f = Frag::new(h);
    let top = Mm(1.5);
    // Each label's lines centred on the middle of the boxes: the middle of
    // the x-height of a one-line label sits level with the box middle.
    let x_mid = Mm::from_pt(SMALL * 0.26);
    // Read from the left label over 1 … steps to the right label.
    let mut right_elems = Vec::new();
    for (i, mut part) in [left_f, right_f].into_iter().enumerate() {
        let lines = (part.height.0 / ink.line_height().0).round().max(1.0);
        let block_mid = ink.baseline() - x_mid + ink.line_height() * ((lines - 1.0) * 0.5);
        let dy = top + cell * 0.5 - block_mid;
        for e in &mut part.elems {
            e.translate(Mm(0.0), dy);
        }
        if i == 0 {
            f.elems.extend(part.elems);
        } else {
            right_elems = part.elems;
        }
    }
    let bx0 = x + label_w + Mm(4.0);
    for s in 1..=steps {
        let bx = bx0 + (cell + gap) * f32::from(s - 1);
        let on = chosen == Some(s);
        let (fill, color) = if on {
            (colors::ACCENT, colors::WHITE)
        } else {
            (colors::WHITE, colors::MUTED)
        };
        f.rect(bx, top, cell, cell, Some(fill), Some(colors::INK));
        let label = s.to_string();
        let style = if on {
            FontStyle::Bold
        } else {
            FontStyle::Regular
        };
        let w = super::wrap::measure(fonts, &label, style, SMALL);
        f.text(
            fonts,
            bx + (cell - w) * 0.5,
            top + Mm(5.3),
            &label,
            style,
            SMALL,
            color,
        );
    }
    f.elems.extend(right_elems);
    f
}

/// Written answer text set on ruled lines (at least `n` lines); the
/// descenders stay clear of the rule below.
fn written(fonts: &Fonts, text: &str, n: usize, x: Mm, width: Mm) -> Frag {
    let ink = Ink {
        size: BODY,
        color: colors::INK,
        leading: PITCH.0 / Mm::from_pt(BODY).0,
    };
    let pieces = [Piece::new(text, FontStyle::Italic)];
    let lines = line_frags(fonts, &pieces, ink, x + Mm(1.5), width - Mm(3.0));
    let count = lines.len().max(n);
    let mut f = ruled(count, x, width);
    // Baseline 2.4 mm above the rule: the descenders (a quarter of the size,
    // about 1 mm) keep well over a millimetre free.
    let shift = PITCH - Mm(2.4) - ink.baseline();
    for (i, mut l) in lines.into_iter().enumerate() {
        for e in &mut l.elems {
            e.translate(Mm(0.0), PITCH * i as f32 + shift);
            f.elems.push(e.clone());
        }
    }
    f
}
