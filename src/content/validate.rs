//! Checks of a parsed workshop that serde cannot express, each with its position.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::model::{Checklist, ChecklistItem, Item, Picture, RichText, Section, Workshop};

use super::error::Diagnostic;
use super::locate::{Pos, Value};

/// A place in the source tree, with the best position known so far: when a
/// value cannot be found, its parent's position is used.
#[derive(Clone, Copy)]
struct Loc<'a> {
    value: Option<&'a Value>,
    pos: Pos,
}

impl<'a> Loc<'a> {
    fn new(value: Option<&'a Value>, fallback: Pos) -> Self {
        Self {
            value,
            pos: value.map_or(fallback, |v| v.pos),
        }
    }

    fn field(self, name: &str) -> Self {
        Self::new(self.value.and_then(|v| v.field(name)), self.pos)
    }

    fn elem(self, index: usize) -> Self {
        Self::new(self.value.and_then(|v| v.elem(index)), self.pos)
    }
}

/// More minutes than a (long) day is a typing error, and would make sums overflow.
const MAX_MINUTES: u32 = 600;

struct Checker<'a> {
    out: Vec<Diagnostic>,
    base_dir: Option<&'a Path>,
    /// Slide images that decoded, by the path written in the file.
    pictures: HashMap<String, Picture>,
    /// Pixels the images not yet decoded may still have together.
    pixel_budget: super::picture::PixelBudget,
}

impl Checker<'_> {
    fn error(&mut self, at: Loc, message: String) {
        self.out.push(Diagnostic::at(at.pos, message));
    }

    fn rich(&mut self, item: Loc, field: &str, text: &RichText) {
        if text.issues().is_empty() {
            return;
        }
        let at = item.field(field);
        // Compared once, not once per issue: a text can have thousands.
        let lit = at.value.and_then(Value::str_lit);
        let exact = lit.filter(|lit| lit.text == text.source());
        for issue in text.issues() {
            let pos = match (exact, lit) {
                (Some(lit), _) => lit.pos_at(issue.offset),
                (None, Some(lit)) => lit.pos,
                (None, None) => at.pos,
            };
            self.out.push(Diagnostic::at(pos, issue.message.clone()));
        }
    }

    fn title(&mut self, at: Loc, title: &str, what: &str) {
        if title.trim().is_empty() {
            self.error(at, format!("{what} heeft geen titel"));
        } else if let Some(why) = crate::model::title_too_long(title, what) {
            self.error(at, why);
        }
    }

    fn minutes(&mut self, at: Loc, minutes: u32, what: &str) {
        if minutes == 0 {
            self.error(
                at.field("minutes"),
                format!("{what} duurt 0 minuten; geef minstens 1 minuut op"),
            );
        } else if minutes > MAX_MINUTES {
            self.error(
                at.field("minutes"),
                format!(
                    "{what} duurt {minutes} minuten; dat is meer dan een hele dag ({MAX_MINUTES})"
                ),
            );
        }
    }
}

