//! The project file (`dossier.toml`) and briefings (`briefings/<name>.md`).

use serde::{Deserialize, Serialize};

use crate::{Edtf, Marking, Tag};

/// The project format this program reads and writes. A newer one is refused, never rewritten.
pub const FORMAT_VERSION: u32 = 1;

/// `dossier.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectConfig {
    pub format: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default = "default_template")]
    pub template: String,
    /// The marking of every portion that has none of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Marking>,
}

fn default_template() -> String {
    "intsum".into()
}

impl ProjectConfig {
    pub fn new(title: impl Into<String>) -> ProjectConfig {
        ProjectConfig {
            format: FORMAT_VERSION,
            title: title.into(),
            author: String::new(),
            template: default_template(),
            classification: None,
        }
    }
}

/// The front matter of a briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct BriefingMeta {
    #[serde(default)]
    pub title: String,
    /// Template name; empty means the project's default.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub template: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Marking>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The chronology covers excerpts whose date overlaps `[from, to]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Edtf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Edtf>,
    /// The chronology covers excerpts with any of these tags (all when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// The classification authority block of a template that declares one: who classified
    /// the briefing, from what, and when it is declassified.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub classified_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub derived_from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub declassify_on: String,
}

/// A briefing: the analyst's own text. Its `##` headings are its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    /// The file stem, e.g. `main`.
    pub name: String,
    pub meta: BriefingMeta,
    /// The Markdown body, exactly as written.
    pub body: String,
}

/// One `##` section of a briefing body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    /// 1-based line of the heading in the body.
    pub line: usize,
    /// The Markdown under the heading, up to the next `##` heading.
    pub markdown: String,
}

impl Briefing {
    /// The `##` sections of the body, in order (`dossier_markdown::sections`: fenced code and
    /// quotes hold none); text before the first heading is not a section, and a section ends
    /// at the next `#` or `##` heading.
    pub fn sections(&self) -> Vec<Section> {
        dossier_markdown::sections(&self.body)
            .into_iter()
            .filter(|s| s.level == 2)
            .map(|s| Section {
                heading: s.title,
                line: s.line,
                markdown: self.body[s.body].trim().to_string(),
            })
            .collect()
    }

    /// The section whose heading matches `name` case-insensitively ("BLUF", "Key judgments").
    pub fn section(&self, name: &str) -> Option<Section> {
        self.sections()
            .into_iter()
            .find(|s| s.heading.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_on_level_two_headings_outside_code() {
        let b = Briefing {
            name: "main".into(),
            meta: BriefingMeta::default(),
            body: "intro\n## BLUF\nIran backs Assad.\n\n## Key judgments\n- one\n```\n## not a heading\n```\n".into(),
        };
        let s = b.sections();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].heading, "BLUF");
        assert_eq!(s[0].line, 2);
        assert_eq!(s[0].markdown, "Iran backs Assad.");
        assert!(s[1].markdown.contains("## not a heading"));
        assert_eq!(b.section("key JUDGMENTS").unwrap().line, 5);
    }
}
