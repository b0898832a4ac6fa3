//! `dossier validate`: everything that keeps a project from rendering a true briefing.

use std::path::{Path, PathBuf};

use dossier_model::{Excerpt, Id, Source};
use serde::Serialize;

use crate::project::{Problem, Project};
use crate::store::Layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: &'static str,
    pub severity: Severity,
    /// Relative to the project folder.
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

const CONFLICT_HELP: &str = "keep the side you want between the <<<<<<< and >>>>>>> lines, delete the three marker lines, save, and run `dossier validate` again";

/// Checks a loaded project; `problems` are the files `Project::load` could not read.
pub fn validate(project: &Project, problems: &[Problem]) -> Vec<Finding> {
    let layout = project.layout();
    let mut out = Vec::new();
    let mut conflicted: Vec<PathBuf> = Vec::new();
    for path in text_files(project) {
        let Ok(bytes) = project.world().fs.read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        if let Some(line) = conflict_marker_line(&text) {
            out.push(finding(
                layout,
                "conflict",
                Severity::Error,
                &path,
                line,
                format!("git merge conflict in this file: {CONFLICT_HELP}"),
            ));
            conflicted.push(path);
        }
    }
    for p in problems.iter().filter(|p| !conflicted.contains(&p.file)) {
        out.push(finding(
            layout,
            "unreadable",
            Severity::Error,
            &p.file,
            p.line,
            p.message.clone(),
        ));
    }
    for s in project.sources() {
        if let Some(target) = &s.reprint_of
            && project.source(target).is_err()
        {
            let message = format!(
                "reprint_of names source '{target}', which does not exist; fix it with \
                 `dossier source edit DIR {} --reprint-of ID` (or --reprint-of none)",
                s.id
            );
            let file = layout.source(&s.id);
            out.push(finding(
                layout,
                "dangling-reference",
                Severity::Error,
                &file,
                1,
                message,
            ));
        }
    }
    for x in project.excerpts() {
        let file = layout.excerpt(&x.id);
        let Ok(source) = project.source(&x.source) else {
            out.push(finding(layout, "dangling-reference", Severity::Error, &file, 1, format!("the excerpt cites source '{}', which does not exist; restore the source or remove the excerpt", x.source)));
            continue;
        };
        let at = source.text.get(x.locator.start..x.locator.end);
        if at != Some(x.quote.as_str()) {
            let moved = crate::quote::find_all(&source.text, &x.quote)
                .first()
                .cloned();
            match moved {
                Some(r) => out.push(finding(layout, "quote-moved", Severity::Warning, &file, 1, format!("the quote now stands at bytes {}..{} of source '{}', not {}..{}; `dossier excerpt edit` with the same --quote updates the locator", r.start, r.end, x.source, x.locator.start, x.locator.end))),
                None => out.push(finding(layout, "quote-not-found", Severity::Error, &file, 1, format!("the quote is no longer in source '{}'; edit the quote or remove the excerpt", x.source))),
            }
        }
        if x.date.is_none() {
            out.push(finding(layout, "undated", Severity::Warning, &file, 1, "the excerpt has no event date, so the chronology leaves it out; set one with `dossier excerpt edit DIR ID --date EDTF`".into()));
        }
        for (kind, message) in excerpt_checks(x, source) {
            out.push(finding(layout, kind, Severity::Warning, &file, 1, message));
        }
    }
    for b in project.briefings() {
        let file = layout.briefing(&b.name);
        let body_line = project.body_line(&b.name);
        for (id, line) in citations(&b.body) {
            let known = id
                .parse::<Id>()
                .ok()
                .is_some_and(|id| project.excerpt(&id).is_ok());
            if !known {
                out.push(finding(layout, "unknown-citation", Severity::Error, &file, body_line + line, format!("[@{id}] cites no excerpt of this project; `dossier excerpt list DIR` lists the ids")));
            }
        }
    }
    out.extend(unmarked_portions(project));
    out.sort_by(|a, b| (&a.file, a.line, a.kind).cmp(&(&b.file, b.line, b.kind)));
    out
}

/// A quote of fewer words than this locates nothing reliably ("the").
pub const MIN_QUOTE_WORDS: usize = 3;

/// The tag that marks an excerpt as a forecast: its event may come after the publication.
pub const FORECAST_TAG: &str = "forecast";

