//! Tagged PDF (PDF/UA-1 in structure) for every document kind, on the
//! shipped workshop and tests/fixtures/tweede.ron, read back with lopdf:
//! every text-showing operator is in a marked-content sequence with an MCID
//! the structure tree holds, or in an /Artifact; every MCID is in the tree
//! and the parent tree; figures have alt text; the tree reads in order
//! (a list's label before its body, a scale from 1 up).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::pdf_flow::both;
use crate::pdf_support::{self, FontInfo, font_info};

use kampvuur::model::{Answer, AnswerSet, ChecklistItem, Respondent, TeamSummary, Workshop};
use kampvuur::pdf::{self, DocKind, ExportRequest};

/// `n` participants who answered every item of every checklist, the
/// answers spread over the choices.
pub(crate) fn people(w: &Workshop, n: usize) -> Vec<AnswerSet> {
    (0..n)
        .map(|i| {
            let mut set = AnswerSet::new(&format!("Deelnemer {i}"), &w.title);
            for cl in w.checklists() {
                for (k, item) in cl.items.iter().enumerate() {
                    let a = match item {
                        ChecklistItem::Check(_) => Answer::Check((i + k) % 2 == 0),
                        ChecklistItem::YesNo(_) => Answer::YesNo(Some((i + k) % 3 == 0)),
                        ChecklistItem::Scale { steps, .. } => {
                            Answer::Scale(Some(((i + k) % usize::from(*steps)) as u8 + 1))
                        }
                        ChecklistItem::Open { .. } => Answer::Open(format!("stap {i}")),
                    };
                    *set.get_mut(&cl.id, k, item) = a;
                }
            }
            set
        })
        .collect()
}

/// The team picture of [`people`] for every checklist.
pub(crate) fn team_of(w: &Workshop, sets: &[AnswerSet]) -> TeamSummary {
    let ids: Vec<String> = (0..sets.len()).map(|i| format!("p{i}")).collect();
    let rs: Vec<Respondent> = sets
        .iter()
        .zip(&ids)
        .map(|(answers, id)| Respondent { id, answers })
        .collect();
    let open: BTreeSet<String> = w.checklists().map(|c| c.id.clone()).collect();
    TeamSummary::new(w, &open, &rs, 3, &BTreeSet::new())
}

pub(crate) const KINDS: [DocKind; 8] = [
    DocKind::Workbook,
    DocKind::Guide,
    DocKind::Slides { with_notes: false },
    DocKind::Slides { with_notes: true },
    DocKind::Reflection,
    DocKind::Summary,
    DocKind::Certificate,
    DocKind::Team,
];

/// Render `kind` for `w` with everything it needs.
pub(crate) fn render_kind(w: &Workshop, kind: DocKind, names: &[String]) -> pdf::Rendered {
    let sets = people(w, 6);
    let team = team_of(w, &sets);
    let req = ExportRequest {
        answers: Some(&sets[1]),
        team: Some(&team),
        names,
        school: Some("De Regenboog".into()),
        trainer: Some("Mirjam Akkerman".into()),
        date: Some("12 maart 2026".into()),
        ..ExportRequest::new(kind)
    };
    pdf::render(w, &req).unwrap()
}

/// What the content streams hold: text per (page, MCID), and the text
/// outside any MCID or artifact.
#[derive(Default)]
struct Streams {
    text: BTreeMap<(usize, i64), String>,
    /// Every MCID used in a content stream.
    mcids: BTreeSet<(usize, i64)>,
    untagged: Vec<String>,
    artifact_runs: usize,
}

fn decode(info: &FontInfo, operand: &Object) -> String {
    let items = match operand {
        Object::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    let mut text = String::new();
    for item in items {
        if let Object::String(b, _) = item {
            for c in b.chunks(2) {
                let code = u16::from_be_bytes([c[0], c[1]]);
                text.push_str(info.to_unicode.get(&code).map_or("\u{fffd}", |s| s));
            }
        }
    }
    text
}

fn streams(doc: &Document, pages: &[ObjectId]) -> Streams {
    let mut out = Streams::default();
    for (n, page_id) in pages.iter().enumerate() {
        let fonts: HashMap<Vec<u8>, FontInfo> = doc
            .get_page_fonts(*page_id)
            .unwrap()
            .into_iter()
            .map(|(k, d)| (k, font_info(doc, d)))
            .collect();
        let content = Content::decode(&doc.get_page_content(*page_id)).unwrap();
        // Open sequences: Some(mcid), or None for an artifact.
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut font = Vec::new();
        for op in content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let tag = op.operands[0].as_name().unwrap();
                    let mcid = match &op.operands[1] {
                        Object::Dictionary(d) => d.get(b"MCID").ok().map(|m| m.as_i64().unwrap()),
                        _ => None,
                    };
                    assert!(
                        tag == b"Artifact" || mcid.is_some(),
                        "page {}: BDC /{} without an MCID",
                        n + 1,
                        String::from_utf8_lossy(tag)
                    );
                    if let Some(m) = mcid {
                        assert!(out.mcids.insert((n, m)), "MCID {m} twice on page {}", n + 1);
                    }
                    stack.push(mcid);
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    stack.push(None);
                }
                "EMC" => {
                    stack.pop().expect("EMC closes an open sequence");
                }
                "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
                "Tj" | "TJ" | "'" | "\"" => {
                    let text = decode(&fonts[&font], op.operands.last().unwrap());
                    match stack.last() {
                        Some(Some(m)) => {
                            let t = out.text.entry((n, *m)).or_default();
                            t.push_str(&text);
                            t.push(' ');
                        }
                        Some(None) => out.artifact_runs += 1,
                        None => out.untagged.push(text),
                    }
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "page {}: a sequence left open", n + 1);
    }
    out
}

