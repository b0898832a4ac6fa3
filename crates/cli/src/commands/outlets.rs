//! `outlet list|alias|merge|proposals`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::World;

use super::{CliResult, open, output};

#[derive(Subcommand)]
pub enum OutletCommand {
    /// The outlets the project names (outlets.toml) and the built-in ones.
    List(DirArgs),
    /// Make ALIAS another name of OUTLET ("a regional daily" for "Northern Courier").
    Alias(AliasArgs),
    /// Merge outlet FROM into INTO: FROM and its aliases become aliases of INTO.
    Merge(MergeArgs),
    /// Descriptions used as origins that a source names as an outlet: aliases to confirm.
    Proposals(DirArgs),
}

#[derive(Args)]
pub struct DirArgs {
    dir: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AliasArgs {
    dir: PathBuf,
    outlet: String,
    alias: String,
}

#[derive(Args)]
pub struct MergeArgs {
    dir: PathBuf,
    into: String,
    from: String,
}

pub fn run(world: &World, c: OutletCommand) -> CliResult {
    match c {
        OutletCommand::List(a) => {
            let p = open(world, &a.dir)?;
            let outlets = p.outlets()?;
            let list: Vec<_> = outlets.iter().collect();
            if a.json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|o| vec![o.name.clone(), o.aliases.join(", ")])
                    .collect();
                output::table(&["OUTLET", "ALIASES"], &rows);
            }
        }
        OutletCommand::Alias(a) => {
            let mut p = open(world, &a.dir)?;
            p.alias_outlet(&a.outlet, &a.alias)?;
            println!("“{}” is now a name of {}", a.alias, a.outlet);
        }
        OutletCommand::Merge(a) => {
            let mut p = open(world, &a.dir)?;
            p.merge_outlets(&a.into, &a.from)?;
            println!("merged {} into {}", a.from, a.into);
        }
        OutletCommand::Proposals(a) => {
            let p = open(world, &a.dir)?;
            let list = p.alias_proposals();
            if a.json {
                output::json(&list);
            } else if list.is_empty() {
                println!("no proposals");
            } else {
                for x in &list {
                    println!(
                        "“{}” may be {} (source {}: “{}”); confirm with: dossier outlet alias DIR \"{}\" \"{}\"",
                        x.description, x.outlet, x.source, x.evidence, x.outlet, x.description
                    );
                }
            }
        }
    }
    Ok(())
}
