//! The page style of a template (`[page]` in `template.toml`), read by the PDF renderer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageStyle {
    pub size: PaperSize,
    /// Margins in millimetres. (f64, so that `1.35` reads back as `1.35` in templates and files.)
    pub margin_top: f64,
    pub margin_bottom: f64,
    pub margin_left: f64,
    pub margin_right: f64,
    /// Font family names of the bundled fonts, e.g. "Source Serif 4", "Source Sans 3".
    pub body_font: String,
    pub heading_font: String,
    pub mono_font: String,
    /// Body size in points.
    pub font_size: f64,
    /// Line height as a multiple of the font size.
    pub line_height: f64,
    /// Justified (optimal-fit, hyphenated) or ragged right.
    pub justify: bool,
    /// Running header and footer, left / centre / right. Placeholders: `{title}`, `{banner}`
    /// (the computed classification or TLP banner), `{page}`, `{pages}`, `{date}`.
    pub header: [String; 3],
    pub footer: [String; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f64, f64) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::Letter => (215.9, 279.4),
        }
    }
}

impl Default for PageStyle {
    fn default() -> PageStyle {
        PageStyle {
            size: PaperSize::A4,
            margin_top: 25.0,
            margin_bottom: 25.0,
            margin_left: 25.0,
            margin_right: 25.0,
            body_font: "Source Serif 4".into(),
            heading_font: "Source Sans 3".into(),
            mono_font: "Source Code Pro".into(),
            font_size: 10.5,
            line_height: 1.35,
            justify: true,
            header: ["{title}".into(), "{banner}".into(), String::new()],
            footer: [
                String::new(),
                "{banner}".into(),
                "page {page} of {pages}".into(),
            ],
        }
    }
}
