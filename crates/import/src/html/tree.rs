//! A lean, linear-time HTML tokenizer and tree builder, made for reading articles, not for
//! rendering: scripts, styles, SVG and form controls are skipped while tokenizing, attributes
//! other than the few that matter are never stored, and nesting is capped at [`MAX_DEPTH`] so a
//! page nested 100,000 levels deep costs no more than a flat one (deeper tags are flattened into
//! their ancestor at the cap). `<head>` metadata is collected on the way through.

use std::borrow::Cow;
use std::sync::LazyLock;

use dossier_dates::metadata::SHORT_DATE_TEXT;
use regex::Regex;

/// Deepest element nesting kept as structure. Real pages stay under ~60.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Root,
    Text,
    Body,
    P,
    Div,
    Section,
    Article,
    Main,
    H(u8),
    Ul,
    Ol,
    Li,
    Blockquote,
    Pre,
    A,
    Br,
    Hr,
    Table,
    Tr,
    Td,
    Nav,
    Aside,
    Footer,
    Header,
    Form,
    Figure,
    Figcaption,
    Dl,
    Dd,
    Dt,
    Span,
    Img,
    Time,
    Inline,
    Other,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "form" => Tag::Form,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "dl" => Tag::Dl,
            "dd" => Tag::Dd,
            "dt" => Tag::Dt,
            "span" => Tag::Span,
            "img" => Tag::Img,
            "time" => Tag::Time,
            "b" | "strong" | "i" | "em" | "u" | "small" | "sup" | "sub" | "abbr" | "cite" | "q"
            | "mark" | "font" | "code" | "s" | "del" | "ins" | "big" | "tt" | "var" | "kbd"
            | "samp" | "label" => Tag::Inline,
            "body" => Tag::Body,
            _ => Tag::Other,
        }
    }

    /// Starts a new block of text in the rendered output.
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::A | Tag::Span | Tag::Inline | Tag::Img | Tag::Time | Tag::Other
        )
    }

    /// Closes an open `<p>` when it starts (the HTML parser's implied end tags, the part of them
    /// that matters for text).
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::H(_)
                | Tag::Ul
                | Tag::Ol
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Nav
                | Tag::Aside
                | Tag::Footer
                | Tag::Header
                | Tag::Form
                | Tag::Figure
                | Tag::Dl
                | Tag::Hr
        )
    }
}

pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
pub struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next: u32,
    /// Lower-cased `class` and `id`, space separated (elements), or the decoded text (text).
    pub text: String,
    pub href: Option<String>,
    /// `itemprop`/`rel`/`role` hints, lower-cased (elements only).
    pub hints: String,
}

/// Metadata gathered while tokenizing.
#[derive(Debug, Default)]
pub struct Head {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    /// `(name or property or itemprop, content)` of `<meta>` tags, names lower-cased.
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<String>,
    /// The first publication timestamp in a script's data (`"publishedDate":"2016-11-04T20:37"`):
    /// pages rendered by JavaScript keep their metadata there and nowhere else.
    pub script_published: Option<String>,
    /// `datetime` of `<time>` elements (or `title` of date-classed elements, as in
    /// `<abbr class="published" title="2016-12-23T05:11">`), with class/itemprop hints.
    pub times: Vec<(String, String)>,
    /// Short texts holding a year, in document order, with the classes of their enclosing
    /// elements: where pages print their date ("Donnerstag, 15.2.2018", "March 3, 2020").
    pub text_dates: Vec<(String, String)>,
    /// Dates of teasers in lists of other pages (`<time>` values and texts), in document order:
    /// on a front page, the newest news is the page's date; elsewhere they never are.
    pub teaser_dates: Vec<String>,
    /// A short text with a year right under the first `<h1>`: where a byline prints the day.
    pub headline_date: Option<String>,
    /// The markup inside `<noscript>` elements, in document order: a page built by script may
    /// print its text only there.
    pub noscript: Vec<String>,
}

