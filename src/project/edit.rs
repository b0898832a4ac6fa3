//! Edits: sources, excerpts (added, edited, reordered, removed) and briefings. Each takes the
//! lock and writes through the primitives of `write`.

use dossier_model::{
    Briefing, Credibility, Edtf, Excerpt, Found, Id, Locator, Marking, Period, Reliability, Source,
    Tag,
};
use sha2::{Digest, Sha256};

use super::import::extension_for;
use super::{Project, hex};
use crate::store;
use crate::{Error, Result, quote};

/// Changes to a source; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct SourceEdit {
    pub title: Option<Option<String>>,
    pub outlet: Option<Option<String>>,
    pub author: Option<Option<String>>,
    pub url: Option<Option<String>>,
    pub published: Option<Option<Edtf>>,
    pub dateline: Option<Option<String>>,
    pub language: Option<Option<String>>,
    pub reliability: Option<Reliability>,
    pub reprint_of: Option<Option<Id>>,
    pub add_tags: Vec<Tag>,
    pub remove_tags: Vec<Tag>,
    pub notes: Option<String>,
    /// Where the values set above came from when not from the analyst (the default).
    pub found_by: FoundBy,
}

/// The provenance and confidence of values a [`SourceEdit`] sets, when they are not the
/// analyst's: undoing an edit puts back each value as the rule that found it said it.
#[derive(Debug, Clone, Default)]
pub struct FoundBy {
    pub title: Option<Found<()>>,
    pub outlet: Option<Found<()>>,
    pub author: Option<Found<()>>,
    pub url: Option<Found<()>>,
    pub published: Option<Found<()>>,
    pub dateline: Option<Found<()>>,
    pub language: Option<Found<()>>,
}

/// A new excerpt as the analyst describes it.
#[derive(Debug, Clone)]
pub struct ExcerptDraft {
    pub source: Id,
    pub quote: String,
    /// 1-based occurrence of the quote in the source text.
    pub occurrence: usize,
    pub date: Option<Edtf>,
    pub reported: Option<Edtf>,
    pub summary: String,
    pub tags: Vec<Tag>,
    pub credibility: Credibility,
    pub portion: Option<Marking>,
    pub note: String,
    pub translation: Option<String>,
    pub sequence: u32,
}

impl ExcerptDraft {
    pub fn new(source: Id, quote: impl Into<String>) -> ExcerptDraft {
        ExcerptDraft {
            source,
            quote: quote.into(),
            occurrence: 1,
            date: None,
            reported: None,
            summary: String::new(),
            tags: Vec::new(),
            credibility: Credibility::default(),
            portion: None,
            note: String::new(),
            translation: None,
            sequence: 0,
        }
    }
}

/// Changes to an excerpt; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ExcerptEdit {
    /// A new quote, located again in the source (with its occurrence).
    pub quote: Option<(String, usize)>,
    pub date: Option<Option<Edtf>>,
    pub reported: Option<Option<Edtf>>,
    pub summary: Option<String>,
    pub credibility: Option<Credibility>,
    pub add_tags: Vec<Tag>,
    pub remove_tags: Vec<Tag>,
    pub portion: Option<Option<Marking>>,
    pub note: Option<String>,
    pub translation: Option<Option<String>>,
    pub sequence: Option<u32>,
}

impl Project {
    // ----- sources -----

    pub fn edit_source(&mut self, id: &Id, edit: SourceEdit) -> Result<&Source> {
        let mut s = self.source(id)?.clone();
        if let Some(Some(target)) = &edit.reprint_of {
            if target == id {
                return Err(Error::Invalid(format!(
                    "source '{id}' cannot be a reprint of itself"
                )));
            }
            self.source(target)?;
        }
        let refind = edit.outlet.is_some() || edit.reprint_of.is_some();
        let by = edit.found_by;
        set_found(&mut s.title, edit.title, by.title);
        set_found(&mut s.outlet, edit.outlet, by.outlet);
        set_found(&mut s.author, edit.author, by.author);
        set_found(&mut s.url, edit.url, by.url);
        set_found(&mut s.published, edit.published, by.published);
        set_found(&mut s.dateline, edit.dateline, by.dateline);
        set_found(&mut s.language, edit.language, by.language);
        if let Some(r) = edit.reliability {
            s.reliability = r;
        }
        if let Some(r) = edit.reprint_of {
            s.reprint_of = r;
        }
        edit_tags(&mut s.tags, edit.add_tags, &edit.remove_tags);
        if let Some(n) = edit.notes {
            s.notes = n;
        }
        {
            let _lock = self.lock()?;
            self.write(&self.layout.source(id), store::encode_source(&s).as_bytes())?;
        }
        self.sources.insert(id.clone(), s);
        // Who reported its excerpts' claims may follow from the outlet.
        if refind {
            self.reattribute(Some(id))?;
        }
        Ok(&self.sources[id])
    }

