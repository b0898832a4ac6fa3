//! The bundled fonts: parsed once per process, chosen by family and style.
//!
//! The files live in `assets/fonts/` with their SIL Open Font Licences beside them.

use std::sync::OnceLock;

use rustybuzz::Face;

/// One of the bundled font files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    SerifRegular,
    SerifItalic,
    SerifBold,
    SerifBoldItalic,
    SansRegular,
    SansBold,
    Mono,
    /// Fallback for Arabic script.
    Arabic,
}

/// How many bundled fonts there are.
pub const COUNT: usize = 8;

impl FontId {
    pub const ALL: [FontId; COUNT] = [
        FontId::SerifRegular,
        FontId::SerifItalic,
        FontId::SerifBold,
        FontId::SerifBoldItalic,
        FontId::SansRegular,
        FontId::SansBold,
        FontId::Mono,
        FontId::Arabic,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The PostScript name written into the PDF (after the subset tag).
    pub fn postscript_name(self) -> &'static str {
        match self {
            FontId::SerifRegular => "SourceSerif4-Regular",
            FontId::SerifItalic => "SourceSerif4-Italic",
            FontId::SerifBold => "SourceSerif4-Bold",
            FontId::SerifBoldItalic => "SourceSerif4-BoldItalic",
            FontId::SansRegular => "SourceSans3-Regular",
            FontId::SansBold => "SourceSans3-Bold",
            FontId::Mono => "SourceCodePro-Regular",
            FontId::Arabic => "NotoNaskhArabic-Regular",
        }
    }

    pub fn data(self) -> &'static [u8] {
        match self {
            FontId::SerifRegular => include_bytes!("../assets/fonts/SourceSerif4_400Regular.ttf"),
            FontId::SerifItalic => {
                include_bytes!("../assets/fonts/SourceSerif4_400Regular_Italic.ttf")
            }
            FontId::SerifBold => include_bytes!("../assets/fonts/SourceSerif4_700Bold.ttf"),
            FontId::SerifBoldItalic => {
                include_bytes!("../assets/fonts/SourceSerif4_700Bold_Italic.ttf")
            }
            FontId::SansRegular => include_bytes!("../assets/fonts/SourceSans3_400Regular.ttf"),
            FontId::SansBold => include_bytes!("../assets/fonts/SourceSans3_700Bold.ttf"),
            FontId::Mono => include_bytes!("../assets/fonts/SourceCodePro_400Regular.ttf"),
            FontId::Arabic => include_bytes!("../assets/fonts/NotoNaskhArabic_400Regular.ttf"),
        }
    }

    /// Written right to left: its shaped glyphs come in visual order.
    pub fn is_rtl(self) -> bool {
        self == FontId::Arabic
    }

    pub fn is_serif(self) -> bool {
        matches!(
            self,
            FontId::SerifRegular
                | FontId::SerifItalic
                | FontId::SerifBold
                | FontId::SerifBoldItalic
        )
    }

    pub fn is_italic(self) -> bool {
        matches!(self, FontId::SerifItalic | FontId::SerifBoldItalic)
    }

    /// Fonts to try, in order, for a character this font lacks.
    pub fn fallbacks(self) -> &'static [FontId] {
        match self {
            FontId::SansRegular | FontId::Mono => &[FontId::SerifRegular, FontId::Arabic],
            FontId::SansBold => &[FontId::SerifBold, FontId::Arabic],
            FontId::Arabic => &[FontId::SerifRegular],
            _ => &[FontId::SansRegular, FontId::Arabic],
        }
    }
}

/// The type families a page style can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Serif,
    Sans,
    Mono,
}

impl Family {
    /// The bundled family for a style's font name; unknown names fall back to the nearest kind,
    /// so that a template naming a font we do not ship still renders.
    pub fn from_name(name: &str) -> Family {
        let n = name.to_ascii_lowercase();
        if n.contains("mono") || n.contains("code") || n.contains("courier") {
            Family::Mono
        } else if n.contains("sans") || n.contains("helvetica") || n.contains("arial") {
            Family::Sans
        } else {
            Family::Serif
        }
    }

    pub fn font(self, bold: bool, italic: bool) -> FontId {
        match (self, bold, italic) {
            (Family::Mono, _, _) => FontId::Mono,
            // Source Sans ships no italic here: sans text stays upright rather than slanted
            // synthetically.
            (Family::Sans, true, _) => FontId::SansBold,
            (Family::Sans, false, _) => FontId::SansRegular,
            (Family::Serif, false, false) => FontId::SerifRegular,
            (Family::Serif, false, true) => FontId::SerifItalic,
            (Family::Serif, true, false) => FontId::SerifBold,
            (Family::Serif, true, true) => FontId::SerifBoldItalic,
        }
    }
}

/// Metrics a layout and a PDF font descriptor need, in font units.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub units_per_em: f32,
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub bbox: [i16; 4],
    pub italic_angle: f32,
}

pub struct Font {
    pub id: FontId,
    pub face: Face<'static>,
    pub metrics: Metrics,
}

impl Font {
    fn load(id: FontId) -> Font {
        // The bundled files are known good; a failure here is a build defect, caught by tests.
        let face = Face::from_slice(id.data(), 0).expect("bundled font parses");
        let bbox = face.global_bounding_box();
        let metrics = Metrics {
            units_per_em: face.units_per_em() as f32,
            ascender: face.ascender() as f32,
            descender: face.descender() as f32,
            cap_height: face.capital_height().unwrap_or(face.ascender()) as f32,
            bbox: [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max],
            italic_angle: face.italic_angle(),
        };
        Font { id, face, metrics }
    }

    pub fn has_char(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// The glyph's advance in font units (the width a PDF viewer assumes).
    pub fn advance(&self, gid: u16) -> u16 {
        self.face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0)
    }
}

/// A bundled font, parsed on first use and kept for the process: a document that never needs
/// the Arabic fallback never pays for parsing it.
pub fn font(id: FontId) -> &'static Font {
    static FONTS: [OnceLock<Font>; COUNT] = [const { OnceLock::new() }; COUNT];
    FONTS[id.index()].get_or_init(|| Font::load(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_font_parses_with_latin_greek_and_cyrillic() {
        for id in FontId::ALL.into_iter().filter(|f| !f.is_rtl()) {
            let f = font(id);
            assert!(f.metrics.units_per_em > 0.0);
            for c in ['a', 'é', '’', '—', '“'] {
                assert!(f.has_char(c), "{id:?} lacks {c}");
            }
        }
        for c in ['ب', 'ي', 'ة'] {
            assert!(font(FontId::Arabic).has_char(c), "arabic lacks {c}");
        }
        for c in ['α', 'Ω', 'ж', 'Я'] {
            assert!(font(FontId::SerifRegular).has_char(c), "serif lacks {c}");
        }
    }
}
