//! PDFs with a text layer, read page by page with `pdf-extract` (over `lopdf`).
//!
//! PDF parsers are large, recursive and fed hostile input: a crafted file can recurse until the
//! stack overflows, which aborts the whole process and cannot be caught like a panic. So by
//! default the parse runs in a **worker process** (this same crate's [`worker_main`], reached
//! through the program's own executable or the `dossier-pdf-worker` binary) with a time limit;
//! a crash or hang there becomes an ordinary [`ImportError::Pdf`] and the analyst's project and
//! the running app are untouched. Starting a process costs about a millisecond, nothing next to
//! parsing a PDF.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dossier_model::Found;
use serde::{Deserialize, Serialize};

use crate::{Extraction, ImportError, Kind, MAX_BYTES};

/// The argument that makes a program serve as a PDF worker (see [`serve_worker_if_asked`]).
pub const WORKER_ARG: &str = "__dossier-pdf-worker";

/// How long one PDF may take before the worker is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// The address space a worker may use (its 256 MB parse stack included): a PDF that makes the
/// parser allocate without end (a decompression bomb, a huge object count) ends the worker
/// instead of the machine's memory.
pub const MEMORY_LIMIT: u64 = 1536 << 20;

/// Where PDF parsing runs.
#[derive(Debug, Clone)]
pub enum Isolation {
    /// In a child process: `program args…`, reading the PDF on stdin (the default: the current
    /// executable with [`WORKER_ARG`], which must call [`serve_worker_if_asked`] first in `main`).
    Worker {
        program: PathBuf,
        args: Vec<String>,
        time_limit: Duration,
    },
    /// In this process, on a thread with a large stack, panics caught. A stack overflow still
    /// aborts the process: for tools and fuzzing only, never for the app.
    InProcess,
}

impl Default for Isolation {
    fn default() -> Isolation {
        Isolation::Worker {
            program: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("dossier")),
            args: vec![WORKER_ARG.into()],
            time_limit: TIME_LIMIT,
        }
    }
}

impl Isolation {
    /// A worker running `program` (e.g. the `dossier-pdf-worker` binary) without arguments.
    pub fn worker(program: impl Into<PathBuf>) -> Isolation {
        Isolation::Worker {
            program: program.into(),
            args: Vec::new(),
            time_limit: TIME_LIMIT,
        }
    }
}

/// What a worker answers.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Answer {
    Pages(Vec<String>),
    NoText,
    Encrypted,
    Broken(String),
}

/// If this process was started as a PDF worker, serve one request and exit. Call it first thing
/// in `main` of any program that extracts PDFs with the default [`Isolation`].
#[allow(
    clippy::disallowed_methods,
    reason = "called first thing in a binary's main: the process's own first argument says it is a worker"
)]
pub fn serve_worker_if_asked() {
    if std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG) {
        std::process::exit(worker_main());
    }
}

/// The worker: PDF on stdin, an [`Answer`] as JSON on stdout. Returns the exit code.
pub fn worker_main() -> i32 {
    limit_memory(MEMORY_LIMIT);
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    let answer = match read {
        Ok(_) => parse_guarded(bytes),
        Err(e) => Answer::Broken(format!("reading the PDF failed: {e}")),
    };
    let json = serde_json::to_string(&answer).expect("answer serialises");
    let mut out = std::io::stdout().lock();
    if out
        .write_all(json.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return 2;
    }
    0
}

/// Caps this process's address space. An allocation beyond it aborts the worker, which the
/// parent reports as a failed PDF.
#[cfg(unix)]
#[allow(unsafe_code)]
fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct it is given; failing leaves the process unlimited,
    // which the time limit still bounds.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

/// Parses on a thread with a big stack and turns a panic into an answer.
fn parse_guarded(bytes: Vec<u8>) -> Answer {
    let worker = std::thread::Builder::new()
        .name("pdf".into())
        .stack_size(256 << 20)
        .spawn(move || parse(&bytes));
    match worker.map(|w| w.join()) {
        Ok(Ok(answer)) => answer,
        Ok(Err(_)) => Answer::Broken("the PDF parser failed on this file".into()),
        Err(e) => Answer::Broken(format!("could not start the PDF parser: {e}")),
    }
}

