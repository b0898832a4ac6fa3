//! Markdown events of the dialect → a tree of blocks with styled inline text.
//!
//! Built with an explicit stack, so hostile nesting cannot overflow the call stack; nesting
//! deeper than [`MAX_DEPTH`] is flattened into the deepest allowed container.

use std::collections::BTreeMap;

use dossier_markdown::{
    Alignment, BlockQuoteKind, CmarkEvent, Dialect, Event, HeadingLevel, Tag, TagEnd,
};

/// Deeper block nesting is flattened: past this the text column would vanish anyway.
pub const MAX_DEPTH: usize = 24;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub mono: bool,
    pub strike: bool,
    /// Superscript (note references).
    pub sup: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Uri(String),
    /// The endnote with this number.
    Note(usize),
    /// Back from endnote to its (first) reference.
    NoteRef(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text {
        text: String,
        style: Style,
        link: Option<Target>,
    },
    /// A hard line break.
    Break,
    /// Where a note reference stands: the target of the endnote's back link.
    Anchor(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Vec<Inline>),
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote {
        kind: Option<BlockQuoteKind>,
        blocks: Vec<Block>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Code(String),
    Rule,
    PageBreak,
    Table {
        aligns: Vec<Alignment>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Endnote `number`: its blocks, the first starting with the number and a back link.
    Note {
        number: usize,
        blocks: Vec<Block>,
    },
}

enum Frame {
    Root(Vec<Block>),
    Quote(Option<BlockQuoteKind>, Vec<Block>),
    List(Option<u64>, Vec<Vec<Block>>),
    Item(Vec<Block>),
    Note(String, Vec<Block>),
    Table {
        aligns: Vec<Alignment>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    /// A container nested past [`MAX_DEPTH`]: its blocks go to the parent.
    Flattened,
}

enum Leaf {
    Para,
    Heading(u8),
    Code,
    Cell,
    /// Literal HTML block: its lines stay lines.
    Html,
}

struct Builder {
    stack: Vec<Frame>,
    leaf: Option<(Leaf, Vec<Inline>)>,
    code: String,
    style: Style,
    links: Vec<Target>,
    /// Note numbers in order of first reference.
    numbers: BTreeMap<String, usize>,
    notes: BTreeMap<String, Vec<Block>>,
}

/// The blocks of `markdown`, with its footnotes moved to numbered endnotes at the end.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut b = Builder {
        stack: vec![Frame::Root(Vec::new())],
        leaf: None,
        code: String::new(),
        style: Style::default(),
        links: Vec::new(),
        numbers: BTreeMap::new(),
        notes: BTreeMap::new(),
    };
    for e in dossier_markdown::events(markdown) {
        b.event(e);
    }
    b.close_leaf();
    while b.stack.len() > 1 {
        b.pop();
    }
    let Some(Frame::Root(mut blocks)) = b.stack.pop() else {
        unreachable!("the root frame is never popped early")
    };
    let mut numbered: Vec<(usize, String)> =
        b.numbers.iter().map(|(l, n)| (*n, l.clone())).collect();
    numbered.sort();
    let mut next = numbered.len() + 1;
    // Definitions never referenced still print, after the referenced ones.
    for label in b.notes.keys() {
        if !b.numbers.contains_key(label) {
            numbered.push((next, label.clone()));
            next += 1;
        }
    }
    let notes: Vec<Block> = numbered
        .into_iter()
        .filter_map(|(number, label)| {
            let blocks = b.notes.remove(&label)?;
            Some(Block::Note { number, blocks })
        })
        .collect();
    // A heading that ends the document with nothing under it is the template's own heading
    // for the notes (where it wrote the definitions): the endnotes go under it.
    if !notes.is_empty() && !matches!(blocks.last(), Some(Block::Heading { .. })) {
        blocks.push(Block::Heading {
            level: 2,
            content: vec![Inline::Text {
                text: "Notes".into(),
                style: Style::default(),
                link: None,
            }],
        });
    }
    blocks.extend(notes);
    blocks
}

impl Builder {
    fn event(&mut self, e: Event<'_>) {
        let e = match e {
            Event::Dialect(Dialect::PageBreak) => {
                self.close_leaf();
                self.push_block(Block::PageBreak);
                return;
            }
            Event::Dialect(Dialect::NoteSeparator) => {
                let saved = self.style;
                self.style = Style {
                    sup: true,
                    ..Style::default()
                };
                self.text(dossier_markdown::NOTE_SEPARATOR);
                self.style = saved;
                return;
            }
            Event::Cmark(e) => e,
        };
        match e {
            CmarkEvent::Start(tag) => self.start(tag),
            CmarkEvent::End(tag) => self.end(tag),
            CmarkEvent::Text(t) => {
                if matches!(self.leaf, Some((Leaf::Code, _))) {
                    self.code.push_str(&t);
                } else if matches!(self.leaf, Some((Leaf::Html, _))) {
                    for (i, line) in t.split('\n').enumerate() {
                        if i > 0 {
                            self.inline(Inline::Break);
                        }
                        self.text(line);
                    }
                } else {
                    self.text(&t);
                }
            }
            CmarkEvent::Code(t) => {
                let saved = self.style;
                self.style.mono = true;
                self.text(&t);
                self.style = saved;
            }
            CmarkEvent::Html(t) | CmarkEvent::InlineHtml(t) => self.text(&t),
            CmarkEvent::InlineMath(t) | CmarkEvent::DisplayMath(t) => self.text(&t),
            CmarkEvent::FootnoteReference(label) => {
                let n = self.numbers.len() + 1;
                let number = *self.numbers.entry(label.to_string()).or_insert(n);
                if number == n {
                    self.inline(Inline::Anchor(number));
                }
                let saved = self.style;
                self.style = Style {
                    sup: true,
                    ..Style::default()
                };
                self.links.push(Target::Note(number));
                self.text(&number.to_string());
                self.links.pop();
                self.style = saved;
            }
            CmarkEvent::SoftBreak => self.text(" "),
            CmarkEvent::HardBreak => self.inline(Inline::Break),
            CmarkEvent::Rule => {
                self.close_leaf();
                self.push_block(Block::Rule);
            }
            CmarkEvent::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_leaf(Leaf::Para),
            Tag::Heading { level, .. } => self.open_leaf(Leaf::Heading(heading_level(level))),
            Tag::CodeBlock(_) => {
                self.open_leaf(Leaf::Code);
                self.code.clear();
            }
            Tag::HtmlBlock => self.open_leaf(Leaf::Html),
            Tag::TableCell => self.open_leaf(Leaf::Cell),
            Tag::BlockQuote(kind) => self.push_frame(Frame::Quote(kind, Vec::new())),
            Tag::List(start) => self.push_frame(Frame::List(start, Vec::new())),
            Tag::Item => self.push_frame(Frame::Item(Vec::new())),
            Tag::FootnoteDefinition(label) => {
                self.push_frame(Frame::Note(label.to_string(), Vec::new()))
            }
            Tag::Table(aligns) => self.push_frame(Frame::Table {
                aligns,
                head: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            }),
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
            }
            Tag::TableRow => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(Vec::new());
                }
            }
            Tag::Emphasis => self.style.italic = true,
            Tag::Strong => self.style.bold = true,
            Tag::Strikethrough => self.style.strike = true,
            Tag::Superscript => self.style.sup = true,
            Tag::Link { dest_url, .. } => self.links.push(Target::Uri(dest_url.to_string())),
            // Images are not embedded yet: their alternative text stands in.
            Tag::Image { .. } => self.style.italic = true,
            Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close_leaf()
            }
            TagEnd::TableCell => {
                let Some((_, content)) = self.leaf.take() else {
                    return;
                };
                if let Some(Frame::Table {
                    head,
                    rows,
                    in_head,
                    ..
                }) = self.stack.last_mut()
                {
                    match (in_head, rows.last_mut()) {
                        (true, _) => head.push(content),
                        (false, Some(row)) => row.push(content),
                        (false, None) => rows.push(vec![content]),
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = false;
                }
            }
            TagEnd::TableRow => {}
            TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table => {
                self.close_leaf();
                self.pop();
            }
            TagEnd::Emphasis => self.style.italic = false,
            TagEnd::Strong => self.style.bold = false,
            TagEnd::Strikethrough => self.style.strike = false,
            TagEnd::Superscript => self.style.sup = false,
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => self.style.italic = false,
            TagEnd::Subscript
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        let style = self.style;
        let link = self.links.last().cloned();
        if let Some((_, content)) = &mut self.leaf
            && let Some(Inline::Text {
                text,
                style: s,
                link: l,
            }) = content.last_mut()
            && *s == style
            && *l == link
        {
            text.push_str(t);
            return;
        }
        self.inline(Inline::Text {
            text: t.to_string(),
            style,
            link,
        });
    }

    fn inline(&mut self, i: Inline) {
        if self.leaf.is_none() {
            // Tight list items carry their text without a paragraph.
            self.leaf = Some((Leaf::Para, Vec::new()));
        }
        if let Some((_, content)) = &mut self.leaf {
            content.push(i);
        }
    }

    fn open_leaf(&mut self, leaf: Leaf) {
        self.close_leaf();
        self.leaf = Some((leaf, Vec::new()));
    }

    fn close_leaf(&mut self) {
        let Some((leaf, content)) = self.leaf.take() else {
            return;
        };
        let block = match leaf {
            Leaf::Para | Leaf::Html | Leaf::Cell => Block::Para(content),
            Leaf::Heading(level) => Block::Heading { level, content },
            Leaf::Code => Block::Code(std::mem::take(&mut self.code)),
        };
        self.push_block(block);
    }

    fn push_block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Root(b) | Frame::Quote(_, b) | Frame::Item(b) | Frame::Note(_, b) => {
                    b.push(block);
                    return;
                }
                Frame::List(_, items) => {
                    // A block directly in a list (not in an item) starts an item.
                    items.push(vec![block]);
                    return;
                }
                // Block content inside a table cell is flattened into the cell's text.
                Frame::Table { .. } | Frame::Flattened => {}
            }
        }
    }

    fn push_frame(&mut self, frame: Frame) {
        self.close_leaf();
        let depth = self
            .stack
            .iter()
            .filter(|f| !matches!(f, Frame::Flattened))
            .count();
        if depth > MAX_DEPTH {
            self.stack.push(Frame::Flattened);
        } else {
            self.stack.push(frame);
        }
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let block = match frame {
            Frame::Root(_) | Frame::Flattened => return,
            Frame::Quote(kind, blocks) => Block::Quote { kind, blocks },
            Frame::List(start, items) => Block::List { start, items },
            Frame::Item(blocks) => {
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(blocks);
                    return;
                }
                // An item outside a list (only past the depth cap): keep its blocks.
                for b in blocks {
                    self.push_block(b);
                }
                return;
            }
            Frame::Note(label, blocks) => {
                self.notes.entry(label).or_insert(blocks);
                return;
            }
            Frame::Table {
                aligns, head, rows, ..
            } => Block::Table { aligns, head, rows },
        };
        self.push_block(block);
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The plain text of inlines (outline titles, table measurements).
pub fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text { text, .. } => s.push_str(text),
            Inline::Break => s.push(' '),
            Inline::Anchor(_) => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(md: &str, expected: &str) {
        let got = format!("{:?}", parse(md));
        assert_eq!(got, expected, "\n{md}");
    }

    #[test]
    fn footnotes_become_numbered_endnotes_in_reference_order() {
        let blocks = parse("b[^y] a[^x] again[^y]\n\n[^x]: X.\n[^y]: Y.\n");
        let notes: Vec<_> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Note { number, blocks } => Some((*number, plain_of(blocks))),
                _ => None,
            })
            .collect();
        assert_eq!(notes, [(1, "Y.".to_string()), (2, "X.".to_string())]);
    }

    fn plain_of(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| match b {
                Block::Para(i) => plain(i),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn a_trailing_notes_heading_is_not_doubled() {
        let headings = |md: &str| {
            parse(md)
                .iter()
                .filter_map(|b| match b {
                    Block::Heading { content, .. } => Some(plain(content)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(headings("a[^1]\n\n## Endnotes\n\n[^1]: n\n"), ["Endnotes"]);
        assert_eq!(headings("a[^1]\n\n[^1]: n\n"), ["Notes"]);
    }

    #[test]
    fn tight_list_items_hold_paragraphs() {
        check(
            "- a\n- b",
            r#"[List { start: None, items: [[Para([Text { text: "a", style: Style { bold: false, italic: false, mono: false, strike: false, sup: false }, link: None }])], [Para([Text { text: "b", style: Style { bold: false, italic: false, mono: false, strike: false, sup: false }, link: None }])]] }]"#,
        );
    }

    /// Bounded: well under 0.3 s; quadratic in the depth, or a recursion that overflows.
    #[test]
    fn deep_nesting_is_flattened_without_overflow() {
        dossier_testkit::bounded(
            std::time::Duration::from_secs(30),
            "deep_nesting_is_flattened_without_overflow",
            || {
                let md = ">".repeat(5_000) + " deep";
                let blocks = parse(&md);
                assert!(!blocks.is_empty());
            },
        );
    }

    #[test]
    fn tables_keep_head_and_rows() {
        let blocks = parse("| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 | 4 |\n");
        let Block::Table { aligns, head, rows } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(aligns.len(), 2);
        assert_eq!(head.len(), 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(plain(&rows[1][1]), "4");
    }
}
