//! The bundled fonts, read once (with skrifa): what layout and embedding need
//! (character map, advance widths, vertical metrics).
//!
//! Atkinson Hyperlegible Next sets the text. Characters it lacks (arrows,
//! check marks, Greek and Cyrillic letters) come from DejaVu Sans, the
//! fallback; what neither can print is said plainly instead of "?".

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::PdfError;

mod ttf;

use ttf::parse;

/// The four faces of the bundled family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FontStyle {
    pub const ALL: [FontStyle; 4] = [Self::Regular, Self::Bold, Self::Italic, Self::BoldItalic];

    pub fn from_model(style: crate::model::Style) -> Self {
        match (style.bold, style.italic) {
            (false, false) => Self::Regular,
            (true, false) => Self::Bold,
            (false, true) => Self::Italic,
            (true, true) => Self::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

const SOURCES: [(&str, &[u8]); 4] = [
    (
        "AtkinsonHyperlegibleNext-Regular",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Regular.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-Bold",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Bold.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-Italic",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Italic.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-BoldItalic",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf"),
    ),
];

const FALLBACK: [(&str, &[u8]); 2] = [
    ("DejaVuSans", include_bytes!("../../fonts/DejaVuSans.ttf")),
    (
        "DejaVuSans-Bold",
        include_bytes!("../../fonts/DejaVuSans-Bold.ttf"),
    ),
];

/// Scripts written right to left or joined (Hebrew, Arabic, Syriac, …): the
/// fallback has some of their letters, but without shaping they would print
/// wrongly, so they count as not printable.
fn needs_shaping(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// One parsed face.
#[derive(Debug)]
pub struct Face {
    pub name: &'static str,
    pub bytes: &'static [u8],
    /// Where the characters this face lacks come from.
    pub fallback: Option<Arc<Face>>,
    cmap: HashMap<char, u16>,
    advances: Vec<u16>,
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    pub bbox: [i16; 4],
    pub caret_slope: (i16, i16),
    pub weight_class: u16,
}

impl Face {
    /// The glyph of `c` in this face itself (not its fallback).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&c).copied()
    }

    /// Whether this face or its fallback can print `c`.
    pub fn has(&self, c: char) -> bool {
        self.cmap.contains_key(&c) || self.fallback_for(c).is_some()
    }

    /// The fallback face, when it is the one that prints `c`.
    pub fn fallback_for(&self, c: char) -> Option<&Face> {
        if self.cmap.contains_key(&c) || needs_shaping(c) {
            return None;
        }
        self.fallback.as_deref().filter(|f| f.cmap.contains_key(&c))
    }

    /// Advance of one character in pt at `size`, from whichever face prints it.
    fn char_pt(&self, c: char, size: f32) -> f32 {
        let (face, gid) = match (self.glyph(c), self.fallback_for(c)) {
            (Some(g), _) => (self, g),
            (None, Some(f)) => (f, f.glyph(c).unwrap_or(0)),
            (None, None) => (self, self.glyph('?').unwrap_or(0)),
        };
        f32::from(face.advance(gid)) * size / f32::from(face.units_per_em.max(1))
    }

    /// Advance width in font units of a glyph id.
    pub fn advance(&self, gid: u16) -> u16 {
        let i = usize::from(gid);
        self.advances
            .get(i)
            .or(self.advances.last())
            .copied()
            .unwrap_or(0)
    }

    /// Width of `text` at `size` pt, in pt; characters from the fallback
    /// with its widths.
    pub fn width_pt(&self, text: &str, size: f32) -> f32 {
        let mut own: u32 = 0;
        let mut other = 0.0;
        for c in text.chars() {
            match self.cmap.get(&c) {
                Some(g) => own += u32::from(self.advance(*g)),
                None => other += self.char_pt(c, size),
            }
        }
        own as f32 * size / f32::from(self.units_per_em.max(1)) + other
    }
}

/// All four faces.
#[derive(Debug)]
pub struct Fonts {
    faces: Vec<Face>,
}

impl Fonts {
    pub fn face(&self, style: FontStyle) -> &Face {
        // `faces` always holds four entries; see `load`.
        &self.faces[style.index()]
    }
}

static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();

/// The bundled fonts, parsed on first use.
pub fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS
        .get_or_init(load)
        .as_ref()
        .map_err(|e| PdfError::Font(e.clone()))
}

