//! Metadata of clipped text: title, outlet, author, dateline, publication date, URL, language.
//! Every value carries the rule that found it and a confidence; what no rule finds stays `None`.
//!
//! (HTML pages have their own, richer sources of metadata: see [`crate::html::meta`].)

use std::sync::LazyLock;

use dossier_dates::{Years, weekday_number};
use dossier_model::{Edtf, Found};
use regex::Regex;

use crate::Kind;
use crate::text::Line;

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

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)[: ]\s*([\p{Lu}][\p{L}.'’-]+(?:\s+(?:[\p{Lu}][\p{L}.'’-]+|de|van|von|al-\p{L}+|bin|and)){0,5})(?:\s*(?:,|—|–|-|\|)\s*(.{2,40}))?$").unwrap()
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'’.-]+(?:[ -]\p{Lu}[\p{L}'’.-]+){0,2}(?:,\s*\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})?)\s*(?:\([^)]{1,30}\)\s*)?(?:–|—|-{1,2})\s+\S").unwrap()
});
static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(published|posted|first published|updated|date)(?: on)?\s*:?\s+(.+)$")
        .unwrap()
});
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*:\s*(.{2,60})$").unwrap());
static VIA_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}&.'’-]*(?: \p{Lu}[\p{L}&.'’-]*){0,4}) via (\p{Lu}[\p{L}&.'’ -]{1,40}?):",
    )
    .unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(\p{Lu}[\p{L}&.'’ -]{1,50}?)(?:,?\s+(?:LLC|Inc|Ltd|Limited|GmbH|S\.A|plc)\.?)?\s*(?:\d{4}|All rights|$|\s{2}|\s+About\b)").unwrap()
});
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:URL:\s*)?(https?://[^\s/]+/\S+)$").unwrap());
static TITLE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.{8,}?)\s+(?:at|\||-|–|—|::)\s+(.{2,50})$").unwrap());

/// Words that end an outlet's name often enough to tell "ARA News" from a headline.
const OUTLET_WORDS: [&str; 14] = [
    "News", "Times", "Post", "Agency", "Magazine", "Journal", "Herald", "Tribune", "Daily",
    "Press", "Gazette", "Review", "Monitor", "Online",
];

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
        if words <= 25 && !t.ends_with('.') && !is_caption(t) && !BYLINE.is_match(t) {
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
            && let Some(c) = BYLINE.captures(t)
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
        && let Some(c) = DATELINE.captures(lines[first].trimmed())
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
    h
}

