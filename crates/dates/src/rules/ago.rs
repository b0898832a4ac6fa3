//! "N units ago": "four years ago", "a week ago".

use chrono::Datelike;
use dossier_model::Edtf;

use super::read::Read;
use super::{Hit, Matcher, resolved, resolved_month};
use crate::TimexType;
use crate::calendar::{add_days, add_months, approximate, month_of};
use crate::lexicon::{Lex, Unit};

impl Matcher<'_> {
    /// "four years ago", "a week ago", "20 years ago".
    pub(super) fn ago(&self, i: usize) -> Option<Hit> {
        let Read { value: n, next: j } = self.count_at(i, true)?;
        let (unit, _) = self.unit_at(j)?;
        if !self.is(j + 1, Lex::Ago) || n % 10 != 0 {
            return None;
        }
        let n = (n / 10) as i32;
        let end = j + 2;
        self.relative_hit(i, end, "ago", TimexType::Date, "XXXX", |r| match unit {
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
