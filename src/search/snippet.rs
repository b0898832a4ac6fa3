//! The snippet of a hit: the field that matches best, the passage of it around the best
//! cluster of matches, the matched words highlighted, and where the match is in the field.
//!
//! The field's text is read through the same analyzer as the index, so a word matched by its
//! stem ("evacuating" for "evacuate"), folded ("Soleimani" for "soleimani") or a name one edit
//! away is marked exactly where the index found it.

use serde::Serialize;

use super::analyzer::{self, Term};
use super::plan::Matcher;

/// Bytes of text a snippet shows, about.
const WIDTH: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The field the snippet is from (`title`, `text`, `quote` …).
    pub field: &'static str,
    /// The passage, on one line (runs of white space as one space), "…" where it is cut.
    pub text: String,
    /// The matched words: byte ranges in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// The best match: a byte range in the field's own text (a source's `text` is its cleaned
    /// text, where a reader can jump to it).
    pub range: [usize; 2],
}

/// A matched word: its bytes in the field and how strongly it matched (a phrase's words 3, an
/// exact word 2, a name one or two edits away 1), and which matcher.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    weight: u32,
    matcher: usize,
}

/// The snippet of the best of `fields` (name, text, boost) for `matchers`. With no match in any
/// field (a query of filters only), the start of the first field that is not empty.
pub fn best(fields: &[(&'static str, &str, f32)], matchers: &[Matcher]) -> Snippet {
    let mut best: Option<(f32, usize, Vec<Mark>)> = None;
    for (i, (name, text, boost)) in fields.iter().enumerate() {
        if text.is_empty() || !matchers.iter().any(|m| m.applies_to(name)) {
            continue;
        }
        let marks = marks(&analyzer::terms(text), name, matchers);
        let score = score(&marks) as f32 * boost;
        if score > 0.0 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, i, marks));
        }
    }
    match best {
        Some((_, i, marks)) => around(fields[i].0, fields[i].1, &marks),
        None => {
            let (name, text, _) = fields
                .iter()
                .find(|(_, t, _)| !t.is_empty())
                .copied()
                .unwrap_or(("", "", 1.0));
            around(name, text, &[])
        }
    }
}

/// The sum, over the matchers that match, of their strongest mark.
fn score(marks: &[Mark]) -> u32 {
    let mut best: Vec<(usize, u32)> = Vec::new();
    for m in marks {
        match best.iter_mut().find(|(k, _)| *k == m.matcher) {
            Some((_, w)) => *w = (*w).max(m.weight),
            None => best.push((m.matcher, m.weight)),
        }
    }
    best.iter().map(|(_, w)| w).sum()
}

fn marks(terms: &[Term], field: &str, matchers: &[Matcher]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (k, m) in matchers.iter().enumerate() {
        if !m.applies_to(field) {
            continue;
        }
        match m {
            Matcher::Term { term, fuzzy, .. } => {
                for t in terms {
                    let weight = if t.text == *term {
                        2
                    } else if *fuzzy > 0 && within(&t.text, term, *fuzzy) {
                        1
                    } else {
                        continue;
                    };
                    out.push(Mark {
                        start: t.start,
                        end: t.end,
                        weight,
                        matcher: k,
                    });
                }
            }
            Matcher::Phrase { terms: words, .. } => {
                if words.is_empty() {
                    continue;
                }
                for w in terms.windows(words.len()) {
                    if w.iter().zip(words).all(|(t, p)| t.text == *p) {
                        out.extend(w.iter().map(|t| Mark {
                            start: t.start,
                            end: t.end,
                            weight: 3,
                            matcher: k,
                        }));
                    }
                }
            }
        }
    }
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.weight)));
    out.dedup_by_key(|m| m.start);
    out
}

/// Whether `a` is at most `max` edits from `b` (insertions, deletions, substitutions and
/// swaps of two neighbours, as tantivy's fuzzy query counts them).
pub fn within(a: &str, b: &str, max: u8) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Optimal string alignment distance, three rows.
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(prev2[j - 2] + 1);
            }
        }
        if row.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()] <= max
}

