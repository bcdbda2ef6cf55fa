//! Every view, computed one step at a time with a pause between steps.
//!
//! At a million events all views together take a few hundred milliseconds in the browser,
//! and the page must never be held for more than about 50 ms. Each step here is one view
//! (or a part every view shares), and between two steps the caller's `pause` runs: the web
//! app yields to the browser there once its time slice is used up, and drops the computation
//! when a newer filter arrives. Native callers ([`super::compute`], the CLI, tests) pass a
//! pause that is always ready and get the same report in one go ([`run_ready`]).

use super::report::{Report, Selection};
use super::{coverage, experience, filter, flows, funnel, kpis, nps, period};
use super::{Filter, Prepared, Settings};
use crate::dataset::Dataset;
use std::future::Future;

pub use crate::pause::run_ready;

/// How many steps [`compute_in_steps`] takes.
pub const STEPS: usize = 11;

/// What each step took, in the units of the caller's clock, in this order: selection,
/// funnel setup, customer walks, funnel, experience, NPS, KPIs, the flows' sequences,
/// diagram and matrix, coverage.
pub type StepTimes = [f64; STEPS];

/// Lap timer over the caller's clock; pauses are not counted in any step.
struct Laps<'c> {
    clock: &'c dyn Fn() -> f64,
    since: f64,
    times: StepTimes,
    next: usize,
}

impl Laps<'_> {
    fn lap(&mut self) {
        let now = (self.clock)();
        if let Some(t) = self.times.get_mut(self.next) {
            *t = now - self.since;
        }
        self.next += 1;
    }

    fn restart(&mut self) {
        self.since = (self.clock)();
    }
}

/// The report for the events `filter` selects, with `pause().await` between steps.
///
/// Equal to [`super::compute`] whatever the pause does: a step never depends on how long
/// the pause before it took.
pub async fn compute_in_steps<F: Future<Output = ()>>(
    ds: &Dataset,
    prep: &Prepared,
    settings: &Settings,
    filter: &Filter,
    clock: &dyn Fn() -> f64,
    mut pause: impl FnMut() -> F,
) -> (Report, StepTimes) {
    let mut laps = Laps {
        clock,
        since: clock(),
        times: [0.0; STEPS],
        next: 0,
    };
    // One step: run it, time it, then let the caller pause (not timed).
    macro_rules! step {
        ($e:expr) => {{
            let v = $e;
            laps.lap();
            pause().await;
            laps.restart();
            v
        }};
    }
    let ds = prep.dataset(ds);
    let (sel, notes) = step!(filter::select_sorted(ds, filter));
    let ctx = step!(funnel::FunnelCtx::new(ds, prep, settings, filter));
    let periods = period::PeriodIndex::new(settings.period, prep.time_range());
    let walks = step!(funnel::Walks::new_in_parts(&ctx, &sel, &mut pause).await);
    let funnel = step!(funnel::compute(&ctx, prep, settings, &sel, &walks));
    let experience =
        step!(experience::compute_in_parts(&ctx, settings, &sel, &walks, &mut pause).await);
    let nps = step!(nps::compute(ds, periods.as_ref(), settings, &sel));
    let pass = kpis::Pass {
        ctx: &ctx,
        settings,
        sel: &sel,
        walks: &walks,
        pause: &mut pause,
    };
    let kpis = step!(kpis::compute(periods.as_ref(), pass).await);
    let flow = &settings.flow;
    let sequenced = step!(flows::sequenced_paused(ds, &sel, flow, &mut pause).await);
    let diagram = step!(flows::diagram(sequenced, flow));
    let flows = step!(flows::with_matrix(diagram));
    let coverage = coverage::compute(ds, &sel, &funnel, filter);
    laps.lap();
    let report = Report {
        dataset: ds.meta.name.clone(),
        selection: Selection {
            customers: walks.customers(),
            events: sel.len() as u64,
            total_events: ds.len() as u64,
            notes,
        },
        settings: settings.clone(),
        filter: filter.clone(),
        funnel,
        experience,
        nps,
        kpis,
        needs_events: Vec::new(),
        flows,
        coverage,
    };
    (report, laps.times)
}
