//! What printpdf has no setting for, done on its lopdf document before it
//! is saved: the document language, the info dictionary and the outline.

use pdfdoc::{Dictionary, Document, Object, ObjectId, StringFormat};

use crate::pdf::geom::{Layout, Mark};

/// Text for a PDF string: UTF-16BE with its byte order mark.
fn pdf_text(s: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// What printpdf has no setting for: the document language, an info
/// dictionary without empty PDF/X keys (a print shop's preflight would take
/// the file for PDF/X), and the outline with its two levels.
pub(super) fn finish(doc: &mut Document, layout: &Layout) -> pdfdoc::Result<()> {
    let info_id = doc.trailer.get(b"Info")?.as_reference()?;
    if let Ok(info) = doc.get_dictionary_mut(info_id) {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
            info.remove(key);
        }
        if layout.author.is_empty() {
            info.remove(b"Author");
        }
        info.remove(b"Keywords");
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let outline = outline(doc, &layout.outline, &pages);
    let catalog = doc.catalog_mut()?;
    catalog.set("Lang", pdf_text_ascii(&layout.language));
    if let Some(root) = outline {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    } else {
        catalog.remove(b"Outlines");
    }
    Ok(())
}

fn pdf_text_ascii(s: &str) -> Object {
    let clean: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(35)
        .collect();
    Object::string_literal(clean)
}

/// The outline as PDF objects: level-1 entries with their level-2 children.
fn outline(doc: &mut Document, marks: &[Mark], pages: &[ObjectId]) -> Option<ObjectId> {
    // (mark, children) with every child after its parent.
    let mut tree: Vec<(&Mark, Vec<&Mark>)> = Vec::new();
    for m in marks.iter().filter(|m| m.page < pages.len()) {
        match tree.last_mut() {
            Some((_, children)) if m.level > 1 => children.push(m),
            _ => tree.push((m, Vec::new())),
        }
    }
    if tree.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let dest = |m: &Mark| {
        Object::Array(vec![
            Object::Reference(pages[m.page]),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Null,
            Object::Null,
        ])
    };
    let top_ids: Vec<ObjectId> = tree.iter().map(|_| doc.new_object_id()).collect();
    let total = tree.len() as i64;
    for (i, ((mark, children), id)) in tree.iter().zip(&top_ids).enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", pdf_text(&mark.title));
        dict.set("Parent", Object::Reference(root));
        dict.set("Dest", dest(mark));
        if i > 0 {
            dict.set("Prev", Object::Reference(top_ids[i - 1]));
        }
        if let Some(next) = top_ids.get(i + 1) {
            dict.set("Next", Object::Reference(*next));
        }
        let child_ids: Vec<ObjectId> = children.iter().map(|_| doc.new_object_id()).collect();
        for (k, (child, cid)) in children.iter().zip(&child_ids).enumerate() {
            let mut c = Dictionary::new();
            c.set("Title", pdf_text(&child.title));
            c.set("Parent", Object::Reference(*id));
            c.set("Dest", dest(child));
            if k > 0 {
                c.set("Prev", Object::Reference(child_ids[k - 1]));
            }
            if let Some(next) = child_ids.get(k + 1) {
                c.set("Next", Object::Reference(*next));
            }
            doc.objects.insert(*cid, Object::Dictionary(c));
        }
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            dict.set("First", Object::Reference(*first));
            dict.set("Last", Object::Reference(*last));
            // Closed: the sections show, their items one click away.
            dict.set("Count", Object::Integer(-(child_ids.len() as i64)));
        }
        doc.objects.insert(*id, Object::Dictionary(dict));
    }
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    r.set("First", Object::Reference(top_ids[0]));
    r.set("Last", Object::Reference(top_ids[top_ids.len() - 1]));
    r.set("Count", Object::Integer(total));
    doc.objects.insert(root, Object::Dictionary(r));
    Some(root)
}
