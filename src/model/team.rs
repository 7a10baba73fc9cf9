//! The team picture: anonymous aggregates of everybody's answers to the
//! checklists that are open to the room, the same numbers for the projector,
//! the console, the team sheet (PDF) and the CSV export.
//!
//! Anonymous by construction: a checklist that fewer than `min_answers`
//! people answered carries no numbers at all, and shared open answers are
//! sorted by their text, never by person or time.

use std::collections::BTreeSet;

use super::answers::{Answer, AnswerSet};
use super::workshop::{ChecklistItem, Workshop};

/// Fewest answers before a checklist's numbers are shown, by default.
pub const DEFAULT_MIN_ANSWERS: usize = 5;
/// The lowest minimum the trainer can choose.
pub const LOWEST_MIN_ANSWERS: usize = 3;

/// One open answer a teacher chose to share with the team. The key holds no
/// name: `participant` is the room's random id of the device.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedKey {
    pub participant: String,
    pub checklist: String,
    pub item: usize,
    /// The text as it was read; an edited answer needs a new approval.
    pub text: String,
}

/// A shared answer and whether the trainer chose to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAnswer {
    pub key: SharedKey,
    pub approved: bool,
}

impl SharedAnswer {
    pub fn text(&self) -> &str {
        &self.key.text
    }
}

/// The aggregate of one checklist item.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemSummary {
    /// How many of the respondents ticked the statement.
    Check {
        text: String,
        ticked: usize,
    },
    YesNo {
        text: String,
        yes: usize,
        no: usize,
    },
    /// `counts[i]` people chose step `i + 1`.
    Scale {
        text: String,
        left: String,
        right: String,
        counts: Vec<usize>,
        median: Option<f32>,
    },
    /// How many answered, and the answers shared with the team.
    Open {
        question: String,
        answered: usize,
        shared: Vec<SharedAnswer>,
    },
}

/// The aggregate of one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistSummary {
    pub id: String,
    pub title: String,
    /// People who answered at least one item.
    pub respondents: usize,
    /// Empty while fewer than the minimum answered (see [`Self::hidden`]).
    pub items: Vec<ItemSummary>,
    pub hidden: bool,
}

/// The team picture of all open checklists, in workshop order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamSummary {
    pub min_answers: usize,
    pub checklists: Vec<ChecklistSummary>,
}

/// One participant's answers, under the room's random id for the device.
#[derive(Debug, Clone, Copy)]
pub struct Respondent<'a> {
    pub id: &'a str,
    pub answers: &'a AnswerSet,
}

impl TeamSummary {
    /// Aggregate `respondents` for the checklists in `open` (ids; workshop
    /// order is kept). Shared open answers count only for shareable
    /// checklists; `approved` says which ones the trainer chose to show.
    pub fn new(
        workshop: &Workshop,
        open: &BTreeSet<String>,
        respondents: &[Respondent<'_>],
        min_answers: usize,
        approved: &BTreeSet<SharedKey>,
    ) -> Self {
        let min_answers = min_answers.max(LOWEST_MIN_ANSWERS);
        let checklists = workshop
            .checklists()
            .filter(|c| open.contains(&c.id))
            .map(|c| {
                let who: Vec<_> = respondents
                    .iter()
                    .filter(|r| r.answers.answered(&c.id) > 0)
                    .collect();
                let hidden = who.len() < min_answers;
                let items = if hidden {
                    Vec::new()
                } else {
                    c.items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let answers: Vec<(&str, &Answer)> = who
                                .iter()
                                .filter_map(|r| r.answers.get(&c.id, i, item).map(|a| (r.id, a)))
                                .collect();
                            summarize_item(
                                item,
                                &answers,
                                |id, text| {
                                    (c.shareable
                                        && who
                                            .iter()
                                            .any(|r| r.id == id && r.answers.is_shared(&c.id, i)))
                                    .then(|| SharedKey {
                                        participant: id.to_owned(),
                                        checklist: c.id.clone(),
                                        item: i,
                                        text: text.trim().to_owned(),
                                    })
                                },
                                approved,
                            )
                        })
                        .collect()
                };
                ChecklistSummary {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    respondents: who.len(),
                    items,
                    hidden,
                }
            })
            .collect();
        Self {
            min_answers,
            checklists,
        }
    }

    /// Every shared answer not yet approved, for the trainer to read.
    pub fn pending(&self) -> impl Iterator<Item = &SharedAnswer> {
        self.shared().filter(|s| !s.approved)
    }

    /// Every shared answer of every visible checklist.
    pub fn shared(&self) -> impl Iterator<Item = &SharedAnswer> {
        self.checklists
            .iter()
            .flat_map(|c| c.items.iter())
            .flat_map(|i| match i {
                ItemSummary::Open { shared, .. } => shared.as_slice(),
                _ => &[],
            })
    }
}

