//! An excerpt: a passage of a source that the analyst selected, dated, graded and tagged.

use serde::{Deserialize, Serialize};

use crate::{ClaimAttribution, Credibility, Edtf, Found, Id, Marking, Tag};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub id: Id,
    pub source: Id,
    /// The exact quote as it stands in the source's cleaned text.
    pub quote: String,
    pub locator: Locator,
    /// When the event happened, with where that date came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Found<Edtf>>,
    /// When it was reported; `None` means the source's publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Edtf>,
    /// The analyst's one-line summary of the event.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default)]
    pub credibility: Credibility,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portion: Option<Marking>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The analyst's translation when the quote is not in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// Who said it, who first reported it and who relayed it.
    #[serde(default, skip_serializing_if = "ClaimAttribution::is_empty")]
    pub attribution: ClaimAttribution,
    /// Order among excerpts of the same day (lower first).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sequence: u32,
    /// The analyst's grouping into events (`chronology join`/`split`): excerpts with the same
    /// key are one chronology entry, and an excerpt is never grouped with one of another key.
    /// `None`: grouped automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Where the quote stands: a UTF-8 byte range into the source's cleaned text. The quote itself
/// is kept beside it, so the excerpt can be found again if the text is re-cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    pub start: usize,
    pub end: usize,
    /// 1-based page, for sources that have pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

impl Excerpt {
    pub fn event_date(&self) -> Option<&Edtf> {
        self.date.as_ref().map(|f| &f.value)
    }

    /// The summary, or the start of the quote when the analyst wrote none.
    pub fn headline(&self) -> String {
        if !self.summary.is_empty() {
            return self.summary.clone();
        }
        let words: Vec<&str> = self.quote.split_whitespace().collect();
        if words.len() <= 24 {
            words.join(" ")
        } else {
            format!("{} …", words[..24].join(" "))
        }
    }
}
