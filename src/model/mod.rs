//! Plain data: a workshop and everything in it, plus a participant's answers.
//!
//! Depends on nothing else in the crate. The content module fills it from RON
//! files; the ui and pdf modules render it.

mod access;
mod answers;
mod handout;
mod kinds;
mod limits;
mod markup;
mod nfc;
pub mod pacing;
mod picture;
mod room;
mod slug;
mod team;
mod team_csv;
mod timing;
mod variant;
mod variant_edit;
mod variant_keys;
mod workshop;

pub use access::{AccessCode, CODE_DIGITS, CodeLock, same_name};
pub use answers::{Answer, AnswerSet};
pub use handout::{DocKind, names_from_text};
pub use kinds::{ItemKind, Place, RoomCase, RoomItem, RoomSlide, TrainerNote, count_sections};
pub use limits::{
    MAX_ITEMS, MAX_NAME_CHARS, MAX_NAMES, MAX_TITLE_CHARS, name_too_long, title_too_long,
};
pub use markup::{Block, Inline, MarkupIssue, RichText, Style};
pub use nfc::nfc;
pub use picture::{Picture, Raster, Vector};
pub use room::DEFAULT_PER_ADDRESS;
pub use room::{
    ApprovedAnswer, Reach, RoomAddress, RoomParticipant, RoomSession, RoomStatus, SessionListing,
};
pub use slug::{MAX_SLUG, slug};
pub use team::{
    ChecklistSummary, DEFAULT_MIN_ANSWERS, ItemSummary, LOWEST_MIN_ANSWERS, Respondent,
    SharedAnswer, SharedKey, TeamSummary, answers_text, dutch_number, median,
};
pub use team_csv::team_csv;
pub use timing::{Pace, SectionPace, SectionRecord, SessionClock, SessionRecord};
pub use variant::{Minutes, Mismatch, Part, Plan, PlanItem, PlanSection, Variant, VariantError};
pub use variant_edit::{Dependant, Fit, dependants, section_dependants};
pub use variant_keys::{content_hash, item_key, parse_clock, part_of, section_part, set_minutes};
pub use workshop::{
    Break, Case, Checklist, ChecklistItem, ChecklistMode, GuidePage, Item, ItemRef, Section, Slide,
    SlideLayout, Timer, Workshop,
};
