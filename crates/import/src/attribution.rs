//! Who originally reported what a text relays: "X via Y", "Reprinted from …", "Source: …",
//! "IRNA quoted …", "told the New York Times", "Reuters reports", "As-Safir reported".
//!
//! Each link names the reporter, the relation and the sentence that says so, so the analyst can
//! tell corroboration (two outlets reporting) from repetition (one outlet relaying another).

use std::sync::LazyLock;

use dossier_model::{Attribution, Relation, outlet};
use regex::Regex;

/// A proper name: capitalised words, optionally joined by "of", "al-", "de".
const NAME: &str = r"\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,4}";

struct Rule {
    relation: Relation,
    /// A word every match contains (ASCII, lower case): only lines holding it are searched,
    /// which keeps the regexes off most of a long article.
    keyword: &'static str,
    re: Regex,
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rule = |relation, keyword, pattern: &str| Rule {
        relation,
        keyword,
        re: Regex::new(&pattern.replace("NAME", NAME)).expect("attribution rule"),
    };
    vec![
        rule(
            Relation::Reprint,
            "",
            r"(?m)^(?:(?i:this|the)\s+(?i:article|story|report|piece)\s+)?(?i:reprinted from|republished from|(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|at|on))\s+(?:the\s+)?(NAME|\S+)",
        ),
        rule(
            Relation::Reprint,
            "",
            r"(?m)^(?i:this|the)\s+(?i:article|story|report|piece)\s+(?i:was|is)\s+(?i:produced|written|reported)\s+by\s+(?:the\s+)?(NAME)",
        ),
        rule(
            Relation::Reprint,
            "permission",
            r"(?m)^(?i:republished|reprinted|reproduced)\s+with\s+(?i:permission)\s+(?:from|of)\s+(?:the\s+)?(NAME)",
        ),
        rule(
            Relation::Via,
            ":",
            r"(?m)^(?i:source|sources|credit)\s*:\s*(NAME)\s*$",
        ),
        // Wire copy on another site: the agency's dateline ("KALDERY (ANS) —") or its sign-off
        // on a line of its own ("— ANS").
        rule(
            Relation::Via,
            "",
            r"(?m)^\p{Lu}{3,}(?:[ ,.-]+\p{Lu}[\p{L}.]*){0,3}\s*\((\p{Lu}[\p{Lu}\p{N}&]{1,7})\)\s*[-–—]",
        ),
        rule(
            Relation::Via,
            "",
            r"(?m)^[ \t]*[—–][ \t]*(\p{Lu}[\p{Lu}\p{N}&]{1,7})[ \t]*$",
        ),
        rule(Relation::Via, "via", r"(?m)^(?:NAME)\s+via\s+(NAME)\s*:"),
        rule(Relation::Via, "via", r"(?m)^[^\n]{0,60}?\bvia\s+(NAME)\s*$"),
        rule(Relation::Via, "reports", r"\b(NAME)\s+reports\s*:"),
        rule(Relation::Via, ":", r"(?m)^(NAME)\s*:\s*$"),
        rule(Relation::Quoted, "quoted", r#"[“"]?(NAME)[”"]?\s+quoted\b"#),
        rule(
            Relation::Quoted,
            "report",
            r"(?:,\s*|\.\s+|^)(?:the\s+)?(NAME)\s+(?:reported|reports that)\b",
        ),
        rule(
            Relation::Quoted,
            "according to",
            r"\baccording to (?:reports by |a report (?:by|in) )(?:the\s+)?(?:\p{Lu}\p{L}+\s+)?(NAME)",
        ),
        rule(Relation::Told, "told", r"\btold\s+(?:the\s+)?(NAME)"),
        rule(
            Relation::Told,
            "statement to",
            r"\bin a statement to\s+(?:the\s+)?(NAME)",
        ),
    ]
});

