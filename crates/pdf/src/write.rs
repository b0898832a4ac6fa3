//! The printpdf writer: the laid-out [`Document`] → PDF bytes.
//!
//! printpdf builds the document skeleton (page tree, media boxes, link annotations, document
//! information); the parts where its own path is slow or missing are done here on the lopdf
//! document it produces: content streams are encoded directly from the glyph runs and
//! compressed at a fast level on both cores, fonts are subset with `subsetter` and embedded as
//! CID fonts with a ToUnicode map, and the outline is nested. Identifiers are derived from the
//! content, never random, so equal input gives equal bytes.

use std::fmt::Write as _;
use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    Actions, BorderArray, Destination, LinkAnnotation, Mm, Op, PdfDocument, PdfPage,
    PdfSaveOptions, Pt,
};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::fonts::{FontId, font};
use crate::frame::{Color, Document, GlyphRun, LinkTarget, OutlineItem, Page, Shape};
use crate::{DocumentMeta, PdfError};

const MM_PER_PT: f32 = 25.4 / 72.0;

/// The glyphs a document uses from one font, renumbered for its subset.
struct UsedFont {
    id: FontId,
    /// Old glyph id → new glyph id (0 = unused).
    new_gid: Vec<u16>,
    /// New glyph ids in order, as old ids.
    old_gids: Vec<u16>,
    /// Text of each new glyph id, from its first use.
    text: Vec<Option<String>>,
}

