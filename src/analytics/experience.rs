//! The experience map: how each stage and touchpoint feels, where customers leave and
//! which touchpoints matter most for loyalty.

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// Missing role(s), e.g. "stage, touchpoint".
    pub unavailable: Option<String>,
    /// Row labels in funnel order (then unlisted stages, then "(missing)" when present).
    pub stages: Vec<String>,
    /// Column labels by number of events, descending.
    pub touchpoints: Vec<String>,
    pub cells: Vec<GridCell>,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmotionCurve {
    pub unavailable: Option<String>,
    /// One point per funnel stage, in funnel order.
    pub overall: Vec<EmotionPoint>,
    /// Empty without a persona column.
    pub by_persona: Vec<PersonaCurve>,
}

/// A grid cell with enough answers, ranked worst first.
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
    pub unavailable: Option<String>,
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
}

/// One touchpoint in the priority matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityPoint {
    pub touchpoint: String,
    /// Mean satisfaction on 0–100.
    pub performance: f64,
    /// Pearson correlation of customers' satisfaction here with their NPS answer.
    pub importance: f64,
    /// Customers with both a satisfaction answer here and an NPS answer.
    pub customers: u64,
    pub quadrant: Quadrant,
}

/// A touchpoint left out of the matrix, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExcludedTouchpoint {
    pub touchpoint: String,
    pub customers: u64,
    pub reason: String,
}

/// Performance vs importance per touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityMatrix {
    pub unavailable: Option<String>,
    pub points: Vec<PriorityPoint>,
    pub excluded: Vec<ExcludedTouchpoint>,
    /// Where the quadrants split.
    pub performance_median: Option<f64>,
    pub importance_median: Option<f64>,
}

/// Everything the experience-map page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExperienceView {
    pub grid: Grid,
    pub emotion: EmotionCurve,
    /// Needs satisfaction, stage and touchpoint.
    pub pain_points_unavailable: Option<String>,
    pub pain_points: Vec<PainPoint>,
    pub exits_unavailable: Option<String>,
    /// Descending by customers.
    pub exits: Vec<ExitPoint>,
    pub handoffs: Handoffs,
    pub priority: PriorityMatrix,
}

use super::filter::MISSING_LABEL;
use super::funnel::{FunnelCtx, Walks};
use super::settings::Settings;
use super::stages::NOT_A_STEP;
use super::stats::{median, pct, Mean, Pearson};
use crate::dataset::{DimColumn, MISSING};
use std::collections::HashMap;

/// Accumulator of one grid cell.
#[derive(Debug, Clone, Copy, Default)]
struct CellAcc {
    events: u64,
    customers: u64,
    last_cust: u32,
    sat: Mean,
    negative: u64,
    effort: Mean,
}

/// Accumulator of one hand-off pair.
#[derive(Debug, Clone, Copy, Default)]
struct PairAcc {
    count: u64,
    customers: u64,
    last_cust: u32,
    sat: Mean,
}

/// Pair counters: flat when the touchpoint dictionary is small, a map of integer keys otherwise.
enum Pairs {
    Flat(Vec<PairAcc>),
    Map(HashMap<u64, PairAcc>),
}

impl Pairs {
    #[inline]
    fn get(&mut self, key: u64) -> &mut PairAcc {
        match self {
            Pairs::Flat(v) => &mut v[key as usize],
            Pairs::Map(m) => m.entry(key).or_insert(PairAcc {
                last_cust: u32::MAX,
                ..PairAcc::default()
            }),
        }
    }
    fn into_vec(self) -> Vec<(u64, PairAcc)> {
        match self {
            Pairs::Flat(v) => v
                .into_iter()
                .enumerate()
                .filter(|(_, a)| a.count > 0)
                .map(|(k, a)| (k as u64, a))
                .collect(),
            Pairs::Map(m) => m.into_iter().collect(),
        }
    }
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

fn missing_roles(roles: &[(&str, bool)]) -> Option<String> {
    let m: Vec<&str> = roles
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(r, _)| *r)
        .collect();
    (!m.is_empty()).then(|| m.join(", "))
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
    let tp = ds.touchpoint.as_ref();
    let persona = ds.persona.as_ref();
    let sat = ds.satisfaction.as_deref();
    let effort = ds.effort.as_deref();
    let nps = ds.nps.as_deref();
    let ns = stage.map_or(0, |s| s.values.len());
    let nt = tp.map_or(0, |t| t.values.len());
    let np = persona.map_or(0, |p| p.values.len());
    let k = ctx.plan.stages.len();
    let val = |col: Option<&[f64]>, i: usize| col.map(|c| c[i]).filter(|v| !v.is_nan());