/// A publication-date key with an ISO date in a script's JSON.
static SCRIPT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#""(?:datePublished|publishedDate|publishDate|published_at|publishedAt|date_published|firstPublished|pubDate)"\s*:\s*"((?:19|20)\d\d-\d\d-\d\d[^"]{0,30})""#,
    )
    .expect("script date regex")
});

/// How many texts after the start of the first `<h1>` (its own included) a date line may come
/// to be the headline's.
const HEADLINE_DATE_TEXTS: usize = 8;

/// How many year-holding texts are kept for date finding: the page's date comes early.
const TEXT_DATES: usize = 48;

pub struct Document {
    pub nodes: Vec<Node>,
    pub head: Head,
}

impl Document {
    pub fn children(&self, id: u32) -> Children<'_> {
        Children {
            doc: self,
            next: self.nodes[id as usize].first_child,
        }
    }
    pub fn node(&self, id: u32) -> &Node {
        &self.nodes[id as usize]
    }
}

pub struct Children<'a> {
    doc: &'a Document,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        (self.next != NONE).then(|| {
            let id = self.next;
            self.next = self.doc.nodes[id as usize].next;
            id
        })
    }
}

/// Elements whose whole content is skipped: never article text.
const SKIPPED: [&str; 12] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "select", "button",
    "textarea", "object", "canvas",
];
/// Skipped elements that cannot contain themselves: a second `<button>` start tag closes the
/// first (as the HTML parser does), so one unclosed button does not swallow the rest of the page.
const CANNOT_NEST: [&str; 3] = ["button", "select", "iframe"];
/// Elements whose content is raw text up to the matching end tag.
const RAW: [&str; 6] = [
    "script", "style", "noscript", "template", "textarea", "title",
];
const VOID: [&str; 14] = [
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
    "wbr", "param",
];

pub fn parse(html: &str) -> Document {
    Builder::new(html).run()
}

struct Builder<'a> {
    src: &'a str,
    pos: usize,
    nodes: Vec<Node>,
    stack: Vec<u32>,
    /// Open elements past the depth cap, by name, so their end tags are absorbed.
    overflow: usize,
    head: Head,
    /// The list item each entry of `head.times` and `head.text_dates` sits in, if any: see
    /// [`Builder::set_teasers_apart`].
    time_items: Vec<Option<ListItem>>,
    text_items: Vec<Option<ListItem>>,
    /// Texts seen so far (not blank), and how many when the first `<h1>` opened.
    texts: usize,
    headline_at: Option<usize>,
}

