//! Command-line arguments and dispatch. Each command group lives in its own module; each
//! command parses its arguments, calls the core API, and prints the result.

mod dates;
mod events;
mod excerpts;
mod extract;
mod outlets;
mod output;
mod pdf;
mod project;
mod render;
mod sources;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use clap::{Parser, Subcommand};
use dossier::{Project, World};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Turn saved source documents into a dated, cited briefing", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new project folder.
    New(project::NewArgs),
    /// Import saved articles (text, Markdown, HTML, MHTML, PDF) into a project.
    Import(sources::ImportArgs),
    /// Show what import finds in one file (clean text, metadata, removed lines); no project
    /// needed.
    Extract(extract::ExtractArgs),
    /// List the sources of a project.
    Sources(sources::ListArgs),
    /// Show, edit or remove one source.
    #[command(subcommand)]
    Source(sources::SourceCommand),
    /// Add, show, edit, list or remove excerpts.
    #[command(subcommand)]
    Excerpt(excerpts::ExcerptCommand),
    /// The project's outlets and their aliases: list, alias, merge, proposals.
    #[command(subcommand)]
    Outlet(outlets::OutletCommand),
    /// Search sources and excerpts for words.
    Search(project::SearchArgs),
    /// The chronology: dated excerpts in order, grouped into events; `join`, `split` and
    /// `reset` regroup them.
    Chronology(project::ChronologyArgs),
    /// List the templates (built-in, the user's, and the project's with DIR).
    Templates(render::TemplatesArgs),
    /// Make a new template from an existing one.
    #[command(subcommand)]
    Template(render::TemplateCommand),
    /// Render a briefing through a template to Markdown, HTML or PDF.
    Render(render::RenderArgs),
    /// The temporal expressions of a text, resolved against a reference day.
    Dates(dates::DatesArgs),
    /// Sentences of a project's sources that report a dated event: candidate excerpts.
    Suggest(dates::SuggestArgs),
    /// Check a project: dangling references, lost quotes, undated excerpts, unknown citations,
    /// git conflict markers.
    Validate(project::ValidateArgs),
    /// Typeset a Markdown file as a PDF with a template's page style.
    Pdf(pdf::PdfArgs),
}

/// A CLI failure: a core error, or bad input the CLI itself detects.
pub enum CliError {
    Core(dossier::Error),
    /// Bad input or usage (exit 1), already phrased for the user.
    Input(String),
    /// Validation found errors; the findings were printed (exit 1).
    Findings,
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Core(e) if !e.is_user_error() => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Core(e) => match hint(e) {
                Some(hint) => write!(f, "{e} ({hint})"),
                None => e.fmt(f),
            },
            CliError::Input(s) => f.write_str(s),
            CliError::Findings => f.write_str("the project has errors (listed above)"),
        }
    }
}

/// How to act on a core error with this CLI: the core's texts name no command or flag.
fn hint(e: &dossier::Error) -> Option<&'static str> {
    use dossier::Error;
    Some(match e {
        Error::NotAProject(_) => "`dossier new DIR` creates one",
        Error::UnknownSource(_) => "`dossier sources DIR` lists them",
        Error::UnknownExcerpt(_) => "`dossier excerpt list DIR` lists them",
        Error::SourceInUse { .. } => "pass --with-excerpts to remove them too",
        Error::EmptyQuote => "with --quote",
        _ => return None,
    })
}

impl From<dossier::Error> for CliError {
    fn from(e: dossier::Error) -> CliError {
        CliError::Core(e)
    }
}

pub type CliResult = Result<(), CliError>;

pub fn run(cli: Cli) -> CliResult {
    let world = crate::environment::world().map_err(CliError::Input)?;
    match cli.command {
        Command::New(a) => project::new(&world, a),
        Command::Import(a) => sources::import(&world, a),
        Command::Extract(a) => extract::extract(a),
        Command::Sources(a) => sources::list(&world, a),
        Command::Source(c) => sources::source(&world, c),
        Command::Excerpt(c) => excerpts::run(&world, c),
        Command::Outlet(c) => outlets::run(&world, c),
        Command::Search(a) => project::search(&world, a),
        Command::Chronology(mut a) => match a.regroup.take() {
            Some(c) => events::run(&world, c),
            None => project::chronology(&world, a),
        },
        Command::Dates(a) => dates::dates(a),
        Command::Suggest(a) => dates::suggest(&world, a),
        Command::Validate(a) => project::validate(&world, a),
        Command::Templates(a) => render::templates(&world, a),
        Command::Template(c) => render::template(&world, c),
        Command::Render(a) => render::render(&world, a),
        Command::Pdf(a) => pdf::pdf(&world, a),
    }
}

fn open(world: &World, dir: &Path) -> Result<Project, CliError> {
    Ok(Project::open(world.clone(), dir)?)
}

/// The arguments of commands about one item: `show`, `rm`.
#[derive(clap::Args)]
pub struct IdArgs {
    pub dir: std::path::PathBuf,
    pub id: dossier::model::Id,
    #[arg(long)]
    pub json: bool,
}

/// A value that `none` (or an empty string) clears: `--published none`.
#[derive(Debug, Clone)]
pub struct Clearable<T>(pub Option<T>);

impl<T: FromStr> FromStr for Clearable<T>
where
    T::Err: fmt::Display,
{
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim().is_empty() || s.trim().eq_ignore_ascii_case("none") {
            return Ok(Clearable(None));
        }
        s.parse()
            .map(|v| Clearable(Some(v)))
            .map_err(|e: T::Err| e.to_string())
    }
}