/// Words that are capitalised at the start of a sentence or as adjectives but never reporters.
const NOT_REPORTERS: [&str; 12] = [
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "The",
    "This",
    "That",
    "Officials",
    "Iranian",
    "Syrian",
];

/// The attribution chain of a cleaned text, in text order, one link per reporter and relation.
pub fn chain(text: &str) -> Vec<Attribution> {
    let mut found: Vec<(usize, Attribution)> = Vec::new();
    for rule in RULES.iter() {
        for (offset, line) in lines_with(text, rule.keyword) {
            for c in rule.re.captures_iter(line) {
                let m = c.get(1).expect("every rule captures the reporter");
                let (start, end) = (offset + m.start(), offset + m.end());
                let reporter = clean_name(m.as_str());
                if reporter.is_empty() || NOT_REPORTERS.contains(&reporter.as_str()) {
                    continue;
                }
                // One reporter is one link ("via Telegraph" and "Reprinted from telegraph"):
                // the strongest relation, a reprint, wins.
                let key = outlet::key(&reporter);
                if let Some((_, a)) = found
                    .iter_mut()
                    .find(|(_, a)| outlet::key(&a.reporter) == key)
                {
                    // The capitalised spelling names it ("Telegraph", not "telegraph").
                    if a.reporter.chars().all(|c| !c.is_uppercase()) {
                        a.reporter.clone_from(&reporter);
                    }
                    if rule.relation == Relation::Reprint && a.relation != Relation::Reprint {
                        a.relation = Relation::Reprint;
                        a.evidence = sentence_around(text, start, end);
                    }
                    continue;
                }
                let evidence = sentence_around(text, start, end);
                // A photo credit ("Photo via AP") says who took a picture, not who reported.
                if is_credit(&evidence) {
                    continue;
                }
                // "Office of the Supreme Leader via AP" on a line of its own is a credit too:
                // a relay line names an outlet (or nothing) before "via".
                if rule.keyword == "via" && rule.re.as_str().ends_with(r"\s*$") {
                    let before = line[..m.start()].trim_end();
                    let owner = before
                        .strip_suffix("via")
                        .unwrap_or(before)
                        .trim()
                        .trim_end_matches([',', '-', '–', '—', '|'])
                        .trim();
                    if !owner.is_empty() && !looks_like_outlet(owner) {
                        continue;
                    }
                }
                // A "Name:" line only attributes when it names a news organisation.
                if rule.re.as_str().ends_with(r"\s*:\s*$") && !looks_like_outlet(&reporter) {
                    continue;
                }
                found.push((
                    start,
                    Attribution {
                        reporter,
                        relation: rule.relation,
                        evidence,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, a)| a).collect()
}

fn is_credit(line: &str) -> bool {
    let l = line.to_lowercase();
    ["photo", "image", "picture", "getty", "credit:", "file pic"]
        .iter()
        .any(|w| l.contains(w))
}

/// The chain without links to the source's own outlet: an outlet does not relay itself.
pub fn without_own(chain: Vec<Attribution>, outlet: Option<&str>) -> Vec<Attribution> {
    let Some(own) = outlet.map(outlet::key) else {
        return chain;
    };
    chain
        .into_iter()
        .filter(|a| {
            // Its short name too: "told Tidewire" in Tidewire Shipping News.
            let k = outlet::key(&a.reporter);
            k != own && !own.starts_with(&format!("{k} ")) && !own.ends_with(&format!(" {k}"))
        })
        .collect()
}

/// The lines of `text` (with their offsets) that contain `keyword`, ASCII case-insensitively.
fn lines_with<'a>(text: &'a str, keyword: &'a str) -> impl Iterator<Item = (usize, &'a str)> {
    text.split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches('\n')))
        })
        // A "line" longer than this is not a paragraph but a dump; attributions are not in it.
        .filter(|(_, line)| line.len() <= 64 * 1024)
        .filter(move |(_, line)| {
            keyword.is_empty()
                || line
                    .as_bytes()
                    .windows(keyword.len())
                    .any(|w| w.eq_ignore_ascii_case(keyword.as_bytes()))
        })
}

