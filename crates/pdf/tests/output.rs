//! The PDF as readers see it: text in reading order, fonts embedded and subset, a valid file,
//! identical bytes for identical input, a stable page count.

mod support;

use std::process::Command;

use support::{KITCHEN_SINK, body_text, meta, render, run, scratch, squash, tool};

#[test]
fn identical_input_gives_identical_bytes_also_twice_in_one_process() {
    let a = render(KITCHEN_SINK);
    let b = render(KITCHEN_SINK);
    assert!(a == b, "two renderings differ");
    let mut other = meta();
    other.title = "Another".into();
    let c = dossier_pdf::render(KITCHEN_SINK, &Default::default(), &other).unwrap();
    assert!(a != c, "the title is part of the file");
}

#[test]
fn metadata_comes_from_the_caller() {
    let pdf = render(KITCHEN_SINK);
    let doc = lopdf::Document::load_mem(&pdf).expect("parses");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("info");
    let text = |k: &[u8]| {
        let s = info.get(k).and_then(lopdf::Object::as_str).expect("entry");
        lopdf::decode_text_string(&lopdf::Object::String(
            s.to_vec(),
            lopdf::StringFormat::Literal,
        ))
        .expect("text")
    };
    assert_eq!(text(b"Title"), "Test Briefing");
    assert_eq!(text(b"Author"), "Analyst");
    assert_eq!(text(b"Subject"), "Tests");
    assert!(
        text(b"CreationDate").starts_with("D:20260102030405"),
        "{}",
        text(b"CreationDate")
    );
}

#[test]
fn outline_nests_headings_and_links_point_inside() {
    let pdf = render(KITCHEN_SINK);
    let doc = lopdf::Document::load_mem(&pdf).expect("parses");
    let outlines = doc
        .catalog()
        .and_then(|c| c.get(b"Outlines"))
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("outline");
    // One top-level entry (the H1) holding the H2s.
    let first = outlines
        .get(b"First")
        .and_then(lopdf::Object::as_reference)
        .unwrap();
    let last = outlines
        .get(b"Last")
        .and_then(lopdf::Object::as_reference)
        .unwrap();
    assert_eq!(first, last, "one root heading");
    let root = doc.get_dictionary(first).unwrap();
    assert_eq!(
        root.get(b"Count").and_then(lopdf::Object::as_i64).unwrap(),
        4,
        "Key judgments, Chronology, Sources, Notes"
    );
    // Internal links: two note references and two back links.
    // printpdf writes link annotations inline in each page's /Annots.
    let internal = doc
        .get_pages()
        .values()
        .filter_map(|id| doc.get_dictionary(*id).ok())
        .filter_map(|page| page.get(b"Annots").and_then(lopdf::Object::as_array).ok())
        .flatten()
        .filter_map(|a| a.as_dict().ok())
        .filter(|d| {
            d.get(b"A")
                .and_then(lopdf::Object::as_dict)
                .and_then(|a| a.get(b"S"))
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|s| s == b"GoTo")
        })
        .count();
    assert_eq!(internal, 4);
}

#[test]
fn page_count_is_stable() {
    // A deterministic long document: its page count is pinned, so layout changes that move
    // it are seen and reviewed.
    let mut md = String::from("# Stability\n\n");
    for i in 0..120 {
        md.push_str(&format!(
            "### Entry {i}\n\n> “Officials affirmed that the conflict over fluid timelines was \
             difficult yet fixable; diplomats offered specific assurances.”\n\nSource: *Outlet {i}*, \
             Wien — <https://example.org/{i}>\n\n"
        ));
    }
    let doc = dossier_pdf::lay_out(&md, &Default::default(), &meta()).unwrap();
    assert_eq!(doc.pages.len(), 15);
}

#[test]
fn pdftotext_reads_every_word_in_order_with_typographic_punctuation() {
    if !tool("pdftotext_reads_every_word", "pdftotext") {
        return;
    }
    let path = scratch("sink.pdf", &render(KITCHEN_SINK));
    let text = body_text(&path);
    for s in [
        "“tightened”",
        "3 June — shipping",
        "coast guard’s ‘inspection regime’",
        "55–80 %",
        "Αθήνα, Москва",
        "code keeps its spacing",
    ] {
        assert!(
            squash(&text).contains(&squash(s)),
            "{s:?} missing in:\n{text}"
        );
    }
    let expected = "Kessen Strait: weekly briefing BLUF. The blockade “tightened” on 3 June — shipping fell by a third1, and the coast guard’s ‘inspection regime’ now covers every vessel over 500 t. See the source list and excerpt 12.";
    assert!(squash(&text).starts_with(&squash(expected)), "{text}");
}

