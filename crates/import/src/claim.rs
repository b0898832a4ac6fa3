//! Attribution per claim: who said an excerpt, which organisation first reported it and who
//! relayed it, read from the quote's own sentence first ("TNA quoted X as saying", "…, TNA
//! reported", "according to TNA", "told the Ledger", "the agency said"), then its paragraph,
//! then the source's header lines ("Reprinted from …", "Source: …"), else the source's own
//! outlet. Never from a photo credit or a removed line: removed lines are not in the text.

use std::sync::LazyLock;

use dossier_model::{Attribution, ClaimAttribution, Found, Outlets, Relation, outlet};
use regex::Regex;

/// What is known about the source an excerpt comes from.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The source's cleaned text.
    pub text: &'a str,
    /// The source's own outlet, if known.
    pub outlet: Option<&'a str>,
    /// The source-level chain the importer found (header lines: reprints, "Source: …").
    pub chain: &'a [Attribution],
    pub outlets: &'a Outlets,
}

/// A proper name: up to five capitalised words, optionally joined by "of", "de", "al-".
const NAME: &str = r"\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,4}";

/// A description that stands for an outlet ("a regional daily", "a Lebanese newspaper").
const DESCRIPTION: &str = r"\b[Aa]n?\s+(?:\p{L}[\p{L}-]+\s+){0,3}(?:daily|newspaper|paper|weekly|tabloid|broadcaster|news\s+site|news\s+website|news\s+agency|agency|magazine|radio\s+station|television\s+channel|channel)\b";

/// Nouns by which running text refers back to an outlet it named before ("the agency said").
const ANAPHORS: &str =
    r"\b[Tt]he\s+(agency|paper|newspaper|daily|broadcaster|wire|channel|station|magazine|site)\b";

/// How a sentence says who reported a claim; the strongest cue wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    /// "told the Ledger", "in an interview with …", "spoke to the Courier": the outlet that
    /// got the words first.
    Told,
    /// "TNA quoted …", "according to TNA", "…, TNA reported", "the agency said".
    Reported,
    /// "A Brightwater Wire correspondent saw …": the outlet's own reporting.
    Correspondent,
}

impl Cue {
    fn rule(self) -> &'static str {
        match self {
            Cue::Told => "told",
            Cue::Reported => "reported",
            Cue::Correspondent => "correspondent",
        }
    }
}

struct Pattern {
    cue: Cue,
    re: Regex,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |cue, pattern: &str| Pattern {
        cue,
        re: Regex::new(
            &pattern
                .replace("NAME", NAME)
                .replace("DESC", DESCRIPTION)
                .replace("ANAPHOR", ANAPHORS),
        )
        .expect("claim pattern"),
    };
    // Lower-case words before a name are its description ("state news agency TNA", "the
    // Amalie-based Harbor Ledger"); the capture is the name.
    vec![
        p(
            Cue::Told,
            r"\b(?:[Tt]old|(?i:in\s+a\s+statement\s+to)|in\s+(?:comments|remarks)\s+to|in\s+an\s+interview\s+(?:with|(?:published|carried|broadcast|aired|given)\s+(?:by|to))|[Ss]poke\s+to|[Ss]peaking\s+to|said\s+in\s+an\s+interview\s+with)\s+(?:(?P<o2>this\s+(?:station|newspaper|paper|channel|website|network|broadcaster|programme|program|magazine))|(?:the\s+)?(?:[a-z][\p{L}-]*\s+){0,3}(?:\p{Lu}\p{L}*-(?:based|run|owned)\s+)?(?P<o>NAME))",
        ),
        p(
            Cue::Reported,
            r"(?P<o>NAME|DESC|ANAPHOR)(?:\s+\(\p{Lu}[\p{Lu}\p{N}&-]{1,7}\))?(?:\s+(?:news\s+)?(?:agency|newspaper|paper|daily|broadcaster|channel|station|radio|website))?\s+(?:has\s+|had\s+)?(?:also\s+|later\s+|earlier\s+|first\s+|previously\s+|separately\s+|still\s+|now\s+)?(?:quoted|quotes|reported|reports|said|says|put|puts|cited|cites|gives|gave|published|announced|(?:is|was|are|were)\s+reporting|(?:was|were)\s+(?:the\s+)?first\s+to\s+report)\b",
        ),
        p(
            Cue::Reported,
            r"\b(?:[Aa]ccording\s+to|[Cc]iting|[Ss]ource:)\s+(?:the\s+)?(?:[a-z][\p{L}-]*\s+){0,3}(?:\p{Lu}\p{L}*-(?:based|run|owned)\s+)?(?P<o>NAME|ANAPHOR)",
        ),
        p(
            Cue::Reported,
            r"\b(?:carried|published|broadcast|aired|reported|released|quoted)\s+by\s+(?:the\s+)?(?:[a-z][\p{L}-]*\s+){0,3}(?P<o>NAME|ANAPHOR)",
        ),
        p(
            Cue::Correspondent,
            r"(?P<o>NAME)(?:'s|’s)\s+(?:own\s+)?(?:correspondent|reporter|journalist|photographer)s?\b",
        ),
        // "Shift rosters seen by the Herald": documents the outlet itself obtained.
        p(
            Cue::Correspondent,
            r"\b(?:seen|obtained|reviewed|verified)\s+by\s+(?:the\s+)?(?P<o>NAME)",
        ),
        p(
            Cue::Correspondent,
            r"\b(?:A|An|The|a|an|the)\s+(?P<o>NAME)\s+(?:correspondent|reporter|journalist|photographer)s?\b",
        ),
    ]
});

