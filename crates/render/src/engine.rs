//! The sandboxed minijinja environment a template runs in.
//!
//! Strict undefined variables; fuel for loops; a recursion limit for macros and includes;
//! growth operators and filters bounded (`guard`); output bounded; templates see only the files
//! of their own folder, and no environment, clock or file system.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Enumerator, Object, Rest, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};

use crate::cite::Ledger;
use crate::guard::{self, MAX_ITEMS, MAX_VALUE_BYTES};
use crate::lint::Warning;
use crate::template::{CitationStyle, MAIN, Manifest, Template};
use crate::{Context, Rendered, TemplateError};

/// The most Markdown a template may write, including captured output.
pub const MAX_OUTPUT_BYTES: usize = 32 << 20;
/// Literal template text a rendering may copy, in total: fuel × the longest literal run.
const RAW_BUDGET: u64 = 256 << 20;
const RECURSION_LIMIT: usize = 100;

fn syntax() -> SyntaxConfig {
    SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("static syntax")
}

/// Renders `template` with `ctx` to Markdown.
pub fn render(template: &Template, ctx: &Context) -> Result<Rendered, TemplateError> {
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut longest_raw = 1;
    for (name, text) in &template.files {
        if !name.ends_with(".j2") {
            continue;
        }
        let r = guard::rewrite(text, name, syntax()).map_err(|e| to_error(&e, template))?;
        longest_raw = longest_raw.max(r.longest_raw);
        sources.insert(name.clone(), r.source);
    }

    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let emitted = Arc::new(AtomicUsize::new(0));
    let env = environment(template, ctx, sources, longest_raw, &ledger, &emitted);
    let tmpl = env.get_template(MAIN).map_err(|e| to_error(&e, template))?;
    let mut out = Capped {
        buf: Vec::with_capacity(64 << 10),
        over: false,
    };
    let value = Value::from(minijinja::value::Serde(ctx));
    let result = tmpl.render_captured_to(value, &mut out);
    if out.over {
        return Err(TemplateError::OutputTooLarge(MAX_OUTPUT_BYTES >> 20));
    }
    result.map_err(|e| to_error(&e, template))?;
    let markdown = String::from_utf8(out.buf).expect("the engine writes UTF-8");
    // `[^4][^5]` would read as note 45 in any viewer.
    let markdown = match dossier_markdown::separate_note_runs(&markdown) {
        std::borrow::Cow::Borrowed(_) => markdown,
        std::borrow::Cow::Owned(separated) => separated,
    };
    let markdown = front_matter(&markdown, &template.manifest, ctx)?;
    let mut warnings: Vec<Warning> = ctx.warnings.clone();
    warnings.extend(std::mem::take(
        &mut ledger.lock().expect("not poisoned").warnings,
    ));
    Ok(Rendered {
        markdown,
        warnings,
        title: ctx.briefing.title.clone(),
        banner: ctx.marking.banner.clone(),
        style: template.manifest.page.clone(),
    })
}

/// What the manifest declares around the template's output: a cover page, and the
/// classification authority block (on the cover, else under the first `#` title).
fn front_matter(
    markdown: &str,
    manifest: &Manifest,
    ctx: &Context,
) -> Result<String, TemplateError> {
    let a = &ctx.briefing.authority;
    let block = if manifest.authority {
        let lines: Vec<String> = [
            ("Classified by", &a.classified_by),
            ("Derived from", &a.derived_from),
            ("Declassify on", &a.declassify_on),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| Ok(format!("> **{k}:** {}", md(v)?)))
        .collect::<Result<_, Error>>()
        .map_err(|_| TemplateError::OutputTooLarge(MAX_OUTPUT_BYTES >> 20))?;
        // Lines of one quote, each on its own line (a backslash is a hard break).
        lines.join("\\\n")
    } else {
        String::new()
    };
    if manifest.cover {
        let esc =
            |s: &str| md(s).map_err(|_| TemplateError::OutputTooLarge(MAX_OUTPUT_BYTES >> 20));
        let title = if ctx.briefing.title.is_empty() {
            &ctx.project.title
        } else {
            &ctx.briefing.title
        };
        let mut cover = format!("# {}\n\n", esc(title)?);
        if !ctx.briefing.author.is_empty() {
            cover.push_str(&format!("*{}*\n\n", esc(&ctx.briefing.author)?));
        }
        cover.push_str(&format!("{}\n\n", ctx.generated_date));
        if !block.is_empty() {
            cover.push_str(&format!("{block}\n\n"));
        }
        cover.push_str("\\newpage\n\n");
        return Ok(cover + markdown);
    }
    if block.is_empty() {
        return Ok(markdown.to_string());
    }
    // Under the first title line, else at the top.
    let at = markdown
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .scan(0, |start, end| {
            let line = (*start, end);
            *start = end;
            Some(line)
        })
        .find(|&(start, _)| markdown[start..].starts_with("# "))
        .map_or(0, |(_, end)| end);
    Ok(format!(
        "{}\n{block}\n\n{}",
        &markdown[..at],
        &markdown[at..]
    ))
}