#[test]
fn the_seed_articles_read_back_word_for_word() {
    let Some(seeds) = dossier_testkit::seeds("the_seed_articles_read_back_word_for_word") else {
        return;
    };
    if !tool("the_seed_articles_read_back_word_for_word", "pdftotext") {
        return;
    }
    let mut md = String::new();
    let mut expected = String::new();
    for (path, bytes) in &seeds {
        let text = String::from_utf8_lossy(bytes);
        md.push_str(&format!(
            "## {}\n\n",
            path.file_stem().unwrap().to_string_lossy()
        ));
        expected.push_str(&path.file_stem().unwrap().to_string_lossy());
        for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            // Every ASCII punctuation character escaped: the article is literal text.
            let escaped: String = para
                .trim()
                .chars()
                .flat_map(|c| {
                    let esc = c.is_ascii_punctuation().then_some('\\');
                    esc.into_iter().chain(std::iter::once(c))
                })
                .collect();
            md.push_str(&escaped);
            md.push_str("\n\n");
            expected.push_str(para);
        }
    }
    let path = scratch("seeds.pdf", &render(&md));
    let got = squash(&body_text(&path));
    let want = squash(&expected);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let ctx = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(40))
                .take(80)
                .collect::<String>()
        };
        panic!(
            "reading order differs at char {at}:\n pdf:  {}\n text: {}",
            ctx(&got),
            ctx(&want)
        );
    }
}

#[test]
fn every_font_is_embedded_and_subset_with_unicode() {
    if !tool("every_font_is_embedded_and_subset", "pdffonts") {
        return;
    }
    let path = scratch("fonts.pdf", &render(KITCHEN_SINK));
    let out = run(Command::new("pdffonts").arg(&path));
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(
        rows.len() >= 5,
        "serif regular/bold/italic, sans, mono:\n{out}"
    );
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb sub uni: {row}"
        );
        assert!(cols[0].as_bytes()[6] == b'+', "subset tag: {row}");
    }
}

#[test]
fn qpdf_finds_no_errors() {
    if !tool("qpdf_finds_no_errors", "qpdf") {
        return;
    }
    let path = scratch("check.pdf", &render(KITCHEN_SINK));
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("No syntax or stream encoding errors"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The words of a text: letters and digits, in order.
fn words(s: &str) -> Vec<String> {
    // A word hyphenated at a line's end is one word.
    let mut joined = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{ad}' {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        } else {
            joined.push(c);
        }
    }
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_demo_briefing_reads_back_in_order() {
    if !tool("the_demo_briefing_reads_back_in_order", "pdftotext") {
        return;
    }
    // The intsum briefing of the render crate's demo project, as its reviewed snapshot holds it.
    let snap = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../render/tests/snapshots/builtins__demo-intsum.md.snap"
    ))
    .expect("render snapshot");
    let md = snap
        .splitn(3, "---\n")
        .nth(2)
        .expect("insta header")
        .to_string();
    let path = scratch("demo.pdf", &render(&md));
    let text = run(Command::new("pdftotext")
        .args([
            "-enc", "UTF-8", "-layout", "-x", "0", "-y", "60", "-W", "596", "-H", "722",
        ])
        .arg(&path)
        .arg("-"));
    let got = words(&text);
    // Body text (footnote definitions move to the end as endnotes) must come in order.
    // Table cells that wrap interleave in any extraction, so their words are only looked up.
    let (mut body, mut notes, mut cells) = (String::new(), String::new(), String::new());
    let (mut in_note, mut in_table) = (false, false);
    for e in dossier_markdown::events(&md) {
        use dossier_markdown::{CmarkEvent as C, Event, Tag, TagEnd};
        match e {
            Event::Cmark(C::Start(Tag::FootnoteDefinition(_))) => in_note = true,
            Event::Cmark(C::End(TagEnd::FootnoteDefinition)) => in_note = false,
            Event::Cmark(C::Start(Tag::Table(_))) => in_table = true,
            Event::Cmark(C::End(TagEnd::Table)) => in_table = false,
            Event::Cmark(C::Text(t) | C::Code(t)) => {
                let out = if in_note {
                    &mut notes
                } else if in_table {
                    &mut cells
                } else {
                    &mut body
                };
                out.push_str(&t);
                out.push(' ');
            }
            _ => {}
        }
    }
    // A note reference's number is glued to the word before it.
    let same = |g: &String, w: &String| {
        g == w
            || g.strip_prefix(w.as_str())
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    };
    for w in words(&cells) {
        assert!(
            got.iter().any(|g| same(g, &w)),
            "table word {w:?} missing:\n{text}"
        );
    }
    for (part, expected) in [("body", words(&body)), ("notes", words(&notes))] {
        let mut it = got.iter();
        for (i, w) in expected.iter().enumerate() {
            assert!(
                it.any(|g| same(g, w)),
                "{part}: word {i} {w:?} missing or out of order; expected around: {:?}\n{text}",
                &expected[i.saturating_sub(5)..(i + 5).min(expected.len())]
            );
        }
    }
}

#[test]
fn arabic_names_read_back_in_logical_order() {
    if !tool("arabic_names_read_back_in_logical_order", "pdftotext") {
        return;
    }
    let path = scratch(
        "arabic.pdf",
        &render("Foreign minister محمد جواد ظريف said so; Αθήνα and Москва agreed.\n"),
    );
    let text = body_text(&path);
    // pdftotext marks the embedded right-to-left stretch with directional formatting characters.
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
        .collect();
    assert!(clean.contains("محمد جواد ظريف"), "{clean}");
    assert!(clean.contains("Αθήνα and Москва"), "{clean}");
    let fonts = run(Command::new("pdffonts").arg(&path));
    assert!(fonts.contains("NotoNaskhArabic-Regular"), "{fonts}");
}
