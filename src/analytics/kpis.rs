//! Headline KPIs, the Journey Excellence Score, experience impact and period-over-period change.

use serde::{Deserialize, Serialize};

/// How a KPI value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiUnit {
    Count,
    /// 0–100.
    Percent,
    /// A score on its own scale (NPS −100…100, CES on the effort scale, JES 0–100).
    Score,
    Money,
    Days,
}

/// Where a KPI's target came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    Meta,
    User,
}

/// How a KPI compares with its target, direction-aware.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    Met,
    /// Missed by no more than 10 % of the target.
    Within10,
    Missed,
}

/// How a KPI's change is measured: a rate moving from 10 % to 12 % is "+2 points", not
/// "+20 %", while revenue moving from 100 to 120 is "+20 %".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ChangeUnit {
    /// Difference of the two values, in the KPI's own units (percentage points for rates).
    Points,
    /// (current / previous − 1) · 100.
    #[default]
    Percent,
}

/// One value of a sparkline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SparkPoint {
    pub period: String,
    pub value: Option<f64>,
    /// False for the period holding the latest timestamp (it may still be filling up).
    pub complete: bool,
}

/// One KPI tile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// Stable key used by targets (`conversion_rate`, `churn_rate`, …); its name in each
    /// language is the message `kpi.<key>`.
    pub key: String,
    pub unit: KpiUnit,
    pub value: Option<f64>,
    /// The missing role(s) when the KPI cannot be computed from this file.
    pub unavailable: Option<Needs>,
    pub lower_is_better: bool,
    /// Value in the KPI period ([`KpiView::current_period`]) and in the period it is
    /// compared with ([`KpiView::previous_period`]).
    pub current: Option<f64>,
    pub previous: Option<f64>,
    /// (current / previous − 1) · 100, whatever the unit (kept for readers of older
    /// reports; the card shows [`Kpi::change`]).
    pub delta_pct: Option<f64>,
    /// current − previous in points for rates, shares and scores; `delta_pct` for counts,
    /// money and days (see [`Kpi::change_unit`]).
    #[serde(default)]
    pub change: Option<f64>,
    #[serde(default)]
    pub change_unit: ChangeUnit,
    /// Two-sided p-value of the change: a two-proportion z-test for rates and shares, the
    /// NPS margin of error for NPS. None when the KPI has no test or a side has no data.
    #[serde(default)]
    pub change_p: Option<f64>,
    /// `Some(false)` when the test cannot tell the change from noise (p ≥ 0.05): the card
    /// says "no clear change" in a neutral colour. None without a test.
    #[serde(default)]
    pub change_clear: Option<bool>,
    pub target: Option<f64>,
    pub target_source: Option<TargetSource>,
    pub status: Option<TargetStatus>,
    pub sparkline: Vec<SparkPoint>,
}

/// One component of the Journey Excellence Score, already on 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JesComponent {
    /// `csat`, `nps`, `conversion` or `ces`; named by the message `jes.<key>`.
    pub key: String,
    /// None = no data, component dropped.
    pub value: Option<f64>,
    /// Weight after normalising all four weights to sum to 1.
    pub weight: f64,
}

/// The Journey Excellence Score with its working shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Jes {
    pub value: Option<f64>,
    pub components: Vec<JesComponent>,
    /// e.g. "JES = (0.25×80.0 + 0.25×62.5) / 0.50 = 71.3" (numbers written the JSON way;
    /// the app shows it in the reader's language with `present::tables::jes_formula`).
    pub formula: String,
}

/// Promoters compared with detractors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub unavailable: Option<Needs>,
    /// Customers whose latest NPS answer is 9–10 / 0–6.
    pub promoters: u64,
    pub detractors: u64,
    pub revenue_per_promoter: Option<f64>,
    pub revenue_per_detractor: Option<f64>,
    /// (promoters / detractors − 1) · 100.
    pub revenue_diff_pct: Option<f64>,
    pub retention_promoters: Option<f64>,
    pub retention_detractors: Option<f64>,
    pub retention_diff_pct: Option<f64>,
}

/// Everything the KPI page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiView {
    /// In display order; see docs/metrics.md for every key.
    pub kpis: Vec<Kpi>,
    pub jes: Jes,
    pub impact: Impact,
    /// The KPI period (`settings.kpi_period`, by default the last complete month) and the
    /// period it is compared with (None without timestamps).
    pub current_period: Option<String>,
    pub previous_period: Option<String>,
    /// Periods of the chosen kind the selection covers, newest first, for the picker.
    #[serde(default)]
    pub period_choices: Vec<String>,
}

