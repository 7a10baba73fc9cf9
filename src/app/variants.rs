//! The active variant: the app holds the workshop as its file has it and
//! the variant in use; `KampvuurApp::workshop` is the workshop that variant
//! derives, so presenting, the console, the room and every export follow it.

use std::path::PathBuf;

use crate::content::{self, FoundVariant};
use crate::model::{Variant, Workshop};
use crate::ui::programme::{ProgrammePanel, ProgrammeView};
use crate::ui::{Command, Notice};

use super::KampvuurApp;

/// The original workshop, the variant in use and the ones to choose from.
#[derive(Debug)]
pub struct Variants {
    /// The workshop as its file has it.
    pub original: Workshop,
    /// The variant in use; `None`: the original programme.
    pub active: Option<Variant>,
    /// Variants saved beside the workshop or in the data folder.
    pub saved: Vec<Variant>,
    /// "Programma aanpassen", when open.
    pub panel: Option<ProgrammePanel>,
}

impl Variants {
    pub fn new(original: &Workshop) -> Self {
        Self {
            original: original.clone(),
            active: None,
            saved: Vec::new(),
            panel: None,
        }
    }

    /// Ready-made variants: the workshop's own first, then the saved ones
    /// (a saved one with the name of a workshop's own replaces nothing: both stay).
    pub fn ready(&self) -> Vec<Variant> {
        let mut out = self.original.variants.clone();
        for v in &self.saved {
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        out
    }
}

impl KampvuurApp {
    /// Where the app saves variants: `varianten` beside the sessions folder
    /// (in the data folder; tests give their own).
    pub fn variants_folder(&self) -> Option<PathBuf> {
        let sessions = self.paths.sessions.as_ref()?;
        Some(sessions.parent()?.join("varianten"))
    }

    /// Reads the saved variants of the open workshop again.
    pub(super) fn refresh_variants(&mut self) {
        let data = self.variants_folder();
        let folders = content::variant_folders(self.workshop_path.as_deref(), data.as_deref());
        let found = content::find_variants(&folders, &self.variants.original.title);
        self.variants.saved = found
            .into_iter()
            .filter_map(|FoundVariant { variant, .. }| variant.ok())
            .collect();
    }

    /// A new workshop file is open: its original programme, no variant.
    pub(super) fn reset_variants(&mut self) {
        self.variants = Variants::new(&self.workshop);
        self.refresh_variants();
    }

    /// The file changed on disk: the variant in use is applied to the new
    /// version, part by part.
    pub(super) fn new_original(&mut self, original: Workshop) -> Workshop {
        self.variants.original = original.clone();
        let Some(v) = self.variants.active.clone() else {
            return original;
        };
        match v.apply(&original) {
            Ok((derived, mismatches)) => {
                if !mismatches.is_empty() {
                    self.notice = Some(Notice::info(mismatch_text(&v, &mismatches)));
                }
                derived
            }
            Err(e) => {
                self.variants.active = None;
                self.notice = Some(Notice::error(format!(
                    "{}. Je ziet nu het originele programma.",
                    capital(&e.to_string())
                )));
                original
            }
        }
    }

    /// The room follows the programme: a checklist open to the room that
    /// the programme no longer has is closed.
    pub(super) fn room_follows(&mut self) {
        let Some(status) = &self.room.status else {
            return;
        };
        let gone: Vec<String> = (status.open.iter())
            .filter(|id| self.workshop.checklist(id).is_none())
            .cloned()
            .collect();
        if let Some(room) = self.room.handle() {
            for id in &gone {
                room.set_open(id, false);
            }
        }
    }

    /// Use `variant` (or the original programme) from now on.
    pub fn use_variant(&mut self, variant: Option<Variant>) {
        self.use_variant_inner(variant);
        self.room_follows();
    }

