//! A source: one imported document, its metadata with provenance, and its cleaned text.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Edtf, Found, Id, Reliability, Tag};

/// Everything Dossier knows about one imported document. The cleaned text is the body of the
/// source file; everything else is its front matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Found<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Found<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Found<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Found<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Found<Edtf>>,
    /// The place of the dateline ("Qamishli, Syria").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Found<String>>,
    /// BCP 47 language tag, e.g. `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Found<String>>,
    /// When the analyst imported the file (passed in by the caller, never read from a clock here).
    pub captured_at: DateTime<Utc>,
    pub original: Original,
    #[serde(default)]
    pub reliability: Reliability,
    /// The source this one reprints (a dependent source, not corroboration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprint_of: Option<Id>,
    /// Who originally reported what this source relays: wires, agencies, other outlets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<Attribution>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Lines the cleaner removed as web debris; kept so that no evidence is ever lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removed>,
    /// 1-based page number of each page's first byte in `text` (PDF sources only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The cleaned text (Markdown). Stored as the body of the file, not in the front matter.
    #[serde(skip)]
    pub text: String,
}

/// The imported bytes, kept untouched in `sources/originals/<sha256>.<ext>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    pub file_name: String,
    pub media_type: String,
    pub sha256: String,
    pub size: u64,
}

/// One link of an attribution chain: `reporter` originally reported (part of) what the source
/// says, e.g. "IRNA quoted Rouhani", "Reprinted from telegraph", "told the New York Times".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub reporter: String,
    pub relation: Relation,
    /// The sentence or line that says so.
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The whole text is a reprint of the reporter's article.
    Reprint,
    /// The text relays the reporter's story ("X via Y", "Source: ARA News", "Reuters reports").
    Via,
    /// The text quotes the reporter ("IRNA quoted …", "As-Safir reported").
    Quoted,
    /// Someone spoke to the reporter ("told the New York Times").
    Told,
}

/// A block the cleaner took out, with why and where (1-based line in the original text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub line: usize,
    pub reason: String,
    pub text: String,
}

impl Source {
    /// The source as a reader's page names it: its title, else the name of the file it was
    /// imported from (never its id, which is internal).
    pub fn title_or_file(&self) -> &str {
        self.title
            .as_ref()
            .map(|t| t.value.as_str())
            .unwrap_or(self.original.file_name.as_str())
    }

    pub fn title_or_id(&self) -> &str {
        self.title
            .as_ref()
            .map(|t| t.value.as_str())
            .unwrap_or(self.id.as_str())
    }

    pub fn published_date(&self) -> Option<&Edtf> {
        self.published.as_ref().map(|f| &f.value)
    }

    pub fn outlet_name(&self) -> Option<&str> {
        self.outlet.as_ref().map(|f| f.value.as_str())
    }

    /// The page (1-based) that holds byte `offset` of the text, for PDF sources.
    pub fn page_at(&self, offset: usize) -> Option<usize> {
        if self.pages.is_empty() {
            return None;
        }
        Some(self.pages.partition_point(|&start| start <= offset).max(1))
    }
}
