//! Paragraphs: styled inline text → shaped boxes, glue and penalties → lines.
//!
//! Break opportunities come from Unicode line breaking (UAX #14), hyphenation points from
//! `hypher`; the breaks are chosen by Knuth and Plass's optimal-fit algorithm, which minimises
//! the squared badness of all lines of the paragraph together. Ragged text uses the same
//! algorithm with a stretchable right margin instead of stretchable spaces, which evens the
//! rag. Justification changes the advance of the space glyphs only (glyph offsets, no `Tw`).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::blocks::{Inline, Style, Target};
use crate::fonts::{Family, FontId, font};
use crate::frame::{Color, GlyphRun, PlacedGlyph};
use crate::shape::Shaper;

#[derive(Debug, Clone, Copy)]
pub struct ParaStyle {
    pub family: Family,
    pub size: f32,
    pub justify: bool,
    pub hyphenate: bool,
    pub bold: bool,
}

/// One line of a paragraph; runs have their baseline at y = 0 and x from the line's start.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub runs: Vec<GlyphRun>,
    /// x range and target of each link on the line.
    pub links: Vec<(f32, f32, Target)>,
    /// Struck-through x ranges with the font size there.
    pub strikes: Vec<(f32, f32, f32)>,
    /// Note numbers whose reference stands on this line.
    pub anchors: Vec<usize>,
    pub width: f32,
}

/// Glyph id, advance and mark offset in points, text range in the paragraph text.
type PieceGlyph = (u16, f32, (f32, f32), (u32, u32));

struct Piece {
    font: FontId,
    size: f32,
    rise: f32,
    span: u32,
    glyphs: Vec<PieceGlyph>,
}

#[derive(Clone, Copy)]
enum Kind {
    Box {
        piece: u32,
    },
    /// A space: `font`/`size` give the glyph drawn for it; `fill` is the paragraph's end.
    Glue {
        stretch: f32,
        shrink: f32,
        span: u32,
        fill: bool,
    },
    Penalty {
        penalty: f32,
        flagged: bool,
        hyphen_span: Option<u32>,
    },
}

#[derive(Clone, Copy)]
struct Item {
    width: f32,
    kind: Kind,
}

struct Span {
    end: usize,
    style: Style,
    link: Option<Target>,
    font: FontId,
    size: f32,
    rise: f32,
}

const INF: f32 = 10_000.0;
/// The text range of a space glyph before rebasing: it stands for one space.
const SPACE: (u32, u32) = (u32::MAX, u32::MAX);
const HYPHEN_PENALTY: f32 = 50.0;
const DOUBLE_HYPHEN_DEMERITS: f32 = 3000.0;
const FITNESS_DEMERITS: f32 = 3000.0;

pub fn font_for(style: &Style, base: &ParaStyle) -> FontId {
    if style.mono {
        FontId::Mono
    } else {
        base.family.font(style.bold || base.bold, style.italic)
    }
}

