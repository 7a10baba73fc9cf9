//! The only module that touches the file system: workshops in, answers in and out.

use std::path::Path;

use crate::model::Workshop;

/// The workshop that ships inside the binary.
pub const BUNDLED_SOURCE: &str = include_str!("../../workshops/vurige-kind-in-de-klas.ron");
pub const BUNDLED_NAME: &str = "workshops/vurige-kind-in-de-klas.ron";

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(pub String);

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(
        ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES
            | ron::extensions::Extensions::IMPLICIT_SOME,
    )
}

/// Parse a workshop from source text; `name` is used in error messages.
pub fn parse_workshop(source: &str, name: &str) -> Result<Workshop, LoadError> {
    options().from_str(source).map_err(|e| {
        LoadError(format!(
            "{name}:{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        ))
    })
}

/// Load a workshop file.
pub fn load_workshop(path: &Path) -> Result<Workshop, LoadError> {
    let name = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| LoadError(format!("{name}: {e}")))?;
    parse_workshop(&source, &name)
}

/// The workshop compiled into the binary.
pub fn bundled_workshop() -> Result<Workshop, LoadError> {
    parse_workshop(BUNDLED_SOURCE, BUNDLED_NAME)
}
