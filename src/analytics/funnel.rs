//! The conversion funnel: how many customers reach each stage, in order.

use serde::{Deserialize, Serialize};

/// Where the funnel's stage order came from, so the UI can explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageOrderSource {
    /// The feed's `meta.stage_order`.
    Meta,
    /// The user's `settings.stage_order`.
    Setting,
    /// Recognised stage names (awareness … advocacy in en/ca/es/pl).
    BuiltIn,
    /// Median time customers first reach each stage.
    MedianTime,
    /// No timestamps: order of first appearance in the file.
    FileOrder,
}

/// The mode actually used (the `Auto` setting resolved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedMode {
    Ordered,
    AnyOrder,
}

/// A 95 % interval on the 0–100 scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// One funnel step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelStep {
    pub stage: String,
    /// Customers who reached this step.
    pub customers: u64,
    /// % of the customers at step 1.
    pub pct_of_first: Option<f64>,
    /// % of the customers at the previous step (None for step 1).
    pub pct_of_previous: Option<f64>,
    /// Wilson 95 % interval of `pct_of_previous`.
    pub interval: Option<Interval>,
    /// Customers at the previous step who did not reach this one.
    pub drop_off: Option<u64>,
    /// Days from reaching the previous step to reaching this one (ordered mode only).
    pub median_days_from_previous: Option<f64>,
    pub mean_days_from_previous: Option<f64>,
}

/// Step counts for one value of the breakdown dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelGroup {
    /// The value on the customer's first stage-1 event, or "(missing)".
    pub value: String,
    /// Customers per step, same order as [`FunnelView::stages`].
    pub customers: Vec<u64>,
    /// % of this group's step-1 customers, per step.
    pub pct_of_first: Vec<Option<f64>>,
    /// Reached the conversion stage / reached step 1, in %.
    pub conversion_rate: Option<f64>,
    /// Wilson 95 % interval of `conversion_rate`.
    #[serde(default)]
    pub interval: Option<Interval>,
    /// Two-sided p of a two-proportion z-test of this group's conversion against all
    /// other groups' together (as NPS by segment tests each segment against the rest).
    #[serde(default)]
    pub p_value: Option<f64>,
    /// p < 0.05.
    #[serde(default)]
    pub significant: bool,
}

/// A breakdown group from its customers per step; its test against the rest comes from
/// [`test_groups`] once every group is known.
pub(crate) fn group(value: String, counts: Vec<u64>, conv: Option<usize>) -> FunnelGroup {
    let base = counts.first().copied().unwrap_or(0);
    let converted = conv.and_then(|c| counts.get(c).copied());
    FunnelGroup {
        value,
        pct_of_first: counts.iter().map(|&c| pct(c as f64, base as f64)).collect(),
        conversion_rate: converted.and_then(|x| pct(x as f64, base as f64)),
        interval: converted
            .and_then(|x| wilson(x, base))
            .map(|(low, high)| Interval { low, high }),
        p_value: None,
        significant: false,
        customers: counts,
    }
}

/// Tests each group's conversion against all other groups' customers together. Shared by
/// the event path and the summary feed.
pub(crate) fn test_groups(groups: &mut [FunnelGroup], conv: Option<usize>) {
    let Some(c) = conv else { return };
    let at = |g: &FunnelGroup| {
        (
            g.customers.get(c).copied().unwrap_or(0),
            g.customers.first().copied().unwrap_or(0),
        )
    };
    let (x_all, n_all) = groups
        .iter()
        .map(at)
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for g in groups.iter_mut() {
        let (x, n) = at(g);
        g.p_value = two_proportion_z(x, n, x_all - x, n_all - n).map(|t| t.1);
        g.significant = g.p_value.is_some_and(|p| p < 0.05);
    }
}

/// The funnel split by one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelBreakdown {
    pub dimension: DimKey,
    /// The extra column's header (`None` for a role, which each language names itself).
    #[serde(default)]
    pub header: Option<String>,
    /// Set when the dataset has no such dimension.
    pub unavailable: Option<Needs>,
    /// Largest group first. Past [`super::cap::BREAKDOWN_GROUPS`] groups, the largest ones
    /// then one "(others)" group summing the rest.
    pub groups: Vec<FunnelGroup>,
    /// Groups with a customer at step 1 (so "top N of M" can be said).
    #[serde(default)]
    pub groups_total: u64,
    /// Of those, how many are summed into the "(others)" group (0 = none).
    #[serde(default)]
    pub groups_folded: u64,
}

/// Overall conversion of the customers whose step 1 fell in one period (a cohort).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortPoint {
    pub period: String,
    /// Customers who reached step 1 in this period.
    pub started: u64,
    /// Of those, customers who reached the conversion stage.
    pub converted: u64,
    pub rate: Option<f64>,
}

/// Why the funnel was simplified or how its order was found, reported next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum FunnelNote {
    /// Ordered mode was asked for, but without timestamps the order cannot be checked.
    #[serde(rename = "funnel.no_time_for_order")]
    NoTimeForOrder,
    /// A conversion window was set, but without timestamps it cannot be measured.
    #[serde(rename = "funnel.no_time_for_window")]
    NoTimeForWindow,
    /// A negative or non-finite conversion window.
    #[serde(rename = "funnel.bad_window")]
    BadWindow,
    /// The feed's own stage order wins over the one in the settings.
    #[serde(rename = "funnel.meta_order_wins")]
    MetaOrderWins,
    /// Unrecognised stage names placed among the built-in ones by the data.
    #[serde(rename = "funnel.placed_by_data")]
    PlacedByData { stages: Vec<String> },
    /// The configured conversion stage is not a funnel stage; the default is used.
    #[serde(rename = "funnel.unknown_conversion_stage")]
    UnknownConversionStage { stage: String },
    /// The saved stage order names stages this data does not have: they are left out, and
    /// the data's stages the order lacks (`new`) are listed apart.
    #[serde(rename = "funnel.saved_order_mismatch")]
    SavedOrderMismatch {
        absent: Vec<String>,
        new: Vec<String>,
    },
    /// The saved stage order names none of this data's stages: the automatic order is used.
    #[serde(rename = "funnel.saved_order_ignored")]
    SavedOrderIgnored { stages: Vec<String> },
    /// The feed's stage order is too long to keep its unreached stages as steps: only the
    /// stages the data has are used.
    #[serde(rename = "funnel.long_order_trimmed")]
    LongOrderTrimmed { listed: u64, absent: u64 },
    /// The stage column is read as a status: each customer's furthest stage counts as
    /// having passed the earlier ones; `end_states` are left out of the funnel.
    #[serde(rename = "funnel.read_as_status")]
    ReadAsStatus { end_states: Vec<String> },
}

