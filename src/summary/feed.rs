//! The summary feed document (`docs/summary-feed.md`): its types, recognition and checks.
//!
//! Tables are columnar (one JSON array per column) because a feed of a year of events holds
//! hundreds of thousands of cells and per-row objects would repeat every key in each.

use crate::dataset::Scales;
use crate::message::{Message, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The one version this code reads; a different number is refused with a sentence.
pub const VERSION: u64 = 1;
/// Dimension keys the feed can carry, in the order of the cell table.
pub const DIMS: [&str; 5] = ["journey", "persona", "channel", "stage", "touchpoint"];

/// The feed's name of a breakdown or filter dimension: the roles in [`DIMS`]. An extra
/// column (`DimKey::Extra`) is never in a feed: `None`.
pub fn dim_name(d: crate::dataset::DimKey) -> Option<&'static str> {
    match d {
        crate::dataset::DimKey::Role(r) => DIMS.iter().copied().find(|n| *n == r.key()),
        crate::dataset::DimKey::Extra(_) => None,
    }
}

/// Whether `bytes` start like a summary feed: a JSON object whose first key is
/// `journey_lens_summary` (what the runner writes). Cheap: it reads the first bytes only,
/// so event feeds (which have no such key) go to the event ingest untouched.
pub fn looks_like_summary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(256)];
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.strip_prefix('{')
        .map(|rest| rest.trim_start().starts_with("\"journey_lens_summary\""))
        .unwrap_or(false)
}

/// What the feed says about the data it summarises.
#[derive(Debug, Clone, Deserialize)]
pub struct SummaryMeta {
    pub name: Option<String>,
    /// The funnel steps, as the runner resolved them (docs/metrics.md "Stage order").
    pub stage_order: Vec<String>,
    pub order_source: crate::analytics::funnel::StageOrderSource,
    #[serde(default)]
    pub unlisted_stages: Vec<String>,
    #[serde(default)]
    pub placed_by_data: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    pub conversion_stage: Option<String>,
    pub conversion_step: Option<usize>,
    /// The stage order the source declared, if any (then a user's order is ignored).
    #[serde(default)]
    pub configured_stage_order: Option<Vec<String>>,
    pub scales: Option<Scales>,
    #[serde(default)]
    pub targets: BTreeMap<String, f64>,
    #[serde(default)]
    pub windows_days: Vec<f64>,
    /// The roles the source had (`timestamp`, `stage`, `satisfaction`, …).
    pub roles: Vec<String>,
    /// Each dimension's values; a cell's code is an index here, −1 = missing.
    pub dimensions: BTreeMap<String, Vec<String>>,
    pub events: u64,
    #[serde(default)]
    pub rejected: u64,
    pub customers: u64,
    pub time_range: Option<(i64, i64)>,
}

/// The additive cell table: day × journey × persona × channel × stage × touchpoint.
#[derive(Debug, Clone, Deserialize)]
pub struct Cells {
    pub day: Vec<Option<i64>>,
    pub journey: Vec<i64>,
    pub persona: Vec<i64>,
    pub channel: Vec<i64>,
    pub stage: Vec<i64>,
    pub touchpoint: Vec<i64>,
    pub events: Vec<u64>,
    pub sat_n: Vec<u64>,
    pub sat_sum: Vec<f64>,
    pub sat_sumsq: Vec<f64>,
    pub sat_low: Vec<u64>,
    pub sat_top2: Vec<u64>,
    pub effort_n: Vec<u64>,
    pub effort_sum: Vec<f64>,
    pub effort_sumsq: Vec<f64>,
    pub effort_easy: Vec<u64>,
    pub nps0: Vec<u64>,
    pub nps1: Vec<u64>,
    pub nps2: Vec<u64>,
    pub nps3: Vec<u64>,
    pub nps4: Vec<u64>,
    pub nps5: Vec<u64>,
    pub nps6: Vec<u64>,
    pub nps7: Vec<u64>,
    pub nps8: Vec<u64>,
    pub nps9: Vec<u64>,
    pub nps10: Vec<u64>,
    pub revenue_n: Vec<u64>,
    pub revenue_sum: Vec<f64>,
}

