//! HTML pages: a lean tree ([`tree`]), main-content scoring and Markdown rendering
//! ([`content`]), and page metadata ([`meta`]).

pub mod content;
pub mod meta;
pub mod tree;

use dossier_model::Removed;

use content::Mode;

use crate::{Extraction, Kind, text};

/// Below this many bytes the strict pass probably threw the article out with the chrome.
const MIN_ARTICLE: usize = 250;

/// Extracts the article of an HTML page. `location` is the page's address when known from
/// outside the page (an MHTML archive's `Content-Location`).
///
/// A page where scoring finds no article is still imported with whatever text it has (see
/// [`fallback`]) and a warning that says where that text came from.
pub fn extract(html: &str, location: Option<&str>) -> Extraction {
    let doc = tree::parse(html);
    let meta = meta::read(&doc.head, location);
    let title = meta.title.as_ref().map(|t| t.value.as_str());
    let (mut text, mut removed) = drop_debris(&article(&doc, title), html);
    let mut warnings = Vec::new();
    if text.trim().is_empty()
        && let Some((found, warning)) = fallback(&doc, &meta, title)
    {
        text = found;
        removed.clear();
        warnings.push(warning.to_string());
    }
    Extraction {
        title: meta.title,
        outlet: meta.outlet,
        author: meta.author,
        url: meta.url,
        language: meta.language,
        published: meta.published,
        dateline: None,
        text,
        removed,
        attribution: Vec::new(),
        warnings,
        media_type: Kind::Html.media_type().into(),
        pages: Vec::new(),
    }
}

/// The article as Markdown: the strict pass, or the lenient one when the strict pass kept
/// less than an article.
fn article(doc: &tree::Document, title: Option<&str>) -> String {
    let strict = content::main_content(doc, Mode::Strict);
    let mut markdown = content::render(doc, &strict, title, Mode::Strict);
    if markdown.len() < MIN_ARTICLE {
        let lenient = content::main_content(doc, Mode::Lenient);
        let retry = content::render(doc, &lenient, title, Mode::Lenient);
        if retry.len() > markdown.len() {
            markdown = retry;
        }
    }
    markdown
}

/// The text of a page in which no article was found, and the warning that says where it came
/// from, from the most to the least of the page: everything visible (menus and headline
/// included), the markup a page shows only without JavaScript (`<noscript>`), what its data
/// says its text is (JSON-LD `articleBody`, the description tags). `None` when the page has
/// no text anywhere.
fn fallback(
    doc: &tree::Document,
    meta: &meta::Meta,
    title: Option<&str>,
) -> Option<(String, &'static str)> {
    let whole = content::render(doc, &[content::body(doc)], title, Mode::Whole);
    if !whole.trim().is_empty() {
        return Some((
            whole,
            "no article was found in the page: its whole visible text was kept, menus and \
             headline included; compare it with the original",
        ));
    }
    if !doc.head.noscript.is_empty() {
        let inner = tree::parse(&doc.head.noscript.join("\n"));
        let mut text = article(&inner, title);
        if text.trim().is_empty() {
            text = content::render(&inner, &[content::body(&inner)], title, Mode::Whole);
        }
        if !text.trim().is_empty() {
            return Some((
                text,
                "the page prints its text only for browsers without JavaScript (<noscript>): \
                 that text was kept; compare it with the original",
            ));
        }
    }
    let summary = meta.summary.as_ref()?;
    let paragraphs: Vec<String> = summary
        .value
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| {
            if content::needs_escape(&p) {
                format!("\\{p}")
            } else {
                p
            }
        })
        .collect();
    (!paragraphs.is_empty()).then(|| {
        (
            paragraphs.join("\n\n") + "\n",
            "the page shows no text of its own: the text its data gives (JSON-LD or the \
             description tags) was kept; the original is saved beside it",
        )
    })
}

/// Takes out blocks the text classifier knows as debris ("Advertisement", share prompts) that
/// survived content scoring. Their line is where the text first occurs in the page source.
fn drop_debris(markdown: &str, html: &str) -> (String, Vec<Removed>) {
    let mut removed = Vec::new();
    let mut kept: Vec<&str> = Vec::new();
    for block in markdown.split("\n\n") {
        let single_line = !block.contains('\n');
        match text::classify(block.trim()).filter(|_| single_line) {
            Some(reason) => {
                let line = html
                    .find(block.trim())
                    .map_or(0, |at| html[..at].matches('\n').count() + 1);
                removed.push(Removed {
                    line,
                    reason: reason.into(),
                    text: block.trim().to_string(),
                });
            }
            None => kept.push(block.trim_end_matches('\n')),
        }
    }
    let mut text = kept.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    (text, removed)
}
