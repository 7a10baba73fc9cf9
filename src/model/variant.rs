//! Variants: a small, separate description over a workshop ("90 minuten",
//! "De Regenboog, 12 maart") that leaves parts out, changes minutes and
//! reorders sections. The workshop itself is never changed: a variant is
//! applied to it and gives a derived workshop that everything downstream
//! (presenting, the room, the PDFs) receives.
//!
//! Parts are found by stable keys, not by position: a section by its title,
//! an item by its title (a checklist by its id) within its section. A
//! changed workshop is matched part by part; what no longer matches is
//! reported and the rest of the variant still holds.

use serde::{Deserialize, Serialize};

use super::variant_keys::{Index, content_hash, parse_clock, set_minutes};
use super::workshop::{ItemRef, Workshop};

/// An adaptation of a workshop to one school or one afternoon.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub name: String,
    /// The title of the workshop it belongs to (may be left empty inside the
    /// workshop file itself).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub workshop: String,
    /// [`content_hash`] of the workshop when the variant was made; when it
    /// differs the workshop has changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Sections and items left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leave_out: Vec<Part>,
    /// Changed minutes of items, or of a section's own time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub minutes: Vec<Minutes>,
    /// Section titles in the order of this variant; sections not named follow
    /// in their own order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
    /// The minutes the school has for the afternoon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<u32>,
    /// When the afternoon starts, "14:15".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub school: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trainer: String,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A section (no `item`) or an item within a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub section: String,
    /// The item's title; for a checklist its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Which one, when the section has more items with this key (1 = first).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub nth: u32,
}

/// New minutes for an item, or without `item` for the section's own time:
/// the minutes of the section that no item claims (slides without minutes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub nth: u32,
    pub minutes: u32,
}

impl Minutes {
    fn part(&self) -> Part {
        Part {
            section: self.section.clone(),
            item: self.item.clone(),
            nth: self.nth,
        }
    }
}

/// A part of a variant that does not match the workshop (any more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    NoSection { section: String },
    NoItem { section: String, item: String },
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoSection { section } => {
                write!(
                    f,
                    "het onderdeel ‘{section}’ staat niet (meer) in de workshop"
                )
            }
            Self::NoItem { section, item } => {
                write!(f, "‘{item}’ staat niet (meer) in het onderdeel ‘{section}’")
            }
        }
    }
}

/// Why a variant cannot be applied at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VariantError {
    #[error("de variant ‘{name}’ hoort bij de workshop ‘{belongs}’, niet bij ‘{open}’")]
    OtherWorkshop {
        name: String,
        belongs: String,
        open: String,
    },
    #[error("de variant ‘{name}’ laat niets van de workshop over")]
    Empty { name: String },
}

/// One row of a variant's programme: an item of the workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Its place in the original workshop.
    pub at: ItemRef,
    pub included: bool,
    /// The minutes it claims in this variant.
    pub minutes: Option<u32>,
    /// The minutes it claims in the workshop.
    pub original: Option<u32>,
}

/// One section of a variant's programme, in the variant's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSection {
    /// Its index in the original workshop.
    pub index: usize,
    /// Left out as a whole, or every item left out.
    pub included: bool,
    /// Minutes no item claims (slides without minutes, talk).
    pub own: u32,
    pub items: Vec<PlanItem>,
}

impl PlanSection {
    /// The section's minutes in this variant: its included items and its own time.
    pub fn minutes(&self) -> u32 {
        if !self.included {
            return 0;
        }
        let claimed: u32 = (self.items.iter())
            .filter(|i| i.included)
            .filter_map(|i| i.minutes)
            .sum();
        claimed + self.own
    }
}

/// A variant laid over a workshop: every section and item, included or not,
/// with its minutes; plus what did not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sections: Vec<PlanSection>,
    pub mismatches: Vec<Mismatch>,
}

impl Plan {
    /// The planned minutes of everything included.
    pub fn total(&self) -> u32 {
        self.sections.iter().map(PlanSection::minutes).sum()
    }

    pub fn is_left_out(&self, at: ItemRef) -> bool {
        (self.sections.iter())
            .find(|s| s.index == at.section)
            .is_none_or(|s| !s.included || s.items.iter().any(|i| i.at == at && !i.included))
    }
}

