//! The bodies of Dossier's fuzz targets, one `pub fn NAME(data: &[u8])` per target.
//!
//! `fuzz/fuzz_targets/NAME.rs` hands libFuzzer's input to the function of the same name, and
//! `tests/replay.rs` runs every file of `fuzz/corpus/NAME/` through it as an ordinary test, so
//! CI checks the corpora without nightly (`docs/hardening.md`). Each body holds the properties
//! that must hold for *any* input, beyond "does not panic": offsets that slice the text they
//! claim to, round trips that give back what went in, and a preview with nothing executable.

pub mod html_tree;
mod inert;
pub use inert::{executable_in_html, executable_in_markdown};

use std::path::Path;
use std::sync::OnceLock;

use chrono::{NaiveDate, TimeZone, Utc};
use dossier_import::pdf::Isolation;
use dossier_model::{Edtf, PageStyle};
use dossier_render::{Context, Origin, Template};

/// The XSS vectors of `vectors/xss.md`: `(name, Markdown)`, each written for Dossier after the
/// public reports against Markdown editors (Mark Text, Zettlr, Joplin, Typora) and DOMPurify.
pub fn xss_vectors() -> Vec<(&'static str, &'static str)> {
    include_str!("../vectors/xss.md")
        .split("=== ")
        .filter(|v| !v.is_empty())
        .map(|v| v.split_once('\n').expect("a vector has a name line"))
        .collect()
}

/// A target's body: any bytes in, a panic if a property fails.
pub type Body = fn(&[u8]);

/// Every target, by name: the fuzz binaries and the replay test share this list.
pub const TARGETS: &[(&str, Body)] = &[
    ("import", import),
    ("import_pdf", import_pdf),
    ("dates", dates),
    ("edtf", edtf),
    ("project_files", project_files),
    ("template", template),
    ("preview_html", preview_html),
    ("pdf_layout", pdf_layout),
    ("html_tree", html_tree),
];

/// Text, Markdown, HTML and MHTML import (PDFs have their own target).
pub fn import(data: &[u8]) {
    let Some(name) = file_name(data) else { return };
    if matches!(
        dossier_import::detect::sniff(data, name),
        Ok(dossier_import::Kind::Pdf)
    ) {
        return;
    }
    if let Ok(x) = dossier_import::extract(data, name) {
        check_extraction(&x);
    }
}

/// The PDF text layer, parsed in process as the worker would parse it. The worker contains a
/// panic of the PDF parser by design (it runs on its own thread); what must not panic is
/// Dossier's code around it, so a panic on that thread is not a finding (see `fuzz/`'s
/// `import_pdf` for the hook that makes the distinction).
pub fn import_pdf(data: &[u8]) {
    if let Ok(x) = dossier_import::pdf::extract(data, &Isolation::InProcess) {
        check_extraction(&x);
    }
}

/// The name of the thread the PDF parser runs on in process: a panic there is contained.
pub const PDF_PARSER_THREAD: &str = "pdf";

fn file_name(data: &[u8]) -> Option<&'static str> {
    // The name is only a hint; let the first byte vary it so every hint path is reached.
    const NAMES: [&str; 5] = ["a.txt", "a.md", "a.html", "a.mhtml", "a"];
    data.first().map(|b| NAMES[usize::from(*b) % NAMES.len()])
}

fn check_extraction(x: &dossier_import::Extraction) {
    // A document without text is imported only for what else was found, and says so.
    if x.text.trim().is_empty() {
        assert!(
            x.title.is_some() || x.published.is_some() || x.outlet.is_some() || x.url.is_some(),
            "an extraction with nothing in it"
        );
        assert!(
            x.warnings.iter().any(|w| w.contains("no text was found")),
            "an extraction without text and without a warning: {:?}",
            x.warnings
        );
    }
    let mut last = 0;
    for &p in &x.pages {
        assert!(p >= last && p <= x.text.len(), "page offsets {:?}", x.pages);
        assert!(x.text.is_char_boundary(p), "page offset {p} inside a char");
        last = p;
    }
}

fn utf8(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The temporal-expression finder and the dated-sentence suggester.
pub fn dates(data: &[u8]) {
    let Some(text) = utf8(data) else { return };
    let reference = NaiveDate::from_ymd_opt(2024, 2, 29);
    for reference in [reference, None] {
        let mut last = 0;
        for e in dossier_dates::find(text, reference) {
            assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
            assert!(e.start >= last, "expressions out of order: {e:?}");
            assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()), "{e:?}");
            last = e.start;
            if let Some(v) = &e.value {
                round_trip(v);
            }
        }
    }
    for s in dossier_dates::suggest(text, reference) {
        assert_eq!(text.get(s.start..s.end), Some(s.sentence.as_str()), "{s:?}");
        let e = &s.expression;
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()), "{s:?}");
        assert!(s.score.is_finite(), "{s:?}");
        round_trip(&s.date);
    }
}

