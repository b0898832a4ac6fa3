//! `import`, `sources`, `source show|edit|rm`.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::model::{Edtf, Id, Reliability, Source, Tag};
use dossier::{Imported, Project, SourceEdit, World};
use serde::Serialize;

use super::{Clearable, CliError, CliResult, IdArgs, open, output};

#[derive(Args)]
pub struct ImportArgs {
    dir: PathBuf,
    /// Files, or folders to import every file of.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct ImportLine {
    file: String,
    status: &'static str,
    id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reprint_of: Option<Id>,
    error: Option<String>,
}

pub fn import(world: &World, a: ImportArgs) -> CliResult {
    let mut p = open(world, &a.dir)?;
    let files = dossier::files_to_import(&a.files).map_err(|e| CliError::Input(e.to_string()))?;
    let mut progress = Progress::new(files.len(), !a.json && std::io::stderr().is_terminal());
    let results = p.import_files(&files, |_, file| progress.tick(&file.display().to_string()))?;
    let mut lines = Vec::with_capacity(files.len());
    for (file, result) in files.iter().zip(results) {
        let line = |status, id, reprint_of, error| ImportLine {
            file: file.display().to_string(),
            status,
            id,
            reprint_of,
            error,
        };
        lines.push(match result {
            Ok(Imported::Imported { id }) => line("imported", Some(id), None, None),
            Ok(Imported::Duplicate { id }) => line("duplicate", Some(id), None, None),
            Ok(Imported::Reprint { id, reprint_of }) => {
                line("reprint", Some(id), Some(reprint_of), None)
            }
            Err(e) if e.is_user_error() => line("failed", None, None, Some(e.to_string())),
            Err(e) => return Err(e.into()),
        });
    }
    progress.finish();
    if a.json {
        output::json(&lines);
    } else {
        for l in &lines {
            match (&l.id, &l.reprint_of, &l.error) {
                (Some(id), Some(of), _) => {
                    println!(
                        "{:<9} {} → {id} (probable reprint of {of})",
                        l.status, l.file
                    )
                }
                (Some(id), None, _) => println!("{:<9} {} → {id}", l.status, l.file),
                (None, _, Some(e)) => eprintln!("failed    {e}"),
                _ => {}
            }
        }
        let count = |s: &str| lines.iter().filter(|l| l.status == s).count();
        println!(
            "{} imported, {} duplicates, {} reprints, {} failed",
            count("imported") + count("reprint"),
            count("duplicate"),
            count("reprint"),
            count("failed")
        );
    }
    if lines.iter().any(|l| l.status == "failed") {
        return Err(CliError::Input(
            "some files were not imported (see above)".into(),
        ));
    }
    Ok(())
}

/// A one-line progress bar on stderr, drawn only on a terminal.
struct Progress {
    total: usize,
    done: usize,
    shown: bool,
}

impl Progress {
    fn new(total: usize, shown: bool) -> Progress {
        Progress {
            total,
            done: 0,
            shown: shown && total > 1,
        }
    }

    fn tick(&mut self, file: &str) {
        self.done += 1;
        if !self.shown {
            return;
        }
        const WIDTH: usize = 30;
        let filled = WIDTH * self.done / self.total.max(1);
        let name: String = file
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        eprint!(
            "\r\x1b[2K[{}{}] {}/{} {name}",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.done,
            self.total
        );
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}

#[derive(Args)]
pub struct ListArgs {
    dir: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct SourceLine<'a> {
    id: &'a Id,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a Edtf>,
    reliability: Reliability,
    file: &'a str,
    excerpts: usize,
}

pub fn list(world: &World, a: ListArgs) -> CliResult {
    let p = open(world, &a.dir)?;
    let lines: Vec<SourceLine<'_>> = p
        .sources()
        .map(|s| SourceLine {
            id: &s.id,
            title: s.title.as_ref().map(|f| f.value.as_str()),
            outlet: s.outlet_name(),
            published: s.published_date(),
            reliability: s.reliability,
            file: &s.original.file_name,
            excerpts: p.excerpts_of(&s.id).count(),
        })
        .collect();
    if a.json {
        output::json(&lines);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.id.to_string(),
                l.published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "?".into()),
                l.reliability.to_string(),
                l.excerpts.to_string(),
                format!(
                    "{}{}",
                    l.title.unwrap_or("(untitled)"),
                    l.outlet.map(|o| format!(" — {o}")).unwrap_or_default()
                ),
            ]
        })
        .collect();
    output::table(&["ID", "PUBLISHED", "REL", "EXC", "TITLE"], &rows);
    Ok(())
}

#[derive(Subcommand)]
pub enum SourceCommand {
    /// Show a source: metadata with provenance, and its cleaned text.
    Show(IdArgs),
    /// Change a source's metadata (the analyst's values replace what import found).
    Edit(Box<EditArgs>),
    /// Remove a source (refused while excerpts cite it, unless --with-excerpts).
    Rm(RmArgs),
}

