//! The native command line: `check`, `report` and `generate` run the same code as the web app.

pub mod check;
pub mod report;

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
  journey-lens check FILE [--map COLUMN=ROLE]... [--scale satisfaction=1-10] [--row-ids]
  journey-lens report FILE [--meta META.json] [--filter DIM=VALUE]... [--mode ordered|any] [--window-days N]
                           [--from DATE --to DATE] [--breakdown DIM] [--period week|month]
  journey-lens generate --rows N --seed S [--format csv|json|ca] > file.csv";
