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

use super::funnel::{FunnelCtx, ReplayAt, ResolvedMode, Walk, Walker, Walks, PART_EVENTS};
use super::kpi_period::{self, KpiWindow};
use super::nps::Counts;
use super::period::PeriodIndex;
use super::settings::{JesWeights, KpiPeriodKind, PeriodKind, Settings};
use super::stats::{delta_pct, difference_z, median, pct, ratio, two_proportion_z, Mean};
use crate::dataset::{Dataset, Role, MISSING, NO_TIME};
use crate::message::{Need, Needs};
use std::collections::BTreeMap;
use std::future::Future;

/// Every KPI, in display order; its stable key is [`KpiKey::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KpiKey {
    Customers,
    Interactions,
    Touchpoints,
    ConversionRate,
    RetentionRate,
    ChurnRate,
    RepeatRate,
    Csat,
    Ces,
    CesEasyPct,
    Nps,
    RevenueTotal,
    RevenuePerCustomer,
    RevenuePerConverted,
    MedianDaysToConvert,
    InteractionsPerCustomer,
    Jes,
}

impl KpiKey {
    /// Display order (the order of [`KpiView::kpis`]).
    pub const ALL: [KpiKey; 17] = [
        KpiKey::Customers,
        KpiKey::Interactions,
        KpiKey::Touchpoints,
        KpiKey::ConversionRate,
        KpiKey::RetentionRate,
        KpiKey::ChurnRate,
        KpiKey::RepeatRate,
        KpiKey::Csat,
        KpiKey::Ces,
        KpiKey::CesEasyPct,
        KpiKey::Nps,
        KpiKey::RevenueTotal,
        KpiKey::RevenuePerCustomer,
        KpiKey::RevenuePerConverted,
        KpiKey::MedianDaysToConvert,
        KpiKey::InteractionsPerCustomer,
        KpiKey::Jes,
    ];

    /// The key targets, reports and the message `kpi.<key>` use.
    pub fn key(self) -> &'static str {
        match self {
            KpiKey::Customers => "customers",
            KpiKey::Interactions => "interactions",
            KpiKey::Touchpoints => "touchpoints",
            KpiKey::ConversionRate => "conversion_rate",
            KpiKey::RetentionRate => "retention_rate",
            KpiKey::ChurnRate => "churn_rate",
            KpiKey::RepeatRate => "repeat_rate",
            KpiKey::Csat => "csat",
            KpiKey::Ces => "ces",
            KpiKey::CesEasyPct => "ces_easy_pct",
            KpiKey::Nps => "nps",
            KpiKey::RevenueTotal => "revenue_total",
            KpiKey::RevenuePerCustomer => "revenue_per_customer",
            KpiKey::RevenuePerConverted => "revenue_per_converted",
            KpiKey::MedianDaysToConvert => "median_days_to_convert",
            KpiKey::InteractionsPerCustomer => "interactions_per_customer",
            KpiKey::Jes => "jes",
        }
    }

    pub fn unit(self) -> KpiUnit {
        use KpiKey as K;
        match self {
            K::Customers | K::Interactions | K::Touchpoints => KpiUnit::Count,
            K::ConversionRate
            | K::RetentionRate
            | K::ChurnRate
            | K::RepeatRate
            | K::Csat
            | K::CesEasyPct => KpiUnit::Percent,
            K::Ces | K::Nps | K::InteractionsPerCustomer | K::Jes => KpiUnit::Score,
            K::RevenueTotal | K::RevenuePerCustomer | K::RevenuePerConverted => KpiUnit::Money,
            K::MedianDaysToConvert => KpiUnit::Days,
        }
    }

    /// Targets of these are met from below.
    pub fn lower_is_better(self) -> bool {
        matches!(self, KpiKey::ChurnRate | KpiKey::MedianDaysToConvert)
    }

    /// Rates, shares and bounded scores (CSAT, NPS, CES, JES) change in points; counts,
    /// money, days and interactions per customer in percent.
    fn change_unit(self) -> ChangeUnit {
        match self.unit() {
            KpiUnit::Percent | KpiUnit::Score if self != KpiKey::InteractionsPerCustomer => {
                ChangeUnit::Points
            }
            _ => ChangeUnit::Percent,
        }
    }

    /// Why this KPI cannot be computed from a file (None when it can). `has` tells which
    /// columns the file has; `has_next` whether a stage follows the conversion stage;
    /// `ordered` whether the funnel is walked in time order.
    pub(crate) fn needs(
        self,
        has: &dyn Fn(Role) -> bool,
        has_next: bool,
        ordered: bool,
    ) -> Option<Needs> {
        use KpiKey as K;
        let need = |role: Role| (!has(role)).then(|| Needs::column(role));
        match self {
            K::Touchpoints => need(Role::Touchpoint),
            K::ConversionRate | K::RepeatRate => need(Role::Stage),
            K::RetentionRate | K::ChurnRate => need(Role::Stage)
                .or_else(|| (!has_next).then(|| Needs(vec![Need::StageAfterConversion]))),
            K::Csat => need(Role::Satisfaction),
            K::Ces | K::CesEasyPct => need(Role::Effort),
            K::Nps => need(Role::Nps),
            K::RevenueTotal | K::RevenuePerCustomer => need(Role::Revenue),
            K::RevenuePerConverted => need(Role::Revenue).or_else(|| need(Role::Stage)),
            K::MedianDaysToConvert => {
                need(Role::Stage).or_else(|| (!ordered).then(|| Needs::column(Role::Timestamp)))
            }
            K::Customers | K::Interactions | K::InteractionsPerCustomer | K::Jes => None,
        }
    }
}