/// A menu line: "Home  News  Shipping  Opinion", "WORLD | SHIPPING" — short capitalised items
/// separated by bars, bullets or wide spaces.
fn is_menu(t: &str) -> bool {
    let items: Vec<&str> = t
        .split(['|', '·', '•', '»', '›'])
        .flat_map(|p| p.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    items.len() >= 2
        && items.len() * 2 > t.split_whitespace().count()
        && items.iter().all(|p| {
            p.split_whitespace().count() <= 2
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && !p.ends_with(['.', '?', '!'])
        })
}

/// The outlet a masthead line names: "Harbor Ledger | Port Alder's newspaper since 1911" or an
/// all-capitals "THE TARSANE DAILY COURIER" (returned in title case).
fn masthead_outlet(t: &str) -> Option<String> {
    if let Some((name, tagline)) = t.split_once(" | ")
        && name.split_whitespace().count() <= 4
        && tagline.split_whitespace().count() >= 3
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return Some(name.trim().to_string());
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let capitals = t.chars().any(char::is_alphabetic)
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (capitals && (2..=5).contains(&words.len()) && !t.contains('|')).then(|| {
        words
            .iter()
            .map(|w| {
                let lower = w.to_lowercase();
                let mut c = lower.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Outlet named by a "Source: X", "X via Y:" or copyright line.
fn outlet_from_line(t: &str) -> Option<Found<String>> {
    if let Some(c) = SOURCE_LINE.captures(t) {
        return Some(Found::by_rule(
            c[1].trim().to_string(),
            "text:source-line",
            0.6,
        ));
    }
    if let Some(c) = VIA_PREFIX.captures(t) {
        return Some(Found::by_rule(c[1].to_string(), "text:via-prefix", 0.6).with_evidence(&c[0]));
    }
    if let Some(c) = COPYRIGHT.captures(t) {
        let name = c[1].trim().trim_end_matches([',', '.']).trim();
        let name = name
            .strip_suffix(" LLC")
            .or_else(|| name.strip_suffix(" Inc"))
            .or_else(|| name.strip_suffix(" Ltd"))
            .unwrap_or(name);
        return Some(
            Found::by_rule(name.to_string(), "text:copyright-holder", 0.5).with_evidence(t),
        );
    }
    None
}

/// A line of article prose rather than a header: long, or a full sentence.
fn is_prose(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let unquoted = t.trim_end_matches(['"', '”', '’', '\'']);
    let sentence = unquoted.len() < t.len() && unquoted.ends_with(['.', '!', '?', ','])
        || t.ends_with(['.', '!', '?', ':']);
    words >= 18 || (words >= 10 && sentence)
}

/// YAML front matter of a clipped Markdown file (`---` … `---`): title, author, source URL and
/// publication date as the clipper recorded them. Returns the index of the first line after it.
fn front_matter(lines: &[Line<'_>], h: &mut TextHeader) -> usize {
    if lines.first().is_none_or(|l| l.trimmed() != "---") {
        return 0;
    }
    let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| l.trimmed() == "---")
        .map(|e| e + 1)
    else {
        return 0;
    };
    for (i, line) in lines.iter().enumerate().take(end + 1) {
        h.remove.push((i, "front-matter"));
        let Some((key, value)) = line.trimmed().split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        let rule = |k: &str| format!("markdown:front-matter:{k}");
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => h.title = Some(Found::by_rule(value, rule("title"), 0.9)),
            "author" | "by" => h.author = Some(Found::by_rule(value, rule("author"), 0.85)),
            k @ ("source" | "url" | "link") if value.starts_with("http") => {
                h.url = Some(Found::by_rule(value, rule(k), 0.85))
            }
            k @ ("published" | "date") => {
                if let Some(d) = dossier_dates::metadata::day(&value, Years::PUBLISHED) {
                    h.published = Some(Found::by_rule(d, rule(k), 0.85));
                }
            }
            _ => {}
        }
    }
    end + 1
}

fn is_caption(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    [
        "photo", "getty", "image:", "via ap", "/ap", "afp/", "(ap)", "credit:", "picture",
    ]
    .iter()
    .any(|p| l.contains(p))
}

/// A short line naming a publication: either it ends with a news word or the text names it again
/// as a source ("Source: ARA News", "Araz News via Telegraph").
fn is_outlet_line(t: &str, text: &str) -> bool {
    let capitalised = t.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    if !capitalised || t.ends_with(['?', '!', '.']) {
        return false;
    }
    let named_again = [
        format!("Source: {t}"),
        format!("{t} via "),
        format!("© {t}"),
    ]
    .iter()
    .any(|p| text.contains(p.as_str()));
    named_again || OUTLET_WORDS.iter().any(|w| t.ends_with(w)) && t.split_whitespace().count() <= 3
}

/// The date of a header line that is nothing but a date ("Tuesday 16 July 2024").
fn header_date(t: &str) -> Option<Edtf> {
    is_date_line(t).then(|| whole_date(t)).flatten()
}

fn is_date_line(t: &str) -> bool {
    let found = dossier_dates::find(t, None);
    let Some(e) = found.iter().find(|e| e.value.is_some()) else {
        return false;
    };
    // "Thursday, March 12, 2026 — Morning edition": a short edition note may follow a dash.
    let after = t[e.end..].trim_start();
    let after = match after.strip_prefix(['—', '–', '|', '-']) {
        Some(note) if note.split_whitespace().count() <= 3 => "",
        _ => after,
    };
    let rest = format!("{} {}", &t[..e.start], after);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            weekday_number(w).is_some()
                || w.eq_ignore_ascii_case("updated")
                || w.eq_ignore_ascii_case("published")
        })
}

/// The first dated expression in `t`, if it has a calendar value.
pub(crate) fn whole_date(t: &str) -> Option<Edtf> {
    dossier_dates::find(t, None)
        .into_iter()
        .find_map(|e| e.value)
}

/// The language of `text` (BCP 47 primary tag), when the detector is sure.
pub fn language(text: &str) -> Option<Found<String>> {
    // The first few KiB decide it; more text costs time and changes nothing.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    let code = bcp47(info.lang())?;
    Some(Found::by_rule(
        code.to_string(),
        "text:language-model",
        info.confidence(),
    ))
}

/// ISO 639-1 code of a whatlang language (the ones news analysts meet; others stay unknown).
fn bcp47(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Pes => "fa",
        Heb => "he",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Urd => "ur",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Ces => "cs",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        _ => return None,
    })
}
