//! Load errors: every problem of a workshop file with its position, in Dutch.

use std::fmt;

use ron::error::Error as RonError;

use super::locate::Pos;

/// One problem at a place in a file. `line` and `col` are 1-based; both are 0
/// when the problem has no position (a missing file, for instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Diagnostic {
    /// A problem at `line:col`. Line breaks in the message become spaces, so
    /// that every diagnostic is one line.
    pub fn new(line: usize, col: usize, message: impl Into<String>) -> Self {
        let mut message: String = message.into();
        if message.contains(['\n', '\r']) {
            message = message.replace(['\n', '\r'], " ");
        }
        Self { line, col, message }
    }

    /// A problem of the file as a whole, without a position.
    pub fn whole_file(message: impl Into<String>) -> Self {
        Self::new(0, 0, message)
    }

    pub(crate) fn at(pos: Pos, message: impl Into<String>) -> Self {
        Self::new(pos.line, pos.col, message)
    }
}

/// Why a workshop could not be loaded: the file name and all its problems.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    file: String,
    diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub fn new(file: impl Into<String>, diagnostics: Vec<Diagnostic>) -> Self {
        let mut diagnostics: Vec<Diagnostic> = diagnostics
            .into_iter()
            .map(|d| Diagnostic::new(d.line, d.col, d.message))
            .collect();
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::whole_file("onbekende fout"));
        }
        Self {
            file: file.into(),
            diagnostics,
        }
    }

    /// An error with one message and no position.
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(file, vec![Diagnostic::whole_file(message)])
    }

    /// The file name as shown in the messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// All problems, in the order of the file (problems without a position last).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// One `path:line:col: message` per line (`path: message` without a position).
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            if d.line == 0 {
                write!(f, "{}: {}", self.file, d.message)?;
            } else {
                write!(f, "{}:{}:{}: {}", self.file, d.line, d.col, d.message)?;
            }
        }
        Ok(())
    }
}

/// The Dutch diagnostic for a ron error in `source`.
pub(crate) fn ron_diagnostic(source: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let Pos { line, col } = Pos {
        line: e.span.start.line,
        col: e.span.start.col,
    };
    let offset = byte_offset(source, line, col);
    let rest = offset.and_then(|o| source.get(o..)).unwrap_or_default();
    let before = offset
        .and_then(|o| source.get(..o))
        .and_then(|s| s.chars().last());
    let message = if rest.trim().is_empty() && !matches!(e.code, RonError::TrailingCharacters) {
        // Whatever ron expected, the real problem is that the file stops here.
        ron_message(&RonError::Eof)
    } else if matches!(e.code, RonError::UnexpectedChar(_))
        && (before == Some('/') || rest.starts_with('/'))
    {
        format!(
            "{}; commentaar begint met `//` of `/*`",
            ron_message(&e.code)
        )
    } else {
        ron_message(&e.code)
    };
    if let (RonError::UnclosedBlockComment, Some(o)) = (&e.code, offset)
        && source.get(..o).is_some_and(|s| s.ends_with("/*"))
    {
        // Point at the `/*` that is never closed, not just after it.
        return Diagnostic::new(line, col.saturating_sub(2).max(1), message);
    }
    if let (RonError::InvalidEscape(_), Some(o)) = (&e.code, offset) {
        // ron points at the start of the string; point at the bad `\` instead.
        let bad = rest
            .char_indices()
            .zip(rest.chars().skip(1))
            .find(|((_, c), next)| {
                *c == '\\'
                    && !matches!(
                        next,
                        '\'' | '"' | '\\' | 'n' | 'r' | 't' | '0' | 'x' | 'u' | '\n' | '\r'
                    )
            });
        if let Some(((i, _), _)) = bad {
            let (line, col) = line_col(source.as_bytes(), o + i);
            return Diagnostic::new(line, col, message);
        }
    }
    if let (RonError::TrailingCharacters, Some(o)) = (&e.code, offset) {
        // ron points at the end of the value; point at the extra text instead.
        let skipped = rest.len() - rest.trim_start().len();
        let (line, col) = line_col(source.as_bytes(), o + skipped);
        return Diagnostic::new(line, col, message);
    }
    Diagnostic::new(line, col, message)
}

/// The byte offset of 1-based `line` and `col` (in characters) in `source`.
fn byte_offset(source: &str, line: usize, col: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += source.get(start..)?.find('\n')? + 1;
    }
    let rest = source.get(start..)?;
    let in_line = rest
        .char_indices()
        .nth(col.checked_sub(1)?)
        .map_or(rest.len(), |(i, _)| i);
    Some(start + in_line)
}

