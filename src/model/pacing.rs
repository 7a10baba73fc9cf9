//! The timing model: what the things that happen in an item cost with a team
//! of about 25 teachers, so that planned minutes can be checked.
//!
//! An item says what happens in it with `activities`; the model turns that
//! into seconds. The figures, and why, are in docs/workshop-format.md
//! ("Tijdmodel"). Pure data and arithmetic: no I/O.

use serde::{Deserialize, Serialize};

use super::markup::RichText;
use super::workshop::{ChecklistItem, Item, Section, Workshop};

/// One thing that happens during an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activity {
    /// The trainer explains or tells, for this many minutes.
    Uitleg(u32),
    /// One question to the whole room: think time and two or three answers.
    PlenaireVraag,
    /// Neighbours talk in twos or threes for this many minutes.
    Tweetallen(u32),
    /// Forming groups of three to five and handing out the cases.
    Groepjes,
    /// Groups work on their own for this many minutes (a timer).
    Groepswerk(u32),
    /// Each group says its result in a sentence or two.
    Terugkoppeling { groups: u32 },
    /// Someone reads the item's text aloud (a case's situation).
    Voorlezen,
    /// Everyone fills in the checklist with this id, alone.
    Invullen(String),
    /// A physical or breathing exercise of this many minutes.
    Oefening(u32),
}

/// Seconds for one plenary question: the question, ten to twenty seconds of
/// silence, two or three answers of about twenty seconds, a short reaction.
pub const PLENARY_QUESTION: u32 = 90;
/// Extra seconds for a talk in twos or threes: the instruction, turning to
/// each other, and getting the room's attention back.
pub const PAIR_OVERHEAD: u32 = 60;
/// Seconds to form groups of three to five with 25 people, move chairs and
/// hand out the cases.
pub const FORM_GROUPS: u32 = 180;
/// Seconds per group for a report-back, and once to start the round.
pub const REPORT_PER_GROUP: u32 = 45;
pub const REPORT_START: u32 = 30;
/// Words per minute when a text is read aloud to a group, and the seconds
/// to find a reader.
pub const READ_WORDS_PER_MINUTE: u32 = 120;
pub const READ_START: u32 = 30;
/// Seconds to open a checklist (workbook or phone), and per item.
pub const FILL_START: u32 = 30;
pub const FILL_CHECK: u32 = 10;
pub const FILL_YES_NO: u32 = 15;
pub const FILL_SCALE: u32 = 15;
pub const FILL_OPEN: u32 = 30;
pub const FILL_OPEN_PER_LINE: u32 = 15;
/// Minutes for the transition to the next section: the closing sentence,
/// people settling, the next slide. A section with a break has none: the
/// break covers it.
pub const TRANSITION_MINUTES: u32 = 1;

/// What an item of the workshop costs by the model, and what it plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCost {
    pub title: String,
    /// The minutes the item claims (0 when it has none).
    pub planned: u32,
    /// The model's cost of its activities, in seconds.
    pub seconds: u32,
    /// Activities the model cannot price, in Dutch (e.g. an unknown checklist).
    pub problems: Vec<String>,
}

impl ItemCost {
    /// The cost rounded up to whole minutes.
    pub fn minutes(&self) -> u32 {
        self.seconds.div_ceil(60)
    }

    /// Planned at least what the model says.
    pub fn fits(&self) -> bool {
        u64::from(self.planned) * 60 >= u64::from(self.seconds) && self.problems.is_empty()
    }
}

/// The activities an item declares.
pub fn activities(item: &Item) -> &[Activity] {
    match item {
        Item::Slide(s) => &s.activities,
        Item::Case(c) => &c.activities,
        Item::Checklist(c) => &c.activities,
        Item::Timer(t) => &t.activities,
        Item::Break(_) => &[],
    }
}

/// The text that `Voorlezen` reads: a case's situation, a slide's body, a
/// checklist's introduction or a timer's instruction.
fn read_text(item: &Item) -> Option<&RichText> {
    match item {
        Item::Slide(s) => Some(&s.body),
        Item::Case(c) => Some(&c.situation),
        Item::Checklist(c) => Some(&c.intro),
        Item::Timer(t) => Some(&t.instruction),
        Item::Break(_) => None,
    }
}

