//! `pdf`: typeset any Markdown file as a PDF with a template's page style.

use std::path::PathBuf;

use clap::Args;
use dossier::templates::{Lookup, Origin, Template};
use dossier::{World, user_templates_dir};

use super::{CliError, CliResult};

#[derive(Args)]
pub struct PdfArgs {
    /// The Markdown file to typeset.
    file: PathBuf,
    /// Where to write the PDF (default: the Markdown file's name with `.pdf`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Whose page style to use: a built-in template's name or a template folder.
    #[arg(long)]
    style: Option<String>,
    /// The document title (default: the first `#` heading, else the file name).
    #[arg(long)]
    title: Option<String>,
    /// The banner shown where the page style says `{banner}`, e.g. `UNCLASSIFIED`.
    #[arg(long, default_value = "")]
    banner: String,
    #[arg(long, default_value = "")]
    author: String,
}

pub fn pdf(world: &World, a: PdfArgs) -> CliResult {
    let bytes = world
        .fs
        .read(&a.file)
        .map_err(|e| CliError::Input(format!("cannot read {}: {e}", a.file.display())))?;
    let markdown = String::from_utf8(bytes).map_err(|_| {
        CliError::Input(format!(
            "{} is not UTF-8 text; save it as UTF-8 and try again",
            a.file.display()
        ))
    })?;
    let style = match &a.style {
        None => Default::default(),
        Some(s) => template(s)?.manifest.page,
    };
    let title = a.title.clone().unwrap_or_else(|| {
        markdown
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(|t| t.trim().to_string())
            .unwrap_or_else(|| {
                a.file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
    });
    let meta = dossier::pdf::DocumentMeta {
        title,
        author: a.author,
        banner: a.banner,
        created: world.now(),
        ..Default::default()
    };
    let pdf = dossier::pdf::render(&markdown, &style, &meta)
        .map_err(|e| CliError::Input(e.to_string()))?;
    let out = a.output.unwrap_or_else(|| a.file.with_extension("pdf"));
    world
        .fs
        .write_atomic(&out, &pdf)
        .map_err(|e| CliError::Input(format!("cannot write {}: {e}", out.display())))?;
    println!("wrote {}", out.display());
    Ok(())
}

/// A template by built-in name, or from a folder holding `template.toml`.
fn template(style: &str) -> Result<Template, CliError> {
    let dir = PathBuf::from(style);
    let found = if dir.join("template.toml").is_file() {
        Template::from_dir(&dir, Origin::User)
    } else {
        Lookup {
            project: None,
            user: user_templates_dir(),
        }
        .find(style)
    };
    found.map_err(|e| CliError::Input(format!("--style {style}: {e}")))
}
