//! The journey map: one column per funnel stage with the lanes marketers put on a
//! customer journey map (reach, touchpoints and channels, emotion, pain points and exits,
//! moments of truth, NPS and effort).
//!
//! Every figure is read from the views the detailed pages show (funnel, experience map,
//! priority matrix, NPS by stage) so the map and those pages can never disagree; the map
//! only picks each stage's share of them. The one figure no other view has, the channel mix
//! of a stage, is counted here over the same events as the experience-map row.

use super::experience::{ExitPoint, ExperienceView, GridCell, PainPoint, PersonaCurve, Quadrant};
use super::filter::{self, Filter};
use super::funnel::{self, FunnelView};
use super::nps::NpsView;
use super::prepared::Prepared;
use super::settings::Settings;
use super::sparse::Slots;
use super::{experience, nps};
use crate::dataset::Role;
use crate::dataset::{Dataset, Scale, MISSING};
use crate::message::Needs;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Items listed per stage in the touchpoint, channel, pain-point, exit and moment lanes: a
/// journey map is read at a glance, and the detailed views list everything.
pub const LANE_ITEMS: usize = 3;

/// A touchpoint or channel with its share of the stage's events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub name: String,
    pub events: u64,
    /// % of the stage's events.
    pub share: f64,
}

/// Which kind of moment of truth a touchpoint is, from the priority matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MomentKind {
    /// Important and performing below the median: "Fix first".
    FixFirst,
    /// Important and performing at or above the median: "Keep up".
    KeepUp,
}

/// A touchpoint of the stage whose satisfaction moves NPS most.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    pub touchpoint: String,
    pub kind: MomentKind,
    /// Satisfaction on 0–100 (the matrix's performance).
    pub performance: f64,
    /// Correlation of satisfaction with NPS (the matrix's importance).
    pub importance: f64,
}

/// One stage of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageColumn {
    pub stage: String,
    /// Funnel: customers reaching the stage, % of the first and previous stage.
    pub customers: u64,
    pub pct_of_first: Option<f64>,
    pub pct_of_previous: Option<f64>,
    /// Events of the stage (its experience-map row); 0 when the row was folded away.
    pub events: u64,
    /// Most used touchpoints and channels, at most [`LANE_ITEMS`], most events first.
    pub touchpoints: Vec<Share>,
    pub channels: Vec<Share>,
    /// Mean satisfaction on the file's scale and on 0–100 (the emotion curve's point).
    pub satisfaction_mean: Option<f64>,
    pub satisfaction: Option<f64>,
    pub satisfaction_count: u64,
    /// Worst cells of the stage with enough answers, worst first, at most [`LANE_ITEMS`].
    pub pain_points: Vec<PainPoint>,
    /// Where customers who got no further than this stage had their last contact.
    pub exits: Vec<ExitPoint>,
    /// All of them (the list is cut at [`LANE_ITEMS`]).
    pub exit_customers: u64,
    /// "Fix first" before "Keep up", most important first, at most [`LANE_ITEMS`].
    pub moments: Vec<Moment>,
    /// NPS of the customers whose latest answer came in this stage.
    pub nps: Option<f64>,
    pub nps_responses: u64,
    /// Mean effort (CES) of the stage's answers, on the effort scale.
    pub ces: Option<f64>,
    pub ces_count: u64,
}

/// Why a lane is empty for every stage: the missing column(s), None when available.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LaneGaps {
    pub touchpoints: Option<Needs>,
    pub channels: Option<Needs>,
    pub emotion: Option<Needs>,
    pub pain_points: Option<Needs>,
    pub exits: Option<Needs>,
    pub moments: Option<Needs>,
    pub nps: Option<Needs>,
    pub ces: Option<Needs>,
}

/// The whole map for the events a filter selects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    /// The missing role(s) when there is no funnel to lay the map on (e.g. "stage").
    pub unavailable: Option<Needs>,
    /// The persona the map is drawn for (None = every customer the filter keeps).
    pub persona: Option<String>,
    pub stages: Vec<StageColumn>,
    /// One emotion curve per persona (capped like the experience map's), for the optional
    /// persona lines of the emotion lane.
    pub persona_curves: Vec<PersonaCurve>,
    pub gaps: LaneGaps,
    pub satisfaction_scale: Scale,
    pub effort_scale: Scale,
    /// Answers a cell needs to be a pain point (the setting the experience map uses).
    pub min_count: usize,
}

