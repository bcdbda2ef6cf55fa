//! The summary feed: a small document of additive aggregates that DuckDB or Spark computes
//! where the events live (`warehouse/`), and every view Journey Lens can draw from it.
//!
//! Shape and size bound: `docs/summary-feed.md`. The report is the same [`Report`] the
//! event path produces; figures that need events are listed in `needs_events`.

pub mod feed;
pub mod journey_map;
pub mod report;
mod select;

pub use feed::{looks_like_summary, parse, Summary, SummaryError};
pub use report::compute;

use crate::analytics::{Filter, Report, Settings};

/// Parses a summary feed and computes its report in one step (CLI, tests).
pub fn report(bytes: &[u8], settings: &Settings, filter: &Filter) -> Result<Report, SummaryError> {
    Ok(compute(&parse(bytes)?, settings, filter))
}

/// A zero-row dataset with the feed's roles and dictionaries, plus a load report, so the
/// app's data view, filter bar and settings work on a summary as on events (the filter bar
/// offers each dimension's values; no event is ever read from it).
pub fn shell(s: &Summary) -> crate::ingest::Loaded {
    use crate::dataset::{Columns, DatasetBuilder, Meta};
    let columns = Columns {
        timestamp: s.has("timestamp"),
        journey: s.has("journey"),
        stage: s.has("stage"),
        touchpoint: s.has("touchpoint"),
        channel: s.has("channel"),
        persona: s.has("persona"),
        satisfaction: s.has("satisfaction"),
        effort: s.has("effort"),
        nps: s.has("nps"),
        revenue: s.has("revenue"),
        comment: false,
        extras: Vec::new(),
    };
    let meta = Meta {
        name: s.meta.name.clone(),
        stage_order: Some(s.meta.stage_order.clone()),
        conversion_stage: s.meta.conversion_stage.clone(),
        scales: s.meta.scales,
        targets: s.meta.targets.clone(),
    };
    let mut ds = DatasetBuilder::new(&columns, s.meta.scales.unwrap_or_default(), meta).finish();
    for (dim, col) in [
        ("journey", ds.journey.as_mut()),
        ("stage", ds.stage.as_mut()),
        ("touchpoint", ds.touchpoint.as_mut()),
        ("channel", ds.channel.as_mut()),
        ("persona", ds.persona.as_mut()),
    ] {
        if let (Some(col), Some(values)) = (col, s.meta.dimensions.get(dim)) {
            col.values = values.clone();
        }
    }
    let report = crate::ingest::LoadReport {
        format: "summary".into(),
        rows_loaded: s.meta.events as usize,
        rows_rejected: s.meta.rejected as usize,
        customers: s.meta.customers as usize,
        notes: vec![crate::ingest::LoadNote::SummaryFeed {
            engine: s.engine.clone().unwrap_or_else(|| "?".into()),
            events: s.meta.events,
        }],
        ..Default::default()
    };
    crate::ingest::Loaded {
        dataset: ds,
        report,
        headers: Vec::new(),
        rejected: Vec::new(),
    }
}
