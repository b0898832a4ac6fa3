//! Weeks, months, years and weekends named from the reference: "last week", "next month", "last September", "this weekend".

use chrono::Datelike;
use dossier_model::Edtf;

use super::{Hit, Matcher, resolved, resolved_month};
use crate::TimexType;
use crate::calendar::{YearMonth, add_days, add_months, iso_week, monday, month_near, month_of};
use crate::lexicon::{Lex, Unit};

impl Matcher<'_> {
    /// last/this/next/coming/past + week, month, year, weekend, weekday, month name.
    pub(super) fn relative_unit(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            // "the previous year", "the coming week" are dates; "the past year" is a span.
            j += 1;
            if !matches!(self.lex(j), Some(Lex::Previous | Lex::Coming)) {
                return None;
            }
        }
        let dir: i32 = match self.lex(j)? {
            Lex::Last | Lex::Past | Lex::Previous => -1,
            Lex::This => 0,
            Lex::Next | Lex::Coming => 1,
            _ => return None,
        };
        // "past"/"previous" only with "the": "past Tuesday" is rare, "the past week" is a span.
        if matches!(self.lex(j), Some(Lex::Past)) {
            return None;
        }
        let k = j + 1;
        match self.lex(k)? {
            Lex::Weekday(n) => {
                let rule = ["last-weekday", "this-weekday", "next-weekday"][(dir + 1) as usize];
                if dir == 0 {
                    self.day_hit(i, k + 1, rule, None, move |r| {
                        add_days(monday(r)?, i64::from(n))
                    })
                } else {
                    self.weekday_hit(i, k + 1, n, dir > 0, true, rule)
                }
            }
            Lex::Month { month, abbr: false } if self.tokens[k].cap() => {
                let m = u32::from(month);
                self.relative_hit(
                    i,
                    k + 1,
                    "relative-month-name",
                    TimexType::Date,
                    &format!("XXXX-{m:02}"),
                    |r| {
                        resolved_month(match dir {
                            0 => YearMonth {
                                year: r.year(),
                                month: m,
                            },
                            d => month_near(r, m, d > 0, true),
                        })
                    },
                )
            }
            Lex::PartOfDay(p) if dir == 0 => {
                self.day_hit(i, k + 1, "this-part-of-day", Some(p), Some)
            }
            Lex::Weekend => {
                self.relative_hit(i, k + 1, "weekend", TimexType::Date, "XXXX-WXX-WE", |r| {
                    let sat = add_days(monday(r)?, 5 + 7 * i64::from(dir))?;
                    let week = iso_week(sat)?.timex;
                    resolved(Edtf::between(sat, add_days(sat, 1)?)?, format!("{week}-WE"))
                })
            }
            Lex::Unit {
                unit,
                plural: false,
            } => {
                let rule = match (dir, unit) {
                    (-1, Unit::Week) => "last-week",
                    (0, Unit::Week) => "this-week",
                    (1, Unit::Week) => "next-week",
                    (-1, Unit::Month) => "last-month",
                    (0, Unit::Month) => "this-month",
                    (1, Unit::Month) => "next-month",
                    (-1, Unit::Year) => "last-year",
                    (0, Unit::Year) => "this-year",
                    (1, Unit::Year) => "next-year",
                    _ => return None,
                };
                self.relative_hit(i, k + 1, rule, TimexType::Date, "XXXX", |r| match unit {
                    Unit::Week => {
                        let week = iso_week(add_days(r, 7 * i64::from(dir))?)?;
                        resolved(week.days, week.timex)
                    }
                    Unit::Month => resolved_month(month_of(add_months(r.with_day(1)?, dir)?)),
                    _ => {
                        let y = r.year() + dir;
                        resolved(Edtf::year(y)?, format!("{y:04}"))
                    }
                })
            }
            _ => None,
        }
    }
}