fn environment(
    template: &Template,
    ctx: &Context,
    sources: BTreeMap<String, String>,
    longest_raw: usize,
    ledger: &Arc<Mutex<Ledger>>,
    emitted: &Arc<AtomicUsize>,
) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_syntax(syntax());
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_recursion_limit(RECURSION_LIMIT);
    let items = ctx.chronology.entries.len()
        + ctx.chronology.undated.len()
        + ctx.sources.len()
        + ctx.briefing.sections.len()
        + ctx.notes.len();
    let wanted = 200_000 + 200 * items as u64;
    env.set_fuel(Some(wanted.min(RAW_BUDGET / longest_raw as u64)));
    // Templates see only their own folder's files, held in memory: no path reaches the disk.
    env.set_loader(move |name| Ok(sources.get(name).cloned()));

    // Operators and filters that could build huge values, bounded.
    env.add_filter("__concat", guard::concat);
    env.add_filter("__add", guard::add);
    env.add_filter("__mul", guard::mul);
    for unbounded in ["pprint", "format", "indent", "lines", "split", "batch"] {
        env.remove_filter(unbounded);
    }
    env.add_filter("join", join);
    env.add_filter("replace", replace);
    env.add_filter("string", |v: Value| {
        guard::bounded_string(&v, MAX_VALUE_BYTES)
    });
    env.add_filter("list", list);
    env.add_filter("md", md);
    env.add_function("range", range);

    let counter = emitted.clone();
    env.set_formatter(move |out, _state, value| {
        if value.is_undefined() {
            return Err(Error::from(ErrorKind::UndefinedError));
        }
        let owned;
        let text = match value.as_str() {
            // Most values are strings: written as they are, without a copy.
            Some(s) if s.len() <= MAX_VALUE_BYTES => s,
            _ => {
                owned = guard::bounded_string(value, MAX_VALUE_BYTES)?;
                &owned
            }
        };
        if counter.fetch_add(text.len(), Ordering::Relaxed) + text.len() > MAX_OUTPUT_BYTES {
            return Err(guard::too_large());
        }
        out.write_str(text).map_err(Error::from)
    });

    let notes = ctx.notes.clone();
    let style = template.manifest.citation_style;
    let (l, n) = (ledger.clone(), notes.clone());
    env.add_function("cite", move |ids: Value| -> Result<String, Error> {
        let ids = id_list(&ids)?;
        Ok(l.lock().expect("not poisoned").cite(&ids, &n, style))
    });
    let (l, n) = (ledger.clone(), notes.clone());
    env.add_filter("cite", move |text: &str| -> String {
        l.lock().expect("not poisoned").cite_text(text, &n, style)
    });
    let (l, n) = (ledger.clone(), notes);
    env.add_function("endnotes", move || -> Value {
        let list = l.lock().expect("not poisoned").endnotes(&n);
        Value::from_iter(list.into_iter().map(|(number, excerpt, text)| {
            Value::from_object(Endnote {
                number,
                excerpt,
                text,
            })
        }))
    });
    env.add_global(
        "citation_style",
        match style {
            CitationStyle::Notes => "notes",
            CitationStyle::Short => "short",
        },
    );
    env
}

/// An item of `endnotes()`: `number`, `excerpt` (its id) and `text`. An object rather than a
/// map, because a long chronology lists thousands and a map per note costs more than the note.
#[derive(Debug)]
struct Endnote {
    number: usize,
    excerpt: String,
    text: String,
}

