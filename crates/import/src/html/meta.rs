//! Metadata of an HTML page, from the strongest evidence to the weakest: JSON-LD, OpenGraph and
//! other `<meta>` tags, `<time>` elements, `<title>`, the URL path. Each rule has a fixed
//! confidence; the first rule that finds a value wins.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dossier_model::{Edtf, Found};
use regex::Regex;
use serde_json::Value;

use super::tree::Head;

#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<Found<String>>,
    pub outlet: Option<Found<String>>,
    pub author: Option<Found<String>>,
    pub url: Option<Found<String>>,
    pub language: Option<Found<String>>,
    pub published: Option<Found<Edtf>>,
}

/// `<meta>` names that carry the publication date, most specific first.
const DATE_METAS: [&str; 22] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "og:article:published_time",
    "datecreated",
];

pub fn read(head: &Head, location: Option<&str>) -> Meta {
    let ld = JsonLd::read(&head.json_ld);
    let meta = |names: &[&str]| {
        names.iter().find_map(|n| {
            head.metas
                .iter()
                .find(|(k, v)| k == n && !v.is_empty())
                .map(|(k, v)| (k.as_str(), v.as_str()))
        })
    };
    let mut m = Meta::default();

    let page_title = head.title.as_deref().filter(|t| !t.is_empty());
    m.title = ld
        .headline
        .clone()
        .map(|t| Found::by_rule(t, "html:json-ld:headline", 0.9))
        .or_else(|| {
            meta(&["og:title"]).map(|(_, v)| Found::by_rule(v.into(), "html:og:title", 0.9))
        })
        .or_else(|| {
            meta(&["twitter:title", "title", "dc.title"])
                .map(|(k, v)| Found::by_rule(v.into(), format!("html:meta:{k}"), 0.85))
        })
        .or_else(|| page_title.map(|t| Found::by_rule(split_site(t).0.into(), "html:title", 0.7)));

    m.outlet = meta(&["og:site_name"])
        .map(|(_, v)| Found::by_rule(v.into(), "html:og:site_name", 0.9))
        .or_else(|| {
            ld.publisher
                .clone()
                .map(|p| Found::by_rule(p, "html:json-ld:publisher", 0.85))
        })
        .or_else(|| {
            meta(&["application-name", "publisher", "dc.publisher"])
                .map(|(k, v)| Found::by_rule(v.into(), format!("html:meta:{k}"), 0.6))
        })
        .or_else(|| {
            page_title
                .and_then(|t| split_site(t).1)
                .map(|s| Found::by_rule(s.into(), "html:title-suffix", 0.5))
        });

    m.author = ld
        .author
        .clone()
        .map(|a| Found::by_rule(a, "html:json-ld:author", 0.85))
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "byl",
                "dc.creator",
                "sailthru.author",
                "parsely-author",
            ])
            .filter(|(_, v)| !v.starts_with("http"))
            .map(|(k, v)| {
                let v = v
                    .strip_prefix("By ")
                    .or_else(|| v.strip_prefix("by "))
                    .unwrap_or(v);
                Found::by_rule(v.into(), format!("html:meta:{k}"), 0.8)
            })
        });

    m.url = head
        .canonical
        .as_deref()
        .filter(|u| u.starts_with("http"))
        .map(|u| Found::by_rule(u.into(), "html:link:canonical", 0.9))
        .or_else(|| meta(&["og:url"]).map(|(_, v)| Found::by_rule(v.into(), "html:og:url", 0.85)))
        .or_else(|| {
            location
                .filter(|u| u.starts_with("http"))
                .map(|u| Found::by_rule(u.into(), "mhtml:content-location", 0.8))
        });

    m.language = head
        .lang
        .as_deref()
        .and_then(primary_language)
        .map(|l| Found::by_rule(l, "html:lang", 0.9))
        .or_else(|| {
            meta(&["og:locale", "content-language", "language", "dc.language"]).and_then(
                |(k, v)| {
                    primary_language(v).map(|l| Found::by_rule(l, format!("html:meta:{k}"), 0.8))
                },
            )
        });

    let url = m.url.as_ref().map(|u| u.value.as_str()).or(location);
    m.published = published(head, &ld, url);
    m
}

