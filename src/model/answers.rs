//! One participant's answers to the checklists of one workshop.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::access::CodeLock;
use super::workshop::ChecklistItem;

/// The answer to one checklist item. `None` inside means "not answered yet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Check(bool),
    YesNo(Option<bool>),
    /// The chosen step, 1-based.
    Scale(Option<u8>),
    Open(String),
}

impl Answer {
    /// The empty answer that fits an item.
    pub fn empty_for(item: &ChecklistItem) -> Self {
        match item {
            ChecklistItem::Check(_) => Self::Check(false),
            ChecklistItem::YesNo(_) => Self::YesNo(None),
            ChecklistItem::Scale { .. } => Self::Scale(None),
            ChecklistItem::Open { .. } => Self::Open(String::new()),
        }
    }

    /// Whether this answer is of the kind the item asks for.
    pub fn fits(&self, item: &ChecklistItem) -> bool {
        matches!(
            (self, item),
            (Self::Check(_), ChecklistItem::Check(_))
                | (Self::YesNo(_), ChecklistItem::YesNo(_))
                | (Self::Scale(_), ChecklistItem::Scale { .. })
                | (Self::Open(_), ChecklistItem::Open { .. })
        )
    }

    pub fn is_answered(&self) -> bool {
        match self {
            Self::Check(b) => *b,
            Self::YesNo(v) => v.is_some(),
            Self::Scale(v) => v.is_some(),
            Self::Open(t) => !t.trim().is_empty(),
        }
    }
}

/// Everything one teacher filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSet {
    /// The name the teacher typed; empty for anonymous.
    pub participant: String,
    /// Title of the workshop the answers belong to.
    pub workshop: String,
    /// Last change, as local time "YYYY-MM-DD HH:MM".
    #[serde(default)]
    pub updated: String,
    /// Per checklist id, the answers in item order.
    pub checklists: BTreeMap<String, Vec<Answer>>,
    /// Per checklist id, the open items the teacher chose to share with the
    /// team ("deel met het team"); only used for shareable checklists.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared: BTreeMap<String, BTreeSet<usize>>,
    /// The file the set lives in, without `.ron` (a slug of the name plus a
    /// random part, so two names never share a file). Empty in files from
    /// before codes and in sets that are never saved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The salted hash of the teacher's 4-digit code; `None` for anonymous
    /// sets (never reopened) and files from before codes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub lock: Option<CodeLock>,
}

/// Writes `Some(lock)` as the lock alone: our files are read with ron's
/// implicit `Some`, which does not take `Some((…))` around a struct.
fn bare_some<S: serde::Serializer>(lock: &Option<CodeLock>, s: S) -> Result<S::Ok, S::Error> {
    match lock {
        Some(lock) => lock.serialize(s),
        None => s.serialize_none(),
    }
}

impl AnswerSet {
    pub fn new(participant: &str, workshop: &str) -> Self {
        Self {
            participant: participant.trim().to_owned(),
            workshop: workshop.to_owned(),
            ..Self::default()
        }
    }

    /// The answer to item `index` of checklist `id`, if it fits the item.
    pub fn get(&self, id: &str, index: usize, item: &ChecklistItem) -> Option<&Answer> {
        self.checklists
            .get(id)
            .and_then(|a| a.get(index))
            .filter(|a| a.fits(item))
    }

    /// The answer to item `index` of checklist `id`, created empty when needed.
    pub fn get_mut(&mut self, id: &str, index: usize, item: &ChecklistItem) -> &mut Answer {
        let answers = self.checklists.entry(id.to_owned()).or_default();
        while answers.len() <= index {
            answers.push(Answer::Open(String::new()));
        }
        let slot = &mut answers[index];
        if !slot.fits(item) {
            *slot = Answer::empty_for(item);
        }
        slot
    }

    /// Whether the teacher chose to share item `index` of checklist `id`.
    pub fn is_shared(&self, id: &str, index: usize) -> bool {
        self.shared.get(id).is_some_and(|s| s.contains(&index))
    }

    /// Share item `index` of checklist `id` with the team, or stop sharing it.
    pub fn set_shared(&mut self, id: &str, index: usize, share: bool) {
        if share {
            self.shared.entry(id.to_owned()).or_default().insert(index);
        } else if let Some(set) = self.shared.get_mut(id) {
            set.remove(&index);
            if set.is_empty() {
                self.shared.remove(id);
            }
        }
    }

    /// Number of answered items of checklist `id`.
    pub fn answered(&self, id: &str) -> usize {
        self.checklists
            .get(id)
            .map_or(0, |a| a.iter().filter(|a| a.is_answered()).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_mut_creates_fitting_answers() {
        let mut set = AnswerSet::new(" Fatima ", "W");
        assert_eq!(set.participant, "Fatima");
        let scale = ChecklistItem::Scale {
            text: "x".into(),
            left: "l".into(),
            right: "r".into(),
            steps: 5,
        };
        *set.get_mut("A", 2, &scale) = Answer::Scale(Some(4));
        assert_eq!(set.get("A", 2, &scale), Some(&Answer::Scale(Some(4))));
        assert_eq!(set.get("A", 0, &scale), None);
        assert_eq!(set.answered("A"), 1);
        // A stale answer of another kind is replaced, not misread.
        let check = ChecklistItem::Check("c".into());
        assert_eq!(set.get("A", 2, &check), None);
        assert_eq!(set.get_mut("A", 2, &check), &Answer::Check(false));
    }

    #[test]
    fn a_lock_is_written_without_some() {
        let mut set = AnswerSet::new("Anna", "W");
        assert!(!ron::to_string(&set).unwrap_or_default().contains("lock"));
        set.lock = Some(CodeLock {
            salt: "00".into(),
            hash: "11".into(),
        });
        let text = ron::to_string(&set).unwrap_or_default();
        assert!(text.contains("lock:(salt:\"00\",hash:\"11\")"), "{text}");
    }
}