impl KpiView {
    /// A KPI by key.
    pub fn get(&self, key: &str) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.key == key)
    }
    /// A KPI's value by key.
    pub fn value(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(|k| k.value)
    }
}

use super::funnel::{FunnelCtx, ResolvedMode, Walk, Walker, Walks};
use super::kpi_period::{self, KpiWindow};
use super::nps::Counts;
use super::period::PeriodIndex;
use super::settings::{JesWeights, KpiPeriodKind, PeriodKind, Settings};
use super::stats::{delta_pct, difference_z, median, pct, ratio, two_proportion_z, Mean};
use crate::dataset::{Dataset, Role, MISSING, NO_TIME};
use crate::message::{Need, Needs};
use std::collections::BTreeMap;

/// A KPI's fixed description.
struct Def {
    key: &'static str,
    unit: KpiUnit,
    lower_is_better: bool,
}

const fn def(key: &'static str, unit: KpiUnit, lower_is_better: bool) -> Def {
    Def {
        key,
        unit,
        lower_is_better,
    }
}

impl Def {
    /// Rates, shares and bounded scores (CSAT, NPS, CES, JES) change in points; counts,
    /// money, days and interactions per customer in percent.
    fn change_unit(&self) -> ChangeUnit {
        match self.unit {
            KpiUnit::Percent | KpiUnit::Score if self.key != "interactions_per_customer" => {
                ChangeUnit::Points
            }
            _ => ChangeUnit::Percent,
        }
    }
}

/// What a KPI's value in one period was measured on, for telling its change from noise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sample {
    /// `x` of `n` (a rate or share).
    Share { x: u64, n: u64 },
    /// A score with its standard error (NPS, in points).
    Score { se: f64 },
}

/// (change, p-value of the change) between two periods' values of one KPI.
fn change_of(
    unit: ChangeUnit,
    cur: (Option<f64>, Option<Sample>),
    prev: (Option<f64>, Option<Sample>),
) -> (Option<f64>, Option<f64>) {
    let change = match unit {
        ChangeUnit::Points => cur.0.zip(prev.0).map(|(c, p)| c - p),
        ChangeUnit::Percent => delta_pct(cur.0, prev.0),
    };
    let p = match (cur.1, prev.1) {
        (Some(Sample::Share { x: x1, n: n1 }), Some(Sample::Share { x: x2, n: n2 })) => {
            two_proportion_z(x1, n1, x2, n2).map(|t| t.1)
        }
        (Some(Sample::Score { se: s1 }), Some(Sample::Score { se: s2 })) => {
            change.and_then(|d| difference_z(d, s1, s2)).map(|t| t.1)
        }
        _ => None,
    };
    (change, p)
}

/// Every KPI in display order; the index is the slot in [`Values::v`].
const DEFS: [Def; 17] = [
    def("customers", KpiUnit::Count, false),
    def("interactions", KpiUnit::Count, false),
    def("touchpoints", KpiUnit::Count, false),
    def("conversion_rate", KpiUnit::Percent, false),
    def("retention_rate", KpiUnit::Percent, false),
    def("churn_rate", KpiUnit::Percent, true),
    def("repeat_rate", KpiUnit::Percent, false),
    def("csat", KpiUnit::Percent, false),
    def("ces", KpiUnit::Score, false),
    def("ces_easy_pct", KpiUnit::Percent, false),
    def("nps", KpiUnit::Score, false),
    def("revenue_total", KpiUnit::Money, false),
    def("revenue_per_customer", KpiUnit::Money, false),
    def("revenue_per_converted", KpiUnit::Money, false),
    def("median_days_to_convert", KpiUnit::Days, true),
    def("interactions_per_customer", KpiUnit::Score, false),
    def("jes", KpiUnit::Score, false),
];

/// Keys of KPIs where lower values are better (targets are met from below).
pub const LOWER_IS_BETTER: [&str; 2] = ["churn_rate", "median_days_to_convert"];

const CONV: usize = 3;
const RET: usize = 4;
const CHURN: usize = 5;
const REPEAT: usize = 6;
const CSAT: usize = 7;
const CES: usize = 8;
const NPS: usize = 10;
const JES: usize = 16;

