//! One place per item kind: its Dutch words and its numbering.
//!
//! The app, the PDFs, the room and the command line all speak of the same
//! things in the same words: the workshop has *onderdelen* (its sections),
//! and within them *dia's*, *casussen*, *checklists*, *timers* and
//! *pauzes*. Each kind is numbered on its own, in workshop order, from 1:
//! "dia 12 van 37" is the twelfth slide wherever it is shown or printed.
//! Every match here is exhaustive, so a new kind of item is a compile error
//! until it has its words.

use super::markup::RichText;
use super::picture::Picture;
use super::workshop::{
    Break, Case, Checklist, ChecklistMode, Item, ItemRef, Slide, Timer, Workshop,
};

/// The kinds of item a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Slide,
    Case,
    Checklist,
    Timer,
    Break,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Slide,
        ItemKind::Case,
        ItemKind::Checklist,
        ItemKind::Timer,
        ItemKind::Break,
    ];

    /// The noun in lower case: "dia", "casus", …
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Slide => "dia",
            ItemKind::Case => "casus",
            ItemKind::Checklist => "checklist",
            ItemKind::Timer => "timer",
            ItemKind::Break => "pauze",
        }
    }

    /// The plural in lower case: "dia’s", "casussen", …
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Slide => "dia’s",
            ItemKind::Case => "casussen",
            ItemKind::Checklist => "checklists",
            ItemKind::Timer => "timers",
            ItemKind::Break => "pauzes",
        }
    }

    /// The noun with a capital, for labels: "Dia", "Casus", …
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Slide => "Dia",
            ItemKind::Case => "Casus",
            ItemKind::Checklist => "Checklist",
            ItemKind::Timer => "Timer",
            ItemKind::Break => "Pauze",
        }
    }

    /// "1 casus", "5 casussen", "0 pauzes".
    pub fn count(self, n: usize) -> String {
        if n == 1 {
            format!("1 {}", self.noun())
        } else {
            format!("{n} {}", self.plural())
        }
    }
}

/// "1 onderdeel", "9 onderdelen".
pub fn count_sections(n: usize) -> String {
    if n == 1 {
        "1 onderdeel".to_owned()
    } else {
        format!("{n} onderdelen")
    }
}

impl ChecklistMode {
    /// How a checklist is filled in, as every screen and handout says it.
    pub fn label(self) -> &'static str {
        match self {
            ChecklistMode::Individual => "Ieder voor zich",
            ChecklistMode::Group => "Samen in je groep",
        }
    }
}

impl Item {
    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Slide(_) => ItemKind::Slide,
            Item::Case(_) => ItemKind::Case,
            Item::Checklist(_) => ItemKind::Checklist,
            Item::Timer(_) => ItemKind::Timer,
            Item::Break(_) => ItemKind::Break,
        }
    }
}

/// What the room sees of a slide: everything but the speaker notes.
#[derive(Debug, Clone, Copy)]
pub struct RoomSlide<'a> {
    pub title: &'a str,
    pub body: &'a RichText,
    /// The image's path as written in the workshop, and its pixels.
    pub image: Option<&'a str>,
    pub picture: Option<&'a Picture>,
    /// What the picture shows, in words (for screen readers).
    pub alt: &'a str,
    /// Where the picture goes against the text.
    pub layout: super::workshop::SlideLayout,
}

/// What the room sees of a case: everything but the trainer's notes.
#[derive(Debug, Clone, Copy)]
pub struct RoomCase<'a> {
    pub title: &'a str,
    pub who: &'a str,
    pub situation: &'a RichText,
    pub questions: &'a [String],
}

/// What the room may see of an item. The projector, the workbook, the
/// slides PDF and the room's pages draw from this, so a trainer's note cannot
/// reach them by mistake: it is not in here.
#[derive(Debug, Clone, Copy)]
pub enum RoomItem<'a> {
    Slide(RoomSlide<'a>),
    Case(RoomCase<'a>),
    /// A checklist has nothing only for the trainer.
    Checklist(&'a Checklist),
    Timer(&'a Timer),
    Break(&'a Break),
}

/// What only the trainer sees of an item, with the heading it goes under.
#[derive(Debug, Clone, Copy)]
pub struct TrainerNote<'a> {
    pub heading: &'static str,
    pub text: &'a RichText,
}

impl<'a> From<&'a Slide> for RoomSlide<'a> {
    fn from(s: &'a Slide) -> Self {
        RoomSlide {
            title: &s.title,
            body: &s.body,
            image: s.image.as_deref(),
            picture: s.picture.as_ref(),
            alt: &s.alt,
            layout: s.layout,
        }
    }
}

impl<'a> From<&'a Case> for RoomCase<'a> {
    fn from(c: &'a Case) -> Self {
        RoomCase {
            title: &c.title,
            who: &c.who,
            situation: &c.situation,
            questions: &c.questions,
        }
    }
}

impl Item {
    /// The room's part of this item: the one place that says what that is.
    pub fn for_room(&self) -> RoomItem<'_> {
        match self {
            Item::Slide(s) => RoomItem::Slide(s.into()),
            Item::Case(c) => RoomItem::Case(c.into()),
            Item::Checklist(c) => RoomItem::Checklist(c),
            Item::Timer(t) => RoomItem::Timer(t),
            Item::Break(b) => RoomItem::Break(b),
        }
    }

    /// The trainer's part: speaker notes of a slide, trainer notes of a case.
    pub fn for_trainer(&self) -> Option<TrainerNote<'_>> {
        let note = match self {
            Item::Slide(s) => TrainerNote {
                heading: "Sprekersnotities",
                text: &s.notes,
            },
            Item::Case(c) => TrainerNote {
                heading: "Trainersnotities",
                text: &c.trainer_notes,
            },
            Item::Checklist(_) | Item::Timer(_) | Item::Break(_) => return None,
        };
        Some(note).filter(|n| !n.text.is_empty())
    }
}

