//! The trainershandleiding: timed script, speaker notes, case trainer notes,
//! timers and a materials list derived from the workshop.

use crate::model::{ChecklistMode, Item, ItemKind, ItemRef, Section, Workshop, count_sections};

use super::blocks::{
    BODY, Ink, SMALL, cell_right, heading, lead_row, list_item, meta, note, paragraph, rich,
};
use super::decorate::decorate;
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mark, Mm, Page, Role, Tag, colors};
use super::workbook::{case, cover, schedule, section_start};
use super::wrap::plain;
use super::{DocKind, ExportRequest, clock, span};

/// The cover: the workbook's cover with the facts of the afternoon.
fn title_block(flow: &mut Flow, w: &Workshop, req: &ExportRequest) {
    cover(flow, w, req, DocKind::Guide.title(), &facts(w, req));
}

/// "Totale duur 2 uur 30 min · 13:30–16:00".
fn facts(w: &Workshop, req: &ExportRequest) -> String {
    let mut facts = vec![format!("Totale duur {}", span(w.total_minutes()))];
    if let Some(variant) = &w.variant {
        facts.insert(0, format!("Variant ‘{variant}’"));
    }
    if let Some((h, m)) = req.start {
        let begin = u32::from(h) * 60 + u32::from(m);
        facts.push(format!(
            "{}–{}",
            clock(begin),
            clock(begin + w.total_minutes())
        ));
    }
    facts.push(format!(
        "{}, {}, {}",
        count_sections(w.sections.len()),
        ItemKind::Slide.count(w.count_of(ItemKind::Slide)),
        ItemKind::Case.count(w.count_of(ItemKind::Case))
    ));
    facts.join(" · ")
}

/// One row of the schedule: begin, section, minutes, elapsed after it.
#[allow(clippy::too_many_arguments)]
fn schedule_row(
    fonts: &Fonts,
    x: Mm,
    width: Mm,
    when: &str,
    title: &str,
    minutes: &str,
    elapsed: &str,
    head: bool,
    col: Mm,
) -> Frag {
    let ink = Ink::BODY;
    let (style, color) = if head {
        (FontStyle::Bold, colors::MUTED)
    } else {
        (FontStyle::Regular, colors::INK)
    };
    let cell = if head { Role::TH } else { Role::TD };
    let mut f = if head {
        let mut f = Frag::new(ink.line_height());
        f.text(fonts, x, ink.baseline(), when, style, SMALL, color);
        f.wrap(Tag::new(Role::TH));
        let n = f.elems.len();
        f.text(fonts, x + col, ink.baseline(), title, style, SMALL, color);
        f.wrap_from(n, Tag::new(Role::TH));
        f
    } else {
        lead_row(fonts, x, col, width - col - Mm(48.0), when, title)
    };
    let size = if head { SMALL } else { BODY };
    let n = f.elems.len();
    f.text(
        fonts,
        x + width - Mm(44.0),
        ink.baseline(),
        minutes,
        style,
        size,
        color,
    );
    f.wrap_from(n, Tag::new(cell));
    if head {
        let n = f.elems.len();
        f.text_right(
            fonts,
            x + width,
            ink.baseline(),
            elapsed,
            style,
            size,
            colors::MUTED,
        );
        f.wrap_from(n, Tag::new(Role::TH));
    } else {
        cell_right(
            &mut f,
            fonts,
            x + width,
            ink.baseline(),
            elapsed,
            style,
            size,
            colors::MUTED,
        );
    }
    f.height += Mm(1.2);
    let weight = if head { 0.8 } else { 0.4 };
    f.line(x, f.height, x + width, f.height, weight, colors::RULE);
    f.height += Mm(1.2);
    f.tagged(Role::TR)
}

