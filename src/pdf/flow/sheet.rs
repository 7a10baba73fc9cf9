//! Structure marks, sheets for double-sided printing and fragments taller
//! than a page: the parts of [`Flow`] beyond placing fragments in order.

use super::super::font::{FontStyle, Fonts};
use super::super::geom::{Elem, Geometry, Mm, Page, Role, Tag, colors};
use super::{Flow, Frag};

impl Flow<'_> {
    /// The heading role for a heading of `level` (1–3): never more than one
    /// level below the heading before it (a H3 right under a H1 is a H2),
    /// as PDF/UA asks.
    pub fn heading_role(&mut self, level: u8) -> Role {
        let level = level.clamp(1, 3).min(self.last_heading + 1);
        self.last_heading = level;
        Role::heading(level)
    }

    /// Open a structure element (a list, a paragraph of several lines, a
    /// table) around the fragments added until the matching [`Flow::close`].
    pub fn open(&mut self, role: Role) {
        self.opening.push(Tag::new(role));
    }

    /// Close the structure element opened last. One that got nothing is
    /// dropped.
    pub fn close(&mut self) {
        if self.opening.pop().is_some() {
            return;
        }
        match self.pending.iter_mut().rev().find(|f| !f.gap) {
            Some(f) => f.elems.push(Elem::Close),
            None => self.cur.push(Elem::Close),
        }
    }

    /// Start on a sheet of its own: a new page, and printed double-sided
    /// ([`Flow::duplex`]) a front, after a back that says it is left blank
    /// on purpose. A heading that waits for what follows comes along.
    /// Printed single-sided this is a page break.
    pub fn new_sheet(&mut self) {
        if !self.duplex {
            self.page_break();
            return;
        }
        if self.kept_since > 0 {
            self.flush_pending();
        }
        if !self.at_top() || self.drawn() {
            self.next_page();
        }
        if self.pages.len() % 2 == 1 {
            self.pages.push(blank_page(self.fonts, self.geo));
        }
        self.flush_pending();
    }

    /// A fragment taller than a page: split between its elements.
    pub(super) fn place_giant(&mut self, f: Frag) {
        // A structure mark goes with the element after it (a close with the
        // one before): it keeps its place in the reading order.
        let mut key = Mm(0.0);
        let mut keyed: Vec<(Mm, Elem)> = Vec::with_capacity(f.elems.len());
        let mut waiting = Vec::new();
        for e in f.elems {
            match e.extent() {
                Some((top, _)) => {
                    key = top;
                    keyed.extend(waiting.drain(..).map(|w| (top, w)));
                    keyed.push((top, e));
                }
                None if matches!(e, Elem::Close) && waiting.is_empty() => keyed.push((key, e)),
                None => waiting.push(e),
            }
        }
        keyed.extend(waiting.into_iter().map(|w| (key, w)));
        keyed.sort_by(|a, b| a.0.0.total_cmp(&b.0.0));
        let elems: Vec<Elem> = keyed.into_iter().map(|(_, e)| e).collect();
        let mut offset = elems.iter().find_map(Elem::extent).map_or(Mm(0.0), |e| e.0);
        let mut band_bottom = Mm(0.0);
        for mut e in elems {
            let Some((top, bottom)) = e.extent() else {
                self.cur.push(e);
                continue;
            };
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
}

/// The words on a page left blank so that what follows starts on a front.
pub const BLANK: &str = "Deze pagina is bewust leeg";

/// A back left blank on purpose, saying so in the middle of the page.
fn blank_page(fonts: &Fonts, geo: Geometry) -> Page {
    let mut f = Frag::default();
    let size = 11.0;
    let w = super::super::wrap::measure(fonts, BLANK, FontStyle::Italic, size);
    f.text(
        fonts,
        (geo.width - w) * 0.5,
        geo.height * 0.5,
        BLANK,
        FontStyle::Italic,
        size,
        colors::MUTED,
    );
    Page {
        width: geo.width,
        height: geo.height,
        elems: f.tagged(Role::Artifact).elems,
    }
}