/// A noun right after a name that makes the name an outlet ("the Evening Star newspaper").
static KIND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:news\s+agency|newspaper|paper|daily|weekly|agency|broadcaster|channel|station|radio|television|website|news\s+site|magazine|network)\b")
        .expect("kind after")
});

/// A kind or an owner right before a name that makes the name an outlet ("the weekly
/// Cinderbox", "state-run RTO").
static KIND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:news\s+agency|newspaper|paper|daily|weekly|monthly|agency|broadcaster|channel|station|radio|television|website|news\s+site|magazine|network|state-run|state-owned|state|news\s+service|wire\s+service)\s+(?:the\s+)?$")
        .expect("kind before")
});

/// "Full Name (ACR)": the short form the text goes on to use.
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((\p{Lu}[\p{Lu}\p{N}&-]{1,7})\)").expect("acronym"));

/// A person as the subject or object of a statement verb.
static SPEAKER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let person = r"(?P<p>\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){0,2})";
    [
        format!(r"\bquoted\s+(?:[\p{{L}}-]+\s+){{0,3}}?{person}\s+as\s+saying\b"),
        format!(
            r"{person}(?:,\s[^,]{{1,80}},|,)?\s+(?:has\s+|had\s+)?(?:said|says|told|vowed|warned|added|stated|insisted|declared|promised)\b"
        ),
        format!(r"\b(?:said|says)\s+{person}\b"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("speaker pattern"))
    .collect()
});

/// Words that head a person's name as titles, never a name themselves.
const TITLES: &[&str] = &[
    "Minister",
    "Defence",
    "Defense",
    "Foreign",
    "Interior",
    "Deputy",
    "Prime",
    "President",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "General",
    "Gen",
    "Colonel",
    "Mayor",
    "Governor",
    "Senator",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Chief",
    "Leader",
    "Secretary",
];

/// Capitalised words that open sentences or name no one.
const NOT_NAMES: &[&str] = &[
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "The",
    "This",
    "That",
    "A",
    "An",
    "But",
    "And",
    "In",
    "On",
    "At",
    "Officials",
    "Residents",
    "Police",
    "Witnesses",
];

/// Words that end outlet names often enough to tell "Valley Gazette" from a person.
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Agency",
    "Press",
    "Wire",
    "Journal",
    "Herald",
    "Gazette",
    "Tribune",
    "Courier",
    "Chronicle",
    "Ledger",
    "Today",
    "Online",
    "Daily",
    "Radio",
    "TV",
    "Television",
    "Telegraph",
    "Guardian",
    "Observer",
    "Standard",
    "Watch",
    "Review",
    "Monitor",
    "Express",
    "Mail",
    "Star",
    "Sun",
    "Record",
    "Bulletin",
    "Dispatch",
    "Inquirer",
    "Register",
    "Examiner",
    "Network",
    "Channel",
    "Broadcasting",
    "Magazine",
    "Weekly",
];

