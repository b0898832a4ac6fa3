//! Page breaking: table headers repeat, headings stay with what follows, no widows or orphans.

mod support;

use dossier_pdf::fonts::FontId;
use dossier_pdf::frame::{Document, GlyphRun};
use support::meta;

fn lay_out(md: &str) -> Document {
    dossier_pdf::lay_out(md, &Default::default(), &meta()).expect("lays out")
}

/// Body runs of a page (running heads excluded), grouped into lines by baseline, top down.
fn lines(doc: &Document, page: usize) -> Vec<Vec<&GlyphRun>> {
    let top = 25.0 * 72.0 / 25.4;
    let bottom = doc.height - top;
    let mut runs: Vec<&GlyphRun> = doc.pages[page]
        .runs
        .iter()
        .filter(|r| r.y > top && r.y < bottom + 1.0)
        .collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Vec<&GlyphRun>> = Vec::new();
    for r in runs {
        match out.last_mut() {
            Some(line) if (line[0].y - r.y).abs() < 3.0 => line.push(r),
            _ => out.push(vec![r]),
        }
    }
    out
}

fn text(line: &[&GlyphRun]) -> String {
    line.iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let mut md = String::from("| Date | Event |\n|---|---|\n");
    for i in 0..150 {
        md.push_str(&format!(
            "| 2015-06-{:02} | Event number {i} in the strait |\n",
            i % 28 + 1
        ));
    }
    let doc = lay_out(&md);
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    for p in 0..doc.pages.len() {
        let first = text(&lines(&doc, p)[0]);
        assert!(
            first.starts_with("Date") && first.contains("Event"),
            "page {}: {first:?}",
            p + 1
        );
    }
}

#[test]
fn no_heading_ends_a_page_and_no_paragraph_leaves_one_line_behind() {
    let mut md = String::new();
    for i in 0..80 {
        md.push_str(&format!(
            "## Entry {i}\n\n{}\n\n",
            "Officials affirmed that the conflict over fluid timelines was difficult yet fixable; \
             diplomats offered specific assurances, while sceptics flagged inefficient verification. "
                .repeat(1 + i % 4)
        ));
    }
    let doc = lay_out(&md);
    assert!(doc.pages.len() > 5);
    for p in 0..doc.pages.len() {
        let ls = lines(&doc, p);
        let last = ls.last().unwrap();
        assert!(
            last[0].font != FontId::SansBold,
            "page {} ends with heading {:?}",
            p + 1,
            text(last)
        );
        // The line before the last is a heading only if the last is more than a single orphan:
        // a paragraph's first line never stands alone at a page's foot.
        if ls.len() >= 2 && p + 1 < doc.pages.len() {
            let next_first = &lines(&doc, p + 1)[0];
            let before_last = &ls[ls.len() - 2];
            assert!(
                !(before_last[0].font == FontId::SansBold
                    && next_first[0].font != FontId::SansBold),
                "page {}: an orphan line {:?} after heading {:?}",
                p + 1,
                text(last),
                text(before_last)
            );
        }
    }
}
