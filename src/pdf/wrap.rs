//! Line breaking from real glyph advances, with Dutch hyphenation for words
//! that do not fit and a forced break for tokens that cannot be hyphenated.

use super::font::{FontStyle, Fonts, sanitize};
use super::geom::Mm;

mod long;

use long::Long;
pub use long::break_attempts;

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

struct Builder<'a> {
    fonts: &'a Fonts,
    size: f32,
    hyphenate: bool,
    lines: Vec<Line>,
    cur: Vec<Piece>,
    cur_w: f32,
    /// Lines in a row so far that end in a hyphen.
    hyphens: usize,
}

/// At most this many lines in a row end in a hyphen (unless a word longer
/// than a line leaves no choice).
const MAX_HYPHENS_IN_A_ROW: usize = 2;

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

    fn space_pt(&self, style: FontStyle) -> f32 {
        if self.cur.is_empty() {
            0.0
        } else {
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
        let hyphen = line.runs.last().is_some_and(|r| r.text.ends_with('-'));
        self.hyphens = if hyphen { self.hyphens + 1 } else { 0 };
        self.lines.push(line);
        self.cur_w = 0.0;
    }

    /// Places a word that does not fit on the current line: hyphenated when
    /// it is long, on a new line otherwise, cut anywhere as a last resort.
    fn place_long(&mut self, word: &[Piece], max_pt: f32) {
        let (fonts, size) = (self.fonts, self.size);
        let mut long = Long::new(fonts, word, size);
        let n = long.len();
        let mut from = 0;
        // Bounded: every round places at least one character or ends the line.
        for _ in 0..2 * n + 2 {
            if from >= n {
                break;
            }
            let style = long.style_at(from);
            let w = long.width(from, n) as f32;
            let space = self.space_pt(style);
            if self.cur_w + space + w <= max_pt {
                self.add(&long.pieces(from, n, false), w);
                break;
            }
            let avail = f64::from(max_pt - self.cur_w - space);
            let alone_too_long = self.cur.is_empty() && w > max_pt;
            let hyphenate = self.hyphenate
                && (alone_too_long
                    || (self.hyphens < MAX_HYPHENS_IN_A_ROW
                        && (w > max_pt * 0.25 || self.cur.is_empty())));
            if hyphenate && let Some(k) = long.hyphenate(fonts, size, from, avail) {
                let head = long.pieces(from, k, long.needs_hyphen(k));
                let hw = width_pt(fonts, &head, size);
                self.add(&head, hw);
                self.flush();
                from = k;
                continue;
            }
            if !self.cur.is_empty() {
                self.flush();
                continue;
            }
            let k = long
                .fit(from, n, f64::from(max_pt))
                .unwrap_or(from + 1)
                .max(from + 1);
            let head = long.pieces(from, k, false);
            let hw = width_pt(fonts, &head, size);
            self.add(&head, hw);
            self.flush();
            from = k;
        }
    }
}

/// Break styled text into lines no wider than `max`, hyphenating Dutch
/// words where that fills a line better.
pub fn wrap(fonts: &Fonts, input: &[Piece], size: f32, max: Mm) -> Vec<Line> {
    wrap_with(fonts, input, size, max, true)
}

/// Break styled text into lines no wider than `max`; without `hyphenate`
/// (headings, titles, slides) a word only breaks when it alone is wider
/// than a line.
pub fn wrap_with(fonts: &Fonts, input: &[Piece], size: f32, max: Mm, hyphenate: bool) -> Vec<Line> {
    let max_pt = max.to_pt().max(size);
    let mut b = Builder {
        fonts,
        size,
        hyphenate,
        lines: Vec::new(),
        cur: Vec::new(),
        cur_w: 0.0,
        hyphens: 0,
    };
    for word in words(fonts, input) {
        let w = width_pt(fonts, &word, size);
        let style = word.first().map_or(FontStyle::Regular, |p| p.style);
        if b.cur_w + b.space_pt(style) + w <= max_pt {
            b.add(&word, w);
        } else {
            b.place_long(&word, max_pt);
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

    /// Lines of a 25,000-letter word: each within the width, all letters
    /// kept, and a bounded number of tries per line.
    fn long_word(word: &str, hyphens: bool) {
        let f = fonts().unwrap();
        let before = break_attempts();
        let lines = wrap(f, &plain(word, FontStyle::Regular), 11.0, Mm(60.0));
        let tries = break_attempts() - before;
        assert!(lines.len() > 500, "{}", lines.len());
        for l in &lines {
            assert!(l.width.0 <= 60.0 + 1e-3, "{l:?}");
        }
        let joined: String = lines.iter().map(text_of).collect();
        let letters: String = joined.chars().filter(|c| *c != '-').collect();
        assert_eq!(letters, word);
        assert_eq!(joined.contains('-'), hyphens);
        // A binary search per line: about log2(25,000) ≈ 15 tries, plus a
        // few to fit the hyphen. Trying every break point costs thousands.
        let per_line = tries as f64 / lines.len() as f64;
        assert!(per_line <= 24.0, "{per_line:.1} tries per line");
    }

    #[test]
    fn an_unbreakable_25k_letter_word_takes_few_tries_per_line() {
        long_word(&"x".repeat(25_000), false);
    }

    #[test]
    fn a_hyphenatable_25k_letter_word_takes_few_tries_per_line() {
        let word: String = "arbeidsongeschiktheidsverzekering"
            .chars()
            .cycle()
            .take(25_000)
            .collect();
        long_word(&word, true);
    }

    #[test]
    fn a_word_after_text_starts_on_the_same_line_when_hyphenated() {
        let f = fonts().unwrap();
        let text = "Kijk naar de kinderopvangtoeslagaanvraagformulieren";
        let lines = wrap(f, &plain(text, FontStyle::Regular), 11.0, Mm(55.0));
        assert!(
            text_of(&lines[0]).starts_with("Kijk naar de kinder"),
            "{lines:?}"
        );
        assert!(text_of(&lines[0]).ends_with('-'));
    }

    #[test]
    fn headings_are_not_hyphenated() {
        let f = fonts().unwrap();
        let text = "Wanneer is het goed genoeg voor een bewuste leerkracht?";
        for width in [40.0, 55.0, 70.0, 90.0] {
            let lines = wrap_with(f, &plain(text, FontStyle::Bold), 14.0, Mm(width), false);
            let joined: Vec<String> = lines.iter().map(text_of).collect();
            assert_eq!(joined.join(" "), text, "at {width} mm");
            assert!(lines.iter().all(|l| l.width.0 <= width + 1e-3));
        }
    }

    #[test]
    fn dutch_breaks_leave_three_letters_and_move_the_trema() {
        let f = fonts().unwrap();
        for width in 14..60 {
            for word in ["geëmotioneerd", "procedure", "beïnvloedbaarheid"] {
                let lines = wrap(f, &plain(word, FontStyle::Regular), 11.0, Mm(width as f32));
                for pair in lines.windows(2) {
                    let (head, tail) = (text_of(&pair[0]), text_of(&pair[1]));
                    if head.ends_with('-') {
                        let letters = tail.chars().take_while(|c| c.is_alphabetic()).count();
                        assert!(letters >= 3, "{head}/{tail}");
                        assert!(
                            !tail.starts_with(['ë', 'ï', 'ö', 'ü', 'ä']),
                            "{head}/{tail}"
                        );
                    }
                }
            }
        }
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
