//! One answers file: reading it, its name, and moving a broken one aside.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{AnswerSet, slug};

use super::read::{encoding_problem, read_regular};
use super::store_error::{StoreError, file_stamp};

/// Name (before the random part) of the file of an anonymous participant.
pub(super) const ANONYMOUS: &str = "anoniem";
/// Marker in the name of a file moved aside.
pub(super) const BROKEN_MARK: &str = ".kapot-";
/// An answers file is a few kilobytes; this leaves room for long open answers.
pub(super) const MAX_ANSWERS_BYTES: u64 = 4 * 1024 * 1024;
/// Random bytes in a file key ("fatima-3f9a2c1b").
const KEY_RANDOM_BYTES: usize = 4;
/// Random bytes of the salt of a code.
pub(super) const SALT_BYTES: usize = 16;

/// Whether `key` can be a file name of ours: lowercase ASCII letters, digits
/// and dashes, not too long. Keys come from files, so they are checked.
pub(super) fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && !key.starts_with('-')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A new key for a set of `participant`: the slug of the name (or
/// "anoniem") and a random part, so that "Анна" and "李明" (both without a
/// Latin slug) never share a file.
pub(super) fn new_key(participant: &str, dir: &Path) -> Result<String, StoreError> {
    let base = slug(participant, ANONYMOUS);
    for _ in 0..100 {
        let mut random = [0u8; KEY_RANDOM_BYTES];
        fill_random(&mut random, dir)?;
        let tail: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let key = format!("{base}-{tail}");
        if dir.join(format!("{key}.ron")).symlink_metadata().is_err() {
            return Ok(key);
        }
    }
    Err(StoreError::Io {
        path: dir.to_owned(),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            "geen vrije bestandsnaam gevonden",
        ),
    })
}

/// Fresh random bytes from the operating system.
pub(super) fn fill_random(buf: &mut [u8], dir: &Path) -> Result<(), StoreError> {
    getrandom::fill(buf).map_err(|e| StoreError::Io {
        path: dir.to_owned(),
        source: io::Error::other(format!("het systeem gaf geen willekeurige getallen ({e})")),
    })
}

/// The file of `set` in `dir`: `<key>.ron`; files from before codes had
/// `<slug of the name>.ron`.
pub(super) fn file_of(dir: &Path, set: &AnswerSet) -> PathBuf {
    if is_valid_key(&set.key) {
        dir.join(format!("{}.ron", set.key))
    } else {
        dir.join(format!("{}.ron", slug(&set.participant, ANONYMOUS)))
    }
}

/// Reads the answers file at `path` (for `kampvuur export --answers-file`);
/// the error says in Dutch what is wrong, with the path.
pub fn load_answers_file(path: &Path) -> Result<AnswerSet, String> {
    let bytes = read_regular(path, MAX_ANSWERS_BYTES)
        .map_err(|e| format!("{}: kan de antwoorden niet lezen: {e}", path.display()))?;
    let set =
        parse(&bytes).map_err(|e| format!("{}: geen geldige antwoorden: {e}", path.display()))?;
    if let Some(why) = crate::model::name_too_long(&set.participant) {
        return Err(format!("{}: {why}", path.display()));
    }
    Ok(set)
}

/// Reads an answers file; the error says in Dutch what is wrong.
pub(super) fn parse(bytes: &[u8]) -> Result<AnswerSet, String> {
    if let Some(why) = encoding_problem(bytes) {
        return Err(why.into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "geen UTF-8-tekst".to_owned())?;
    if text.trim().is_empty() {
        return Err("het bestand is leeg".into());
    }
    super::ron_text::ron_options()
        .from_str(&super::entering(text))
        .map_err(|e| super::ron_text::ron_error_text(&e))
}

/// Renames a corrupt file to `<name>.kapot-<stamp>.ron`, never over an existing file.
pub(super) fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stem = path
        .file_stem()
        .map_or_else(|| ANONYMOUS.into(), |s| s.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    let stamp = file_stamp();
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = dir.join(format!("{stem}{BROKEN_MARK}{stamp}{suffix}.ron"));
        if target.symlink_metadata().is_ok() {
            continue;
        }
        return std::fs::rename(path, &target)
            .map(|()| target)
            .map_err(|e| StoreError::io(path, e));
    }
    Err(StoreError::Io {
        path: path.to_owned(),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            "te veel kapotte bestanden met dezelfde tijd",
        ),
    })
}

/// Creates `dir` and its parents; new folders get mode 0700 on unix.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| StoreError::folder(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked() {
        for ok in ["anna-0a1b2c3d", "anoniem-ffffffff", "x"] {
            assert!(is_valid_key(ok), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "Anna-1",
            "a/b",
            "-x",
            "a.ron",
            "a b",
            &"a".repeat(101),
        ] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }

    #[test]
    fn new_keys_differ_for_names_without_a_latin_slug() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let a = new_key("Анна", dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let b = new_key("李明", dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a, b);
        assert!(a.starts_with("anoniem-") && is_valid_key(&a), "{a}");
        let c = new_key("Zoë de Vries", dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.starts_with("zoe-de-vries-") && c.len() == "zoe-de-vries-".len() + 8);
    }
}
