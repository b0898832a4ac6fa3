//! `new`, `search`, `chronology`, `validate`.

use std::path::PathBuf;

use clap::Args;
use dossier::chronology::Filter;
use dossier::model::{Edtf, Marking, ProjectConfig, Tag};
use dossier::validate::Severity;
use dossier::{Project, World};

use super::{CliError, CliResult, open, output};

#[derive(Args)]
pub struct NewArgs {
    /// The folder to create the project in.
    dir: PathBuf,
    /// The project's title (default: the folder name).
    #[arg(long)]
    title: Option<String>,
    /// The marking of every portion that has none of its own (U, CUI, C, S, TS, TLP:…).
    #[arg(long)]
    classification: Option<Marking>,
    #[arg(long)]
    author: Option<String>,
}

pub fn new(world: &World, a: NewArgs) -> CliResult {
    let title = a.title.unwrap_or_else(|| {
        a.dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Dossier".into())
    });
    let mut config = ProjectConfig::new(title);
    config.classification = a.classification;
    config.author = a.author.unwrap_or_default();
    Project::create(world.clone(), &a.dir, config)?;
    println!("created project {}", a.dir.display());
    Ok(())
}

#[derive(Args)]
pub struct SearchArgs {
    dir: PathBuf,
    /// The query: words (all must match, ranked by relevance), "exact phrases", OR, NOT or
    /// -word, parentheses, field:value (title, outlet, author, tag, grade, date, kind).
    /// The README's "Searching" section has the whole language.
    query: String,
    /// How many hits at most, best first.
    #[arg(long, default_value_t = dossier::search::DEFAULT_LIMIT)]
    limit: usize,
    /// The hits as JSON: [{kind, id, source, title, score, field, snippet, highlights, range}].
    #[arg(long)]
    json: bool,
}

pub fn search(world: &World, a: SearchArgs) -> CliResult {
    let p = open(world, &a.dir)?;
    let results = dossier::search::search_limit(&p, &a.query, a.limit)?;
    for w in &results.warnings {
        eprintln!("warning: {w}");
    }
    if a.json {
        output::json(&results.hits);
        return Ok(());
    }
    // Grouped by source: a source's excerpts under it, indented.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut group = None;
    for h in &results.hits {
        let first = group.as_ref() != Some(&h.source);
        group = Some(h.source.clone());
        let kind = format!("{:?}", h.kind).to_lowercase();
        rows.push(vec![
            if first { kind } else { format!("  {kind}") },
            h.id.to_string(),
            format!("{:.2}", h.score),
            highlighted(&h.snippet, &h.highlights),
        ]);
    }
    output::table(&["KIND", "ID", "SCORE", "MATCH"], &rows);
    if results.total > results.hits.len() {
        eprintln!(
            "{} of {} matches shown; --limit shows more",
            results.hits.len(),
            results.total
        );
    }
    Ok(())
}

/// The snippet with its matched words in [brackets].
fn highlighted(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(snippet.len() + 4 * highlights.len());
    let mut at = 0;
    for &[a, b] in highlights {
        if a < at || b > snippet.len() {
            continue;
        }
        out.push_str(&snippet[at..a]);
        out.push('[');
        out.push_str(&snippet[a..b]);
        out.push(']');
        at = b;
    }
    out.push_str(&snippet[at..]);
    out
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ChronologyArgs {
    #[command(subcommand)]
    pub regroup: Option<super::events::EventCommand>,
    #[arg(required = true)]
    dir: Option<PathBuf>,
    /// Only events that can fall on or after this date (EDTF).
    #[arg(long)]
    from: Option<Edtf>,
    /// Only events that can fall on or before this date (EDTF).
    #[arg(long)]
    to: Option<Edtf>,
    /// Only excerpts with this tag (repeat for any of several).
    #[arg(long = "tag")]
    tags: Vec<Tag>,
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV for spreadsheets: one row per entry.
    #[arg(long)]
    csv: bool,
}

pub fn chronology(world: &World, a: ChronologyArgs) -> CliResult {
    let dir = a
        .dir
        .as_deref()
        .expect("clap requires DIR without a subcommand");
    let p = open(world, dir)?;
    let c = p.chronology(&Filter {
        from: a.from,
        to: a.to,
        tags: a.tags,
    });
    if a.json {
        output::json(&c);
        return Ok(());
    }
    if a.csv {
        print!("{}", dossier::chronology::to_csv(&c));
        return Ok(());
    }
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(c.entries.len());
    let mut group = "";
    for e in &c.entries {
        // The entries of a month whose day is not known, under their heading.
        if !e.group.is_empty() && e.group != group {
            rows.push(vec![
                e.group.clone(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        group = &e.group;
        let cites = e
            .excerpts
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let indent = if e.group.is_empty() { "" } else { "  " };
        rows.push(vec![
            format!("{indent}{}", e.date_human),
            cites,
            e.dependence.name().to_string(),
            e.summary.clone(),
        ]);
    }
    output::table(&["DATE", "EXCERPTS", "DEPENDENCE", "EVENT"], &rows);
    for x in &c.conflicts {
        let kind = format!("{:?}", x.kind).to_lowercase();
        println!("conflict ({kind}): {}", x.detail);
    }
    if !c.undated.is_empty() {
        println!("{} undated excerpt(s) left out", c.undated.len());
    }
    Ok(())
}

#[derive(Args)]
pub struct ValidateArgs {
    dir: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn validate(world: &World, a: ValidateArgs) -> CliResult {
    let (p, problems) = Project::load(world.clone(), &a.dir)?;
    let findings = dossier::validate::validate(&p, &problems);
    if a.json {
        output::json(&findings);
    } else if findings.is_empty() {
        println!(
            "ok: {} sources, {} excerpts, no problems",
            p.sources().len(),
            p.excerpts().len()
        );
    } else {
        for f in &findings {
            let sev = if f.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            println!("{}:{}: {sev}: {}", f.file.display(), f.line, f.message);
        }
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        return Err(CliError::Findings);
    }
    Ok(())
}
