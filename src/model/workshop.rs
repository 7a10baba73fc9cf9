//! The workshop: sections of slides, cases, checklists, timers and breaks.

use serde::{Deserialize, Serialize};

use super::markup::RichText;

/// One workshop, as loaded from one RON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    /// Author and/or organisation, shown on the start screen and in handouts.
    #[serde(default)]
    pub author: String,
    /// BCP 47 language tag, e.g. "nl-NL".
    #[serde(default = "default_language")]
    pub language: String,
    pub sections: Vec<Section>,
    /// Team follow-up plan (after the afternoon), printed in the trainer guide.
    #[serde(default)]
    pub follow_up: RichText,
    /// Extra pages at the end of the trainer guide (not shown as slides).
    #[serde(default)]
    pub guide_pages: Vec<GuidePage>,
    /// Ready-made variants by the author ("90 minuten"); see `variant.rs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<super::variant::Variant>,
    /// The name of the variant this workshop was derived with, if any.
    #[serde(skip)]
    pub variant: Option<String>,
}

/// A page of the trainer guide's appendix, e.g. difficult moments or sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidePage {
    pub title: String,
    pub body: RichText,
}

fn default_language() -> String {
    "nl-NL".to_owned()
}

/// A part of the afternoon with its planned duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    pub minutes: u32,
    pub items: Vec<Item>,
}

impl Section {
    /// The minutes its items claim together (items without minutes count 0).
    pub fn claimed_minutes(&self) -> u64 {
        self.items
            .iter()
            .filter_map(Item::minutes)
            .map(u64::from)
            .sum()
    }
}

/// Anything that can be shown on the screen, one at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Slide(Slide),
    Case(Case),
    Checklist(Checklist),
    Timer(Timer),
    Break(Break),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub title: String,
    #[serde(default)]
    pub body: RichText,
    /// Image path (PNG or SVG), relative to the workshop file.
    #[serde(default)]
    pub image: Option<String>,
    /// What the image shows, in words: read by screen readers and put in the
    /// tagged PDFs. Required when there is an image.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    /// Where the image goes on the slide.
    #[serde(default, skip_serializing_if = "SlideLayout::is_auto")]
    pub layout: SlideLayout,
    /// The decoded image, filled in by the loader.
    #[serde(skip)]
    pub picture: Option<super::picture::Picture>,
    #[serde(default)]
    pub notes: RichText,
    /// Planned minutes for this slide, if the author gives them.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Printed in the samenvatting (the one- or two-page summary).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summary: bool,
    /// What happens in the item, for the timing model (model/pacing.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<super::pacing::Activity>,
}

/// How a slide places its image against its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlideLayout {
    /// Beside the text when the text is short, below it otherwise; the image
    /// alone when there is no text.
    #[default]
    Auto,
    /// The image to the right of the text.
    Beside,
    /// The image below the text.
    Below,
    /// The image alone, as large as the screen allows; the title stays.
    Full,
}

/// A slide text of at most this many words goes beside the picture in the
/// automatic layout; a longer one goes above it, over the full width.
pub const SHORT_WORDS: usize = 40;

impl SlideLayout {
    pub fn is_auto(&self) -> bool {
        *self == SlideLayout::Auto
    }

