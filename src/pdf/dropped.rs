//! What the fonts cannot print, found before a document is made: every
//! character of the texts a document may show (the workshop, the names and
//! the details typed for the cover, a participant's answers) that no bundled
//! font has. An emoji or a skin-tone modifier drops out of the PDF; letters
//! of a script with no font become "[niet af te drukken]". The export says
//! so once, listing each character once.

use crate::model::{AnswerSet, ChecklistItem, Item, RichText, Workshop};

use super::ExportRequest;
use super::font::unprintable;

/// The texts of the workshop, one after the other.
fn workshop_texts(w: &Workshop, out: &mut Vec<String>) {
    let rich = |r: &RichText| r.source().to_owned();
    out.extend([w.title.clone(), w.subtitle.clone(), w.author.clone()]);
    out.push(rich(&w.follow_up));
    for p in &w.guide_pages {
        out.extend([p.title.clone(), rich(&p.body)]);
    }
    for s in &w.sections {
        out.push(s.title.clone());
        for item in &s.items {
            match item {
                Item::Slide(sl) => {
                    out.extend([sl.title.clone(), rich(&sl.body), sl.alt.clone()]);
                    out.push(rich(&sl.notes));
                }
                Item::Case(c) => {
                    out.extend([c.title.clone(), c.who.clone(), rich(&c.situation)]);
                    out.extend(c.questions.iter().cloned());
                    out.push(rich(&c.trainer_notes));
                }
                Item::Checklist(cl) => {
                    out.extend([cl.title.clone(), rich(&cl.intro)]);
                    for it in &cl.items {
                        out.push(it.text().to_owned());
                        if let ChecklistItem::Scale { left, right, .. } = it {
                            out.extend([left.clone(), right.clone()]);
                        }
                    }
                }
                Item::Timer(t) => out.extend([t.label.clone(), rich(&t.instruction)]),
                Item::Break(b) => out.push(b.label.clone()),
            }
        }
    }
}

fn answer_texts(a: &AnswerSet, out: &mut Vec<String>) {
    out.push(a.participant.clone());
    for answers in a.checklists.values() {
        for answer in answers {
            if let crate::model::Answer::Open(t) = answer {
                out.push(t.clone());
            }
        }
    }
}

/// Each character that no bundled font prints, once, in the order found.
pub fn dropped(w: &Workshop, req: &ExportRequest) -> Vec<char> {
    let mut texts = Vec::new();
    workshop_texts(w, &mut texts);
    texts.extend(req.names.iter().cloned());
    texts.extend(
        [&req.school, &req.trainer, &req.date]
            .into_iter()
            .flatten()
            .cloned(),
    );
    if let Some(a) = req.answers {
        answer_texts(a, &mut texts);
    }
    let mut found = Vec::new();
    // Plain ASCII always prints (Atkinson has it all): only the rest is looked up.
    for t in texts.iter().filter(|t| !t.is_ascii()) {
        for (_, c) in unprintable(t).unwrap_or_default() {
            if !found.contains(&c) {
                found.push(c);
            }
        }
    }
    found
}
