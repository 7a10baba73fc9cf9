//! `kampvuur text`: every visible string of a workshop, as plain text.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::content::load_workshop;
use crate::model::{ChecklistItem, RichText, RoomItem, Workshop};

/// Prints all text a participant or trainer can see, one paragraph or list
/// item per line, without markup (for spell checking and word counts).
pub fn text(file: &Path, variant: Option<&str>) -> ExitCode {
    let loaded = load_workshop(file)
        .map_err(|e| e.to_string())
        .and_then(|w| super::derive(w, file, variant));
    match loaded.map(|(w, _)| w) {
        Ok(w) => {
            let mut out = std::io::stdout().lock();
            for line in lines(&w) {
                if writeln!(out, "{line}").is_err() {
                    // Closed pipe (`| head`): nothing more to do.
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The visible strings of `w` in document order, one line each, empty ones left out.
pub fn lines(w: &Workshop) -> Vec<String> {
    let mut out = Lines::default();
    out.plain(&w.title);
    out.plain(&w.subtitle);
    out.plain(&w.author);
    for section in &w.sections {
        out.plain(&section.title);
        for item in &section.items {
            out.plain(item.title());
            match item.for_room() {
                RoomItem::Slide(s) => {
                    out.rich(s.body);
                    // The picture in words, as a screen reader says it.
                    if s.image.is_some() && !s.alt.trim().is_empty() {
                        out.plain(&format!("Afbeelding: {}", s.alt));
                    }
                }
                RoomItem::Case(c) => {
                    out.plain(c.who);
                    out.rich(c.situation);
                    c.questions.iter().for_each(|q| out.plain(q));
                }
                RoomItem::Checklist(c) => {
                    out.rich(&c.intro);
                    for i in &c.items {
                        out.plain(i.text());
                        if let ChecklistItem::Scale { left, right, .. } = i {
                            out.plain(left);
                            out.plain(right);
                        }
                    }
                }
                RoomItem::Timer(t) => out.rich(&t.instruction),
                RoomItem::Break(_) => {}
            }
            if let Some(note) = item.for_trainer() {
                out.rich(note.text);
            }
        }
    }
    if !w.follow_up.is_empty() {
        out.plain(crate::pdf::FOLLOW_UP_TITLE);
        out.rich(&w.follow_up);
    }
    for page in &w.guide_pages {
        out.plain(&page.title);
        out.rich(&page.body);
    }
    out.0
}

#[derive(Default)]
struct Lines(Vec<String>);

impl Lines {
    fn plain(&mut self, s: &str) {
        let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            self.0.push(line);
        }
    }

    fn rich(&mut self, r: &RichText) {
        for line in r.plain_lines() {
            self.plain(&line);
        }
    }
}
