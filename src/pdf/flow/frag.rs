//! Fragments: unbreakable pieces of a page, built from text runs, lines,
//! rectangles and pictures.

use crate::pdf::font::{FontStyle, Fonts};
use crate::pdf::geom::{Elem, Mm, Rgb, Role, Tag, TextRun};
use crate::pdf::wrap::measure;

/// An unbreakable piece: elements with absolute x and y relative to its top.
#[derive(Debug, Clone, Default)]
pub struct Frag {
    pub height: Mm,
    pub elems: Vec<Elem>,
    /// Vertical space only; dropped at the top of a page.
    pub gap: bool,
    /// Outline entries that open on the page this fragment lands on.
    pub marks: Vec<(String, u8)>,
}

impl Frag {
    pub fn new(height: Mm) -> Self {
        Self {
            height,
            ..Self::default()
        }
    }

    pub fn gap(height: Mm) -> Self {
        Self {
            height,
            gap: true,
            ..Self::default()
        }
    }

    /// Open a structure element: what is added next belongs to it.
    pub fn open(&mut self, tag: Tag) {
        self.elems.push(Elem::Open(tag));
    }

    /// Close the innermost open structure element.
    pub fn close(&mut self) {
        self.elems.push(Elem::Close);
    }

    /// Put everything in this fragment from element `from` on into `tag`.
    pub fn wrap_from(&mut self, from: usize, tag: Tag) {
        let from = from.min(self.elems.len());
        self.elems.insert(from, Elem::Open(tag));
        self.elems.push(Elem::Close);
    }

    /// Put everything in this fragment into `tag`.
    pub fn wrap(&mut self, tag: Tag) {
        self.wrap_from(0, tag);
    }

    /// This fragment, wrapped in a structure element of `role`.
    pub fn tagged(mut self, role: Role) -> Self {
        self.wrap(Tag::new(role));
        self
    }

    /// Move the elements from `from` on to the front (a label drawn after
    /// its text that is read before it).
    pub fn move_to_front(&mut self, from: usize) {
        let from = from.min(self.elems.len());
        let n = self.elems.len() - from;
        self.elems.rotate_right(n);
    }

    /// Append another fragment below this one.
    pub fn stack(&mut self, other: Frag) {
        let dy = self.height;
        for mut e in other.elems {
            e.translate(Mm(0.0), dy);
            self.elems.push(e);
        }
        self.height += other.height;
        self.marks.extend(other.marks);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        fonts: &Fonts,
        x: Mm,
        baseline: Mm,
        text: &str,
        style: FontStyle,
        size: f32,
        color: Rgb,
    ) -> Mm {
        let clean = crate::pdf::font::sanitize(text, fonts.face(style));
        let width = measure(fonts, &clean, style, size);
        self.elems.push(Elem::Text(TextRun {
            x,
            y: baseline,
            size,
            font: style,
            color,
            text: clean,
            width,
        }));
        width
    }

    pub fn rect(&mut self, x: Mm, y: Mm, w: Mm, h: Mm, fill: Option<Rgb>, stroke: Option<Rgb>) {
        self.elems.push(Elem::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke: stroke.map(|c| (c, 0.8)),
        });
    }

    /// Text that ends at `right`; returns its width.
    #[allow(clippy::too_many_arguments)]
    pub fn text_right(
        &mut self,
        fonts: &Fonts,
        right: Mm,
        baseline: Mm,
        text: &str,
        style: FontStyle,
        size: f32,
        color: Rgb,
    ) -> Mm {
        let width = self.text(fonts, right, baseline, text, style, size, color);
        if let Some(Elem::Text(run)) = self.elems.last_mut() {
            run.x -= width;
        }
        width
    }

    /// A picture scaled to fit `max_w` × `max_h` at (`x`, `y`), tagged as a
    /// figure with `alt` as its text for a screen reader; returns its size.
    /// Whatever draws the picture draws inside this figure.
    #[allow(clippy::too_many_arguments)]
    pub fn picture(
        &mut self,
        x: Mm,
        y: Mm,
        max_w: Mm,
        max_h: Mm,
        picture: &crate::model::Picture,
        alt: &str,
    ) -> (Mm, Mm) {
        let aspect = picture.aspect();
        let (w, h) = if max_w.0 / max_h.0.max(0.1) > aspect {
            (Mm(max_h.0 * aspect), max_h)
        } else {
            (max_w, Mm(max_w.0 / aspect))
        };
        self.open(Tag::alt(Role::Figure, alt));
        self.elems.push(Elem::Image {
            x,
            y,
            w,
            h,
            picture: picture.clone(),
        });
        self.close();
        (w, h)
    }

    pub fn line(&mut self, x1: Mm, y1: Mm, x2: Mm, y2: Mm, width: f32, color: Rgb) {
        self.elems.push(Elem::Line {
            points: vec![(x1, y1), (x2, y2)],
            width,
            color,
        });
    }
}
