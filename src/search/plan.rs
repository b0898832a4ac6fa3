//! A parsed query (`query::Node`) as a tantivy query, and the matchers a snippet marks.
//!
//! A word is looked for in every text field, each match weighted by BM25 times the field's
//! boost (`index::TEXT_FIELDS`). A name-like word (letters only, five or more) that few items
//! hold also matches the words one edit away (two from nine letters: Suleimani ~ Soleimani,
//! Qassem ~ Qasem), at a small constant score, so that an exact match always ranks first. A
//! common word is not a misspelt name: "convoy" in thousands of items finds no "convey".

use std::ops::Bound;

use dossier_model::Edtf;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field as TField, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analyzer;
use super::index::{Fields, TEXT_FIELDS};
use super::query::{Field, Node};

/// The score of a fuzzy match in one field: below any exact match's BM25 score.
const FUZZY_BOOST: f32 = 0.1;

/// What a snippet looks for in a field's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Matcher {
    /// A term; `fuzzy`: how many edits away a word may be and still match.
    Term {
        fields: Option<&'static [&'static str]>,
        term: String,
        fuzzy: u8,
    },
    /// Terms that stand together in this order.
    Phrase {
        fields: Option<&'static [&'static str]>,
        terms: Vec<String>,
    },
}

impl Matcher {
    pub fn applies_to(&self, field: &str) -> bool {
        let fields = match self {
            Matcher::Term { fields, .. } | Matcher::Phrase { fields, .. } => fields,
        };
        fields.is_none_or(|fs| fs.contains(&field))
    }
}

pub struct Plan {
    pub query: Box<dyn Query>,
    pub matchers: Vec<Matcher>,
    pub warnings: Vec<String>,
}

/// How many edits a word may be from a name it matches: none for a word with digits or
/// shorter than five letters, one up to eight letters, two from nine.
pub fn fuzzy_distance(word: &str) -> u8 {
    if !word.chars().all(char::is_alphabetic) {
        return 0;
    }
    match word.chars().count() {
        0..5 => 0,
        5..9 => 1,
        _ => 2,
    }
}

/// Whether a word held by `held` of `docs` items is rare enough to be looked for fuzzily too.
fn rare(held: u64, docs: u64) -> bool {
    held <= (docs / 200).max(10)
}

pub fn plan(node: &Node, fields: &Fields, searcher: &Searcher) -> Plan {
    let mut b = Builder {
        fields,
        searcher,
        matchers: Vec::new(),
        warnings: Vec::new(),
    };
    let query = b
        .node(node, false)
        .unwrap_or_else(|| Box::new(BooleanQuery::new(Vec::new())));
    Plan {
        query,
        matchers: b.matchers,
        warnings: b.warnings,
    }
}

struct Builder<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    matchers: Vec<Matcher>,
    warnings: Vec<String>,
}

type Q = Box<dyn Query>;

fn any(clauses: Vec<Q>) -> Option<Q> {
    match clauses.len() {
        0 => None,
        1 => clauses.into_iter().next(),
        _ => Some(Box::new(BooleanQuery::new(
            clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

fn boost(q: Q, by: f32) -> Q {
    if by == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, by))
    }
}

fn not(q: Q) -> Q {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(AllQuery)),
        (Occur::MustNot, q),
    ]))
}

