//! Everything that can stop a rendering, each with what to do about it.

use dossier_model::Scheme;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("no template named '{0}': `dossier templates` lists the ones there are")]
    NotFound(String),
    #[error("'{0}' is not a template name: use lowercase letters, digits, '-' and '_'")]
    BadName(String),
    #[error(
        "template {0} has no {1}: every template folder needs template.toml and briefing.md.j2"
    )]
    Missing(String, &'static str),
    #[error("{file} line {line}: {message}")]
    Manifest {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read {0}: {1}")]
    Io(String, String),
    #[error(
        "{0} is a symbolic link; a template reads only its own folder, so replace the link with the file or folder itself"
    )]
    Symlink(String),
    #[error("{0} is too large for a template (at most 64 files of 256 KiB each)")]
    TooLarge(String),
    #[error("{0} already exists: choose another name or remove it first")]
    Exists(String),
    #[error(
        "{0} changed since it was duplicated, so it is kept: remove the folder yourself if you no longer want it"
    )]
    ChangedSinceCopy(String),
    #[error("{file} line {line}, column {column}: {message}\n  {line_text}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        line_text: String,
        message: String,
    },
    #[error(
        "{file} line {line}: `{name}` is undefined: check its spelling against docs/templates.md\n  {line_text}"
    )]
    Undefined {
        file: String,
        line: usize,
        name: String,
        line_text: String,
    },
    #[error("{file} line {line}: {message}\n  {line_text}")]
    Runtime {
        file: String,
        line: usize,
        line_text: String,
        message: String,
    },
    #[error(
        "the template ran out of fuel: it loops or recurses more than a briefing needs (a loop that never ends, or a template that includes itself?)"
    )]
    OutOfFuel,
    #[error(
        "the template recurses too deeply: does a macro call itself, or a file include itself?"
    )]
    Recursion,
    #[error(
        "the template's output passed {0} MiB: a briefing is far smaller, so the template is looping or repeating text"
    )]
    OutputTooLarge(usize),
    #[error("{file} has no '## {section}' section, which template {template} requires")]
    MissingSection {
        file: String,
        section: String,
        template: String,
    },
    #[error("{file} has no {field} in its front matter, which template {template} requires")]
    MissingField {
        file: String,
        field: String,
        template: String,
    },
    #[error("{}", unmarked_sentence(*.scheme, .portions))]
    Unmarked {
        scheme: Scheme,
        /// Every unmarked portion, for `dossier validate` to list; the message names the first.
        portions: Vec<Portion>,
    },
    #[error(
        "this template marks portions with {} but these are marked in the other scheme: {}; use a template of their scheme",
        match scheme { Scheme::Classification => "classifications", Scheme::Tlp => "TLP labels" },
        portions.join("; ")
    )]
    ForeignMarkings {
        scheme: Scheme,
        portions: Vec<String>,
    },
}

/// A portion of a briefing or an excerpt, where the analyst finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portion {
    /// Relative to the project folder: `briefings/main.md`, `excerpts/<id>.toml`.
    pub file: String,
    /// The file's own 1-based line (front matter counted), for a paragraph of a briefing.
    pub line: Option<usize>,
    /// "BLUF paragraph 1", "excerpt 2031-03-04-queue-2222".
    pub what: String,
}

impl std::fmt::Display for Portion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line} ({})", self.file, self.what),
            None => write!(f, "{} ({})", self.file, self.what),
        }
    }
}

/// The refusal of unmarked portions in one sentence: how many, the first, and what to do.
fn unmarked_sentence(scheme: Scheme, portions: &[Portion]) -> String {
    let example = match scheme {
        Scheme::Classification => "(U)",
        Scheme::Tlp => "(TLP:CLEAR)",
    };
    let first = portions
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    let what = match portions.len() {
        1 => format!("{first} is unmarked"),
        n => format!("{n} portions are unmarked, the first at {first}"),
    };
    format!(
        "{what}: start a paragraph with its marking, e.g. `{example} `, mark an excerpt with \
         `dossier excerpt edit DIR ID --portion`, or set the project's default `classification` \
         in dossier.toml (`dossier validate` lists every unmarked portion)"
    )
}
