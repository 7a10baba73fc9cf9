//! The eframe app.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AppError(String);

pub fn run(_file: Option<PathBuf>) -> Result<(), AppError> {
    Ok(())
}
