//! Bookmarks in every document kind, each pointing at its heading on the
//! page (/XYZ left top), not at the top of the page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lopdf::{Document, Object, ObjectId};

use crate::pdf_flow::both;
use crate::pdf_support::parse;
use crate::pdf_tagged::{KINDS, render_kind};

use kampvuur::pdf::DocKind;

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        other => panic!("not a number: {other:?}"),
    }
}

/// (level, title, page, top) of every outline entry, in order.
fn entries(doc: &Document) -> Vec<(u8, String, usize, f32)> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    let mut todo = vec![(
        1u8,
        root.get(b"First").ok().map(|f| f.as_reference().unwrap()),
    )];
    while let Some((level, next)) = todo.pop() {
        let Some(id) = next else { continue };
        let item = doc.get_dictionary(id).unwrap();
        let raw = item.get(b"Title").unwrap().as_str().unwrap();
        let title = match raw.strip_prefix(&[0xfe, 0xff]) {
            Some(utf16) => {
                let units: Vec<u16> = utf16
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&units).unwrap()
            }
            // Printable ASCII is written as it is.
            None => String::from_utf8(raw.to_vec()).unwrap(),
        };
        let dest = item.get(b"Dest").unwrap().as_array().unwrap();
        assert_eq!(dest[1].as_name().unwrap(), b"XYZ", "{title}");
        assert!(
            !matches!(dest[3], Object::Null),
            "{title}: a top, not the page top"
        );
        let page = pages
            .iter()
            .position(|p| *p == dest[0].as_reference().unwrap())
            .unwrap();
        out.push((level, title, page, num(&dest[3])));
        todo.push((
            level,
            item.get(b"Next").ok().map(|n| n.as_reference().unwrap()),
        ));
        todo.push((
            level + 1,
            item.get(b"First").ok().map(|n| n.as_reference().unwrap()),
        ));
    }
    out
}

#[test]
fn every_kind_has_bookmarks_at_its_headings() {
    let names = ["Zoë Çelik".to_owned(), "José Müller".to_owned()];
    for w in both() {
        for kind in KINDS {
            let what = format!("{} {kind:?}", w.title);
            let out = render_kind(&w, kind, &names);
            let p = parse(&out.bytes);
            let marks = entries(&p.doc);
            assert!(!marks.is_empty(), "{what}: no bookmarks");
            if kind == DocKind::Certificate {
                let titles: Vec<&str> = marks.iter().map(|m| m.1.as_str()).collect();
                assert_eq!(titles, ["Zoë Çelik", "José Müller"], "{what}");
            }
            for (level, title, page, top) in &marks {
                let (_, height) = p.sizes[*page];
                assert!(*top > 0.0 && *top <= height, "{what}: ‘{title}’ at {top}");
                // The first line under the destination (the top of its
                // letters) is close under it.
                let below: Vec<_> = p
                    .runs
                    .iter()
                    .filter(|r| r.page == *page && r.y < *top && r.y > top - 60.0)
                    .collect();
                let first = below
                    .iter()
                    .map(|r| top - (r.y + r.size * 0.8))
                    .fold(f32::MAX, f32::min);
                assert!(
                    first < 30.0,
                    "{what}: ‘{title}’: {first} pt to the first line"
                );
                // A slide section's bookmark opens its first slide.
                if matches!(kind, DocKind::Slides { .. }) && *level == 1 {
                    continue;
                }
                // The heading's first word ("Dia 10: Wanneer …" → "Wanneer").
                let own = title.split_once(": ").map_or(title.as_str(), |(_, t)| t);
                let longest = own.split_whitespace().next().unwrap();
                let near: String = below
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(
                    near.replace('-', "").contains(&longest.replace('-', "")),
                    "{what}: ‘{title}’ not under its bookmark: {near}"
                );
            }
        }
    }
}