/// What the map is assembled from: the detailed views, plus the channel mix.
pub struct Parts<'a> {
    pub funnel: &'a FunnelView,
    pub experience: &'a ExperienceView,
    /// NPS broken down by stage, latest answer per customer.
    pub nps_by_stage: &'a NpsView,
    /// Per funnel stage: (channel, events), any order; None without a channel column.
    pub channels: Option<Vec<Vec<(String, u64)>>>,
    pub satisfaction_scale: Scale,
    pub effort_scale: Scale,
    pub min_count: usize,
    pub persona: Option<String>,
    /// Whether the data has an effort column (the grid cannot tell "no column" from "no
    /// answers").
    pub has_effort: bool,
}

/// The first [`LANE_ITEMS`] of `items` ranked by events (ties by name), with their share of
/// `total`.
fn top_shares(mut items: Vec<(String, u64)>, total: u64) -> Vec<Share> {
    items.retain(|(_, n)| *n > 0);
    crate::order::sort_by(&mut items, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items
        .into_iter()
        .take(LANE_ITEMS)
        .map(|(name, events)| Share {
            share: super::stats::pct(events as f64, total as f64).unwrap_or(0.0),
            name,
            events,
        })
        .collect()
}

/// Assembles the map from the views; `parts.funnel` gives the columns.
pub fn assemble(parts: &Parts) -> JourneyMap {
    let mut by_stage = ByStage::index(parts);
    let columns = parts
        .funnel
        .stages
        .iter()
        .enumerate()
        .map(|(j, stage)| by_stage.column(parts, j, stage))
        .collect();
    JourneyMap {
        unavailable: parts.funnel.unavailable.clone(),
        persona: parts.persona.clone(),
        stages: columns,
        persona_curves: if parts.persona.is_some() {
            Vec::new()
        } else {
            parts.experience.emotion.by_persona.clone()
        },
        gaps: lane_gaps(parts),
        satisfaction_scale: parts.satisfaction_scale,
        effort_scale: parts.effort_scale,
        min_count: parts.min_count,
    }
}

/// The views' rows grouped by stage name, built once: a file may hold thousands of
/// stages, and looking each column's rows up in the lists would cost their square.
struct ByStage<'a> {
    cells: HashMap<&'a str, Vec<&'a GridCell>>,
    pains: HashMap<&'a str, Vec<PainPoint>>,
    exits: HashMap<&'a str, &'a [ExitPoint]>,
    nps: HashMap<&'a str, &'a super::nps::NpsSummary>,
}

