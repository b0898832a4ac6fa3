//! "Nothing executable survives", judged the way a browser judges it: the HTML is parsed by a
//! spec-following parser (html5ever, through scraper), entities decoded, and every element and
//! attribute looked at. Grepping the text would miss `java&#x09;script:` and flag `&lt;script`.

use scraper::{Html, Node};

/// Elements that run code, load a document or change where links go.
const ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "svg",
    "math", "portal", "form", "button", "input", "textarea", "select",
];

/// Attributes whose value is a URL a browser may load or navigate to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "xlink:href",
];

/// URL schemes that run code, render attacker HTML or reach the local disk.
const SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:", "file:", "livescript:"];

/// The first executable thing in `html` (a whole page or a fragment), described, or `None`.
pub fn executable_in_html(html: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let mut styles = 0;
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let name = el.name().to_ascii_lowercase();
        if ELEMENTS.contains(&name.as_str()) {
            return Some(format!("a <{name}> element"));
        }
        // The page's own head: one style sheet, charset and CSP metas. Nothing else.
        if name == "style" {
            styles += 1;
            if styles > 1 {
                return Some("a second <style> element".into());
            }
        }
        if name == "meta" && el.attr("http-equiv").is_some_and(|v| !is_csp(v)) {
            return Some("a <meta http-equiv> other than the CSP".into());
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                return Some(format!("an event handler {attr}={value:?} on <{name}>"));
            }
            if attr == "srcdoc" {
                return Some(format!("srcdoc on <{name}>"));
            }
            if attr == "style" && style_runs(value) {
                return Some(format!("style={value:?} on <{name}>"));
            }
            let urls: Vec<&str> = if attr == "srcset" {
                value
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .collect()
            } else if URL_ATTRIBUTES.contains(&attr.as_str()) {
                vec![value]
            } else {
                continue;
            };
            for url in urls {
                if let Some(scheme) = dangerous_scheme(url) {
                    return Some(format!("a {scheme} URL in {attr}={value:?} on <{name}>"));
                }
            }
        }
    }
    None
}

/// [`executable_in_html`] for Markdown as any other CommonMark editor renders it: raw HTML
/// passed through (as Mark Text, Typora or a Git host do), every common extension on. Dossier's
/// Markdown output is opened in such editors, so what it writes must be inert there too.
pub fn executable_in_markdown(markdown: &str) -> Option<String> {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    executable_in_html(&html)
}

fn is_csp(v: &str) -> bool {
    v.eq_ignore_ascii_case("content-security-policy")
}

fn style_runs(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    v.contains("expression(") || v.contains("url(") || v.contains("javascript:") || v.contains('\\')
}

/// The scheme of `url` if it is one of [`SCHEMES`], read as a browser's URL parser reads it:
/// leading and trailing C0 controls and spaces stripped, tabs and newlines removed anywhere,
/// case folded.
fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let folded: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    SCHEMES.iter().copied().find(|s| folded.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checker itself must catch what it is for, or every test built on it proves nothing.
    #[test]
    fn catches_what_it_is_for() {
        let bad = [
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=x OnError=alert(1)>",
            "<a href=\"java&#x09;script:alert(1)\">x</a>",
            "<a href=\"&#x20;JAVASCRIPT:alert(1)\">x</a>",
            "<a href=\"jav&#13;ascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<map><area href=\"file:///etc/passwd\"></map>",
            "<svg><iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<img srcset=\"a.png 1x, javascript:alert(1) 2x\">",
        ];
        for html in bad {
            assert!(executable_in_html(html).is_some(), "missed: {html}");
        }
        assert!(executable_in_markdown("[x](javascript:alert(1))").is_some());
        assert!(executable_in_markdown("<img src=x onerror=alert(1)>").is_some());
    }

    #[test]
    fn leaves_what_is_inert() {
        let good = [
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "<p>javascript:alert(1) as text, onerror= as text</p>",
            "<a href=\"https://example.org/javascript:x\" rel=\"noopener\">x</a>",
            "<a href=\"#fn1\">1</a><img src=\"img/local.png\" alt=\"\">",
            "<td style=\"text-align: left\">x</td>",
        ];
        for html in good {
            assert_eq!(executable_in_html(html), None, "{html}");
        }
        assert_eq!(
            executable_in_markdown("`<script>` and [x](https://a.example)"),
            None
        );
    }
}
