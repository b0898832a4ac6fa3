//! Metadata of an HTML page, from the strongest evidence to the weakest: JSON-LD, OpenGraph and
//! other `<meta>` tags, `<time>` elements, `<title>`, the URL path. Each rule has a fixed
//! confidence; the first rule that finds a value wins. The publication date has a module of its
//! own ([`published`]), and so has JSON-LD ([`json_ld`]).

mod evidence;
mod json_ld;
mod published;

use dossier_model::{Edtf, Found};

use super::tree::Head;
use json_ld::JsonLd;

/// What a page says of itself, each value with the rule that found it.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<Found<String>>,
    pub outlet: Option<Found<String>>,
    pub author: Option<Found<String>>,
    pub url: Option<Found<String>>,
    pub language: Option<Found<String>>,
    pub published: Option<Found<Edtf>>,
    /// What the page says its text is when it prints none itself: JSON-LD `articleBody` (or
    /// `description`), else the `description` meta tags. Only for a page with no other text.
    pub summary: Option<Found<String>>,
}

/// What `head` says of the page; `location` is the address an archive (MHTML) says the page was
/// saved from, the URL of last resort.
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

    m.summary = ld
        .body
        .clone()
        .map(|b| Found::by_rule(b, "html:json-ld:body", 0.8))
        .or_else(|| {
            meta(&["og:description", "description", "twitter:description"])
                .map(|(k, v)| Found::by_rule(v.into(), format!("html:meta:{k}"), 0.6))
        });

    let url = m.url.as_ref().map(|u| u.value.as_str()).or(location);
    m.published =
        published::published(head, &ld, url).map(|found| evidence::explain(found, head, &ld, url));
    m
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
