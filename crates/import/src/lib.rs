//! Clean text, metadata and provenance from saved articles.
//!
//! SKELETON: plain UTF-8 text and Markdown only; the title is the first non-empty line.
//! The public API (`extract`, `Extraction`, `ImportError`) is what the rest of Dossier uses.

use dossier_model::{Attribution, Edtf, Found, Removed};
use serde::Serialize;

/// The largest file Dossier imports.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// What import found in one file, before it becomes a `Source` in a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub title: Option<Found<String>>,
    pub outlet: Option<Found<String>>,
    pub author: Option<Found<String>>,
    pub url: Option<Found<String>>,
    pub language: Option<Found<String>>,
    pub published: Option<Found<Edtf>>,
    pub dateline: Option<Found<String>>,
    /// The cleaned text, as Markdown.
    pub text: String,
    pub removed: Vec<Removed>,
    pub attribution: Vec<Attribution>,
    pub warnings: Vec<String>,
    /// The detected media type, e.g. `text/plain`, `text/markdown`, `text/html`.
    pub media_type: String,
    /// Byte offset in `text` where each page starts (PDF only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {size} bytes, more than the {limit}-byte limit for one source; split it or import a smaller export"
    )]
    TooLarge { size: usize, limit: usize },
    #[error("the file looks binary ({0}), not text, Markdown, HTML or PDF")]
    Binary(String),
    #[error("the file is not valid UTF-8 at byte {0} and declares no other encoding")]
    Encoding(usize),
}

/// Extracts clean text and metadata from the bytes of one saved file. `file_name` is a hint only:
/// the kind is detected from the content.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<Extraction, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary("it contains NUL bytes".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::Encoding(e.valid_up_to()))?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let title = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .map(|l| Found::by_rule(l.to_string(), "text:first-line", 0.6));
    let markdown = file_name.ends_with(".md") || file_name.ends_with(".markdown");
    Ok(Extraction {
        title,
        outlet: None,
        author: None,
        url: None,
        language: None,
        published: None,
        dateline: None,
        text,
        removed: Vec::new(),
        attribution: Vec::new(),
        warnings: Vec::new(),
        media_type: if markdown {
            "text/markdown"
        } else {
            "text/plain"
        }
        .into(),
        pages: Vec::new(),
    })
}
