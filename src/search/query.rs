//! The query language, parsed into a tree. Pure: no index here (`plan` turns the tree into a
//! tantivy query, `snippet` reads it to mark matches).
//!
//! ```text
//! query   = or
//! or      = and ("OR" and)*
//! and     = unary (["AND"] unary)*        every word must match unless OR says otherwise
//! unary   = ("NOT" | "-") unary | ["+"] primary
//! primary = "(" or ")" | FIELD ":" (word | "phrase") | "phrase" | word
//! ```
//!
//! `AND`, `OR` and `NOT` are operators only in capitals ("or" is a word). Nothing is an error:
//! a malformed query is read as well as it can be and each repair is a warning the user sees
//! (an unbalanced quote closes at the end, a dangling operator is ignored, a stray parenthesis
//! is dropped).

use std::fmt;

/// A field a query word can be limited to with `field:value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Outlet,
    Author,
    Tag,
    Grade,
    Date,
    Kind,
}

impl Field {
    fn named(name: &str) -> Option<Field> {
        Some(match name.to_lowercase().as_str() {
            "title" => Field::Title,
            "outlet" => Field::Outlet,
            "author" => Field::Author,
            "tag" | "tags" => Field::Tag,
            "grade" => Field::Grade,
            "date" => Field::Date,
            "kind" => Field::Kind,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// One word as typed (the analyzer may make it several terms: "al-Quds").
    Word(Option<Field>, String),
    /// Words that must stand together in this order.
    Phrase(Option<Field>, String),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

/// A parsed query: its tree (`None` when nothing is left to search) and what was repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub node: Option<Node>,
    pub warnings: Vec<String>,
}

/// Parentheses nest at most this deep; deeper ones are read as plain grouping of nothing
/// (a guard against a stack overflow on a hostile query, not a limit anyone meets).
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    And,
    Or,
    Not,
    Word(Option<Field>, String),
    Phrase(Option<Field>, String),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tok::Open => "(",
            Tok::Close => ")",
            Tok::And => "AND",
            Tok::Or => "OR",
            Tok::Not => "NOT",
            Tok::Word(..) | Tok::Phrase(..) => "a word",
        })
    }
}

fn quote_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '«' | '»')
}

/// The query's tokens, and the warnings of the lexer (an unbalanced quote).
fn lex(query: &str, warnings: &mut Vec<String>) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        let Some(c) = rest.chars().next() else {
            return toks;
        };
        if c == '(' || c == ')' {
            toks.push(if c == '(' { Tok::Open } else { Tok::Close });
            rest = &rest[1..];
            continue;
        }
        if quote_mark(c) {
            let body = &rest[c.len_utf8()..];
            let (phrase, after) = match body.find(quote_mark) {
                Some(end) => {
                    let close = body[end..].chars().next().map_or(1, char::len_utf8);
                    (&body[..end], &body[end + close..])
                }
                None => {
                    warnings.push(format!(
                        "The quote before “{}” is not closed: searched to the end as a phrase.",
                        body.trim()
                    ));
                    (body, "")
                }
            };
            toks.push(Tok::Phrase(None, phrase.to_string()));
            rest = after;
            continue;
        }
        // A prefix: "-word" excludes, "+word" is what a word means anyway.
        if (c == '-' || c == '+') && rest[1..].starts_with(|n: char| !n.is_whitespace()) {
            if c == '-' {
                toks.push(Tok::Not);
            }
            rest = &rest[1..];
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '(' || c == ')' || quote_mark(c))
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        match word {
            "AND" | "&&" => toks.push(Tok::And),
            "OR" | "||" => toks.push(Tok::Or),
            "NOT" => toks.push(Tok::Not),
            _ => toks.push(field_word(word, &mut rest, warnings)),
        }
    }
}

/// `field:value` (or `field:"a phrase"`) when the prefix names a field; anything else, such as
/// a tag written `place:Port`, is a plain word.
fn field_word(word: &str, rest: &mut &str, warnings: &mut Vec<String>) -> Tok {
    let Some((name, value)) = word.split_once(':') else {
        return Tok::Word(None, word.to_string());
    };
    let Some(field) = Field::named(name) else {
        return Tok::Word(None, word.to_string());
    };
    if !value.is_empty() {
        return Tok::Word(Some(field), value.to_string());
    }
    // `field:"phrase"`: the phrase follows at once.
    if let Some(c) = rest.chars().next().filter(|&c| quote_mark(c)) {
        let mut phrase_warnings = Vec::new();
        let mut toks = lex(&rest[..phrase_end(rest, c)], &mut phrase_warnings);
        warnings.extend(phrase_warnings);
        *rest = &rest[phrase_end(rest, c)..];
        if let Some(Tok::Phrase(None, p)) = toks.pop() {
            return Tok::Phrase(Some(field), p);
        }
    }
    warnings.push(format!(
        "“{word}” has no value after the colon: searched as a word."
    ));
    Tok::Word(None, name.to_string())
}