impl Message for FunnelNote {
    fn key(&self) -> &'static str {
        match self {
            FunnelNote::NoTimeForOrder => "funnel.no_time_for_order",
            FunnelNote::NoTimeForWindow => "funnel.no_time_for_window",
            FunnelNote::BadWindow => "funnel.bad_window",
            FunnelNote::MetaOrderWins => "funnel.meta_order_wins",
            FunnelNote::PlacedByData { .. } => "funnel.placed_by_data",
            FunnelNote::UnknownConversionStage { .. } => "funnel.unknown_conversion_stage",
            FunnelNote::SavedOrderMismatch { .. } => "funnel.saved_order_mismatch",
            FunnelNote::SavedOrderIgnored { .. } => "funnel.saved_order_ignored",
            FunnelNote::LongOrderTrimmed { .. } => "funnel.long_order_trimmed",
            FunnelNote::ReadAsStatus { .. } => "funnel.read_as_status",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            FunnelNote::PlacedByData { stages } => vec![
                ("count", Value::Count(stages.len() as u64)),
                ("stages", Value::List(stages.clone())),
            ],
            FunnelNote::UnknownConversionStage { stage } => {
                vec![("stage", Value::Text(stage.clone()))]
            }
            FunnelNote::SavedOrderMismatch { absent, new } => vec![
                ("count", Value::Count(absent.len() as u64)),
                ("absent", Value::List(absent.clone())),
                ("new_count", Value::Count(new.len() as u64)),
                ("new", Value::List(new.clone())),
            ],
            FunnelNote::LongOrderTrimmed { listed, absent } => vec![
                ("listed", Value::Count(*listed)),
                ("count", Value::Count(*absent)),
            ],
            FunnelNote::ReadAsStatus { end_states } => vec![
                ("count", Value::Count(end_states.len() as u64)),
                ("stages", Value::List(end_states.clone())),
            ],
            FunnelNote::SavedOrderIgnored { stages } => vec![
                ("count", Value::Count(stages.len() as u64)),
                ("stages", Value::List(stages.clone())),
            ],
            _ => Vec::new(),
        }
    }
}

/// Everything the funnel chart and table show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelView {
    /// The missing role(s) when the funnel cannot be drawn (e.g. "stage").
    pub unavailable: Option<Needs>,
    pub mode: ResolvedMode,
    pub window_days: Option<f64>,
    pub order_source: StageOrderSource,
    /// Stage names S1…Sk.
    pub stages: Vec<String>,
    /// Stages present in the data but left out by a configured order.
    pub unlisted_stages: Vec<String>,
    /// Unrecognised stage names placed among the built-in ones by the data, so the user
    /// can check where they went.
    #[serde(default)]
    pub placed_by_data: Vec<String>,
    pub conversion_stage: Option<String>,
    /// Index of the conversion stage in `stages`.
    pub conversion_step: Option<usize>,
    pub steps: Vec<FunnelStep>,
    /// Reached the conversion stage / reached step 1, in %.
    pub overall_conversion: Option<f64>,
    pub breakdown: Option<FunnelBreakdown>,
    /// Conversion by cohort of the step-1 period (empty without timestamps).
    pub trend: Vec<CohortPoint>,
    /// Why something was simplified (e.g. window ignored without timestamps).
    pub notes: Vec<FunnelNote>,
}

use super::cap::{self, OTHERS_LABEL};
use super::filter::MISSING_LABEL;
use super::period::PeriodIndex;
use super::prepared::Prepared;
use super::settings::{FunnelMode, Settings};
use super::sparse::Slots;
use super::stages::{StagePlan, NOT_A_STEP};
use super::stats::{median, pct, two_proportion_z, wilson, Mean};
use crate::dataset::{Dataset, DimColumn, DimKey, Role, MISSING, NO_TIME};
use crate::message::{Message, Need, Needs, Value};

const DAY: f64 = 86_400.0;

/// What the funnel needs to know, resolved once per compute.
pub(crate) struct FunnelCtx<'a> {
    pub ds: &'a Dataset,
    pub plan: StagePlan,
    pub mode: ResolvedMode,
    /// Window in seconds (None = unlimited or no timestamps).
    pub window: Option<f64>,
    pub notes: Vec<FunnelNote>,
}

impl<'a> FunnelCtx<'a> {
    /// `filter` only tells which journey is shown: its stages make the automatic order.
    pub fn new(
        ds: &'a Dataset,
        prep: &Prepared,
        settings: &Settings,
        filter: &super::filter::Filter,
    ) -> FunnelCtx<'a> {
        let shown = super::journeys::stages_shown(ds, filter);
        let plan = StagePlan::resolve(ds, prep, settings, shown.as_deref());
        let mut notes = plan.notes.clone();
        let mode = match (settings.mode, prep.has_time) {
            (FunnelMode::AnyOrder, _) | (FunnelMode::Auto, false) => ResolvedMode::AnyOrder,
            (FunnelMode::Ordered | FunnelMode::Auto, true) => ResolvedMode::Ordered,
            (FunnelMode::Ordered, false) => {
                notes.push(FunnelNote::NoTimeForOrder);
                ResolvedMode::AnyOrder
            }
        };
        let window = match settings.window_days {
            Some(w) if w.is_finite() && w >= 0.0 => {
                if prep.has_time {
                    Some(w * DAY)
                } else {
                    notes.push(FunnelNote::NoTimeForWindow);
                    None
                }
            }
            Some(_) => {
                notes.push(FunnelNote::BadWindow);
                None
            }
            None => None,
        };
        FunnelCtx {
            ds,
            plan,
            mode,
            window,
            notes,
        }
    }

    #[inline]
    fn step(&self, stage_codes: &[u32], i: usize) -> u32 {
        let c = stage_codes[i];
        if c == MISSING {
            NOT_A_STEP
        } else {
            self.plan
                .step_of_code
                .get(c as usize)
                .copied()
                .unwrap_or(NOT_A_STEP)
        }
    }
}

