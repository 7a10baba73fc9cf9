//! Running header and footer, and fitting a line of text into a width.

use super::flow::Frag;
use super::font::{FontStyle, Fonts};
use super::geom::{Geometry, Mm, Page, Role, colors};
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
    // The same on every page: fitted once.
    let mut fitted: Option<String> = None;
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
        let title = fitted
            .get_or_insert_with(|| fit(fonts, title, FontStyle::Bold, size, max_title))
            .clone();
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
        page.elems.extend(f.tagged(Role::Artifact).elems);
    }
}

/// Shorten `text` with an ellipsis until it fits `max`: the longest start
/// (trailing white space dropped) that fits with the `…`. One pass over the
/// characters with their running width, so a long title costs linear time.
pub fn fit(fonts: &Fonts, text: &str, style: FontStyle, size: f32, max: Mm) -> String {
    if measure(fonts, text, style, size) <= max {
        return text.to_owned();
    }
    let face = fonts.face(style);
    let room = max.0 - measure(fonts, "…", style, size).0;
    let mut width = 0.0f32;
    // The end of the longest fitting start, without its trailing white space.
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        width += Mm::from_pt(face.width_pt(c.encode_utf8(&mut buf), size)).0;
        if width > room {
            break;
        }
        if !c.is_whitespace() {
            end = i + c.len_utf8();
        }
    }
    if end == 0 && room < 0.0 {
        return String::new();
    }
    format!("{}…", text.get(..end).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old way: drop one character at a time and measure again.
    fn fit_slowly(fonts: &Fonts, text: &str, style: FontStyle, size: f32, max: Mm) -> String {
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

    #[test]
    fn fits_like_the_slow_way() {
        let fonts = super::super::font::fonts().unwrap();
        let texts = [
            "Het vurige kind in de klas",
            "Een heel lange titel met woorden   en spaties die niet past",
            "ÅÉÎ — werk • met ✓ en 漢字 en emoji 🔥 dat ook niet past",
            "kort",
            "",
        ];
        for text in texts {
            for max in [0.5, 3.0, 10.0, 20.0, 35.0, 80.0, 400.0] {
                for style in [FontStyle::Regular, FontStyle::Bold] {
                    assert_eq!(
                        fit(fonts, text, style, 9.0, Mm(max)),
                        fit_slowly(fonts, text, style, 9.0, Mm(max)),
                        "{text:?} in {max} mm"
                    );
                }
            }
        }
    }
}