impl Builder<'_> {
    /// `negated`: inside a NOT, where nothing is marked in snippets.
    fn node(&mut self, node: &Node, negated: bool) -> Option<Q> {
        match node {
            Node::Word(field, w) => self.words(*field, w, false, negated),
            Node::Phrase(field, p) => self.words(*field, p, true, negated),
            Node::Not(n) => self.node(n, !negated).map(not),
            Node::Or(ns) => any(ns.iter().filter_map(|n| self.node(n, negated)).collect()),
            Node::And(ns) => {
                let mut clauses: Vec<(Occur, Q)> = Vec::new();
                for n in ns {
                    match n {
                        Node::Not(inner) => {
                            if let Some(q) = self.node(inner, !negated) {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        n => {
                            if let Some(q) = self.node(n, negated) {
                                clauses.push((Occur::Must, q));
                            }
                        }
                    }
                }
                if clauses.is_empty() {
                    return None;
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Some(Box::new(BooleanQuery::new(clauses)))
            }
        }
    }

    /// A word or a phrase, in the fields `field` names (all text fields when `None`).
    fn words(
        &mut self,
        field: Option<Field>,
        text: &str,
        phrase: bool,
        negated: bool,
    ) -> Option<Q> {
        let (targets, names): (Vec<(TField, f32)>, Option<&'static [&'static str]>) = match field {
            None => (
                TEXT_FIELDS
                    .iter()
                    .zip(self.fields.text)
                    .map(|((_, b), f)| (f, *b))
                    .collect(),
                None,
            ),
            Some(Field::Title) => (vec![(self.fields.text[0], 1.0)], Some(&["title"][..])),
            Some(Field::Tag) => (vec![(self.fields.text[8], 1.0)], Some(&["tags"][..])),
            Some(Field::Outlet) => (
                vec![(self.fields.outlet_filter, 1.0)],
                Some(&["outlet"][..]),
            ),
            Some(Field::Author) => (
                vec![(self.fields.author_filter, 1.0)],
                Some(&["author"][..]),
            ),
            Some(Field::Grade) => (vec![(self.fields.grade, 1.0)], Some(&[][..])),
            Some(Field::Date) => return self.date(text),
            Some(Field::Kind) => return self.kind(text),
        };
        let terms: Vec<String> = analyzer::terms(text).into_iter().map(|t| t.text).collect();
        match terms.len() {
            0 => None,
            1 => {
                let term = &terms[0];
                let mut letters = String::new();
                analyzer::fold(text, &mut letters);
                let mut fuzzy = if phrase || field.is_some() {
                    0
                } else {
                    fuzzy_distance(&letters)
                };
                if fuzzy > 0 {
                    let held: u64 = targets
                        .iter()
                        .map(|&(f, _)| {
                            let t = Term::from_field_text(f, term);
                            self.searcher.doc_freq(&t).unwrap_or(0)
                        })
                        .sum();
                    if !rare(held, self.searcher.num_docs()) {
                        fuzzy = 0;
                    }
                }
                let mut clauses: Vec<Q> = targets
                    .iter()
                    .map(|&(f, b)| {
                        let t = Term::from_field_text(f, term);
                        boost(Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)), b)
                    })
                    .collect();
                if fuzzy > 0 {
                    clauses.extend(targets.iter().map(|&(f, _)| {
                        let t = Term::from_field_text(f, term);
                        boost(Box::new(FuzzyTermQuery::new(t, fuzzy, true)), FUZZY_BOOST)
                    }));
                }
                if !negated {
                    self.matchers.push(Matcher::Term {
                        fields: names,
                        term: term.clone(),
                        fuzzy,
                    });
                }
                any(clauses)
            }
            _ => {
                let clauses = targets
                    .iter()
                    .map(|&(f, b)| {
                        let ts = terms.iter().map(|t| Term::from_field_text(f, t)).collect();
                        boost(Box::new(PhraseQuery::new(ts)), b)
                    })
                    .collect();
                if !negated {
                    self.matchers.push(Matcher::Phrase {
                        fields: names,
                        terms,
                    });
                }
                any(clauses)
            }
        }
    }

    /// `date:2015-06`, `date:2015/2016`, `date:2015-06..2015-08`: the items whose date
    /// overlaps that time.
    fn date(&mut self, text: &str) -> Option<Q> {
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        let parse = |s: &str| s.trim().parse::<Edtf>().ok();
        let (Some(from), Some(to)) = (
            parse(a).and_then(|d| d.earliest()),
            parse(b).and_then(|d| d.latest()),
        ) else {
            self.warnings.push(format!(
                "“date:{text}” is not a date: write it as 2015, 2015-06, 2015-06-03, \
                 2015/2016 or 2015-06..2015-08. Ignored."
            ));
            return None;
        };
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
        let (from, to) = ((from - epoch).num_days(), (to - epoch).num_days());
        let starts_before_end = RangeQuery::new(
            Bound::Unbounded,
            Bound::Included(Term::from_field_i64(self.fields.day_from, to)),
        );
        let ends_after_start = RangeQuery::new(
            Bound::Included(Term::from_field_i64(self.fields.day_to, from)),
            Bound::Unbounded,
        );
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(starts_before_end)),
            (Occur::Must, Box::new(ends_after_start)),
        ])))
    }

    fn kind(&mut self, text: &str) -> Option<Q> {
        let kind = match text.to_lowercase().as_str() {
            "source" | "sources" => "source",
            "excerpt" | "excerpts" => "excerpt",
            _ => {
                self.warnings.push(format!(
                    "“kind:{text}” is neither kind:source nor kind:excerpt: ignored."
                ));
                return None;
            }
        };
        let t = Term::from_field_text(self.fields.kind, kind);
        Some(Box::new(TermQuery::new(t, IndexRecordOption::Basic)))
    }
}