    /// Removes a source; refused while excerpts cite it unless `with_excerpts`, which removes
    /// them too. Returns the ids of the removed excerpts.
    pub fn remove_source(&mut self, id: &Id, with_excerpts: bool) -> Result<Vec<Id>> {
        let source = self.source(id)?.clone();
        let citing: Vec<Id> = self.excerpts_of(id).map(|e| e.id.clone()).collect();
        if !citing.is_empty() && !with_excerpts {
            return Err(Error::SourceInUse {
                id: id.clone(),
                count: citing.len(),
                first: citing[0].clone(),
            });
        }
        let _lock = self.lock()?;
        for e in &citing {
            self.delete(&self.layout.excerpt(e))?;
            self.excerpts.remove(e);
        }
        self.delete(&self.layout.source(id))?;
        self.sources.remove(id);
        let original = self.layout.original(
            &source.original.sha256,
            extension_for(&source.original.media_type),
        );
        let _ = self.world.fs.remove(&original);
        for other in self
            .sources
            .values_mut()
            .filter(|s| s.reprint_of.as_ref() == Some(id))
        {
            other.reprint_of = None;
        }
        Ok(citing)
    }

    // ----- excerpts -----

    pub fn add_excerpt(&mut self, d: ExcerptDraft) -> Result<&Excerpt> {
        let source = self.source(&d.source)?;
        let (start, end) = locate(source, &d.quote, d.occurrence)?;
        let quote = source.text[start..end].to_string();
        let page = source.page_at(start);
        let words = if d.summary.is_empty() {
            quote.clone()
        } else {
            d.summary.clone()
        };
        let seed = hex(&Sha256::digest(
            format!("{}\n{start}\n{quote}", d.source).as_bytes(),
        ));
        // Without a date from the analyst, the one date of the quote's sentence, if one.
        let date = match d.date {
            Some(date) => Some(Found::by_analyst(date)),
            None => crate::dating::sentence_date(source, start, end),
        };
        let prefix = date
            .as_ref()
            .map(|f| id_prefix(&f.value))
            .unwrap_or_default();
        let attribution = Self::found_attribution(source, &self.outlets()?, start, end);
        let mut excerpt = Excerpt {
            id: Id::compose("", "x", 1, "x"),
            source: d.source,
            quote,
            locator: Locator { start, end, page },
            date,
            reported: d.reported,
            summary: d.summary,
            credibility: d.credibility,
            tags: dedup_tags(d.tags),
            portion: d.portion,
            note: d.note,
            translation: d.translation,
            attribution,
            sequence: d.sequence,
            event: None,
        };
        let _lock = self.lock()?;
        let id = self.claim_id(
            &prefix,
            &words,
            &seed,
            |id| {
                excerpt.id = id.clone();
                store::encode_excerpt(&excerpt)
            },
            |l, id| l.excerpt(id),
        )?;
        self.excerpts.insert(id.clone(), excerpt);
        Ok(&self.excerpts[&id])
    }

    pub fn edit_excerpt(&mut self, id: &Id, edit: ExcerptEdit) -> Result<&Excerpt> {
        let mut x = self.excerpt(id)?.clone();
        if let Some((quote, occurrence)) = edit.quote {
            let source = self.source(&x.source)?;
            let (start, end) = locate(source, &quote, occurrence)?;
            x.quote = source.text[start..end].to_string();
            x.locator = Locator {
                start,
                end,
                page: source.page_at(start),
            };
            let found = Self::found_attribution(source, &self.outlets()?, start, end);
            x.attribution = x.attribution.merged_with(found);
        }
        if let Some(d) = edit.date {
            x.date = d.map(Found::by_analyst);
        }
        if let Some(r) = edit.reported {
            x.reported = r;
        }
        if let Some(s) = edit.summary {
            x.summary = s;
        }
        if let Some(c) = edit.credibility {
            x.credibility = c;
        }
        edit_tags(&mut x.tags, edit.add_tags, &edit.remove_tags);
        if let Some(p) = edit.portion {
            x.portion = p;
        }
        if let Some(n) = edit.note {
            x.note = n;
        }
        if let Some(t) = edit.translation {
            x.translation = t;
        }
        if let Some(s) = edit.sequence {
            x.sequence = s;
        }
        let _lock = self.lock()?;
        self.write(
            &self.layout.excerpt(id),
            store::encode_excerpt(&x).as_bytes(),
        )?;
        self.excerpts.insert(id.clone(), x);
        Ok(&self.excerpts[id])
    }

