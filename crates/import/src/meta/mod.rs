//! Metadata of clipped text: title, outlet, author, dateline, publication date, URL, language.
//! Every value carries the rule that found it and a confidence; what no rule finds stays `None`.
//! The header's lines are read here; outlets, date lines, front matter and the language each
//! have a module.
//!
//! (HTML pages have their own, richer sources of metadata: see [`crate::html::meta`].)

mod date_lines;
mod front_matter;
mod language;
mod outlet;

use std::sync::LazyLock;

use dossier_model::{Edtf, Found};
use regex::Regex;

use crate::Kind;
use crate::text::Line;
use date_lines::{header_date, is_date_line, whole_date};
use front_matter::front_matter;
pub use language::language;
use outlet::{
    is_menu, is_outlet_line, masthead_outlet, name_above_menu, outlet_from_line, site_promo_outlet,
};

/// A date that only the page header shows is the page's date (often a reprint's or simply the
/// day the page was viewed), not surely the article's.
pub const PAGE_HEADER_DATE: f64 = 0.4;

/// What the header and the signature lines of a clipped text say.
#[derive(Debug, Default)]
pub(crate) struct TextHeader {
    pub title: Option<Found<String>>,
    pub outlet: Option<Found<String>>,
    pub author: Option<Found<String>>,
    pub url: Option<Found<String>>,
    pub published: Option<Found<Edtf>>,
    pub dateline: Option<Found<String>>,
    /// Header lines that are not article text (index into the lines, rule).
    pub remove: Vec<(usize, &'static str)>,
}

/// Header lines before the first paragraph of prose, at most this many.
const MAX_HEADER: usize = 12;

/// "By Jane Doe", "Von Max Müller", "Par Jean Dupont", "Por Ana Pérez", "Автор: Иван Петров"
/// (with the dateline place after a comma or dash); Arabic-script bylines ("بقلم: …",
/// "نویسنده: …") have no capitals and are [`BYLINE_ARABIC`].
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|von|par|por|автор|текст)[: ]\s*([\p{Lu}][\p{L}.'’-]+(?:\s+(?:[\p{Lu}][\p{L}.'’-]+|de|del|da|van|von|der|le|la|al-\p{L}+|bin|and|und|et|y)){0,5})(?:\s*(?:,|—|–|-|\|)\s*(.{2,40}))?$").unwrap()
});
static BYLINE_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:بقلم|كتب|كتبت|نویسنده|نوشته|به قلم|گزارش از)\s*[:：]?\s*(\p{Arabic}+(?:\s+\p{Arabic}+){0,4})(?:\s*(?:،|,|—|–|-|\|)\s*(.{2,40}))?$").unwrap()
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'’.-]+(?:[ -]\p{Lu}[\p{L}'’.-]+){0,2}(?:,\s*\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})?)\s*(?:\([^)]{1,30}\)\s*)?(?:–|—|-{1,2})\s+\S").unwrap()
});
/// An Arabic-script dateline: a place of one or two words, the agency in brackets, a dash
/// ("دمشق (سانا) - …", "تهران - ایرنا - …"); no capitals mark the place, the dash and the
/// brackets do.
static DATELINE_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Arabic}+(?: \p{Arabic}+)?)\s*(?:[(\[][^)\]]{1,30}[)\]]\s*)?(?:–|—|-{1,2})\s+\S",
    )
    .unwrap()
});
/// A Russian wire dateline: "МОСКВА, 3 июня. /ТАСС/." — the place in capitals and a comma.
static DATELINE_CAPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}{3,}(?:[ -]\p{Lu}{3,})?),\s+\d").unwrap());
static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(published|posted|first published|updated|date)(?: on)?\s*:?\s+(.+)$")
        .unwrap()
});
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:URL:\s*)?(https?://[^\s/]+/\S+)$").unwrap());
static TITLE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.{8,}?)\s+(?:at|\||-|–|—|::)\s+(.{2,50})$").unwrap());

