//! The only code that touches printpdf: turns laid-out pages into PDF bytes.
//! Fonts are subset here (with `subsetter`); the content stream addresses the
//! renumbered glyphs, and each glyph carries its text for the ToUnicode map.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Codepoint, Color, FontId, FontMetrics, FontType, Line, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfFontMetricsStub, PdfPage, PdfSaveOptions, Point, Pt, RawImage,
    RawImageData, RawImageFormat, Rect, TextItem, TextMatrix, XObjectId, XObjectTransform,
};

mod finish;
mod svg;
mod tags;

use finish::finish;
pub(crate) use tags::Tree;

use super::PdfError;
use super::font::{Face, FontStyle, Fonts};
use super::geom::{Elem, Layout, Mm, Page, Rgb, TextRun};

/// One embedded subset: the original-to-new glyph mapping and its id.
struct Embedded {
    id: FontId,
    remap: BTreeMap<u16, u16>,
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

/// The face that prints `c` in `style` (the main face or its fallback) and
/// the glyph there.
fn glyph_of(fonts: &Fonts, style: FontStyle, c: char) -> (&Face, u16) {
    let face = fonts.face(style);
    if let Some(g) = face.glyph(c) {
        return (face, g);
    }
    if let Some(back) = face.fallback_for(c) {
        return (back, back.glyph(c).unwrap_or(0));
    }
    (face, face.glyph('?').unwrap_or(0))
}

/// A six-letter subset tag, stable for the same glyph set.
fn subset_tag(name: &str, gids: &BTreeSet<u16>) -> String {
    let mut h: u32 = 2_166_136_261;
    for b in name.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(16_777_619);
    }
    for g in gids {
        h = (h ^ u32::from(*g)).wrapping_mul(16_777_619);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

fn embed(doc: &mut PdfDocument, face: &Face, gids: &BTreeSet<u16>) -> Result<Embedded, PdfError> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for g in gids {
        remapper.remap(*g);
    }
    let bytes = subsetter::subset(face.bytes, 0, &remapper)
        .map_err(|e| PdfError::Backend(format!("{}: {e:?}", face.name)))?;
    let mut remap = BTreeMap::new();
    let mut widths = BTreeMap::new();
    for g in gids {
        let new = remapper.get(*g).unwrap_or(0);
        remap.insert(*g, new);
        widths.insert(new, face.advance(*g));
    }
    let [x_min, y_min, x_max, y_max] = face.bbox;
    let parsed = ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(format!("{}+{}", subset_tag(face.name, gids), face.name)),
        codepoint_to_glyph: BTreeMap::new(),
        glyph_widths: widths,
        units_per_em: face.units_per_em,
        font_metrics: FontMetrics {
            ascent: face.ascent,
            descent: face.descent,
        },
        font_type: FontType::TrueType,
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: face.units_per_em,
            x_min,
            y_min,
            x_max,
            y_max,
            caret_slope_rise: face.caret_slope.0,
            caret_slope_run: face.caret_slope.1,
            us_weight_class: face.weight_class,
        },
    };
    let id = doc.add_font(&parsed);
    Ok(Embedded { id, remap })
}

fn pt(v: Mm) -> Pt {
    Pt(v.to_pt())
}

/// Pictures are embedded once each, keyed by their pixel buffer.
type Images = BTreeMap<usize, XObjectId>;

fn picture_key(p: &crate::model::Picture) -> usize {
    p.key()
}

fn embed_images(doc: &mut PdfDocument, pages: &[Page]) -> Images {
    let mut ids = Images::new();
    for e in pages.iter().flat_map(|p| &p.elems) {
        if let Elem::Image { picture, .. } = e {
            let key = picture_key(picture);
            let picture = match picture {
                crate::model::Picture::Raster(r) => r,
                crate::model::Picture::Vector(v) => {
                    if !ids.contains_key(&key)
                        && let Some(id) = svg::embed(doc, v)
                    {
                        ids.insert(key, id);
                    }
                    continue;
                }
            };
            ids.entry(key).or_insert_with(|| {
                doc.add_image(&RawImage {
                    pixels: RawImageData::U8(picture.rgb_on_white()),
                    width: picture.width as usize,
                    height: picture.height as usize,
                    data_format: RawImageFormat::RGB8,
                    tag: Vec::new(),
                })
            });
        }
    }
    ids
}

/// The embedded subsets, by face name.
type Embeds = BTreeMap<&'static str, Embedded>;

/// A run of text: one text section per stretch of characters from one face
/// (the main face or its fallback), each placed after the one before.
fn text_ops(
    ops: &mut Vec<Op>,
    t: &TextRun,
    fonts: &Fonts,
    embedded: &Embeds,
    flip: impl Fn(Mm) -> Pt,
) {
    let main = fonts.face(t.font);
    let mut x = t.x;
    let mut chars = t.text.chars().peekable();
    while let Some(&first) = chars.peek() {
        let face = glyph_of(fonts, t.font, first).0;
        let mut stretch = String::new();
        let mut glyphs = Vec::new();
        while let Some(&c) = chars.peek() {
            let (f, gid) = glyph_of(fonts, t.font, c);
            if f.name != face.name {
                break;
            }
            let new = embedded
                .get(f.name)
                .and_then(|e| e.remap.get(&gid))
                .copied()
                .unwrap_or(0);
            glyphs.push(Codepoint::with_cid(new, 0.0, c.to_string()));
            stretch.push(c);
            chars.next();
        }
        let Some(font) = embedded.get(face.name) else {
            continue;
        };
        if glyphs.is_empty() {
            continue;
        }
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font.id.clone()),
            size: Pt(t.size),
        });
        ops.push(Op::SetFillColor {
            col: color(t.color),
        });
        // The fallback face has no italic: its letters (Greek, Cyrillic,
        // symbols) in an italic run are slanted like the italic around them.
        let slant =
            matches!(t.font, FontStyle::Italic | FontStyle::BoldItalic) && face.name != main.name;
        let matrix = if slant {
            TextMatrix::Raw([1.0, 0.0, SLANT, 1.0, pt(x).0, flip(t.y).0])
        } else {
            TextMatrix::Translate(pt(x), flip(t.y))
        };
        ops.push(Op::SetTextMatrix { matrix });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
        ops.push(Op::EndTextSection);
        x += Mm::from_pt(main.width_pt(&stretch, t.size));
    }
}

