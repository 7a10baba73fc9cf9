//! Lists and table rows: a list item's label read before its body, a row's
//! cells in reading order.

use super::super::flow::{Flow, Frag};
use super::super::font::{FontStyle, Fonts};
use super::super::geom::{Elem, Mm, Rgb, Role, Tag, colors};
use super::super::wrap::{Piece, plain};
use super::{BODY, Ink, line_frags_with, text_frag};

/// A table row: `lead` in bold accent at `x`, `title` wrapped from `x + col`
/// in `title_width`. Callers add their own cells on the right.
pub fn lead_row(fonts: &Fonts, x: Mm, col: Mm, title_width: Mm, lead: &str, title: &str) -> Frag {
    let ink = Ink::BODY;
    let mut f = text_frag(
        fonts,
        &plain(title, FontStyle::Regular),
        ink,
        x + col,
        title_width,
    )
    .tagged(Role::TD);
    let n = f.elems.len();
    f.text(
        fonts,
        x,
        ink.baseline(),
        lead,
        FontStyle::Bold,
        BODY,
        colors::ACCENT,
    );
    f.wrap_from(n, Tag::new(Role::TD));
    f.move_to_front(n);
    f
}

/// Add a cell of text to a table row (see [`lead_row`]).
#[allow(clippy::too_many_arguments)]
pub fn cell_right(
    f: &mut Frag,
    fonts: &Fonts,
    right: Mm,
    baseline: Mm,
    text: &str,
    style: FontStyle,
    size: f32,
    color: Rgb,
) {
    let n = f.elems.len();
    f.text_right(fonts, right, baseline, text, style, size, color);
    f.wrap_from(n, Tag::new(Role::TD));
}

/// One list item (a LI in the list its caller opened): marker in the
/// accent colour, text hanging indented; the marker is read first.
pub fn list_item(flow: &mut Flow, marker: &str, pieces: &[Piece], ink: Ink, x: Mm, width: Mm) {
    let hang = Mm::from_pt(ink.size * 1.5);
    let fonts = flow.fonts;
    let hyphenate = flow.hyphenate;
    let mut frags = line_frags_with(fonts, pieces, ink, x + hang, width - hang, hyphenate);
    // An empty item shows nothing, not even its marker: it takes no room.
    let Some(first) = frags.first_mut() else {
        return;
    };
    {
        let style = if marker == "•" {
            FontStyle::Bold
        } else {
            FontStyle::Regular
        };
        label_first(first, |f| {
            f.text(
                fonts,
                x + Mm(0.5),
                ink.baseline(),
                marker,
                style,
                ink.size,
                colors::ACCENT,
            );
        });
    }
    flow.open(Role::LI);
    flow.lines(frags);
    flow.close();
    flow.close();
    flow.gap(Mm(0.8));
}

/// Put what `draw` adds to `first` (a list's marker) in a Lbl in front of
/// the fragment's text, and open the LBody for that text; the caller
/// closes the LBody after the item's last line.
pub fn label_first(first: &mut Frag, draw: impl FnOnce(&mut Frag)) {
    let n = first.elems.len();
    draw(first);
    first.wrap_from(n, Tag::new(Role::Lbl));
    first.move_to_front(n);
    let at = first.elems.len() - n;
    first.elems.insert(at, Elem::Open(Tag::new(Role::LBody)));
}