/// KPI values of one subset of events, by slot of [`DEFS`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    pub v: [Option<f64>; 17],
    /// What each rate, share and NPS was measured on, by slot.
    pub samples: [Option<Sample>; 17],
    /// Customers classed by their latest NPS answer: [promoters, detractors] →
    /// (customers, revenue sum, converted, retained).
    pub impact: [(u64, f64, u64, u64); 2],
}

/// Why a KPI cannot be computed from this file, by slot.
fn unavailable(ds: &Dataset, ctx: &FunnelCtx, slot: usize) -> Option<Needs> {
    let need = |ok: bool, role: Role| (!ok).then(|| Needs::column(role));
    let has_next = ctx
        .plan
        .conversion_step
        .is_some_and(|c| c + 1 < ctx.plan.stages.len());
    match DEFS[slot].key {
        "touchpoints" => need(ds.touchpoint.is_some(), Role::Touchpoint),
        "conversion_rate" | "repeat_rate" => need(ds.stage.is_some(), Role::Stage),
        "retention_rate" | "churn_rate" => need(ds.stage.is_some(), Role::Stage)
            .or_else(|| (!has_next).then(|| Needs(vec![Need::StageAfterConversion]))),
        "csat" => need(ds.satisfaction.is_some(), Role::Satisfaction),
        "ces" | "ces_easy_pct" => need(ds.effort.is_some(), Role::Effort),
        "nps" => need(ds.nps.is_some(), Role::Nps),
        "revenue_total" | "revenue_per_customer" => need(ds.revenue.is_some(), Role::Revenue),
        "revenue_per_converted" => need(ds.revenue.is_some(), Role::Revenue)
            .or_else(|| need(ds.stage.is_some(), Role::Stage)),
        "median_days_to_convert" => need(ds.stage.is_some(), Role::Stage)
            .or_else(|| need(ctx.mode == ResolvedMode::Ordered, Role::Timestamp)),
        _ => None,
    }
}

/// The columns the KPI pass reads, resolved once.
struct Cols<'a> {
    ds: &'a Dataset,
    touchpoint: Option<&'a [u32]>,
    satisfaction: Option<&'a [f64]>,
    effort: Option<&'a [f64]>,
    revenue: Option<&'a [f64]>,
    nps: Option<&'a [f64]>,
    nps_scale: crate::dataset::Scale,
    /// Lowest satisfaction answer in the top two boxes.
    sat_top: f64,
    /// Lowest effort answer counted as easy.
    easy: f64,
    latest_only: bool,
}

impl<'a> Cols<'a> {
    fn new(ds: &'a Dataset, settings: &Settings) -> Cols<'a> {
        Cols {
            ds,
            touchpoint: ds.touchpoint.as_ref().map(|t| &t.codes[..]),
            satisfaction: ds.satisfaction.as_deref(),
            effort: ds.effort.as_deref(),
            revenue: ds.revenue.as_deref(),
            nps: ds.nps.as_deref(),
            nps_scale: ds.scales.nps,
            sat_top: ds.scales.satisfaction.max - 1.0,
            easy: ds.scales.effort.max - 2.0,
            latest_only: settings.nps_latest_only,
        }
    }
}

/// One event's inputs to the KPIs (NaN / [`MISSING`] / None when absent).
struct EventVals {
    revenue: f64,
    touchpoint: u32,
    satisfaction: f64,
    effort: f64,
    nps: Option<f64>,
}

/// Per-customer sums of one subset, closed by [`Acc::end_customer`].
#[derive(Default)]
struct Run {
    revenue: f64,
    latest_nps: Option<f64>,
}

impl Cols<'_> {
    #[inline]
    fn read(&self, i: usize) -> EventVals {
        let num = |c: Option<&[f64]>| c.map_or(f64::NAN, |c| c[i]);
        EventVals {
            revenue: num(self.revenue),
            touchpoint: self.touchpoint.map_or(MISSING, |t| t[i]),
            satisfaction: num(self.satisfaction),
            effort: num(self.effort),
            // As `nps::answer`, with the column and scale resolved once.
            nps: self.nps.and_then(|c| {
                let v = c[i];
                (!v.is_nan() && self.nps_scale.contains(v)).then_some(v)
            }),
        }
    }
}