/// The publication date, from the strongest evidence to the weakest: the byline's day under the
/// headline when the page's data state it too, JSON-LD `datePublished`, date `<meta>` tags, a
/// full date in the URL path, `<time>` elements, printed dates (labelled as the publication's,
/// under the headline, in date-classed elements, the first at all), a day in the copyright
/// line, the first teaser's, the date of the last change, and last a publication date in a
/// script's data.
/// A machine timestamp in UTC is moved to the publisher's local day when the page shows that
/// day too (see [`local_day`]).
fn published(head: &Head, ld: &JsonLd, url: Option<&str>) -> Option<Found<Edtf>> {
    let url_day = url.and_then(url_date);
    let local = |raw: &str, d: Edtf| local_day(raw, head, ld, url_day).unwrap_or(d);
    let machine = |raw: &str, rule: String, conf: f64| {
        parse_date(raw).map(|d| Found::by_rule(local(raw, d), rule, conf))
    };
    let meta = |name: &str| {
        head.metas
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    // The day the byline prints, when the page's data also state it (as its change, say):
    // what a reader sees and would cite, confirmed by the machine.
    let stamped = |d: &Edtf| {
        ld.stamps
            .iter()
            .chain(
                head.metas
                    .iter()
                    .filter(|(k, _)| k.contains("date") || k.contains("time"))
                    .map(|(_, v)| v),
            )
            .any(|raw| parse_date(raw).as_ref() == Some(d))
    };
    let declared = ld
        .published
        .as_deref()
        .and_then(|raw| machine(raw, "html:json-ld:datePublished".into(), 0.9))
        .or_else(|| {
            DATE_METAS.iter().find_map(|name| {
                let v = meta(name)?;
                let conf = if name.contains("publi") || name.contains("issued") {
                    0.9
                } else {
                    0.8
                };
                machine(v, format!("html:meta:{name}"), conf)
            })
        });
    let byline = head
        .headline_date
        .as_deref()
        .and_then(printed_day)
        .filter(stamped);
    match byline {
        Some(b) if declared.as_ref().is_none_or(|d| d.value != b) => {
            Some(Found::by_rule(b, "html:headline-date", 0.9))
        }
        _ => declared,
    }
    .or_else(|| {
        let (u, d) = url.zip(url_day)?;
        Some(Found::by_rule(d, "html:url-path", 0.8).with_evidence(u))
    })
    .or_else(|| {
        let (dt, rule, conf) = head
            .times
            .iter()
            .find(|(_, hints)| {
                hints.contains("pubdate")
                    || hints.contains("datepublished")
                    || hints.contains("publish")
            })
            .map(|(dt, _)| (dt, "html:time:published", 0.8))
            .or_else(|| head.times.first().map(|(dt, _)| (dt, "html:time", 0.6)))?;
        machine(dt, rule.into(), conf)
    })
    .or_else(|| text_date(head))
    .or_else(|| {
        // "Copyright © 19.12.2019 - 12:14 h": a whole day stamped in the footer is when the
        // page was made. A copyright year or range ("© 2005-2017") is no day and never
        // counts.
        head.text_dates
            .iter()
            .map(|(t, _)| t.to_lowercase())
            .filter(|t| is_copyright(t))
            .find_map(|t| text_day(&t))
            .map(|d| Found::by_rule(d, "html:copyright-day", 0.3))
    })
    .or_else(|| {
        // A front page dates itself by its newest teaser; any other page's teasers are
        // other pages' dates, so this ranks below everything the page says of itself but
        // its last change.
        head.teaser_dates
            .iter()
            .find_map(|t| parse_date(&t.to_lowercase()))
            .map(|d| Found::by_rule(d, "html:teaser-date", 0.3))
    })
    .or_else(|| {
        // The page's own statement of its last change, low as it ranks, speaks for this
        // page; a key in a script's data may belong to anything the page embeds.
        [
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dateupdate",
            "last-modified",
        ]
        .iter()
        .find_map(|name| machine(meta(name)?, format!("html:meta:{name}"), 0.4))
    })
    .or_else(|| {
        let raw = head.script_published.as_deref()?;
        machine(raw, "html:script-data".into(), 0.4)
    })
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{1,2})(?:\.\s?|-|/)(\d{1,2})(?:\.\s?|-|/)((?:19|20)\d\d)|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2}))\b")
        .expect("date regex")
});

