//! Figures in quotes ("20,000 troops", "7,000 Iranian and Iraqi fighters", "five thousand
//! fighters") and the subject they count, so that disagreeing figures can be set side by side.

/// What a figure counts. Words that count the same kind of thing share a subject: "troops" and
/// "fighters" are both armed men on the ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Subject {
    Fighters,
    Casualties,
    Displaced,
    Vessels,
    /// "people", "residents": anyone counted at a place, when no narrower word follows.
    People,
    /// Any other plural noun in a state: "41 miners were trapped" counts trapped miners (the
    /// hash of noun and state, so "eight miners brought up" counts something else).
    Counted(u64),
}

impl Subject {
    pub fn name(self) -> &'static str {
        match self {
            Subject::Counted(_) => "counts",
            Subject::Fighters => "fighters",
            Subject::Casualties => "casualties",
            Subject::Displaced => "displaced people",
            Subject::Vessels => "vessels",
            Subject::People => "people",
        }
    }

    fn of(word: &str) -> Option<Subject> {
        // Every subject word is 4 to 12 ASCII letters: most words are rejected here, before
        // the comparisons below.
        if !(4..=12).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let mut buf = [0u8; 12];
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Some(match &buf[..word.len()] {
            b"troops" | b"fighters" | b"soldiers" | b"militiamen" | b"militants"
            | b"combatants" | b"volunteers" | b"mercenaries" | b"recruits" | b"gunmen"
            | b"insurgents" | b"rebels" => Subject::Fighters,
            b"killed" | b"dead" | b"died" | b"deaths" | b"casualties" | b"fatalities" => {
                Subject::Casualties
            }
            b"refugees" | b"displaced" | b"evacuees" => Subject::Displaced,
            b"ships" | b"vessels" | b"tankers" | b"boats" | b"trawlers" | b"freighters" => {
                Subject::Vessels
            }
            b"people" | b"residents" | b"inhabitants" => Subject::People,
            _ => return None,
        })
    }
}

/// One figure: its value, the subject, what kind of number it is, where, and the words as
/// written ("20,000 troops").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub value: u64,
    pub subject: Subject,
    pub kind: Kind,
    /// Capitalised places the quote puts the figure at ("Drusk", "Kell Point"), lower case.
    pub places: Vec<String>,
    pub text: String,
}

/// Only counts of the whole are compared: a goal or a part says something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// "1,200 troops had been deployed".
    Count,
    /// "aims to have 5,000 troops", "the goal is to deploy 10,000".
    Goal,
    /// "900 of those soldiers", "15,000 of them".
    Part,
}

impl Figure {
    /// What the figure counts, for a reader: the subject's name, or the noun and its state
    /// as written ("miners were trapped").
    pub fn subject_name(&self) -> String {
        match self.subject {
            // "23 miners had been trapped" counts "miners trapped": the state is the last
            // word, the noun the last before the auxiliaries.
            Subject::Counted(_) => {
                let words: Vec<&str> = self.text.split_whitespace().collect();
                let state = words.last().copied().unwrap_or_default();
                let noun = words[..words.len().saturating_sub(1)]
                    .iter()
                    .rev()
                    .find(|w| !AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()))
                    .copied()
                    .unwrap_or_default();
                format!("{noun} {state}")
            }
            s => s.name().to_string(),
        }
    }

    /// Both name a place, and one of them is shared.
    pub fn shares_place(&self, other: &Figure) -> bool {
        self.places.iter().any(|p| other.places.contains(p))
    }

    /// Two figures are about the same place unless each names places and none is shared.
    pub fn same_place(&self, other: &Figure) -> bool {
        self.places.is_empty()
            || other.places.is_empty()
            || self.places.iter().any(|p| other.places.contains(p))
    }
}

/// Words before a number that make it a goal or a plan rather than a count.
const GOAL_WORDS: [&str; 12] = [
    "aim", "aims", "aimed", "goal", "plan", "plans", "planned", "target", "intends", "wants",
    "hopes", "expects",
];