pub fn write(doc: &Document, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    let fonts = collect_fonts(doc);
    let contents = encode_pages(doc, &fonts);

    let mut pdf = PdfDocument::new(&meta.title);
    let info = &mut pdf.metadata.info;
    let created = printpdf::OffsetDateTime::from_unix_timestamp(meta.created.timestamp())
        .map_err(|_| PdfError::Date)?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "Dossier".into();
    info.producer = format!("Dossier {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let pages: Vec<PdfPage> = doc
        .pages
        .iter()
        .map(|p| {
            PdfPage::new(
                Mm(doc.width * MM_PER_PT),
                Mm(doc.height * MM_PER_PT),
                link_ops(p, doc.height),
            )
        })
        .collect();
    pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = printpdf::serialize::to_lopdf_doc(&pdf, &opts, &mut warnings);
    lo.version = "1.7".into();

    let font_dict = embed_fonts(&mut lo, &fonts)?;
    let font_dict_id = lo.add_object(font_dict);
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let mut hasher = Sha256::new();
    for (page_id, content) in page_ids.iter().zip(contents) {
        hasher.update(&content);
        let (resources, contents_id) = {
            let page = lo
                .get_object(*page_id)
                .and_then(Object::as_dict)
                .map_err(lopdf_err)?;
            let resources = page
                .get(b"Resources")
                .and_then(Object::as_reference)
                .map_err(lopdf_err)?;
            let contents = page
                .get(b"Contents")
                .and_then(Object::as_reference)
                .map_err(lopdf_err)?;
            (resources, contents)
        };
        let mut dict = Dictionary::new();
        dict.set("Filter", "FlateDecode");
        lo.objects
            .insert(contents_id, Object::Stream(Stream::new(dict, content)));
        let res = lo
            .get_object_mut(resources)
            .and_then(Object::as_dict_mut)
            .map_err(lopdf_err)?;
        // Only fonts are used; printpdf's empty resource dictionaries go.
        res.remove(b"XObject");
        res.remove(b"ExtGState");
        res.remove(b"Shading");
        res.set("Font", Object::Reference(font_dict_id));
    }
    add_outline(&mut lo, &doc.outline, &page_ids, doc.height);
    tidy_info(&mut lo);
    hasher.update(meta.title.as_bytes());
    let id = hasher.finalize();
    let id = Object::String(id[..16].to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    prune_unreferenced(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(out)
}

fn lopdf_err(e: lopdf::Error) -> PdfError {
    PdfError::Write(e.to_string())
}

fn link_ops(page: &Page, height: f32) -> Vec<Op> {
    page.links
        .iter()
        .map(|l| {
            let [x0, top, x1, bottom] = l.rect;
            let rect = printpdf::Rect::from_xywh(
                Pt(x0),
                Pt(height - bottom),
                Pt(x1 - x0),
                Pt(bottom - top),
            );
            let actions = match &l.target {
                LinkTarget::Uri(u) => Actions::Uri(u.clone()),
                LinkTarget::Internal { page, y } => Actions::Goto(Destination::Xyz {
                    page: page + 1,
                    left: None,
                    top: Some(round2(height - y + 4.0)),
                    zoom: None,
                }),
            };
            Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    rect,
                    actions,
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            }
        })
        .collect()
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn collect_fonts(doc: &Document) -> Vec<UsedFont> {
    let mut used: Vec<Option<UsedFont>> = FontId::ALL.iter().map(|_| None).collect();
    let mut order: Vec<FontId> = Vec::new();
    for run in doc.pages.iter().flat_map(|p| p.runs.iter()) {
        let slot = &mut used[run.font.index()];
        let f = slot.get_or_insert_with(|| {
            order.push(run.font);
            let n = font(run.font).face.number_of_glyphs() as usize;
            UsedFont {
                id: run.font,
                new_gid: vec![0; n],
                old_gids: vec![0],
                text: vec![None],
            }
        });
        for g in &run.glyphs {
            let old = g.gid as usize;
            if old >= f.new_gid.len() {
                continue;
            }
            if f.new_gid[old] == 0 && g.gid != 0 {
                f.new_gid[old] = f.old_gids.len() as u16;
                f.old_gids.push(g.gid);
                f.text.push(None);
            }
            let new = f.new_gid[old] as usize;
            if f.text[new].is_none() && !g.inserted && g.text.0 < g.text.1 {
                f.text[new] = Some(run.text[g.text.0 as usize..g.text.1 as usize].to_string());
            }
        }
    }
    for slot in used.iter_mut().flatten() {
        // Glyphs only ever drawn as inserted hyphens still need a text for the ToUnicode map.
        for (new, old) in slot.old_gids.iter().enumerate() {
            if slot.text[new].is_none() && *old != 0 {
                let face = &font(slot.id).face;
                if face.glyph_index('-').is_some_and(|g| g.0 == *old) {
                    slot.text[new] = Some("-".into());
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|id| used[id.index()].take())
        .collect()
}

/// Resource name of a used font.
fn font_name(i: usize) -> String {
    format!("F{i}")
}

fn encode_pages(doc: &Document, fonts: &[UsedFont]) -> Vec<Vec<u8>> {
    let mut index = [usize::MAX; crate::fonts::COUNT];
    for (i, f) in fonts.iter().enumerate() {
        index[f.id.index()] = i;
    }
    // Pages are independent: encode and compress them on every core, in page order.
    doc.pages
        .par_iter()
        .map(|p| compress(&content(p, doc.height, fonts, &index)))
        .collect()
}

fn compress(data: &[u8]) -> Vec<u8> {
    let mut e = ZlibEncoder::new(Vec::with_capacity(data.len() / 3), Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Appends a number with at most two decimals.
fn num(out: &mut Vec<u8>, v: f32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let scaled = (v as f64 * 100.0).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let _ = write!(out, "{}", a / 100);
    let frac = a % 100;
    if frac != 0 {
        if frac.is_multiple_of(10) {
            let _ = write!(out, ".{}", frac / 10);
        } else {
            let _ = write!(out, ".{frac:02}");
        }
    }
}

fn color(out: &mut Vec<u8>, c: Color, stroke: bool) {
    let (rgb, gray) = match c {
        Color::Black => (None, 0.0),
        Color::Gray(g) => (None, g),
        Color::Link => (Some([0.05, 0.2, 0.55]), 0.0),
        Color::Rgb(rgb) => (Some(rgb), 0.0),
    };
    match rgb {
        Some([r, g, b]) => {
            for v in [r, g, b] {
                num(out, v);
                out.push(b' ');
            }
            out.extend_from_slice(if stroke { b"RG\n" } else { b"rg\n" });
        }
        None => {
            num(out, gray);
            out.extend_from_slice(if stroke { b" G\n" } else { b" g\n" });
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex16(out: &mut Vec<u8>, v: u16) {
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((v >> shift) & 0xF) as usize]);
    }
}

fn content(
    page: &Page,
    height: f32,
    fonts: &[UsedFont],
    index: &[usize; crate::fonts::COUNT],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * 1024);
    for shape in &page.shapes {
        match *shape {
            Shape::Rect { x, y, w, h, fill } => {
                color(&mut out, fill, false);
                for v in [x, height - y - h, w, h] {
                    num(&mut out, v);
                    out.push(b' ');
                }
                out.extend_from_slice(b"re f\n");
            }
            Shape::Line {
                from,
                to,
                width,
                color: c,
            } => {
                color(&mut out, c, true);
                num(&mut out, width);
                out.extend_from_slice(b" w ");
                for (v, op) in [(from, b" m "), (to, b" l ")] {
                    num(&mut out, v.0);
                    out.push(b' ');
                    num(&mut out, height - v.1);
                    out.extend_from_slice(op);
                }
                out.extend_from_slice(b"S\n");
            }
        }
    }
    if page.runs.is_empty() {
        return out;
    }
    out.extend_from_slice(b"BT\n");
    let mut state: Option<(FontId, f32)> = None;
    let mut fill = Color::Black;
    out.extend_from_slice(b"0 g\n");
    for run in &page.runs {
        if run.glyphs.is_empty() {
            continue;
        }
        let fi = index[run.font.index()];
        let Some(used) = fonts.get(fi) else { continue };
        if state != Some((run.font, run.size)) {
            out.push(b'/');
            out.extend_from_slice(font_name(fi).as_bytes());
            out.push(b' ');
            num(&mut out, run.size);
            out.extend_from_slice(b" Tf\n");
            state = Some((run.font, run.size));
        }
        if fill != run.color {
            color(&mut out, run.color, false);
            fill = run.color;
        }
        out.extend_from_slice(b"1 0 0 1 ");
        num(&mut out, run.x);
        out.push(b' ');
        num(&mut out, height - run.y);
        out.extend_from_slice(b" Tm\n");
        glyphs(&mut out, run, used);
    }
    out.extend_from_slice(b"ET\n");
    out
}

/// The run's glyphs as `TJ`, with offsets wherever the laid-out advance differs from the
/// font's own (kerning, justification); inserted hyphens are marked as standing for no text.
fn glyphs(out: &mut Vec<u8>, run: &GlyphRun, used: &UsedFont) {
    let f = font(run.font);
    let scale = run.size / f.metrics.units_per_em;
    let mut open_array = false;
    let mut open_string = false;
    for g in &run.glyphs {
        let (dx, dy) = g.offset;
        if !g.inserted && (dx.abs() > 0.001 || dy.abs() > 0.001) {
            // A positioned mark: move the pen (and raise the text) for this glyph alone.
            if !open_array {
                out.push(b'[');
                open_array = true;
            }
            if open_string {
                out.push(b'>');
                open_string = false;
            }
            num(out, -dx * 1000.0 / run.size);
            if dy.abs() > 0.001 {
                out.extend_from_slice(b"] TJ ");
                num(out, dy);
                out.extend_from_slice(b" Ts [");
            }
            out.push(b'<');
            hex16(out, used.new_gid.get(g.gid as usize).copied().unwrap_or(0));
            out.push(b'>');
            let natural = f.advance(g.gid) as f32 * scale;
            num(out, -(g.advance - natural - dx) * 1000.0 / run.size);
            if dy.abs() > 0.001 {
                out.extend_from_slice(b"] TJ 0 Ts [");
            }
            continue;
        }
        if g.inserted {
            if open_string {
                out.push(b'>');
                open_string = false;
            }
            if open_array {
                out.extend_from_slice(b"] TJ\n");
                open_array = false;
            }
            out.extend_from_slice(b"/Span <</ActualText <FEFF00AD>>> BDC [");
        } else if !open_array {
            out.push(b'[');
            open_array = true;
        }
        if !open_string {
            out.push(b'<');
            open_string = true;
        }
        let new = used.new_gid.get(g.gid as usize).copied().unwrap_or(0);
        hex16(out, new);
        let natural = f.advance(g.gid) as f32 * scale;
        let delta = g.advance - natural;
        if g.inserted {
            out.extend_from_slice(b">] TJ EMC\n");
            open_string = false;
            continue;
        }
        if delta.abs() > 0.001 {
            out.push(b'>');
            open_string = false;
            num(out, -delta * 1000.0 / run.size);
        }
    }
    if open_string {
        out.push(b'>');
    }
    if open_array {
        out.extend_from_slice(b"] TJ\n");
    }
}

/// Subsets and embeds each used font; returns the page font dictionary.
fn embed_fonts(lo: &mut lopdf::Document, fonts: &[UsedFont]) -> Result<Dictionary, PdfError> {
    let mut dict = Dictionary::new();
    for (i, used) in fonts.iter().enumerate() {
        let f = font(used.id);
        let mut remapper = subsetter::GlyphRemapper::new();
        for &old in &used.old_gids {
            remapper.remap(old);
        }
        let subset = subsetter::subset(used.id.data(), 0, &remapper)
            .map_err(|e| PdfError::Font(format!("{}: {e}", used.id.postscript_name())))?;
        // The subset tag names the glyph set, so equal documents get equal names.
        let digest = Sha256::digest(
            used.old_gids
                .iter()
                .flat_map(|g| g.to_be_bytes())
                .collect::<Vec<u8>>(),
        );
        let tag: String = digest
            .iter()
            .take(6)
            .map(|b| (b'A' + b % 26) as char)
            .collect();
        let base_font = format!("{tag}+{}", used.id.postscript_name());
        let m = f.metrics;
        let k = 1000.0 / m.units_per_em;
        let mut file = Dictionary::new();
        file.set("Filter", "FlateDecode");
        file.set("Length1", subset.len() as i64);
        let file_id = lo.add_object(Stream::new(file, compress(&subset)));
        let flags =
            4 | if used.id.is_serif() { 2 } else { 0 } | if used.id.is_italic() { 64 } else { 0 };
        let descriptor = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"FontDescriptor".to_vec())),
            ("FontName", Object::Name(base_font.clone().into_bytes())),
            ("Flags", Object::Integer(flags)),
            (
                "FontBBox",
                Object::Array(
                    m.bbox
                        .iter()
                        .map(|v| Object::Integer((*v as f32 * k).round() as i64))
                        .collect(),
                ),
            ),
            ("ItalicAngle", Object::Real(m.italic_angle)),
            ("Ascent", Object::Integer((m.ascender * k).round() as i64)),
            ("Descent", Object::Integer((m.descender * k).round() as i64)),
            (
                "CapHeight",
                Object::Integer((m.cap_height * k).round() as i64),
            ),
            ("StemV", Object::Integer(80)),
            ("FontFile2", Object::Reference(file_id)),
        ]);
        let descriptor_id = lo.add_object(descriptor);
        let widths: Vec<Object> = used
            .old_gids
            .iter()
            .map(|&g| Object::Integer((f.advance(g) as f32 * k).round() as i64))
            .collect();
        let cid = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
            ("BaseFont", Object::Name(base_font.clone().into_bytes())),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Registry", Object::string_literal("Adobe")),
                    ("Ordering", Object::string_literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("FontDescriptor", Object::Reference(descriptor_id)),
            ("DW", Object::Integer(0)),
            (
                "W",
                Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
            ),
            ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
        ]);
        let cid_id = lo.add_object(cid);
        let cmap = to_unicode(&used.text);
        let cmap_id = lo.add_object(Stream::new(
            Dictionary::from_iter(vec![("Filter", Object::Name(b"FlateDecode".to_vec()))]),
            compress(cmap.as_bytes()),
        ));
        let type0 = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("BaseFont", Object::Name(base_font.into_bytes())),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            (
                "DescendantFonts",
                Object::Array(vec![Object::Reference(cid_id)]),
            ),
            ("ToUnicode", Object::Reference(cmap_id)),
        ]);
        let id = lo.add_object(type0);
        dict.set(font_name(i), Object::Reference(id));
    }
    Ok(dict)
}

