//! Reading our PDFs back with lopdf: page sizes, placed text runs (decoded
//! through each font's ToUnicode map, measured with its /W widths).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Document, Object};

/// A text run as placed in the content stream, in PDF points.
#[derive(Debug, Clone)]
pub struct Placed {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub right: f32,
    pub size: f32,
    pub text: String,
}

pub struct Parsed {
    pub doc: Document,
    pub sizes: Vec<(f32, f32)>,
    pub runs: Vec<Placed>,
    /// Straight line segments drawn on each page (`l` operators).
    pub segments: Vec<usize>,
}

/// A PDF text string: UTF-16BE after a byte-order mark, else bytes.
pub fn decode_text(raw: &[u8]) -> String {
    if raw.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = raw[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8_lossy(raw).into_owned()
    }
}

fn first_child(d: &lopdf::Dictionary, key: &[u8]) -> Option<lopdf::ObjectId> {
    d.get(key).ok().map(|o| o.as_reference().unwrap())
}

fn walk(
    doc: &Document,
    parent: &lopdf::Dictionary,
    level: u8,
    pages: &[lopdf::ObjectId],
    out: &mut Vec<(u8, String, usize)>,
) {
    let mut next = first_child(parent, b"First");
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let title = decode_text(item.get(b"Title").unwrap().as_str().unwrap());
        let dest = item.get(b"Dest").unwrap().as_array().unwrap();
        let page_id = dest[0].as_reference().unwrap();
        let page = pages.iter().position(|p| *p == page_id).unwrap();
        out.push((level, title, page));
        walk(doc, item, level + 1, pages, out);
        next = first_child(item, b"Next");
    }
}

