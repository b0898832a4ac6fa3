//! Which files an import of some named paths means: the one rule the CLI and the app share.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The files to import for `paths`, in a stable order. A named file is taken as it is (even a
/// hidden one: the analyst named it). A named folder stands for every regular file below it, at
/// any depth, sorted by path; entries whose name starts with `.` are skipped (so `.git`,
/// `.dossier` and editors' hidden files are never imported), and symbolic links inside a folder
/// are not followed (a link could lead anywhere, or in a circle). A path that cannot be read is
/// an error naming it.
///
/// This reads the analyst's folders, not a project's files, so it does not go through `Fs`;
/// binaries call it before handing the files to `Project::import_files`.
pub fn files_to_import(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            files_below(p, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn files_below(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // `file_type` does not follow links: a link is neither a file nor a folder here.
            let kind = entry.file_type().map_err(|e| Error::io(&entry.path(), e))?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                found.push(entry.path());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Makes the files (and their folders) under a temp folder, then checks what importing the
    /// named paths (relative to it) means, relative to it.
    #[track_caller]
    fn check(files: &[&str], named: &[&str], expected: &[&str]) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for f in files {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, f).unwrap();
        }
        let named: Vec<PathBuf> = named.iter().map(|n| root.join(n)).collect();
        let found = files_to_import(&named).unwrap();
        let found: Vec<String> = found
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn folders_are_recursive_sorted_and_skip_hidden_entries() {
        check(
            &[
                "in/b.txt",
                "in/a.html",
                "in/sub/deeper/c.md",
                "in/sub/a.pdf",
                "in/.hidden.txt",
                "in/.git/config",
                "in/.dossier/lock",
                "in/sub/.cache/x.txt",
            ],
            &["in"],
            &[
                "in/a.html",
                "in/b.txt",
                "in/sub/a.pdf",
                "in/sub/deeper/c.md",
            ],
        );
    }

    #[test]
    fn named_files_are_kept_in_order_even_hidden_ones() {
        check(
            &["z.txt", ".notes.txt", "d/a.txt"],
            &["z.txt", ".notes.txt", "d"],
            &["z.txt", ".notes.txt", "d/a.txt"],
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_folders_are_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("in")).unwrap();
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        std::fs::write(root.join("elsewhere/secret.txt"), "x").unwrap();
        std::fs::write(root.join("in/real.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("elsewhere"), root.join("in/folder-link")).unwrap();
        std::os::unix::fs::symlink(root.join("elsewhere/secret.txt"), root.join("in/file-link"))
            .unwrap();
        // A link to its own folder would loop if followed.
        std::os::unix::fs::symlink(root.join("in"), root.join("in/loop")).unwrap();
        let found = files_to_import(&[root.join("in")]).unwrap();
        assert_eq!(found, [root.join("in/real.txt")]);
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("nope");
        let e = files_to_import(std::slice::from_ref(&missing)).unwrap_err();
        assert!(e.to_string().contains("nope"), "{e}");
    }
}
