//! The lexer: tokens of a RON source with their positions.

use super::{MAX_TEXT_BYTES, Pos, StrLit};

/// At most this many characters between two entries of a literal's position
/// map, so that finding a position inside it stays cheap.
const CHECKPOINT: usize = 64;

#[derive(Debug)]
pub(super) enum Tok {
    Str(StrLit),
    Atom,
    Ident(String),
    Punct(char),
}

#[derive(Debug)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) pos: Pos,
}

struct Cursor<'a> {
    src: &'a str,
    at: usize,
    pos: Pos,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.at..)?.chars().next()
    }

    fn peek_nth(&self, n: usize) -> Option<char> {
        self.src.get(self.at..)?.chars().nth(n)
    }

    /// Whether `hashes` `#` follow: looks at no more than the `#` that are
    /// there, which are then read as text if they are too few, so a raw
    /// string is read in linear time however many `#` it uses.
    fn closes_raw(&self, hashes: usize) -> bool {
        let rest = self.src.as_bytes().get(self.at..).unwrap_or_default();
        rest.iter().take(hashes).take_while(|&&b| b == b'#').count() == hashes
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.pos.line += 1;
            self.pos.col = 1;
        } else {
            self.pos.col += 1;
        }
        Some(c)
    }

    fn bump_while(&mut self, f: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&f) {
            self.bump();
        }
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn lex(src: &str) -> Option<Vec<Token>> {
    let mut c = Cursor {
        src,
        at: 0,
        pos: Pos { line: 1, col: 1 },
    };
    let mut tokens = Vec::new();
    while let Some(ch) = c.peek() {
        let pos = c.pos;
        let next = c.peek_nth(1);
        let tok = match ch {
            // As in ron: the direction marks U+200E and U+200F are white space.
            _ if ch.is_whitespace() || matches!(ch, '\u{200e}' | '\u{200f}') => {
                c.bump();
                continue;
            }
            '/' if next == Some('/') => {
                c.bump_while(|ch| ch != '\n');
                continue;
            }
            '/' if next == Some('*') => {
                block_comment(&mut c)?;
                continue;
            }
            '"' => Tok::Str(string(&mut c)?),
            'b' if next == Some('"') => {
                c.bump();
                Tok::Str(string(&mut c)?)
            }
            'b' if next == Some('r') && matches!(c.peek_nth(2), Some('"' | '#')) => {
                c.bump();
                raw_or_ident(&mut c)?
            }
            'r' if matches!(next, Some('"' | '#')) => raw_or_ident(&mut c)?,
            '\'' => {
                char_literal(&mut c);
                Tok::Atom
            }
            _ if ch.is_ascii_digit()
                || (matches!(ch, '+' | '-' | '.') && next.is_some_and(|n| n.is_ascii_digit())) =>
            {
                c.bump();
                let mut prev = ch;
                while let Some(n) = c.peek() {
                    let exponent_sign = matches!(n, '+' | '-') && matches!(prev, 'e' | 'E');
                    if !(is_ident_char(n) || n == '.' || exponent_sign) {
                        break;
                    }
                    prev = n;
                    c.bump();
                }
                Tok::Atom
            }
            _ if is_ident_char(ch) => {
                let start = c.at;
                c.bump_while(is_ident_char);
                Tok::Ident(src.get(start..c.at).unwrap_or_default().to_owned())
            }
            _ => {
                c.bump();
                Tok::Punct(ch)
            }
        };
        tokens.push(Token { tok, pos });
    }
    Some(tokens)
}

fn block_comment(c: &mut Cursor) -> Option<()> {
    c.bump();
    c.bump();
    let mut level = 1usize;
    while level > 0 {
        match (c.bump()?, c.peek()) {
            ('/', Some('*')) => {
                c.bump();
                level += 1;
            }
            ('*', Some('/')) => {
                c.bump();
                level -= 1;
            }
            _ => {}
        }
    }
    Some(())
}

fn char_literal(c: &mut Cursor) {
    c.bump();
    while let Some(ch) = c.bump() {
        match ch {
            '\\' => {
                c.bump();
            }
            '\'' | '\n' => return,
            _ => {}
        }
    }
}

