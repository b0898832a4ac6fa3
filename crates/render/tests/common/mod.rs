//! A small demo project written for these tests, and a project built from `../shared/seeds`.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use dossier_chronology::{Chronology, Filter, assemble};
use dossier_model::{
    Attribution, Briefing, BriefingMeta, Credibility, Excerpt, Found, Locator, Marking, Original,
    ProjectConfig, Relation, Reliability, Source,
};

pub struct Project {
    pub config: ProjectConfig,
    pub briefing: Briefing,
    pub sources: Vec<Source>,
    pub excerpts: Vec<Excerpt>,
    pub chronology: Chronology,
}

impl Project {
    /// The context this project gives a template with `manifest`.
    pub fn build(
        &self,
        manifest: &dossier_render::Manifest,
    ) -> Result<dossier_render::Context, dossier_render::TemplateError> {
        let sources: Vec<&Source> = self.sources.iter().collect();
        let excerpts: Vec<&Excerpt> = self.excerpts.iter().collect();
        let inputs = dossier_render::Inputs {
            config: &self.config,
            briefing: &self.briefing,
            sources: &sources,
            excerpts: &excerpts,
            chronology: &self.chronology,
            generated_at: now(),
            body_line: 0,
        };
        dossier_render::Context::build(inputs, manifest)
    }
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 9, 30, 0).unwrap()
}

pub fn source(
    id: &str,
    title: &str,
    outlet: &str,
    published: &str,
    reliability: Reliability,
    text: &str,
) -> Source {
    Source {
        id: id.parse().unwrap(),
        title: Some(Found::by_analyst(title.into())),
        outlet: Some(Found::by_analyst(outlet.into())),
        author: None,
        url: None,
        published: Some(Found::by_analyst(published.parse().unwrap())),
        dateline: None,
        language: None,
        captured_at: now(),
        original: Original {
            file_name: format!("{id}.txt"),
            media_type: "text/plain".into(),
            sha256: "0".repeat(64),
            size: text.len() as u64,
        },
        reliability,
        reprint_of: None,
        attribution: Vec::new(),
        tags: Vec::new(),
        notes: String::new(),
        removed: Vec::new(),
        pages: Vec::new(),
        warnings: Vec::new(),
        text: text.into(),
    }
}

/// An excerpt of `quote`, which must stand in the source's text.
pub fn excerpt(
    id: &str,
    src: &Source,
    quote: &str,
    date: &str,
    summary: &str,
    credibility: u8,
    portion: Option<&str>,
) -> Excerpt {
    let start = src
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in {}", src.id));
    Excerpt {
        id: id.parse().unwrap(),
        source: src.id.clone(),
        quote: quote.into(),
        locator: Locator {
            start,
            end: start + quote.len(),
            page: None,
        },
        date: Some(Found::by_analyst(date.parse().unwrap())),
        reported: None,
        summary: summary.into(),
        credibility: Credibility::from_number(credibility).unwrap(),
        tags: Vec::new(),
        portion: portion.map(|p| p.parse::<Marking>().unwrap()),
        note: String::new(),
        translation: None,
        attribution: Default::default(),
        sequence: 0,
        event: None,
    }
}

pub fn attribute(s: &mut Source, reporter: &str, relation: Relation, evidence: &str) {
    s.attribution.push(Attribution {
        reporter: reporter.into(),
        relation,
        evidence: evidence.into(),
    });
}

fn finish(
    config: ProjectConfig,
    title: &str,
    body: &str,
    sources: Vec<Source>,
    mut excerpts: Vec<Excerpt>,
) -> Project {
    // Each excerpt's attribution as the project finds it when the excerpt is added.
    let outlets = dossier_model::Outlets::builtin();
    for x in &mut excerpts {
        let s = sources.iter().find(|s| s.id == x.source).expect("source");
        let cx = dossier_import::claim::Context {
            text: &s.text,
            outlet: s.outlet_name(),
            chain: &s.attribution,
            outlets: &outlets,
        };
        x.attribution = dossier_import::claim::attribute(&cx, x.locator.start, x.locator.end);
    }
    let chronology = assemble(&sources, &excerpts, &Filter::default());
    Project {
        config,
        briefing: Briefing {
            name: "main".into(),
            meta: BriefingMeta {
                title: title.into(),
                author: "J. Analyst".into(),
                ..BriefingMeta::default()
            },
            body: body.into(),
        },
        sources,
        excerpts,
        chronology,
    }
}

