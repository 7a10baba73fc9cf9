//! Reading a bundled font with skrifa (already in the build through egui's
//! text rendering): its character map, advance widths and the metrics the PDF
//! font descriptor needs.

use std::collections::HashMap;
use std::sync::Arc;

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::Face;

/// A value in font units as the PDF's 16-bit fields hold it.
fn units(v: f32) -> i16 {
    v.round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

pub(super) fn parse(
    name: &'static str,
    bytes: &'static [u8],
    fallback: Option<Arc<Face>>,
) -> Option<Face> {
    let font = FontRef::new(bytes).ok()?;
    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let advances = (0..u32::from(metrics.glyph_count))
        .map(|g| {
            let w = glyphs.advance_width(GlyphId::new(g)).unwrap_or(0.0);
            w.round().clamp(0.0, f32::from(u16::MAX)) as u16
        })
        .collect();
    let cmap: HashMap<char, u16> = font
        .charmap()
        .mappings()
        .filter_map(|(cp, gid)| Some((char::from_u32(cp)?, u16::try_from(gid.to_u32()).ok()?)))
        .filter(|(_, gid)| *gid != 0)
        .collect();
    let bounds = metrics.bounds?;
    let hhea = font.hhea().ok()?;
    let weight_class = font.os2().map_or(400, |os2| os2.us_weight_class());
    Some(Face {
        name,
        bytes,
        fallback,
        cmap,
        advances,
        units_per_em: metrics.units_per_em,
        ascent: hhea.ascender().to_i16(),
        descent: hhea.descender().to_i16(),
        bbox: [
            units(bounds.x_min),
            units(bounds.y_min),
            units(bounds.x_max),
            units(bounds.y_max),
        ],
        caret_slope: (hhea.caret_slope_rise(), hhea.caret_slope_run()),
        weight_class,
    })
}
