//! The experience map: how each stage and touchpoint feels, where customers leave and
//! which touchpoints matter most for loyalty.

use crate::dataset::Role;
use crate::message::{Message, Needs, Value};
use serde::{Deserialize, Serialize};

/// One stage × touchpoint cell (only cells with events are listed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    pub stage: String,
    pub touchpoint: String,
    pub events: u64,
    /// Distinct customers with an event in this cell.
    pub customers: u64,
    pub satisfaction_mean: Option<f64>,
    /// Number of satisfaction answers behind the mean.
    pub satisfaction_count: u64,
    /// % of satisfaction answers in the two lowest points of the scale.
    pub share_negative: Option<f64>,
    pub effort_mean: Option<f64>,
    pub effort_count: u64,
}

/// The stage × touchpoint grid.
///
/// With more than [`cap::GRID_STAGES`] stages or [`cap::GRID_TOUCHPOINTS`] touchpoints,
/// the ones with the most events are kept and the rest are summed into a last
/// [`cap::OTHERS_LABEL`] stage and/or touchpoint, so the map stays readable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// Missing role(s), e.g. "stage, touchpoint".
    pub unavailable: Option<Needs>,
    /// Row labels in funnel order (then unlisted stages, then "(missing)" when present),
    /// then "(others)" when stages were folded.
    pub stages: Vec<String>,
    /// Column labels by number of events, descending, then "(others)" when touchpoints
    /// were folded.
    pub touchpoints: Vec<String>,
    pub cells: Vec<GridCell>,
    /// Stages the grid would list without a limit (so "top N of M" can be said).
    #[serde(default)]
    pub stages_total: u64,
    /// Of those, how many were summed into the "(others)" stage (0 = none).
    #[serde(default)]
    pub stages_folded: u64,
    #[serde(default)]
    pub touchpoints_total: u64,
    #[serde(default)]
    pub touchpoints_folded: u64,
}

/// Mean satisfaction at one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmotionPoint {
    pub stage: String,
    pub mean: Option<f64>,
    /// `mean` mapped onto 0–100 with the satisfaction scale.
    pub percent: Option<f64>,
    pub count: u64,
}

/// One persona's emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaCurve {
    pub persona: String,
    pub points: Vec<EmotionPoint>,
}

/// Satisfaction along the journey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EmotionCurve {
    pub unavailable: Option<Needs>,
    /// One point per funnel stage, in funnel order.
    pub overall: Vec<EmotionPoint>,
    /// Empty without a persona column. At most [`cap::EMOTION_PERSONAS`] curves: past
    /// that, the personas with the most answers, then one "(others)" curve for the rest.
    pub by_persona: Vec<PersonaCurve>,
    /// Personas with at least one answer (so "top N of M" can be said).
    #[serde(default)]
    pub personas_total: u64,
    /// Of those, how many are in the "(others)" curve (0 = none).
    #[serde(default)]
    pub personas_folded: u64,
}

/// A grid cell with enough answers, ranked worst first (the experience view's table lists
/// them in the order of "What to fix first", [`super::priorities::rank_pain_points`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PainPoint {
    pub stage: String,
    pub touchpoint: String,
    pub satisfaction_mean: f64,
    pub percent: f64,
    pub count: u64,
    pub share_negative: Option<f64>,
}

/// Where customers who did not finish the journey had their last contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExitPoint {
    pub touchpoint: String,
    pub customers: u64,
}

/// The exits of the customers whose furthest funnel stage is `stage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageExits {
    pub stage: String,
    /// Descending by customers.
    pub exits: Vec<ExitPoint>,
}

/// One touchpoint-to-touchpoint transition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handoff {
    pub from: String,
    pub to: String,
    pub count: u64,
    pub customers: u64,
    /// Mean satisfaction of the events at `to` that ended a hand-off.
    pub satisfaction_at_to: Option<f64>,
}

/// Everything after the top pairs, so the totals add up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandoffOthers {
    /// Number of distinct pairs folded into this bucket.
    pub pairs: u64,
    pub count: u64,
    pub satisfaction_at_to: Option<f64>,
}

/// Transitions between touchpoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handoffs {
    pub unavailable: Option<Needs>,
    /// All hand-offs counted (top pairs + others).
    pub total: u64,
    /// Distinct customers with at least one hand-off.
    pub customers: u64,
    pub top: Vec<Handoff>,
    pub others: Option<HandoffOthers>,
}

/// The quadrant of the priority matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Important, low performance.
    FixFirst,
    /// Important, high performance.
    KeepUp,
    /// Unimportant, low performance.
    LowPriority,
    /// Unimportant, high performance.
    PossibleOverkill,
    /// The importance interval includes the median (or there is none): neither side.
    Unclear,
}

/// One touchpoint in the priority matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityPoint {
    pub touchpoint: String,
    /// Mean satisfaction on 0–100.
    pub performance: f64,
    /// Pearson correlation of customers' satisfaction here with their NPS answer.
    pub importance: f64,
    /// Its 95 % interval (Fisher's z); None under 4 customers and in older reports.
    #[serde(default)]
    pub importance_low: Option<f64>,
    #[serde(default)]
    pub importance_high: Option<f64>,
    /// Customers with both a satisfaction answer here and an NPS answer.
    pub customers: u64,
    pub quadrant: Quadrant,
}

/// A touchpoint left out of the matrix, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExcludedTouchpoint {
    pub touchpoint: String,
    pub customers: u64,
    pub reason: Exclusion,
}

/// Why a touchpoint is left out of the priority matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Exclusion {
    /// Fewer customers with both a satisfaction and an NPS answer than the minimum.
    #[serde(rename = "priority.too_few")]
    TooFew { min_count: u64 },
    /// Every answer is the same, so no correlation can be measured.
    #[serde(rename = "priority.no_variation")]
    NoVariation,
}

impl Message for Exclusion {
    fn key(&self) -> &'static str {
        match self {
            Exclusion::TooFew { .. } => "priority.too_few",
            Exclusion::NoVariation => "priority.no_variation",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            Exclusion::TooFew { min_count } => vec![("min", Value::Count(*min_count))],
            Exclusion::NoVariation => Vec::new(),
        }
    }
}