/// The demo: a fictional harbour dispute, in prose written for these tests. `tlp` marks its
/// portions with TLP labels instead of classifications.
pub fn demo(tlp: bool) -> Project {
    let mark = |c: &'static str, t: &'static str| Some(if tlp { t } else { c });
    let mut config = ProjectConfig::new("Port Verrin dispute");
    config.author = "Harbour desk".into();
    config.classification = Some(if tlp { "TLP:GREEN" } else { "U" }.parse().unwrap());

    let gazette = source(
        "2031-03-verrin-gazette-a1b2",
        "Dock workers walk out at Port Verrin",
        "Verrin Gazette",
        "2031-03-04",
        Reliability::B,
        "Dock workers at Port Verrin walked out on Monday, halting 40 cranes. The union said the strike would last \"until the contracts are signed\". Advertisement. Harbour master Ilse Moreau said ships were already queuing at the outer mole.",
    );
    let mut wire = source(
        "2031-03-coast-wire-c3d4",
        "Strike spreads to second terminal",
        "Coastal Times",
        "2031-03-06",
        Reliability::C,
        "The strike spread to the eastern terminal on Wednesday, Nordwire reported. About 1,200 workers are now out, the agency said, while the operator puts the figure at 800.",
    );
    attribute(&mut wire, "Nordwire", Relation::Quoted, "Nordwire reported");
    let mut reprint = source(
        "2031-03-harbour-digest-e5f6",
        "Strike spreads to second terminal",
        "Harbour Digest",
        "2031-03-07",
        Reliability::D,
        "Reprinted from the Coastal Times. The strike spread to the eastern terminal on Wednesday. About 1,200 workers are now out.",
    );
    reprint.reprint_of = Some(wire.id.clone());
    let ministry = source(
        "2031-03-ministry-notice-0a9b",
        "Ministry notice on port operations",
        "Ministry of Transport",
        "2031-03-10",
        Reliability::A,
        "The Ministry will appoint a mediator by 12 March. Contingency berths at Lesk will open to container traffic.",
    );

    let excerpts = vec![
        excerpt(
            "2031-03-02-walkout-1111",
            &gazette,
            "Dock workers at Port Verrin walked out on Monday, halting 40 cranes.",
            "2031-03-02",
            "Dock workers walk out; 40 cranes idle",
            2,
            mark("U", "TLP:CLEAR"),
        ),
        excerpt(
            "2031-03-04-queue-2222",
            &gazette,
            "ships were already queuing at the outer mole",
            "2031-03",
            "Ships queue at the outer mole",
            3,
            None,
        ),
        excerpt(
            "2031-03-04-spread-3333",
            &wire,
            "About 1,200 workers are now out, the agency said, while the operator puts the figure at 800.",
            "2031-03-04",
            "Strike spreads to the eastern terminal; 1,200 or 800 out",
            3,
            mark("CUI", "TLP:AMBER"),
        ),
        excerpt(
            "2031-03-04-reprint-4444",
            &reprint,
            "About 1,200 workers are now out.",
            "2031-03-04",
            "Reprint of the strike's spread",
            4,
            None,
        ),
        excerpt(
            "2031-03-12-mediator-5555",
            &ministry,
            "The Ministry will appoint a mediator by 12 March.",
            "2031-03-12",
            "Ministry to appoint a mediator",
            1,
            mark("U", "TLP:CLEAR"),
        ),
    ];
    let body = "## BLUF\n\nThe Port Verrin strike has spread to both terminals and will likely last into mid-March [@2031-03-02-walkout-1111; @2031-03-04-spread-3333].\n\n## Key judgments\n\n- The strike is likely to continue until a mediator is appointed [@2031-03-12-mediator-5555].\n- Shipping delays will probably grow as queues lengthen [@2031-03-04-queue-2222].\n- Union discipline is strong.\n\n## Discussion\n\n(U) Turnout figures disagree: the union's wire count is half again the operator's [@2031-03-04-spread-3333].\n\nThe reprint in the Harbour Digest adds nothing of its own [@2031-03-04-reprint-4444].\n\n## Outlook\n\nWe judge with moderate confidence that the strike will likely end once talks open.\n";
    let body = body.replace(
        "(U) Turnout",
        if tlp {
            "(TLP:AMBER) Turnout"
        } else {
            "(U) Turnout"
        },
    );
    finish(
        config,
        "Port Verrin strike will outlast the week",
        &body,
        vec![gazette, wire, reprint, ministry],
        excerpts,
    )
}