fn load() -> Result<Fonts, String> {
    let mut fallback = Vec::with_capacity(2);
    for (name, bytes) in FALLBACK {
        let face = parse(name, bytes, None).ok_or_else(|| name.to_owned())?;
        fallback.push(Arc::new(face));
    }
    let mut faces = Vec::with_capacity(4);
    for (i, (name, bytes)) in SOURCES.into_iter().enumerate() {
        // Regular and italic fall back on DejaVu Sans, the bold faces on its bold.
        let back = fallback.get(usize::from(i % 2 == 1)).cloned();
        faces.push(parse(name, bytes, back).ok_or_else(|| name.to_owned())?);
    }
    Ok(Fonts { faces })
}

/// What no bundled font can print in `text`: each such character with its
/// position (0-based, in characters). Whitespace and invisible characters
/// are not reported; they are dropped or made spaces.
pub fn unprintable(text: &str) -> Result<Vec<(usize, char)>, PdfError> {
    let face = fonts()?.face(FontStyle::Regular);
    Ok(text
        .chars()
        .enumerate()
        .filter(|(_, c)| !face.has(*c) && !invisible(*c))
        .collect())
}

/// Whether a bundled font prints `c` (or it is white space or invisible,
/// which print as a space or nothing anyway).
pub fn prints(c: char) -> bool {
    fonts().is_ok_and(|f| f.face(FontStyle::Regular).has(c)) || invisible(c)
}

/// Characters that print as nothing or as a space anyway.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' | '\u{ad}' | '\u{2060}')
}

/// What prints in place of text in a script no bundled font has.
pub const NOT_PRINTABLE: &str = "[niet af te drukken]";

/// Replace what the fonts cannot show: invisible joiners and control
/// characters go, symbols without a glyph (emoji) go, and each run of
/// letters in a script no bundled font has becomes a plain note, never "?".
pub fn sanitize(text: &str, face: &Face) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_note = false;
    for c in text.chars() {
        if (c.is_whitespace() || !invisible(c)) && face.has(c) {
            out.push(c);
            in_note = false;
            continue;
        }
        match c {
            '\t' | '\n' | '\r' | '\u{a0}' => out.push(' '),
            c if invisible(c) => {}
            c if (c.is_alphanumeric() || is_mark(c)) && !in_note => {
                out.push_str(NOT_PRINTABLE);
                in_note = true;
            }
            c if c.is_alphanumeric() || is_mark(c) => {}
            _ => {}
        }
    }
    out
}

/// A combining mark (accents and vowel signs of scripts that need shaping).
fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0DFF | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bundled_faces() {
        let fonts = fonts().unwrap();
        for style in FontStyle::ALL {
            let face = fonts.face(style);
            assert_eq!(face.units_per_em, 1000);
            for c in "aé ëï‘’“”–—?•".chars() {
                assert!(face.has(c), "{} lacks {c}", face.name);
            }
            assert!(face.width_pt("mmm", 10.0) > face.width_pt("iii", 10.0));
        }
    }

    #[test]
    fn sanitizes_missing_glyphs() {
        let face = fonts().unwrap().face(FontStyle::Regular);
        // Arrows and check marks come from the fallback; emoji go.
        assert_eq!(sanitize("a ▸ b → c ✓ 🔥\u{fe0f}", face), "a ▸ b → c ✓ ");
        assert_eq!(sanitize("één café", face), "één café");
        assert_eq!(sanitize("Ελένη и Анна", face), "Ελένη и Анна");
        assert_eq!(
            sanitize("李明 en محمد", face),
            format!("{NOT_PRINTABLE} en {NOT_PRINTABLE}")
        );
    }

    #[test]
    fn fallback_prints_greek_cyrillic_and_symbols() {
        let fonts = fonts().unwrap();
        for style in FontStyle::ALL {
            let face = fonts.face(style);
            for c in "ΕλένηАнна✓→▸".chars() {
                assert!(face.has(c), "{} cannot print {c}", face.name);
            }
            assert!(face.width_pt("Анна", 10.0) > face.width_pt("ии", 10.0));
        }
        assert_eq!(unprintable("Ελένη, Анна ✓").unwrap(), vec![]);
        assert_eq!(
            unprintable("a 李明 🔥").unwrap(),
            vec![(2, '李'), (3, '明'), (5, '🔥')]
        );
        // A skin-tone modifier drops out too, and is told.
        assert_eq!(
            unprintable("👍🏽").unwrap(),
            vec![(0, '👍'), (1, '\u{1f3fd}')]
        );
        assert_eq!(
            unprintable("محمد").unwrap().len(),
            4,
            "Arabic needs shaping"
        );
    }
}
