//! SVG slide images: read as XML (with the position of what is wrong),
//! checked against limits and for anything that reaches outside the file,
//! then parsed by usvg with only our own fonts.
//!
//! Refused, with a Dutch message that says where: a file over 2 MB, more
//! than 20 000 elements (also counting what `<use>` repeats), nesting deeper
//! than 48, scripts and event attributes (`onclick`), `<foreignObject>`,
//! embedded or linked pictures (`<image>`), filters (they cannot be printed
//! as vector graphics), and every reference that is not to a part of the
//! same file (`href="…"`, `url(…)`, `@import`).

use std::collections::HashMap;
use std::sync::Arc;

use usvg::roxmltree::{Document, Node, NodeId, ParsingOptions, TextPos};

use sha2::{Digest, Sha256};

use crate::model::Vector;

mod fonts;

use fonts::options_with_our_fonts;

/// The largest SVG file we read.
pub(crate) const MAX_SVG_BYTES: u64 = 2 * 1024 * 1024;
/// The most elements an SVG may have, counting each repeat by `<use>`.
pub(crate) const MAX_SVG_ELEMENTS: u64 = 20_000;
/// The deepest nesting of elements.
pub(crate) const MAX_SVG_DEPTH: usize = 48;
/// The smallest and largest side of a drawing, in CSS pixels.
const MIN_SVG_SIDE: f32 = 1.0;
const MAX_SVG_SIDE: f32 = 100_000.0;
/// The most a drawing may be wider than high, or higher than wide.
const MAX_SVG_ASPECT: f32 = 20.0;
/// The longest chain of `<use>` elements that repeat another `<use>`.
const MAX_USE_CHAIN: usize = 16;

/// What is wrong, and where (when the XML says).
struct Problem {
    at: Option<TextPos>,
    why: String,
}

impl Problem {
    fn at(doc: &Document, node: Node, why: impl Into<String>) -> Self {
        Problem {
            at: Some(doc.text_pos_at(node.range().start)),
            why: why.into(),
        }
    }
}

/// Parse and check SVG file `bytes`, shown as `shown` in messages. The error
/// is a whole Dutch sentence that names the file and, where it can, the line
/// and column.
pub(crate) fn load_svg(bytes: &[u8], shown: &str) -> Result<Vector, String> {
    parse(bytes).map_err(|p| match p.at {
        Some(TextPos { row, col }) => {
            format!(
                "afbeelding ‘{shown}’ op {row}:{col} (regel {row}, kolom {col}): {}",
                p.why
            )
        }
        None => format!("afbeelding ‘{shown}’: {}", p.why),
    })
}

fn parse(bytes: &[u8]) -> Result<Vector, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let row = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Problem {
            at: Some(TextPos::new(row as u32, col as u32)),
            why: "het bestand is geen UTF-8-tekst; sla de SVG op als UTF-8".into(),
        }
    })?;
    let options = ParsingOptions {
        allow_dtd: true,
        // Generous next to the element limit (text and comments are nodes
        // too), but a bound on memory before our own count.
        nodes_limit: (MAX_SVG_ELEMENTS * 10) as u32,
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| Problem {
        at: match e {
            // At the end of the file, where it stops.
            usvg::roxmltree::Error::UnexpectedEndOfStream => Some(end_of(text)),
            usvg::roxmltree::Error::NoRootNode
            | usvg::roxmltree::Error::UnclosedRootNode
            | usvg::roxmltree::Error::NodesLimitReached => None,
            _ => Some(e.pos()),
        },
        why: xml_error(&e),
    })?;
    check(&doc)?;
    let tree = usvg::Tree::from_xmltree(&doc, &options_with_our_fonts()).map_err(|e| Problem {
        at: None,
        why: match e {
            usvg::Error::InvalidSize => "de SVG heeft geen geldige grootte; geef het \
                 <svg>-element een viewBox (of width en height) groter dan nul"
                .into(),
            usvg::Error::ElementsLimitReached => {
                format!("de SVG heeft te veel elementen; het maximum is {MAX_SVG_ELEMENTS}")
            }
            _ => "de SVG kan niet worden gelezen".into(),
        },
    })?;
    let (w, h) = (tree.size().width(), tree.size().height());
    let fits = |v: f32| (MIN_SVG_SIDE..=MAX_SVG_SIDE).contains(&v);
    if !fits(w) || !fits(h) || w / h > MAX_SVG_ASPECT || h / w > MAX_SVG_ASPECT {
        let dutch = |v: f32| v.to_string().replace('.', ",");
        let (w, h) = (dutch(w), dutch(h));
        return Err(Problem {
            at: Some(doc.text_pos_at(doc.root_element().range().start)),
            why: format!(
                "de tekening is {w}×{h} pixels; kampvuur leest tekeningen van \
                 {MIN_SVG_SIDE} tot {MAX_SVG_SIDE} pixels breed en hoog, hoogstens \
                 {MAX_SVG_ASPECT} keer zo breed als hoog (of andersom). Pas de viewBox \
                 (of width en height) van het <svg>-element aan"
            ),
        });
    }
    Ok(Vector {
        tree: Arc::new(tree),
        digest: Sha256::digest(bytes).into(),
    })
}