/// The shortest run of `marks` that has every matcher the whole run has, the strongest way.
fn tightest(marks: &[Mark]) -> &[Mark] {
    let whole = score(marks);
    let mut best = marks;
    for i in 0..marks.len() {
        for j in i + 1..=marks.len() {
            let run = &marks[i..j];
            if score(run) == whole
                && run[run.len() - 1].end - run[0].start < best[best.len() - 1].end - best[0].start
            {
                best = run;
            }
        }
    }
    best
}

/// The passage of `text` around the best cluster of `marks`.
fn around(field: &'static str, text: &str, marks: &[Mark]) -> Snippet {
    // The cluster: the marks within WIDTH / 2 bytes of a first one, the one whose matchers
    // and weights add up most.
    // A word rare in the field says more than one found all over it ("Quds force": the one
    // "Quds" rather than the first of many "forces"), so each matcher counts by its rarity.
    let mut count: Vec<(usize, u32)> = Vec::new();
    for m in marks {
        match count.iter_mut().find(|(k, _)| *k == m.matcher) {
            Some((_, n)) => *n += 1,
            None => count.push((m.matcher, 1)),
        }
    }
    let rarity = |k: usize| 1000 / count.iter().find(|(c, _)| *c == k).map_or(1, |c| c.1);
    let mut cluster = (0, 0);
    let mut cluster_score = 0;
    for (i, m) in marks.iter().enumerate() {
        let n = marks[i..]
            .iter()
            .take_while(|o| o.end <= m.start + WIDTH / 2)
            .count();
        let run = &marks[i..i + n];
        let mut matchers: Vec<(usize, u32)> = Vec::new();
        for m in run {
            match matchers.iter_mut().find(|(k, _)| *k == m.matcher) {
                Some((_, w)) => *w = (*w).max(m.weight),
                None => matchers.push((m.matcher, m.weight)),
            }
        }
        let s = matchers.iter().map(|&(k, w)| w * rarity(k)).sum::<u32>()
            + run.iter().map(|m| m.weight).sum::<u32>();
        if s > cluster_score {
            (cluster, cluster_score) = ((i, i + n), s);
        }
    }
    let chosen = tightest(&marks[cluster.0..cluster.1]);
    let range = match (chosen.first(), chosen.last()) {
        (Some(a), Some(b)) => [a.start, b.end],
        _ => [0, 0],
    };
    let pad = WIDTH.saturating_sub(range[1] - range[0]) / 2;
    let mut start = floor_char(text, range[0].saturating_sub(pad));
    let mut end = floor_char(
        text,
        (range[1] + pad).max(WIDTH.min(text.len())).min(text.len()),
    );
    if end < text.len() {
        end = ceil_char(text, end);
    }
    // Whole words: start after a space, end before one, when one is near.
    if start > 0
        && let Some(sp) = text[start..range[0]].find(char::is_whitespace)
    {
        start += sp;
    }
    if end < text.len()
        && let Some(sp) = text[range[1]..end].rfind(char::is_whitespace)
    {
        end = range[1] + sp;
    }
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let mut highlights = Vec::new();
    let mut open: Option<usize> = None;
    let mut pending_space = false;
    let mut next = 0;
    let bounds: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start, m.end))
        .collect();
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if let (Some(from), Some(&(_, e))) = (open, bounds.get(next))
            && at >= e
        {
            highlights.push([from, out.len()]);
            open = None;
            next += 1;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with('…') {
            out.push(' ');
        }
        pending_space = false;
        while open.is_none() && bounds.get(next).is_some_and(|&(s, _)| s < at) {
            next += 1;
        }
        if open.is_none() && bounds.get(next).is_some_and(|&(s, _)| s == at) {
            open = Some(out.len());
        }
        out.push(c);
    }
    if let Some(from) = open {
        highlights.push([from, out.len()]);
    }
    if end < text.len() {
        out.push('…');
    }
    Snippet {
        field,
        text: out,
        highlights,
        range,
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
#[path = "snippet_tests.rs"]
mod tests;