/// Running KPI sums over one subset of events, fed one customer at a time in customer,
/// time order. Floating-point sums are added in exactly that order, so a subset gives the
/// same values whether it is fed alone or interleaved with other subsets.
struct Acc {
    reached: Vec<u64>,
    customers: u64,
    repeaters: u64,
    conv_revenue: f64,
    days: Vec<f64>,
    impact: [(u64, f64, u64, u64); 2],
    events: u64,
    /// Per touchpoint code: seen in this subset.
    tp_seen: Vec<bool>,
    touchpoints: u64,
    sat_n: u64,
    sat_hi: u64,
    effort: Mean,
    effort_easy: u64,
    nps: Counts,
    revenue: Mean,
}

impl Acc {
    fn new(ctx: &FunnelCtx) -> Acc {
        let nt = ctx.ds.touchpoint.as_ref().map_or(0, |t| t.values.len());
        Acc {
            reached: vec![0; ctx.plan.stages.len()],
            customers: 0,
            repeaters: 0,
            conv_revenue: 0.0,
            days: Vec::new(),
            impact: [(0, 0.0, 0, 0); 2],
            events: 0,
            tp_seen: vec![false; nt],
            touchpoints: 0,
            sat_n: 0,
            sat_hi: 0,
            effort: Mean::default(),
            effort_easy: 0,
            nps: Counts::default(),
            revenue: Mean::default(),
        }
    }

    /// Adds one event's per-event sums (the customer part comes with [`Acc::end_customer`]).
    #[inline]
    fn add_event(&mut self, cols: &Cols, ev: &EventVals, run: &mut Run) {
        if !ev.revenue.is_nan() {
            run.revenue += ev.revenue;
            self.revenue.add(ev.revenue);
        }
        if ev.touchpoint != MISSING {
            let seen = &mut self.tp_seen[ev.touchpoint as usize];
            if !*seen {
                *seen = true;
                self.touchpoints += 1;
            }
        }
        // Branch-free (NaN compares false and is not added): answers come at random.
        self.sat_n += !ev.satisfaction.is_nan() as u64;
        self.sat_hi += (ev.satisfaction >= cols.sat_top) as u64;
        self.effort.add_present(ev.effort);
        self.effort_easy += (ev.effort >= cols.easy) as u64;
        if let Some(v) = ev.nps {
            if !cols.latest_only {
                self.nps.add(v);
            }
            run.latest_nps = Some(v);
        }
    }

    /// Closes one customer's events of this subset: `w` is their walk over exactly the
    /// events passed to [`Acc::add_event`] with `run`.
    fn end_customer(&mut self, ctx: &FunnelCtx, cols: &Cols, w: &Walk, run: Run) {
        let conv = ctx.plan.conversion_step;
        self.customers += 1;
        self.events += w.events.len() as u64;
        for r in &mut self.reached[..w.reached] {
            *r += 1;
        }
        let converted = conv.is_some_and(|c| w.reached > c);
        let retained = conv.is_some_and(|c| w.reached > c + 1);
        let cust_rev = run.revenue;
        let latest = run.latest_nps;
        if cols.latest_only {
            if let Some(v) = latest {
                self.nps.add(v);
            }
        }
        if converted {
            self.conv_revenue += cust_rev;
            if w.conversion_events >= 2 {
                self.repeaters += 1;
            }
            if ctx.mode == ResolvedMode::Ordered {
                if let Some(c) = conv {
                    self.days.push((w.times[c] - w.times[0]) as f64 / 86_400.0);
                }
            }
        }
        if cols.ds.nps.is_some() {
            let class = match latest {
                Some(v) if v >= 9.0 => Some(0),
                Some(v) if v < 7.0 => Some(1),
                _ => None,
            };
            if let Some(c) = class {
                let a = &mut self.impact[c];
                a.0 += 1;
                a.1 += cust_rev;
                a.2 += converted as u64;
                a.3 += retained as u64;
            }
        }
    }

