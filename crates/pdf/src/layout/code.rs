//! Code blocks: monospaced lines on a grey ground, long lines wrapped glyph by glyph at the
//! measure (code has no hyphenation), no orphans or widows.

use super::{Column, Item, Layouter, Unit, place};
use crate::fonts::FontId;
use crate::frame::{Color, GlyphRun, Shape};

impl Layouter<'_> {
    pub(super) fn code(&mut self, text: &str, column: &Column) {
        let size = column.size * 0.86;
        let lh = self.line_height(size);
        let text = text.strip_suffix('\n').unwrap_or(text);
        let first = self.units.len();
        for src in text.split('\n') {
            let src: String = src
                .replace('\t', "    ")
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let runs = self.runs(
                if src.is_empty() { " " } else { &src },
                FontId::Mono,
                size,
                Color::Black,
            );
            // Long lines wrap at the measure, glyph by glyph: code has no hyphenation.
            let inner_w = column.width - size;
            let mut chunks: Vec<Vec<GlyphRun>> = vec![Vec::new()];
            let mut x = 0.0;
            for run in runs {
                let empty = GlyphRun {
                    glyphs: Vec::new(),
                    ..run.clone()
                };
                let mut cur = GlyphRun { x, ..empty.clone() };
                for g in run.glyphs {
                    if x + g.advance > inner_w && x > 0.0 {
                        let done = std::mem::replace(
                            &mut cur,
                            GlyphRun {
                                x: 0.0,
                                ..empty.clone()
                            },
                        );
                        if let Some(line) = chunks.last_mut()
                            && !done.glyphs.is_empty()
                        {
                            line.push(done);
                        }
                        chunks.push(Vec::new());
                        x = 0.0;
                    }
                    x += g.advance;
                    cur.glyphs.push(g);
                }
                if let Some(line) = chunks.last_mut()
                    && !cur.glyphs.is_empty()
                {
                    line.push(cur);
                }
            }
            for c in chunks {
                let baseline = lh * 0.78;
                self.units.push(Unit {
                    height: lh,
                    baseline,
                    items: place(c, column.x + size * 0.5, baseline)
                        .map(Item::Run)
                        .collect(),
                    ..Unit::default()
                });
            }
        }
        let n = self.units.len() - first;
        let pad = size * 0.4;
        for (i, u) in self.units[first..].iter_mut().enumerate() {
            u.keep = i == 1 || (i + 1 == n && i > 0);
            let top = if i == 0 { -pad } else { 0.0 };
            let bottom = if i + 1 == n { u.height + pad } else { u.height };
            u.items.insert(
                0,
                Item::Shape(Shape::Rect {
                    x: column.x,
                    y: top,
                    w: column.width,
                    h: bottom - top,
                    fill: Color::Gray(0.95),
                }),
            );
        }
    }
}