/// `(list, item)` node ids.
type ListItem = (u32, u32);

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Builder<'a> {
        let root = Node {
            tag: Tag::Root,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
            text: String::new(),
            href: None,
            hints: String::new(),
        };
        Builder {
            src,
            pos: 0,
            nodes: vec![root],
            stack: vec![0],
            overflow: 0,
            head: Head::default(),
            time_items: Vec::new(),
            text_items: Vec::new(),
            texts: 0,
            headline_at: None,
        }
    }

    fn run(mut self) -> Document {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            let Some(lt) = memchr(b'<', &bytes[self.pos..]) else {
                self.text(self.pos, bytes.len());
                break;
            };
            let at = self.pos + lt;
            if at > self.pos {
                self.text(self.pos, at);
            }
            self.pos = at;
            self.markup();
        }
        self.set_teasers_apart();
        Document {
            nodes: self.nodes,
            head: self.head,
        }
    }

    /// At a `<`: a comment, declaration, end tag, start tag, or a literal `<`.
    fn markup(&mut self) {
        let rest = &self.src.as_bytes()[self.pos..];
        if rest.starts_with(b"<!--") {
            self.pos = find(self.src, self.pos + 4, "-->").map_or(self.src.len(), |i| i + 3);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            self.pos = find(self.src, self.pos, ">").map_or(self.src.len(), |i| i + 1);
        } else if rest.len() > 2 && rest[1] == b'/' && rest[2].is_ascii_alphabetic() {
            let (name, end) = self.name(self.pos + 2);
            self.pos = find(self.src, end, ">").map_or(self.src.len(), |i| i + 1);
            self.end_tag(&name);
        } else if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
            self.start_tag();
        } else {
            self.text(self.pos, self.pos + 1);
            self.pos += 1;
        }
    }

    fn name(&self, from: usize) -> (String, usize) {
        let bytes = self.src.as_bytes();
        let mut end = from;
        while end < bytes.len()
            && !matches!(
                bytes[end],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            )
        {
            end += 1;
        }
        (self.src[from..end].to_ascii_lowercase(), end)
    }

    fn start_tag(&mut self) {
        let (name, mut i) = self.name(self.pos + 1);
        let bytes = self.src.as_bytes();
        let mut attrs: Vec<(String, Cow<'a, str>)> = Vec::new();
        // Attributes until `>`; quoted values may contain `>`.
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i = (i + 1).min(bytes.len());
                break;
            }
            let start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
            {
                i += 1;
            }
            let key = &self.src[start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value: &'a str = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let end = memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                    value = &self.src[i + 1..end];
                    i = (end + 1).min(bytes.len());
                } else {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &self.src[start..i];
                }
            }
            if key.len() < 20 && is_kept_attr(key) {
                attrs.push((key.to_ascii_lowercase(), decode(value)));
            }
        }
        self.pos = i;
        let attr = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_ref());
        match name.as_str() {
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop"));
                if let (Some(k), Some(v)) = (key, attr("content")) {
                    self.head
                        .metas
                        .push((k.to_ascii_lowercase(), v.trim().to_string()));
                } else if let (Some(k), Some(v)) = (attr("http-equiv"), attr("content")) {
                    self.head
                        .metas
                        .push((k.to_ascii_lowercase(), v.trim().to_string()));
                }
                return;
            }
            "link" => {
                if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    self.head.canonical = attr("href").map(str::to_string);
                }
                return;
            }
            "html" => {
                self.head.lang = attr("lang").or(attr("xml:lang")).map(str::to_string);
                return;
            }
            "head" => return,
            _ => {}
        }
        if name == "time"
            && let Some(dt) = attr("datetime")
        {
            let hints = [
                attr("itemprop"),
                attr("class"),
                attr("pubdate").map(|_| "pubdate"),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
            self.head.times.push((dt.to_string(), hints));
            self.time_items.push(self.list_item());
        } else if let (Some(title), Some(class)) = (attr("title"), attr("class"))
            && is_date_class(&class.to_ascii_lowercase())
        {
            self.head
                .times
                .push((title.to_string(), class.to_ascii_lowercase()));
            self.time_items.push(self.list_item());
        }
        if RAW.contains(&name.as_str()) {
            let end = find_end_tag(self.src, self.pos, &name);
            let content = &self.src[self.pos..end.0];
            if name == "title" && self.head.title.is_none() {
                self.head.title = Some(decode(content).trim().to_string());
            } else if name == "script"
                && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
            {
                self.head.json_ld.push(content.to_string());
            } else if name == "noscript" && content.contains(|c: char| c.is_alphanumeric()) {
                self.head.noscript.push(content.to_string());
            } else if name == "script" && self.head.script_published.is_none() {
                self.head.script_published =
                    SCRIPT_DATE.captures(content).map(|c| c[1].to_string());
            }
            self.pos = end.1;
            return;
        }
        if SKIPPED.contains(&name.as_str()) {
            // Foreign content (svg, math) and controls: skip to the matching end tag, counting
            // nested tags of the same name; linear in the skipped length.
            self.pos = skip_element(self.src, self.pos, &name);
            return;
        }
        let tag = Tag::of(&name);
        if tag == Tag::H(1) && self.headline_at.is_none() {
            self.headline_at = Some(self.texts);
        }
        if tag.closes_p() {
            self.close_open(|t| t == Tag::P, |t| t.is_block() && t != Tag::P);
        }
        if tag == Tag::Li {
            self.close_open(|t| t == Tag::Li, |t| matches!(t, Tag::Ul | Tag::Ol));
        }
        if VOID.contains(&name.as_str()) || tag == Tag::Br || tag == Tag::Hr || tag == Tag::Img {
            if matches!(tag, Tag::Br | Tag::Hr) {
                self.push(tag, String::new(), None, String::new());
                self.pop();
            }
            return;
        }
        if matches!(name.as_str(), "pre" | "listing") {
            // A newline right after the start tag is not content (HTML's rule, for authors who
            // start the code on the next line): kept, it read as a space before the code.
            let rest = &self.src[self.pos..];
            self.pos += if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with(['\n', '\r']))
            };
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return;
        }
        let mut class = String::new();
        for key in ["class", "id"] {
            if let Some(v) = attr(key) {
                class.push_str(&v.to_ascii_lowercase());
                class.push(' ');
            }
        }
        let hints = [attr("itemprop"), attr("rel"), attr("role")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let href = (tag == Tag::A)
            .then(|| attr("href").map(str::to_string))
            .flatten();
        self.push(tag, class, href, hints);
    }

    /// Pops open elements for which `target` holds, unless a `barrier` element comes first.
    fn close_open(&mut self, target: impl Fn(Tag) -> bool, barrier: impl Fn(Tag) -> bool) {
        for k in (1..self.stack.len()).rev() {
            let t = self.nodes[self.stack[k] as usize].tag;
            if target(t) {
                self.stack.truncate(k);
                return;
            }
            if barrier(t) {
                return;
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let tag = Tag::of(name);
        if tag == Tag::Other || matches!(tag, Tag::Body) {
            // Unknown names map to one tag; close the nearest `Other` only if it is on top.
            if self.stack.len() > 1 && self.nodes[*self.stack.last().unwrap() as usize].tag == tag {
                self.stack.pop();
            }
            return;
        }
        if let Some(k) = (1..self.stack.len())
            .rev()
            .find(|&k| self.nodes[self.stack[k] as usize].tag == tag)
        {
            self.stack.truncate(k);
        } else if tag == Tag::P {
            // `</p>` without `<p>` is an empty paragraph: a break.
            self.push(Tag::Br, String::new(), None, String::new());
            self.pop();
        }
    }

    fn push(&mut self, tag: Tag, text: String, href: Option<String>, hints: String) -> u32 {
        let id = self.nodes.len() as u32;
        let parent = *self.stack.last().expect("root is never popped");
        self.nodes.push(Node {
            tag,
            parent,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
            text,
            href,
            hints,
        });
        let p = &mut self.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.nodes[last as usize].next = id;
        }
        if tag != Tag::Text {
            self.stack.push(id);
        }
        id
    }

    /// The innermost open list item, with its list.
    fn list_item(&self) -> Option<ListItem> {
        let li = *self
            .stack
            .iter()
            .rev()
            .find(|&&id| self.nodes[id as usize].tag == Tag::Li)?;
        Some((self.nodes[li as usize].parent, li))
    }

    /// Moves the dates of teasers to `head.teaser_dates`: a list in which two or more items hold
    /// both a link and a date ("Recent posts", "More from this blog") lists other pages with
    /// their dates, not this page's. A byline list ("<li>Posted 3 March</li><li>Updated 5
    /// March</li>") holds no links beside its dates and stays.
    fn set_teasers_apart(&mut self) {
        let mut items: Vec<ListItem> = self
            .time_items
            .iter()
            .chain(&self.text_items)
            .flatten()
            .copied()
            .collect();
        items.sort_unstable();
        items.dedup();
        items.retain(|&(_, li)| self.has_link(li));
        let mut linked = std::collections::HashMap::<u32, usize>::new();
        for (list, _) in items {
            *linked.entry(list).or_default() += 1;
        }
        let teaser = |item: &Option<ListItem>| {
            item.is_some_and(|(list, _)| linked.get(&list).is_some_and(|&n| n >= 2))
        };
        let times = std::mem::take(&mut self.head.times);
        let texts = std::mem::take(&mut self.head.text_dates);
        for (date, item) in times.into_iter().zip(&self.time_items) {
            if teaser(item) {
                self.head.teaser_dates.push(date.0);
            } else {
                self.head.times.push(date);
            }
        }
        for (date, item) in texts.into_iter().zip(&self.text_items) {
            if teaser(item) {
                self.head.teaser_dates.push(date.0);
            } else {
                self.head.text_dates.push(date);
            }
        }
    }

    /// Whether a link with a target is among the first nodes under `id` (a teaser's link comes
    /// first or beside its date; a bounded walk keeps this linear in the page).
    fn has_link(&self, id: u32) -> bool {
        let mut todo = vec![self.nodes[id as usize].first_child];
        let mut seen = 0;
        while let Some(n) = todo.pop() {
            if seen > 64 {
                break;
            }
            if n == NONE {
                continue;
            }
            seen += 1;
            let node = &self.nodes[n as usize];
            if node.tag == Tag::A && node.href.is_some() {
                return true;
            }
            todo.push(node.next);
            todo.push(node.first_child);
        }
        false
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn text(&mut self, from: usize, to: usize) {
        let raw = &self.src[from..to];
        let text = decode(raw);
        if !text.trim().is_empty() {
            self.texts += 1;
        }
        if let Some(at) = self.headline_at
            && self.head.headline_date.is_none()
            && self.texts - at <= HEADLINE_DATE_TEXTS
            && text.len() <= SHORT_DATE_TEXT
            && has_year(&text)
        {
            self.head.headline_date = Some(text.trim().to_string());
        }
        if self.head.text_dates.len() < TEXT_DATES
            && text.len() < 200
            && (has_year(&text) || text.len() <= SHORT_DATE_TEXT && has_short_date(&text))
        {
            let context = self.stack[self.stack.len().saturating_sub(3)..]
                .iter()
                .map(|&id| self.nodes[id as usize].text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.head
                .text_dates
                .push((text.trim().to_string(), context));
            self.text_items.push(self.list_item());
        }
        // Merge with a preceding text node (a literal `<` splits text).
        let parent = *self.stack.last().unwrap();
        let last = self.nodes[parent as usize].last_child;
        if last != NONE && self.nodes[last as usize].tag == Tag::Text {
            self.nodes[last as usize].text.push_str(&text);
            return;
        }
        self.push(Tag::Text, text.into_owned(), None, String::new());
    }
}

/// Classes that mark an element holding the page's date.
pub fn is_date_class(class: &str) -> bool {
    [
        "date",
        "time",
        "publish",
        "posted",
        "datum",
        "created",
        "byline",
        "subline",
        "meta",
        "entry-meta",
        // Drupal's "Submitted by … on …" line.
        "submitted",
    ]
    .iter()
    .any(|w| class.contains(w))
}

/// `d.m.yy` or `dd.mm.yy` with no digit or dot right before or after it.
fn has_short_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    (0..b.len()).any(|i| {
        if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
            return false;
        }
        let d = digits(i);
        if !(1..=2).contains(&d) || b.get(i + d) != Some(&b'.') {
            return false;
        }
        let j = i + d + 1;
        let m = digits(j);
        if !(1..=2).contains(&m) || b.get(j + m) != Some(&b'.') {
            return false;
        }
        let k = j + m + 1;
        digits(k) == 2
            && b.get(k + 2)
                .is_none_or(|c| !c.is_ascii_digit() && *c != b'.')
    })
}