/// A value from the file as it can be quoted in a one-line message: control
/// characters escaped, long text shortened.
pub(crate) fn show(s: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = s
        .chars()
        .take(MAX)
        .flat_map(|c| {
            let escaped: Vec<char> = match c {
                '\n' | '\r' | '\t' => c.escape_debug().collect(),
                _ if super::error::is_hidden(c) => {
                    format!("U+{:04X}", u32::from(c)).chars().collect()
                }
                _ => vec![c],
            };
            escaped
        })
        .collect();
    if s.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

/// All problems of `workshop`, located through `tree` (the parsed source) and
/// sorted by position, and the slide images that decoded. Slide images are
/// read when `base_dir` is given.
pub(crate) fn validate(
    workshop: &Workshop,
    tree: Option<&Value>,
    base_dir: Option<&Path>,
) -> (Vec<Diagnostic>, HashMap<String, Picture>) {
    let mut c = Checker {
        out: Vec::new(),
        base_dir,
        pictures: HashMap::new(),
        pixel_budget: super::picture::PixelBudget::default(),
    };
    let root = Loc::new(tree, Pos::default());
    c.title(root.field("title"), &workshop.title, "de workshop");
    if workshop.sections.is_empty() {
        c.error(
            root.field("sections"),
            "de workshop heeft geen onderdelen".into(),
        );
    }
    let items: usize = workshop.sections.iter().map(|s| s.items.len()).sum();
    if items > crate::model::MAX_ITEMS {
        c.error(
            root.field("sections"),
            format!(
                "de workshop heeft {items} items; het maximum is {} (dia’s, casussen, checklists, timers en pauzes samen)",
                crate::model::MAX_ITEMS
            ),
        );
    }
    let ids: BTreeSet<&str> = workshop.checklists().map(|c| c.id.as_str()).collect();
    let mut seen: HashMap<&str, Pos> = HashMap::new();
    let sections = root.field("sections");
    for (si, section) in workshop.sections.iter().enumerate() {
        let at = sections.elem(si);
        let what = if section.title.trim().is_empty() {
            format!("onderdeel {}", si + 1)
        } else {
            format!("onderdeel ‘{}’", show(&section.title))
        };
        c.title(at.field("title"), &section.title, &what);
        c.minutes(at, section.minutes, &what);
        if section.items.is_empty() {
            c.error(
                at.field("title"),
                format!(
                    "{what} heeft geen items; zet er minstens één dia, casus, checklist, timer of pauze in"
                ),
            );
        }
        let items = at.field("items");
        for (ii, item) in section.items.iter().enumerate() {
            let at = items.elem(ii);
            let what = format!("{} {} van {what}", item.kind().noun(), ii + 1);
            let title_field = match item {
                Item::Timer(_) | Item::Break(_) => "label",
                _ => "title",
            };
            c.title(at.field(title_field), item.title(), &what);
            check_item(&mut c, at, item, &what, &ids, &mut seen);
        }
        claimed(&mut c, at, section, &what);
    }
    appendix(&mut c, root, workshop);
    let mut out = c.out;
    out.sort_by_key(|d| (d.line == 0, d.line, d.col));
    (out, c.pictures)
}

/// The minutes that a section's items claim may not add up to more than the
/// section's own minutes (a section of 0 minutes is reported already).
fn claimed(c: &mut Checker, at: Loc, section: &Section, what: &str) {
    let claimed = section.claimed_minutes();
    if section.minutes > 0 && claimed > u64::from(section.minutes) {
        c.error(
            at.field("minutes"),
            format!(
                "{what} duurt {} minuten, maar de items claimen samen {claimed} minuten; \
                 maak de items korter of geef het onderdeel meer minuten",
                section.minutes
            ),
        );
    }
}

/// The team follow-up plan and the trainer guide's appendix pages.
fn appendix(c: &mut Checker, root: Loc, workshop: &Workshop) {
    c.rich(root, "follow_up", &workshop.follow_up);
    let pages = root.field("guide_pages");
    for (i, page) in workshop.guide_pages.iter().enumerate() {
        let at = pages.elem(i);
        let what = format!("handleidingpagina {}", i + 1);
        c.title(at.field("title"), &page.title, &what);
        if page.body.is_empty() {
            c.error(at.field("body"), format!("{what} heeft geen tekst"));
        }
        c.rich(at, "body", &page.body);
    }
}

fn check_item<'w>(
    c: &mut Checker,
    at: Loc,
    item: &'w Item,
    what: &str,
    ids: &BTreeSet<&str>,
    seen: &mut HashMap<&'w str, Pos>,
) {
    if let Item::Slide(_) | Item::Case(_) | Item::Checklist(_) = item
        && let Some(m) = item.minutes()
    {
        c.minutes(at, m, what);
    }
    match item {
        Item::Slide(slide) => {
            c.rich(at, "body", &slide.body);
            c.rich(at, "notes", &slide.notes);
            if slide.image.is_some() && slide.alt.trim().is_empty() {
                c.error(
                    at.field("image"),
                    format!(
                        "{what} heeft een beschrijving nodig: alt: \"…\" (in een of twee zinnen wat \
                         de afbeelding laat zien; een schermlezer leest hem voor, en hij staat in de PDF's)"
                    ),
                );
            }
            if let (Some(image), Some(dir)) = (&slide.image, c.base_dir)
                && !c.pictures.contains_key(image)
            {
                match super::picture::load_image(dir, image, &mut c.pixel_budget) {
                    Ok(picture) => {
                        c.pictures.insert(image.clone(), picture);
                    }
                    Err(why) => c.error(at.field("image"), why),
                }
            }
        }
        Item::Case(case) => {
            c.rich(at, "situation", &case.situation);
            c.rich(at, "trainer_notes", &case.trainer_notes);
            if case.questions.is_empty() {
                c.error(
                    at.field("questions"),
                    format!("{what} heeft geen bespreekvragen"),
                );
            }
            if !ids.contains(case.checklist.as_str()) {
                let known = if ids.is_empty() {
                    "deze workshop heeft geen checklists".to_owned()
                } else {
                    const SHOWN: usize = 10;
                    let list: Vec<String> = ids.iter().take(SHOWN).map(|id| show(id)).collect();
                    let more = match ids.len().saturating_sub(SHOWN) {
                        0 => String::new(),
                        n => format!(" en nog {n}"),
                    };
                    format!("bekende ids: {}{more}", list.join(", "))
                };
                c.error(
                    at.field("checklist"),
                    format!(
                        "{what} verwijst naar checklist ‘{}’, maar die bestaat niet; {known}",
                        show(&case.checklist)
                    ),
                );
            }
        }
        Item::Checklist(list) => check_checklist(c, at, list, what, seen),
        Item::Timer(timer) => {
            c.minutes(at, timer.minutes, what);
            c.rich(at, "instruction", &timer.instruction);
        }
        Item::Break(b) => c.minutes(at, b.minutes, what),
    }
}