/// Keys of KPIs where lower values are better (targets are met from below).
pub const LOWER_IS_BETTER: [&str; 2] = ["churn_rate", "median_days_to_convert"];

/// One `T` per KPI, named: the values of one subset of events, or what each was measured on.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct KpiSet<T> {
    pub customers: T,
    pub interactions: T,
    pub touchpoints: T,
    pub conversion_rate: T,
    pub retention_rate: T,
    pub churn_rate: T,
    pub repeat_rate: T,
    pub csat: T,
    pub ces: T,
    pub ces_easy_pct: T,
    pub nps: T,
    pub revenue_total: T,
    pub revenue_per_customer: T,
    pub revenue_per_converted: T,
    pub median_days_to_convert: T,
    pub interactions_per_customer: T,
    pub jes: T,
}

impl<T: Copy> KpiSet<T> {
    /// The entry of one KPI.
    pub fn get(&self, key: KpiKey) -> T {
        let mut copy = *self;
        *copy.get_mut(key)
    }

    /// The entry of one KPI, to change.
    pub fn get_mut(&mut self, key: KpiKey) -> &mut T {
        use KpiKey as K;
        match key {
            K::Customers => &mut self.customers,
            K::Interactions => &mut self.interactions,
            K::Touchpoints => &mut self.touchpoints,
            K::ConversionRate => &mut self.conversion_rate,
            K::RetentionRate => &mut self.retention_rate,
            K::ChurnRate => &mut self.churn_rate,
            K::RepeatRate => &mut self.repeat_rate,
            K::Csat => &mut self.csat,
            K::Ces => &mut self.ces,
            K::CesEasyPct => &mut self.ces_easy_pct,
            K::Nps => &mut self.nps,
            K::RevenueTotal => &mut self.revenue_total,
            K::RevenuePerCustomer => &mut self.revenue_per_customer,
            K::RevenuePerConverted => &mut self.revenue_per_converted,
            K::MedianDaysToConvert => &mut self.median_days_to_convert,
            K::InteractionsPerCustomer => &mut self.interactions_per_customer,
            K::Jes => &mut self.jes,
        }
    }
}

/// KPI values of one subset of events (None = not computable there).
pub(crate) type KpiValues = KpiSet<Option<f64>>;

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

/// Sums over the customers of one NPS class (by their latest answer), for [`Impact`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct ClassSums {
    pub customers: u64,
    pub revenue: f64,
    pub converted: u64,
    pub retained: u64,
}

impl ClassSums {
    /// Mean revenue of the class (None without a revenue column).
    fn revenue_per_customer(&self, has_revenue: bool) -> Option<f64> {
        if has_revenue {
            ratio(self.revenue, self.customers as f64)
        } else {
            None
        }
    }

    /// % of the class's converted customers who were retained (None when retention is
    /// not computable).
    fn retention(&self, retention_available: bool) -> Option<f64> {
        if retention_available {
            pct(self.retained as f64, self.converted as f64)
        } else {
            None
        }
    }
}

/// Promoters' and detractors' sums.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct ImpactSums {
    pub promoters: ClassSums,
    pub detractors: ClassSums,
}

