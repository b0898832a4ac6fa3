//! The running header and footer: each page's three slots (left, centre, right) from the page
//! style's templates, with `{title}`, `{banner}`, `{page}`, `{pages}` and `{date}` filled in.

use super::{Layouter, PT_PER_MM, place, runs_width};
use crate::DocumentMeta;
use crate::frame::{Color, Page, Shape};
use dossier_model::Marking;

impl Layouter<'_> {
    pub(super) fn running_heads(
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
                    // A TLP label alone in its slot: its colour on black (FIRST's TLP 2.0).
                    let tlp = match meta.banner.parse::<Marking>() {
                        Ok(Marking::Tlp(t)) if text == meta.banner => Some(t.colour()),
                        _ => None,
                    };
                    let ink = tlp.map_or(Color::Gray(0.25), |c| {
                        Color::Rgb(c.map(|v| f32::from(v) / 255.0))
                    });
                    let runs = self.runs(text, self.heading.font(bold, false), size, ink);
                    let w = runs_width(&runs);
                    let x = match k {
                        0 => left,
                        1 => (left + right - w) / 2.0,
                        _ => right - w,
                    };
                    if tlp.is_some() {
                        let pad = size * 0.4;
                        page.shapes.push(Shape::Rect {
                            x: x - pad,
                            y: y - size * 0.85,
                            w: w + 2.0 * pad,
                            h: size * 1.2,
                            fill: Color::Black,
                        });
                    }
                    page.runs.extend(place(runs, x, y));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use dossier_model::PageStyle;

    use super::*;
    use crate::fonts::{FontId, font};
    use crate::frame::GlyphRun;
    use crate::layout::layout;

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
    fn a_tlp_banner_is_its_colour_on_black() {
        let meta = DocumentMeta {
            title: "T".into(),
            banner: "TLP:AMBER".into(),
            ..DocumentMeta::default()
        };
        let style = PageStyle {
            header: ["".into(), "{banner}".into(), "".into()],
            ..PageStyle::default()
        };
        let doc = layout("text", &style, &meta);
        let page = &doc.pages[0];
        let label = page
            .runs
            .iter()
            .find(|r| r.text == "TLP:AMBER")
            .expect("the banner");
        assert_eq!(label.color, Color::Rgb([1.0, 192.0 / 255.0, 0.0]));
        assert!(
            page.shapes.iter().any(|s| matches!(
                s,
                Shape::Rect { x, y, w, fill: Color::Black, .. }
                    if *x < label.x && *y < label.y && x + w > label.x
            )),
            "a black box behind the label: {:?}",
            page.shapes
        );
    }
}
