//! Where links lead: note references, endnotes and headings by the spot they landed on,
//! `#slug` names as GitHub makes them, which URIs may become link actions, and the outline.

use std::collections::BTreeMap;

use crate::blocks::Target;
use crate::frame::{LinkTarget, OutlineItem};

/// Where something landed: the page's index and y from the page's top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spot {
    pub(super) page: usize,
    pub(super) y: f32,
}

/// A heading as the outline and `#slug` links know it: its level and plain text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HeadingName {
    pub(super) level: u8,
    pub(super) title: String,
}

/// A heading of the outline, placed: its level and plain text, and where it landed.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Heading {
    pub(super) level: u8,
    pub(super) title: String,
    pub(super) at: Spot,
}

/// The spots that internal links lead to, gathered while placing units.
#[derive(Default)]
pub(super) struct Targets {
    /// The first reference to each note: where its endnote's number links back to.
    refs: BTreeMap<usize, Spot>,
    notes: BTreeMap<usize, Spot>,
    /// Headings by slug; a repeated slug gets `-1`, `-2`… as on GitHub.
    slugs: BTreeMap<String, Spot>,
    headings: Vec<Heading>,
}

impl Targets {
    pub(super) fn note_ref(&mut self, note: usize, at: Spot) {
        self.refs.entry(note).or_insert(at);
    }

    pub(super) fn note(&mut self, note: usize, at: Spot) {
        self.notes.insert(note, at);
    }

    pub(super) fn heading(&mut self, HeadingName { level, title }: &HeadingName, at: Spot) {
        self.headings.push(Heading {
            level: *level,
            title: title.clone(),
            at,
        });
        let base = slug(title);
        let mut key = base.clone();
        let mut n = 0;
        while self.slugs.contains_key(&key) {
            n += 1;
            key = format!("{base}-{n}");
        }
        self.slugs.insert(key, at);
    }

    /// The link action for `target`, if there is one: an internal target that exists, or a
    /// web or mail address.
    pub(super) fn resolve(&self, target: Target) -> Option<LinkTarget> {
        let internal = |&Spot { page, y }: &Spot| LinkTarget::Internal { page, y };
        match target {
            // `#slug` links go to the heading of that name, as on GitHub.
            Target::Uri(u) if u.starts_with('#') => self.slugs.get(&u[1..]).map(internal),
            Target::Uri(u) => web_link(&u).then_some(LinkTarget::Uri(u)),
            Target::Note(n) => self.notes.get(&n).map(internal),
            Target::NoteRef(n) => self.refs.get(&n).map(internal),
        }
    }

    pub(super) fn into_headings(self) -> Vec<Heading> {
        self.headings
    }
}

/// A heading's anchor name as GitHub makes it: lower case, spaces to hyphens, other
/// punctuation dropped.
fn slug(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => {
                Some(c.to_lowercase().next().unwrap_or(c))
            }
            _ => None,
        })
        .collect()
}

pub(super) fn outline_tree(headings: Vec<Heading>) -> Vec<OutlineItem> {
    // A stack of open items by level; each heading closes deeper or equal ones.
    let mut roots: Vec<OutlineItem> = Vec::new();
    let mut stack: Vec<(u8, OutlineItem)> = Vec::new();
    fn close(stack: &mut Vec<(u8, OutlineItem)>, roots: &mut Vec<OutlineItem>) {
        if let Some((_, item)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => roots.push(item),
            }
        }
    }
    for Heading {
        level,
        title,
        at: Spot { page, y },
    } in headings
    {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            close(&mut stack, &mut roots);
        }
        stack.push((
            level,
            OutlineItem {
                title,
                page,
                y,
                children: Vec::new(),
            },
        ));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// Whether a link may become a PDF link action: web and mail addresses only, as in the HTML
/// preview. A `javascript:` or `file:` URI, or a relative one (which a viewer resolves against
/// the PDF's own folder), stays text. The scheme is read as URL parsers read it: surrounding
/// spaces and controls, and tabs and newlines anywhere, ignored; case folded.
fn web_link(uri: &str) -> bool {
    let folded = uri
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| folded.starts_with(s))
}

#[cfg(test)]
mod tests {
    use dossier_model::PageStyle;

    use super::*;
    use crate::DocumentMeta;
    use crate::layout::layout;

    /// A `javascript:` link in a briefing became a PDF `/URI` action; viewers differ in what
    /// they do with one. Only web and mail links become actions now.
    #[test]
    fn regression_javascript_link_in_pdf() {
        let md = "[a](javascript:alert(1)) [b]( JaVa\tScript:x) [c](file:///etc/passwd) \
                  [d](vbscript:x) [e](data:text/html,x) [f](notes.md) [g](https://ok.example) \
                  [h](mailto:a@b.example) [i](HTTP://OK.example)";
        let doc = layout(md, &PageStyle::default(), &DocumentMeta::default());
        let uris: Vec<&str> = doc.pages[0]
            .links
            .iter()
            .filter_map(|l| match &l.target {
                LinkTarget::Uri(u) => Some(u.as_str()),
                LinkTarget::Internal { .. } => None,
            })
            .collect();
        assert_eq!(
            uris,
            [
                "https://ok.example",
                "mailto:a@b.example",
                "HTTP://OK.example"
            ]
        );
    }

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("Key judgments"), "key-judgments");
        assert_eq!(
            slug("2013-08-04 — Ayrault praises"),
            "2013-08-04--ayrault-praises"
        );
        assert_eq!(slug("What’s next?"), "whats-next");
    }

    #[test]
    fn heading_links_point_at_the_heading() {
        let md = "[to the end](#the-end)\n\n\\newpage\n\n## The end\n\ndone";
        let doc = layout(md, &PageStyle::default(), &DocumentMeta::default());
        let link = &doc.pages[0].links[0];
        assert!(
            matches!(link.target, LinkTarget::Internal { page: 1, .. }),
            "{link:?}"
        );
    }

    #[test]
    fn outline_nests_by_heading_level() {
        let heading = |level, title: &str, page, y| Heading {
            level,
            title: title.into(),
            at: Spot { page, y },
        };
        let t = outline_tree(vec![
            heading(1, "A", 0, 0.0),
            heading(2, "A1", 0, 1.0),
            heading(3, "A1a", 1, 2.0),
            heading(2, "A2", 1, 3.0),
            heading(1, "B", 2, 4.0),
        ]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].children.len(), 2);
        assert_eq!(t[0].children[0].children[0].title, "A1a");
        assert_eq!(t[1].title, "B");
    }
}
