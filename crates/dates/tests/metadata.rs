//! The readers of dates that pages state (`dossier_dates::metadata`): machine values, date
//! lines in several languages, URL paths, timestamps.

use dossier_dates::Years;
use dossier_dates::metadata::{day, timestamp, url_day, written_day};

fn check_day(value: &str, expected: Option<&str>) {
    assert_eq!(
        day(value, Years::PUBLISHED)
            .map(|d| d.to_string())
            .as_deref(),
        expected,
        "{value}"
    );
}

#[test]
fn dates_in_meta_values_and_page_text() {
    check_day("2016-12-23T05:11:00-05:00", Some("2016-12-23"));
    check_day("20161223", Some("2016-12-23"));
    check_day("2016/12/23", Some("2016-12-23"));
    check_day("Fri, 23 Dec 2016 10:00:00 +0000", Some("2016-12-23"));
    check_day("Sonntag, 8. Oktober 2017 um 02:12", Some("2017-10-08"));
    check_day("14 mars 2019", Some("2019-03-14"));
    check_day("3 de mayo de 2020", Some("2020-05-03"));
    check_day("15 августа 2016, 13:43", Some("2016-08-15"));
    check_day("3 października 2019", Some("2019-10-03"));
    check_day("12 Şubat 2021", Some("2021-02-12"));
    check_day("7. Okt. 2020", Some("2020-10-07"));
    check_day("14 MÄRZ 2019", Some("2019-03-14"));
    check_day("no date here", None);
}

#[test]
fn publication_dates_before_the_web_are_placeholders() {
    check_day("1889-01-01", None);
    check_day("1970-01-01T00:00:00Z", None);
    check_day("1990-01-01", Some("1990-01-01"));
    // The window is the caller's: running text's reaches back further.
    assert_eq!(
        day("1889-01-01", Years::MENTIONED).map(|d| d.to_string()),
        Some("1889-01-01".to_string())
    );
}

fn check_written(text: &str, expected: Option<&str>) {
    assert_eq!(
        written_day(text, Years::PUBLISHED)
            .map(|d| d.to_string())
            .as_deref(),
        expected,
        "{text}"
    );
}

#[test]
fn numeric_written_dates() {
    check_written("26/10/2018", Some("2018-10-26"));
    check_written("10/26/2018", Some("2018-10-26"));
    // Either order fits: unknown, not a guess.
    check_written("05/07/2019", None);
    check_written("15-02-2018", Some("2018-02-15"));
    // Two-digit years only in short texts (a byline's), never a version number in prose.
    check_written("Party, 30.10.23", Some("2023-10-30"));
    check_written(", 8.5.12", Some("2012-05-08"));
    check_written(
        "The release notes of 8.5.12 list the fixes made since the spring",
        None,
    );
    check_written("1.2.3.4", None);
    // English through the grammar of running text; a month alone is no day.
    check_written("Posted on March 3, 2020 by Ann", Some("2020-03-03"));
    check_written("Class of 2019", None);
}

fn check_url(url: &str, expected: Option<&str>) {
    assert_eq!(
        url_day(url, Years::PUBLISHED)
            .map(|d| d.to_string())
            .as_deref(),
        expected,
        "{url}"
    );
}

#[test]
fn url_paths() {
    check_url("https://x.example/2019/11/08/story", Some("2019-11-08"));
    check_url("https://x.example/en/2019-12-02-story", Some("2019-12-02"));
    check_url("https://x.example/2019/story-12-02", None);
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

fn check_timestamp(value: &str, expected: Option<(&str, Option<i32>)>) {
    let found = timestamp(value).map(|t| (t.wall.to_string(), t.offset));
    assert_eq!(found, expected.map(|(w, o)| (w.to_string(), o)), "{value}");
}

#[test]
fn timestamps_keep_their_wall_clock_and_offset() {
    check_timestamp("2021-11-04T23:00Z", Some(("2021-11-04 23:00:00", Some(0))));
    check_timestamp(
        "2023-11-08T17:49:09-08:00",
        Some(("2023-11-08 17:49:09", Some(-8 * 3600))),
    );
    check_timestamp("2023-11-08 17:49:09", Some(("2023-11-08 17:49:09", None)));
    check_timestamp("8 November 2023", None);
}