    /// The KPI values of everything added.
    fn finish(mut self, ctx: &FunnelCtx, settings: &Settings) -> Values {
        let ds = ctx.ds;
        let k = ctx.plan.stages.len();
        let conv = ctx.plan.conversion_step;
        let reached = &self.reached;
        let mut out = Values {
            impact: self.impact,
            ..Values::default()
        };
        let events = self.events as f64;
        let custf = self.customers as f64;
        let v = &mut out.v;
        v[0] = Some(custf);
        v[1] = Some(events);
        if ds.touchpoint.is_some() {
            v[2] = Some(self.touchpoints as f64);
        }
        let share = |x: u64, n: u64| Some(Sample::Share { x, n });
        let sm = &mut out.samples;
        if let Some(c) = conv {
            v[CONV] = pct(reached[c] as f64, reached[0] as f64);
            sm[CONV] = share(reached[c], reached[0]);
            if c + 1 < k {
                v[RET] = pct(reached[c + 1] as f64, reached[c] as f64);
                v[CHURN] = v[RET].map(|r| 100.0 - r);
                sm[RET] = share(reached[c + 1], reached[c]);
                sm[CHURN] = share(reached[c].saturating_sub(reached[c + 1]), reached[c]);
            }
            v[REPEAT] = pct(self.repeaters as f64, reached[c] as f64);
            sm[REPEAT] = share(self.repeaters, reached[c]);
            if ds.revenue.is_some() {
                v[13] = ratio(self.conv_revenue, reached[c] as f64);
            }
            if ctx.mode == ResolvedMode::Ordered {
                v[14] = median(&mut self.days);
            }
        }
        if ds.satisfaction.is_some() {
            v[CSAT] = pct(self.sat_hi as f64, self.sat_n as f64);
            sm[CSAT] = share(self.sat_hi, self.sat_n);
        }
        if ds.effort.is_some() {
            v[CES] = self.effort.get();
            v[9] = pct(self.effort_easy as f64, self.effort.n as f64);
            sm[9] = share(self.effort_easy, self.effort.n);
        }
        if ds.nps.is_some() {
            v[NPS] = self.nps.nps();
            sm[NPS] = self.nps.se().map(|se| Sample::Score { se });
        }
        if ds.revenue.is_some() {
            // With a revenue column, customers without revenue rows earned 0 (so a period
            // with no sales shows -100%); n/a is only for "no revenue column" or no customers.
            v[11] = (custf > 0.0).then_some(self.revenue.sum);
            v[12] = v[11].and_then(|t| ratio(t, custf));
        }
        v[15] = ratio(events, custf);
        v[JES] = jes(v, &settings.jes_weights, ds.scales.effort).value;
        out
    }
}

/// Maps a timestamp to one of `n` periods (slot `0..n`, None outside them). Slots must
/// rise with time, so a customer's time-sorted events of one period form one run.
type Slots<'a> = (&'a dyn Fn(i64) -> Option<usize>, usize);

/// KPI values of all selected events (when `whole`) and of each period of `periods`, in
/// ONE pass: each customer is walked once over all their selected events and once over
/// each period's run of them. A customer's events are time-sorted with untimed ones last,
/// so the events of one period form a contiguous run.
fn all_values(
    ctx: &FunnelCtx,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
    periods: Option<Slots>,
    whole_too: bool,
) -> (Values, Vec<Values>) {
    let ds = ctx.ds;
    let cols = Cols::new(ds, settings);
    let mut all = Acc::new(ctx);
    let n_periods = periods.map_or(0, |(_, n)| n);
    let mut per: Vec<Acc> = (0..n_periods).map(|_| Acc::new(ctx)).collect();
    let ts = ds.timestamp.as_deref().unwrap_or(&[]);
    let mut walker = Walker::new(ctx);
    let mut slots: Vec<usize> = Vec::new();
    walks.replay(sel, |w| {
        let (cust, events) = (w.cust, w.events);
        let mut whole = Run::default();
        match periods {
            None => {
                for &e in events {
                    all.add_event(&cols, &cols.read(e as usize), &mut whole);
                }
            }
            Some((slot_of, n)) => {
                slots.clear();
                slots.extend(events.iter().map(|&e| {
                    let t = ts.get(e as usize).copied().unwrap_or(NO_TIME);
                    if t == NO_TIME {
                        return usize::MAX;
                    }
                    slot_of(t).filter(|&s| s < n).unwrap_or(usize::MAX)
                }));
                let (s0, s_end) = (slots[0], slots[slots.len() - 1]);
                if s0 == s_end && s0 < n {
                    // All in one period (slots rise with time): the whole walk is the
                    // period's walk too.
                    let acc = &mut per[s0];
                    let mut run = Run::default();
                    for &e in events {
                        let ev = cols.read(e as usize);
                        if whole_too {
                            all.add_event(&cols, &ev, &mut whole);
                        }
                        acc.add_event(&cols, &ev, &mut run);
                    }
                    acc.end_customer(ctx, &cols, w, run);
                    if whole_too {
                        all.end_customer(ctx, &cols, w, whole);
                    }
                    return;
                }
                // Each event is read once and added to the whole-selection sums and to
                // its period's; a period's run of events is walked when it ends.
                let mut start = 0;
                while start < events.len() {
                    let s = slots[start];
                    let mut end = start + 1;
                    while end < events.len() && slots[end] == s {
                        end += 1;
                    }
                    let run_events = &events[start..end];
                    if s < n {
                        let acc = &mut per[s];
                        let mut run = Run::default();
                        for &e in run_events {
                            let ev = cols.read(e as usize);
                            if whole_too {
                                all.add_event(&cols, &ev, &mut whole);
                            }
                            acc.add_event(&cols, &ev, &mut run);
                        }
                        acc.end_customer(ctx, &cols, &walker.walk(cust, run_events), run);
                    } else if whole_too {
                        for &e in run_events {
                            all.add_event(&cols, &cols.read(e as usize), &mut whole);
                        }
                    }
                    start = end;
                }
            }
        }
        if whole_too {
            all.end_customer(ctx, &cols, w, whole);
        }
    });
    let per = per.into_iter().map(|a| a.finish(ctx, settings)).collect();
    (all.finish(ctx, settings), per)
}

