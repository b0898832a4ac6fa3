//! One broken line's items placed as glyph runs: spaces justified, an inserted hyphen drawn,
//! right-to-left words reversed, link and strike-through ranges measured.

use super::items::{Piece, SPACE, Span, hyphen_glyph};
use super::knuth_plass::{INF, Item, Kind};
use super::{Line, LinkSpan, ParaStyle, Strike};
use crate::fonts::{FontId, font};
use crate::frame::{Color, GlyphRun, PlacedGlyph};

/// Positions a line's items: spaces take up the line's stretch or shrink when justified.
pub(super) fn build_line(
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
                for g in &p.glyphs {
                    push(
                        &mut line,
                        p.span,
                        p.font,
                        p.size,
                        p.rise,
                        x,
                        PlacedGlyph {
                            gid: g.gid,
                            advance: g.advance,
                            offset: g.offset,
                            text: g.text,
                            inserted: false,
                        },
                    );
                    x += g.advance;
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
            // A link continued in another font or size extends the link box before it.
            Some(link) if &link.target == t && (link.x1 - run.x).abs() < 0.01 => {
                link.x1 = run.x + w
            }
            _ => line.links.push(LinkSpan {
                x0: run.x,
                x1: run.x + w,
                target: t.clone(),
            }),
        }
    }
    if span.style.strike {
        line.strikes.push(Strike {
            x0: run.x,
            x1: run.x + w,
            size: run.size,
        });
    }
    line.runs.push(run);
}