/// Where an item stands: its onderdeel and its number among its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: ItemKind,
    /// 1-based number of the item among the items of its kind.
    pub number: usize,
    /// How many items of this kind the workshop has.
    pub of: usize,
    /// 1-based number of the section (onderdeel).
    pub section: usize,
    pub sections: usize,
}

impl Place {
    /// "dia 12".
    pub fn name(&self) -> String {
        format!("{} {}", self.kind.noun(), self.number)
    }

    /// "Dia 12", for a label.
    pub fn label(&self) -> String {
        format!("{} {}", self.kind.label(), self.number)
    }

    /// "dia 12 van 37".
    pub fn kind_text(&self) -> String {
        format!("{} {} van {}", self.kind.noun(), self.number, self.of)
    }

    /// "onderdeel 3 van 9".
    pub fn section_text(&self) -> String {
        format!("onderdeel {} van {}", self.section, self.sections)
    }
}

impl Workshop {
    /// How many items of a kind the workshop has.
    pub fn count_of(&self, kind: ItemKind) -> usize {
        self.items().filter(|i| i.kind() == kind).count()
    }

    /// The place of an item, or `None` for a position that does not exist.
    pub fn place(&self, at: ItemRef) -> Option<Place> {
        let kind = self.item(at)?.kind();
        // Drawn every frame (the progress line): walk the sections, no list.
        let before = (self.sections.iter().enumerate())
            .flat_map(|(si, s)| (s.items.iter().enumerate()).map(move |(ii, i)| (si, ii, i.kind())))
            .take_while(|(si, ii, _)| (*si, *ii) != (at.section, at.item))
            .filter(|(_, _, k)| *k == kind)
            .count();
        Some(Place {
            kind,
            number: before + 1,
            of: self.count_of(kind),
            section: at.section + 1,
            sections: self.sections.len(),
        })
    }

    /// The number of a slide as the app, the guide and the slides PDF show
    /// it ("dia 12"); `None` when `at` is not a slide.
    pub fn slide_number(&self, at: ItemRef) -> Option<usize> {
        self.place(at)
            .filter(|p| p.kind == ItemKind::Slide)
            .map(|p| p.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RichText, Section};

    fn slide(title: &str) -> Item {
        Item::Slide(Slide {
            title: title.into(),
            body: RichText::default(),
            image: None,
            alt: String::new(),
            layout: Default::default(),
            picture: None,
            notes: RichText::default(),
            minutes: None,
            summary: false,
            activities: Vec::new(),
        })
    }

    fn workshop() -> Workshop {
        let pause = Item::Break(Break {
            label: "Pauze".into(),
            minutes: 15,
        });
        Workshop {
            title: "T".into(),
            subtitle: String::new(),
            author: String::new(),
            language: "nl-NL".into(),
            follow_up: RichText::default(),
            guide_pages: vec![],
            variants: vec![],
            variant: None,
            sections: vec![
                Section {
                    title: "Een".into(),
                    minutes: 10,
                    items: vec![slide("a"), pause.clone(), slide("b")],
                },
                Section {
                    title: "Twee".into(),
                    minutes: 10,
                    items: vec![pause, slide("c")],
                },
            ],
        }
    }

    #[test]
    fn each_kind_is_numbered_on_its_own_across_sections() {
        let w = workshop();
        let at = |section, item| ItemRef { section, item };
        assert_eq!(w.slide_number(at(0, 0)), Some(1));
        assert_eq!(w.slide_number(at(0, 2)), Some(2));
        assert_eq!(w.slide_number(at(1, 1)), Some(3));
        assert_eq!(w.slide_number(at(1, 0)), None);
        let p = w.place(at(1, 0)).unwrap();
        assert_eq!((p.kind, p.number, p.of), (ItemKind::Break, 2, 2));
        assert_eq!(p.kind_text(), "pauze 2 van 2");
        assert_eq!(p.name(), "pauze 2");
        assert_eq!(p.section_text(), "onderdeel 2 van 2");
        assert_eq!(w.place(at(2, 0)), None);
        assert_eq!(w.place(at(0, 9)), None);
    }

    #[test]
    fn trainer_notes_are_never_in_the_rooms_part() {
        let notes = RichText::parse("GEHEIM: vraag door naar de ouders");
        let with_notes = Item::Slide(Slide {
            notes,
            ..match slide("Welkom") {
                Item::Slide(s) => s,
                other => panic!("geen dia: {other:?}"),
            }
        });
        assert!(!format!("{:?}", with_notes.for_room()).contains("GEHEIM"));
        let note = with_notes.for_trainer().expect("a note");
        assert_eq!(note.heading, "Sprekersnotities");
        assert!(format!("{:?}", note.text).contains("GEHEIM"));
        let pause = Item::Break(Break {
            label: "Pauze".into(),
            minutes: 5,
        });
        assert!(pause.for_trainer().is_none());
        assert!(
            slide("Leeg").for_trainer().is_none(),
            "empty notes are no note"
        );
    }

    #[test]
    fn counts_in_dutch() {
        assert_eq!(ItemKind::Case.count(1), "1 casus");
        assert_eq!(ItemKind::Case.count(5), "5 casussen");
        assert_eq!(ItemKind::Slide.count(37), "37 dia’s");
        assert_eq!(count_sections(9), "9 onderdelen");
        assert_eq!(count_sections(1), "1 onderdeel");
        for kind in ItemKind::ALL {
            assert_eq!(kind.label().to_lowercase(), kind.noun());
        }
    }
}
