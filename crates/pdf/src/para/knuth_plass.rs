//! Knuth and Plass's optimal-fit line breaking: pure arithmetic over boxes, glue and penalties.
//!
//! The breaks minimise the squared badness of all lines of a paragraph together, plus demerits
//! for two hyphenated lines in a row and for lines of very different tightness side by side.
//! Nothing here knows about glyphs or fonts: the payloads of [`Kind`] are indices the caller
//! gives meaning to.

/// Infinity in the algorithm's sense: a penalty of `INF` forbids a break, `-INF` forces one.
pub(super) const INF: f32 = 10_000.0;
const DOUBLE_HYPHEN_DEMERITS: f32 = 3000.0;
const FITNESS_DEMERITS: f32 = 3000.0;

#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// Unbreakable material: a piece of shaped text.
    Box { piece: u32 },
    /// A space: `span` gives the font and size of the glyph drawn for it; `fill` is the glue
    /// that ends a paragraph or a hard line break.
    Glue {
        stretch: f32,
        shrink: f32,
        span: u32,
        fill: bool,
    },
    /// A possible break; `flagged` for a hyphen, drawn in the font of `hyphen_span` when the
    /// hyphen is inserted by hyphenation.
    Penalty {
        penalty: f32,
        flagged: bool,
        hyphen_span: Option<u32>,
    },
}

#[derive(Clone, Copy)]
pub(super) struct Item {
    pub(super) width: f32,
    pub(super) kind: Kind,
}

/// The first item of a line that starts at `i`: spaces and penalties at a break are dropped.
pub(super) fn skip_discardable(items: &[Item], mut i: usize) -> usize {
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
pub(super) fn knuth_plass(
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
