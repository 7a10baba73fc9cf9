//! What printpdf has no setting for, done on its lopdf document before it
//! is saved: the document language, the info dictionary, the outline, and
//! what makes the file a tagged PDF (PDF/UA-1): the structure tree with its
//! parent tree, /MarkInfo, the XMP metadata and the 1.7 header.

use pdfdoc::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::tags::{Kid, Tree};
use crate::pdf::geom::{Layout, Mark};

/// Text for a PDF string: as it is when it is printable ASCII (the same
/// in PDFDocEncoding, and written as it is), else UTF-16BE with its byte
/// order mark.
fn pdf_text(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// What printpdf has no setting for: the document language, an info
/// dictionary without empty PDF/X keys (a print shop's preflight would take
/// the file for PDF/X), and the outline with its two levels.
pub(super) fn finish(doc: &mut Document, layout: &Layout, tree: &Tree) -> pdfdoc::Result<()> {
    doc.version = "1.7".to_owned();
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
    let heights: Vec<f32> = layout.pages.iter().map(|p| p.height.to_pt()).collect();
    let outline = outline(doc, &layout.outline, &pages, &heights);
    let structure = structure(doc, tree, &pages);
    let metadata = xmp(doc, layout);
    let catalog = doc.catalog_mut()?;
    catalog.set("Lang", pdf_text_ascii(&layout.language));
    catalog.set("StructTreeRoot", Object::Reference(structure));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set("Metadata", Object::Reference(metadata));
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
fn outline(
    doc: &mut Document,
    marks: &[Mark],
    pages: &[ObjectId],
    heights: &[f32],
) -> Option<ObjectId> {
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
    // The heading's position: the page's left edge, the top a little above
    // the heading, the zoom as it is.
    let dest = |m: &Mark| {
        let height = heights.get(m.page).copied().unwrap_or(842.0);
        let top = (height - m.y.to_pt() + 6.0).clamp(0.0, height);
        Object::Array(vec![
            Object::Reference(pages[m.page]),
            Object::Name(b"XYZ".to_vec()),
            Object::Integer(0),
            Object::Real(top.round()),
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

/// The structure tree: every element with content, in reading order, its
/// marked-content sequences by MCID; the parent tree maps each page's
/// MCIDs back to their elements.
fn structure(doc: &mut Document, tree: &Tree, pages: &[ObjectId]) -> ObjectId {
    let root = doc.new_object_id();
    let n = tree.nodes.len();
    // Children come after their parents: one pass from the back.
    let mut content = vec![false; n];
    for i in (0..n).rev() {
        content[i] = tree.nodes[i].kids.iter().any(|k| match k {
            Kid::Mcid { .. } => true,
            Kid::Node(c) => content.get(*c).copied().unwrap_or(false),
        });
    }
    // The document element always exists, even for an empty layout.
    content[0] = true;
    let ids: Vec<Option<ObjectId>> = content
        .iter()
        .map(|c| c.then(|| doc.new_object_id()))
        .collect();
    for (i, node) in tree.nodes.iter().enumerate() {
        let Some(id) = ids[i] else {
            continue;
        };
        // /Type /StructElem is optional: left out, a thousand times over.
        let mut d = Dictionary::new();
        d.set("S", Object::Name(node.role.as_bytes().to_vec()));
        let parent = if i == 0 { Some(root) } else { ids[node.parent] };
        d.set("P", Object::Reference(parent.unwrap_or(root)));
        let home = node.kids.iter().find_map(|k| match k {
            Kid::Mcid { page, .. } => Some(*page),
            Kid::Node(_) => None,
        });
        if let Some(page) = home.and_then(|p| pages.get(p)) {
            d.set("Pg", Object::Reference(*page));
        }
        let kids: Vec<Object> = node
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Node(c) => ids.get(*c).copied().flatten().map(Object::Reference),
                Kid::Mcid { page, mcid } if Some(*page) == home => Some(Object::Integer(*mcid)),
                Kid::Mcid { page, mcid } => pages.get(*page).map(|pg| {
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"MCR".to_vec())),
                        ("Pg", Object::Reference(*pg)),
                        ("MCID", Object::Integer(*mcid)),
                    ]))
                }),
            })
            .collect();
        d.set("K", Object::Array(kids));
        if let Some(alt) = &node.alt {
            d.set("Alt", pdf_text(alt));
        }
        if let Some(b) = node.bbox {
            let rect = b.iter().map(|v| Object::Real(v.round())).collect();
            d.set(
                "A",
                Dictionary::from_iter([
                    ("O", Object::Name(b"Layout".to_vec())),
                    ("BBox", Object::Array(rect)),
                ]),
            );
        }
        doc.objects.insert(id, Object::Dictionary(d));
    }
    let mut nums = Vec::new();
    for (p, (list, page)) in tree.parents.iter().zip(pages).enumerate() {
        if let Ok(dict) = doc.get_dictionary_mut(*page) {
            dict.set("StructParents", Object::Integer(p as i64));
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(
            list.iter()
                .map(|n| ids[*n].map_or(Object::Null, Object::Reference))
                .collect(),
        ));
    }
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    if let Some(document) = ids[0] {
        r.set("K", Object::Array(vec![Object::Reference(document)]));
    }
    r.set("ParentTree", Object::Reference(parent_tree));
    r.set(
        "ParentTreeNextKey",
        Object::Integer(tree.parents.len() as i64),
    );
    doc.objects.insert(root, Object::Dictionary(r));
    root
}

/// Text for XML: the five characters escaped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP metadata stream: title, author, language, and the claim of
/// PDF/UA-1 (`pdfuaid:part`), uncompressed as the standard asks.
fn xmp(doc: &mut Document, layout: &Layout) -> ObjectId {
    let creator = if layout.author.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            xml(&layout.author)
        )
    };
    let packet = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         <dc:format>application/pdf</dc:format>\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         {creator}\n\
         <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
         <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
         <pdf:Producer>kampvuur {version}</pdf:Producer>\n\
         <xmp:CreatorTool>kampvuur</xmp:CreatorTool>\n\
         <pdfuaid:part>1</pdfuaid:part>\n\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>",
        title = xml(&layout.title),
        subject = xml(&layout.subject),
        lang = xml(&layout.language),
        version = env!("CARGO_PKG_VERSION"),
    );
    let mut stream = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        packet.into_bytes(),
    );
    stream.allows_compression = false;
    doc.add_object(stream)
}
