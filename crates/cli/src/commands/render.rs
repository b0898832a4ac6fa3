//! `templates`, `template new`, `render`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use dossier::templates::{Lookup, Template};
use dossier::{ExportFormat, World, user_templates_dir};

use super::{CliError, CliResult, open, output};

#[derive(Args)]
pub struct TemplatesArgs {
    /// A project, to list its own templates too.
    dir: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn templates(world: &World, a: TemplatesArgs) -> CliResult {
    let lookup = match &a.dir {
        Some(dir) => open(world, dir)?.template_lookup(user_templates_dir()),
        None => Lookup {
            project: None,
            user: user_templates_dir(),
        },
    };
    let list = lookup.list().map_err(dossier::Error::from)?;
    if a.json {
        output::json(&list);
    } else {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|t| {
                vec![
                    t.name.clone(),
                    format!("{:?}", t.origin).to_lowercase(),
                    t.description.clone(),
                ]
            })
            .collect();
        output::table(&["NAME", "ORIGIN", "DESCRIPTION"], &rows);
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// Copy a template to edit it: into the project's templates/ when DIR is given, else into
    /// the user's templates folder ($XDG_CONFIG_HOME/dossier/templates).
    New(NewArgs),
}

#[derive(Args)]
pub struct NewArgs {
    /// The new template's name.
    name: String,
    /// The template to start from.
    #[arg(long, default_value = "intsum")]
    from: String,
    /// A project to put the template in.
    dir: Option<PathBuf>,
}

pub fn template(world: &World, c: TemplateCommand) -> CliResult {
    let TemplateCommand::New(a) = c;
    let path = match &a.dir {
        Some(dir) => {
            open(world, dir)?.duplicate_template(&a.from, &a.name, user_templates_dir())?
        }
        None => {
            let user = user_templates_dir().ok_or_else(|| {
                CliError::Input(
                    "no user templates folder: set XDG_CONFIG_HOME or HOME, or give a project DIR"
                        .into(),
                )
            })?;
            let lookup = Lookup {
                project: None,
                user: Some(user.clone()),
            };
            let from: Template = lookup.find(&a.from).map_err(dossier::Error::from)?;
            from.copy_to(&user, &a.name).map_err(dossier::Error::from)?
        }
    };
    println!("{}", path.display());
    Ok(())
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Md,
    Html,
    Pdf,
}

#[derive(Args)]
pub struct RenderArgs {
    dir: PathBuf,
    /// The briefing (a file in briefings/, without .md).
    #[arg(long, default_value = "main")]
    briefing: String,
    /// The template (default: the briefing's, else the project's).
    #[arg(long)]
    template: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Where to write (default: DIR/out/<briefing>.<ext>).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn render(world: &World, a: RenderArgs) -> CliResult {
    let p = open(world, &a.dir)?;
    let rendered = p.render(&a.briefing, a.template.as_deref(), user_templates_dir())?;
    for w in &rendered.warnings {
        let at = w
            .line
            .map(|l| format!("briefings/{}.md:{l}: ", a.briefing))
            .unwrap_or_default();
        eprintln!("warning: {at}{}", w.message);
    }
    let format = match a.format {
        Format::Md => ExportFormat::Markdown,
        Format::Html => ExportFormat::Html,
        Format::Pdf => ExportFormat::Pdf,
    };
    let out = a.output.unwrap_or_else(|| {
        p.layout()
            .output()
            .join(dossier::export_name(&a.briefing, format.extension()))
    });
    p.export(&rendered, format, &out)?;
    println!("{}", out.display());
    Ok(())
}
