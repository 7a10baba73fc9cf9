//! Fragments: unbreakable pieces of a page, built from text runs, lines,
//! rectangles and pictures.

use crate::pdf::font::{FontStyle, Fonts};
use crate::pdf::geom::{Elem, Mm, Rgb, TextRun};
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

    /// A picture scaled to fit `max_w` × `max_h` at (`x`, `y`); returns its size.
    pub fn picture(
        &mut self,
        x: Mm,
        y: Mm,
        max_w: Mm,
        max_h: Mm,
        picture: &crate::model::Picture,
    ) -> (Mm, Mm) {
        let aspect = picture.aspect();
        let (w, h) = if max_w.0 / max_h.0.max(0.1) > aspect {
            (Mm(max_h.0 * aspect), max_h)
        } else {
            (max_w, Mm(max_w.0 / aspect))
        };
        self.elems.push(Elem::Image {
            x,
            y,
            w,
            h,
            picture: picture.clone(),
        });
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
