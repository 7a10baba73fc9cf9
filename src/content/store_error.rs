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
    /// The file there is not replaced (read-only, a folder, a device…).
    #[error("kan ‘{}’ niet opslaan: {why}", .path.display())]
    Refused { path: PathBuf, why: String },
    /// The file there cannot be read (not a regular file, too large…).
    #[error("kan ‘{}’ niet lezen: {why}", .path.display())]
    Unreadable { path: PathBuf, why: String },
}

impl StoreError {
    /// Classifies an I/O error on `path`.
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        let path = path.to_owned();
        if let Some(refusal) = super::atomic::TargetError::inside(&source) {
            return Self::Refused {
                path,
                why: refusal.to_string(),
            };
        }
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
            | Self::Serialize { path, .. }
            | Self::Refused { path, .. }
            | Self::Unreadable { path, .. } => path,
        }
    }
}

/// A short Dutch description of an I/O error, with the system's text for the rest.
pub fn dutch_io(e: &io::Error) -> String {
    use io::ErrorKind as K;
    #[cfg(unix)]
    match e.raw_os_error() {
        Some(libc::ELOOP) => {
            return "een symbolische koppeling verwijst (via andere koppelingen) naar zichzelf"
                .into();
        }
        Some(libc::ENAMETOOLONG) => return "de bestandsnaam of het pad is te lang".into(),
        Some(libc::ENXIO) => return "het apparaat of de pipe is niet beschikbaar".into(),
        _ => {}
    }
    // Our own errors carry a Dutch text; keep it.
    if matches!(e.kind(), K::InvalidData | K::Other)
        && let Some(inner) = e.get_ref()
    {
        return inner.to_string();
    }
    match e.kind() {
        K::NotFound => "bestaat niet".into(),
        K::PermissionDenied => "geen toestemming".into(),
        K::AlreadyExists => "bestaat al".into(),
        K::NotADirectory => "een deel van het pad is een bestand, geen map".into(),
        K::IsADirectory => "is een map".into(),
        K::StorageFull => "de schijf is vol".into(),
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen".into(),
        K::InvalidFilename => "ongeldige bestandsnaam".into(),
        K::QuotaExceeded => "je schijfruimte (quotum) is op".into(),
        K::FileTooLarge => "het bestand is te groot voor deze schijf".into(),
        K::ResourceBusy | K::ExecutableFileBusy => "het bestand is in gebruik".into(),
        K::CrossesDevices => "het bestand staat op een andere schijf".into(),
        K::TooManyLinks => "te veel koppelingen naar dit bestand".into(),
        K::DirectoryNotEmpty => "de map is niet leeg".into(),
        K::NotSeekable => "het bestand kan niet doorzocht worden (geen gewoon bestand)".into(),
        K::WouldBlock => "het bestand is niet klaar om gelezen te worden (pipe?)".into(),
        K::Interrupted | K::TimedOut => "de bewerking werd onderbroken".into(),
        K::OutOfMemory => "onvoldoende geheugen".into(),
        K::Unsupported => "dit wordt niet ondersteund door het systeem".into(),
        K::InvalidData | K::UnexpectedEof => "het bestand is beschadigd of onvolledig".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("onverwachte systeemfout (foutcode {code})"),
            None => "onverwachte systeemfout".into(),
        },
    }
}

/// The current local time as "YYYY-MM-DD HH:MM".
pub fn now_stamp() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

/// The current local time as "YYYYMMDD-HHMMSS", for file names.
pub(crate) fn file_stamp() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_are_dutch() {
        let own = io::Error::new(io::ErrorKind::InvalidData, "geen gewoon bestand");
        assert_eq!(dutch_io(&own), "geen gewoon bestand");
        let bare = io::Error::from(io::ErrorKind::InvalidData);
        assert_eq!(dutch_io(&bare), "het bestand is beschadigd of onvolledig");
        #[cfg(unix)]
        assert!(dutch_io(&io::Error::from_raw_os_error(libc::ELOOP)).contains("naar zichzelf"));
        assert!(dutch_io(&io::Error::from_raw_os_error(9999)).contains("foutcode 9999"));
    }

    #[test]
    fn stamps_have_fixed_widths() {
        assert_eq!(now_stamp().len(), 16);
        assert_eq!(file_stamp().len(), 15);
        assert_eq!(now_stamp().as_bytes()[4], b'-');
    }
}
