//! The HTML preview: the dialect's events through pulldown-cmark's HTML writer, then ammonia as
//! a second defence (raw HTML is already literal text in the dialect).

use std::collections::HashSet;

use dossier_markdown::{CmarkEvent, Dialect, Event, Tag, TagEnd, events};
use dossier_model::{Marking, Tlp};

/// Quotes and lists nested deeper than this are flattened in the preview. The HTML parser
/// behind the sanitiser checks element scope by walking the open elements, so each tag at depth
/// d costs O(d): 20,000 nested `>` took a second (`benches/pathological.rs`).
const MAX_DEPTH: usize = 64;

/// The preview's style sheet (the app applies it to its preview frame; `html` inlines it).
pub const STYLE: &str = "body{font:16px/1.5 Georgia,'Source Serif 4',serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1b1b1b}\
h1,h2,h3{font-family:'Source Sans 3',Helvetica,sans-serif;line-height:1.2}\
.banner{text-align:center;font:bold 14px 'Source Sans 3',sans-serif;letter-spacing:.05em;padding:.3em;border:1px solid #888}\
blockquote{margin:1em 0;padding:0 1em;border-left:3px solid #bbb;color:#333}\
blockquote[class^=markdown-alert]{border:1px solid #777;border-radius:4px;padding:.5em 1em;background:#f6f6f2}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}\
.banner.tlp{background:#000;border-color:#000}.tlp-red{color:#FF2B2B}.tlp-amber{color:#FFC000}.tlp-amber-strict{color:#FFC000}.tlp-green{color:#33FF00}.tlp-clear{color:#FFFFFF}\
hr.page-break{border:0;border-top:2px dashed #aaa;margin:2em 0}\
.footnote-definition{font-size:.9em}.footnote-definition p{display:inline}code{font-size:.9em}";

/// A standalone HTML page for `markdown`, with the banner above and below when there is one.
pub fn html(markdown: &str, title: &str, banner: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(title),
        body(markdown, banner)
    )
}

/// The sanitised content of the page's `<body>`: the banner, the article, the banner again.
/// The desktop app's live preview shows this in a frame that runs no script.
pub fn body(markdown: &str, banner: &str) -> String {
    // For each open quote, list or item: whether its tags were written (not flattened); and
    // how many were (counted as they open and close: counting `open` each time was quadratic).
    let mut open: Vec<bool> = Vec::new();
    let mut written = 0;
    let mapped = events(markdown).filter_map(move |e| match e {
        Event::Cmark(e @ CmarkEvent::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)) => {
            let keep = written < MAX_DEPTH;
            written += usize::from(keep);
            open.push(keep);
            keep.then_some(e)
        }
        Event::Cmark(
            e @ CmarkEvent::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item),
        ) => {
            let kept = open.pop().unwrap_or(true);
            written -= usize::from(kept && written > 0);
            kept.then_some(e)
        }
        Event::Cmark(e) => Some(e),
        // The writer would pass raw HTML through; ammonia keeps only this class.
        Event::Dialect(Dialect::PageBreak) => {
            Some(CmarkEvent::Html("<hr class=\"page-break\">\n".into()))
        }
        Event::Dialect(Dialect::NoteSeparator) => Some(CmarkEvent::Html(
            format!(
                "<sup class=\"note-separator\">{}</sup>",
                dossier_markdown::NOTE_SEPARATOR
            )
            .into(),
        )),
    });
    let mut body = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut body, mapped);
    let clean = sanitize(&body);
    let banner_html = if banner.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"{}\">{}</div>\n",
            banner_class(banner),
            escape(banner)
        )
    };
    format!("{banner_html}<article>\n{clean}</article>\n{banner_html}")
}

/// The banner's classes: a TLP label is set in its colour on black (`STYLE`), as FIRST's TLP 2.0
/// specifies.
fn banner_class(banner: &str) -> &'static str {
    match banner.parse::<Marking>() {
        Ok(Marking::Tlp(t)) => match t {
            Tlp::Clear => "banner tlp tlp-clear",
            Tlp::Green => "banner tlp tlp-green",
            Tlp::Amber => "banner tlp tlp-amber",
            Tlp::AmberStrict => "banner tlp tlp-amber-strict",
            Tlp::Red => "banner tlp tlp-red",
        },
        _ => "banner",
    }
}

