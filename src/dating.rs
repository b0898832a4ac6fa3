//! Dates from the text: suggested excerpts of a source, and the date an excerpt takes from its
//! sentence when the analyst gives none. Both resolve relative expressions against the source's
//! publication day.

use chrono::NaiveDate;
use dossier_dates::Suggestion;
use dossier_model::{Edtf, Found, Id, Precision, Source};
use serde::Serialize;

use crate::{Project, Result};

/// A suggested excerpt of one source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSuggestion {
    pub source: Id,
    #[serde(flatten)]
    pub suggestion: Suggestion,
}

impl Project {
    /// Suggested excerpts, best first within each source; of one source, or of all (sources in
    /// id order).
    pub fn suggest(&self, source: Option<&Id>) -> Result<Vec<SourceSuggestion>> {
        let sources: Vec<&Source> = match source {
            Some(id) => vec![self.source(id)?],
            None => self.sources().collect(),
        };
        Ok(sources
            .into_iter()
            .flat_map(|s| {
                dossier_dates::suggest(&s.text, publication_day(s))
                    .into_iter()
                    .map(|suggestion| SourceSuggestion {
                        source: s.id.clone(),
                        suggestion,
                    })
            })
            .collect())
    }
}

impl Project {
    /// Every temporal expression in a source's text, resolved against its publication day
    /// (the reader underlines them with their dates).
    pub fn expressions(&self, source: &Id) -> Result<Vec<dossier_dates::Expression>> {
        let s = self.source(source)?;
        Ok(dossier_dates::find(&s.text, publication_day(s)))
    }
}

/// The publication date as a reference day, when it is known to the day.
pub fn publication_day(s: &Source) -> Option<NaiveDate> {
    let p = s.published_date()?;
    (p.precision() == Some(Precision::Day)).then(|| p.earliest())?
}

/// The date of the one temporal expression in the sentence(s) of `start..end`, if there is
/// exactly one, with the rule that found it as provenance (`dates:weekday`) and the expression
/// as evidence.
pub fn sentence_date(s: &Source, start: usize, end: usize) -> Option<Found<Edtf>> {
    let e = dossier_dates::sole_date(&s.text, start..end, publication_day(s))?;
    // A relative date is only as good as the publication date it leans on.
    let confidence = match e.kind {
        dossier_dates::Kind::Absolute => 0.9,
        _ => 0.75,
    };
    Some(Found::by_rule(e.value?, format!("dates:{}", e.rule), confidence).with_evidence(e.text))
}