/// The Journey Excellence Score from KPI values.
pub(crate) fn jes(v: &[Option<f64>; 17], w: &JesWeights, effort: crate::dataset::Scale) -> Jes {
    let clean = |x: f64| if x.is_finite() && x > 0.0 { x } else { 0.0 };
    let raw = [
        clean(w.csat),
        clean(w.nps),
        clean(w.conversion),
        clean(w.ces),
    ];
    let total: f64 = raw.iter().sum();
    let norm: Vec<f64> = raw
        .iter()
        .map(|x| ratio(*x, total).unwrap_or(0.0))
        .collect();
    let comps = [
        ("csat", v[CSAT]),
        ("nps", v[NPS].map(|n| (n + 100.0) / 2.0)),
        ("conversion", v[CONV]),
        ("ces", v[CES].map(|c| effort.to_percent(c))),
    ];
    let components: Vec<JesComponent> = comps
        .iter()
        .zip(&norm)
        .map(|(&(key, value), &weight)| JesComponent {
            key: key.into(),
            value: value.filter(|x| x.is_finite()),
            weight,
        })
        .collect();
    let used: Vec<&JesComponent> = components
        .iter()
        .filter(|c| c.value.is_some() && c.weight > 0.0)
        .collect();
    let wsum: f64 = used.iter().map(|c| c.weight).sum();
    let num: f64 = used.iter().map(|c| c.weight * c.value.unwrap_or(0.0)).sum();
    let value = ratio(num, wsum);
    let terms: Vec<String> = used
        .iter()
        .map(|c| format!("{:.2}×{:.1}", c.weight, c.value.unwrap_or(0.0)))
        .collect();
    let formula = match value {
        Some(x) => format!("JES = ({}) / {:.2} = {:.1}", terms.join(" + "), wsum, x),
        None => "JES = n/a".to_string(),
    };
    Jes {
        value,
        components,
        formula,
    }
}

fn status(value: f64, target: f64, lower_is_better: bool) -> TargetStatus {
    let band = 0.1 * target.abs();
    if lower_is_better {
        if value <= target {
            TargetStatus::Met
        } else if value <= target + band {
            TargetStatus::Within10
        } else {
            TargetStatus::Missed
        }
    } else if value >= target {
        TargetStatus::Met
    } else if value >= target - band {
        TargetStatus::Within10
    } else {
        TargetStatus::Missed
    }
}

/// Key of the KPI in slot `slot` of the value arrays ("" past the end).
pub(crate) fn key_of(slot: usize) -> &'static str {
    DEFS.get(slot).map_or("", |d| d.key)
}

/// The values of the KPI period and of the period it is compared with, with their labels.
pub(crate) struct PeriodPair {
    pub current: (String, Values),
    pub previous: Option<(String, Values)>,
    /// Labels offered by the period picker, newest first.
    pub choices: Vec<String>,
}

