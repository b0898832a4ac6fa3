//! The citation completion's ranking: every word typed is looked for in an excerpt's fields,
//! each field weighted by how much it says about the excerpt. The analyst's summary and the
//! outlet outweigh the quote (a summary names the event; a quote's words are incidental), a
//! word that starts a field's word outweighs one found inside a word, and a date typed as
//! `2026-03` or `march` finds the excerpts of that time. Equal scores go to the most recent
//! excerpt first (the caller's tie-break).

/// How well an excerpt matches a query; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(pub u32);

/// What a query word is matched against, lowercased by the caller or not: the ranking
/// lowercases.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub outlet: &'a str,
    pub tags: &'a [String],
    /// The event date as EDTF (`2026-03-17`), empty when undated.
    pub date: &'a str,
    /// The same as a reader says it ("17 March 2026").
    pub date_human: &'a str,
    pub quote: &'a str,
}

/// Points for a word of the query found in a field: (a whole word, the start of a word,
/// inside a word).
const SUMMARY: [u32; 3] = [12, 9, 4];
const OUTLET: [u32; 3] = [10, 8, 3];
const TAG: [u32; 3] = [10, 7, 2];
const DATE_HUMAN: [u32; 3] = [8, 6, 0];
const QUOTE: [u32; 3] = [5, 3, 1];
/// A date typed as EDTF that the excerpt's date starts with (`2026`, `2026-03`).
const DATE_PREFIX: u32 = 10;
/// A word found in the id: ids are made from the summary, so this is a weak echo.
const ID: u32 = 2;

/// A query: its words, and whether an excerpt must match all of them (completion) or may
/// match some (the excerpts an unknown id may have meant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    all: bool,
}

impl Query {
    /// What the analyst typed after `[@`: every word must match.
    pub fn all_of(text: &str) -> Query {
        Query {
            terms: text
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| "[]@;,.()\"'".contains(c))
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect(),
            all: true,
        }
    }

    /// The words of an excerpt id (`2026-03-war-risk-insurers-24f5`): its leading date as one
    /// word (`2026-03`), its other words, without the hash that ends it; at least half of them
    /// must match.
    pub fn from_id(id: &str) -> Query {
        let mut parts: Vec<&str> = id.split('-').filter(|p| !p.is_empty()).collect();
        // The four hex digits that make an id unique say nothing about the excerpt.
        if parts.len() > 1
            && parts
                .last()
                .is_some_and(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            parts.pop();
        }
        let mut terms = Vec::new();
        let mut rest = &parts[..];
        if let [year, tail @ ..] = rest
            && is_number(year, 4)
        {
            match tail {
                [month, tail @ ..] if is_number(month, 2) => {
                    terms.push(format!("{year}-{month}"));
                    rest = tail;
                }
                _ => {
                    terms.push(year.to_string());
                    rest = tail;
                }
            }
        }
        terms.extend(rest.iter().map(|p| p.to_lowercase()));
        Query { terms, all: false }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The score of an excerpt with `fields`, or `None` when it does not match.
    pub fn score(&self, fields: &Fields<'_>) -> Option<Score> {
        if self.terms.is_empty() {
            return Some(Score(0));
        }
        let lower = Lowered::new(fields);
        let mut total = 0;
        let mut matched = 0;
        for t in &self.terms {
            let s = term_score(t, &lower);
            if s == 0 && self.all {
                return None;
            }
            matched += usize::from(s > 0);
            total += s;
        }
        (matched * 2 >= self.terms.len() && matched > 0).then_some(Score(total))
    }
}