/// A structure element as read back: its role, alt text and kids in order.
#[derive(Debug)]
struct El {
    role: String,
    alt: Option<String>,
    /// The layout box (/A << /O /Layout /BBox […] >>).
    bbox: Option<Vec<f32>>,
    kids: Vec<K>,
}

#[derive(Debug)]
enum K {
    El(El),
    Mcid(usize, i64),
}

fn text_of(o: &Object) -> String {
    pdf_support::decode_text(o.as_str().unwrap())
}

fn read_el(doc: &Document, id: ObjectId, pages: &[ObjectId], parent: Option<ObjectId>) -> El {
    let d = doc.get_dictionary(id).unwrap();
    // /Type is optional; when present it says StructElem.
    if let Ok(t) = d.get(b"Type") {
        assert_eq!(t.as_name().unwrap(), b"StructElem");
    }
    if let Some(p) = parent {
        assert_eq!(
            d.get(b"P").unwrap().as_reference().unwrap(),
            p,
            "/P is the parent"
        );
    }
    let role = String::from_utf8(d.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
    let alt = d.get(b"Alt").ok().map(text_of);
    let bbox = d.get(b"A").ok().map(|a| {
        let a = a.as_dict().unwrap();
        assert_eq!(a.get(b"O").unwrap().as_name().unwrap(), b"Layout");
        a.get(b"BBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect()
    });
    let home = d
        .get(b"Pg")
        .ok()
        .map(|p| page_index(pages, p.as_reference().unwrap()));
    let kids = match d.get(b"K").unwrap() {
        Object::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    let kids = kids
        .iter()
        .map(|k| match k {
            Object::Integer(m) => K::Mcid(home.expect("/Pg for an integer MCID"), *m),
            Object::Reference(r) => K::El(read_el(doc, *r, pages, Some(id))),
            Object::Dictionary(mcr) => mcr_kid(mcr, pages),
            other => panic!("unexpected kid {other:?}"),
        })
        .collect();
    El {
        role,
        alt,
        bbox,
        kids,
    }
}

fn mcr_kid(mcr: &Dictionary, pages: &[ObjectId]) -> K {
    assert_eq!(mcr.get(b"Type").unwrap().as_name().unwrap(), b"MCR");
    let page = page_index(pages, mcr.get(b"Pg").unwrap().as_reference().unwrap());
    K::Mcid(page, mcr.get(b"MCID").unwrap().as_i64().unwrap())
}

fn page_index(pages: &[ObjectId], id: ObjectId) -> usize {
    pages
        .iter()
        .position(|p| *p == id)
        .expect("a page of this document")
}

/// The leaves in tree order: (role of the element, its text).
fn leaves(el: &El, text: &BTreeMap<(usize, i64), String>, out: &mut Vec<(String, String)>) {
    for k in &el.kids {
        match k {
            K::El(c) => leaves(c, text, out),
            K::Mcid(p, m) => out.push((
                el.role.clone(),
                text.get(&(*p, *m)).cloned().unwrap_or_default(),
            )),
        }
    }
}

fn all_text(el: &El, text: &BTreeMap<(usize, i64), String>) -> String {
    let mut out = Vec::new();
    leaves(el, text, &mut out);
    out.into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ")
}

fn walk<'a>(el: &'a El, f: &mut impl FnMut(&'a El)) {
    f(el);
    for k in &el.kids {
        if let K::El(c) = k {
            walk(c, f);
        }
    }
}

fn mcids_in(el: &El, out: &mut BTreeMap<(usize, i64), usize>, counter: &mut usize) {
    *counter += 1;
    let me = *counter;
    for k in &el.kids {
        match k {
            K::El(c) => mcids_in(c, out, counter),
            K::Mcid(p, m) => {
                assert!(
                    out.insert((*p, *m), me).is_none(),
                    "MCID {m} twice in the tree"
                );
            }
        }
    }
}

/// Everything the test checks on one rendered document; returns the tree.
fn check(bytes: &[u8], what: &str) -> (El, BTreeMap<(usize, i64), String>) {
    assert!(bytes.starts_with(b"%PDF-1.7"), "{what}: a PDF 1.7 header");
    let doc = Document::load_mem(bytes).unwrap();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let catalog = doc.catalog().unwrap();
    let mark = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap(), "{what}");
    assert!(catalog.get(b"Lang").is_ok(), "{what}: /Lang");
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let meta = doc
        .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    let xmp = String::from_utf8_lossy(&meta.content);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{what}");
    assert!(xmp.contains("<dc:title>"), "{what}");

    let s = streams(&doc, &pages);
    assert!(
        s.untagged.is_empty(),
        "{what}: untagged text {:?}",
        s.untagged
    );
    assert!(
        s.artifact_runs > 0 || what.contains("Certificate"),
        "{what}"
    );

    let root_id = catalog
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let root = doc.get_dictionary(root_id).unwrap();
    let k = root.get(b"K").unwrap().as_array().unwrap();
    assert_eq!(k.len(), 1, "{what}: one Document element");
    let tree = read_el(&doc, k[0].as_reference().unwrap(), &pages, Some(root_id));
    assert_eq!(tree.role, "Document");

    // The tree holds every marked sequence, and nothing else.
    let mut in_tree = BTreeMap::new();
    mcids_in(&tree, &mut in_tree, &mut 0);
    let tree_set: BTreeSet<_> = in_tree.keys().copied().collect();
    assert_eq!(
        tree_set, s.mcids,
        "{what}: MCIDs in the tree = MCIDs in the pages"
    );

    // The parent tree maps each page's MCIDs back to their element.
    let pt = doc
        .get_dictionary(root.get(b"ParentTree").unwrap().as_reference().unwrap())
        .unwrap();
    let nums = pt.get(b"Nums").unwrap().as_array().unwrap();
    for (p, page_id) in pages.iter().enumerate() {
        let key = doc
            .get_dictionary(*page_id)
            .unwrap()
            .get(b"StructParents")
            .unwrap()
            .as_i64()
            .unwrap();
        let pos = nums
            .chunks(2)
            .position(|c| c[0].as_i64().unwrap() == key)
            .expect("the page's entry in the parent tree");
        let refs = nums[pos * 2 + 1].as_array().unwrap();
        for (mcid, r) in refs.iter().enumerate() {
            let el = doc.get_dictionary(r.as_reference().unwrap()).unwrap();
            assert!(
                el.get(b"S").is_ok(),
                "{what}: the parent tree points at elements"
            );
            assert!(
                s.mcids.contains(&(p, mcid as i64)),
                "{what}: page {}",
                p + 1
            );
        }
        let on_page = s.mcids.iter().filter(|(pp, _)| *pp == p).count();
        assert_eq!(refs.len(), on_page, "{what}: page {} parent tree", p + 1);
    }

    // Figures say what they show; list items read label first (a scale
    // from 1 up); tables are made of rows of cells.
    walk(&tree, &mut |el: &El| match el.role.as_str() {
        "Figure" => {
            let alt = el.alt.as_deref().unwrap_or_default();
            assert!(!alt.trim().is_empty(), "{what}: a figure without alt");
            let b = el.bbox.as_ref().expect("a figure with its BBox");
            assert!(
                b[0] < b[2] && b[1] < b[3] && b[0] >= 0.0,
                "{what}: BBox {b:?}"
            );
        }
        "LI" => {
            let roles: Vec<&str> = el
                .kids
                .iter()
                .filter_map(|k| match k {
                    K::El(c) => Some(c.role.as_str()),
                    K::Mcid(..) => None,
                })
                .collect();
            assert!(
                roles.iter().all(|r| matches!(*r, "Lbl" | "LBody")),
                "{what}: LI holds {roles:?}"
            );
        }
        "Table" => {
            for k in &el.kids {
                match k {
                    K::El(c) => assert_eq!(c.role, "TR", "{what}"),
                    K::Mcid(..) => panic!("{what}: content directly in a table"),
                }
            }
        }
        "TR" => {
            for k in &el.kids {
                match k {
                    K::El(c) => assert!(matches!(c.role.as_str(), "TD" | "TH"), "{what}"),
                    K::Mcid(..) => panic!("{what}: content directly in a row"),
                }
            }
        }
        "L" => {
            for k in &el.kids {
                match k {
                    K::El(c) => assert_eq!(c.role, "LI", "{what}"),
                    K::Mcid(..) => panic!("{what}: content directly in a list"),
                }
            }
        }
        _ => {}
    });
    (tree, s.text)
}

fn names() -> Vec<String> {
    vec!["Zoë Çelik".into(), "José Müller".into()]
}

#[test]
fn every_kind_is_tagged_and_the_tree_covers_every_text() {
    for w in both() {
        for kind in KINDS {
            let what = format!("{} {kind:?}", w.title);
            let out = render_kind(&w, kind, &names());
            assert_eq!(out.untagged, 0, "{what}: text the layout did not tag");
            // Kept for a look at the pages (pdftoppm).
            let dir = std::env::temp_dir().join("kampvuur-pdf-kinds");
            std::fs::create_dir_all(&dir).unwrap();
            let file = format!(
                "{}-{}.pdf",
                kampvuur::model::slug(&w.title, "w"),
                kind.slug()
            );
            let notes = if kind == (DocKind::Slides { with_notes: true }) {
                "-notes"
            } else {
                ""
            };
            std::fs::write(
                dir.join(file.replace(".pdf", &format!("{notes}.pdf"))),
                &out.bytes,
            )
            .unwrap();
            let (tree, text) = check(&out.bytes, &what);
            let mut order = Vec::new();
            leaves(&tree, &text, &mut order);
            // Some real content: headings and paragraphs.
            let roles: BTreeSet<&str> = order.iter().map(|(r, _)| r.as_str()).collect();
            assert!(roles.contains("H1"), "{what}: {roles:?}");
            assert!(roles.contains("P"), "{what}: {roles:?}");
            // Heading levels never skip one on the way down (PDF/UA).
            let mut last = 0;
            walk(&tree, &mut |el: &El| {
                if let Some(n) = el
                    .role
                    .strip_prefix('H')
                    .and_then(|n| n.parse::<u32>().ok())
                {
                    assert!(n <= last + 1, "{what}: H{n} after H{last}");
                    last = n;
                }
            });
        }
    }
}

/// In every list item, the label (a bullet, a number, a box) comes before
/// its text, except where the choice stands after the statement (ja/nee,
/// a scale); a scale's steps read from 1 up.
#[test]
fn the_tree_reads_in_order() {
    for w in both() {
        for kind in [DocKind::Workbook, DocKind::Guide, DocKind::Reflection] {
            let what = format!("{} {kind:?}", w.title);
            let out = render_kind(&w, kind, &names());
            let (tree, text) = check(&out.bytes, &what);
            let (mut bullets, mut scales) = (0, 0);
            walk(&tree, &mut |el: &El| {
                if el.role != "LI" {
                    return;
                }
                let kids: Vec<&El> = el
                    .kids
                    .iter()
                    .filter_map(|k| match k {
                        K::El(c) => Some(c),
                        K::Mcid(..) => None,
                    })
                    .collect();
                let lbl = kids.iter().position(|c| c.role == "Lbl");
                let body = kids.iter().position(|c| c.role == "LBody");
                if let (Some(l), Some(b)) = (lbl, body) {
                    let label = all_text(kids[l], &text);
                    let label = label.trim();
                    let digits: Vec<u32> = label
                        .split_whitespace()
                        .filter_map(|t| t.parse().ok())
                        .collect();
                    // A box to tick has no text, only its alt.
                    if label.is_empty() || label == "•" || label == "–" || label.ends_with('.')
                    {
                        bullets += 1;
                        assert!(l < b, "{what}: ‘{label}’ read after its text");
                    } else if digits.len() >= 2 {
                        scales += 1;
                        let want: Vec<u32> = (1..=digits.len() as u32).collect();
                        assert_eq!(digits, want, "{what}: scale read as {label}");
                    }
                }
            });
            assert!(bullets > 0, "{what}: no list item with a marker");
            if kind == DocKind::Reflection {
                assert!(scales > 0, "{what}: no scale");
            }
        }
    }
}

/// A slide picture is a figure with the slide's alt text, or its title
/// when the file gives none.
#[test]
fn slide_pictures_are_figures_with_alt_text() {
    for w in both() {
        let with_picture: Vec<_> = w
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                kampvuur::model::Item::Slide(s) if s.picture.is_some() => Some(s),
                _ => None,
            })
            .collect();
        if with_picture.is_empty() {
            continue;
        }
        for kind in [DocKind::Slides { with_notes: false }, DocKind::Workbook] {
            let out = render_kind(&w, kind, &names());
            let (tree, _) = check(&out.bytes, "figures");
            let mut alts = Vec::new();
            walk(&tree, &mut |el: &El| {
                if el.role == "Figure" {
                    alts.push(el.alt.clone().unwrap_or_default());
                }
            });
            assert_eq!(alts.len(), with_picture.len(), "{kind:?}");
            for (alt, s) in alts.iter().zip(&with_picture) {
                let want = if s.alt.trim().is_empty() {
                    &s.title
                } else {
                    &s.alt
                };
                assert_eq!(alt, want);
            }
        }
    }
}
