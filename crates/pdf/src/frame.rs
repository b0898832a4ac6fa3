//! The writer-independent result of layout: pages of positioned, shaped glyph runs that carry
//! their source text, simple shapes, link boxes, and the outline tree.
//!
//! Coordinates are PDF points with the origin at the page's top-left corner, y growing down;
//! a writer flips them as its format needs.

use crate::fonts::FontId;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineItem>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub runs: Vec<GlyphRun>,
    pub shapes: Vec<Shape>,
    pub links: Vec<LinkBox>,
}

/// Glyphs in one font and size on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub font: FontId,
    pub size: f32,
    /// Start of the baseline.
    pub x: f32,
    pub y: f32,
    pub color: Color,
    /// The source text the glyphs show.
    pub text: String,
    pub glyphs: Vec<PlacedGlyph>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
    pub gid: u16,
    /// Distance to the next glyph's origin, in points: kerning and justification included.
    pub advance: f32,
    /// Where the glyph sits relative to the pen, in points, y up (positioned marks).
    pub offset: (f32, f32),
    /// The glyph's text as a byte range of the run's text; empty for the second and later
    /// glyphs of one cluster.
    pub text: (u32, u32),
    /// A hyphen added by line breaking: it stands for no text of the source.
    pub inserted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    Black,
    Gray(f32),
    Link,
    /// Red, green and blue in 0..=1 (a TLP label's colour).
    Rgb([f32; 3]),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Color,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LinkBox {
    /// Left, top, right, bottom.
    pub rect: [f32; 4],
    pub target: LinkTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    Uri(String),
    /// A position in this document: page index and y.
    Internal {
        page: usize,
        y: f32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineItem {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<OutlineItem>,
}