impl Object for Endnote {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "number" => Some(Value::from(self.number)),
            "excerpt" => Some(Value::from(self.excerpt.as_str())),
            "text" => Some(Value::from(self.text.as_str())),
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&["number", "excerpt", "text"])
    }
}

/// `cite("id")`, `cite(["a", "b"])`, or `cite(entry.excerpts)` (objects with an `id`).
fn id_list(v: &Value) -> Result<Vec<String>, Error> {
    if let Some(s) = v.as_str() {
        return Ok(vec![s.to_string()]);
    }
    let mut out = Vec::new();
    for item in v.try_iter()? {
        if let Some(s) = item.as_str() {
            out.push(s.to_string());
        } else if let Some(id) = item
            .get_attr("id")
            .ok()
            .and_then(|i| i.as_str().map(String::from))
        {
            out.push(id);
        } else {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                "cite() takes an excerpt id, a list of ids, or a list of excerpts",
            ));
        }
    }
    Ok(out)
}

fn join(v: Value, sep: Option<String>) -> Result<String, Error> {
    let sep = sep.unwrap_or_default();
    if let Some(s) = v.as_str() {
        return guard::concat(Value::from(""), Value::from(s)).map(|v| v.to_string());
    }
    let mut out = String::new();
    for (i, item) in v.try_iter()?.enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let room = MAX_VALUE_BYTES.saturating_sub(out.len());
        out.push_str(&guard::bounded_string(&item, room)?);
    }
    Ok(out)
}

fn replace(s: &str, from: &str, to: &str) -> Result<String, Error> {
    let n = if from.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(from).count()
    };
    if s.len() + n.saturating_mul(to.len()) > MAX_VALUE_BYTES {
        return Err(guard::too_large());
    }
    Ok(s.replace(from, to))
}

/// Text from a source, made to read as itself in Markdown: every character that could start
/// formatting, a link, HTML or a citation is backslash-escaped, and so is a line start that
/// would make a heading, list item or rule. (Without it, a quote beginning `<script>` opened an
/// HTML block that swallowed the citation after it.)
fn md(s: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        for (at, c) in body.char_indices() {
            let line_start = at == 0 && matches!(c, '#' | '-' | '+' | '=');
            let ordinal = digits > 0 && at == digits && matches!(c, '.' | ')');
            if line_start
                || ordinal
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
        if out.len() > MAX_VALUE_BYTES {
            return Err(guard::too_large());
        }
    }
    Ok(out)
}

fn list(v: Value) -> Result<Value, Error> {
    if let Some(s) = v.as_str() {
        if s.chars().count() > MAX_ITEMS {
            return Err(guard::too_large());
        }
        return Ok(Value::from_iter(
            s.chars().map(|c| Value::from(c.to_string())),
        ));
    }
    if v.kind() == ValueKind::Map {
        return Ok(Value::from_iter(v.try_iter()?.take(MAX_ITEMS)));
    }
    let mut out = Vec::new();
    for item in v.try_iter()? {
        if out.len() == MAX_ITEMS {
            return Err(guard::too_large());
        }
        out.push(item);
    }
    Ok(Value::from(out))
}

fn range(args: Rest<i64>) -> Result<Value, Error> {
    let (lo, hi, step) = match args.as_slice() {
        [hi] => (0, *hi, 1),
        [lo, hi] => (*lo, *hi, 1),
        [lo, hi, step] if *step != 0 => (*lo, *hi, *step),
        _ => {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                "range() takes 1 to 3 whole numbers and a step other than 0",
            ));
        }
    };
    let len = if step > 0 {
        (hi - lo).max(0) / step
    } else {
        (lo - hi).max(0) / -step
    };
    if len as usize > MAX_ITEMS {
        return Err(guard::too_large());
    }
    let mut out = Vec::new();
    let mut i = lo;
    while (step > 0 && i < hi) || (step < 0 && i > hi) {
        out.push(Value::from(i));
        i += step;
    }
    Ok(Value::from(out))
}

/// The output, refusing to grow past [`MAX_OUTPUT_BYTES`].
struct Capped {
    buf: Vec<u8>,
    over: bool,
}

