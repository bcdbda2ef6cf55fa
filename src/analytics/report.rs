//! The whole analysis in one serialisable document (CLI output and "Download report").

use super::experience::ExperienceView;
use super::filter::{Filter, FilterNote};
use super::funnel::FunnelView;
use super::kpis::KpiView;
use super::nps::NpsView;
use super::settings::Settings;
use serde::{Deserialize, Serialize};

/// What the filter kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    pub customers: u64,
    pub events: u64,
    /// Events in the whole dataset, for "x of y".
    pub total_events: u64,
    /// Problems with the filter as typed (e.g. an unreadable date, which is then ignored).
    pub notes: Vec<FilterNote>,
}

/// Every view, plus what produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub dataset: Option<String>,
    pub selection: Selection,
    pub settings: Settings,
    pub filter: Filter,
    pub funnel: FunnelView,
    pub experience: ExperienceView,
    pub nps: NpsView,
    pub kpis: KpiView,
    /// Journey flows for `settings.flow` (absent in reports written before flows existed).
    #[serde(default)]
    pub flows: super::flows::FlowView,
    /// Figures this report could not compute because its source is a summary feed
    /// (`src/summary`), as paths into this document; the UI marks them "needs event-level
    /// data". Empty (and absent from the JSON) for a report computed from events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_events: Vec<String>,
    /// How many loaded customers each view counts and why the rest are out (empty for a
    /// summary feed, which has no customers to count, and in reports written before it).
    #[serde(default)]
    pub coverage: super::coverage::CoverageView,
}

/// The report as pretty JSON.
pub fn report_json(report: &Report) -> String {
    // Serialising plain structs of numbers and strings cannot fail; keep a readable fallback anyway.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"could not write the report: {e}\"}}"))
}
