//! The deelnemerswerkboek: cover, agenda, per section the slide text, the
//! cases with writing space, blank checklists, and notes pages.

use crate::model::{Item, RoomCase, RoomItem, RoomSlide, Section, Workshop};

use super::blocks::{
    BODY, Ink, PITCH, SMALL, cell_right, field, heading, label_first, lead_row, line_frags, meta,
    rich, ruled, text_frag, title_frag,
};
use super::checks::checklist;
use super::decorate::decorate;
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mark, Mm, Page, Role, Tag, colors};
use super::wrap::plain;
use super::{DocKind, ExportRequest, clock, span};

/// Start minute (since midnight, or since the start when no time is given)
/// of each section.
pub fn schedule(w: &Workshop, start: Option<(u8, u8)>) -> Vec<u32> {
    let mut t = start.map_or(0, |(h, m)| u32::from(h) * 60 + u32::from(m));
    w.sections
        .iter()
        .map(|s| {
            let at = t;
            t = t.saturating_add(s.minutes);
            at
        })
        .collect()
}

/// Cover: title block, fields to fill in, author at the bottom.
pub fn cover(flow: &mut Flow, w: &Workshop, req: &ExportRequest, doc: &str, facts: &str) {
    let fonts = flow.fonts;
    let geo = flow.geo;
    let x = geo.left;
    let width = geo.text_width();
    flow.set_y(Mm(62.0));
    let mut f = Frag::new(Mm(10.0));
    f.rect(x, Mm(0.0), Mm(22.0), Mm(2.2), Some(colors::ACCENT), None);
    let n = f.elems.len();
    f.text(
        fonts,
        x,
        Mm(8.5),
        doc,
        FontStyle::Bold,
        12.0,
        colors::ACCENT,
    );
    f.wrap_from(n, Tag::new(Role::P));
    flow.add(f);
    flow.gap(Mm(4.0));
    let title = Ink {
        size: 30.0,
        color: colors::INK,
        leading: 1.15,
    };
    let h1 = flow.heading_role(1);
    flow.add(title_frag(fonts, &plain(&w.title, FontStyle::Bold), title, x, width).tagged(h1));
    if !w.subtitle.trim().is_empty() {
        flow.gap(Mm(3.0));
        let sub = Ink::new(15.0, colors::MUTED);
        flow.add(
            text_frag(
                fonts,
                &plain(&w.subtitle, FontStyle::Regular),
                sub,
                x,
                width,
            )
            .tagged(Role::P),
        );
    }
    if !facts.is_empty() {
        flow.gap(Mm(5.0));
        meta(flow, facts);
    }
    flow.set_y(Mm(170.0));
    let name_value = req
        .answers
        .map(|a| a.participant.as_str())
        .filter(|_| req.kind == DocKind::Reflection);
    let mut fields = Vec::new();
    if req.kind != DocKind::Guide {
        fields.push(("Naam", name_value.map(str::to_owned)));
    }
    fields.push(("School", req.school.clone()));
    fields.push(("Datum", req.date.clone()));
    fields.push(("Trainer", req.trainer.clone()));
    for (label, value) in fields {
        flow.add(field(fonts, label, value.as_deref(), x, width * 0.8));
        flow.gap(Mm(2.0));
    }
    if !w.author.trim().is_empty() {
        flow.set_y(geo.bottom - Mm(10.0));
        let ink = Ink::new(SMALL, colors::MUTED);
        flow.add(
            text_frag(fonts, &plain(&w.author, FontStyle::Regular), ink, x, width).tagged(Role::P),
        );
    }
    flow.page_break();
}

/// The agenda as a table: time (or offset), section, duration.
pub fn agenda(flow: &mut Flow, w: &Workshop, start: Option<(u8, u8)>) {
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    heading(flow, "Programma", 1);
    let times = schedule(w, start);
    let ink = Ink::BODY;
    let col = Mm(30.0);
    flow.open(Role::Table);
    for (s, at) in w.sections.iter().zip(times) {
        let when = match start {
            Some(_) => format!("{}–{}", clock(at), clock(at + s.minutes)),
            None => span(s.minutes),
        };
        let mut f = lead_row(fonts, x, col, width - col - Mm(18.0), &when, &s.title);
        if start.is_some() {
            cell_right(
                &mut f,
                fonts,
                x + width,
                ink.baseline(),
                &span(s.minutes),
                FontStyle::Regular,
                SMALL,
                colors::MUTED,
            );
        }
        f.height += Mm(1.5);
        f.line(x, f.height, x + width, f.height, 0.4, colors::RULE);
        f.height += Mm(1.5);
        flow.add(f.tagged(Role::TR));
    }
    flow.close();
    let total = w.total_minutes();
    flow.gap(Mm(4.0));
    let mut line = format!("Totaal: {}", span(total));
    if let Some((h, m)) = start {
        let begin = u32::from(h) * 60 + u32::from(m);
        line.push_str(&format!(
            ", van {} tot {}",
            clock(begin),
            clock(begin + total)
        ));
    }
    meta(flow, &line);
}