fn parse(bytes: &[u8]) -> Answer {
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    let mut doc = match pdf_extract::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(_) if encrypted => return Answer::Encrypted,
        Err(e) => return Answer::Broken(e.to_string()),
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Answer::Encrypted;
    }
    if let Some(page) = circular_page(&doc) {
        return Answer::Broken(format!(
            "the page tree is circular (page {page} is its own ancestor)"
        ));
    }
    // As `pdf_extract::extract_text_from_mem_by_pages`, on the checked document.
    let page_text = |n: u32| {
        let mut text = String::new();
        pdf_extract::output_doc_page(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text), n)
            .ok()
            .map(|()| text)
    };
    let pages: Vec<String> = (1..).map_while(page_text).collect();
    if pages.iter().any(|p| p.split_whitespace().next().is_some()) {
        Answer::Pages(pages)
    } else if encrypted {
        Answer::Encrypted
    } else {
        Answer::NoText
    }
}

/// The first page whose chain of `/Parent`s loops. pdf-extract looks inherited attributes
/// (`/MediaBox`, `/Resources`) up that chain without a guard: a page that is its own parent
/// would spin forever. Linear: a node found to reach the root is not walked again.
fn circular_page(doc: &pdf_extract::Document) -> Option<u32> {
    use std::collections::HashSet;
    let mut rooted = HashSet::new();
    for (n, page) in doc.get_pages() {
        let mut chain = HashSet::new();
        let mut node = page;
        while !rooted.contains(&node) {
            if !chain.insert(node) {
                return Some(n);
            }
            match doc
                .get_dictionary(node)
                .and_then(|d| d.get(b"Parent"))
                .and_then(|p| p.as_reference())
            {
                Ok(parent) => node = parent,
                Err(_) => break,
            }
        }
        rooted.extend(chain);
    }
    None
}

/// Extracts a PDF's text layer, isolated as `isolation` says.
pub fn extract(bytes: &[u8], isolation: &Isolation) -> Result<Extraction, ImportError> {
    let answer = match isolation {
        Isolation::InProcess => parse_guarded(bytes.to_vec()),
        Isolation::Worker {
            program,
            args,
            time_limit,
        } => run_worker(bytes, program, args, *time_limit)?,
    };
    match answer {
        Answer::Pages(pages) => Ok(from_pages(&pages)),
        Answer::NoText => Err(ImportError::PdfNoText),
        Answer::Encrypted => Err(ImportError::PdfEncrypted),
        Answer::Broken(why) => Err(ImportError::Pdf(why)),
    }
}

fn run_worker(
    bytes: &[u8],
    program: &PathBuf,
    args: &[String],
    limit: Duration,
) -> Result<Answer, ImportError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            ImportError::Pdf(format!(
                "the PDF worker {} could not start: {e}",
                program.display()
            ))
        })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = bytes.to_vec();
    // Write from a thread: a worker that stops reading must not block us past the time limit.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ImportError::Pdf(format!(
                    "parsing took longer than {} s and was stopped",
                    limit.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(ImportError::Pdf(format!("the PDF worker was lost: {e}"))),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(ImportError::Pdf(format!(
            "the PDF parser crashed on this file or needed more than {} MB",
            MEMORY_LIMIT >> 20
        )));
    }
    serde_json::from_slice(&out)
        .map_err(|_| ImportError::Pdf("the PDF worker gave no answer".into()))
}

/// Joins pages into one text (a blank line between pages) and records where each page starts.
fn from_pages(pages: &[String]) -> Extraction {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for page in pages {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        starts.push(text.len());
        text.push_str(&tidy(page));
    }
    text.push('\n');
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| Found::by_rule(l.to_string(), "pdf:first-line", 0.5));
    Extraction {
        title,
        outlet: None,
        author: None,
        url: None,
        language: crate::meta::language(&text),
        published: None,
        dateline: None,
        attribution: crate::attribution::chain(&text),
        text,
        removed: Vec::new(),
        warnings: Vec::new(),
        media_type: Kind::Pdf.media_type().into(),
        pages: starts,
    }
}

/// Trailing spaces off, runs of blank lines folded to one, no leading or trailing blank lines.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = false;
    for line in page.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
            blank = false;
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}
