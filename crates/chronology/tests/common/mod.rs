//! The sources and excerpts the chronology's tests assemble: everything empty but what a test
//! names.

use chrono::{DateTime, Utc};
use dossier_model::{Edtf, Excerpt, Found, Locator, Original, Source};

/// Source `s{i}` of `outlet`.
pub fn source(i: usize, outlet: &str) -> Source {
    Source {
        id: format!("s{i}").parse().expect("id"),
        title: None,
        outlet: Some(Found::by_analyst(outlet.to_string())),
        author: None,
        url: None,
        published: None,
        dateline: None,
        language: None,
        captured_at: DateTime::<Utc>::from_timestamp(0, 0).expect("epoch"),
        original: Original {
            file_name: format!("{i}.txt"),
            media_type: "text/plain".into(),
            sha256: String::new(),
            size: 0,
        },
        reliability: Default::default(),
        reprint_of: None,
        attribution: Vec::new(),
        tags: Vec::new(),
        notes: String::new(),
        removed: Vec::new(),
        pages: Vec::new(),
        warnings: Vec::new(),
        text: String::new(),
    }
}

/// Excerpt `id` of source `s{source}` quoting `quote`, dated `date` by the analyst.
pub fn excerpt(id: &str, source: usize, quote: &str, date: Edtf) -> Excerpt {
    Excerpt {
        id: id.parse().expect("id"),
        source: format!("s{source}").parse().expect("id"),
        quote: quote.into(),
        locator: Locator {
            start: 0,
            end: 0,
            page: None,
        },
        date: Some(Found::by_analyst(date)),
        reported: None,
        summary: String::new(),
        credibility: Default::default(),
        tags: Vec::new(),
        portion: None,
        note: String::new(),
        translation: None,
        attribution: Default::default(),
        sequence: 0,
        event: None,
    }
}
