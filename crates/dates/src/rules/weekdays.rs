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
        let (end, pod) = match self.lex(end) {
            Some(Lex::PartOfDay(p)) => (end + 1, Some(p)),
            _ => (end, None),
        };
        self.day_hit(first, end, rule, pod, move |r| {
            nearest_weekday(r, weekday(n), future, strict)
        })
    }
}