/// The attribution of the claim at `start..end` of `cx.text`.
pub fn attribute(cx: &Context<'_>, start: usize, end: usize) -> ClaimAttribution {
    let text = cx.text;
    let (start, end) = (
        floor(text, start.min(text.len())),
        floor(text, end.min(text.len())),
    );
    let (p_start, p_end) = paragraph(text, start, end);
    let (s_start, s_end) = sentence(text, p_start, p_end, start, end);
    let own = cx.outlet.map(|o| cx.outlets.canonical(o));
    let sentence_text = &text[s_start..s_end];
    let mut out = ClaimAttribution {
        speaker: speaker(cx, sentence_text, &text[p_start..s_start])
            .map(|p| Found::by_rule(p, "claim:speaker", 0.7).with_evidence(sentence_text.trim())),
        ..Default::default()
    };
    // The sentence, then the rest of its paragraph.
    let found = cues(cx, s_start, s_end, own.as_deref())
        .map(|c| (c, "sentence", 0.8))
        .or_else(|| {
            let before = cues(cx, p_start, s_start, own.as_deref());
            let after = cues(cx, s_end, p_end, own.as_deref());
            before.or(after).map(|c| (c, "paragraph", 0.6))
        });
    if let Some((c, scope, confidence)) = found {
        let evidence = text[c.span.0..c.span.1].trim().to_string();
        out.origin = Some(
            Found::by_rule(
                c.origin.clone(),
                format!("claim:{scope}:{}", c.cue.rule()),
                if c.description { 0.3 } else { confidence },
            )
            .with_evidence(&evidence),
        );
        for relay in c.relays {
            out.via.push(
                Found::by_rule(relay, format!("claim:{scope}:relay"), confidence)
                    .with_evidence(&evidence),
            );
        }
    } else if let Some(link) = header_origin(cx) {
        out.origin = Some(
            Found::by_rule(
                cx.outlets.canonical(&link.reporter),
                format!("claim:header:{}", relation_name(link.relation)),
                0.7,
            )
            .with_evidence(&link.evidence),
        );
    } else if let Some(o) = &own {
        out.origin = Some(Found::by_rule(o.clone(), "claim:own-outlet", 0.5));
    }
    // A reprinted article relayed what its original outlet reported.
    if let (Some(link), Some(origin)) = (
        cx.chain.iter().find(|a| a.relation == Relation::Reprint),
        &out.origin,
    ) {
        let original = cx.outlets.canonical(&link.reporter);
        if outlet::key(&original) != outlet::key(&origin.value)
            && !out
                .via
                .iter()
                .any(|v| outlet::key(&v.value) == outlet::key(&original))
        {
            out.via.push(
                Found::by_rule(original, "claim:header:reprint", 0.7).with_evidence(&link.evidence),
            );
        }
    }
    // The source's own outlet relays what it did not report first.
    if let (Some(o), Some(origin)) = (&own, &out.origin)
        && outlet::key(o) != outlet::key(&origin.value)
        && !out
            .via
            .iter()
            .any(|v| outlet::key(&v.value) == outlet::key(o))
    {
        out.via
            .push(Found::by_rule(o.clone(), "claim:own-outlet", 0.5));
    }
    out
}

/// The organisation a header line says the whole text comes from: a reprint's original, then
/// a "Source: …" or "X via Y" line. Photo credits are not attributions.
fn header_origin<'a>(cx: &Context<'a>) -> Option<&'a Attribution> {
    let own = cx.outlet.map(outlet::key);
    let usable = |a: &&Attribution| {
        let e = a.evidence.to_lowercase();
        !["photo", "image", "picture", "getty", "credit"]
            .iter()
            .any(|w| e.contains(w))
            && own.as_deref() != Some(outlet::key(&a.reporter).as_str())
    };
    cx.chain
        .iter()
        .filter(usable)
        .find(|a| a.relation == Relation::Reprint)
        .or_else(|| {
            cx.chain
                .iter()
                .filter(usable)
                .find(|a| a.relation == Relation::Via)
        })
}

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Reprint => "reprint",
        Relation::Via => "via",
        Relation::Quoted => "quoted",
        Relation::Told => "told",
    }
}

/// The strongest attribution cue in `text[from..to]`: its origin (canonical), the other outlets
/// the sentence names as relays, and where it stands.
struct Found2 {
    cue: Cue,
    origin: String,
    relays: Vec<String>,
    description: bool,
    span: (usize, usize),
}

fn cues(cx: &Context<'_>, from: usize, to: usize, own: Option<&str>) -> Option<Found2> {
    if from >= to {
        return None;
    }
    let part = &cx.text[from..to];
    let mut hits: Vec<(Cue, usize, String, bool)> = Vec::new();
    for p in PATTERNS.iter() {
        for c in p.re.captures_iter(part) {
            // "in an interview with this station": the source's own outlet.
            if let Some(m) = c.name("o2") {
                if let Some(o) = own {
                    hits.push((p.cue, from + m.start(), o.to_string(), false));
                }
                continue;
            }
            let m = c.name("o").expect("every pattern captures the outlet");
            let raw = m.as_str();
            let at = from + m.start();
            let (name, description) = if let Some(kind) = anaphor(raw) {
                match antecedent(cx, at, kind) {
                    Some(n) => (n, false),
                    None => continue,
                }
            } else if is_description(raw) {
                // As written, with a lower-case article: "a daily Lebanese paper".
                let words: Vec<&str> = raw.split_whitespace().collect();
                (
                    format!("a{} {}", &words[0][1..], words[1..].join(" ")),
                    true,
                )
            } else {
                let name = with_acronym(cx.text, from + m.end(), clean(raw));
                // "the Evening Star newspaper": the noun after the name says it is an outlet.
                if !is_outlet(cx, &name, own) && !KIND_AFTER.is_match(&cx.text[from + m.end()..]) {
                    continue;
                }
                (name, false)
            };
            hits.push((p.cue, at, name, description));
        }
    }
    hits.sort_by_key(|h| (h.0, h.1));
    let (cue, at, name, description) = hits.first()?.clone();
    let origin = resolve(cx, &name, own, description);
    let mut relays: Vec<String> = Vec::new();
    for (_, _, n, d) in &hits[1..] {
        let r = resolve(cx, n, own, *d);
        if outlet::key(&r) != outlet::key(&origin) && !relays.contains(&r) {
            relays.push(r);
        }
    }
    // The evidence starts at a word: never "ednesday evening …".
    let mut start = floor(cx.text, from.max(at.saturating_sub(160)));
    if start > from
        && let Some(space) = cx.text[start..at].find(char::is_whitespace)
    {
        start += space + 1;
    }
    Some(Found2 {
        cue,
        origin,
        relays,
        description,
        span: (start, to),
    })
}

