//! `excerpt add|show|edit|list|find|rm`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::model::{Credibility, Edtf, Excerpt, Id, Marking, Tag};
use dossier::{AttributionEdit, ExcerptDraft, ExcerptEdit, World};

use super::{Clearable, CliResult, IdArgs, open, output};

#[derive(Subcommand)]
pub enum ExcerptCommand {
    /// Add an excerpt: a quote from a source, with its date, grades and tags.
    Add(Box<AddArgs>),
    /// Show one excerpt.
    Show(IdArgs),
    /// Change an excerpt.
    Edit(Box<EditArgs>),
    /// List excerpts (optionally of one source).
    List(ListArgs),
    /// Find the excerpts to cite for some words (summary, outlet, tags, date, quote), most
    /// relevant first: what the briefing editor's `[@` completion offers.
    Find(FindArgs),
    /// Remove an excerpt.
    Rm(IdArgs),
}

#[derive(Args)]
pub struct AddArgs {
    dir: PathBuf,
    /// The id of the source the quote is from.
    #[arg(long)]
    source: Id,
    /// The quote, as it stands in the source (spacing, quote marks and dashes may differ).
    #[arg(long)]
    quote: String,
    /// Which occurrence of the quote, when it appears more than once (1-based).
    #[arg(long, default_value_t = 1)]
    occurrence: usize,
    #[command(flatten)]
    fields: Fields,
    #[arg(long)]
    json: bool,
}

/// The fields `add` sets and `edit` changes.
#[derive(Args)]
pub struct Fields {
    /// When the event happened, in EDTF (2015-06-02, 2015-06, 2015~, 2015-05-25/2015-05-31).
    #[arg(long)]
    date: Option<Clearable<Edtf>>,
    /// When it was reported (default: the source's publication date), in EDTF.
    #[arg(long)]
    reported: Option<Clearable<Edtf>>,
    /// The analyst's one-line summary of the event.
    #[arg(long)]
    summary: Option<String>,
    /// A tag (actor:X, place:Y, or a topic); repeat for several.
    #[arg(long = "tag")]
    tags: Vec<Tag>,
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    #[arg(long)]
    credibility: Option<Credibility>,
    /// Portion marking: U, CUI, C, S, TS, or TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED.
    #[arg(long)]
    portion: Option<Clearable<Marking>>,
    #[arg(long)]
    note: Option<String>,
    /// The analyst's translation, when the quote is not in English.
    #[arg(long)]
    translation: Option<Clearable<String>>,
    /// Order among the excerpts of the same day (lower first).
    #[arg(long)]
    sequence: Option<u32>,
}

