//! `dossier search`: every query word, case-insensitively, in sources and excerpts.
//!
//! Each of a project's two collections keeps a search shadow ([`Shadow`]), built at its first
//! search and dropped by any change to the collection (`Items`): every item's searched fields,
//! ASCII-lowercased, one after another in one buffer. An ASCII word (almost every query) is
//! then found by `memchr::memmem`, whose SIMD search runs at memory speed, over the whole
//! buffer at once, split between the cores; a word with other letters is looked for in the
//! item's own fields, lowercased, as before. The shadow is a cache: one byte per byte of text,
//! in memory only.

use std::ops::Range;

use dossier_model::{Excerpt, Source};
use memchr::memmem::Finder;
use rayon::prelude::*;
use serde::Serialize;

use crate::project::{Items, Project};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Source,
    Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: dossier_model::Id,
    pub title: String,
    /// Text around the first match.
    pub snippet: String,
}

/// Items that contain every word of `query`. Excerpts first (they are what a briefing cites),
/// then sources, each in id order.
pub fn search(project: &Project, query: &str) -> Vec<Hit> {
    let Some(words) = Words::new(query) else {
        return Vec::new();
    };
    let (excerpts, sources) = (project.excerpt_items(), project.source_items());
    if !excerpts.has_shadow() && !sources.has_shadow() {
        // The first search after opening or a change builds both shadows, one per core.
        rayon::join(|| excerpts.shadow(), || sources.shadow());
    }
    let mut hits = search_in(excerpts, &words);
    hits.extend(search_in(sources, &words));
    hits
}

/// How many fields an item has at most (a source's five; an excerpt has four).
const FIELDS: usize = 5;

/// What search reads of an item.
pub(crate) trait Searchable: Sync {
    /// Searched field `f` (< [`FIELDS`]), in the order a snippet prefers them; `scratch`
    /// holds a field that is made rather than stored (an excerpt's tags).
    fn field<'a>(&'a self, f: usize, scratch: &'a mut String) -> &'a str;
    fn hit(&self, snippet: String) -> Hit;
}

impl Searchable for Excerpt {
    fn field<'a>(&'a self, f: usize, scratch: &'a mut String) -> &'a str {
        match f {
            0 => &self.quote,
            1 => &self.summary,
            2 => &self.note,
            3 => {
                // Tags are searched as they are written ("place:Port Alder").
                use std::fmt::Write;
                scratch.clear();
                for t in &self.tags {
                    let _ = write!(scratch, "{t} ");
                }
                scratch
            }
            _ => "",
        }
    }

    fn hit(&self, snippet: String) -> Hit {
        Hit {
            kind: HitKind::Excerpt,
            id: self.id.clone(),
            title: self.headline(),
            snippet,
        }
    }
}

impl Searchable for Source {
    fn field<'a>(&'a self, f: usize, _: &'a mut String) -> &'a str {
        let meta = |f: &'a Option<dossier_model::Found<String>>| {
            f.as_ref().map_or("", |f| f.value.as_str())
        };
        match f {
            0 => meta(&self.title),
            1 => meta(&self.outlet),
            2 => meta(&self.author),
            3 => &self.notes,
            _ => &self.text,
        }
    }

    fn hit(&self, snippet: String) -> Hit {
        Hit {
            kind: HitKind::Source,
            id: self.id.clone(),
            title: self.title_or_id().to_string(),
            snippet,
        }
    }
}

/// Every item's fields, ASCII-lowercased, each followed by a newline: no query word holds
/// whitespace, so no match spans two fields. Lowercasing only ASCII keeps every byte where it
/// is, so an offset in the shadow is the same offset in the field.
pub(crate) struct Shadow {
    text: Vec<u8>,
    /// Where each item's fields start in `text`.
    starts: Vec<[usize; FIELDS]>,
}

impl Shadow {
    pub(crate) fn build<'a, T: Searchable + 'a>(
        items: impl ExactSizeIterator<Item = &'a T>,
    ) -> Shadow {
        let mut shadow = Shadow {
            text: Vec::new(),
            starts: Vec::with_capacity(items.len()),
        };
        let mut scratch = String::new();
        for item in items {
            let mut starts = [0; FIELDS];
            for (f, start) in starts.iter_mut().enumerate() {
                *start = shadow.text.len();
                shadow
                    .text
                    .extend_from_slice(item.field(f, &mut scratch).as_bytes());
                shadow.text.push(b'\n');
            }
            shadow.starts.push(starts);
        }
        shadow.text.make_ascii_lowercase();
        shadow
    }