/// The canonical name: the source's own outlet for its short forms ("the Post" in The
/// Meridian Post), else the outlet table's.
fn resolve(cx: &Context<'_>, name: &str, own: Option<&str>, description: bool) -> String {
    if description {
        // A description stays as written until the analyst makes it an alias.
        return cx
            .outlets
            .get(name)
            .map_or_else(|| name.to_string(), |o| o.name.clone());
    }
    home(cx, name, own).unwrap_or_else(|| cx.outlets.canonical(name))
}

/// The source's own outlet, or the original it reprints, when `name` is a short form of it:
/// a reprint keeps the original's "the Post".
fn home(cx: &Context<'_>, name: &str, own: Option<&str>) -> Option<String> {
    if let Some(o) = own
        && refers_to(name, o)
    {
        return Some(o.to_string());
    }
    cx.chain
        .iter()
        .filter(|a| a.relation == Relation::Reprint)
        .find(|a| refers_to(name, &a.reporter))
        .map(|a| cx.outlets.canonical(&a.reporter))
}

/// Whether `name` is a short form of `outlet`: its last words ("the Ledger" for The Harbor
/// Ledger) or its initials with the last word ("MPost" for The Meridian Post).
fn refers_to(name: &str, outlet: &str) -> bool {
    let (n, o) = (outlet::key(name), outlet::key(outlet));
    if n.is_empty() {
        return false;
    }
    if n == o || o.ends_with(&format!(" {n}")) || o.starts_with(&format!("{n} ")) {
        return true;
    }
    let words: Vec<&str> = o.split(' ').collect();
    if let Some((last, first)) = words.split_last() {
        let initials: String = first.iter().filter_map(|w| w.chars().next()).collect();
        return !first.is_empty() && n == format!("{initials}{last}");
    }
    false
}

fn is_description(raw: &str) -> bool {
    raw.split_whitespace()
        .next()
        .is_some_and(|w| ["a", "an"].contains(&w.to_lowercase().as_str()))
}

fn anaphor(raw: &str) -> Option<&str> {
    let mut w = raw.split_whitespace();
    let first = w.next()?;
    if !first.eq_ignore_ascii_case("the") {
        return None;
    }
    let noun = w.next()?;
    [
        "agency",
        "paper",
        "newspaper",
        "daily",
        "broadcaster",
        "wire",
        "channel",
        "station",
        "magazine",
        "site",
    ]
    .into_iter()
    .find(|k| *k == noun)
}

/// The outlet "the agency" (or "the paper" …) at `at` refers back to: the last one the text
/// named before with that kind of word ("state news agency TNA", "Taveria News Agency (TNA)"),
/// else the last named outlet before it.
fn antecedent(cx: &Context<'_>, at: usize, kind: &str) -> Option<String> {
    static INTRO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?P<k>[a-z]+)\s+(?P<n>{NAME})(?:\s+\((?P<a>\p{{Lu}}[\p{{Lu}}\p{{N}}&-]{{1,7}})\))?"
        ))
        .expect("antecedent")
    });
    let before = &cx.text[..at];
    let kinds: &[&str] = match kind {
        "agency" | "wire" => &["agency", "wire", "service"],
        "paper" | "newspaper" | "daily" => &["paper", "newspaper", "daily", "weekly"],
        _ => &[kind],
    };
    // "news agency TNA" (the kind before the name) or "Taveria News Agency (TNA)" (in it).
    let mut last: Option<String> = None;
    for c in INTRO.captures_iter(before) {
        let (k, n) = (&c["k"], &c["n"]);
        let full = n.to_lowercase();
        if kinds.contains(&k)
            || kinds
                .iter()
                .any(|w| full.split_whitespace().any(|x| x == *w))
        {
            last = Some(match c.name("a") {
                Some(a) => a.as_str().to_string(),
                None => clean(n),
            });
        }
    }
    // Else the last reporter of the source's chain the text named before ("Nordwire
    // reported … the agency said"), else the last known outlet it named.
    last.or_else(|| {
        cx.chain
            .iter()
            .filter_map(|a| {
                before
                    .rfind(a.reporter.as_str())
                    .map(|i| (i, a.reporter.clone()))
            })
            .max()
            .map(|(_, n)| n)
    })
    .or_else(|| {
        cx.outlets
            .iter()
            .filter_map(|o| before.rfind(o.name.as_str()).map(|i| (i, o.name.clone())))
            .max()
            .map(|(_, n)| n)
    })
}

