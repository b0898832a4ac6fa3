//! Dates from the text: suggested excerpts of a source, and the date an excerpt takes from its
//! sentence when the analyst gives none. Both resolve relative expressions against the source's
//! publication day, with the date lexicon of the source's language (as detected at import or
//! set by the analyst; English when unknown). A source in a language the engine has no lexicon
//! for offers no dates: the reader says so ([`Error::LanguageNotSupported`]), suggestions skip it.

use chrono::NaiveDate;
use dossier_dates::{Lang, Suggestion};
use dossier_model::{Edtf, Found, Id, Precision, Source};
use serde::Serialize;

use crate::{Error, Project, Result};

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
            .filter_map(|s| Some((s, date_language(s).ok()?)))
            .flat_map(|(s, lang)| {
                dossier_dates::suggest_in(&s.text, publication_day(s), lang)
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
        let lang = date_language(s)?;
        Ok(dossier_dates::find_in(&s.text, publication_day(s), lang))
    }
}

/// The language a source's dates are read in: its recorded language (detected or the
/// analyst's), English when none is recorded; an error naming it when it has no lexicon.
pub fn date_language(s: &Source) -> Result<Lang> {
    match &s.language {
        None => Ok(Lang::En),
        Some(found) => Lang::from_tag(&found.value).ok_or_else(|| Error::LanguageNotSupported {
            id: s.id.clone(),
            language: found.value.clone(),
        }),
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
    let reference = publication_day(s);
    let lang = date_language(s).ok()?;
    let e = dossier_dates::quote_date_in(&s.text, start..end, reference, lang)?;
    // A relative date is only as good as the publication date it leans on; a year taken by
    // convention far from it may be wrong.
    let confidence = match e.kind {
        _ if unsure_year(&e, reference) => UNSURE_YEAR_CONFIDENCE,
        dossier_dates::Kind::Absolute => 0.9,
        _ => 0.75,
    };
    Some(Found::by_rule(e.value?, format!("dates:{}", e.rule), confidence).with_evidence(e.text))
}

/// The confidence of a date whose year the convention chose far from the publication day.
pub const UNSURE_YEAR_CONFIDENCE: f64 = 0.5;

/// A day and month without a year ("Oct. 7") take the nearest past one before the publication
/// (or the coming one in a future sentence); further than this from it, the writer may mean
/// another year (a 2024 article's "Oct. 7" is often 7 October 2023).
const SURE_YEAR_DAYS: i64 = 31;

/// The rules of `dossier_dates` that read a day and month without a year, whose year the
/// convention chooses (`rules/without_year.rs`).
const YEAR_BY_CONVENTION: [&str; 2] = ["day-month", "month-day"];

/// Whether `e` is a day and month whose year the convention chose, more than
/// [`SURE_YEAR_DAYS`] from the publication day.
fn unsure_year(e: &dossier_dates::Expression, reference: Option<NaiveDate>) -> bool {
    let (Some(reference), Some(day)) = (reference, e.value.and_then(|v| v.earliest())) else {
        return false;
    };
    YEAR_BY_CONVENTION.contains(&e.rule) && (reference - day).num_days().abs() > SURE_YEAR_DAYS
}
