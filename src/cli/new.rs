//! `kampvuur new`: write a commented starter workshop to begin from.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::content::{WORKSHOP_SUFFIX, has_workshop_suffix, write_starter};

/// Writes the starter workshop to `path`; an existing file is never
/// overwritten (exit code 1).
pub fn new(path: &Path) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    if let Err(e) = write_starter(path) {
        let _ = writeln!(err, "{e}");
        return ExitCode::FAILURE;
    }
    let shown = path.display();
    let _ = writeln!(out, "Nieuwe workshop gemaakt: {shown}");
    let _ = writeln!(out, "Open hem in kampvuur:  kampvuur {shown}");
    let _ = writeln!(
        out,
        "Pas hem aan in je teksteditor; kampvuur toont elke wijziging zodra je opslaat."
    );
    let _ = writeln!(out, "Controleer hem:        kampvuur check {shown}");
    if !has_workshop_suffix(path) {
        let _ = writeln!(
            err,
            "Tip: laat de naam eindigen op {WORKSHOP_SUFFIX}; dan herkent je computer het bestand als workshop en opent een dubbelklik het in kampvuur."
        );
    }
    ExitCode::SUCCESS
}
