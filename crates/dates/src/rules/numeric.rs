//! Numeric dates outside English: day first ("18.03.2014", "02/06/2015", "١/٩/١٤٣٦هـ") and, in
//! year first ("۱۳۹۵/۰۱/۰۱", "2015/06/02"). A Hijri era mark makes the date Hijri; a
//! Persian year of 1200–1599 is Solar.

use chrono::NaiveDate;
use dossier_model::Edtf;

use super::{Hit, Matcher};
use crate::Kind;
use crate::Lang;
use crate::calendars::Other;
use crate::lexicon::{Era, Lex, Unit};
use crate::token::{Number, Punct};

impl Matcher<'_> {
    /// Three numbers joined by one separator, `/`, `.` or `-`, without spaces.
    fn three_numbers(&self, i: usize) -> Option<[Number; 3]> {
        let sep = self.punct(i + 1)?;
        if !matches!(sep, Punct::Slash | Punct::Period | Punct::Dash) {
            return None;
        }
        let joined = |k: usize| self.punct(k) == Some(sep) && self.tight(k) && self.tight(k + 1);
        if !joined(i + 1) || !joined(i + 3) {
            return None;
        }
        let n = |k: usize| {
            self.tokens
                .get(k)
                .and_then(|t| t.num())
                .filter(|n| !n.ordinal)
        };
        // "1/2/3/4" is no date.
        if self.punct(i + 5) == Some(sep) && self.tight(i + 5) && n(i + 6).is_some() {
            return None;
        }
        Some([n(i)?, n(i + 2)?, n(i + 4)?])
    }

    pub(super) fn numeric_day_first(&self, i: usize) -> Option<Hit> {
        let [a, b, c] = self.three_numbers(i)?;
        let (era, end) = self.era_at(i + 5);
        let (y, m, d) = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
            // Year first, as Iran writes dates (and the ISO order, with slashes or dots).
            (a.value as i32, b.value, c.value)
        } else if a.digits <= 2 && b.digits <= 2 && matches!(c.digits, 2 | 4) {
            let y = match c.digits {
                2 => 2000 + c.value as i32 - if c.value > 50 { 100 } else { 0 },
                _ => c.value as i32,
            };
            (y, b.value, a.value)
        } else {
            return None;
        };
        let cal = match era {
            Some(Era::Hijri) => Some(Other::Hijri),
            Some(Era::Solar) => Some(Other::Solar),
            _ if self.lang == Lang::Fa && (1200..1600).contains(&y) => Some(Other::Solar),
            _ => None,
        };
        // A phone number ("021-88776655") has no such parts; "2015-06" alone is not matched here.
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        if self.counts_things(end)
            || matches!(
                self.lex(end),
                Some(Lex::Unit {
                    unit: Unit::Hour | Unit::Minute,
                    ..
                })
            )
        {
            return None;
        }
        let (day, note) = match cal {
            Some(cal) => (cal.day(y, m, d)?, Some(cal.note(y, Some(m), Some(d)))),
            None => {
                if !self.years.contains_number(y as u32) {
                    return None;
                }
                (NaiveDate::from_ymd_opt(y, m, d)?, None)
            }
        };
        let rule = if note.is_some() {
            "other-calendar-numeric"
        } else {
            "numeric-date"
        };
        let mut h = self.date_hit(i, end, Edtf::day(day)?, Kind::Absolute, rule)?;
        h.calendar = note;
        Some(h)
    }
}
