//! Tables: column widths from each column's natural and minimal widths, a row as one unit
//! (cells set as paragraphs side by side), the header row kept for repeating on later pages.

use dossier_markdown::Alignment;

use super::{Column, Item, Layouter, Unit, line_unit, shift};
use crate::blocks::Inline;
use crate::fonts::font;
use crate::frame::{Color, Shape};
use crate::para::{self, ParaStyle};
use crate::shape::Shaper;

impl Layouter<'_> {
    pub(super) fn table(
        &mut self,
        aligns: &[Alignment],
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        column: &Column,
    ) {
        let cols = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let size = column.size * 0.92;
        let pad = size * 0.4;
        let body_ps = ParaStyle {
            family: self.body,
            size,
            justify: false,
            hyphenate: true,
            bold: false,
        };
        let head_ps = ParaStyle {
            bold: true,
            hyphenate: false,
            ..body_ps
        };
        // Natural and minimal widths of each column, from single-line and one-word layouts.
        let mut natural = vec![0f32; cols];
        let mut minimal = vec![0f32; cols];
        let all_rows =
            std::iter::once((head, &head_ps)).chain(rows.iter().map(|r| (r.as_slice(), &body_ps)));
        for (row, ps) in all_rows.clone() {
            for (c, cell) in row.iter().enumerate().take(cols) {
                let one = para::layout(
                    &mut self.shaper,
                    cell,
                    &ParaStyle {
                        hyphenate: false,
                        ..*ps
                    },
                    1.0e6,
                );
                let nat = one.iter().map(|l| l.width).fold(0.0, f32::max);
                let min = longest_word(cell, &mut self.shaper, ps);
                // A hair more than the text, so that rounding cannot wrap a line that fits.
                natural[c] = natural[c].max(nat + 2.0 * pad + 0.5);
                minimal[c] = minimal[c].max(min + 2.0 * pad);
            }
        }
        let widths = column_widths(&natural, &minimal, column.width);
        let table_id = self.table_heads.len();
        let mut head_unit = None;
        for (r, (row, ps)) in all_rows.enumerate() {
            let is_head = r == 0;
            if is_head && row.is_empty() {
                continue;
            }
            let mut unit = Unit::default();
            let mut x = column.x;
            let lh = self.line_height(size);
            let mut height: f32 = 0.0;
            for (c, &col_w) in widths.iter().enumerate() {
                let cell = row.get(c).map(Vec::as_slice).unwrap_or(&[]);
                let inner = Column {
                    x: x + pad,
                    width: (col_w - 2.0 * pad).max(1.0),
                    size,
                    depth: column.depth + 1,
                };
                let lines = para::layout(&mut self.shaper, cell, ps, inner.width);
                let align = aligns.get(c).copied().unwrap_or(Alignment::None);
                for (i, line) in lines.into_iter().enumerate() {
                    let dx = match align {
                        Alignment::Right => inner.width - line.width,
                        Alignment::Center => (inner.width - line.width) / 2.0,
                        _ => 0.0,
                    };
                    let lu = line_unit(line, inner.x + dx, lh, size);
                    let top = pad + i as f32 * lh;
                    unit.anchors.extend(lu.anchors);
                    for item in lu.items {
                        unit.items.push(shift(item, top));
                    }
                    height = height.max(top + lh + pad);
                }
                x += col_w;
            }
            unit.height = height.max(lh + 2.0 * pad);
            let table_w: f32 = widths.iter().sum();
            let rule_w = if is_head { 0.8 } else { 0.3 };
            unit.items.push(Item::Shape(Shape::Line {
                from: (column.x, unit.height),
                to: (column.x + table_w, unit.height),
                width: rule_w,
                color: Color::Gray(if is_head { 0.2 } else { 0.7 }),
            }));
            if is_head {
                unit.items.push(Item::Shape(Shape::Line {
                    from: (column.x, 0.0),
                    to: (column.x + table_w, 0.0),
                    width: 0.8,
                    color: Color::Gray(0.2),
                }));
                head_unit = Some(unit.clone());
            } else {
                unit.table_row = head_unit.as_ref().map(|_| table_id);
                // The first row stays with the header.
                unit.keep = r == 1 && head_unit.is_some();
            }
            self.units.push(unit);
        }
        if let Some(h) = head_unit {
            self.table_heads.push(h);
        }
    }
}

fn longest_word(cell: &[Inline], shaper: &mut Shaper, ps: &ParaStyle) -> f32 {
    let mut max: f32 = 0.0;
    for i in cell {
        if let Inline::Text { text, style, .. } = i {
            let f = para::font_for(style, ps);
            let scale = ps.size / font(f).metrics.units_per_em;
            for word in text.split_whitespace() {
                // Long words may hyphenate; count at most a dozen characters for them.
                let word: String = word.chars().take(12).collect();
                let w: i32 = shaper
                    .shape(f, &word)
                    .iter()
                    .flat_map(|s| s.glyphs.iter())
                    .map(|g| g.advance)
                    .sum();
                max = max.max(w as f32 * scale);
            }
        }
    }
    max
}

/// Column widths: natural widths if they fit, else minimal widths plus the rest shared in
/// proportion to how much more each column would like.
pub(crate) fn column_widths(natural: &[f32], minimal: &[f32], width: f32) -> Vec<f32> {
    let total_nat: f32 = natural.iter().sum();
    if total_nat <= width {
        return natural.to_vec();
    }
    let total_min: f32 = minimal.iter().sum();
    if total_min >= width {
        return minimal.iter().map(|m| m * width / total_min).collect();
    }
    let want: f32 = natural.iter().zip(minimal).map(|(n, m)| n - m).sum();
    natural
        .iter()
        .zip(minimal)
        .map(|(n, m)| m + (width - total_min) * (n - m) / want.max(f32::EPSILON))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_share_the_rest_by_want() {
        assert_eq!(
            column_widths(&[50.0, 50.0], &[10.0, 10.0], 200.0),
            [50.0, 50.0]
        );
        let w = column_widths(&[100.0, 300.0], &[20.0, 20.0], 200.0);
        assert!((w.iter().sum::<f32>() - 200.0).abs() < 0.01);
        assert!(w[1] > w[0]);
    }
}