/// Words allowed between a number and its subject ("7,000 Iranian and Iraqi fighters",
/// "15,000 of the troops").
const GAP: usize = 3;

pub(crate) fn figures(quote: &str) -> Vec<Figure> {
    // Words with their byte spans; "20,000" stays one word, "$3,000" keeps its "$". Bytes, not
    // chars: every byte of a multi-byte character is a word byte, and ASCII is all that counts.
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(quote.len() / 4 + 1);
    let mut start = None;
    for (i, &c) in quote.as_bytes().iter().enumerate() {
        let inner = c.is_ascii_alphanumeric()
            || c >= 0x80
            || c == b'$'
            || ((c == b',' || c == b'.') && start.is_some());
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, quote.len()));
    }
    let word = |k: usize| quote[words[k].0..words[k].1].trim_end_matches([',', '.']);
    // Subjects are rare: find them first, then look back for the number that counts them.
    let mut out: Vec<Figure> = Vec::new();
    let mut taken = 0;
    for j in 0..words.len() {
        let Some(subject) = Subject::of(word(j)) else {
            // "the death toll at 14", "deaths rose to 30": the subject first, then its count.
            if let Some((subject, k, value, end)) = count_after(&word, j, words.len())
                && k >= taken
            {
                out.push(Figure {
                    value,
                    subject,
                    kind: goal_or_count(&word, j),
                    places: Vec::new(),
                    text: quote[words[j].0..words[end - 1].1].to_string(),
                });
                taken = end;
            }
            continue;
        };
        // "300 people were killed" counts the dead: a narrower subject just after wins.
        if subject == Subject::People
            && (j + 1..(j + 4).min(words.len()))
                .any(|n| Subject::of(word(n)).is_some_and(|s| s != Subject::People))
        {
            continue;
        }
        // The number nearest the subject: "between five and seven thousand fighters" counts
        // seven thousand.
        let first = j.saturating_sub(GAP + 2).max(taken);
        let found = (first..j).rev().find_map(|k| {
            let (value, after) = number(&word, k, j)?;
            (j - after <= GAP).then_some((k, value))
        });
        let found = found.or_else(|| {
            count_after(&word, j, words.len())
                .filter(|&(s, k, ..)| s == subject && k >= taken)
                .map(|(_, k, value, _)| (k, value))
        });
        // "had killed 12 people", "killing 30 residents": people counted among the dead.
        let subject = match found {
            Some((k, _))
                if subject == Subject::People
                    && k > 0
                    && KILLING.contains(&word(k - 1).to_ascii_lowercase().as_str()) =>
            {
                Subject::Casualties
            }
            _ => subject,
        };
        if let Some((k, value)) = found {
            let kind = if k > j {
                goal_or_count(&word, j)
            } else if (k + 1..j).any(|b| word(b).eq_ignore_ascii_case("of")) {
                Kind::Part
            } else {
                goal_or_count(&word, k)
            };
            let (from, to) = if k > j {
                (j, number(&word, k, words.len()).map_or(k + 1, |(_, n)| n))
            } else {
                (k, j + 1)
            };
            out.push(Figure {
                value,
                subject,
                kind,
                places: Vec::new(),
                text: quote[words[from].0..words[to - 1].1].to_string(),
            });
            taken = to;
        }
    }
    counted(&word, words.len(), quote, &words, &mut out);
    if !out.is_empty() {
        let places = places(quote);
        for f in &mut out {
            f.places.clone_from(&places);
        }
    }
    out
}

/// Plural nouns that measure rather than count what a report is about.
const UNITS: [&str; 24] = [
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "miles",
    "feet",
    "percent",
    "times",
    "dollars",
    "euros",
    "pounds",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "degrees",
    "points",
];

/// Words between a counted noun and its state ("41 miners were trapped").
const AUXILIARIES: [&str; 9] = [
    "were",
    "was",
    "had",
    "have",
    "has",
    "been",
    "are",
    "being",
    "reportedly",
];