/// The KPI list and JES from values by slot: of the whole selection (`all`), of each
/// period of the sparkline window (label, complete, values), oldest first, and of the KPI
/// period pair. Shared by the event path and the summary feed, so targets, changes, their
/// tests and JES come from one place.
pub(crate) fn assemble(
    meta_targets: BTreeMap<String, f64>,
    settings: &Settings,
    unavailable: &dyn Fn(usize) -> Option<Needs>,
    all: [Option<f64>; 17],
    series: Vec<(String, bool, [Option<f64>; 17])>,
    pair: Option<PeriodPair>,
    effort: crate::dataset::Scale,
) -> KpiView {
    let mut targets: BTreeMap<String, (f64, TargetSource)> = BTreeMap::new();
    for (k, t) in meta_targets {
        targets.insert(k, (t, TargetSource::Meta));
    }
    for (k, &t) in &settings.targets {
        targets.insert(k.clone(), (t, TargetSource::User));
    }
    let current_period = pair.as_ref().map(|p| p.current.0.clone());
    let previous_period = pair
        .as_ref()
        .and_then(|p| p.previous.as_ref().map(|q| q.0.clone()));
    let cur = pair.as_ref().map(|p| &p.current.1);
    let prev = pair
        .as_ref()
        .and_then(|p| p.previous.as_ref().map(|q| &q.1));
    let kpis = DEFS
        .iter()
        .enumerate()
        .map(|(slot, d)| {
            let unavailable = unavailable(slot);
            let value = if unavailable.is_some() {
                None
            } else {
                all[slot]
            };
            let pick = |p: Option<&Values>| match (p, &unavailable) {
                (Some(p), None) => (p.v[slot], p.samples[slot]),
                _ => (None, None),
            };
            let (c, p) = (pick(cur), pick(prev));
            let (current, previous) = (c.0, p.0);
            let change_unit = d.change_unit();
            let (change, change_p) = change_of(change_unit, c, p);
            let target = targets.get(d.key).copied();
            Kpi {
                key: d.key.into(),
                unit: d.unit,
                value,
                unavailable: unavailable.clone(),
                lower_is_better: d.lower_is_better,
                current,
                previous,
                delta_pct: delta_pct(current, previous),
                change,
                change_unit,
                change_p,
                change_clear: change_p.map(|p| p < 0.05),
                target: target.map(|t| t.0),
                target_source: target.map(|t| t.1),
                status: match (value, target) {
                    (Some(v), Some((t, _))) => Some(status(v, t, d.lower_is_better)),
                    _ => None,
                },
                sparkline: if unavailable.is_some() {
                    Vec::new()
                } else {
                    series
                        .iter()
                        .map(|(period, complete, vals)| SparkPoint {
                            period: period.clone(),
                            value: vals[slot],
                            complete: *complete,
                        })
                        .collect()
                },
            }
        })
        .collect();
    let mut jes_v = all;
    for (slot, x) in jes_v.iter_mut().enumerate() {
        if unavailable(slot).is_some() {
            *x = None;
        }
    }
    KpiView {
        kpis,
        jes: jes(&jes_v, &settings.jes_weights, effort),
        impact: Impact::default(),
        current_period,
        previous_period,
        period_choices: pair.map(|p| p.choices).unwrap_or_default(),
    }
}

/// The KPI window for the selection (None without timestamps), with the picker's choices:
/// periods from the data's first day (`first_day`) to the latest selected event.
fn kpi_window(
    first_day: i64,
    walks: &Walks,
    settings: &Settings,
) -> Option<(KpiWindow, Vec<String>)> {
    let latest = walks.latest_time()?.div_euclid(DAY);
    let p = &settings.kpi_period;
    let w = kpi_period::window(p, latest)?;
    Some((
        w,
        kpi_period::choices(p.kind, first_day.min(latest), latest),
    ))
}

const DAY: i64 = 86_400;