impl ImpactSums {
    /// The sums of the class of an NPS answer (None for passives).
    fn class_of(&mut self, answer: f64) -> Option<&mut ClassSums> {
        if answer >= 9.0 {
            Some(&mut self.promoters)
        } else if answer < 7.0 {
            Some(&mut self.detractors)
        } else {
            None
        }
    }
}

/// What the impact card needs that a file lacks: NPS, then revenue or a stage.
pub(crate) fn impact_needs(has_nps: bool, has_revenue_or_stage: bool) -> Option<Needs> {
    match (has_nps, has_revenue_or_stage) {
        (false, _) => Some(Needs::column(Role::Nps)),
        (true, false) => Some(Needs(vec![
            Need::Column(Role::Revenue),
            Need::Column(Role::Stage),
        ])),
        _ => None,
    }
}

/// Promoters compared with detractors, from their sums. Shared by the event path and the
/// summary feed.
pub(crate) fn impact_view(
    unavailable: Option<Needs>,
    sums: &ImpactSums,
    has_revenue: bool,
    retention_available: bool,
) -> Impact {
    let (pro, det) = (&sums.promoters, &sums.detractors);
    let rev = |c: &ClassSums| c.revenue_per_customer(has_revenue);
    let ret = |c: &ClassSums| c.retention(retention_available);
    Impact {
        unavailable,
        promoters: pro.customers,
        detractors: det.customers,
        revenue_per_promoter: rev(pro),
        revenue_per_detractor: rev(det),
        revenue_diff_pct: delta_pct(rev(pro), rev(det)),
        retention_promoters: ret(pro),
        retention_detractors: ret(det),
        retention_diff_pct: delta_pct(ret(pro), ret(det)),
    }
}

/// KPI values of one subset of events.
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    pub values: KpiValues,
    /// What each rate, share and NPS was measured on.
    pub samples: KpiSet<Option<Sample>>,
    pub impact: ImpactSums,
}

/// Why a KPI cannot be computed from this file.
fn unavailable(ds: &Dataset, ctx: &FunnelCtx, key: KpiKey) -> Option<Needs> {
    let has_next = ctx
        .plan
        .conversion_step
        .is_some_and(|c| c + 1 < ctx.plan.stages.len());
    let has = |role: Role| match role {
        Role::Touchpoint => ds.touchpoint.is_some(),
        Role::Stage => ds.stage.is_some(),
        Role::Satisfaction => ds.satisfaction.is_some(),
        Role::Effort => ds.effort.is_some(),
        Role::Nps => ds.nps.is_some(),
        Role::Revenue => ds.revenue.is_some(),
        _ => true,
    };
    key.needs(&has, has_next, ctx.mode == ResolvedMode::Ordered)
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
    impact: ImpactSums,
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
            impact: ImpactSums::default(),
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
            if let Some(class) = latest.and_then(|v| self.impact.class_of(v)) {
                class.customers += 1;
                class.revenue += cust_rev;
                class.converted += converted as u64;
                class.retained += retained as u64;
            }
        }
    }

    /// Adds a run of one customer's events with its own per-customer sums.
    #[inline]
    fn add_events(&mut self, cols: &Cols, events: &[u32], run: &mut Run) {
        for &e in events {
            self.add_event(cols, &cols.read(e as usize), run);
        }
    }

    /// The KPI values of everything added.
    fn finish(mut self, ctx: &FunnelCtx, settings: &Settings) -> Values {
        let ds = ctx.ds;
        let mut out = Values {
            impact: self.impact,
            ..Values::default()
        };
        let events = self.events as f64;
        let custf = self.customers as f64;
        let v = &mut out.values;
        v.customers = Some(custf);
        v.interactions = Some(events);
        if ds.touchpoint.is_some() {
            v.touchpoints = Some(self.touchpoints as f64);
        }
        if let Some(c) = ctx.plan.conversion_step {
            self.finish_funnel(ctx, c, &mut out);
        }
        let (v, sm) = (&mut out.values, &mut out.samples);
        let share = |x: u64, n: u64| Some(Sample::Share { x, n });
        if ds.satisfaction.is_some() {
            v.csat = pct(self.sat_hi as f64, self.sat_n as f64);
            sm.csat = share(self.sat_hi, self.sat_n);
        }
        if ds.effort.is_some() {
            v.ces = self.effort.get();
            v.ces_easy_pct = pct(self.effort_easy as f64, self.effort.n as f64);
            sm.ces_easy_pct = share(self.effort_easy, self.effort.n);
        }
        if ds.nps.is_some() {
            v.nps = self.nps.nps();
            sm.nps = self.nps.se().map(|se| Sample::Score { se });
        }
        if ds.revenue.is_some() {
            // With a revenue column, customers without revenue rows earned 0 (so a period
            // with no sales shows -100%); n/a is only for "no revenue column" or no customers.
            v.revenue_total = (custf > 0.0).then_some(self.revenue.sum);
            v.revenue_per_customer = v.revenue_total.and_then(|t| ratio(t, custf));
        }
        v.interactions_per_customer = ratio(events, custf);
        v.jes = jes(v, &settings.jes_weights, ds.scales.effort).value;
        out
    }

    /// The KPIs that need the conversion step `c`: conversion, retention, churn, repeat,
    /// revenue per converted customer and days to convert.
    fn finish_funnel(&mut self, ctx: &FunnelCtx, c: usize, out: &mut Values) {
        let reached = &self.reached;
        let (v, sm) = (&mut out.values, &mut out.samples);
        let share = |x: u64, n: u64| Some(Sample::Share { x, n });
        v.conversion_rate = pct(reached[c] as f64, reached[0] as f64);
        sm.conversion_rate = share(reached[c], reached[0]);
        if c + 1 < ctx.plan.stages.len() {
            v.retention_rate = pct(reached[c + 1] as f64, reached[c] as f64);
            v.churn_rate = v.retention_rate.map(|r| 100.0 - r);
            sm.retention_rate = share(reached[c + 1], reached[c]);
            sm.churn_rate = share(reached[c].saturating_sub(reached[c + 1]), reached[c]);
        }
        v.repeat_rate = pct(self.repeaters as f64, reached[c] as f64);
        sm.repeat_rate = share(self.repeaters, reached[c]);
        if ctx.ds.revenue.is_some() {
            v.revenue_per_converted = ratio(self.conv_revenue, reached[c] as f64);
        }
        if ctx.mode == ResolvedMode::Ordered {
            v.median_days_to_convert = median(&mut self.days);
        }
    }
}