/// A project over the five seed articles, with the analyst's publication dates. `None` where
/// `../shared` is absent (the test then prints SKIPPED).
pub fn seeds(test: &str) -> Option<Project> {
    let files = dossier_testkit::seeds(test)?;
    let text = |prefix: &str| -> String {
        let (_, bytes) = files
            .iter()
            .find(|(p, _)| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .expect("seed present");
        String::from_utf8(bytes.clone()).expect("UTF-8 seed")
    };
    let published = |prefix: &str| {
        dossier_testkit::SEED_PUBLISHED
            .iter()
            .find(|(p, _)| *p == prefix)
            .unwrap()
            .1
    };
    let mut s0 = source(
        "2015-06-american-interest-0000",
        "Iran Vows to Back Assad \u{201c}Until the End\u{201d}",
        "The American Interest",
        published("000"),
        Reliability::C,
        &text("000"),
    );
    attribute(&mut s0, "Reuters", Relation::Quoted, "Reuters reports:");
    let mut s1 = source(
        "2015-06-ara-news-0001",
        "Iran will save Assad",
        "ARA News",
        published("001"),
        Reliability::D,
        &text("001"),
    );
    attribute(&mut s1, "As-Safir", Relation::Quoted, "As-Safir reported");
    let mut s2 = source(
        "2024-12-pj-media-0002",
        "Iran Withdrawing From Syria Signals That Assad's Days in Power May Be Numbered",
        "PJ Media",
        published("002"),
        Reliability::D,
        &text("002"),
    );
    attribute(
        &mut s2,
        "The New York Times",
        Relation::Told,
        "told the New York Times",
    );
    let mut s3 = source(
        "2024-12-george-0003",
        "As Assad\u{2019}s Regime in Syria Needs Help, Iran Exits",
        "george magazine",
        published("003"),
        Reliability::E,
        &text("003"),
    );
    attribute(
        &mut s3,
        "The New York Times",
        Relation::Reprint,
        "at george magazine",
    );
    let mut s4 = source(
        "2015-06-araz-news-0004",
        "Iran promises to back Assad \u{2018}until the end of the road\u{2019}",
        "Araz News",
        published("004"),
        Reliability::E,
        &text("004"),
    );
    attribute(
        &mut s4,
        "The Telegraph",
        Relation::Reprint,
        "Araz News via Telegraph",
    );

    let excerpts = vec![
        excerpt(
            "2015-06-02-rouhani-pledge-aaaa",
            &s0,
            "\u{201c}The Iranian nation and government will remain at the side of the Syrian nation and government until the end of the road,\u{201d}",
            "2015-06-02",
            "Rouhani pledges to back Assad \"until the end of the road\"",
            2,
            Some("U"),
        ),
        excerpt(
            "2015-06-02-rouhani-pledge-bbbb",
            &s4,
            "Iranian state news agency IRNA quoted President Hassan Rouhani as saying on Tuesday",
            "2015-06-02",
            "Rouhani's pledge, as the Telegraph reported it",
            2,
            None,
        ),
        excerpt(
            "2015-06-03-idlib-massing-cccc",
            &s0,
            "as many as 20,000 troops are massing for an assault on Idlib province",
            "2015-06-03",
            "Up to 20,000 troops, 15,000 of them Iranian, mass near Idlib",
            3,
            None,
        ),
        excerpt(
            "2015-06-damascus-7000-dddd",
            &s1,
            "the regime officially acknowledged the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
            "2015-06",
            "Regime acknowledges 7,000 Iranian and Iraqi fighters around Damascus; goal 10,000",
            3,
            None,
        ),
        excerpt(
            "2024-12-06-evacuation-eeee",
            &s3,
            "On Friday, the country started evacuating its military commanders and personnel, as well as some diplomatic staff",
            "2024-12-06",
            "Iran starts evacuating commanders, personnel and diplomats from Syria",
            2,
            None,
        ),
        excerpt(
            "2024-12-06-evacuation-ffff",
            &s2,
            "Iran is starting to evacuate its forces and military personnel",
            "2024-12-06",
            "Iranian adviser confirms the evacuation to the New York Times",
            2,
            None,
        ),
    ];
    let mut config = ProjectConfig::new("Iran and the Assad government");
    config.classification = Some("U".parse().unwrap());
    let body = "## BLUF\n\nIran pledged in June 2015 to back Assad to the end and surged fighters toward Idlib [@2015-06-02-rouhani-pledge-aaaa; @2015-06-03-idlib-massing-cccc]; in December 2024 it began evacuating its forces from Syria [@2024-12-06-evacuation-eeee].\n\n## Key judgments\n\n- Iran's 2015 commitment was backed by a real mobilisation, though its size is disputed [@2015-06-03-idlib-massing-cccc; @2015-06-damascus-7000-dddd].\n- The December 2024 withdrawal marks the end of Iran's military role in Syria [@2024-12-06-evacuation-eeee; @2024-12-06-evacuation-ffff].\n\n## Discussion\n\nThe troop figures come from different outlets relaying different sources and cannot be reconciled [@2015-06-damascus-7000-dddd].\n\n## Outlook\n\nA return of Iranian forces is unlikely while the rebels hold Damascus.\n";
    Some(finish(
        config,
        "Iran and the Assad government, 2015\u{2013}2024",
        body,
        vec![s0, s1, s2, s3, s4],
        excerpts,
    ))
}
