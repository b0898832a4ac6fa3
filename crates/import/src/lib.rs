//! Clean text, metadata and provenance from saved articles.
//!
//! [`extract`] takes the bytes of one saved file (plain text, Markdown, HTML, an MHTML single
//! file, or a PDF with a text layer), detects its kind from the content, decodes it, strips web
//! debris and returns the cleaned text as Markdown together with metadata in which every value
//! says which rule found it and how sure that rule is. Nothing found stays `None`.
//!
//! Stages, one module each: [`detect`] → [`decode`] → [`html`] (pages) or [`text`] (clipped
//! text) → [`meta`] and [`attribution`]; [`dedup`] fingerprints the result for reprint
//! detection; [`pdf`] reads text layers in an isolated worker process.

pub mod attribution;
pub mod claim;
pub mod decode;
pub mod dedup;
pub mod detect;
pub mod html;
pub mod meta;
mod mhtml;
pub mod pdf;
pub mod text;

use dossier_model::{Attribution, Edtf, Found, Removed};
use serde::Serialize;

pub use dedup::{Fingerprint, PROBABLE_REPRINT};
pub use detect::Kind;

/// The largest file Dossier imports (64 MiB): far above any saved article, PDF report or
/// "complete" page, and low enough that a stray disk image or video is refused before it is read
/// into memory twice.
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
    #[error(
        "the file is not valid UTF-8 at byte {0} and no other encoding fits it; re-save it as UTF-8"
    )]
    Encoding(usize),
    #[error(
        "the file has no text at all, not even a title; check that it is the saved article itself"
    )]
    NoText,
    #[error(
        "the PDF has no text layer (a scan?); run it through OCR first, then import the result"
    )]
    PdfNoText,
    #[error("the PDF is encrypted; save an unprotected copy and import that")]
    PdfEncrypted,
    #[error("the PDF could not be read ({0}); re-export it or print it to a new PDF")]
    Pdf(String),
}

/// How [`extract_with`] runs; [`Options::default`] is what [`extract`] uses.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How PDFs are parsed. See [`pdf::Isolation`] for why a worker process is preferred.
    pub pdf: pdf::Isolation,
}

/// Extracts clean text and metadata from the bytes of one saved file. `file_name` is a hint only:
/// the kind is detected from the content.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<Extraction, ImportError> {
    extract_with(bytes, file_name, &Options::default())
}

/// [`extract`] with explicit [`Options`].
pub fn extract_with(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
) -> Result<Extraction, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let kind = detect::sniff(bytes, file_name)?;
    // A few NUL bytes in a text file are damage, not a sign of a binary (`detect` refuses a file
    // made of them): they go, with a warning.
    let nuls = if kind == Kind::Pdf {
        0
    } else {
        detect::stray_nuls(bytes)
    };
    let cleaned: Vec<u8>;
    let bytes = if nuls > 0 {
        cleaned = bytes.iter().copied().filter(|&b| b != 0).collect();
        &cleaned[..]
    } else {
        bytes
    };
    let mut out = extract_kind(bytes, kind, options)?;
    if nuls > 0 {
        out.warnings.push(format!(
            "{nuls} NUL byte(s) in the file were dropped; the original is kept as it was"
        ));
    }
    Ok(out)
}

fn extract_kind(bytes: &[u8], kind: Kind, options: &Options) -> Result<Extraction, ImportError> {
    match kind {
        Kind::Pdf => pdf::extract(bytes, &options.pdf),
        Kind::Mhtml => {
            let part = mhtml::html_part(bytes).ok_or_else(|| {
                ImportError::Binary("an MHTML archive without an HTML part".into())
            })?;
            let decoded = decode::decode(&part.body, part.charset.as_deref())?;
            let mut out = html::extract(&decoded.text, part.location.as_deref());
            out.warnings.extend(decoded.warning);
            out.media_type = Kind::Mhtml.media_type().into();
            finish(out)
        }
        Kind::Html => {
            let decoded = decode::decode(bytes, None)?;
            let mut out = html::extract(&decoded.text, None);
            out.warnings.extend(decoded.warning);
            finish(out)
        }
        Kind::Text | Kind::Markdown => {
            let decoded = decode::decode(bytes, None)?;
            let mut out = text::extract(&decoded.text, kind);
            out.warnings.extend(decoded.warning);
            if out.text.trim().is_empty() && !decoded.text.trim().is_empty() {
                // Every line looked like web debris: the file is still the analyst's document.
                out.text = decoded.text.trim().to_string() + "\n";
                out.removed.clear();
                out.warnings.push(
                    "every line of the file looked like web debris (menus, share prompts): \
                     the text was kept as it was"
                        .into(),
                );
            }
            finish(out)
        }
    }
}

/// Steps every kind shares once the text is clean. A document without text but with a title,
/// date, outlet or address is still imported, with a warning: the analyst keeps what was found
/// and the original. Only a file with nothing at all is refused.
fn finish(mut out: Extraction) -> Result<Extraction, ImportError> {
    if out.text.trim().is_empty() {
        let found_something = out.title.is_some()
            || out.published.is_some()
            || out.outlet.is_some()
            || out.url.is_some();
        if !found_something {
            return Err(ImportError::NoText);
        }
        out.text.clear();
        out.warnings.push(
            "no text was found in the file, only its title, date, outlet or address; \
             the original is kept: open it to read the page"
                .into(),
        );
    }
    if out.language.is_none() {
        out.language = meta::language(&out.text);
    }
    if out.attribution.is_empty() {
        out.attribution = attribution::chain(&out.text);
    }
    out.attribution = attribution::without_own(
        std::mem::take(&mut out.attribution),
        out.outlet.as_ref().map(|o| o.value.as_str()),
    );
    Ok(out)
}