pub(crate) fn text_header(lines: &[Line<'_>], kind: Kind) -> TextHeader {
    let mut h = TextHeader::default();
    let skip = if kind == Kind::Markdown {
        front_matter(lines, &mut h)
    } else {
        0
    };
    let nonblank: Vec<usize> = (skip..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .collect();
    let body_start = nonblank
        .iter()
        .position(|&i| {
            is_prose(lines[i].trimmed()) && crate::text::classify(lines[i].trimmed()).is_none()
        })
        .unwrap_or(nonblank.len().min(1));
    let header: Vec<usize> = nonblank[..body_start.min(MAX_HEADER)].to_vec();
    let full_text: String = lines.iter().map(|l| l.text).collect::<Vec<_>>().join("\n");

    let mut candidates: Vec<usize> = Vec::new();
    let mut dates: Vec<(usize, Edtf, &str)> = Vec::new();
    for (k, &i) in header.iter().enumerate() {
        let t = lines[i].trimmed();
        let words = t.split_whitespace().count();
        if crate::text::classify(t).is_some() {
            continue; // debris; the cleaner removes it
        }
        if kind == Kind::Markdown && t.starts_with('#') && h.title.is_none() {
            let title = t.trim_start_matches('#').trim();
            h.title = Some(Found::by_rule(title.to_string(), "markdown:heading", 0.9));
            continue;
        }
        if let Some(date) = header_date(t) {
            dates.push((i, date, t));
            h.remove.push((i, "page-header"));
            continue;
        }
        if is_menu(t) {
            h.remove.push((i, "navigation"));
            // A name standing alone on the line right above the site's navigation, at the top of
            // the page, is its masthead: "NORTHSTAR" over "Top stories | Markets".
            if k == 1
                && header[0] + 1 == i
                && h.outlet.is_none()
                && let Some(name) = name_above_menu(lines[header[0]].trimmed())
            {
                h.outlet = Some(
                    Found::by_rule(name, "text:masthead-above-menu", 0.6)
                        .with_evidence(lines[header[0]].trimmed()),
                );
                h.remove.push((header[0], "masthead"));
                candidates.retain(|&c| c != header[0]);
            }
            continue;
        }
        if let Some(outlet) = masthead_outlet(t) {
            h.outlet.get_or_insert_with(|| {
                Found::by_rule(outlet, "text:masthead", 0.7).with_evidence(t)
            });
            h.remove.push((i, "masthead"));
            continue;
        }
        if words <= 4 && (t.contains('@') || t.contains("www.") || t.contains("://")) {
            h.remove.push((i, "masthead"));
            // A tagline sits right beside the contact line in a masthead block.
            for &j in [k.checked_sub(1), Some(k + 1)].iter().flatten() {
                if let Some(&n) = header.get(j)
                    && n.abs_diff(i) == 1
                    && !is_date_line(lines[n].trimmed())
                {
                    h.remove.push((n, "masthead"));
                    candidates.retain(|&c| c != n);
                }
            }
            continue;
        }
        if h.remove.iter().any(|(at, _)| *at == i) {
            continue;
        }
        if words <= 4 && t.ends_with(':') {
            h.remove.push((i, "masthead"));
            continue;
        }
        if let Some(repeat) = candidates.iter().find_map(|&c| {
            let title = lines[c].trimmed();
            t.strip_prefix(title).filter(|rest| !rest.is_empty())
        }) && let Some(c) = TITLE_SUFFIX.captures(t)
        {
            let site = c[2].trim();
            let _ = repeat;
            h.outlet =
                Some(Found::by_rule(site.to_string(), "text:title-suffix", 0.6).with_evidence(t));
            h.remove.push((i, "title-repeat"));
            continue;
        }
        if words <= 5 && is_outlet_line(t, &full_text) {
            if h.outlet.is_none() {
                h.outlet = Some(Found::by_rule(t.to_string(), "text:header-outlet", 0.8));
            }
            h.remove.push((i, "masthead"));
            continue;
        }
        if words <= 25
            && !t.ends_with('.')
            && !is_caption(t)
            && !BYLINE.is_match(t)
            && !BYLINE_ARABIC.is_match(t)
        {
            candidates.push(i);
        }
    }
    // The top block of adjacent lines is a masthead when any of it is: its tagline goes too.
    let top: Vec<usize> = header
        .iter()
        .copied()
        .enumerate()
        .take_while(|&(k, i)| k == 0 || i == header[k - 1] + 1)
        .map(|(_, i)| i)
        .collect();
    if top.len() > 1 && top.iter().any(|i| h.remove.iter().any(|(r, _)| r == i)) {
        for &i in &top {
            if !h.remove.iter().any(|(r, _)| *r == i) {
                h.remove.push((i, "masthead"));
                candidates.retain(|&c| c != i);
            }
        }
    }
    let mut title_at = h.title.as_ref().and(header.first().copied());
    if h.title.is_none()
        && let Some(&first) = candidates.first()
    {
        // Two title lines with no blank between: the first is a kicker ("The End of Assad?").
        let (i, rule, conf) = match candidates.get(1) {
            Some(&next) if next == first + 1 => (next, "text:headline-after-kicker", 0.7),
            _ if Some(&first) == nonblank.first() => (first, "text:first-line", 0.8),
            _ => (first, "text:header-line", 0.7),
        };
        let title = lines[i].trimmed().trim_start_matches('#').trim();
        h.title = Some(Found::by_rule(title.to_string(), rule, conf));
        title_at = Some(i);
    }
    // A date above the headline is the page's (often a reprint's or the day it was viewed); one
    // under the headline, beside the byline, is the article's.
    if let Some((at, date, evidence)) = dates.into_iter().next() {
        let (rule, conf) = match title_at {
            Some(t) if at > t => ("text:byline-date", 0.7),
            _ => ("text:page-header-date", PAGE_HEADER_DATE),
        };
        h.published = Some(Found::by_rule(date, rule, conf).with_evidence(evidence));
        if rule == "text:byline-date"
            && let Some(r) = h.remove.iter_mut().find(|(r, _)| *r == at)
        {
            r.1 = "byline-date";
        }
    }

    let body = &nonblank[body_start..];
    // Bylines sit under the headline or at the foot: search every line.
    for &i in &nonblank {
        let t = lines[i].trimmed();
        if h.author.is_none()
            && t.split_whitespace().count() <= 8
            && let Some(c) = BYLINE.captures(t).or_else(|| BYLINE_ARABIC.captures(t))
        {
            h.author = Some(Found::by_rule(c[1].to_string(), "text:byline", 0.8).with_evidence(t));
            if let Some(place) = c.get(2) {
                h.dateline.get_or_insert_with(|| {
                    Found::by_rule(place.as_str().trim().to_string(), "text:byline-place", 0.5)
                        .with_evidence(t)
                });
            }
        }
        if let Some(c) = PUBLISHED_LINE.captures(t)
            && t.split_whitespace().count() <= 10
            && let Some(date) = whole_date(&c[2])
        {
            let updated = c[1].eq_ignore_ascii_case("updated");
            let better = h.published.as_ref().is_none_or(|p| p.confidence < 0.8);
            if better && !updated {
                h.published =
                    Some(Found::by_rule(date, "text:published-line", 0.85).with_evidence(t));
            }
        }
        if h.url.is_none()
            && let Some(c) = URL_LINE.captures(t)
        {
            h.url = Some(Found::by_rule(c[1].to_string(), "text:url-line", 0.6));
        }
    }
    if let Some(&first) = body.iter().take(3).find(|&&i| is_prose(lines[i].trimmed()))
        && let Some(c) = DATELINE
            .captures(lines[first].trimmed())
            .or_else(|| DATELINE_ARABIC.captures(lines[first].trimmed()))
            .or_else(|| DATELINE_CAPS.captures(lines[first].trimmed()))
    {
        let place = c[1].to_string();
        let better = h.dateline.as_ref().is_none_or(|d| d.confidence < 0.8);
        if better && place.split_whitespace().count() <= 5 {
            h.dateline = Some(Found::by_rule(place, "text:dateline", 0.85));
        }
    }
    if h.outlet.is_none() {
        h.outlet = body
            .iter()
            .find_map(|&i| outlet_from_line(lines[i].trimmed()));
    }
    if h.outlet.is_none() {
        h.outlet = lines.iter().find_map(|l| site_promo_outlet(l.trimmed()));
    }
    h
}

/// A line of article prose rather than a header: long, or a full sentence.
fn is_prose(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let unquoted = t.trim_end_matches(['"', '”', '’', '\'']);
    let sentence = unquoted.len() < t.len() && unquoted.ends_with(['.', '!', '?', ','])
        || t.ends_with(['.', '!', '?', ':']);
    words >= 18 || (words >= 10 && sentence)
}

fn is_caption(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    [
        "photo", "getty", "image:", "via ap", "/ap", "afp/", "(ap)", "credit:", "picture",
    ]
    .iter()
    .any(|p| l.contains(p))
}
