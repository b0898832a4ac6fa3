//! The `dossier` command: a thin adapter over the core API in the `dossier` library.
//!
//! Exit codes: 0 ok, 1 bad input or usage, 2 internal error.

mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // PDFs are parsed in a child process running this same binary (see dossier::import::pdf).
    dossier::import::pdf::serve_worker_if_asked();
    restore_sigpipe();
    let args = match commands::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match std::panic::catch_unwind(|| commands::run(args)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
        // The panic hook has printed the message; say what it means for the user.
        Err(_) => {
            eprintln!(
                "error: internal error (a bug in Dossier); your project files were not changed by the failed step"
            );
            ExitCode::from(2)
        }
    }
}

/// Rust ignores SIGPIPE, so `dossier chronology DIR --json | head` would fail on a closed pipe.
/// Restore the default, as command-line tools do: the process ends quietly.
#[cfg(unix)]
#[allow(unsafe_code)]
fn restore_sigpipe() {
    // SAFETY: resetting a signal disposition at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