/// Seconds to fill in one checklist alone.
pub fn fill_seconds(items: &[ChecklistItem]) -> u32 {
    let per_item: u32 = items
        .iter()
        .map(|i| match i {
            ChecklistItem::Check(_) => FILL_CHECK,
            ChecklistItem::YesNo(_) => FILL_YES_NO,
            ChecklistItem::Scale { .. } => FILL_SCALE,
            ChecklistItem::Open { lines, .. } => {
                FILL_OPEN.saturating_add(FILL_OPEN_PER_LINE.saturating_mul(u32::from(*lines)))
            }
        })
        .fold(0, u32::saturating_add);
    FILL_START.saturating_add(per_item)
}

/// The model's cost of one activity in `item`, or why it has none.
fn activity_seconds(a: &Activity, item: &Item, workshop: &Workshop) -> Result<u32, String> {
    let min = |m: u32| m.saturating_mul(60);
    Ok(match a {
        Activity::Uitleg(m) | Activity::Groepswerk(m) | Activity::Oefening(m) => min(*m),
        Activity::PlenaireVraag => PLENARY_QUESTION,
        Activity::Tweetallen(m) => min(*m).saturating_add(PAIR_OVERHEAD),
        Activity::Groepjes => FORM_GROUPS,
        Activity::Terugkoppeling { groups } => {
            REPORT_START.saturating_add(REPORT_PER_GROUP.saturating_mul(*groups))
        }
        Activity::Voorlezen => {
            let words = read_text(item).map_or(0, RichText::word_count);
            let words = u32::try_from(words).unwrap_or(u32::MAX);
            READ_START.saturating_add(words.saturating_mul(60).div_ceil(READ_WORDS_PER_MINUTE))
        }
        Activity::Invullen(id) => match workshop.checklist(id) {
            Some(c) => fill_seconds(&c.items),
            None => return Err(format!("Invullen(\"{id}\"): er is geen checklist ‘{id}’")),
        },
    })
}

/// The cost of one item of `workshop` by the model.
pub fn item_cost(item: &Item, workshop: &Workshop) -> ItemCost {
    let mut seconds = 0u32;
    let mut problems = Vec::new();
    for a in activities(item) {
        match activity_seconds(a, item, workshop) {
            Ok(s) => seconds = seconds.saturating_add(s),
            Err(p) => problems.push(p),
        }
    }
    ItemCost {
        title: item.title().to_owned(),
        planned: item.minutes().unwrap_or(0),
        seconds,
        problems,
    }
}

/// The transition minutes a section adds to its items.
pub fn transition(section: &Section) -> u32 {
    if section.items.iter().any(|i| matches!(i, Item::Break(_))) {
        0
    } else {
        TRANSITION_MINUTES
    }
}

/// One section held to the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionCost {
    pub title: String,
    pub planned: u32,
    /// Minutes its items claim plus the transition.
    pub claimed: u64,
    /// Minutes by the model: per item the larger of planned and cost, plus the transition.
    pub model: u64,
    pub items: Vec<ItemCost>,
}

/// Every section of the workshop held to the model.
pub fn section_costs(workshop: &Workshop) -> Vec<SectionCost> {
    workshop
        .sections
        .iter()
        .map(|s| {
            let items: Vec<ItemCost> = s.items.iter().map(|i| item_cost(i, workshop)).collect();
            let t = u64::from(transition(s));
            let model = items
                .iter()
                .map(|c| u64::from(c.planned.max(c.minutes())))
                .sum::<u64>()
                + t;
            SectionCost {
                title: s.title.clone(),
                planned: s.minutes,
                claimed: s.claimed_minutes() + t,
                model,
                items,
            }
        })
        .collect()
}

/// Dutch warnings for items whose minutes are below what their activities
/// cost, or whose activities cannot be priced; for `kampvuur check`.
pub fn warnings(workshop: &Workshop) -> Vec<String> {
    let mut out = Vec::new();
    for s in section_costs(workshop) {
        for c in &s.items {
            for p in &c.problems {
                out.push(format!("‘{}’ in ‘{}’: {p}", c.title, s.title));
            }
            if c.problems.is_empty() && !c.fits() {
                out.push(format!(
                    "‘{}’ in ‘{}’ plant {} min, maar wat erin gebeurt kost volgens het tijdmodel {} min",
                    c.title,
                    s.title,
                    c.planned,
                    c.minutes()
                ));
            }
        }
    }
    out
}
