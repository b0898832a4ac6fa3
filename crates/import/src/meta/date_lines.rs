//! Date lines in a clipped text's header: a line that is nothing but a date ("Tuesday 16 July
//! 2024", "Updated Thursday, March 12, 2026 — Morning edition"), read by the date engine.

use dossier_dates::weekday_number;
use dossier_model::Edtf;

/// The date of a header line that is nothing but a date ("Tuesday 16 July 2024").
pub(super) fn header_date(t: &str) -> Option<Edtf> {
    is_date_line(t).then(|| whole_date(t)).flatten()
}

pub(super) fn is_date_line(t: &str) -> bool {
    let found = dossier_dates::find(t, None);
    let Some(e) = found.iter().find(|e| e.value.is_some()) else {
        return false;
    };
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
}

/// The first dated expression in `t`, if it has a calendar value.
pub(super) fn whole_date(t: &str) -> Option<Edtf> {
    dossier_dates::find(t, None)
        .into_iter()
        .find_map(|e| e.value)
}