    fn use_variant_inner(&mut self, variant: Option<Variant>) {
        let original = self.variants.original.clone();
        let Some(v) = variant else {
            self.variants.active = None;
            self.swap_workshop(original);
            self.notice = Some(Notice::info("Je gebruikt het originele programma."));
            return;
        };
        match v.apply(&original) {
            Ok((derived, mismatches)) => {
                let total = derived.total_minutes();
                self.swap_workshop(derived);
                self.notice = Some(Notice::info(
                    if mismatches.is_empty() && !v.workshop_changed(&original) {
                        format!("Je gebruikt de variant ‘{}’ ({total} min).", v.name)
                    } else {
                        mismatch_text(&v, &mismatches)
                    },
                ));
                self.variants.active = Some(v);
            }
            Err(e) => self.notice = Some(Notice::error(capital(&e.to_string()))),
        }
    }

    /// The commands of "Programma aanpassen"; others are given back.
    pub(super) fn apply_variants(
        &mut self,
        ctx: &egui::Context,
        command: Command,
    ) -> Option<Command> {
        match command {
            Command::ShowProgramme => {
                self.refresh_variants();
                let panel =
                    ProgrammePanel::new(&self.variants.original, self.variants.active.as_ref());
                self.variants.panel = Some(panel);
            }
            Command::CloseProgramme => self.variants.panel = None,
            Command::UseVariant(v) => {
                self.variants.panel = None;
                self.use_variant(v.map(|v| *v));
            }
            Command::SaveVariant(v) => {
                self.variants.panel = None;
                self.save_variant(ctx, *v);
            }
            other => return Some(other),
        }
        None
    }

    /// Uses `v` at once and writes it to the variants folder on the worker.
    fn save_variant(&mut self, ctx: &egui::Context, v: Variant) {
        self.use_variant(Some(v.clone()));
        let Some(dir) = self.variants_folder() else {
            self.notice = Some(Notice::error(
                "De variant is in gebruik, maar kan niet worden bewaard: de gegevensmap van kampvuur is niet te vinden.",
            ));
            return;
        };
        self.work.start(ctx, "De variant wordt bewaard…", move || {
            let path = content::variant_path_in(&dir, &v);
            let result = content::save_variant(&path, &v);
            Box::new(move |app: &mut KampvuurApp, _| {
                app.notice = Some(match result {
                    Ok(()) => {
                        app.refresh_variants();
                        Notice::info(format!(
                            "De variant ‘{}’ is bewaard en in gebruik ({} min).",
                            v.name,
                            app.workshop.total_minutes()
                        ))
                    }
                    Err(e) => Notice::error(format!(
                        "De variant ‘{}’ is in gebruik, maar bewaren is niet gelukt. {e}",
                        v.name
                    )),
                });
            })
        });
    }

    /// Draws "Programma aanpassen" when it is open.
    pub(super) fn programme_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let ready = self.variants.ready();
        let active = self.variants.active.as_ref().map(|v| v.name.clone());
        let Some(panel) = &mut self.variants.panel else {
            return Vec::new();
        };
        let view = ProgrammeView {
            workshop: &self.variants.original,
            ready: &ready,
            active: active.as_deref(),
        };
        panel.ui(ui, &view)
    }
}

/// For every section of `new`, the index of the section with its title in
/// `old` (each old section used once).
pub fn section_map(old: &Workshop, new: &Workshop) -> Vec<Option<usize>> {
    let mut used = vec![false; old.sections.len()];
    new.sections
        .iter()
        .map(|s| {
            let found =
                (old.sections.iter().enumerate()).position(|(i, o)| !used[i] && o.title == s.title);
            if let Some(i) = found {
                used[i] = true;
            }
            found
        })
        .collect()
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "De workshop is veranderd sinds …": what no longer matches.
pub fn mismatch_text(v: &Variant, mismatches: &[crate::model::Mismatch]) -> String {
    if mismatches.is_empty() {
        return format!(
            "De workshop is veranderd sinds de variant ‘{}’ is gemaakt; alle delen passen nog en de variant is in gebruik.",
            v.name
        );
    }
    let parts: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
    format!(
        "De workshop is veranderd sinds de variant ‘{}’ is gemaakt. Niet meer te vinden: {}. De rest van de variant is in gebruik.",
        v.name,
        parts.join("; ")
    )
}
