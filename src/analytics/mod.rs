//! Computes every view from a Dataset and a Filter.
//!
//! [`Prepared::new`] runs once per dataset (sorting events by customer and time);
//! [`compute`] runs on every filter or settings change and builds the four views from
//! integer codes and flat counters. Definitions of every number: `docs/metrics.md`.

pub mod experience;
pub mod filter;
pub mod funnel;
pub mod kpis;
pub mod nps;
pub mod prepared;
pub mod report;
pub mod period;
pub mod settings;
mod stages;
pub mod stats;

pub use experience::ExperienceView;
pub use filter::{Filter, FilterError, MISSING_LABEL};
pub use funnel::FunnelView;
pub use kpis::KpiView;
pub use nps::NpsView;
pub use prepared::Prepared;
pub use report::{report_json, Report, Selection};
pub use settings::{FunnelMode, JesWeights, PeriodKind, Settings};

use crate::dataset::Dataset;

/// Every view for the events the filter selects.
pub fn compute(ds: &Dataset, prep: &Prepared, settings: &Settings, filter: &Filter) -> Report {
    let _ = (ds, prep, settings, filter);
    todo!()
}

/// Ids of the customers who reached funnel step `step` (0-based) but not the next one,
/// for a CSV export. Empty for the last step or an out-of-range step.
pub fn dropped_after(
    ds: &Dataset,
    prep: &Prepared,
    settings: &Settings,
    filter: &Filter,
    step: usize,
) -> Vec<String> {
    let _ = (ds, prep, settings, filter, step);
    todo!()
}
