//! One answer to "what should we fix first?": stage × touchpoint cells and touchpoints
//! ranked by a single rule, so the heat map, the pain-point table, the priority matrix and
//! the "What to fix first" card cannot disagree.
//!
//! The rule (stated in docs/metrics.md, "What to fix first"):
//!
//! priority = (100 − satisfaction on 0–100) × (1 + max(0, low end of the 95 % interval of
//! the touchpoint's correlation with NPS))
//!
//! and an item with fewer satisfaction answers than `Settings.min_count` is never ranked:
//! it is listed after the ranked ones as thin evidence. The low end of the interval, not the
//! correlation itself, so a correlation measured on few customers (a wide interval) adds
//! little weight, and one whose interval includes zero adds none.
//!
//! Reasons are typed values; the UI words them per language.

use super::experience::{ExperienceView, PainPoint, PriorityMatrix, PriorityPoint, Quadrant};
use super::stats::correlation_interval;
use crate::dataset::Scale;
use crate::message::Needs;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much satisfaction at a touchpoint moves NPS: the correlation and its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    pub r: f64,
    pub low: f64,
    pub high: f64,
}

impl Importance {
    /// The matrix point's correlation with its interval; None without one (under 4
    /// customers, or a report written before intervals existed).
    pub fn of(p: &PriorityPoint) -> Option<Importance> {
        match (p.importance_low, p.importance_high) {
            (Some(low), Some(high)) => Some(Importance {
                r: p.importance,
                low,
                high,
            }),
            _ => None,
        }
    }

    /// The whole interval is above zero: satisfaction here clearly goes with NPS.
    pub fn clear(&self) -> bool {
        self.low > 0.0
    }
}

/// Why an item is where it is in the list.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Satisfaction on 0–100 from `n` answers.
    Satisfaction { percent: f64, n: u64 },
    /// The touchpoint's correlation with NPS, whose interval is above zero.
    MovesNps { r: f64, low: f64, high: f64 },
    /// The interval includes zero or lies below it: no clear link with NPS, no weight.
    UnclearImportance { r: f64, low: f64, high: f64 },
    /// The touchpoint has no correlation in the priority matrix (too few customers with
    /// both answers, answers that never vary, or no NPS column).
    NoImportance,
    /// Fewer answers than the minimum: shown, never ranked.
    ThinEvidence { n: u64, min: u64 },
}

/// A cell (with `stage`) or a touchpoint (without).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub stage: Option<String>,
    pub touchpoint: String,
    /// Mean satisfaction on 0–100.
    pub satisfaction: f64,
    pub answers: u64,
    pub importance: Option<Importance>,
    pub score: f64,
    /// Below the minimum answers.
    pub thin: bool,
    pub reasons: Vec<Reason>,
}

/// Cells and touchpoints, ranked items first (highest priority first), then the thin ones
/// (also highest priority first).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FixFirst {
    /// The missing role(s) when nothing can be ranked.
    pub unavailable: Option<Needs>,
    pub min_count: u64,
    pub cells: Vec<Item>,
    pub touchpoints: Vec<Item>,
}

/// The rule's score: the shortfall from full satisfaction, weighted by how clearly the
/// touchpoint moves NPS.
pub fn score(satisfaction: f64, importance: Option<&Importance>) -> f64 {
    let weight = 1.0 + importance.map_or(0.0, |i| i.low.max(0.0));
    (100.0 - satisfaction).max(0.0) * weight
}