fn sanitize(html: &str) -> String {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto"]))
        .add_generic_attributes(["id"])
        .add_tag_attributes("blockquote", ["class"])
        .add_tag_attributes("hr", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| {
            // No remote images: the preview must not call out (and reveal who reads what).
            if element == "img" && attribute == "src" {
                let v = value.trim_start().to_ascii_lowercase();
                if v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//") {
                    return None;
                }
            }
            if attribute == "style" && !value.starts_with("text-align:") {
                return None;
            }
            Some(value.into())
        });
    b.clean(html).to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 20,000 nested quotes took a second in the preview (quadratic in the HTML parser's
    /// scope checks); deeper than `MAX_DEPTH` is now flattened, the text kept.
    /// Bounded: well under 0.3 s; unflattened, the parser's scope checks are quadratic in the depth.
    #[test]
    fn regression_deeply_nested_quotes_are_flattened() {
        dossier_testkit::bounded(
            std::time::Duration::from_secs(30),
            "regression_deeply_nested_quotes_are_flattened",
            || {
                let h = html(&format!("{}deep", "> ".repeat(5000)), "t", "");
                assert_eq!(h.matches("<blockquote>").count(), MAX_DEPTH);
                assert_eq!(h.matches("</blockquote>").count(), MAX_DEPTH);
                assert!(h.contains("deep"));
                let lists: String = (0..100)
                    .map(|i| format!("{}- l{i}\n", "  ".repeat(i)))
                    .collect();
                let h = html(&lists, "t", "");
                assert_eq!(
                    h.matches("<ul>").count() + h.matches("<li>").count(),
                    MAX_DEPTH
                );
                assert!(h.contains("l99"));
            },
        );
    }

    #[test]
    fn hostile_markdown_stays_inert() {
        let h = html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](data:text/html,hi) ![r](https://evil.example/p.png) ![l](img/local.png)\n\n\\newpage\n\n> [!NOTE]\n> boxed",
            "t<",
            "SECRET",
        );
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(!h.contains("data:text"), "{h}");
        assert!(!h.contains("evil.example"), "{h}");
        assert!(h.contains("img/local.png"), "{h}");
        assert!(h.contains("<hr class=\"page-break\">"), "{h}");
        assert!(h.contains("markdown-alert-note"), "{h}");
        assert_eq!(h.matches("<div class=\"banner\">SECRET</div>").count(), 2);
        assert!(h.contains("<title>t&lt;</title>"));
    }

    #[test]
    fn the_preview_body_is_the_page_body() {
        let md = "# T\n\n<img src=x onerror=alert(1)> text\n";
        let b = body(md, "TLP:AMBER");
        assert!(!b.contains("<img"), "{b}");
        assert!(html(md, "T", "TLP:AMBER").contains(&format!("<body>\n{b}</body>")));
    }

    #[test]
    fn tlp_banners_are_in_their_first_colours_on_black() {
        for (label, tlp) in [
            ("TLP:RED", Tlp::Red),
            ("TLP:AMBER", Tlp::Amber),
            ("TLP:AMBER+STRICT", Tlp::AmberStrict),
            ("TLP:GREEN", Tlp::Green),
            ("TLP:CLEAR", Tlp::Clear),
        ] {
            let b = body("text", label);
            let class = banner_class(label);
            assert!(b.contains(&format!("<div class=\"{class}\">")), "{b}");
            // The style sheet gives the class the colour the model names.
            let [r, g, bl] = tlp.colour();
            let rule = format!(
                "{}{{color:#{r:02X}{g:02X}{bl:02X}}}",
                class.rsplit(' ').next().unwrap()
            );
            assert!(
                STYLE.contains(&format!(".{rule}")),
                "{rule} not in the style sheet"
            );
        }
        assert!(STYLE.contains(".banner.tlp{background:#000"));
        assert_eq!(banner_class("SECRET"), "banner");
    }
}