/// Performance vs importance per touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityMatrix {
    pub unavailable: Option<Needs>,
    pub points: Vec<PriorityPoint>,
    pub excluded: Vec<ExcludedTouchpoint>,
    /// Where the quadrants split. A point is above or below the importance median only
    /// when its whole interval is ([`super::priorities::quadrant`]).
    pub performance_median: Option<f64>,
    pub importance_median: Option<f64>,
}

/// Everything the experience-map page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExperienceView {
    /// The dimension of the grid's columns, the exits, hand-offs and priority matrix (the
    /// touchpoint unless the settings chose another one that the data has).
    #[serde(default = "touchpoint_key")]
    pub columns: DimKey,
    /// Its header in the file when it is an extra column.
    #[serde(default)]
    pub columns_header: Option<String>,
    pub grid: Grid,
    pub emotion: EmotionCurve,
    /// Needs satisfaction, stage and touchpoint.
    pub pain_points_unavailable: Option<Needs>,
    pub pain_points: Vec<PainPoint>,
    pub exits_unavailable: Option<Needs>,
    /// Descending by customers.
    pub exits: Vec<ExitPoint>,
    /// The same exits split by the furthest funnel stage reached (funnel order, only
    /// stages somebody left after), so the journey map can say where each stage loses its
    /// customers; summed over stages they are `exits`.
    #[serde(default)]
    pub exits_by_stage: Vec<StageExits>,
    pub handoffs: Handoffs,
    pub priority: PriorityMatrix,
}

use super::cap::{self, OTHERS_LABEL};
use super::filter::MISSING_LABEL;
use super::funnel::{FunnelCtx, ReplayAt, Walk, Walks, PART_EVENTS};
use super::priorities;
use super::settings::Settings;
use super::sparse::Slots;
use super::stages::NOT_A_STEP;
use super::stats::{median, pct, Mean, Pearson};
use crate::dataset::{Dataset, DimColumn, DimKey, MISSING};

/// Accumulator of one grid cell.
#[derive(Debug, Clone, Copy)]
struct CellAcc {
    events: u64,
    customers: u64,
    last_cust: u32,
    sat: Mean,
    negative: u64,
    effort: Mean,
}

impl CellAcc {
    const EMPTY: CellAcc = CellAcc {
        events: 0,
        customers: 0,
        last_cust: u32::MAX,
        sat: Mean { sum: 0.0, n: 0 },
        negative: 0,
        effort: Mean { sum: 0.0, n: 0 },
    };
}

/// The columns a grid cell reads, resolved once.
struct CellInputs<'a> {
    stage: &'a [u32],
    tp: &'a [u32],
    ns: usize,
    nt: usize,
    sat: Option<&'a [f64]>,
    effort: Option<&'a [f64]>,
    /// Highest satisfaction answer counted as negative (the two lowest points).
    negative_max: f64,
}

impl CellInputs<'_> {
    /// Key of event `i`'s stage × touchpoint cell; `(missing)` has the last slot of each.
    /// In u64: the product of two dictionary sizes overflows a 32-bit `usize`.
    #[inline]
    fn key(&self, i: usize) -> u64 {
        slot(self.stage[i], self.ns) as u64 * (self.nt as u64 + 1)
            + slot(self.tp[i], self.nt) as u64
    }

    /// Adds event `i` of customer `cust` (events arrive customer after customer).
    #[inline]
    fn add(&self, c: &mut CellAcc, cust: u32, i: usize) {
        c.events += 1;
        if c.last_cust != cust {
            c.last_cust = cust;
            c.customers += 1;
        }
        // Branch-free (NaN compares false and is not added).
        let sv = self.sat.map_or(f64::NAN, |c| c[i]);
        c.sat.add_present(sv);
        c.negative += (sv <= self.negative_max) as u64;
        c.effort.add_present(self.effort.map_or(f64::NAN, |c| c[i]));
    }
}

/// Accumulator of one hand-off pair.
#[derive(Debug, Clone, Copy, Default)]
struct PairAcc {
    count: u64,
    customers: u64,
    last_cust: u32,
    sat: Mean,
}

/// Code → slot with the missing value in the last slot.
#[inline]
fn slot(code: u32, n: usize) -> usize {
    if code == MISSING {
        n
    } else {
        code as usize
    }
}

fn label(col: &DimColumn, slot: usize) -> String {
    col.values
        .get(slot)
        .cloned()
        .unwrap_or_else(|| MISSING_LABEL.to_string())
}

fn touchpoint_key() -> DimKey {
    DimKey::Role(Role::Touchpoint)
}

/// The chosen column dimension when the data has it, else the touchpoint. The stage is
/// never a column (stage × stage says nothing), and a choice saved for another file that
/// this one lacks falls back rather than emptying the map.
pub(crate) fn map_columns(ds: &Dataset, settings: &Settings) -> DimKey {
    settings
        .map_columns
        .filter(|&k| k != DimKey::Role(Role::Stage) && ds.dimension(k).is_some())
        .unwrap_or_else(touchpoint_key)
}

fn missing_roles(roles: &[(Role, bool)]) -> Option<Needs> {
    Needs::missing(roles)
}

/// The columns the experience map reads, resolved once.
struct ExpColumns<'a> {
    stage: Option<&'a DimColumn>,
    /// The column dimension (the touchpoint unless the settings chose another).
    tp: Option<&'a DimColumn>,
    persona: Option<&'a DimColumn>,
    sat: Option<&'a [f64]>,
    effort: Option<&'a [f64]>,
    nps: Option<&'a [f64]>,
    /// Dictionary sizes of stage, column and persona (0 when absent).
    ns: usize,
    nt: usize,
    np: usize,
    /// Funnel steps.
    k: usize,
}