/// Month names and abbreviations of the languages news pages are most often in (Slavic pages
/// print the genitive: "15 августа 2016", "3 marca 2020"), lower case, by month number - 1.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "enero",
        "gennaio",
        "janeiro",
        "januari",
        "января",
        "ocak",
        "stycznia",
        "ledna",
        "січня",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "февраля",
        "şubat",
        "lutego",
        "února",
        "лютого",
    ],
    &[
        "march",
        "mar",
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "maart",
        "марта",
        "mär",
        "mart",
        "maret",
        "marca",
        "března",
        "березня",
    ],
    &[
        "april",
        "apr",
        "avril",
        "abril",
        "aprile",
        "апреля",
        "nisan",
        "kwietnia",
        "dubna",
        "квітня",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "maio",
        "mei",
        "мая",
        "mayıs",
        "maja",
        "května",
        "травня",
    ],
    &[
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "junho",
        "июня",
        "haziran",
        "czerwca",
        "června",
        "червня",
    ],
    &[
        "july",
        "jul",
        "juli",
        "juillet",
        "julio",
        "luglio",
        "julho",
        "июля",
        "temmuz",
        "lipca",
        "července",
        "липня",
    ],
    &[
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "augustus",
        "августа",
        "ağustos",
        "agustus",
        "sierpnia",
        "srpna",
        "серпня",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "сентября",
        "eylül",
        "września",
        "září",
        "вересня",
    ],
    &[
        "october",
        "oct",
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "октября",
        "okt",
        "ekim",
        "października",
        "října",
        "жовтня",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "ноября",
        "kasım",
        "listopada",
        "listopadu",
        "листопада",
    ],
    &[
        "december",
        "dec",
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "декабря",
        "dez",
        "desember",
        "aralık",
        "grudnia",
        "prosince",
        "грудня",
    ],
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b",
    )
    .expect("date regex")
});

/// "8. Oktober 2017", "14 mars 2019", "3 de mayo de 2020".
fn day_month_year(t: &str) -> Option<Edtf> {
    DAY_MONTH_YEAR.captures_iter(t).find_map(|c| {
        let name = c[2].to_lowercase();
        let month = MONTH_NAMES
            .iter()
            .position(|names| names.contains(&name.as_str()))? as u32
            + 1;
        let d = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[1].parse().ok()?)?;
        plausible(d)
    })
}

/// Labels of printed dates that are not the publication's: the last change, or the time the
/// page was generated ("Aktuelle Zeit: 14.10.2020" in a forum's footer).
const NOT_PUBLISHED: [&str; 9] = [
    "updated",
    "last modified",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "current time",
    "aktuelle zeit",
    "heute ist",
];

/// Labels that name a printed date as the publication's, in the languages of
/// [`MONTH_NAMES`].
const PUBLISHED_LABELS: [&str; 12] = [
    "published",
    "posted on",
    "veröffentlicht",
    "erstellt am",
    "publié le",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "publicerad",
    "yayınlanma",
    "опубликовано",
];

/// Longest text taken for a date line rather than a sentence that mentions a date.
const DATE_LINE: usize = 40;

/// A copyright line (`lower`, lower-cased): its years are the site's, never the article's.
fn is_copyright(lower: &str) -> bool {
    lower.contains('©') || lower.contains("copyright")
}

/// The publication day a printed text states: not a copyright line's, and not a day labelled
/// as a change ("Updated 5 March, published 3 March 2020" is the 3rd).
fn printed_day(t: &str) -> Option<Edtf> {
    let lower = t.to_lowercase();
    if is_copyright(&lower) {
        return None;
    }
    // "Updated 5 March, published 3 March 2020": each label names the date after it.
    let mut marks: Vec<(usize, bool)> = NOT_PUBLISHED
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(at, _)| (at, false)))
        .chain(
            PUBLISHED_LABELS
                .iter()
                .flat_map(|w| lower.match_indices(w).map(|(at, _)| (at, true))),
        )
        .collect();
    marks.sort_unstable();
    let starts = std::iter::once((0, true)).chain(marks.iter().copied());
    let ends = marks.iter().map(|m| m.0).chain([lower.len()]);
    starts
        .zip(ends)
        .filter(|&((_, publication), _)| publication)
        .find_map(|((from, _), to)| text_day(&lower[from..to]))
}

