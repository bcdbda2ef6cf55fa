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
    /// Stable key used by targets (`conversion_rate`, `churn_rate`, …).
    pub key: String,
    pub label: String,
    pub unit: KpiUnit,
    pub value: Option<f64>,
    /// The missing role(s) when the KPI cannot be computed from this file.
    pub unavailable: Option<String>,
    pub lower_is_better: bool,
    /// Value in the last complete period and the one before.
    pub current: Option<f64>,
    pub previous: Option<f64>,
    /// (current / previous − 1) · 100.
    pub delta_pct: Option<f64>,
    pub target: Option<f64>,
    pub target_source: Option<TargetSource>,
    pub status: Option<TargetStatus>,
    pub sparkline: Vec<SparkPoint>,
}

/// One component of the Journey Excellence Score, already on 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JesComponent {
    pub key: String,
    pub label: String,
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
    /// e.g. "JES = (0.25×80.0 + 0.25×62.5) / 0.50 = 71.3".
    pub formula: String,
}

/// Promoters compared with detractors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub unavailable: Option<String>,
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
    /// The last complete period and the one before (None without timestamps).
    pub current_period: Option<String>,
    pub previous_period: Option<String>,
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
