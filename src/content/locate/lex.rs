//! The lexer: tokens of a RON source with their positions.

use super::{Pos, StrLit};

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
            _ if ch.is_whitespace() => {
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
    let mut lit = StrLit {
        pos,
        text: String::new(),
        map: Vec::new(),
    };
    loop {
        let here = c.pos;
        let ch = c.bump()?;
        if ch == '"' && (0..hashes).all(|i| c.peek_nth(i) == Some('#')) {
            for _ in 0..hashes {
                c.bump();
            }
            return Some(Tok::Str(lit));
        }
        lit.map.push((lit.text.len(), here));
        lit.text.push(ch);
    }
}

/// A normal string at the cursor (on the `"`).
fn string(c: &mut Cursor) -> Option<StrLit> {
    let pos = c.pos;
    c.bump();
    let mut bytes: Vec<u8> = Vec::new();
    let mut map = Vec::new();
    loop {
        let here = c.pos;
        match c.bump()? {
            '"' => break,
            '\\' => {
                map.push((bytes.len(), here));
                escape(c, &mut bytes)?;
            }
            ch => {
                map.push((bytes.len(), here));
                let mut buf = [0u8; 4];
                bytes.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Some(StrLit { pos, text, map })
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
