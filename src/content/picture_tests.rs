//! Tests of picture: decoding, limits, the size kept.

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
fn images_share_one_pixel_budget() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.png"),
        png_bytes(10, 10, png::ColorType::Rgb),
    )
    .unwrap();
    let mut budget = PixelBudget {
        file: 250,
        drawn: 1000,
    };
    for _ in 0..2 {
        assert!(load_image(dir.path(), "a.png", &mut budget).is_ok());
    }
    assert_eq!(budget.file, 50);
    let err = load_image(dir.path(), "a.png", &mut budget).unwrap_err();
    assert!(
        err.contains("te veel pixels (10×10, 0,0 miljoen)")
            && err.contains("laten nog 0,0 miljoen over"),
        "{err}"
    );
    assert_eq!(budget.file, 50);
    let mut budget = PixelBudget {
        file: 1000,
        drawn: 150,
    };
    assert!(load_image(dir.path(), "a.png", &mut budget).is_ok());
    let err = load_image(dir.path(), "a.png", &mut budget).unwrap_err();
    assert!(
        err.contains("16,0 miljoen pixels hebben") && err.contains("nog 0,0 miljoen over"),
        "{err}"
    );
    assert_eq!(budget.drawn, 50);
}

#[test]
fn large_images_are_kept_at_the_size_they_are_drawn() {
    let p = decode_png(&png_bytes(4000, 10, png::ColorType::Rgb)).unwrap();
    assert_eq!((p.width, p.height), (1334, 4));
    assert_eq!(p.rgba.len(), 1334 * 4 * 4);
    // A block of 3×3 file pixels becomes their average.
    let small = decode_png(&png_bytes(4000, 10, png::ColorType::Grayscale)).unwrap();
    let want: u32 = (0..3)
        .flat_map(|y| (0..3).map(move |x| (y * 4000 + x) % 251))
        .sum::<u32>();
    assert_eq!(u32::from(small.rgba[0]), (want + 4) / 9);
    let exact = decode_png(&png_bytes(1600, 3, png::ColorType::Rgba)).unwrap();
    assert_eq!((exact.width, exact.height), (1600, 3));
    assert_eq!(exact.rgba.len(), 1600 * 3 * 4);
}

/// A PNG chunk with its CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in kind.iter().chain(data) {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&(!crc).to_be_bytes());
    out
}

#[test]
fn a_large_interlaced_image_is_refused_with_what_to_do() {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&4000u32.to_be_bytes());
    ihdr.extend_from_slice(&3000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 1]); // 8 bits, RGB, interlaced
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00]));
    png.extend(chunk(b"IEND", &[]));
    let err = decode_png(&png).unwrap_err();
    assert!(
        err.contains("4000×3000 pixels en geïnterlinieerd") && err.contains("1600×1600"),
        "{err}"
    );
}

#[test]
fn broken_and_foreign_files_are_errors() {
    assert!(decode_png(b"GIF89a").unwrap_err().contains("geen PNG"));
    let mut truncated = png_bytes(40, 40, png::ColorType::Rgb);
    truncated.truncate(truncated.len() / 2);
    assert!(decode_png(&truncated).unwrap_err().contains("beschadigd"));
    assert!(decode_png(b"\x89PNG\r\n\x1a\n").is_err());
}
