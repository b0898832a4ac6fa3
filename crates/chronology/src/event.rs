//! One event told in different words: excerpts of compatible dates that share enough of the
//! same places, actors, figures and action ("shells hit the customs post" and "craters around
//! the customs post shelled"), and quotes that point back to the passage before them ("900 of
//! those soldiers"). A wrong merge is worse than a missed one: a weak match is only offered.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::similar::{UnionFind, for_each_word};

/// Shared-term score that joins two excerpts: a proper name or a figure counts two, any other
/// content word one.
pub(crate) const JOIN: u32 = 3;
/// Nouns that finish a place's name ("the Selmo valley", "Kessel province").
const PLACE_NOUNS: [&str; 16] = [
    "valley",
    "province",
    "district",
    "region",
    "county",
    "river",
    "town",
    "city",
    "village",
    "border",
    "coast",
    "island",
    "mountains",
    "hills",
    "state",
    "governorate",
];

/// Mixed into the hash of two adjacent content words, so that a pair never equals a word.
const PAIR: u64 = 0x9e37_79b9_7f4a_7c15;
/// Score at which a pair is offered to the analyst instead.
pub(crate) const OFFER: u32 = 2;
/// Items of one day each newcomer is scored against (the latest ones): bounds the work on a
/// crowded day.
const DAY_CHECKS: usize = 64;
/// A date range spanning more days than this is too vague to place an excerpt beside another.
pub(crate) const MAX_SPAN_DAYS: i64 = 7;

/// What one excerpt says, as terms: hashes of content words (stemmed, synonyms folded), with
/// the weight each shared term carries.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms(Vec<(u64, u32)>);

impl Terms {
    pub fn of(quote: &str) -> Terms {
        let mut lower = String::new();
        let mut out: Vec<(u64, u32)> = Vec::with_capacity(quote.len() / 6);
        let keep = |c: char| c.is_alphanumeric() || c == ',' || c == '-';
        // The content word before, for pairs: "haulage tunnel" in two quotes says more than
        // "haulage" and "tunnel" apart.
        let mut previous: Option<u64> = None;
        // Whether the word before was a name: "valley" in "the Selmo valley" is part of the
        // place, which every report from there shares, not of what happened.
        let mut after_name = false;
        for_each_word(quote, keep, |w| {
            let w = w.trim_matches([',', '-']);
            if w.is_empty() {
                return;
            }
            let term = if w.bytes().any(|b| b.is_ascii_digit()) {
                // "20km" and "20 kilometres", "3,000" and "3000" are one figure.
                let mut h = hash("#");
                for b in w
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .skip_while(|&b| b == b'0')
                {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                }
                Some((h, 2))
            } else {
                lower.clear();
                if w.is_ascii() {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                }
                let proper = w.chars().next().is_some_and(char::is_uppercase);
                let place_noun = after_name && !proper && PLACE_NOUNS.contains(&lower.as_str());
                after_name = proper;
                if lower.chars().count() < 3 || is_stop(&lower) || place_noun {
                    None
                } else {
                    Some((hash(fold(&lower)), if proper { 2 } else { 1 }))
                }
            };
            match term {
                Some((h, 1)) => {
                    if let Some(p) = previous {
                        let pair = p.rotate_left(17) ^ h ^ PAIR;
                        if !out.iter().any(|(x, _)| *x == pair) {
                            out.push((pair, 1));
                        }
                    }
                    previous = Some(h);
                }
                _ => previous = None,
            }
            if let Some((h, weight)) = term
                && !out.iter().any(|(x, _)| *x == h)
            {
                out.push((h, weight));
            }
        });
        out.sort_unstable();
        Terms(out)
    }

    /// Adds a word the quote's context gives it (the dateline's place, weight 2 as a proper
    /// name; what a figure counts, weight 1).
    pub fn add(&mut self, word: &str, weight: u32) {
        let h = hash(fold(word));
        if !self.0.iter().any(|(x, _)| *x == h) {
            self.0.push((h, weight));
            self.0.sort_unstable();
        }
    }

