//! The substring scan that search was before the tantivy index (issue #20), kept here only so
//! that the scale benchmark measures both on the same project in the same run: `memchr`
//! over an ASCII-lowercased shadow of every item's fields, every query word required, no
//! ranking. Copied from `src/search.rs` as it was; `Items` is a minimal stand-in for the
//! project's collection.

#![allow(dead_code)]

use std::ops::Range;
use std::sync::OnceLock;

use dossier::model::{Excerpt, Source};
use memchr::memmem::Finder;
use rayon::prelude::*;

/// The items of one kind, in id order, and their shadow.
pub struct Items<'a, T> {
    items: Vec<&'a T>,
    shadow: OnceLock<Shadow>,
}

impl<'a, T: Searchable> Items<'a, T> {
    pub fn new(items: impl Iterator<Item = &'a T>) -> Self {
        Items {
            items: items.collect(),
            shadow: OnceLock::new(),
        }
    }
    fn values(&self) -> impl Iterator<Item = &'a T> + '_ {
        self.items.iter().copied()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn has_shadow(&self) -> bool {
        self.shadow.get().is_some()
    }
    fn shadow(&self) -> &Shadow {
        self.shadow
            .get_or_init(|| Shadow::build(self.items.iter().copied()))
    }
}

/// Items that contain every word of `query`: excerpts, then sources.
pub fn search<'a>(
    excerpts: &Items<'a, Excerpt>,
    sources: &Items<'a, Source>,
    query: &str,
) -> Vec<Hit> {
    let Some(words) = Words::new(query) else {
        return Vec::new();
    };
    if !excerpts.has_shadow() && !sources.has_shadow() {
        rayon::join(|| excerpts.shadow(), || sources.shadow());
    }
    let mut hits = search_in(excerpts, &words);
    hits.extend(search_in(sources, &words));
    hits
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitKind {
    Source,
    Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: dossier::model::Id,
    pub title: String,
    /// Text around the first match.
    pub snippet: String,
}

/// How many fields an item has at most (a source's five; an excerpt has four).
const FIELDS: usize = 5;

/// What search reads of an item.
pub trait Searchable: Sync {
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
        let meta = |f: &'a Option<dossier::model::Found<String>>| {
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
pub struct Shadow {
    text: Vec<u8>,
    /// Where each item's fields start in `text`.
    starts: Vec<[usize; FIELDS]>,
}

impl Shadow {
    fn build<'a, T: Searchable + 'a>(items: impl ExactSizeIterator<Item = &'a T>) -> Shadow {
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
fn search_in<T: Searchable>(items: &Items<'_, T>, words: &Words) -> Vec<Hit> {
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