impl<'a> ExpColumns<'a> {
    fn new(ctx: &FunnelCtx<'a>, columns: DimKey) -> ExpColumns<'a> {
        let ds = ctx.ds;
        let stage = ds.stage.as_ref();
        let tp = ds.dimension(columns);
        let persona = ds.persona.as_ref();
        ExpColumns {
            stage,
            tp,
            persona,
            sat: ds.satisfaction.as_deref(),
            effort: ds.effort.as_deref(),
            nps: ds.nps.as_deref(),
            ns: stage.map_or(0, |s| s.values.len()),
            nt: tp.map_or(0, |t| t.values.len()),
            np: persona.map_or(0, |p| p.values.len()),
            k: ctx.plan.stages.len(),
        }
    }

    /// Event `i`'s satisfaction answer.
    #[inline]
    fn sat_at(&self, i: usize) -> Option<f64> {
        self.sat.map(|c| c[i]).filter(|v| !v.is_nan())
    }

    /// Event `i`'s column code, None when the column is absent or the value missing.
    #[inline]
    fn tp_at(&self, i: usize) -> Option<u32> {
        self.tp.map(|t| t.codes[i]).filter(|&t| t != MISSING)
    }
}

/// One emotion point per funnel stage from its satisfaction sums.
pub(crate) fn emotion_points(
    stages: &[String],
    means: &[Mean],
    scale: crate::dataset::Scale,
) -> Vec<EmotionPoint> {
    means
        .iter()
        .enumerate()
        .map(|(j, m)| EmotionPoint {
            stage: stages[j].to_string(),
            mean: m.get(),
            percent: m.get().map(|v| scale.to_percent(v)),
            count: m.n,
        })
        .collect()
}

/// Fills the persona curves of `emotion` from the sums per persona × step (`used`, by
/// key `persona slot × stages + step`, ascending; `np` personas, "(missing)" last),
/// folding past [`cap::EMOTION_PERSONAS`]. Shared by the event path and the summary feed.
pub(crate) fn persona_curve_list(
    emotion: &mut EmotionCurve,
    np: usize,
    used: Vec<(u64, Mean)>,
    name: impl Fn(usize) -> String,
    stages: &[String],
    scale: crate::dataset::Scale,
) {
    let curves = persona_curves(np, stages.len(), used);
    emotion.personas_total = curves.total;
    emotion.personas_folded = curves.folded;
    emotion.by_persona = curves
        .shown
        .iter()
        .map(|(g, means)| PersonaCurve {
            persona: match g {
                Some(g) => name(*g),
                None => OTHERS_LABEL.to_string(),
            },
            points: emotion_points(stages, means, scale),
        })
        .collect();
}

/// Sums of the stage × column grid's cells (none without both columns).
struct GridAcc<'a> {
    inputs: Option<CellInputs<'a>>,
    cells: Slots<CellAcc>,
}

impl<'a> GridAcc<'a> {
    fn new(c: &ExpColumns<'a>, scale: crate::dataset::Scale, events: usize) -> GridAcc<'a> {
        let inputs = match (c.stage, c.tp) {
            (Some(s), Some(t)) => Some(CellInputs {
                stage: &s.codes,
                tp: &t.codes,
                ns: c.ns,
                nt: c.nt,
                sat: c.sat,
                effort: c.effort,
                negative_max: scale.min + 1.0,
            }),
            _ => None,
        };
        // Sparse beyond small or input-sized products: 10,000 stages × 10,000 touchpoints
        // would otherwise be 10⁸ accumulators.
        let slots = if inputs.is_some() {
            (c.ns as u64 + 1) * (c.nt as u64 + 1)
        } else {
            0
        };
        GridAcc {
            inputs,
            cells: Slots::new(slots, events, CellAcc::EMPTY),
        }
    }

    #[inline]
    fn add_event(&mut self, cust: u32, i: usize) {
        if let Some(g) = &self.inputs {
            g.add(self.cells.get(g.key(i)), cust, i);
        }
    }

    /// The grid and the pain points.
    fn finish(
        self,
        ctx: &FunnelCtx,
        settings: &Settings,
        sel: &[u32],
        walks: &Walks,
        c: &ExpColumns,
    ) -> (Grid, Vec<PainPoint>) {
        match (c.stage, c.tp, &self.inputs) {
            (Some(st), Some(tpc), Some(inputs)) => {
                let used = self.cells.into_sorted(|a| a.events > 0);
                grid_view(ctx, settings, sel, walks, inputs, (st, tpc), used)
            }
            _ => (
                Grid {
                    unavailable: missing_roles(&[
                        (Role::Stage, c.stage.is_some()),
                        (Role::Touchpoint, c.tp.is_some()),
                    ]),
                    ..Grid::default()
                },
                Vec::new(),
            ),
        }
    }
}

/// Satisfaction per funnel step, overall and per persona × step.
struct EmotionAcc<'a> {
    step_of_code: &'a [u32],
    stage: Option<&'a [u32]>,
    persona: Option<&'a DimColumn>,
    np: usize,
    k: usize,
    overall: Vec<Mean>,
    by_persona: Option<Slots<Mean>>,
}

impl<'a> EmotionAcc<'a> {
    fn new(ctx: &'a FunnelCtx, c: &ExpColumns<'a>, events: usize) -> EmotionAcc<'a> {
        let k = c.k;
        EmotionAcc {
            step_of_code: &ctx.plan.step_of_code,
            stage: c.stage.map(|s| &s.codes[..]),
            persona: c.persona,
            np: c.np,
            k,
            overall: vec![Mean::default(); if c.sat.is_some() { k } else { 0 }],
            by_persona: (c.sat.is_some() && c.persona.is_some())
                .then(|| Slots::new((c.np as u64 + 1) * k as u64, events, Mean::default())),
        }
    }

    /// Adds event `i`'s satisfaction answer `s` to its step (and persona).
    #[inline]
    fn add_event(&mut self, i: usize, s: Option<f64>) {
        let (Some(v), Some(sc)) = (s, self.stage) else {
            return;
        };
        let step = match sc[i] {
            MISSING => NOT_A_STEP,
            c => self.step_of_code[c as usize],
        };
        if step == NOT_A_STEP {
            return;
        }
        self.overall[step as usize].add(v);
        if let (Some(p), Some(acc)) = (self.persona, self.by_persona.as_mut()) {
            let key = slot(p.codes[i], self.np) as u64 * self.k as u64 + step as u64;
            acc.get(key).add(v);
        }
    }

    fn finish(
        self,
        stages: &[String],
        c: &ExpColumns,
        scale: crate::dataset::Scale,
    ) -> EmotionCurve {
        let mut emotion = EmotionCurve {
            unavailable: missing_roles(&[
                (Role::Stage, c.stage.is_some()),
                (Role::Satisfaction, c.sat.is_some()),
            ]),
            overall: emotion_points(stages, &self.overall, scale),
            ..EmotionCurve::default()
        };
        if let (Some(p), Some(acc)) = (self.persona, self.by_persona) {
            let used = acc.into_sorted(|m| m.n > 0);
            let name = |g: usize| label(p, g);
            persona_curve_list(&mut emotion, self.np, used, name, stages, scale);
        }
        emotion
    }
}