/// Distinct customers per stage × touchpoint over the whole data.
#[derive(Debug, Clone, Deserialize)]
pub struct CellCustomers {
    pub stage: Vec<i64>,
    pub touchpoint: Vec<i64>,
    pub customers: Vec<u64>,
}

/// Distinct customers per period over the whole data, by period key.
#[derive(Debug, Clone, Deserialize)]
pub struct PeriodCustomers {
    pub keys: Vec<i64>,
    pub customers: Vec<u64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Handoffs {
    pub from: Vec<i64>,
    pub to: Vec<i64>,
    pub count: Vec<u64>,
    pub customers: Vec<u64>,
    pub sat_n: Vec<u64>,
    pub sat_sum: Vec<f64>,
}

/// Customers by cohort day × journey × persona × channel (their first step-1 event) ×
/// steps reached (exactly).
#[derive(Debug, Clone, Deserialize)]
pub struct FunnelRows {
    pub cohort_day: Vec<Option<i64>>,
    pub journey: Vec<i64>,
    pub persona: Vec<i64>,
    pub channel: Vec<i64>,
    pub reached: Vec<u64>,
    pub customers: Vec<u64>,
    pub repeaters: Vec<u64>,
    pub converted_revenue: Vec<f64>,
}

/// Days between consecutive steps, by whole day, with the exact sum per bucket.
#[derive(Debug, Clone, Deserialize)]
pub struct StepDays {
    pub cohort_day: Vec<Option<i64>>,
    pub journey: Vec<i64>,
    pub persona: Vec<i64>,
    pub channel: Vec<i64>,
    pub step: Vec<u64>,
    pub day_bucket: Vec<i64>,
    pub n: Vec<u64>,
    pub days_sum: Vec<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Exits {
    /// Steps reached (1-based), for the exits by furthest stage; absent in feeds written
    /// before it was added (then those exits need event-level data).
    #[serde(default)]
    pub reached: Vec<u64>,
    pub touchpoint: Vec<i64>,
    pub customers: Vec<u64>,
}

/// Customers classed by their latest NPS answer (0 = promoter, 1 = detractor).
#[derive(Debug, Clone, Deserialize)]
pub struct ImpactRows {
    pub class: Vec<u64>,
    pub customers: Vec<u64>,
    pub revenue: Vec<f64>,
    pub converted: Vec<u64>,
    pub retained: Vec<u64>,
}

/// One funnel computation: a mode and a window.
#[derive(Debug, Clone, Deserialize)]
pub struct FunnelTable {
    pub mode: crate::analytics::funnel::ResolvedMode,
    pub window_days: Option<f64>,
    pub rows: FunnelRows,
    pub step_days: Option<StepDays>,
    pub exits: Exits,
    pub impact: Option<ImpactRows>,
}

/// A whole summary feed.
#[derive(Debug, Clone, Deserialize)]
pub struct Summary {
    pub journey_lens_summary: u64,
    #[serde(default)]
    pub engine: Option<String>,
    pub meta: SummaryMeta,
    pub cells: Cells,
    pub cell_customers: CellCustomers,
    pub period_customers: BTreeMap<String, PeriodCustomers>,
    pub handoffs: Handoffs,
    pub handoff_customers: u64,
    pub funnels: Vec<FunnelTable>,
}

impl Summary {
    pub fn has(&self, role: &str) -> bool {
        self.meta.roles.iter().any(|r| r == role)
    }
    /// The dictionary of a dimension the source had.
    pub fn dict(&self, dim: &str) -> Option<&[String]> {
        self.has(dim)
            .then(|| self.meta.dimensions.get(dim).map(Vec::as_slice))
            .flatten()
    }
}

/// Why a summary feed was refused. Typed like the ingest's errors: the UI words it in the
/// reader's language (`msg-summary-*` in `locales/<lang>/summary.ftl`), the CLI in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind")]
pub enum SummaryError {
    /// Not JSON of the feed's shape; `detail` is the JSON reader's own words.
    #[serde(rename = "summary.not_valid")]
    NotValid { detail: String },
    /// A feed version this build does not read.
    #[serde(rename = "summary.version")]
    Version { found: u64 },
    /// A table whose columns differ in length, or a code, day or step outside what the
    /// feed declares: the computations would index past its ends.
    #[serde(rename = "summary.inconsistent")]
    Inconsistent { table: String },
}

impl Message for SummaryError {
    fn key(&self) -> &'static str {
        match self {
            SummaryError::NotValid { .. } => "summary.not_valid",
            SummaryError::Version { .. } => "summary.version",
            SummaryError::Inconsistent { .. } => "summary.inconsistent",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            SummaryError::NotValid { detail } => vec![("detail", Value::Text(detail.clone()))],
            SummaryError::Version { found } => vec![
                ("found", Value::Count(*found)),
                ("supported", Value::Count(VERSION)),
            ],
            SummaryError::Inconsistent { table } => {
                vec![("table", Value::Text(table.clone()))]
            }
        }
    }
}

/// English, from the same Fluent texts the app shows (what the CLI prints).
impl std::fmt::Display for SummaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::present::message::render(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

fn inconsistent(table: &str) -> SummaryError {
    SummaryError::Inconsistent {
        table: table.to_string(),
    }
}

/// Reads and checks a summary feed. Every code must index its dictionary and every column
/// of a table must have the same length, so the computations can index without checks
/// failing later; a hostile feed gets a sentence, never a panic.
pub fn parse(bytes: &[u8]) -> Result<Summary, SummaryError> {
    let s: Summary = serde_json::from_slice(bytes).map_err(|e| SummaryError::NotValid {
        detail: e.to_string(),
    })?;
    if s.journey_lens_summary != VERSION {
        return Err(SummaryError::Version {
            found: s.journey_lens_summary,
        });
    }
    check(&s)?;
    Ok(s)
}

fn same_len(name: &str, lens: &[usize]) -> Result<usize, SummaryError> {
    let n = lens.first().copied().unwrap_or(0);
    if lens.iter().any(|&l| l != n) {
        return Err(inconsistent(name));
    }
    Ok(n)
}

fn codes_ok(s: &Summary, name: &str, dim: &str, codes: &[i64]) -> Result<(), SummaryError> {
    // A role the source lacks has no codes at all (only −1).
    let n = s.dict(dim).map_or(0, <[String]>::len) as i64;
    if codes.iter().any(|&c| c < -1 || c >= n) {
        return Err(inconsistent(name));
    }
    Ok(())
}

/// Days since 1970 of 1900-01-01 and 2200-12-31: the years the ingest accepts. Periods and
/// per-period counters span this range at most, whatever a feed claims.
const FIRST_DAY: i64 = -25_567;
const LAST_DAY: i64 = 84_005;

fn days_ok(name: &str, days: impl IntoIterator<Item = i64>) -> Result<(), SummaryError> {
    if days
        .into_iter()
        .any(|d| !(FIRST_DAY..=LAST_DAY).contains(&d))
    {
        return Err(inconsistent(name));
    }
    Ok(())
}

/// The checks in the order of docs/summary-feed.md; the first table that fails is named.
fn check(s: &Summary) -> Result<(), SummaryError> {
    check_time_range(s)?;
    check_cells(s)?;
    check_cell_customers(s)?;
    for p in s.period_customers.values() {
        same_len("period_customers", &[p.keys.len(), p.customers.len()])?;
    }
    check_handoffs(s)?;
    let k = s.meta.stage_order.len() as u64;
    if s.meta.conversion_step.is_some_and(|c| c as u64 >= k) {
        return Err(inconsistent("meta"));
    }
    for f in &s.funnels {
        check_funnel(s, f, k)?;
    }
    Ok(())
}

fn check_time_range(s: &Summary) -> Result<(), SummaryError> {
    if let Some((lo, hi)) = s.meta.time_range {
        days_ok("meta", [lo.div_euclid(86_400), hi.div_euclid(86_400)])?;
        if lo > hi {
            return Err(inconsistent("meta"));
        }
    }
    Ok(())
}

fn check_cells(s: &Summary) -> Result<(), SummaryError> {
    let c = &s.cells;
    days_ok("cells", c.day.iter().flatten().copied())?;
    same_len(
        "cells",
        &[
            c.day.len(),
            c.journey.len(),
            c.persona.len(),
            c.channel.len(),
            c.stage.len(),
            c.touchpoint.len(),
            c.events.len(),
            c.sat_n.len(),
            c.sat_sum.len(),
            c.sat_sumsq.len(),
            c.sat_low.len(),
            c.sat_top2.len(),
            c.effort_n.len(),
            c.effort_sum.len(),
            c.effort_sumsq.len(),
            c.effort_easy.len(),
            c.nps0.len(),
            c.nps1.len(),
            c.nps2.len(),
            c.nps3.len(),
            c.nps4.len(),
            c.nps5.len(),
            c.nps6.len(),
            c.nps7.len(),
            c.nps8.len(),
            c.nps9.len(),
            c.nps10.len(),
            c.revenue_n.len(),
            c.revenue_sum.len(),
        ],
    )?;
    for (dim, codes) in [
        ("journey", &c.journey),
        ("persona", &c.persona),
        ("channel", &c.channel),
        ("stage", &c.stage),
        ("touchpoint", &c.touchpoint),
    ] {
        codes_ok(s, "cells", dim, codes)?;
    }
    Ok(())
}

fn check_cell_customers(s: &Summary) -> Result<(), SummaryError> {
    let cc = &s.cell_customers;
    same_len(
        "cell_customers",
        &[cc.stage.len(), cc.touchpoint.len(), cc.customers.len()],
    )?;
    codes_ok(s, "cell_customers", "stage", &cc.stage)?;
    codes_ok(s, "cell_customers", "touchpoint", &cc.touchpoint)
}

fn check_handoffs(s: &Summary) -> Result<(), SummaryError> {
    let h = &s.handoffs;
    same_len(
        "handoffs",
        &[
            h.from.len(),
            h.to.len(),
            h.count.len(),
            h.customers.len(),
            h.sat_n.len(),
            h.sat_sum.len(),
        ],
    )?;
    codes_ok(s, "handoffs", "touchpoint", &h.from)?;
    codes_ok(s, "handoffs", "touchpoint", &h.to)?;
    if h.from.iter().chain(&h.to).any(|&c| c < 0) {
        return Err(inconsistent("handoffs"));
    }
    Ok(())
}

/// One funnel table; `k` is the number of funnel steps.
fn check_funnel(s: &Summary, f: &FunnelTable, k: u64) -> Result<(), SummaryError> {
    let r = &f.rows;
    same_len(
        "funnels.rows",
        &[
            r.cohort_day.len(),
            r.journey.len(),
            r.persona.len(),
            r.channel.len(),
            r.reached.len(),
            r.customers.len(),
            r.repeaters.len(),
            r.converted_revenue.len(),
        ],
    )?;
    days_ok("funnels.rows", r.cohort_day.iter().flatten().copied())?;
    for (dim, codes) in [
        ("journey", &r.journey),
        ("persona", &r.persona),
        ("channel", &r.channel),
    ] {
        codes_ok(s, "funnels.rows", dim, codes)?;
    }
    if r.reached.iter().any(|&x| x == 0 || x > k) {
        return Err(inconsistent("funnels.rows"));
    }
    if let Some(d) = &f.step_days {
        same_len(
            "funnels.step_days",
            &[
                d.cohort_day.len(),
                d.journey.len(),
                d.persona.len(),
                d.channel.len(),
                d.step.len(),
                d.day_bucket.len(),
                d.n.len(),
                d.days_sum.len(),
            ],
        )?;
        if d.step.iter().any(|&x| x == 0 || x >= k) {
            return Err(inconsistent("funnels.step_days"));
        }
    }
    same_len(
        "funnels.exits",
        &[f.exits.touchpoint.len(), f.exits.customers.len()],
    )?;
    codes_ok(s, "funnels.exits", "touchpoint", &f.exits.touchpoint)?;
    let e = &f.exits;
    if !e.reached.is_empty()
        && (e.reached.len() != e.customers.len() || e.reached.iter().any(|&r| r == 0 || r >= k))
    {
        return Err(inconsistent("funnels.exits"));
    }
    if let Some(i) = &f.impact {
        same_len(
            "funnels.impact",
            &[
                i.class.len(),
                i.customers.len(),
                i.revenue.len(),
                i.converted.len(),
                i.retained.len(),
            ],
        )?;
        if i.class.iter().any(|&c| c > 1) {
            return Err(inconsistent("funnels.impact"));
        }
    }
    Ok(())
}
