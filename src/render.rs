//! Rendering a briefing through a template: the core API over `dossier-render`.

use std::path::{Path, PathBuf};

use dossier_chronology::Filter;
use dossier_model::{Excerpt, Source};
use dossier_render::{Context, Inputs, Lookup, Rendered, Template};

use crate::{Project, Result};

impl Project {
    /// Where templates are looked up: this project's `templates/`, then `user` (the user's
    /// templates folder, found by the caller), then the built-ins.
    pub fn template_lookup(&self, user: Option<PathBuf>) -> Lookup {
        Lookup {
            project: Some(self.layout().templates()),
            user,
        }
    }

    /// The template briefing `name` renders with (`template`, else the briefing's, else the
    /// project's) and the context it renders from, as `docs/templates.md` documents it.
    /// "Generated at" is the world's now.
    pub fn context(
        &self,
        name: &str,
        template: Option<&str>,
        user: Option<PathBuf>,
    ) -> Result<(Template, Context)> {
        let briefing = self.briefing(name)?;
        let template_name = template
            .map(str::to_string)
            .or_else(|| Some(briefing.meta.template.clone()).filter(|t| !t.is_empty()))
            .unwrap_or_else(|| self.config().template.clone());
        let template = self.template_lookup(user).find(&template_name)?;
        let filter = Filter {
            from: briefing.meta.from,
            to: briefing.meta.to,
            tags: briefing.meta.tags.clone(),
        };
        let sources: Vec<&Source> = self.sources().collect();
        let excerpts: Vec<&Excerpt> = self.excerpts().collect();
        let chronology = dossier_chronology::assemble(&sources, &excerpts, &filter);
        let inputs = Inputs {
            config: self.config(),
            briefing,
            sources: &sources,
            excerpts: &excerpts,
            chronology: &chronology,
            generated_at: self.world().now(),
        };
        let context = Context::build(inputs, &template.manifest)?;
        Ok((template, context))
    }

    /// Renders briefing `name` with `template` (default: the briefing's, else the project's).
    pub fn render(
        &self,
        name: &str,
        template: Option<&str>,
        user: Option<PathBuf>,
    ) -> Result<Rendered> {
        let (template, context) = self.context(name, template, user)?;
        Ok(dossier_render::render(&template, &context)?)
    }
}

/// The user's templates folder, `$XDG_CONFIG_HOME/dossier/templates` (default
/// `~/.config/dossier/templates`). Binaries call this; the core takes the folder as an argument.
pub fn user_templates_dir() -> Option<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(config.join("dossier").join("templates"))
}
