//! Units → pages: where the pages break (forced breaks, keep-with-next, no widows or orphans, a
//! table's header row repeated on the pages its rows continue on) and where each unit lands.

use std::ops::Range;

use super::links::{Spot, Targets, outline_tree};
use super::{Item, Layouter, PT_PER_MM, Unit, shift_shape};
use crate::DocumentMeta;
use crate::blocks::Target;
use crate::frame::{Document, GlyphRun, LinkBox, Page, Shape};

/// A link box placed on a page, its target resolved once every target has a page.
struct PlacedLink {
    rect: [f32; 4],
    target: Target,
}

impl Layouter<'_> {
    pub(super) fn paginate(mut self, width: f32, height: f32, meta: &DocumentMeta) -> Document {
        let s = self.style;
        let top = s.margin_top.max(0.0) as f32 * PT_PER_MM;
        let bottom = (height - s.margin_bottom.max(0.0) as f32 * PT_PER_MM).max(top + 72.0);
        let units = std::mem::take(&mut self.units);
        let ranges = page_ranges(&units, &self.table_heads, bottom - top);
        // Place units; remember where anchors, notes and headings landed.
        let mut pages: Vec<Page> = Vec::with_capacity(ranges.len());
        let mut pending: Vec<Vec<PlacedLink>> = Vec::with_capacity(ranges.len());
        let mut targets = Targets::default();
        for (p, range) in ranges.into_iter().enumerate() {
            let mut page = Page::default();
            let mut links = Vec::new();
            let mut y = top;
            let mut placed: Vec<&Unit> = Vec::new();
            if let Some(t) = units.get(range.start).and_then(|u| u.table_row) {
                placed.push(&self.table_heads[t]);
            }
            placed.extend(units[range].iter().filter(|u| !u.page_break));
            for (k, u) in placed.into_iter().enumerate() {
                let at_top = k == 0;
                if !at_top {
                    y += u.before;
                }
                let spot = Spot { page: p, y };
                for n in &u.anchors {
                    targets.note_ref(*n, spot);
                }
                if let Some(n) = u.note {
                    targets.note(n, spot);
                }
                if let Some(heading) = &u.outline {
                    targets.heading(heading, spot);
                }
                for item in &u.items {
                    match item {
                        Item::Run(r) => page.runs.push(GlyphRun {
                            y: r.y + y,
                            ..r.clone()
                        }),
                        Item::Shape(sh) => {
                            let mut sh = shift_shape(sh, y);
                            if at_top
                                && let Shape::Rect { y: ry, h, .. } = &mut sh
                                && *ry < y
                            {
                                // Decorations reaching into the space above stop at the page top.
                                *h -= y - *ry;
                                *ry = y;
                            }
                            page.shapes.push(sh);
                        }
                        Item::Link { rect, target } => links.push(PlacedLink {
                            rect: [rect[0], rect[1] + y, rect[2], rect[3] + y],
                            target: target.clone(),
                        }),
                    }
                }
                y += u.height;
            }
            pages.push(page);
            pending.push(links);
        }
        // Resolve links now that every target has a page.
        for (page, links) in pages.iter_mut().zip(pending) {
            for PlacedLink { rect, target } in links {
                if let Some(target) = targets.resolve(target) {
                    page.links.push(LinkBox { rect, target });
                }
            }
        }
        self.running_heads(&mut pages, width, height, top, bottom, meta);
        Document {
            width,
            height,
            pages,
            outline: outline_tree(targets.into_headings()),
        }
    }
}

/// The units of each page, in order. A page breaks where the next unit would not fit in
/// `avail` points (counting the repeated header row of a table continued there), moved back
/// before the last unit not marked `keep`; and at every forced page break, which is on no page.
/// A unit taller than a page gets a page of its own.
fn page_ranges(units: &[Unit], table_heads: &[Unit], avail: f32) -> Vec<Range<usize>> {
    let head_height = |u: &Unit| u.table_row.map(|t| table_heads[t].height).unwrap_or(0.0);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut y = 0.0;
    while i < units.len() {
        let u = &units[i];
        if u.page_break {
            if i > start {
                ranges.push(start..i);
            }
            i += 1;
            start = i;
            y = units.get(i).map(head_height).unwrap_or(0.0);
            continue;
        }
        let h = if i == start {
            u.height
        } else {
            u.before + u.height
        };
        if y + h > avail && i > start {
            let j = (start + 1..=i).rev().find(|&j| !units[j].keep).unwrap_or(i);
            ranges.push(start..j);
            start = j;
            i = j;
            y = head_height(&units[j]);
            continue;
        }
        y += h;
        i += 1;
    }
    if start < units.len() || ranges.is_empty() {
        ranges.push(start..units.len());
    }
    balance_trailing_notes(units, &mut ranges, avail);
    ranges
}

