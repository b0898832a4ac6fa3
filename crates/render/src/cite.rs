//! Citations: the analyst writes `[@excerpt-id]` (pandoc's syntax, several as `[@a; @b]`);
//! rendering turns them into endnotes numbered in order of first use, or a short
//! "(Outlet, date)", as the template's citation style says.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::ops::Range;

use dossier_chronology::{OWN_OUTLET_RULE, REPRINT_HEADER_RULE};
use dossier_model::{Briefing, ClaimAttribution, Excerpt, Source, outlet};

use crate::context;
use crate::lint::Warning;
use crate::template::CitationStyle;

/// What a citation of one excerpt says.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    /// The endnote: descriptor, credibility and title.
    pub text: String,
    /// The short form: "The American Interest, June 2015".
    pub short: String,
}

/// The part of a note every excerpt of one source shares, computed once per source.
pub(crate) struct SourceNote {
    /// Escaped descriptor.
    descriptor: String,
    /// The source's outlet (never its title: a title is not who reported), its publication
    /// date and reliability, for an excerpt that carries its own attribution.
    outlet: Option<String>,
    date: String,
    reliability: String,
    /// ` *Title*.`, or empty.
    title: String,
    short: String,
}

impl SourceNote {
    pub fn new(s: &Source, by_source: &BTreeMap<&str, &Source>) -> SourceNote {
        SourceNote {
            descriptor: escape(&context::descriptor(s, by_source)),
            outlet: s.outlet_name().map(str::to_string),
            date: context::published_human(s),
            reliability: s.reliability.to_string(),
            title: s
                .title
                .as_ref()
                .map(|t| format!(" *{}*.", escape(&t.value)))
                .unwrap_or_default(),
            short: escape(&context::short(s)),
        }
    }

    /// The note of excerpt `e` of this source: the excerpt's own chain when it has one.
    pub fn note(&self, e: &Excerpt) -> Note {
        let descriptor = match chain(&e.attribution, self.outlet.as_deref()) {
            Some(chain) => escape(&format!(
                "{chain}, {}; reliability {}",
                self.date, self.reliability
            )),
            None => self.descriptor.clone(),
        };
        Note {
            text: format!("{descriptor}, credibility {}.{}", e.credibility, self.title),
            short: self.short.clone(),
        }
    }
}

impl Note {
    /// The note of an excerpt whose source is not in the project.
    pub fn unknown(e: &Excerpt) -> Note {
        Note {
            text: format!("“{}”, of a source no longer in the project.", e.headline()),
            short: "source no longer in the project".into(),
        }
    }
}

/// How the excerpt reached the analyst, in words: "Statement by Mehdi Rahmati to The New York
/// Times, reported by PJ Media"; `None` when it carries no attribution of its own. A source
/// without a known outlet is not named as a carrier (its title follows in the note).
pub(crate) fn chain(a: &ClaimAttribution, carrier: Option<&str>) -> Option<String> {
    let found = a.origin.as_ref()?;
    let origin = found.value.as_str();
    // Only the source's own outlet: the source's descriptor (which knows its reprints) says
    // more.
    if found.provenance == OWN_OUTLET_RULE && a.speaker.is_none() {
        return None;
    }
    if found.provenance.starts_with(REPRINT_HEADER_RULE) && a.speaker.is_none() {
        return Some(match carrier {
            Some(carrier) => format!("{origin} article reprinted by {carrier}"),
            None => format!("{origin} article, reprinted"),
        });
    }
    let same = |x: &str| carrier.is_some_and(|c| outlet::key(x) == outlet::key(c));
    let relays: Vec<&str> = a
        .via
        .iter()
        .map(|v| v.value.as_str())
        .filter(|v| !same(v) && outlet::key(v) != outlet::key(origin))
        .collect();
    let mut out = match a.speaker_name() {
        Some(speaker) => format!("Statement by {speaker} to {origin}"),
        None => format!("{origin} report"),
    };
    for r in relays {
        out.push_str(&format!(", relayed by {r}"));
    }
    if let Some(carrier) = carrier
        && !same(origin)
    {
        out.push_str(&format!(", reported by {carrier}"));
    }
    Some(out)
}

/// Markdown-escapes the characters that would change a note's meaning.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '<' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One citation group found in text: byte range and the ids it names.
struct Group {
    start: usize,
    end: usize,
    ids: Vec<String>,
}

/// Finds `[@a]` and `[@a; @b]` groups. Anything else in brackets is left alone.
fn groups(text: &str) -> Vec<Group> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("[@") {
        let start = at + i;
        let Some(len) = text[start..].find(']') else {
            break;
        };
        let inner = &text[start + 1..start + len];
        let ids: Option<Vec<String>> = inner
            .split(';')
            .map(|part| {
                let id = part.trim().strip_prefix('@')?;
                let id = id.split([',', ' ']).next()?.trim();
                (!id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
                .then(|| id.to_string())
            })
            .collect();
        match ids {
            Some(ids) if !ids.is_empty() => {
                out.push(Group {
                    start,
                    end: start + len + 1,
                    ids,
                });
                at = start + len + 1;
            }
            _ => at = start + 2,
        }
    }
    out
}