    let grid_on = stage.is_some() && tp.is_some();
    let mut cells = vec![
        CellAcc {
            last_cust: u32::MAX,
            ..CellAcc::default()
        };
        if grid_on { (ns + 1) * (nt + 1) } else { 0 }
    ];
    let mut emotion = vec![Mean::default(); if sat.is_some() { k } else { 0 }];
    let mut emotion_p = vec![
        Mean::default();
        if sat.is_some() && persona.is_some() {
            (np + 1) * k
        } else {
            0
        }
    ];
    let exits_on = stage.is_some() && tp.is_some() && k > 0;
    let mut exits = vec![0u64; if exits_on { nt + 1 } else { 0 }];
    let pairs_flat = nt.saturating_mul(nt) <= 1 << 22;
    let mut pairs = if pairs_flat {
        Pairs::Flat(vec![
            PairAcc {
                last_cust: u32::MAX,
                ..PairAcc::default()
            };
            nt * nt
        ])
    } else {
        Pairs::Map(HashMap::new())
    };
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
            if let (Some(sc), Some(tc)) = (stage_codes, tp_codes) {
                let c = &mut cells[slot(sc[i], ns) * (nt + 1) + slot(tc[i], nt)];
                c.events += 1;
                if c.last_cust != cust {
                    c.last_cust = cust;
                    c.customers += 1;
                }
                // Branch-free (NaN compares false and is not added).
                let sv = sat.map_or(f64::NAN, |c| c[i]);
                c.sat.add_present(sv);
                c.negative += (sv <= scale.min + 1.0) as u64;
                c.effort.add_present(effort.map_or(f64::NAN, |c| c[i]));
            }
            if let (Some(v), Some(sc)) = (s, stage_codes) {
                let step = match sc[i] {
                    MISSING => NOT_A_STEP,
                    c => ctx.plan.step_of_code[c as usize],
                };
                if step != NOT_A_STEP {
                    emotion[step as usize].add(v);
                    if let Some(p) = persona {
                        emotion_p[slot(p.codes[i], np) * k + step as usize].add(v);
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
                exits[slot(tc[last as usize], nt)] += 1;
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

    // Grid, with rows in funnel order then unlisted stages then "(missing)".
    let grid_missing = missing_roles(&[("stage", stage.is_some()), ("touchpoint", tp.is_some())]);
    let mut grid = Grid {
        unavailable: grid_missing.clone(),
        stages: Vec::new(),
        touchpoints: Vec::new(),
        cells: Vec::new(),
    };
    let mut pain_points = Vec::new();
    if let (Some(st), Some(tpc)) = (stage, tp) {
        let mut rows: Vec<usize> = (0..=ns).collect();
        rows.sort_by_key(|&r| {
            if r == ns {
                (2, 0, r)
            } else {
                match ctx.plan.step_of_code[r] {
                    NOT_A_STEP => (1, 0, r),
                    s => (0, s as usize, r),
                }
            }
        });
        let mut col_events = vec![0u64; nt + 1];
        let mut row_events = vec![0u64; ns + 1];
        for r in 0..=ns {
            for c in 0..=nt {
                let e = cells[r * (nt + 1) + c].events;
                col_events[c] += e;
                row_events[r] += e;
            }
        }
        let mut cols: Vec<usize> = (0..=nt).filter(|&c| col_events[c] > 0).collect();
        cols.sort_by(|&a, &b| col_events[b].cmp(&col_events[a]).then(a.cmp(&b)));
        rows.retain(|&r| row_events[r] > 0 || (r < ns && ctx.plan.step_of_code[r] != NOT_A_STEP));
        grid.stages = rows.iter().map(|&r| label(st, r)).collect();
        grid.touchpoints = cols.iter().map(|&c| label(tpc, c)).collect();
        for &r in &rows {
            for &c in &cols {
                let a = &cells[r * (nt + 1) + c];
                if a.events == 0 {
                    continue;
                }
                let cell = GridCell {
                    stage: label(st, r),
                    touchpoint: label(tpc, c),
                    events: a.events,
                    customers: a.customers,
                    satisfaction_mean: a.sat.get(),
                    satisfaction_count: a.sat.n,
                    share_negative: pct(a.negative as f64, a.sat.n as f64),
                    effort_mean: a.effort.get(),
                    effort_count: a.effort.n,
                };
                if let Some(m) = cell.satisfaction_mean {
                    if a.sat.n >= settings.min_count.max(1) as u64 {
                        pain_points.push(PainPoint {
                            stage: cell.stage.clone(),
                            touchpoint: cell.touchpoint.clone(),
                            satisfaction_mean: m,
                            percent: scale.to_percent(m),
                            count: a.sat.n,
                            share_negative: cell.share_negative,
                        });
                    }
                }
                grid.cells.push(cell);
            }
        }
    }
    pain_points.sort_by(|a, b| a.satisfaction_mean.total_cmp(&b.satisfaction_mean));

    let point = |stage: &str, m: &Mean| EmotionPoint {
        stage: stage.to_string(),
        mean: m.get(),
        percent: m.get().map(|v| scale.to_percent(v)),
        count: m.n,
    };
    let emotion = EmotionCurve {
        unavailable: missing_roles(&[("stage", stage.is_some()), ("satisfaction", sat.is_some())]),
        overall: emotion
            .iter()
            .enumerate()
            .map(|(j, m)| point(&ctx.plan.stages[j], m))
            .collect(),
        by_persona: match persona {
            Some(p) if !emotion_p.is_empty() => (0..=np)
                .filter(|&g| emotion_p[g * k..(g + 1) * k].iter().any(|m| m.n > 0))
                .map(|g| PersonaCurve {
                    persona: label(p, g),
                    points: (0..k)
                        .map(|j| point(&ctx.plan.stages[j], &emotion_p[g * k + j]))
                        .collect(),
                })
                .collect(),
            _ => Vec::new(),
        },
    };

    let mut exit_list: Vec<ExitPoint> = match tp {
        Some(tpc) => exits
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(c, &n)| ExitPoint {
                touchpoint: label(tpc, c),
                customers: n,
            })
            .collect(),
        None => Vec::new(),
    };
    exit_list.sort_by_key(|e| std::cmp::Reverse(e.customers));

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
        grid,
        emotion,
        pain_points_unavailable: missing_roles(&[
            ("stage", stage.is_some()),
            ("touchpoint", tp.is_some()),
            ("satisfaction", sat.is_some()),
        ]),
        pain_points,
        exits_unavailable: missing_roles(&[
            ("stage", stage.is_some()),
            ("touchpoint", tp.is_some()),
        ]),
        exits: exit_list,
        handoffs,
        priority,
    }
}

fn handoff_view(
    tp: Option<&DimColumn>,
    nt: usize,
    pairs: Pairs,
    customers: u64,
    top_n: usize,
) -> Handoffs {
    let Some(tpc) = tp else {
        return Handoffs {
            unavailable: Some("touchpoint".into()),
            total: 0,
            customers: 0,
            top: Vec::new(),
            others: None,
        };
    };
    let mut all = pairs.into_vec();
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
            ("touchpoint", tp.is_some()),
            ("satisfaction", has_sat),
            ("nps", has_nps),
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
                reason: format!(
                    "fewer than {min_count} customers with both a satisfaction and an NPS answer"
                ),
            });
            continue;
        }
        match p.get() {
            Some(r) => raw.push((name, scale.to_percent(mean), r, p.n)),
            None => m.excluded.push(ExcludedTouchpoint {
                touchpoint: name,
                customers: p.n,
                reason: "all answers are the same, so no correlation can be measured".into(),
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
        .map(
            |(touchpoint, performance, importance, customers)| PriorityPoint {
                quadrant: match (importance >= im, performance >= pm) {
                    (true, false) => Quadrant::FixFirst,
                    (true, true) => Quadrant::KeepUp,
                    (false, false) => Quadrant::LowPriority,
                    (false, true) => Quadrant::PossibleOverkill,
                },
                touchpoint,
                performance,
                importance,
                customers,
            },
        )
        .collect();
    m
}
