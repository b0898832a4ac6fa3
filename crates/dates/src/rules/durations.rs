//! Durations ("for 40 years", "two and a half years", "fifty-year") and sets ("15 a year"): no calendar value.

use super::read::Read;
use super::{Hit, Matcher};
use crate::lexicon::{Lex, Unit};
use crate::token::Punct;
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// "for 40 years", "four years", "two and a half years", "a week", "fifty-year", "several
    /// years", "thirty minutes": a duration has no calendar value.
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::Almost) {
            j += 1;
        }
        let (value, j) = match self.lex(j) {
            Some(Lex::Few | Lex::Several) => (None, j + 1),
            _ => {
                let Read { value: n, next: k } = self.count_at(j, true)?;
                (Some(n), k)
            }
        };
        // "fifty-year", "12-hour": a hyphenated singular unit.
        let hyphen = self.punct(j) == Some(Punct::Dash) && self.tight(j) && self.tight(j + 1);
        let j = if hyphen { j + 1 } else { j };
        let (unit, plural) = self.unit_at(j)?;
        if hyphen == plural && hyphen {
            return None;
        }
        if unit == Unit::Year && self.is_age(i) {
            return None;
        }
        // "a year" after a number is a rate: "15 a year".
        if self.is(i, Lex::A) && i > 0 && self.tokens[i - 1].num().is_some() {
            return self.hit(
                i,
                j + 1,
                None,
                Kind::Duration,
                "set",
                Timex::new(TimexType::Set, format!("P1{}", unit.timex())),
            );
        }
        let t = if unit.is_time() { "T" } else { "" };
        let amount = match value {
            None => "X".to_string(),
            Some(n) if n % 10 == 0 => (n / 10).to_string(),
            Some(n) => format!("{}.{}", n / 10, n % 10),
        };
        let (u, amount) = match (unit, &value) {
            (Unit::Decade, Some(n)) if n % 10 == 0 => ("Y", (n / 10 * 10).to_string()),
            _ => (unit.timex(), amount),
        };
        self.hit(
            i,
            j + 1,
            None,
            Kind::Duration,
            "duration",
            Timex::new(TimexType::Duration, format!("P{t}{amount}{u}")),
        )
    }

    /// "un homme de 38 ans", "a los 56 años": an age, not a duration (French and Spanish; "plus
    /// de 6 ans", "más de 6 años" stay durations).
    fn is_age(&self, i: usize) -> bool {
        if !matches!(self.lang, crate::Lang::Fr | crate::Lang::Es) || i < 2 {
            return false;
        }
        let of = self.is(i - 1, Lex::Of)
            && !matches!(
                self.lex(i - 2),
                Some(Lex::More | Lex::Almost | Lex::About | Lex::Since | Lex::During)
            );
        let at_the = self.is(i - 1, Lex::The) && self.word_is(i - 2, "a");
        // "Florian D., 26 ans, demeurant à …": an age in apposition.
        let apposition =
            self.punct(i - 1) == Some(Punct::Comma) && self.punct(i + 2) == Some(Punct::Comma);
        of || at_the || apposition
    }

    /// "for years", "for decades".
    pub(super) fn for_units(&self, i: usize) -> Option<Hit> {
        let (unit, true) = self.unit_at(i + 1)? else {
            return None;
        };
        // "in years" (the highest level in years), but not "in days".
        let long = matches!(unit, Unit::Year | Unit::Decade);
        if unit.is_time() || (self.is(i, Lex::In) && !long) {
            return None;
        }
        self.hit(
            i + 1,
            i + 2,
            None,
            Kind::Duration,
            "duration",
            Timex::new(TimexType::Duration, format!("PX{}", unit.timex())),
        )
    }
}
