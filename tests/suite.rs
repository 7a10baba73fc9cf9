//! All integration tests in one binary.
//!
//! Every file under `tests/` would otherwise become its own test binary
//! that links the whole app (egui, axum, printpdf, headless Chromium) again:
//! about twenty copies of half a gigabyte each in a debug build, which
//! filled the CI machine's disk. The modules below are the former files.

mod common;
mod pdf_support;
mod roomkit;

mod answer_codes;
mod answers;
mod app;
mod certificate_app;
mod cli_dutch;
mod console;
mod export_targets;
mod files;
mod focus;
mod frames;
mod fuzz_loader;
mod hostile_files;
mod hostile_input;
mod ink;
mod legibility;
mod loader;
mod memory;
mod participant;
mod participant_layout;
mod pdf_bookmarks;
mod pdf_docs;
mod pdf_duplex;
mod pdf_export;
mod pdf_flow;
mod pdf_nfc;
mod pdf_scaling;
mod pdf_tagged;
mod pdf_team;
mod pdf_torture;
mod pdf_type;
mod picture_svg;
mod picture_svg_pdf;
mod picture_svg_screen;
mod pictures;
mod rehearsal;
mod reload;
mod room_app;
mod room_browser;
mod room_durable;
mod room_e2e;
mod room_people;
mod room_router;
mod selection;
mod shipped_workshop;
mod team_summary;
mod time_up;
mod variant_app;
mod variant_cli;
mod variant_model;
mod workshop_timing;
