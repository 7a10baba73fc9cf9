//! Line breaking from real glyph advances, with Dutch hyphenation for words
//! that do not fit and a forced break for tokens that cannot be hyphenated.

use super::font::{FontStyle, Fonts, sanitize};
use super::geom::Mm;

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: FontStyle,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: FontStyle) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }
}

/// A run within a line, `x` relative to the start of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: Mm,
    pub text: String,
    pub style: FontStyle,
    pub width: Mm,
}

/// One broken line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: Mm,
}

/// Width of `pieces` at `size`, in pt.
fn width_pt(fonts: &Fonts, pieces: &[Piece], size: f32) -> f32 {
    pieces
        .iter()
        .map(|p| fonts.face(p.style).width_pt(&p.text, size))
        .sum()
}

/// Width of one styled string.
pub fn measure(fonts: &Fonts, text: &str, style: FontStyle, size: f32) -> Mm {
    Mm::from_pt(fonts.face(style).width_pt(text, size))
}

fn push(pieces: &mut Vec<Piece>, text: &str, style: FontStyle) {
    match pieces.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => pieces.push(Piece::new(text, style)),
    }
}

/// Split styled text into words (whitespace-separated), keeping styles.
fn words(fonts: &Fonts, input: &[Piece]) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    for piece in input {
        let clean = sanitize(&piece.text, fonts.face(piece.style));
        for c in clean.chars() {
            if c.is_whitespace() {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            } else {
                let mut buf = [0u8; 4];
                push(&mut cur, c.encode_utf8(&mut buf), piece.style);
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The first `k` characters of a word and the rest.
fn split_chars(word: &[Piece], k: usize) -> (Vec<Piece>, Vec<Piece>) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut seen = 0;
    for p in word {
        let n = p.text.chars().count();
        if seen + n <= k {
            head.push(p.clone());
        } else if seen >= k {
            tail.push(p.clone());
        } else {
            let at = p
                .text
                .char_indices()
                .nth(k - seen)
                .map_or(p.text.len(), |(i, _)| i);
            head.push(Piece::new(&p.text[..at], p.style));
            tail.push(Piece::new(&p.text[at..], p.style));
        }
        seen += n;
    }
    (head, tail)
}

/// Character offsets where the word may be broken: Dutch syllable boundaries
/// in each run of letters, and after an existing hyphen or slash.
fn break_points(chars: &[char]) -> Vec<usize> {
    let mut points = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            if i - start >= 5 {
                let run: String = chars[start..i].iter().collect();
                let lower = run.to_lowercase();
                let text = if lower.chars().count() == i - start {
                    lower
                } else {
                    run
                };
                let mut at = start;
                for syllable in hypher::hyphenate(&text, hypher::Lang::Dutch) {
                    at += syllable.chars().count();
                    if at < i {
                        points.push(at);
                    }
                }
            }
        } else {
            if matches!(chars[i], '-' | '/' | '–') && i > 0 && i + 1 < chars.len() {
                points.push(i + 1);
            }
            i += 1;
        }
    }
    points.sort_unstable();
    points.dedup();
    points
}

/// The longest hyphenated head of `word` that fits in `avail` pt.
fn hyphenate(
    fonts: &Fonts,
    word: &[Piece],
    size: f32,
    avail: f32,
) -> Option<(Vec<Piece>, Vec<Piece>)> {
    let chars: Vec<char> = word.iter().flat_map(|p| p.text.chars()).collect();
    for &k in break_points(&chars).iter().rev() {
        let (mut head, tail) = split_chars(word, k);
        if chars.get(k - 1).is_some_and(|c| c.is_alphabetic()) {
            let style = head.last().map_or(FontStyle::Regular, |p| p.style);
            push(&mut head, "-", style);
        }
        if width_pt(fonts, &head, size) <= avail {
            return Some((head, tail));
        }
    }
    None
}

/// The longest head of `word` that fits in `avail` pt, at least one character.
fn force_split(fonts: &Fonts, word: &[Piece], size: f32, avail: f32) -> (Vec<Piece>, Vec<Piece>) {
    let n: usize = word.iter().map(|p| p.text.chars().count()).sum();
    let mut best = 1;
    for k in 1..n {
        let (head, _) = split_chars(word, k);
        if width_pt(fonts, &head, size) <= avail {
            best = k;
        } else {
            break;
        }
    }
    split_chars(word, best)
}

struct Builder<'a> {
    fonts: &'a Fonts,
    size: f32,
    lines: Vec<Line>,
    cur: Vec<Piece>,
    cur_w: f32,
}

