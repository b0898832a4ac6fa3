//! Symbolic links never lead a project or a template outside its folder: a linked file is
//! refused naming it, a linked folder refuses the project, and writes replace a link rather
//! than write through it.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use chrono::{TimeZone, Utc};
use dossier::model::ProjectConfig;
use dossier::store::{Fs, OsFs};
use dossier::templates::{Lookup, TemplateError};
use dossier::{Error, Project, World};

fn world() -> World {
    World::new(Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap())
}

/// A new project in `<tmp>/p` with one source, and a folder `<tmp>/outside` beside it holding
/// copies of the project's files (what a hostile link would point at).
fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(world(), &dir, ProjectConfig::new("Links")).unwrap();
    p.import(
        "a.txt",
        b"Harbour closed\n\nOn 3 March 2026 the harbour was closed to all ships.\n".to_vec(),
    )
    .unwrap();
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    for (i, f) in std::fs::read_dir(dir.join("sources")).unwrap().enumerate() {
        let f = f.unwrap().path();
        if f.is_file() {
            std::fs::copy(&f, outside.join(format!("secret-{i}.md"))).unwrap();
        }
    }
    std::fs::write(
        outside.join("secret.toml"),
        "format = 1\ntitle = \"secret\"\n",
    )
    .unwrap();
    (tmp, dir, outside)
}

fn open_error(dir: &Path) -> Error {
    match Project::open(world(), dir) {
        Ok(_) => panic!("{} opened", dir.display()),
        Err(e) => e,
    }
}

#[test]
fn a_linked_item_is_never_read_and_is_named() {
    let (_tmp, dir, outside) = setup();
    let secret = outside.join("secret-0.md");
    for (folder, name) in [
        ("sources", "evil.md"),
        ("excerpts", "evil.toml"),
        ("briefings", "evil.md"),
    ] {
        let link = dir.join(folder).join(name);
        symlink(&secret, &link).unwrap();
        let (p, problems) = Project::load(world(), &dir).unwrap();
        let problem = problems
            .iter()
            .find(|pr| pr.file == link)
            .unwrap_or_else(|| panic!("{folder}/{name} not reported: {problems:?}"));
        assert!(problem.message.contains("symbolic link"), "{problem:?}");
        let findings = dossier::validate::validate(&p, &problems);
        assert!(
            findings
                .iter()
                .any(|f| f.file == Path::new(folder).join(name) && f.kind == "unreadable"),
            "{findings:?}"
        );
        // Nothing from outside got in: the briefing `evil` or a second source does not exist.
        assert!(p.briefing("evil").is_err());
        assert_eq!(p.sources().len(), 1);
        let e = open_error(&dir).to_string();
        assert!(e.contains(name) && e.contains("symbolic link"), "{e}");
        std::fs::remove_file(&link).unwrap();
    }
    Project::open(world(), &dir).expect("opens again without the links");
}

#[test]
fn a_linked_folder_or_config_refuses_the_project() {
    for folder in [
        "dossier.toml",
        "sources",
        "sources/originals",
        "excerpts",
        "briefings",
        "templates",
        ".dossier",
        "out",
    ] {
        let (_tmp, dir, outside) = setup();
        let path = dir.join(folder);
        let target = if folder == "dossier.toml" {
            outside.join("secret.toml")
        } else {
            outside.clone()
        };
        if path.is_dir() {
            std::fs::rename(&path, outside.join("moved")).unwrap();
        } else if path.is_file() {
            std::fs::remove_file(&path).unwrap();
        }
        symlink(&target, &path).unwrap();
        let before = snapshot(&outside);
        let e = open_error(&dir);
        assert_eq!(e.code(), "symlink", "{folder}: {e}");
        let msg = e.to_string();
        assert!(
            msg.contains(folder) && msg.contains("symbolic link"),
            "{msg}"
        );
        let Err(e) = Project::create(world(), &dir, ProjectConfig::new("x")) else {
            panic!("{folder}: created a project through a link");
        };
        assert_eq!(e.code(), "symlink", "{folder}: {e}");
        assert_eq!(
            snapshot(&outside),
            before,
            "{folder}: something was written outside"
        );
    }
}

#[test]
fn writes_replace_a_link_and_never_write_through_it() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("target.txt");
    std::fs::write(&target, "outside").unwrap();
    let link = tmp.path().join("link.md");
    symlink(&target, &link).unwrap();
    let e = OsFs.create_new(&link, b"new").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
    OsFs.write_atomic(&link, b"new").unwrap();
    assert!(!link.is_symlink(), "the save replaced the link with a file");
    assert_eq!(std::fs::read_to_string(&link).unwrap(), "new");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "outside");
    // A dangling link is something too: creating over it fails rather than creating the target.
    let dangling = tmp.path().join("dangling.md");
    symlink(tmp.path().join("nowhere.txt"), &dangling).unwrap();
    assert!(OsFs.create_new(&dangling, b"x").is_err());
    assert!(!tmp.path().join("nowhere.txt").exists());
    OsFs.remove(&link).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "outside");
}

fn template_dir(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("template.toml"), "name = \"t\"\n").unwrap();
    std::fs::write(dir.join("briefing.md.j2"), "# {{ briefing.title }}\n").unwrap();
}

#[test]
fn templates_refuse_links_naming_them() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    let outside = tmp.path().join("outside");
    template_dir(&outside);
    std::fs::write(outside.join("secret.md.j2"), "secret").unwrap();
    let lookup = Lookup {
        project: Some(templates.clone()),
        user: None,
    };
    // The template folder itself is a link.
    std::fs::create_dir_all(&templates).unwrap();
    symlink(&outside, templates.join("linked")).unwrap();
    match lookup.find("linked") {
        Err(e @ TemplateError::Symlink(_)) => assert!(e.to_string().contains("linked"), "{e}"),
        other => panic!("{other:?}"),
    }
    // A file inside a real template folder is a link, and so is a subfolder.
    let real = templates.join("real");
    template_dir(&real);
    symlink(outside.join("secret.md.j2"), real.join("partial.md.j2")).unwrap();
    match lookup.find("real") {
        Err(e @ TemplateError::Symlink(_)) => {
            assert!(e.to_string().contains("partial.md.j2"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    std::fs::remove_file(real.join("partial.md.j2")).unwrap();
    std::fs::create_dir(real.join("partials")).unwrap();
    symlink(&outside, real.join("partials").join("more")).unwrap();
    assert!(matches!(
        lookup.find("real"),
        Err(TemplateError::Symlink(_))
    ));
    std::fs::remove_file(real.join("partials").join("more")).unwrap();
    assert!(lookup.find("real").is_ok());
}

fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}