fn is_number(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

/// The fields lowercased once per excerpt.
struct Lowered {
    id: String,
    summary: String,
    outlet: String,
    tags: Vec<String>,
    date: String,
    date_human: String,
    quote: String,
}

impl Lowered {
    fn new(f: &Fields<'_>) -> Lowered {
        Lowered {
            id: f.id.to_lowercase(),
            summary: f.summary.to_lowercase(),
            outlet: f.outlet.to_lowercase(),
            tags: f.tags.iter().map(|t| t.to_lowercase()).collect(),
            date: f.date.to_lowercase(),
            date_human: f.date_human.to_lowercase(),
            quote: f.quote.to_lowercase(),
        }
    }
}

/// The best points `term` earns in any field.
fn term_score(term: &str, f: &Lowered) -> u32 {
    let mut best = [
        points(&f.summary, term, SUMMARY),
        points(&f.outlet, term, OUTLET),
        points(&f.date_human, term, DATE_HUMAN),
        points(&f.quote, term, QUOTE),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    for tag in &f.tags {
        best = best.max(points(tag, term, TAG));
    }
    if term.starts_with(|c: char| c.is_ascii_digit()) && f.date.starts_with(term) {
        best = best.max(DATE_PREFIX);
    }
    if best == 0 && f.id.contains(term) {
        best = ID;
    }
    best
}

/// The points for `term` in `field`: as a whole word, at the start of a word, or inside one.
fn points(field: &str, term: &str, [whole, start, inside]: [u32; 3]) -> u32 {
    let mut best = 0;
    for (i, _) in field.match_indices(term) {
        let before = field[..i].chars().next_back();
        let after = field[i + term.len()..].chars().next();
        let starts = !before.is_some_and(char::is_alphanumeric);
        let ends = !after.is_some_and(char::is_alphanumeric);
        let p = match (starts, ends) {
            (true, true) => whole,
            (true, false) => start,
            _ => inside,
        };
        best = best.max(p);
        if best == whole {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt<'a>(id: &'a str, summary: &'a str, outlet: &'a str, quote: &'a str) -> Fields<'a> {
        Fields {
            id,
            summary,
            outlet,
            quote,
            ..Fields::default()
        }
    }

    /// The ids of `all` that match `query`, best first (ties in the given order, as the
    /// caller's recency tie-break would have left them).
    fn check(query: &Query, all: &[Fields<'_>], expected: &[&str]) {
        let mut scored: Vec<(Score, usize)> = all
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((query.score(f)?, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let got: Vec<&str> = scored.iter().map(|&(_, i)| all[i].id).collect();
        assert_eq!(got, expected, "{query:?}");
    }

    #[test]
    fn summary_and_outlet_outweigh_the_quote() {
        let all = [
            excerpt(
                "q",
                "Talks end",
                "Merrow Post",
                "the ferries stopped at dawn",
            ),
            excerpt("s", "Ferries stopped", "Harbor Ledger", "no boat sailed"),
            excerpt("o", "Ports shut", "Ferry Times", "all quiet"),
        ];
        check(&Query::all_of("ferr"), &all, &["s", "o", "q"]);
        // A whole word beats the start of one: "ferries" is a word of the summary and the
        // quote, the start of none of the outlet's.
        check(&Query::all_of("ferries"), &all, &["s", "q"]);
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let all = [
            excerpt("a", "Ferries stopped", "Harbor Ledger", ""),
            excerpt("b", "Ferries resume", "Gulf Observer", ""),
        ];
        check(&Query::all_of("ferries ledger"), &all, &["a"]);
        check(&Query::all_of("ferries nothing"), &all, &[]);
        // Typed with the citation's own punctuation: still words.
        check(&Query::all_of("[@ferries; gulf]"), &all, &["b"]);
    }

    #[test]
    fn whole_words_beat_prefixes_beat_insides() {
        let all = [
            excerpt("inside", "Tankers unheld", "", ""),
            excerpt("prefix", "Tankers holding", "", ""),
            excerpt("whole", "Tankers held", "", ""),
        ];
        check(&Query::all_of("held"), &all, &["whole", "inside"]);
        check(&Query::all_of("hold"), &all, &["prefix"]);
    }

    #[test]
    fn dates_match_as_edtf_prefixes_and_as_words() {
        let mut march = excerpt("m", "Strait closed", "", "");
        march.date = "2026-03-01";
        march.date_human = "1 March 2026";
        let mut june = excerpt("j", "Strait reopened", "", "");
        june.date = "2026-06";
        june.date_human = "June 2026";
        let all = [march, june];
        check(&Query::all_of("2026-03"), &all, &["m"]);
        check(&Query::all_of("2026"), &all, &["m", "j"]);
        check(&Query::all_of("june strait"), &all, &["j"]);
        check(&Query::all_of("mar"), &all, &["m"]);
    }

    #[test]
    fn tags_match_by_their_words() {
        let tags = ["actor:brotherhood".to_string(), "shipping".to_string()];
        let mut tagged = excerpt("t", "Boats out", "", "");
        tagged.tags = &tags;
        let all = [excerpt("u", "Brotherhoods of the coast", "", ""), tagged];
        // A tag's whole word (10) beats the start of a summary's word (9).
        check(&Query::all_of("brotherhood"), &all, &["t", "u"]);
        check(&Query::all_of("ship"), &all, &["t"]);
    }

    #[test]
    fn an_empty_query_keeps_everything_equal() {
        let all = [excerpt("a", "A", "", ""), excerpt("b", "B", "", "")];
        check(&Query::all_of("  "), &all, &["a", "b"]);
    }

    #[test]
    fn an_unknown_id_finds_what_shares_its_date_and_words() {
        let q = Query::from_id("2026-03-war-risk-insurers-24f5");
        assert_eq!(
            q,
            Query {
                terms: vec![
                    "2026-03".into(),
                    "war".into(),
                    "risk".into(),
                    "insurers".into()
                ],
                all: false
            }
        );
        let mut cover = excerpt("c", "Insurers withdraw war-risk cover", "", "");
        cover.date = "2026-03-17";
        let mut other = excerpt("o", "Insurers return", "", "");
        other.date = "2026-05-02";
        let mut same_month = excerpt("m", "Talks end", "", "");
        same_month.date = "2026-03-20";
        let all = [other, same_month, cover];
        // "Insurers return" shares one word of four, the talks only the month: too little.
        check(&q, &all, &["c"]);
        assert_eq!(
            Query::from_id("2021-hollin-opens-veyras"),
            Query {
                terms: vec![
                    "2021".into(),
                    "hollin".into(),
                    "opens".into(),
                    "veyras".into()
                ],
                all: false
            }
        );
    }
}
