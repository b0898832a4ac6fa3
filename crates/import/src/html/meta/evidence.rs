//! What a page states about its own dates, weighed against the publication day that
//! [`super::published`] chose: the statements that give the same day raise its confidence, each
//! one that gives another day lowers it, and the date's evidence names them all, with the page's
//! last change when it states one ("updated 2021-04-12 (JSON-LD dateModified)"), so the analyst
//! sees why the day was chosen and that the article was changed since.

use dossier_dates::Years;
use dossier_dates::metadata;
use dossier_model::{Edtf, Found};

use super::json_ld::JsonLd;
use super::published::{DATE_METAS, local_day, printed_day};
use crate::html::tree::Head;

/// `<meta>` names of the page's last change.
const MODIFIED_METAS: [&str; 5] = [
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dateupdate",
    "last-modified",
];

/// Confidence each further statement of the same day adds, and the most it reaches.
const AGREEMENT: f64 = 0.05;
const MOST: f64 = 0.95;
/// Confidence each statement of another day takes away, and the least it falls to.
const DISAGREEMENT: f64 = 0.1;
const LEAST: f64 = 0.2;

/// `found` with its confidence weighed by the page's other statements and its evidence saying
/// which agree, which name another day, and when the page was updated.
pub(super) fn explain(
    found: Found<Edtf>,
    head: &Head,
    ld: &JsonLd,
    url: Option<&str>,
) -> Found<Edtf> {
    let url_day = url.and_then(|u| metadata::url_day(u, Years::PUBLISHED));
    // A UTC timestamp a day off the choice may be the publisher's local day, as in the choice
    // itself; only then is the (costlier) local reading asked for.
    let day_of = |raw: &str, d: Edtf| {
        let off_by_one = matches!(
            (d.earliest(), found.value.earliest()),
            (Some(a), Some(b)) if (a - b).num_days().abs() == 1
        );
        if off_by_one {
            local_day(raw, head, ld, url_day).unwrap_or(d)
        } else {
            d
        }
    };
    let said: Vec<(String, Edtf)> = statements(head, ld, url_day)
        .into_iter()
        .map(|(what, raw, d)| (what, raw.map_or(d, |r| day_of(r, d))))
        .collect();
    let agree: Vec<&str> = said
        .iter()
        .filter(|(_, d)| *d == found.value)
        .map(|(w, _)| w.as_str())
        .collect();
    let other: Vec<String> = said
        .iter()
        .filter(|(_, d)| *d != found.value)
        .map(|(w, d)| format!("{w} {d}"))
        .collect();
    let updated = modified(head, ld).filter(|(d, _)| *d != found.value);
    if agree.len() <= 1 && other.is_empty() && updated.is_none() {
        return found;
    }
    let mut parts = Vec::new();
    if !agree.is_empty() {
        parts.push(format!("stated by {}", agree.join(", ")));
    }
    if !other.is_empty() {
        parts.push(format!("another day in {}", other.join(", ")));
    }
    if let Some((day, what)) = &updated {
        parts.push(format!("updated {day} ({what})"));
    }
    let explanation = parts.join("; ");
    let more = agree.len().saturating_sub(1) as f64 * AGREEMENT;
    let less = other.len() as f64 * DISAGREEMENT;
    let confidence = if more > 0.0 {
        (found.confidence + more).min(MOST.max(found.confidence))
    } else {
        found.confidence
    };
    let confidence = (confidence - less).max(LEAST.min(confidence));
    let evidence = match &found.evidence {
        Some(text) => format!("{text}; {explanation}"),
        None => explanation,
    };
    Found::by_rule(found.value, found.provenance, confidence).with_evidence(evidence)
}

/// The publication days the page states, each with where and the machine value it was read
/// from (none for the URL path and a printed date): JSON-LD, the date `<meta>` tags, the URL
/// path, its first `<time>` element and the date under its headline.
fn statements<'h>(
    head: &'h Head,
    ld: &'h JsonLd,
    url_day: Option<Edtf>,
) -> Vec<(String, Option<&'h str>, Edtf)> {
    let day = |raw: &str| metadata::day(raw, Years::PUBLISHED);
    let mut said = Vec::new();
    if let Some(raw) = ld.published.as_deref()
        && let Some(d) = day(raw)
    {
        said.push(("JSON-LD datePublished".to_string(), Some(raw), d));
    }
    for name in DATE_METAS {
        if let Some(raw) = meta(head, name)
            && let Some(d) = day(raw)
        {
            said.push((format!("<meta {name}>"), Some(raw), d));
        }
    }
    if let Some(d) = url_day {
        said.push(("the URL path".to_string(), None, d));
    }
    if let Some(raw) = head.times.first().map(|(t, _)| t.as_str())
        && let Some(d) = day(raw)
    {
        said.push(("<time>".to_string(), Some(raw), d));
    }
    if let Some(d) = head.headline_date.as_deref().and_then(printed_day) {
        said.push(("the date under the headline".to_string(), None, d));
    }
    said
}

/// The page's last change, when it states one: JSON-LD `dateModified`, else a `<meta>` tag.
fn modified(head: &Head, ld: &JsonLd) -> Option<(Edtf, String)> {
    let day = |raw: &str| metadata::day(raw, Years::PUBLISHED);
    ld.modified
        .as_deref()
        .and_then(day)
        .map(|d| (d, "JSON-LD dateModified".to_string()))
        .or_else(|| {
            MODIFIED_METAS
                .iter()
                .find_map(|name| Some((meta(head, name).and_then(day)?, format!("<meta {name}>"))))
        })
}

fn meta<'h>(head: &'h Head, name: &str) -> Option<&'h str> {
    head.metas
        .iter()
        .find(|(k, v)| k == name && !v.is_empty())
        .map(|(_, v)| v.as_str())
}