/// Maps a timestamp to one of `n` periods (slot `0..n`, None outside them). Slots must
/// rise with time, so a customer's time-sorted events of one period form one run.
type Slots<'a> = (&'a dyn Fn(i64) -> Option<usize>, usize);

/// KPI values of all selected events (when `whole_too`) and of each period of `periods`,
/// in ONE pass: each customer is walked once over all their selected events and once over
/// each period's run of them. A customer's events are time-sorted with untimed ones last,
/// so the events of one period form a contiguous run.
async fn all_values<F: Future<Output = ()>>(
    pass: &mut Pass<'_, '_, impl FnMut() -> F>,
    periods: Option<Slots<'_>>,
    whole_too: bool,
) -> (Values, Vec<Values>) {
    let (ctx, settings, sel, walks) = (pass.ctx, pass.settings, pass.sel, pass.walks);
    let ds = ctx.ds;
    let cols = Cols::new(ds, settings);
    let mut all = Acc::new(ctx);
    let n_periods = periods.map_or(0, |(_, n)| n);
    let mut per: Vec<Acc> = (0..n_periods).map(|_| Acc::new(ctx)).collect();
    let ts = ds.timestamp.as_deref().unwrap_or(&[]);
    let mut walker = Walker::new(ctx);
    let mut slots: Vec<usize> = Vec::new();
    let mut at = ReplayAt::default();
    while walks.replay_part(sel, &mut at, PART_EVENTS, |w| {
        let mut whole = Run::default();
        match periods {
            None => all.add_events(&cols, w.events, &mut whole),
            Some(periods) => {
                period_slots(ts, w.events, periods, &mut slots);
                let both = whole_too.then_some((&mut all, &mut whole));
                add_by_period(ctx, &cols, &mut walker, w, &slots, &mut per, both);
            }
        }
        if whole_too {
            all.end_customer(ctx, &cols, w, whole);
        }
    }) {
        (pass.pause)().await;
    }
    let per = per.into_iter().map(|a| a.finish(ctx, settings)).collect();
    (all.finish(ctx, settings), per)
}