/// The excerpt ids cited in `text`, in order, repeats included.
pub fn ids(text: &str) -> Vec<String> {
    groups(text).into_iter().flat_map(|g| g.ids).collect()
}

/// A citation group as written: `[@a]`, `[@a; @b, p. 4]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the whole group, `[` to `]`.
    pub range: Range<usize>,
    /// Each id, with the byte range of the id itself (after its `@`).
    pub ids: Vec<(String, Range<usize>)>,
}

/// Every citation group of `text`: what an editor shows as citations.
pub fn citations(text: &str) -> Vec<Citation> {
    groups(text)
        .into_iter()
        .map(|g| {
            let mut from = g.start;
            let ids = g
                .ids
                .into_iter()
                .map(|id| {
                    let at = text[from..g.end]
                        .find(&format!("@{id}"))
                        .map_or(g.start, |i| from + i + 1);
                    from = at + id.len();
                    let range = at..at + id.len();
                    (id, range)
                })
                .collect();
            Citation {
                range: g.start..g.end,
                ids,
            }
        })
        .collect()
}

/// Warnings for citations of excerpts that do not exist, each with the id's byte range.
pub(crate) fn unknown_citations(
    briefing: &Briefing,
    by_excerpt: &HashMap<&str, &Excerpt>,
    body_line: usize,
) -> Vec<Warning> {
    let body = briefing.body.as_str();
    let mut out = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let offset = crate::lint::range_in(body, line).start;
        for citation in citations(line) {
            for (id, range) in citation.ids {
                if !by_excerpt.contains_key(id.as_str()) {
                    out.push(Warning {
                        kind: "unknown-citation",
                        line: Some(body_line + i + 1),
                        message: format!(
                            "[@{id}] cites no excerpt of this project; pick the excerpt it should be, or check the id with `dossier excerpt list`"
                        ),
                        range: Some(offset + range.start..offset + range.end),
                    });
                }
            }
        }
    }
    out
}

/// Every excerpt's note, found by excerpt id once per citation and by index after that.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    index: HashMap<String, usize>,
    notes: Vec<(String, Note)>,
}

impl FromIterator<(String, Note)> for Notes {
    fn from_iter<I: IntoIterator<Item = (String, Note)>>(iter: I) -> Notes {
        let notes: Vec<(String, Note)> = iter.into_iter().collect();
        let index = notes
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.clone(), i))
            .collect();
        Notes { index, notes }
    }
}

impl Notes {
    fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.notes.len()
    }
}

/// The citations of one rendering: numbers in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    /// Indices into [`Notes`], in citation order.
    order: Vec<usize>,
    /// The number of each note by index; 0 while uncited.
    number: Vec<usize>,
    /// Set once the template listed the endnotes; a citation after that has no note.
    listed: bool,
    pub warnings: Vec<Warning>,
}

