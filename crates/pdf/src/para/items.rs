//! A paragraph's text as Knuth–Plass items: shaped boxes (one per style, font and syllable),
//! spaces as glue, break and hyphenation opportunities as penalties.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::ParaStyle;
use super::knuth_plass::{INF, Item, Kind};
use crate::blocks::{Style, Target};
use crate::fonts::{FontId, font};
use crate::shape::Shaper;

/// The text range of a space glyph before rebasing: it stands for one space.
pub(super) const SPACE: (u32, u32) = (u32::MAX, u32::MAX);
const HYPHEN_PENALTY: f32 = 50.0;

/// One glyph of a piece, in points; `text` is its range in the paragraph text.
#[derive(Clone, Copy)]
pub(super) struct PieceGlyph {
    pub(super) gid: u16,
    pub(super) advance: f32,
    /// Mark offset.
    pub(super) offset: (f32, f32),
    pub(super) text: (u32, u32),
}

/// The glyphs of one box: one font, one span.
pub(super) struct Piece {
    pub(super) font: FontId,
    pub(super) size: f32,
    pub(super) rise: f32,
    pub(super) span: u32,
    pub(super) glyphs: Vec<PieceGlyph>,
}

/// A stretch of the paragraph text in one style, up to byte `end`.
pub(super) struct Span {
    pub(super) end: usize,
    pub(super) style: Style,
    pub(super) link: Option<Target>,
    pub(super) font: FontId,
    pub(super) size: f32,
    pub(super) rise: f32,
}

pub(super) struct Builder<'a, 's> {
    pub(super) shaper: &'s mut Shaper,
    pub(super) text: &'a str,
    pub(super) spans: &'a [Span],
    pub(super) pieces: Vec<Piece>,
    pub(super) items: Vec<Item>,
    pub(super) ps: &'a ParaStyle,
}

impl Builder<'_, '_> {
    fn span_at(&self, pos: usize) -> u32 {
        self.spans.partition_point(|s| s.end <= pos) as u32
    }

    pub(super) fn build(&mut self) {
        let text = self.text;
        let mut last = 0;
        for (pos, opp) in linebreaks(text) {
            let seg = &text[last..pos];
            let word_end = last + seg.trim_end().len();
            self.word(last, word_end);
            let ws = &text[word_end..pos];
            let forced = ws.contains('\n')
                || (opp == BreakOpportunity::Mandatory && pos < text.len() && !ws.is_empty());
            if forced {
                self.forced_break();
            } else if !ws.is_empty() {
                // No line starts with a note reference: the space before one does not break.
                if pos < text.len() && self.spans[self.span_at(pos) as usize].style.sup {
                    self.items.push(Item {
                        width: 0.0,
                        kind: Kind::Penalty {
                            penalty: INF,
                            flagged: false,
                            hyphen_span: None,
                        },
                    });
                }
                let span = self.span_at(word_end);
                let s = &self.spans[span as usize];
                let w = space_width(s.font) * s.size;
                let (stretch, shrink) = if self.ps.justify {
                    (w / 2.0, w / 3.0)
                } else {
                    (0.0, 0.0)
                };
                self.items.push(Item {
                    width: w,
                    kind: Kind::Glue {
                        stretch,
                        shrink,
                        span,
                        fill: false,
                    },
                });
            } else if pos < text.len() && word_end > last {
                let flagged = text[last..word_end].ends_with(['-', '‐']);
                self.items.push(Item {
                    width: 0.0,
                    kind: Kind::Penalty {
                        penalty: if flagged { HYPHEN_PENALTY } else { 0.0 },
                        flagged,
                        hyphen_span: None,
                    },
                });
            }
            last = pos;
        }
        // Drop trailing spaces and finish with the paragraph's fill.
        while matches!(
            self.items.last(),
            Some(Item {
                kind: Kind::Glue { .. },
                ..
            })
        ) {
            self.items.pop();
        }
        if matches!(
            self.items.last(),
            Some(Item { kind: Kind::Penalty { penalty, .. }, .. }) if *penalty <= -INF
        ) {
            // A hard break at the very end adds nothing.
            self.items.pop();
            self.items.pop();
        }
        self.forced_break();
    }

    /// A forced line break: infinitely stretchable fill glue, then a -inf penalty.
    fn forced_break(&mut self) {
        self.items.push(Item {
            width: 0.0,
            kind: Kind::Glue {
                stretch: INF,
                shrink: 0.0,
                span: 0,
                fill: true,
            },
        });
        self.items.push(Item {
            width: 0.0,
            kind: Kind::Penalty {
                penalty: -INF,
                flagged: false,
                hyphen_span: None,
            },
        });
    }