/// Each event's period slot into `out` (`usize::MAX` when untimed or outside the periods).
fn period_slots(ts: &[i64], events: &[u32], (slot_of, n): Slots, out: &mut Vec<usize>) {
    out.clear();
    out.extend(events.iter().map(|&e| {
        let t = ts.get(e as usize).copied().unwrap_or(NO_TIME);
        if t == NO_TIME {
            return usize::MAX;
        }
        slot_of(t).filter(|&s| s < n).unwrap_or(usize::MAX)
    }));
}

/// The whole selection's sums and the current customer's run in them.
type WholeRun<'a> = Option<(&'a mut Acc, &'a mut Run)>;

/// Adds `events` to `acc` in a run of their own (returned) and, when given, to the whole
/// selection's sums too: each event is read once.
#[inline]
fn add_run(cols: &Cols, events: &[u32], acc: &mut Acc, mut whole: WholeRun) -> Run {
    let mut run = Run::default();
    for &e in events {
        let ev = cols.read(e as usize);
        if let Some((all, whole_run)) = whole.as_mut() {
            all.add_event(cols, &ev, whole_run);
        }
        acc.add_event(cols, &ev, &mut run);
    }
    run
}

/// Adds one customer's events to the sums of their periods (`slots`, one per event) and,
/// when given, to the whole selection's; a period's run of events is walked when it ends.
fn add_by_period(
    ctx: &FunnelCtx,
    cols: &Cols,
    walker: &mut Walker,
    w: &Walk,
    slots: &[usize],
    per: &mut [Acc],
    mut whole: WholeRun,
) {
    let (events, n) = (w.events, per.len());
    let (s0, s_end) = (slots[0], slots[slots.len() - 1]);
    if s0 == s_end && s0 < n {
        // All in one period (slots rise with time): the whole walk is the period's walk too.
        let run = add_run(cols, events, &mut per[s0], whole);
        per[s0].end_customer(ctx, cols, w, run);
        return;
    }
    let mut start = 0;
    while start < events.len() {
        let s = slots[start];
        let mut end = start + 1;
        while end < events.len() && slots[end] == s {
            end += 1;
        }
        let run_events = &events[start..end];
        if s < n {
            let both = whole.as_mut().map(|(a, r)| (&mut **a, &mut **r));
            let run = add_run(cols, run_events, &mut per[s], both);
            per[s].end_customer(ctx, cols, &walker.walk(w.cust, run_events), run);
        } else if let Some((all, whole_run)) = whole.as_mut() {
            all.add_events(cols, run_events, whole_run);
        }
        start = end;
    }
}

/// The Journey Excellence Score from KPI values.
pub(crate) fn jes(v: &KpiValues, w: &JesWeights, effort: crate::dataset::Scale) -> Jes {
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
        ("csat", v.csat),
        ("nps", v.nps.map(|n| (n + 100.0) / 2.0)),
        ("conversion", v.conversion_rate),
        ("ces", v.ces.map(|c| effort.to_percent(c))),
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

/// The values of one period of a sparkline.
#[derive(Debug, Clone)]
pub(crate) struct SeriesPoint<V> {
    pub period: String,
    /// False for the period holding the latest timestamp.
    pub complete: bool,
    pub values: V,
}

/// The values of the KPI period and of the period it is compared with, with their labels.
pub(crate) struct PeriodPair {
    pub current: (String, Values),
    pub previous: Option<(String, Values)>,
    /// Labels offered by the period picker, newest first.
    pub choices: Vec<String>,
}

/// Targets by KPI key: the meta's, overridden by the user's.
fn targets(
    meta_targets: BTreeMap<String, f64>,
    settings: &Settings,
) -> BTreeMap<String, (f64, TargetSource)> {
    let mut targets: BTreeMap<String, (f64, TargetSource)> = BTreeMap::new();
    for (k, t) in meta_targets {
        targets.insert(k, (t, TargetSource::Meta));
    }
    for (k, &t) in &settings.targets {
        targets.insert(k.clone(), (t, TargetSource::User));
    }
    targets
}

/// What one KPI tile is made of, besides its key.
struct TileInputs<'a> {
    all: &'a KpiValues,
    unavailable: Option<Needs>,
    cur: Option<&'a Values>,
    prev: Option<&'a Values>,
    target: Option<(f64, TargetSource)>,
    series: &'a [SeriesPoint<KpiValues>],
}