/// A day printed in the page: first in an element whose class says "date", else the first one
/// at all. Copyright lines never count, and neither do years or months alone ("Class of 2019").
fn text_date(head: &Head) -> Option<Found<Edtf>> {
    // A comment's date is the day a reader wrote, and a forum profile's the day its poster
    // joined ("Registriert: 18.09.2008"): never the article's.
    let dates = || {
        head.text_dates.iter().filter(|(_, context)| {
            !["comment", "joined", "regist"]
                .iter()
                .any(|w| context.contains(w))
        })
    };
    // "Erstellt am: 30.01.2022 18:36", "Posted on March 3, 2020": the page says which date
    // is the publication's.
    let labelled = |t: &str| {
        let lower = t.to_lowercase();
        PUBLISHED_LABELS.iter().any(|l| lower.contains(l))
    };
    dates()
        .filter(|(t, _)| labelled(t))
        .find_map(|(t, _)| printed_day(t))
        .map(|d| Found::by_rule(d, "html:published-label", 0.8))
        .or_else(|| {
            // The byline under the headline dates the article; a date-classed element before
            // it may be the edition's or the clock's ("lun. 5 août 2019" by the logo).
            printed_day(head.headline_date.as_deref()?)
                .map(|d| Found::by_rule(d, "html:headline-date", 0.7))
        })
        .or_else(|| {
            dates()
                .filter(|(_, context)| super::tree::is_date_class(context))
                .find_map(|(t, _)| printed_day(t))
                .map(|d| Found::by_rule(d, "html:date-element", 0.7))
        })
        .or_else(|| {
            // A line that is a date ("14.01.2022 um 09:25") before a date that a sentence
            // mentions ("a satellite image of 31.05.2021"): the first dates the page, the
            // second an event.
            let short = |t: &str| {
                t.split_whitespace()
                    .map(|w| w.chars().count() + 1)
                    .sum::<usize>()
                    <= DATE_LINE
            };
            dates()
                .filter(|(t, _)| short(t))
                .chain(dates().filter(|(t, _)| !short(t)))
                .find_map(|(t, _)| printed_day(t))
                .map(|d| Found::by_rule(d, "html:first-text-date", 0.5))
        })
}

/// The first full day written in `t`: numeric ("15.2.2018", "2018-02-15", "15-02-2018": day
/// first, as everywhere but the US, whose pages write month names or ISO), "8. Oktober 2017",
/// or whatever the date grammar reads as a day ("March 3, 2020").
fn text_day(t: &str) -> Option<Edtf> {
    if let Some(c) = NUMERIC_DATE.captures(t) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let slashed = c.get(0).is_some_and(|m| m.as_str().contains('/'));
        let ymd = match n(3) {
            // "26/10/2018" is a day first, "10/26/2018" a month first; "05/07/2019" could be
            // either and stays unknown.
            Some(y) if slashed => match (n(1), n(2)) {
                (Some(a), Some(b)) if a > 12 && b <= 12 => (y, Some(b), Some(a)),
                (Some(a), Some(b)) if b > 12 && a <= 12 => (y, Some(a), Some(b)),
                _ => return None,
            },
            Some(y) => (y, n(2), n(1)),
            None => (n(4).unwrap_or(0), n(5), n(6)),
        };
        if let (y, Some(m), Some(d)) = ymd
            && let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible)
        {
            return Some(day);
        }
    }
    day_month_year(t)
        .or_else(|| {
            super::super::meta::whole_date(t)
                .filter(|d| d.precision() == Some(dossier_model::Precision::Day))
        })
        .or_else(|| short_year_day(t))
}

static SHORT_YEAR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?:$|[^\d.])").expect("date regex")
});

/// "8.5.12", "Party, 30.10.23": a day with a two-digit year, in a short text only (see
/// [`super::tree::SHORT_DATE_TEXT`]). Years 90–99 are the 1990s, the rest this century.
fn short_year_day(t: &str) -> Option<Edtf> {
    if t.trim().len() > super::tree::SHORT_DATE_TEXT {
        return None;
    }
    let c = SHORT_YEAR_DATE.captures(t)?;
    let yy: i32 = c[3].parse().ok()?;
    let year = if yy >= 90 { 1900 + yy } else { 2000 + yy };
    NaiveDate::from_ymd_opt(year, c[2].parse().ok()?, c[1].parse().ok()?).and_then(plausible)
}

