//! kampvuur: a workshop kit for teacher trainers.
//!
//! - [`model`]: plain data (workshop, items, rich text, answers);
//! - [`content`]: the only module that touches the file system;
//! - [`ui`]: the egui screens, which return commands and do no I/O;
//! - [`pdf`]: handouts, laid out by us and written with printpdf;
//! - [`room`]: the participation server (teachers answer on their own phone);
//! - [`app`]: the eframe app that ties them together.

pub mod app;
pub mod cli;
pub mod content;
pub mod model;
pub mod pdf;
pub mod room;
pub mod ui;