/// One customer's way through the funnel.
pub(crate) struct Walk<'a> {
    pub cust: u32,
    /// The customer's selected events, sorted by time then file order.
    pub events: &'a [u32],
    /// Number of steps reached (0 = never reached step 1).
    pub reached: usize,
    /// Time each reached step was reached (`NO_TIME` when unknown).
    pub times: &'a [i64],
    /// The customer's first step-1 event (defines breakdown value and cohort).
    pub first_s1: Option<u32>,
    /// Selected events at the conversion stage.
    pub conversion_events: u32,
}

/// The selected events split into one run per customer: `sel` is in customer, time order,
/// so each customer's events are contiguous.
pub(crate) fn customer_runs<'s>(
    cust_codes: &'s [u32],
    sel: &'s [u32],
) -> impl Iterator<Item = (u32, &'s [u32])> + 's {
    let mut rest = sel;
    std::iter::from_fn(move || {
        let (&first, _) = rest.split_first()?;
        let cust = cust_codes[first as usize];
        let len = rest
            .iter()
            .position(|&e| cust_codes[e as usize] != cust)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(len);
        rest = tail;
        Some((cust, run))
    })
}

/// Walks customers through the funnel one at a time, reusing its scratch buffers so a
/// caller can walk the same customer over several subsets (e.g. one per period) without
/// allocating.
pub(crate) struct Walker<'c> {
    ctx: &'c FunnelCtx<'c>,
    stage_codes: &'c [u32],
    ts: &'c [i64],
    conv: Option<u32>,
    times: Vec<i64>,
    has: Vec<bool>,
    /// Step and time of each event of the customer being walked.
    steps: Vec<u32>,
    ev_times: Vec<i64>,
    /// (step, time) of a long customer's timed events, for [`ordered_grouped`].
    pairs: Vec<(u32, i64)>,
}

impl<'c> Walker<'c> {
    pub fn new(ctx: &'c FunnelCtx<'c>) -> Walker<'c> {
        let ds = ctx.ds;
        let k = ctx.plan.stages.len();
        Walker {
            ctx,
            stage_codes: ds.stage.as_ref().map_or(&[], |s| &s.codes),
            ts: ds.timestamp.as_deref().unwrap_or(&[]),
            conv: ctx.plan.conversion_step.map(|c| c as u32),
            times: vec![NO_TIME; k],
            has: vec![false; k],
            steps: Vec::new(),
            ev_times: Vec::new(),
            pairs: Vec::new(),
        }
    }

    /// `events`: some of customer `cust`'s selected events, sorted by time then file order.
    // Over 80 lines: the hot per-customer loop of every view (bench/core.rs), kept in one body so its branches stay inlined.
    pub fn walk<'w>(&'w mut self, cust: u32, events: &'w [u32]) -> Walk<'w> {
        let ctx = self.ctx;
        let k = ctx.plan.stages.len();
        let mut reached = 0;
        let mut first_s1 = None;
        let mut conversion_events = 0;
        if k > 0 && ctx.plan.furthest {
            // A status: the furthest stage among the customer's events, reached at the
            // time of that event, means every earlier stage was passed too.
            let mut furthest: Option<(u32, i64)> = None;
            for &e in events {
                let s = ctx.step(self.stage_codes, e as usize);
                if s == NOT_A_STEP {
                    continue;
                }
                if first_s1.is_none() {
                    first_s1 = Some(e);
                }
                if Some(s) == self.conv {
                    conversion_events += 1;
                }
                if furthest.is_none_or(|(f, _)| s > f) {
                    furthest = Some((s, self.ts.get(e as usize).copied().unwrap_or(NO_TIME)));
                }
            }
            if let Some((f, t)) = furthest {
                reached = f as usize + 1;
                self.times[..reached].fill(t);
            }
        } else if k > 0 {
            // Each event's step and time, read once: the ordered walk rescans them per step.
            let (steps, ev_times) = (&mut self.steps, &mut self.ev_times);
            let (stage_codes, ts) = (self.stage_codes, self.ts);
            steps.clear();
            steps.extend(events.iter().map(|&e| ctx.step(stage_codes, e as usize)));
            ev_times.clear();
            ev_times.extend(
                events
                    .iter()
                    .map(|&e| ts.get(e as usize).copied().unwrap_or(NO_TIME)),
            );
            if let Some(c) = self.conv {
                conversion_events = steps.iter().filter(|&&s| s == c).count() as u32;
            }
            let (steps, ev_times) = (&steps[..], &ev_times[..]);
            let times = &mut self.times;
            match ctx.mode {
                ResolvedMode::Ordered => {
                    // t1: the first timed step-1 event; later step-1 events never restart it.
                    let p1 = (0..steps.len()).find(|&j| steps[j] == 0 && ev_times[j] != NO_TIME);
                    if let Some(p1) = p1 {
                        first_s1 = Some(events[p1]);
                        times[0] = ev_times[p1];
                        reached = if steps.len() > LONG_WALK {
                            ordered_grouped(steps, ev_times, ctx.window, times, &mut self.pairs)
                        } else {
                            ordered_scan(steps, ev_times, ctx.window, times)
                        };
                    }
                }
                ResolvedMode::AnyOrder => {
                    let has = &mut self.has;
                    // `has` is all false between walks; of `times`, only the steps of this
                    // customer's events are read. Resetting just those keeps a walk linear
                    // in the customer's events, not in the number of stages.
                    for &s in steps.iter().filter(|&&s| s != NOT_A_STEP) {
                        times[s as usize] = NO_TIME;
                    }
                    for (j, (&s, &t)) in steps.iter().zip(ev_times).enumerate() {
                        if s == NOT_A_STEP {
                            continue;
                        }
                        let s = s as usize;
                        if s == 0 && first_s1.is_none() {
                            first_s1 = Some(events[j]);
                        }
                        has[s] = true;
                        if t != NO_TIME && times[s] == NO_TIME {
                            times[s] = t; // events are time-sorted: the first timed one is the earliest
                        }
                    }
                    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
                    while reached < k && has[reached] {
                        if let Some(w) = ctx.window {
                            let t = times[reached];
                            if t == NO_TIME {
                                break;
                            }
                            lo = lo.min(t);
                            hi = hi.max(t);
                            if (hi - lo) as f64 > w {
                                break;
                            }
                        }
                        reached += 1;
                    }
                    for &s in steps.iter().filter(|&&s| s != NOT_A_STEP) {
                        has[s as usize] = false;
                    }
                }
            }
        }
        Walk {
            cust,
            events,
            reached,
            times: &self.times[..reached],
            first_s1,
            conversion_events,
        }
    }
}

