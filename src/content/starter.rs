//! A new workshop file: the commented Dutch starter, never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::dutch_io;

/// The starter workshop: one section with one item of every kind, with
/// comments that explain the format.
pub const STARTER: &str = include_str!("starter.workshop.ron");

/// The ending that makes a file a workshop to the desktop (its mime glob).
pub const WORKSHOP_SUFFIX: &str = ".workshop.ron";

/// Why no new workshop was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error(
        "‘{}’ bestaat al; kampvuur overschrijft geen bestaand bestand. Kies een andere naam.",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("kan de map ‘{}’ niet aanmaken: {why}", .path.display())]
    Folder { path: PathBuf, why: String },
    #[error("kan ‘{}’ niet schrijven: {why}", .path.display())]
    Write { path: PathBuf, why: String },
}

/// Write the starter workshop to `path`, creating its folder if needed.
/// An existing file (or link, or folder) at `path` is left alone.
pub fn write_starter(path: &Path) -> Result<(), NewError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| NewError::Folder {
            path: dir.to_owned(),
            why: dutch_io(&e),
        })?;
    }
    let write_error = |e: &std::io::Error| NewError::Write {
        path: path.to_owned(),
        why: dutch_io(e),
    };
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(NewError::Exists(path.to_owned()));
        }
        Err(e) => return Err(write_error(&e)),
    };
    let written = file
        .write_all(STARTER.as_bytes())
        .and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        // Half a file is worse than none: the next try must not find it "existing".
        let _ = std::fs::remove_file(path);
        return Err(write_error(&e));
    }
    Ok(())
}

/// Whether the file name ends in `.workshop.ron`, the ending the desktop
/// recognises as a kampvuur workshop.
pub fn has_workshop_suffix(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .is_some_and(|n| n.ends_with(WORKSHOP_SUFFIX) && n.len() > WORKSHOP_SUFFIX.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_is_a_valid_workshop_with_every_kind() {
        use crate::model::Item;
        let w = super::super::parse_workshop(STARTER, "starter.workshop.ron")
            .unwrap_or_else(|e| panic!("{e}"));
        let items: Vec<&Item> = w.sections.iter().flat_map(|s| &s.items).collect();
        assert!(items.iter().any(|i| matches!(i, Item::Slide(_))));
        assert!(items.iter().any(|i| matches!(i, Item::Case(_))));
        assert!(items.iter().any(|i| matches!(i, Item::Checklist(_))));
        assert!(items.iter().any(|i| matches!(i, Item::Timer(_))));
        assert!(items.iter().any(|i| matches!(i, Item::Break(_))));
    }

    #[test]
    fn suffix() {
        assert!(has_workshop_suffix(Path::new("a/mijn.workshop.ron")));
        assert!(has_workshop_suffix(Path::new("MIJN.Workshop.RON")));
        assert!(!has_workshop_suffix(Path::new("mijn.ron")));
        assert!(!has_workshop_suffix(Path::new(".workshop.ron")));
    }
}
