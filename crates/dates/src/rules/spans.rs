//! Spans that end at the reference ("the past few days", "recent weeks") and vague references ("the future", "the past").

use dossier_model::Edtf;

use super::read::Read;
use super::{Hit, Matcher};
use crate::calendar::{add_days, add_months};
use crate::lexicon::{Lex, Unit};
use crate::token::TokenKind;
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// "the past few days", "the last nine days", "recent weeks": the span up to the reference.
    pub(super) fn past_span(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            j += 1;
        }
        let recent = self.is(j, Lex::Recent);
        if !recent && !matches!(self.lex(j), Some(Lex::Past | Lex::Last)) {
            return None;
        }
        if !recent && j == i {
            // "last" needs "the" here: "last week" is a date, "the last week" a span.
            if self.is(j, Lex::Last) {
                return None;
            }
        }
        j += 1;
        let (n, fuzzy, j) = match self.lex(j) {
            Some(Lex::Few | Lex::Several) => (30, true, j + 1),
            _ if recent => (30, true, j),
            _ => match self.count_at(j, false) {
                Some(Read { value: n, next: k }) if n % 10 == 0 => (n, false, k),
                Some(_) => return None,
                None => (10, false, j),
            },
        };
        let (unit, plural) = self.unit_at(j)?;
        if unit.is_time() || (n == 10 && plural) || (n > 10 && !plural) {
            return None;
        }
        let count = n / 10;
        let t = if unit.is_time() { "T" } else { "" };
        let dur = match (fuzzy, unit) {
            (true, _) => format!("P{t}X{}", unit.timex()),
            (false, Unit::Decade) => format!("P{}Y", 10 * count),
            (false, _) => format!("P{t}{count}{}", unit.timex()),
        };
        let end = j + 1;
        // The span is an interval ending at the reference; "few" makes its start approximate.
        match self.reference {
            Some(r) => {
                let start = match unit {
                    Unit::Day => add_days(r, -i64::from(count)),
                    Unit::Week => add_days(r, -7 * i64::from(count)),
                    Unit::Month => add_months(r, -(count as i32)),
                    Unit::Year => add_months(r, -12 * count as i32),
                    Unit::Decade => add_months(r, -120 * count as i32),
                    _ => None,
                }?;
                let v = Edtf::between(start, r)?;
                let v = if fuzzy { approximate_start(v) } else { v };
                self.hit(
                    i,
                    end,
                    Some(v),
                    Kind::Relative,
                    "past-span",
                    Timex::new(TimexType::Duration, dur),
                )
            }
            None => self.hit(
                i,
                end,
                None,
                Kind::Relative,
                "past-span",
                Timex::new(TimexType::Duration, dur),
            ),
        }
    }

    /// "the future", "the past": TIMEX FUTURE_REF / PAST_REF, no calendar value.
    pub(super) fn vague_ref(&self, i: usize) -> Option<Hit> {
        // "l'avenir": the French article's apostrophe.
        if self.lang == crate::Lang::Fr
            && self.punct(i + 1) == Some(crate::token::Punct::Apostrophe)
            && self.is(i + 2, Lex::FutureRef)
        {
            return self.hit(
                i,
                i + 3,
                None,
                Kind::Relative,
                "vague-ref",
                Timex::new(TimexType::Date, "FUTURE_REF"),
            );
        }
        let value = match self.lex(i + 1)? {
            Lex::FutureRef => "FUTURE_REF",
            Lex::Past
                if matches!(
                    self.tokens.get(i + 2).map(|t| t.kind),
                    None | Some(TokenKind::Punct(_))
                ) =>
            {
                "PAST_REF"
            }
            _ => return None,
        };
        self.hit(
            i,
            i + 2,
            None,
            Kind::Relative,
            "vague-ref",
            Timex::new(TimexType::Date, value),
        )
    }
}

fn approximate_start(v: Edtf) -> Edtf {
    match v {
        Edtf::Interval(dossier_model::Bound::Date(a), b) => {
            Edtf::Interval(dossier_model::Bound::Date(a.approximate()), b)
        }
        other => other,
    }
}
