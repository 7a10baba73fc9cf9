//! SVG pictures as vector graphics: svg2pdf draws the parsed drawing on the
//! one page of a small PDF of its own; that page's content and resources
//! become a Form XObject in our document, placed like an image.
//!
//! The text of the drawing was turned into outlines with our own fonts when
//! it was loaded (content/svg.rs), and svg2pdf gets only those outlines
//! (see [`outlined`]): no font of the SVG, and none of the system, ends up
//! in the PDF.

use std::collections::BTreeMap;

use pdfdoc::Object;
use printpdf::{DictItem, ExternalStream, ExternalXObject, PdfDocument, Px, XObjectId};

use crate::model::{Picture, Vector};

/// How many of the XObject's "pixels" make one point of the drawing: the
/// size is given in whole pixels, so this keeps the aspect ratio exact to a
/// hundredth of a point.
const PX_PER_PT: f32 = 100.0;
/// svg2pdf's output is a shallow tree of objects; deeper is a loop.
const MAX_DEPTH: usize = 32;

/// The width in pixels that the image XObject of `picture` has: placed at
/// `w` millimetres wide it is drawn at `pixels * 25.4 / w` dots per inch.
pub(super) fn pixels_wide(picture: &Picture) -> f32 {
    match picture {
        Picture::Raster(r) => r.width as f32,
        Picture::Vector(v) => (v.size().0 * PX_PER_PT).round().max(1.0),
    }
}

/// Add drawing `v` to `doc` as a Form XObject; `None` when svg2pdf cannot
/// convert it (the picture is then left out, like an image that failed).
pub(super) fn embed(doc: &mut PdfDocument, v: &Vector) -> Option<XObjectId> {
    Some(doc.add_xobject(&xobject(v)?))
}

/// The Form XObject of drawing `v`, normalised to a unit square (like an
/// image) and scaled back at the place it is used.
fn xobject(v: &Vector) -> Option<ExternalXObject> {
    let options = svg2pdf::ConversionOptions {
        compress: false,
        embed_text: false,
        ..Default::default()
    };
    // At 72 dpi one pixel of the drawing is one point, so svg2pdf adds no
    // scaling of its own, which gradients and patterns would not follow.
    let page = svg2pdf::PageOptions { dpi: 72.0 };
    let bytes = svg2pdf::to_pdf(&outlined(v)?, options, page).ok()?;
    let pdf = pdfdoc::Document::load_mem(&bytes).ok()?;
    let page_id = pdf.page_iter().next()?;
    let content = pdf.get_page_content(page_id);
    let page = pdf.get_dictionary(page_id).ok()?;
    let (w, h) = v.size();
    let real = |v: f32| DictItem::Real(v);
    let mut dict: BTreeMap<String, DictItem> = BTreeMap::new();
    dict.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".into(), DictItem::Name(b"Form".to_vec()));
    dict.insert(
        "BBox".into(),
        DictItem::Array(vec![real(0.0), real(0.0), real(w), real(h)]),
    );
    dict.insert(
        "Matrix".into(),
        DictItem::Array(vec![
            real(1.0 / w),
            real(0.0),
            real(0.0),
            real(1.0 / h),
            real(0.0),
            real(0.0),
        ]),
    );
    let resources = match page.get(b"Resources") {
        Ok(res) => inline(&pdf, res, 0),
        Err(_) => DictItem::Dict {
            map: BTreeMap::new(),
        },
    };
    dict.insert("Resources".into(), resources);
    // svg2pdf makes the page a transparency group; keep it for opacity.
    if let Ok(group) = page.get(b"Group") {
        dict.insert("Group".into(), inline(&pdf, group, 0));
    }
    Some(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: true,
        },
        width: Some(Px((w * PX_PER_PT).round().max(1.0) as usize)),
        height: Some(Px((h * PX_PER_PT).round().max(1.0) as usize)),
        dpi: Some(72.0 * PX_PER_PT),
    })
}

/// Drawing `v` with its text as paths only. svg2pdf is built without its
/// own text support (which would bring a second font stack, for subsetting
/// variable fonts, that we never use): usvg writes the drawing out with every
/// text as the outlines it was given while loading, and reads that back.
fn outlined(v: &Vector) -> Option<usvg::Tree> {
    let svg = v.tree.to_string(&usvg::WriteOptions::default());
    usvg::Tree::from_str(&svg, &usvg::Options::default()).ok()
}

/// `obj` with every reference replaced by what it refers to: the XObject
/// carries all its resources along (printpdf writes nested streams as
/// objects of their own again).
fn inline(pdf: &pdfdoc::Document, obj: &Object, depth: usize) -> DictItem {
    if depth > MAX_DEPTH {
        return DictItem::Null;
    }
    let down = |o: &Object| inline(pdf, o, depth + 1);
    let map_of = |d: &pdfdoc::Dictionary, skip: &[&[u8]]| -> BTreeMap<String, DictItem> {
        d.iter()
            .filter(|(k, _)| !skip.contains(&k.as_slice()))
            .map(|(k, v)| (String::from_utf8_lossy(k).into_owned(), down(v)))
            .collect()
    };
    match obj {
        Object::Null => DictItem::Null,
        Object::Boolean(b) => DictItem::Bool(*b),
        Object::Integer(i) => DictItem::Int(*i),
        Object::Real(r) => DictItem::Real(*r),
        Object::Name(n) => DictItem::Name(n.clone()),
        Object::String(data, format) => DictItem::String {
            data: data.clone(),
            literal: matches!(format, pdfdoc::StringFormat::Literal),
        },
        Object::Array(items) => DictItem::Array(items.iter().map(down).collect()),
        Object::Dictionary(d) => DictItem::Dict {
            map: map_of(d, &[]),
        },
        Object::Stream(s) => {
            // Decoded, so that the document's own compression applies; a
            // stream lopdf cannot decode keeps its bytes and filter.
            let (content, skip): (Vec<u8>, &[&[u8]]) = match s.decompressed_content() {
                Ok(c) => (c, &[b"Length", b"Filter", b"DecodeParms"]),
                Err(_) => (s.content.clone(), &[b"Length"]),
            };
            DictItem::Stream {
                stream: ExternalStream {
                    dict: map_of(&s.dict, skip),
                    content,
                    compress: true,
                },
            }
        }
        Object::Reference(id) => match pdf.get_object(*id) {
            Ok(o) => down(o),
            Err(_) => DictItem::Null,
        },
    }
}
