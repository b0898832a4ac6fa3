//! Typesets Dossier's Markdown dialect into PDF.
//!
//! Markdown events ([`dossier_markdown::events`]) → [`blocks`] → shaped, broken and paginated
//! by this crate's own layout engine ([`layout`]) → a writer-independent [`frame::Document`]
//! of positioned glyph runs, link boxes and an outline → the printpdf writer ([`write`]).
//!
//! ```
//! let meta = dossier_pdf::DocumentMeta { title: "Brief".into(), ..Default::default() };
//! let pdf = dossier_pdf::render("# Brief\n\nHello.", &Default::default(), &meta).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

pub mod blocks;
pub mod fonts;
pub mod frame;
pub mod layout;
mod para;
mod shape;
mod write;

use chrono::{DateTime, Utc};
use dossier_model::PageStyle;

/// Markdown larger than this is refused: a briefing is a few hundred kilobytes.
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// What the PDF says about itself; `created` is passed in, never read from the clock.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentMeta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// The classification or TLP banner, for `{banner}` in running heads.
    pub banner: String,
    pub created: DateTime<Utc>,
}

impl Default for DocumentMeta {
    fn default() -> DocumentMeta {
        DocumentMeta {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            banner: String::new(),
            created: DateTime::UNIX_EPOCH,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the Markdown is {0} bytes, more than the 16 MiB a PDF briefing may have; split it")]
    TooLarge(usize),
    #[error(
        "the creation date is outside the range a PDF can record; pass a date between 1970 and 9999"
    )]
    Date,
    #[error("font {0} could not be subset; this is a bug in Dossier, please report it")]
    Font(String),
    #[error("the PDF could not be written ({0}); this is a bug in Dossier, please report it")]
    Write(String),
}

/// Renders `markdown` with the page `style` to the bytes of a PDF.
pub fn render(markdown: &str, style: &PageStyle, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    if markdown.len() > MAX_INPUT {
        return Err(PdfError::TooLarge(markdown.len()));
    }
    let doc = layout::layout(markdown, style, meta);
    write::write(&doc, meta)
}

/// The laid-out document, before any writer: for tests and for a second writer.
pub fn lay_out(
    markdown: &str,
    style: &PageStyle,
    meta: &DocumentMeta,
) -> Result<frame::Document, PdfError> {
    if markdown.len() > MAX_INPUT {
        return Err(PdfError::TooLarge(markdown.len()));
    }
    Ok(layout::layout(markdown, style, meta))
}
