//! Main-content extraction: readability-style scoring over the lean tree, then rendering the
//! winning subtree (and its article-like siblings) as Markdown.

use super::tree::{Document, NONE, Tag};

/// Class or id fragments of page chrome. Matched as substrings of the lower-cased `class id`.
const NEGATIVE: [&str; 34] = [
    "comment",
    "footer",
    "footnote",
    "sidebar",
    "sponsor",
    "advert",
    "promo",
    "related",
    "share",
    "social",
    "nav",
    "menu",
    "breadcrumb",
    "masthead",
    "subscribe",
    "newsletter",
    "popup",
    "modal",
    "cookie",
    "banner",
    "outbrain",
    "taboola",
    "recommend",
    "signup",
    "paywall",
    "trending",
    "most-popular",
    "author-bio",
    "pagination",
    "disqus",
    "shoutbox",
    // Photo captions, credits and slideshows: the article's words are in its paragraphs.
    "caption",
    "gallery",
    "credit",
];
const POSITIVE: [&str; 9] = [
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog",
];

fn class_weight(class: &str) -> f32 {
    if class.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if NEGATIVE.iter().any(|n| class.contains(n)) {
        w -= 25.0;
    }
    if POSITIVE.iter().any(|p| class.contains(p)) {
        w += 25.0;
    }
    w
}

/// Per-node text statistics, indexed like the nodes.
struct Stats {
    /// Bytes of visible text under the node.
    text: Vec<u32>,
    /// Bytes of text inside links under the node.
    link: Vec<u32>,
}

fn stats(doc: &Document) -> Stats {
    let n = doc.nodes.len();
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    // Children always come after their parent in the arena: a reverse sweep is a post-order.
    for id in (1..n).rev() {
        let node = &doc.nodes[id];
        if node.tag == Tag::Text {
            text[id] = visible_len(&node.text);
        }
        if node.tag == Tag::A {
            link[id] = text[id];
        }
        let p = node.parent as usize;
        text[p] += text[id];
        link[p] += link[id];
    }
    Stats { text, link }
}

fn visible_len(s: &str) -> u32 {
    let t = s.trim();
    if t.is_empty() { 0 } else { t.len() as u32 }
}

fn link_density(st: &Stats, id: usize) -> f32 {
    if st.text[id] == 0 {
        0.0
    } else {
        st.link[id] as f32 / st.text[id] as f32
    }
}

/// Skipped when rendering: chrome by tag, or by class unless the class also says "content".
fn is_chrome(doc: &Document, st: &Stats, id: u32, by_class: bool) -> bool {
    let node = doc.node(id);
    if matches!(
        node.tag,
        Tag::Text | Tag::A | Tag::Inline | Tag::Br | Tag::Hr
    ) {
        return false;
    }
    let i = id as usize;
    if is_chrome_element(doc, st, i, by_class) {
        return true;
    }
    // Link lists (tag clouds, "more stories") inside the article.
    matches!(
        node.tag,
        Tag::Ul | Tag::Ol | Tag::Div | Tag::Section | Tag::Table | Tag::Header
    ) && link_density(st, i) > 0.5
        && st.text[i] < 2000
}

/// A `<form>` holding more text than this wraps the page rather than being a control: ASP.NET
/// WebForms pages put the whole body, article included, inside one `<form>`.
const PAGE_FORM: u32 = 2000;

/// Page chrome by its own tag or class (not by link density): navigation, asides, footers,
/// forms, and elements whose class says comments, sharing, ads… — never the page's body,
/// `<main>` or `<article>`, whose classes often name the whole layout ("has-sidebar").
fn is_chrome_element(doc: &Document, st: &Stats, id: usize, by_class: bool) -> bool {
    let node = &doc.nodes[id];
    match node.tag {
        Tag::Form if st.text[id] > PAGE_FORM => false,
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form | Tag::Figure => true,
        Tag::Root | Tag::Body | Tag::Main | Tag::Article | Tag::Text => false,
        _ => {
            node.hints.contains("navigation")
                || node.hints.contains("complementary")
                || by_class && class_weight(&node.text) < 0.0
        }
    }
}

/// Fewer bytes in a div of phrasing content are a label (a byline, a date), not a paragraph.
const PHRASING_PARAGRAPH: u32 = 80;

/// How much to trust class names. `Strict` first; `Lenient` when that finds (almost) nothing,
/// because some sites put "sidebar" or "share" in a class of the wrapper around everything;
/// `Whole` renders everything visible, headings included, for a page where both found nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Lenient,
    Whole,
}

