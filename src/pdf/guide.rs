//! The trainershandleiding: timed script, speaker notes, case trainer notes,
//! timers and a materials list derived from the workshop.

use crate::model::{ChecklistMode, Item, ItemKind, Section, Workshop};

use super::blocks::{BODY, Ink, doc_title, heading, lead_row, list_item, meta, paragraph, rich};
use super::decorate::decorate;
use super::flow::Flow;
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mm, Page, colors};
use super::workbook::{case, schedule};
use super::wrap::plain;
use super::{DocKind, ExportRequest, clock};

fn duration(min: u32) -> String {
    format!("{}:{:02}", min / 60, min % 60)
}

/// Title block at the top of the first page.
fn title_block(flow: &mut Flow, w: &Workshop, req: &ExportRequest) {
    doc_title(flow, DocKind::Guide.title(), &w.title);
    let mut facts = vec![format!("Totale duur {} uur", duration(w.total_minutes()))];
    if let Some((h, m)) = req.start {
        let begin = u32::from(h) * 60 + u32::from(m);
        facts.push(format!(
            "{}–{}",
            clock(begin),
            clock(begin + w.total_minutes())
        ));
    }
    for (label, v) in [
        ("school", &req.school),
        ("trainer", &req.trainer),
        ("datum", &req.date),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            facts.push(format!("{label}: {v}"));
        }
    }
    meta(flow, &facts.join(" · "));
}

/// Clock time (or elapsed time), section, minutes, cumulative.
fn timetable(flow: &mut Flow, w: &Workshop, start: Option<(u8, u8)>) {
    heading(flow, "Tijdschema", 1);
    let fonts = flow.fonts;
    let x = flow.geo.left;
    let width = flow.geo.text_width();
    let ink = Ink::BODY;
    let mut elapsed = 0;
    for (s, at) in w.sections.iter().zip(schedule(w, start)) {
        elapsed += s.minutes;
        let when = match start {
            Some(_) => clock(at),
            None => format!("+{}", duration(elapsed - s.minutes)),
        };
        let col = Mm(22.0);
        let mut f = lead_row(fonts, x, col, width - col - Mm(42.0), &when, &s.title);
        let mins = format!("{} min", s.minutes);
        f.text(
            fonts,
            x + width - Mm(40.0),
            ink.baseline(),
            &mins,
            FontStyle::Regular,
            BODY,
            colors::INK,
        );
        f.text_right(
            fonts,
            x + width,
            ink.baseline(),
            &duration(elapsed),
            FontStyle::Regular,
            BODY,
            colors::MUTED,
        );
        f.height += Mm(1.2);
        f.line(x, f.height, x + width, f.height, 0.4, colors::RULE);
        f.height += Mm(1.2);
        flow.add(f);
    }
    meta(
        flow,
        "Kolommen: begin, onderdeel, geplande minuten, verstreken tijd na het onderdeel.",
    );
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
            _ => None,
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
            _ => None,
        })
        .sum();
    if breaks > 0 {
        list.push(format!("Koffie en thee voor de pauze ({breaks} min)."));
    }
    list.push("Pennen voor iedereen.".to_owned());
    let x = flow.geo.left;
    let width = flow.geo.text_width();
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
}

/// ` (4 min)` for an item with planned minutes, nothing otherwise.
fn mins(minutes: Option<u32>) -> String {
    minutes.map(|m| format!(" ({m} min)")).unwrap_or_default()
}

fn item(flow: &mut Flow, it: &Item, slide_no: &mut usize) {
    match it {
        Item::Slide(s) => {
            *slide_no += 1;
            heading(
                flow,
                &format!("Dia {}: {}{}", slide_no, s.title, mins(s.minutes)),
                2,
            );
            if s.notes.is_empty() {
                meta(flow, "Geen sprekersnotities.");
            } else {
                rich(flow, &s.notes, Ink::BODY, Mm(0.0));
            }
        }
        Item::Case(c) => {
            case(flow, c, false, c.minutes);
            if !c.trainer_notes.is_empty() {
                heading(flow, "Voor de trainer", 3);
                rich(flow, &c.trainer_notes, Ink::BODY, Mm(0.0));
            }
        }
        Item::Checklist(cl) => {
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
        heading(flow, FOLLOW_UP_TITLE, 1);
        rich(flow, &w.follow_up, Ink::BODY, Mm(0.0));
    }
    for page in &w.guide_pages {
        flow.page_break();
        heading(flow, &page.title, 1);
        rich(flow, &page.body, Ink::BODY, Mm(0.0));
    }
}

/// Heading of the team follow-up plan in the guide.
pub const FOLLOW_UP_TITLE: &str = "Vervolg met het team";

pub fn pages(fonts: &Fonts, w: &Workshop, req: &ExportRequest) -> Vec<Page> {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    title_block(&mut flow, w, req);
    timetable(&mut flow, w, req.start);
    materials(&mut flow, w);
    let mut elapsed = 0;
    let mut slide_no = 0;
    for (s, at) in w.sections.iter().zip(schedule(w, req.start)) {
        flow.page_break();
        elapsed += s.minutes;
        heading(&mut flow, &s.title, 1);
        let when = match req.start {
            Some(_) => format!("{}–{}", clock(at), clock(at + s.minutes)),
            None => format!("vanaf +{}", duration(elapsed - s.minutes)),
        };
        meta(
            &mut flow,
            &format!(
                "{when} · {} min{} · daarna {} verstreken",
                s.minutes,
                slack(s),
                duration(elapsed)
            ),
        );
        for it in &s.items {
            item(&mut flow, it, &mut slide_no);
        }
    }
    appendix(&mut flow, w);
    let mut pages = flow.finish();
    decorate(fonts, &mut pages, geo, &w.title, DocKind::Guide.title(), 0);
    pages
}