/// "Taveria News Agency (TNA)" → "TNA": the short form the text uses from then on.
fn with_acronym(text: &str, after: usize, name: String) -> String {
    match ACRONYM.captures(&text[after..]) {
        Some(c) => c[1].to_string(),
        None => name,
    }
}

/// Whether `name` is a news organisation rather than a person or a place: a known outlet, a
/// short form of the source's own, a name ending in an outlet word, or an acronym.
fn is_outlet(cx: &Context<'_>, name: &str, own: Option<&str>) -> bool {
    if name.is_empty() || NOT_NAMES.contains(&name) {
        return false;
    }
    if cx.outlets.get(name).is_some() || home(cx, name, own).is_some() {
        return true;
    }
    let last = name.split_whitespace().last().unwrap_or("");
    if OUTLET_WORDS.contains(&last) {
        return true;
    }
    // The source calls it an outlet elsewhere: "the Lebanese Al-Nahar newspaper said …" makes
    // a later "…, Al-Nahar reported" a report of that paper.
    // So does a kind or an owner just before the name: "the weekly Cinderbox", "the state-run
    // RTO".
    if cx.text.match_indices(name).any(|(i, m)| {
        KIND_AFTER.is_match(&cx.text[i + m.len()..])
            || KIND_BEFORE.is_match(&cx.text[floor(cx.text, i.saturating_sub(48))..i])
    }) {
        return true;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && !name.contains(' ')
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
}

/// The person the sentence says spoke, if it names one (not an outlet, not a place after a
/// preposition); "he said" is the person the paragraph named last before the sentence.
fn speaker(cx: &Context<'_>, sentence: &str, before: &str) -> Option<String> {
    static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Hh]e|[Ss]he)\s+(?:said|says|told|added|warned|insisted)\b")
            .expect("pronoun")
    });
    if let Some(found) = named_speaker(cx, sentence) {
        return Some(found);
    }
    if PRONOUN.is_match(sentence) {
        return person_named_last(cx, before);
    }
    None
}