/// Values of the KPI period and its comparison period: taken from the sparkline's
/// periods when they are the same calendar months, else from one more pass over the
/// selection that keeps only the two periods' events.
fn period_pair(
    ctx: &FunnelCtx,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
    series: &[(String, bool, Values)],
    w: KpiWindow,
    choices: Vec<String>,
) -> PeriodPair {
    let find = |label: &str| {
        series
            .iter()
            .find(|(l, _, _)| l == label)
            .map(|(_, _, v)| v.clone())
    };
    let months =
        settings.kpi_period.kind == KpiPeriodKind::Month && settings.period == PeriodKind::Month;
    if months {
        let cur = find(&w.current.label);
        let prev = w.previous.as_ref().map(|p| find(&p.label));
        if let (Some(cur), Some(Some(prev))) = (cur, prev) {
            return PeriodPair {
                current: (w.current.label, cur),
                previous: w.previous.map(|p| (p.label, prev)),
                choices,
            };
        }
    }
    let slot_of = |t: i64| w.slot_of_day(t.div_euclid(DAY));
    let (_, mut per) = all_values(ctx, settings, sel, walks, Some((&slot_of, 2)), false);
    let cur = per.pop().unwrap_or_default();
    let prev = per.pop().unwrap_or_default();
    PeriodPair {
        current: (w.current.label.clone(), cur),
        previous: w.previous.map(|p| (p.label, prev)),
        choices,
    }
}

/// The KPI view for the selected events.
pub(crate) fn compute(
    ctx: &FunnelCtx,
    periods: Option<&PeriodIndex>,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
) -> KpiView {
    let ds = ctx.ds;
    // Per-period values, for sparklines and period over period: the last
    // `sparkline_periods` periods up to the one holding the latest selected event.
    let ts = ds.timestamp.as_deref();
    let window = periods.zip(ts).and_then(|(p, _)| {
        let latest_t = walks.latest_time()?;
        let latest = p.slot(latest_t)?;
        // At most 120 periods: each costs counters per stage and touchpoint, and a setting
        // from a hostile link must not multiply memory.
        let n = settings.sparkline_periods.clamp(3, 120);
        Some((p, (latest + 1).saturating_sub(n), latest))
    });
    let spark_slot = window.map(|(p, first, latest)| {
        move |t: i64| {
            p.slot(t)
                .filter(|&s| s >= first && s <= latest)
                .map(|s| s - first)
        }
    });
    let spark_slots = match (&spark_slot, window) {
        (Some(f), Some((_, first, latest))) => {
            Some((f as &dyn Fn(i64) -> Option<usize>, latest + 1 - first))
        }
        _ => None,
    };
    let (all, per) = all_values(ctx, settings, sel, walks, spark_slots, true);
    let series: Vec<(String, bool, Values)> = match window {
        Some((p, first, latest)) => (first..=latest)
            .zip(per)
            .map(|(s, vals)| (p.label(s), s != latest, vals))
            .collect(),
        None => Vec::new(),
    };
    let pair = periods
        .zip(ts)
        .and_then(|(p, _)| kpi_window(p.first_day(), walks, settings))
        .map(|(w, choices)| period_pair(ctx, settings, sel, walks, &series, w, choices));
    let meta_targets = ds.meta.targets.clone();
    let mut view = assemble(
        meta_targets,
        settings,
        &|slot| unavailable(ds, ctx, slot),
        all.v,
        series.into_iter().map(|(l, c, v)| (l, c, v.v)).collect(),
        pair,
        ds.scales.effort,
    );
    let [pro, det] = all.impact;
    let imp_missing = match (ds.nps.is_some(), ds.revenue.is_some() || ds.stage.is_some()) {
        (false, _) => Some(Needs::column(Role::Nps)),
        (true, false) => Some(Needs(vec![
            Need::Column(Role::Revenue),
            Need::Column(Role::Stage),
        ])),
        _ => None,
    };
    let rev_pp = |a: (u64, f64, u64, u64)| {
        if ds.revenue.is_some() {
            ratio(a.1, a.0 as f64)
        } else {
            None
        }
    };
    let ret = |a: (u64, f64, u64, u64)| {
        if unavailable(ds, ctx, RET).is_some() {
            None
        } else {
            pct(a.3 as f64, a.2 as f64)
        }
    };
    let diff = |a: Option<f64>, b: Option<f64>| delta_pct(a, b);
    let impact = Impact {
        unavailable: imp_missing,
        promoters: pro.0,
        detractors: det.0,
        revenue_per_promoter: rev_pp(pro),
        revenue_per_detractor: rev_pp(det),
        revenue_diff_pct: diff(rev_pp(pro), rev_pp(det)),
        retention_promoters: ret(pro),
        retention_detractors: ret(det),
        retention_diff_pct: diff(ret(pro), ret(det)),
    };
    view.impact = impact;
    view
}
