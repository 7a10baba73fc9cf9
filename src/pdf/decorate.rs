//! Running header and footer, and fitting a line of text into a width.

use super::flow::Frag;
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mm, Page, colors};
use super::wrap::measure;

/// Running header (workshop title, document name) and footer ("pagina X van
/// Y") on every page from `first` on.
pub fn decorate(
    fonts: &Fonts,
    pages: &mut [Page],
    geo: Geometry,
    title: &str,
    doc_name: &str,
    first: usize,
) {
    let total = pages.len();
    let size = 9.0;
    let header_y = geo.margin + Mm(4.5);
    let footer_y = geo.height - geo.margin - Mm(1.5);
    for (i, page) in pages.iter_mut().enumerate().skip(first) {
        let mut f = Frag::default();
        let right_w = f.text_right(
            fonts,
            geo.right,
            header_y,
            doc_name,
            FontStyle::Regular,
            size,
            colors::MUTED,
        );
        let max_title = (geo.right - geo.left - right_w - Mm(8.0)).max(Mm(20.0));
        let title = fit(fonts, title, FontStyle::Bold, size, max_title);
        f.text(
            fonts,
            geo.left,
            header_y,
            &title,
            FontStyle::Bold,
            size,
            colors::MUTED,
        );
        f.line(
            geo.left,
            header_y + Mm(2.5),
            geo.right,
            header_y + Mm(2.5),
            0.5,
            colors::RULE,
        );
        f.text_right(
            fonts,
            geo.right,
            footer_y,
            &format!("pagina {} van {}", i + 1, total),
            FontStyle::Regular,
            size,
            colors::MUTED,
        );
        f.rect(
            geo.left,
            footer_y - Mm(2.6),
            Mm(6.0),
            Mm(0.9),
            Some(colors::ACCENT),
            None,
        );
        page.elems.extend(f.elems);
    }
}

/// Shorten `text` with an ellipsis until it fits `max`.
pub fn fit(fonts: &Fonts, text: &str, style: FontStyle, size: f32, max: Mm) -> String {
    if measure(fonts, text, style, size) <= max {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if measure(fonts, &s, style, size) <= max {
            return s;
        }
    }
    String::new()
}
