//! Variant files (`*.variant.ron`): read with `pad:regel:kolom` errors like
//! the workshop loader, written atomically, and found beside a workshop or
//! in the data folder.

use std::path::{Path, PathBuf};

use crate::model::{Variant, Workshop, parse_clock, slug};

use super::error::{Diagnostic, LoadError};
use super::{StoreError, read, ron_text};

/// The end of every variant file's name.
pub const VARIANT_SUFFIX: &str = ".variant.ron";

/// A variant file is small; anything larger is not one.
const MAX_VARIANT_BYTES: u64 = 256 * 1024;

/// True for `naam.variant.ron` (any case).
pub fn is_variant_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_lowercase().ends_with(VARIANT_SUFFIX))
}

/// `varianten` in the user's data folder.
pub fn variants_dir() -> Option<PathBuf> {
    super::data_dir().map(|d| d.join("varianten"))
}

/// Parses and checks a variant; `name` is used in messages.
pub fn parse_variant(source: &str, name: &str) -> Result<Variant, LoadError> {
    let source = super::with_line_ends(source);
    let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
    if source.trim().is_empty() {
        return Err(LoadError::whole_file(
            name,
            "het bestand is leeg; een variant begint met `Variant(`",
        ));
    }
    let variant: Variant = ron_text::ron_options()
        .from_str(source)
        .map_err(|e| LoadError::new(name, vec![super::error::ron_diagnostic(source, &e)]))?;
    let problems = check(&variant, source);
    if problems.is_empty() {
        Ok(variant)
    } else {
        Err(LoadError::new(name, problems))
    }
}

/// Line and column (1-based) of the first `field:` in the source.
fn position_of(source: &str, field: &str) -> (usize, usize) {
    let needle = format!("{field}:");
    for (l, line) in source.lines().enumerate() {
        if let Some(at) = line.find(&needle) {
            return (l + 1, line[..at].chars().count() + 1);
        }
    }
    (1, 1)
}

/// What ron accepts but a variant may not be.
fn check(v: &Variant, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut at = |field: &str, message: String| {
        let (line, col) = position_of(source, field);
        out.push(Diagnostic::new(line, col, message));
    };
    if v.name.trim().is_empty() {
        at(
            "name",
            "de variant heeft geen naam; geef hem een naam, zoals \"90 minuten\"".into(),
        );
    }
    if let Some(start) = &v.start
        && parse_clock(start).is_none()
    {
        at(
            "start",
            format!(
                "‘{}’ is geen begintijd; schrijf bijvoorbeeld \"13:30\"",
                super::shown(start)
            ),
        );
    }
    if v.available == Some(0) {
        at(
            "available",
            "de beschikbare tijd is 0 minuten; laat `available` weg of geef de minuten".into(),
        );
    }
    if let Some(m) = v.minutes.iter().find(|m| m.minutes > 600) {
        at(
            "minutes",
            format!(
                "{} minuten voor ‘{}’ is meer dan een hele dag; kies hooguit 600",
                m.minutes,
                m.item.as_deref().unwrap_or(&m.section)
            ),
        );
    }
    out
}

/// Reads and checks a variant file.
pub fn load_variant(path: &Path) -> Result<Variant, LoadError> {
    let name = path.display().to_string();
    let bytes = read::read_regular(path, MAX_VARIANT_BYTES).map_err(|e| {
        LoadError::whole_file(
            &name,
            match e {
                read::ReadError::Directory => "dit is een map, geen variantbestand".to_owned(),
                read::ReadError::TooLarge { size, .. } => format!(
                    "het bestand is te groot ({}) voor een variant; het maximum is {}",
                    read::show_size(size),
                    read::show_size(MAX_VARIANT_BYTES)
                ),
                other => other.to_string(),
            },
        )
    })?;
    let source = super::decode(&bytes).map_err(|d| LoadError::new(&name, vec![d]))?;
    parse_variant(source, &name)
}

/// Where `v` is saved in `dir`: `90-minuten.variant.ron`, unless that file
/// holds another variant (another name that gives the same file name, such as
/// "De Regenboog" and "de regenboog", or the same name for another workshop):
/// then the first free `90-minuten-2.variant.ron`, `-3`, …, so that saving
/// never overwrites a different variant. The same variant again replaces its
/// own file.
pub fn variant_path_in(dir: &Path, v: &Variant) -> PathBuf {
    let stem = slug(&v.name, "variant");
    let path = |n: u32| match n {
        1 => dir.join(format!("{stem}{VARIANT_SUFFIX}")),
        n => dir.join(format!("{stem}-{n}{VARIANT_SUFFIX}")),
    };
    let free_or_ours = |p: &PathBuf| match std::fs::symlink_metadata(p) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(meta) => {
            meta.is_file()
                && load_variant(p).is_ok_and(|old| old.name == v.name && old.workshop == v.workshop)
        }
    };
    (1..999)
        .map(path)
        .find(free_or_ours)
        .unwrap_or_else(|| path(999))
}

