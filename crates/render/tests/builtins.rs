//! Every built-in template renders the demo project and the seeds; snapshots pin the output.

mod common;

use dossier_render::{Template, builtin_names, render};

fn render_builtin(name: &str, p: &common::Project) -> dossier_render::Rendered {
    let t = Template::builtin(name).unwrap();
    let ctx = p
        .build(&t.manifest)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    render(&t, &ctx).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_five_builtins_exist() {
    assert_eq!(
        builtin_names(),
        ["chronology", "intsum", "one-pager", "sitrep", "tlp-brief"]
    );
}

#[test]
fn demo_project_renders_with_every_builtin() {
    for name in builtin_names() {
        let p = common::demo(name == "tlp-brief");
        let r = render_builtin(name, &p);
        insta::assert_snapshot!(format!("demo-{name}.md"), r.markdown);
        insta::assert_snapshot!(format!("demo-{name}.html"), r.html());
        let again = render_builtin(name, &p);
        assert_eq!(again, r, "{name}: same inputs, same bytes");
        let warnings: Vec<String> = r
            .warnings
            .iter()
            .map(|w| format!("{}:{:?}", w.kind, w.line))
            .collect();
        insta::assert_snapshot!(format!("demo-{name}.warnings"), warnings.join("\n"));
    }
}

#[test]
fn seeds_render_with_every_builtin() {
    let Some(_) = common::seeds("seeds_render_with_every_builtin") else {
        return;
    };
    for name in builtin_names() {
        let mut p = common::seeds("seeds").unwrap();
        if name == "tlp-brief" {
            p.config.classification = Some("TLP:CLEAR".parse().unwrap());
            for e in &mut p.excerpts {
                e.portion = None;
            }
        }
        let r = render_builtin(name, &p);
        insta::assert_snapshot!(format!("seeds-{name}.md"), r.markdown);
        insta::assert_snapshot!(format!("seeds-{name}.html"), r.html());
    }
}