    pub fn remove_excerpt(&mut self, id: &Id) -> Result<()> {
        self.excerpt(id)?;
        let _lock = self.lock()?;
        self.delete(&self.layout.excerpt(id))?;
        self.excerpts.remove(id);
        Ok(())
    }

    /// Sets the `sequence` of each excerpt in `order` to its place there (1, 2, 3 …): the
    /// analyst's order of excerpts that share a date. Only the files that change are written.
    pub fn set_sequences(&mut self, order: &[Id]) -> Result<()> {
        for id in order {
            self.excerpt(id)?;
        }
        let _lock = self.lock()?;
        for (i, id) in order.iter().enumerate() {
            let sequence = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if self.excerpts[id].sequence == sequence {
                continue;
            }
            let mut x = self.excerpts[id].clone();
            x.sequence = sequence;
            self.write(
                &self.layout.excerpt(id),
                store::encode_excerpt(&x).as_bytes(),
            )?;
            self.excerpts.insert(id.clone(), x);
        }
        Ok(())
    }

    // ----- briefings -----

    /// Saves a briefing (new or changed). Names are file stems: letters, digits, `-` and `_`.
    pub fn save_briefing(&mut self, b: Briefing) -> Result<()> {
        let ok = !b.name.is_empty()
            && b.name.len() <= 80
            && b.name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
        if !ok {
            return Err(Error::Invalid(format!(
                "'{}' is not a briefing name: use letters, digits, '-' and '_' (at most 80)",
                b.name
            )));
        }
        let _lock = self.lock()?;
        self.write(
            &self.layout.briefing(&b.name),
            store::encode_briefing(&b).as_bytes(),
        )?;
        self.briefings.insert(b.name.clone(), b);
        Ok(())
    }
}

/// Locates the `occurrence`-th (1-based) match of `quote` in the source text.
fn locate(source: &Source, quote: &str, occurrence: usize) -> Result<(usize, usize)> {
    if quote.trim().is_empty() {
        return Err(Error::EmptyQuote);
    }
    let found = quote::find_all(&source.text, quote);
    if found.is_empty() {
        return Err(Error::QuoteNotFound {
            source_id: source.id.clone(),
            quote: quote.trim().to_string(),
            nearest: quote::nearest(&source.text, quote).map(|r| passage(&source.text[r])),
        });
    }
    let r = found
        .get(occurrence.saturating_sub(1))
        .filter(|_| occurrence >= 1)
        .ok_or(Error::NoSuchOccurrence {
            source_id: source.id.clone(),
            wanted: occurrence,
            found: found.len(),
        })?;
    Ok((r.start, r.end))
}

/// A passage as an error message quotes it: one line, at most about 300 bytes.
fn passage(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.len() <= 300 {
        return one_line;
    }
    let cut = (0..=300)
        .rev()
        .find(|&i| one_line.is_char_boundary(i))
        .unwrap_or(0);
    format!("{} …", &one_line[..cut])
}

/// The id prefix of a date: `2015` or `2015-06` (ids stay readable; days would be noise).
pub(super) fn id_prefix(d: &Edtf) -> String {
    let period = match d {
        Edtf::Single(d) => Some(d.period()),
        Edtf::Interval(a, b) => a.date().or(b.date()).map(|d| d.period()),
    };
    match period {
        Some(Period::Year(y)) => format!("{y:04}"),
        Some(Period::Month { year, month }) => format!("{year:04}-{month:02}"),
        Some(Period::Day(day)) => day.format("%Y-%m").to_string(),
        None => String::new(),
    }
}

/// Sets `field` to the edit's value, the analyst's unless `by` says who found it.
fn set_found<T>(field: &mut Option<Found<T>>, edit: Option<Option<T>>, by: Option<Found<()>>) {
    if let Some(v) = edit {
        *field = v.map(|value| match by {
            Some(by) => Found {
                value,
                provenance: by.provenance,
                confidence: by.confidence,
                evidence: by.evidence,
            },
            None => Found::by_analyst(value),
        });
    }
}

fn edit_tags(tags: &mut Vec<Tag>, add: Vec<Tag>, remove: &[Tag]) {
    tags.retain(|t| !remove.iter().any(|r| t.matches(r)));
    tags.extend(add);
    *tags = dedup_tags(std::mem::take(tags));
}

fn dedup_tags(mut tags: Vec<Tag>) -> Vec<Tag> {
    tags.sort();
    tags.dedup();
    tags
}