/// Customers who left before the last step, by furthest step × column value of their
/// last event; sparse like the grid (10,000 stages × 10,000 touchpoints would be 10⁸
/// counters).
struct ExitAcc<'a> {
    /// The column's codes, when exits can be counted (stage, column and steps present).
    tp: Option<&'a [u32]>,
    nt: usize,
    k: usize,
    counts: Slots<u64>,
}

impl<'a> ExitAcc<'a> {
    fn new(c: &ExpColumns<'a>, events: usize) -> ExitAcc<'a> {
        let on = c.stage.is_some() && c.tp.is_some() && c.k > 0;
        let slots = if on {
            c.k as u64 * (c.nt as u64 + 1)
        } else {
            0
        };
        ExitAcc {
            tp: c.tp.filter(|_| on).map(|t| &t.codes[..]),
            nt: c.nt,
            k: c.k,
            counts: Slots::new(slots, events, 0u64),
        }
    }

    #[inline]
    fn end_customer(&mut self, w: &Walk) {
        let Some(tc) = self.tp else { return };
        if w.reached >= 1 && w.reached < self.k {
            if let Some(&last) = w.events.last() {
                let key = (w.reached - 1) as u64 * (self.nt as u64 + 1)
                    + slot(tc[last as usize], self.nt) as u64;
                *self.counts.get(key) += 1;
            }
        }
    }

    /// The overall exit list and the one per furthest stage.
    fn finish(self, c: &ExpColumns, stages: &[String]) -> (Vec<ExitPoint>, Vec<StageExits>) {
        match c.tp {
            Some(tpc) if self.tp.is_some() => {
                exit_lists(tpc, stages, self.counts.into_sorted(|n| *n > 0))
            }
            _ => (Vec::new(), Vec::new()),
        }
    }
}

/// Hand-offs: consecutive events of one customer at two different column values.
struct HandoffAcc {
    nt: usize,
    pairs: Slots<PairAcc>,
    customers: u64,
    /// The current customer's previous column value and whether they had a hand-off.
    prev: u32,
    had: bool,
}

impl HandoffAcc {
    fn new(nt: usize, events: usize) -> HandoffAcc {
        let init = PairAcc {
            last_cust: u32::MAX,
            ..PairAcc::default()
        };
        HandoffAcc {
            nt,
            pairs: Slots::new(nt as u64 * nt as u64, events, init),
            customers: 0,
            prev: MISSING,
            had: false,
        }
    }

    /// Adds an event of customer `cust` at column value `t` with satisfaction `s`.
    #[inline]
    fn add_event(&mut self, cust: u32, t: u32, s: Option<f64>) {
        if self.prev != MISSING && self.prev != t {
            let a = self.pairs.get(self.prev as u64 * self.nt as u64 + t as u64);
            a.count += 1;
            if a.last_cust != cust {
                a.last_cust = cust;
                a.customers += 1;
            }
            a.sat.add_present(s.unwrap_or(f64::NAN));
            self.had = true;
        }
        self.prev = t;
    }

    #[inline]
    fn end_customer(&mut self) {
        self.customers += self.had as u64;
        self.prev = MISSING;
        self.had = false;
    }
}

/// The priority matrix's sums: mean satisfaction per column value over all events
/// (performance) and the correlation of customers' mean satisfaction there with their
/// mean NPS answer (importance). Off without satisfaction, column and NPS.
struct PriorityAcc<'a> {
    nps: Option<&'a [f64]>,
    perf: Vec<Mean>,
    /// The current customer's satisfaction per column value, and the values they touched.
    cust_sat: Vec<Mean>,
    touched: Vec<u32>,
    cust_nps: Mean,
    pearson: Vec<Pearson>,
}

