//! `kampvuur check`: validate workshop files and folders of them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::{LoadError, dutch_io, load_workshop, summary};

/// Checks every file, and every `*.ron` file directly inside each folder. Prints
/// one summary line per valid workshop to stdout and all problems to stderr;
/// fails if anything was wrong.
pub fn check(paths: &[PathBuf]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut ok = true;
    for path in paths {
        let files = match files_in(path) {
            Ok(files) => files,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                ok = false;
                continue;
            }
        };
        for file in files {
            match load_workshop(&file) {
                Ok(w) => {
                    let _ = writeln!(out, "{}: {}", file.display(), summary(&w));
                }
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    ok = false;
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The path itself, or the sorted `*.ron` files of a folder.
fn files_in(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let name = path.display().to_string();
    let entries = std::fs::read_dir(path).map_err(|e| {
        LoadError::whole_file(&name, format!("kan de map niet lezen: {}", dutch_io(&e)))
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")) && !p.is_dir())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(LoadError::whole_file(
            name,
            "geen workshopbestanden (*.ron) in deze map",
        ));
    }
    Ok(files)
}
