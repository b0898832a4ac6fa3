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
pub fn extract(html: &str, location: Option<&str>) -> Extraction {
    let doc = tree::parse(html);
    let meta = meta::read(&doc.head, location);
    let title = meta.title.as_ref().map(|t| t.value.as_str());
    let strict = content::main_content(&doc, Mode::Strict);
    let mut markdown = content::render(&doc, &strict, title, Mode::Strict);
    if markdown.len() < MIN_ARTICLE {
        let lenient = content::main_content(&doc, Mode::Lenient);
        let retry = content::render(&doc, &lenient, title, Mode::Lenient);
        if retry.len() > markdown.len() {
            markdown = retry;
        }
    }
    let (text, removed) = drop_debris(&markdown, html);
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
        warnings: Vec::new(),
        media_type: Kind::Html.media_type().into(),
        pages: Vec::new(),
    }
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
