//! A font the system already has, for a name in a script kampvuur's own
//! fonts lack (Chinese, Japanese, Korean, …). kampvuur bundles no such font
//! (they are many megabytes); it looks one up with `fontdb` only when a
//! name needs it, and checks with `skrifa` that it has every character.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// A font file's face that covers a text, read into memory.
#[derive(Clone)]
pub struct SystemFont {
    /// The family name, for egui's list of fonts.
    pub name: String,
    pub data: Vec<u8>,
    /// The face within a collection (.ttc).
    pub index: u32,
}

impl std::fmt::Debug for SystemFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SystemFont({}, {} bytes)", self.name, self.data.len())
    }
}

/// The system's fonts, scanned once (names and places only: the files are
/// read when one is chosen).
fn system() -> &'static Mutex<fontdb::Database> {
    static DB: OnceLock<Mutex<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        Mutex::new(db)
    })
}

/// The characters of `text` that need a glyph (not spaces or controls).
fn needed(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

fn covers(data: &[u8], index: u32, chars: &[char]) -> bool {
    use skrifa::MetadataProvider;
    let Ok(font) = skrifa::FontRef::from_index(data, index) else {
        return false;
    };
    let map = font.charmap();
    chars.iter().all(|c| map.map(*c).is_some())
}

/// A font of the system that has every character of `text`: a regular
/// upright face when there is one. `None` when no font has them all.
pub fn covering(text: &str) -> Option<SystemFont> {
    let db = system().lock().ok()?;
    find(&db, text)
}

/// As [`covering`], among the fonts in `dirs` only (tests, or a folder of
/// fonts the trainer installed for kampvuur).
pub fn covering_in(dirs: &[PathBuf], text: &str) -> Option<SystemFont> {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    find(&db, text)
}

fn find(db: &fontdb::Database, text: &str) -> Option<SystemFont> {
    let chars = needed(text);
    if chars.is_empty() {
        return None;
    }
    // Regular upright faces first, then the rest.
    let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
    faces.sort_by_key(|f| {
        (
            f.style != fontdb::Style::Normal,
            f.weight.0.abs_diff(400),
            f.monospaced,
        )
    });
    faces.into_iter().find_map(|face| {
        db.with_face_data(face.id, |data, index| {
            covers(data, index, &chars).then(|| SystemFont {
                name: face
                    .families
                    .first()
                    .map_or_else(|| format!("systeem-{index}"), |f| f.0.clone()),
                data: data.to_vec(),
                index,
            })
        })
        .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Vec<PathBuf> {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts")]
    }

    #[test]
    fn finds_a_font_with_every_character_and_none_without() {
        // DejaVu (in kampvuur's own font folder) has Arabic letters,
        // Atkinson has none.
        let found = covering_in(&bundled(), "محمد").expect("DejaVu has Arabic");
        assert!(found.name.contains("DejaVu"), "{found:?}");
        assert!(found.data.starts_with(&[0, 1, 0, 0]), "a TrueType file");
        assert!(covering_in(&bundled(), "محمد 李明").is_none());
        assert!(covering_in(&bundled(), "   ").is_none());
    }
}