/// A 4-digit year from 1990 to 2039 with no digit right before or after it.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") && w[2] >= b'9' || w.starts_with(b"20") && w[2] <= b'3')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

fn is_kept_attr(key: &str) -> bool {
    [
        "title",
        "class",
        "id",
        "href",
        "property",
        "name",
        "content",
        "itemprop",
        "rel",
        "role",
        "lang",
        "datetime",
        "type",
        "http-equiv",
        "pubdate",
        "xml:lang",
    ]
    .iter()
    .any(|k| key.eq_ignore_ascii_case(k))
}

fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let decoded = html_escape::decode_html_entities(s);
    if !s.contains("&#") || !decoded.contains(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        return decoded;
    }
    // Numeric references to C1 controls (`&#150;`, `&#x92;`) mean the windows-1252 character
    // of that byte, as in a browser: old pages write dashes and quotes so. Literal C1 characters
    // in the text are rare enough to be mapped the same way.
    Cow::Owned(decoded.chars().map(windows_1252).collect())
}

/// The windows-1252 character of a C1 control's byte, or the character itself.
fn windows_1252(c: char) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match c {
        '\u{80}'..='\u{9f}' => C1[c as usize - 0x80],
        c => c,
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(src: &str, from: usize, needle: &str) -> Option<usize> {
    src.get(from..)?.find(needle).map(|i| from + i)
}

/// `(start of the end tag, position after it)` of raw-text element `name`, or the end of input.
fn find_end_tag(src: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = src.as_bytes();
    let mut i = from;
    while let Some(k) = find(src, i, "</") {
        let after = k + 2;
        // The name must end there: `</scripts>` does not close a script.
        if bytes.len() >= after + name.len()
            && bytes[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after + name.len())
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        {
            let end = find(src, after, ">").map_or(src.len(), |e| e + 1);
            return (k, end);
        }
        i = after;
    }
    (src.len(), src.len())
}

/// The position after the end tag matching the element `name` that starts before `from`.
fn skip_element(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let mut depth = 1usize;
    let mut i = from;
    while let Some(k) = find(src, i, "<") {
        let rest = &bytes[k + 1..];
        let (closing, at) = if rest.first() == Some(&b'/') {
            (true, k + 2)
        } else {
            (false, k + 1)
        };
        if bytes.len() >= at + name.len()
            && bytes[at..at + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(at + name.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            let end = find(src, at, ">").map_or(src.len(), |e| e + 1);
            let self_closing = end >= 2 && bytes[end - 2] == b'/';
            if closing {
                depth -= 1;
                if depth == 0 {
                    return end;
                }
            } else if !self_closing && !CANNOT_NEST.contains(&name) {
                depth += 1;
            }
            i = end;
        } else {
            i = k + 1;
        }
    }
    src.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let doc = parse(html);
        doc.nodes
            .iter()
            .filter(|n| n.tag == Tag::Text)
            .map(|n| n.text.clone())
            .collect()
    }

    /// Found by the differential check against html5ever (`crates/fuzz-targets`, `html_tree`):
    /// the newline that starts `<pre>` content was kept, where a browser drops it.
    /// Found by the differential check against html5ever: `&#150;` read as the C1 control
    /// U+0096, where a browser reads the windows-1252 en dash.
    #[test]
    fn regression_c1_character_references_were_controls_not_windows_1252() {
        assert_eq!(
            texts("<p>1990&#150;95, it&#x92;s &#128;5</p>"),
            ["1990–95, it’s €5"]
        );
        assert_eq!(texts("<p>&#8211; &amp;#150;</p>"), ["– &#150;"]);
    }

    /// Found by the differential check against html5ever: `</styles>` (or `</scripts>`,
    /// `</textareas>`…) inside a raw-text element ended it, and the rest of a script became
    /// article text.
    #[test]
    fn regression_longer_end_tag_name_closed_a_raw_text_element() {
        let page = "<style>a {} </styles> b {}</style><p>text</p>\
                    <script>x = '</scriptx>'; y = 1;</script  ><p>more</p>";
        assert_eq!(texts(page), ["text", "more"]);
        let doc = parse("<title>A </titles> B</title>");
        assert_eq!(doc.head.title.as_deref(), Some("A </titles> B"));
    }

    #[test]
    fn regression_newline_after_pre_start_tag_was_kept_as_text() {
        assert_eq!(
            texts("<p>a</p><pre>\nline one\n  two</pre>"),
            ["a", "line one\n  two"]
        );
        assert_eq!(texts("<pre>\r\ncode</pre>"), ["code"]);
        // Only the first newline goes, and only right after the start tag.
        assert_eq!(texts("<pre>\n\ncode</pre>"), ["\ncode"]);
        assert_eq!(texts("<pre> \ncode</pre>"), [" \ncode"]);
    }
}
