//! The team sheet ("Teamoverzicht"): the room's anonymous team picture on
//! paper, for the IB'er or the director, with the shared answers the trainer
//! chose to show.

use crate::model::{ChecklistSummary, ItemSummary, TeamSummary, Workshop};

use super::blocks::{
    BODY, Ink, SMALL, cell_right, doc_title, field, heading, list_item, meta, text_frag,
};
use super::decorate::decorate;
use super::flow::{Flow, Frag};
use super::font::FontStyle;
use super::geom::{Geometry, Mark, Mm, Page, Role, colors};
use super::wrap::plain;
use super::{DocKind, ExportRequest};

mod chart;

/// Width of the bar column on the right of a row.
const BAR: Mm = Mm(48.0);
const COUNT: Mm = Mm(24.0);

pub fn pages(
    fonts: &super::font::Fonts,
    w: &Workshop,
    req: &ExportRequest,
    team: &TeamSummary,
) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    let x = geo.left;
    let width = geo.text_width();
    doc_title(&mut flow, DocKind::Team.title(), &w.title);
    flow.gap(Mm(3.0));
    for (label, value) in [
        ("Datum", req.date.as_deref()),
        ("School", req.school.as_deref()),
        ("Trainer", req.trainer.as_deref()),
    ] {
        if value.is_some() {
            flow.add(field(fonts, label, value, x, width * 0.8));
        }
    }
    meta(
        &mut flow,
        &format!(
            "Zonder namen. Een checklist staat hier alleen als minstens {} mensen hem invulden; \
             gedeelde antwoorden alleen als de deelnemer ze deelde en de trainer ze koos.",
            team.min_answers
        ),
    );
    if team.checklists.is_empty() {
        meta(&mut flow, "Er stonden geen checklists open voor de zaal.");
    }
    for c in &team.checklists {
        checklist(&mut flow, c, team.min_answers);
    }
    if !w.follow_up.is_empty() {
        flow.mark(super::guide::FOLLOW_UP_TITLE, 1);
        heading(&mut flow, super::guide::FOLLOW_UP_TITLE, 2);
        super::blocks::rich(&mut flow, &w.follow_up, Ink::BODY, Mm(0.0));
    }
    let (mut pages, marks) = flow.finish_marked();
    decorate(fonts, &mut pages, geo, &w.title, DocKind::Team.title(), 0);
    (pages, marks)
}

fn checklist(flow: &mut Flow, c: &ChecklistSummary, min: usize) {
    let title = format!("Checklist: {}", c.title);
    flow.mark(&title, 1);
    heading(flow, &title, 2);
    if c.hidden {
        // Not even the count: below the threshold it could point at people.
        meta(
            flow,
            &format!("Nog niet te tonen: minder dan {min} antwoorden."),
        );
        return;
    }
    let answers = crate::model::answers_text(c.respondents);
    meta(flow, &answers);
    let of = c.respondents.max(1) as f32;
    flow.open(Role::Table);
    for item in &c.items {
        match item {
            ItemSummary::Check { text, ticked } => {
                let share = *ticked as f32 / of;
                let count = format!("{ticked} van {}", c.respondents);
                flow.add(bar_row(flow, text, share, &count).tagged(Role::TR));
            }
            ItemSummary::YesNo { text, yes, no } => {
                let share = *yes as f32 / (*yes + *no).max(1) as f32;
                let count = format!("ja {yes} · nee {no}");
                flow.add(bar_row(flow, text, share, &count).tagged(Role::TR));
            }
            ItemSummary::Scale {
                text,
                left,
                right,
                counts,
                median,
            } => flow.add(chart::scale(flow, text, left, right, counts, *median)),
            ItemSummary::Open {
                question,
                answered,
                shared,
            } => {
                let mut f = row_text(flow, question, flow.geo.text_width() - COUNT);
                let n = format!("{answered} ingevuld");
                cell_right(
                    &mut f,
                    flow.fonts,
                    flow.geo.right,
                    Ink::BODY.baseline(),
                    &n,
                    FontStyle::Regular,
                    SMALL,
                    colors::MUTED,
                );
                let shown: Vec<_> = shared.iter().filter(|s| s.approved).collect();
                if shown.is_empty() {
                    flow.add(f.tagged(Role::TR));
                    flow.gap(Mm(2.5));
                    continue;
                }
                // The shared answers are a list in a cell of the row.
                flow.open(Role::TR);
                flow.keep(f, 1);
                flow.open(Role::TD);
                flow.open(Role::L);
                let ink = Ink::new(BODY, colors::INK);
                for s in shown {
                    let quoted = format!("“{}”", s.text());
                    list_item(
                        flow,
                        "•",
                        &plain(&quoted, FontStyle::Italic),
                        ink,
                        flow.geo.left + Mm(4.0),
                        flow.geo.text_width() - Mm(4.0),
                    );
                }
                flow.close();
                flow.close();
                flow.close();
            }
        }
        flow.gap(Mm(2.5));
    }
    flow.close();
}

/// The item's text wrapped in `width` from the left margin: the first cell
/// of its row.
fn row_text(flow: &Flow, text: &str, width: Mm) -> Frag {
    text_frag(
        flow.fonts,
        &plain(text, FontStyle::Regular),
        Ink::BODY,
        flow.geo.left,
        width,
    )
    .tagged(Role::TD)
}

/// Text on the left, a bar filled to `share` and a count on the right.
fn bar_row(flow: &Flow, text: &str, share: f32, count: &str) -> Frag {
    let right = flow.geo.right;
    let text_w = flow.geo.text_width() - BAR - COUNT - Mm(4.0);
    let mut f = row_text(flow, text, text_w);
    let bx = right - COUNT - BAR;
    let h = Mm(4.2);
    let top = (Ink::BODY.line_height() - h) * 0.5;
    f.rect(bx, top, BAR, h, Some(colors::LIGHT), Some(colors::RULE));
    if share > 0.0 {
        f.rect(
            bx,
            top,
            BAR * share.clamp(0.0, 1.0),
            h,
            Some(colors::ACCENT),
            None,
        );
    }
    cell_right(
        &mut f,
        flow.fonts,
        right,
        Ink::BODY.baseline(),
        count,
        FontStyle::Regular,
        SMALL,
        colors::INK,
    );
    f
}
