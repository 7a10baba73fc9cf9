//! Slide images: PNG files decoded into RGBA, with limits so that a huge or
//! broken file is an error, not a crash or a memory hog.

use std::io::Cursor;
use std::path::{Component, Path};
use std::sync::Arc;

use crate::model::{Picture, Raster};

use super::read::{read_regular, show_size};

/// The largest image side we accept, in pixels.
const MAX_SIDE: u32 = 8192;
/// The most memory the decoder may use.
const MAX_BYTES: usize = 256 * 1024 * 1024;
/// The largest image file we read.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The most pixels all images of one workshop may have together: 64 million
/// (256 MB decoded), room for thirty full-HD slides; one image of the
/// largest size (8192×8192) is already too much.
pub(crate) const MAX_TOTAL_PIXELS: u64 = 64_000_000;
/// The longest side an image is kept at: the size it is drawn at (a slide
/// on a projector or a page). A larger image is scaled down while it is
/// decoded, a row at a time, so that it never is in memory at full size.
pub(crate) const DRAWN_SIDE: u32 = 1600;
/// The most pixels all images of one workshop may keep together, at the
/// size they are drawn: 16 million (64 MB; ten slides of 1600×1000).
pub(crate) const MAX_DRAWN_PIXELS: u64 = 16_000_000;

/// The pixels the images of one workshop may still have: in their files (time
/// to decode) and as kept, at the size they are drawn (memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PixelBudget {
    pub file: u64,
    pub drawn: u64,
}

impl Default for PixelBudget {
    fn default() -> Self {
        Self {
            file: MAX_TOTAL_PIXELS,
            drawn: MAX_DRAWN_PIXELS,
        }
    }
}

/// `12,6 miljoen` pixels.
fn millions(pixels: u64) -> String {
    let tenths = pixels * 10 / 1_000_000;
    format!("{},{} miljoen", tenths / 10, tenths % 10)
}

/// Reads and decodes slide image `image`, a path relative to the workshop's
/// folder `dir` that must stay inside that folder; its pixels are taken from
/// `budget`. The error is a whole Dutch sentence.
pub(crate) fn load_image(
    dir: &Path,
    image: &str,
    budget: &mut PixelBudget,
) -> Result<Picture, String> {
    let shown = super::validate::show(image);
    let rel = Path::new(image);
    let outside = || {
        format!(
            "afbeelding ‘{shown}’ staat buiten de map van de workshop; zet de afbeelding in dezelfde map als het workshopbestand (of in een map daarbinnen) en schrijf het pad zonder `..`"
        )
    };
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(outside());
    }
    let path = dir.join(rel);
    let real = match std::fs::canonicalize(&path) {
        Ok(real) if !image.trim().is_empty() => real,
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!(
                "afbeelding ‘{shown}’: {}",
                super::store_error::dutch_io(&e)
            ));
        }
        _ => {
            return Err(format!(
                "afbeelding ‘{shown}’ niet gevonden (gezocht: {}); het pad is relatief aan het workshopbestand",
                super::validate::show(&path.display().to_string())
            ));
        }
    };
    // A symbolic link inside the folder may still point out of it.
    let base = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    if !real.starts_with(&base) {
        return Err(outside());
    }
    let cap = if is_svg(image) {
        super::svg::MAX_SVG_BYTES
    } else {
        MAX_FILE_BYTES
    };
    let bytes = read_regular(&real, cap).map_err(|e| match e {
        super::read::ReadError::TooLarge { size, .. } => format!(
            "afbeelding ‘{shown}’ is te groot ({}); het maximum is {} per afbeelding",
            show_size(size),
            show_size(cap)
        ),
        other => format!("afbeelding ‘{shown}’: {other}"),
    })?;
    if is_svg(image) {
        return super::svg::load_svg(&bytes, &shown).map(Picture::Vector);
    }
    let decoded = decode_png_within(&bytes, budget.file)
        .map_err(|why| format!("afbeelding ‘{shown}’: {why}"))?;
    let kept = u64::from(decoded.picture.width) * u64::from(decoded.picture.height);
    if kept > budget.drawn {
        return Err(format!(
            "afbeelding ‘{shown}’: alle afbeeldingen van een workshop samen mogen op hun getekende grootte (hoogstens {DRAWN_SIDE} pixels breed of hoog) {} pixels hebben; de andere afbeeldingen laten nog {} over. Gebruik minder of kleinere afbeeldingen",
            millions(MAX_DRAWN_PIXELS),
            millions(budget.drawn)
        ));
    }
    budget.drawn -= kept;
    let (w, h) = decoded.source;
    budget.file = budget.file.saturating_sub(u64::from(w) * u64::from(h));
    Ok(Picture::Raster(decoded.picture))
}

