//! Shows which nodes content scoring picked for a page: `debug_html FILE`; the date evidence
//! the tokenizer gathered: `debug_html FILE --dates`; the elements around a text:
//! `debug_html FILE "some words"` (which ancestor made it chrome?).

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_html FILE");
    let html = String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned();
    let doc = dossier_import::html::tree::parse(&html);
    let ids = dossier_import::html::content::main_content(
        &doc,
        dossier_import::html::content::Mode::Strict,
    );
    if std::env::args().nth(2).as_deref() == Some("--dates") {
        println!(
            "times {:?}\nmetas {:?}",
            doc.head.times,
            doc.head
                .metas
                .iter()
                .filter(|(k, _)| k.contains("date") || k.contains("time"))
                .collect::<Vec<_>>()
        );
        for t in &doc.head.text_dates {
            println!("  {t:?}");
        }
        return;
    }
    if let Some(n) = std::env::args().nth(2) {
        chain_of(&doc, &n);
        return;
    }
    render_each(&doc, &ids);
    for id in ids {
        let n = doc.node(id);
        let mut chain = Vec::new();
        let mut a = id;
        while a != dossier_import::html::tree::NONE {
            let x = doc.node(a);
            chain.push(format!("{:?}.{}", x.tag, x.text.trim()));
            a = x.parent;
        }
        println!(
            "{id} {:?} class={:?}\n   {}",
            n.tag,
            n.text,
            chain.join(" < ")
        );
    }
}

#[allow(dead_code)]
fn render_each(doc: &dossier_import::html::tree::Document, ids: &[u32]) {
    for &id in ids {
        println!(
            "--- {id}: {:?}",
            dossier_import::html::content::render(
                doc,
                &[id],
                None,
                dossier_import::html::content::Mode::Strict
            )
        );
    }
}

fn chain_of(doc: &dossier_import::html::tree::Document, needle: &str) {
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.tag == dossier_import::html::tree::Tag::Text && n.text.contains(needle) {
            let mut a = i as u32;
            while a != dossier_import::html::tree::NONE {
                let x = doc.node(a);
                println!("  {a} {:?} {:?} {:?}", x.tag, x.text.trim(), x.hints);
                a = x.parent;
            }
            return;
        }
    }
}