/// Clock time (or elapsed time), section, minutes, cumulative; with column
/// headings.
fn timetable(flow: &mut Flow, w: &Workshop, start: Option<(u8, u8)>) {
    heading(flow, "Tijdschema", 1);
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let begin = if start.is_some() { "Begin" } else { "Vanaf" };
    let mut elapsed = 0;
    let rows: Vec<(String, &str, u32, u32)> = w
        .sections
        .iter()
        .zip(schedule(w, start))
        .map(|(s, at)| {
            elapsed += s.minutes;
            let when = match start {
                Some(_) => clock(at),
                None => format!("+{}", span(elapsed - s.minutes)),
            };
            (when, s.title.as_str(), s.minutes, elapsed)
        })
        .collect();
    // The first column as wide as its widest time ("+2 uur 15 min"), so
    // that it never runs into the section names.
    let col = rows
        .iter()
        .map(|r| super::wrap::measure(fonts, &r.0, FontStyle::Bold, BODY))
        .fold(Mm(18.0), Mm::max)
        + Mm(4.0);
    flow.open(Role::Table);
    flow.add(schedule_row(
        fonts,
        x,
        width,
        begin,
        "Onderdeel",
        "Duur",
        "Daarna verstreken",
        true,
        col,
    ));
    for (when, title, minutes, elapsed) in &rows {
        flow.add(schedule_row(
            fonts,
            x,
            width,
            when,
            title,
            &span(*minutes),
            &span(*elapsed),
            false,
            col,
        ));
    }
    flow.close();
}

/// What to prepare, derived from the workshop.
fn materials(flow: &mut Flow, w: &Workshop) {
    heading(flow, "Materialen", 1);
    let mut list = vec![
        "Deelnemerswerkboek: één per deelnemer, plus een paar reserve.".to_owned(),
        "Trainershandleiding: één per trainer.".to_owned(),
        format!(
            "Laptop en projector voor {}; de dia’s als PDF op papier of een stick als reserve.",
            ItemKind::Slide.count(w.count_slides())
        ),
    ];
    if w.count_cases() > 0 {
        list.push(format!(
            "{}, met bespreekvragen in het werkboek.",
            ItemKind::Case.count(w.count_cases())
        ));
    }
    for cl in w.checklists() {
        let per = match cl.mode {
            ChecklistMode::Group => "één extra exemplaar per groep van 3–5",
            ChecklistMode::Individual => "ieder vult in het eigen werkboek in",
        };
        list.push(format!(
            "Checklist ‘{}’ ({} vragen): {per}.",
            cl.title,
            cl.items.len()
        ));
    }
    let timers: Vec<String> = w
        .items()
        .filter_map(|i| match i {
            Item::Timer(t) => Some(format!("{} ({} min)", t.label, t.minutes)),
            Item::Slide(_) | Item::Case(_) | Item::Checklist(_) | Item::Break(_) => None,
        })
        .collect();
    if !timers.is_empty() {
        list.push(format!(
            "Een zichtbare klok of timer voor: {}.",
            timers.join(", ")
        ));
    }
    let breaks: u32 = w
        .items()
        .filter_map(|i| match i {
            Item::Break(b) => Some(b.minutes),
            Item::Slide(_) | Item::Case(_) | Item::Checklist(_) | Item::Timer(_) => None,
        })
        .sum();
    if breaks > 0 {
        list.push(format!("Koffie en thee voor de pauze ({breaks} min)."));
    }
    list.push("Pennen voor iedereen.".to_owned());
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    flow.open(Role::L);
    for l in list {
        list_item(
            flow,
            "•",
            &plain(&l, FontStyle::Regular),
            Ink::BODY,
            x,
            width,
        );
    }
    flow.close();
}

/// ` (4 min)` for an item with planned minutes, nothing otherwise.
fn mins(minutes: Option<u32>) -> String {
    minutes.map(|m| format!(" ({m} min)")).unwrap_or_default()
}