    /// Drops the words of reporters' names ([`name_words`]) that the quote mentions: who
    /// carried a claim is not what happened ("citing BPA", "according to BPA"). A word the
    /// quote also uses as a place ("the Kessel agency said 14 died in Kessel") stays.
    pub fn remove_names(&mut self, words: &[(u64, String)], quote: &str) {
        let mut places: Option<Vec<String>> = None;
        for (h, lower) in words {
            let Some(at) = self.0.iter().position(|(x, _)| x == h) else {
                continue;
            };
            let places = places.get_or_insert_with(|| crate::figures::places(quote));
            if !places.iter().any(|p| p.split(' ').any(|pw| pw == lower)) {
                self.0.remove(at);
            }
        }
    }

    /// The summed weight of the terms both share.
    pub fn score(&self, other: &Terms) -> u32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut s) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a[i].1.max(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }
}

/// The content words of a reporter's name ("The Daily Harrow" → daily, harrow) as term hashes
/// with their lower-case spelling, for [`Terms::remove_names`].
pub(crate) fn name_words(name: &str, out: &mut Vec<(u64, String)>) {
    for w in name.split(|c: char| !c.is_alphanumeric()) {
        let lower = w.to_lowercase();
        if lower.chars().count() < 3 || is_stop(&lower) {
            continue;
        }
        let h = hash(fold(&lower));
        if !out.iter().any(|(x, _)| *x == h) {
            out.push((h, lower));
        }
    }
}

/// Whether the quote cannot stand alone but continues the passage before it ("900 of those
/// soldiers", "these troops").
pub(crate) fn points_back(quote: &str) -> bool {
    if !mentions_th(quote) {
        return false;
    }
    let mut words = quote.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let demonstrative = w.eq_ignore_ascii_case("those") || w.eq_ignore_ascii_case("these");
        let of = w.eq_ignore_ascii_case("of");
        match words.peek() {
            Some(next)
                if demonstrative
                    && !["who", "which", "that", "are", "were", "of"]
                        .iter()
                        .any(|x| next.eq_ignore_ascii_case(x)) =>
            {
                return true;
            }
            Some(next) if of && next.eq_ignore_ascii_case("them") => return true,
            _ => {}
        }
    }
    false
}

/// The nouns a quote points at with "that", "this", "those" or "these" ("on that quay"), as
/// terms: when the excerpt before it in the same source mentions one, it continues that passage.
pub(crate) fn demonstrated(quote: &str) -> Vec<u64> {
    let mut out = Vec::new();
    if !mentions_th(quote) {
        return out;
    }
    let mut words = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        if !["that", "this", "those", "these"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
        {
            continue;
        }
        if let Some(next) = words.peek() {
            let next = next.to_lowercase();
            if !is_stop(&next) && next.chars().count() >= 3 {
                out.push(hash(fold(&next)));
            }
        }
    }
    out
}

/// Whether `quote` has "th" in any case: every word [`points_back`] and [`demonstrated`] look
/// for ("those", "these", "them", "that", "this") has it, so most quotes are skipped at once.
pub(crate) fn mentions_th(quote: &str) -> bool {
    let b = quote.as_bytes();
    b.iter()
        .zip(b.iter().skip(1))
        .any(|(&x, &y)| x | 0x20 == b't' && y | 0x20 == b'h')
}

/// One excerpt as the grouping sees it.
pub(crate) struct Item<'a> {
    pub days: (NaiveDate, NaiveDate),
    pub terms: Terms,
    /// The speaker's name, lower case: two statements by different people are two events.
    pub speaker: Option<String>,
    pub source: &'a str,
    /// The source's text ("" when it is not at hand) and the quote's byte range in it.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub points_back: bool,
    /// [`demonstrated`] nouns.
    pub demonstrated: Vec<u64>,
}

