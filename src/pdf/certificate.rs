//! The bewijs van deelname: one A4 page per participant, for the teacher's
//! professional-development file.

use crate::model::Workshop;

use super::blocks::{BODY, Ink, title_frag};
use super::flow::{Flow, Frag};
use super::font::{FontStyle, Fonts, unprintable};
use super::geom::{Geometry, Mark, Mm, Page, Role, colors};
use super::wrap::plain;
use super::{DocKind, ExportRequest, PdfError};

/// "2,5 uur", "3 uur", "0,75 uur": hours with a decimal comma.
pub fn hours(minutes: u32) -> String {
    let h = f64::from(minutes) / 60.0;
    let mut s = format!("{h:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    format!("{} uur", s.replace('.', ","))
}

/// Every name must print: a name in a script no bundled font has would
/// come out as a note instead of the name, which is no certificate.
pub fn check_names(names: &[String]) -> Result<(), PdfError> {
    if names.is_empty() {
        return Err(PdfError::NoNames);
    }
    // Letters that cannot print would lose the name; an emoji only drops out.
    let bad: Vec<String> = names
        .iter()
        .filter(|n| unprintable(n).map_or(true, |u| u.iter().any(|(_, c)| c.is_alphanumeric())))
        .map(|n| format!("‘{n}’"))
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(PdfError::Unprintable(bad.join(", ")))
    }
}

/// A label and its value, or a line to write on when there is none.
fn fact(f: &mut Flow, label: &str, value: Option<&str>) {
    let fonts = f.fonts;
    let x = f.geo.left + Mm(20.0);
    let mut row = Frag::new(Mm(11.0));
    // The space keeps label and value two words when the text is read out.
    row.text(
        fonts,
        x,
        Mm(7.0),
        &format!("{label} "),
        FontStyle::Bold,
        BODY,
        colors::MUTED,
    );
    let vx = x + Mm(32.0);
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => {
            let v = super::decorate::fit(fonts, v, FontStyle::Regular, 13.0, Mm(100.0));
            row.text(
                fonts,
                vx,
                Mm(7.0),
                &v,
                FontStyle::Regular,
                13.0,
                colors::INK,
            );
        }
        None => row.line(vx, Mm(8.2), vx + Mm(90.0), Mm(8.2), 0.6, colors::RULE),
    }
    f.add(row.tagged(Role::P));
}

