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
use super::funnel::{FunnelCtx, Walks};
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

/// The experience map for the selected events.
pub(crate) fn compute(
    ctx: &FunnelCtx,
    settings: &Settings,
    sel: &[u32],
    walks: &Walks,
) -> ExperienceView {
    let ds = ctx.ds;
    let scale = ds.scales.satisfaction;
    let stage = ds.stage.as_ref();
    let columns = map_columns(ds, settings);
    let tp = ds.dimension(columns);
    let persona = ds.persona.as_ref();
    let sat = ds.satisfaction.as_deref();
    let effort = ds.effort.as_deref();
    let nps = ds.nps.as_deref();
    let ns = stage.map_or(0, |s| s.values.len());
    let nt = tp.map_or(0, |t| t.values.len());
    let np = persona.map_or(0, |p| p.values.len());
    let k = ctx.plan.stages.len();
    let val = |col: Option<&[f64]>, i: usize| col.map(|c| c[i]).filter(|v| !v.is_nan());

    let grid_in = match (stage, tp) {
        (Some(s), Some(t)) => Some(CellInputs {
            stage: &s.codes,
            tp: &t.codes,
            ns,
            nt,
            sat,
            effort,
            negative_max: scale.min + 1.0,
        }),
        _ => None,
    };
    // Sparse beyond small or input-sized products: 10,000 stages × 10,000 touchpoints
    // would otherwise be 10⁸ accumulators.
    let grid_slots = if grid_in.is_some() {
        (ns as u64 + 1) * (nt as u64 + 1)
    } else {
        0
    };
    let mut cells = Slots::new(grid_slots, sel.len(), CellAcc::EMPTY);
    let mut emotion = vec![Mean::default(); if sat.is_some() { k } else { 0 }];
    let mut emotion_p = (sat.is_some() && persona.is_some())
        .then(|| Slots::new((np as u64 + 1) * k as u64, sel.len(), Mean::default()));
    let exits_on = stage.is_some() && tp.is_some() && k > 0;
    // Per furthest stage reached × touchpoint slot; sparse like the grid (10,000 stages ×
    // 10,000 touchpoints would be 10⁸ counters).
    let exit_slots = if exits_on {
        k as u64 * (nt as u64 + 1)
    } else {
        0
    };
    let mut exits = Slots::new(exit_slots, sel.len(), 0u64);
    let mut pairs = Slots::new(
        nt as u64 * nt as u64,
        sel.len(),
        PairAcc {
            last_cust: u32::MAX,
            ..PairAcc::default()
        },
    );
    let mut handoff_customers = 0u64;
    let priority_on = sat.is_some() && tp.is_some() && nps.is_some();
    let mut tp_sat = vec![Mean::default(); if priority_on { nt } else { 0 }];
    // Mean satisfaction per touchpoint over all selected events (the matrix's performance axis).
    let mut perf = vec![Mean::default(); if priority_on { nt } else { 0 }];
    let mut touched: Vec<u32> = Vec::new();
    let mut pearson = vec![Pearson::default(); if priority_on { nt } else { 0 }];
    let stage_codes = stage.map(|s| &s.codes[..]);
    let tp_codes = tp.map(|t| &t.codes[..]);

    walks.replay(sel, |w| {
        let cust = w.cust;
        let mut prev_tp = MISSING;
        let mut had_handoff = false;
        let mut cust_nps = Mean::default();
        for &e in w.events {
            let i = e as usize;
            let s = val(sat, i);
            if let Some(g) = &grid_in {
                g.add(cells.get(g.key(i)), cust, i);
            }
            if let (Some(v), Some(sc)) = (s, stage_codes) {
                let step = match sc[i] {
                    MISSING => NOT_A_STEP,
                    c => ctx.plan.step_of_code[c as usize],
                };
                if step != NOT_A_STEP {
                    emotion[step as usize].add(v);
                    if let (Some(p), Some(acc)) = (persona, emotion_p.as_mut()) {
                        let key = slot(p.codes[i], np) as u64 * k as u64 + step as u64;
                        acc.get(key).add(v);
                    }
                }
            }
            if let Some(tc) = tp_codes {
                let t = tc[i];
                if t != MISSING {
                    if prev_tp != MISSING && prev_tp != t {
                        let a = pairs.get(prev_tp as u64 * nt as u64 + t as u64);
                        a.count += 1;
                        if a.last_cust != cust {
                            a.last_cust = cust;
                            a.customers += 1;
                        }
                        a.sat.add_present(s.unwrap_or(f64::NAN));
                        had_handoff = true;
                    }
                    prev_tp = t;
                    if priority_on {
                        if let Some(v) = s {
                            perf[t as usize].add(v);
                            let m = &mut tp_sat[t as usize];
                            if m.n == 0 {
                                touched.push(t);
                            }
                            m.add(v);
                        }
                    }
                }
            }
            if priority_on {
                cust_nps.add_present(nps.map_or(f64::NAN, |c| c[i]));
            }
        }
        if had_handoff {
            handoff_customers += 1;
        }
        if exits_on && w.reached >= 1 && w.reached < k {
            if let (Some(&last), Some(tc)) = (w.events.last(), tp_codes) {
                let key =
                    (w.reached - 1) as u64 * (nt as u64 + 1) + slot(tc[last as usize], nt) as u64;
                *exits.get(key) += 1;
            }
        }
        if priority_on {
            let y = cust_nps.get();
            for &t in &touched {
                let m = &mut tp_sat[t as usize];
                if let (Some(x), Some(y)) = (m.get(), y) {
                    pearson[t as usize].add(x, y);
                }
                *m = Mean::default();
            }
            touched.clear();
        }
    });

    let grid_missing = missing_roles(&[
        (Role::Stage, stage.is_some()),
        (Role::Touchpoint, tp.is_some()),
    ]);
    let (grid, pain_points) = match (stage, tp, &grid_in) {
        (Some(st), Some(tpc), Some(inputs)) => {
            let used = cells.into_sorted(|a| a.events > 0);
            grid_view(ctx, settings, sel, walks, inputs, (st, tpc), used)
        }
        _ => (
            Grid {
                unavailable: grid_missing,
                ..Grid::default()
            },
            Vec::new(),
        ),
    };

    let point = |stage: &str, m: &Mean| EmotionPoint {
        stage: stage.to_string(),
        mean: m.get(),
        percent: m.get().map(|v| scale.to_percent(v)),
        count: m.n,
    };
    let mut emotion = EmotionCurve {
        unavailable: missing_roles(&[
            (Role::Stage, stage.is_some()),
            (Role::Satisfaction, sat.is_some()),
        ]),
        overall: emotion
            .iter()
            .enumerate()
            .map(|(j, m)| point(&ctx.plan.stages[j], m))
            .collect(),
        ..EmotionCurve::default()
    };
    if let (Some(p), Some(acc)) = (persona, emotion_p) {
        let curves = persona_curves(np, k, acc.into_sorted(|m| m.n > 0));
        emotion.personas_total = curves.total;
        emotion.personas_folded = curves.folded;
        emotion.by_persona = curves
            .shown
            .iter()
            .map(|(g, means)| PersonaCurve {
                persona: match g {
                    Some(g) => label(p, *g),
                    None => OTHERS_LABEL.to_string(),
                },
                points: means
                    .iter()
                    .enumerate()
                    .map(|(j, m)| point(&ctx.plan.stages[j], m))
                    .collect(),
            })
            .collect();
    }

    let (exit_list, exits_by_stage) = match tp {
        Some(tpc) if exits_on => exit_lists(tpc, &ctx.plan.stages, exits.into_sorted(|n| *n > 0)),
        _ => (Vec::new(), Vec::new()),
    };

    let handoffs = handoff_view(tp, nt, pairs, handoff_customers, settings.top_handoffs);
    let priority = priority_view(
        tp,
        sat.is_some(),
        nps.is_some(),
        &perf,
        &pearson,
        settings.min_count,
        scale,
    );

    ExperienceView {
        columns,
        columns_header: ds.extra_name(columns).map(str::to_string),
        grid,
        emotion,
        pain_points_unavailable: missing_roles(&[
            (Role::Stage, stage.is_some()),
            (Role::Touchpoint, tp.is_some()),
            (Role::Satisfaction, sat.is_some()),
        ]),
        pain_points,
        exits_unavailable: missing_roles(&[
            (Role::Stage, stage.is_some()),
            (Role::Touchpoint, tp.is_some()),
        ]),
        exits: exit_list,
        exits_by_stage,
        handoffs,
        priority,
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
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
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
    let scale = ctx.ds.scales.satisfaction;
    let (ns, nt) = (inputs.ns, inputs.nt);
    let width = nt as u64 + 1;
    let split = |key: u64| ((key / width) as usize, (key % width) as usize);
    let mut row_events = vec![0u64; ns + 1];
    let mut col_events = vec![0u64; nt + 1];
    for (key, a) in &used {
        let (r, c) = split(*key);
        row_events[r] += a.events;
        col_events[c] += a.events;
    }
    let mut rows: Vec<usize> = (0..=ns)
        .filter(|&r| row_events[r] > 0 || row_rank(ctx, ns, r).0 == 0)
        .collect();
    rows.sort_by_key(|&r| row_rank(ctx, ns, r));
    let mut cols: Vec<usize> = (0..=nt).filter(|&c| col_events[c] > 0).collect();
    cols.sort_by(|&a, &b| col_events[b].cmp(&col_events[a]).then(a.cmp(&b)));
    // Cells in drawing order: row by row, columns by events.
    let (row_pos, col_pos) = (positions(&rows, ns + 1), positions(&cols, nt + 1));
    used.sort_unstable_by_key(|(key, _)| {
        let (r, c) = split(*key);
        (row_pos[r], col_pos[c])
    });

    let mut pain_points = Vec::new();
    for (key, a) in &used {
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
    pain_points.sort_by(|a, b| a.satisfaction_mean.total_cmp(&b.satisfaction_mean));

    let mut grid = Grid {
        unavailable: None,
        stages_total: rows.len() as u64,
        touchpoints_total: cols.len() as u64,
        ..Grid::default()
    };
    let row_weights: Vec<u64> = rows.iter().map(|&r| row_events[r]).collect();
    let col_weights: Vec<u64> = cols.iter().map(|&c| col_events[c]).collect();
    let keep_rows = cap::keep_top(&row_weights, cap::GRID_STAGES);
    let keep_cols = cap::keep_top(&col_weights, cap::GRID_TOUCHPOINTS);
    if keep_rows.is_none() && keep_cols.is_none() {
        grid.stages = rows.iter().map(|&r| label(st, r)).collect();
        grid.touchpoints = cols.iter().map(|&c| label(tpc, c)).collect();
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
    let keep_rows = keep_rows.unwrap_or_else(|| all(rows.len()));
    let keep_cols = keep_cols.unwrap_or_else(|| all(cols.len()));
    let (mut stages, row_at) = shown(&rows, &keep_rows, ns + 1, |r| label(st, r));
    let (mut touchpoints, col_at) = shown(&cols, &keep_cols, nt + 1, |c| label(tpc, c));
    let folded = |keep: &[bool]| keep.iter().filter(|k| !**k).count() as u64;
    grid.stages_folded = folded(&keep_rows);
    grid.touchpoints_folded = folded(&keep_cols);
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
    (grid, pain_points)
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
    all.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
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