/// The last person `text` names in full (two or three capitalised words, not an outlet).
fn person_named_last(cx: &Context<'_>, text: &str) -> Option<String> {
    static PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2}\b").expect("person")
    });
    PERSON
        .find_iter(text)
        .map(|m| {
            m.as_str()
                .split_whitespace()
                .filter(|w| !TITLES.contains(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|n| {
            n.contains(' ')
                && !NOT_NAMES.iter().any(|x| n.starts_with(&format!("{x} ")))
                && !is_outlet(cx, n, cx.outlet)
        })
        .last()
}

fn named_speaker(cx: &Context<'_>, sentence: &str) -> Option<String> {
    for re in SPEAKER.iter() {
        for c in re.captures_iter(sentence) {
            let m = c.name("p").expect("speaker pattern captures a person");
            let words: Vec<&str> = m
                .as_str()
                .split_whitespace()
                .filter(|w| !TITLES.contains(w))
                .collect();
            if words.is_empty() || NOT_NAMES.contains(&words[0]) {
                continue;
            }
            let name = words.join(" ");
            let before = sentence[..m.start()]
                .split_whitespace()
                .last()
                .unwrap_or("");
            let after_preposition =
                ["in", "at", "from", "of", "to", "near", "on"].contains(&before);
            if after_preposition || is_outlet(cx, &name, cx.outlet) {
                continue;
            }
            // A lone surname is the person the text named in full before.
            if words.len() == 1
                && let Some(full) = full_name(cx.text, words[0])
            {
                return Some(full);
            }
            return Some(name);
        }
    }
    None
}

/// "Oren Tallis" for "Tallis", when the text names them in full.
fn full_name(text: &str, surname: &str) -> Option<String> {
    let re = Regex::new(&format!(
        r"\b(\p{{Lu}}[\p{{Ll}}’'-]+)\s+{}\b",
        regex::escape(surname)
    ))
    .ok()?;
    re.captures_iter(text)
        .map(|c| c[1].to_string())
        .find(|first| !TITLES.contains(&first.as_str()) && !NOT_NAMES.contains(&first.as_str()))
        .map(|first| format!("{first} {surname}"))
}

fn clean(name: &str) -> String {
    // A name never runs over the end of a sentence ("TNA. The …").
    let name = name.split(". ").next().unwrap_or(name);
    name.trim()
        .trim_end_matches(['.', ',', ':', '’', '\'', ';'])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// The paragraph (line) holding `start..end`, widened to whole lines.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    (from, to)
}

/// The sentences of `text[p_start..p_end]` that overlap `start..end`.
fn sentence(text: &str, p_start: usize, p_end: usize, start: usize, end: usize) -> (usize, usize) {
    let para = &text[p_start..p_end];
    let mut bounds = vec![0];
    let b = para.as_bytes();
    for (i, c) in para.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            // Closing quotes belong to the sentence they end.
            let mut j = i + c.len_utf8();
            while let Some(q) = para[j..].chars().next() {
                if matches!(q, '"' | '”' | '’' | '\'' | ')') {
                    j += q.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &para[j..];
            let next = rest.trim_start();
            if j < b.len()
                && rest.starts_with(char::is_whitespace)
                && next
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘'))
                && !abbreviation(&para[..i])
            {
                bounds.push(j);
            }
        }
    }
    bounds.push(para.len());
    let (rs, re) = (start - p_start, end - p_start);
    let from = bounds
        .iter()
        .copied()
        .filter(|&x| x <= rs)
        .max()
        .unwrap_or(0);
    let to = bounds
        .iter()
        .copied()
        .filter(|&x| x >= re)
        .min()
        .unwrap_or(para.len());
    (p_start + from, p_start + to)
}

/// "Mr." and initials do not end a sentence.
fn abbreviation(before: &str) -> bool {
    let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gen"
            | "Col"
            | "Lt"
            | "No"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    ) || (w.len() == 1 && w.chars().all(char::is_uppercase))
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Outlets the text defines by description ("The Northern Courier, a regional daily based in
/// Drusk"): `(name, description)`, for proposing that a description elsewhere means that
/// outlet. Proposals only: the analyst confirms.
pub fn descriptions(text: &str) -> Vec<(String, String)> {
    // "The Northern Courier, a regional daily …" and "the Lebanese As-Safir newspaper".
    static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<n>{NAME}),\s+(?P<d>{})",
            DESCRIPTION.trim_start_matches(r"\b")
        ))
        .expect("appositive")
    });
    static ATTRIBUTIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?P<adj>\p{Lu}\p{Ll}+(?:ese|ian|an|i|ish))\s+(?P<n>\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+(?P<h>newspaper|daily|paper|weekly|news\s+agency|agency|broadcaster)\b",
        )
        .expect("attributive")
    });
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |name: String, d: String| {
        let d = d
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !out.iter().any(|(n, x)| *n == name && *x == d) {
            out.push((name, d));
        }
    };
    for c in APPOSITIVE.captures_iter(text) {
        add(clean(&c["n"]), c["d"].to_string());
    }
    for c in ATTRIBUTIVE.captures_iter(text) {
        add(clean(&c["n"]), format!("a {} {}", &c["adj"], &c["h"]));
    }
    out
}

/// Head nouns that name the same kind of outlet.
const PAPERS: &[&str] = &["daily", "paper", "newspaper", "weekly", "tabloid"];

