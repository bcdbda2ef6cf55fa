//! Computes every view from a Dataset and a Filter.
//!
//! [`Prepared::new`] runs once per dataset (sorting events by customer and time);
//! [`compute`] runs on every filter or settings change and builds the four views from
//! integer codes and flat counters. Definitions of every number: `docs/metrics.md`.

pub mod cap;
pub mod coverage;
pub mod experience;
pub mod filter;
pub mod flows;
pub mod funnel;
pub mod journey_map;
pub mod journeys;
pub mod kpi_period;
pub mod kpis;
pub mod nps;
pub mod period;
pub mod prepared;
pub mod priorities;
pub mod report;
pub mod settings;
pub mod settings_store;
mod sparse;
mod stages;
pub mod stats;
pub mod status;
pub mod steps;

pub use cap::OTHERS_LABEL;
pub use experience::ExperienceView;
pub use filter::{Filter, FilterError, FilterNote, MISSING_LABEL};
pub use funnel::{FunnelNote, FunnelView};
pub use journey_map::JourneyMap;
pub use journeys::{JourneyCount, JourneyScope};
pub use kpis::KpiView;
pub use nps::NpsView;
pub use prepared::Prepared;
pub use report::{report_json, Report, Selection};
pub use settings::{
    FunnelMode, JesWeights, KpiCompare, KpiPeriod, KpiPeriodKind, PeriodKind, Settings,
    StageReading,
};
/// Stage-name normalisation, for the summary feed's conversion-stage check.
pub use stages::normalize as stages_normalize;

use crate::dataset::Dataset;

/// Every view for the events the filter selects.
pub fn compute(ds: &Dataset, prep: &Prepared, settings: &Settings, filter: &Filter) -> Report {
    compute_timed(ds, prep, settings, filter, &|| 0.0).0
}

/// [`compute`], also returning how long each view took (funnel, experience, NPS, KPIs) in
/// the units of `clock`. The caller supplies the clock because `std::time::Instant` does
/// not exist in the browser: native code passes an `Instant`-based closure, the web app
/// `performance.now()`. The shared setup (selection, and walking every customer through
/// the funnel once, which three views replay) is charged to none of the four; every step's
/// time is in [`steps::compute_in_steps`].
pub fn compute_timed(
    ds: &Dataset,
    prep: &Prepared,
    settings: &Settings,
    filter: &Filter,
    clock: &dyn Fn() -> f64,
) -> (Report, [f64; 4]) {
    let ready = || std::future::ready(());
    let (report, t) = steps::run_ready(steps::compute_in_steps(
        ds, prep, settings, filter, clock, ready,
    ));
    (report, [t[3], t[4], t[5], t[6]])
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
    let ds = prep.dataset(ds);
    let (sel, _) = filter::select_sorted(ds, filter);
    let ctx = funnel::FunnelCtx::new(ds, prep, settings, filter);
    funnel::dropped_after(&ctx, &sel, step)
}

/// The journey-flow diagram for the events `filter` selects (see [`flows`]).
pub fn flows(
    ds: &Dataset,
    prep: &Prepared,
    filter: &Filter,
    params: &flows::FlowParams,
) -> flows::FlowView {
    let ds = prep.dataset(ds);
    let (sel, _) = filter::select_sorted(ds, filter);
    flows::compute(ds, &sel, params)
}
