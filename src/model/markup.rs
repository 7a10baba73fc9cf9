//! Rich text: the small Markdown subset of workshop files, parsed once into blocks.
//!
//! Supported: paragraphs, bullet lists, numbered lists, `**bold**`, `*italic*`
//! and a highlighted key sentence ("kernzin") written as a quote: `> …`.
//! Anything else is kept as plain text and reported as a [`MarkupIssue`], so the
//! loader can point at it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered {
        start: u64,
        items: Vec<Vec<Inline>>,
    },
    /// The highlighted key sentence of a section.
    Kernzin(Vec<Inline>),
}

/// A construct outside the subset, at a byte offset of the Markdown source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupIssue {
    pub offset: usize,
    pub message: String,
}

/// Markdown source and the blocks parsed from it.
#[derive(Debug, Clone, Default)]
pub struct RichText {
    source: String,
    blocks: Vec<Block>,
    issues: Vec<MarkupIssue>,
}

impl PartialEq for RichText {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl RichText {
    pub fn parse(source: &str) -> Self {
        let (blocks, issues) = parse_blocks(source);
        Self {
            source: source.to_owned(),
            blocks,
            issues,
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn issues(&self) -> &[MarkupIssue] {
        &self.issues
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The text without markup, one paragraph or list item per line.
    pub fn plain_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Paragraph(l) | Block::Kernzin(l) => out.push(plain(l)),
                Block::Bullets(items) | Block::Numbered { items, .. } => {
                    out.extend(items.iter().map(|i| plain(i)));
                }
            }
        }
        out
    }

    /// Number of words in the text.
    pub fn word_count(&self) -> usize {
        self.plain_lines()
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum()
    }
}

/// The text of a run of inlines, without styling.
pub fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

impl Serialize for RichText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        Ok(Self::parse(&source))
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    issues: Vec<MarkupIssue>,
    inlines: Vec<Inline>,
    style: Style,
    /// Open list: numbered start, items so far.
    list: Option<(Option<u64>, Vec<Vec<Inline>>)>,
    list_depth: usize,
    in_quote: bool,
}

impl Builder {
    fn issue(&mut self, offset: usize, message: &str) {
        self.issues.push(MarkupIssue {
            offset,
            message: message.to_owned(),
        });
    }