    /// Item `i`'s bytes, all its fields.
    fn item(&self, i: usize) -> Range<usize> {
        self.starts[i][0]..self.starts.get(i + 1).map_or(self.text.len(), |s| s[0])
    }

    /// The field of item `i` that holds byte `at`, and where `at` is in it.
    fn field_at(&self, i: usize, at: usize) -> (usize, usize) {
        let starts = &self.starts[i];
        let field = starts.partition_point(|&s| s <= at) - 1;
        (field, at - starts[field])
    }

    /// The item whose bytes hold `at`, searched from item `from` on: matches come in order, so
    /// a forward walk beats a binary search's cache misses.
    fn item_at(&self, at: usize, from: usize) -> usize {
        let mut i = from;
        while self.starts.get(i + 1).is_some_and(|s| s[0] <= at) {
            i += 1;
        }
        i
    }
}

/// The items of `items` that hold every word, in order, on every core.
fn search_in<T: Searchable>(items: &Items<T>, words: &Words) -> Vec<Hit> {
    let shadow = items.shadow();
    let scan = |part: Range<usize>| {
        let mut hits = Vec::new();
        let mut scratch = String::new();
        // Item `i` is `values.nth(i - next)`: walked to, not collected into a list first.
        let (mut values, mut next) = (items.values(), 0);
        let mut i = part.start;
        while i < part.end {
            // Skip to the next item that holds the scan word, if there is one: one pass of
            // memmem over the shadow instead of one search per item.
            let mut first = None;
            if let Some(finder) = words.scan() {
                let range = shadow.item(i).start..shadow.item(part.end - 1).end;
                let Some(at) = finder.find(&shadow.text[range.clone()]) else {
                    break;
                };
                i = shadow.item_at(range.start + at, i);
                first = Some(range.start + at);
            }
            let item = values
                .nth(i - next)
                .expect("the shadow has an entry per item");
            next = i + 1;
            if let Some(snippet) = words.find(shadow, i, item, first, &mut scratch) {
                hits.push(item.hit(snippet));
            }
            i += 1;
        }
        hits
    };
    // Below this, handing parts to other threads costs more than it saves.
    let threads = rayon::current_num_threads();
    if threads == 1 || shadow.text.len() < 1 << 20 {
        return scan(0..items.len());
    }
    // Parts of equal bytes, not of equal counts: sources differ in length.
    let mut bounds: Vec<usize> = (1..threads)
        .map(|t| {
            let at = shadow.text.len() / threads * t;
            shadow.starts.partition_point(|s| s[0] <= at) - 1
        })
        .collect();
    bounds.insert(0, 0);
    bounds.push(items.len());
    bounds.dedup();
    bounds
        .par_windows(2)
        .flat_map_iter(|w| scan(w[0]..w[1]))
        .collect()
}

/// The query's words, longest first (the rarest word rules most items out after one scan).
struct Words {
    words: Vec<Word>,
}

enum Word {
    /// An ASCII word, lowercased: found in the shadow.
    Ascii(Box<Finder<'static>>),
    /// Any other word, lowercased: found in each field lowercased (rare, and slower).
    Unicode(String),
}

impl Words {
    fn new(query: &str) -> Option<Words> {
        let mut words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        if words.is_empty() {
            return None;
        }
        let words = words
            .into_iter()
            .map(|w| {
                if w.is_ascii() {
                    Word::Ascii(Box::new(Finder::new(w.as_bytes()).into_owned()))
                } else {
                    Word::Unicode(w)
                }
            })
            .collect();
        Some(Words { words })
    }

    /// The first ASCII word (the longest): the one to scan the shadow for. It is the first
    /// word whenever that is ASCII.
    fn scan(&self) -> Option<&Finder<'static>> {
        self.words.iter().find_map(|w| match w {
            Word::Ascii(f) => Some(&**f),
            Word::Unicode(_) => None,
        })
    }

