//! A small TrueType reader for exactly what layout and embedding need:
//! cmap, advance widths, vertical metrics.

use std::collections::HashMap;
use std::sync::Arc;

use super::Face;

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

pub(super) fn parse(
    name: &'static str,
    bytes: &'static [u8],
    fallback: Option<Arc<Face>>,
) -> Option<Face> {
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
        fallback,
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