#[derive(Args)]
pub struct EditArgs {
    dir: PathBuf,
    id: Id,
    /// A new quote, located again in the source.
    #[arg(long)]
    quote: Option<String>,
    #[arg(long, default_value_t = 1)]
    occurrence: usize,
    /// Remove a tag; repeat for several.
    #[arg(long = "untag")]
    untags: Vec<Tag>,
    #[command(flatten)]
    fields: Fields,
    /// Who said it; `none` records that no one is quoted.
    #[arg(long)]
    speaker: Option<Clearable<String>>,
    /// The organisation that first reported it ("The Harbor Ledger"); `none` clears it.
    #[arg(long)]
    origin: Option<Clearable<String>>,
    /// A relay between the origin and this source; repeat for several, nearest the origin first.
    #[arg(long)]
    via: Vec<String>,
    /// Forget the analyst's attribution: the found one comes back.
    #[arg(long, conflicts_with_all = ["speaker", "origin", "via"])]
    clear_attribution: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ListArgs {
    dir: PathBuf,
    /// Only the excerpts of this source.
    #[arg(long)]
    source: Option<Id>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct FindArgs {
    dir: PathBuf,
    /// Words that must all match: `insurers 2026-03`, `march ledger`, `actor:brotherhood`. With
    /// `--replacing`, an unknown citation's id instead.
    query: String,
    /// Treat QUERY as the id of an unknown citation and list the excerpts it may have meant.
    #[arg(long)]
    replacing: bool,
    /// At most this many.
    #[arg(long, default_value_t = dossier::citations::DEFAULT_LIMIT)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn run(world: &World, c: ExcerptCommand) -> CliResult {
    match c {
        ExcerptCommand::Add(a) => {
            let a = *a;
            let mut p = open(world, &a.dir)?;
            let f = a.fields;
            let mut d = ExcerptDraft::new(a.source, a.quote);
            d.occurrence = a.occurrence;
            d.date = f.date.and_then(|c| c.0);
            d.reported = f.reported.and_then(|c| c.0);
            d.summary = f.summary.unwrap_or_default();
            d.tags = f.tags;
            d.credibility = f.credibility.unwrap_or_default();
            d.portion = f.portion.and_then(|c| c.0);
            d.note = f.note.unwrap_or_default();
            d.translation = f.translation.and_then(|c| c.0);
            d.sequence = f.sequence.unwrap_or(0);
            let dated_by_analyst = d.date.is_some();
            let x = p.add_excerpt(d)?;
            print_one(x, a.json, "added");
            match &x.date {
                None => eprintln!(
                    "note: the quote's sentence states no date the chronology can use, so {} is \
                     undated; set one with `dossier excerpt edit {} {} --date EDTF`",
                    x.id,
                    a.dir.display(),
                    x.id
                ),
                Some(found) if !dated_by_analyst => eprintln!(
                    "note: dated {} from \"{}\" in the quote's sentence ({}); `dossier validate` \
                     flags the dates to confirm",
                    found.value.human(),
                    found.evidence.as_deref().unwrap_or(""),
                    found.provenance
                ),
                Some(_) => {}
            }
        }
        ExcerptCommand::Show(a) => {
            let p = open(world, &a.dir)?;
            let x = p.excerpt(&a.id)?;
            if a.json {
                output::json(x);
            } else {
                print_excerpt(x);
            }
        }
        ExcerptCommand::Edit(a) => {
            let a = *a;
            let mut p = open(world, &a.dir)?;
            let f = a.fields;
            let edit = ExcerptEdit {
                quote: a.quote.map(|q| (q, a.occurrence)),
                date: f.date.map(|c| c.0),
                reported: f.reported.map(|c| c.0),
                summary: f.summary,
                credibility: f.credibility,
                add_tags: f.tags,
                remove_tags: a.untags,
                portion: f.portion.map(|c| c.0),
                note: f.note,
                translation: f.translation.map(|c| c.0),
                sequence: f.sequence,
            };
            p.edit_excerpt(&a.id, edit)?;
            if a.clear_attribution {
                p.clear_attribution(&a.id)?;
            } else if a.speaker.is_some() || a.origin.is_some() || !a.via.is_empty() {
                let edit = AttributionEdit {
                    speaker: a.speaker.map(|c| c.0),
                    origin: a.origin.map(|c| c.0),
                    via: (!a.via.is_empty()).then_some(a.via),
                };
                p.edit_attribution(&a.id, edit)?;
            }
            print_one(p.excerpt(&a.id)?, a.json, "updated");
        }
        ExcerptCommand::List(a) => {
            let p = open(world, &a.dir)?;
            let list: Vec<&Excerpt> = p
                .excerpts()
                .filter(|x| a.source.as_ref().is_none_or(|s| &x.source == s))
                .collect();
            if a.json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|x| {
                        vec![
                            x.id.to_string(),
                            x.event_date()
                                .map(|d| d.to_string())
                                .unwrap_or_else(|| "undated".into()),
                            x.source.to_string(),
                            x.headline(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "DATE", "SOURCE", "SUMMARY"], &rows);
            }
        }
        ExcerptCommand::Find(a) => {
            let p = open(world, &a.dir)?;
            let found = if a.replacing {
                p.replacement_candidates(&a.query, a.limit)
            } else {
                p.citation_candidates(&a.query, a.limit)
            };
            if a.json {
                output::json(&found);
            } else {
                let rows: Vec<Vec<String>> = found
                    .into_iter()
                    .map(|c| {
                        let date = if c.date.is_empty() {
                            "undated".into()
                        } else {
                            c.date
                        };
                        vec![c.id, date, c.outlet, c.summary]
                    })
                    .collect();
                output::table(&["ID", "DATE", "OUTLET", "SUMMARY"], &rows);
            }
        }
        ExcerptCommand::Rm(a) => {
            let mut p = open(world, &a.dir)?;
            p.remove_excerpt(&a.id)?;
            println!("removed {}", a.id);
        }
    }
    Ok(())
}

fn print_one(x: &Excerpt, json: bool, verb: &str) {
    if json {
        output::json(x);
    } else {
        println!("{verb} {}", x.id);
    }
}

fn print_excerpt(x: &Excerpt) {
    println!("{:<12} {}", "id", x.id);
    println!(
        "{:<12} {} (bytes {}..{})",
        "source", x.source, x.locator.start, x.locator.end
    );
    match &x.date {
        Some(d) => println!(
            "{:<12} {} — {}  [{}]",
            "date",
            d.value,
            d.value.human(),
            d.provenance
        ),
        None => println!("{:<12} undated", "date"),
    }
    if let Some(r) = &x.reported {
        println!("{:<12} {r}", "reported");
    }
    println!(
        "{:<12} {} ({})",
        "credibility",
        x.credibility,
        x.credibility.description()
    );
    if let Some(m) = x.portion {
        println!("{:<12} {m}", "portion");
    }
    if !x.tags.is_empty() {
        println!(
            "{:<12} {}",
            "tags",
            x.tags
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !x.summary.is_empty() {
        println!("{:<12} {}", "summary", x.summary);
    }
    let a = &x.attribution;
    if let Some(s) = &a.speaker {
        println!("{:<12} {}  [{}]", "speaker", s.value, s.provenance);
    }
    if let Some(o) = &a.origin {
        println!("{:<12} {}  [{}]", "origin", o.value, o.provenance);
    }
    for v in &a.via {
        println!("{:<12} {}  [{}]", "via", v.value, v.provenance);
    }
    println!("\n> {}", x.quote);
    if let Some(t) = &x.translation {
        println!("\ntranslation: {t}");
    }
    if !x.note.is_empty() {
        println!("\nnote: {}", x.note);
    }
}
