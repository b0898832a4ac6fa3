//! Relative days: today, tonight, yesterday, tomorrow, "earlier today", "later this week", "the day".

use chrono::{Datelike, NaiveDate};
use dossier_model::Edtf;

use super::{Hit, Matcher, resolved};
use crate::calendar::{add_days, iso_week, last_day_of_month, monday};
use crate::lexicon::{Lex, PartOfDay, Unit};
use crate::token::{Punct, TokenKind};
use crate::{Lang, TimexType};

impl Matcher<'_> {
    /// A relative day, with its part of the day as TIMEX TIME ("2010-07-16TMO").
    pub(super) fn day_hit(
        &self,
        first: usize,
        end: usize,
        rule: &'static str,
        pod: Option<PartOfDay>,
        resolve: impl FnOnce(NaiveDate) -> Option<NaiveDate>,
    ) -> Option<Hit> {
        let kind = if pod.is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        let suffix = pod.map(|p| format!("T{}", p.timex())).unwrap_or_default();
        self.relative_hit(
            first,
            end,
            rule,
            kind,
            &format!("XXXX-XX-XX{suffix}"),
            |r| {
                let d = resolve(r)?;
                resolved(Edtf::day(d)?, format!("{}{suffix}", d.format("%Y-%m-%d")))
            },
        )
    }

    /// today, tonight, yesterday, tomorrow (+ morning …).
    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        let (offset, rule) = match self.lex(i)? {
            Lex::Today => (0, "today"),
            Lex::Tonight => (0, "tonight"),
            Lex::Yesterday => (-1, "yesterday"),
            Lex::Tomorrow => (1, "tomorrow"),
            _ => return None,
        };
        // The day before yesterday, the day after tomorrow, in two words: "avant-hier",
        // "après-demain", "أول أمس", "بعد غد", "pasado mañana" (the first word is read here, at
        // the second: the scan reaches it first only when it is no date word itself).
        if self.lang != Lang::En && i > 0 {
            let k = if self.punct(i - 1) == Some(Punct::Dash) && i > 1 {
                i - 2
            } else {
                i - 1
            };
            let before = matches!(self.lex(k), Some(Lex::Before))
                || self.word_is(k, "أول")
                || self.word_is(k, "اول");
            let after =
                matches!(self.lex(k), Some(Lex::After | Lex::Last)) || self.word_is(k, "بعد");
            let two = match rule {
                "yesterday" if before => Some(-2),
                "tomorrow" if after => Some(2),
                _ => None,
            };
            if let Some(n) = two {
                return self.day_hit(i, i + 1, "day-offset", None, move |r| add_days(r, n));
            }
        }
        // "Morgen" capitalised inside a German sentence is the morning; "la mañana" too.
        if offset == 1
            && i > 0
            && ((self.lang == Lang::De && self.tokens[i].cap() && self.lex(i - 1).is_some())
                || (self.lang == Lang::Es && matches!(self.lex(i - 1), Some(Lex::The | Lex::Of))))
        {
            return None;
        }
        let mut next = i + 1;
        // "aujourd'hui".
        if self.lang == Lang::Fr
            && self.punct(next) == Some(Punct::Apostrophe)
            && self.word_is(next + 1, "hui")
        {
            next += 2;
        }
        let (mut end, pod) = match self.lex(next) {
            Some(Lex::PartOfDay(p)) if offset != 0 || rule == "today" => (next + 1, Some(p)),
            _ => (next, None),
        };
        // "اليوم الأحد", "heute Dienstag": today named by its weekday.
        if offset == 0
            && self.lang != Lang::En
            && pod.is_none()
            && matches!(self.lex(end), Some(Lex::Weekday(_)))
        {
            end += 1;
        }
        let pod = if rule == "tonight" {
            Some(PartOfDay::Night)
        } else {
            pod
        };
        self.day_hit(i, end, rule, pod, move |r| add_days(r, offset))
    }

    /// "earlier today", "later this year", "earlier this week".
    pub(super) fn earlier_later(&self, i: usize) -> Option<Hit> {
        let earlier = self.is(i, Lex::Earlier);
        if self.is(i + 1, Lex::Today) {
            return self.day_hit(
                i,
                i + 2,
                if earlier {
                    "earlier-today"
                } else {
                    "later-today"
                },
                None,
                Some,
            );
        }
        if !self.is(i + 1, Lex::This) {
            return None;
        }
        let (unit, _) = self.unit_at(i + 2)?;
        let end = i + 3;
        let rule = if earlier {
            "earlier-this"
        } else {
            "later-this"
        };
        self.relative_hit(i, end, rule, TimexType::Date, "XXXX", |r| {
            let (first, last, timex) = match unit {
                Unit::Week => {
                    let mon = monday(r)?;
                    (mon, add_days(mon, 6)?, iso_week(r)?.timex)
                }
                Unit::Month => (
                    r.with_day(1)?,
                    last_day_of_month(r.year(), r.month())?,
                    format!("{:04}-{:02}", r.year(), r.month()),
                ),
                Unit::Year => (
                    NaiveDate::from_ymd_opt(r.year(), 1, 1)?,
                    NaiveDate::from_ymd_opt(r.year(), 12, 31)?,
                    format!("{:04}", r.year()),
                ),
                _ => return None,
            };
            let v = if earlier {
                Edtf::between(first, r)?
            } else {
                Edtf::between(r, last)?
            };
            resolved(v, timex)
        })
    }

    /// "the day" in market reports ("ending the day down", "for the day"): the reference day.
    pub(super) fn the_day(&self, i: usize) -> Option<Hit> {
        if !self.is(
            i + 1,
            Lex::Unit {
                unit: Unit::Day,
                plural: false,
            },
        ) {
            return None;
        }
        let ends = match self.tokens.get(i + 2).map(|t| t.kind) {
            None | Some(TokenKind::Punct(Punct::Comma | Punct::Period | Punct::Break)) => true,
            Some(TokenKind::Word { .. }) => ["at", "down", "up", "with", "higher", "lower"]
                .iter()
                .any(|w| self.word_is(i + 2, w)),
            _ => false,
        };
        let preceded = i > 0
            && [
                "end", "ending", "ended", "for", "finish", "finished", "close", "closed", "in",
                "during",
            ]
            .iter()
            .any(|w| self.word_is(i - 1, w));
        if !(ends && preceded) {
            return None;
        }
        self.day_hit(i, i + 2, "the-day", None, Some)
    }
}