/// The line and column just after the last character of `text`.
fn end_of(text: &str) -> TextPos {
    let row = text.matches('\n').count() + 1;
    let last = text.rsplit('\n').next().unwrap_or("");
    TextPos::new(row as u32, last.chars().count() as u32 + 1)
}

/// A roxmltree error in Dutch.
fn xml_error(e: &usvg::roxmltree::Error) -> String {
    use usvg::roxmltree::Error as E;
    let what = match e {
        E::UnexpectedCloseTag(expected, actual, _) => {
            format!("de sluittag </{actual}> past niet bij <{expected}>; sluit eerst <{expected}>")
        }
        E::UnknownEntityReference(name, _) => format!("onbekende entiteit &{name};"),
        E::DuplicatedAttribute(name, _) => format!("het attribuut {name} staat er twee keer"),
        E::UnknownNamespace(prefix, _) => format!("onbekend voorvoegsel (namespace) ‘{prefix}:’"),
        E::NoRootNode => "er staat geen element in het bestand".into(),
        E::UnclosedRootNode => "het bestand houdt op voordat alle elementen gesloten zijn".into(),
        E::EntityReferenceLoop(_) => "een entiteit verwijst (via andere) naar zichzelf".into(),
        E::NodesLimitReached => format!(
            "de SVG is te groot (meer dan {} onderdelen)",
            MAX_SVG_ELEMENTS * 10
        ),
        E::UnexpectedEndOfStream => "het bestand houdt midden in een element op".into(),
        E::InvalidAttributeValue(_) => "een attribuutwaarde is niet goed afgesloten".into(),
        _ => "de XML klopt hier niet".into(),
    };
    format!("de SVG is geen geldige XML: {what}")
}

/// Whether `name` is one of the SVG elements we refuse, and why.
fn refused_element(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" => "scripts (<script>) zijn niet toegestaan in een SVG",
        "foreignObject" => "<foreignObject> (HTML binnen de SVG) is niet toegestaan",
        "image" | "feImage" => {
            "een afbeelding binnen de SVG (<image>) wordt niet gelezen; teken alles als vector, of gebruik los een PNG"
        }
        "filter" => {
            "filters (<filter>, zoals schaduw of vervaging) kunnen niet als vector worden afgedrukt en worden niet gelezen; laat de filter weg"
        }
        _ => return None,
    })
}

/// Every `url(…)` in `value` points into this file (`url(#id)`).
fn urls_are_local(value: &str) -> bool {
    value.match_indices("url(").all(|(at, _)| {
        let rest = value[at + 4..].trim_start_matches([' ', '\'', '"']);
        rest.starts_with('#')
    })
}

/// A CSS text (a `style` attribute or element) refers only to this file and
/// sets no filter.
fn css_problem(css: &str) -> Option<&'static str> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") || !urls_are_local(&lower) {
        return Some(EXTERNAL);
    }
    let filter = lower
        .match_indices("filter")
        .any(|(at, _)| lower[at + 6..].trim_start().starts_with(':'));
    filter.then_some("filters (zoals schaduw of vervaging) kunnen niet als vector worden afgedrukt en worden niet gelezen; laat de filter weg")
}

const EXTERNAL: &str = "de SVG verwijst naar iets buiten het bestand (een ander bestand of een internetadres); \
     kampvuur opent dat niet. Neem het op in de SVG zelf of laat het weg";

