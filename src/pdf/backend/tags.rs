//! The tagged-PDF side of writing pages: the structure elements the layout
//! opens and closes ([`Elem::Open`], [`Elem::Close`]) become a structure
//! tree, and every drawn element goes into a marked-content sequence: with
//! an MCID in the element it belongs to, or as an `/Artifact`.
//!
//! Text outside any element that holds text (directly in a list, a table
//! row or the document) gets a paragraph of its own, so no text is ever
//! left out of the tree; [`Tree::auto`] counts those, and the tests keep
//! it at zero for every document kind.

use std::collections::BTreeMap;

use printpdf::{DictItem, Op};

use crate::pdf::geom::{Elem, Mm, Role, Tag};

/// One child of a structure element: another element, or a marked-content
/// sequence on a page.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kid {
    Node(usize),
    Mcid { page: usize, mcid: i64 },
}

/// A structure element.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The structure type ("Document", "H1", "P", …).
    pub role: &'static str,
    pub alt: Option<String>,
    pub parent: usize,
    pub kids: Vec<Kid>,
    /// A figure's box on its page, in pt from the bottom left (x0, y0, x1, y1).
    pub bbox: Option<[f32; 4]>,
}

/// The box `e` covers on a page `height` pt high, in pt from the bottom left.
fn box_of(e: &Elem, height: f32) -> Option<[f32; 4]> {
    let (x0, x1) = match e {
        Elem::Text(t) => (t.x, t.x + t.width),
        Elem::Rect { x, w, .. } | Elem::Image { x, w, .. } => (*x, *x + *w),
        Elem::Line { points, .. } => (
            points.iter().map(|p| p.0).fold(Mm(f32::MAX), Mm::min),
            points.iter().map(|p| p.0).fold(Mm(f32::MIN), Mm::max),
        ),
        Elem::Open(_) | Elem::Close => return None,
    };
    let (top, bottom) = e.extent()?;
    Some([
        x0.to_pt(),
        height - bottom.to_pt(),
        x1.to_pt(),
        height - top.to_pt(),
    ])
}

/// What an open mark opened.
#[derive(Debug, Clone, Copy)]
enum Opened {
    Node(usize),
    Artifact,
}

/// Where an element's content goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Artifact,
    Node(usize),
}

/// The structure tree as it is built, page by page.
#[derive(Debug)]
pub(crate) struct Tree {
    /// Element 0 is the Document.
    pub nodes: Vec<Node>,
    /// For each page, the element of each MCID (the page's parent-tree entry).
    pub parents: Vec<Vec<usize>>,
    /// Paragraphs made for text the layout left outside any element.
    pub auto: usize,
    stack: Vec<Opened>,
    artifacts: usize,
    auto_p: Option<usize>,
    current: Option<Target>,
}

/// Elements that group others and hold no text themselves.
fn grouping(role: &str) -> bool {
    matches!(role, "Document" | "L" | "LI" | "Table" | "TR")
}

impl Tree {
    pub fn new() -> Self {
        Self {
            nodes: vec![Node {
                role: "Document",
                alt: None,
                parent: 0,
                kids: Vec::new(),
                bbox: None,
            }],
            parents: Vec::new(),
            auto: 0,
            stack: Vec::new(),
            artifacts: 0,
            auto_p: None,
            current: None,
        }
    }

    fn innermost(&self) -> usize {
        self.stack
            .iter()
            .rev()
            .find_map(|o| match o {
                Opened::Node(n) => Some(*n),
                Opened::Artifact => None,
            })
            .unwrap_or(0)
    }

    fn add_node(&mut self, role: &'static str, alt: Option<String>) -> usize {
        let parent = self.innermost();
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            alt,
            parent,
            kids: Vec::new(),
            bbox: None,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }

    pub fn start_page(&mut self) {
        self.parents.push(Vec::new());
        self.current = None;
    }

    /// Close the open marked-content sequence at the end of a page.
    pub fn end_page(&mut self, ops: &mut Vec<Op>) {
        if self.current.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    fn open(&mut self, tag: &Tag) {
        self.auto_p = None;
        if tag.role == Role::Artifact || self.artifacts > 0 {
            self.artifacts += 1;
            self.stack.push(Opened::Artifact);
            return;
        }
        let id = self.add_node(tag.role.name(), tag.alt.clone());
        self.stack.push(Opened::Node(id));
    }

    fn close(&mut self) {
        self.auto_p = None;
        if let Some(Opened::Artifact) = self.stack.pop() {
            self.artifacts = self.artifacts.saturating_sub(1);
        }
    }

    fn target(&mut self, e: &Elem) -> Target {
        if self.artifacts > 0 {
            return Target::Artifact;
        }
        let node = self.innermost();
        let role = self.nodes[node].role;
        match e {
            Elem::Text(_) if grouping(role) => {
                let p = match self.auto_p {
                    Some(p) if self.nodes[p].parent == node => p,
                    _ => {
                        self.auto += 1;
                        let p = self.add_node("P", None);
                        self.auto_p = Some(p);
                        p
                    }
                };
                Target::Node(p)
            }
            Elem::Text(_) => Target::Node(node),
            Elem::Image { .. } | Elem::Rect { .. } | Elem::Line { .. }
                if matches!(role, "Figure" | "Lbl") =>
            {
                Target::Node(node)
            }
            Elem::Image { .. } | Elem::Rect { .. } | Elem::Line { .. } => Target::Artifact,
            Elem::Open(_) | Elem::Close => Target::Artifact,
        }
    }

    /// Handle a structure mark, or put the marked-content operators in
    /// front of an element's drawing; returns whether `e` is to be drawn.
    pub fn before(&mut self, e: &Elem, ops: &mut Vec<Op>, height: f32) -> bool {
        match e {
            Elem::Open(tag) => {
                self.open(tag);
                return false;
            }
            Elem::Close => {
                self.close();
                return false;
            }
            _ => {}
        }
        let target = self.target(e);
        if let Target::Node(n) = target
            && self.nodes[n].role == "Figure"
            && let Some(b) = box_of(e, height)
        {
            let bbox = self.nodes[n].bbox.get_or_insert(b);
            *bbox = [
                bbox[0].min(b[0]),
                bbox[1].min(b[1]),
                bbox[2].max(b[2]),
                bbox[3].max(b[3]),
            ];
        }
        if self.current == Some(target) {
            return true;
        }
        if self.current.is_some() {
            ops.push(Op::EndMarkedContent);
        }
        self.current = Some(target);
        match target {
            Target::Artifact => ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_owned(),
            }),
            Target::Node(n) => {
                let page = self.parents.len().saturating_sub(1);
                let Some(list) = self.parents.last_mut() else {
                    return true;
                };
                let mcid = list.len() as i64;
                list.push(n);
                self.nodes[n].kids.push(Kid::Mcid { page, mcid });
                let mut map = BTreeMap::new();
                map.insert("MCID".to_owned(), DictItem::Int(mcid));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.nodes[n].role.to_owned(),
                    properties: DictItem::Dict { map },
                });
            }
        }
        true
    }
}
