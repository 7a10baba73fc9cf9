//! Long words, prepared once so that lines are cut from them by binary search:
//! the line breaker stays near-linear in the length of a word.

use std::cell::Cell;

use super::{Piece, push};
use crate::pdf::font::{FontStyle, Fonts};

thread_local! {
    static ATTEMPTS: Cell<u64> = const { Cell::new(0) };
}

/// How many candidate line breaks inside words that do not fit this thread
/// has tried so far: a measure of the work of the line breaker that does not
/// depend on the speed of the machine.
#[doc(hidden)]
pub fn break_attempts() -> u64 {
    ATTEMPTS.with(Cell::get)
}

fn attempt() {
    ATTEMPTS.with(|a| a.set(a.get() + 1));
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
                    // Dutch: at least two letters before a break and three
                    // after it ("procedu-re" leaves too little).
                    if at - start >= 2 && i - at >= 3 {
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

/// The letter without its trema, for the start of a line after a break.
fn without_trema(c: char) -> char {
    match c {
        'ë' => 'e',
        'ï' => 'i',
        'ö' => 'o',
        'ü' => 'u',
        'ä' => 'a',
        'Ë' => 'E',
        'Ï' => 'I',
        'Ö' => 'O',
        'Ü' => 'U',
        'Ä' => 'A',
        c => c,
    }
}

/// A word that does not fit on the rest of the line, prepared once: its
/// characters and their styles, the width of every prefix, and where it may
/// be hyphenated.
pub(super) struct Long {
    chars: Vec<char>,
    styles: Vec<FontStyle>,
    /// `prefix[i]` is the width of the first `i` characters, in pt.
    prefix: Vec<f64>,
    /// Hyphenation points, ascending; computed on first use.
    points: Option<Vec<usize>>,
}

impl Long {
    pub(super) fn new(fonts: &Fonts, word: &[Piece], size: f32) -> Self {
        let mut chars = Vec::new();
        let mut styles = Vec::new();
        let mut prefix = vec![0.0];
        let mut total = 0.0;
        for p in word {
            let face = fonts.face(p.style);
            for c in p.text.chars() {
                let mut buf = [0u8; 4];
                total += f64::from(face.width_pt(c.encode_utf8(&mut buf), size));
                chars.push(c);
                styles.push(p.style);
                prefix.push(total);
            }
        }
        Self {
            chars,
            styles,
            prefix,
            points: None,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Width of characters `from..to`, in pt.
    pub(super) fn width(&self, from: usize, to: usize) -> f64 {
        self.prefix.get(to).copied().unwrap_or_default()
            - self.prefix.get(from).copied().unwrap_or_default()
    }

    pub(super) fn style_at(&self, i: usize) -> FontStyle {
        self.styles.get(i).copied().unwrap_or(FontStyle::Regular)
    }

    /// Characters `from..to` as pieces, plus a hyphen in the last style.
    /// After a break inside a word a trema goes: "ge-/emotioneerd".
    pub(super) fn pieces(&self, from: usize, to: usize, hyphen: bool) -> Vec<Piece> {
        let mut out = Vec::new();
        let after_break = from > 0 && self.needs_hyphen(from);
        for (i, (c, style)) in self
            .chars
            .iter()
            .zip(&self.styles)
            .enumerate()
            .take(to)
            .skip(from)
        {
            let c = if i == from && after_break {
                without_trema(*c)
            } else {
                *c
            };
            let mut buf = [0u8; 4];
            push(&mut out, c.encode_utf8(&mut buf), *style);
        }
        if hyphen {
            let style = out.last().map_or(FontStyle::Regular, |p| p.style);
            push(&mut out, "-", style);
        }
        out
    }

    /// Whether a break after `k` characters needs a hyphen.
    pub(super) fn needs_hyphen(&self, k: usize) -> bool {
        k.checked_sub(1)
            .and_then(|i| self.chars.get(i))
            .is_some_and(|c| c.is_alphabetic())
    }

    /// The largest `k` in `from + 1..=to` whose head `from..k` is at most
    /// `avail` wide, if any.
    pub(super) fn fit(&self, from: usize, to: usize, avail: f64) -> Option<usize> {
        let (mut lo, mut hi) = (from + 1, to + 1);
        // Everything below `lo` fits, nothing from `hi` on does.
        while lo < hi {
            attempt();
            let mid = lo + (hi - lo) / 2;
            if self.width(from, mid) <= avail {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo > from + 1).then(|| lo - 1)
    }

    /// The hyphenation point after `from` with the longest head (hyphen
    /// included) that fits in `avail` pt.
    pub(super) fn hyphenate(
        &mut self,
        fonts: &Fonts,
        size: f32,
        from: usize,
        avail: f64,
    ) -> Option<usize> {
        if self.points.is_none() {
            self.points = Some(break_points(&self.chars));
        }
        let points = self.points.as_deref().unwrap_or_default();
        let after = points.partition_point(|&k| k <= from);
        let furthest = *points.last().filter(|_| after < points.len())?;
        let last = self.fit(from, furthest, avail)?;
        // Points in `from + 1..=last` fit without a hyphen; walk back from the
        // longest until one also fits with its hyphen (usually the first).
        let upto = points.partition_point(|&k| k <= last);
        for &k in points.get(after..upto).unwrap_or_default().iter().rev() {
            attempt();
            let hyphen = if self.needs_hyphen(k) {
                f64::from(fonts.face(self.style_at(k - 1)).width_pt("-", size))
            } else {
                0.0
            };
            if self.width(from, k) + hyphen <= avail {
                return Some(self.prefer_compound(points, after, k, from));
            }
        }
        None
    }

    /// A compound boundary a little before `best` when there is one: the
    /// line stays at least 70 % as full, and the word breaks between its
    /// parts ("arbeids-/ongeschiktheid", not "arbeidsonge-/schiktheid").
    fn prefer_compound(&self, points: &[usize], after: usize, best: usize, from: usize) -> usize {
        if self.compound_boundary(best) {
            return best;
        }
        let full = self.width(from, best);
        let before = points.partition_point(|&k| k < best);
        let candidates = points.get(after..before).unwrap_or_default();
        for &k in candidates.iter().rev().take(4) {
            attempt();
            if self.width(from, k) < full * 0.7 {
                break;
            }
            if self.compound_boundary(k) {
                return k;
            }
        }
        best
    }

    /// Whether a break after `k` characters falls between the parts of a
    /// compound: after a hyphen or slash the text has, or after the linking
    /// "s" that Dutch puts between parts ("arbeids|", "verzekerings|"),
    /// with at least four letters on either side.
    fn compound_boundary(&self, k: usize) -> bool {
        let at = |i: usize| self.chars.get(i).copied().unwrap_or(' ');
        if k >= 1 && matches!(at(k - 1), '-' | '/') {
            return true;
        }
        // Four letters are enough to know; counting further would walk a
        // 25,000-letter word for every line.
        let letters_before = (0..k)
            .rev()
            .take(4)
            .take_while(|&i| at(i).is_alphabetic())
            .count();
        let letters_after = (k..self.chars.len())
            .take(4)
            .take_while(|&i| at(i).is_alphabetic())
            .count();
        k >= 2
            && letters_before >= 4
            && letters_after >= 4
            && at(k - 1) == 's'
            && matches!(at(k - 2), 'd' | 'g' | 'k' | 't' | 'f' | 'p')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::fonts;

    fn long(word: &str) -> Long {
        Long::new(
            fonts().unwrap(),
            &[Piece::new(word, FontStyle::Regular)],
            11.0,
        )
    }

    #[test]
    fn the_trema_goes_at_a_break() {
        let l = long("geëmotioneerd");
        let tail: String = l
            .pieces(2, l.len(), false)
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(tail, "emotioneerd");
        let whole: String = l
            .pieces(0, l.len(), false)
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(whole, "geëmotioneerd");
    }

    #[test]
    fn compounds_break_between_their_parts() {
        let f = fonts().unwrap();
        let mut l = long("arbeidsongeschiktheidsverzekering");
        let s = |l: &Long, to: usize| l.chars[..to].iter().collect::<String>();
        // Room for "arbeidson-": the break goes after "arbeids" instead.
        let avail = l.width(0, 9) + 5.0;
        let k = l.hyphenate(f, 11.0, 0, avail).unwrap();
        assert_eq!(s(&l, k), "arbeids");
        // Much more room: the next boundary, "…heids".
        let avail = l.width(0, 23) + 8.0;
        let k = l.hyphenate(f, 11.0, 0, avail).unwrap();
        assert_eq!(s(&l, k), "arbeidsongeschiktheids");
        // Not a compound boundary in reach: the fullest break stays.
        let mut l = long("procedurevoorstellen");
        let avail = l.width(0, 7) + 8.0;
        let k = l.hyphenate(f, 11.0, 0, avail).unwrap();
        assert!(k >= 5, "{k}");
    }

    #[test]
    fn breaks_leave_two_letters_before_and_three_after() {
        for word in [
            "procedure",
            "beïnvloedbaarheid",
            "opgeven",
            "arbeidsongeschiktheid",
        ] {
            let chars: Vec<char> = word.chars().collect();
            let points = break_points(&chars);
            assert!(!points.is_empty() || word.len() < 8, "{word}");
            for p in points {
                assert!(p >= 2 && chars.len() - p >= 3, "{word} at {p}");
            }
        }
    }
}
