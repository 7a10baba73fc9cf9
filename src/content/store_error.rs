//! Errors of saving and loading answers and settings, in Dutch.

use std::io;
use std::path::{Path, PathBuf};

/// Why answers or settings could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("kan de map ‘{}’ niet aanmaken: {}", .path.display(), dutch_io(.source))]
    CreateFolder { path: PathBuf, source: io::Error },
    #[error("de schijf is vol: ‘{}’ kon niet worden opgeslagen; maak ruimte vrij en probeer het opnieuw", .path.display())]
    DiskFull { path: PathBuf, source: io::Error },
    #[error("geen toestemming om ‘{}’ op te slaan of te lezen (alleen-lezen schijf of map?)", .path.display())]
    NoPermission { path: PathBuf, source: io::Error },
    #[error("fout bij ‘{}’: {}", .path.display(), dutch_io(.source))]
    Io { path: PathBuf, source: io::Error },
    #[error("kan de gegevens voor ‘{}’ niet omzetten naar tekst: {message}", .path.display())]
    Serialize { path: PathBuf, message: String },
}

impl StoreError {
    /// Classifies an I/O error on `path`.
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        let path = path.to_owned();
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                Self::DiskFull { path, source }
            }
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                Self::NoPermission { path, source }
            }
            _ => Self::Io { path, source },
        }
    }

    /// An error creating folder `path`; a full disk or missing permission is
    /// reported as such.
    pub(crate) fn folder(path: &Path, source: io::Error) -> Self {
        match Self::io(path, source) {
            Self::Io { path, source } => Self::CreateFolder { path, source },
            other => other,
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::CreateFolder { path, .. }
            | Self::DiskFull { path, .. }
            | Self::NoPermission { path, .. }
            | Self::Io { path, .. }
            | Self::Serialize { path, .. } => path,
        }
    }
}

/// A short Dutch description of an I/O error, with the system's text for the rest.
pub(crate) fn dutch_io(e: &io::Error) -> String {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "bestaat niet".into(),
        K::PermissionDenied => "geen toestemming".into(),
        K::AlreadyExists => "bestaat al".into(),
        K::NotADirectory => "een deel van het pad is een bestand, geen map".into(),
        K::IsADirectory => "is een map".into(),
        K::StorageFull => "de schijf is vol".into(),
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen".into(),
        K::InvalidFilename => "ongeldige bestandsnaam".into(),
        _ => format!("systeemfout: {e}"),
    }
}

/// The current time as "YYYY-MM-DD HH:MM".
///
/// This is UTC, not local time: the standard library has no time zones and
/// the project has no date-time crate. Good enough for "last changed" and for
/// telling files apart.
pub fn now_stamp() -> String {
    let (y, mo, d, h, mi, _) = utc_now();
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

/// The current UTC time as "YYYYMMDD-HHMMSS", for file names.
pub(crate) fn file_stamp() -> String {
    let (y, mo, d, h, mi, s) = utc_now();
    format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
}

fn utc_now() -> (i64, u32, u32, u32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    civil(secs)
}

/// Seconds since 1970 to (year, month, day, hour, minute, second), proleptic
/// Gregorian calendar (Howard Hinnant's `civil_from_days`).
fn civil(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    (
        year,
        small(month),
        small(day),
        small(rest / 3600),
        small(rest % 3600 / 60),
        small(rest % 60),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(civil(951_782_400), (2000, 2, 29, 0, 0, 0));
        assert_eq!(civil(1_767_225_599), (2025, 12, 31, 23, 59, 59));
        assert_eq!(now_stamp().len(), 16);
        assert_eq!(file_stamp().len(), 15);
    }
}
