//! Pagination: fragments (unbreakable pieces of a page) flow down the body
//! area; a heading keeps with the first lines after it; nothing crosses the
//! bottom margin.

use super::font::{FontStyle, Fonts};
use super::geom::{Elem, Geometry, Mm, Page, Rgb, TextRun};
use super::wrap::measure;

/// An unbreakable piece: elements with absolute x and y relative to its top.
#[derive(Debug, Clone, Default)]
pub struct Frag {
    pub height: Mm,
    pub elems: Vec<Elem>,
    /// Vertical space only; dropped at the top of a page.
    pub gap: bool,
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
            elems: Vec::new(),
            gap: true,
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
        let clean = super::font::sanitize(text, fonts.face(style));
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

/// Places fragments on pages.
pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub geo: Geometry,
    pages: Vec<Page>,
    cur: Vec<Elem>,
    y: Mm,
    pending: Vec<Frag>,
    need: usize,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts, geo: Geometry) -> Self {
        Self {
            fonts,
            geo,
            pages: Vec::new(),
            cur: Vec::new(),
            y: geo.top,
            pending: Vec::new(),
            need: 0,
        }
    }

    pub fn remaining(&self) -> Mm {
        self.geo.bottom - self.y
    }

    fn at_top(&self) -> bool {
        self.y.0 <= self.geo.top.0 + 0.01
    }

    fn body_height(&self) -> Mm {
        self.geo.bottom - self.geo.top
    }

    fn next_page(&mut self) {
        let elems = std::mem::take(&mut self.cur);
        self.pages.push(Page {
            width: self.geo.width,
            height: self.geo.height,
            elems,
        });
        self.y = self.geo.top;
    }

    /// Start a new page unless the current one is still empty.
    pub fn page_break(&mut self) {
        self.flush_pending();
        if !self.at_top() || !self.cur.is_empty() {
            self.next_page();
        }
    }

    /// Move the cursor to an absolute position (on the current page).
    pub fn set_y(&mut self, y: Mm) {
        self.flush_pending();
        self.y = y.min(self.geo.bottom);
    }

    /// Add a fragment that keeps with the next `lines` fragments.
    pub fn keep(&mut self, f: Frag, lines: usize) {
        self.pending.push(f);
        self.need = self.need.max(lines);
    }

    pub fn add(&mut self, f: Frag) {
        if self.need > 0 {
            if !f.gap {
                self.need -= 1;
            }
            self.pending.push(f);
            if self.need == 0 {
                self.flush_pending();
            }
        } else {
            self.place(f);
        }
    }

    pub fn gap(&mut self, h: Mm) {
        self.add(Frag::gap(h));
    }

    /// The lines of one paragraph, with widow and orphan control: a page
    /// never starts or ends with a single line of a paragraph.
    pub fn lines(&mut self, frags: Vec<Frag>) {
        let n = frags.len();
        let mut break_after = None;
        if n >= 2 && self.need == 0 && !self.at_top() {
            let line = frags.iter().map(|f| f.height.0).fold(0.0, f32::max);
            let fit = if line > 0.0 {
                (self.remaining().0 / line + 0.001).floor() as usize
            } else {
                n
            };
            if fit < n {
                if fit < 2 {
                    self.next_page();
                } else if n - fit < 2 && n >= 4 {
                    break_after = Some(n - 2);
                } else if n - fit < 2 {
                    self.next_page();
                }
            }
        }
        for (i, f) in frags.into_iter().enumerate() {
            if break_after == Some(i) {
                self.next_page();
            }
            self.add(f);
        }
    }

    /// Start a new page when less than `h` is left (a case should not begin
    /// in the last lines of a page).
    pub fn need_space(&mut self, h: Mm) {
        self.flush_pending();
        if self.remaining().0 < h.0 && !self.at_top() {
            self.next_page();
        }
    }

    /// Lay out `add` on one page when it is short (at most `share` of a page):
    /// measured first on an endless page, then placed, after a page break if
    /// it would not fit in what is left.
    pub fn unit(&mut self, share: f32, add: impl Fn(&mut Flow)) {
        let mut geo = self.geo;
        geo.bottom = geo.top + Mm(100_000.0);
        let mut scratch = Flow::new(self.fonts, geo);
        add(&mut scratch);
        scratch.flush_pending();
        let height = (scratch.y - geo.top).0;
        self.flush_pending();
        // Room for the gap before the first heading, which the scratch page skips.
        if height <= self.body_height().0 * share && height + 8.0 > self.remaining().0 {
            self.page_break();
        }
        add(self);
    }

    fn flush_pending(&mut self) {
        self.need = 0;
        let pending = std::mem::take(&mut self.pending);
        let total = pending.iter().map(|f| f.height.0).sum::<f32>();
        if total > self.remaining().0 && !self.at_top() && total <= self.body_height().0 {
            self.next_page();
        }
        for f in pending {
            self.place(f);
        }
    }

    fn place(&mut self, f: Frag) {
        if f.gap {
            if !self.at_top() {
                self.y = (self.y + f.height).min(self.geo.bottom);
            }
            return;
        }
        if f.height.0 > self.remaining().0 + 0.01 && !self.at_top() {
            self.next_page();
        }
        if f.height.0 > self.body_height().0 + 0.01 {
            self.place_giant(f);
            return;
        }
        for mut e in f.elems {
            e.translate(Mm(0.0), self.y);
            self.cur.push(e);
        }
        self.y += f.height;
    }

    /// A fragment taller than a page: split between its elements.
    fn place_giant(&mut self, f: Frag) {
        let mut elems = f.elems;
        elems.sort_by(|a, b| a.vertical_extent().0.0.total_cmp(&b.vertical_extent().0.0));
        let mut offset = elems.first().map_or(Mm(0.0), |e| e.vertical_extent().0);
        let mut band_bottom = Mm(0.0);
        for mut e in elems {
            let (top, bottom) = e.vertical_extent();
            if (bottom - offset).0 > self.remaining().0 {
                self.y += band_bottom - offset;
                self.next_page();
                offset = top;
            }
            band_bottom = band_bottom.max(bottom);
            e.translate(Mm(0.0), self.y - offset);
            self.cur.push(e);
        }
        self.y = (self.y + band_bottom - offset).min(self.geo.bottom);
    }

    /// Finish: flush and return the pages.
    pub fn finish(mut self) -> Vec<Page> {
        self.flush_pending();
        if !self.cur.is_empty() || self.pages.is_empty() {
            self.next_page();
        }
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::fonts;

    /// A 10 mm line with one element, so it shows up in a page's elements.
    fn line() -> Frag {
        let mut l = Frag::new(Mm(10.0));
        l.rect(Mm(0.0), Mm(0.0), Mm(1.0), Mm(1.0), None, None);
        l
    }

    /// A flow on A4 with the cursor `left` mm above the bottom of the body.
    fn flow_with(left: f32) -> Flow<'static> {
        let mut flow = Flow::new(fonts().unwrap(), Geometry::A4_PORTRAIT);
        let used = flow.remaining().0 - left;
        flow.add(Frag::new(Mm(used)));
        flow
    }

    fn lines_per_page(flow: Flow) -> Vec<usize> {
        flow.finish().iter().map(|p| p.elems.len()).collect()
    }

    #[test]
    fn no_single_line_at_the_bottom_or_top() {
        // Room for one line: the whole paragraph moves (no orphan).
        let mut f = flow_with(15.0);
        f.lines(vec![line(), line(), line()]);
        assert_eq!(lines_per_page(f), vec![0, 3]);
        // Room for four of five lines: three stay, two go (no widow).
        let mut f = flow_with(45.0);
        f.lines((0..5).map(|_| line()).collect());
        assert_eq!(lines_per_page(f), vec![3, 2]);
        // Room for three of five: a normal break, two and more on each side.
        let mut f = flow_with(35.0);
        f.lines((0..5).map(|_| line()).collect());
        assert_eq!(lines_per_page(f), vec![3, 2]);
    }

    #[test]
    fn a_short_unit_moves_to_the_next_page_whole() {
        let mut f = flow_with(30.0);
        f.unit(0.45, |flow| {
            for _ in 0..5 {
                flow.add(line());
            }
        });
        assert_eq!(lines_per_page(f), vec![0, 5]);
    }
}
