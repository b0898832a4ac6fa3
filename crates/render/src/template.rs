//! Template folders: `template.toml`, `briefing.md.j2` and optional partials, looked up in the
//! project's `templates/`, then the user's folder, then the built-ins compiled into the binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dossier_model::{PageStyle, Scheme};
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

use crate::TemplateError;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../templates");

/// The entry point of every template.
pub const MAIN: &str = "briefing.md.j2";
/// A template file larger than this is refused (templates are a few kilobytes).
pub const MAX_FILE_BYTES: usize = 256 << 10;
/// A template folder with more files than this is refused.
pub const MAX_FILES: usize = 64;

/// `template.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_version")]
    pub version: String,
    /// `classification`, `tlp`, or absent for a template without markings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markings: Option<Scheme>,
    /// Refuse to render while a portion is unmarked and the project has no default marking.
    #[serde(default)]
    pub require_markings: bool,
    #[serde(default)]
    pub citation_style: CitationStyle,
    /// Sections (`##` headings) the briefing must have, matched case-insensitively.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_sections: Vec<String>,
    /// Front-matter fields the briefing must fill: `title`, `author`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_fields: Vec<String>,
    /// The briefing's sections (`##` headings) this template writes, matched
    /// case-insensitively; `*` stands for every section not named. The analyst is warned of a
    /// section that will not appear. Default: `["*"]`.
    #[serde(default = "every_section")]
    pub sections: Vec<String>,
    /// Start with a cover page: the title, the author, the date and, when the template
    /// declares it, the classification authority block; then a page break.
    #[serde(default)]
    pub cover: bool,
    /// Write the classification authority block (the briefing's `classified_by`,
    /// `derived_from`, `declassify_on`) under the title, or on the cover.
    #[serde(default)]
    pub authority: bool,
    #[serde(default)]
    pub page: PageStyle,
}

fn every_section() -> Vec<String> {
    vec![EVERY_SECTION.into()]
}

/// In [`Manifest::sections`]: every section not named.
pub const EVERY_SECTION: &str = "*";

impl Manifest {
    /// Whether this template writes the briefing's section headed `heading`.
    pub fn renders_section(&self, heading: &str) -> bool {
        self.sections
            .iter()
            .any(|s| s == EVERY_SECTION || s.trim().eq_ignore_ascii_case(heading.trim()))
    }
}

fn default_version() -> String {
    "1".into()
}

/// How a citation reads in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CitationStyle {
    /// Numbered endnotes, `[^1]`, in order of first use.
    #[default]
    Notes,
    /// A short parenthetical: `(Reuters via The American Interest, June 2015)`.
    Short,
}

/// Where a template was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Project,
    User,
    Builtin,
}

/// A loaded template: its manifest and every file of its folder, by relative path.
#[derive(Debug, Clone)]
pub struct Template {
    pub manifest: Manifest,
    pub origin: Origin,
    /// Where it was read from (`None` for a built-in).
    pub dir: Option<PathBuf>,
    pub files: BTreeMap<String, String>,
}

/// A line of `dossier templates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing {
    pub name: String,
    pub description: String,
    pub origin: Origin,
}