/// The Dutch message for a ron error.
pub(crate) fn ron_message(e: &RonError) -> String {
    use RonError as E;
    match e {
        E::Eof => "het bestand houdt onverwacht op; ontbreekt er een `)` of `]` aan het einde?"
            .into(),
        E::UnexpectedChar(c) => format!("onverwacht teken {}", show_char(*c)),
        E::TrailingCharacters => {
            "er staat nog tekst na het einde van de workshop; staat er een `)` te veel?".into()
        }
        E::ExpectedComma => "hier wordt een komma verwacht; ontbreekt er een komma aan het eind van de vorige regel, of staat er een \" in een tekst (schrijf die als \\\")?".into(),
        E::ExpectedArray => "hier wordt een lijst verwacht, beginnend met `[`".into(),
        E::ExpectedArrayEnd => "hier wordt `]` verwacht (einde van de lijst)".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt `(` verwacht (begin van een blok met velden)".into()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            "hier wordt `)` verwacht; ontbreekt er een komma of een `)`?".into()
        }
        E::ExpectedMap => "hier wordt `{` verwacht".into(),
        E::ExpectedMapColon => "hier wordt een dubbele punt `:` verwacht".into(),
        E::ExpectedMapEnd => "hier wordt `}` verwacht".into(),
        E::ExpectedString => "hier wordt tekst tussen aanhalingstekens verwacht".into(),
        E::ExpectedStringEnd => {
            "de tekst wordt niet afgesloten; ontbreekt er een `\"` (schrijf een \" in de tekst als \\\")?"
                .into()
        }
        E::ExpectedInteger => "hier wordt een geheel getal verwacht".into(),
        E::ExpectedFloat => "hier wordt een getal verwacht".into(),
        E::ExpectedBoolean => "hier wordt `true` of `false` verwacht".into(),
        E::ExpectedIdentifier => {
            "hier wordt een naam zonder aanhalingstekens verwacht, zoals een veldnaam (`title:`) of een soort (`Group`)"
                .into()
        }
        E::ExpectedChar => "hier wordt één teken tussen enkele aanhalingstekens verwacht".into(),
        E::ExpectedOption => "hier wordt een waarde of `None` verwacht".into(),
        E::ExpectedUnit => "hier wordt `()` verwacht".into(),
        E::IntegerOutOfBounds => "dit getal is te groot (of negatief)".into(),
        E::InvalidIntegerDigit { digit, .. } => {
            format!("ongeldig cijfer {} in een getal", show_char(*digit))
        }
        E::UnderscoreAtBeginning | E::FloatUnderscore => {
            "een getal mag hier geen liggend streepje `_` bevatten".into()
        }
        E::InvalidEscape(what) => format!(
            "ongeldige code met `\\` in de tekst ({}); schrijf een backslash zelf als `\\\\`",
            match *what {
                "Unknown escape character" => "onbekend teken na `\\`",
                other => other,
            }
        ),
        E::UnclosedBlockComment => "commentaar met `/*` wordt niet afgesloten met `*/`".into(),
        E::UnclosedLineComment => "commentaar met `//` wordt niet afgesloten".into(),
        E::Utf8Error(_) => "ongeldige UTF-8-tekens".into(),
        E::NoSuchExtension(name) => format!("onbekende RON-extensie ‘{name}’"),
        E::ExceededRecursionLimit => {
            "te diep genest: te veel haakjes binnen haakjes (controleer of alle `(` en `[` gesloten worden)"
                .into()
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "onbekend veld ‘{found}’{}; {}",
            in_outer(outer.as_deref()),
            one_of(expected, "velden")
        ),
        E::MissingStructField { field, outer } => format!(
            "verplicht veld ‘{field}’ ontbreekt{}; het blok sluit hier",
            in_outer(outer.as_deref())
        ),
        E::DuplicateStructField { field, outer } => {
            format!("veld ‘{field}’ staat er twee keer{}", in_outer(outer.as_deref()))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "onbekende soort ‘{found}’{}; {}",
            in_outer(outer.as_deref()),
            one_of(expected, "soorten")
        ),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("hier wordt ‘{expected}’ verwacht, niet ‘{found}’")
        }
        E::ExpectedStructName(name) => format!("hier wordt ‘{name}(…)’ verwacht"),
        E::InvalidValueForType { expected, found } => format!(
            "verkeerd soort waarde: verwacht {}, gevonden {}",
            dutch_expected(expected),
            dutch_found(found)
        ),
        E::ExpectedDifferentLength { expected, found } => format!(
            "verkeerd aantal elementen: verwacht {expected}, gevonden {found}"
        ),
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => format!(
            "ongeldige naam ‘{name}’; een veldnaam of soort bestaat uit letters, cijfers en `_`"
        ),
        E::Message(m) => format!("ongeldige waarde: {m}"),
        other => format!("RON-fout: {other}"),
    }
}