fn to_unicode(texts: &[Option<String>]) -> String {
    let entries: Vec<(usize, &str)> = texts
        .iter()
        .enumerate()
        .filter_map(|(gid, t)| t.as_deref().map(|t| (gid, t)))
        .collect();
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (gid, text) in chunk {
            let _ = write!(s, "<{gid:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(s, "{unit:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// Replaces printpdf's flat outline with the nested one from the headings.
fn add_outline(lo: &mut lopdf::Document, outline: &[OutlineItem], pages: &[ObjectId], height: f32) {
    if outline.is_empty() {
        return;
    }
    let root = lo.new_object_id();
    let (first, last, count) = outline_level(lo, outline, root, pages, height);
    lo.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(first)),
            ("Last", Object::Reference(last)),
            ("Count", Object::Integer(count)),
        ])),
    );
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}

/// Writes one level of outline items under `parent`; returns first, last and the count of
/// all (open) descendants.
fn outline_level(
    lo: &mut lopdf::Document,
    items: &[OutlineItem],
    parent: ObjectId,
    pages: &[ObjectId],
    height: f32,
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = items.iter().map(|_| lo.new_object_id()).collect();
    let mut count = items.len() as i64;
    for (i, item) in items.iter().enumerate() {
        let page = pages.get(item.page).copied().unwrap_or(pages[0]);
        let mut d = Dictionary::from_iter(vec![
            ("Title", text_string(&item.title)),
            ("Parent", Object::Reference(parent)),
            (
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(round2(height - item.y + 4.0)),
                    Object::Null,
                ]),
            ),
        ]);
        if i > 0 {
            d.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < ids.len() {
            d.set("Next", Object::Reference(ids[i + 1]));
        }
        if !item.children.is_empty() {
            let (f, l, c) = outline_level(lo, &item.children, ids[i], pages, height);
            d.set("First", Object::Reference(f));
            d.set("Last", Object::Reference(l));
            d.set("Count", Object::Integer(c));
            count += c;
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    (ids[0], ids[ids.len() - 1], count)
}

/// A PDF text string: PDFDocEncoding would do for ASCII, UTF-16 for the rest.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::string_literal(s);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Drops printpdf's document information entries that claim what this file is not.
fn tidy_info(lo: &mut lopdf::Document) {
    let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(d) = lo.get_object_mut(info).and_then(Object::as_dict_mut) {
        for key in [b"GTS_PDFXVersion".as_slice(), b"Identifier", b"Trapped"] {
            d.remove(key);
        }
        let empty: Vec<Vec<u8>> = d
            .iter()
            .filter(|(_, v)| matches!(v, Object::String(s, _) if s.is_empty()))
            .map(|(k, _)| k.clone())
            .collect();
        for k in empty {
            d.remove(&k);
        }
    }
}

/// Removes objects nothing refers to (printpdf's unused resource dictionaries).
fn prune_unreferenced(lo: &mut lopdf::Document) {
    lo.prune_objects();
    lo.renumber_objects();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f32) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.5), "1.5");
        assert_eq!(n(-0.125), "-0.13");
        assert_eq!(n(841.89), "841.89");
        assert_eq!(n(0.004), "0");
        assert_eq!(n(f32::NAN), "0");
    }

    #[test]
    fn to_unicode_maps_ligatures_to_all_their_letters() {
        let cmap = to_unicode(&[None, Some("fi".into()), Some("’".into())]);
        assert!(cmap.contains("<0001> <00660069>"), "{cmap}");
        assert!(cmap.contains("<0002> <2019>"), "{cmap}");
    }
}