/// Joins items (sorted by first day) that report one event; returns the weak pairs (score
/// [`OFFER`]) for the analyst. Linear in the number of items: each is scored against at most
/// [`DAY_CHECKS`] items before it whose dates overlap its own.
pub(crate) fn join(items: &[Item<'_>], uf: &mut UnionFind) -> Vec<(usize, usize)> {
    let mut offered: Vec<(usize, usize)> = Vec::new();
    let narrow: Vec<bool> = items
        .iter()
        .map(|it| (it.days.1 - it.days.0).num_days() <= MAX_SPAN_DAYS && !it.terms.0.is_empty())
        .collect();
    // The latest last day among the narrow items up to each index: scanning back stops where
    // no earlier item can reach the newcomer's first day.
    let mut reach: Vec<NaiveDate> = Vec::with_capacity(items.len());
    let mut latest = NaiveDate::MIN;
    for (it, &n) in items.iter().zip(&narrow) {
        if n {
            latest = latest.max(it.days.1);
        }
        reach.push(latest);
    }
    // Items come sorted by their first day: the ones that can overlap item i lie just before
    // it, within the widest span allowed.
    for (i, it) in items.iter().enumerate() {
        if !narrow[i] {
            continue;
        }
        let earliest = it.days.0 - chrono::Days::new(MAX_SPAN_DAYS as u64);
        let before = items[..i]
            .iter()
            .enumerate()
            .rev()
            .take_while(|&(j, o)| o.days.0 >= earliest && reach[j] >= it.days.0)
            .filter(|&(j, o)| narrow[j] && o.days.1 >= it.days.0)
            .take(DAY_CHECKS);
        for (j, other) in before {
            if let (Some(a), Some(b)) = (&it.speaker, &other.speaker)
                && a != b
            {
                continue;
            }
            // Already one event (the same statement): scoring would change nothing.
            if uf.find(i) == uf.find(j) || !uf.can_join(i, j) {
                continue;
            }
            match it.terms.score(&other.terms) {
                s if s >= JOIN => uf.union(i, j),
                s if s >= OFFER => offered.push((j, i)),
                _ => {}
            }
        }
    }
    join_continuations(items, uf);
    offered.retain(|&(a, b)| uf.find(a) != uf.find(b) && uf.can_join(a, b));
    offered
}

/// Excerpts that continue one another in one source are one event: one that points back
/// ("those soldiers", or "that quay" after a quote about the quay) joins the excerpt before it,
/// and two quotes of one sentence ("31 people had died" and "including five children") join
/// each other, when their days overlap and no two speakers differ.
fn join_continuations(items: &[Item<'_>], uf: &mut UnionFind) {
    let mut by_source: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        if !it.text.is_empty() || it.points_back || !it.demonstrated.is_empty() {
            by_source.entry(it.source).or_default().push(i);
        }
    }
    for members in by_source.values_mut() {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| items[i].start);
        for w in members.windows(2) {
            let (a, b) = (&items[w[0]], &items[w[1]]);
            let continues = b.points_back
                || b.demonstrated
                    .iter()
                    .any(|t| a.terms.0.iter().any(|(x, _)| x == t))
                || one_sentence(a, b);
            let speakers_differ = matches!((&a.speaker, &b.speaker), (Some(x), Some(y)) if x != y);
            if continues
                && !speakers_differ
                && a.days.0 <= b.days.1
                && b.days.0 <= a.days.1
                && uf.can_join(w[0], w[1])
            {
                uf.union(w[0], w[1]);
            }
        }
    }
}

/// Whether `b` (starting after `a`) stands in `a`'s sentence: nothing between them ends one.
fn one_sentence(a: &Item<'_>, b: &Item<'_>) -> bool {
    if a.text.is_empty() || a.end > b.start {
        return !a.text.is_empty() && a.end > b.start;
    }
    a.text
        .get(a.end..b.start)
        .is_some_and(|gap| !gap.contains(['.', '!', '?', '\n']))
}

