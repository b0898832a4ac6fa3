//! Weekdays ("on Tuesday", "Friday morning"), resolved around the reference.

use super::{Hit, Matcher};
use crate::calendar::{nearest_weekday, weekday};
use crate::lexicon::Lex;

impl Matcher<'_> {
    /// A bare weekday, with an optional part of the day ("Friday morning").
    pub(super) fn weekday_rule(&self, i: usize, cap: bool) -> Option<Hit> {
        let Some(Lex::Weekday(n)) = self.lex(i) else {
            return None;
        };
        let after_on = i > 0 && self.is(i - 1, Lex::On);
        // Only English capitalises weekdays: elsewhere a weekday word is one in any case.
        if !cap && !after_on && self.lang == crate::Lang::En {
            return None;
        }
        let future = self.future(i);
        self.weekday_hit(i, i + 1, n, future, false, "weekday")
    }

    pub(super) fn weekday_hit(
        &self,
        first: usize,
        end: usize,
        n: u8,
        future: bool,
        strict: bool,
        rule: &'static str,
    ) -> Option<Hit> {
        // "el jueves por la noche", "jeudi dans la soirée": the part of the day after a
        // preposition and its article.
        let k = if self.lang != crate::Lang::En
            && ["por", "en", "dans", "à", "am", "в"]
                .iter()
                .any(|w| self.word_is(end, w))
            && self.is(end + 1, Lex::The)
        {
            end + 2
        } else {
            end
        };
        let (end, pod) = match self.lex(k) {
            Some(Lex::PartOfDay(p)) => (k + 1, Some(p)),
            _ => (end, None),
        };
        self.day_hit(first, end, rule, pod, move |r| {
            nearest_weekday(r, weekday(n), future, strict)
        })
    }
}
