//! The only module that touches the file system: workshops in, answers in and out.
//!
//! Workshops are read from RON files, checked, and every problem is reported at
//! once as a [`Diagnostic`] with its line and column, in Dutch.

mod answers;
mod answers_file;
mod atomic;
mod error;
mod folders;
mod locate;
mod picture;
mod picture_bundled;
mod read;
mod recover;
mod ron_text;
mod room_files;
mod room_store;
mod sessions;
mod settings;
mod starter;
mod store_error;
mod svg;
pub mod system_fonts;
mod targets;
mod validate;
mod variant;
mod watch;

use std::path::{Path, PathBuf};

use crate::model::{Item, Workshop};

pub use answers::{
    AnswerStore, Resumed, Started, StoreError, StoredSet, load_answers_file, now_stamp,
};
#[doc(hidden)]
pub use atomic::{FailPoint, fail_next_write_at};
pub use atomic::{HandoutError, TargetError, save_handout, write_atomic};
pub use error::{Diagnostic, LoadError, MAX_SHOWN};
pub use folders::{FolderEntry, copy_export, ensure_dir, export_dir, free_path, list_folder};
pub use locate::MAX_TEXT_BYTES;
pub use picture::decode_png;
#[doc(hidden)]
pub use room_files::simulate_full_disk;
pub use room_store::{RoomStore, SessionError, is_safe_id};
pub use sessions::{forget_session, save_session, sessions_dir};
pub use settings::{Settings, settings_path};
pub use starter::{NewError, STARTER, WORKSHOP_SUFFIX, has_workshop_suffix, write_starter};
pub use store_error::dutch_io;
pub use targets::{refuse_sources, workshop_sources};
pub use variant::{
    FoundVariant, VARIANT_SUFFIX, find_variants, is_variant_file, load_variant, parse_variant,
    resolve_variant, save_variant, variant_folders, variant_path_in, variants_dir,
};
pub use watch::{DEBOUNCE, FileWatch, Reloaded, Trigger, WatchError, reload, watched_files};

/// A text from a file as it can be quoted in a one-line message: control
/// characters escaped (`U+202E`), long text shortened.
pub fn shown(text: &str) -> String {
    validate::show(text)
}

/// kampvuur's folders on this system (data and configuration).
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("nl", "kampvuur", "kampvuur")
}

/// The user's data folder for kampvuur (answers, sessions, the room).
pub fn data_dir() -> Option<std::path::PathBuf> {
    project_dirs().map(|d| d.data_dir().to_owned())
}

/// The workshop that ships inside the binary.
pub const BUNDLED_SOURCE: &str =
    include_str!("../../workshops/vurige-kind-in-de-klas.workshop.ron");
pub const BUNDLED_NAME: &str = "workshops/vurige-kind-in-de-klas.workshop.ron";

/// Larger files are refused: a workshop is a few hundred kilobytes at most
/// (the bundled one 70 kB), and every accepted file must export within
/// 300 MB of memory (see `scripts/peak-memory`).
const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Parse and check a workshop from source text; `name` is used in error
/// messages. Slide images are not checked (there is no directory).
pub fn parse_workshop(source: &str, name: &str) -> Result<Workshop, LoadError> {
    parse_checked(source, name, None)
}

/// Load and check a workshop file; slide images are looked up relative to the
/// file's directory.
pub fn load_workshop(path: &Path) -> Result<Workshop, LoadError> {
    let name = path.display().to_string();
    let bytes = read_source(path).map_err(|message| LoadError::whole_file(&name, message))?;
    let source = decode(&bytes).map_err(|d| LoadError::new(&name, vec![d]))?;
    parse_checked(source, &name, Some(&workshop_dir(path)))
}

