//! Every path that arrives over IPC is checked here before the core sees it: the webview is
//! treated as untrusted, so a path must be absolute, name what the command expects, and is
//! canonicalised (no `..` games, symlinks resolved) before use.

use std::path::{Component, Path, PathBuf};

use crate::error::{IpcError, IpcResult};

/// The largest file an import accepts; bigger ones are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

fn absolute(raw: &str) -> IpcResult<&Path> {
    if raw.is_empty() || raw.contains('\0') {
        return Err(IpcError::bad_path(
            "the path is empty or contains a NUL byte",
        ));
    }
    let p = Path::new(raw);
    if !p.is_absolute() {
        return Err(IpcError::bad_path(format!(
            "'{raw}' is not an absolute path; choose the folder or file again"
        )));
    }
    Ok(p)
}

/// An existing folder (a project to open).
pub fn existing_dir(raw: &str) -> IpcResult<PathBuf> {
    let p = absolute(raw)?;
    let canon = p
        .canonicalize()
        .map_err(|e| IpcError::bad_path(format!("{}: {e}", p.display())))?;
    if !canon.is_dir() {
        return Err(IpcError::bad_path(format!(
            "{} is not a folder",
            p.display()
        )));
    }
    Ok(canon)
}

/// A folder to create a project in: it may not exist yet, but its parent must, and the path
/// may not climb with `..`.
pub fn new_dir(raw: &str) -> IpcResult<PathBuf> {
    let p = absolute(raw)?;
    if p.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(IpcError::bad_path(format!(
            "{} contains '..'; choose the folder again",
            p.display()
        )));
    }
    if p.is_dir() {
        return existing_dir(raw);
    }
    let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
        return Err(IpcError::bad_path(format!(
            "{} has no parent folder",
            p.display()
        )));
    };
    Ok(existing_dir(&parent.to_string_lossy())?.join(name))
}

/// A regular file small enough to import.
pub fn import_file(raw: &str) -> IpcResult<PathBuf> {
    let p = absolute(raw)?;
    let canon = p
        .canonicalize()
        .map_err(|e| IpcError::bad_path(format!("{}: {e}", p.display())))?;
    let meta = std::fs::metadata(&canon)
        .map_err(|e| IpcError::bad_path(format!("{}: {e}", p.display())))?;
    if !meta.is_file() {
        return Err(IpcError::bad_path(format!(
            "{} is not a file; choose files to import",
            p.display()
        )));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(IpcError::bad_path(format!(
            "{} is {} MB, more than the {} MB an import accepts",
            p.display(),
            meta.len() / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    Ok(canon)
}

/// A file to export to: its folder must exist, the path may not climb with `..` nor name a
/// folder, and it gets the format's extension when it has none (a save dialog may leave it off).
pub fn export_file(raw: &str, extension: &str) -> IpcResult<PathBuf> {
    let p = absolute(raw)?;
    if p.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(IpcError::bad_path(format!(
            "{} contains '..'; choose where to save again",
            p.display()
        )));
    }
    let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
        return Err(IpcError::bad_path(format!(
            "{} names no file; choose where to save again",
            p.display()
        )));
    };
    let mut out = existing_dir(&parent.to_string_lossy())?.join(name);
    if out.is_dir() {
        return Err(IpcError::bad_path(format!(
            "{} is a folder; choose a file name",
            out.display()
        )));
    }
    let has = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if !has {
        let mut with = out.into_os_string();
        with.push(format!(".{extension}"));
        out = PathBuf::from(with);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T: std::fmt::Debug>(r: IpcResult<T>) -> String {
        r.unwrap_err().code
    }

    #[test]
    fn relative_empty_and_nul_paths_are_refused() {
        for raw in ["", "relative/dir", "./x", "/tmp/a\0b"] {
            assert_eq!(code(export_file(raw, "pdf")), "bad_path", "{raw:?}");
            assert_eq!(code(existing_dir(raw)), "bad_path", "{raw:?}");
            assert_eq!(code(new_dir(raw)), "bad_path", "{raw:?}");
            assert_eq!(code(import_file(raw)), "bad_path", "{raw:?}");
        }
    }

    #[test]
    fn new_dir_refuses_parent_components_and_missing_parents() {
        let tmp = tempfile::tempdir().unwrap();
        let climbing = format!("{}/a/../../etc", tmp.path().display());
        assert_eq!(code(new_dir(&climbing)), "bad_path");
        let orphan = format!("{}/missing/child", tmp.path().display());
        assert_eq!(code(new_dir(&orphan)), "bad_path");
        let fresh = tmp.path().join("fresh");
        assert_eq!(
            new_dir(&fresh.to_string_lossy()).unwrap(),
            tmp.path().canonicalize().unwrap().join("fresh")
        );
    }

    #[test]
    fn import_file_accepts_files_and_refuses_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("a.txt");
        std::fs::write(&f, "hello").unwrap();
        assert!(import_file(&f.to_string_lossy()).is_ok());
        assert_eq!(code(import_file(&tmp.path().to_string_lossy())), "bad_path");
        assert_eq!(code(existing_dir(&f.to_string_lossy())), "bad_path");
    }

    #[test]
    fn export_file_checks_the_folder_and_adds_the_extension() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let at = |name: &str| format!("{}/{name}", tmp.path().display());
        assert_eq!(
            export_file(&at("b.pdf"), "pdf").unwrap(),
            root.join("b.pdf")
        );
        assert_eq!(
            export_file(&at("b.PDF"), "pdf").unwrap(),
            root.join("b.PDF")
        );
        assert_eq!(
            export_file(&at("brief"), "md").unwrap(),
            root.join("brief.md")
        );
        assert_eq!(
            export_file(&at("v1.2"), "md").unwrap(),
            root.join("v1.2.md")
        );
        assert_eq!(code(export_file(&at("missing/b.pdf"), "pdf")), "bad_path");
        assert_eq!(code(export_file(&at("x/../b.pdf"), "pdf")), "bad_path");
        std::fs::create_dir(root.join("d.pdf")).unwrap();
        assert_eq!(code(export_file(&at("d.pdf"), "pdf")), "bad_path");
    }
}