    /// A snippet around the first word's first match in item `i` (`item`), if every word is
    /// in one of its fields. `first` is where the scan word was found first in the item.
    fn find<T: Searchable>(
        &self,
        shadow: &Shadow,
        i: usize,
        item: &T,
        first: Option<usize>,
        scratch: &mut String,
    ) -> Option<String> {
        let mut snippet = None;
        for (k, word) in self.words.iter().enumerate() {
            let (field, at) = match word {
                Word::Ascii(finder) => {
                    let at = match first {
                        // The scan word: the first word, as it is ASCII.
                        Some(at) if k == 0 => at,
                        _ => {
                            let range = shadow.item(i);
                            range.start + finder.find(&shadow.text[range])?
                        }
                    };
                    shadow.field_at(i, at)
                }
                Word::Unicode(w) => (0..FIELDS).find_map(|f| {
                    let text = item.field(f, scratch);
                    let at = text.to_lowercase().find(w.as_str())?;
                    // Lowercasing can change lengths: the place is approximate then.
                    Some((f, at.min(text.len())))
                })?,
            };
            snippet.get_or_insert((field, at));
        }
        snippet.map(|(field, at)| around(item.field(field, scratch), at))
    }
}

/// The text around byte `at`, on one line: its words joined by single spaces.
fn around(text: &str, at: usize) -> String {
    let start = floor_char(text, at.saturating_sub(60));
    let end = floor_char(text, (at + 100).min(text.len()));
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let window = &text[start..end];
    if window.is_ascii() {
        // The common case, a byte at a time: `split_whitespace` decodes every character.
        let bytes = window.as_bytes();
        let space = |k: usize| matches!(bytes[k], b'\t'..=b'\r' | b' ');
        let (mut k, mut first) = (0, true);
        while k < bytes.len() {
            while k < bytes.len() && space(k) {
                k += 1;
            }
            let word = k;
            while k < bytes.len() && !space(k) {
                k += 1;
            }
            if word < k {
                if !first {
                    out.push(' ');
                }
                out.push_str(&window[word..k]);
                first = false;
            }
        }
    } else {
        for (k, word) in window.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    if end < text.len() {
        out.push('…');
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    /// An item of five plain fields.
    struct Doc(dossier_model::Id, [String; FIELDS]);

    impl Searchable for Doc {
        fn field<'a>(&'a self, f: usize, _: &'a mut String) -> &'a str {
            &self.1[f]
        }

        fn hit(&self, snippet: String) -> Hit {
            Hit {
                kind: HitKind::Source,
                id: self.0.clone(),
                title: self.1[0].clone(),
                snippet,
            }
        }
    }

    fn items(docs: Vec<[String; FIELDS]>) -> Items<Doc> {
        let map: BTreeMap<dossier_model::Id, Doc> = docs
            .into_iter()
            .enumerate()
            .map(|(i, fields)| {
                let id: dossier_model::Id = format!("d{i:06}").parse().unwrap();
                (id.clone(), Doc(id, fields))
            })
            .collect();
        map.into()
    }

    /// The semantics, naively: every word of the query, lowercased, is in some field, with
    /// letters folded as for the word (ASCII letters for an ASCII word, all letters for any
    /// other); the snippet is around the longest word's first match in the first field that
    /// holds it, the snippet text being its words joined by single spaces.
    fn reference(items: &Items<Doc>, query: &str) -> Vec<Hit> {
        let mut words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        if words.is_empty() {
            return Vec::new();
        }
        let find = |doc: &Doc, w: &str| {
            doc.1.iter().enumerate().find_map(|(f, text)| {
                let folded = if w.is_ascii() {
                    text.to_ascii_lowercase()
                } else {
                    text.to_lowercase()
                };
                folded.find(w).map(|at| (f, at.min(text.len())))
            })
        };
        items
            .values()
            .filter(|doc| words.iter().all(|w| find(doc, w).is_some()))
            .map(|doc| {
                let (f, at) = find(doc, &words[0]).unwrap();
                let text = &doc.1[f];
                let start = floor_char(text, at.saturating_sub(60));
                let end = floor_char(text, (at + 100).min(text.len()));
                let words: Vec<&str> = text[start..end].split_whitespace().collect();
                let snippet = format!(
                    "{}{}{}",
                    if start > 0 { "…" } else { "" },
                    words.join(" "),
                    if end < text.len() { "…" } else { "" }
                );
                doc.hit(snippet)
            })
            .collect()
    }

    fn check(query: &str, fields: &[&str], expected: Option<&str>) {
        let mut doc: [String; FIELDS] = Default::default();
        for (d, f) in doc.iter_mut().zip(fields) {
            *d = f.to_string();
        }
        let hits = search_in(&items(vec![doc]), &Words::new(query).unwrap());
        let snippet = hits.first().map(|h| h.snippet.as_str());
        assert_eq!(snippet, expected, "{query:?} in {fields:?}");
    }

    #[test]
    fn every_word_in_some_field_case_insensitively() {
        check(
            "TWELVE ships",
            &["Twelve ships sank."],
            Some("Twelve ships sank."),
        );
        check("ships twelve", &["ships", "twelve"], Some("twelve"));
        check("ships submarine", &["twelve ships"], None);
        check("straße", &["Die STRASSE", "die Straße"], Some("die Straße"));
        check("café", &["CAFÉ de Flore"], Some("CAFÉ de Flore"));
        // No match across two fields, or across the end of one.
        check("ab", &["a", "b"], None);
        check("b\ta", &["x\tb", "a"], Some("x b"));
        // The Kelvin sign lowercases to an ASCII k, but an ASCII word matches ASCII only.
        check("k", &["\u{212a}elvin"], None);
        check("\u{212a}", &["Kelvin"], Some("Kelvin"));
    }

    #[test]
    fn snippets_cut_on_character_boundaries() {
        let text = format!("{}needle{}", "é".repeat(50), "ü".repeat(80));
        let hits = search_in(
            &items(vec![[text, "".into(), "".into(), "".into(), "".into()]]),
            &Words::new("needle").unwrap(),
        );
        let snippet = &hits[0].snippet;
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.contains("needle"));
    }

    #[test]
    fn snippets_join_words_with_one_space() {
        assert_eq!(around(" a \t\n b\x0bc  ", 0), "a b c");
        assert_eq!(around("a\u{a0}b", 0), "a b");
    }

    /// Enough text for the search to split the items between threads.
    #[test]
    fn a_large_collection_gives_what_the_reference_gives() {
        let words = ["Harbour", "convoy", "STRAIT", "tanker", "Straße", "militia"];
        let docs: Vec<[String; FIELDS]> = (0..3000)
            .map(|i| {
                let mut doc: [String; FIELDS] = Default::default();
                for (f, field) in doc.iter_mut().enumerate() {
                    for w in 0..(i * 7 + f * 13) % 90 {
                        field.push_str(words[(i * 3 + f + w * w) % words.len()]);
                        field.push(if w % 11 == 0 { '\n' } else { ' ' });
                    }
                }
                doc
            })
            .collect();
        let items = items(docs);
        assert!(items.shadow().text.len() > 1 << 20, "big enough to split");
        for query in [
            "harbour convoy",
            "strait",
            "strasse",
            "straße tanker",
            "zeppelin",
            "e",
        ] {
            let words = Words::new(query).unwrap();
            assert_eq!(
                search_in(&items, &words),
                reference(&items, query),
                "{query}"
            );
        }
    }

    fn field() -> impl Strategy<Value = String> {
        // Few letters, both cases, letters whose lowercase changes length or is ASCII, and
        // whitespace of several kinds: every word finds something now and then.
        proptest::string::string_regex("[abAB éÉßẞK\u{212a}İi\t\n\u{a0}]{0,24}").unwrap()
    }

    proptest! {
        #[test]
        fn search_is_the_reference(
            docs in proptest::collection::vec(
                [field(), field(), field(), field(), field()], 0..12),
            query in "[abAéÉßẞK\u{212a}İi ]{0,6}",
        ) {
            let items = items(docs);
            let expected = reference(&items, &query);
            let found = Words::new(&query).map_or(Vec::new(), |w| search_in(&items, &w));
            prop_assert_eq!(found, expected);
        }
    }
}
