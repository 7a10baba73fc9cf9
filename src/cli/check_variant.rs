//! `kampvuur check` on variants: variant files, and the variants inside a
//! workshop file, each applied to its workshop.

use std::path::{Path, PathBuf};

use crate::content::{
    bundled_workshop, is_variant_file, load_variant, load_workshop, summary, workshop_source,
};
use crate::model::{Fit, Variant, Workshop};

/// What a check printed: lines for standard output, lines for standard
/// error, and whether everything was right.
#[derive(Debug, Default)]
pub struct Report {
    pub out: Vec<String>,
    pub err: Vec<String>,
    pub ok: bool,
}

/// One line about a variant that applies: what is left and how it fits.
fn line(file: &str, v: &Variant, derived: &Workshop) -> String {
    let fit = match v.available {
        Some(a) => format!(
            " (beschikbaar {a} min: {})",
            Fit::of(derived.total_minutes(), Some(a)).word()
        ),
        None => String::new(),
    };
    format!("{file}: variant ‘{}’: {}{fit}", v.name, summary(derived))
}

/// Applies `v` to `w` and reports it; `at` is where the variant is written.
fn report(v: &Variant, w: &Workshop, at: &str, file: &str, r: &mut Report) {
    let plan = v.plan(w);
    match v.apply(w) {
        Ok((derived, _)) => {
            if plan.mismatches.is_empty() {
                r.out.push(line(file, v, &derived));
                let total = derived.total_minutes();
                if let Some(a) = v.available.filter(|a| total > *a) {
                    r.err.push(format!(
                        "{at}: waarschuwing: de variant ‘{}’ duurt {total} min, {} min langer dan de beschikbare {a} min",
                        v.name,
                        total - a
                    ));
                }
                if v.workshop_changed(w) {
                    r.err.push(format!(
                        "{at}: waarschuwing: de workshop ‘{}’ is veranderd sinds de variant ‘{}’ is gemaakt; alle delen passen nog",
                        w.title, v.name
                    ));
                }
            } else {
                r.ok = false;
                for m in &plan.mismatches {
                    r.err.push(format!("{at}: variant ‘{}’: {m}", v.name));
                }
            }
        }
        Err(e) => {
            r.ok = false;
            r.err.push(format!("{at}: {e}"));
        }
    }
}

/// The position of the variant named `name` in a workshop's source, as
/// `pad:regel:kolom`.
fn position(file: &Path, name: &str) -> String {
    let shown = file.display();
    let Ok(source) = workshop_source(file) else {
        return shown.to_string();
    };
    let quoted = format!("\"{name}\"");
    let start = source.find("variants").unwrap_or(0);
    let found = source[start..].find(&quoted).map(|o| o + start);
    match found {
        Some(at) => {
            let before = &source[..at];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!("{shown}:{line}:{col}")
        }
        None => shown.to_string(),
    }
}

/// Checks the variants inside a workshop file that loaded.
pub fn inner(file: &Path, w: &Workshop) -> Report {
    let mut r = Report {
        ok: true,
        ..Report::default()
    };
    let shown = file.display().to_string();
    for v in &w.variants {
        report(v, w, &position(file, &v.name), &shown, &mut r);
    }
    r
}

/// The workshop a variant file belongs to: a workshop file beside it with
/// the variant's title, or the bundled workshop.
fn workshop_for(file: &Path, v: &Variant) -> Option<(Workshop, String)> {
    let dir = crate::content::workshop_dir(file);
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")) && !is_variant_file(p)
        })
        .collect();
    candidates.sort();
    for c in candidates {
        if let Ok(w) = load_workshop(&c)
            && (v.workshop.trim().is_empty() || w.title.trim() == v.workshop.trim())
        {
            return Some((w, c.display().to_string()));
        }
    }
    let bundled = bundled_workshop().ok()?;
    (bundled.title.trim() == v.workshop.trim())
        .then(|| (bundled, "de meegeleverde workshop".to_owned()))
}

/// Checks a variant file: the file itself, then against its workshop.
pub fn file(file: &Path) -> Report {
    let mut r = Report {
        ok: true,
        ..Report::default()
    };
    let shown = file.display().to_string();
    let v = match load_variant(file) {
        Ok(v) => v,
        Err(e) => {
            r.ok = false;
            r.err.push(e.to_string());
            return r;
        }
    };
    match workshop_for(file, &v) {
        Some((w, _)) => report(&v, &w, &shown, &shown, &mut r),
        None => {
            r.out.push(format!("{shown}: variant ‘{}’", v.name));
            r.err.push(format!(
                "{shown}: waarschuwing: de workshop ‘{}’ staat niet naast de variant; alleen het bestand zelf is gecontroleerd",
                v.workshop
            ));
        }
    }
    r
}