impl<'a> PriorityAcc<'a> {
    fn new(c: &ExpColumns<'a>) -> PriorityAcc<'a> {
        let on = c.sat.is_some() && c.tp.is_some() && c.nps.is_some();
        let n = if on { c.nt } else { 0 };
        PriorityAcc {
            nps: c.nps.filter(|_| on),
            perf: vec![Mean::default(); n],
            cust_sat: vec![Mean::default(); n],
            touched: Vec::new(),
            cust_nps: Mean::default(),
            pearson: vec![Pearson::default(); n],
        }
    }

    /// Adds event `i` at column value `t` (None: missing) with satisfaction `s`.
    #[inline]
    fn add_event(&mut self, i: usize, t: Option<u32>, s: Option<f64>) {
        let Some(nps) = self.nps else { return };
        if let (Some(t), Some(v)) = (t, s) {
            self.perf[t as usize].add(v);
            let m = &mut self.cust_sat[t as usize];
            if m.n == 0 {
                self.touched.push(t);
            }
            m.add(v);
        }
        self.cust_nps.add_present(nps[i]);
    }

    #[inline]
    fn end_customer(&mut self) {
        if self.nps.is_none() {
            return;
        }
        let y = self.cust_nps.get();
        for &t in &self.touched {
            let m = &mut self.cust_sat[t as usize];
            if let (Some(x), Some(y)) = (m.get(), y) {
                self.pearson[t as usize].add(x, y);
            }
            *m = Mean::default();
        }
        self.touched.clear();
        self.cust_nps = Mean::default();
    }
}

/// The experience map for the selected events: one pass over the customers' walks feeds
/// one accumulator per part of the map, then each part is finished on its own;
/// `pause().await` runs after each part of [`PART_EVENTS`] events: at a
/// million events its one pass over the customers is the longest of all views.
pub(crate) async fn compute_in_parts<F: std::future::Future<Output = ()>>(
    ctx: &FunnelCtx<'_>,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
    pause: &mut impl FnMut() -> F,
) -> ExperienceView {
    let ds = ctx.ds;
    let scale = ds.scales.satisfaction;
    let columns = map_columns(ds, settings);
    let c = ExpColumns::new(ctx, columns);
    let mut grid = GridAcc::new(&c, scale, sel.len());
    let mut emotion = EmotionAcc::new(ctx, &c, sel.len());
    let mut exits = ExitAcc::new(&c, sel.len());
    let mut handoffs = HandoffAcc::new(c.nt, sel.len());
    let mut priority = PriorityAcc::new(&c);
    let mut at = ReplayAt::default();
    while walks.replay_part(sel, &mut at, PART_EVENTS, |w| {
        for &e in w.events {
            let i = e as usize;
            let s = c.sat_at(i);
            let t = c.tp_at(i);
            grid.add_event(w.cust, i);
            emotion.add_event(i, s);
            if let Some(t) = t {
                handoffs.add_event(w.cust, t, s);
            }
            priority.add_event(i, t, s);
        }
        handoffs.end_customer();
        exits.end_customer(w);
        priority.end_customer();
    }) {
        pause().await;
    }
    let (grid, pain_points) = grid.finish(ctx, settings, sel, walks, &c);
    let (exit_list, exits_by_stage) = exits.finish(&c, &ctx.plan.stages);
    let has = |present: bool, role: Role| (role, present);
    ExperienceView {
        columns,
        columns_header: ds.extra_name(columns).map(str::to_string),
        grid,
        emotion: emotion.finish(&ctx.plan.stages, &c, scale),
        pain_points_unavailable: missing_roles(&[
            has(c.stage.is_some(), Role::Stage),
            has(c.tp.is_some(), Role::Touchpoint),
            has(c.sat.is_some(), Role::Satisfaction),
        ]),
        pain_points,
        exits_unavailable: missing_roles(&[
            has(c.stage.is_some(), Role::Stage),
            has(c.tp.is_some(), Role::Touchpoint),
        ]),
        exits: exit_list,
        exits_by_stage,
        handoffs: handoff_view(
            c.tp,
            c.nt,
            handoffs.pairs,
            handoffs.customers,
            settings.top_handoffs,
        ),
        priority: priority_view(
            c.tp,
            c.sat.is_some(),
            c.nps.is_some(),
            &priority.perf,
            &priority.pearson,
            settings.min_count,
            scale,
        ),
    }
}

/// The overall exit list and one per funnel stage with exits, from the used counters by
/// key `furthest stage × (touchpoints + 1) + touchpoint slot` (`(missing)` in the last
/// slot), ascending.
fn exit_lists(
    tpc: &DimColumn,
    stages: &[String],
    used: Vec<(u64, u64)>,
) -> (Vec<ExitPoint>, Vec<StageExits>) {
    let width = tpc.values.len() as u64 + 1;
    let point = |c: u64, n: u64| ExitPoint {
        touchpoint: label(tpc, c as usize),
        customers: n,
    };
    // Most customers first; equal counts keep the touchpoints' code order.
    let ranked = |mut v: Vec<(u64, u64)>| {
        crate::order::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(c, n)| point(c, n)).collect::<Vec<_>>()
    };
    let mut total: std::collections::BTreeMap<u64, u64> = std::collections::BTreeMap::new();
    let mut by_stage: Vec<StageExits> = Vec::new();
    let mut current: Option<(u64, Vec<(u64, u64)>)> = None;
    for (key, n) in used {
        let (j, c) = (key / width, key % width);
        *total.entry(c).or_default() += n;
        match &mut current {
            Some((cj, v)) if *cj == j => v.push((c, n)),
            _ => {
                if let Some((cj, v)) = current.take() {
                    by_stage.push(stage_exits(stages, cj, ranked(v)));
                }
                current = Some((j, vec![(c, n)]));
            }
        }
    }
    if let Some((cj, v)) = current {
        by_stage.push(stage_exits(stages, cj, ranked(v)));
    }
    (ranked(total.into_iter().collect()), by_stage)
}

fn stage_exits(stages: &[String], j: u64, exits: Vec<ExitPoint>) -> StageExits {
    StageExits {
        stage: stages.get(j as usize).cloned().unwrap_or_default(),
        exits,
    }
}

/// Row order of the grid: funnel steps in funnel order, then unlisted stages, then
/// "(missing)" (slot `ns`).
fn row_rank(ctx: &FunnelCtx, ns: usize, r: usize) -> (u8, usize, usize) {
    if r == ns {
        return (2, 0, r);
    }
    match ctx.plan.step_of_code.get(r).copied().unwrap_or(NOT_A_STEP) {
        NOT_A_STEP => (1, 0, r),
        s => (0, s as usize, r),
    }
}

/// Position of each slot in `order`, `u32::MAX` for slots not in it.
fn positions(order: &[usize], slots: usize) -> Vec<u32> {
    let mut pos = vec![u32::MAX; slots];
    for (p, &s) in order.iter().enumerate() {
        pos[s] = p as u32;
    }
    pos
}

/// Labels of the kept slots in order, then "(others)" when `keep` folded some; and the
/// display index of every slot (folded ones, and slots not listed at all, go to the last).
fn shown(
    order: &[usize],
    keep: &[bool],
    slots: usize,
    name: impl Fn(usize) -> String,
) -> (Vec<String>, Vec<u32>) {
    let mut labels = Vec::new();
    let mut at = vec![u32::MAX; slots];
    for (p, &s) in order.iter().enumerate() {
        if keep[p] {
            at[s] = labels.len() as u32;
            labels.push(name(s));
        }
    }
    let others = labels.len() as u32;
    labels.push(OTHERS_LABEL.to_string());
    at.iter_mut()
        .filter(|a| **a == u32::MAX)
        .for_each(|a| *a = others);
    (labels, at)
}

