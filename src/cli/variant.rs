//! `--variant NAAM|bestand`: the workshop as a variant makes it, for
//! `kampvuur export` and `kampvuur text`.

use std::path::Path;

use crate::content::{resolve_variant, variant_folders, variants_dir};
use crate::model::{Variant, Workshop};

/// The workshop loaded from `file`, with the variant `wanted` applied when
/// given. Parts of the variant that no longer match are said on standard
/// error; the rest is applied.
pub fn derive(
    workshop: Workshop,
    file: &Path,
    wanted: Option<&str>,
) -> Result<(Workshop, Option<Variant>), String> {
    let Some(wanted) = wanted else {
        return Ok((workshop, None));
    };
    let folders = variant_folders(Some(file), variants_dir().as_deref());
    let variant = resolve_variant(&workshop, wanted, &folders)?;
    for line in warnings(&variant, &workshop) {
        eprintln!("{line}");
    }
    let (derived, _) = variant
        .apply(&workshop)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    Ok((derived, Some(variant)))
}

/// What a trainer should know before using `v` on `w`: the workshop changed
/// since, and which parts no longer match (in Dutch, one line each).
pub fn warnings(v: &Variant, w: &Workshop) -> Vec<String> {
    let plan = v.plan(w);
    let mut out = Vec::new();
    if v.workshop_changed(w) || !plan.mismatches.is_empty() {
        out.push(format!(
            "let op: de workshop ‘{}’ is veranderd sinds de variant ‘{}’ is gemaakt{}",
            w.title,
            v.name,
            if plan.mismatches.is_empty() {
                "; alle delen van de variant passen nog".to_owned()
            } else {
                "; wat niet meer past, wordt overgeslagen, de rest geldt nog:".to_owned()
            }
        ));
    }
    out.extend(plan.mismatches.iter().map(|m| format!("  – {m}")));
    out
}
