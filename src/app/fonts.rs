//! A system font for a name in another script: looked up (content) when a
//! screen could not show a name, and added to egui's fonts as a last
//! fallback. Where no font has the characters the screen keeps its Dutch
//! placeholder.

use std::collections::HashSet;
use std::path::PathBuf;

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

use crate::content::system_fonts::{self, SystemFont};
use crate::ui;

use super::KampvuurApp;

/// The fonts looked up so far, per text, so a name is looked up once.
#[derive(Debug, Default)]
pub struct ScriptFonts {
    tried: HashSet<String>,
    /// Where to look instead of the system's fonts (tests).
    pub dirs: Option<Vec<PathBuf>>,
    /// The fonts added, by family name.
    pub added: Vec<String>,
    /// Fonts a lookup found, to be added in the next frame.
    found: Vec<SystemFont>,
}

fn insert(font: SystemFont) -> FontInsert {
    let families = [
        FontFamily::Proportional,
        FontFamily::Monospace,
        ui::theme::bold_family(),
        ui::theme::italic_family(),
        ui::theme::bold_italic_family(),
    ]
    .into_iter()
    .map(|family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    })
    .collect();
    let mut data = FontData::from_owned(font.data);
    data.index = font.index;
    FontInsert::new(&format!("systeem: {}", font.name), data, families)
}

impl KampvuurApp {
    /// A screen asked for a name it could not show: look for a font for it
    /// on a worker (reading the system's fonts can take a while, and the
    /// frame must not wait), and add what earlier lookups found.
    pub(super) fn fonts_for_names(&mut self, ctx: &egui::Context) {
        for font in std::mem::take(&mut self.fonts.found) {
            if self.fonts.added.contains(&font.name) {
                continue;
            }
            self.fonts.added.push(font.name.clone());
            ctx.add_font(insert(font));
            ctx.request_repaint();
        }
        let Some(text) = ui::take_unshown_name(ctx) else {
            return;
        };
        if !self.fonts.tried.insert(text.clone()) {
            return;
        }
        let dirs = self.fonts.dirs.clone();
        self.work.start(ctx, "Een lettertype zoeken…", move || {
            let found = match &dirs {
                Some(dirs) => system_fonts::covering_in(dirs, &text),
                None => system_fonts::covering(&text),
            };
            Box::new(move |app: &mut KampvuurApp, _| app.fonts.found.extend(found))
        });
    }
}