/// Where the phrase that starts `rest` with quote mark `open` ends (after its closing mark).
fn phrase_end(rest: &str, open: char) -> usize {
    let body = open.len_utf8();
    match rest[body..].find(quote_mark) {
        Some(end) => {
            let close = rest[body + end..].chars().next().map_or(1, char::len_utf8);
            body + end + close
        }
        None => rest.len(),
    }
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
    depth: usize,
    warnings: Vec<String>,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn or(&mut self) -> Option<Node> {
        let mut parts = Vec::new();
        match self.and() {
            Some(n) => parts.push(n),
            None if self.peek() == Some(&Tok::Or) => {
                self.warnings
                    .push("“OR” has nothing before it: ignored.".into());
            }
            None => {}
        }
        while self.peek() == Some(&Tok::Or) {
            self.at += 1;
            match self.and() {
                Some(n) => parts.push(n),
                None => self
                    .warnings
                    .push("“OR” has nothing after it: ignored.".into()),
            }
        }
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Node::Or(parts)),
        }
    }

    fn and(&mut self) -> Option<Node> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::Or) => break,
                Some(Tok::Close) if self.depth > 0 => break,
                Some(Tok::Close) => {
                    self.warnings.push("A “)” closes no “(”: ignored.".into());
                    self.at += 1;
                }
                Some(Tok::And) => {
                    self.at += 1;
                    if parts.is_empty() || matches!(self.peek(), None | Some(Tok::Or | Tok::Close))
                    {
                        self.warnings
                            .push("“AND” needs a word on each side: ignored.".into());
                    }
                }
                Some(_) => {
                    if let Some(n) = self.unary() {
                        parts.push(n);
                    }
                }
            }
        }
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> Option<Node> {
        match self.peek()? {
            Tok::Not => {
                self.at += 1;
                match self.peek() {
                    None | Some(Tok::Or | Tok::And | Tok::Close) => {
                        self.warnings
                            .push("“NOT” or “-” has nothing after it: ignored.".into());
                        None
                    }
                    Some(_) => self.unary().map(|n| Node::Not(Box::new(n))),
                }
            }
            Tok::Open => {
                self.at += 1;
                if self.depth >= MAX_DEPTH {
                    self.warnings
                        .push("Parentheses nested too deep: the innermost ignored.".into());
                    let mut level = 1;
                    while let Some(t) = self.toks.get(self.at).cloned() {
                        self.at += 1;
                        match t {
                            Tok::Open => level += 1,
                            Tok::Close if level == 1 => break,
                            Tok::Close => level -= 1,
                            _ => {}
                        }
                    }
                    return None;
                }
                self.depth += 1;
                let inner = self.or();
                self.depth -= 1;
                if self.peek() == Some(&Tok::Close) {
                    self.at += 1;
                } else {
                    self.warnings
                        .push("A “(” is not closed: closed at the end.".into());
                }
                inner
            }
            Tok::Word(field, w) => {
                let node = Node::Word(*field, w.clone());
                self.at += 1;
                Some(node)
            }
            Tok::Phrase(field, p) => {
                let node = Node::Phrase(*field, p.clone());
                self.at += 1;
                Some(node)
            }
            t @ (Tok::And | Tok::Or | Tok::Close) => {
                let t = t.to_string();
                self.warnings
                    .push(format!("“{t}” is out of place: ignored."));
                self.at += 1;
                None
            }
        }
    }
}

pub fn parse(query: &str) -> Query {
    let mut warnings = Vec::new();
    let toks = lex(query, &mut warnings);
    let mut p = Parser {
        toks,
        at: 0,
        depth: 0,
        warnings,
    };
    let mut parts = Vec::new();
    while p.at < p.toks.len() {
        if let Some(n) = p.or() {
            parts.push(n);
        }
    }
    let node = match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Node::And(parts)),
    };
    if node.is_none() && !query.trim().is_empty() && p.warnings.is_empty() {
        p.warnings.push("Nothing to search for.".into());
    }
    Query {
        node,
        warnings: p.warnings,
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