impl Ledger {
    /// The marker for citing `ids`: `[^1][^2]` or ` (Outlet, date; Outlet, date)`.
    pub fn cite(&mut self, ids: &[String], notes: &Notes, style: CitationStyle) -> String {
        let known = ids.iter().filter_map(|id| notes.find(id));
        match style {
            CitationStyle::Notes => {
                let mut out = String::new();
                for i in known {
                    let n = self.number_of(i, notes);
                    write!(out, "[^{n}]").expect("writing to a String");
                }
                out
            }
            CitationStyle::Short => {
                let mut parts: Vec<&str> = Vec::new();
                for i in known {
                    self.number_of(i, notes);
                    let s = notes.notes[i].1.short.as_str();
                    if !parts.contains(&s) {
                        parts.push(s);
                    }
                }
                if parts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", parts.join("; "))
                }
            }
        }
    }

    fn number_of(&mut self, i: usize, notes: &Notes) -> usize {
        if self.number.len() < notes.len() {
            self.number.resize(notes.len(), 0);
        }
        if self.number[i] != 0 {
            return self.number[i];
        }
        if self.listed {
            let id = &notes.notes[i].0;
            self.warnings.push(Warning {
                kind: "citation-after-endnotes",
                line: None,
                message: format!(
                    "the template cites {id} after listing the endnotes; call endnotes() last"
                ),
                range: None,
            });
        }
        self.order.push(i);
        self.number[i] = self.order.len();
        self.order.len()
    }

    /// Replaces every known citation group in `text`; unknown ones stay as written.
    pub fn cite_text(&mut self, text: &str, notes: &Notes, style: CitationStyle) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for g in groups(text) {
            if !g.ids.iter().all(|id| notes.find(id).is_some()) {
                continue;
            }
            // "troops [@a]": a note's number stands against the word, as a parenthetical does
            // after its own space.
            out.push_str(text[at..g.start].trim_end());
            out.push_str(&self.cite(&g.ids, notes, style));
            at = g.end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// The endnotes so far, in number order: `(number, excerpt id, text)`.
    pub fn endnotes(&mut self, notes: &Notes) -> Vec<(usize, String, String)> {
        self.listed = true;
        self.order
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let (id, note) = &notes.notes[i];
                (k + 1, id.clone(), note.text.clone())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_single_and_grouped_citations() {
        assert_eq!(
            ids("a [@x-1] b [@y; @z, p. 3] [not] [@Bad]"),
            ["x-1", "y", "z"]
        );
        assert!(ids("mail me [at] example").is_empty());
    }

    #[test]
    fn citations_give_each_group_and_id_its_bytes() {
        let text = "Café [@x-1] b [@y;  @z, p. 3]";
        let got: Vec<(&str, Vec<&str>)> = citations(text)
            .into_iter()
            .map(|c| {
                let ids = c.ids.into_iter().map(|(_, r)| &text[r]).collect();
                (&text[c.range], ids)
            })
            .collect();
        assert_eq!(
            got,
            [("[@x-1]", vec!["x-1"]), ("[@y;  @z, p. 3]", vec!["y", "z"])]
        );
    }

    #[test]
    fn an_unknown_citation_marks_its_id() {
        let b = Briefing {
            name: "main".into(),
            meta: Default::default(),
            body: "## BLUF\n\nCafé shut [@known] [@gone; @known].\n".into(),
        };
        let known = Excerpt {
            id: "known".parse().unwrap(),
            source: "s".parse().unwrap(),
            quote: "shut".into(),
            locator: dossier_model::Locator {
                start: 0,
                end: 4,
                page: None,
            },
            date: None,
            reported: None,
            summary: String::new(),
            credibility: Default::default(),
            tags: Vec::new(),
            portion: None,
            note: String::new(),
            translation: None,
            attribution: Default::default(),
            sequence: 0,
            event: None,
        };
        let by_excerpt = HashMap::from([("known", &known)]);
        let got: Vec<(Option<usize>, &str)> = unknown_citations(&b, &by_excerpt, 3)
            .into_iter()
            .map(|w| (w.line, &b.body[w.range.expect("a range")]))
            .collect();
        assert_eq!(got, [(Some(6), "gone")]);
    }

    #[track_caller]
    fn check(speaker: Option<&str>, origin: &str, via: &[&str], carrier: &str, expected: &str) {
        use dossier_model::Found;
        let a = ClaimAttribution {
            speaker: speaker.map(|s| Found::by_rule(s.to_string(), "claim:speaker", 0.7)),
            origin: Some(Found::by_rule(origin.to_string(), "claim:told", 0.8)),
            via: via
                .iter()
                .map(|v| Found::by_rule(v.to_string(), "claim:relay", 0.5))
                .collect(),
        };
        assert_eq!(chain(&a, Some(carrier)).as_deref(), Some(expected));
    }

    #[test]
    fn regression_a_source_without_an_outlet_is_not_named_as_the_carrier() {
        // A source whose outlet is unknown printed its title as if it were the reporter.
        use dossier_model::Found;
        let a = ClaimAttribution {
            speaker: Some(Found::by_rule("Ada Brenn".into(), "claim:speaker", 0.7)),
            origin: Some(Found::by_rule("Harbour Herald".into(), "claim:told", 0.8)),
            via: vec![],
        };
        assert_eq!(
            chain(&a, None).as_deref(),
            Some("Statement by Ada Brenn to Harbour Herald")
        );
    }

    #[test]
    fn each_excerpt_names_its_own_chain() {
        check(
            Some("Petra Quell"),
            "Harbour Herald",
            &["Valley Gazette"],
            "Valley Gazette",
            "Statement by Petra Quell to Harbour Herald, reported by Valley Gazette",
        );
        check(
            Some("Petra Quell"),
            "Valley Gazette",
            &[],
            "Valley Gazette",
            "Statement by Petra Quell to Valley Gazette",
        );
        check(
            None,
            "KNA",
            &["Coast Wire", "Valley Gazette"],
            "Valley Gazette",
            "KNA report, relayed by Coast Wire, reported by Valley Gazette",
        );
        check(
            None,
            "Valley Gazette",
            &[],
            "Valley Gazette",
            "Valley Gazette report",
        );
        assert_eq!(
            chain(&ClaimAttribution::default(), Some("Valley Gazette")),
            None
        );
    }
}
