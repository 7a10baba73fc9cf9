//! Reading files that a user (or a colleague) hands kampvuur: regular files
//! only, and never more than a limit, whatever the file system says about the
//! size. A FIFO cannot make a read hang, `/dev/zero` cannot fill the memory.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::store_error::dutch_io;

/// Why a file could not be read, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("bestand niet gevonden")]
    NotFound,
    #[error("geen toestemming om dit bestand te lezen")]
    NoPermission,
    #[error("dit is een map, geen bestand")]
    Directory,
    #[error("dit is geen gewoon bestand maar {0}; kampvuur leest alleen gewone bestanden")]
    NotRegular(&'static str),
    #[error("het bestand is te groot ({}); het maximum is {}", show_size(*.size), show_size(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("het bestand is groter dan het maximum van {}", show_size(*.limit))]
    TooLong { limit: u64 },
    #[error("kan het bestand niet lezen: {0}")]
    Io(String),
}

impl ReadError {
    fn from_io(e: &io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => Self::NotFound,
            io::ErrorKind::PermissionDenied => Self::NoPermission,
            io::ErrorKind::IsADirectory => Self::Directory,
            _ => Self::Io(dutch_io(e)),
        }
    }
}

/// `12 MB`, `640 kB` or `12 bytes`, rounded down.
pub(crate) fn show_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes >= KB * KB {
        format!("{} MB", bytes / (KB * KB))
    } else if bytes >= KB {
        format!("{} kB", bytes / KB)
    } else {
        format!("{bytes} bytes")
    }
}

/// What kind of thing `meta` describes, in Dutch, unless it is a regular file.
pub(crate) fn not_regular(meta: &Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("een map");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("een pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("een apparaat (zoals /dev/zero)");
        }
        if t.is_socket() {
            return Some("een socket");
        }
    }
    Some("een speciaal bestand")
}

fn check_kind(meta: &Metadata) -> Result<(), ReadError> {
    match not_regular(meta) {
        None => Ok(()),
        Some(_) if meta.is_dir() => Err(ReadError::Directory),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens for reading without blocking on a FIFO (a regular file ignores the flag).
fn open(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// The bytes of the regular file at `path` (symbolic links followed), at most
/// `limit` of them: a larger file is an error, also when it claims to be small.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening, so that the usual case gets a clear message
    // without touching a device; the opened handle is checked again below.
    let meta = std::fs::metadata(path).map_err(|e| ReadError::from_io(&e))?;
    check_kind(&meta)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = open(path).map_err(|e| ReadError::from_io(&e))?;
    let meta = file.metadata().map_err(|e| ReadError::from_io(&e))?;
    check_kind(&meta)?;
    let expected = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLong { limit });
    }
    Ok(bytes)
}

const UTF16: &str = "het bestand is opgeslagen als UTF-16; sla het op als UTF-8 (bijvoorbeeld in Kladblok: Opslaan als, Codering: UTF-8)";
const UTF32: &str = "het bestand is opgeslagen als UTF-32; sla het op als UTF-8 (bijvoorbeeld in Kladblok: Opslaan als, Codering: UTF-8)";

/// The start of a file that is looked at to recognise its encoding.
const SAMPLE: usize = 1024;

/// A text file saved in the wrong encoding: UTF-32 or UTF-16 (with or without
/// a byte order mark, also when it does not start with plain ASCII) says so
/// in Dutch, with what to do instead.
pub(crate) fn encoding_problem(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(UTF32);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(UTF16);
    }
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    // Text in UTF-16 or UTF-32 has nul bytes: in every ASCII character
    // (and a workshop has at least its brackets, quotes and spaces in ASCII).
    if !sample.contains(&0) {
        return None;
    }
    if looks_like_utf32(sample) {
        return Some(UTF32);
    }
    looks_like_utf16(sample).then_some(UTF16)
}

/// Whether a character can be in a text file (no control characters but
/// tab and line ends, no nul).
fn texty(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r')
}