impl<'a> ByStage<'a> {
    fn index(parts: &Parts<'a>) -> ByStage<'a> {
        let x = parts.experience;
        let nps_segments = parts
            .nps_by_stage
            .breakdown
            .as_ref()
            .filter(|b| b.unavailable.is_none())
            .map(|b| &b.segments[..])
            .unwrap_or(&[]);
        let mut cells: HashMap<&str, Vec<&GridCell>> = HashMap::new();
        for c in &x.grid.cells {
            cells.entry(c.stage.as_str()).or_default().push(c);
        }
        let mut pains: HashMap<&str, Vec<PainPoint>> = HashMap::new();
        for p in &x.pain_points {
            let v = pains.entry(p.stage.as_str()).or_default();
            if v.len() < LANE_ITEMS {
                v.push(p.clone());
            }
        }
        ByStage {
            cells,
            pains,
            exits: x
                .exits_by_stage
                .iter()
                .map(|e| (e.stage.as_str(), &e.exits[..]))
                .collect(),
            nps: nps_segments
                .iter()
                .map(|s| (s.value.as_str(), &s.summary))
                .collect(),
        }
    }

    /// The column of funnel stage `j`; takes the stage's rows out of the index.
    fn column(&mut self, parts: &Parts, j: usize, stage: &str) -> StageColumn {
        let x = parts.experience;
        let step = parts.funnel.steps.get(j);
        let cells: Vec<&GridCell> = self.cells.remove(stage).unwrap_or_default();
        let events: u64 = cells.iter().map(|c| c.events).sum();
        let (effort_sum, ces_count) = effort_total(&cells);
        // The curve has one point per funnel stage, in the same order.
        let point = x.emotion.overall.get(j).filter(|p| p.stage == stage);
        let stage_exits = self.exits.get(stage).copied().unwrap_or(&[]);
        let nps = self.nps.get(stage);
        let channels = parts
            .channels
            .as_ref()
            .and_then(|c| c.get(j))
            .map(|c| {
                let total = c.iter().map(|(_, n)| n).sum();
                top_shares(c.clone(), total)
            })
            .unwrap_or_default();
        StageColumn {
            stage: stage.to_string(),
            customers: step.map_or(0, |s| s.customers),
            pct_of_first: step.and_then(|s| s.pct_of_first),
            pct_of_previous: step.and_then(|s| s.pct_of_previous),
            events,
            touchpoints: top_shares(
                cells
                    .iter()
                    .map(|c| (c.touchpoint.clone(), c.events))
                    .collect(),
                events,
            ),
            channels,
            satisfaction_mean: point.and_then(|p| p.mean),
            satisfaction: point.and_then(|p| p.percent),
            satisfaction_count: point.map_or(0, |p| p.count),
            pain_points: self.pains.remove(stage).unwrap_or_default(),
            exits: stage_exits.iter().take(LANE_ITEMS).cloned().collect(),
            exit_customers: stage_exits.iter().map(|x| x.customers).sum(),
            moments: moments(x, &cells),
            nps: nps.and_then(|s| s.nps),
            nps_responses: nps.map_or(0, |s| s.responses),
            ces: (ces_count > 0).then(|| effort_sum / ces_count as f64),
            ces_count,
        }
    }
}

/// Sum of effort scores and their count over a stage's cells, from each cell's mean and
/// count: the stage's CES is then weighted by answers, not by touchpoints.
fn effort_total(cells: &[&GridCell]) -> (f64, u64) {
    cells
        .iter()
        .fold((0.0, 0u64), |(s, n), c| match c.effort_mean {
            Some(m) => (s + m * c.effort_count as f64, n + c.effort_count),
            None => (s, n),
        })
}

/// Why each lane may be empty; the CES lane also needs an effort column, which the grid
/// cannot tell apart from a column without answers.
fn lane_gaps(parts: &Parts) -> LaneGaps {
    let x = parts.experience;
    let grid = &x.grid;
    let need = |what: Option<&Needs>| what.cloned();
    LaneGaps {
        touchpoints: need(grid.unavailable.as_ref()),
        channels: parts
            .channels
            .is_none()
            .then(|| Needs::column(Role::Channel)),
        emotion: need(x.emotion.unavailable.as_ref()),
        pain_points: need(x.pain_points_unavailable.as_ref()),
        exits: need(x.exits_unavailable.as_ref()),
        moments: need(x.priority.unavailable.as_ref()),
        nps: need(parts.nps_by_stage.unavailable.as_ref()),
        ces: grid
            .unavailable
            .clone()
            .or_else(|| (!parts.has_effort).then(|| Needs::column(Role::Effort))),
    }
}

/// The stage's touchpoints that are "Fix first" or "Keep up" in the priority matrix.
fn moments(x: &ExperienceView, cells: &[&GridCell]) -> Vec<Moment> {
    let mut out: Vec<Moment> = x
        .priority
        .points
        .iter()
        .filter(|p| cells.iter().any(|c| c.touchpoint == p.touchpoint))
        .filter_map(|p| {
            let kind = match p.quadrant {
                Quadrant::FixFirst => MomentKind::FixFirst,
                Quadrant::KeepUp => MomentKind::KeepUp,
                _ => return None,
            };
            Some(Moment {
                touchpoint: p.touchpoint.clone(),
                kind,
                performance: p.performance,
                importance: p.importance,
            })
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        (a.kind == MomentKind::KeepUp)
            .cmp(&(b.kind == MomentKind::KeepUp))
            .then(b.importance.total_cmp(&a.importance))
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    out.truncate(LANE_ITEMS);
    out
}

/// The map for the events `filter` selects, narrowed to one persona when `persona` is set
/// (the caller offers only personas the filter keeps). The funnel, experience map and NPS
/// are the same functions the detailed views run; NPS is broken down by stage with each
/// customer's latest answer.
pub fn compute(
    ds: &Dataset,
    prep: &Prepared,
    settings: &Settings,
    filter: &Filter,
    persona: Option<&str>,
) -> JourneyMap {
    let mut ready = crate::pause::ready;
    crate::pause::run_ready(compute_paused(
        ds, prep, settings, filter, persona, &mut ready,
    ))
}

/// [`compute`] with `pause().await` between its steps and within the passes over the
/// customers (as [`super::steps`] does for the report): at a million events the map takes
/// as long as the detailed views, and the browser must not wait for it in one go.
pub async fn compute_paused<F: std::future::Future<Output = ()>>(
    ds: &Dataset,
    prep: &Prepared,
    settings: &Settings,
    filter: &Filter,
    persona: Option<&str>,
    pause: &mut impl FnMut() -> F,
) -> JourneyMap {
    let ds = prep.dataset(ds);
    let mut filter = filter.clone();
    if let Some(p) = persona {
        filter.dims.insert(
            crate::dataset::DimKey::Role(Role::Persona),
            [p.to_string()].into(),
        );
    }
    let (sel, _) = filter::select_sorted(ds, &filter);
    pause().await;
    let ctx = funnel::FunnelCtx::new(ds, prep, settings, &filter);
    pause().await;
    let walks = funnel::Walks::new_in_parts(&ctx, &sel, pause).await;
    pause().await;
    let funnel = funnel::compute(&ctx, prep, settings, &sel, &walks);
    pause().await;
    // The map's lanes are touchpoints whatever column the experience map is drawn over.
    let touchpoints = Settings {
        map_columns: None,
        ..settings.clone()
    };
    let experience = experience::compute_in_parts(&ctx, &touchpoints, &sel, &walks, pause).await;
    pause().await;
    let by_stage = Settings {
        breakdown: Some(crate::dataset::DimKey::Role(Role::Stage)),
        nps_latest_only: true,
        comments_limit: 0,
        ..settings.clone()
    };
    let nps_by_stage = nps::compute(ds, None, &by_stage, &sel);
    pause().await;
    assemble(&Parts {
        funnel: &funnel,
        experience: &experience,
        nps_by_stage: &nps_by_stage,
        channels: channel_counts(&ctx, &sel),
        satisfaction_scale: ds.scales.satisfaction,
        effort_scale: ds.scales.effort,
        min_count: settings.min_count,
        persona: persona.map(str::to_string),
        has_effort: ds.effort.is_some(),
    })
}

/// Events per channel of each funnel stage, over the selected events whose stage is a
/// funnel step (the events of the stage's experience-map row). None without a channel or
/// stage column.
fn channel_counts(ctx: &funnel::FunnelCtx, sel: &[u32]) -> Option<Vec<Vec<(String, u64)>>> {
    let ds = ctx.ds;
    let (stage, channel) = (ds.stage.as_ref()?, ds.channel.as_ref()?);
    let k = ctx.plan.stages.len();
    let width = channel.values.len() as u64 + 1;
    let mut counts = Slots::new(k as u64 * width, sel.len(), 0u64);
    for &e in sel {
        let i = e as usize;
        let step = match stage.codes[i] {
            MISSING => continue,
            c => ctx.plan.step_of_code.get(c as usize).copied(),
        };
        let Some(step) = step.filter(|&s| (s as usize) < k) else {
            continue;
        };
        let slot = match channel.codes[i] {
            MISSING => width - 1,
            c => c as u64,
        };
        *counts.get(step as u64 * width + slot) += 1;
    }
    let mut out = vec![Vec::new(); k];
    for (key, n) in counts.into_sorted(|n| *n > 0) {
        let (step, slot) = ((key / width) as usize, (key % width) as usize);
        let name = channel
            .values
            .get(slot)
            .cloned()
            .unwrap_or_else(|| filter::MISSING_LABEL.to_string());
        out[step].push((name, n));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(effort_mean: Option<f64>, effort_count: u64) -> GridCell {
        GridCell {
            stage: "Purchase".into(),
            touchpoint: "Web".into(),
            events: 5,
            customers: 5,
            satisfaction_mean: None,
            satisfaction_count: 0,
            share_negative: None,
            effort_mean,
            effort_count,
        }
    }

    #[test]
    fn stage_effort_is_weighted_by_answers() {
        let cells = [cell(Some(2.0), 3), cell(None, 0), cell(Some(4.0), 1)];
        let refs: Vec<&GridCell> = cells.iter().collect();
        // 2.0 × 3 + 4.0 × 1 = 10 over 4 answers (CES 2.5, not the mean of means 3.0).
        assert_eq!(effort_total(&refs), (10.0, 4));
        assert_eq!(effort_total(&[]), (0.0, 0));
    }
}