/// The slide content as readable text (never the speaker notes).
fn slide(flow: &mut Flow, s: RoomSlide<'_>, alt: &str) {
    // A short slide stays on one page; with a drawing, a longer one too, so
    // that its text is never split from its picture.
    let share = if s.picture.is_some() { 0.65 } else { 0.45 };
    flow.unit(share, |flow| {
        heading(flow, s.title, 2);
        rich(flow, s.body, Ink::BODY, Mm(0.0));
        if let Some(picture) = s.picture {
            let (x, w) = (flow.geo.left, flow.geo.text_width());
            let mut f = Frag::new(Mm(0.0));
            let (_, h) = f.picture(x, Mm(1.0), w * 0.7, Mm(80.0), picture, alt);
            f.height = h + Mm(3.0);
            flow.add(f);
        }
    });
}

/// Writing lines under each case question, and the fewest a case may
/// shrink to so that it fits its page.
pub const CASE_LINES: usize = 4;
pub const CASE_LINES_MIN: usize = 3;

/// A case: who, the situation, and each question with lines to write on.
/// It starts on a fresh page unless it fits whole in what is left, so each
/// group can be handed its own case; its writing space shrinks (to no
/// fewer than [`CASE_LINES_MIN`] lines a question) before it spills onto a
/// second page. Printed double-sided, a workbook case has a sheet of its own.
pub fn case(flow: &mut Flow, c: RoomCase<'_>, writing: bool, minutes: Option<u32>) {
    flow.mark(&format!("Casus: {}", c.title), 2);
    let room = flow.page_height() - Mm(6.0);
    let full = flow.measure(|f| case_body(f, c, writing, minutes, CASE_LINES));
    // Each question's lines are one fragment, `PITCH` a line: with fewer
    // lines the case is exactly that much shorter (no second layout).
    let saved = PITCH * ((CASE_LINES - CASE_LINES_MIN) * c.questions.len()) as f32;
    let (lines, height) = if full <= room || !writing {
        (CASE_LINES, full)
    } else if full - saved <= room {
        (CASE_LINES_MIN, full - saved)
    } else {
        // It spills anyway: the full writing space.
        (CASE_LINES, full)
    };
    let sheet = writing && flow.duplex;
    if sheet {
        flow.new_sheet();
    }
    // Room for the gap before the first heading, which the measure skips.
    flow.need_space(height + Mm(6.0));
    case_body(flow, c, writing, minutes, lines);
    if sheet {
        flow.new_sheet();
    }
}

fn case_body(
    flow: &mut Flow,
    c: RoomCase<'_>,
    writing: bool,
    minutes: Option<u32>,
    lines_each: usize,
) {
    heading(flow, &format!("Casus: {}", c.title), 2);
    match minutes {
        Some(m) => meta(flow, &format!("{} · {m} min", c.who)),
        None => meta(flow, c.who),
    }
    rich(flow, c.situation, Ink::BODY, Mm(0.0));
    if c.questions.is_empty() {
        return;
    }
    heading(flow, "Bespreekvragen", 3);
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let hang = Mm(7.0);
    flow.open(Role::L);
    for (i, q) in c.questions.iter().enumerate() {
        let mut f = Frag::default();
        let mut lines = line_frags(
            fonts,
            &plain(q, FontStyle::Regular),
            Ink::BODY,
            x + hang,
            width - hang,
        );
        if let Some(first) = lines.first_mut() {
            let n = format!("{}.", i + 1);
            label_first(first, |first| {
                first.text(
                    fonts,
                    x,
                    Ink::BODY.baseline(),
                    &n,
                    FontStyle::Bold,
                    BODY,
                    colors::ACCENT,
                );
            });
        }
        let labelled = !lines.is_empty();
        for l in lines {
            f.stack(l);
        }
        if labelled {
            // The LBody the label opened.
            f.close();
        }
        if writing {
            f.stack(ruled(lines_each, x + hang, width - hang));
        }
        flow.add(f.tagged(Role::LI));
        flow.gap(Mm(2.0));
    }
    flow.close();
}

