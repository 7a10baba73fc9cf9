//! The persoonlijke reflectie: one teacher's own filled-in checklists.

use crate::model::{AnswerSet, Workshop};

use super::blocks::{Ink, field, heading, meta, ruled, text_frag};
use super::checks::checklist;
use super::flow::{Flow, Frag, decorate};
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mm, Page, colors};
use super::wrap::plain;
use super::{DocKind, ExportRequest};

pub fn pages(fonts: &Fonts, w: &Workshop, req: &ExportRequest, answers: &AnswerSet) -> Vec<Page> {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    let x = geo.left;
    let width = geo.text_width();
    let mut f = Frag::new(Mm(9.0));
    f.rect(x, Mm(0.0), Mm(22.0), Mm(2.2), Some(colors::ACCENT), None);
    f.text(
        fonts,
        x,
        Mm(8.0),
        DocKind::Reflection.title(),
        FontStyle::Bold,
        12.0,
        colors::ACCENT,
    );
    flow.add(f);
    let title = Ink {
        size: 24.0,
        color: colors::INK,
        leading: 1.2,
    };
    flow.add(text_frag(
        fonts,
        &plain(&w.title, FontStyle::Bold),
        title,
        x,
        width,
    ));
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
        meta(&mut flow, "Deze workshop heeft geen checklists.");
    }
    heading(&mut flow, "Mijn kleine stap", 2);
    meta(
        &mut flow,
        "Wat ga je morgen in je klas anders doen? En wie vertel je dat?",
    );
    flow.add(ruled(5, x, width));
    let mut pages = flow.finish();
    decorate(
        fonts,
        &mut pages,
        geo,
        &w.title,
        DocKind::Reflection.title(),
        0,
    );
    pages
}
