//! The persoonlijke reflectie: one teacher's own filled-in checklists.

use crate::model::{AnswerSet, Workshop};

use super::blocks::{doc_title, field, heading, meta, note, ruled};
use super::checks::checklist;
use super::decorate::decorate;
use super::flow::Flow;
use super::font::Fonts;
use super::geom::{Geometry, Mark, Mm, Page};
use super::{DocKind, ExportRequest};

pub fn pages(
    fonts: &Fonts,
    w: &Workshop,
    req: &ExportRequest,
    answers: &AnswerSet,
) -> (Vec<Page>, Vec<Mark>) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    let x = geo.left;
    let width = geo.text_width();
    doc_title(&mut flow, DocKind::Reflection.title(), &w.title);
    flow.gap(Mm(3.0));
    let name = Some(answers.participant.as_str()).filter(|n| !n.trim().is_empty());
    let date = req.date.clone().or_else(|| {
        let d: String = answers.updated.chars().take(10).collect();
        Some(d).filter(|d| !d.trim().is_empty())
    });
    flow.add(field(fonts, "Naam", name, x, width * 0.8));
    flow.add(field(fonts, "Datum", date.as_deref(), x, width * 0.8));
    if req.school.is_some() {
        flow.add(field(
            fonts,
            "School",
            req.school.as_deref(),
            x,
            width * 0.8,
        ));
    }
    let mut any = false;
    for cl in w.checklists() {
        any = true;
        checklist(&mut flow, cl, Some(answers));
    }
    if !any {
        note(&mut flow, "Deze workshop heeft geen checklists.");
    }
    flow.mark("Mijn kleine stap", 1);
    heading(&mut flow, "Mijn kleine stap", 2);
    meta(
        &mut flow,
        "Wat ga je morgen in je klas anders doen? En wie vertel je dat?",
    );
    flow.add(ruled(5, x, width));
    let (mut pages, marks) = flow.finish_marked();
    decorate(
        fonts,
        &mut pages,
        geo,
        &w.title,
        DocKind::Reflection.title(),
        0,
    );
    (pages, marks)
}