/// The nodes that hold the article, in document order.
pub fn main_content(doc: &Document, mode: Mode) -> Vec<u32> {
    let by_class = mode == Mode::Strict;
    let st = stats(doc);
    let n = doc.nodes.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    // Inside chrome (comment threads, related-story lists) nothing scores: a long comment
    // thread must not outscore the article.
    let mut excluded = vec![false; n];
    for id in 1..n {
        let parent = doc.nodes[id].parent as usize;
        excluded[id] = excluded[parent] || is_chrome_element(doc, &st, id, by_class);
    }
    for (id, _) in excluded.iter().enumerate().skip(1).filter(|(_, x)| !**x) {
        let node = &doc.nodes[id];
        // Text directly in a div is a paragraph too (old templates use <div><br>), and the div
        // is then also the container of the article: it scores first, before its ancestors.
        let holds_text = matches!(node.tag, Tag::Div | Tag::Section | Tag::Article)
            && doc
                .children(id as u32)
                .any(|c| doc.node(c).tag == Tag::Text && visible_len(&doc.node(c).text) >= 80);
        // A div of phrasing content only (text, links, spans, line breaks), as long as a
        // paragraph, is a paragraph written as a div, as Readability reads it: editors that wrap
        // each paragraph in `<div><span>` leave the article without a single `<p>`.
        let phrasing = !holds_text
            && node.tag == Tag::Div
            && st.text[id] >= PHRASING_PARAGRAPH
            && doc.children(id as u32).all(|c| {
                let t = doc.node(c).tag;
                !t.is_block() || t == Tag::Br
            });
        let is_para = holds_text
            || phrasing
            || matches!(
                node.tag,
                Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Li
            );
        if !is_para || st.text[id] < 25 {
            continue;
        }
        let text_len = st.text[id] as f32;
        let commas = own_text_commas(doc, id as u32) as f32;
        let para = (1.0 + commas + (text_len / 100.0).min(3.0)) * (1.0 - link_density(&st, id));
        let mut anc = if holds_text { id as u32 } else { node.parent };
        for level in 0..3 {
            if anc == NONE || anc == 0 {
                break;
            }
            let a = anc as usize;
            if !scored[a] {
                scored[a] = true;
                score[a] = initial(doc, a);
            }
            score[a] += para / [1.0, 2.0, 6.0][level];
            anc = doc.nodes[a].parent;
        }
    }
    let mut best = None::<(usize, f32)>;
    for id in 1..n {
        if !scored[id] {
            continue;
        }
        let s = score[id] * (1.0 - link_density(&st, id));
        score[id] = s;
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    let Some((first, first_score)) = best else {
        return vec![body(doc)];
    };
    let top = widen(doc, &score, &scored, first, first_score);
    let top_score = if scored[top] {
        score[top].max(first_score)
    } else {
        first_score
    };
    let parent = doc.nodes[top].parent;
    if parent == NONE {
        return vec![top as u32];
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.nodes[top].text.clone();
    doc.children(parent)
        .filter(|&c| {
            let ci = c as usize;
            if ci == top {
                return true;
            }
            let node = doc.node(c);
            if node.tag == Tag::Text || is_chrome(doc, &st, c, by_class) {
                return false;
            }
            let bonus = if !top_class.is_empty() && node.text == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if scored[ci] && score[ci] + bonus >= threshold {
                return true;
            }
            node.tag == Tag::P && {
                let ld = link_density(&st, ci);
                (st.text[ci] > 80 && ld < 0.25)
                    || (st.text[ci] > 0 && ld == 0.0 && ends_sentence(doc, c))
            }
        })
        .collect()
}

/// Readability's corrections to a top candidate that is too narrow: an article split into
/// several blocks ("cards", one `<div>` per few paragraphs) makes each block a candidate, and
/// the best one alone is a fragment. Moves up to the ancestor that holds at least three other
/// strong candidates, then up while the parent scores higher. (Readability's third step, up
/// through wrappers without another element child, measured worse: it brings in headers.)
fn widen(doc: &Document, score: &[f32], scored: &[bool], top: usize, top_score: f32) -> usize {
    const ALTERNATIVES: usize = 3;
    let parent = |id: usize| doc.nodes[id].parent;
    let is_top_level = |id: u32| id == NONE || id == 0 || doc.node(id).tag == Tag::Body;
    let mut top = top;
    let mut ranked: Vec<usize> = (1..score.len())
        .filter(|&i| scored[i] && i != top)
        .collect();
    ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let strong: Vec<usize> = ranked
        .into_iter()
        .take(4)
        .filter(|&i| score[i] >= 0.75 * top_score)
        .collect();
    if strong.len() >= ALTERNATIVES {
        let within = |anc: u32, mut id: u32| {
            while id != NONE {
                if id == anc {
                    return true;
                }
                id = doc.node(id).parent;
            }
            false
        };
        let mut a = parent(top);
        while !is_top_level(a) {
            if strong.iter().filter(|&&c| within(a, c as u32)).count() >= ALTERNATIVES {
                top = a as usize;
                break;
            }
            a = doc.node(a).parent;
        }
    }
    let mut last = if scored[top] { score[top] } else { top_score };
    let floor = last / 3.0;
    let mut a = parent(top);
    while !is_top_level(a) {
        let ai = a as usize;
        if scored[ai] {
            if score[ai] < floor {
                break;
            }
            if score[ai] > last {
                top = ai;
                break;
            }
            last = score[ai];
        }
        a = doc.node(a).parent;
    }
    top
}

fn initial(doc: &Document, id: usize) -> f32 {
    let node = &doc.nodes[id];
    let base = match node.tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Ul | Tag::Ol | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        Tag::H(_) => -5.0,
        _ => 0.0,
    };
    base + class_weight(&node.text)
        + if node.hints.contains("articlebody") {
            30.0
        } else {
            0.0
        }
}

fn own_text_commas(doc: &Document, id: u32) -> usize {
    let mut n = 0;
    let mut stack = vec![id];
    while let Some(x) = stack.pop() {
        let node = doc.node(x);
        if node.tag == Tag::Text {
            n += node.text.matches([',', '،', '，']).count();
        } else {
            stack.extend(doc.children(x));
        }
    }
    n
}

fn ends_sentence(doc: &Document, id: u32) -> bool {
    let mut last = String::new();
    collect_text(doc, id, &mut last);
    last.trim_end().ends_with(['.', '!', '?', '"', '”'])
}

fn collect_text(doc: &Document, id: u32, out: &mut String) {
    for c in doc.children(id) {
        let node = doc.node(c);
        if node.tag == Tag::Text {
            out.push_str(&node.text);
        } else {
            collect_text(doc, c, out);
        }
    }
}

pub fn body(doc: &Document) -> u32 {
    doc.nodes
        .iter()
        .position(|n| n.tag == Tag::Body)
        .map_or(0, |i| i as u32)
}

/// Renders `ids` as Markdown: paragraphs, headings, block quotes, lists and links. Headings equal
/// to `title` are left out (the title is metadata).
pub fn render(doc: &Document, ids: &[u32], title: Option<&str>, mode: Mode) -> String {
    let st = stats(doc);
    let mut r = Renderer {
        mode,
        doc,
        st: &st,
        blocks: Vec::new(),
        buf: String::new(),
        quote: 0,
        lists: Vec::new(),
        title: title.map(fold),
    };
    for &id in ids {
        r.node(id);
        r.flush(Kind::Para);
    }
    r.finish()
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Para,
    Heading(u8),
    Item,
}

struct Block {
    kind: Kind,
    text: String,
    quote: u8,
    /// Nesting depth and marker for list items.
    depth: usize,
    marker: String,
}

struct Renderer<'a> {
    mode: Mode,
    doc: &'a Document,
    st: &'a Stats,
    blocks: Vec<Block>,
    buf: String,
    quote: u8,
    /// Open lists: `Some(next number)` for ordered, `None` for bullets.
    lists: Vec<Option<usize>>,
    title: Option<String>,
}

