//! Changing a variant the way the "Programma aanpassen" panel does: include
//! or leave out, minutes up or down, sections up or down; what depends on a
//! part that is left out; and whether the programme fits the time.

use super::variant::{Minutes, Part, Plan, Variant};
use super::variant_keys::{part_of, section_part};
use super::workshop::{Item, ItemRef, Workshop};

/// How the total compares with the time available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// No time given.
    Unknown,
    /// At least five minutes to spare.
    Fits,
    /// Within five minutes of the end, or exactly on it.
    Tight,
    /// More than the time available.
    Over,
}

impl Fit {
    pub fn of(total: u32, available: Option<u32>) -> Self {
        match available {
            None => Self::Unknown,
            Some(a) if total > a => Self::Over,
            Some(a) if a - total < 5 => Self::Tight,
            Some(_) => Self::Fits,
        }
    }

    /// The word shown beside the colour.
    pub fn word(self) -> &'static str {
        match self {
            Self::Unknown => "geen beschikbare tijd opgegeven",
            Self::Fits => "past",
            Self::Tight => "krap",
            Self::Over => "te lang",
        }
    }
}

impl Variant {
    /// Includes or leaves out the item at `at` of `w`.
    pub fn set_item_included(&mut self, w: &Workshop, at: ItemRef, included: bool) {
        let Some(part) = part_of(w, at) else { return };
        self.leave_out.retain(|p| *p != part);
        if !included {
            self.leave_out.push(part);
        } else if let Some(section) = section_part(w, at.section)
            && self.leave_out.contains(&section)
        {
            // Taking one item back brings its section back, the rest stays out.
            self.leave_out.retain(|p| *p != section);
            for (ii, _) in w.sections[at.section].items.iter().enumerate() {
                let other = ItemRef {
                    section: at.section,
                    item: ii,
                };
                if other != at
                    && let Some(p) = part_of(w, other)
                    && !self.leave_out.contains(&p)
                {
                    self.leave_out.push(p);
                }
            }
        }
    }

    /// Includes or leaves out section `index` of `w` as a whole.
    pub fn set_section_included(&mut self, w: &Workshop, index: usize, included: bool) {
        let Some(part) = section_part(w, index) else {
            return;
        };
        // The section's own items are forgotten: in or out, it is whole.
        self.leave_out
            .retain(|p| p.section != part.section || (p.item.is_none() && !included));
        if !included && !self.leave_out.contains(&part) {
            self.leave_out.push(part);
        }
    }

    /// Sets the minutes of the item at `at`; the workshop's own minutes
    /// remove the change.
    pub fn set_item_minutes(&mut self, w: &Workshop, at: ItemRef, minutes: u32) {
        let (Some(part), Some(item)) = (part_of(w, at), w.item(at)) else {
            return;
        };
        let original = item.minutes();
        self.set_minutes_of(part, minutes, original == Some(minutes));
    }

    /// Sets the section's own minutes (the time no item claims).
    pub fn set_section_own(&mut self, w: &Workshop, index: usize, minutes: u32) {
        let (Some(part), Some(s)) = (section_part(w, index), w.sections.get(index)) else {
            return;
        };
        let claimed = u32::try_from(s.claimed_minutes()).unwrap_or(u32::MAX);
        self.set_minutes_of(part, minutes, s.minutes.saturating_sub(claimed) == minutes);
    }

    fn set_minutes_of(&mut self, part: Part, minutes: u32, as_original: bool) {
        self.minutes
            .retain(|m| !(m.section == part.section && m.item == part.item && m.nth == part.nth));
        if !as_original {
            self.minutes.push(Minutes {
                section: part.section,
                item: part.item,
                nth: part.nth,
                minutes,
            });
        }
    }

    /// Moves section `index` of `w` one place up (`up`) or down in this
    /// variant's order; the order then names every section.
    pub fn move_section(&mut self, w: &Workshop, index: usize, up: bool) {
        let plan = self.plan(w);
        let mut order: Vec<usize> = plan.sections.iter().map(|s| s.index).collect();
        let Some(pos) = order.iter().position(|&i| i == index) else {
            return;
        };
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1)
        };
        let Some(other) = other.filter(|&o| o < order.len()) else {
            return;
        };
        order.swap(pos, other);
        let natural = order.windows(2).all(|p| p[0] < p[1]);
        self.order = if natural {
            Vec::new()
        } else {
            (order.iter())
                .filter_map(|&i| w.sections.get(i).map(|s| s.title.clone()))
                .collect()
        };
    }
}

/// Something still in the programme that needs a part being left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependant {
    /// The item that depends on it; `None` for the room.
    pub at: Option<ItemRef>,
    /// What happens, in Dutch.
    pub text: String,
}

/// What still included depends on the item at `at`: leaving it out asks
/// for confirmation when this is not empty.
pub fn dependants(w: &Workshop, plan: &Plan, at: ItemRef) -> Vec<Dependant> {
    let Some(item) = w.item(at) else {
        return Vec::new();
    };
    let included = |r: ItemRef| !plan.is_left_out(r);
    let mut out = Vec::new();
    match item {
        Item::Checklist(c) => {
            out.push(Dependant {
                at: None,
                text: format!(
                    "de zaal opent de checklist ‘{}’ dan niet: niemand vult hem in",
                    c.title
                ),
            });
            for r in w.item_refs().into_iter().filter(|r| included(*r)) {
                if let Some(Item::Case(case)) = w.item(r)
                    && case.checklist == c.id
                {
                    out.push(Dependant {
                        at: Some(r),
                        text: format!("de casus ‘{}’ gebruikt deze checklist", case.title),
                    });
                }
            }
        }
        Item::Case(case) => {
            // The timers right after a case are the groups' work on it.
            let items = &w.sections[at.section].items;
            for (ii, next) in items.iter().enumerate().skip(at.item + 1) {
                let Item::Timer(t) = next else { break };
                let r = ItemRef {
                    section: at.section,
                    item: ii,
                };
                if included(r) {
                    out.push(Dependant {
                        at: Some(r),
                        text: format!(
                            "de timer ‘{}’ is voor de groepjes die ‘{}’ bespreken",
                            t.label, case.title
                        ),
                    });
                }
            }
        }
        Item::Slide(_) | Item::Timer(_) | Item::Break(_) => {}
    }
    out
}

/// What depends on the items of section `index` from outside it (and the
/// room, for its checklists).
pub fn section_dependants(w: &Workshop, plan: &Plan, index: usize) -> Vec<Dependant> {
    let Some(s) = w.sections.get(index) else {
        return Vec::new();
    };
    let mut out: Vec<Dependant> = Vec::new();
    for ii in 0..s.items.len() {
        let at = ItemRef {
            section: index,
            item: ii,
        };
        if plan.is_left_out(at) {
            continue;
        }
        for d in dependants(w, plan, at) {
            let outside = d.at.is_none_or(|r| r.section != index);
            if outside && !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}
