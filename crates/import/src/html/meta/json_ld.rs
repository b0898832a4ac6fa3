//! JSON-LD in a page's `<script type="application/ld+json">`: headline, author, publisher and
//! the page's timestamps, also from JSON that does not parse.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

#[derive(Default)]
/// What a page's JSON-LD says; the first value found of each.
pub(super) struct JsonLd {
    pub headline: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    /// The raw `datePublished`.
    pub published: Option<String>,
    /// Every `datePublished`, `dateCreated` and `dateModified`: other writings of the instant.
    pub stamps: Vec<String>,
    /// The raw `dateModified`: the page's last change.
    pub modified: Option<String>,
    /// `articleBody`, else `description`: the text of a page that prints it only by script.
    pub body: Option<String>,
}

/// A date key in JSON-LD that does not parse as JSON (raw newlines in strings, trailing commas
/// and unescaped quotes are common): the date is still plainly there.
static LD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})""#)
        .expect("json-ld regex")
});

impl JsonLd {
    pub fn read(scripts: &[String]) -> JsonLd {
        let mut ld = JsonLd::default();
        for s in scripts {
            if let Ok(v) = serde_json::from_str::<Value>(s.trim()) {
                ld.walk(&v, 0);
            } else {
                for c in LD_DATE.captures_iter(s) {
                    if &c[1] == "datePublished" && ld.published.is_none() {
                        ld.published = Some(c[2].to_string());
                    }
                    if &c[1] == "dateModified" && ld.modified.is_none() {
                        ld.modified = Some(c[2].to_string());
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
                if self.modified.is_none() {
                    self.modified = str_of("dateModified");
                }
                self.stamps.extend(
                    ["datePublished", "dateCreated", "dateModified"]
                        .iter()
                        .filter_map(|k| str_of(k)),
                );
                if self.headline.is_none() {
                    self.headline = str_of("headline").filter(|h| !h.trim().is_empty());
                }
                if self.body.is_none() {
                    self.body = ["articleBody", "text", "description"]
                        .iter()
                        .find_map(|k| str_of(k).filter(|b| !b.trim().is_empty()));
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
