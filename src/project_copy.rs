//! A copy of a project folder in another place. The desktop app opens the demo project this
//! way: the demo it ships (in the package, `/usr/lib/Dossier/demo`, or in a checkout,
//! `samples/demo`) is never written to; the analyst works on a copy in a folder of their own.

use std::path::{Path, PathBuf};

use crate::store::Layout;
use crate::{Error, Result, World};

/// Copies the project at `from` into `to`, unless `to` already holds a project: that one is
/// kept as it is (the analyst's edits of an earlier copy survive), and `false` is returned.
///
/// Only the project's own files are copied: the files of its root folder (`dossier.toml`,
/// `outlets.toml`, `.gitignore` …) and of `sources/` (with `originals/`), `excerpts/` and
/// `briefings/`; never the lock and caches (`.dossier/`) nor rendered output (`out/`).
/// `dossier.toml` is written last, so a copy cut short (a full disk, a crash) is no project
/// and the next call copies again over it.
pub fn copy_project(world: &World, from: &Path, to: &Path) -> Result<bool> {
    let fs = &*world.fs;
    let (src, dst) = (Layout::new(from), Layout::new(to));
    let exists = |p: &Path| fs.exists(p).map_err(|e| Error::io(p, e));
    if !exists(&src.config())? {
        return Err(Error::NotAProject(from.to_path_buf()));
    }
    if exists(&dst.config())? {
        return Ok(false);
    }
    // Project templates are folders of their own (`templates/<name>/`), which the file system
    // interface does not list; no shipped project has them, so a copy refuses rather than
    // leaving them behind unseen.
    if exists(&src.templates())? {
        return Err(Error::Invalid(format!(
            "{} has project templates, which a copy does not carry; copy the folder with a file manager instead",
            from.display()
        )));
    }
    let folders: [(PathBuf, PathBuf); 5] = [
        (src.root(), dst.root()),
        (src.sources(), dst.sources()),
        (src.originals(), dst.originals()),
        (src.excerpts(), dst.excerpts()),
        (src.briefings(), dst.briefings()),
    ];
    for (from_dir, to_dir) in &folders {
        fs.create_dir_all(to_dir)
            .map_err(|e| Error::io(to_dir, e))?;
        for file in fs.list(from_dir).map_err(|e| Error::io(from_dir, e))? {
            let Some(name) = file.file_name() else {
                continue;
            };
            let target = to_dir.join(name);
            if target == dst.config() {
                continue;
            }
            let bytes = fs.read(&file).map_err(|e| Error::io(&file, e))?;
            fs.write_atomic(&target, &bytes)
                .map_err(|e| Error::io(&target, e))?;
        }
    }
    let bytes = fs
        .read(&src.config())
        .map_err(|e| Error::io(&src.config(), e))?;
    fs.write_atomic(&dst.config(), &bytes)
        .map_err(|e| Error::io(&dst.config(), e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn world() -> World {
        World::new(chrono::DateTime::UNIX_EPOCH)
    }

    /// Every file below `dir` with its content, relative paths sorted.
    fn files(dir: &Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(dir).unwrap().display().to_string();
                    out.push((rel, fs::read_to_string(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// A small project with a lock, a cache and rendered output beside its own files.
    fn sample(root: &Path) {
        write(root, "dossier.toml", "format = 1\ntitle = \"Sample\"\n");
        write(root, ".gitignore", "/.dossier/\n/out/\n");
        write(
            root,
            "sources/port-strike-1a2b.md",
            "+++\ntitle = \"Port strike\"\n+++\nText.\n",
        );
        write(root, "sources/originals/ab12.html", "<p>Text.</p>");
        write(root, "excerpts/e1.toml", "quote = \"Text.\"\n");
        write(root, "briefings/main.md", "+++\n+++\n# BLUF\n");
        write(root, ".dossier/lock", "pid 1");
        write(root, ".dossier/cache/search.bin", "x");
        write(root, "out/main.pdf", "%PDF");
    }

    /// What a copy of [`sample`] holds.
    const SAMPLE_COPY: &[(&str, &str)] = &[
        (".gitignore", "/.dossier/\n/out/\n"),
        ("briefings/main.md", "+++\n+++\n# BLUF\n"),
        ("dossier.toml", "format = 1\ntitle = \"Sample\"\n"),
        ("excerpts/e1.toml", "quote = \"Text.\"\n"),
        ("sources/originals/ab12.html", "<p>Text.</p>"),
        (
            "sources/port-strike-1a2b.md",
            "+++\ntitle = \"Port strike\"\n+++\nText.\n",
        ),
    ];

    fn check(from: &Path, to: &Path, expected_copied: bool, expected: &[(&str, &str)]) {
        assert_eq!(copy_project(&world(), from, to).unwrap(), expected_copied);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        assert_eq!(files(to), expected);
    }

    #[test]
    fn copies_the_projects_own_files_only() {
        let tmp = tempfile::tempdir().unwrap();
        let (from, to) = (tmp.path().join("demo"), tmp.path().join("copy/demo"));
        sample(&from);
        check(&from, &to, true, SAMPLE_COPY);
    }

    #[test]
    fn an_earlier_copy_is_kept_with_its_edits() {
        let tmp = tempfile::tempdir().unwrap();
        let (from, to) = (tmp.path().join("demo"), tmp.path().join("copy"));
        sample(&from);
        copy_project(&world(), &from, &to).unwrap();
        write(&to, "briefings/main.md", "# edited\n");
        fs::remove_file(to.join("excerpts/e1.toml")).unwrap();
        check(
            &from,
            &to,
            false,
            &[
                (".gitignore", "/.dossier/\n/out/\n"),
                ("briefings/main.md", "# edited\n"),
                ("dossier.toml", "format = 1\ntitle = \"Sample\"\n"),
                ("sources/originals/ab12.html", "<p>Text.</p>"),
                (
                    "sources/port-strike-1a2b.md",
                    "+++\ntitle = \"Port strike\"\n+++\nText.\n",
                ),
            ],
        );
    }

    #[test]
    fn a_copy_cut_short_is_copied_again() {
        let tmp = tempfile::tempdir().unwrap();
        let (from, to) = (tmp.path().join("demo"), tmp.path().join("copy"));
        sample(&from);
        // What a copy that stopped before dossier.toml leaves: some files, no project.
        write(&to, "sources/port-strike-1a2b.md", "half");
        check(&from, &to, true, SAMPLE_COPY);
    }

    #[test]
    fn refuses_what_is_no_project_or_has_templates() {
        let tmp = tempfile::tempdir().unwrap();
        let err = copy_project(&world(), tmp.path(), &tmp.path().join("to")).unwrap_err();
        assert!(matches!(err, Error::NotAProject(_)), "{err}");
        let from = tmp.path().join("demo");
        sample(&from);
        write(&from, "templates/mine/template.md", "x");
        let err = copy_project(&world(), &from, &tmp.path().join("to")).unwrap_err();
        assert!(err.to_string().contains("project templates"), "{err}");
        assert!(!tmp.path().join("to/dossier.toml").exists());
    }
}
