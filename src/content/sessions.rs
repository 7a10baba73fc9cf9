//! Planned versus actual times of presented afternoons, kept for next time.

use std::path::{Path, PathBuf};

use crate::model::SessionRecord;

use super::StoreError;
use super::answers::create_private_dir;
use crate::model::slug;

/// `sessies` in the user's data folder, next to the answers.
pub fn sessions_dir() -> Option<PathBuf> {
    super::data_dir().map(|d| d.join("sessies"))
}

/// Save `record` as `<dir>/<workshop>/<date>-<start>.ron`; saving again the
/// same afternoon replaces the earlier record of it.
pub fn save_session(dir: &Path, record: &SessionRecord) -> Result<PathBuf, StoreError> {
    let folder = dir.join(slug(&record.workshop, "workshop"));
    let name = format!("{}-{}.ron", record.date, record.started.replace(':', ""));
    let path = folder.join(name);
    create_private_dir(&folder)?;
    super::atomic::save_ron(&path, record)?;
    Ok(path)
}

/// Remove the record of a rehearsal (the real session starts with a clean
/// clock); a record that is gone already is fine.
pub fn forget_session(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::io(path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionRecord;

    #[test]
    fn saves_and_replaces_one_file_per_afternoon() {
        let dir = tempfile::tempdir().unwrap();
        let mut record = SessionRecord {
            workshop: "Het vurige kind".into(),
            variant: Some("90 minuten".into()),
            date: "2026-11-23".into(),
            started: "13:30".into(),
            recorded: "14:00".into(),
            sections: vec![SectionRecord {
                title: "Opening".into(),
                planned_minutes: 15,
                actual_minutes: 17.5,
                first_start: Some("13:30".into()),
                last_end: None,
            }],
        };
        let path = save_session(dir.path(), &record).unwrap();
        assert!(path.ends_with("het-vurige-kind/2026-11-23-1330.ron"));
        record.recorded = "16:00".into();
        assert_eq!(save_session(dir.path(), &record).unwrap(), path);
        let back: SessionRecord = ron::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(back, record);
    }
}