fn grid_cell(stage: String, touchpoint: String, a: &CellAcc) -> GridCell {
    GridCell {
        stage,
        touchpoint,
        events: a.events,
        customers: a.customers,
        satisfaction_mean: a.sat.get(),
        satisfaction_count: a.sat.n,
        share_negative: pct(a.negative as f64, a.sat.n as f64),
        effort_mean: a.effort.get(),
        effort_count: a.effort.n,
    }
}

/// The grid and the pain points from the cells that have events (`used`, by key).
///
/// Pain points come from every cell. The grid lists every cell too unless there are more
/// stages or touchpoints than fit ([`cap`]); then a second pass over the events sums the
/// folded ones into "(others)" cells, because distinct customers of several cells cannot
/// be added up from the cells' own counts.
fn grid_view(
    ctx: &FunnelCtx,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
    inputs: &CellInputs,
    (st, tpc): (&DimColumn, &DimColumn),
    mut used: Vec<(u64, CellAcc)>,
) -> (Grid, Vec<PainPoint>) {
    let split = cell_split(inputs.nt);
    let order = GridOrder::new(ctx, inputs, &mut used);
    let pain_points = pain_points(ctx, settings, (st, tpc), &used, &split);
    let mut grid = Grid {
        unavailable: None,
        stages_total: order.rows.len() as u64,
        touchpoints_total: order.cols.len() as u64,
        ..Grid::default()
    };
    let weights = |slots: &[usize], events: &[u64]| -> Vec<u64> {
        slots.iter().map(|&s| events[s]).collect()
    };
    let keep_rows = cap::keep_top(&weights(&order.rows, &order.row_events), cap::GRID_STAGES);
    let keep_cols = cap::keep_top(
        &weights(&order.cols, &order.col_events),
        cap::GRID_TOUCHPOINTS,
    );
    if keep_rows.is_none() && keep_cols.is_none() {
        grid.stages = order.rows.iter().map(|&r| label(st, r)).collect();
        grid.touchpoints = order.cols.iter().map(|&c| label(tpc, c)).collect();
        grid.cells = used
            .iter()
            .map(|(key, a)| {
                let (r, c) = split(*key);
                grid_cell(label(st, r), label(tpc, c), a)
            })
            .collect();
        return (grid, pain_points);
    }
    let all = |n: usize| vec![true; n];
    let keep_rows = keep_rows.unwrap_or_else(|| all(order.rows.len()));
    let keep_cols = keep_cols.unwrap_or_else(|| all(order.cols.len()));
    folded_grid(
        sel,
        walks,
        inputs,
        (st, tpc),
        &order,
        (&keep_rows, &keep_cols),
        &mut grid,
    );
    (grid, pain_points)
}

/// Key of a grid cell → (row slot, column slot), for `nt` column values.
fn cell_split(nt: usize) -> impl Fn(u64) -> (usize, usize) {
    let width = nt as u64 + 1;
    move |key: u64| ((key / width) as usize, (key % width) as usize)
}

/// The grid's rows and columns with events, in display order, and their event counts.
struct GridOrder {
    rows: Vec<usize>,
    cols: Vec<usize>,
    row_events: Vec<u64>,
    col_events: Vec<u64>,
}

impl GridOrder {
    /// Rows in funnel order (every funnel step, even without events), columns by events;
    /// sorts `used` into drawing order: row by row, columns by events.
    fn new(ctx: &FunnelCtx, inputs: &CellInputs, used: &mut [(u64, CellAcc)]) -> GridOrder {
        let (ns, nt) = (inputs.ns, inputs.nt);
        let split = cell_split(nt);
        let mut row_events = vec![0u64; ns + 1];
        let mut col_events = vec![0u64; nt + 1];
        for (key, a) in used.iter() {
            let (r, c) = split(*key);
            row_events[r] += a.events;
            col_events[c] += a.events;
        }
        let mut rows: Vec<usize> = (0..=ns)
            .filter(|&r| row_events[r] > 0 || row_rank(ctx, ns, r).0 == 0)
            .collect();
        crate::order::sort_by_key(&mut rows, |&r| row_rank(ctx, ns, r));
        let mut cols: Vec<usize> = (0..=nt).filter(|&c| col_events[c] > 0).collect();
        crate::order::sort_by(&mut cols, |&a, &b| {
            col_events[b].cmp(&col_events[a]).then(a.cmp(&b))
        });
        let (row_pos, col_pos) = (positions(&rows, ns + 1), positions(&cols, nt + 1));
        crate::order::sort_by_key(used, |(key, _)| {
            let (r, c) = split(*key);
            (row_pos[r], col_pos[c])
        });
        GridOrder {
            rows,
            cols,
            row_events,
            col_events,
        }
    }
}

/// Cells with at least `min_count` satisfaction answers, lowest mean first.
fn pain_points(
    ctx: &FunnelCtx,
    settings: &Settings,
    (st, tpc): (&DimColumn, &DimColumn),
    used: &[(u64, CellAcc)],
    split: &impl Fn(u64) -> (usize, usize),
) -> Vec<PainPoint> {
    let scale = ctx.ds.scales.satisfaction;
    let mut pain_points = Vec::new();
    for (key, a) in used {
        let Some(m) = a.sat.get() else { continue };
        if a.sat.n >= settings.min_count.max(1) as u64 {
            let (r, c) = split(*key);
            pain_points.push(PainPoint {
                stage: label(st, r),
                touchpoint: label(tpc, c),
                satisfaction_mean: m,
                percent: scale.to_percent(m),
                count: a.sat.n,
                share_negative: pct(a.negative as f64, a.sat.n as f64),
            });
        }
    }
    crate::order::sort_by(&mut pain_points, |a, b| {
        a.satisfaction_mean.total_cmp(&b.satisfaction_mean)
    });
    pain_points
}

