fn main() {
    let p = std::env::args().nth(1).unwrap();
    let s = std::fs::read_to_string(p).unwrap();
    let t = std::time::Instant::now();
    let doc = dossier_import::html::tree::parse(&s);
    eprintln!("parsed {} nodes {:?}", doc.nodes.len(), t.elapsed());
    let m = dossier_import::html::meta::read(&doc.head, None);
    eprintln!("meta {:?}", t.elapsed());
    let ids = dossier_import::html::content::main_content(&doc);
    eprintln!("content {:?}", t.elapsed());
    let md = dossier_import::html::content::render(
        &doc,
        &ids,
        m.title.as_ref().map(|t| t.value.as_str()),
    );
    eprintln!("render {:?}", t.elapsed());
    println!("{md}");
}