/// One KPI tile: value, period change and its test, target status and sparkline.
fn tile(key: KpiKey, t: TileInputs) -> Kpi {
    let unavailable = t.unavailable;
    let value = if unavailable.is_some() {
        None
    } else {
        t.all.get(key)
    };
    let pick = |p: Option<&Values>| match (p, &unavailable) {
        (Some(p), None) => (p.values.get(key), p.samples.get(key)),
        _ => (None, None),
    };
    let (c, p) = (pick(t.cur), pick(t.prev));
    let (current, previous) = (c.0, p.0);
    let change_unit = key.change_unit();
    let (change, change_p) = change_of(change_unit, c, p);
    let lower_is_better = key.lower_is_better();
    let sparkline = if unavailable.is_some() {
        Vec::new()
    } else {
        t.series
            .iter()
            .map(|s| SparkPoint {
                period: s.period.clone(),
                value: s.values.get(key),
                complete: s.complete,
            })
            .collect()
    };
    Kpi {
        key: key.key().into(),
        unit: key.unit(),
        value,
        unavailable,
        lower_is_better,
        current,
        previous,
        delta_pct: delta_pct(current, previous),
        change,
        change_unit,
        change_p,
        change_clear: change_p.map(|p| p < 0.05),
        target: t.target.map(|t| t.0),
        target_source: t.target.map(|t| t.1),
        status: match (value, t.target) {
            (Some(v), Some((t, _))) => Some(status(v, t, lower_is_better)),
            _ => None,
        },
        sparkline,
    }
}