/// Participles that say what state something counted is in, besides the regular "-ed".
const IRREGULAR_STATES: [&str; 10] = [
    "held", "taken", "brought", "hurt", "shot", "caught", "stuck", "left", "found", "kept",
];

/// Counts of any plural noun in a state ("23 miners had been trapped"), for numbers no subject
/// above claimed: the noun and its state together are the subject.
fn counted<'q>(
    word: &impl Fn(usize) -> &'q str,
    len: usize,
    quote: &str,
    words: &[(usize, usize)],
    out: &mut Vec<Figure>,
) {
    if len < 3 {
        return;
    }
    let claimed: Vec<(usize, usize)> = out
        .iter()
        .filter_map(|f| quote.find(&f.text).map(|s| (s, s + f.text.len())))
        .collect();
    let plural = |n: &str| {
        n.len() >= 4
            && n.ends_with('s')
            && n.bytes().all(|b| b.is_ascii_lowercase())
            && !UNITS.contains(&n)
    };
    for k in 0..len.saturating_sub(2) {
        // Cheap tests first: most words are followed by no plural noun.
        if !plural(word(k + 1)) && !plural(word((k + 2).min(len - 1))) {
            continue;
        }
        let Some((value, noun)) = number(word, k, len) else {
            continue;
        };
        if noun >= len
            || !plural(word(noun))
            || claimed
                .iter()
                .any(|&(s, e)| words[k].0 >= s && words[k].0 < e)
        {
            continue;
        }
        let n = word(noun);
        let mut v = noun + 1;
        while v < len
            && v <= noun + 3
            && AUXILIARIES.contains(&word(v).to_ascii_lowercase().as_str())
        {
            v += 1;
        }
        if v >= len || v == noun + 1 && !quote[words[noun].1..words[v].0].trim().is_empty() {
            continue;
        }
        let state = word(v).to_ascii_lowercase();
        let is_state =
            IRREGULAR_STATES.contains(&state.as_str()) || state.ends_with("ed") && state.len() >= 5;
        if !is_state {
            continue;
        }
        let key = format!("{} {state}", n.trim_end_matches('s'));
        let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        out.push(Figure {
            value,
            subject: Subject::Counted(hash),
            kind: goal_or_count(word, k),
            places: Vec::new(),
            text: quote[words[k].0..words[v].1].to_string(),
        });
    }
}

/// A goal when a goal word stands in the eight words before word `at`.
fn goal_or_count<'q>(word: &impl Fn(usize) -> &'q str, at: usize) -> Kind {
    if (at.saturating_sub(8)..at)
        .any(|b| GOAL_WORDS.contains(&word(b).to_ascii_lowercase().as_str()))
    {
        Kind::Goal
    } else {
        Kind::Count
    }
}

/// Verbs before a count of people that make them the dead.
const KILLING: [&str; 4] = ["killed", "killing", "kills", "kill"];

/// Nouns that name their count after them ("the death toll at 14", "deaths rose to 30",
/// "refugees now number 5,000"); verbs ("killed at 3 pm") never do.
fn subject_before_count(w: &str) -> Option<Subject> {
    Some(match w.to_ascii_lowercase().as_str() {
        "toll" | "deaths" | "casualties" | "fatalities" => Subject::Casualties,
        "refugees" | "evacuees" => Subject::Displaced,
        _ => return None,
    })
}

/// Words between such a noun and its count.
const LINKS: [&str; 16] = [
    "at", "to", "reached", "rose", "climbed", "stood", "stands", "was", "is", "has", "had", "hit",
    "now", "risen", "numbered", "totalled",
];

