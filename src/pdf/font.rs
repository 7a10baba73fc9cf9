//! The bundled fonts: a small TrueType reader for exactly what layout and
//! embedding need (cmap, advance widths, vertical metrics), parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::PdfError;

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

/// One parsed face.
#[derive(Debug)]
pub struct Face {
    pub name: &'static str,
    pub bytes: &'static [u8],
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
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&c).copied()
    }

    pub fn has(&self, c: char) -> bool {
        self.cmap.contains_key(&c)
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

    /// Width of `text` at `size` pt, in pt. Characters without a glyph count as `?`.
    pub fn width_pt(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let gid = self.glyph(c).or_else(|| self.glyph('?')).unwrap_or(0);
                u32::from(self.advance(gid))
            })
            .sum();
        units as f32 * size / f32::from(self.units_per_em.max(1))
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
    let mut faces = Vec::with_capacity(4);
    for (name, bytes) in SOURCES {
        faces.push(parse(name, bytes).ok_or_else(|| name.to_owned())?);
    }
    Ok(Fonts { faces })
}

/// Replace what the fonts cannot show: known symbols by a look-alike, other
/// missing characters by `?`; invisible joiners and control characters go.
pub fn sanitize(text: &str, face: &Face) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if face.has(c) {
            out.push(c);
            continue;
        }
        match c {
            '\t' | '\n' | '\r' | '\u{a0}' => out.push(' '),
            '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' | '\u{ad}' | '\u{2060}' => {}
            c if c.is_control() => {}
            '▸' | '►' | '▶' | '●' | '▪' | '■' => out.push('•'),
            '→' | '⇒' | '➔' => out.push_str("->"),
            '←' | '⇐' => out.push_str("<-"),
            '✓' | '✔' => out.push('v'),
            '\u{1f3fb}'..='\u{1f3ff}' => {} // skin tone modifiers
            _ => out.push('?'),
        }
    }
    out
}

fn be16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn be32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

fn table<'a>(d: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let n = usize::from(be16(d, 4)?);
    for i in 0..n {
        let rec = 12 + 16 * i;
        if d.get(rec..rec + 4)? == tag {
            let off = be32(d, rec + 8)? as usize;
            let len = be32(d, rec + 12)? as usize;
            return d.get(off..off.checked_add(len)?);
        }
    }
    None
}

fn parse(name: &'static str, bytes: &'static [u8]) -> Option<Face> {
    let head = table(bytes, b"head")?;
    let hhea = table(bytes, b"hhea")?;
    let maxp = table(bytes, b"maxp")?;
    let hmtx = table(bytes, b"hmtx")?;
    let units_per_em = be16(head, 18)?;
    let bbox = [
        be16(head, 36)? as i16,
        be16(head, 38)? as i16,
        be16(head, 40)? as i16,
        be16(head, 42)? as i16,
    ];
    let ascent = be16(hhea, 4)? as i16;
    let descent = be16(hhea, 6)? as i16;
    let caret_slope = (be16(hhea, 18)? as i16, be16(hhea, 20)? as i16);
    let num_h = usize::from(be16(hhea, 34)?);
    let num_glyphs = usize::from(be16(maxp, 4)?);
    let mut advances = Vec::with_capacity(num_glyphs);
    let mut last = 0;
    for g in 0..num_glyphs {
        if g < num_h {
            last = be16(hmtx, 4 * g)?;
        }
        advances.push(last);
    }
    let weight_class = table(bytes, b"OS/2")
        .and_then(|os2| be16(os2, 4))
        .unwrap_or(400);
    let cmap = parse_cmap(table(bytes, b"cmap")?)?;
    Some(Face {
        name,
        bytes,
        cmap,
        advances,
        units_per_em,
        ascent,
        descent,
        bbox,
        caret_slope,
        weight_class,
    })
}

/// Read the best Unicode subtable: format 12 if present, else format 4.
fn parse_cmap(cmap: &[u8]) -> Option<HashMap<char, u16>> {
    let n = usize::from(be16(cmap, 2)?);
    let mut f4 = None;
    let mut f12 = None;
    for i in 0..n {
        let rec = 4 + 8 * i;
        let platform = be16(cmap, rec)?;
        let encoding = be16(cmap, rec + 2)?;
        let off = be32(cmap, rec + 4)? as usize;
        let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if !unicode {
            continue;
        }
        match be16(cmap, off)? {
            4 => f4 = Some(off),
            12 => f12 = Some(off),
            _ => {}
        }
    }
    let mut map = HashMap::new();
    if let Some(off) = f12 {
        let groups = be32(cmap, off + 12)? as usize;
        for g in 0..groups {
            let at = off + 16 + 12 * g;
            let (start, end, gid) = (be32(cmap, at)?, be32(cmap, at + 4)?, be32(cmap, at + 8)?);
            for cp in start..=end.min(start.saturating_add(0xFFFF)) {
                if let (Some(c), Ok(g)) = (char::from_u32(cp), u16::try_from(gid + (cp - start))) {
                    map.insert(c, g);
                }
            }
        }
        return Some(map);
    }
    let off = f4?;
    let segs = usize::from(be16(cmap, off + 6)? / 2);
    let ends = off + 14;
    let starts = ends + 2 * segs + 2;
    let deltas = starts + 2 * segs;
    let ranges = deltas + 2 * segs;
    for s in 0..segs {
        let end = be16(cmap, ends + 2 * s)?;
        let start = be16(cmap, starts + 2 * s)?;
        let delta = be16(cmap, deltas + 2 * s)?;
        let range = be16(cmap, ranges + 2 * s)?;
        if start == 0xFFFF {
            continue;
        }
        for cp in start..=end {
            let gid = if range == 0 {
                cp.wrapping_add(delta)
            } else {
                let at = ranges + 2 * s + usize::from(range) + 2 * usize::from(cp - start);
                match be16(cmap, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            if gid != 0
                && let Some(c) = char::from_u32(u32::from(cp))
            {
                map.insert(c, gid);
            }
        }
    }
    Some(map)
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
        assert_eq!(sanitize("a ▸ b → c 🔥\u{fe0f}", face), "a • b -> c ?");
        assert_eq!(sanitize("één café", face), "één café");
    }
}
