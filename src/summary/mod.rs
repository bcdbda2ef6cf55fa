//! The summary feed: a small document of additive aggregates that DuckDB or Spark computes
//! where the events live (`warehouse/`), and every view Journey Lens can draw from it.
//!
//! Shape and size bound: `docs/summary-feed.md`. The report is the same [`Report`] the
//! event path produces; figures that need events are listed in `needs_events`.

pub mod feed;
pub mod report;
mod select;

pub use feed::{looks_like_summary, parse, Summary};
pub use report::compute;

use crate::analytics::{Filter, Report, Settings};

/// Parses a summary feed and computes its report in one step (CLI, tests).
pub fn report(bytes: &[u8], settings: &Settings, filter: &Filter) -> Result<Report, String> {
    Ok(compute(&parse(bytes)?, settings, filter))
}