/// Words that say what happened in several ways, folded to one; other words lose a plural or
/// verb ending ("shells", "shelled", "shelling" → "shell").
fn fold(word: &str) -> &str {
    let class = match word {
        "troops" | "troop" | "soldiers" | "soldier" | "fighters" | "servicemen" | "militiamen"
        | "reinforcements" => "troops",
        "artillery" | "guns" | "howitzers" | "cannon" | "cannons" => "artillery",
        "withdraw" | "withdrawn" | "withdrawal" | "withdrew" | "pullback" | "pull" | "retreat" => {
            "withdraw"
        }
        "killed" | "dead" | "died" | "die" | "deaths" | "death" | "toll" | "fatalities" => "dead",
        "strike" | "walkout" | "picket" | "stoppage" | "strikers" => "strike",
        "blast" | "explosion" | "exploded" | "explosions" => "explosion",
        "fire" | "blaze" | "flames" | "burned" | "burning" => "fire",
        "deployed" | "deploy" | "deployment" | "sent" | "dispatched" => "deploy",
        "port" | "harbour" | "harbor" | "quay" | "quayside" | "dock" | "docks" | "wharf"
        | "pier" | "jetty" => "port",
        _ => "",
    };
    if !class.is_empty() {
        return class;
    }
    let mut stem = word;
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = word.strip_suffix(suffix)
            && s.chars().count() >= 4
        {
            stem = s;
            break;
        }
    }
    // "evacuate" and "evacuating" meet at "evacuat".
    match stem.strip_suffix('e') {
        Some(s) if s.chars().count() >= 4 => s,
        _ => stem,
    }
}

fn hash(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn is_stop(word: &str) -> bool {
    // Sorted once; a binary search beats hashing every word of every quote.
    static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v = STOP.to_vec();
        v.sort_unstable();
        v
    });
    SORTED.binary_search(&word).is_ok()
}

/// Words that carry no event: function words, reporting verbs, time words (the date says
/// when), and vague quantities.
const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "this",
    "with",
    "from",
    "into",
    "onto",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "not",
    "but",
    "its",
    "his",
    "her",
    "their",
    "our",
    "your",
    "they",
    "them",
    "she",
    "him",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "while",
    "there",
    "here",
    "than",
    "then",
    "some",
    "any",
    "all",
    "each",
    "every",
    "both",
    "about",
    "after",
    "before",
    "since",
    "until",
    "over",
    "under",
    "between",
    "across",
    "around",
    "along",
    "near",
    "beside",
    "by",
    "out",
    "off",
    "per",
    "more",
    "most",
    "less",
    "least",
    "many",
    "much",
    "few",
    "several",
    "other",
    "such",
    "only",
    "also",
    "just",
    "very",
    "still",
    "yet",
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "according",
    "quoted",
    "saying",
    "added",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "night",
    "morning",
    "evening",
    "afternoon",
    "dawn",
    "midnight",
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "days",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "next",
    "first",
    "new",
    "further",
    "whatever",
    "however",
    "because",
    "though",
    "although",
    "whether",
    "did",
    "does",
    "doing",
    "done",
    "can",
    "cannot",
    "got",
    "get",
    "made",
    "make",
    "put",
    "set",
    "took",
    "take",
    "taken",
    "came",
    "come",
    "went",
    "going",
    "goes",
    "people",
    "those",
    "these",
    "ago",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(a: &str, b: &str, expected: u32) {
        assert_eq!(Terms::of(a).score(&Terms::of(b)), expected, "{a} / {b}");
    }

    #[test]
    fn shared_places_actors_figures_and_action() {
        // Two correspondents at one shelled bridge: place, action and object shared.
        check(
            "saw the Arlen bridge, which was shelled at least four times late on Friday",
            "counted craters on the approach to the Arlen bridge after Friday's shelling",
            4,
        );
        // One figure in different units and words.
        check(
            "both sides agreed to pull their guns back 15 kilometres",
            "the artillery will be withdrawn 15km from the lake",
            4,
        );
        check(
            "Mayor Jonas Hult said the levee had held",
            "Some 400 homes were flooded in Lower Arlen",
            0,
        );
        assert!(points_back("About 300 of those soldiers are reservists"));
        assert!(!points_back("those who fled returned on Monday"));
        let before = Terms::of("ferries stood idle at the north jetty as the strike began");
        let after = demonstrated("nobody works on that jetty until the cranes are fixed");
        assert!(after.iter().any(|t| before.0.iter().any(|(x, _)| x == t)));
        assert!(demonstrated("he said that the cranes are fixed").is_empty());
    }
}