/// The quadrant of a matrix point: above or below the importance median only when the
/// whole interval is; a point whose interval straddles the median (or has none) is
/// unclear. Performance splits at its median (≥ is "high"), as before intervals.
pub fn quadrant(
    performance: f64,
    performance_median: f64,
    interval: Option<(f64, f64)>,
    importance_median: f64,
) -> Quadrant {
    let important = match interval {
        Some((low, _)) if low > importance_median => true,
        Some((_, high)) if high < importance_median => false,
        _ => return Quadrant::Unclear,
    };
    match (important, performance >= performance_median) {
        (true, false) => Quadrant::FixFirst,
        (true, true) => Quadrant::KeepUp,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

/// The 95 % interval the matrix stores with each point.
pub fn interval(r: f64, customers: u64) -> Option<(f64, f64)> {
    correlation_interval(r, customers)
}

fn importances(m: &PriorityMatrix) -> BTreeMap<&str, Option<Importance>> {
    m.points
        .iter()
        .map(|p| (p.touchpoint.as_str(), Importance::of(p)))
        .collect()
}

/// Orders the pain points as the card orders its moments, for the experience view's
/// table. The report keeps them worst first: a summary feed, which has no priority matrix,
/// must produce the same report as the events it summarises.
pub fn rank_pain_points(points: &mut [PainPoint], m: &PriorityMatrix) {
    let imp = importances(m);
    let key = |p: &PainPoint| {
        score(
            p.percent,
            imp.get(p.touchpoint.as_str()).and_then(|i| i.as_ref()),
        )
    };
    crate::order::sort_by(points, |a, b| {
        key(b)
            .total_cmp(&key(a))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.stage.cmp(&b.stage))
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
}

fn item(
    stage: Option<String>,
    touchpoint: String,
    satisfaction: f64,
    answers: u64,
    importance: Option<Option<Importance>>,
    min: u64,
) -> Item {
    let imp = importance.flatten();
    let mut reasons = vec![Reason::Satisfaction {
        percent: satisfaction,
        n: answers,
    }];
    reasons.push(match imp {
        Some(i) if i.clear() => Reason::MovesNps {
            r: i.r,
            low: i.low,
            high: i.high,
        },
        Some(i) => Reason::UnclearImportance {
            r: i.r,
            low: i.low,
            high: i.high,
        },
        None => Reason::NoImportance,
    });
    let thin = answers < min;
    if thin {
        reasons.push(Reason::ThinEvidence { n: answers, min });
    }
    Item {
        stage,
        touchpoint,
        satisfaction,
        answers,
        score: score(satisfaction, imp.as_ref()),
        importance: imp,
        thin,
        reasons,
    }
}

/// Ranked first, thin after; within each, the highest score first, then more answers,
/// then by name so the order never depends on the input's.
fn order(items: &mut [Item]) {
    crate::order::sort_by(items, |a, b| {
        a.thin
            .cmp(&b.thin)
            .then(b.score.total_cmp(&a.score))
            .then(b.answers.cmp(&a.answers))
            .then_with(|| a.stage.cmp(&b.stage))
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
}

/// The list for an experience view; `scale` is the satisfaction scale of the data (the
/// grid holds raw means) and `min_count` the setting every view uses.
pub fn compute(x: &ExperienceView, scale: Scale, min_count: usize) -> FixFirst {
    let min = min_count.max(1) as u64;
    if let Some(what) = &x.pain_points_unavailable {
        return FixFirst {
            unavailable: Some(what.clone()),
            min_count: min,
            ..FixFirst::default()
        };
    }
    let imp = importances(&x.priority);
    let of = |tp: &str| imp.get(tp).copied();
    // Ranked cells are the pain points (every cell with enough answers, before any
    // folding of the grid); thin ones come from the grid.
    let mut cells: Vec<Item> = x
        .pain_points
        .iter()
        .map(|p| {
            item(
                Some(p.stage.clone()),
                p.touchpoint.clone(),
                p.percent,
                p.count,
                of(&p.touchpoint),
                min,
            )
        })
        .collect();
    let mut columns: BTreeMap<&str, (f64, u64)> = BTreeMap::new();
    for c in &x.grid.cells {
        let Some(mean) = c.satisfaction_mean.filter(|m| m.is_finite()) else {
            continue;
        };
        let n = c.satisfaction_count;
        let col = columns.entry(c.touchpoint.as_str()).or_default();
        col.0 += mean * n as f64;
        col.1 += n;
        if n > 0 && n < min {
            cells.push(item(
                Some(c.stage.clone()),
                c.touchpoint.clone(),
                scale.to_percent(mean),
                n,
                of(&c.touchpoint),
                min,
            ));
        }
    }
    let mut touchpoints: Vec<Item> = columns
        .into_iter()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(tp, (sum, n))| {
            item(
                None,
                tp.to_string(),
                scale.to_percent(sum / n as f64),
                n,
                of(tp),
                min,
            )
        })
        .collect();
    order(&mut cells);
    order(&mut touchpoints);
    FixFirst {
        unavailable: None,
        min_count: min,
        cells,
        touchpoints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::experience::{Grid, GridCell, PriorityMatrix};

    fn imp(r: f64, low: f64, high: f64) -> Importance {
        Importance { r, low, high }
    }

    #[test]
    fn score_by_hand() {
        // 100 − 40 = 60, interval low 0.5 → × 1.5 = 90.
        assert_eq!(score(40.0, Some(&imp(0.7, 0.5, 0.85))), 90.0);
        // An interval through zero adds nothing: 100 − 30 = 70.
        assert_eq!(score(30.0, Some(&imp(0.2, -0.1, 0.5))), 70.0);
        assert_eq!(score(30.0, None), 70.0);
        // Full satisfaction has nothing to fix, whatever the importance.
        assert_eq!(score(100.0, Some(&imp(0.9, 0.8, 0.95))), 0.0);
    }

    #[test]
    fn quadrants_need_the_interval_to_clear_the_median() {
        // Median importance 0.66: three touchpoints with r 0.65–0.67 whose intervals all
        // include it are unclear, whatever their performance.
        assert_eq!(
            quadrant(40.0, 60.0, Some((0.40, 0.82)), 0.66),
            Quadrant::Unclear
        );
        assert_eq!(
            quadrant(80.0, 60.0, Some((0.42, 0.83)), 0.66),
            Quadrant::Unclear
        );
        // Interval wholly above the median: important.
        assert_eq!(
            quadrant(40.0, 60.0, Some((0.70, 0.90)), 0.66),
            Quadrant::FixFirst
        );
        assert_eq!(
            quadrant(60.0, 60.0, Some((0.70, 0.90)), 0.66),
            Quadrant::KeepUp
        );
        // Wholly below: unimportant.
        assert_eq!(
            quadrant(40.0, 60.0, Some((-0.2, 0.3)), 0.66),
            Quadrant::LowPriority
        );
        assert_eq!(
            quadrant(75.0, 60.0, Some((-0.2, 0.3)), 0.66),
            Quadrant::PossibleOverkill
        );
        // Touching the median is not clearing it; no interval is never a quadrant.
        assert_eq!(
            quadrant(40.0, 60.0, Some((0.66, 0.9)), 0.66),
            Quadrant::Unclear
        );
        assert_eq!(quadrant(40.0, 60.0, None, 0.66), Quadrant::Unclear);
    }

    fn cell(stage: &str, tp: &str, mean: f64, n: u64) -> GridCell {
        GridCell {
            stage: stage.into(),
            touchpoint: tp.into(),
            events: n,
            customers: n,
            satisfaction_mean: Some(mean),
            satisfaction_count: n,
            share_negative: None,
            effort_mean: None,
            effort_count: 0,
        }
    }

    fn point(tp: &str, r: f64, low: f64, high: f64) -> PriorityPoint {
        PriorityPoint {
            touchpoint: tp.into(),
            performance: 50.0,
            importance: r,
            importance_low: Some(low),
            importance_high: Some(high),
            customers: 40,
            quadrant: Quadrant::Unclear,
        }
    }

    fn pain(stage: &str, tp: &str, mean: f64, n: u64) -> PainPoint {
        PainPoint {
            stage: stage.into(),
            touchpoint: tp.into(),
            satisfaction_mean: mean,
            percent: (mean - 1.0) / 4.0 * 100.0,
            count: n,
            share_negative: None,
        }
    }

    /// Scale 1–5, minimum 20 answers. Cells (mean → 0–100, answers):
    /// Buy·Web 2.6 → 40 (30), Buy·Call 2.2 → 30 (25), Help·Call 3.0 → 50 (40),
    /// Help·Chat 1.5 → 12.5 (5, thin), Buy·Chat 3.5 → 62.5 (3, thin).
    /// Importance: Web r 0.6 [0.5, 0.7] (clear), Call r 0.2 [−0.1, 0.5] (unclear), Chat none.
    fn view() -> ExperienceView {
        let grid = Grid {
            stages: vec!["Buy".into(), "Help".into()],
            touchpoints: vec!["Web".into(), "Call".into(), "Chat".into()],
            cells: vec![
                cell("Buy", "Web", 2.6, 30),
                cell("Buy", "Call", 2.2, 25),
                cell("Buy", "Chat", 3.5, 3),
                cell("Help", "Call", 3.0, 40),
                cell("Help", "Chat", 1.5, 5),
            ],
            ..Grid::default()
        };
        let mut pain_points = vec![
            pain("Buy", "Call", 2.2, 25),
            pain("Buy", "Web", 2.6, 30),
            pain("Help", "Call", 3.0, 40),
        ];
        let priority = PriorityMatrix {
            unavailable: None,
            points: vec![point("Web", 0.6, 0.5, 0.7), point("Call", 0.2, -0.1, 0.5)],
            excluded: Vec::new(),
            performance_median: None,
            importance_median: None,
        };
        rank_pain_points(&mut pain_points, &priority);
        ExperienceView {
            columns: crate::dataset::DimKey::Role(crate::dataset::Role::Touchpoint),
            columns_header: None,
            grid,
            emotion: Default::default(),
            pain_points_unavailable: None,
            pain_points,
            exits_unavailable: None,
            exits: Vec::new(),
            exits_by_stage: Vec::new(),
            handoffs: crate::analytics::experience::Handoffs {
                unavailable: None,
                total: 0,
                customers: 0,
                top: Vec::new(),
                others: None,
            },
            priority,
        }
    }

    #[test]
    fn cells_ranked_by_the_rule_thin_ones_last() {
        let x = view();
        let f = compute(&x, Scale::new(1.0, 5.0), 20);
        let got: Vec<(&str, &str, f64, bool)> = f
            .cells
            .iter()
            .map(|i| {
                (
                    i.stage.as_deref().unwrap_or(""),
                    i.touchpoint.as_str(),
                    i.score,
                    i.thin,
                )
            })
            .collect();
        // Buy·Web (100 − 40) × 1.5 = 90 beats Buy·Call (100 − 30) × 1 = 70, although its
        // satisfaction is higher: Web clearly moves NPS. Help·Call 50. Then the thin
        // cells: Help·Chat 90 (the lowest satisfaction of all, on 5 answers), Buy·Chat 40.
        assert_eq!(
            got,
            vec![
                ("Buy", "Web", 90.0, false),
                ("Buy", "Call", 70.0, false),
                ("Help", "Call", 50.0, false),
                ("Help", "Chat", 87.5, true),
                ("Buy", "Chat", 37.5, true),
            ]
        );
        // The pain-point table is in the same order.
        let pains: Vec<(&str, &str)> = x
            .pain_points
            .iter()
            .map(|p| (p.stage.as_str(), p.touchpoint.as_str()))
            .collect();
        assert_eq!(
            pains,
            vec![("Buy", "Web"), ("Buy", "Call"), ("Help", "Call")]
        );
        assert_eq!(
            f.cells[0].reasons,
            vec![
                Reason::Satisfaction {
                    percent: 40.0,
                    n: 30
                },
                Reason::MovesNps {
                    r: 0.6,
                    low: 0.5,
                    high: 0.7
                },
            ]
        );
        assert_eq!(
            f.cells[3].reasons,
            vec![
                Reason::Satisfaction {
                    percent: 12.5,
                    n: 5
                },
                Reason::NoImportance,
                Reason::ThinEvidence { n: 5, min: 20 },
            ]
        );
    }

    #[test]
    fn touchpoints_ranked_by_the_same_rule() {
        let f = compute(&view(), Scale::new(1.0, 5.0), 20);
        let got: Vec<(&str, u64, bool)> = f
            .touchpoints
            .iter()
            .map(|i| (i.touchpoint.as_str(), i.answers, i.thin))
            .collect();
        // Call: (2.2 × 25 + 3.0 × 40) / 65 = 175 / 65 = 2.6923 → 42.31; × 1 = 57.69.
        // Web: 2.6 → 40 on 30 answers; × 1.5 = 90. Chat: (7.5 + 10.5) / 8 = 2.25 → 31.25,
        // 8 answers: thin.
        assert_eq!(
            got,
            vec![("Web", 30, false), ("Call", 65, false), ("Chat", 8, true)]
        );
        assert!((f.touchpoints[1].satisfaction - 42.307_692).abs() < 1e-5);
        assert!((f.touchpoints[1].score - 57.692_308).abs() < 1e-5);
        assert!((f.touchpoints[2].satisfaction - 31.25).abs() < 1e-9);
        assert!(matches!(
            f.touchpoints[1].reasons[1],
            Reason::UnclearImportance { .. }
        ));
    }

    #[test]
    fn a_lower_minimum_ranks_the_thin_cells() {
        // With a minimum of 5 the analytics make Help·Chat (5 answers) a pain point; it is
        // ranked, Buy·Chat (3) stays thin. Help·Chat (100 − 12.5) × 1 = 87.5 comes after
        // Buy·Web (90), before Buy·Call (70).
        let mut x = view();
        x.pain_points.push(pain("Help", "Chat", 1.5, 5));
        let f = compute(&x, Scale::new(1.0, 5.0), 5);
        assert_eq!(f.min_count, 5);
        let got: Vec<(&str, &str, bool)> = f
            .cells
            .iter()
            .map(|i| {
                (
                    i.stage.as_deref().unwrap_or(""),
                    i.touchpoint.as_str(),
                    i.thin,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Buy", "Web", false),
                ("Help", "Chat", false),
                ("Buy", "Call", false),
                ("Help", "Call", false),
                ("Buy", "Chat", true),
            ]
        );
    }

    #[test]
    fn without_satisfaction_nothing_is_ranked() {
        let mut x = view();
        x.pain_points_unavailable = Some(Needs::column(crate::dataset::Role::Satisfaction));
        let f = compute(&x, Scale::new(1.0, 5.0), 20);
        assert!(f.unavailable.is_some());
        assert!(f.cells.is_empty() && f.touchpoints.is_empty());
    }
}
