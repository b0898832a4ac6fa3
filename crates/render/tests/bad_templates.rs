//! Hostile and broken templates fail fast with a clear error; the analyst's text is untouched.

mod common;

use std::collections::BTreeMap;

use dossier_render::{Origin, Template, TemplateError, render};

const MANIFEST: &str = "name = \"bad\"\n";

fn template(main: &str, extra: &[(&str, &str)]) -> Template {
    let mut files = BTreeMap::from([
        ("template.toml".to_string(), MANIFEST.to_string()),
        ("briefing.md.j2".to_string(), main.to_string()),
    ]);
    for (k, v) in extra {
        files.insert(k.to_string(), v.to_string());
    }
    Template::from_files(files, Origin::Project, None, "bad").unwrap()
}

fn check(main: &str, extra: &[(&str, &str)]) -> Result<String, TemplateError> {
    let p = common::demo(false);
    let t = template(main, extra);
    let ctx = p.build(&t.manifest).unwrap();
    render(&t, &ctx).map(|r| r.markdown)
}

fn err(main: &str) -> String {
    check(main, &[]).expect_err("must fail").to_string()
}

#[test]
fn syntax_error_names_file_line_column_and_line() {
    let e = check("# {{ briefing.title }}\n\n{% for x in %}\n", &[]).unwrap_err();
    match &e {
        TemplateError::Syntax {
            file,
            line,
            column,
            line_text,
            ..
        } => {
            assert_eq!(file, "templates/bad/briefing.md.j2");
            assert_eq!(*line, 3);
            assert_eq!(*column, 13);
            assert_eq!(line_text, "{% for x in %}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn undefined_variable_names_itself() {
    let e = err("line one\n{{ briefing.titel }}\n");
    assert!(e.contains("line 2"), "{e}");
    assert!(e.contains("`briefing.titel` is undefined"), "{e}");
    let e = err("{{ nonesuch ~ 'x' }}");
    assert!(e.contains("`nonesuch` is undefined"), "{e}");
    let e = err("{{ 'x' ~ briefing.nonesuch }}");
    assert!(e.contains("`briefing.nonesuch` is undefined"), "{e}");
}

#[test]
fn string_doubling_fails_fast() {
    let e =
        err("{% set s = 'x' * 100000000 %}{% set s = s ~ s %}{% set s = s ~ s %}{{ s|length }}");
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let e = err(
        "{% set s = 'x' * 1000000 %}{% set s = s ~ s %}{% set s = s ~ s %}{% set s = s ~ s %}{{ s|length }}",
    );
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let e = err(
        "{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    );
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let e = err("{% set l = [1] %}{% set l = l * 100000 %}{% set l = l + l %}");
    assert!(e.contains("larger than 4 MiB"), "{e}");
}

#[test]
fn growth_through_captures_and_filters_fails_fast() {
    let e = err("{% set s = 'x' * 4000000 %}{% set t %}{{ s }}{{ s }}{% endset %}{{ t }}");
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let e = err("{% set s = 'x' * 4000000 %}{{ [s, s]|join }}");
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let e = err("{% set s = 'x' * 3000 %}{{ s|replace('x', s) }}");
    assert!(e.contains("larger than 4 MiB"), "{e}");
    let nested = format!("{}'x'{}", "d(".repeat(26), ")".repeat(26));
    let r = check(
        &format!("{{% macro d(s) %}}{{{{ s }}}}{{{{ s }}}}{{% endmacro %}}{{{{ {nested} }}}}"),
        &[],
    );
    let e = match r {
        Ok(s) => panic!("ok with {} bytes", s.len()),
        Err(e) => e.to_string(),
    };
    assert!(e.contains("larger than 4 MiB"), "{e}");
}

#[test]
fn output_is_bounded() {
    let e = err(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ 'x' * 1000 }}{% endfor %}{% endfor %}",
    );
    assert!(e.contains("fuel") || e.contains("output"), "{e}");
}

#[test]
fn endless_loops_run_out_of_fuel() {
    let e = check(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        &[],
    )
    .unwrap_err();
    assert_eq!(e, TemplateError::OutOfFuel);
}

#[test]
fn recursion_and_self_include_fail_cleanly() {
    let e = check(
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
        &[],
    )
    .unwrap_err();
    assert!(
        matches!(e, TemplateError::Recursion | TemplateError::OutOfFuel),
        "{e:?}"
    );
    let e = check("again {% include 'briefing.md.j2' %}", &[]).unwrap_err();
    assert!(
        matches!(e, TemplateError::Recursion | TemplateError::OutOfFuel),
        "{e:?}"
    );
    let e = check(
        "{% include 'a.j2' %}",
        &[
            ("a.j2", "{% include 'b.j2' %}"),
            ("b.j2", "{% include 'a.j2' %}"),
        ],
    )
    .unwrap_err();
    assert!(
        matches!(e, TemplateError::Recursion | TemplateError::OutOfFuel),
        "{e:?}"
    );
}

#[test]
fn no_file_outside_the_template_folder() {
    for path in [
        "../../../../etc/passwd",
        "/etc/passwd",
        "../intsum/briefing.md.j2",
    ] {
        let e = err(&format!("{{% include '{path}' %}}"));
        assert!(e.contains("template not found"), "{path}: {e}");
    }
}

#[test]
fn no_environment_or_clock() {
    for probe in [
        "{{ env }}",
        "{{ now() }}",
        "{{ environ }}",
        "{{ self._TemplateReference__context }}",
    ] {
        assert!(check(probe, &[]).is_err(), "{probe}");
    }
}

#[test]
fn the_rewrite_keeps_what_operators_mean() {
    // Differential: the sandbox and plain minijinja agree on every expression.
    let exprs = [
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "10 - 2 + 1",
        "-2 * 3",
        "7 // 2 * 2",
        "'a' ~ 1 + 1 ~ 'b'",
        "'-' * 3",
        "[1] + [2]",
        "2 ** 3 * 2",
        "1.5 * 2",
        "10 % 4 * 2",
        "'x' ~ (2 + 3)",
        "(1 ~ 2) * 2",
        "-(1 + 2) * 3",
        "not 1 + 1 == 3",
        "[1, 2][0] + 1 * 2",
        "1 + 2 if 1 else 3 ~ 4",
        "'a' ~ 'b' ~ 'c' + 'd'",
        "(1, 2) | length * 2",
        "3 * -1 + 2",
    ];
    for x in exprs {
        let plain = minijinja::Environment::new()
            .render_str(&format!("{{{{ {x} }}}}"), ())
            .unwrap();
        let ours = check(&format!("{{{{ {x} }}}}"), &[]).unwrap();
        assert_eq!(ours, plain, "{x}");
    }
}

#[test]
fn broken_manifest_names_file_and_line() {
    let files = BTreeMap::from([
        (
            "template.toml".to_string(),
            "name = \"x\"\nmarkings = \"rainbow\"\n".to_string(),
        ),
        ("briefing.md.j2".to_string(), String::new()),
    ]);
    let e = Template::from_files(files, Origin::Project, None, "x")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x/template.toml line 2:"), "{e}");
}

#[test]
fn markings_required_without_default_lists_the_unmarked_portions() {
    let mut p = common::demo(false);
    p.config.classification = None;
    let t = Template::builtin("intsum").unwrap();
    let e = p.build(&t.manifest).unwrap_err();
    let TemplateError::Unmarked { portions, .. } = &e else {
        panic!("{e:?}")
    };
    let list: Vec<String> = portions.iter().map(ToString::to_string).collect();
    assert!(
        list.iter()
            .any(|l| l.contains("excerpts/2031-03-04-queue-2222.toml")),
        "{list:?}"
    );
    assert!(
        list.iter().any(|l| l.contains("Key judgments paragraph 3")),
        "{list:?}"
    );
    // One sentence: how many, the first, what to do; never the whole list.
    let message = e.to_string();
    assert!(
        message.starts_with(&format!(
            "{} portions are unmarked, the first at ",
            list.len()
        )),
        "{message}"
    );
    assert!(!message.contains(&list[1]), "{message}");
    assert!(message.contains("dossier validate"), "{message}");
    // The banner is the highest portion present.
    let p = common::demo(false);
    let ctx = p.build(&t.manifest).unwrap();
    assert_eq!(ctx.marking.banner, "CUI");
}

#[test]
fn missing_required_section_is_refused() {
    let mut p = common::demo(false);
    p.briefing.body = p.briefing.body.replace("## BLUF", "## Summary");
    let t = Template::builtin("intsum").unwrap();
    let e = p.build(&t.manifest).unwrap_err().to_string();
    assert_eq!(
        e,
        "briefings/main.md has no '## BLUF' section, which template intsum requires"
    );
}

/// `endnotes()` items are objects, not maps: pin that they still read like one.
#[test]
fn endnotes_read_like_maps() {
    let md = check(
        "{{ cite(['2031-03-02-walkout-1111']) }}\n{% for n in endnotes() %}{{ n.number }}|{{ n.excerpt }}|{{ n['text'] | length > 0 }}|{{ n | list | sort | join(',') }}{% endfor %}\n",
        &[],
    )
    .unwrap();
    assert_eq!(
        md,
        "[^1]\n1|2031-03-02-walkout-1111|True|excerpt,number,text"
    );
}
