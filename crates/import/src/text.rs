//! Clipped plain text and Markdown: a line classifier that takes out web debris (share and
//! comment prompts, CAPTCHA sums, copyright and masthead lines, ads, paywall and JavaScript
//! notices, "Recommended" blocks) and keeps every article sentence.
//!
//! The rules are deliberately narrow: a rule either matches a whole short line or a phrase that
//! never occurs in reporting ("Required fields are marked *"). A paragraph of prose is never
//! removed by a phrase match, because losing evidence is worse than leaving a stray "Advertisement".
//! Every removed line is kept in `removed`, with its rule and 1-based line number.

use dossier_model::Removed;

use crate::{Extraction, Kind, meta};

/// One line of the original text: 1-based number and content without the line end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Lines longer than this many words are prose and no phrase rule applies to them.
const SHORT: usize = 14;
/// Paywall notices run longer than other debris, and are matched only by whole phrases.
const NOTICE: usize = 40;

/// Cleans `text` (already decoded) and reads its metadata.
pub fn extract(text: &str, kind: Kind) -> Extraction {
    let lines: Vec<Line<'_>> = text
        .split('\n')
        .enumerate()
        .map(|(i, t)| Line { no: i + 1, text: t })
        .collect();
    let head = meta::text_header(&lines, kind);
    let mut removed: Vec<Removed> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    let mut pending_blank = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trimmed();
        if kind == Kind::Markdown && t.starts_with("```") {
            in_fence = !in_fence;
        }
        let reason = head
            .remove
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, r)| *r)
            .or_else(|| (!in_fence).then(|| classify(t)).flatten());
        if let Some(reason) = reason {
            removed.push(Removed {
                line: line.no,
                reason: reason.into(),
                text: t.to_string(),
            });
            continue;
        }
        if line.is_blank() && !in_fence {
            pending_blank = !out.is_empty();
            continue;
        }
        if pending_blank {
            out.push_str("\n\n");
            pending_blank = false;
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(if in_fence {
            line.text
        } else {
            line.text.trim_end()
        });
    }
    if !out.is_empty() {
        out.push('\n');
    }
    Extraction {
        title: head.title,
        outlet: head.outlet,
        author: head.author,
        url: head.url,
        language: None,
        published: head.published,
        dateline: head.dateline,
        text: out,
        removed,
        attribution: Vec::new(),
        warnings: Vec::new(),
        media_type: kind.media_type().into(),
        pages: Vec::new(),
    }
}