/// The folders to search, most specific first. The caller finds them (no environment reads here).
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// `<project>/templates`.
    pub project: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/dossier/templates`.
    pub user: Option<PathBuf>,
}

impl Lookup {
    fn folders(&self) -> impl Iterator<Item = (Origin, &Path)> {
        [
            (Origin::Project, self.project.as_deref()),
            (Origin::User, self.user.as_deref()),
        ]
        .into_iter()
        .filter_map(|(o, p)| Some((o, p?)))
    }

    /// The template called `name`: the project's, else the user's, else the built-in.
    pub fn find(&self, name: &str) -> Result<Template, TemplateError> {
        if !valid_name(name) {
            return Err(TemplateError::BadName(name.to_string()));
        }
        for (origin, folder) in self.folders() {
            let dir = folder.join(name);
            refuse_link(&dir)?;
            if dir.join("template.toml").is_file() {
                return Template::from_dir(&dir, origin);
            }
        }
        Template::builtin(name)
    }

    /// Every template visible from here; a name shadowed by a more specific folder is listed once.
    pub fn list(&self) -> Result<Vec<Listing>, TemplateError> {
        let mut seen: BTreeMap<String, Listing> = BTreeMap::new();
        let mut add = |t: Template| {
            seen.entry(t.manifest.name.clone()).or_insert(Listing {
                name: t.manifest.name,
                description: t.manifest.description,
                origin: t.origin,
            });
        };
        for (origin, folder) in self.folders() {
            let Ok(entries) = std::fs::read_dir(folder) else {
                continue;
            };
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("template.toml").is_file())
                .collect();
            dirs.sort();
            for d in dirs {
                add(Template::from_dir(&d, origin)?);
            }
        }
        for name in builtin_names() {
            add(Template::builtin(name)?);
        }
        let mut out: Vec<Listing> = seen.into_values().collect();
        out.sort_by(|a, b| a.origin.cmp(&b.origin).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }
}

/// A template folder that is itself a symbolic link is refused: it leads wherever it points.
fn refuse_link(dir: &Path) -> Result<(), TemplateError> {
    if dir.is_symlink() {
        return Err(TemplateError::Symlink(dir.display().to_string()));
    }
    Ok(())
}

/// The names of the built-in templates.
pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = BUILTIN
        .dirs()
        .filter_map(|d| d.path().file_name()?.to_str())
        .collect();
    v.sort();
    v
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Template {
    pub fn builtin(name: &str) -> Result<Template, TemplateError> {
        let dir = BUILTIN
            .get_dir(name)
            .filter(|_| valid_name(name))
            .ok_or_else(|| TemplateError::NotFound(name.to_string()))?;
        let mut files = BTreeMap::new();
        let mut stack = vec![dir];
        let mut all = Vec::new();
        while let Some(d) = stack.pop() {
            stack.extend(d.dirs());
            all.extend(d.files());
        }
        for f in all {
            let rel = f
                .path()
                .strip_prefix(name)
                .expect("inside its folder")
                .to_string_lossy()
                .replace('\\', "/");
            let text = f.contents_utf8().expect("built-in templates are UTF-8");
            files.insert(rel, text.to_string());
        }
        Template::from_files(files, Origin::Builtin, None, &format!("built-in {name}"))
    }

    /// Reads a template folder: its files (not its subfolders' siblings, nothing outside it).
    pub fn from_dir(dir: &Path, origin: Origin) -> Result<Template, TemplateError> {
        let io =
            |e: std::io::Error, p: &Path| TemplateError::Io(p.display().to_string(), e.to_string());
        refuse_link(dir)?;
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).map_err(|e| io(e, &d))? {
                let entry = entry.map_err(|e| io(e, &d))?;
                let path = entry.path();
                // A symbolic link could point outside the folder: refused, never followed.
                let kind = entry.file_type().map_err(|e| io(e, &path))?;
                if kind.is_symlink() {
                    return Err(TemplateError::Symlink(path.display().to_string()));
                }
                if kind.is_dir() {
                    stack.push(path);
                    continue;
                }
                if !kind.is_file() {
                    continue;
                }
                if files.len() >= MAX_FILES {
                    return Err(TemplateError::TooLarge(dir.display().to_string()));
                }
                let meta = entry.metadata().map_err(|e| io(e, &path))?;
                if meta.len() > MAX_FILE_BYTES as u64 {
                    return Err(TemplateError::TooLarge(path.display().to_string()));
                }
                let bytes = std::fs::read(&path).map_err(|e| io(e, &path))?;
                let Ok(text) = String::from_utf8(bytes) else {
                    // Images or other assets are not template files.
                    continue;
                };
                let rel = path
                    .strip_prefix(dir)
                    .expect("walked from dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, text);
            }
        }
        Template::from_files(
            files,
            origin,
            Some(dir.to_path_buf()),
            &dir.display().to_string(),
        )
    }

    /// A template from its files in memory (`template.toml` and `briefing.md.j2` at least).
    pub fn from_files(
        files: BTreeMap<String, String>,
        origin: Origin,
        dir: Option<PathBuf>,
        label: &str,
    ) -> Result<Template, TemplateError> {
        let toml_text = files
            .get("template.toml")
            .ok_or_else(|| TemplateError::Missing(label.to_string(), "template.toml"))?;
        let manifest: Manifest =
            toml::from_str(toml_text).map_err(|e| TemplateError::Manifest {
                file: format!("{label}/template.toml"),
                message: e.message().to_string(),
                line: e
                    .span()
                    .map(|s| toml_text[..s.start].matches('\n').count() + 1)
                    .unwrap_or(0),
            })?;
        if !files.contains_key(MAIN) {
            return Err(TemplateError::Missing(label.to_string(), MAIN));
        }
        Ok(Template {
            manifest,
            origin,
            dir,
            files,
        })
    }

    /// Writes the template's files into `dest/<new_name>/`, renamed. Refuses to overwrite.
    pub fn copy_to(&self, dest: &Path, new_name: &str) -> Result<PathBuf, TemplateError> {
        if !valid_name(new_name) {
            return Err(TemplateError::BadName(new_name.to_string()));
        }
        let target = dest.join(new_name);
        if target.exists() {
            return Err(TemplateError::Exists(target.display().to_string()));
        }
        let io =
            |e: std::io::Error, p: &Path| TemplateError::Io(p.display().to_string(), e.to_string());
        for (rel, text) in &self.files {
            let path = target.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
            }
            let text = if rel == "template.toml" {
                rename_manifest(text, &self.manifest.name, new_name)
            } else {
                text.clone()
            };
            std::fs::write(&path, text).map_err(|e| io(e, &path))?;
        }
        Ok(target)
    }
}

/// Undoes [`Template::copy_to`]: removes the template folder `dest/name` if it holds exactly
/// `files` (what the copy wrote: nothing edited, added or removed since); otherwise refuses,
/// so that no edit of the analyst's is lost.
pub fn remove_copy(
    dest: &Path,
    name: &str,
    files: &BTreeMap<String, String>,
) -> Result<(), TemplateError> {
    if !valid_name(name) {
        return Err(TemplateError::BadName(name.to_string()));
    }
    let dir = dest.join(name);
    let io =
        |e: std::io::Error, p: &Path| TemplateError::Io(p.display().to_string(), e.to_string());
    let changed = || TemplateError::ChangedSinceCopy(dir.display().to_string());
    refuse_link(&dir)?;
    let mut found = 0;
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| io(e, &d))? {
            let path = entry.map_err(|e| io(e, &d))?.path();
            let kind = std::fs::symlink_metadata(&path).map_err(|e| io(e, &path))?;
            if kind.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&dir)
                .expect("walked from dir")
                .to_string_lossy()
                .replace('\\', "/");
            let copied = files.get(&rel).ok_or_else(changed)?;
            if !kind.is_file()
                || std::fs::read(&path).map_err(|e| io(e, &path))? != copied.as_bytes()
            {
                return Err(changed());
            }
            found += 1;
        }
    }
    if found != files.len() {
        return Err(changed());
    }
    std::fs::remove_dir_all(&dir).map_err(|e| io(e, &dir))
}

/// Replaces the `name = "…"` line, keeping the analyst's comments and layout.
fn rename_manifest(text: &str, old: &str, new: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with("name") && l.contains(&format!("\"{old}\"")) {
                format!("name = \"{new}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