fn summarize_item(
    item: &ChecklistItem,
    answers: &[(&str, &Answer)],
    share_key: impl Fn(&str, &str) -> Option<SharedKey>,
    approved: &BTreeSet<SharedKey>,
) -> ItemSummary {
    match item {
        ChecklistItem::Check(text) => ItemSummary::Check {
            text: text.clone(),
            ticked: answers
                .iter()
                .filter(|(_, a)| matches!(a, Answer::Check(true)))
                .count(),
        },
        ChecklistItem::YesNo(text) => {
            let count = |v| {
                answers
                    .iter()
                    .filter(|(_, a)| **a == Answer::YesNo(Some(v)))
                    .count()
            };
            ItemSummary::YesNo {
                text: text.clone(),
                yes: count(true),
                no: count(false),
            }
        }
        ChecklistItem::Scale {
            text,
            left,
            right,
            steps,
        } => {
            let mut counts = vec![0; usize::from(*steps)];
            let mut values = Vec::new();
            for (_, a) in answers {
                if let Answer::Scale(Some(v)) = a
                    && let Some(slot) = counts.get_mut(usize::from(*v).wrapping_sub(1))
                {
                    *slot += 1;
                    values.push(*v);
                }
            }
            ItemSummary::Scale {
                text: text.clone(),
                left: left.clone(),
                right: right.clone(),
                counts,
                median: median(&mut values),
            }
        }
        ChecklistItem::Open { question, .. } => {
            let mut shared: Vec<SharedAnswer> = answers
                .iter()
                .filter_map(|(id, a)| match a {
                    Answer::Open(t) if !t.trim().is_empty() => share_key(id, t),
                    _ => None,
                })
                .map(|key| SharedAnswer {
                    approved: approved.contains(&key),
                    key,
                })
                .collect();
            // By text, so the order tells nothing about who or when.
            shared.sort_by(|a, b| a.key.text.cmp(&b.key.text).then(a.key.cmp(&b.key)));
            ItemSummary::Open {
                question: question.clone(),
                answered: answers.iter().filter(|(_, a)| a.is_answered()).count(),
                shared,
            }
        }
    }
}

/// The median of the values (the mean of the middle two for an even count).
pub fn median(values: &mut [u8]) -> Option<f32> {
    values.sort_unstable();
    let n = values.len();
    if n == 0 {
        return None;
    }
    let hi = f32::from(values[n / 2]);
    Some(if n % 2 == 1 {
        hi
    } else {
        (f32::from(values[n / 2 - 1]) + hi) / 2.0
    })
}

/// A number the Dutch way: "3", "3,5".
pub fn dutch_number(x: f32) -> String {
    let s = format!("{:.1}", x);
    s.strip_suffix(".0")
        .map_or_else(|| s.replace('.', ","), str::to_owned)
}

/// "1 antwoord" / "7 antwoorden", for the projector, the console and the team sheet.
pub fn answers_text(n: usize) -> String {
    if n == 1 {
        "1 antwoord".to_owned()
    } else {
        format!("{n} antwoorden")
    }
}
