//! The on-disk text formats: TOML with sorted keys, and Markdown with TOML front matter.
//!
//! Every writer here is canonical: loading a file Dossier wrote and saving it again gives the
//! same bytes, so a save that changes nothing shows no diff in git.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The front-matter fence (TOML front matter, as in Hugo and Zola).
const FENCE: &str = "+++";

/// A parse failure with the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub message: String,
}

/// Serialises `value` as TOML with keys sorted at every level.
pub fn to_toml<T: Serialize>(value: &T) -> String {
    // Going through `toml::Value` sorts keys: its tables are ordered maps.
    let v = toml::Value::try_from(value).expect("model types serialise to TOML");
    toml::to_string(&v).expect("a TOML value serialises")
}

pub fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    toml::from_str(text).map_err(|e| toml_error(text, &e, 0))
}

fn toml_error(text: &str, e: &toml::de::Error, line_offset: usize) -> FormatError {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1) + line_offset;
    FormatError {
        line,
        message: e.message().trim().to_string(),
    }
}

/// 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `+++\n<toml>+++\n<body>`.
pub fn to_front_matter<T: Serialize>(meta: &T, body: &str) -> String {
    let toml = to_toml(meta);
    let mut out = String::with_capacity(toml.len() + body.len() + 10);
    out.push_str(FENCE);
    out.push('\n');
    out.push_str(&toml);
    if !toml.is_empty() && !toml.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(FENCE);
    out.push('\n');
    out.push_str(body);
    out
}

/// Splits and parses front matter. The closing fence is the first `+++` line outside a TOML
/// multi-line string, found with the TOML parser's own lexer in one pass: so a `+++` line
/// inside a string does not end the front matter, and the TOML is parsed once, never once per
/// `+++` line (which made a file of thousands of `+++` lines quadratic).
pub fn from_front_matter<T: DeserializeOwned>(text: &str) -> Result<(T, &str), FormatError> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| FormatError {
            line: 1,
            message: "the file must start with a '+++' line (TOML front matter)".into(),
        })?;
    let Some((toml_end, body_start)) = closing_fence(rest) else {
        return Err(FormatError {
            line: line_of(text, text.len()),
            message: "the front matter has no closing '+++' line (or a multi-line string in \
                      it is never closed); add a '+++' line after the front matter"
                .into(),
        });
    };
    let toml = &rest[..toml_end];
    let meta = toml::from_str::<T>(toml).map_err(|e| toml_error(toml, &e, 1))?;
    Ok((meta, &rest[body_start..]))
}

/// Where the TOML before the closing `+++` line ends and the body after it starts.
fn closing_fence(rest: &str) -> Option<(usize, usize)> {
    // A line starts at 0 and after every newline token that ends in '\n' (a lone '\r' is a
    // newline to TOML but not a line break to us). Newlines inside multi-line strings are part of
    // the string's token, so they are never looked at.
    let line_starts = std::iter::once(0).chain(
        toml_parser::Source::new(rest)
            .lex()
            .filter(|t| {
                t.kind() == toml_parser::lexer::TokenKind::Newline
                    && rest[t.span().start()..t.span().end()].ends_with('\n')
            })
            .map(|t| t.span().end()),
    );
    for start in line_starts {
        let line_end = rest[start..]
            .find('\n')
            .map_or(rest.len(), |i| start + i + 1);
        if rest[start..line_end].trim_end_matches(['\n', '\r']) == FENCE {
            return Some((start, line_end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Meta {
        z: u32,
        a: String,
    }

    #[test]
    fn fence_inside_a_multiline_string_does_not_end_front_matter() {
        let m = Meta {
            z: 1,
            a: "x\n+++\ny".into(),
        };
        let text = to_front_matter(&m, "body\n+++\n");
        let (back, body) = from_front_matter::<Meta>(&text).unwrap();
        assert_eq!(back, m);
        assert_eq!(body, "body\n+++\n");
        assert!(
            text.find("a = ").unwrap() < text.find("z = ").unwrap(),
            "keys sorted: {text}"
        );
    }

    #[test]
    fn fence_after_literal_and_escaped_strings() {
        // `'''` strings, an escaped `\"""` and quotes in a comment do not hide the fence.
        let text = "+++\n# \"\"\" in a comment\na = '''\n+++\n'''\nz = 2\n+++\nbody";
        let (m, body) = from_front_matter::<Meta>(text).unwrap();
        assert_eq!((m.a.as_str(), m.z, body), ("+++\n", 2, "body"));
        let text = "+++\r\na = \"\"\"x\\\"\"\"\r\n+++\r\n\"\"\"\r\nz = 3\r\n+++\r\nbody";
        let (m, body) = from_front_matter::<Meta>(text).unwrap();
        assert_eq!((m.a.as_str(), m.z, body), ("x\"\"\"\r\n+++\r\n", 3, "body"));
    }

    /// Every `+++` line used to be tried as the closing fence by parsing the TOML before it:
    /// 50,000 of them took minutes. The fence is now found in one pass and the TOML parsed once.
    /// Bounded: the three parses take well under 0.3 s in a debug build; quadratic, they would
    /// hang, so 30 s fails them.
    #[test]
    fn regression_thousands_of_fence_lines_are_not_quadratic() {
        dossier_testkit::bounded(
            std::time::Duration::from_secs(30),
            "regression_thousands_of_fence_lines_are_not_quadratic",
            || {
                let fences = "+++\n".repeat(50_000);
                let e = from_front_matter::<Meta>(&format!("+++\n{fences}")).unwrap_err();
                assert_eq!(
                    e.line, 2,
                    "the first '+++' line closes the (empty) front matter: {e:?}"
                );
                assert!(e.message.contains("missing field"), "{e:?}");

                let unclosed = format!("+++\nz = 1\na = \"\"\"\n{fences}");
                let e = from_front_matter::<Meta>(&unclosed).unwrap_err();
                assert_eq!(e.line, line_of(&unclosed, unclosed.len()), "{e:?}");
                assert!(e.message.contains("never closed"), "{e:?}");

                let closed = format!("+++\nz = 1\na = \"\"\"\n{fences}\"\"\"\n+++\nbody");
                let (m, body) = from_front_matter::<Meta>(&closed).unwrap();
                assert_eq!((m.a.len(), body), (fences.len(), "body"));
            },
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = from_front_matter::<Meta>("+++\nz = 1\na = \n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let e = from_front_matter::<Meta>("no fence").unwrap_err();
        assert_eq!(e.line, 1);
        let e = from_toml::<Meta>("z = 1\n\nq = 2\n").unwrap_err();
        assert_eq!(e.line, 1, "missing field reported at the start: {e:?}");
    }
}