/// The rule that marks `line` (trimmed) as web debris, if any.
pub fn classify(line: &str) -> Option<&'static str> {
    // Counted before anything allocates: a 50 MB single line must cost no more than a scan.
    if line.is_empty() || line.split_whitespace().nth(NOTICE).is_some() {
        return None;
    }
    let norm = normalize(line);
    let words = norm.split_whitespace().count();
    if words > NOTICE {
        return None;
    }
    let n = norm.as_str();
    let has = |phrases: &[&str]| phrases.iter().any(|p| n.contains(p));
    let is = |phrases: &[&str]| phrases.contains(&n);
    let starts = |phrases: &[&str]| phrases.iter().any(|p| n.starts_with(p));

    // Whole notices that no article sentence contains, at any length up to NOTICE words.
    if has(&[
        "required fields are marked",
        "your email address will not be published",
        "time limit is exhausted",
        "reload the captcha",
    ]) {
        return Some(if n.contains("captcha") || n.contains("time limit") {
            "captcha"
        } else {
            "comment-form"
        });
    }
    if has(&[
        "please enable javascript",
        "javascript is disabled",
        "we are having trouble retrieving the article",
        "thank you for your patience while we verify access",
        "content is protected",
        "to continue reading",
        "log into your times account",
        "free articles left",
        "free article left",
        "subscribe for unlimited access",
        "support local journalism",
        "this article is free to read",
    ]) {
        return Some("paywall");
    }
    if has(&[
        "we use cookies",
        "cookie policy",
        "accept cookies",
        "use of cookies",
    ]) {
        return Some("cookie-notice");
    }
    if is_captcha_sum(line) {
        return Some("captcha");
    }
    if words > SHORT {
        return None;
    }
    if is(&[
        "advertisement",
        "advertising",
        "sponsored content",
        "ad",
        "sponsored",
    ]) {
        return Some("advertisement");
    }
    if line.starts_with('©')
        || starts(&["copyright ", "(c) 1", "(c) 2"])
        || has(&["all rights reserved"])
    {
        return Some("copyright");
    }
    if is(&[
        "show comments",
        "hide comments",
        "leave a comment",
        "leave a reply",
        "write your comment",
        "post a comment",
        "add a comment",
        "comments",
        "comment",
        "reply",
    ]) || starts(&[
        "join the conversation",
        "view comments",
        "show comments",
        "leave a reply",
    ]) {
        return Some("comment-form");
    }
    if has(&[
        "follow us on",
        "share this",
        "share on facebook",
        "share on twitter",
        "short link",
        "click to share",
        "email this",
        "print this",
    ]) || is(&[
        "share", "tweet", "print", "email", "whatsapp", "facebook", "twitter",
    ]) {
        return Some("share-prompt");
    }
    if words <= 6
        && has(&[
            "subscribe",
            "log in",
            "sign in",
            "already a subscriber",
            "newsletter",
        ])
    {
        return Some("paywall");
    }
    if is(&[
        "recommended",
        "trending",
        "related",
        "related articles",
        "read more",
        "most popular",
        "most read",
        "you may also like",
    ]) || starts(&[
        "trending on ",
        "recommended for you",
        "more from ",
        "related stories",
    ]) {
        return Some("recommended");
    }
    if starts(&[
        "repowering by",
        "powered by",
        "skip to content",
        "skip to main content",
    ]) || (words <= 4 && n.ends_with(" icon"))
    {
        return Some("page-chrome");
    }
    None
}

/// "7 − 2 =", "3 + 4 = ?", "five + 2 =": the arithmetic CAPTCHAs of comment forms.
fn is_captcha_sum(line: &str) -> bool {
    let t = line.trim_end_matches(['=', '?', ' ', '.', '_']);
    if !line.trim_end().ends_with('=') && !line.trim_end().ends_with("= ?") {
        return false;
    }
    let parts: Vec<&str> = t
        .split(['−', '-', '+', '×', '*', 'x', '÷', '/'])
        .map(str::trim)
        .collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 6 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Lower case, curly quotes straightened, bullets and trailing punctuation dropped, spaces folded.
fn normalize(line: &str) -> String {
    let t = line.trim_start_matches(['•', '·', '*', '-', '–', '|', ' ', '\t', '>']);
    let t = t.trim_end_matches([':', '.', '!', ' ', '»', '›', '|']);
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.extend(match c {
                '’' | '‘' => '\''.to_lowercase(),
                c => c.to_lowercase(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<&str>) {
        assert_eq!(classify(line), expected, "{line:?}");
    }

    #[test]
    fn debris_lines() {
        check("7 − 2 =", Some("captcha"));
        check("12 + 4 = ?", Some("captcha"));
        check("Advertisement", Some("advertisement"));
        check("© Example Media LLC 2001-2019 About Us", Some("copyright"));
        check("Leave a Reply", Some("comment-form"));
        check(
            "Your email address will not be published. Required fields are marked *",
            Some("comment-form"),
        );
        check("  • Short link :", Some("share-prompt"));
        check("Follow us on Twitter for the latest:", Some("share-prompt"));
        check(
            "Please enable JavaScript in your browser settings.",
            Some("paywall"),
        );
        check("Already a subscriber? Log in.", Some("paywall"));
        check("Trending on Example Videos", Some("recommended"));
        check("Features Icon", Some("page-chrome"));
    }

    #[test]
    fn prose_is_kept() {
        check(
            "The minister said the sum was 7 − 2 = 5 in his speech.",
            None,
        );
        check(
            "Readers who subscribe to the agency's wire were told on Monday that the talks had failed, \
             officials said, and that the delegation would return home.",
            None,
        );
        check("Comments by the spokesman were later withdrawn.", None);
        check("Iran's Revolutionary Guards. File photo", None);
        check("Source: Example Agency", None);
    }
}