/// Limits, and nothing that reaches outside the file.
fn check(doc: &Document) -> Result<(), Problem> {
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(Problem::at(
            doc,
            root,
            format!(
                "dit is geen SVG: het eerste element is <{}> in plaats van <svg>",
                root.tag_name().name()
            ),
        ));
    }
    let mut ids = HashMap::new();
    let mut stack = vec![(root, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_SVG_DEPTH {
            return Err(Problem::at(
                doc,
                node,
                format!("de elementen zijn te diep genest; het maximum is {MAX_SVG_DEPTH} niveaus"),
            ));
        }
        check_element(doc, node)?;
        if let Some(id) = node.attribute("id") {
            ids.insert(id, node.id());
        }
        // Reversed, so that the first problem in the file is the one told.
        stack.extend(
            node.children()
                .filter(Node::is_element)
                .map(|c| (c, depth + 1))
                .rev(),
        );
    }
    let mut memo = HashMap::new();
    let total = expanded(doc, root, &ids, &mut memo, 0)?;
    if total > MAX_SVG_ELEMENTS {
        return Err(Problem {
            at: None,
            why: format!(
                "de SVG heeft te veel elementen ({}, met wat <use> herhaalt); het maximum is {MAX_SVG_ELEMENTS}",
                if total == u64::MAX {
                    "veel meer".to_owned()
                } else {
                    total.to_string()
                }
            ),
        });
    }
    Ok(())
}

/// One element's name, attributes and (for `<style>`) text.
fn check_element(doc: &Document, node: Node) -> Result<(), Problem> {
    if let Some(why) = refused_element(node.tag_name().name()) {
        return Err(Problem::at(doc, node, why));
    }
    for attr in node.attributes() {
        let name = attr.name();
        let value = attr.value();
        if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
            return Err(Problem::at(
                doc,
                node,
                format!("scripts (het attribuut {name}) zijn niet toegestaan in een SVG"),
            ));
        }
        let external = (name == "href" && !value.trim_start().starts_with('#'))
            || !urls_are_local(&value.to_ascii_lowercase());
        if external {
            return Err(Problem::at(doc, node, EXTERNAL));
        }
        if name == "filter" && value.trim() != "none" {
            return Err(Problem::at(
                doc,
                node,
                refused_element("filter").unwrap_or_default(),
            ));
        }
        if name == "style"
            && let Some(why) = css_problem(value)
        {
            return Err(Problem::at(doc, node, why));
        }
    }
    if node.tag_name().name() == "style" {
        let css: String = node.descendants().filter_map(|n| n.text()).collect();
        if let Some(why) = css_problem(&css) {
            return Err(Problem::at(doc, node, why));
        }
    }
    Ok(())
}

/// How many elements `node` stands for, with what its `<use>` elements
/// repeat; `u64::MAX` (saturated) when far too many.
fn expanded<'a>(
    doc: &Document<'a>,
    node: Node<'a, 'a>,
    ids: &HashMap<&'a str, NodeId>,
    memo: &mut HashMap<NodeId, Option<u64>>,
    chain: usize,
) -> Result<u64, Problem> {
    match memo.get(&node.id()) {
        Some(Some(n)) => return Ok(*n),
        Some(None) => {
            return Err(Problem::at(
                doc,
                node,
                "een <use> verwijst (via andere) naar zichzelf",
            ));
        }
        None => {}
    }
    memo.insert(node.id(), None);
    let mut total = 1u64;
    for child in node.children().filter(Node::is_element) {
        total = total.saturating_add(expanded(doc, child, ids, memo, chain)?);
        if total > MAX_SVG_ELEMENTS {
            return Ok(u64::MAX);
        }
    }
    if node.tag_name().name() == "use"
        && let Some(target) = node
            .attribute(("http://www.w3.org/1999/xlink", "href"))
            .or_else(|| node.attribute("href"))
            .and_then(|h| h.trim().strip_prefix('#'))
            .and_then(|id| ids.get(id))
            .and_then(|id| doc.get_node(*id))
    {
        if chain >= MAX_USE_CHAIN {
            return Err(Problem::at(
                doc,
                node,
                format!("te veel <use> na elkaar; het maximum is {MAX_USE_CHAIN}"),
            ));
        }
        total = total.saturating_add(expanded(doc, target, ids, memo, chain + 1)?);
    }
    memo.insert(node.id(), Some(total));
    Ok(total)
}