/// Lays out `inlines` in lines of `width` points.
pub fn layout(shaper: &mut Shaper, inlines: &[Inline], ps: &ParaStyle, width: f32) -> Vec<Line> {
    let mut text = String::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let base_span = |style: Style, link: Option<Target>, end: usize| {
        let f = font_for(&style, ps);
        let (size, rise) = if style.sup {
            (ps.size * 0.68, ps.size * 0.36)
        } else if style.mono {
            (ps.size * 0.9, 0.0)
        } else {
            (ps.size, 0.0)
        };
        Span {
            end,
            style,
            link,
            font: f,
            size,
            rise,
        }
    };
    for inline in inlines {
        match inline {
            Inline::Text {
                text: t,
                style,
                link,
            } => {
                // Control characters have no glyphs; tabs and newlines are spaces here.
                text.extend(t.chars().map(|c| if c.is_control() { ' ' } else { c }));
                spans.push(base_span(*style, link.clone(), text.len()));
            }
            Inline::Break => {
                text.push('\n');
                spans.push(base_span(Style::default(), None, text.len()));
            }
            Inline::Anchor(n) => anchors.push((text.len(), *n)),
        }
    }
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut b = Builder {
        shaper,
        text: &text,
        spans: &spans,
        pieces: Vec::new(),
        items: Vec::new(),
        ps,
    };
    b.build();
    let Builder { pieces, items, .. } = b;
    let (extra_stretch, tolerance) = if ps.justify { (0.0, 1.5) } else { (width, INF) };
    let breaks = knuth_plass(&items, width, extra_stretch, tolerance)
        .or_else(|| knuth_plass(&items, width, extra_stretch, INF))
        .unwrap_or_else(|| vec![items.len() - 1]);
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for &b in &breaks {
        let first = skip_discardable(&items, start);
        let line = build_line(&items[first..=b], &pieces, &spans, ps, width);
        lines.push(line);
        start = b + 1;
    }
    // Anchors go on the line holding the text that follows them.
    let mut line_ends: Vec<u32> = Vec::new();
    for line in &lines {
        let end = line
            .runs
            .iter()
            .flat_map(|r| r.glyphs.iter())
            .map(|g| g.text.1)
            .max()
            .unwrap_or(0);
        line_ends.push(end);
    }
    for (pos, n) in anchors {
        let i = line_ends
            .iter()
            .position(|&e| e as usize > pos)
            .unwrap_or(lines.len() - 1);
        lines[i].anchors.push(n);
    }
    // Run texts were built as paragraph offsets; rebase them onto each run's own text.
    for line in &mut lines {
        for run in &mut line.runs {
            rebase(run, &text);
        }
    }
    lines
}

fn rebase(run: &mut GlyphRun, text: &str) {
    let mut own = String::new();
    for g in &mut run.glyphs {
        let (s, e) = g.text;
        if g.text == SPACE {
            let start = own.len() as u32;
            own.push(' ');
            g.text = (start, start + 1);
            continue;
        }
        if g.inserted || s == e {
            g.text = (own.len() as u32, own.len() as u32);
            continue;
        }
        let start = own.len() as u32;
        own.push_str(&text[s as usize..e as usize]);
        g.text = (start, own.len() as u32);
    }
    run.text = own;
}

struct Builder<'a, 's> {
    shaper: &'s mut Shaper,
    text: &'a str,
    spans: &'a [Span],
    pieces: Vec<Piece>,
    items: Vec<Item>,
    ps: &'a ParaStyle,
}

impl Builder<'_, '_> {
    fn span_at(&self, pos: usize) -> u32 {
        self.spans.partition_point(|s| s.end <= pos) as u32
    }