    /// The layout a slide with this body ends up with, on the screen and in
    /// the slides PDF alike: `Auto` decided by the text (none: the picture
    /// alone; short: beside it; longer: above it).
    pub fn resolved(self, body: &RichText) -> SlideLayout {
        match self {
            SlideLayout::Auto if body.is_empty() => SlideLayout::Full,
            SlideLayout::Auto if body.word_count() <= SHORT_WORDS => SlideLayout::Beside,
            SlideLayout::Auto => SlideLayout::Below,
            other => other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub title: String,
    /// Who the case is about and which grade, e.g. "Noor, groep 5".
    pub who: String,
    pub situation: RichText,
    pub questions: Vec<String>,
    #[serde(default)]
    pub trainer_notes: RichText,
    /// Id of the checklist used with this case.
    pub checklist: String,
    /// Planned minutes for this case, if the author gives them.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// What happens in the item, for the timing model (model/pacing.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<super::pacing::Activity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChecklistMode {
    /// Every teacher alone.
    Individual,
    /// Discussed in a group.
    Group,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub mode: ChecklistMode,
    #[serde(default)]
    pub intro: RichText,
    pub items: Vec<ChecklistItem>,
    /// Planned minutes for this checklist, if the author gives them.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Teachers may share their open answers with the team (shown anonymously
    /// on the projector after the trainer has read them).
    #[serde(default)]
    pub shareable: bool,
    /// The teachers take this checklist home: printed alone on its sheet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub take_home: bool,
    /// What happens in the item, for the timing model (model/pacing.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<super::pacing::Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChecklistItem {
    /// A statement to tick.
    Check(String),
    /// A question answered with ja or nee.
    YesNo(String),
    /// A statement rated on a scale from `left` to `right` in `steps` steps.
    Scale {
        text: String,
        left: String,
        right: String,
        steps: u8,
    },
    /// An open question with room for `lines` lines of writing.
    Open { question: String, lines: u8 },
}

impl ChecklistItem {
    /// The statement or question of the item.
    pub fn text(&self) -> &str {
        match self {
            Self::Check(t) | Self::YesNo(t) => t,
            Self::Scale { text, .. } => text,
            Self::Open { question, .. } => question,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    pub label: String,
    pub minutes: u32,
    /// What the group does while the timer runs.
    #[serde(default)]
    pub instruction: RichText,
    /// What happens in the item, for the timing model (model/pacing.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<super::pacing::Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    #[serde(default = "default_break_label")]
    pub label: String,
    pub minutes: u32,
}

fn default_break_label() -> String {
    "Pauze".to_owned()
}

/// The position of an item: section index and item index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    pub section: usize,
    pub item: usize,
}

impl Item {
    pub fn title(&self) -> &str {
        match self {
            Self::Slide(s) => &s.title,
            Self::Case(c) => &c.title,
            Self::Checklist(c) => &c.title,
            Self::Timer(t) => &t.label,
            Self::Break(b) => &b.label,
        }
    }

    /// Minutes this item claims of its section: the optional `minutes` of a
    /// slide, case or checklist, and always those of a timer or break.
    pub fn minutes(&self) -> Option<u32> {
        match self {
            Self::Slide(s) => s.minutes,
            Self::Case(c) => c.minutes,
            Self::Checklist(c) => c.minutes,
            Self::Timer(t) => Some(t.minutes),
            Self::Break(b) => Some(b.minutes),
        }
    }
}

impl Workshop {
    /// Total planned minutes of all sections.
    pub fn total_minutes(&self) -> u32 {
        self.sections.iter().map(|s| s.minutes).sum()
    }

    /// Every item in presentation order.
    pub fn item_refs(&self) -> Vec<ItemRef> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                (0..s.items.len()).map(move |ii| ItemRef {
                    section: si,
                    item: ii,
                })
            })
            .collect()
    }

    pub fn item(&self, r: ItemRef) -> Option<&Item> {
        self.sections.get(r.section)?.items.get(r.item)
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn checklists(&self) -> impl Iterator<Item = &Checklist> {
        self.items().filter_map(|i| match i {
            Item::Checklist(c) => Some(c),
            _ => None,
        })
    }

    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists().find(|c| c.id == id)
    }

    pub fn count_slides(&self) -> usize {
        self.items().filter(|i| matches!(i, Item::Slide(_))).count()
    }

    pub fn count_cases(&self) -> usize {
        self.items().filter(|i| matches!(i, Item::Case(_))).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slide(minutes: Option<u32>) -> Item {
        Item::Slide(Slide {
            title: "Dia".into(),
            body: RichText::default(),
            image: None,
            alt: String::new(),
            layout: SlideLayout::Auto,
            picture: None,
            notes: RichText::default(),
            minutes,
            summary: false,
            activities: Vec::new(),
        })
    }

    #[test]
    fn auto_layout_follows_the_text() {
        let short = RichText::parse("- Kijk wat het kind nu kan.");
        let long = RichText::parse(&"woord ".repeat(SHORT_WORDS + 1));
        assert_eq!(
            SlideLayout::Auto.resolved(&RichText::default()),
            SlideLayout::Full
        );
        assert_eq!(SlideLayout::Auto.resolved(&short), SlideLayout::Beside);
        assert_eq!(SlideLayout::Auto.resolved(&long), SlideLayout::Below);
        assert_eq!(SlideLayout::Below.resolved(&short), SlideLayout::Below);
    }

    #[test]
    fn claimed_minutes_add_up_items_with_minutes() {
        let section = Section {
            title: "Onderdeel".into(),
            minutes: 20,
            items: vec![
                slide(Some(3)),
                slide(None),
                Item::Timer(Timer {
                    label: "Groepjes".into(),
                    minutes: 12,
                    instruction: RichText::default(),
                    activities: Vec::new(),
                }),
                Item::Break(Break {
                    label: "Pauze".into(),
                    minutes: 4,
                }),
            ],
        };
        assert_eq!(section.claimed_minutes(), 19);
        assert!(section.claimed_minutes() <= u64::from(section.minutes));
        assert_eq!(section.items[1].minutes(), None);
        assert_eq!(section.items[2].minutes(), Some(12));
    }
}
