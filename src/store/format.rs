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

/// Splits and parses front matter. The closing fence is the first `+++` line before which the
/// TOML parses: a `+++` line inside a multi-line string does not end the front matter.
pub fn from_front_matter<T: DeserializeOwned>(text: &str) -> Result<(T, &str), FormatError> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| FormatError {
            line: 1,
            message: "the file must start with a '+++' line (TOML front matter)".into(),
        })?;
    let mut first_error = None;
    let mut pos = 0;
    while pos <= rest.len() {
        let line_end = rest[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(rest.len());
        let line = &rest[pos..line_end];
        if line.trim_end_matches(['\n', '\r']) == FENCE {
            let toml = &rest[..pos];
            match toml::from_str::<T>(toml) {
                Ok(meta) => return Ok((meta, &rest[line_end..])),
                Err(e) => {
                    first_error.get_or_insert_with(|| toml_error(toml, &e, 1));
                }
            }
        }
        if line_end == rest.len() {
            break;
        }
        pos = line_end;
    }
    Err(first_error.unwrap_or(FormatError {
        line: line_of(text, text.len()),
        message: "the front matter has no closing '+++' line".into(),
    }))
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
    fn errors_name_the_line() {
        let e = from_front_matter::<Meta>("+++\nz = 1\na = \n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let e = from_front_matter::<Meta>("no fence").unwrap_err();
        assert_eq!(e.line, 1);
        let e = from_toml::<Meta>("z = 1\n\nq = 2\n").unwrap_err();
        assert_eq!(e.line, 1, "missing field reported at the start: {e:?}");
    }
}
