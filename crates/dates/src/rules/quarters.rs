//! Quarters of a year ("the fourth quarter of 2005", "third-quarter results", "the last quarter").

use chrono::Datelike;
use dossier_model::Period;

use super::read::Read;
use super::{Hit, Matcher, Resolved, resolved};
use crate::calendar::span;
use crate::lexicon::{Lex, Unit};
use crate::token::Punct;
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// "the fourth quarter of 2005", "the first quarter of last year", "third-quarter results",
    /// "the last quarter": a quarter as a three-month interval (TIMEX `2005-Q4`).
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, Lex::The) { i + 1 } else { i };
        let q = match self.lex(j)? {
            Lex::Ordinal(n @ 1..=4) => Some(u32::from(n)),
            Lex::Last | Lex::Previous if j > i => None,
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k) == Some(Punct::Dash) && self.tight(k) {
            k += 1;
        }
        if !self.is(k, Lex::Quarter) {
            return None;
        }
        k += 1;
        let build = |y: i32, q: u32| -> Option<Resolved> {
            let v = span(Period::month(y, 3 * q - 2)?, Period::month(y, 3 * q)?)?;
            resolved(v, format!("{y:04}-Q{q}"))
        };
        let rule = "quarter";
        if self.is(k, Lex::Of) {
            if let (
                Some(q),
                Some(Read {
                    value: y,
                    next: end,
                }),
            ) = (q, self.year_at(k + 1))
            {
                let Resolved { value, timex } = build(y, q)?;
                return self.hit(
                    i,
                    end,
                    Some(value),
                    Kind::Absolute,
                    rule,
                    Timex::new(TimexType::Date, timex),
                );
            }
            let dir = match (self.lex(k + 1), self.lex(k + 2)) {
                (
                    Some(Lex::This),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => 0,
                (
                    Some(Lex::Last),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => -1,
                (
                    Some(Lex::Next),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => 1,
                _ => return None,
            };
            let q = q?;
            return self.relative_hit(
                i,
                k + 3,
                rule,
                TimexType::Date,
                &format!("XXXX-Q{q}"),
                |r| build(r.year() + dir, q),
            );
        }
        // Without a year: the latest such quarter that has begun (or the coming one in a future
        // sentence); "the last quarter" is the one before the reference's.
        let future = self.future(i);
        self.relative_hit(i, k, rule, TimexType::Date, "XXXX-QX", |r| {
            let current = (r.month() - 1) / 3 + 1;
            match q {
                None if current == 1 => build(r.year() - 1, 4),
                None => build(r.year(), current - 1),
                Some(q) if q <= current || future => build(r.year(), q),
                Some(q) => build(r.year() - 1, q),
            }
        })
    }
}
