//! Errors of the core API. Each says what went wrong, where, and what to do, in one sentence;
//! each has a stable [`Error::code`] that the CLI and the desktop app switch on. The texts name
//! no command or flag: how to do it in one adapter (`--with-excerpts`) is that adapter's hint.

use std::path::{Path, PathBuf};

use dossier_model::Id;

use crate::store::Holder;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} is not a Dossier project (no dossier.toml); create a project there, or choose the folder that holds dossier.toml", .0.display())]
    NotAProject(PathBuf),
    #[error("{} is already a Dossier project; open it instead of creating it again", .0.display())]
    AlreadyAProject(PathBuf),
    #[error("{}: this project is format version {found}, newer than this program's {supported}; update Dossier to open it (nothing was changed)", .file.display())]
    NewerFormat {
        file: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}:{line}: {message}", .file.display())]
    Parse {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{} is a symbolic link; a project's folders and files must be real ones (a link could lead reads and writes outside the project): replace it with the folder or file itself", .0.display())]
    Symlink(PathBuf),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the project is locked by process {} on {} since {}; wait for it to finish, or remove {} if that process is gone", .holder.pid, .holder.host, .holder.since.format("%Y-%m-%d %H:%M:%S UTC"), .path.display())]
    Locked { path: PathBuf, holder: Holder },
    #[error("{} changed on disk since it was loaded (another window, or a git pull); reload the project, then make the change again", .0.display())]
    ChangedOnDisk(PathBuf),
    #[error("no source with id '{0}' in this project")]
    UnknownSource(Id),
    #[error("no excerpt with id '{0}' in this project")]
    UnknownExcerpt(Id),
    #[error(
        "the quote is not in source '{source_id}' (compared ignoring spacing, quote marks and dashes): \"{quote}\"{}; nothing was written",
        nearest_hint(nearest)
    )]
    QuoteNotFound {
        source_id: Id,
        quote: String,
        /// The passage of the source nearest to the quote, if one shares enough of its words.
        nearest: Option<String>,
    },
    #[error(
        "the quote occurs {} in source '{source_id}', so there is no occurrence {wanted}", times(*.found)
    )]
    NoSuchOccurrence {
        source_id: Id,
        wanted: usize,
        found: usize,
    },
    #[error(
        "source '{id}' is cited by {count} excerpt(s) ({first} …); remove them first, or remove the source together with its excerpts"
    )]
    SourceInUse { id: Id, count: usize, first: Id },
    #[error("the quote is empty; give the passage to excerpt")]
    EmptyQuote,
    #[error("{}: {message}; nothing was imported", .file.display())]
    Import { file: PathBuf, message: String },
    #[error("{0}")]
    Template(#[from] dossier_render::TemplateError),
    /// The search index failed (a cache under `.dossier/`: the next search opens it again).
    #[error(
        "the search index failed ({0}); search again, and if it fails again, delete the project's .dossier/search-v* folder: it is rebuilt"
    )]
    Search(String),
    /// A value the user gave is not acceptable (bad date, grade, id …).
    #[error("{0}")]
    Invalid(String),
    #[error(
        "source '{id}' is in '{language}', a language Dossier does not read dates in (it reads {}); date its excerpts by hand, or set the source's language if it is wrong",
        dossier_dates::Lang::supported()
    )]
    LanguageNotSupported { id: Id, language: String },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A stable machine-readable code, e.g. for `{code, message}` across IPC.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotAProject(_) => "not_a_project",
            Error::AlreadyAProject(_) => "already_a_project",
            Error::NewerFormat { .. } => "newer_format",
            Error::Parse { .. } => "parse",
            Error::Io { .. } => "io",
            Error::Symlink(_) => "symlink",
            Error::Locked { .. } => "locked",
            Error::ChangedOnDisk(_) => "changed_on_disk",
            Error::UnknownSource(_) => "unknown_source",
            Error::UnknownExcerpt(_) => "unknown_excerpt",
            Error::QuoteNotFound { .. } => "quote_not_found",
            Error::NoSuchOccurrence { .. } => "no_such_occurrence",
            Error::EmptyQuote => "empty_quote",
            Error::SourceInUse { .. } => "source_in_use",
            Error::Import { .. } => "import",
            Error::Template(_) => "template",
            Error::Search(_) => "search",
            Error::Invalid(_) => "invalid",
            Error::LanguageNotSupported { .. } => "language_not_supported",
        }
    }

    /// Whether the user can fix this by changing the input (exit code 1), rather than an
    /// environment or internal failure (exit code 2).
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Io { .. } | Error::Search(_))
    }
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// "; the nearest passage of the source is: \"…\"", or nothing.
fn nearest_hint(nearest: &Option<String>) -> String {
    nearest
        .as_ref()
        .map(|n| format!("; the nearest passage of the source is \"{n}\""))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app shows these texts too: a CLI flag or command in them would tell its users to
    /// do something they cannot (the CLI adds its hints itself).
    #[test]
    fn core_errors_name_no_cli_command_or_flag() {
        let id: Id = "2015-harbour-closed-ab12".parse().unwrap();
        let errors = [
            Error::NotAProject("p".into()),
            Error::UnknownSource(id.clone()),
            Error::UnknownExcerpt(id.clone()),
            Error::SourceInUse {
                id: id.clone(),
                count: 2,
                first: id,
            },
            Error::EmptyQuote,
        ];
        for e in errors {
            let text = e.to_string();
            assert!(
                !text.contains("--") && !text.contains("`dossier"),
                "{}: {text}",
                e.code()
            );
        }
    }
}