/// The folder that a workshop's images are relative to: the folder of the
/// real file, also when the workshop is opened through a symbolic link.
pub fn workshop_dir(path: &Path) -> PathBuf {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The largest names file read (a school has no 64 KiB of names).
const MAX_NAMES_BYTES: u64 = 64 * 1024;

/// The names in a names file (one a line) for the bewijs van deelname.
pub fn load_names(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display();
    let bytes = read::read_regular(path, MAX_NAMES_BYTES).map_err(|e| format!("{shown}: {e}"))?;
    if let Some(problem) = read::encoding_problem(&bytes) {
        return Err(format!("{shown}: {problem}"));
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| format!("{shown}: dit is geen tekstbestand in UTF-8"))?;
    let text = entering(text);
    let names = crate::model::names_from_text(&text);
    if names.is_empty() {
        return Err(format!(
            "{shown}: er staan geen namen in (één naam per regel)"
        ));
    }
    if names.len() > crate::model::MAX_NAMES {
        return Err(format!(
            "{shown}: er staan {} namen in; het maximum is {} namen per keer (verdeel ze over meer bestanden)",
            names.len(),
            crate::model::MAX_NAMES
        ));
    }
    let too_long = text.lines().enumerate().find_map(|(i, line)| {
        let name = line.trim();
        if name.starts_with('#') {
            return None;
        }
        crate::model::name_too_long(name).map(|why| (i + 1, why))
    });
    if let Some((line, why)) = too_long {
        return Err(format!("{shown}:{line}: {why}"));
    }
    Ok(names)
}

/// The text of a workshop file as it is on disk, for checks that point at a
/// line and column.
pub fn workshop_source(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = read_source(path).map_err(|message| LoadError::whole_file(&name, message))?;
    decode(&bytes)
        .map(|s| entering(s).into_owned())
        .map_err(|d| LoadError::new(&name, vec![d]))
}

/// The workshop compiled into the binary.
pub fn bundled_workshop() -> Result<Workshop, LoadError> {
    let mut w = parse_workshop(BUNDLED_SOURCE, BUNDLED_NAME)?;
    picture_bundled::attach(&mut w).map_err(|why| LoadError::whole_file(BUNDLED_NAME, why))?;
    Ok(w)
}

/// `9 onderdelen, 150 min, 37 dia’s, 6 casussen, 5 checklists`, for `kampvuur check`.
pub fn summary(workshop: &Workshop) -> String {
    use crate::model::{ItemKind, count_sections};
    let count = |kind: ItemKind| kind.count(workshop.count_of(kind));
    format!(
        "{}, {} min, {}, {}, {}",
        count_sections(workshop.sections.len()),
        workshop
            .sections
            .iter()
            .map(|s| u64::from(s.minutes))
            .sum::<u64>(),
        count(ItemKind::Slide),
        count(ItemKind::Case),
        count(ItemKind::Checklist)
    )
}

fn read_source(path: &Path) -> Result<Vec<u8>, String> {
    read::read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        read::ReadError::Directory => "dit is een map, geen workshopbestand".to_owned(),
        read::ReadError::TooLarge { size, .. } => format!(
            "het bestand is te groot ({}) voor een workshop; het maximum is {}",
            read::show_size(size),
            read::show_size(MAX_FILE_BYTES)
        ),
        other => other.to_string(),
    })
}

/// The bytes as text, or the position of the first byte that is not.
fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if let Some(why) = read::encoding_problem(bytes) {
        return Err(Diagnostic::whole_file(why));
    }
    if let Some(d) = binary_check(bytes) {
        return Err(d);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, col) = error::line_col(bytes, at);
        let byte = bytes.get(at).copied().unwrap_or_default();
        Diagnostic::new(
            line,
            col,
            format!(
                "het bestand is geen UTF-8-tekst (ongeldige byte 0x{byte:02X}); sla het op als UTF-8"
            ),
        )
    })
}

fn binary_check(bytes: &[u8]) -> Option<Diagnostic> {
    let at = bytes.iter().position(|&b| b == 0)?;
    let (line, col) = error::line_col(bytes, at);
    Some(Diagnostic::new(
        line,
        col,
        "dit lijkt een binair bestand (het bevat een nul-byte), geen workshoptekst",
    ))
}

