//! `dates` (temporal expressions of a text) and `suggest` (dated excerpts a source offers).

use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use dossier::World;
use dossier::dates::Lang;
use dossier::model::Id;

use super::{CliError, CliResult, open, output};

#[derive(Args)]
pub struct DatesArgs {
    /// The text; read from standard input when absent.
    text: Option<String>,
    /// The day relative expressions ("on Tuesday", "last week") resolve against, usually the
    /// publication date: YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    reference: Option<NaiveDate>,
    /// The language of the text (en, de, fr, es, ru, ar, fa), or `auto` to detect it; a text
    /// detected in another language is read with the English rules, with a note.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: LangChoice,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy)]
enum LangChoice {
    Auto,
    Is(Lang),
}

fn parse_lang(s: &str) -> Result<LangChoice, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(LangChoice::Auto);
    }
    Lang::from_tag(s).map(LangChoice::Is).ok_or_else(|| {
        format!(
            "language '{s}' is not supported: dates are read in {} (or auto)",
            Lang::supported()
        )
    })
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a day: write it as YYYY-MM-DD, e.g. 2015-06-03"))
}

pub fn dates(a: DatesArgs) -> CliResult {
    let text = match a.text {
        Some(t) => t,
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::Input(format!("cannot read standard input: {e}")))?;
            String::from_utf8(bytes).map_err(|_| {
                CliError::Input(
                    "standard input is not UTF-8 text: convert it to UTF-8 first".into(),
                )
            })?
        }
    };
    let lang = match a.lang {
        LangChoice::Is(l) => l,
        LangChoice::Auto => match dossier::dates::detect_language(&text) {
            Some((l, confidence)) => {
                if !a.json {
                    eprintln!(
                        "language: {} (detected, confidence {confidence:.2}; --lang to choose)",
                        l.code()
                    );
                }
                l
            }
            None if text.chars().any(char::is_alphabetic) => {
                eprintln!(
                    "note: the text is in none of the supported languages ({}): read with the English rules",
                    Lang::supported()
                );
                Lang::En
            }
            None => Lang::En,
        },
    };
    let found = dossier::dates::find_in(&text, a.reference, lang);
    if a.json {
        output::json(&found);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|e| {
            vec![
                format!("{}..{}", e.start, e.end),
                e.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                format!("{:?}", e.kind).to_lowercase(),
                format!("{:?} {}", e.timex.kind, e.timex.value).to_uppercase(),
                e.text.clone(),
            ]
        })
        .collect();
    output::table(&["SPAN", "VALUE", "KIND", "TIMEX", "TEXT"], &rows);
    Ok(())
}

#[derive(Args)]
pub struct SuggestArgs {
    dir: PathBuf,
    /// Only this source's sentences.
    #[arg(long)]
    source: Option<Id>,
    #[arg(long)]
    json: bool,
}

pub fn suggest(world: &World, a: SuggestArgs) -> CliResult {
    let p = open(world, &a.dir)?;
    let found = p.suggest(a.source.as_ref())?;
    if a.json {
        output::json(&found);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|s| {
            vec![
                s.source.to_string(),
                s.suggestion.date.to_string(),
                format!("{:.2}", s.suggestion.score),
                s.suggestion.sentence.clone(),
            ]
        })
        .collect();
    output::table(&["SOURCE", "DATE", "SCORE", "SENTENCE"], &rows);
    Ok(())
}
