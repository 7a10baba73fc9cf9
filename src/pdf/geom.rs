//! The output of layout: pages of positioned text runs, lines and rectangles,
//! in millimetres from the top-left corner of the page. No PDF in here.

use std::ops::{Add, AddAssign, Mul, Sub, SubAssign};

use super::font::FontStyle;

/// A length in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Mm(pub f32);

impl Mm {
    /// Points to millimetres.
    pub fn from_pt(pt: f32) -> Self {
        Mm(pt * 25.4 / 72.0)
    }

    pub fn to_pt(self) -> f32 {
        self.0 * 72.0 / 25.4
    }

    pub fn max(self, other: Mm) -> Mm {
        Mm(self.0.max(other.0))
    }

    pub fn min(self, other: Mm) -> Mm {
        Mm(self.0.min(other.0))
    }
}

impl Add for Mm {
    type Output = Mm;
    fn add(self, o: Mm) -> Mm {
        Mm(self.0 + o.0)
    }
}

impl Sub for Mm {
    type Output = Mm;
    fn sub(self, o: Mm) -> Mm {
        Mm(self.0 - o.0)
    }
}

impl Mul<f32> for Mm {
    type Output = Mm;
    fn mul(self, f: f32) -> Mm {
        Mm(self.0 * f)
    }
}

impl AddAssign for Mm {
    fn add_assign(&mut self, o: Mm) {
        self.0 += o.0;
    }
}

impl SubAssign for Mm {
    fn sub_assign(&mut self, o: Mm) {
        self.0 -= o.0;
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The palette: dark ink, one warm accent, print-friendly tints.
pub mod colors {
    use super::Rgb;
    pub const INK: Rgb = Rgb(0x22, 0x22, 0x22);
    pub const MUTED: Rgb = Rgb(0x5f, 0x5f, 0x5f);
    pub const ACCENT: Rgb = Rgb(0xc8, 0x55, 0x1b);
    pub const TINT: Rgb = Rgb(0xfb, 0xed, 0xe2);
    pub const RULE: Rgb = Rgb(0xb4, 0xb4, 0xb4);
    pub const LIGHT: Rgb = Rgb(0xf2, 0xf2, 0xf2);
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
}

/// A run of text in one face, size and colour; `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: Mm,
    pub y: Mm,
    pub size: f32,
    pub font: FontStyle,
    pub color: Rgb,
    pub text: String,
    /// Advance width of the whole run.
    pub width: Mm,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    Text(TextRun),
    /// A straight line (or polyline) of `width` pt.
    Line {
        points: Vec<(Mm, Mm)>,
        width: f32,
        color: Rgb,
    },
    /// A rectangle, filled and/or stroked; (`x`, `y`) is the top-left corner.
    Rect {
        x: Mm,
        y: Mm,
        w: Mm,
        h: Mm,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A slide picture scaled into `w` × `h`; (`x`, `y`) is the top-left corner.
    Image {
        x: Mm,
        y: Mm,
        w: Mm,
        h: Mm,
        picture: crate::model::Picture,
    },
    /// Opens a structure element (or an artifact): what follows, up to the
    /// matching [`Elem::Close`], belongs to it in the tagged PDF.
    Open(Tag),
    /// Closes the innermost open [`Elem::Open`].
    Close,
}

/// The role of a structure element in the tagged PDF (PDF/UA-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
    /// Not content: headers, footers, rules, writing lines.
    Artifact,
}

impl Role {
    /// The standard structure type's name.
    pub fn name(self) -> &'static str {
        match self {
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
            Role::Artifact => "Artifact",
        }
    }

    /// The heading role for outline level 1, 2 or 3.
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        }
    }
}

/// A structure element to open: its role and, for a figure or a drawn
/// label, the text a screen reader says instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub role: Role,
    pub alt: Option<String>,
}

impl Tag {
    pub fn new(role: Role) -> Self {
        Self { role, alt: None }
    }

    pub fn alt(role: Role, alt: &str) -> Self {
        Self {
            role,
            alt: Some(alt.to_owned()),
        }
    }
}

impl Elem {
    /// Shift down (or up) by `dy` and right by `dx`.
    pub fn translate(&mut self, dx: Mm, dy: Mm) {
        match self {
            Elem::Text(t) => {
                t.x += dx;
                t.y += dy;
            }
            Elem::Line { points, .. } => {
                for p in points {
                    p.0 += dx;
                    p.1 += dy;
                }
            }
            Elem::Rect { x, y, .. } | Elem::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Elem::Open(_) | Elem::Close => {}
        }
    }

    /// Top and bottom of the element (text: from ascender to descender);
    /// a structure mark has none (`None`).
    pub fn extent(&self) -> Option<(Mm, Mm)> {
        match self {
            Elem::Open(_) | Elem::Close => None,
            e => Some(e.vertical_extent()),
        }
    }

    /// Top and bottom of the element (text: from ascender to descender; a
    /// structure mark: an empty span at 0).
    pub fn vertical_extent(&self) -> (Mm, Mm) {
        match self {
            Elem::Text(t) => {
                let size = Mm::from_pt(t.size);
                (t.y - size * 0.8, t.y + size * 0.25)
            }
            Elem::Line { points, .. } => {
                let top = points.iter().map(|p| p.1.0).fold(f32::MAX, f32::min);
                let bottom = points.iter().map(|p| p.1.0).fold(f32::MIN, f32::max);
                (Mm(top), Mm(bottom))
            }
            Elem::Rect { y, h, .. } | Elem::Image { y, h, .. } => (*y, *y + *h),
            Elem::Open(_) | Elem::Close => (Mm(0.0), Mm(0.0)),
        }
    }
}

/// A laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: Mm,
    pub height: Mm,
    pub elems: Vec<Elem>,
}

impl Page {
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.elems.iter().filter_map(|e| match e {
            Elem::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// Page geometry: size and the area for the body text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: Mm,
    pub height: Mm,
    /// The outer margin nothing may cross (header and footer sit just inside).
    pub margin: Mm,
    pub left: Mm,
    pub right: Mm,
    pub top: Mm,
    pub bottom: Mm,
}

impl Geometry {
    pub const A4_PORTRAIT: Geometry = Geometry {
        width: Mm(210.0),
        height: Mm(297.0),
        margin: Mm(20.0),
        left: Mm(24.0),
        right: Mm(186.0),
        top: Mm(33.0),
        bottom: Mm(268.0),
    };

    pub const A4_LANDSCAPE: Geometry = Geometry {
        width: Mm(297.0),
        height: Mm(210.0),
        margin: Mm(20.0),
        left: Mm(26.0),
        right: Mm(271.0),
        top: Mm(24.0),
        bottom: Mm(182.0),
    };

    pub fn text_width(&self) -> Mm {
        self.right - self.left
    }
}

/// An entry of the document outline (bookmarks): a title, its level (1 for
/// a section, 2 for an item within it), the 0-based page it opens and
/// the top of its heading on that page.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub title: String,
    pub level: u8,
    pub page: usize,
    pub y: Mm,
}

/// A finished document: metadata, pages and outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub language: String,
    pub pages: Vec<Page>,
    pub outline: Vec<Mark>,
}