/// The slant of italic letters from the fallback face (tan 12°, the
/// italic's own angle).
const SLANT: f32 = 0.2126;

fn page_ops(
    page: &Page,
    fonts: &Fonts,
    embedded: &Embeds,
    images: &Images,
    tree: &mut Tree,
) -> Vec<Op> {
    let h = page.height;
    let flip = |y: Mm| pt(h - y);
    let mut ops = Vec::with_capacity(page.elems.len() * 7);
    tree.start_page();
    for e in &page.elems {
        if !tree.before(e, &mut ops, h.to_pt()) {
            continue;
        }
        match e {
            Elem::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                if let Some(c) = fill {
                    ops.push(Op::SetFillColor { col: color(*c) });
                }
                if let Some((c, width)) = stroke {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                }
                let mode = match (fill.is_some(), stroke.is_some()) {
                    (true, true) => PaintMode::FillStroke,
                    (false, true) => PaintMode::Stroke,
                    _ => PaintMode::Fill,
                };
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(*x),
                        y: flip(*y + *rh),
                        width: pt(*w),
                        height: pt(*rh),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
            Elem::Image {
                x,
                y,
                w,
                h: ih,
                picture,
            } => {
                let Some(id) = images.get(&picture_key(picture)) else {
                    continue;
                };
                // At this resolution the picture is exactly `w` wide (and,
                // with its own aspect ratio, `ih` high).
                let dpi = svg::pixels_wide(picture) * 25.4 / w.0.max(0.1);
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(pt(*x)),
                        translate_y: Some(flip(*y + *ih)),
                        dpi: Some(dpi),
                        ..Default::default()
                    },
                });
            }
            Elem::Line {
                points,
                width,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: points
                            .iter()
                            .map(|(x, y)| LinePoint {
                                p: Point {
                                    x: pt(*x),
                                    y: flip(*y),
                                },
                                bezier: false,
                            })
                            .collect(),
                        is_closed: false,
                    },
                });
            }
            Elem::Text(t) => text_ops(&mut ops, t, fonts, embedded, flip),
            Elem::Open(_) | Elem::Close => {}
        }
    }
    tree.end_page(&mut ops);
    ops
}

/// zlib level for PDF streams: printpdf and lopdf use 9 ("best"), which took
/// 40 % of an export for files only a little smaller.
const LEVEL: u32 = 2;

/// Compress every stream that is not compressed yet, at [`LEVEL`].
fn compress_streams(doc: &mut pdfdoc::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let pdfdoc::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(LEVEL));
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = encoder.finish()
            && packed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// Write the layout as a PDF: its bytes, and how many stretches of text
/// the layout left outside any structure element (see [`Tree::auto`]).
pub fn write(layout: &Layout, fonts: &Fonts) -> Result<(Vec<u8>, usize), PdfError> {
    let mut doc = PdfDocument::new(&layout.title);
    let info = &mut doc.metadata.info;
    info.author = layout.author.clone();
    info.subject = layout.subject.clone();
    info.creator = "kampvuur".to_owned();
    info.producer = format!("kampvuur {}", env!("CARGO_PKG_VERSION"));
    let now = printpdf::OffsetDateTime::now_utc();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;

    let mut used: BTreeMap<&'static str, (&Face, BTreeSet<u16>)> = BTreeMap::new();
    for page in &layout.pages {
        for t in page.texts() {
            for c in t.text.chars() {
                let (face, gid) = glyph_of(fonts, t.font, c);
                used.entry(face.name)
                    .or_insert_with(|| (face, BTreeSet::new()))
                    .1
                    .insert(gid);
            }
        }
    }
    let mut embedded = Embeds::new();
    for (name, (face, gids)) in &used {
        embedded.insert(name, embed(&mut doc, face, gids)?);
    }
    let images = embed_images(&mut doc, &layout.pages);
    let mut tree = Tree::new();
    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .map(|p| {
            PdfPage::new(
                printpdf::Mm(p.width.0),
                printpdf::Mm(p.height.0),
                page_ops(p, fonts, &embedded, &images, &mut tree),
            )
        })
        .collect();
    doc.with_pages(pages);
    let opts = PdfSaveOptions::default();
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, layout, &tree).map_err(|e| PdfError::Backend(e.to_string()))?;
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Backend(format!("{e} {warnings:?}")))?;
    if bytes.is_empty() {
        return Err(PdfError::Backend(format!("{warnings:?}")));
    }
    Ok((bytes, tree.auto))
}