/// A raw string `r#"…"#` at the cursor (on the `r`), or a raw identifier `r#name`.
fn raw_or_ident(c: &mut Cursor) -> Option<Tok> {
    let pos = c.pos;
    c.bump();
    let mut hashes = 0usize;
    while c.peek() == Some('#') {
        c.bump();
        hashes += 1;
    }
    if c.peek() != Some('"') {
        let start = c.at;
        c.bump_while(is_ident_char);
        let name = c.src.get(start..c.at).unwrap_or_default().to_owned();
        return Some(Tok::Ident(name));
    }
    c.bump();
    let mut lit = Literal::new(pos);
    loop {
        let here = c.pos;
        let ch = c.bump()?;
        if ch == '"' && c.closes_raw(hashes) {
            for _ in 0..hashes {
                c.bump();
            }
            return Some(Tok::Str(lit.finish()));
        }
        lit.literal(here, ch);
    }
}

/// A string literal being read: the decoded text (up to the limit), its
/// length, and a sparse map from decoded offsets to source positions.
struct Literal {
    pos: Pos,
    bytes: Vec<u8>,
    len: usize,
    map: Vec<(usize, Pos)>,
    /// Literal characters since the last map entry, on one line; `None`
    /// after an escape or a line break, when the next one needs an entry.
    run: Option<usize>,
}

impl Literal {
    fn new(pos: Pos) -> Self {
        Self {
            pos,
            bytes: Vec::new(),
            len: 0,
            map: Vec::new(),
            run: None,
        }
    }

    fn full(&self) -> bool {
        self.len > MAX_TEXT_BYTES
    }

    /// A character written as itself at `here`.
    fn literal(&mut self, here: Pos, ch: char) {
        self.len += ch.len_utf8();
        if self.full() {
            return;
        }
        match self.run {
            Some(n) if n < CHECKPOINT => self.run = Some(n + 1),
            _ => {
                self.map.push((self.bytes.len(), here));
                self.run = Some(1);
            }
        }
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        if ch == '\n' {
            self.run = None;
        }
    }

    /// An escape starting at `here`, decoded to `decoded`.
    fn escaped(&mut self, here: Pos, decoded: &[u8]) {
        self.len += decoded.len();
        if self.full() {
            return;
        }
        self.map.push((self.bytes.len(), here));
        self.bytes.extend_from_slice(decoded);
        self.run = None;
    }

    fn finish(self) -> StrLit {
        StrLit {
            pos: self.pos,
            text: String::from_utf8_lossy(&self.bytes).into_owned(),
            len: self.len,
            map: self.map,
        }
    }
}

/// A normal string at the cursor (on the `"`).
fn string(c: &mut Cursor) -> Option<StrLit> {
    let pos = c.pos;
    c.bump();
    let mut lit = Literal::new(pos);
    loop {
        let here = c.pos;
        match c.bump()? {
            '"' => break,
            '\\' => {
                let mut decoded = Vec::new();
                escape(c, &mut decoded)?;
                lit.escaped(here, &decoded);
            }
            ch => lit.literal(here, ch),
        }
    }
    Some(lit.finish())
}

fn escape(c: &mut Cursor, out: &mut Vec<u8>) -> Option<()> {
    match c.bump()? {
        '\n' => c.bump_while(|ch| matches!(ch, ' ' | '\t' | '\n' | '\r')),
        '\r' if c.peek() == Some('\n') => {
            c.bump();
            c.bump_while(|ch| matches!(ch, ' ' | '\t' | '\n' | '\r'));
        }
        'n' => out.push(b'\n'),
        'r' => out.push(b'\r'),
        't' => out.push(b'\t'),
        '0' => out.push(0),
        'x' => {
            let hex: String = [c.bump()?, c.bump()?].iter().collect();
            out.push(u8::from_str_radix(&hex, 16).ok()?);
        }
        'u' => {
            if c.bump()? != '{' {
                return None;
            }
            let mut hex = String::new();
            loop {
                match c.bump()? {
                    '}' => break,
                    ch if hex.len() < 6 => hex.push(ch),
                    _ => return None,
                }
            }
            let ch = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        other => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
        }
    }
    Some(())
}