impl Parsed {
    /// The text of one page (0-based), squashed.
    pub fn page_squashed(&self, page: usize) -> String {
        squash(
            &self
                .runs
                .iter()
                .filter(|r| r.page == page)
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The first page whose text holds `needle` (compared squashed).
    pub fn page_of(&self, needle: &str) -> Option<usize> {
        let needle = squash(needle);
        (0..self.sizes.len()).find(|p| self.page_squashed(*p).contains(&needle))
    }

    /// The outline: (level, title, 0-based page) in document order.
    pub fn outline(&self) -> Vec<(u8, String, usize)> {
        let pages: Vec<lopdf::ObjectId> = self.doc.get_pages().into_values().collect();
        let catalog = self.doc.catalog().unwrap();
        let Ok(root) = catalog.get_deref(b"Outlines", &self.doc) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        walk(&self.doc, root.as_dict().unwrap(), 1, &pages, &mut out);
        out
    }

    /// Whether the info dictionary has `key`.
    pub fn has_info(&self, key: &[u8]) -> bool {
        let info = self
            .doc
            .trailer
            .get_deref(b"Info", &self.doc)
            .unwrap()
            .as_dict()
            .unwrap();
        info.has(key)
    }

    /// Every key of the info dictionary with its value as text.
    pub fn info_entries(&self) -> Vec<(String, String)> {
        let info = self
            .doc
            .trailer
            .get_deref(b"Info", &self.doc)
            .unwrap()
            .as_dict()
            .unwrap();
        info.iter()
            .map(|(k, v)| {
                let value = match v {
                    Object::String(b, _) => decode_text(b),
                    Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
                    other => format!("{other:?}"),
                };
                (String::from_utf8_lossy(k).into_owned(), value)
            })
            .collect()
    }

    /// All text, runs joined by spaces.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Text with whitespace and hyphens removed, for matching wrapped text.
    pub fn squashed(&self) -> String {
        squash(&self.text())
    }

    pub fn info(&self, key: &[u8]) -> String {
        let info = self
            .doc
            .trailer
            .get_deref(b"Info", &self.doc)
            .unwrap()
            .as_dict()
            .unwrap();
        decode_text(info.get(key).unwrap().as_str().unwrap())
    }
}

pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

pub struct FontInfo {
    pub to_unicode: HashMap<u16, String>,
    widths: HashMap<u16, f32>,
    embedded: bool,
}

fn hex_u16(s: &str) -> Vec<u16> {
    (0..s.len() / 4)
        .map(|i| u16::from_str_radix(&s[4 * i..4 * i + 4], 16).unwrap())
        .collect()
}

pub fn font_info(doc: &Document, font: &lopdf::Dictionary) -> FontInfo {
    let mut to_unicode = HashMap::new();
    let cmap = font
        .get_deref(b"ToUnicode", doc)
        .unwrap()
        .as_stream()
        .unwrap();
    let text =
        String::from_utf8(cmap.decompressed_content().unwrap_or(cmap.content.clone())).unwrap();
    let mut in_char = false;
    for line in text.lines() {
        if line.ends_with("beginbfchar") {
            in_char = true;
        } else if line.starts_with("endbfchar") {
            in_char = false;
        } else if in_char {
            let parts: Vec<&str> = line
                .split(['<', '>'])
                .filter(|p| !p.trim().is_empty())
                .collect();
            if parts.len() == 2 {
                let code = hex_u16(parts[0])[0];
                to_unicode.insert(code, String::from_utf16(&hex_u16(parts[1])).unwrap());
            }
        }
    }
    let descendant = match font.get_deref(b"DescendantFonts", doc).unwrap() {
        Object::Array(a) => doc.dereference(&a[0]).unwrap().1.as_dict().unwrap().clone(),
        _ => panic!("no descendant font"),
    };
    let mut widths = HashMap::new();
    if let Ok(Object::Array(w)) = descendant.get_deref(b"W", doc) {
        let mut i = 0;
        while i + 1 < w.len() {
            let start = num(&w[i]) as u16;
            if let Object::Array(ws) = &w[i + 1] {
                for (k, v) in ws.iter().enumerate() {
                    widths.insert(start + k as u16, num(v));
                }
            }
            i += 2;
        }
    }
    let desc = descendant
        .get_deref(b"FontDescriptor", doc)
        .unwrap()
        .as_dict()
        .unwrap();
    FontInfo {
        to_unicode,
        widths,
        embedded: desc.has(b"FontFile2"),
    }
}

pub fn parse(bytes: &[u8]) -> Parsed {
    let doc = Document::load_mem(bytes).expect("lopdf reads the PDF");
    let mut sizes = Vec::new();
    let mut runs = Vec::new();
    let mut segments = Vec::new();
    for (n, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(page_id).unwrap();
        let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
        sizes.push((num(&mb[2]) - num(&mb[0]), num(&mb[3]) - num(&mb[1])));
        let fonts: HashMap<Vec<u8>, FontInfo> = doc
            .get_page_fonts(page_id)
            .unwrap()
            .into_iter()
            .map(|(k, d)| (k, font_info(&doc, d)))
            .collect();
        assert!(
            fonts.values().all(|f| f.embedded),
            "every font embedded (FontFile2)"
        );
        let content = Content::decode(&doc.get_page_content(page_id)).unwrap();
        segments.push(
            content
                .operations
                .iter()
                .filter(|o| o.operator == "l")
                .count(),
        );
        let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0, 0.0, 0.0);
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0].as_name().unwrap().to_vec();
                    size = num(&op.operands[1]);
                }
                "Tm" => {
                    x = num(&op.operands[4]);
                    y = num(&op.operands[5]);
                }
                "TJ" | "Tj" => {
                    let info = &fonts[&font];
                    let items = match &op.operands[0] {
                        Object::Array(a) => a.clone(),
                        other => vec![other.clone()],
                    };
                    let (mut text, mut adv) = (String::new(), 0.0);
                    for item in items {
                        match item {
                            Object::String(b, _) => {
                                for c in b.chunks(2) {
                                    let code = u16::from_be_bytes([c[0], c[1]]);
                                    text.push_str(
                                        info.to_unicode.get(&code).map_or("\u{fffd}", |s| s),
                                    );
                                    adv += info.widths.get(&code).copied().unwrap_or(0.0) / 1000.0
                                        * size;
                                }
                            }
                            other => adv -= num(&other) / 1000.0 * size,
                        }
                    }
                    runs.push(Placed {
                        page: n,
                        x,
                        y,
                        right: x + adv,
                        size,
                        text,
                    });
                    x += adv;
                }
                _ => {}
            }
        }
    }
    Parsed {
        doc,
        sizes,
        runs,
        segments,
    }
}

/// Assert every run lies inside `margin` pt of its page edges.
pub fn assert_inside(p: &Parsed, margin: f32) {
    for r in &p.runs {
        let (w, h) = p.sizes[r.page];
        let ok = r.x >= margin - 0.5
            && r.right <= w - margin + 0.5
            && r.y - r.size * 0.25 >= margin - 0.5
            && r.y + r.size * 0.8 <= h - margin + 0.5;
        assert!(ok, "run outside the margins on page {}: {r:?}", r.page + 1);
    }
}