/// The count after subject word `j`: `(subject, the number's first word, value, the word
/// after the number)`.
fn count_after<'q>(
    word: &impl Fn(usize) -> &'q str,
    j: usize,
    len: usize,
) -> Option<(Subject, usize, u64, usize)> {
    // "the number of dead from Tuesday's landslide rose to 19", "puts the number killed … at
    // 12": what "number" counts follows it; its value follows the first link word.
    if word(j).eq_ignore_ascii_case("number") {
        let mut at = j + 1;
        if at < len && word(at).eq_ignore_ascii_case("of") {
            at += 1;
        }
        let subject = (at < len).then(|| Subject::of(word(at))).flatten()?;
        for k in at + 1..len.min(at + 12) {
            if LINKS.contains(&word(k).to_ascii_lowercase().as_str())
                && let Some((value, end)) = number(word, k + 1, len)
            {
                return Some((subject, k + 1, value, end));
            }
        }
        return None;
    }
    let subject = subject_before_count(word(j))?;
    let mut k = j + 1;
    while k < len && k <= j + 3 && LINKS.contains(&word(k).to_ascii_lowercase().as_str()) {
        k += 1;
    }
    if k == j + 1 || k >= len {
        return None;
    }
    let (value, end) = number(word, k, len)?;
    Some((subject, k, value, end))
}

/// The capitalised names after place prepositions ("deployed to Drusk", "at the Kell Point
/// depot", "the port of Amalie"), skipping up to two lower-case words between.
pub(crate) fn places(quote: &str) -> Vec<String> {
    const PREPOSITIONS: [&str; 12] = [
        "in", "to", "into", "at", "near", "around", "of", "outside", "across", "from", "inside",
        "on",
    ];
    // "on Tuesday", "in June": a time, not a place.
    const TIMES: [&str; 19] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<&str> = quote
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !PREPOSITIONS.contains(w) {
            continue;
        }
        let mut k = i + 1;
        while k < words.len()
            && k <= i + 2
            && !capital(words[k])
            && !PREPOSITIONS.contains(&words[k])
        {
            k += 1;
        }
        let mut name: Vec<&str> = Vec::new();
        while k < words.len() && capital(words[k]) && name.len() < 3 {
            name.push(words[k].trim_end_matches("’s").trim_end_matches("'s"));
            k += 1;
        }
        if !name.is_empty() && !TIMES.contains(&name[0].to_lowercase().as_str()) {
            let n = name.join(" ").to_lowercase();
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// A count at word `k` (before word `end`): "20,000", "7000", "five thousand", "15"; never
/// money ("$3,000") or "one".
fn number<'q>(word: &impl Fn(usize) -> &'q str, k: usize, end: usize) -> Option<(u64, usize)> {
    let w = word(k);
    if w.starts_with('$') {
        return None;
    }
    let (mut value, mut next) =
        if w.bytes().all(|b| b.is_ascii_digit() || b == b',') && !w.is_empty() {
            (
                w.bytes().filter(u8::is_ascii_digit).fold(0u64, |v, b| {
                    v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                }),
                k + 1,
            )
        } else {
            (small(&w.to_ascii_lowercase())?, k + 1)
        };
    // A bare four-digit number in the year range is a year ("in 2015 troops …"): news style
    // writes counts from 1,000 with a separator.
    if w.len() == 4 && (1800..=2100).contains(&value) {
        return None;
    }
    if next < end {
        let factor = match word(next).to_ascii_lowercase().as_str() {
            "thousand" => 1_000,
            "million" => 1_000_000,
            "hundred" => 100,
            _ => 1,
        };
        if factor > 1 {
            value = value.saturating_mul(factor);
            next += 1;
        }
    }
    (value >= 2).then_some((value, next))
}

fn small(w: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "zero",
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
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as u64);
    }
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| (i as u64 + 2) * 10)
}