/// "Headline | Site" or "Headline - Site": the headline and the site, when the split is clear.
fn split_site(title: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 4
            && head.len() > tail.len()
        {
            return (head.trim(), Some(tail.trim()));
        }
    }
    (title, None)
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3)
        .then_some(primary)
        .filter(|p| p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A machine date ("2016-12-23", "2016-12-23T10:00:00Z", "20161223") or a human one.
pub fn parse_date(v: &str) -> Option<Edtf> {
    let v = v.trim();
    if v.len() >= 10
        && let Some(d) = v
            .get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    {
        return plausible(d);
    }
    if v.len() >= 8
        && v.bytes().take(8).all(|b| b.is_ascii_digit())
        && let Ok(d) = NaiveDate::parse_from_str(&v[..8], "%Y%m%d")
    {
        return plausible(d);
    }
    if let Some(d) = v
        .get(..10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y/%m/%d").ok())
    {
        return plausible(d);
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(v) {
        return plausible(d.date_naive());
    }
    text_day(v)
}

/// A machine timestamp: its wall-clock time and, when it says, its offset from UTC in seconds.
fn timestamp(v: &str) -> Option<(chrono::NaiveDateTime, Option<i32>)> {
    let v = v.trim();
    // "2021-11-04T23:00Z": RFC 3339 wants seconds, pages often leave them out.
    let zulu;
    let v = match v.strip_suffix('Z') {
        Some(rest) => {
            zulu = format!("{rest}+00:00");
            zulu.as_str()
        }
        None => v,
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some((t.naive_local(), Some(t.offset().local_minus_utc())));
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some((t.naive_local(), Some(t.offset().local_minus_utc())));
    }
    for f in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(t) = chrono::DateTime::parse_from_str(v, f) {
            return Some((t.naive_local(), Some(t.offset().local_minus_utc())));
        }
    }
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(v, f).ok())
        .map(|t| (t, None))
}

/// The local day of a UTC timestamp `raw`, when another timestamp of the page (JSON-LD,
/// `<meta>`, `<time>`) writes the same instant in local time on another day: "2023-11-09T01:49Z"
/// beside "2023-11-08 17:49:09" was published on the 8th where it was written. Else the day of
/// the URL path or of the page's date element, when it is the UTC day's neighbour: publishers
/// print their own calendar's day. Readers date an article by that, not by Greenwich's.
fn local_day(raw: &str, head: &Head, ld: &JsonLd, url_day: Option<Edtf>) -> Option<Edtf> {
    let (utc, Some(0)) = timestamp(raw)? else {
        return None;
    };
    let others = ld
        .stamps
        .iter()
        .map(String::as_str)
        .chain(head.metas.iter().map(|(_, v)| v.as_str()))
        .chain(head.times.iter().map(|(t, _)| t.as_str()));
    let same_instant = others.filter_map(timestamp).find(|&(wall, offset)| {
        let shift = (wall - utc).num_seconds();
        offset.is_none_or(|o| i64::from(o) == shift)
            && shift != 0
            && shift.abs() <= 14 * 3600
            && shift % 900 == 0
    });
    if let Some((wall, _)) = same_instant {
        // The local writing decides, also when it falls on the UTC day.
        return (wall.date() != utc.date())
            .then(|| Edtf::day(wall.date()))
            .flatten();
    }
    let neighbour = |d: &Edtf| {
        d.earliest()
            .is_some_and(|day| (day - utc.date()).num_days().abs() == 1)
    };
    // The URL's day, when there is one, settles it (also when it agrees with the UTC day).
    let printed = || {
        url_day.or_else(|| {
            text_date(head)
                .filter(|d| d.provenance == "html:date-element")
                .map(|d| d.value)
        })
    };
    printed().filter(neighbour)
}

fn plausible(d: NaiveDate) -> Option<Edtf> {
    use chrono::Datelike;
    (1990..=2100)
        .contains(&d.year())
        .then(|| Edtf::day(d))
        .flatten()
}

/// `/2016/12/23/`, `/2016-12-23-slug`, `/20161223/` or `/23-12-2016` in a URL path.
fn url_date(url: &str) -> Option<Edtf> {
    let path = url.splitn(4, '/').nth(3)?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    let num = |s: &str, len: usize| s.parse::<u32>().ok().filter(|_| s.len() == len);
    let day = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible);
    parts
        .windows(3)
        .find_map(|w| {
            let ymd = || day(num(w[0], 4)?, num(w[1], 2)?, num(w[2], 2)?);
            let dmy = || day(num(w[2], 4)?, num(w[1], 2)?, num(w[0], 2)?);
            ymd().or_else(dmy)
        })
        .or_else(|| {
            // A whole segment of eight digits; only as a segment, so ids never count.
            path.split('/')
                .filter(|s| s.len() == 8)
                .find_map(|s| day(num(&s[..4], 4)?, num(&s[4..6], 2)?, num(&s[6..], 2)?))
        })
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    /// Every `datePublished`, `dateCreated` and `dateModified`: other writings of the instant.
    stamps: Vec<String>,
}

/// A date key in JSON-LD that does not parse as JSON (raw newlines in strings, trailing commas
/// and unescaped quotes are common): the date is still plainly there.
static LD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})""#)
        .expect("json-ld regex")
});

impl JsonLd {
    fn read(scripts: &[String]) -> JsonLd {
        let mut ld = JsonLd::default();
        for s in scripts {
            if let Ok(v) = serde_json::from_str::<Value>(s.trim()) {
                ld.walk(&v, 0);
            } else {
                for c in LD_DATE.captures_iter(s) {
                    if &c[1] == "datePublished" && ld.published.is_none() {
                        ld.published = Some(c[2].to_string());
                    }
                    ld.stamps.push(c[2].to_string());
                }
            }
        }
        ld
    }