/// What an analyst should look at again in one excerpt: an event after its source's
/// publication, a quote too short or too common to locate, a year the convention chose.
fn excerpt_checks(x: &Excerpt, source: &Source) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let forecast = x
        .tags
        .iter()
        .any(|t| t.name.eq_ignore_ascii_case(FORECAST_TAG));
    if let (Some(date), Some(published)) = (&x.date, source.published_date())
        && let (Some(event), Some(last)) = (date.value.earliest(), published.latest())
        && event > last
        && !forecast
    {
        out.push((
            "event-after-publication",
            format!(
                "the event date {} is after the source's publication ({}): correct it with \
                 `dossier excerpt edit DIR {} --date EDTF`, or tag the excerpt `{FORECAST_TAG}` \
                 if the source foresees it",
                date.value.human(),
                published.human(),
                x.id
            ),
        ));
    }
    let words = x.quote.split_whitespace().count();
    if words < MIN_QUOTE_WORDS {
        out.push((
            "quote-too-short",
            format!(
                "the quote \"{}\" has {words} word{}: too short to locate or to stand as \
                 evidence; quote at least {MIN_QUOTE_WORDS} words with `dossier excerpt edit DIR {} --quote`",
                x.quote.trim(),
                if words == 1 { "" } else { "s" },
                x.id
            ),
        ));
    } else {
        let times = crate::quote::find_all(&source.text, &x.quote).len();
        if times > 1 {
            out.push((
                "quote-ambiguous",
                format!(
                    "the quote occurs {times} times in source '{}', so it locates its passage \
                     only by occurrence; quote a few more words so that it occurs once",
                    x.source
                ),
            ));
        }
    }
    // Found again rather than read from the stored confidence: excerpts dated before the rule
    // existed are checked too.
    if let Some(date) = &x.date
        && date.provenance.starts_with("dates:")
        && let Some(again) = crate::dating::sentence_date(source, x.locator.start, x.locator.end)
        && again.value == date.value
        && again.confidence <= crate::dating::UNSURE_YEAR_CONFIDENCE
    {
        out.push((
            "unsure-year",
            format!(
                "the date {} takes its year from the convention for a day and month without a \
                 year (\"{}\", the nearest before the publication), far from the publication: \
                 confirm it with `dossier excerpt edit DIR {} --date EDTF`",
                date.value.human(),
                again.evidence.as_deref().unwrap_or(""),
                x.id
            ),
        ));
    }
    out
}

/// Every portion a briefing's template would refuse as unmarked (the refusal names only the
/// first). Templates are looked up in the project and the built-ins.
fn unmarked_portions(project: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in project.briefings() {
        let Err(crate::Error::Template(dossier_render::TemplateError::Unmarked {
            scheme,
            portions,
        })) = project.context(&b.name, None, None)
        else {
            continue;
        };
        let example = match scheme {
            dossier_model::Scheme::Classification => "(U)",
            dossier_model::Scheme::Tlp => "(TLP:CLEAR)",
        };
        for p in portions {
            let message = match p.line {
                Some(_) => format!(
                    "{} is unmarked and its template requires markings: start it with its marking, e.g. `{example} `",
                    p.what
                ),
                None => format!(
                    "the excerpt is unmarked and briefing {} requires markings: `dossier excerpt edit DIR ID --portion MARK`",
                    b.name
                ),
            };
            out.push(Finding {
                kind: "unmarked-portion",
                // A warning: the briefing renders with another template, or once marked.
                severity: Severity::Warning,
                file: PathBuf::from(&p.file),
                line: p.line.unwrap_or(1),
                message,
            });
        }
    }
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out.dedup_by(|a, b| a.file == b.file && a.line == b.line);
    out
}

fn finding(
    layout: &Layout,
    kind: &'static str,
    severity: Severity,
    path: &Path,
    line: usize,
    message: String,
) -> Finding {
    Finding {
        kind,
        severity,
        file: layout.relative(path).to_path_buf(),
        line,
        message,
    }
}

/// The 1-based line of the first git conflict marker, if any.
fn conflict_marker_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.starts_with("<<<<<<< ")
                || l == "<<<<<<<"
                || l.starts_with(">>>>>>> ")
                || l == "======="
        })
        .map(|i| i + 1)
}

fn text_files(project: &Project) -> Vec<PathBuf> {
    let l = project.layout();
    let fs = &project.world().fs;
    let mut files = vec![l.config()];
    for (dir, ext) in [
        (l.sources(), "md"),
        (l.excerpts(), "toml"),
        (l.briefings(), "md"),
    ] {
        files.extend(
            fs.list(&dir)
                .unwrap_or_default()
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == ext)),
        );
    }
    files
}

/// Pandoc-style citations `[@id]`, `[@a; @b]`, `[@id, p. 3]` in a Markdown body, with the
/// 1-based line of each. Code (fenced blocks and backtick spans) cites nothing.
pub fn citations(body: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, line) in body.lines().enumerate() {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        // Outside backtick spans: the even-numbered pieces of a split on '`'.
        for piece in line.split('`').step_by(2) {
            cite_keys(piece, |key| out.push((key, i + 1)));
        }
    }
    out
}

fn cite_keys(text: &str, mut push: impl FnMut(String)) {
    let mut rest = text;
    while let Some(i) = rest.find("[@") {
        let Some(close) = rest[i..].find(']') else {
            break;
        };
        for part in rest[i + 1..i + close].split(';') {
            if let Some(key) = part.trim().strip_prefix('@') {
                let key: String = key
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if !key.is_empty() {
                    push(key);
                }
            }
        }
        rest = &rest[i + close + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_in_pandoc_syntax() {
        let body = "a [@x-1] b\n[@y; @z, p. 3] [@] `[@code]`\n```\n[@fenced]\n```\n";
        assert_eq!(
            citations(body),
            [("x-1".to_string(), 1), ("y".into(), 2), ("z".into(), 2)]
        );
    }

    #[test]
    fn conflict_markers() {
        assert_eq!(
            conflict_marker_line("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> theirs\n"),
            Some(2)
        );
        assert_eq!(conflict_marker_line("a ======= b\n"), None);
    }
}
