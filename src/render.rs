//! Rendering a briefing through a template: the core API over `dossier-render`.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use dossier_chronology::Filter;
use dossier_model::{Briefing, Excerpt, Source};
use dossier_render::{Context, Inputs, Lookup, Rendered, Template};

use crate::{Error, Project, Result};

/// What [`Project::export`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Html,
    Pdf,
}

impl ExportFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Pdf => "pdf",
        }
    }
}

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
        self.context_at(self.briefing(name)?, self.body_line(name), template, user)
    }

    /// [`Project::context`] for a briefing that need not be saved (the app's live preview):
    /// its messages name lines of the body, as the app's editor shows it.
    pub fn context_of(
        &self,
        briefing: &Briefing,
        template: Option<&str>,
        user: Option<PathBuf>,
    ) -> Result<(Template, Context)> {
        self.context_at(briefing, 0, template, user)
    }

    /// How many lines of briefing `name`'s file precede its body (its front matter with
    /// fences): what turns a line of the body into a line of the file. 0 for an unsaved one.
    pub(crate) fn body_line(&self, name: &str) -> usize {
        let Ok(b) = self.briefing(name) else {
            return 0;
        };
        let file = self.layout().briefing(name);
        let Ok(bytes) = self.world().fs.read(&file) else {
            return 0;
        };
        let text = String::from_utf8_lossy(&bytes);
        match text.strip_suffix(b.body.as_str()) {
            Some(head) => head.matches('\n').count(),
            // Changed on disk since it was loaded: what it was saved as.
            None => crate::store::encode_briefing(b)
                .strip_suffix(b.body.as_str())
                .map_or(0, |head| head.matches('\n').count()),
        }
    }

    fn context_at(
        &self,
        briefing: &Briefing,
        body_line: usize,
        template: Option<&str>,
        user: Option<PathBuf>,
    ) -> Result<(Template, Context)> {
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
            body_line,
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

    /// Renders a briefing as it stands in an editor, saved or not: the live preview renders
    /// exactly what `render` would once the text is saved (its messages name the body's lines,
    /// as the editor shows them).
    pub fn render_briefing(
        &self,
        briefing: &Briefing,
        template: Option<&str>,
        user: Option<PathBuf>,
    ) -> Result<Rendered> {
        let (template, context) = self.context_of(briefing, template, user)?;
        Ok(dossier_render::render(&template, &context)?)
    }

    /// The PDF of a rendering: the template's page style, the project's author, "now" as the
    /// creation date (so the bytes are reproducible under a fixed clock).
    pub fn pdf(&self, rendered: &Rendered) -> Result<Vec<u8>> {
        let meta = dossier_pdf::DocumentMeta {
            title: rendered.title.clone(),
            author: self.config().author.clone(),
            banner: rendered.banner.clone(),
            created: self.world().now(),
            ..Default::default()
        };
        dossier_pdf::render(&rendered.markdown, &rendered.style, &meta)
            .map_err(|e| Error::Invalid(format!("the PDF could not be made: {e}")))
    }

    /// Writes a rendering to `out` (anywhere: an export leaves the project) atomically,
    /// creating its folder. The CLI's `render` and the app's export both end here.
    pub fn export(&self, rendered: &Rendered, format: ExportFormat, out: &Path) -> Result<()> {
        let bytes = match format {
            ExportFormat::Markdown => rendered.markdown.clone().into_bytes(),
            ExportFormat::Html => rendered.html().into_bytes(),
            ExportFormat::Pdf => self.pdf(rendered)?,
        };
        let fs = &self.world().fs;
        if let Some(parent) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs.create_dir_all(parent)
                .map_err(|e| Error::io(parent, e))?;
        }
        fs.write_atomic(out, &bytes).map_err(|e| Error::io(out, e))
    }

    /// Copies template `from` (as the lookup finds it) into this project's `templates/` as
    /// `new_name`, to edit; returns the new folder. Refuses to overwrite.
    pub fn duplicate_template(
        &self,
        from: &str,
        new_name: &str,
        user: Option<PathBuf>,
    ) -> Result<PathBuf> {
        let template = self.template_lookup(user).find(from)?;
        Ok(template.copy_to(&self.layout().templates(), new_name)?)
    }

    /// Undoes [`Project::duplicate_template`]: removes the project's template `name` if its
    /// files are still `files`, as the copy wrote them; refused once the analyst edited them.
    pub fn remove_template_copy(&self, name: &str, files: &BTreeMap<String, String>) -> Result<()> {
        Ok(dossier_render::remove_copy(
            &self.layout().templates(),
            name,
            files,
        )?)
    }
}

/// The user's templates folder, `$XDG_CONFIG_HOME/dossier/templates` (default
/// `~/.config/dossier/templates`), from those two variables as the binary read them: the core
/// reads no environment, and takes the folder as an argument everywhere else.
pub fn user_templates_dir(
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let config = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| Path::new(&h).join(".config")))?;
    Some(config.join("dossier").join("templates"))
}
