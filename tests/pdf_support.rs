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
}

impl Parsed {
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
        let raw = info.get(key).unwrap().as_str().unwrap();
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

struct FontInfo {
    to_unicode: HashMap<u16, String>,
    widths: HashMap<u16, f32>,
    embedded: bool,
}

fn hex_u16(s: &str) -> Vec<u16> {
    (0..s.len() / 4)
        .map(|i| u16::from_str_radix(&s[4 * i..4 * i + 4], 16).unwrap())
        .collect()
}

fn font_info(doc: &Document, font: &lopdf::Dictionary) -> FontInfo {
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
    Parsed { doc, sizes, runs }
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