/// An item inside a section of the workbook.
fn item(flow: &mut Flow, item: &Item) {
    match item.for_room() {
        // The workbook is the room's: trainer notes are not in `for_room`.
        RoomItem::Slide(s) => {
            let alt = match item {
                Item::Slide(full) => super::slides::alt_text(full),
                _ => s.title,
            };
            slide(flow, s, alt)
        }
        RoomItem::Case(c) => case(flow, c, true, None),
        RoomItem::Checklist(cl) => checklist(flow, cl, None),
        RoomItem::Timer(t) => {
            heading(
                flow,
                &format!("Opdracht: {} ({} min)", t.label, t.minutes),
                3,
            );
            rich(flow, &t.instruction, Ink::BODY, Mm(0.0));
        }
        RoomItem::Break(b) => break_line(flow, &b.label, &span(b.minutes)),
    }
}

/// Pages of ruled lines for notes, each with its heading on the same page.
pub fn notes_pages(flow: &mut Flow, n: usize) {
    for _ in 0..n {
        flow.page_break();
        heading(flow, "Aantekeningen", 1);
        flow.settle();
        let room = flow.remaining().0 - 4.0;
        let lines = (room / PITCH.0).floor().max(1.0) as usize;
        let f = ruled(lines, flow.geo.left, flow.geo.text_width());
        flow.add(f);
    }
}

/// A section made of a break (and perhaps the slide that announces it):
/// on paper it is one line in the flow, not a page.
pub fn is_break_section(s: &Section) -> bool {
    s.items.iter().any(|i| matches!(i, Item::Break(_)))
        && s.items
            .iter()
            .all(|i| matches!(i, Item::Break(_) | Item::Slide(_)))
}

/// "13:30–13:45" with a start time, "15 min" without.
fn when(start: Option<(u8, u8)>, at: u32, minutes: u32) -> String {
    match start {
        Some(_) => format!("{}–{} · {}", clock(at), clock(at + minutes), span(minutes)),
        None => span(minutes),
    }
}

/// A break as one line between two rules.
pub fn break_line(flow: &mut Flow, label: &str, when: &str) {
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let ink = Ink::BODY;
    let mut f = Frag::new(ink.line_height() + Mm(4.0));
    f.line(x, Mm(0.5), x + width, Mm(0.5), 0.4, colors::RULE);
    let w = f.text(
        fonts,
        x,
        Mm(2.0) + ink.baseline(),
        label,
        FontStyle::Bold,
        BODY,
        colors::ACCENT,
    );
    f.text(
        fonts,
        x + w + Mm(3.0),
        Mm(2.0) + ink.baseline(),
        when,
        FontStyle::Italic,
        BODY,
        colors::MUTED,
    );
    let bottom = ink.line_height() + Mm(3.5);
    f.line(x, bottom, x + width, bottom, 0.4, colors::RULE);
    flow.gap(Mm(4.0));
    flow.add(f.tagged(Role::P));
    flow.gap(Mm(4.0));
}

/// Start a new page for a section only when its heading and a useful part
/// of what follows do not fit in what is left.
pub fn section_start(flow: &mut Flow, add_start: impl Fn(&mut Flow)) {
    let h = flow.measure(add_start).min(Mm(70.0));
    flow.need_space(h + Mm(6.0));
}

pub fn pages(fonts: &Fonts, w: &Workshop, req: &ExportRequest) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    flow.duplex = req.duplex;
    let doc = DocKind::Workbook.title();
    cover(&mut flow, w, req, doc, "");
    agenda(&mut flow, w, req.start);
    let times = schedule(w, req.start);
    for (si, (s, at)) in w.sections.iter().zip(times).enumerate() {
        let when = when(req.start, at, s.minutes);
        if is_break_section(s) {
            break_line(&mut flow, &s.title, &when);
            continue;
        }
        let start = |flow: &mut Flow| {
            heading(flow, &s.title, 1);
            meta(flow, &when);
            if let Some(first) = s.items.first() {
                item(flow, first);
            }
        };
        if si == 0 {
            flow.page_break();
        } else {
            section_start(&mut flow, start);
        }
        flow.mark(&s.title, 1);
        heading(&mut flow, &s.title, 1);
        meta(&mut flow, &when);
        for it in &s.items {
            item(&mut flow, it);
        }
    }
    notes_pages(&mut flow, 2);
    let (mut pages, marks) = flow.finish_marked();
    decorate(fonts, &mut pages, geo, &w.title, doc, 1);
    (pages, marks)
}
