//! Source positions for values of a RON file.
//!
//! ron reports spans for syntax errors only, so the semantic checks find their
//! positions here: a small lexer (comments, strings with escapes and literal
//! newlines, raw strings, chars, numbers, identifiers) and a tree of the values
//! with the position where each starts. String literals keep their decoded text
//! and a map from decoded byte offset to source position, so a Markdown issue
//! can point inside the literal.
//!
//! Everything here is best effort: on input it does not understand it gives up
//! (returns `None`) and the caller falls back to a coarser position or 0:0.

/// A 1-based line and column (in characters), as ron counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// The longest text a string may hold, in bytes: a slide, case or answer is
/// never longer, and longer texts would make the app slow.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// A string literal: where it starts, its decoded text and where each decoded
/// byte came from.
#[derive(Debug, Clone)]
pub struct StrLit {
    pub pos: Pos,
    /// The decoded text; cut off after [`MAX_TEXT_BYTES`].
    pub text: String,
    /// The length of the whole decoded text, in bytes.
    pub len: usize,
    /// `(decoded byte offset, source position)`, ascending: one at each escape,
    /// after each escape or line break, and every few characters in between.
    /// Between two entries every character is written as itself, on one line.
    map: Vec<(usize, Pos)>,
}

impl StrLit {
    /// The source position of decoded byte `offset`.
    pub fn pos_at(&self, offset: usize) -> Pos {
        let i = self.map.partition_point(|&(o, _)| o <= offset);
        match i.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(&(start, pos)) => match self.text.get(start..offset) {
                Some(between) => Pos {
                    line: pos.line,
                    col: pos.col + between.chars().count(),
                },
                None => pos,
            },
            None => self.pos,
        }
    }
}

/// A value of the file, with the position where it starts.
#[derive(Debug, Clone)]
pub struct Value {
    pub pos: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Str(StrLit),
    /// A number, char, or bare identifier such as `Group` or `true`.
    Atom,
    /// `Name(…)`, `(…)`, `[…]` or `{…}` (the name is not kept); `open` is the
    /// opening delimiter.
    Group {
        open: char,
        entries: Vec<Entry>,
    },
}

/// One element of a group: `field: value` or just `value`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub field: Option<String>,
    pub value: Value,
}

impl Value {
    fn entries(&self) -> &[Entry] {
        match &self.kind {
            Kind::Group { entries, .. } => entries,
            _ => &[],
        }
    }

    /// The value inside a newtype wrapper such as `Some(…)`, `Check(…)` or
    /// `Slide((…))`; the value itself otherwise.
    pub fn inner(&self) -> &Self {
        let mut v = self;
        for _ in 0..8 {
            match v.entries() {
                [only]
                    if only.field.is_none() && matches!(v.kind, Kind::Group { open: '(', .. }) =>
                {
                    v = &only.value;
                }
                _ => break,
            }
        }
        v
    }

