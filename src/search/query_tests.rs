use proptest::prelude::*;

use super::*;

/// The tree in a compact form: words bare, phrases quoted, `field:`, `-` for NOT,
/// `(a b)` for AND, `[a | b]` for OR.
fn show(n: &Node) -> String {
    let field = |f: &Option<Field>| f.map_or(String::new(), |f| format!("{f:?}:").to_lowercase());
    match n {
        Node::Word(f, w) => format!("{}{w}", field(f)),
        Node::Phrase(f, p) => format!("{}\"{p}\"", field(f)),
        Node::And(ns) => format!("({})", ns.iter().map(show).collect::<Vec<_>>().join(" ")),
        Node::Or(ns) => format!("[{}]", ns.iter().map(show).collect::<Vec<_>>().join(" | ")),
        Node::Not(n) => format!("-{}", show(n)),
    }
}

fn check(query: &str, expected: &str, warnings: usize) {
    let q = parse(query);
    let got = q.node.as_ref().map_or(String::new(), show);
    assert_eq!(got, expected, "{query:?}");
    assert_eq!(q.warnings.len(), warnings, "{query:?}: {:?}", q.warnings);
}

#[test]
fn words_are_all_required() {
    check("harbour convoy", "(harbour convoy)", 0);
    check("harbour AND convoy", "(harbour convoy)", 0);
    check("  single  ", "single", 0);
    check("", "", 0);
}

#[test]
fn or_is_an_operator_only_in_capitals() {
    check("Iran OR Iraq", "[Iran | Iraq]", 0);
    check("Iran or Iraq", "(Iran or Iraq)", 0);
    check("a b OR c", "[(a b) | c]", 0);
}

#[test]
fn not_and_minus_exclude() {
    check("strike -drill", "(strike -drill)", 0);
    check("strike NOT drill", "(strike -drill)", 0);
    check("NOT (a OR b) c", "(-[a | b] c)", 0);
    // A hyphen inside a word is part of it; a lone one is a word.
    check("al-Quds", "al-Quds", 0);
    check("+must", "must", 0);
}

#[test]
fn phrases_keep_their_words_together() {
    check("\"end of the road\"", "\"end of the road\"", 0);
    check("“end of the road” Iran", "(\"end of the road\" Iran)", 0);
    check("-\"a b\"", "-\"a b\"", 0);
}

#[test]
fn fields_limit_a_word_or_a_phrase() {
    check("outlet:Reuters", "outlet:Reuters", 0);
    check(
        "author:\"Jane Roe\" date:2015-06",
        "(author:\"Jane Roe\" date:2015-06)",
        0,
    );
    check("Tag:place", "tag:place", 0);
    // Not a field: a tag as written.
    check("place:Port", "place:Port", 0);
}

#[test]
fn parentheses_group() {
    check("(a OR b) (c OR d)", "([a | b] [c | d])", 0);
    check("((a))", "a", 0);
}

#[test]
fn malformed_queries_are_repaired_with_a_warning() {
    check("\"end of the", "\"end of the\"", 1);
    check("a AND", "a", 1);
    check("OR a", "a", 1);
    check("a OR", "a", 1);
    check("(a b", "(a b)", 1);
    check("a b)", "(a b)", 1);
    check("NOT", "", 1);
    check("()", "", 1);
    check("outlet:", "outlet", 1);
    check(&"(".repeat(100), "", 1 + 32);
}

proptest! {
    /// Any string parses without a panic, into a tree or nothing.
    #[test]
    fn any_string_parses(query in "[a-z \"“”()+:\\-]{0,40}|(AND|OR|NOT|\\(|\\)|\"|-|outlet:|x| )*|\\PC{0,40}") {
        let q = parse(&query);
        if let Some(n) = q.node {
            show(&n);
        }
    }
}
