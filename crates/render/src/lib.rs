//! Briefing templates: from a project's briefing, excerpts and chronology to Markdown in
//! Dossier's dialect (`docs/markdown.md`), and from that Markdown to the HTML preview.
//!
//! The core is pure: [`Context::build`] gathers everything a template may read (a versioned
//! schema, `docs/templates.md`), [`render`] runs a [`Template`] over it in a sandbox, and
//! [`html`] makes the preview. No clock, environment or file is read here except the template
//! folders the caller names in a [`Lookup`].

mod cite;
mod context;
mod engine;
mod error;
mod guard;
mod html;
mod lint;
mod template;

pub use cite::{Citation, citations};
pub use context::{
    AuthorityInfo, BriefingInfo, ChronologyInfo, ConflictInfo, Context, EntryInfo, ExcerptInfo,
    Inputs, Judgment, MarkingInfo, Paragraph, ProjectInfo, SCHEMA_VERSION, SectionInfo, SourceInfo,
    TemplateInfo,
};
pub use engine::{MAX_OUTPUT_BYTES, render};
pub use error::{Portion, TemplateError};
pub use guard::MAX_VALUE_BYTES;
pub use html::{STYLE as PREVIEW_STYLE, body as html_body, html};
pub use lint::{CONFIDENCE, LIKELIHOOD_SCALE, Warning, key_judgments, uses_odds_scale};
pub use template::{
    CitationStyle, Listing, Lookup, MAIN, Manifest, Origin, Template, builtin_names, remove_copy,
};

use dossier_model::PageStyle;

/// A rendered briefing: the Markdown and what the PDF renderer needs beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub markdown: String,
    /// Tradecraft lint and citation warnings, for the CLI and the app to show.
    pub warnings: Vec<Warning>,
    pub title: String,
    /// The banner line (`SECRET`, `TLP:AMBER`), empty for a template without markings.
    pub banner: String,
    pub style: PageStyle,
}

impl Rendered {
    /// The HTML preview of this rendering.
    pub fn html(&self) -> String {
        html(&self.markdown, &self.title, &self.banner)
    }

    /// The sanitised body of [`Rendered::html`], for a preview frame styled with
    /// [`PREVIEW_STYLE`].
    pub fn html_body(&self) -> String {
        html_body(&self.markdown, &self.banner)
    }
}
