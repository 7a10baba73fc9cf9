//! How a variant finds the parts of a workshop: by keys (a section's title,
//! an item's title or a checklist's id), not by position; and the
//! workshop's fingerprint, to notice that it changed.

use super::variant::{Mismatch, Part};
use super::workshop::{Item, ItemRef, Workshop};

/// The key an item is found by: a checklist's id, otherwise its title.
pub fn item_key(item: &Item) -> &str {
    match item {
        Item::Checklist(c) => &c.id,
        Item::Slide(_) | Item::Case(_) | Item::Timer(_) | Item::Break(_) => item.title(),
    }
}

/// Finds parts of a workshop by their keys.
pub(super) struct Index<'a> {
    pub(super) w: &'a Workshop,
}

impl Index<'_> {
    pub(super) fn section(&self, title: &str) -> Option<usize> {
        self.w.sections.iter().position(|s| s.title == title)
    }

    pub(super) fn item(&self, section: usize, key: &str, nth: u32) -> Option<ItemRef> {
        let s = self.w.sections.get(section)?;
        let item = (s.items.iter().enumerate())
            .filter(|(_, i)| item_key(i) == key)
            .nth(nth.max(1) as usize - 1)?
            .0;
        Some(ItemRef { section, item })
    }

    /// The section (item `None`) or item a part names.
    pub(super) fn find(&self, p: &Part) -> Result<(usize, Option<ItemRef>), Mismatch> {
        let section = self
            .section(&p.section)
            .ok_or_else(|| Mismatch::NoSection {
                section: p.section.clone(),
            })?;
        match &p.item {
            None => Ok((section, None)),
            Some(key) => match self.item(section, key, p.nth) {
                Some(at) => Ok((section, Some(at))),
                None => Err(Mismatch::NoItem {
                    section: p.section.clone(),
                    item: key.clone(),
                }),
            },
        }
    }
}

/// The part that names the item at `at` of `w`.
pub fn part_of(w: &Workshop, at: ItemRef) -> Option<Part> {
    let s = w.sections.get(at.section)?;
    let key = item_key(s.items.get(at.item)?);
    let nth = s.items[..at.item]
        .iter()
        .filter(|i| item_key(i) == key)
        .count() as u32
        + 1;
    Some(Part {
        section: s.title.clone(),
        item: Some(key.to_owned()),
        nth,
    })
}

/// The part that names section `index` of `w`.
pub fn section_part(w: &Workshop, index: usize) -> Option<Part> {
    Some(Part {
        section: w.sections.get(index)?.title.clone(),
        item: None,
        nth: 1,
    })
}

/// Sets the minutes an item claims.
pub fn set_minutes(item: &mut Item, minutes: u32) {
    match item {
        Item::Slide(s) => s.minutes = Some(minutes),
        Item::Case(c) => c.minutes = Some(minutes),
        Item::Checklist(c) => c.minutes = Some(minutes),
        Item::Timer(t) => t.minutes = minutes,
        Item::Break(b) => b.minutes = minutes,
    }
}

/// "13:30" or "9.05" → (13, 30).
pub fn parse_clock(s: &str) -> Option<(u8, u8)> {
    let (h, m) = s.trim().split_once([':', '.'])?;
    let h: u8 = h.trim().parse().ok()?;
    let m: u8 = m.trim().parse().ok()?;
    (h <= 23 && m <= 59 && m.to_string().len() <= 2).then_some((h, m))
}

/// A fingerprint of a workshop's content (its variants not counted): 16
/// hex digits of FNV-1a over its RON form.
pub fn content_hash(w: &Workshop) -> String {
    let bare = Workshop {
        variants: Vec::new(),
        variant: None,
        ..w.clone()
    };
    let text = ron::to_string(&bare).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
