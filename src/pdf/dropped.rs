//! What the fonts cannot print, found before a document is made: every
//! character of the texts a document may show (the workshop, the names and
//! the details typed for the cover, a participant's answers) that no bundled
//! font has. An emoji or a skin-tone modifier drops out of the PDF; letters
//! of a script with no font become "[niet af te drukken]". The export says
//! so once, listing each character once.

use crate::model::{AnswerSet, ChecklistItem, Item, RichText, Workshop};

use super::ExportRequest;
use super::font::prints;

/// The texts of the workshop, one after the other.
fn workshop_texts<'a>(w: &'a Workshop, out: &mut Vec<&'a str>) {
    let rich = |r: &'a RichText| r.source();
    out.extend([w.title.as_str(), &w.subtitle, &w.author, rich(&w.follow_up)]);
    for p in &w.guide_pages {
        out.extend([p.title.as_str(), rich(&p.body)]);
    }
    for s in &w.sections {
        out.push(&s.title);
        for item in &s.items {
            match item {
                Item::Slide(sl) => {
                    out.extend([sl.title.as_str(), rich(&sl.body), &sl.alt, rich(&sl.notes)]);
                }
                Item::Case(c) => {
                    out.extend([c.title.as_str(), &c.who, rich(&c.situation)]);
                    out.extend(c.questions.iter().map(String::as_str));
                    out.push(rich(&c.trainer_notes));
                }
                Item::Checklist(cl) => {
                    out.extend([cl.title.as_str(), rich(&cl.intro)]);
                    for it in &cl.items {
                        out.push(it.text());
                        if let ChecklistItem::Scale { left, right, .. } = it {
                            out.extend([left.as_str(), right]);
                        }
                    }
                }
                Item::Timer(t) => out.extend([t.label.as_str(), rich(&t.instruction)]),
                Item::Break(b) => out.push(&b.label),
            }
        }
    }
}

fn answer_texts<'a>(a: &'a AnswerSet, out: &mut Vec<&'a str>) {
    out.push(&a.participant);
    for answers in a.checklists.values() {
        for answer in answers {
            if let crate::model::Answer::Open(t) = answer {
                out.push(t);
            }
        }
    }
}

/// Each character that no bundled font prints, once, in the order found.
pub fn dropped(w: &Workshop, req: &ExportRequest) -> Vec<char> {
    let mut texts: Vec<&str> = Vec::new();
    workshop_texts(w, &mut texts);
    texts.extend(req.names.iter().map(String::as_str));
    texts.extend(
        [&req.school, &req.trainer, &req.date]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    if let Some(a) = req.answers {
        answer_texts(a, &mut texts);
    }
    let mut found = Vec::new();
    // Plain ASCII always prints (Atkinson has it all): only the rest is looked up.
    for c in texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_ascii())
    {
        if !found.contains(&c) && !prints(c) {
            found.push(c);
        }
    }
    found
}
