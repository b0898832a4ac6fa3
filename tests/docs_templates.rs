//! `docs/templates.md` documents the template context: every field a rendering of the demo
//! project has, with an example value taken from that rendering. This test keeps it true: a
//! field added to the context and not documented fails here, so does a documented field that
//! no longer exists, and so does an example value the demo does not produce.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use dossier::{Project, World};
use serde_json::Value;

/// Object types that appear at several places, documented once under a short name.
const ALIASES: [(&str, &str); 5] = [
    ("chronology.entries[].excerpts[]", "excerpt"),
    ("chronology.undated[]", "excerpt"),
    ("briefing.bluf", "section"),
    ("briefing.sections[]", "section"),
    ("briefing.discussion[]", "section"),
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The context of the demo's `main` briefing with `template`, as JSON.
fn demo_context(template: &str) -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    copy_tree(&repo().join("samples/demo"), &dir);
    let now = Utc.with_ymd_and_hms(2026, 3, 30, 9, 30, 0).unwrap();
    let project = Project::open(World::new(now), &dir).unwrap();
    let (_, context) = project.context("main", Some(template), None).unwrap();
    serde_json::to_value(&context).unwrap()
}

/// Every key path of `v` (`chronology.entries[].date`), with the values seen there.
fn paths(v: &Value, path: &str, out: &mut BTreeMap<String, Vec<Value>>) {
    let path = ALIASES
        .iter()
        .find(|(from, _)| *from == path)
        .map_or(path, |(_, to)| to);
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                out.entry(p.clone()).or_default().push(child.clone());
                paths(child, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The documented fields: rows of the tables of the section `## Context reference` that start
/// with a backticked path, with their example cell (the third).
fn documented(doc: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let section = doc
        .lines()
        .skip_while(|l| *l != "## Context reference")
        .skip(1)
        .take_while(|l| !l.starts_with("## "));
    for line in section {
        let cells: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let Some(path) = cells
            .first()
            .and_then(|c| c.strip_prefix("| `"))
            .and_then(|c| c.strip_suffix('`'))
        else {
            continue;
        };
        if !path.chars().next().is_some_and(|c| c.is_ascii_lowercase()) || path.contains(' ') {
            continue;
        }
        let example = cells.get(2).copied().unwrap_or("").to_string();
        out.insert(path.to_string(), example);
    }
    out
}

/// An example is a JSON value in backticks; a string ending in `…` is a prefix.
fn example_matches(example: &str, seen: &[Value]) -> Result<(), String> {
    let Some(json) = example.strip_prefix('`').and_then(|e| e.strip_suffix('`')) else {
        return Err(format!("the example {example:?} is not a `JSON value`"));
    };
    let want: Value =
        serde_json::from_str(json).map_err(|e| format!("the example {json} is not JSON: {e}"))?;
    let found = seen.iter().any(|v| match (&want, v) {
        (Value::String(w), Value::String(v)) => match w.strip_suffix('…') {
            Some(prefix) => v.starts_with(prefix),
            None => v == w,
        },
        // `[page]` numbers are f32: 1.35 arrives as 1.350000023841858.
        (Value::Number(w), Value::Number(v)) => {
            let (w, v) = (w.as_f64().unwrap(), v.as_f64().unwrap());
            (w - v).abs() <= 1e-6 * w.abs().max(1.0)
        }
        (w, v) => w == v,
    });
    if found {
        Ok(())
    } else {
        let first = seen.first().map(Value::to_string).unwrap_or_default();
        Err(format!(
            "the example {json} is not a value of the demo (e.g. {first:.200})"
        ))
    }
}

/// Objects and lists of objects are described, not exemplified: their fields have examples.
fn holds_objects(values: &[Value]) -> bool {
    values
        .iter()
        .any(|v| v.is_object() || v.as_array().is_some_and(|a| a.iter().any(Value::is_object)))
}

#[test]
fn docs_templates_documents_every_context_field_with_a_real_example() {
    let doc = std::fs::read_to_string(repo().join("docs/templates.md")).unwrap();
    let documented = documented(&doc);
    assert!(
        !documented.is_empty(),
        "docs/templates.md has no '## Context reference' section with field tables"
    );
    let mut seen = BTreeMap::new();
    // intsum has every section kind and classification markings; one-pager the short style.
    for template in ["intsum", "one-pager"] {
        let mut one = BTreeMap::new();
        paths(&demo_context(template), "", &mut one);
        for (p, values) in one {
            seen.entry(p).or_insert_with(Vec::new).extend(values);
        }
    }

    let mut problems = Vec::new();
    for (path, values) in &seen {
        match documented.get(path) {
            None => problems.push(format!(
                "| `{path}` | … | `{:.120}` | … |   <- not in docs/templates.md",
                values[0].to_string()
            )),
            Some(example) if !holds_objects(values) => {
                if let Err(e) = example_matches(example, values) {
                    problems.push(format!("`{path}`: {e}"));
                }
            }
            Some(_) => {}
        }
    }
    let real: BTreeSet<&String> = seen.keys().collect();
    for path in documented.keys() {
        if !real.contains(path) {
            problems.push(format!(
                "`{path}` is documented but no rendering of the demo has it"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// Copies a folder tree, so that the test reads a copy and never touches the committed demo.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