fn item(flow: &mut Flow, w: &Workshop, at: ItemRef, it: &Item) {
    match it {
        Item::Slide(s) => {
            let n = w.slide_number(at).unwrap_or_default();
            heading(flow, &format!("Dia {n}: {}{}", s.title, mins(s.minutes)), 2);
            if s.notes.is_empty() {
                note(flow, "Geen sprekersnotities.");
            } else {
                rich(flow, &s.notes, Ink::BODY, Mm(0.0));
            }
        }
        Item::Case(c) => {
            case(flow, c.into(), false, c.minutes);
            if !c.trainer_notes.is_empty() {
                heading(flow, "Voor de trainer", 3);
                rich(flow, &c.trainer_notes, Ink::BODY, Mm(0.0));
            }
        }
        Item::Checklist(cl) => {
            flow.mark(&format!("Checklist: {}", cl.title), 2);
            heading(
                flow,
                &format!("Checklist: {}{}", cl.title, mins(cl.minutes)),
                2,
            );
            meta(
                flow,
                &format!("{} · {} vragen", cl.mode.label(), cl.items.len()),
            );
            rich(flow, &cl.intro, Ink::BODY, Mm(0.0));
            let x = flow.geo.left;
            let width = flow.geo.text_width();
            flow.open(Role::L);
            for ci in &cl.items {
                list_item(
                    flow,
                    "–",
                    &plain(ci.text(), FontStyle::Regular),
                    Ink::BODY,
                    x,
                    width,
                );
            }
            flow.close();
        }
        Item::Timer(t) => {
            heading(flow, &format!("Timer: {} ({} min)", t.label, t.minutes), 2);
            rich(flow, &t.instruction, Ink::BODY, Mm(0.0));
        }
        Item::Break(b) => {
            heading(flow, &format!("{} ({} min)", b.label, b.minutes), 2);
            paragraph(
                flow,
                &plain(
                    "Zet de pauzeklok aan; het scherm toont hoe laat de groep verdergaat.",
                    FontStyle::Regular,
                ),
                Ink::BODY,
                Mm(0.0),
            );
        }
    }
}

/// ` (items 18 min, 1 min speling)` when the items of a section claim minutes
/// and leave some over; nothing when they claim none or all of them.
fn slack(s: &Section) -> String {
    let claimed = s.claimed_minutes();
    let planned = u64::from(s.minutes);
    if claimed == 0 || claimed >= planned {
        return String::new();
    }
    format!(" (items {claimed} min, {} min speling)", planned - claimed)
}

/// The team follow-up plan and the extra pages, each on a page of its own.
fn appendix(flow: &mut Flow, w: &Workshop) {
    if !w.follow_up.is_empty() {
        flow.page_break();
        flow.mark(FOLLOW_UP_TITLE, 1);
        heading(flow, FOLLOW_UP_TITLE, 1);
        rich(flow, &w.follow_up, Ink::BODY, Mm(0.0));
    }
    for page in &w.guide_pages {
        flow.page_break();
        flow.mark(&page.title, 1);
        heading(flow, &page.title, 1);
        rich(flow, &page.body, Ink::BODY, Mm(0.0));
    }
}

/// Heading of the team follow-up plan in the guide.
pub const FOLLOW_UP_TITLE: &str = "Vervolg met het team";

pub fn pages(fonts: &Fonts, w: &Workshop, req: &ExportRequest) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    title_block(&mut flow, w, req);
    timetable(&mut flow, w, req.start);
    materials(&mut flow, w);
    let mut elapsed = 0;
    for (si, (s, at)) in w.sections.iter().zip(schedule(w, req.start)).enumerate() {
        elapsed += s.minutes;
        let when = match req.start {
            Some(_) => format!("{}–{}", clock(at), clock(at + s.minutes)),
            None => format!("vanaf +{}", span(elapsed - s.minutes)),
        };
        let line = format!(
            "{when} · {}{} · daarna {} verstreken",
            span(s.minutes),
            slack(s),
            span(elapsed)
        );
        let start = |flow: &mut Flow| {
            heading(flow, &s.title, 1);
            meta(flow, &line);
            if let Some(first) = s.items.first() {
                item(
                    flow,
                    w,
                    ItemRef {
                        section: si,
                        item: 0,
                    },
                    first,
                );
            }
        };
        section_start(&mut flow, start);
        flow.mark(&s.title, 1);
        heading(&mut flow, &s.title, 1);
        meta(&mut flow, &line);
        for (ii, it) in s.items.iter().enumerate() {
            item(
                &mut flow,
                w,
                ItemRef {
                    section: si,
                    item: ii,
                },
                it,
            );
        }
    }
    appendix(&mut flow, w);
    let (mut pages, marks) = flow.finish_marked();
    decorate(fonts, &mut pages, geo, &w.title, DocKind::Guide.title(), 1);
    (pages, marks)
}
