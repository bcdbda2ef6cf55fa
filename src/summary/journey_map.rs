//! The journey map from a summary feed: the same [`journey_map::assemble`] the event path
//! uses, fed with the summary's funnel and experience map, and the channel lane counted
//! from the cells.
//!
//! Two lanes need each customer's events and are marked so: NPS by stage counts only each
//! customer's latest answer, and moments of truth come from the priority matrix's
//! correlations. When the funnel itself needs events (any filter, a persona chosen, funnel
//! settings the feed was not computed for) the map has no reach to lay its columns on, so
//! the whole map says it needs event-level data rather than drawing zeros.

use super::feed::Summary;
use crate::analytics::filter::MISSING_LABEL;
use crate::analytics::journey_map::{self, JourneyMap, Parts};
use crate::analytics::{Filter, Settings};
use crate::dataset::{DimKey, Role};
use crate::message::{Need, Needs};

fn event_level() -> Needs {
    Needs(vec![Need::EventLevelData])
}

/// The map for `filter`, narrowed to `persona` when set.
pub fn compute(
    s: &Summary,
    settings: &Settings,
    filter: &Filter,
    persona: Option<&str>,
) -> JourneyMap {
    let mut filter = filter.clone();
    if let Some(p) = persona {
        filter
            .dims
            .insert(DimKey::Role(Role::Persona), [p.to_string()].into());
    }
    let report = super::compute(s, settings, &filter);
    let funnel_needs_events = report
        .needs_events
        .iter()
        .any(|p| p == "funnel" || p == "selection" || p.starts_with("selection."));
    let channels = channel_counts(s, &filter, &report.funnel.stages);
    // NPS by stage with each customer's latest answer needs the events (its lane is
    // marked below): no segments go in.
    let mut no_nps = report.nps.clone();
    no_nps.breakdown = None;
    let mut map = journey_map::assemble(&Parts {
        funnel: &report.funnel,
        experience: &report.experience,
        nps_by_stage: &no_nps,
        channels,
        satisfaction_scale: s.meta.scales.unwrap_or_default().satisfaction,
        effort_scale: s.meta.scales.unwrap_or_default().effort,
        min_count: settings.min_count,
        persona: persona.map(str::to_string),
        has_effort: s.has("effort"),
    });
    if report.funnel.unavailable.is_none() && funnel_needs_events {
        map.unavailable = Some(event_level());
    }
    if s.has("nps") {
        map.gaps.nps = Some(event_level());
    }
    if map.gaps.moments.is_none() {
        map.gaps.moments = Some(event_level());
    }
    if map.gaps.exits.is_none()
        && report
            .needs_events
            .iter()
            .any(|p| p.starts_with("experience.exits"))
    {
        map.gaps.exits = Some(event_level());
    }
    map
}

/// Events per channel of each funnel stage over the cells the filter keeps, as the event
/// path counts them (`journey_map::channel_counts`); None without a channel or stage.
fn channel_counts(
    s: &Summary,
    filter: &Filter,
    stages: &[String],
) -> Option<Vec<Vec<(String, u64)>>> {
    let stage_dict = s.dict("stage")?;
    let channel_dict = s.dict("channel")?;
    let sel = super::select::select(s, filter);
    let step_of: Vec<Option<usize>> = stage_dict
        .iter()
        .map(|v| stages.iter().position(|st| st == v))
        .collect();
    let width = channel_dict.len() + 1;
    let mut counts = vec![vec![0u64; width]; stages.len()];
    let c = &s.cells;
    for i in (0..c.events.len()).filter(|&i| sel.keep[i]) {
        let Some(step) = usize::try_from(c.stage[i])
            .ok()
            .and_then(|code| step_of.get(code).copied().flatten())
        else {
            continue;
        };
        let slot = usize::try_from(c.channel[i]).map_or(width - 1, |code| code.min(width - 1));
        counts[step][slot] += c.events[i];
    }
    Some(
        counts
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(slot, n)| {
                        let name = channel_dict
                            .get(slot)
                            .cloned()
                            .unwrap_or_else(|| MISSING_LABEL.to_string());
                        (name, n)
                    })
                    .collect()
            })
            .collect(),
    )
}