    /// The value of field `name` of this struct (or of the struct it wraps).
    pub fn field(&self, name: &str) -> Option<&Self> {
        fn find<'v>(v: &'v Value, name: &str) -> Option<&'v Value> {
            v.entries()
                .iter()
                .find(|e| e.field.as_deref() == Some(name))
                .map(|e| &e.value)
        }
        find(self, name).or_else(|| find(self.inner(), name))
    }

    /// Element `index` of a list (or of the list a wrapper holds).
    pub fn elem(&self, index: usize) -> Option<&Self> {
        fn list(v: &Value, index: usize) -> Option<Option<&Value>> {
            match &v.kind {
                Kind::Group {
                    open: '[', entries, ..
                } => Some(entries.get(index).map(|e| &e.value)),
                _ => None,
            }
        }
        list(self, index)
            .or_else(|| list(self.inner(), index))
            .flatten()
    }

    /// The string literal of this value, looking through `Some(…)`.
    pub fn str_lit(&self) -> Option<&StrLit> {
        match &self.inner().kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The tree of the top-level value of `src`, or `None` if it is not RON this
/// module understands.
#[cfg(test)]
pub fn tree(src: &str) -> Option<Value> {
    Tokens::of(src)?.tree()
}

mod lex;

use lex::{Tok, Token, lex};

/// The tokens of a source, before they are built into a tree.
pub struct Tokens(Vec<Token>);

impl Tokens {
    /// The tokens of `src`, or `None` if it is not RON this module understands.
    pub fn of(src: &str) -> Option<Self> {
        lex(src).map(Self)
    }

    /// Every string longer than [`MAX_TEXT_BYTES`]: where it starts and its length.
    pub fn too_long(&self) -> Vec<(Pos, usize)> {
        self.0
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Str(s) if s.len > MAX_TEXT_BYTES => Some((s.pos, s.len)),
                _ => None,
            })
            .collect()
    }

    /// The tree of the top-level value.
    pub fn tree(self) -> Option<Value> {
        let mut p = Builder {
            tokens: self.0,
            next: 0,
        };
        p.skip_attributes();
        p.value(0)
    }
}

const MAX_DEPTH: usize = 200;

struct Builder {
    tokens: Vec<Token>,
    next: usize,
}

