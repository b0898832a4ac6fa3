//! `extract FILE`: what import finds in one file, without a project.

use std::path::PathBuf;

use clap::Args;
use dossier::import::Extraction;
use dossier::model::Found;

use super::{CliError, CliResult, output};

#[derive(Args)]
pub struct ExtractArgs {
    file: PathBuf,
    /// Print `{title, outlet, author, url, language, published, dateline, text, removed,
    /// attribution, warnings, media_type}`; each metadata value is `{value, provenance,
    /// confidence}` or null.
    #[arg(long)]
    json: bool,
}

pub fn extract(a: ExtractArgs) -> CliResult {
    let name = a.file.display().to_string();
    let bytes = std::fs::read(&a.file).map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    let x = dossier::import::extract(&bytes, &name)
        .map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    if a.json {
        output::json(&x);
    } else {
        print_human(&x);
    }
    Ok(())
}

fn print_human(x: &Extraction) {
    fn row<T: std::fmt::Display>(label: &str, f: &Option<Found<T>>) {
        match f {
            Some(f) => println!(
                "{label:<10} {}  ({}, {:.2})",
                f.value, f.provenance, f.confidence
            ),
            None => println!("{label:<10} unknown"),
        }
    }
    row("title", &x.title);
    row("outlet", &x.outlet);
    row("author", &x.author);
    row("published", &x.published);
    row("dateline", &x.dateline);
    row("url", &x.url);
    row("language", &x.language);
    println!("{:<10} {}", "type", x.media_type);
    for a in &x.attribution {
        println!(
            "{:<10} {:?} {}: {}",
            "source", a.relation, a.reporter, a.evidence
        );
    }
    for w in &x.warnings {
        println!("{:<10} {w}", "warning");
    }
    for r in &x.removed {
        println!(
            "{:<10} line {} ({}): {}",
            "removed", r.line, r.reason, r.text
        );
    }
    println!();
    print!("{}", x.text);
}