    /// A word between break opportunities: one piece per style, hyphenation points between
    /// syllables.
    fn word(&mut self, start: usize, end: usize) {
        let mut pos = start;
        while pos < end {
            let span = self.span_at(pos);
            let s = &self.spans[span as usize];
            let part_end = s.end.min(end);
            let part = &self.text[pos..part_end];
            // The letters of the word, without the quotes and punctuation around them, and up
            // to an apostrophe ("Steinmeier’s" hyphenates as "Stein-meier’s").
            let lead = part.len() - part.trim_start_matches(|c: char| !c.is_alphabetic()).len();
            let rest = &part[lead..];
            let core = &rest[..rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())];
            let hyphenate = self.ps.hyphenate
                && !s.style.mono
                && !s.style.sup
                && core.len() <= hypher::MAX_INLINE_SIZE
                && core.chars().count() >= 5
                && core.chars().all(char::is_alphabetic);
            if hyphenate {
                let base = (pos + lead) as u32;
                let cuts: Vec<u32> = self
                    .shaper
                    .hyphenation_points(core)
                    .iter()
                    .map(|c| base + c)
                    .collect();
                self.part(pos, part_end, span, &cuts);
            } else {
                self.part(pos, part_end, span, &[]);
            }
            pos = part_end;
        }
    }

    fn part(&mut self, start: usize, end: usize, span: u32, cuts: &[u32]) {
        let s = &self.spans[span as usize];
        let (font_id, size, rise) = (s.font, s.size, s.rise);
        let segments = self.shaper.shape(font_id, &self.text[start..end]);
        let base = start as u32;
        let mut cuts = cuts.iter().copied().peekable();
        let mut piece = Piece {
            font: font_id,
            size,
            rise,
            span,
            glyphs: Vec::new(),
        };
        for seg in segments.iter() {
            if seg.font != piece.font {
                self.push_piece(&mut piece, seg.font, None);
            }
            let scale = size / font(seg.font).metrics.units_per_em;
            let seg_end = seg.start + seg_len(&segments, seg, end - start);
            let ends = crate::shape::cluster_ends(&seg.glyphs, seg_end);
            let carries = crate::shape::carriers(&seg.glyphs);
            for (i, g) in seg.glyphs.iter().enumerate() {
                let cluster = base + g.cluster;
                // A hyphenation point inside a cluster (a ligature) is no break: the glyph
                // cannot be split.
                let mut at_cut = false;
                // Right-to-left glyphs come in visual order: no hyphenation there.
                while !seg.font.is_rtl()
                    && let Some(&cut) = cuts.peek()
                    && cut <= cluster
                {
                    at_cut |= cut == cluster;
                    cuts.next();
                }
                if at_cut && !piece.glyphs.is_empty() {
                    self.push_piece(&mut piece, seg.font, Some(span));
                }
                let text_end = base + ends[i];
                let range = if !carries[i] {
                    (cluster, cluster)
                } else {
                    (cluster, text_end.max(cluster))
                };
                piece.glyphs.push(PieceGlyph {
                    gid: g.gid,
                    advance: g.advance as f32 * scale,
                    offset: (g.offset.0 as f32 * scale, g.offset.1 as f32 * scale),
                    text: range,
                });
            }
        }
        let font = piece.font;
        self.push_piece(&mut piece, font, None);
    }

    /// Ends the current piece as a box; `hyphen` adds a hyphenation penalty after it.
    fn push_piece(&mut self, piece: &mut Piece, next_font: FontId, hyphen: Option<u32>) {
        if !piece.glyphs.is_empty() {
            let width = piece.glyphs.iter().map(|g| g.advance).sum();
            let done = std::mem::replace(
                piece,
                Piece {
                    font: next_font,
                    size: piece.size,
                    rise: piece.rise,
                    span: piece.span,
                    glyphs: Vec::new(),
                },
            );
            self.pieces.push(done);
            self.items.push(Item {
                width,
                kind: Kind::Box {
                    piece: self.pieces.len() as u32 - 1,
                },
            });
            if let Some(span) = hyphen {
                let s = &self.spans[span as usize];
                let w = hyphen_glyph(s.font).1 * s.size;
                self.items.push(Item {
                    width: w,
                    kind: Kind::Penalty {
                        penalty: HYPHEN_PENALTY,
                        flagged: true,
                        hyphen_span: Some(span),
                    },
                });
            }
        } else {
            piece.font = next_font;
        }
    }
}

/// Length in bytes of a segment's text (up to the next segment or the part's end).
fn seg_len(
    segments: &[crate::shape::Segment],
    seg: &crate::shape::Segment,
    part_len: usize,
) -> u32 {
    let next = segments
        .iter()
        .map(|s| s.start)
        .filter(|&s| s > seg.start)
        .min()
        .unwrap_or(part_len as u32);
    next - seg.start
}

/// The space glyph's advance per point of size.
fn space_width(f: FontId) -> f32 {
    let font = font(f);
    let gid = font.face.glyph_index(' ').map(|g| g.0).unwrap_or(0);
    font.advance(gid) as f32 / font.metrics.units_per_em
}

/// The hyphen glyph and its advance per point of size.
pub(super) fn hyphen_glyph(f: FontId) -> (u16, f32) {
    let font = font(f);
    let gid = font.face.glyph_index('-').map(|g| g.0).unwrap_or(0);
    (gid, font.advance(gid) as f32 / font.metrics.units_per_em)
}
