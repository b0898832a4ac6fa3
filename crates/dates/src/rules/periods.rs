//! Weeks, months, years and weekends named from the reference: "last week", "next month", "last September", "this weekend".

use chrono::Datelike;
use dossier_model::Edtf;

use super::{Hit, Matcher, resolved, resolved_month};
use crate::Lang;
use crate::TimexType;
use crate::calendar::{
    YearMonth, add_days, add_months, iso_week, monday, month_near, month_of, week_of,
};
use crate::lexicon::{Lex, Unit};
use crate::token::Punct;

impl Matcher<'_> {
    /// last/this/next/coming/past + week, month, year, weekend, weekday, month name.
    pub(super) fn relative_unit(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            // "the previous year", "the coming week" are dates; "the past year" is a span.
            // Other languages put "last" after the article: "el pasado martes".
            j += 1;
            let allowed = if self.lang == Lang::En {
                matches!(self.lex(j), Some(Lex::Previous | Lex::Coming))
            } else {
                matches!(self.lex(j), Some(Lex::Last | Lex::Next | Lex::This))
            };
            if !allowed {
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
        self.relative_object(i, j + 1, dir, j + 2)
    }

    /// "semaine dernière", "la semana pasada", "الأسبوع الماضي", "سه‌شنبه گذشته": the word for
    /// "last" or "next" after the weekday or unit it dates.
    pub(super) fn postposed(&self, i: usize) -> Option<Hit> {
        if self.lang == Lang::En {
            return None;
        }
        let mut j = i;
        if self.is(j, Lex::The) {
            j += 1;
            if self.punct(j) == Some(Punct::Apostrophe) {
                j += 1;
            }
        }
        let object = matches!(
            self.lex(j)?,
            Lex::Weekday(_)
                | Lex::Weekend
                | Lex::Unit {
                    plural: false,
                    unit: Unit::Week | Unit::Month | Unit::Year
                }
        );
        if !object {
            return None;
        }
        // "el mes que viene".
        if self.word_is(j + 1, "que") && self.word_is(j + 2, "viene") {
            return self.relative_object(i, j, 1, j + 3);
        }
        let dir = match self.lex(j + 1)? {
            Lex::Last => -1,
            Lex::Next => 1,
            Lex::This if self.lang == Lang::Ar => 0,
            // "هفته پیش": "ago" after a bare unit is "last" in Persian.
            Lex::Ago if self.lang == Lang::Fa => -1,
            _ => return None,
        };
        self.relative_object(i, j, dir, j + 2)
    }

    /// "امسال" (this year), "پارسال" (last year): Solar years in Persian.
    pub(super) fn year_rel(&self, i: usize, n: i8) -> Option<Hit> {
        let n = i32::from(n);
        if self.lang.solar_months() {
            return self.solar_year_rel(i, i + 1, n, "relative-solar-year");
        }
        self.relative_hit(i, i + 1, "relative-year", TimexType::Date, "XXXX", |r| {
            let y = r.year() + n;
            resolved(Edtf::year(y)?, format!("{y:04}"))
        })
    }

    /// The weekday, weekend, week, month or year at token `k`, `dir` from the reference; the
    /// expression runs from `i` to `end`.
    fn relative_object(&self, i: usize, k: usize, dir: i32, end: usize) -> Option<Hit> {
        match self.lex(k)? {
            Lex::Weekday(n) => {
                let rule = ["last-weekday", "this-weekday", "next-weekday"][(dir + 1) as usize];
                if dir == 0 {
                    self.day_hit(i, end, rule, None, move |r| {
                        add_days(monday(r)?, i64::from(n))
                    })
                } else {
                    self.weekday_hit(i, end, n, dir > 0, true, rule)
                }
            }
            Lex::Month { month, abbr: false } if self.tokens[k].cap() || self.lang != Lang::En => {
                let m = u32::from(month);
                self.relative_hit(
                    i,
                    end,
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
                self.day_hit(i, end, "this-part-of-day", Some(p), Some)
            }
            // "esta mañana": this morning (tomorrow is "mañana" alone).
            Lex::Tomorrow if dir == 0 && self.lang == Lang::Es => self.day_hit(
                i,
                end,
                "this-part-of-day",
                Some(crate::lexicon::PartOfDay::Morning),
                Some,
            ),
            Lex::Weekend => {
                // "ce week-end": the "-end" of the French spelling is part of it.
                let end = if self.punct(end) == Some(Punct::Dash) && self.word_is(end + 1, "end") {
                    end + 2
                } else {
                    end
                };
                self.relative_hit(i, end, "weekend", TimexType::Date, "XXXX-WXX-WE", |r| {
                    let sat = add_days(monday(r)?, 5 + 7 * i64::from(dir))?;
                    let week = iso_week(sat)?.timex;
                    resolved(Edtf::between(sat, add_days(sat, 1)?)?, format!("{week}-WE"))
                })
            }
            Lex::Unit {
                unit,
                plural: false,
            } => {
                if self.lang.solar_months() && matches!(unit, Unit::Month | Unit::Year) {
                    return if unit == Unit::Month {
                        self.solar_month_rel(i, end, dir, "relative-solar-month")
                    } else {
                        self.solar_year_rel(i, end, dir, "relative-solar-year")
                    };
                }
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
                let lang = self.lang;
                self.relative_hit(i, end, rule, TimexType::Date, "XXXX", |r| match unit {
                    Unit::Week => {
                        let week = week_of(add_days(r, 7 * i64::from(dir))?, lang)?;
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