/// The KPI list and JES from the values of the whole selection (`all`), of each period of
/// the sparkline window, oldest first, and of the KPI period pair. Shared by the event
/// path and the summary feed, so targets, changes, their tests and JES come from one place.
pub(crate) fn assemble(
    meta_targets: BTreeMap<String, f64>,
    settings: &Settings,
    unavailable: &dyn Fn(KpiKey) -> Option<Needs>,
    all: KpiValues,
    series: Vec<SeriesPoint<KpiValues>>,
    pair: Option<PeriodPair>,
    effort: crate::dataset::Scale,
) -> KpiView {
    let targets = targets(meta_targets, settings);
    let current_period = pair.as_ref().map(|p| p.current.0.clone());
    let previous_period = pair
        .as_ref()
        .and_then(|p| p.previous.as_ref().map(|q| q.0.clone()));
    let cur = pair.as_ref().map(|p| &p.current.1);
    let prev = pair
        .as_ref()
        .and_then(|p| p.previous.as_ref().map(|q| &q.1));
    let kpis = KpiKey::ALL
        .iter()
        .map(|&key| {
            let inputs = TileInputs {
                all: &all,
                unavailable: unavailable(key),
                cur,
                prev,
                target: targets.get(key.key()).copied(),
                series: &series,
            };
            tile(key, inputs)
        })
        .collect();
    let mut jes_v = all;
    for key in KpiKey::ALL {
        if unavailable(key).is_some() {
            *jes_v.get_mut(key) = None;
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
async fn period_pair<F: Future<Output = ()>>(
    pass: &mut Pass<'_, '_, impl FnMut() -> F>,
    series: &[SeriesPoint<Values>],
    w: KpiWindow,
    choices: Vec<String>,
) -> PeriodPair {
    let settings = pass.settings;
    let find = |label: &str| {
        series
            .iter()
            .find(|s| s.period == label)
            .map(|s| s.values.clone())
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
    let (_, mut per) = all_values(pass, Some((&slot_of, 2)), false).await;
    let cur = per.pop().unwrap_or_default();
    let prev = per.pop().unwrap_or_default();
    PeriodPair {
        current: (w.current.label.clone(), cur),
        previous: w.previous.map(|p| (p.label, prev)),
        choices,
    }
}

/// The sparkline's periods: the last `sparkline_periods` up to the one holding the latest
/// selected event.
#[derive(Clone, Copy)]
struct SparkWindow<'a> {
    periods: &'a PeriodIndex,
    first: usize,
    latest: usize,
}

impl<'a> SparkWindow<'a> {
    /// None without periods or without a timed selected event.
    fn new(periods: &'a PeriodIndex, walks: &Walks, settings: &Settings) -> Option<Self> {
        let latest = periods.slot(walks.latest_time()?)?;
        // At most 120 periods: each costs counters per stage and touchpoint, and a setting
        // from a hostile link must not multiply memory.
        let n = settings.sparkline_periods.clamp(3, 120);
        Some(SparkWindow {
            periods,
            first: (latest + 1).saturating_sub(n),
            latest,
        })
    }

    /// The window's slot (0 = first) of a timestamp, None outside it.
    fn slot_of(&self, t: i64) -> Option<usize> {
        self.periods
            .slot(t)
            .filter(|&s| s >= self.first && s <= self.latest)
            .map(|s| s - self.first)
    }
}

/// Values of the whole selection and of each period of the sparkline window (one pass).
async fn whole_and_series<F: Future<Output = ()>>(
    pass: &mut Pass<'_, '_, impl FnMut() -> F>,
    window: Option<SparkWindow<'_>>,
) -> (Values, Vec<SeriesPoint<Values>>) {
    let Some(w) = window else {
        let (all, _) = all_values(pass, None, true).await;
        return (all, Vec::new());
    };
    let slot_of = |t: i64| w.slot_of(t);
    let slots: Slots = (&slot_of, w.latest + 1 - w.first);
    let (all, per) = all_values(pass, Some(slots), true).await;
    let series = (w.first..=w.latest)
        .zip(per)
        .map(|(s, values)| SeriesPoint {
            period: w.periods.label(s),
            complete: s != w.latest,
            values,
        })
        .collect();
    (all, series)
}

/// What every KPI pass over the customers reads, and the caller's pause between parts of
/// a pass (see [`super::steps`]).
pub(crate) struct Pass<'p, 'c, P> {
    pub ctx: &'p FunnelCtx<'c>,
    pub settings: &'p Settings,
    pub sel: &'p [u32],
    pub walks: &'p Walks,
    pub pause: P,
}

/// The KPI view for the selected events, with `pass.pause().await` between parts of its
/// passes over the customers (a million events take two or three passes).
pub(crate) async fn compute<F: Future<Output = ()>>(
    periods: Option<&PeriodIndex>,
    mut pass: Pass<'_, '_, impl FnMut() -> F>,
) -> KpiView {
    let (ctx, settings, walks) = (pass.ctx, pass.settings, pass.walks);
    let ds = ctx.ds;
    // Periods only count with timestamps.
    let periods = periods.filter(|_| ds.timestamp.is_some());
    let window = periods.and_then(|p| SparkWindow::new(p, walks, settings));
    let (all, series) = whole_and_series(&mut pass, window).await;
    let pair = match periods.and_then(|p| kpi_window(p.first_day(), walks, settings)) {
        Some((w, choices)) => Some(period_pair(&mut pass, &series, w, choices).await),
        None => None,
    };
    let series = series
        .into_iter()
        .map(|s| SeriesPoint {
            period: s.period,
            complete: s.complete,
            values: s.values.values,
        })
        .collect();
    let mut view = assemble(
        ds.meta.targets.clone(),
        settings,
        &|key| unavailable(ds, ctx, key),
        all.values,
        series,
        pair,
        ds.scales.effort,
    );
    view.impact = impact_view(
        impact_needs(ds.nps.is_some(), ds.revenue.is_some() || ds.stage.is_some()),
        &all.impact,
        ds.revenue.is_some(),
        unavailable(ds, ctx, KpiKey::RetentionRate).is_none(),
    );
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_in_display_order_with_their_units() {
        let keys: Vec<&str> = KpiKey::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(
            keys,
            [
                "customers",
                "interactions",
                "touchpoints",
                "conversion_rate",
                "retention_rate",
                "churn_rate",
                "repeat_rate",
                "csat",
                "ces",
                "ces_easy_pct",
                "nps",
                "revenue_total",
                "revenue_per_customer",
                "revenue_per_converted",
                "median_days_to_convert",
                "interactions_per_customer",
                "jes",
            ]
        );
        let lower: Vec<&str> = KpiKey::ALL
            .iter()
            .filter(|k| k.lower_is_better())
            .map(|k| k.key())
            .collect();
        assert_eq!(lower, LOWER_IS_BETTER);
        assert_eq!(KpiKey::Ces.unit(), KpiUnit::Score);
        assert_eq!(KpiKey::MedianDaysToConvert.unit(), KpiUnit::Days);
        assert_eq!(KpiKey::RevenuePerConverted.unit(), KpiUnit::Money);
        // Rates and scores change in points, counts, money and per-customer counts in %.
        assert_eq!(KpiKey::ConversionRate.change_unit(), ChangeUnit::Points);
        assert_eq!(KpiKey::Nps.change_unit(), ChangeUnit::Points);
        assert_eq!(
            KpiKey::InteractionsPerCustomer.change_unit(),
            ChangeUnit::Percent
        );
        assert_eq!(KpiKey::RevenueTotal.change_unit(), ChangeUnit::Percent);
        assert_eq!(KpiKey::Customers.change_unit(), ChangeUnit::Percent);
    }

    #[test]
    fn a_set_reads_and_writes_each_kpi_by_key() {
        let mut set = KpiValues::default();
        *set.get_mut(KpiKey::ChurnRate) = Some(12.5);
        *set.get_mut(KpiKey::Jes) = Some(70.0);
        assert_eq!(set.churn_rate, Some(12.5));
        assert_eq!(set.get(KpiKey::Jes), Some(70.0));
        assert_eq!(set.get(KpiKey::RetentionRate), None);
    }

    #[test]
    fn what_each_kpi_needs() {
        let only = |roles: &'static [Role]| move |r: Role| roles.contains(&r);
        let none = only(&[]);
        assert_eq!(KpiKey::Customers.needs(&none, false, false), None);
        assert_eq!(
            KpiKey::ConversionRate.needs(&none, false, false),
            Some(Needs::column(Role::Stage))
        );
        let stage = only(&[Role::Stage]);
        assert_eq!(
            KpiKey::RetentionRate.needs(&stage, false, true),
            Some(Needs(vec![Need::StageAfterConversion]))
        );
        assert_eq!(KpiKey::RetentionRate.needs(&stage, true, true), None);
        assert_eq!(
            KpiKey::MedianDaysToConvert.needs(&stage, true, false),
            Some(Needs::column(Role::Timestamp))
        );
        // Revenue per converted customer asks for revenue first, then the stage.
        assert_eq!(
            KpiKey::RevenuePerConverted.needs(&none, true, true),
            Some(Needs::column(Role::Revenue))
        );
        let revenue = only(&[Role::Revenue]);
        assert_eq!(
            KpiKey::RevenuePerConverted.needs(&revenue, true, true),
            Some(Needs::column(Role::Stage))
        );
    }

    #[test]
    fn nps_classes_and_the_impact_card() {
        let mut sums = ImpactSums::default();
        for answer in [10.0, 9.0, 8.0, 7.0, 6.9, 0.0] {
            if let Some(c) = sums.class_of(answer) {
                c.customers += 1;
            }
        }
        assert_eq!(
            (sums.promoters.customers, sums.detractors.customers),
            (2, 2)
        );
        // Promoters: 4 customers, 400 revenue, 2 converted of whom 1 retained; detractors:
        // 2 customers, 100 revenue, both converted and retained.
        let class = |customers, revenue, converted, retained| ClassSums {
            customers,
            revenue,
            converted,
            retained,
        };
        let sums = ImpactSums {
            promoters: class(4, 400.0, 2, 1),
            detractors: class(2, 100.0, 2, 2),
        };
        let i = impact_view(None, &sums, true, true);
        assert_eq!((i.promoters, i.detractors), (4, 2));
        assert_eq!(
            (i.revenue_per_promoter, i.revenue_per_detractor),
            (Some(100.0), Some(50.0))
        );
        assert_eq!(i.revenue_diff_pct, Some(100.0));
        assert_eq!(
            (i.retention_promoters, i.retention_detractors),
            (Some(50.0), Some(100.0))
        );
        assert_eq!(i.retention_diff_pct, Some(-50.0));
        let bare = impact_view(impact_needs(true, false), &sums, false, false);
        assert_eq!(
            (bare.revenue_per_promoter, bare.retention_promoters),
            (None, None)
        );
        assert_eq!(
            bare.unavailable,
            Some(Needs(vec![
                Need::Column(Role::Revenue),
                Need::Column(Role::Stage)
            ]))
        );
        assert_eq!(impact_needs(false, true), Some(Needs::column(Role::Nps)));
    }

    #[test]
    fn events_go_to_their_period_slot() {
        // Periods of 100 s from t = 100; two of them. Event 2 is untimed, event 3 is in
        // the third period (outside), event 4 before the first.
        let ts = [100, 250, NO_TIME, 300, 50];
        let slot_of = |t: i64| (t >= 100).then(|| (t / 100 - 1) as usize);
        let mut out = Vec::new();
        period_slots(&ts, &[0, 1, 2, 3, 4], (&slot_of, 2), &mut out);
        assert_eq!(out, [0, 1, usize::MAX, usize::MAX, usize::MAX]);
    }
}