    fn build(&mut self) {
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
                piece.glyphs.push((
                    g.gid,
                    g.advance as f32 * scale,
                    (g.offset.0 as f32 * scale, g.offset.1 as f32 * scale),
                    range,
                ));
            }
        }
        let font = piece.font;
        self.push_piece(&mut piece, font, None);
    }

    /// Ends the current piece as a box; `hyphen` adds a hyphenation penalty after it.
    fn push_piece(&mut self, piece: &mut Piece, next_font: FontId, hyphen: Option<u32>) {
        if !piece.glyphs.is_empty() {
            let width = piece.glyphs.iter().map(|g| g.1).sum();
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
fn hyphen_glyph(f: FontId) -> (u16, f32) {
    let font = font(f);
    let gid = font.face.glyph_index('-').map(|g| g.0).unwrap_or(0);
    (gid, font.advance(gid) as f32 / font.metrics.units_per_em)
}

fn skip_discardable(items: &[Item], mut i: usize) -> usize {
    while i < items.len() {
        match items[i].kind {
            Kind::Box { .. } => break,
            Kind::Penalty { penalty, .. } if penalty <= -INF => break,
            Kind::Glue { fill: true, .. } if i + 1 < items.len() => {
                // The fill of a hard break belongs to the line it ends.
                break;
            }
            _ => i += 1,
        }
    }
    i
}

#[derive(Clone, Copy)]
struct Node {
    /// Item index of the break (usize::MAX for the paragraph start).
    at: usize,
    line: usize,
    fitness: u8,
    demerits: f32,
    flagged: bool,
    prev: Option<usize>,
}

/// Optimal-fit breaks: item indices of the chosen breakpoints, the last one the paragraph end.
fn knuth_plass(
    items: &[Item],
    width: f32,
    extra_stretch: f32,
    tolerance: f32,
) -> Option<Vec<usize>> {
    let n = items.len();
    let (mut w, mut y, mut z) = (vec![0f32; n + 1], vec![0f32; n + 1], vec![0f32; n + 1]);
    for (i, it) in items.iter().enumerate() {
        let (dw, dy, dz) = match it.kind {
            Kind::Box { .. } => (it.width, 0.0, 0.0),
            Kind::Glue {
                stretch, shrink, ..
            } => (it.width, stretch, shrink),
            Kind::Penalty { .. } => (0.0, 0.0, 0.0),
        };
        w[i + 1] = w[i] + dw;
        y[i + 1] = y[i] + dy;
        z[i + 1] = z[i] + dz;
    }
    let mut nodes = vec![Node {
        at: usize::MAX,
        line: 0,
        fitness: 1,
        demerits: 0.0,
        flagged: false,
        prev: None,
    }];
    let mut active: Vec<usize> = vec![0];
    for b in 0..n {
        let (legal, penalty, flagged, pw) = match items[b].kind {
            Kind::Glue { .. } => (
                b > 0 && matches!(items[b - 1].kind, Kind::Box { .. }),
                0.0,
                false,
                0.0,
            ),
            Kind::Penalty {
                penalty, flagged, ..
            } => (penalty < INF, penalty, flagged, items[b].width),
            Kind::Box { .. } => (false, 0.0, false, 0.0),
        };
        if !legal {
            continue;
        }
        let forced = penalty <= -INF;
        let mut best: [Option<(f32, usize)>; 4] = [None; 4];
        let mut deactivated: Vec<usize> = Vec::new();
        active.retain(|&a| {
            let node = nodes[a];
            let s = if node.at == usize::MAX {
                0
            } else {
                skip_discardable(items, node.at + 1)
            };
            if s > b {
                return true;
            }
            let len = w[b] - w[s] + pw;
            let r = if len < width {
                let st = y[b] - y[s] + extra_stretch;
                if st > 0.0 { (width - len) / st } else { INF }
            } else if len > width {
                let sh = z[b] - z[s];
                if sh > 0.0 { (width - len) / sh } else { -INF }
            } else {
                0.0
            };
            let keep = r >= -1.0 && !forced;
            if r < -1.0 {
                deactivated.push(a);
            }
            if r >= -1.0 && r <= tolerance {
                let badness = 100.0 * r.abs().powi(3);
                let mut d = if penalty >= 0.0 {
                    (1.0 + badness).powi(2) + penalty * penalty
                } else if penalty > -INF {
                    (1.0 + badness).powi(2) - penalty * penalty
                } else {
                    (1.0 + badness).powi(2)
                };
                if flagged && node.flagged {
                    d += DOUBLE_HYPHEN_DEMERITS;
                }
                let fitness = if r < -0.5 {
                    0
                } else if r <= 0.5 {
                    1
                } else if r <= 1.0 {
                    2
                } else {
                    3
                };
                if (fitness as i32 - node.fitness as i32).abs() > 1 {
                    d += FITNESS_DEMERITS;
                }
                let total = node.demerits + d;
                let slot = &mut best[fitness as usize];
                if slot.is_none_or(|(t, _)| total < t) {
                    *slot = Some((total, a));
                }
            }
            keep
        });
        let mut added = false;
        for (fitness, slot) in best.iter().enumerate() {
            if let Some((total, a)) = slot {
                nodes.push(Node {
                    at: b,
                    line: nodes[*a].line + 1,
                    fitness: fitness as u8,
                    demerits: *total,
                    flagged,
                    prev: Some(*a),
                });
                active.push(nodes.len() - 1);
                added = true;
            }
        }
        if !added && active.is_empty() {
            // Nothing fits: take an overfull line from the best node rather than fail.
            let a = deactivated
                .into_iter()
                .min_by(|x, y| nodes[*x].demerits.total_cmp(&nodes[*y].demerits))?;
            if tolerance < INF {
                return None;
            }
            nodes.push(Node {
                at: b,
                line: nodes[a].line + 1,
                fitness: 1,
                demerits: nodes[a].demerits + 1e8,
                flagged,
                prev: Some(a),
            });
            active.push(nodes.len() - 1);
        }
        if active.is_empty() {
            return None;
        }
    }
    let end = *active
        .iter()
        .filter(|&&a| nodes[a].at == n - 1)
        .min_by(|x, y| nodes[**x].demerits.total_cmp(&nodes[**y].demerits))?;
    let mut breaks = Vec::new();
    let mut cur = Some(end);
    while let Some(c) = cur {
        if nodes[c].at != usize::MAX {
            breaks.push(nodes[c].at);
        }
        cur = nodes[c].prev;
    }
    breaks.reverse();
    Some(breaks)
}

/// Positions a line's items: spaces take up the line's stretch or shrink when justified.
fn build_line(
    items: &[Item],
    pieces: &[Piece],
    spans: &[Span],
    ps: &ParaStyle,
    width: f32,
) -> Line {
    let last = items.len() - 1;
    let mut natural = 0.0;
    let (mut stretch, mut shrink) = (0.0, 0.0);
    for (i, it) in items.iter().enumerate() {
        match it.kind {
            Kind::Box { .. } => natural += it.width,
            Kind::Glue {
                stretch: st,
                shrink: sh,
                ..
            } if i < last => {
                natural += it.width;
                stretch += st;
                shrink += sh;
            }
            Kind::Penalty { .. } if i == last => natural += it.width,
            _ => {}
        }
    }
    let r = if !ps.justify {
        0.0
    } else if natural < width && stretch > 0.0 {
        ((width - natural) / stretch).min(INF)
    } else if natural > width && shrink > 0.0 {
        ((width - natural) / shrink).max(-1.0)
    } else {
        0.0
    };
    let mut line = Line::default();
    let mut x = 0.0;
    let mut current: Option<(u32, GlyphRun)> = None;
    let mut push = |line: &mut Line,
                    span: u32,
                    font: FontId,
                    size: f32,
                    rise: f32,
                    x: f32,
                    g: PlacedGlyph| {
        let same = matches!(&current, Some((s, run)) if run.font == font && run.size == size && -run.y == rise
            && spans[*s as usize].link == spans[span as usize].link
            && spans[*s as usize].style.strike == spans[span as usize].style.strike);
        if !same {
            if let Some((s, run)) = current.take() {
                finish_run(line, &spans[s as usize], run);
            }
            let color = if spans[span as usize].link.is_some() {
                Color::Link
            } else {
                Color::Black
            };
            current = Some((
                span,
                GlyphRun {
                    font,
                    size,
                    x,
                    y: -rise,
                    color,
                    text: String::new(),
                    glyphs: Vec::new(),
                },
            ));
        }
        if let Some((_, run)) = &mut current {
            run.glyphs.push(g);
        }
    };
    for i in visual_order(items, pieces) {
        let it = &items[i];
        match it.kind {
            Kind::Box { piece } => {
                let p = &pieces[piece as usize];
                for &(gid, adv, offset, range) in &p.glyphs {
                    push(
                        &mut line,
                        p.span,
                        p.font,
                        p.size,
                        p.rise,
                        x,
                        PlacedGlyph {
                            gid,
                            advance: adv,
                            offset,
                            text: range,
                            inserted: false,
                        },
                    );
                    x += adv;
                }
            }
            Kind::Glue {
                stretch: st,
                shrink: sh,
                span,
                fill,
            } if i < last && !fill => {
                let adv = it.width + if r >= 0.0 { r * st } else { r * sh };
                let s = &spans[span as usize];
                let gid = font(s.font).face.glyph_index(' ').map(|g| g.0).unwrap_or(0);
                push(
                    &mut line,
                    span,
                    s.font,
                    s.size,
                    s.rise,
                    x,
                    PlacedGlyph {
                        gid,
                        advance: adv,
                        offset: (0.0, 0.0),
                        text: SPACE,
                        inserted: false,
                    },
                );
                x += adv;
            }
            Kind::Penalty {
                hyphen_span: Some(span),
                ..
            } if i == last => {
                let s = &spans[span as usize];
                let (gid, w) = hyphen_glyph(s.font);
                push(
                    &mut line,
                    span,
                    s.font,
                    s.size,
                    s.rise,
                    x,
                    PlacedGlyph {
                        gid,
                        advance: w * s.size,
                        offset: (0.0, 0.0),
                        text: (0, 0),
                        inserted: true,
                    },
                );
                x += w * s.size;
            }
            _ => {}
        }
    }
    if let Some((s, run)) = current.take() {
        finish_run(&mut line, &spans[s as usize], run);
    }
    line.width = x;
    line
}

/// The order to place a line's items in: logical order, except that a stretch of
/// right-to-left words (with the spaces between them) is reversed. Enough for names in Arabic
/// script inside left-to-right text; not a full bidi algorithm.
fn visual_order(items: &[Item], pieces: &[Piece]) -> Vec<usize> {
    let rtl = |i: usize| matches!(items[i].kind, Kind::Box { piece } if pieces[piece as usize].font.is_rtl());
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut i = 0;
    while i < items.len() {
        if !rtl(i) {
            i += 1;
            continue;
        }
        // Extend over right-to-left boxes and the spaces between two of them.
        let mut j = i;
        let mut k = i + 1;
        while k < items.len() {
            if rtl(k) {
                j = k;
            } else if !matches!(items[k].kind, Kind::Glue { fill: false, .. }) {
                break;
            }
            k += 1;
        }
        order[i..=j].reverse();
        i = j + 1;
    }
    order
}

fn finish_run(line: &mut Line, span: &Span, run: GlyphRun) {
    let w: f32 = run.glyphs.iter().map(|g| g.advance).sum();
    if let Some(t) = &span.link {
        match line.links.last_mut() {
            Some((_, x1, lt)) if lt == t && (*x1 - run.x).abs() < 0.01 => *x1 = run.x + w,
            _ => line.links.push((run.x, run.x + w, t.clone())),
        }
    }
    if span.style.strike {
        line.strikes.push((run.x, run.x + w, run.size));
    }
    line.runs.push(run);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, width: f32, justify: bool) -> Vec<Line> {
        let inlines = vec![Inline::Text {
            text: text.into(),
            style: Style::default(),
            link: None,
        }];
        let ps = ParaStyle {
            family: Family::Serif,
            size: 10.0,
            justify,
            hyphenate: justify,
            bold: false,
        };
        layout(&mut Shaper::default(), &inlines, &ps, width)
    }

    fn line_texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect()
    }

    const TEXT: &str = "Officials affirmed that the conflict over fluid timelines was difficult yet \
        fixable; diplomats offered specific assurances, while sceptics flagged inefficient \
        verification and financial risk. Negotiators awaited Tuesday’s draft — toward a \
        workable, effective compromise.";

    #[test]
    fn justified_lines_fill_the_measure_except_the_last() {
        let lines = para(TEXT, 200.0, true);
        assert!(lines.len() > 3);
        for l in &lines[..lines.len() - 1] {
            assert!((l.width - 200.0).abs() < 0.05, "width {}", l.width);
        }
        assert!(lines.last().unwrap().width < 200.0);
    }

    #[test]
    fn every_character_survives_line_breaking() {
        for justify in [true, false] {
            let lines = para(TEXT, 150.0, justify);
            let joined: String = line_texts(&lines).concat();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(strip(&joined), strip(TEXT), "justify={justify}");
        }
    }

    #[test]
    fn ragged_lines_never_exceed_the_measure() {
        for l in para(TEXT, 150.0, false) {
            assert!(l.width <= 150.01, "{}", l.width);
        }
    }

    #[test]
    fn hyphens_are_inserted_glyphs_without_text() {
        let lines = para(TEXT, 90.0, true);
        let inserted: Vec<_> = lines
            .iter()
            .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter()))
            .filter(|g| g.inserted)
            .collect();
        assert!(!inserted.is_empty(), "a narrow measure needs hyphens");
        assert!(inserted.iter().all(|g| g.text.0 == g.text.1));
    }

    #[test]
    fn hyphenation_never_splits_a_ligature() {
        let inlines = vec![Inline::Text {
            text: "affirmed affirmed affirmed".into(),
            style: Style::default(),
            link: None,
        }];
        let ps = ParaStyle {
            family: Family::Serif,
            size: 10.0,
            justify: true,
            hyphenate: true,
            bold: false,
        };
        for width in [20.0, 25.0, 30.0, 35.0] {
            let lines = layout(&mut Shaper::default(), &inlines, &ps, width);
            for l in &lines {
                let t: String = l.runs.iter().map(|r| r.text.as_str()).collect();
                assert!(
                    !t.trim().ends_with("affi") && !t.starts_with("rmed"),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn a_note_reference_never_starts_a_line() {
        let sup = Style {
            sup: true,
            ..Style::default()
        };
        let mut inlines = Vec::new();
        for _ in 0..30 {
            inlines.push(Inline::Text {
                text: "word in 2023 ".into(),
                style: Style::default(),
                link: None,
            });
            inlines.push(Inline::Text {
                text: "16".into(),
                style: sup,
                link: None,
            });
            inlines.push(Inline::Text {
                text: " ".into(),
                style: Style::default(),
                link: None,
            });
        }
        let ps = ParaStyle {
            family: Family::Serif,
            size: 10.0,
            justify: true,
            hyphenate: true,
            bold: false,
        };
        for width in [80.0, 100.0, 130.0] {
            for l in layout(&mut Shaper::default(), &inlines, &ps, width) {
                let first = l.runs.first().map(|r| r.text.trim_start()).unwrap_or("");
                assert!(!first.starts_with("16"), "{first:?}");
            }
        }
    }

    #[test]
    fn arabic_words_are_shaped_and_set_right_to_left() {
        // "Mohammad Javad Zarif" in Arabic script inside English text.
        let lines = para("Foreign minister محمد جواد ظريف said so.", 400.0, false);
        let runs = &lines[0].runs;
        let arabic: Vec<&GlyphRun> = runs.iter().filter(|r| r.font == FontId::Arabic).collect();
        assert!(!arabic.is_empty(), "the Arabic fallback font is used");
        // Glyph positions by the letter they show; ح, ج and ظ occur once each, in the first,
        // second and third word: reading right to left, the first word stands rightmost.
        let mut xs: Vec<(f32, String)> = Vec::new();
        for r in &arabic {
            let mut x = r.x;
            for g in &r.glyphs {
                xs.push((x, r.text[g.text.0 as usize..g.text.1 as usize].to_string()));
                x += g.advance;
            }
        }
        let x_of = |c: char| {
            xs.iter()
                .find(|(_, t)| t.contains(c))
                .map(|(x, _)| *x)
                .unwrap()
        };
        assert!(x_of('ح') > x_of('ج') && x_of('ج') > x_of('ظ'), "{xs:?}");
        // Every letter keeps its text.
        let shown: String = xs.iter().map(|(_, t)| t.as_str()).collect();
        for c in "محمدجوادظريف".chars() {
            assert!(shown.contains(c), "{c} missing from {shown:?}");
        }
    }

    #[test]
    fn an_overlong_word_overflows_instead_of_failing() {
        let lines = para(
            "Supercalifragilisticexpialidociousnessandmore x",
            20.0,
            true,
        );
        assert!(!lines.is_empty());
    }

    #[test]
    fn hard_breaks_end_lines() {
        let inlines = vec![
            Inline::Text {
                text: "one".into(),
                style: Style::default(),
                link: None,
            },
            Inline::Break,
            Inline::Text {
                text: "two".into(),
                style: Style::default(),
                link: None,
            },
        ];
        let ps = ParaStyle {
            family: Family::Serif,
            size: 10.0,
            justify: true,
            hyphenate: true,
            bold: false,
        };
        let lines = layout(&mut Shaper::default(), &inlines, &ps, 300.0);
        assert_eq!(line_texts(&lines), ["one", "two"]);
    }
}
