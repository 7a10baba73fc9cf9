//! The user's settings: text size, theme and the last workshop.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::answers::create_private_dir;
use super::atomic::write_atomic;
use super::store_error::StoreError;

/// Smallest and largest text scale the app accepts.
const SCALE_RANGE: (f32, f32) = (0.5, 3.0);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Factor on all text sizes; 1.0 is normal.
    pub text_scale: f32,
    pub dark_theme: bool,
    /// The workshop file opened last, if any.
    pub last_workshop: Option<PathBuf>,
    /// The folder last chosen in a file dialog: the next dialog starts there.
    pub last_folder: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            text_scale: 1.0,
            dark_theme: false,
            last_workshop: None,
            last_folder: None,
        }
    }
}

impl Settings {
    /// The settings saved at `path`; defaults when the file is missing or
    /// unreadable, and sane values for anything out of range. Never fails.
    pub fn load(path: &Path) -> Self {
        // A settings file is a few lines; anything odd there is ignored.
        let parsed: Option<Self> = super::read::read_regular(path, 64 * 1024)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|text| super::ron_text::ron_options().from_str(&text).ok());
        parsed.unwrap_or_default().sanitized()
    }

    /// Saves atomically, creating the folder when needed.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        let text = ron::ser::to_string_pretty(&self.clone().sanitized(), Default::default())
            .map_err(|e| StoreError::Serialize {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io(path, e))
    }

    fn sanitized(mut self) -> Self {
        if !self.text_scale.is_finite() {
            self.text_scale = 1.0;
        }
        self.text_scale = self.text_scale.clamp(SCALE_RANGE.0, SCALE_RANGE.1);
        self
    }
}

/// `instellingen.ron` in the user's config folder, if the system has one.
pub fn settings_path() -> Option<PathBuf> {
    super::project_dirs().map(|d| d.config_dir().join("instellingen.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("sub").join("instellingen.ron");
        assert_eq!(Settings::load(&path), Settings::default());
        let s = Settings {
            text_scale: 1.5,
            dark_theme: true,
            last_workshop: Some(PathBuf::from("/tmp/w.ron")),
            last_folder: Some(PathBuf::from("/media/usb")),
        };
        s.save(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, "(text_scale: NaN, dark_theme: true)")
            .unwrap_or_else(|e| panic!("{e}"));
        let loaded = Settings::load(&path);
        assert_eq!((loaded.text_scale, loaded.dark_theme), (1.0, true));
        std::fs::write(&path, b"\xff\x00 kapot").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Settings::load(&path), Settings::default());
        std::fs::write(&path, "(text_scale: 99.0, last_workshop: \"a.ron\")")
            .unwrap_or_else(|e| panic!("{e}"));
        let loaded = Settings::load(&path);
        assert_eq!(loaded.text_scale, 3.0);
        assert_eq!(loaded.last_workshop, Some(PathBuf::from("a.ron")));
    }
}