fn looks_like_outlet(name: &str) -> bool {
    [
        "News", "Times", "Post", "Agency", "Press", "Reuters", "AFP", "AP", "BBC", "CNN", "Journal",
    ]
    .iter()
    .any(|w| name.split_whitespace().any(|n| n == *w))
}

fn clean_name(name: &str) -> String {
    // A name never runs over the end of a sentence ("the Ledger. Their …").
    let name = name.split(". ").next().unwrap_or(name);
    name.trim()
        .trim_end_matches(['.', ',', ':', '’', '\''])
        .trim_start_matches("the ")
        .to_string()
}

/// The sentence (or line) holding `start..end`, at most ~300 bytes, as evidence.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let mut from = text[line_start..start]
        .rfind(". ")
        .map_or(line_start, |i| line_start + i + 2);
    let mut to = text[end..line_end]
        .find(". ")
        .map_or(line_end, |i| end + i + 1);
    if to - from > 300 {
        from = floor(text, start.saturating_sub(120).max(from));
        to = floor(text, (end + 120).min(to));
    }
    text[from..to].trim().to_string()
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, Relation)]) {
        let got: Vec<(String, Relation)> = chain(text)
            .into_iter()
            .map(|a| (a.reporter, a.relation))
            .collect();
        let expected: Vec<(String, Relation)> =
            expected.iter().map(|(r, k)| (r.to_string(), *k)).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn relations() {
        use Relation::*;
        check(
            "Reprinted from the Example Herald",
            &[("Example Herald", Reprint)],
        );
        check("Source: Valley Wire", &[("Valley Wire", Via)]);
        check(
            "Harbour News via Wire Service: the port reopened.",
            &[("Wire Service", Via)],
        );
        check(
            "The agency KNA quoted the minister as saying the port would reopen.",
            &[("KNA", Quoted)],
        );
        check(
            "“We will stay,” a spokesman told the Coast Gazette.",
            &[("Coast Gazette", Told)],
        );
        check(
            "Rivers are rising. Lakeside Radio reports:",
            &[("Lakeside Radio", Via)],
        );
        check(
            "Dozens fled overnight, Hill Courier reported.",
            &[("Hill Courier", Quoted)],
        );
        check(
            "They said so in a statement to AFP on Monday.",
            &[("AFP", Told)],
        );
        check(
            "Valley TV News:\n\nThe bridge is closed.",
            &[("Valley TV News", Via)],
        );
        check("He told reporters nothing new.", &[]);
        check(
            "Harbour Watch via Telegraph:\n\nReprinted from telegraph",
            &[("Telegraph", Reprint)],
        );
        check("Photo via AP", &[]);
        // Regression (seeds): a picture's owner above the article is no relay.
        check(
            "Office of the Harbour Master via AP\n\nThe port closed.",
            &[],
        );
        check(
            "Valley News via Reuters\n\nThe port closed.",
            &[("Reuters", Via)],
        );
        check("via Reuters\n\nThe port closed.", &[("Reuters", Via)]);
        check(
            "This article first appeared in The Valley Gazette.",
            &[("The Valley Gazette", Reprint)],
        );
        check(
            "This story was produced by the Pit Ledger, a nonprofit newsroom.",
            &[("Pit Ledger", Reprint)],
        );
        check(
            "Republished with permission from the Marsh Courier.",
            &[("Marsh Courier", Reprint)],
        );
        // Wire copy on another site: the agency's dateline, or its sign-off line.
        check(
            "Valley Post\n\nDORNE (VNA) — The dam held overnight.",
            &[("VNA", Via)],
        );
        check(
            "Valley Post\n\nThe dam held overnight.\n\n— VNA\n\nMore from Nation",
            &[("VNA", Via)],
        );
        // A dash before a sentence is prose, not a sign-off.
        check("The dam held.\n— Nobody expected it to.", &[]);
    }
}