impl std::io::Write for &mut Capped {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + b.len() > MAX_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("output too large"));
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A minijinja error as the analyst needs it: file, line, column, the line itself.
fn to_error(outer: &Error, template: &Template) -> TemplateError {
    // An error inside an include or macro arrives wrapped; the innermost one says what happened.
    let mut e = outer;
    loop {
        if e.kind() == ErrorKind::OutOfFuel {
            return TemplateError::OutOfFuel;
        }
        if e.detail().is_some_and(|d| d.contains("recursion")) {
            return TemplateError::Recursion;
        }
        match std::error::Error::source(e).and_then(|s| s.downcast_ref::<Error>()) {
            Some(inner) => e = inner,
            None => break,
        }
    }
    match e.kind() {
        ErrorKind::OutOfFuel => return TemplateError::OutOfFuel,
        ErrorKind::InvalidOperation if e.detail().is_some_and(|d| d.contains("recursion")) => {
            return TemplateError::Recursion;
        }
        _ => {}
    }
    let name = e.name().unwrap_or(MAIN).to_string();
    let label = match &template.dir {
        Some(d) => d.join(&name).display().to_string(),
        None => format!("templates/{}/{name}", template.manifest.name),
    };
    let original = template.files.get(&name).map(String::as_str).unwrap_or("");
    let line = e.line().unwrap_or(0);
    let line_text = original
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_string();
    let message = e
        .detail()
        .map(|d| format!("{}: {d}", e.kind()))
        .unwrap_or_else(|| e.kind().to_string());
    match e.kind() {
        ErrorKind::SyntaxError => {
            // Syntax errors come from the untouched source, so the column is the analyst's.
            let column = e
                .range()
                .map(|r| {
                    let before = &original[..r.start.min(original.len())];
                    before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1
                })
                .unwrap_or(1);
            TemplateError::Syntax {
                file: label,
                line,
                column,
                line_text,
                message,
            }
        }
        ErrorKind::UndefinedError => {
            let source = e.template_source().unwrap_or(original);
            let name = e
                .range()
                .and_then(|r| Some((source.get(r.clone())?, source.get(..r.start)?)))
                .map(|(text, before)| undefined_name(text, before, e.detail()))
                .unwrap_or_else(|| "a value".into());
            TemplateError::Undefined {
                file: label,
                line,
                name,
                line_text,
            }
        }
        _ if e.detail().is_some_and(|d| d.contains("recursion")) => TemplateError::Recursion,
        _ => TemplateError::Runtime {
            file: label,
            line,
            line_text,
            message,
        },
    }
}

/// The variable an undefined error is about. In a rewritten operator (`a|__concat(b)`) the
/// error points at the filter; the operand named by the detail is the variable.
fn undefined_name(text: &str, before: &str, side: Option<&str>) -> String {
    let Some(call) = text.strip_prefix("__") else {
        return text.trim().to_string();
    };
    if side == Some("right") {
        let inner = call.split_once('(').map_or(call, |(_, r)| r);
        return inner.strip_suffix(')').unwrap_or(inner).trim().to_string();
    }
    let before = before.trim_end().trim_end_matches('|').trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '"' | '\'')))
        .map_or(0, |i| i + 1);
    before[start..].to_string()
}

#[cfg(test)]
mod tests {
    use dossier_markdown::{CmarkEvent as Event, Event as Dialect};

    /// `md` output, read back as the dialect's Markdown, is exactly the input as plain text.
    fn check(text: &str) {
        let escaped = super::md(text).unwrap();
        let mut read = String::new();
        for e in dossier_markdown::events(&escaped) {
            let Dialect::Cmark(e) = e else {
                panic!("{text:?} became {e:?}");
            };
            match e {
                Event::Text(t) => read.push_str(&t),
                Event::SoftBreak | Event::HardBreak => read.push('\n'),
                Event::Start(pulldown_cmark::Tag::Paragraph)
                | Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
                other => panic!("{text:?} became {other:?} (escaped: {escaped:?})"),
            }
        }
        assert_eq!(read, text, "escaped: {escaped:?}");
    }

    #[test]
    fn md_keeps_source_text_literal() {
        for text in [
            "<script>alert(1)</script> and more",
            "a *bold* claim, _under_ [link](javascript:alert(1)) `code`",
            "# not a heading",
            "- not a list\n+ nor this\n2015. not an ordered item\n3) nor this",
            "a | table | cell ~~struck~~ [^1] &amp; AT&T > quote",
            "back\\slash at the end\\",
            "=== not a rule",
        ] {
            check(text);
        }
    }
}