impl Renderer<'_> {
    fn node(&mut self, id: u32) {
        let node = self.doc.node(id);
        let by_class = self.mode == Mode::Strict;
        if node.tag != Tag::Text
            && self.mode != Mode::Whole
            && is_chrome(self.doc, self.st, id, by_class)
        {
            return;
        }
        match node.tag {
            Tag::Text => self.text(&node.text),
            Tag::Br => self.flush(Kind::Para),
            Tag::Hr => self.flush(Kind::Para),
            Tag::A => {
                let href = node.href.as_deref().filter(|h| is_link(h));
                let start = self.buf.len();
                let blocks = self.blocks.len();
                self.children(id);
                // A link wrapping blocks (`<a><div>…</div></a>`) stays plain text.
                let inline = self.blocks.len() == blocks && self.buf.len() >= start;
                if let Some(href) = href.filter(|_| inline) {
                    let inner = self.buf[start..].trim().to_string();
                    if !inner.is_empty() {
                        let lead = if self.buf[start..].starts_with(' ') {
                            " "
                        } else {
                            ""
                        };
                        self.buf.truncate(start);
                        self.buf.push_str(lead);
                        self.buf.push('[');
                        self.buf.push_str(&inner.replace(['[', ']'], ""));
                        self.buf.push_str("](");
                        self.buf
                            .push_str(&href.replace(' ', "%20").replace(')', "%29"));
                        self.buf.push(')');
                    }
                }
            }
            Tag::H(level) => {
                self.flush(Kind::Para);
                self.children(id);
                self.flush(Kind::Heading(level));
            }
            Tag::Blockquote => {
                self.flush(Kind::Para);
                self.quote = self.quote.saturating_add(1);
                self.children(id);
                self.flush(Kind::Para);
                self.quote -= 1;
            }
            Tag::Ul | Tag::Ol => {
                self.flush(Kind::Para);
                self.lists.push((node.tag == Tag::Ol).then_some(1));
                self.children(id);
                self.flush(Kind::Para);
                self.lists.pop();
            }
            Tag::Li => {
                self.flush(Kind::Para);
                self.children(id);
                self.flush(if self.lists.is_empty() {
                    Kind::Para
                } else {
                    Kind::Item
                });
            }
            t if t.is_block() => {
                self.flush(Kind::Para);
                self.children(id);
                self.flush(Kind::Para);
            }
            _ => self.children(id),
        }
    }

    fn children(&mut self, id: u32) {
        for c in self.doc.children(id) {
            self.node(c);
        }
    }

    fn text(&mut self, text: &str) {
        for (k, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
            if word.is_empty() {
                if k == 0 && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                continue;
            }
            if k > 0 && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                self.buf.push(' ');
            }
            self.buf.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.buf.is_empty() && !self.buf.ends_with(' ') {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self, kind: Kind) {
        let text = self.buf.trim();
        if text.is_empty() {
            self.buf.clear();
            return;
        }
        // The `<h1>` is the headline, and the headline is metadata (the title), even when it
        // words the title differently; so is any heading equal to the title.
        let is_title = |t: &str| self.title.as_ref().is_some_and(|title| fold(t) == *title);
        let headline =
            kind == Kind::Heading(1) || matches!(kind, Kind::Heading(_)) && is_title(text);
        if headline && self.mode != Mode::Whole {
            self.buf.clear();
            return;
        }
        let (depth, marker) = match kind {
            Kind::Item => {
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "-".to_string(),
                };
                (depth, marker)
            }
            _ => (0, String::new()),
        };
        self.blocks.push(Block {
            kind,
            text: text.to_string(),
            quote: self.quote,
            depth,
            marker,
        });
        self.buf.clear();
    }

    fn finish(self) -> String {
        let mut out = String::new();
        let mut prev: Option<&Block> = None;
        for b in &self.blocks {
            if let Some(p) = prev {
                let tight = p.kind == Kind::Item && b.kind == Kind::Item && p.quote == b.quote;
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            let quote = "> ".repeat(b.quote as usize);
            out.push_str(&quote);
            match b.kind {
                Kind::Heading(level) => {
                    out.push_str(&"#".repeat(level as usize));
                    out.push(' ');
                    out.push_str(&b.text);
                }
                Kind::Item => {
                    out.push_str(&"  ".repeat(b.depth));
                    out.push_str(&b.marker);
                    out.push(' ');
                    out.push_str(&b.text);
                }
                Kind::Para => {
                    if needs_escape(&b.text) {
                        out.push('\\');
                    }
                    out.push_str(&b.text);
                }
            }
            prev = Some(b);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// A paragraph that Markdown would read as a heading, quote, list item or rule.
pub(crate) fn needs_escape(text: &str) -> bool {
    text.starts_with(['#', '>', '-', '+', '*', '=', '|'])
        || text.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() < 10 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

fn is_link(href: &str) -> bool {
    let h = href.trim();
    !h.is_empty() && !h.starts_with('#') && !h.to_ascii_lowercase().starts_with("javascript:")
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