/// Customers with more events than this are walked by [`ordered_grouped`].
const LONG_WALK: usize = 64;

/// The ordered walk after step 1 (reached at `times[0]`): step j is reached at the first
/// event of step j at or after the time step j − 1 was reached (and within the window of
/// t1 = `times[0]`). Fills `times` and returns the number of steps reached.
///
/// Scans forward from the previous step's time: linear when timestamps differ, but every
/// step rescans the events sharing one timestamp (date-only files), so long customers go
/// to [`ordered_grouped`] instead.
fn ordered_scan(steps: &[u32], ev_times: &[i64], window: Option<f64>, times: &mut [i64]) -> usize {
    let (k, t1) = (times.len(), times[0]);
    let mut reached = 1;
    let mut pos = 0;
    while reached < k {
        let prev = times[reached - 1];
        // Equal timestamps count as "at or after", whatever their file order.
        while pos < ev_times.len() && ev_times[pos] < prev {
            pos += 1;
        }
        let mut found = None;
        for (&t, &s) in ev_times[pos..].iter().zip(&steps[pos..]) {
            if t == NO_TIME {
                break;
            }
            if window.is_some_and(|w| (t - t1) as f64 > w) {
                break;
            }
            if s == reached as u32 {
                found = Some(t);
                break;
            }
        }
        match found {
            Some(t) => {
                times[reached] = t;
                reached += 1;
            }
            None => break,
        }
    }
    reached
}

/// [`ordered_scan`] in O(n log n) for a customer of n events: the timed events sorted by
/// (step, time), so each step's earliest time at or after the previous one is a binary
/// search. Events are in time order with untimed ones last, so the candidate is the same
/// event the scan would stop at, and no event before it can be past the window.
fn ordered_grouped(
    steps: &[u32],
    ev_times: &[i64],
    window: Option<f64>,
    times: &mut [i64],
    pairs: &mut Vec<(u32, i64)>,
) -> usize {
    pairs.clear();
    for (&s, &t) in steps.iter().zip(ev_times) {
        if t == NO_TIME {
            break;
        }
        if s != NOT_A_STEP {
            pairs.push((s, t));
        }
    }
    pairs.sort_unstable();
    let (k, t1) = (times.len(), times[0]);
    let mut reached = 1;
    while reached < k {
        let want = (reached as u32, times[reached - 1]);
        let at = pairs.partition_point(|&p| p < want);
        match pairs.get(at) {
            Some(&(s, t)) if s == want.0 && !window.is_some_and(|w| (t - t1) as f64 > w) => {
                times[reached] = t;
                reached += 1;
            }
            _ => break,
        }
    }
    reached
}

/// One customer's walk over all their selected events, as stored by [`Walks`].
#[derive(Debug, Clone, Copy)]
struct WalkRec {
    cust: u32,
    /// End of the customer's events in `sel` (they start where the previous one's end).
    end: u32,
    reached: u32,
    conversion_events: u32,
    first_s1: Option<u32>,
}

/// Where a replay in parts has got to ([`Walks::replay_part`]): the next customer, their
/// first event in the selection and their first reached-step time.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ReplayAt {
    rec: usize,
    start: usize,
    t: usize,
}

/// Every customer's walk over the selected events, computed once per `compute` and
/// replayed by the funnel, the experience map and the KPIs, which all need the same walks
/// (walking is the costliest per-customer step of each of them).
pub(crate) struct Walks {
    recs: Vec<WalkRec>,
    /// The reached steps' times, customer after customer (`reached` of them each).
    times: Vec<i64>,
    /// Latest timestamp among the selected events (`NO_TIME` when none has one), taken
    /// while the walk has the timestamps in cache so the KPIs need no pass of their own.
    latest: i64,
}

/// Events walked or replayed between two pauses of a pass in parts: about 20 ms in the
/// browser (see [`super::steps`]).
pub(crate) const PART_EVENTS: usize = 200_000;

impl Walks {
    /// Every selected customer's walk through the funnel, with `pause().await` after each
    /// [`PART_EVENTS`] events or so.
    pub async fn new_in_parts<F: std::future::Future<Output = ()>>(
        ctx: &FunnelCtx<'_>,
        sel: &[u32],
        pause: &mut impl FnMut() -> F,
    ) -> Walks {
        let mut walker = Walker::new(ctx);
        let mut recs = Vec::new();
        let mut times = Vec::new();
        let mut end = 0u32;
        let ts = ctx.ds.timestamp.as_deref();
        // `NO_TIME` is the smallest i64, so a plain max skips missing timestamps.
        let mut latest = NO_TIME;
        let mut since = 0usize;
        for (cust, events) in customer_runs(&ctx.ds.customer.codes, sel) {
            if let Some(ts) = ts {
                latest = events.iter().fold(latest, |m, &e| m.max(ts[e as usize]));
            }
            let w = walker.walk(cust, events);
            end += events.len() as u32;
            recs.push(WalkRec {
                cust,
                end,
                reached: w.reached as u32,
                conversion_events: w.conversion_events,
                first_s1: w.first_s1,
            });
            times.extend_from_slice(w.times);
            if end as usize - since >= PART_EVENTS {
                since = end as usize;
                pause().await;
            }
        }
        Walks {
            recs,
            times,
            latest,
        }
    }