/// Text as it enters kampvuur from a file: lone `\r` line ends made `\n`
/// ([`with_line_ends`]) and every character in NFC ([`crate::model::nfc`]).
pub(crate) fn entering(source: &str) -> std::borrow::Cow<'_, str> {
    match with_line_ends(source) {
        std::borrow::Cow::Borrowed(s) => crate::model::nfc(s),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(crate::model::nfc(&s).into_owned()),
    }
}

/// The text with every line end that is a lone `\r` (old Mac files) made a
/// `\n`, so that positions count those lines too; `\r\n` stays as it is.
pub(crate) fn with_line_ends(source: &str) -> std::borrow::Cow<'_, str> {
    let lone = |(i, _): &(usize, char)| source.as_bytes().get(i + 1) != Some(&b'\n');
    if !source
        .char_indices()
        .filter(|(_, c)| *c == '\r')
        .any(|x| lone(&x))
    {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if c == '\r' && lone(&(i, c)) {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn parse_checked(source: &str, name: &str, dir: Option<&Path>) -> Result<Workshop, LoadError> {
    let source = entering(source);
    let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
    if let Some(d) = binary_check(source.as_bytes()) {
        return Err(LoadError::new(name, vec![d]));
    }
    if source.trim().is_empty() {
        return Err(LoadError::whole_file(
            name,
            "het bestand is leeg; een workshop begint met `Workshop(`",
        ));
    }
    let tokens = locate::Tokens::of(source);
    if let Some(tokens) = &tokens {
        // Before ron: a huge text is refused without parsing it.
        let too_long: Vec<Diagnostic> = tokens
            .too_long()
            .into_iter()
            .map(|(pos, len)| {
                Diagnostic::at(
                    pos,
                    format!(
                        "deze tekst is te lang ({}); het maximum is {} per tekst, verdeel hem over meer dia’s of onderdelen",
                        read::show_size(len as u64),
                        read::show_size(MAX_TEXT_BYTES as u64)
                    ),
                )
            })
            .collect();
        if !too_long.is_empty() {
            return Err(LoadError::new(name, too_long));
        }
    }
    let workshop: Workshop = ron_text::ron_options()
        .from_str(source)
        .map_err(|e| LoadError::new(name, vec![error::ron_diagnostic(source, &e)]))?;
    let tree = tokens.and_then(locate::Tokens::tree);
    let (diagnostics, pictures) = validate::validate(&workshop, tree.as_ref(), dir);
    if diagnostics.is_empty() {
        let mut workshop = workshop;
        for section in &mut workshop.sections {
            for item in &mut section.items {
                if let Item::Slide(slide) = item {
                    slide.picture = slide.image.as_ref().and_then(|i| pictures.get(i).cloned());
                }
            }
        }
        Ok(workshop)
    } else {
        Err(LoadError::new(name, diagnostics))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_workshop_is_valid() {
        let w = bundled_workshop().unwrap_or_else(|e| panic!("{e}"));
        assert!(!w.sections.is_empty());
    }

    #[test]
    fn lone_carriage_returns_are_line_ends() {
        assert_eq!(with_line_ends("a\rb\r\nc\r"), "a\nb\r\nc\n");
        let e = parse_workshop("Workshop(\r  title: \"x\",\r  oeps\r)", "w.ron")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("w.ron:3:"), "{e}");
    }

    #[test]
    fn a_names_file_with_old_mac_line_ends_has_a_name_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("namen.txt");
        std::fs::write(&path, "Anna\rBram\r\rCem\r").unwrap();
        assert_eq!(load_names(&path).unwrap(), ["Anna", "Bram", "Cem"]);
    }

    #[test]
    fn utf8_error_position() {
        let d = decode(b"ab\ncd\xffe").err();
        assert_eq!(d.map(|d| (d.line, d.col)), Some((2, 3)));
    }
}