    fn text(&mut self, text: &str) {
        match self.inlines.last_mut() {
            Some(last) if last.style == self.style => last.text.push_str(text),
            _ => self.inlines.push(Inline {
                text: text.to_owned(),
                style: self.style,
            }),
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        let mut inlines = std::mem::take(&mut self.inlines);
        if let Some(first) = inlines.first_mut() {
            let trimmed = first.text.trim_start().len();
            first.text.drain(..first.text.len() - trimmed);
        }
        if let Some(last) = inlines.last_mut() {
            let len = last.text.trim_end().len();
            last.text.truncate(len);
        }
        inlines.retain(|i| !i.text.is_empty());
        inlines
    }

    fn end_paragraph(&mut self) {
        if self.list.is_some() {
            // Paragraph inside a loose list item: ends with the item.
            return;
        }
        let inlines = self.take_inlines();
        if inlines.is_empty() {
            return;
        }
        if self.in_quote {
            self.blocks.push(Block::Kernzin(inlines));
        } else {
            self.blocks.push(Block::Paragraph(inlines));
        }
    }
}

fn parse_blocks(source: &str) -> (Vec<Block>, Vec<MarkupIssue>) {
    let mut b = Builder::default();
    let parser = Parser::new_ext(source, Options::empty()).into_offset_iter();
    for (event, range) in parser {
        let at = range.start;
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {
                if matches!(event, Event::End(_)) {
                    b.end_paragraph();
                }
            }
            Event::Start(Tag::Strong) => b.style.bold = true,
            Event::End(TagEnd::Strong) => b.style.bold = false,
            Event::Start(Tag::Emphasis) => b.style.italic = true,
            Event::End(TagEnd::Emphasis) => b.style.italic = false,
            Event::Start(Tag::BlockQuote(_)) => {
                if b.list.is_some() {
                    b.issue(at, "een kernzin (>) kan niet in een lijst staan");
                }
                b.in_quote = true;
            }
            Event::End(TagEnd::BlockQuote(_)) => b.in_quote = false,
            Event::Start(Tag::List(start)) => {
                b.list_depth += 1;
                if b.list_depth > 1 {
                    b.issue(at, "lijsten in lijsten worden niet ondersteund");
                } else {
                    b.end_paragraph();
                    b.list = Some((start, Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                b.list_depth = b.list_depth.saturating_sub(1);
                if b.list_depth == 0
                    && let Some((start, items)) = b.list.take()
                {
                    b.blocks.push(match start {
                        Some(start) => Block::Numbered { start, items },
                        None => Block::Bullets(items),
                    });
                }
            }
            Event::Start(Tag::Item) if b.list_depth == 1 => b.inlines.clear(),
            Event::End(TagEnd::Item) if b.list_depth == 1 => {
                let inlines = b.take_inlines();
                if let Some((_, items)) = b.list.as_mut() {
                    items.push(inlines);
                }
            }
            Event::Text(t) => b.text(&t),
            Event::SoftBreak | Event::HardBreak => b.text(" "),
            Event::Code(t) => {
                b.issue(at, "code (`…`) hoort niet bij de opmaak van kampvuur");
                b.text(&t);
            }
            Event::Start(Tag::Heading { .. }) => {
                b.end_paragraph();
                b.issue(
                    at,
                    "koppen (#) horen niet in de tekst; gebruik de titel van het onderdeel",
                );
            }
            Event::End(TagEnd::Heading(_)) => b.end_paragraph(),
            Event::Start(Tag::Link { .. }) => {
                b.issue(
                    at,
                    "links worden niet ondersteund; schrijf het adres als gewone tekst",
                );
            }
            Event::Start(Tag::Image { .. }) => {
                b.issue(
                    at,
                    "afbeeldingen horen in het veld ‘image’ van een dia, niet in de tekst",
                );
            }
            Event::Start(Tag::CodeBlock(_)) => {
                b.issue(at, "codeblokken horen niet bij de opmaak van kampvuur");
            }
            Event::End(TagEnd::CodeBlock) => b.end_paragraph(),
            Event::Html(_) | Event::InlineHtml(_) => {
                b.issue(at, "HTML hoort niet bij de opmaak van kampvuur");
            }
            Event::Rule => b.issue(at, "een scheidingslijn (---) hoort niet bij de opmaak"),
            _ => {}
        }
    }
    b.end_paragraph();
    (b.blocks, b.issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(text: &str, bold: bool, italic: bool) -> Inline {
        Inline {
            text: text.to_owned(),
            style: Style { bold, italic },
        }
    }

    #[test]
    fn parses_the_subset() {
        let r = RichText::parse(
            "Eerst **vet** en *schuin*.\nZelfde alinea.\n\n- een\n- twee\n\n3. drie\n4. vier\n\n> Loslaten is geen opgeven.",
        );
        assert!(r.issues().is_empty(), "{:?}", r.issues());
        assert_eq!(
            r.blocks(),
            &[
                Block::Paragraph(vec![
                    styled("Eerst ", false, false),
                    styled("vet", true, false),
                    styled(" en ", false, false),
                    styled("schuin", false, true),
                    styled(". Zelfde alinea.", false, false),
                ]),
                Block::Bullets(vec![
                    vec![styled("een", false, false)],
                    vec![styled("twee", false, false)]
                ]),
                Block::Numbered {
                    start: 3,
                    items: vec![
                        vec![styled("drie", false, false)],
                        vec![styled("vier", false, false)]
                    ]
                },
                Block::Kernzin(vec![styled("Loslaten is geen opgeven.", false, false)]),
            ]
        );
        assert_eq!(r.word_count(), 14);
    }

    #[test]
    fn reports_constructs_outside_the_subset() {
        let r = RichText::parse("Tekst\n\n# Kop\n\nZie [hier](https://x.nl) en `code`.");
        let offsets: Vec<usize> = r.issues().iter().map(|i| i.offset).collect();
        assert_eq!(offsets, vec![7, 18, 42]);
        assert!(r.issues()[0].message.contains("koppen"));
        // The text survives as plain text.
        assert_eq!(r.plain_lines(), vec!["Tekst", "Kop", "Zie hier en code."]);
    }

    #[test]
    fn nested_lists_are_reported() {
        let r = RichText::parse("- a\n  - b\n- c");
        assert_eq!(r.issues().len(), 1);
        assert_eq!(r.issues()[0].offset, 6);
    }
}