/// Whether the description `reference` ("a daily Lebanese paper") fits `description` ("a
/// Lebanese newspaper"): heads of one kind, and every other word of the reference in it.
pub fn description_fits(reference: &str, description: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| w != "a" && w != "an")
            .collect()
    };
    let (r, d) = (words(reference), words(description));
    let (Some(rh), Some(dh)) = (r.last(), d.last()) else {
        return false;
    };
    let same_kind = rh == dh || (PAPERS.contains(&rh.as_str()) && PAPERS.contains(&dh.as_str()));
    same_kind
        && r.iter()
            .filter(|w| !PAPERS.contains(&w.as_str()))
            .all(|w| d.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented article of the Valley Gazette, with a wire, an interview and a reprint.
    const GAZETTE: &str = "Valley Gazette\n\nFloods close the Arlen bridge\n\n\
The river rose two metres overnight, state news agency KNA reported, and the Arlen bridge was closed at dawn.\n\n\
\"We will reopen it when the water falls,\" Transport Minister Petra Quell told the Gazette on Monday.\n\n\
Some 400 homes were flooded in Lower Arlen, the agency said.\n\n\
Mayor Jonas Hult told the Eastbank-based Harbour Herald that the levee had held.\n\n\
A Valley Gazette reporter saw boats ferrying families from the square.\n\n\
A regional weekly reported that looters had been arrested.\n\n\
Water reached the town hall steps. Shops on Mill Lane stayed shut.\n\n\
Ada Brenn, who runs the ferry, said the crossing was closed. \"We lost a week of fares,\" she told the Gazette.\n\n\
Tide tables seen by the Gazette show the surge peaked at noon.\n\n\
The Marsh Courier was first to report that the ferry had sunk.\n\n\
Rowing clubs will stay shut, a coach said in comments to KNA on Sunday.\n\n\
The mayor said in an interview published by the weekly Tidewater that the town would rebuild.\n\n\
Speaking to the Marsh Courier on Monday, the mayor said the ferry would run again.\n\n\
Twelve boats sank in the harbour, the KNA agency reported.\n\n\
KNA still puts the number of boats lost at 12.";

    #[track_caller]
    fn check(quote: &str, origin: Option<&str>, speaker: Option<&str>, via: &[&str]) {
        let outlets = Outlets::builtin();
        let cx = Context {
            text: GAZETTE,
            outlet: Some("Valley Gazette"),
            chain: &[],
            outlets: &outlets,
        };
        let start = GAZETTE.find(quote).expect("quote in the sample");
        let got = attribute(&cx, start, start + quote.len());
        assert_eq!(got.origin_name(), origin, "origin of {quote}");
        assert_eq!(got.speaker_name(), speaker, "speaker of {quote}");
        let got_via: Vec<&str> = got.via.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(got_via, via, "via of {quote}");
    }

    #[test]
    fn regression_a_paper_named_as_one_earlier_is_the_origin_of_its_report() {
        // "As-Safir reported" at a sentence's end was the carrier's own claim: the name is in
        // no outlet table, and only an earlier sentence of the source calls it a newspaper.
        const TEXT: &str = "Delta Wire\n\nTroops gather in the north\n\n\
The losses led the government to rethink its plans, according to the Lebanese Al-Manar newspaper.\n\n\
Over the past week, more than 9,000 fighters moved to the Oruk front (two km from the border), Al-Manar reported.";
        let outlets = Outlets::builtin();
        let cx = Context {
            text: TEXT,
            outlet: Some("Delta Wire"),
            chain: &[],
            outlets: &outlets,
        };
        let quote = "more than 9,000 fighters moved to the Oruk front";
        let start = TEXT.find(quote).expect("quote in the sample");
        let got = attribute(&cx, start, start + quote.len());
        assert_eq!(got.origin_name(), Some("Al-Manar"));
    }

    #[test]
    fn documents_first_reports_comments_and_published_interviews() {
        check(
            "the surge peaked at noon",
            Some("Valley Gazette"),
            None,
            &[],
        );
        check(
            "the ferry had sunk",
            Some("The Marsh Courier"),
            None,
            &["Valley Gazette"],
        );
        check(
            "Rowing clubs will stay shut",
            Some("KNA"),
            None,
            &["Valley Gazette"],
        );
        // A sentence may open with the cue; a kind noun may follow the name; an agency
        // may still put a figure somewhere.
        check(
            "the ferry would run again",
            Some("Marsh Courier"),
            None,
            &["Valley Gazette"],
        );
        check(
            "Twelve boats sank in the harbour",
            Some("KNA"),
            None,
            &["Valley Gazette"],
        );
        check(
            "the number of boats lost at 12",
            Some("KNA"),
            None,
            &["Valley Gazette"],
        );
        // A name the text calls a weekly is an outlet, though no table knows it.
        check(
            "the town would rebuild",
            Some("Tidewater"),
            None,
            &["Valley Gazette"],
        );
    }

    #[test]
    fn attribution_of_each_claim() {
        check(
            "The river rose two metres overnight",
            Some("KNA"),
            None,
            &["Valley Gazette"],
        );
        check(
            "We will reopen it when the water falls",
            Some("Valley Gazette"),
            Some("Petra Quell"),
            &[],
        );
        check(
            "Some 400 homes were flooded in Lower Arlen",
            Some("KNA"),
            None,
            &["Valley Gazette"],
        );
        check(
            "the levee had held",
            Some("Harbour Herald"),
            Some("Jonas Hult"),
            &["Valley Gazette"],
        );
        check(
            "saw boats ferrying families",
            Some("Valley Gazette"),
            None,
            &[],
        );
        check(
            "looters had been arrested",
            Some("a regional weekly"),
            None,
            &["Valley Gazette"],
        );
        check(
            "Shops on Mill Lane stayed shut",
            Some("Valley Gazette"),
            None,
            &[],
        );
    }

    #[test]
    fn a_reprint_header_names_the_origin_and_a_photo_credit_does_not() {
        let outlets = Outlets::builtin();
        let text = "Harbour Watch\n\nPumps fail at the dock\n\nTwo pumps failed on Friday.";
        let chain = [
            Attribution {
                reporter: "AP".into(),
                relation: Relation::Via,
                evidence: "Photo via AP".into(),
            },
            Attribution {
                reporter: "telegraph".into(),
                relation: Relation::Reprint,
                evidence: "Reprinted from telegraph".into(),
            },
        ];
        let cx = Context {
            text,
            outlet: Some("Harbour Watch"),
            chain: &chain,
            outlets: &outlets,
        };
        let at = text.find("Two pumps").expect("quote");
        let got = attribute(&cx, at, at + 20);
        assert_eq!(got.origin_name(), Some("The Telegraph"));
        assert_eq!(got.via[0].value, "Harbour Watch");
        let cx = Context {
            chain: &chain[..1],
            ..cx
        };
        assert_eq!(
            attribute(&cx, at, at + 20).origin_name(),
            Some("Harbour Watch")
        );
    }

    #[test]
    fn the_agency_is_the_agency_named_before() {
        let outlets = Outlets::builtin();
        let text = "Coast Daily\n\nAccording to the official Kessel News Agency (KNA), the dam held.\n\nCiting the water board, the agency put the number of homes flooded at 300.";
        let cx = Context {
            text,
            outlet: Some("Coast Daily"),
            chain: &[],
            outlets: &outlets,
        };
        let at = text.find("the number of homes").expect("quote");
        assert_eq!(attribute(&cx, at, at + 30).origin_name(), Some("KNA"));
    }

    #[test]
    fn also_said_this_station_and_a_named_newspaper() {
        let outlets = Outlets::builtin();
        let text = "Northwind Radio\n\nThe harbour master resigned on Friday, according to the official Pellan Broadcast Agency (PBA). PBA also said that 300 boats were stranded.\n\n\"We cannot open the locks,\" Mayor Tova Lind said in an interview with this station.\n\nDeputy Rolf Adder told the Morning Lantern newspaper that the bridge would close.";
        let cx = Context {
            text,
            outlet: Some("Northwind Radio"),
            chain: &[],
            outlets: &outlets,
        };
        let origin = |quote: &str| {
            let at = text.find(quote).expect("quote");
            attribute(&cx, at, at + quote.len())
                .origin_name()
                .map(str::to_string)
        };
        assert_eq!(origin("300 boats were stranded").as_deref(), Some("PBA"));
        assert_eq!(
            origin("We cannot open the locks").as_deref(),
            Some("Northwind Radio")
        );
        assert_eq!(
            origin("the bridge would close").as_deref(),
            Some("Morning Lantern")
        );
    }

    #[test]
    fn agency_cues_inside_a_wire_story() {
        let outlets = Outlets::builtin();
        let text = "Brightwater Wire\n\nHARLOW, June 3 (BW) - Smoke rose over the fuel depot.\n\nThe depot was shut, Mayor Ilka Sorn said, citing BPA.\n\nThe official Tessan State Radio (TSR) said 40 workers were hurt.\n\nRelief workers told Brightwater Wire that 300 families had left.";
        let cx = Context {
            text,
            outlet: Some("Brightwater Wire"),
            chain: &[],
            outlets: &outlets,
        };
        let origin = |quote: &str| {
            let at = text.find(quote).expect("quote");
            attribute(&cx, at, at + quote.len())
                .origin_name()
                .map(str::to_string)
        };
        assert_eq!(
            origin("Smoke rose over the fuel depot").as_deref(),
            Some("Brightwater Wire")
        );
        assert_eq!(origin("The depot was shut").as_deref(), Some("BPA"));
        assert_eq!(origin("40 workers were hurt").as_deref(), Some("TSR"));
        assert_eq!(
            origin("300 families had left").as_deref(),
            Some("Brightwater Wire")
        );
        let text = "Brightwater Wire\n\nThe dam will hold, the minister said in remarks carried by state broadcaster KTV.";
        let cx = Context { text, ..cx };
        let at = text.find("The dam will hold").expect("quote");
        assert_eq!(attribute(&cx, at, at + 17).origin_name(), Some("KTV"));
    }

    #[test]
    fn short_forms_of_the_own_outlet() {
        assert!(refers_to("the Post", "The Meridian Post"));
        assert!(refers_to("MPost", "The Meridian Post"));
        assert!(refers_to("Ledger", "The Harbor Ledger"));
        assert!(refers_to("Tidewire", "Tidewire Shipping News"));
        assert!(!refers_to("the Herald", "The Meridian Post"));
    }

    #[test]
    fn descriptions_are_proposed_not_applied() {
        let d = descriptions("The Valley Gazette, a regional weekly based in Arlen, said so.");
        assert_eq!(
            d,
            vec![(
                "The Valley Gazette".to_string(),
                "a regional weekly".to_string()
            )]
        );
        assert!(description_fits("a regional weekly", "a regional weekly"));
        let d = descriptions("said the Danish Kessel Tidende newspaper on Monday");
        assert_eq!(
            d,
            vec![(
                "Kessel Tidende".to_string(),
                "a danish newspaper".to_string()
            )]
        );
        assert!(description_fits(
            "a daily Danish paper",
            "a danish newspaper"
        ));
        assert!(!description_fits("a national daily", "a regional daily"));
    }
}
