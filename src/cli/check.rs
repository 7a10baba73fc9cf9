//! `kampvuur check`: validate workshop files and folders of them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::{LoadError, dutch_io, load_workshop, summary, workshop_source};
use crate::pdf::font::{NOT_PRINTABLE, unprintable};

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
            if crate::content::is_variant_file(&file) {
                let report = super::check_variant::file(&file);
                report.out.iter().for_each(|l| drop(writeln!(out, "{l}")));
                report.err.iter().for_each(|l| drop(writeln!(err, "{l}")));
                ok &= report.ok;
                continue;
            }
            match load_workshop(&file) {
                Ok(w) => {
                    let _ = writeln!(out, "{}: {}", file.display(), summary(&w));
                    for warning in print_warnings(&file) {
                        let _ = writeln!(err, "{warning}");
                    }
                    for warning in crate::model::pacing::warnings(&w) {
                        let _ = writeln!(err, "{}: waarschuwing: {warning}", file.display());
                    }
                    let report = super::check_variant::inner(&file, &w);
                    report.out.iter().for_each(|l| drop(writeln!(out, "{l}")));
                    report.err.iter().for_each(|l| drop(writeln!(err, "{l}")));
                    ok &= report.ok;
                    if let Some(why) = crate::pdf::summary_warning(&w) {
                        let _ = writeln!(err, "{}: waarschuwing: {why}", file.display());
                    }
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

/// Warnings, with line and column, for characters in the workshop's texts
/// that no bundled font can print: the author hears it before printing.
fn print_warnings(file: &Path) -> Vec<String> {
    let Ok(source) = workshop_source(file) else {
        return Vec::new();
    };
    let found = unprintable_in_source(&source);
    let mut out: Vec<String> = found
        .iter()
        .take(MAX_PRINT_WARNINGS)
        .map(|&(line, col, c)| {
            let effect = if c.is_alphanumeric() {
                format!("in de PDF’s staat daar ‘{NOT_PRINTABLE}’")
            } else {
                "in de PDF’s valt het weg".to_owned()
            };
            format!(
                "{}:{line}:{col}: waarschuwing: geen meegeleverd lettertype kan ‘{c}’ (U+{:04X}) afdrukken; {effect}",
                file.display(),
                u32::from(c)
            )
        })
        .collect();
    if found.len() > MAX_PRINT_WARNINGS {
        out.push(format!(
            "{}: waarschuwing: en nog {} zulke tekens",
            file.display(),
            found.len() - MAX_PRINT_WARNINGS
        ));
    }
    out
}

/// Warnings about unprintable characters shown per file at most.
const MAX_PRINT_WARNINGS: usize = 20;

/// Line and column (1-based, in characters) of each character inside a
/// string of the RON source that no bundled font can print; comments are
/// skipped.
pub fn unprintable_in_source(source: &str) -> Vec<(usize, usize, char)> {
    let mut found = Vec::new();
    let mut in_string = false;
    for (l, line) in source.lines().enumerate() {
        let mut chars = line.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    c => {
                        if unprintable(&c.to_string()).is_ok_and(|u| !u.is_empty()) {
                            found.push((l + 1, i + 1, c));
                        }
                    }
                }
            } else if c == '"' {
                in_string = true;
            } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '/') {
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_unprintable_characters_with_their_position() {
        let source = "// 🔥 in a comment is fine\n(\n  title: \"Vuur 🔥 en ✓\",\n  author: \"Ελένη, Анна, 李明\",\n  x: \"a \\\" 中\"\n)";
        assert_eq!(
            unprintable_in_source(source),
            vec![(3, 16, '🔥'), (4, 25, '李'), (4, 26, '明'), (5, 12, '中')]
        );
    }
}