#[derive(Args)]
pub struct EditArgs {
    dir: PathBuf,
    id: Id,
    /// New value; `none` clears it.
    #[arg(long)]
    title: Option<Clearable<String>>,
    #[arg(long)]
    outlet: Option<Clearable<String>>,
    #[arg(long)]
    author: Option<Clearable<String>>,
    #[arg(long)]
    url: Option<Clearable<String>>,
    /// Publication date in EDTF (2015-06-03, 2015-06, 2015~ …); `none` clears it.
    #[arg(long)]
    published: Option<Clearable<Edtf>>,
    /// Place of the dateline.
    #[arg(long)]
    dateline: Option<Clearable<String>>,
    /// Language tag, e.g. en: the source's dates are read in it (en, de, fr, es, ru, ar, fa;
    /// another language gets no date suggestions); `none` clears it (read as English).
    #[arg(long)]
    language: Option<Clearable<String>>,
    /// Admiralty source reliability, A (completely reliable) to F (cannot be judged).
    #[arg(long)]
    reliability: Option<Reliability>,
    /// Add a tag (actor:X, place:Y, or a topic); repeat for several.
    #[arg(long = "tag")]
    tags: Vec<Tag>,
    /// Remove a tag; repeat for several.
    #[arg(long = "untag")]
    untags: Vec<Tag>,
    /// Replace the analyst's notes.
    #[arg(long)]
    note: Option<String>,
    /// The id of the source this one reprints; `none` clears it.
    #[arg(long)]
    reprint_of: Option<Clearable<Id>>,
    /// The outlet whose article this source reprints, when that article is not in the
    /// project ("The New York Times"); `none` clears it.
    #[arg(long)]
    reprint_of_outlet: Option<Clearable<String>>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct RmArgs {
    dir: PathBuf,
    id: Id,
    /// Also remove the excerpts that cite the source.
    #[arg(long)]
    with_excerpts: bool,
}

pub fn source(world: &World, c: SourceCommand) -> CliResult {
    match c {
        SourceCommand::Show(a) => {
            let p = open(world, &a.dir)?;
            let s = p.source(&a.id)?;
            if a.json {
                output::json(&with_text(s));
            } else {
                print_source(&p, s);
            }
        }
        SourceCommand::Edit(a) => {
            let a = *a;
            let mut p = open(world, &a.dir)?;
            let c = |v: Option<Clearable<String>>| v.map(|c| c.0);
            let edit = SourceEdit {
                title: c(a.title),
                outlet: c(a.outlet),
                author: c(a.author),
                url: c(a.url),
                published: a.published.map(|c| c.0),
                dateline: c(a.dateline),
                language: c(a.language),
                reliability: a.reliability,
                reprint_of: a.reprint_of.map(|c| c.0),
                add_tags: a.tags,
                remove_tags: a.untags,
                notes: a.note,
                found_by: Default::default(),
            };
            p.edit_source(&a.id, edit)?;
            if let Some(o) = a.reprint_of_outlet {
                p.set_reprint_of_outlet(&a.id, o.0.as_deref())?;
            }
            let s = p.source(&a.id)?;
            if a.json {
                output::json(&with_text(s));
            } else {
                println!("updated {}", s.id);
            }
        }
        SourceCommand::Rm(a) => {
            let mut p = open(world, &a.dir)?;
            let removed = p.remove_source(&a.id, a.with_excerpts)?;
            println!("removed {} and {} excerpt(s)", a.id, removed.len());
        }
    }
    Ok(())
}

/// A source as JSON, with its cleaned text (which the file keeps as its body).
fn with_text(s: &Source) -> serde_json::Value {
    let mut v = serde_json::to_value(s).expect("source serialises");
    v["text"] = serde_json::Value::String(s.text.clone());
    v
}

fn print_source(p: &Project, s: &Source) {
    let show = |label: &str, f: &Option<dossier::model::Found<String>>| {
        if let Some(f) = f {
            println!(
                "{label:<11} {}  [{} {:.2}]",
                f.value, f.provenance, f.confidence
            );
        } else {
            println!("{label:<11} unknown");
        }
    };
    println!("{:<11} {}", "id", s.id);
    show("title", &s.title);
    show("outlet", &s.outlet);
    show("author", &s.author);
    match &s.published {
        Some(f) => println!(
            "{:<11} {}  [{} {:.2}]",
            "published", f.value, f.provenance, f.confidence
        ),
        None => println!("{:<11} unknown", "published"),
    }
    show("url", &s.url);
    println!(
        "{:<11} {} ({})",
        "reliability",
        s.reliability,
        s.reliability.description()
    );
    println!(
        "{:<11} {} ({}, {} bytes, sha256 {})",
        "original", s.original.file_name, s.original.media_type, s.original.size, s.original.sha256
    );
    if let Some(r) = &s.reprint_of {
        println!("{:<11} {r}", "reprint of");
    }
    for a in &s.attribution {
        println!("{:<11} {} ({:?})", "reported by", a.reporter, a.relation);
    }
    println!("{:<11} {}", "excerpts", p.excerpts_of(&s.id).count());
    if !s.removed.is_empty() {
        println!(
            "{:<11} {} line(s) of web debris (see --json)",
            "removed",
            s.removed.len()
        );
    }
    println!("\n{}", s.text.trim_end());
}
