use super::*;

fn term(t: &str, fuzzy: u8) -> Matcher {
    Matcher::Term {
        fields: None,
        term: analyzer::terms(t)[0].text.clone(),
        fuzzy,
    }
}

fn phrase(p: &str) -> Matcher {
    Matcher::Phrase {
        fields: None,
        terms: analyzer::terms(p).into_iter().map(|t| t.text).collect(),
    }
}

/// The snippet with its highlights in [brackets], and its field.
fn check(fields: &[(&'static str, &str)], matchers: &[Matcher], expected: (&str, &str)) {
    let fields: Vec<_> = fields.iter().map(|&(n, t)| (n, t, 1.0)).collect();
    let s = best(&fields, matchers);
    let mut shown = s.text.clone();
    for [a, b] in s.highlights.iter().rev() {
        shown.insert(*b, ']');
        shown.insert(*a, '[');
    }
    assert_eq!((s.field, shown.as_str()), expected);
    // The range is the match in the field's own text.
    let text = fields.iter().find(|f| f.0 == s.field).unwrap().1;
    assert!(text.get(s.range[0]..s.range[1]).is_some(), "{:?}", s.range);
}

#[test]
fn the_snippet_is_centred_on_the_match_not_on_the_first_word() {
    let long = format!(
        "{} government forces advanced on Idlib. {} The Quds Force commander arrived. {}",
        "Filler words here. ".repeat(12),
        "More filler now. ".repeat(12),
        "Tail text. ".repeat(12)
    );
    let fields = [("text", long.as_str())];
    let s = best(
        &[("text", &long, 1.0)],
        &[term("quds", 0), term("force", 1)],
    );
    assert!(s.text.contains("The Quds Force commander"), "{}", s.text);
    assert_eq!(&long[s.range[0]..s.range[1]], "Quds Force");
    let _ = fields;
}

#[test]
fn stems_and_names_are_highlighted_where_they_are() {
    check(
        &[("text", "Residents started evacuating on Monday.")],
        &[term("evacuate", 2)],
        ("text", "Residents started [evacuating] on Monday."),
    );
    check(
        &[("title", "Soleimani"), ("text", "General Soleimani said.")],
        &[term("Suleimani", 2)],
        ("title", "[Soleimani]"),
    );
}

#[test]
fn a_phrase_outweighs_its_words_apart() {
    check(
        &[
            ("summary", "the road came to an end"),
            ("quote", "It is the end of the road for them."),
        ],
        &[phrase("end of the road")],
        ("quote", "It is the [end] [of] [the] [road] for them."),
    );
}

#[test]
fn white_space_runs_are_one_space_and_cuts_are_marked() {
    let text = format!(
        "{}\n\n  needle \t here{}",
        "a ".repeat(200),
        " b".repeat(200)
    );
    let s = best(&[("text", &text, 1.0)], &[term("needle", 0)]);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert!(s.text.contains("a needle here b"), "{}", s.text);
    let [a, b] = s.highlights[0];
    assert_eq!(&s.text[a..b], "needle");
}

#[test]
fn without_a_match_the_first_field_that_has_text() {
    check(
        &[("title", ""), ("text", "Plain text.")],
        &[],
        ("text", "Plain text."),
    );
}

#[test]
fn cuts_fall_on_character_boundaries() {
    let text = format!("{} needle {}", "é ".repeat(100), "ü ".repeat(100));
    let s = best(&[("text", &text, 1.0)], &[term("needle", 0)]);
    assert!(s.text.contains("needle"));
}

#[test]
fn edit_distance_counts_swaps_as_one() {
    assert!(within("soleimani", "suleimani", 1));
    assert!(within("qasem", "qassem", 1));
    assert!(within("abcd", "abdc", 1));
    assert!(!within("abcd", "dcba", 2));
    assert!(!within("tehran", "teheran", 0));
}

#[test]
fn a_rare_word_places_the_snippet_before_a_common_one() {
    let text = format!(
        "Government forces held Idlib. {} Other forces came. {} The leader of the Quds unit spoke.",
        "Filler words. ".repeat(10),
        "More filler. ".repeat(10)
    );
    let s = best(
        &[("text", &text, 1.0)],
        &[term("Quds", 0), term("force", 0)],
    );
    assert_eq!(&text[s.range[0]..s.range[1]], "Quds");
}
