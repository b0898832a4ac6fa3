//! Date lines in a clipped text's header: a line that is nothing but a date ("Tuesday 16 July
//! 2024", "Updated Thursday, March 12, 2026 — Morning edition", "3. September 2019", "۱۲
//! شهریور ۱۳۹۸"), read by the date engine in English or, failing that, in the first of its
//! other languages that reads the line as a date: a line that is nothing but a date is too short
//! to tell its language, and is one in at most one of them.

use dossier_dates::{Expression, Lang, weekday_number};
use dossier_model::Edtf;

/// The date of a header line that is nothing but a date ("Tuesday 16 July 2024").
pub(super) fn header_date(t: &str) -> Option<Edtf> {
    Lang::ALL.into_iter().find_map(|lang| date_line_in(t, lang))
}

pub(super) fn is_date_line(t: &str) -> bool {
    header_date(t).is_some()
}

/// The date of `t` read in `lang`, when `t` is nothing but that date.
fn date_line_in(t: &str, lang: Lang) -> Option<Edtf> {
    let found = dossier_dates::find_in(t, None, lang);
    let e: &Expression = found.iter().find(|e| e.value.is_some())?;
    let value = e.value?;
    // "Thursday, March 12, 2026 — Morning edition": a short edition note may follow a dash.
    let after = t[e.end..].trim_start();
    let after = match after.strip_prefix(['—', '–', '|', '-']) {
        Some(note) if note.split_whitespace().count() <= 3 => "",
        _ => after,
    };
    let rest = format!("{} {}", &t[..e.start], after);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            weekday_number(w).is_some()
                || w.eq_ignore_ascii_case("updated")
                || w.eq_ignore_ascii_case("published")
        })
        .then_some(value)
}

/// The first dated expression in `t`, if it has a calendar value.
pub(super) fn whole_date(t: &str) -> Option<Edtf> {
    dossier_dates::find(t, None)
        .into_iter()
        .find_map(|e| e.value)
}