/// Writes `v` atomically to `path` as pretty RON.
pub fn save_variant(path: &Path, v: &Variant) -> Result<(), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    super::atomic::save_ron(path, v)
}

/// A variant found on disk: where, and what it is (or why it is not).
#[derive(Debug)]
pub struct FoundVariant {
    pub path: PathBuf,
    pub variant: Result<Variant, LoadError>,
}

/// The variant files in `folders` that belong to the workshop titled
/// `title` (and those that cannot be read, so that the trainer hears why),
/// sorted by name.
pub fn find_variants(folders: &[PathBuf], title: &str) -> Vec<FoundVariant> {
    let mut found = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = (entries.flatten())
            .map(|e| e.path())
            .filter(|p| is_variant_file(p) && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            if found.iter().any(|f: &FoundVariant| f.path == path) {
                continue;
            }
            let variant = load_variant(&path);
            let belongs = match &variant {
                Ok(v) => v.workshop.trim().is_empty() || v.workshop.trim() == title.trim(),
                Err(_) => true,
            };
            if belongs {
                found.push(FoundVariant { path, variant });
            }
        }
    }
    found
}

/// Where a workshop's variants are looked for: beside the workshop file,
/// then the data folder.
pub fn variant_folders(workshop_path: Option<&Path>, data: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(p) = workshop_path {
        out.push(super::workshop_dir(p));
    }
    if let Some(d) = data {
        out.push(d.to_owned());
    }
    out
}

/// The variant `wanted` names for `w`: a variant file, or the name of a
/// variant inside the workshop or in `folders` (as written or as its file
/// name, `90-minuten`).
pub fn resolve_variant(w: &Workshop, wanted: &str, folders: &[PathBuf]) -> Result<Variant, String> {
    let path = Path::new(wanted);
    if path.is_file() {
        return load_variant(path).map_err(|e| e.to_string());
    }
    let same = |name: &str| {
        name.trim().eq_ignore_ascii_case(wanted.trim()) || slug(name, "variant") == wanted.trim()
    };
    if let Some(v) = w.variants.iter().find(|v| same(&v.name)) {
        return Ok(v.clone());
    }
    let found = find_variants(folders, &w.title);
    for f in &found {
        if let Ok(v) = &f.variant
            && same(&v.name)
        {
            return Ok(v.clone());
        }
    }
    let mut names: Vec<String> = w.variants.iter().map(|v| v.name.clone()).collect();
    names.extend(
        found
            .iter()
            .filter_map(|f| f.variant.as_ref().ok())
            .map(|v| v.name.clone()),
    );
    Err(if names.is_empty() {
        format!(
            "er is geen variant ‘{}’ bij ‘{}’, en ook geen bestand met die naam",
            super::shown(wanted),
            w.title
        )
    } else {
        format!(
            "er is geen variant ‘{}’ bij ‘{}’; wel: {}",
            super::shown(wanted),
            w.title,
            names
                .iter()
                .map(|n| format!("‘{n}’"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

#[cfg(test)]
mod save_tests {
    use super::*;

    fn variant(name: &str, workshop: &str) -> Variant {
        Variant {
            name: name.into(),
            workshop: workshop.into(),
            ..Variant::default()
        }
    }

    #[test]
    fn saving_never_overwrites_another_variant() {
        let dir = tempfile::tempdir().unwrap();
        let first = variant("De Regenboog", "Het vurige kind in de klas");
        let path = variant_path_in(dir.path(), &first);
        assert!(path.ends_with("de-regenboog.variant.ron"));
        save_variant(&path, &first).unwrap();
        // The same variant again: its own file.
        assert_eq!(variant_path_in(dir.path(), &first), path);
        // Another name with the same file name, and the same name for another workshop.
        let second = variant("de regenboog", "Het vurige kind in de klas");
        let other = variant_path_in(dir.path(), &second);
        assert!(other.ends_with("de-regenboog-2.variant.ron"), "{other:?}");
        save_variant(&other, &second).unwrap();
        let third = variant("De Regenboog", "Een andere workshop");
        assert!(variant_path_in(dir.path(), &third).ends_with("de-regenboog-3.variant.ron"));
        assert_eq!(load_variant(&path).unwrap().name, "De Regenboog");
        assert_eq!(load_variant(&other).unwrap().name, "de regenboog");
    }
}
