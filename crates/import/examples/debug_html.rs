//! Shows which nodes content scoring picked for a page: `debug_html FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_html FILE");
    let html = std::fs::read_to_string(path).expect("read");
    let doc = dossier_import::html::tree::parse(&html);
    let ids = dossier_import::html::content::main_content(
        &doc,
        dossier_import::html::content::Mode::Strict,
    );
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
