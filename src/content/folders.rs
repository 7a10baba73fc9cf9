//! Folders for handouts: where exports go by default, a free file name there,
//! a folder's contents for the in-app file dialog, and copying an export.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{HandoutError, save_handout};
use super::read::read_regular;

/// The folder exports go to without asking: `Documenten/kampvuur` (the
/// user's documents folder), else `kampvuur` in the home folder.
pub fn export_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .document_dir()
        .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned);
    Some(base.join("kampvuur"))
}

/// Creates `dir` (and its parents) when needed, with a Dutch error.
pub fn ensure_dir(dir: &Path) -> Result<(), HandoutError> {
    std::fs::create_dir_all(dir).map_err(|e| HandoutError {
        path: dir.to_owned(),
        why: format!("de map kan niet worden gemaakt: {}", super::dutch_io(&e)),
    })
}

/// `dir/name`, or `dir/stem (2).ext`, `(3)`, … when that name is taken:
/// an export never replaces an earlier one without asking.
pub fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if first.symlink_metadata().is_err() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    (2..10_000)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or(first)
}

/// One line in the in-app file dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The sub-folders and the files ending in one of `extensions` of `dir`,
/// folders first, each group sorted by name; hidden entries left out. At
/// most 2 000 entries, so a huge folder cannot stall the app.
pub fn list_folder(dir: &Path, extensions: &[&str]) -> io::Result<Vec<FolderEntry>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)?.take(20_000) {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows symlinks, like a file manager; errors mean "not a folder".
        let is_dir = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
        let lower = name.to_lowercase();
        let wanted = extensions.iter().any(|e| lower.ends_with(&format!(".{e}")));
        if is_dir || wanted {
            out.push(FolderEntry { name, is_dir });
        }
        if out.len() >= 2_000 {
            break;
        }
    }
    out.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(out)
}

/// Largest export that is copied ("Opslaan als…"): far above any handout.
const MAX_COPY: u64 = 256 * 1024 * 1024;

/// Copies an exported file to `to`, atomically, with the same checks as a
/// fresh export (no read-only targets, no folders, Dutch errors).
pub fn copy_export(from: &Path, to: &Path) -> Result<(), HandoutError> {
    let bytes = read_regular(from, MAX_COPY).map_err(|e| HandoutError {
        path: from.to_owned(),
        why: format!("het bestand kan niet worden gelezen: {e}"),
    })?;
    save_handout(to, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_names_and_folder_listing() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(free_path(d, "werkboek.pdf"), d.join("werkboek.pdf"));
        std::fs::write(d.join("werkboek.pdf"), b"x").unwrap();
        assert_eq!(free_path(d, "werkboek.pdf"), d.join("werkboek (2).pdf"));
        std::fs::write(d.join("werkboek (2).pdf"), b"x").unwrap();
        assert_eq!(free_path(d, "werkboek.pdf"), d.join("werkboek (3).pdf"));
        std::fs::create_dir(d.join("Zomer")).unwrap();
        std::fs::create_dir(d.join(".verborgen")).unwrap();
        std::fs::write(d.join("b.ron"), b"x").unwrap();
        std::fs::write(d.join("A.RON"), b"x").unwrap();
        let names: Vec<_> = list_folder(d, &["ron"])
            .unwrap()
            .into_iter()
            .map(|e| (e.name, e.is_dir))
            .collect();
        assert_eq!(
            names,
            [
                ("Zomer".to_owned(), true),
                ("A.RON".to_owned(), false),
                ("b.ron".to_owned(), false)
            ]
        );
        copy_export(&d.join("b.ron"), &d.join("Zomer/c.ron")).unwrap();
        assert_eq!(std::fs::read(d.join("Zomer/c.ron")).unwrap(), b"x");
        assert!(copy_export(&d.join("weg.pdf"), &d.join("c.pdf")).is_err());
    }
}