/// Fills `grid` with the kept rows and columns plus "(others)" where something was
/// folded, summing the folded cells in a second pass over the events.
fn folded_grid(
    sel: &[u32],
    walks: &Walks,
    inputs: &CellInputs,
    (st, tpc): (&DimColumn, &DimColumn),
    order: &GridOrder,
    (keep_rows, keep_cols): (&[bool], &[bool]),
    grid: &mut Grid,
) {
    let (ns, nt) = (inputs.ns, inputs.nt);
    let (mut stages, row_at) = shown(&order.rows, keep_rows, ns + 1, |r| label(st, r));
    let (mut touchpoints, col_at) = shown(&order.cols, keep_cols, nt + 1, |c| label(tpc, c));
    let folded = |keep: &[bool]| keep.iter().filter(|k| !**k).count() as u64;
    grid.stages_folded = folded(keep_rows);
    grid.touchpoints_folded = folded(keep_cols);
    // "(others)" only where something was folded.
    if grid.stages_folded == 0 {
        stages.pop();
    }
    if grid.touchpoints_folded == 0 {
        touchpoints.pop();
    }
    let n_cols = touchpoints.len();
    let mut acc = vec![CellAcc::EMPTY; stages.len() * n_cols];
    walks.replay(sel, |w| {
        for &e in w.events {
            let i = e as usize;
            let r = row_at[slot(inputs.stage[i], ns)] as usize;
            let c = col_at[slot(inputs.tp[i], nt)] as usize;
            inputs.add(&mut acc[r * n_cols + c], w.cust, i);
        }
    });
    for (r, stage) in stages.iter().enumerate() {
        for (c, touchpoint) in touchpoints.iter().enumerate() {
            let a = &acc[r * n_cols + c];
            if a.events > 0 {
                grid.cells
                    .push(grid_cell(stage.clone(), touchpoint.clone(), a));
            }
        }
    }
    grid.stages = stages;
    grid.touchpoints = touchpoints;
}

/// Emotion curves per persona, capped.
struct Curves {
    /// Persona slot (`None` = "(others)") and one mean per funnel step.
    shown: Vec<(Option<usize>, Vec<Mean>)>,
    total: u64,
    folded: u64,
}

/// Curves of the personas with answers, in code order ("(missing)" last), from the used
/// `persona × step` accumulators (key `persona slot × k + step`); past
/// [`cap::EMOTION_PERSONAS`], the personas with the most answers and one "(others)" curve
/// whose means are over all the other personas' answers.
fn persona_curves(np: usize, k: usize, used: Vec<(u64, Mean)>) -> Curves {
    if k == 0 {
        return Curves {
            shown: Vec::new(),
            total: 0,
            folded: 0,
        };
    }
    let k64 = k as u64;
    let mut answers = vec![0u64; np + 1];
    for (key, m) in &used {
        answers[(key / k64) as usize] += m.n;
    }
    let present: Vec<usize> = (0..=np).filter(|&g| answers[g] > 0).collect();
    let weights: Vec<u64> = present.iter().map(|&g| answers[g]).collect();
    let keep = cap::keep_top(&weights, cap::EMOTION_PERSONAS);
    let mut index = vec![usize::MAX; np + 1];
    let mut shown: Vec<(Option<usize>, Vec<Mean>)> = Vec::new();
    for (p, &g) in present.iter().enumerate() {
        if keep.as_ref().is_none_or(|keep| keep[p]) {
            index[g] = shown.len();
            shown.push((Some(g), vec![Mean::default(); k]));
        }
    }
    let folded = (present.len() - shown.len()) as u64;
    if folded > 0 {
        shown.push((None, vec![Mean::default(); k]));
    }
    let others = shown.len().saturating_sub(1);
    for (key, m) in used {
        let (g, j) = ((key / k64) as usize, (key % k64) as usize);
        let at = match index[g] {
            usize::MAX => others,
            at => at,
        };
        let acc = &mut shown[at].1[j];
        acc.sum += m.sum;
        acc.n += m.n;
    }
    Curves {
        shown,
        total: present.len() as u64,
        folded,
    }
}

fn handoff_view(
    tp: Option<&DimColumn>,
    nt: usize,
    pairs: Slots<PairAcc>,
    customers: u64,
    top_n: usize,
) -> Handoffs {
    let Some(tpc) = tp else {
        return Handoffs {
            unavailable: Some(Needs::column(Role::Touchpoint)),
            total: 0,
            customers: 0,
            top: Vec::new(),
            others: None,
        };
    };
    let mut all = pairs.into_sorted(|a| a.count > 0);
    crate::order::sort_by(&mut all, |a, b| {
        b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0))
    });
    let total = all.iter().map(|p| p.1.count).sum();
    let nt = nt.max(1) as u64;
    let top = all
        .iter()
        .take(top_n)
        .map(|(key, a)| Handoff {
            from: label(tpc, (key / nt) as usize),
            to: label(tpc, (key % nt) as usize),
            count: a.count,
            customers: a.customers,
            satisfaction_at_to: a.sat.get(),
        })
        .collect();
    let rest = all.get(top_n..).unwrap_or(&[]);
    let others = (!rest.is_empty()).then(|| {
        let mut sat = Mean::default();
        for (_, a) in rest {
            sat.sum += a.sat.sum;
            sat.n += a.sat.n;
        }
        HandoffOthers {
            pairs: rest.len() as u64,
            count: rest.iter().map(|p| p.1.count).sum(),
            satisfaction_at_to: sat.get(),
        }
    });
    Handoffs {
        unavailable: None,
        total,
        customers,
        top,
        others,
    }
}

