//! Blocks → a vertical list of unbreakable units (lines, table rows, rules) → pages.
//!
//! Page breaks fall only between units, and never before a unit marked `keep`: the second
//! line of a paragraph (no orphans), its last line (no widows), whatever follows a heading,
//! and the first row after a table's header. Table rows that start a page get the table's
//! header row again.

use std::collections::BTreeMap;

use dossier_markdown::{Alignment, BlockQuoteKind};
use dossier_model::PageStyle;

use crate::DocumentMeta;
use crate::blocks::{Block, Inline, Style, Target, plain};
use crate::fonts::{Family, FontId, font};
use crate::frame::{
    Color, Document, GlyphRun, LinkBox, LinkTarget, OutlineItem, Page, PlacedGlyph, Shape,
};
use crate::para::{self, Line, ParaStyle};
use crate::shape::Shaper;

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Something drawn by a unit; y is relative to the unit's top.
#[derive(Debug, Clone)]
enum Item {
    Run(GlyphRun),
    Shape(Shape),
    Link { rect: [f32; 4], target: Target },
}

#[derive(Debug, Clone, Default)]
struct Unit {
    height: f32,
    /// Space above; dropped at the top of a page.
    before: f32,
    items: Vec<Item>,
    /// No page break between this unit and the one before.
    keep: bool,
    /// Note references standing on this unit.
    anchors: Vec<usize>,
    /// The endnote that starts here.
    note: Option<usize>,
    outline: Option<(u8, String)>,
    /// A body row of table n.
    table_row: Option<usize>,
    page_break: bool,
    /// Baseline of the unit's first line (for list markers).
    baseline: f32,
}

/// Where a block is laid: its left edge, width and inherited decorations.
#[derive(Clone)]
struct Ctx {
    x: f32,
    width: f32,
    size: f32,
    depth: usize,
}

struct Layouter<'a> {
    style: &'a PageStyle,
    shaper: Shaper,
    units: Vec<Unit>,
    /// Header rows of the tables, by table number.
    table_heads: Vec<Unit>,
    body: Family,
    heading: Family,
    /// The next block follows a heading: small space, kept with it.
    after_heading: bool,
}

pub fn layout(markdown: &str, style: &PageStyle, meta: &DocumentMeta) -> Document {
    let blocks = crate::blocks::parse(markdown);
    let (w_mm, h_mm) = style.size.mm();
    let (w_mm, h_mm) = (w_mm as f32, h_mm as f32);
    let (width, height) = (w_mm * PT_PER_MM, h_mm * PT_PER_MM);
    let left = style.margin_left.max(0.0) as f32 * PT_PER_MM;
    let right = style.margin_right.max(0.0) as f32 * PT_PER_MM;
    // A text column narrower than a few centimetres cannot hold a word: keep at least that.
    let text_width = (width - left - right).max(72.0);
    let size = if style.font_size.is_finite() {
        style.font_size.clamp(4.0, 72.0) as f32
    } else {
        10.5
    };
    let mut l = Layouter {
        style,
        shaper: Shaper::default(),
        units: Vec::new(),
        table_heads: Vec::new(),
        body: Family::from_name(&style.body_font),
        heading: Family::from_name(&style.heading_font),
        after_heading: false,
    };
    let ctx = Ctx {
        x: left,
        width: text_width,
        size,
        depth: 0,
    };
    l.blocks(&blocks, &ctx);
    l.paginate(width, height, meta)
}