    fn walk(&mut self, v: &Value, depth: usize) {
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.walk(i, depth + 1)),
            Value::Object(o) => {
                let str_of = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                if self.published.is_none() {
                    self.published = str_of("datePublished");
                }
                self.stamps.extend(
                    ["datePublished", "dateCreated", "dateModified"]
                        .iter()
                        .filter_map(|k| str_of(k)),
                );
                if self.headline.is_none() {
                    self.headline = str_of("headline").filter(|h| !h.trim().is_empty());
                }
                if self.author.is_none() {
                    self.author = o.get("author").and_then(name_of);
                }
                if self.publisher.is_none() {
                    self.publisher = o.get("publisher").and_then(name_of);
                }
                for key in ["@graph", "mainEntity", "itemListElement"] {
                    if let Some(inner) = o.get(key) {
                        self.walk(inner, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.starts_with("http") => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(
            parse_date(input).map(|d| d.to_string()).as_deref(),
            expected,
            "{input}"
        );
    }

    #[test]
    fn dates_in_meta_values_and_page_text() {
        check("2016-12-23T05:11:00-05:00", Some("2016-12-23"));
        check("20161223", Some("2016-12-23"));
        check("2016/12/23", Some("2016-12-23"));
        check("Fri, 23 Dec 2016 10:00:00 +0000", Some("2016-12-23"));
        check("Sonntag, 8. Oktober 2017 um 02:12", Some("2017-10-08"));
        check("14 mars 2019", Some("2019-03-14"));
        check("3 de mayo de 2020", Some("2020-05-03"));
        check("15 августа 2016, 13:43", Some("2016-08-15"));
        check("3 października 2019", Some("2019-10-03"));
        check("12 Şubat 2021", Some("2021-02-12"));
        check("7. Okt. 2020", Some("2020-10-07"));
        check("1889-01-01", None);
        check("no date here", None);
    }

    #[test]
    fn url_paths() {
        assert_eq!(
            url_date("https://x.example/2019/11/08/story")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-11-08")
        );
        assert_eq!(
            url_date("https://x.example/en/2019-12-02-story")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-12-02")
        );
        assert_eq!(url_date("https://x.example/2019/story-12-02"), None);
    }

    fn check_url(url: &str, expected: Option<&str>) {
        assert_eq!(
            url_date(url).map(|d| d.to_string()).as_deref(),
            expected,
            "{url}"
        );
    }

    #[test]
    fn url_dates_day_first_and_compact() {
        check_url("https://x.example/news/29-10-2021", Some("2021-10-29"));
        check_url(
            "https://x.example/20200428/meet-the-swede",
            Some("2020-04-28"),
        );
        check_url("https://x.example/news/20201399/story", None);
        check_url("https://x.example/item/12345678", None);
        check_url("https://x.example/a?d=2019-11-08", None);
    }

    /// The publication date `read` finds in a page, and the rule that found it.
    fn check_page(html: &str, expected: Option<(&str, &str)>) {
        let head = super::super::tree::parse(html).head;
        let found = read(&head, None).published;
        assert_eq!(
            found
                .as_ref()
                .map(|f| (f.value.to_string(), f.provenance.as_str())),
            expected.map(|(d, r)| (d.to_string(), r)),
            "{html}"
        );
    }

    const LD_UTC: &str = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T01:49:09Z"}</script>"#;

    #[test]
    fn utc_timestamp_moves_to_the_local_day_the_page_also_writes() {
        // The same instant in local time (naive, or with its offset) on the day before.
        check_page(
            &format!(r#"{LD_UTC}<meta name="sailthru.date" content="2023-11-08 17:49:09">"#),
            Some(("2023-11-08", "html:json-ld:datePublished")),
        );
        check_page(
            &format!(r#"{LD_UTC}<time datetime="2023-11-08T17:49:09-08:00">Nov 8</time>"#),
            Some(("2023-11-08", "html:json-ld:datePublished")),
        );
        // A different instant is another event (an update), not a local writing.
        check_page(
            &format!(r#"{LD_UTC}<meta name="x" content="2023-11-08 17:12:00">"#),
            Some(("2023-11-09", "html:json-ld:datePublished")),
        );
        // A timestamp with its own offset is already local.
        check_page(
            r#"<meta property="article:published_time" content="2023-11-09T01:49:09+01:00"><meta name="x" content="2023-11-08 17:49:09">"#,
            Some(("2023-11-09", "html:meta:article:published_time")),
        );
    }

    #[test]
    fn utc_timestamp_takes_the_neighbouring_day_of_the_url_or_date_line() {
        let url = |u: &str| format!(r#"{LD_UTC}<link rel="canonical" href="{u}">"#);
        check_page(
            &url("https://x.example/2023/11/08/story"),
            Some(("2023-11-08", "html:json-ld:datePublished")),
        );
        // A URL day that agrees with the UTC day settles it, whatever the page prints.
        check_page(
            &format!(
                "{}<span class=date>8. November 2023</span>",
                url("https://x.example/2023/11/09/story")
            ),
            Some(("2023-11-09", "html:json-ld:datePublished")),
        );
        check_page(
            r#"<meta property="article:published_time" content="2021-11-04T23:00Z"><p class="o-metadata--date">5. November 2021</p>"#,
            Some(("2021-11-05", "html:meta:article:published_time")),
        );
        // Two days apart is not a time zone.
        check_page(
            &url("https://x.example/2023/11/07/story"),
            Some(("2023-11-09", "html:json-ld:datePublished")),
        );
    }

    #[test]
    fn printed_dates_are_whole_days_and_never_a_comment_s() {
        // A month or a year alone is not a publication day: keep looking.
        check_page(
            "<p class=date>Class of 2019</p><div class=headline-date>02. November 2021</div>",
            Some(("2021-11-02", "html:date-element")),
        );
        check_page("<p>Meet the Class of 2019</p>", None);
        check_page(
            r#"<ol class="commentlist"><li><div class="comment-meta">15. Dezember 2015</div></li></ol><p>Dieser Artikel wurde am 14. Dezember 2015 geschrieben</p>"#,
            Some(("2015-12-14", "html:first-text-date")),
        );
        check_page(
            r#"<div class="submitted">am 24. Juli 2017 - 18:55</div>"#,
            Some(("2017-07-24", "html:date-element")),
        );
        check_page(
            "<span class=date>15 августа 2016, 13:43</span>",
            Some(("2016-08-15", "html:date-element")),
        );
    }

    #[test]
    fn a_date_line_before_a_date_a_sentence_mentions() {
        check_page(
            "<p>A satellite image of St. Moritz from 31.05.2021 shows the snow line.</p>\
             <span class=label>14.01.2022 um 09:25</span>",
            Some(("2022-01-14", "html:first-text-date")),
        );
        // Spacing inside the line does not make it a sentence.
        check_page(
            "<p>A satellite image of St. Moritz from 31.05.2021 shows the snow line.</p>\
             <div>21. Jan 2022\r\n            //\r\n   Dominik Ricker</div>",
            Some(("2022-01-21", "html:first-text-date")),
        );
        check_page(
            "<p class=subline>21. Jan 2022 // Dominik Ricker</p>",
            Some(("2022-01-21", "html:date-element")),
        );
    }

    #[test]
    fn a_date_labelled_as_the_publication_comes_first() {
        check_page(
            "<ul class=teasers><li><span class=date>01.02.2022 16:28</span></li></ul>\
             <article><small>Erstellt am: 30.01.2022 18:36 / sk</small></article>",
            Some(("2022-01-30", "html:published-label")),
        );
        check_page(
            "<p class=meta>Posted on March 3, 2020 by Ann</p>",
            Some(("2020-03-03", "html:published-label")),
        );
    }

    #[test]
    fn a_change_or_the_clock_is_not_the_publication() {
        check_page(
            "<p class=date>Updated 19.11.2019</p><p class=date>On 18.11.2019</p>",
            Some(("2019-11-18", "html:date-element")),
        );
        check_page(
            "<p class=date>Veröffentlicht 3.3.2020, aktualisiert 5.3.2020</p>",
            Some(("2020-03-03", "html:published-label")),
        );
        check_page(
            "<p class=date>Aktualisiert 5.3.2020, veröffentlicht 3.3.2020</p>",
            Some(("2020-03-03", "html:published-label")),
        );
        check_page(
            "<div class=time>Aktuelle Zeit: 14.10.2020, 12:18</div><p>Beitrag vom 21.01.2009</p>",
            Some(("2009-01-21", "html:first-text-date")),
        );
    }

    #[test]
    fn numeric_printed_dates() {
        let date = |t: &str| text_day(t).map(|d| d.to_string());
        assert_eq!(date("26/10/2018").as_deref(), Some("2018-10-26"));
        assert_eq!(date("10/26/2018").as_deref(), Some("2018-10-26"));
        // Either order fits: unknown, not a guess.
        assert_eq!(date("05/07/2019"), None);
        assert_eq!(date("15-02-2018").as_deref(), Some("2018-02-15"));
        // Two-digit years only in short texts (a byline's), never a version number in prose.
        assert_eq!(date("Party, 30.10.23").as_deref(), Some("2023-10-30"));
        assert_eq!(date(", 8.5.12").as_deref(), Some("2012-05-08"));
        assert_eq!(
            date("The release notes of 8.5.12 list the fixes made since the spring"),
            None
        );
        assert_eq!(date("1.2.3.4"), None);
    }

    #[test]
    fn dates_outside_the_usual_places() {
        // JSON-LD that is not valid JSON still says when.
        check_page(
            "<script type=\"application/ld+json\">{\"headline\": \"A\nB\", \"datePublished\": \"2020-03-01T10:00:00+01:00\",}</script>",
            Some(("2020-03-01", "html:json-ld:datePublished")),
        );
        // A page rendered by script keeps its date in the script's data: the last resort,
        // after even the page's own date of change.
        check_page(
            r#"<meta itemprop="dateUpdate" content="2020-02-14 10:47:36"><script>x={"pubDate":"2012-06-24"}</script>"#,
            Some(("2020-02-14", "html:meta:dateupdate")),
        );
        check_page(
            r#"<script>window.__DATA__={"review":{"publishedDate":"2016-11-04T20:37:27"}}</script><p>© 2020 Example</p>"#,
            Some(("2016-11-04", "html:script-data")),
        );
    }

    #[test]
    fn teasers_of_other_pages_are_not_this_page_s_date() {
        let recent = "<ul class=recent>\
             <li><a href=/a>A</a><span class=post-date>19/09/2019</span></li>\
             <li><a href=/b>B</a><span class=post-date>20/06/2019</span></li></ul>";
        check_page(
            &format!("<div class=detail>27 Sep 2016</div>{recent}"),
            Some(("2016-09-27", "html:first-text-date")),
        );
        let times = "<ul><li><a href=/a>A</a><time datetime=2019-07-30>30 juil.</time></li>\
             <li><a href=/b>B</a><time datetime=2019-06-27>27 juin</time></li></ul>";
        check_page(
            &format!("{times}<p>Le 27 juin 2019</p>"),
            Some(("2019-06-27", "html:first-text-date")),
        );
        // A front page has nothing but teasers: the first dates it, weakly.
        check_page(recent, Some(("2019-09-19", "html:teaser-date")));
        // A byline list holds dates without links: it is this page's.
        check_page(
            "<ul class=info><li>Posted 3.3.2020</li><li>Updated 5.3.2020</li></ul>",
            Some(("2020-03-03", "html:first-text-date")),
        );
    }

    #[test]
    fn the_byline_under_the_headline_dates_the_article() {
        // Not the edition's date by the logo, before the headline.
        check_page(
            "<span class=date-edition>lun. 5 août 2019</span><h1>Titre</h1>\
             <ul class=info><li>27 juin 2019</li><li>Par <a href=/elba>Elba</a></li></ul>",
            Some(("2019-06-27", "html:headline-date")),
        );
        // What the byline prints wins over the data's publication when the data state it too
        // (as the change the reader sees).
        check_page(
            r#"<script type="application/ld+json">{"datePublished":"2020-01-03T09:48:24Z","dateModified":"2020-01-06T09:22:36Z"}</script>
               <h1>Goats</h1><h2>Deck<span class=hl-date>Monday, 6 January 2020</span></h2>"#,
            Some(("2020-01-06", "html:headline-date")),
        );
        // Unconfirmed, the data's publication stands.
        check_page(
            r#"<script type="application/ld+json">{"datePublished":"2020-01-03T09:48:24Z"}</script>
               <h1>Goats</h1><p>Monday, 6 January 2020</p>"#,
            Some(("2020-01-03", "html:json-ld:datePublished")),
        );
    }

    #[test]
    fn a_forum_poster_s_joining_day_is_not_the_post_s() {
        check_page(
            "<dd class=profile-joined><strong>Registriert:</strong> 18.09.2008, 05:56</dd>\
             <p class=author>von r23 &raquo; 21.01.2009, 05:42</p>",
            Some(("2009-01-21", "html:first-text-date")),
        );
    }

    #[test]
    fn a_day_stamped_in_the_copyright_line_is_the_page_s_weakly() {
        check_page(
            "<p>Copyright © 19.12.2019 - 12:14 h by Example GmbH.</p>",
            Some(("2019-12-19", "html:copyright-day")),
        );
        // A copyright range is never a day.
        check_page("<p>© 2005-2017 Example</p>", None);
    }
}
