//! Shaping with rustybuzz (kerning, ligatures), with font fallback and a per-document cache.

use std::collections::HashMap;
use std::rc::Rc;

use rustybuzz::{Direction, Script, ShapePlan, UnicodeBuffer};

use crate::fonts::{FontId, font};

/// A shaped glyph in font units; `cluster` is the byte offset of its text in the shaped string.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    pub gid: u16,
    pub advance: i32,
    /// Placement relative to the pen (marks such as Arabic dots and vowels), y up.
    pub offset: (i32, i32),
    pub cluster: u32,
}

/// For each glyph, the end of its text: the next larger cluster, in either direction (a
/// right-to-left run has its clusters descending), else `seg_end`.
pub fn cluster_ends(glyphs: &[Glyph], seg_end: u32) -> Vec<u32> {
    let mut sorted: Vec<u32> = glyphs.iter().map(|g| g.cluster).collect();
    sorted.sort_unstable();
    sorted.dedup();
    glyphs
        .iter()
        .map(|g| {
            let i = sorted.partition_point(|&c| c <= g.cluster);
            sorted.get(i).copied().unwrap_or(seg_end)
        })
        .collect()
}

/// For each glyph, whether it carries its cluster's text: the widest glyph of the cluster
/// (the base letter, not a zero-width mark that other letters share).
pub fn carriers(glyphs: &[Glyph]) -> Vec<bool> {
    let mut out = vec![false; glyphs.len()];
    let mut i = 0;
    while i < glyphs.len() {
        let mut j = i;
        let mut best = i;
        while j < glyphs.len() && glyphs[j].cluster == glyphs[i].cluster {
            if glyphs[j].advance > glyphs[best].advance {
                best = j;
            }
            j += 1;
        }
        out[best] = true;
        i = j;
    }
    out
}

/// A stretch of text in one font.
#[derive(Debug, Clone)]
pub struct Segment {
    pub font: FontId,
    /// Byte offset of the segment in the shaped text.
    pub start: u32,
    pub glyphs: Vec<Glyph>,
}

/// Shape plans are costly to build; one per font, direction and script is kept.
type PlanKey = (FontId, Direction, Option<Script>);

#[derive(Default)]
pub struct Shaper {
    /// One map per font, so that lookups borrow the text instead of allocating a key.
    cache: [HashMap<Box<str>, Rc<[Segment]>>; crate::fonts::COUNT],
    plans: Vec<(PlanKey, ShapePlan)>,
    buffer: Option<UnicodeBuffer>,
    /// Hyphenation points (byte offsets) of the words seen so far.
    hyphens: HashMap<Box<str>, Rc<[u32]>>,
}

impl Shaper {
    /// `text` shaped in `primary`, with characters it lacks taken from its fallbacks.
    pub fn shape(&mut self, primary: FontId, text: &str) -> Rc<[Segment]> {
        if let Some(hit) = self.cache[primary.index()].get(text) {
            return hit.clone();
        }
        let mut segments = Vec::new();
        let mut start = 0;
        let mut current = None;
        for (i, c) in text.char_indices() {
            let f = pick_font(primary, c);
            match current {
                None => current = Some(f),
                Some(cur) if cur != f => {
                    segments.push(self.shape_one(cur, text, start, i));
                    start = i;
                    current = Some(f);
                }
                Some(_) => {}
            }
        }
        if let Some(cur) = current {
            segments.push(self.shape_one(cur, text, start, text.len()));
        }
        let segments: Rc<[Segment]> = segments.into();
        self.cache[primary.index()].insert(text.into(), segments.clone());
        segments
    }

    /// Byte offsets inside `word` where English hyphenation allows a break.
    pub fn hyphenation_points(&mut self, word: &str) -> Rc<[u32]> {
        if let Some(hit) = self.hyphens.get(word) {
            return hit.clone();
        }
        let mut at = 0;
        let mut cuts = Vec::new();
        for syl in hypher::hyphenate(word, hypher::Lang::English) {
            at += syl.len();
            if at < word.len() {
                cuts.push(at as u32);
            }
        }
        let cuts: Rc<[u32]> = cuts.into();
        self.hyphens.insert(word.into(), cuts.clone());
        cuts
    }

    fn shape_one(&mut self, id: FontId, text: &str, start: usize, end: usize) -> Segment {
        let face = &font(id).face;
        let mut buf = self.buffer.take().unwrap_or_default();
        buf.push_str(&text[start..end]);
        buf.guess_segment_properties();
        let key = (id, buf.direction(), Some(buf.script()));
        let plan = match self.plans.iter().position(|(k, _)| *k == key) {
            Some(i) => &self.plans[i].1,
            None => {
                let plan = ShapePlan::new(face, key.1, key.2, None, &[]);
                self.plans.push((key, plan));
                &self.plans[self.plans.len() - 1].1
            }
        };
        let out = rustybuzz::shape_with_plan(face, plan, buf);
        let glyphs: Vec<Glyph> = out
            .glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(info, pos)| Glyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance,
                offset: (pos.x_offset, pos.y_offset),
                cluster: info.cluster + start as u32,
            })
            .collect();
        self.buffer = Some(out.clear());
        Segment {
            font: id,
            start: start as u32,
            glyphs,
        }
    }
}

fn pick_font(primary: FontId, c: char) -> FontId {
    if c.is_ascii() || c.is_whitespace() || font(primary).has_char(c) {
        return primary;
    }
    primary
        .fallbacks()
        .iter()
        .copied()
        .find(|f| font(*f).has_char(c))
        .unwrap_or(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_kerning_come_from_the_font() {
        let mut s = Shaper::default();
        let fi = s.shape(FontId::SerifRegular, "fi");
        assert_eq!(fi.len(), 1);
        assert_eq!(fi[0].glyphs.len(), 1, "fi is one ligature glyph");
        let av = s.shape(FontId::SerifRegular, "AV");
        let a = s.shape(FontId::SerifRegular, "A");
        let v = s.shape(FontId::SerifRegular, "V");
        let sum = a[0].glyphs[0].advance + v[0].glyphs[0].advance;
        let kerned: i32 = av[0].glyphs.iter().map(|g| g.advance).sum();
        assert!(kerned < sum, "AV is kerned: {kerned} < {sum}");
    }

    #[test]
    fn clusters_are_byte_offsets_into_the_text() {
        let mut s = Shaper::default();
        let seg = s.shape(FontId::SerifRegular, "a’b");
        let clusters: Vec<u32> = seg[0].glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, [0, 1, 4]);
    }
}
