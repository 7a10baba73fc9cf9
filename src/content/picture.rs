//! Slide images: PNG files decoded into RGBA, with limits so that a huge or
//! broken file is an error, not a crash or a memory hog.

use std::io::Cursor;
use std::sync::Arc;

use crate::model::Picture;

/// The largest image side we accept, in pixels.
const MAX_SIDE: u32 = 8192;
/// The most memory the decoder may use.
const MAX_BYTES: usize = 256 * 1024 * 1024;

/// Decode a PNG file; the error says in Dutch what is wrong.
pub fn decode_png(bytes: &[u8]) -> Result<Picture, String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("geen PNG-afbeelding (kampvuur leest alleen PNG)".into());
    }
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: MAX_BYTES });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("de PNG-afbeelding is beschadigd ({e})"))?;
    let (width, height) = (reader.info().width, reader.info().height);
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "de afbeelding is {width}×{height} pixels; het maximum is {MAX_SIDE}×{MAX_SIDE}"
        ));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "de afbeelding is te groot".to_owned())?;
    let mut buf = vec![0; size];
    let frame = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("de PNG-afbeelding is beschadigd ({e})"))?;
    buf.truncate(frame.buffer_size());
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => {
            return Err(
                "de PNG-afbeelding gebruikt een kleurenpalet dat niet omgezet kon worden".into(),
            );
        }
    };
    if rgba.len() != width as usize * height as usize * 4 {
        return Err("de PNG-afbeelding is onvolledig".into());
    }
    Ok(Picture {
        width,
        height,
        rgba: Arc::new(rgba),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PNG made with the png encoder.
    pub(crate) fn png_bytes(w: u32, h: u32, color: png::ColorType) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, w, h);
            enc.set_color(color);
            enc.set_depth(png::BitDepth::Eight);
            let mut writer = enc.write_header().unwrap();
            let channels = match color {
                png::ColorType::Rgb => 3,
                png::ColorType::Rgba => 4,
                png::ColorType::GrayscaleAlpha => 2,
                _ => 1,
            };
            let data: Vec<u8> = (0..w * h * channels).map(|i| (i % 251) as u8).collect();
            writer.write_image_data(&data).unwrap();
        }
        out
    }

    #[test]
    fn decodes_every_color_type_to_rgba() {
        for color in [
            png::ColorType::Rgb,
            png::ColorType::Rgba,
            png::ColorType::Grayscale,
            png::ColorType::GrayscaleAlpha,
        ] {
            let p = decode_png(&png_bytes(3, 2, color)).unwrap();
            assert_eq!((p.width, p.height, p.rgba.len()), (3, 2, 24), "{color:?}");
        }
    }

    #[test]
    fn broken_and_foreign_files_are_errors() {
        assert!(decode_png(b"GIF89a").unwrap_err().contains("geen PNG"));
        let mut truncated = png_bytes(40, 40, png::ColorType::Rgb);
        truncated.truncate(truncated.len() / 2);
        assert!(decode_png(&truncated).unwrap_err().contains("beschadigd"));
        assert!(decode_png(b"\x89PNG\r\n\x1a\n").is_err());
    }
}
