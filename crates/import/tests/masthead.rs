//! The header of clipped text: a masthead above the site's navigation names the outlet, and the
//! navigation line is never the headline. Invented pages, one `check` per case.

use dossier_import::extract;

/// Extracts `text` and compares (title, outlet) with what is expected.
fn check(text: &str, title: &str, outlet: Option<&str>) {
    let x = extract(text.as_bytes(), "page.txt").expect("imports");
    let got_title = x.title.as_ref().map(|t| t.value.as_str());
    let got_outlet = x.outlet.as_ref().map(|o| o.value.as_str());
    assert_eq!(
        (got_title, got_outlet),
        (Some(title), outlet),
        "for:\n{text}"
    );
}

const BODY: &str = "PORTVILLE, May 3 (Tidewire) - Harbour pilots refused to guide tankers into the \
    outer basin on Tuesday after a second collision in a week, the port authority said.";

#[test]
fn regression_a_menu_with_a_two_word_item_is_not_the_headline() {
    // "Top stories | Markets | Region": counting the bars as words made it prose-like.
    check(
        &format!(
            "TIDEWIRE\nTop stories | Markets | Region\n\nPilots halt tanker traffic\n\n{BODY}\n"
        ),
        "Pilots halt tanker traffic",
        Some("Tidewire"),
    );
}

#[test]
fn a_name_with_small_words_above_the_menu_is_the_outlet() {
    check(
        &format!(
            "Voice of the Delta\nLive radio | News | Podcasts\n\nPilots halt tanker traffic\n\n{BODY}\n"
        ),
        "Pilots halt tanker traffic",
        Some("Voice of the Delta"),
    );
}

#[test]
fn a_kicker_without_a_menu_is_not_an_outlet() {
    // Two title lines and no navigation: the first is a kicker, not a masthead.
    check(
        &format!("Port Safety\nPilots halt tanker traffic\n\n{BODY}\n"),
        "Pilots halt tanker traffic",
        None,
    );
}

#[test]
fn a_sentence_above_a_menu_is_not_an_outlet() {
    check(
        &format!(
            "Read our coverage of the strike.\nNews | Opinion | Sport\n\nPilots halt tanker traffic\n\n{BODY}\n"
        ),
        "Pilots halt tanker traffic",
        None,
    );
}
