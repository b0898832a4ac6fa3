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

    m.published = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .map(|d| Found::by_rule(d, "html:json-ld:datePublished", 0.9))
        .or_else(|| {
            DATE_METAS.iter().find_map(|name| {
                let (k, v) = meta(&[name])?;
                let conf = if k.contains("publi") || k.contains("issued") {
                    0.9
                } else {
                    0.8
                };
                parse_date(v).map(|d| Found::by_rule(d, format!("html:meta:{k}"), conf))
            })
        })
        .or_else(|| {
            let time = head
                .times
                .iter()
                .find(|(_, hints)| {
                    hints.contains("pubdate")
                        || hints.contains("datepublished")
                        || hints.contains("publish")
                })
                .map(|(dt, _)| (dt, "html:time:published", 0.8))
                .or_else(|| head.times.first().map(|(dt, _)| (dt, "html:time", 0.6)))?;
            parse_date(time.0).map(|d| Found::by_rule(d, time.1, time.2))
        })
        .or_else(|| {
            let url = m.url.as_ref().map(|u| u.value.as_str()).or(location)?;
            url_date(url).map(|d| Found::by_rule(d, "html:url-path", 0.7).with_evidence(url))
        })
        .or_else(|| text_date(head))
        .or_else(|| {
            meta(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
            ])
            .and_then(|(k, v)| {
                parse_date(v).map(|d| Found::by_rule(d, format!("html:meta:{k}"), 0.4))
            })
        });
    m
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2}))\b")
        .expect("date regex")
});

/// Month names of the languages news pages are most often in, lower case, by month number - 1.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari",
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
    ],
    &[
        "march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart",
    ],
    &["april", "apr", "avril", "abril", "aprile"],
    &["may", "mai", "mayo", "maggio", "maio", "mei"],
    &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
    &["july", "jul", "juli", "juillet", "julio", "luglio", "julho"],
    &["august", "aug", "août", "aout", "agosto", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b",
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

/// A date printed in the page: first in an element whose class says "date", else the first
/// one at all. Copyright lines never count.
fn text_date(head: &Head) -> Option<Found<Edtf>> {
    let parse = |t: &str| -> Option<Edtf> {
        if t.contains('©') || t.to_ascii_lowercase().contains("copyright") {
            return None;
        }
        if let Some(c) = NUMERIC_DATE.captures(t) {
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (y, m, d) = match n(3) {
                Some(y) => (y, n(2)?, n(1)?),
                None => (n(4)?, n(5)?, n(6)?),
            };
            return NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible);
        }
        super::super::meta::whole_date(t).or_else(|| day_month_year(t))
    };
    head.text_dates
        .iter()
        .filter(|(_, context)| super::tree::is_date_class(context))
        .find_map(|(t, _)| parse(t))
        .map(|d| Found::by_rule(d, "html:date-element", 0.7))
        .or_else(|| {
            head.text_dates
                .iter()
                .find_map(|(t, _)| parse(t))
                .map(|d| Found::by_rule(d, "html:first-text-date", 0.5))
        })
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
    super::super::meta::whole_date(v).or_else(|| day_month_year(v))
}

fn plausible(d: NaiveDate) -> Option<Edtf> {
    use chrono::Datelike;
    (1990..=2100)
        .contains(&d.year())
        .then(|| Edtf::day(d))
        .flatten()
}

/// `/2016/12/23/` (or `/2016-12-23`) in a URL path.
fn url_date(url: &str) -> Option<Edtf> {
    let path = url.splitn(4, '/').nth(3)?;
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let y: i32 = w[0].parse().ok().filter(|_| w[0].len() == 4)?;
        let m: u32 = w[1].parse().ok().filter(|_| w[1].len() == 2)?;
        let d: u32 = w[2].parse().ok().filter(|_| w[2].len() == 2)?;
        NaiveDate::from_ymd_opt(y, m, d).and_then(plausible)
    })
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
}

impl JsonLd {
    fn read(scripts: &[String]) -> JsonLd {
        let mut ld = JsonLd::default();
        for s in scripts {
            if let Ok(v) = serde_json::from_str::<Value>(s.trim()) {
                ld.walk(&v, 0);
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
}