impl Builder {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.next).map(|t| &t.tok)
    }

    fn is_punct(&self, c: char) -> bool {
        matches!(self.peek(), Some(Tok::Punct(p)) if *p == c)
    }

    fn take(&mut self) -> Option<Token> {
        let slot = self.tokens.get_mut(self.next)?;
        self.next += 1;
        let pos = slot.pos;
        let tok = std::mem::replace(&mut slot.tok, Tok::Atom);
        Some(Token { tok, pos })
    }

    /// Skips `#![enable(…)]` attributes before the value.
    fn skip_attributes(&mut self) {
        while self.is_punct('#') {
            self.next += 1;
            if self.is_punct('!') {
                self.next += 1;
            }
            if !self.is_punct('[') {
                return;
            }
            let mut depth = 0usize;
            while let Some(tok) = self.take() {
                match tok.tok {
                    Tok::Punct('[') => depth += 1,
                    Tok::Punct(']') => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let token = self.take()?;
        let pos = token.pos;
        let kind = match token.tok {
            Tok::Str(s) => Kind::Str(s),
            Tok::Atom => Kind::Atom,
            Tok::Ident(_) => {
                if self.is_punct('(') {
                    self.next += 1;
                    let entries = self.entries(')', depth)?;
                    Kind::Group { open: '(', entries }
                } else {
                    Kind::Atom
                }
            }
            Tok::Punct(open @ ('(' | '[' | '{')) => {
                let close = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                let entries = self.entries(close, depth)?;
                Kind::Group { open, entries }
            }
            Tok::Punct(_) => return None,
        };
        Some(Value { pos, kind })
    }

    fn entries(&mut self, close: char, depth: usize) -> Option<Vec<Entry>> {
        let mut entries = Vec::new();
        loop {
            if self.is_punct(close) {
                self.next += 1;
                return Some(entries);
            }
            let field = match (self.peek(), self.tokens.get(self.next + 1)) {
                (
                    Some(Tok::Ident(name)),
                    Some(Token {
                        tok: Tok::Punct(':'),
                        ..
                    }),
                ) => {
                    let name = name.clone();
                    self.next += 2;
                    Some(name)
                }
                _ => None,
            };
            let mut value = self.value(depth + 1)?;
            let mut field = field;
            if field.is_none() && self.is_punct(':') {
                // A map entry `"key": value`.
                self.next += 1;
                field = value.str_lit().map(|s| s.text.clone());
                value = self.value(depth + 1)?;
            }
            entries.push(Entry { field, value });
            if self.is_punct(',') {
                self.next += 1;
            } else if !self.is_punct(close) {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: usize, col: usize) -> Pos {
        Pos { line, col }
    }

    #[test]
    fn finds_fields_and_positions() {
        let src = "// c\n#![enable(implicit_some)]\nW( /* x /* y */ */ a: \"één\",\n  b: [ (c: 1), S(d: r#\"q\"#) ], e: Some(\"x\\n**y\"), f: Check(\"z\") )";
        let t = tree(src).unwrap_or_else(|| panic!("no tree"));
        assert_eq!(t.pos, p(3, 1));
        let a = t
            .field("a")
            .and_then(Value::str_lit)
            .unwrap_or_else(|| panic!());
        assert_eq!((a.pos, a.text.as_str()), (p(3, 23), "één"));
        assert_eq!(a.pos_at(2), p(3, 25));
        let b = t.field("b").unwrap_or_else(|| panic!());
        assert_eq!(
            b.elem(0).and_then(|v| v.field("c")).map(|v| v.pos),
            Some(p(4, 12))
        );
        let d = b
            .elem(1)
            .and_then(|v| v.field("d"))
            .and_then(Value::str_lit);
        assert_eq!(d.map(|d| (d.pos, d.text.as_str())), Some((p(4, 21), "q")));
        let e = t
            .field("e")
            .and_then(Value::str_lit)
            .unwrap_or_else(|| panic!());
        assert_eq!(e.text, "x\n**y");
        assert_eq!(e.pos_at(1), p(4, 42));
        assert_eq!(e.pos_at(2), p(4, 44));
        let f = t
            .field("f")
            .and_then(Value::str_lit)
            .map(|s| s.text.as_str());
        assert_eq!(f, Some("z"));
    }

    #[test]
    fn literal_newlines_and_continuations() {
        let src = "(a: \"x\ny\\\n   z\")";
        let t = tree(src).unwrap_or_else(|| panic!());
        let a = t
            .field("a")
            .and_then(Value::str_lit)
            .unwrap_or_else(|| panic!());
        assert_eq!(a.text, "x\nyz");
        assert_eq!(a.pos_at(2), p(2, 1));
        assert_eq!(a.pos_at(3), p(3, 4));
    }

    #[test]
    fn positions_far_into_long_literals_and_after_direction_marks() {
        let long = "é".repeat(300);
        let src = format!("\u{200e}(a: \"{long}x\\ty\",\u{200f} b: 1)");
        let t = tree(&src).unwrap_or_else(|| panic!("no tree"));
        let a = t
            .field("a")
            .and_then(Value::str_lit)
            .unwrap_or_else(|| panic!());
        assert_eq!(a.pos, p(1, 6));
        assert_eq!(a.pos_at(2 * 299), p(1, 7 + 299));
        assert_eq!(a.pos_at(2 * 300), p(1, 7 + 300));
        assert_eq!(a.pos_at(2 * 300 + 1), p(1, 7 + 301));
        assert_eq!(a.pos_at(2 * 300 + 2), p(1, 7 + 303));
        assert_eq!(t.field("b").map(|v| v.pos), Some(p(1, 318)));
    }

    #[test]
    fn texts_over_the_limit_are_found_but_not_kept() {
        let src = format!("(a: \"{}\", b: \"kort\")", "x".repeat(MAX_TEXT_BYTES + 1));
        let tokens = Tokens::of(&src).unwrap_or_else(|| panic!());
        assert_eq!(tokens.too_long(), vec![(p(1, 5), MAX_TEXT_BYTES + 1)]);
        let t = tokens.tree().unwrap_or_else(|| panic!());
        let a = t
            .field("a")
            .and_then(Value::str_lit)
            .unwrap_or_else(|| panic!());
        assert_eq!(a.text.len(), MAX_TEXT_BYTES);
    }

    #[test]
    fn gives_up_quietly() {
        for src in [
            "",
            "(",
            "\"abc",
            "/* x",
            "(a: 1 b: 2)",
            "r#\"x",
            "'",
            "[[[[",
        ] {
            let _ = tree(src);
        }
        let deep = "[".repeat(10_000);
        assert!(tree(&deep).is_none());
    }
}
