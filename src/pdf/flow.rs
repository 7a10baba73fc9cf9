//! Pagination: fragments (unbreakable pieces of a page) flow down the body
//! area; a heading keeps with the first lines after it; nothing crosses the
//! bottom margin.

use super::font::Fonts;
use super::geom::{Elem, Geometry, Mark, Mm, Page, Tag};

mod frag;
mod sheet;

pub use frag::Frag;

/// The height of a line of body text (11 pt at 1.45), in mm: what a
/// heading keeps with is counted in these.
const LINE_MM: f32 = 5.6;

/// Places fragments on pages.
pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub geo: Geometry,
    /// Whether body text may be hyphenated (not on slides).
    pub hyphenate: bool,
    /// Printed on both sides of the paper: [`Flow::new_sheet`] starts on a
    /// front (an odd page).
    pub duplex: bool,
    pages: Vec<Page>,
    cur: Vec<Elem>,
    y: Mm,
    pending: Vec<Frag>,
    /// The heights of `pending` added up, kept as they come (not summed
    /// again for every line: a heading before thousands of list items).
    pending_h: f32,
    need: usize,
    /// The height that counts as the lines kept with a heading (a tall
    /// fragment, a question with its writing lines, is worth several).
    need_h: f32,
    /// Fragments added after the last heading that waits to keep, and their height.
    kept_since: usize,
    kept_h: f32,
    /// Outline entries placed so far.
    marks: Vec<Mark>,
    /// Outline entries that open on the page of the next thing placed.
    waiting: Vec<(String, u8)>,
    /// Structure elements that open with the next fragment.
    opening: Vec<Tag>,
    /// The level of the last heading tagged (0 before the first).
    last_heading: u8,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts, geo: Geometry) -> Self {
        Self {
            fonts,
            geo,
            hyphenate: true,
            duplex: false,
            pages: Vec::new(),
            cur: Vec::new(),
            y: geo.top,
            pending: Vec::new(),
            pending_h: 0.0,
            need: 0,
            need_h: 0.0,
            kept_since: 0,
            kept_h: 0.0,
            marks: Vec::new(),
            waiting: Vec::new(),
            opening: Vec::new(),
            last_heading: 0,
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

    /// Whether anything is drawn on the current page yet (structure marks
    /// alone are not).
    fn drawn(&self) -> bool {
        self.cur.iter().any(|e| e.extent().is_some())
    }

    /// Start a new page unless the current one is still empty.
    pub fn page_break(&mut self) {
        self.flush_pending();
        if !self.at_top() || self.drawn() {
            self.next_page();
        }
    }

    /// Move the cursor to an absolute position (on the current page).
    pub fn set_y(&mut self, y: Mm) {
        self.flush_pending();
        self.y = y.min(self.geo.bottom);
    }

    /// Add a fragment that keeps with the next `lines` fragments. What
    /// already waits and has had something after its heading is placed
    /// first: keeping stays between a heading and what follows it, and does
    /// not chain from one section to the next.
    pub fn keep(&mut self, mut f: Frag, lines: usize) {
        self.tag(&mut f);
        if self.kept_since > 0 {
            self.flush_pending();
        }
        if lines == 0 && self.pending.is_empty() {
            self.add(f);
            return;
        }
        self.hold(f);
        self.need = self.need.max(lines);
        self.need_h = self.need_h.max(lines as f32 * LINE_MM);
        self.kept_since = 0;
        self.kept_h = 0.0;
    }

    /// The outline entries asked for since the last fragment go with this one.
    fn tag(&mut self, f: &mut Frag) {
        if !f.gap {
            f.marks.append(&mut self.waiting);
            if !self.opening.is_empty() {
                let opens = self.opening.drain(..).map(Elem::Open);
                f.elems.splice(0..0, opens);
            }
        }
    }

    pub fn add(&mut self, mut f: Frag) {
        self.tag(&mut f);
        if self.need > 0 {
            if !f.gap {
                self.need -= 1;
                self.kept_since += 1;
                self.kept_h += f.height.0;
            }
            self.hold(f);
            if self.need == 0 || self.kept_h >= self.need_h - 0.01 {
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
    /// never starts or ends with a single line of a paragraph. A heading
    /// waiting to keep with these lines counts as already on the page.
    pub fn lines(&mut self, frags: Vec<Frag>) {
        let n = frags.len();
        let mut break_after = None;
        let pending = self.pending_h;
        let avail = self.remaining().0 - pending;
        if n >= 2 && !self.at_top() && avail >= 0.0 {
            let line = frags.iter().map(|f| f.height.0).fold(0.0, f32::max);
            let fit = if line > 0.0 {
                (avail / line + 0.001).floor() as usize
            } else {
                n
            };
            if fit < n {
                if fit < 2 || (n - fit < 2 && n < 4) {
                    self.move_pending_to_next_page();
                } else if n - fit < 2 {
                    break_after = Some(n - 2);
                }
            }
        }
        for (i, f) in frags.into_iter().enumerate() {
            if break_after == Some(i) {
                self.flush_pending();
                self.next_page();
            }
            self.add(f);
        }
    }

    /// Start a new page and carry what waits to be kept along to it.
    fn move_pending_to_next_page(&mut self) {
        self.next_page();
        self.flush_pending();
    }

    /// Place everything that waits to keep with what follows, so that
    /// [`Flow::remaining`] tells what is really left.
    pub fn settle(&mut self) {
        self.flush_pending();
    }

    /// The height `add` takes when laid out on an endless page.
    pub fn measure(&self, add: impl Fn(&mut Flow)) -> Mm {
        let mut geo = self.geo;
        geo.bottom = geo.top + Mm(100_000.0);
        let mut scratch = Flow::new(self.fonts, geo);
        scratch.hyphenate = self.hyphenate;
        add(&mut scratch);
        scratch.flush_pending();
        scratch.y - geo.top
    }

    /// The height of the body area of a page.
    pub fn page_height(&self) -> Mm {
        self.body_height()
    }

    /// Start a new page when less than `h` is left (a case should not begin
    /// in the last lines of a page). What waits to keep with the next thing
    /// (a section heading) moves along.
    pub fn need_space(&mut self, h: Mm) {
        // Only a heading (with its meta line) that nothing followed yet
        // moves along; a heading with text under it stays where it is.
        if self.kept_since > 0 {
            self.flush_pending();
        }
        let pending = self.pending_h;
        if pending + h.0 > self.remaining().0 && !self.at_top() {
            self.move_pending_to_next_page();
        } else {
            self.flush_pending();
        }
    }

    /// Lay out `add` on one page when it is short (at most `share` of a page):
    /// measured first on an endless page, then placed, after a page break if
    /// it would not fit in what is left.
    pub fn unit(&mut self, share: f32, add: impl Fn(&mut Flow)) {
        let height = self.measure(&add).0;
        self.flush_pending();
        // Room for the gap before the first heading, which the scratch page skips.
        if height <= self.body_height().0 * share && height + 8.0 > self.remaining().0 {
            self.page_break();
        }
        add(self);
    }

    /// Keep `f` waiting with what follows.
    fn hold(&mut self, f: Frag) {
        self.pending_h += f.height.0;
        self.pending.push(f);
    }

    fn flush_pending(&mut self) {
        self.need = 0;
        self.need_h = 0.0;
        self.kept_since = 0;
        self.kept_h = 0.0;
        let pending = std::mem::take(&mut self.pending);
        let total = std::mem::take(&mut self.pending_h);
        if total > self.remaining().0 && !self.at_top() && total <= self.body_height().0 {
            self.next_page();
        }
        for f in pending {
            self.place(f);
        }
    }

    /// An outline entry for what is placed next.
    pub fn mark(&mut self, title: &str, level: u8) {
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            self.waiting.push((title, level));
        }
    }

    fn place(&mut self, mut f: Frag) {
        if f.gap {
            if !self.at_top() {
                self.y = (self.y + f.height).min(self.geo.bottom);
            }
            // Structure marks only, never drawn: they keep their place.
            self.cur.extend(f.elems);
            return;
        }
        if f.height.0 > self.remaining().0 + 0.01 && !self.at_top() {
            self.next_page();
        }
        let page = self.pages.len();
        for (title, level) in f.marks.drain(..) {
            self.marks.push(Mark {
                title,
                level,
                page,
                y: self.y,
            });
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

    /// Finish: flush and return the pages.
    pub fn finish(self) -> Vec<Page> {
        self.finish_marked().0
    }

    /// Finish: flush and return the pages and the outline.
    pub fn finish_marked(mut self) -> (Vec<Page>, Vec<Mark>) {
        self.flush_pending();
        if !self.cur.is_empty() || self.pages.is_empty() {
            self.next_page();
        }
        let last = self.pages.len().saturating_sub(1);
        for (title, level) in self.waiting.drain(..) {
            self.marks.push(Mark {
                title,
                level,
                page: last,
                y: self.geo.top,
            });
        }
        (self.pages, self.marks)
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