/// Every 4 bytes one character (little or big endian), none of them nul.
fn looks_like_utf32(sample: &[u8]) -> bool {
    let quads = sample.chunks_exact(4);
    if quads.len() < 2 {
        return false;
    }
    let all = |order: fn([u8; 4]) -> u32| {
        sample.chunks_exact(4).all(|q| {
            let q = [q[0], q[1], q[2], q[3]];
            char::from_u32(order(q)).is_some_and(texty)
        })
    };
    all(u32::from_le_bytes) || all(u32::from_be_bytes)
}

/// Every 2 bytes a UTF-16 unit (little or big endian) and together text
/// without control characters: Greek or Cyrillic as well as plain ASCII.
fn looks_like_utf16(sample: &[u8]) -> bool {
    if sample.len() < 4 {
        return false;
    }
    let text = |order: fn([u8; 2]) -> u16| {
        let units = sample.chunks_exact(2).map(|p| order([p[0], p[1]]));
        let decoded: Vec<_> = char::decode_utf16(units).collect();
        let last = decoded.len().saturating_sub(1);
        decoded.into_iter().enumerate().all(|(i, c)| match c {
            Ok(c) => texty(c),
            // A sample may end in the middle of a surrogate pair.
            Err(_) => i == last,
        })
    };
    text(u16::from_le_bytes) || text(u16::from_be_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_files_and_refuses_large_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"hallo").unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"hallo");
        let err = read_regular(&path, 4).unwrap_err();
        assert_eq!(err, ReadError::TooLarge { size: 5, limit: 4 });
        assert!(err.to_string().contains("te groot (5 bytes)"), "{err}");
        assert_eq!(read_regular(dir.path(), 9), Err(ReadError::Directory));
        assert_eq!(
            read_regular(&dir.path().join("x"), 9),
            Err(ReadError::NotFound)
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_even_when_they_claim_to_be_empty() {
        let err = read_regular(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(matches!(err, ReadError::NotRegular(_)), "{err}");
        assert!(err.to_string().contains("apparaat"), "{err}");
    }

    #[test]
    fn utf16_is_recognised() {
        let le: Vec<u8> = "Workshop("
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Workshop("
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(encoding_problem(&le).is_some_and(|m| m.contains("UTF-16")));
        assert!(encoding_problem(&be).is_some());
        assert!(encoding_problem(b"\xFF\xFEW\x00").is_some());
        assert!(encoding_problem(b"Workshop(").is_none());
        assert!(encoding_problem(b"a\0").is_none());
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_when_it_starts_with_greek() {
        for text in [
            "Ωραίο εργαστήριο(title: \"x\")",
            "Привет, Workshop(",
            "Zoë!",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(encoding_problem(&le), Some(UTF16), "{text} LE");
            assert_eq!(encoding_problem(&be), Some(UTF16), "{text} BE");
        }
        assert_eq!(encoding_problem("Ωραίο εργαστήριο".as_bytes()), None);
        assert_eq!(encoding_problem(b"ab\ncd\xffe"), None);
    }

    #[test]
    fn utf32_is_called_utf32() {
        let text = "Workshop(title: \"Ωμέγα\")";
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect();
        assert_eq!(encoding_problem(&le), Some(UTF32));
        assert_eq!(encoding_problem(&be), Some(UTF32));
        let mut bom = vec![0xFF, 0xFE, 0, 0];
        bom.extend_from_slice(&le);
        assert_eq!(encoding_problem(&bom), Some(UTF32));
        assert!(UTF32.contains("UTF-32") && !UTF32.contains("UTF-16"));
    }

    #[test]
    fn binary_files_are_not_called_text() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert_eq!(encoding_problem(&png), None);
        assert_eq!(encoding_problem(&[0u8; 64]), None);
    }

    #[test]
    fn sizes_are_readable() {
        assert_eq!(show_size(16 * 1024 * 1024), "16 MB");
        assert_eq!(show_size(64 * 1024 + 5), "64 kB");
        assert_eq!(show_size(3), "3 bytes");
    }
}
