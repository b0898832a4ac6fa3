//! Blocks that hold blocks: block quotes and alerts (a bar, a box), list items (a marker
//! beside the first line) and endnotes (the number, linked back to the reference).

use dossier_markdown::{Alignment, BlockQuoteKind};

use super::{Column, Item, Layouter, Unit, place, runs_width};
use crate::blocks::{Block, Inline, Style, Target};
use crate::frame::{Color, Shape};
use crate::para::ParaStyle;

impl Layouter<'_> {
    pub(super) fn quote(
        &mut self,
        kind: Option<&BlockQuoteKind>,
        blocks: &[Block],
        column: &Column,
        gap: f32,
    ) {
        let first = self.units.len();
        let inner = Column {
            x: column.x + column.size * 1.2,
            width: (column.width - column.size * 1.2).max(column.width * 0.5),
            size: column.size,
            depth: column.depth + 1,
        };
        if let Some(kind) = kind {
            let label = match kind {
                BlockQuoteKind::Note => "Note",
                BlockQuoteKind::Tip => "Tip",
                BlockQuoteKind::Important => "Important",
                BlockQuoteKind::Warning => "Warning",
                BlockQuoteKind::Caution => "Caution",
            };
            let ps = ParaStyle {
                family: self.heading,
                size: column.size,
                justify: false,
                hyphenate: false,
                bold: true,
            };
            let text = vec![Inline::Text {
                text: label.into(),
                style: Style::default(),
                link: None,
            }];
            self.paragraph(&text, &ps, &inner, Alignment::None);
            if self.units.len() > first + 1 {
                self.units[first + 1].keep = true;
            }
        }
        let body_start = self.units.len();
        self.blocks(blocks, &inner);
        if let Some(u) = self.units.get_mut(body_start)
            && body_start > first
        {
            u.keep = true;
            u.before = column.size * 0.3;
        }
        self.start_block(first, gap);
        let boxed = kind.is_some();
        let bar_x = column.x + column.size * 0.35;
        for (i, u) in self.units[first..].iter_mut().enumerate() {
            let top = if i == 0 { 0.0 } else { -u.before };
            if boxed {
                u.items.insert(
                    0,
                    Item::Shape(Shape::Rect {
                        x: column.x,
                        y: top,
                        w: column.width,
                        h: u.height - top,
                        fill: Color::Gray(0.94),
                    }),
                );
            }
            u.items.push(Item::Shape(Shape::Rect {
                x: bar_x,
                y: top,
                w: 1.6,
                h: u.height - top,
                fill: Color::Gray(0.6),
            }));
        }
    }

    pub(super) fn list(
        &mut self,
        start: Option<u64>,
        items: &[Vec<Block>],
        column: &Column,
        gap: f32,
    ) {
        let first = self.units.len();
        let indent = column.size * 1.6;
        let inner = Column {
            x: column.x + indent,
            width: (column.width - indent).max(column.width * 0.5),
            size: column.size,
            depth: column.depth + 1,
        };
        for (n, item) in items.iter().enumerate() {
            let item_first = self.units.len();
            self.blocks(item, &inner);
            if item_first == self.units.len() {
                // An empty item still shows its marker.
                let lh = self.line_height(column.size);
                self.units.push(Unit {
                    height: lh,
                    baseline: lh * 0.78,
                    ..Unit::default()
                });
            }
            let marker = match start {
                Some(s) => format!("{}.", s.saturating_add(n as u64)),
                None => {
                    if column.depth.is_multiple_of(2) {
                        "•".into()
                    } else {
                        "–".into()
                    }
                }
            };
            let runs = self.runs(
                &marker,
                self.body.font(false, false),
                column.size,
                Color::Black,
            );
            let u = &mut self.units[item_first];
            let x = inner.x - runs_width(&runs) - column.size * 0.4;
            u.items.extend(place(runs, x, u.baseline).map(Item::Run));
            let item_gap = if n == 0 { 0.0 } else { column.size * 0.3 };
            if n > 0 {
                u.before = item_gap;
            }
        }
        self.start_block(first, gap);
    }

    pub(super) fn note(&mut self, number: usize, blocks: &[Block], column: &Column) {
        let first = self.units.len();
        let size = column.size * 0.92;
        let indent = size * 2.2;
        let inner = Column {
            x: column.x + indent,
            width: (column.width - indent).max(column.width * 0.5),
            size,
            depth: column.depth + 1,
        };
        self.blocks(blocks, &inner);
        if first == self.units.len() {
            let lh = self.line_height(size);
            self.units.push(Unit {
                height: lh,
                baseline: lh * 0.78,
                ..Unit::default()
            });
        }
        let label = format!("{number}.");
        let runs = self.runs(&label, self.body.font(false, false), size, Color::Link);
        let w = runs_width(&runs);
        let u = &mut self.units[first];
        let x = inner.x - w - size * 0.5;
        u.items.push(Item::Link {
            rect: [x, u.baseline - size, x + w, u.baseline + size * 0.25],
            target: Target::NoteRef(number),
        });
        u.items.extend(place(runs, x, u.baseline).map(Item::Run));
        u.note = Some(number);
        for u in &mut self.units[first..] {
            u.in_note = true;
        }
        self.start_block(first, column.size * 0.4);
    }
}