/// The EDTF parser: whatever parses prints as something that parses back to the same value.
pub fn edtf(data: &[u8]) {
    let Some(text) = utf8(data) else { return };
    if let Ok(v) = text.parse::<Edtf>() {
        round_trip(&v);
        if let (Some(a), Some(b)) = (v.earliest(), v.latest()) {
            assert!(a <= b, "{v}: earliest {a} after latest {b}");
        }
        let _ = v.human();
    }
}

fn round_trip(v: &Edtf) {
    let printed = v.to_string();
    let back: Edtf = printed
        .parse()
        .unwrap_or_else(|e| panic!("{v:?} prints as {printed:?}, which does not parse: {e}"));
    assert_eq!(&back, v, "{printed:?} parses to another value");
    assert_eq!(back.to_string(), printed);
}

/// Project files through the store's parsers: the first byte picks the kind. What loads saves
/// canonically: encoding it, decoding that and encoding again gives the same bytes.
pub fn project_files(data: &[u8]) {
    use dossier::store;
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Some(text) = utf8(rest) else { return };
    // Seeds carry the id `fuzz`, so that they pass the file-name check and reach the round trip.
    match kind % 4 {
        0 => {
            let path = Path::new("dossier.toml");
            if let Ok(c) = store::decode_config(path, text) {
                let once = store::encode_config(&c);
                let again = store::decode_config(path, &once).expect("an encoded config loads");
                assert_eq!(store::encode_config(&again), once);
            }
        }
        1 => {
            let path = Path::new("sources/fuzz.md");
            if let Ok(s) = store::decode_source(path, text) {
                let once = store::encode_source(&s);
                let again = store::decode_source(path, &once).expect("an encoded source loads");
                assert_eq!(store::encode_source(&again), once);
            }
        }
        2 => {
            let path = Path::new("excerpts/fuzz.toml");
            if let Ok(e) = store::decode_excerpt(path, text) {
                let once = store::encode_excerpt(&e);
                let again = store::decode_excerpt(path, &once).expect("an encoded excerpt loads");
                assert_eq!(store::encode_excerpt(&again), once);
            }
        }
        _ => {
            let path = Path::new("briefings/fuzz.md");
            if let Ok(b) = store::decode_briefing(path, text) {
                let once = store::encode_briefing(&b);
                let again = store::decode_briefing(path, &once).expect("an encoded briefing loads");
                assert_eq!(store::encode_briefing(&again), once);
            }
        }
    }
}

/// A hostile `briefing.md.j2` against the demo project's context: it ends, with output or an
/// error, within the engine's fuel and output limits.
pub fn template(data: &[u8]) {
    let Some(source) = utf8(data) else { return };
    let files = [
        ("template.toml".to_string(), "name = \"fuzz\"\n".to_string()),
        (dossier_render::MAIN.to_string(), source.to_string()),
    ];
    let t = Template::from_files(files.into(), Origin::Project, None, "fuzz")
        .expect("a manifest and a main file make a template");
    if let Ok(r) = dossier_render::render(&t, demo_context()) {
        assert!(r.markdown.len() <= dossier_render::MAX_OUTPUT_BYTES);
    }
}

/// The demo project's context for its briefing `main`, built once.
pub fn demo_context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo");
        let now = Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap();
        let project =
            dossier::Project::open(dossier::World::new(now), &dir).expect("samples/demo opens");
        project
            .context("main", None, None)
            .expect("the demo briefing has a context")
            .1
    })
}

/// Markdown to the HTML preview: the first line is the title, the second the banner. Nothing
/// executable survives, judged on the parsed output as a browser would parse it.
pub fn preview_html(data: &[u8]) {
    let Some(text) = utf8(data) else { return };
    let mut parts = text.splitn(3, '\n');
    let title = parts.next().unwrap_or_default();
    let banner = parts.next().unwrap_or_default();
    let markdown = parts.next().unwrap_or_default();
    let html = dossier_render::html(markdown, title, banner);
    if let Some(found) = executable_in_html(&html) {
        panic!(
            "executable content in the preview: {found}\n--- markdown:\n{markdown}\n--- html:\n{html}"
        );
    }
}

/// Markdown to PDF: any Markdown lays out and writes a PDF.
pub fn pdf_layout(data: &[u8]) {
    let Some(markdown) = utf8(data) else { return };
    let meta = dossier_pdf::DocumentMeta {
        title: markdown.lines().next().unwrap_or_default().into(),
        banner: "FUZZ".into(),
        ..Default::default()
    };
    let pdf = dossier_pdf::render(markdown, &PageStyle::default(), &meta)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(pdf.starts_with(b"%PDF-"));
}

/// The lean HTML tokenizer and tree against html5ever: on the page the bytes choose, both read
/// the same text and the same modelled elements in the same order ([`html_tree`] defines what
/// must agree and lists the accepted divergences).
pub fn html_tree(data: &[u8]) {
    let page = html_tree::page(data);
    if let Some(difference) = html_tree::divergence(&page) {
        panic!("{difference}\n--- page:\n{page}");
    }
}
