//! Load errors: every problem of a workshop file with its position, in Dutch.

use std::fmt;

use ron::error::Error as RonError;

use super::locate::Pos;
pub(crate) use super::ron_text::ron_message;

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
    /// that every diagnostic is one line; other control characters (such as
    /// the bidi mark U+202E, which would turn the line around in a terminal)
    /// are written as `U+202E`.
    pub fn new(line: usize, col: usize, message: impl Into<String>) -> Self {
        let mut message: String = message.into();
        if message.contains(['\n', '\r']) {
            message = message.replace(['\n', '\r'], " ");
        }
        let message = escape_controls(&message).into_owned();
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

/// Whether `c` is invisible and changes how text around it is shown: a
/// control character, a bidi mark or override, or a zero-width character.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `text` with every hidden character written as `U+XXXX`.
pub(crate) fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// At most this many problems are kept and shown; the rest are counted.
pub const MAX_SHOWN: usize = 100;

/// Why a workshop could not be loaded: the file name and its problems (the
/// first [`MAX_SHOWN`], and how many more there are).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    file: String,
    diagnostics: Vec<Diagnostic>,
    more: usize,
}

impl LoadError {
    /// `diagnostics` in the order they are to be shown.
    pub fn new(file: impl Into<String>, diagnostics: Vec<Diagnostic>) -> Self {
        let more = diagnostics.len().saturating_sub(MAX_SHOWN);
        let mut diagnostics: Vec<Diagnostic> = diagnostics
            .into_iter()
            .take(MAX_SHOWN)
            .map(|d| Diagnostic::new(d.line, d.col, d.message))
            .collect();
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::whole_file("onbekende fout"));
        }
        Self {
            file: escape_controls(&file.into()).into_owned(),
            diagnostics,
            more,
        }
    }

    /// How many problems there are beyond the ones in [`Self::diagnostics`].
    pub fn more(&self) -> usize {
        self.more
    }

    /// An error with one message and no position.
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(file, vec![Diagnostic::whole_file(message)])
    }

    /// The file name as shown in the messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The problems, in the order of the file (problems without a position
    /// last); at most [`MAX_SHOWN`].
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// One `path:line:col: message` per line (`path: message` without a position),
/// and `path: en N meer fouten` when there are more.
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
        match self.more {
            0 => Ok(()),
            1 => write!(
                f,
                "\n{}: en 1 meer fout (los eerst de fouten hierboven op)",
                self.file
            ),
            n => write!(
                f,
                "\n{}: en {n} meer fouten (los eerst de fouten hierboven op)",
                self.file
            ),
        }
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
    fn only_the_first_hundred_are_kept() {
        let many: Vec<Diagnostic> = (1..=250).map(|i| Diagnostic::new(i, 1, "fout")).collect();
        let e = LoadError::new("w.ron", many);
        assert_eq!((e.diagnostics().len(), e.more()), (MAX_SHOWN, 150));
        let shown = e.to_string();
        assert_eq!(shown.lines().count(), MAX_SHOWN + 1);
        assert!(shown.ends_with("w.ron: en 150 meer fouten (los eerst de fouten hierboven op)"));
    }

    #[test]
    fn hidden_characters_are_shown_as_code_points() {
        let d = Diagnostic::new(1, 2, "titel ‘abc\u{202e}fed’ met\u{200b}nul\u{7}");
        assert_eq!(d.message, "titel ‘abcU+202Efed’ metU+200BnulU+0007");
        let e = LoadError::whole_file("a\u{202e}b.ron", "x\ty");
        assert_eq!(e.to_string(), "aU+202Eb.ron: xU+0009y");
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