impl Builder<'_> {
    fn add(&mut self, word: &[Piece], w: f32) {
        if !self.cur.is_empty() {
            let style = word.first().map_or(FontStyle::Regular, |p| p.style);
            self.cur_w += self.fonts.face(style).width_pt(" ", self.size);
            push(&mut self.cur, " ", style);
        }
        for p in word {
            push(&mut self.cur, &p.text, p.style);
        }
        self.cur_w += w;
    }

    fn space_pt(&self, word: &[Piece]) -> f32 {
        if self.cur.is_empty() {
            0.0
        } else {
            let style = word.first().map_or(FontStyle::Regular, |p| p.style);
            self.fonts.face(style).width_pt(" ", self.size)
        }
    }

    fn flush(&mut self) {
        let mut line = Line::default();
        let mut x = 0.0;
        for p in self.cur.drain(..) {
            let w = self.fonts.face(p.style).width_pt(&p.text, self.size);
            line.runs.push(Run {
                x: Mm::from_pt(x),
                text: p.text,
                style: p.style,
                width: Mm::from_pt(w),
            });
            x += w;
        }
        line.width = Mm::from_pt(x);
        self.lines.push(line);
        self.cur_w = 0.0;
    }
}

/// Break styled text into lines no wider than `max`.
pub fn wrap(fonts: &Fonts, input: &[Piece], size: f32, max: Mm) -> Vec<Line> {
    let max_pt = max.to_pt().max(size);
    let mut b = Builder {
        fonts,
        size,
        lines: Vec::new(),
        cur: Vec::new(),
        cur_w: 0.0,
    };
    for word in words(fonts, input) {
        let mut word = word;
        // Bounded: every round places at least one character or ends the line.
        for _ in 0..100_000 {
            let w = width_pt(fonts, &word, size);
            let space = b.space_pt(&word);
            if b.cur_w + space + w <= max_pt {
                b.add(&word, w);
                break;
            }
            let avail = max_pt - b.cur_w - space;
            let long = w > max_pt * 0.25 || b.cur.is_empty();
            if long && let Some((head, tail)) = hyphenate(fonts, &word, size, avail) {
                let hw = width_pt(fonts, &head, size);
                b.add(&head, hw);
                b.flush();
                word = tail;
                continue;
            }
            if !b.cur.is_empty() {
                b.flush();
                continue;
            }
            let (head, tail) = force_split(fonts, &word, size, max_pt);
            let hw = width_pt(fonts, &head, size);
            b.add(&head, hw);
            b.flush();
            if tail.is_empty() {
                break;
            }
            word = tail;
        }
    }
    if !b.cur.is_empty() {
        b.flush();
    }
    b.lines
}

/// Plain text as one piece.
pub fn plain(text: &str, style: FontStyle) -> Vec<Piece> {
    vec![Piece::new(text, style)]
}

/// The model's rich inlines as pieces.
pub fn from_inlines(inlines: &[crate::model::Inline]) -> Vec<Piece> {
    inlines
        .iter()
        .map(|i| Piece::new(i.text.clone(), FontStyle::from_model(i.style)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::fonts;

    fn text_of(line: &Line) -> String {
        line.runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn wraps_within_width() {
        let f = fonts().unwrap();
        let text = "Loslaten is geen opgeven. Het betekent zien wat een kind nu echt nodig heeft.";
        let lines = wrap(f, &plain(text, FontStyle::Regular), 11.0, Mm(50.0));
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width.0 <= 50.0 + 1e-3, "{l:?}");
        }
        let joined: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn hyphenates_long_compounds() {
        let f = fonts().unwrap();
        let word = "arbeidsongeschiktheidsverzekeringsmaatschappijvoorwaarden";
        let lines = wrap(f, &plain(word, FontStyle::Bold), 12.0, Mm(40.0));
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(l.width.0 <= 40.0 + 1e-3);
        }
        assert!(text_of(&lines[0]).ends_with('-'));
        let rejoined: String = lines.iter().map(|l| text_of(l).replace('-', "")).collect();
        assert_eq!(rejoined, word);
    }

    #[test]
    fn forces_a_break_in_unbreakable_tokens() {
        let f = fonts().unwrap();
        let token = "x".repeat(300) + "🔥";
        let lines = wrap(f, &plain(&token, FontStyle::Regular), 11.0, Mm(30.0));
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width.0 <= 30.0 + 1e-3));
    }

    #[test]
    fn keeps_styles() {
        let f = fonts().unwrap();
        let pieces = vec![
            Piece::new("Eerst ", FontStyle::Regular),
            Piece::new("vet", FontStyle::Bold),
            Piece::new(", dan niet.", FontStyle::Regular),
        ];
        let lines = wrap(f, &pieces, 11.0, Mm(100.0));
        assert_eq!(lines.len(), 1);
        let styles: Vec<FontStyle> = lines[0].runs.iter().map(|r| r.style).collect();
        assert_eq!(
            styles,
            [FontStyle::Regular, FontStyle::Bold, FontStyle::Regular]
        );
    }
}