    /// Number of customers with a selected event (one walk each). A leading run with the
    /// code `u32::MAX` (only possible in a dataset not built by `DatasetBuilder`) is not
    /// counted, as the selection summary has always done.
    pub fn customers(&self) -> u64 {
        let odd_first = self.recs.first().is_some_and(|r| r.cust == u32::MAX);
        self.recs.len() as u64 - odd_first as u64
    }

    /// Latest timestamp among the selected events, None when none has one.
    pub fn latest_time(&self) -> Option<i64> {
        (self.latest != NO_TIME).then_some(self.latest)
    }

    /// Calls `f` once per customer, in order; `sel` must be the selection these walks
    /// were made from.
    pub fn replay<'s>(&'s self, sel: &'s [u32], f: impl FnMut(&Walk<'s>)) {
        self.replay_part(sel, &mut ReplayAt::default(), usize::MAX, f);
    }

    /// [`Walks::replay`] in parts: from `at` on, whole customers until at least `events`
    /// events were replayed, then `at` is where the next part starts. Whether customers
    /// remain, so a caller can pause between parts (see [`super::steps`]).
    pub fn replay_part<'s>(
        &'s self,
        sel: &'s [u32],
        at: &mut ReplayAt,
        events: usize,
        mut f: impl FnMut(&Walk<'s>),
    ) -> bool {
        let first = at.start;
        for r in self.recs.get(at.rec..).unwrap_or(&[]) {
            if at.start - first >= events {
                return true;
            }
            let (end, reached) = (r.end as usize, r.reached as usize);
            f(&Walk {
                cust: r.cust,
                events: &sel[at.start..end],
                reached,
                times: &self.times[at.t..at.t + reached],
                first_s1: r.first_s1,
                conversion_events: r.conversion_events,
            });
            at.rec += 1;
            at.start = end;
            at.t += reached;
        }
        false
    }
}

/// Calls `f` once per customer present in `sel` (which is in customer, time order).
pub(crate) fn walk(ctx: &FunnelCtx, sel: &[u32], mut f: impl FnMut(&Walk)) {
    let mut walker = Walker::new(ctx);
    for (cust, events) in customer_runs(&ctx.ds.customer.codes, sel) {
        f(&walker.walk(cust, events));
    }
}

fn unavailable_view(ctx: &FunnelCtx, missing: Needs) -> FunnelView {
    FunnelView {
        unavailable: Some(missing),
        mode: ctx.mode,
        window_days: ctx.window.map(|w| w / DAY),
        order_source: ctx.plan.source,
        stages: Vec::new(),
        unlisted_stages: Vec::new(),
        placed_by_data: Vec::new(),
        conversion_stage: None,
        conversion_step: None,
        steps: Vec::new(),
        overall_conversion: None,
        breakdown: None,
        trend: Vec::new(),
        notes: ctx.notes.clone(),
    }
}

/// Row `j` of the funnel from the customers per step (`reached`) and the days from the
/// step before (median, mean). Shared by the event path and the summary feed.
pub(crate) fn step_row(
    stage: String,
    reached: &[u64],
    j: usize,
    median_days: Option<f64>,
    mean_days: Option<f64>,
) -> FunnelStep {
    let first = reached.first().copied().unwrap_or(0);
    let prev = (j > 0).then(|| reached[j - 1]);
    FunnelStep {
        stage,
        customers: reached[j],
        pct_of_first: pct(reached[j] as f64, first as f64),
        pct_of_previous: prev.and_then(|p| pct(reached[j] as f64, p as f64)),
        interval: prev
            .and_then(|p| wilson(reached[j], p))
            .map(|(low, high)| Interval { low, high }),
        drop_off: prev.map(|p| p - reached[j]),
        median_days_from_previous: median_days,
        mean_days_from_previous: mean_days,
    }
}

/// Customers per step reached and, in an ordered funnel, the days each took from the
/// step before.
struct StepAcc {
    reached: Vec<u64>,
    deltas: Vec<Vec<f64>>,
    ordered: bool,
}

impl StepAcc {
    fn new(k: usize, ordered: bool) -> StepAcc {
        StepAcc {
            reached: vec![0u64; k],
            deltas: vec![Vec::new(); k],
            ordered,
        }
    }

    fn add_walk(&mut self, w: &Walk) {
        for r in &mut self.reached[..w.reached] {
            *r += 1;
        }
        if self.ordered {
            for (j, pair) in w.times.windows(2).enumerate() {
                self.deltas[j + 1].push((pair[1] - pair[0]) as f64 / DAY);
            }
        }
    }

    /// One row per step, named by `stages`.
    fn finish(&mut self, stages: &[String]) -> Vec<FunnelStep> {
        let reached = &self.reached;
        (0..reached.len())
            .map(|j| {
                let d = &mut self.deltas[j];
                let mut m = Mean::default();
                d.iter().for_each(|&x| m.add(x));
                step_row(stages[j].clone(), reached, j, median(d), m.get())
            })
            .collect()
    }
}

/// Customers per (breakdown group, steps reached), key `group × (k + 1) + reached`; the
/// last group is "(missing)". One counter per customer rather than one per reached step,
/// and sparse when groups × steps is large.
struct BreakdownAcc<'a> {
    col: Option<&'a DimColumn>,
    groups_n: usize,
    k: usize,
    by_group: Slots<u64>,
}