fn check_checklist<'w>(
    c: &mut Checker,
    at: Loc,
    list: &'w Checklist,
    what: &str,
    seen: &mut HashMap<&'w str, Pos>,
) {
    let id_at = at.field("id");
    if list.id.trim().is_empty() {
        c.error(id_at, format!("{what} heeft geen id"));
    } else if let Some(first) = seen.get(list.id.as_str()) {
        let earlier = if first.line > 0 {
            format!(" (eerder op regel {})", first.line)
        } else {
            String::new()
        };
        c.error(
            id_at,
            format!(
                "checklist-id ‘{}’ komt twee keer voor{earlier}; elke checklist heeft een eigen id",
                show(&list.id)
            ),
        );
    } else {
        seen.insert(&list.id, id_at.pos);
    }
    c.rich(at, "intro", &list.intro);
    if list.items.is_empty() {
        c.error(at.field("items"), format!("{what} heeft geen vragen"));
    }
    let items = at.field("items");
    for (i, item) in list.items.iter().enumerate() {
        let at = items.elem(i);
        match item {
            ChecklistItem::Scale { steps, .. } if !(2..=10).contains(steps) => c.error(
                at.field("steps"),
                format!(
                    "een schaal heeft 2 tot en met 10 stappen, niet {steps} (vraag {} van {what})",
                    i + 1
                ),
            ),
            ChecklistItem::Open { lines, .. } if !(1..=20).contains(lines) => c.error(
                at.field("lines"),
                format!(
                    "een open vraag heeft 1 tot en met 20 schrijfregels, niet {lines} (vraag {} van {what})",
                    i + 1
                ),
            ),
            _ => {}
        }
    }
}