fn priority_view(
    tp: Option<&DimColumn>,
    has_sat: bool,
    has_nps: bool,
    perf: &[Mean],
    pearson: &[Pearson],
    min_count: usize,
    scale: crate::dataset::Scale,
) -> PriorityMatrix {
    let mut m = PriorityMatrix {
        unavailable: missing_roles(&[
            (Role::Touchpoint, tp.is_some()),
            (Role::Satisfaction, has_sat),
            (Role::Nps, has_nps),
        ]),
        points: Vec::new(),
        excluded: Vec::new(),
        performance_median: None,
        importance_median: None,
    };
    let Some(tpc) = tp.filter(|_| m.unavailable.is_none()) else {
        return m;
    };
    let mut raw = Vec::new();
    for (t, p) in pearson.iter().enumerate() {
        let Some(mean) = perf.get(t).and_then(Mean::get) else {
            continue;
        };
        let name = label(tpc, t);
        if (p.n as usize) < min_count {
            m.excluded.push(ExcludedTouchpoint {
                touchpoint: name,
                customers: p.n,
                reason: Exclusion::TooFew {
                    min_count: min_count as u64,
                },
            });
            continue;
        }
        match p.get() {
            Some(r) => raw.push((name, scale.to_percent(mean), r, p.n)),
            None => m.excluded.push(ExcludedTouchpoint {
                touchpoint: name,
                customers: p.n,
                reason: Exclusion::NoVariation,
            }),
        }
    }
    let pm = median(&mut raw.iter().map(|r| r.1).collect::<Vec<_>>());
    let im = median(&mut raw.iter().map(|r| r.2).collect::<Vec<_>>());
    m.performance_median = pm;
    m.importance_median = im;
    let (pm, im) = (pm.unwrap_or(0.0), im.unwrap_or(0.0));
    m.points = raw
        .into_iter()
        .map(|(touchpoint, performance, importance, customers)| {
            let interval = priorities::interval(importance, customers);
            PriorityPoint {
                quadrant: priorities::quadrant(performance, pm, interval, im),
                touchpoint,
                performance,
                importance,
                importance_low: interval.map(|i| i.0),
                importance_high: interval.map(|i| i.1),
                customers,
            }
        })
        .collect();
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column dimension with the values `a`, `b`, `c` and one event per code.
    fn column(codes: &[Option<&str>]) -> DimColumn {
        let mut col = DimColumn::new("touchpoint");
        for c in codes {
            col.push(*c);
        }
        col
    }

    fn columns<'a>(
        tp: Option<&'a DimColumn>,
        sat: Option<&'a [f64]>,
        nps: Option<&'a [f64]>,
    ) -> ExpColumns<'a> {
        ExpColumns {
            stage: None,
            tp,
            persona: None,
            sat,
            effort: None,
            nps,
            ns: 0,
            nt: tp.map_or(0, |t| t.values.len()),
            np: 0,
            k: 0,
        }
    }

    #[test]
    fn handoffs_count_changes_of_value_per_customer() {
        let mut h = HandoffAcc::new(3, 16);
        // Customer 1: a, a, b (sat 4), c (no answer); customer 2: b, a (sat 2); customer
        // 3: c only.
        for (t, s) in [(0, Some(5.0)), (0, None), (1, Some(4.0)), (2, None)] {
            h.add_event(1, t, s);
        }
        h.end_customer();
        for (t, s) in [(1, Some(3.0)), (0, Some(2.0))] {
            h.add_event(2, t, s);
        }
        h.end_customer();
        h.add_event(3, 2, Some(1.0));
        h.end_customer();
        assert_eq!(h.customers, 2);
        let pairs: Vec<(u64, u64, u64, Option<f64>)> = h
            .pairs
            .into_sorted(|a| a.count > 0)
            .into_iter()
            .map(|(key, a)| (key, a.count, a.customers, a.sat.get()))
            .collect();
        // Keys from × 3 + to: a→b = 1, b→a = 3, b→c = 5.
        assert_eq!(
            pairs,
            [(1, 1, 1, Some(4.0)), (3, 1, 1, Some(2.0)), (5, 1, 1, None)]
        );
    }

    #[test]
    fn priority_sums_per_touchpoint_and_customer() {
        let tp = column(&[Some("a"), Some("b"), Some("a"), Some("b")]);
        let sat = [5.0, 4.0, 1.0, f64::NAN];
        let nps = [10.0, f64::NAN, 2.0, 4.0];
        let c = columns(Some(&tp), Some(&sat), Some(&nps));
        let mut p = PriorityAcc::new(&c);
        // Customer A: events 0 (a, 5) and 1 (b, 4), mean NPS 10. Customer B: events 2
        // (a, 1) and 3 (b, no answer), mean NPS (2 + 4) / 2 = 3.
        for i in 0..2 {
            p.add_event(i, c.tp_at(i), c.sat_at(i));
        }
        p.end_customer();
        for i in 2..4 {
            p.add_event(i, c.tp_at(i), c.sat_at(i));
        }
        p.end_customer();
        assert_eq!((p.perf[0].get(), p.perf[0].n), (Some(3.0), 2));
        assert_eq!((p.perf[1].get(), p.perf[1].n), (Some(4.0), 1));
        // a: (5, 10) and (1, 3) — two points on a rising line; b: one point only.
        assert_eq!(p.pearson[0].n, 2);
        assert!(p.pearson[0].get().is_some_and(|r| (r - 1.0).abs() < 1e-12));
        assert_eq!(p.pearson[1].n, 1);
        // Without NPS the matrix is off and nothing is summed.
        let off = columns(Some(&tp), Some(&sat), None);
        let mut p = PriorityAcc::new(&off);
        p.add_event(0, off.tp_at(0), off.sat_at(0));
        p.end_customer();
        assert!(p.perf.is_empty() && p.pearson.is_empty());
    }

    #[test]
    fn exits_count_the_last_touchpoint_by_furthest_step() {
        let tp = column(&[Some("a"), Some("b"), None]);
        let mut c = columns(Some(&tp), None, None);
        let stage = column(&[Some("x")]);
        c.stage = Some(&stage);
        c.k = 3;
        let mut x = ExitAcc::new(&c, 8);
        let walk = |events: &'static [u32], reached: usize| Walk {
            cust: 0,
            events,
            reached,
            times: &[],
            first_s1: None,
            conversion_events: 0,
        };
        // Left after step 1 at b; after step 2 at a missing touchpoint; reached all three
        // steps (not an exit); never reached step 1 (not an exit).
        x.end_customer(&walk(&[0, 1], 1));
        x.end_customer(&walk(&[2], 2));
        x.end_customer(&walk(&[0], 3));
        x.end_customer(&walk(&[1], 0));
        // Keys (furthest step − 1) × (2 + 1) + slot, `(missing)` in slot 2.
        assert_eq!(x.counts.into_sorted(|n| *n > 0), [(1, 1), (5, 1)]);
    }
}
