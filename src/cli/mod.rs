//! The native command line: `check`, `report` and `generate` run the same code as the web app.

mod args;
pub mod check;
pub mod report;

use std::io::{self, Write};

/// Runs one sub-command; `args` excludes the program name.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("report") => report::run(&args[1..]),
        Some("generate") => crate::generate::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    }
}

pub const USAGE: &str = "usage:
  journey-lens check FILE [--map COLUMN=ROLE]... [--scale satisfaction=1-10] [--row-ids] [--milestones ...]
  journey-lens report FILE [FILE [--map COLUMN=ROLE]... [--milestones auto|by-date|COLUMN[=STAGE],...]]...
                      [--key COLUMN] [--unmatched OUT.csv] [--meta META.json] [--filter DIM=VALUE]...
                      [--mode ordered|any] [--window-days N] [--from DATE --to DATE] [--breakdown DIM]
                      [--period week|month]
  journey-lens generate --rows N --seed S [--format csv|json|ca|es|pl] > file.csv";

/// Prints a command's document on stdout. A reader that stops early (`| head`) closes the
/// pipe: that is its choice, not our failure, so the command ends quietly with success
/// instead of `println!`'s "failed printing to stdout" panic.
pub fn print_document(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    closed_pipe_is_success(writeln!(out, "{text}").and_then(|()| out.flush()))
        .map_err(|e| format!("Could not write the output: {e}."))
}

/// Treats a closed pipe on stdout as the end of the output; any other error (disk full, …)
/// stays an error.
fn closed_pipe_is_success(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
