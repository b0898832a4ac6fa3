//! The publication date of an HTML page: the data's statements (JSON-LD, `<meta>`, `<time>`),
//! the URL, and the dates the page prints, weighed by where they stand and how they are labelled;
//! a UTC timestamp moved to the publisher's local day. The dates themselves are read by
//! [`dossier_dates::metadata`], in the years a page may be published in ([`Years::PUBLISHED`]).

use dossier_dates::Years;
use dossier_dates::metadata::{self, Timestamp};
use dossier_model::{Edtf, Found};

use super::json_ld::JsonLd;
use crate::html::tree::Head;

/// `<meta>` names that carry the publication date, most specific first.
pub(super) const DATE_METAS: [&str; 22] = [
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

/// The publication date, from the strongest evidence to the weakest: the byline's day under the
/// headline when the page's data state it too, JSON-LD `datePublished`, date `<meta>` tags, a
/// full date in the URL path, `<time>` elements, printed dates (labelled as the publication's,
/// under the headline, in date-classed elements, the first at all), a day in the copyright
/// line, the first teaser's, the date of the last change, and last a publication date in a
/// script's data.
/// A machine timestamp in UTC is moved to the publisher's local day when the page shows that
/// day too (see [`local_day`]).
pub(super) fn published(head: &Head, ld: &JsonLd, url: Option<&str>) -> Option<Found<Edtf>> {
    let url_day = url.and_then(|u| metadata::url_day(u, Years::PUBLISHED));
    let local = |raw: &str, d: Edtf| local_day(raw, head, ld, url_day).unwrap_or(d);
    let machine = |raw: &str, rule: String, conf: f64| {
        metadata::day(raw, Years::PUBLISHED).map(|d| Found::by_rule(local(raw, d), rule, conf))
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
            .any(|raw| metadata::day(raw, Years::PUBLISHED).as_ref() == Some(d))
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
            .find_map(|t| metadata::written_day(&t, Years::PUBLISHED))
            .map(|d| Found::by_rule(d, "html:copyright-day", 0.3))
    })
    .or_else(|| {
        // A front page dates itself by its newest teaser; any other page's teasers are
        // other pages' dates, so this ranks below everything the page says of itself but
        // its last change.
        head.teaser_dates
            .iter()
            .find_map(|t| metadata::day(&t.to_lowercase(), Years::PUBLISHED))
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
pub(super) fn printed_day(t: &str) -> Option<Edtf> {
    let lower = t.to_lowercase();
    if is_copyright(&lower) {
        return None;
    }
    // "Updated 5 March, published 3 March 2020": each label names the date after it.
    let labels_at = |words: &[&str], publication: bool| {
        words
            .iter()
            .flat_map(|w| lower.match_indices(w))
            .map(move |(at, _)| Label { at, publication })
            .collect::<Vec<_>>()
    };
    let mut labels = labels_at(&NOT_PUBLISHED, false);
    labels.extend(labels_at(&PUBLISHED_LABELS, true));
    labels.sort_unstable();
    // The text before the first label counts as the publication's.
    let starts = std::iter::once(Label {
        at: 0,
        publication: true,
    })
    .chain(labels.iter().copied());
    let ends = labels.iter().map(|l| l.at).chain([lower.len()]);
    starts
        .zip(ends)
        .filter(|(label, _)| label.publication)
        .find_map(|(label, to)| metadata::written_day(&lower[label.at..to], Years::PUBLISHED))
}

/// A label in a printed text: where it starts, and whether it names the publication (else a
/// change or the clock). Ordered by position.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Label {
    at: usize,
    publication: bool,
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
                .filter(|(_, context)| crate::html::tree::is_date_class(context))
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

/// The local day of a UTC timestamp `raw`, when another timestamp of the page (JSON-LD,
/// `<meta>`, `<time>`) writes the same instant in local time on another day: "2023-11-09T01:49Z"
/// beside "2023-11-08 17:49:09" was published on the 8th where it was written. Else the day of
/// the URL path or of the page's date element, when it is the UTC day's neighbour: publishers
/// print their own calendar's day. Readers date an article by that, not by Greenwich's.
pub(super) fn local_day(
    raw: &str,
    head: &Head,
    ld: &JsonLd,
    url_day: Option<Edtf>,
) -> Option<Edtf> {
    let Timestamp {
        wall: utc,
        offset: Some(0),
    } = metadata::timestamp(raw)?
    else {
        return None;
    };
    let others = ld
        .stamps
        .iter()
        .map(String::as_str)
        .chain(head.metas.iter().map(|(_, v)| v.as_str()))
        .chain(head.times.iter().map(|(t, _)| t.as_str()));
    let same_instant = others.filter_map(metadata::timestamp).find(|t| {
        let shift = (t.wall - utc).num_seconds();
        t.offset.is_none_or(|o| i64::from(o) == shift)
            && shift != 0
            && shift.abs() <= 14 * 3600
            && shift % 900 == 0
    });
    if let Some(Timestamp { wall, .. }) = same_instant {
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

#[cfg(test)]
mod tests {

    /// The publication date `read` finds in a page, and the rule that found it.
    fn check_page(html: &str, expected: Option<(&str, &str)>) {
        let head = crate::html::tree::parse(html).head;
        let found = super::super::read(&head, None).published;
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