impl Variant {
    /// An empty variant of `w` (everything as in the workshop) with the
    /// workshop's title and hash.
    pub fn of(w: &Workshop, name: &str) -> Self {
        Self {
            name: name.to_owned(),
            workshop: w.title.clone(),
            hash: Some(content_hash(w)),
            ..Self::default()
        }
    }

    /// The variant's programme over `w`, matched part by part.
    pub fn plan(&self, w: &Workshop) -> Plan {
        let index = Index { w };
        let mut mismatches = Vec::new();
        let mut sections: Vec<PlanSection> = (w.sections.iter().enumerate())
            .map(|(si, s)| PlanSection {
                index: si,
                included: true,
                own: s
                    .minutes
                    .saturating_sub(u32::try_from(s.claimed_minutes()).unwrap_or(u32::MAX)),
                items: (s.items.iter().enumerate())
                    .map(|(ii, i)| PlanItem {
                        at: ItemRef {
                            section: si,
                            item: ii,
                        },
                        included: true,
                        minutes: i.minutes(),
                        original: i.minutes(),
                    })
                    .collect(),
            })
            .collect();
        for p in &self.leave_out {
            match index.find(p) {
                Ok((si, None)) => sections[si].included = false,
                Ok((si, Some(at))) => sections[si].items[at.item].included = false,
                Err(m) => mismatches.push(m),
            }
        }
        for m in &self.minutes {
            match index.find(&m.part()) {
                Ok((si, None)) => sections[si].own = m.minutes,
                Ok((si, Some(at))) => sections[si].items[at.item].minutes = Some(m.minutes),
                Err(e) => mismatches.push(e),
            }
        }
        for s in &mut sections {
            if s.items.iter().all(|i| !i.included) && !s.items.is_empty() {
                s.included = false;
            }
        }
        let mut ordered = Vec::with_capacity(sections.len());
        for title in &self.order {
            match index.section(title) {
                Some(si) if !ordered.contains(&si) => ordered.push(si),
                Some(_) => {}
                None => mismatches.push(Mismatch::NoSection {
                    section: title.clone(),
                }),
            }
        }
        ordered.extend((0..sections.len()).filter(|si| !self.order_has(w, *si)));
        let mut by_index: Vec<Option<PlanSection>> = sections.into_iter().map(Some).collect();
        let sections = (ordered.into_iter())
            .filter_map(|si| by_index.get_mut(si).and_then(Option::take))
            .collect();
        Plan {
            sections,
            mismatches,
        }
    }

    fn order_has(&self, w: &Workshop, si: usize) -> bool {
        w.sections
            .get(si)
            .is_some_and(|s| self.order.contains(&s.title))
    }

    /// The derived workshop: parts left out, minutes changed, sections in
    /// the variant's order and their minutes recomputed. The mismatches say
    /// which parts of the variant no longer match; the rest is applied.
    pub fn apply(&self, w: &Workshop) -> Result<(Workshop, Vec<Mismatch>), VariantError> {
        if !self.workshop.trim().is_empty() && self.workshop.trim() != w.title.trim() {
            return Err(VariantError::OtherWorkshop {
                name: self.name.clone(),
                belongs: self.workshop.clone(),
                open: w.title.clone(),
            });
        }
        let plan = self.plan(w);
        let mut sections = Vec::new();
        for ps in plan.sections.iter().filter(|s| s.included) {
            let mut section = w.sections[ps.index].clone();
            section.minutes = ps.minutes();
            section.items = (ps.items.iter())
                .filter(|i| i.included)
                .filter_map(|pi| {
                    let mut item = w.item(pi.at)?.clone();
                    if let Some(m) = pi.minutes
                        && pi.minutes != pi.original
                    {
                        set_minutes(&mut item, m);
                    }
                    Some(item)
                })
                .collect();
            sections.push(section);
        }
        if sections.is_empty() {
            return Err(VariantError::Empty {
                name: self.name.clone(),
            });
        }
        let derived = Workshop {
            sections,
            variants: Vec::new(),
            variant: Some(self.name.clone()),
            ..w.clone()
        };
        Ok((derived, plan.mismatches))
    }

    /// True when the workshop changed since the variant was made (a variant
    /// without a hash never says so).
    pub fn workshop_changed(&self, w: &Workshop) -> bool {
        self.hash.as_ref().is_some_and(|h| *h != content_hash(w))
    }

    /// The start time as hours and minutes, if given and valid.
    pub fn start_time(&self) -> Option<(u8, u8)> {
        parse_clock(self.start.as_deref()?)
    }
}