fn show_char(c: char) -> String {
    match c {
        '\n' => "(einde van de regel)".into(),
        '\t' => "(tab)".into(),
        ' ' => "(spatie)".into(),
        c if c.is_control() => format!("U+{:04X}", u32::from(c)),
        c => format!("‘{c}’"),
    }
}

fn in_outer(outer: Option<&str>) -> String {
    let Some(outer) = outer else {
        return String::new();
    };
    let dutch = match outer {
        "Workshop" => "de workshop",
        "Section" => "een onderdeel",
        "Slide" => "een dia",
        "Case" => "een casus",
        "Checklist" => "een checklist",
        "ChecklistItem" => "een checklistvraag",
        "Item" => "een item",
        "Timer" => "een timer",
        "Break" => "een pauze",
        "Scale" => "een schaal",
        "Open" => "een open vraag",
        _ => return format!(" in ‘{outer}’"),
    };
    format!(" in {dutch} ({outer})")
}

fn one_of(alts: &[&str], none: &str) -> String {
    match alts {
        [] => format!("hier zijn geen {none} mogelijk"),
        [one] => format!("verwacht: {one}"),
        _ => format!("verwacht een van: {}", alts.join(", ")),
    }
}

/// Serde's English names of expected types, in Dutch where we know them.
fn dutch_expected(expected: &str) -> String {
    let e = expected.trim();
    let known = match e {
        "a string" | "string" => "tekst tussen aanhalingstekens",
        "a sequence" => "een lijst `[…]`",
        "a boolean" => "`true` of `false`",
        "u8" | "u16" | "u32" | "u64" | "usize" => "een geheel getal (0 of groter)",
        "i8" | "i16" | "i32" | "i64" => "een geheel getal",
        "f32" | "f64" => "een getal",
        "option" => "een waarde",
        _ if e.starts_with("a map") || e.starts_with("map") => "een blok met velden",
        _ => {
            if let Some(name) = e.strip_prefix("struct ") {
                return format!("een blok ‘{name}(…)’");
            }
            if let Some(name) = e.strip_prefix("enum ") {
                return format!("een van de soorten van ‘{name}’");
            }
            return e.to_owned();
        }
    };
    known.to_owned()
}

fn dutch_found(found: &str) -> String {
    let f = found.trim();
    for (en, nl) in [
        ("the string ", "de tekst "),
        ("the unsigned integer ", "het getal "),
        ("the signed integer ", "het getal "),
        ("the floating point number ", "het getal "),
        ("the boolean ", "de waarde "),
        ("the UTF-8 character ", "het teken "),
    ] {
        if let Some(rest) = f.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    match f {
        "a sequence" => "een lijst".into(),
        "a map" => "een blok met velden".into(),
        "a unit value" => "`()`".into(),
        "an optional value" => "een optionele waarde".into(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "een soort (zoals `Slide(…)`)".into(),
        _ => f.to_owned(),
    }
}

/// The line and column (1-based, in characters) of byte `offset` of `bytes`.
pub(crate) fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let rest = before.get(line_start..).unwrap_or_default();
    let col = 1 + String::from_utf8_lossy(rest).chars().count();
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_one_line_per_diagnostic() {
        let e = LoadError::new(
            "w.ron",
            vec![
                Diagnostic::new(3, 4, "eerste"),
                Diagnostic::whole_file("tweede"),
            ],
        );
        assert_eq!(e.to_string(), "w.ron:3:4: eerste\nw.ron: tweede");
        assert_eq!(e.file(), "w.ron");
    }

    #[test]
    fn byte_offsets() {
        assert_eq!(byte_offset("ab\néé x", 2, 3), Some(7));
        assert_eq!(byte_offset("ab\n", 2, 1), Some(3));
        assert_eq!(byte_offset("ab", 1, 9), Some(2));
        assert_eq!(byte_offset("ab", 3, 1), None);
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\néé x".as_bytes(), 8), (2, 4));
        assert_eq!(line_col(b"abc", 99), (1, 4));
    }
}