/// Whether image path `image` names an SVG file (by its extension).
pub(crate) fn is_svg(image: &str) -> bool {
    Path::new(image)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

/// Decode a PNG file, scaled down to the size it is drawn at; the error
/// says in Dutch what is wrong.
pub fn decode_png(bytes: &[u8]) -> Result<Raster, String> {
    decode_png_within(bytes, MAX_TOTAL_PIXELS).map(|d| d.picture)
}

/// A decoded image and the size of its file.
struct Decoded {
    picture: Raster,
    source: (u32, u32),
}

/// How many pixels of the file make one kept pixel, on each side.
fn step(width: u32, height: u32) -> u32 {
    width.max(height).div_ceil(DRAWN_SIDE).max(1)
}

/// A PNG decoding error in Dutch.
fn broken(e: &png::DecodingError) -> String {
    match e {
        png::DecodingError::IoError(_) => {
            "de PNG-afbeelding is beschadigd of onvolledig (afgebroken)".into()
        }
        png::DecodingError::Format(_) => {
            "de PNG-afbeelding is beschadigd (de opbouw van het bestand klopt niet)".into()
        }
        png::DecodingError::LimitsExceeded => "de PNG-afbeelding is te groot om te openen".into(),
        png::DecodingError::Parameter(_) => "de PNG-afbeelding kan niet worden gelezen".into(),
    }
}

/// Whether an image of `width`×`height` may be decoded with `max_pixels` left.
fn check_size(width: u32, height: u32, max_pixels: u64) -> Result<(), String> {
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "de afbeelding is {width}×{height} pixels; het maximum is {MAX_SIDE}×{MAX_SIDE}"
        ));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > max_pixels {
        let left = if max_pixels < MAX_TOTAL_PIXELS {
            format!(
                "; de andere afbeeldingen laten nog {} over",
                millions(max_pixels)
            )
        } else {
            String::new()
        };
        return Err(format!(
            "de afbeelding heeft te veel pixels ({width}×{height}, {}); alle afbeeldingen van een workshop samen mogen {} pixels hebben{left}. Verklein de afbeeldingen, bijvoorbeeld tot 1920×1080",
            millions(pixels),
            millions(MAX_TOTAL_PIXELS)
        ));
    }
    Ok(())
}

/// Decode a PNG file of at most `max_pixels` pixels, refused before its data
/// is read when it has more.
fn decode_png_within(bytes: &[u8], max_pixels: u64) -> Result<Decoded, String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(
            "geen PNG-afbeelding (kampvuur leest PNG en SVG; een SVG-bestand eindigt op .svg)"
                .into(),
        );
    }
    // The size, from the header that always comes first, before the decoder
    // reads (or allocates) anything.
    let be = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_be_bytes)
    };
    let (width, height) = match (bytes.get(12..16), be(16), be(20)) {
        (Some(b"IHDR"), Some(w), Some(h)) => (w, h),
        _ => return Err("de PNG-afbeelding is beschadigd (de kop ontbreekt)".into()),
    };
    check_size(width, height, max_pixels)?;
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: MAX_BYTES });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| broken(&e))?;
    if (width, height) != (reader.info().width, reader.info().height) {
        return Err("de PNG-afbeelding is beschadigd (de kop klopt niet)".into());
    }
    let k = step(width, height);
    if k > 1 && reader.info().interlaced {
        return Err(format!(
            "de afbeelding is {width}×{height} pixels en geïnterlinieerd (interlaced); \
             sla hem op zonder interlacing of verklein hem tot {DRAWN_SIDE}×{DRAWN_SIDE}"
        ));
    }
    let (color, _) = reader.output_color_type();
    let channels = match color {
        png::ColorType::Rgba => 4,
        png::ColorType::Rgb => 3,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Grayscale => 1,
        png::ColorType::Indexed => {
            return Err(
                "de PNG-afbeelding gebruikt een kleurenpalet dat niet omgezet kon worden".into(),
            );
        }
    };
    let rgba_of = move |p: &[u8]| -> [u8; 4] {
        match channels {
            4 => [p[0], p[1], p[2], p[3]],
            3 => [p[0], p[1], p[2], 255],
            2 => [p[0], p[0], p[0], p[1]],
            _ => [p[0], p[0], p[0], 255],
        }
    };
    let (out_w, out_h) = (width.div_ceil(k), height.div_ceil(k));
    let mut rgba: Vec<u8> = Vec::with_capacity(out_w as usize * out_h as usize * 4);
    // Sums of each kept pixel's block of file pixels, per channel.
    let mut sums = vec![0u32; out_w as usize * 4];
    let mut counts = vec![0u32; out_w as usize];
    let mut rows = 0u32;
    let flush = |sums: &mut Vec<u32>, counts: &mut Vec<u32>, rgba: &mut Vec<u8>| {
        for (px, n) in sums.chunks_exact_mut(4).zip(counts.iter_mut()) {
            let d = (*n).max(1);
            rgba.extend(px.iter().map(|v| ((*v + d / 2) / d).min(255) as u8));
            px.fill(0);
            *n = 0;
        }
    };
    while let Some(row) = reader.next_row().map_err(|e| broken(&e))? {
        let data = row.data();
        if data.len() < width as usize * channels {
            return Err("de PNG-afbeelding is onvolledig".into());
        }
        for (x, p) in data.chunks_exact(channels).take(width as usize).enumerate() {
            let o = x / k as usize;
            let px = rgba_of(p);
            for (c, v) in px.iter().enumerate() {
                sums[o * 4 + c] += u32::from(*v);
            }
            counts[o] += 1;
        }
        rows += 1;
        if rows.is_multiple_of(k) || rows == height {
            flush(&mut sums, &mut counts, &mut rgba);
        }
    }
    if rows != height || rgba.len() != out_w as usize * out_h as usize * 4 {
        return Err("de PNG-afbeelding is onvolledig".into());
    }
    Ok(Decoded {
        picture: Raster {
            width: out_w,
            height: out_h,
            rgba: Arc::new(rgba),
        },
        source: (width, height),
    })
}

#[cfg(test)]
#[path = "picture_tests.rs"]
mod tests;