/// "20,000" for 20000: figures are quoted as readers write them.
pub(crate) fn grouped(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(quote: &str, expected: &[(u64, &str)]) {
        let got: Vec<(u64, String)> = figures(quote)
            .into_iter()
            .map(|f| (f.value, f.text))
            .collect();
        let expected: Vec<(u64, String)> =
            expected.iter().map(|(v, t)| (*v, t.to_string())).collect();
        assert_eq!(got, expected, "{quote}");
    }

    #[track_caller]
    fn check_kind(quote: &str, expected: &[(u64, Kind, &[&str])]) {
        let got: Vec<(u64, Kind, Vec<String>)> = figures(quote)
            .into_iter()
            .map(|f| (f.value, f.kind, f.places))
            .collect();
        let expected: Vec<(u64, Kind, Vec<String>)> = expected
            .iter()
            .map(|(v, k, p)| (*v, *k, p.iter().map(|x| x.to_string()).collect()))
            .collect();
        assert_eq!(got, expected, "{quote}");
    }

    #[test]
    fn counts_goals_parts_and_places() {
        check_kind(
            "Some 400 soldiers were sent to Lower Arlen on Friday",
            &[(400, Kind::Count, &["lower arlen"])],
        );
        check_kind(
            "the ministry plans to station 1,000 troops along the river by June",
            &[(1_000, Kind::Goal, &[])],
        );
        check_kind(
            "About 150 of those soldiers are reservists",
            &[(150, Kind::Part, &[])],
        );
        check_kind(
            "six people died in the fire at the Hale Street warehouse",
            &[(6, Kind::Count, &["hale street"])],
        );
        check_kind(
            "300 troops are massing for an assault on Kessel province on Tuesday",
            &[(300, Kind::Count, &["kessel"])],
        );
        check_kind(
            "200 troops guarded the port of Amalby",
            &[(200, Kind::Count, &["amalby"])],
        );
    }

    #[test]
    fn figures_and_their_subjects() {
        check(
            "as many as 20,000 troops are massing",
            &[(20_000, "20,000 troops")],
        );
        check(
            "the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
            &[(7_000, "7,000 Iranian and Iraqi fighters")],
        );
        check(
            "15,000 of the troops are reported to be Iranian",
            &[(15_000, "15,000 of the troops")],
        );
        check(
            "between five and seven thousand fighters",
            &[(7_000, "seven thousand fighters")],
        );
        check("offer fighters up to $3,000 each", &[]);
        // The year is never the count; since people are counted, 40 is.
        check("in 2013, 40 people", &[(40, "40 people")]);
        check("in 2013 troops arrived", &[]);
        // A narrower subject just after "people" counts them.
        check(
            "about 300 people were killed in the raid",
            &[(300, "300 people were killed")],
        );
        check(
            "some 800 residents slept in the hall",
            &[(800, "800 residents")],
        );
        check("Nine tankers are being held", &[(9, "Nine tankers")]);
        check("one of the soldiers", &[]);
        check("in 2015 troops arrived", &[]);
        check("10,000 Iraqis and 2 June", &[]);
        // The subject first, then its count; never a time.
        check(
            "The state agency put the death toll at 14 on Monday",
            &[(14, "toll at 14")],
        );
        check(
            "deaths rose to 31 by the evening",
            &[(31, "deaths rose to 31")],
        );
        check("he was killed at 3 pm", &[]);
        check("the toll 14", &[]);
        check(
            "the number of dead from the landslide in Arl rose to 19",
            &[(19, "number of dead from the landslide in Arl rose to 19")],
        );
        check(
            "the agency still puts the number killed when the dam broke at 12",
            &[(12, "number killed when the dam broke at 12")],
        );
        check("the flood had killed 12 people", &[(12, "12 people")]);
        assert_eq!(
            figures("the flood had killed 12 people")[0].subject,
            Subject::Casualties
        );
        // Any plural noun in a state is counted, with its state.
        check(
            "state radio said 23 miners had been trapped by the fall",
            &[(23, "23 miners had been trapped")],
        );
        check(
            "41 miners were trapped below",
            &[(41, "41 miners were trapped")],
        );
        let f = &figures("state radio said 23 miners had been trapped")[0];
        assert_eq!(f.subject_name(), "miners trapped");
        check("it took 12 hours to reach them", &[]);
        check("rescuers brought eight miners to the surface", &[]);
        assert_eq!(grouped(20_000), "20,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(999), "999");
    }
}
