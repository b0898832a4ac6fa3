//! `chronology join|split|reset`: the analyst's grouping of excerpts into events.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::World;
use dossier::model::Id;

use super::{CliResult, open};

#[derive(Subcommand)]
pub enum EventCommand {
    /// Join the events that cite these excerpts into one entry (kept however they are worded).
    Join(JoinArgs),
    /// Take an excerpt out of its event: it becomes an entry of its own, never joined back
    /// automatically.
    Split(SplitArgs),
    /// Give excerpts back to the automatic grouping.
    Reset(JoinArgs),
}

#[derive(Args)]
pub struct JoinArgs {
    dir: PathBuf,
    /// Excerpt ids (`dossier excerpt list DIR`).
    #[arg(required = true, num_args = 1..)]
    excerpts: Vec<Id>,
}

#[derive(Args)]
pub struct SplitArgs {
    dir: PathBuf,
    excerpt: Id,
}

pub fn run(world: &World, c: EventCommand) -> CliResult {
    match c {
        EventCommand::Join(a) => {
            let mut p = open(world, &a.dir)?;
            let joined = p.join_events(&a.excerpts)?;
            println!("one event now: {}", list(&joined));
        }
        EventCommand::Split(a) => {
            let mut p = open(world, &a.dir)?;
            let rest = p.split_event(&a.excerpt)?;
            if rest.is_empty() {
                println!(
                    "{} is an event of its own (it was already alone)",
                    a.excerpt
                );
            } else {
                println!(
                    "{} is an event of its own; {} stay together",
                    a.excerpt,
                    list(&rest)
                );
            }
        }
        EventCommand::Reset(a) => {
            let mut p = open(world, &a.dir)?;
            p.reset_events(&a.excerpts)?;
            println!("grouped automatically again: {}", list(&a.excerpts));
        }
    }
    Ok(())
}

fn list(ids: &[Id]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