/// The certificate's page for `name`, and where the name stands on it.
fn page(fonts: &Fonts, w: &Workshop, req: &ExportRequest, name: &str) -> (Vec<Page>, Mm) {
    let geo = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, geo);
    let x = geo.left;
    let width = geo.text_width();
    let mut frame = Frag::new(Mm(0.0));
    let edge = geo.margin - Mm(6.0);
    frame.rect(
        edge,
        edge,
        geo.width - edge * 2.0,
        geo.height - edge * 2.0,
        None,
        Some(colors::ACCENT),
    );
    frame.rect(
        edge,
        edge,
        geo.width - edge * 2.0,
        Mm(3.0),
        Some(colors::ACCENT),
        None,
    );
    flow.set_y(Mm(52.0));
    let centre = |flow: &mut Flow, text: &str, style: FontStyle, size: f32, color, role| {
        let ink = Ink {
            size,
            color,
            leading: 1.25,
        };
        let mut f = title_frag(flow.fonts, &plain(text, style), ink, x, width);
        for e in &mut f.elems {
            if let super::geom::Elem::Text(t) = e {
                t.x += (width - t.width) * 0.5;
            }
        }
        flow.add(f.tagged(role));
    };
    centre(
        &mut flow,
        DocKind::Certificate.title(),
        FontStyle::Bold,
        30.0,
        colors::ACCENT,
        Role::H1,
    );
    flow.gap(Mm(16.0));
    centre(
        &mut flow,
        "Hierbij verklaren wij dat",
        FontStyle::Regular,
        13.0,
        colors::MUTED,
        Role::P,
    );
    flow.gap(Mm(6.0));
    let name_y = geo.bottom - flow.remaining();
    centre(&mut flow, name, FontStyle::Bold, 26.0, colors::INK, Role::P);
    flow.gap(Mm(6.0));
    centre(
        &mut flow,
        "heeft deelgenomen aan de nascholing",
        FontStyle::Regular,
        13.0,
        colors::MUTED,
        Role::P,
    );
    flow.gap(Mm(5.0));
    centre(
        &mut flow,
        &w.title,
        FontStyle::Bold,
        18.0,
        colors::INK,
        Role::P,
    );
    if !w.subtitle.trim().is_empty() {
        flow.gap(Mm(2.0));
        centre(
            &mut flow,
            &w.subtitle,
            FontStyle::Italic,
            13.0,
            colors::MUTED,
            Role::P,
        );
    }
    flow.set_y(Mm(160.0));
    let duration = hours(w.total_minutes());
    fact(&mut flow, "Datum", req.date.as_deref());
    fact(&mut flow, "Duur", Some(&duration));
    fact(&mut flow, "Trainer", req.trainer.as_deref());
    fact(&mut flow, "School", req.school.as_deref());
    flow.set_y(Mm(232.0));
    let mut sign = Frag::new(Mm(14.0));
    let sx = x + Mm(20.0);
    sign.line(sx, Mm(8.0), sx + Mm(80.0), Mm(8.0), 0.6, colors::INK);
    sign.open(super::geom::Tag::new(Role::P));
    sign.text(
        fonts,
        sx,
        Mm(13.0),
        "Handtekening trainer",
        FontStyle::Regular,
        SIGN,
        colors::MUTED,
    );
    sign.close();
    flow.add(sign);
    if !w.author.trim().is_empty() {
        flow.set_y(geo.bottom - Mm(6.0));
        let mut f = Frag::new(Mm(6.0));
        let a = super::decorate::fit(fonts, &w.author, FontStyle::Regular, SIGN, width);
        f.text(
            fonts,
            x,
            Mm(4.0),
            &a,
            FontStyle::Regular,
            SIGN,
            colors::MUTED,
        );
        flow.add(f.tagged(Role::P));
    }
    let mut pages = flow.finish();
    if let Some(first) = pages.first_mut() {
        first.elems.splice(0..0, frame.elems);
    }
    (pages, name_y)
}

const SIGN: f32 = 9.5;

/// One page per name, in the order of the list.
pub fn pages(
    fonts: &Fonts,
    w: &Workshop,
    req: &ExportRequest,
    names: &[String],
) -> Result<(Vec<Page>, Vec<Mark>), PdfError> {
    check_names(names)?;
    let mut pages = Vec::new();
    let mut marks = Vec::new();
    for n in names {
        let (one, name_y) = page(fonts, w, req, n);
        // One bookmark per teacher, at the name.
        marks.push(Mark {
            title: n.split_whitespace().collect::<Vec<_>>().join(" "),
            level: 1,
            page: pages.len(),
            y: name_y,
        });
        pages.extend(one.into_iter().take(1));
    }
    Ok((pages, marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_with_a_decimal_comma() {
        assert_eq!(hours(150), "2,5 uur");
        assert_eq!(hours(180), "3 uur");
        assert_eq!(hours(45), "0,75 uur");
        assert_eq!(hours(200), "3,33 uur");
    }

    #[test]
    fn a_name_that_cannot_print_is_refused_plainly() {
        let err = check_names(&["Anna".into(), "李明".into()]).unwrap_err();
        assert!(err.to_string().contains("‘李明’"), "{err}");
        assert!(check_names(&["Ελένη".into(), "Анна".into()]).is_ok());
        assert!(matches!(check_names(&[]), Err(PdfError::NoNames)));
    }
}