impl Layouter<'_> {
    fn line_height(&self, size: f32) -> f32 {
        let lh = if self.style.line_height.is_finite() {
            self.style.line_height.clamp(0.8, 4.0) as f32
        } else {
            1.35
        };
        size * lh
    }

    fn blocks(&mut self, blocks: &[Block], ctx: &Ctx) {
        for (i, b) in blocks.iter().enumerate() {
            let gap = if i == 0 && ctx.depth > 0 {
                0.0
            } else {
                ctx.size * 0.65
            };
            self.block(b, ctx, gap);
        }
    }

    /// Starts a block's first unit: its space above, kept with a heading before it.
    fn start_block(&mut self, first: usize, gap: f32) {
        if let Some(u) = self.units.get_mut(first) {
            if self.after_heading {
                u.before = u.before.min(gap).min(4.0);
                u.keep = true;
            } else {
                u.before = gap;
            }
        }
        self.after_heading = false;
    }

    fn block(&mut self, block: &Block, ctx: &Ctx, gap: f32) {
        let first = self.units.len();
        match block {
            Block::Para(inlines) => {
                let ps = ParaStyle {
                    family: self.body,
                    size: ctx.size,
                    justify: self.style.justify,
                    hyphenate: self.style.justify,
                    bold: false,
                };
                self.paragraph(inlines, &ps, ctx, Alignment::None);
                self.start_block(first, gap);
            }
            Block::Heading { level, content } => {
                let scale = match level {
                    1 => 1.75,
                    2 => 1.4,
                    3 => 1.15,
                    _ => 1.0,
                };
                let ps = ParaStyle {
                    family: self.heading,
                    size: ctx.size * scale,
                    justify: false,
                    hyphenate: false,
                    bold: true,
                };
                self.paragraph(content, &ps, ctx, Alignment::None);
                for u in &mut self.units[first..] {
                    u.keep = true;
                }
                if let Some(u) = self.units.get_mut(first) {
                    u.outline = Some((*level, plain(content).trim().to_string()));
                }
                let space = if first == 0 {
                    0.0
                } else {
                    ctx.size * (0.6 + 0.5 * scale)
                };
                let follows_heading = self.after_heading;
                self.after_heading = false;
                self.start_block(first, space.max(gap));
                if let Some(u) = self.units.get_mut(first) {
                    // A page may break before a heading, unless it follows another heading.
                    u.keep = follows_heading;
                }
                self.after_heading = true;
            }
            Block::Quote { kind, blocks } => {
                let inner = Ctx {
                    x: ctx.x + ctx.size * 1.2,
                    width: (ctx.width - ctx.size * 1.2).max(ctx.width * 0.5),
                    size: ctx.size,
                    depth: ctx.depth + 1,
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
                        size: ctx.size,
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
                    u.before = ctx.size * 0.3;
                }
                self.start_block(first, gap);
                let boxed = kind.is_some();
                let bar_x = ctx.x + ctx.size * 0.35;
                for (i, u) in self.units[first..].iter_mut().enumerate() {
                    let top = if i == 0 { 0.0 } else { -u.before };
                    if boxed {
                        u.items.insert(
                            0,
                            Item::Shape(Shape::Rect {
                                x: ctx.x,
                                y: top,
                                w: ctx.width,
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
            Block::List { start, items } => {
                let indent = ctx.size * 1.6;
                let inner = Ctx {
                    x: ctx.x + indent,
                    width: (ctx.width - indent).max(ctx.width * 0.5),
                    size: ctx.size,
                    depth: ctx.depth + 1,
                };
                for (n, item) in items.iter().enumerate() {
                    let item_first = self.units.len();
                    self.blocks(item, &inner);
                    if item_first == self.units.len() {
                        // An empty item still shows its marker.
                        let lh = self.line_height(ctx.size);
                        self.units.push(Unit {
                            height: lh,
                            baseline: lh * 0.78,
                            ..Unit::default()
                        });
                    }
                    let marker = match start {
                        Some(s) => format!("{}.", s.saturating_add(n as u64)),
                        None => {
                            if ctx.depth.is_multiple_of(2) {
                                "•".into()
                            } else {
                                "–".into()
                            }
                        }
                    };
                    let runs = self.runs(
                        &marker,
                        self.body.font(false, false),
                        ctx.size,
                        Color::Black,
                    );
                    let u = &mut self.units[item_first];
                    let x = inner.x - runs_width(&runs) - ctx.size * 0.4;
                    u.items.extend(place(runs, x, u.baseline).map(Item::Run));
                    let item_gap = if n == 0 { 0.0 } else { ctx.size * 0.3 };
                    if n > 0 {
                        u.before = item_gap;
                    }
                }
                self.start_block(first, gap);
            }
            Block::Code(text) => {
                self.code(text, ctx);
                self.start_block(first, gap);
            }
            Block::Rule => {
                let h = ctx.size;
                self.units.push(Unit {
                    height: h,
                    items: vec![Item::Shape(Shape::Line {
                        from: (ctx.x, h / 2.0),
                        to: (ctx.x + ctx.width, h / 2.0),
                        width: 0.5,
                        color: Color::Gray(0.5),
                    })],
                    ..Unit::default()
                });
                self.start_block(first, gap);
            }
            Block::PageBreak => {
                self.units.push(Unit {
                    page_break: true,
                    ..Unit::default()
                });
                self.after_heading = false;
            }
            Block::Table { aligns, head, rows } => {
                self.table(aligns, head, rows, ctx);
                self.start_block(first, gap);
            }
            Block::Note { number, blocks } => {
                let size = ctx.size * 0.92;
                let indent = size * 2.2;
                let inner = Ctx {
                    x: ctx.x + indent,
                    width: (ctx.width - indent).max(ctx.width * 0.5),
                    size,
                    depth: ctx.depth + 1,
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
                    target: Target::NoteRef(*number),
                });
                u.items.extend(place(runs, x, u.baseline).map(Item::Run));
                u.note = Some(*number);
                self.start_block(first, ctx.size * 0.4);
            }
        }
    }

    /// A line of plain text as runs, one per font (markers, running heads, code lines), with
    /// x from 0 and the baseline at 0.
    fn runs(&mut self, text: &str, font_id: FontId, size: f32, color: Color) -> Vec<GlyphRun> {
        let segments = self.shaper.shape(font_id, text);
        let mut out = Vec::with_capacity(segments.len());
        let mut x = 0.0;
        for (k, seg) in segments.iter().enumerate() {
            let seg_end = segments
                .get(k + 1)
                .map(|s| s.start)
                .unwrap_or(text.len() as u32);
            let scale = size / font(seg.font).metrics.units_per_em;
            let mut run = GlyphRun {
                font: seg.font,
                size,
                x,
                y: 0.0,
                color,
                text: text.to_string(),
                glyphs: Vec::new(),
            };
            let ends = crate::shape::cluster_ends(&seg.glyphs, seg_end);
            let carries = crate::shape::carriers(&seg.glyphs);
            for (i, g) in seg.glyphs.iter().enumerate() {
                let end = ends[i];
                let range = if !carries[i] {
                    (g.cluster, g.cluster)
                } else {
                    (g.cluster, end.max(g.cluster))
                };
                let advance = g.advance as f32 * scale;
                run.glyphs.push(PlacedGlyph {
                    gid: g.gid,
                    advance,
                    offset: (g.offset.0 as f32 * scale, g.offset.1 as f32 * scale),
                    text: range,
                    inserted: false,
                });
                x += advance;
            }
            out.push(run);
        }
        out
    }

    fn paragraph(&mut self, inlines: &[Inline], ps: &ParaStyle, ctx: &Ctx, align: Alignment) {
        let lines = para::layout(&mut self.shaper, inlines, ps, ctx.width);
        let lh = self.line_height(ps.size);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let dx = match align {
                Alignment::Right => ctx.width - line.width,
                Alignment::Center => (ctx.width - line.width) / 2.0,
                _ => 0.0,
            };
            let mut unit = line_unit(line, ctx.x + dx, lh, ps.size);
            // No orphans (a first line alone at a page's foot) and no widows (a last line
            // alone at a page's head).
            unit.keep = (i == 1) || (i + 1 == n && i > 0);
            self.units.push(unit);
        }
    }

    fn code(&mut self, text: &str, ctx: &Ctx) {
        let size = ctx.size * 0.86;
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
            let inner_w = ctx.width - size;
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
                    items: place(c, ctx.x + size * 0.5, baseline)
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
                    x: ctx.x,
                    y: top,
                    w: ctx.width,
                    h: bottom - top,
                    fill: Color::Gray(0.95),
                }),
            );
        }
    }

    fn table(
        &mut self,
        aligns: &[Alignment],
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        ctx: &Ctx,
    ) {
        let cols = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let size = ctx.size * 0.92;
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
        let widths = column_widths(&natural, &minimal, ctx.width);
        let table_id = self.table_heads.len();
        let mut head_unit = None;
        for (r, (row, ps)) in all_rows.enumerate() {
            let is_head = r == 0;
            if is_head && row.is_empty() {
                continue;
            }
            let mut unit = Unit::default();
            let mut x = ctx.x;
            let lh = self.line_height(size);
            let mut height: f32 = 0.0;
            for (c, &col_w) in widths.iter().enumerate() {
                let cell = row.get(c).map(Vec::as_slice).unwrap_or(&[]);
                let inner = Ctx {
                    x: x + pad,
                    width: (col_w - 2.0 * pad).max(1.0),
                    size,
                    depth: ctx.depth + 1,
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
                from: (ctx.x, unit.height),
                to: (ctx.x + table_w, unit.height),
                width: rule_w,
                color: Color::Gray(if is_head { 0.2 } else { 0.7 }),
            }));
            if is_head {
                unit.items.push(Item::Shape(Shape::Line {
                    from: (ctx.x, 0.0),
                    to: (ctx.x + table_w, 0.0),
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

    fn paginate(mut self, width: f32, height: f32, meta: &DocumentMeta) -> Document {
        let s = self.style;
        let top = s.margin_top.max(0.0) as f32 * PT_PER_MM;
        let bottom = (height - s.margin_bottom.max(0.0) as f32 * PT_PER_MM).max(top + 72.0);
        let avail = bottom - top;
        let units = std::mem::take(&mut self.units);
        let head_height =
            |u: &Unit, heads: &[Unit]| u.table_row.map(|t| heads[t].height).unwrap_or(0.0);
        // Page ranges of units.
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        let mut i = 0;
        let mut y = 0.0;
        while i < units.len() {
            let u = &units[i];
            if u.page_break {
                if i > start {
                    ranges.push((start, i));
                }
                i += 1;
                start = i;
                y = units
                    .get(i)
                    .map(|u| head_height(u, &self.table_heads))
                    .unwrap_or(0.0);
                continue;
            }
            let h = if i == start {
                u.height
            } else {
                u.before + u.height
            };
            if y + h > avail && i > start {
                let j = (start + 1..=i).rev().find(|&j| !units[j].keep).unwrap_or(i);
                ranges.push((start, j));
                start = j;
                i = j;
                y = head_height(&units[j], &self.table_heads);
                continue;
            }
            y += h;
            i += 1;
        }
        if start < units.len() || ranges.is_empty() {
            ranges.push((start, units.len()));
        }
        // Place units; remember where anchors, notes and headings landed.
        let mut pages: Vec<Page> = Vec::with_capacity(ranges.len());
        let mut pending: Vec<Vec<([f32; 4], Target)>> = Vec::with_capacity(ranges.len());
        let mut refs: BTreeMap<usize, (usize, f32)> = BTreeMap::new();
        let mut notes: BTreeMap<usize, (usize, f32)> = BTreeMap::new();
        let mut headings: Vec<(u8, String, usize, f32)> = Vec::new();
        let mut slugs: BTreeMap<String, (usize, f32)> = BTreeMap::new();
        for (p, &(a, b)) in ranges.iter().enumerate() {
            let mut page = Page::default();
            let mut links = Vec::new();
            let mut y = top;
            let mut placed: Vec<&Unit> = Vec::new();
            if let Some(t) = units.get(a).and_then(|u| u.table_row) {
                placed.push(&self.table_heads[t]);
            }
            placed.extend(units[a..b].iter().filter(|u| !u.page_break));
            for (k, u) in placed.into_iter().enumerate() {
                let at_top = k == 0;
                if !at_top {
                    y += u.before;
                }
                for n in &u.anchors {
                    refs.entry(*n).or_insert((p, y));
                }
                if let Some(n) = u.note {
                    notes.insert(n, (p, y));
                }
                if let Some((level, title)) = &u.outline {
                    headings.push((*level, title.clone(), p, y));
                    let base = slug(title);
                    let mut key = base.clone();
                    let mut n = 0;
                    while slugs.contains_key(&key) {
                        n += 1;
                        key = format!("{base}-{n}");
                    }
                    slugs.insert(key, (p, y));
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
                        Item::Link { rect, target } => links
                            .push(([rect[0], rect[1] + y, rect[2], rect[3] + y], target.clone())),
                    }
                }
                y += u.height;
            }
            pages.push(page);
            pending.push(links);
        }
        // Resolve links now that every target has a page.
        for (page, links) in pages.iter_mut().zip(pending) {
            for (rect, target) in links {
                let target = match target {
                    // `#slug` links go to the heading of that name, as on GitHub.
                    Target::Uri(u) if u.starts_with('#') => slugs
                        .get(&u[1..])
                        .map(|&(page, y)| LinkTarget::Internal { page, y }),
                    Target::Uri(u) => web_link(&u).then_some(LinkTarget::Uri(u)),
                    Target::Note(n) => notes
                        .get(&n)
                        .map(|&(page, y)| LinkTarget::Internal { page, y }),
                    Target::NoteRef(n) => refs
                        .get(&n)
                        .map(|&(page, y)| LinkTarget::Internal { page, y }),
                };
                if let Some(target) = target {
                    page.links.push(LinkBox { rect, target });
                }
            }
        }
        self.running_heads(&mut pages, width, height, top, bottom, meta);
        Document {
            width,
            height,
            pages,
            outline: outline_tree(headings),
        }
    }

    fn running_heads(
        &mut self,
        pages: &mut [Page],
        width: f32,
        height: f32,
        top: f32,
        bottom: f32,
        meta: &DocumentMeta,
    ) {
        let s = self.style;
        let size = (self.line_height(8.0) / 1.35).clamp(6.0, 9.0);
        let left = s.margin_left.max(0.0) as f32 * PT_PER_MM;
        let right = width - s.margin_right.max(0.0) as f32 * PT_PER_MM;
        let total = pages.len();
        let date = meta.created.format("%-d %B %Y").to_string();
        let head_y = (top * 0.55).max(size);
        let foot_y = (bottom + (height - bottom) * 0.5).min(height - size * 0.5);
        for (i, page) in pages.iter_mut().enumerate() {
            for (slots, y) in [(&s.header, head_y), (&s.footer, foot_y)] {
                for (k, tpl) in slots.iter().enumerate() {
                    if tpl.is_empty() {
                        continue;
                    }
                    let text = tpl
                        .replace("{title}", &meta.title)
                        .replace("{banner}", &meta.banner)
                        .replace("{page}", &(i + 1).to_string())
                        .replace("{pages}", &total.to_string())
                        .replace("{date}", &date);
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let bold = tpl.contains("{banner}");
                    let runs = self.runs(
                        text,
                        self.heading.font(bold, false),
                        size,
                        Color::Gray(0.25),
                    );
                    let w = runs_width(&runs);
                    let x = match k {
                        0 => left,
                        1 => (left + right - w) / 2.0,
                        _ => right - w,
                    };
                    page.runs.extend(place(runs, x, y));
                }
            }
        }
    }
}

fn runs_width(runs: &[GlyphRun]) -> f32 {
    runs.iter()
        .flat_map(|r| r.glyphs.iter())
        .map(|g| g.advance)
        .sum()
}

/// Runs moved to start at `x` on the baseline `y`.
fn place(runs: Vec<GlyphRun>, x: f32, y: f32) -> impl Iterator<Item = GlyphRun> {
    runs.into_iter().map(move |r| GlyphRun {
        x: r.x + x,
        y: r.y + y,
        ..r
    })
}

/// A paragraph line as a unit: runs on a baseline, link boxes, strike lines.
fn line_unit(line: Line, x: f32, lh: f32, size: f32) -> Unit {
    let baseline = (lh - size) / 2.0 + size * 0.8;
    let mut items: Vec<Item> = Vec::with_capacity(line.runs.len() + line.links.len());
    for (x0, x1, target) in line.links {
        items.push(Item::Link {
            rect: [
                x + x0,
                baseline - size * 0.85,
                x + x1,
                baseline + size * 0.25,
            ],
            target,
        });
    }
    for (x0, x1, sz) in line.strikes {
        let y = baseline - sz * 0.28;
        items.push(Item::Shape(Shape::Line {
            from: (x + x0, y),
            to: (x + x1, y),
            width: sz * 0.06,
            color: Color::Black,
        }));
    }
    for r in line.runs {
        items.push(Item::Run(GlyphRun {
            x: r.x + x,
            y: r.y + baseline,
            ..r
        }));
    }
    Unit {
        height: lh,
        items,
        anchors: line.anchors,
        baseline,
        ..Unit::default()
    }
}

fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Run(r) => Item::Run(GlyphRun { y: r.y + dy, ..r }),
        Item::Shape(s) => Item::Shape(shift_shape(&s, dy)),
        Item::Link { rect, target } => Item::Link {
            rect: [rect[0], rect[1] + dy, rect[2], rect[3] + dy],
            target,
        },
    }
}

fn shift_shape(s: &Shape, dy: f32) -> Shape {
    match s {
        Shape::Line {
            from,
            to,
            width,
            color,
        } => Shape::Line {
            from: (from.0, from.1 + dy),
            to: (to.0, to.1 + dy),
            width: *width,
            color: *color,
        },
        Shape::Rect { x, y, w, h, fill } => Shape::Rect {
            x: *x,
            y: y + dy,
            w: *w,
            h: *h,
            fill: *fill,
        },
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

/// A heading's anchor name as GitHub makes it: lower case, spaces to hyphens, other
/// punctuation dropped.
fn slug(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => {
                Some(c.to_lowercase().next().unwrap_or(c))
            }
            _ => None,
        })
        .collect()
}

fn outline_tree(headings: Vec<(u8, String, usize, f32)>) -> Vec<OutlineItem> {
    // A stack of open items by level; each heading closes deeper or equal ones.
    let mut roots: Vec<OutlineItem> = Vec::new();
    let mut stack: Vec<(u8, OutlineItem)> = Vec::new();
    fn close(stack: &mut Vec<(u8, OutlineItem)>, roots: &mut Vec<OutlineItem>) {
        if let Some((_, item)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => roots.push(item),
            }
        }
    }
    for (level, title, page, y) in headings {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            close(&mut stack, &mut roots);
        }
        stack.push((
            level,
            OutlineItem {
                title,
                page,
                y,
                children: Vec::new(),
            },
        ));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// Whether a link may become a PDF link action: web and mail addresses only, as in the HTML
/// preview. A `javascript:` or `file:` URI, or a relative one (which a viewer resolves against
/// the PDF's own folder), stays text. The scheme is read as URL parsers read it: surrounding
/// spaces and controls, and tabs and newlines anywhere, ignored; case folded.
fn web_link(uri: &str) -> bool {
    let folded = uri
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| folded.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `javascript:` link in a briefing became a PDF `/URI` action; viewers differ in what
    /// they do with one. Only web and mail links become actions now.
    #[test]
    fn regression_javascript_link_in_pdf() {
        let md = "[a](javascript:alert(1)) [b]( JaVa\tScript:x) [c](file:///etc/passwd) \
                  [d](vbscript:x) [e](data:text/html,x) [f](notes.md) [g](https://ok.example) \
                  [h](mailto:a@b.example) [i](HTTP://OK.example)";
        let doc = layout(md, &PageStyle::default(), &DocumentMeta::default());
        let uris: Vec<&str> = doc.pages[0]
            .links
            .iter()
            .filter_map(|l| match &l.target {
                LinkTarget::Uri(u) => Some(u.as_str()),
                LinkTarget::Internal { .. } => None,
            })
            .collect();
        assert_eq!(
            uris,
            [
                "https://ok.example",
                "mailto:a@b.example",
                "HTTP://OK.example"
            ]
        );
    }

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

    #[test]
    fn running_heads_switch_fonts_for_characters_the_face_lacks() {
        // U+20BF BITCOIN SIGN and U+2025 TWO DOT LEADER are in the serif, not in the sans.
        let meta = DocumentMeta {
            title: "Payments in ₿ ‥ and more".into(),
            ..DocumentMeta::default()
        };
        let doc = layout("text", &PageStyle::default(), &meta);
        let heads: Vec<&GlyphRun> = doc.pages[0].runs.iter().filter(|r| r.y < 60.0).collect();
        let fonts: std::collections::BTreeSet<FontId> = heads.iter().map(|r| r.font).collect();
        assert!(
            fonts.len() > 1,
            "the premise: the sans lacks a character of the title ({fonts:?})"
        );
        for r in &heads {
            let f = font(r.font);
            for g in &r.glyphs {
                assert!(g.gid != 0, "notdef in {:?}", r.font);
                assert!(f.advance(g.gid) > 0, "glyph {} not of {:?}", g.gid, r.font);
            }
        }
    }

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("Key judgments"), "key-judgments");
        assert_eq!(
            slug("2013-08-04 — Ayrault praises"),
            "2013-08-04--ayrault-praises"
        );
        assert_eq!(slug("What’s next?"), "whats-next");
    }

    #[test]
    fn heading_links_point_at_the_heading() {
        let md = "[to the end](#the-end)\n\n\\newpage\n\n## The end\n\ndone";
        let doc = layout(md, &PageStyle::default(), &DocumentMeta::default());
        let link = &doc.pages[0].links[0];
        assert!(
            matches!(link.target, LinkTarget::Internal { page: 1, .. }),
            "{link:?}"
        );
    }

    #[test]
    fn outline_nests_by_heading_level() {
        let t = outline_tree(vec![
            (1, "A".into(), 0, 0.0),
            (2, "A1".into(), 0, 1.0),
            (3, "A1a".into(), 1, 2.0),
            (2, "A2".into(), 1, 3.0),
            (1, "B".into(), 2, 4.0),
        ]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].children.len(), 2);
        assert_eq!(t[0].children[0].children[0].title, "A1a");
        assert_eq!(t[1].title, "B");
    }
}
