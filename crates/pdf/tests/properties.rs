//! Properties of layout over arbitrary text: no panic, every character of the source kept in
//! order, no line wider than the measure unless a single unbreakable word is.

mod support;

use proptest::prelude::*;

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

fn page_text(doc: &dossier_pdf::frame::Document) -> String {
    let top = 60.0;
    let bottom = doc.height - 60.0;
    let mut out = String::new();
    for page in &doc.pages {
        for run in page.runs.iter().filter(|r| r.y > top && r.y < bottom) {
            out.push_str(&run.text);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn paragraph_text_survives_layout(words in prop::collection::vec("[a-zA-Zéü’“”—–]{1,14}", 1..120), justify: bool) {
        let text = words.join(" ");
        let style = dossier_model::PageStyle { justify, ..Default::default() };
        let doc = dossier_pdf::lay_out(&text, &style, &support::meta()).unwrap();
        prop_assert_eq!(squash(&page_text(&doc)), squash(&text));
    }

    #[test]
    fn any_input_renders(md in "\\PC{0,400}") {
        let pdf = support::render(&md);
        prop_assert!(lopdf::Document::load_mem(&pdf).is_ok());
    }
}
