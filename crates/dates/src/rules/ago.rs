//! "N units ago": "four years ago", "a week ago".

use chrono::Datelike;
use dossier_model::Edtf;

use super::read::Read;
use super::{Hit, Matcher, resolved, resolved_month};
use crate::calendar::{add_days, add_months, approximate, month_of};
use crate::lexicon::{Lex, Unit};
use crate::{Lang, TimexType};

impl Matcher<'_> {
    /// "four years ago", "a week ago", "20 years ago".
    pub(super) fn ago(&self, i: usize) -> Option<Hit> {
        let Read { value: n, next: j } = self.count_at(i, true)?;
        let (unit, _) = self.unit_at(j)?;
        if !self.is(j + 1, Lex::Ago) || n % 10 != 0 {
            return None;
        }
        self.ago_hit(i, j + 2, (n / 10) as i32, unit, "ago")
    }

    /// "vor vier Jahren", "hace 17 meses", "il y a quatre ans", "قبل أربع سنوات", "منذ عامين": the
    /// word for "ago" before the count; "год назад", "قبل عام": the unit alone is one.
    pub(super) fn ago_before(&self, i: usize) -> Option<Hit> {
        let j = if self.lang == Lang::Fr {
            // "il y a": the only French "ago".
            if !(self.word_is(i, "il") && self.word_is(i + 1, "y") && self.word_is(i + 2, "a")) {
                return None;
            }
            i + 3
        } else {
            i + 1
        };
        let (n, k) = match self.count_at(j, true) {
            Some(Read { value, next }) if value % 10 == 0 => (value / 10, next),
            Some(_) => return None,
            // "hace unas horas": some hours ago is the day itself.
            None if matches!(self.lex(j), Some(Lex::Several | Lex::Few))
                && matches!(self.unit_at(j + 1), Some((Unit::Hour | Unit::Minute, _))) =>
            {
                (0, j + 1)
            }
            // "قبل عامين": the dual is two.
            None if matches!(self.lex(j), Some(Lex::Dual(_))) => (2, j),
            None => (1, j),
        };
        let (unit, _) = self.unit_at(k)?;
        // "منذ عام 2013": since the year 2013.
        if self.year_at(k + 1).is_some() {
            return None;
        }
        self.ago_hit(i, k + 1, n as i32, unit, "ago")
    }

    /// "год назад", "неделю назад": a unit alone before "ago" is one of it.
    pub(super) fn unit_ago(&self, i: usize) -> Option<Hit> {
        if self.lang == Lang::En || self.lang == Lang::Fa {
            return None;
        }
        let (unit, false) = self.unit_at(i)? else {
            return None;
        };
        if !self.is(i + 1, Lex::Ago) {
            return None;
        }
        self.ago_hit(i, i + 2, 1, unit, "ago")
    }

    fn ago_hit(&self, i: usize, end: usize, n: i32, unit: Unit, rule: &'static str) -> Option<Hit> {
        // Iranian press counts months and years in the Solar calendar.
        if self.lang.solar_months() {
            match unit {
                Unit::Month => return self.solar_month_rel(i, end, -n, rule),
                Unit::Year => return self.solar_year_rel(i, end, -n, rule),
                _ => {}
            }
        }
        self.relative_hit(i, end, rule, TimexType::Date, "XXXX", |r| match unit {
            Unit::Day | Unit::Week | Unit::Hour | Unit::Minute => {
                let days = match unit {
                    Unit::Day => n,
                    Unit::Week => 7 * n,
                    _ => 0,
                };
                let d = add_days(r, -i64::from(days))?;
                resolved(Edtf::day(d)?, d.format("%Y-%m-%d").to_string())
            }
            Unit::Month => resolved_month(month_of(add_months(r, -n)?)),
            Unit::Year => {
                let y = r.year() - n;
                resolved(Edtf::year(y)?, format!("{y:04}"))
            }
            Unit::Decade => {
                let y = r.year() - 10 * n;
                resolved(approximate(Edtf::year(y)?), format!("{y:04}"))
            }
        })
    }
}
