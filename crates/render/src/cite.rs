//! Citations: the analyst writes `[@excerpt-id]` (pandoc's syntax, several as `[@a; @b]`);
//! rendering turns them into endnotes numbered in order of first use, or a short
//! "(Outlet, date)", as the template's citation style says.

use std::collections::BTreeMap;

use dossier_model::{Briefing, Excerpt, Source};

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

impl Note {
    pub fn new(e: &Excerpt, src: Option<&Source>, by_source: &BTreeMap<&str, &Source>) -> Note {
        let Some(s) = src else {
            return Note {
                text: format!("Excerpt {} of unknown source {}.", e.id, e.source),
                short: format!("unknown source {}", e.source),
            };
        };
        let title = s
            .title
            .as_ref()
            .map(|t| format!(" *{}*.", escape(&t.value)))
            .unwrap_or_default();
        Note {
            text: format!(
                "{}, credibility {}.{title}",
                escape(&context::descriptor(s, by_source)),
                e.credibility
            ),
            short: escape(&context::short(s)),
        }
    }
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

/// Warnings for citations of excerpts that do not exist.
pub(crate) fn unknown_citations(
    briefing: &Briefing,
    by_excerpt: &BTreeMap<&str, &Excerpt>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, line) in briefing.body.lines().enumerate() {
        for id in ids(line) {
            if !by_excerpt.contains_key(id.as_str()) {
                out.push(Warning {
                    kind: "unknown-citation",
                    line: Some(i + 1),
                    message: format!(
                        "[@{id}] cites no excerpt of this project; check the id with `dossier excerpt list`"
                    ),
                });
            }
        }
    }
    out
}

/// The citations of one rendering: numbers in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    order: Vec<String>,
    number: BTreeMap<String, usize>,
    /// Set once the template listed the endnotes; a citation after that has no note.
    listed: bool,
    pub warnings: Vec<Warning>,
}

impl Ledger {
    /// The marker for citing `ids`: `[^1][^2]` or ` (Outlet, date; Outlet, date)`.
    pub fn cite(
        &mut self,
        ids: &[String],
        notes: &BTreeMap<String, Note>,
        style: CitationStyle,
    ) -> String {
        let known: Vec<&String> = ids.iter().filter(|id| notes.contains_key(*id)).collect();
        match style {
            CitationStyle::Notes => {
                let mut out = String::new();
                for id in known {
                    let n = self.number_of(id);
                    out.push_str(&format!("[^{n}]"));
                }
                out
            }
            CitationStyle::Short => {
                let mut parts: Vec<&str> = Vec::new();
                for id in known {
                    self.number_of(id);
                    let s = notes[id].short.as_str();
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

    fn number_of(&mut self, id: &str) -> usize {
        if let Some(n) = self.number.get(id) {
            return *n;
        }
        if self.listed {
            self.warnings.push(Warning {
                kind: "citation-after-endnotes",
                line: None,
                message: format!(
                    "the template cites {id} after listing the endnotes; call endnotes() last"
                ),
            });
        }
        self.order.push(id.to_string());
        let n = self.order.len();
        self.number.insert(id.to_string(), n);
        n
    }

    /// Replaces every known citation group in `text`; unknown ones stay as written.
    pub fn cite_text(
        &mut self,
        text: &str,
        notes: &BTreeMap<String, Note>,
        style: CitationStyle,
    ) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for g in groups(text) {
            if !g.ids.iter().all(|id| notes.contains_key(id)) {
                continue;
            }
            let mut before = &text[at..g.start];
            if style == CitationStyle::Short {
                before = before.trim_end();
            }
            out.push_str(before);
            out.push_str(&self.cite(&g.ids, notes, style));
            at = g.end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// The endnotes so far, in number order: `(number, excerpt id, text)`.
    pub fn endnotes(&mut self, notes: &BTreeMap<String, Note>) -> Vec<(usize, String, String)> {
        self.listed = true;
        self.order
            .iter()
            .enumerate()
            .map(|(i, id)| (i + 1, id.clone(), notes[id].text.clone()))
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
}