impl<'a> BreakdownAcc<'a> {
    fn new(col: Option<&'a DimColumn>, k: usize, events: usize) -> BreakdownAcc<'a> {
        let groups_n = col.map_or(0, |c| c.values.len() + 1);
        BreakdownAcc {
            col,
            groups_n,
            k,
            by_group: Slots::new(groups_n as u64 * (k as u64 + 1), events, 0u64),
        }
    }

    /// Counts a customer whose first step-1 event is `e1`.
    fn add_walk(&mut self, w: &Walk, e1: u32) {
        let Some(col) = self.col else { return };
        let g = match col.codes[e1 as usize] {
            MISSING => self.groups_n - 1,
            c => c as usize,
        };
        *self
            .by_group
            .get(g as u64 * (self.k as u64 + 1) + w.reached as u64) += 1;
    }
}

/// Customers who started in a period and those of them who converted.
#[derive(Debug, Clone, Copy, Default)]
struct Cohort {
    started: u64,
    converted: u64,
}

/// Cohorts by the period of each customer's first step-1 event.
struct CohortAcc<'a> {
    periods: Option<&'a PeriodIndex>,
    ts: Option<&'a [i64]>,
    conv: Option<usize>,
    cohorts: Vec<Cohort>,
}

impl<'a> CohortAcc<'a> {
    fn new(periods: Option<&'a PeriodIndex>, ts: Option<&'a [i64]>, conv: Option<usize>) -> Self {
        CohortAcc {
            periods,
            ts,
            conv,
            cohorts: vec![Cohort::default(); periods.map_or(0, |p| p.len)],
        }
    }

    /// Counts a customer whose first step-1 event is `e1`.
    fn add_walk(&mut self, w: &Walk, e1: u32) {
        let (Some(p), Some(ts)) = (self.periods, self.ts) else {
            return;
        };
        if let Some(slot) = p.slot(ts[e1 as usize]) {
            let c = &mut self.cohorts[slot];
            c.started += 1;
            if self.conv.is_some_and(|conv| w.reached > conv) {
                c.converted += 1;
            }
        }
    }

    /// One point per period in which somebody started.
    fn finish(self) -> Vec<CohortPoint> {
        let Some(p) = self.periods else {
            return Vec::new();
        };
        self.cohorts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.started > 0)
            .map(|(slot, c)| CohortPoint {
                period: p.label(slot),
                started: c.started,
                converted: c.converted,
                rate: pct(c.converted as f64, c.started as f64),
            })
            .collect()
    }
}

/// The funnel view for the selected events: one pass over the customers' walks feeds the
/// step counts, the breakdown and the cohorts.
pub(crate) fn compute(
    ctx: &FunnelCtx,
    prep: &Prepared,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
) -> FunnelView {
    let ds = ctx.ds;
    if ds.stage.is_none() {
        return unavailable_view(ctx, Needs::column(Role::Stage));
    }
    let k = ctx.plan.stages.len();
    let conv = ctx.plan.conversion_step;
    let bcol = settings.breakdown.map(|key| (key, ds.dimension(key)));
    let periods = PeriodIndex::new(settings.period, prep.time_range());
    let mut steps = StepAcc::new(k, ctx.mode == ResolvedMode::Ordered);
    let mut groups = BreakdownAcc::new(bcol.and_then(|b| b.1), k, sel.len());
    let mut cohorts = CohortAcc::new(periods.as_ref(), ds.timestamp.as_deref(), conv);
    walks.replay(sel, |w| {
        steps.add_walk(w);
        let Some(e1) = w.first_s1 else { return };
        groups.add_walk(w, e1);
        cohorts.add_walk(w, e1);
    });
    let first = steps.reached.first().copied().unwrap_or(0);
    let overall_conversion = conv.and_then(|c| pct(steps.reached[c] as f64, first as f64));
    let breakdown = bcol
        .map(|(key, col)| breakdown_view(key, ds.extra_name(key), col, k, conv, groups.by_group));
    FunnelView {
        unavailable: None,
        mode: ctx.mode,
        window_days: ctx.window.map(|w| w / DAY),
        order_source: ctx.plan.source,
        stages: ctx.plan.stages.clone(),
        unlisted_stages: ctx.plan.unlisted.clone(),
        placed_by_data: ctx.plan.placed_by_data.clone(),
        conversion_stage: conv.map(|c| ctx.plan.stages[c].clone()),
        conversion_step: conv,
        overall_conversion,
        steps: steps.finish(&ctx.plan.stages),
        breakdown,
        trend: cohorts.finish(),
        notes: ctx.notes.clone(),
    }
}

/// The breakdown groups from the customers counted per (group, steps reached).
fn breakdown_view(
    key: DimKey,
    header: Option<&str>,
    col: Option<&DimColumn>,
    k: usize,
    conv: Option<usize>,
    by_group: Slots<u64>,
) -> FunnelBreakdown {
    let mut view = FunnelBreakdown {
        dimension: key,
        header: header.map(str::to_string),
        unavailable: col.is_none().then(|| Needs(vec![Need::Dimension(key)])),
        groups: Vec::new(),
        groups_total: 0,
        groups_folded: 0,
    };
    let Some(col) = col else { return view };
    let groups_n = col.values.len() + 1;
    let width = k as u64 + 1;
    // Customers who reached no step count nowhere.
    let used: Vec<(u64, u64)> = by_group
        .into_sorted(|&n| n > 0)
        .into_iter()
        .filter(|(key, _)| key % width > 0)
        .collect();
    let mut started = vec![0u64; groups_n];
    for &(key, n) in &used {
        started[(key / width) as usize] += n;
    }
    // Largest first, code order among equals.
    let mut present: Vec<usize> = (0..groups_n).filter(|&g| started[g] > 0).collect();
    crate::order::sort_by(&mut present, |&a, &b| started[b].cmp(&started[a]));
    let weights: Vec<u64> = present.iter().map(|&g| started[g]).collect();
    let keep = cap::keep_top(&weights, cap::BREAKDOWN_GROUPS);
    let mut index = vec![usize::MAX; groups_n];
    // Per listed group: customers by number of steps reached.
    let mut listed: Vec<(String, Vec<u64>)> = Vec::new();
    for (p, &g) in present.iter().enumerate() {
        if keep.as_ref().is_none_or(|keep| keep[p]) {
            index[g] = listed.len();
            let value = col
                .values
                .get(g)
                .cloned()
                .unwrap_or_else(|| MISSING_LABEL.to_string());
            listed.push((value, vec![0; k + 1]));
        }
    }
    view.groups_total = present.len() as u64;
    view.groups_folded = (present.len() - listed.len()) as u64;
    let others = listed.len();
    if view.groups_folded > 0 {
        listed.push((OTHERS_LABEL.to_string(), vec![0; k + 1]));
    }
    for (key, n) in used {
        let (g, r) = ((key / width) as usize, (key % width) as usize);
        let at = match index[g] {
            usize::MAX => others,
            at => at,
        };
        listed[at].1[r] += n;
    }
    view.groups = listed
        .into_iter()
        .map(|(value, hist)| {
            // Customers at step j = those who reached more than j steps.
            let mut counts = vec![0u64; k];
            let mut acc = 0;
            for j in (0..k).rev() {
                acc += hist[j + 1];
                counts[j] = acc;
            }
            group(value, counts, conv)
        })
        .collect();
    test_groups(&mut view.groups, conv);
    view
}