/// A last page holding only a few endnotes (less than [`FEW_NOTES`] of a page) takes more of
/// them from the page before, at a break between notes, so that it is no longer a page of a few
/// strays: the notes are shared out between the two pages.
fn balance_trailing_notes(units: &[Unit], ranges: &mut [Range<usize>], avail: f32) {
    let [.., before, last] = ranges else {
        return;
    };
    let notes_only = |r: &Range<usize>| units[r.clone()].iter().all(|u| u.in_note);
    if Range::is_empty(last) || before.end != last.start || !notes_only(last) {
        return;
    }
    let height = |r: Range<usize>| -> f32 {
        units[r.clone()]
            .iter()
            .enumerate()
            .map(|(k, u)| {
                if k == 0 {
                    u.height
                } else {
                    u.before + u.height
                }
            })
            .sum()
    };
    let last_height = height(last.clone());
    if last_height >= avail * FEW_NOTES {
        return;
    }
    // The notes at the end of the page before, and how much the two pages hold of them.
    let first_note = (before.start..before.end)
        .rev()
        .take_while(|&i| units[i].in_note)
        .last()
        .unwrap_or(before.end);
    let total = height(first_note..last.end);
    // Move the break back to the start of a note (never inside one), as far as half the
    // notes, while the last page still fits.
    let mut at = last.start;
    for j in (first_note + 1..last.start).rev() {
        if height(j..last.end) > avail.min(total / 2.0 + avail * FEW_NOTES) {
            break;
        }
        if units[j].note.is_some() && !units[j].keep {
            at = j;
            if height(j..last.end) >= total / 2.0 {
                break;
            }
        }
    }
    before.end = at;
    last.start = at;
}

/// Below this share of a page, a last page of endnotes alone takes more of them.
const FEW_NOTES: f32 = 0.2;

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(height: f32, keep: bool) -> Unit {
        Unit {
            height,
            keep,
            ..Unit::default()
        }
    }

    #[test]
    fn a_kept_unit_moves_to_the_next_page_with_the_one_before() {
        // Three 40-point lines on 100-point pages: the third does not fit, and it is kept
        // with the second (a widow), so the break moves before the second.
        let units = [unit(40.0, false), unit(40.0, false), unit(40.0, true)];
        assert_eq!(page_ranges(&units, &[], 100.0), [0..1, 1..3]);
        let units = [unit(40.0, false), unit(40.0, false), unit(40.0, false)];
        assert_eq!(page_ranges(&units, &[], 100.0), [0..2, 2..3]);
    }

    #[test]
    fn a_forced_break_is_on_no_page_and_a_tall_unit_gets_its_own() {
        let forced = Unit {
            page_break: true,
            ..Unit::default()
        };
        let units = [
            unit(10.0, false),
            forced,
            unit(500.0, false),
            unit(10.0, false),
        ];
        assert_eq!(page_ranges(&units, &[], 100.0), [0..1, 2..3, 3..4]);
    }

    fn note(height: f32, starts: bool) -> Unit {
        Unit {
            height,
            in_note: true,
            note: starts.then_some(1),
            keep: !starts,
            ..Unit::default()
        }
    }

    #[test]
    fn a_last_page_of_a_few_notes_takes_more_from_the_page_before() {
        // Body text fills most of page one, then ten one-line notes: two would fall alone
        // on page two; the notes are shared out instead.
        let mut units = vec![unit(20.0, false)];
        units.extend((0..10).map(|_| note(8.0, true)));
        let ranges = page_ranges(&units, &[], 84.0);
        assert_eq!(ranges.len(), 2, "{ranges:?}");
        let last = ranges[1].len();
        assert!(last >= 4, "the last page holds {last} notes: {ranges:?}");
        // Never inside a note: a break falls where a note starts.
        let units = [
            unit(60.0, false),
            note(8.0, true),
            note(8.0, false),
            note(8.0, true),
            note(8.0, false),
        ];
        for r in page_ranges(&units, &[], 84.0) {
            assert!(units[r.start].note.is_some() || r.start == 0, "{r:?}");
        }
    }

    #[test]
    fn a_continued_table_counts_its_repeated_header() {
        let head = unit(30.0, false);
        let row = Unit {
            table_row: Some(0),
            ..unit(40.0, false)
        };
        // The last two rows (80 points) would fit together on a page of 100 points, but not
        // under the table's 30-point header repeated there.
        let units = [unit(60.0, false), row.clone(), row.clone(), row];
        assert_eq!(page_ranges(&units, &[head], 100.0), [0..2, 2..3, 3..4]);
    }
}
