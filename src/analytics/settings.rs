//! What the user can tune about the analytics (the UI edits it, the CLI sets it from flags).
//!
//! Kept separate from the [`super::filter::Filter`]: a filter chooses *which* events are
//! analysed, settings choose *how* they are analysed, and both travel in the JSON report
//! so a number can always be traced back to the choices that produced it.

use crate::dataset::DimKey;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

fn lenient_dimension<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DimKey>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    Ok(text.and_then(|t| t.parse().ok()))
}

/// How the funnel decides that a customer reached a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FunnelMode {
    /// Ordered when the data has timestamps, any-order otherwise.
    #[default]
    Auto,
    /// Stages must happen one after another in time.
    Ordered,
    /// Having events at every earlier stage is enough, whatever their order.
    AnyOrder,
}

/// Bucket size for trends, cohorts, period-over-period and sparklines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// ISO week, labelled like `2024-W05`.
    Week,
    /// Calendar month, labelled like `2024-03`.
    #[default]
    Month,
    /// Calendar quarter, labelled like `2024-Q1`.
    Quarter,
}

/// How long the period of the KPI cards is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KpiPeriodKind {
    #[default]
    Month,
    Quarter,
    Year,
    /// From `from` to `to`, both days included.
    Custom,
}

/// What the KPI period is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KpiCompare {
    /// The period just before, of the same length.
    #[default]
    Previous,
    /// The same period one year earlier (seasons cancel out).
    YearBefore,
}

/// The period every KPI card's value and change refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct KpiPeriod {
    pub kind: KpiPeriodKind,
    /// The chosen period's label (`2025-03`, `2025-Q1`, `2025`); `None` or unreadable = the
    /// last complete one, so a report opened next month moves on by itself.
    pub at: Option<String>,
    /// Custom period, `YYYY-MM-DD`, both days included.
    pub from: Option<String>,
    pub to: Option<String>,
    pub compare: KpiCompare,
}

/// Relative weights of the Journey Excellence Score components; only ratios matter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JesWeights {
    pub csat: f64,
    pub nps: f64,
    pub conversion: f64,
    pub ces: f64,
}

impl Default for JesWeights {
    fn default() -> Self {
        JesWeights {
            csat: 1.0,
            nps: 1.0,
            conversion: 1.0,
            ces: 1.0,
        }
    }
}

/// Every analysis choice, with defaults that work for a file nobody has configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Funnel stage order chosen by the user; ignored when the feed's meta sets one
    /// (the feed author knows their own journey best).
    pub stage_order: Option<Vec<String>>,
    /// Stage that counts as a conversion; `None` = feed meta, else the purchase stage, else the last.
    pub conversion_stage: Option<String>,
    pub mode: FunnelMode,
    /// Conversion window in days from the customer's first stage-1 event; `None` = unlimited.
    pub window_days: Option<f64>,
    /// The dimension the funnel and NPS breakdowns compare. Saved settings from before
    /// dimensions had typed keys (a header string) read as no breakdown.
    #[serde(deserialize_with = "lenient_dimension")]
    pub breakdown: Option<DimKey>,
    pub period: PeriodKind,
    /// Smallest number of answers (or customers) for a pain point or a priority-matrix point.
    pub min_count: usize,
    /// How many hand-off pairs are listed before the rest go to "others".
    pub top_handoffs: usize,
    /// Count only each customer's latest NPS answer.
    pub nps_latest_only: bool,
    /// How many comments are listed per category (the total is always given).
    pub comments_limit: usize,
    pub jes_weights: JesWeights,
    /// KPI targets typed by the user, by KPI key; they override the feed's meta targets.
    pub targets: BTreeMap<String, f64>,
    /// Number of periods in each KPI sparkline.
    pub sparkline_periods: usize,
    /// What the journey-flow diagram walks through, from where, how deep.
    pub flow: super::flows::FlowParams,
    /// The dimension the experience map's columns, exits, hand-offs and priority matrix are
    /// drawn over; `None` = the touchpoint. Exports often have no touchpoint column but a
    /// channel, an order status or a product category that tells the same story.
    #[serde(deserialize_with = "lenient_dimension")]
    pub map_columns: Option<DimKey>,
    /// The period of the KPI cards and what it is compared with.
    #[serde(default)]
    pub kpi_period: KpiPeriod,
    /// Whether the stage column lists stages reached or each customer's current status.
    #[serde(default)]
    pub stage_reading: StageReading,
    /// Under the status reading, keep end states (canceled, returned…) as funnel steps
    /// instead of leaving them out.
    #[serde(default)]
    pub keep_end_states: bool,
}

/// How the stage column is read (see [`super::status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StageReading {
    /// A status when the column looks like one ([`super::status::looks_like_status`]).
    #[default]
    Auto,
    /// Each row is a stage the customer reached.
    Events,
    /// Each customer's furthest stage: reaching it means having passed every earlier one.
    FurthestStage,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stage_order: None,
            conversion_stage: None,
            mode: FunnelMode::Auto,
            window_days: None,
            breakdown: None,
            period: PeriodKind::Month,
            min_count: 20,
            top_handoffs: 10,
            nps_latest_only: false,
            comments_limit: 200,
            jes_weights: JesWeights::default(),
            targets: BTreeMap::new(),
            sparkline_periods: 12,
            flow: super::flows::FlowParams::default(),
            map_columns: None,
            kpi_period: KpiPeriod::default(),
            stage_reading: StageReading::Auto,
            keep_end_states: false,
        }
    }
}