/// Ids of customers who reached step `step` but not the next one.
pub(crate) fn dropped_after(ctx: &FunnelCtx, sel: &[u32], step: usize) -> Vec<String> {
    let mut out = Vec::new();
    if step + 1 >= ctx.plan.stages.len() {
        return out;
    }
    walk(ctx, sel, |w| {
        if w.reached == step + 1 {
            if let Some(id) = ctx.ds.customer.value(w.cust) {
                out.push(id.to_string());
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A day in seconds.
    const D: i64 = 86_400;

    /// Customers as (code, events, reached steps) in replay order.
    type Seen = Vec<(u32, usize, usize)>;

    #[test]
    fn a_replay_in_parts_is_the_whole_replay_cut_at_customers() {
        // Customer a: 3 events, b: 1, c: 2, d: 2, all in the funnel's first stage.
        let csv = "customer_id,timestamp,stage\n\
            a,2025-01-01,awareness\na,2025-01-02,awareness\na,2025-01-03,awareness\n\
            b,2025-01-01,awareness\nc,2025-01-01,awareness\nc,2025-01-02,awareness\n\
            d,2025-01-01,awareness\nd,2025-01-02,awareness\n";
        let opts = crate::ingest::CsvOptions::default();
        let ds = crate::ingest::load_csv(csv.as_bytes(), &opts)
            .unwrap()
            .dataset;
        let prep = Prepared::new(&ds);
        let settings = Settings::default();
        let filter = super::super::Filter::default();
        let ctx = FunnelCtx::new(&ds, &prep, &settings, &filter);
        let (sel, _) = super::super::filter::select_sorted(prep.dataset(&ds), &filter);
        let walks =
            crate::pause::run_ready(Walks::new_in_parts(&ctx, &sel, &mut crate::pause::ready));
        let mut whole: Seen = Vec::new();
        walks.replay(&sel, |w| whole.push((w.cust, w.events.len(), w.reached)));
        assert_eq!(whole, vec![(0, 3, 1), (1, 1, 1), (2, 2, 1), (3, 2, 1)]);
        // Parts of at least 2 events: a (3), then b + c (3), then d (2).
        let mut at = ReplayAt::default();
        let mut parts: Vec<Seen> = Vec::new();
        loop {
            let mut part: Seen = Vec::new();
            let more = walks.replay_part(&sel, &mut at, 2, |w| {
                part.push((w.cust, w.events.len(), w.reached))
            });
            parts.push(part);
            if !more {
                break;
            }
        }
        assert_eq!(
            parts,
            vec![vec![(0, 3, 1)], vec![(1, 1, 1), (2, 2, 1)], vec![(3, 2, 1)]]
        );
    }

    /// A walk that reached `reached` steps at `times`, first step-1 event `e1`.
    fn walk_of(reached: usize, times: &'static [i64], e1: Option<u32>) -> Walk<'static> {
        Walk {
            cust: 0,
            events: &[],
            reached,
            times,
            first_s1: e1,
            conversion_events: 0,
        }
    }

    #[test]
    fn steps_count_customers_and_days_between_steps() {
        let mut acc = StepAcc::new(3, true);
        // Reached 3 steps (1 then 3 days apart), 2 steps (2 days), 1 step, none.
        acc.add_walk(&walk_of(3, &[0, D, 4 * D], Some(0)));
        acc.add_walk(&walk_of(2, &[0, 2 * D], Some(0)));
        acc.add_walk(&walk_of(1, &[0], Some(0)));
        acc.add_walk(&walk_of(0, &[], None));
        assert_eq!(acc.reached, [3, 2, 1]);
        let stages = ["a".to_string(), "b".to_string(), "c".to_string()];
        let steps = acc.finish(&stages);
        let row = |s: &FunnelStep| {
            (
                s.customers,
                s.pct_of_previous,
                s.drop_off,
                s.median_days_from_previous,
                s.mean_days_from_previous,
            )
        };
        assert_eq!(row(&steps[0]), (3, None, None, None, None));
        // 2 of 3 = 66.67 %.
        assert!(steps[1]
            .pct_of_previous
            .is_some_and(|p| (p - 66.6667).abs() < 1e-3));
        let row = |s: &FunnelStep| {
            (
                s.customers,
                s.drop_off,
                s.median_days_from_previous,
                s.mean_days_from_previous,
            )
        };
        assert_eq!(row(&steps[1]), (2, Some(1), Some(1.5), Some(1.5)));
        assert_eq!(row(&steps[2]), (1, Some(1), Some(3.0), Some(3.0)));
        assert_eq!(steps[2].pct_of_previous, Some(50.0));
        // Any-order funnels have no days between steps.
        let mut any = StepAcc::new(2, false);
        any.add_walk(&walk_of(2, &[0, D], Some(0)));
        assert_eq!(any.finish(&stages[..2])[1].median_days_from_previous, None);
    }

    #[test]
    fn breakdown_counts_customers_by_group_and_steps_reached() {
        let mut col = DimColumn::new("region");
        for v in [Some("North"), Some("South"), None] {
            col.push(v);
        }
        let mut acc = BreakdownAcc::new(Some(&col), 2, 8);
        // North reached 2 steps, South 1, a missing region 2; keys group × 3 + reached.
        acc.add_walk(&walk_of(2, &[], Some(0)), 0);
        acc.add_walk(&walk_of(1, &[], Some(1)), 1);
        acc.add_walk(&walk_of(2, &[], Some(2)), 2);
        acc.add_walk(&walk_of(2, &[], Some(0)), 0);
        assert_eq!(
            acc.by_group.into_sorted(|&n| n > 0),
            [(2, 2), (4, 1), (8, 1)]
        );
        // Without the column nothing is counted.
        let mut none = BreakdownAcc::new(None, 2, 8);
        none.add_walk(&walk_of(2, &[], Some(0)), 0);
        assert!(none.by_group.into_sorted(|&n| n > 0).is_empty());
    }

    #[test]
    fn cohorts_by_month_of_the_first_step() {
        // 2025-01-01 and 2025-03-15 at 00:00 UTC.
        let (jan, mar) = (1_735_689_600, 1_741_996_800);
        let p = PeriodIndex::new(super::super::settings::PeriodKind::Month, Some((jan, mar)));
        let ts = [jan, jan, mar, NO_TIME];
        let mut acc = CohortAcc::new(p.as_ref(), Some(&ts), Some(1));
        // January: one converted (2 steps reached), one not; March: one converted; an
        // untimed first step counts nowhere.
        acc.add_walk(&walk_of(2, &[], Some(0)), 0);
        acc.add_walk(&walk_of(1, &[], Some(1)), 1);
        acc.add_walk(&walk_of(2, &[], Some(2)), 2);
        acc.add_walk(&walk_of(2, &[], Some(3)), 3);
        let trend: Vec<(String, u64, u64, Option<f64>)> = acc
            .finish()
            .into_iter()
            .map(|c| (c.period, c.started, c.converted, c.rate))
            .collect();
        assert_eq!(
            trend,
            [
                ("2025-01".to_string(), 2, 1, Some(50.0)),
                ("2025-03".to_string(), 1, 1, Some(100.0)),
            ]
        );
    }

    #[test]
    fn each_group_is_tested_against_the_rest() {
        // Conversion at step 2. A 40/100 against B + C = 23/110: pooled 63/210 = 0.3,
        // z = 3.0151, p = 0.00257 (clear); B 20/100 against 43/110: z = −3.0151;
        // C 3/10 against 60/200: the same rate, z = 0, p = 1.
        let mut groups = vec![
            group("A".into(), vec![100, 50, 40], Some(2)),
            group("B".into(), vec![100, 30, 20], Some(2)),
            group("C".into(), vec![10, 5, 3], Some(2)),
        ];
        test_groups(&mut groups, Some(2));
        let p: Vec<f64> = groups.iter().filter_map(|g| g.p_value).collect();
        assert_eq!(p.len(), 3);
        assert!((p[0] - 0.002_569).abs() < 1e-6, "{}", p[0]);
        assert!((p[1] - 0.002_569).abs() < 1e-6, "{}", p[1]);
        assert!((p[2] - 1.0).abs() < 1e-12);
        let sig: Vec<bool> = groups.iter().map(|g| g.significant).collect();
        assert_eq!(sig, [true, true, false]);
        // Wilson of 40 of 100: 30.94–49.80 %.
        let iv = groups[0].interval.unwrap();
        assert!((iv.low - 30.940).abs() < 1e-3 && (iv.high - 49.800).abs() < 1e-3);
        // Without a conversion stage there is nothing to test.
        let mut lone = vec![group("A".into(), vec![5, 2], None)];
        test_groups(&mut lone, None);
        assert_eq!((lone[0].interval, lone[0].p_value), (None, None));
    }

    /// Both ordered walks on the same customer: (steps reached, times).
    fn both(
        steps: &[u32],
        ev_times: &[i64],
        window: Option<f64>,
        k: usize,
        t1: i64,
    ) -> [(usize, Vec<i64>); 2] {
        let run = |grouped: bool| {
            let mut times = vec![NO_TIME; k];
            times[0] = t1;
            let n = if grouped {
                ordered_grouped(steps, ev_times, window, &mut times, &mut Vec::new())
            } else {
                ordered_scan(steps, ev_times, window, &mut times)
            };
            (n, times[..n].to_vec())
        };
        [run(false), run(true)]
    }

    #[test]
    fn grouped_walk_matches_the_scan_by_hand() {
        // Steps 0,2,1,1,2,3 at times 10,10,10,20,20,40 then an untimed step 3.
        let steps = [0, 2, 1, 1, 2, 3, 3];
        let times = [10, 10, 10, 20, 20, 40, NO_TIME];
        // Step 1 at 10 (same instant counts), step 2 at 10 (earliest at or after 10),
        // step 3 at 40.
        for r in both(&steps, &times, None, 4, 10) {
            assert_eq!(r, (4, vec![10, 10, 10, 40]));
        }
        // A window of 25 s from t1 = 10 ends before step 3 at 40.
        for r in both(&steps, &times, Some(25.0), 4, 10) {
            assert_eq!(r, (3, vec![10, 10, 10]));
        }
    }

    #[test]
    fn grouped_walk_matches_the_scan_on_generated_customers() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for _ in 0..500 {
            let k = 1 + next(6) as usize;
            let n = 1 + next(40) as usize;
            let mut t = 0i64;
            let mut ev_times = Vec::new();
            let mut steps = Vec::new();
            for _ in 0..n {
                t += next(3) as i64; // many equal timestamps
                ev_times.push(t);
                steps.push(match next(k as u64 + 1) {
                    s if s as usize == k => NOT_A_STEP,
                    s => s as u32,
                });
            }
            let untimed = next(3) as usize;
            for j in 0..untimed.min(n) {
                ev_times[n - 1 - j] = NO_TIME;
            }
            let Some(p1) = (0..n).find(|&j| steps[j] == 0 && ev_times[j] != NO_TIME) else {
                continue;
            };
            let window = [None, Some(0.0), Some(5.0)][next(3) as usize];
            let [scan, grouped] = both(&steps, &ev_times, window, k, ev_times[p1]);
            assert_eq!(
                scan, grouped,
                "steps {steps:?} times {ev_times:?} window {window:?}"
            );
        }
    }
}
