//! A day and month, or a month, without a year ("on June 2", "in July"): the nearest past one, or the coming one in a future sentence.

use chrono::NaiveDate;
use dossier_model::Edtf;

use super::{Hit, Matcher, resolved, resolved_month};
use crate::TimexType;
use crate::calendar::{resolve_day_month, resolve_month};
use crate::lexicon::Lex;
use crate::token::TokenKind;

impl Matcher<'_> {
    pub(super) fn day_month_relative(
        &self,
        i: usize,
        end: usize,
        m: u32,
        d: u32,
        rule: &'static str,
    ) -> Option<Hit> {
        // Validate against a leap year so that "29 February" is accepted.
        NaiveDate::from_ymd_opt(2000, m, d)?;
        // "le 3 mars dernier", "el 5 de junio próximo": the word after says which side.
        if self.lang != crate::Lang::En
            && let Some(dir @ (Lex::Last | Lex::Next)) = self.lex(end)
        {
            let future = dir == Lex::Next;
            return self.relative_hit(
                i,
                end + 1,
                rule,
                TimexType::Date,
                &format!("XXXX-{m:02}-{d:02}"),
                |r| {
                    let date = crate::calendar::day_month(r, m, d, future)?;
                    resolved(Edtf::day(date)?, date.format("%Y-%m-%d").to_string())
                },
            );
        }
        let future = self.future(i);
        self.relative_hit(
            i,
            end,
            rule,
            TimexType::Date,
            &format!("XXXX-{m:02}-{d:02}"),
            |r| {
                let date = resolve_day_month(r, m, d, future)?;
                resolved(Edtf::day(date)?, date.format("%Y-%m-%d").to_string())
            },
        )
    }

    /// A month name alone: the latest such month on or before the reference month.
    pub(super) fn month_alone(&self, i: usize, cap: bool) -> Option<Hit> {
        let Some(Lex::Month { month, abbr }) = self.lex(i) else {
            return None;
        };
        let prev = i.checked_sub(1).and_then(|p| self.lex(p));
        let context =
            prev.is_some_and(|l| l.introduces_date() || matches!(l, Lex::Early | Lex::Late));
        // "may" and "march" are verbs too; abbreviations alone are too ambiguous.
        let ambiguous = matches!(month, 3 | 5) || abbr;
        // "February 30" is no date; "June Carter" is a name.
        let next = self.tokens.get(i + 1).map(|t| t.kind);
        let name_or_number = matches!(
            next,
            Some(TokenKind::Num(_) | TokenKind::Word { cap: true, .. })
        );
        if self.lang != crate::Lang::En {
            // Other languages write months in lower case: the word before says it is a date
            // ("en mars", "в марте", "في مارس", "ماه مارس").
            let month_word = matches!(
                prev,
                Some(Lex::Unit {
                    unit: crate::lexicon::Unit::Month,
                    plural: false
                })
            );
            if !(context || month_word) || matches!(next, Some(TokenKind::Num(_))) {
                return None;
            }
        } else if !cap
            || ((ambiguous || name_or_number) && !context)
            || matches!(next, Some(TokenKind::Num(_)))
        {
            return None;
        }
        let m = u32::from(month);
        let future = self.future(i);
        self.relative_hit(
            i,
            i + 1,
            "month",
            TimexType::Date,
            &format!("XXXX-{m:02}"),
            |r| resolved_month(resolve_month(r, m, future)),
        )
    }
}
