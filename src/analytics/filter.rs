//! Which events the views look at.
//!
//! A filter selects EVENTS, not customers: a customer whose events only partly match keeps
//! the matching ones. Values are compared through dictionary codes so a filter change costs
//! one pass of integer lookups over the events, whatever the number of distinct values.

use crate::dataset::DimKey;
use crate::message::{Message, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The label of an empty cell in breakdowns; selecting it in a filter selects empty cells.
pub const MISSING_LABEL: &str = "(missing)";

/// The user's selection. Empty = everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Dimension → accepted values. OR within a dimension, AND across dimensions; an
    /// empty set leaves that dimension unfiltered.
    pub dims: BTreeMap<DimKey, BTreeSet<String>>,
    /// First day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SS`) included.
    pub from: Option<String>,
    /// Last day included (a date-only bound includes that whole day), or last instant.
    pub to: Option<String>,
    /// Only customers whose path passed a given node of a journey flow (set by clicking
    /// the node). Unlike the others this selects CUSTOMERS: all their events that the rest
    /// of the filter keeps, so every view describes the same people the flow showed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<super::flows::PathStep>,
}

/// Why a filter could not be applied as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum FilterError {
    /// A date bound that is neither `YYYY-MM-DD` nor `YYYY-MM-DDTHH:MM[:SS]`.
    #[serde(rename = "filter.bad_date")]
    BadDate { value: String },
}

impl Message for FilterError {
    fn key(&self) -> &'static str {
        match self {
            FilterError::BadDate { .. } => "filter.bad_date",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            FilterError::BadDate { value } => vec![("value", Value::Text(value.clone()))],
        }
    }
}

/// A part of the filter that could not be applied, reported next to the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum FilterNote {
    /// The filter names a dimension the data does not have: it matches no events.
    #[serde(rename = "filter.no_such_dimension")]
    NoSuchDimension { dimension: DimKey },
    /// A date bound that could not be read is ignored.
    #[serde(rename = "filter.date_ignored")]
    DateIgnored { value: String },
}

impl Message for FilterNote {
    fn key(&self) -> &'static str {
        match self {
            FilterNote::NoSuchDimension { .. } => "filter.no_such_dimension",
            FilterNote::DateIgnored { .. } => "filter.date_ignored",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            FilterNote::NoSuchDimension { dimension } => {
                vec![("dimension", Value::Dimension(*dimension))]
            }
            FilterNote::DateIgnored { value } => vec![("value", Value::Text(value.clone()))],
        }
    }
}

impl Filter {
    /// No filtering at all.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// Adds one accepted value for a dimension (builder style, handy for the CLI and tests).
    pub fn with(mut self, dim: impl Into<DimKey>, value: &str) -> Filter {
        self.dims
            .entry(dim.into())
            .or_default()
            .insert(value.to_string());
        self
    }

    /// Sets the date range (either bound may be omitted).
    pub fn between(mut self, from: Option<&str>, to: Option<&str>) -> Filter {
        self.from = from.map(str::to_string);
        self.to = to.map(str::to_string);
        self
    }

    /// Whether the filter selects everything.
    pub fn is_empty(&self) -> bool {
        self.dims.values().all(BTreeSet::is_empty)
            && self.from.is_none()
            && self.to.is_none()
            && self.path.is_none()
    }
}

/// Seconds of a date bound; `end` makes a date-only bound cover its whole day.
pub fn parse_bound(s: &str, end: bool) -> Result<i64, FilterError> {
    let s = s.trim();
    match crate::calendar::parse_day_time(s) {
        Some((day, None)) => Ok(day * 86_400 + if end { 86_399 } else { 0 }),
        Some((day, Some(secs))) => Ok(day * 86_400 + secs),
        None => Err(FilterError::BadDate {
            value: s.to_string(),
        }),
    }
}

/// One filtered dimension turned into codes: `allowed[code]`, plus whether empty cells pass.
struct DimTest<'a> {
    codes: &'a [u32],
    allowed: Vec<bool>,
    missing: bool,
}

/// The selected events as positions in analysis order (rows of
/// [`super::Prepared::dataset`], i.e. sorted by customer, time, file order), plus notes
/// about parts of the filter that could not be applied. `ds` is the dataset `prep` was
/// built from.
pub fn select(
    ds: &crate::dataset::Dataset,
    prep: &super::Prepared,
    filter: &Filter,
) -> (Vec<u32>, Vec<FilterNote>) {
    select_sorted(prep.dataset(ds), filter)
}

/// [`select`] on a dataset already in analysis order.
pub(crate) fn select_sorted(
    ds: &crate::dataset::Dataset,
    filter: &Filter,
) -> (Vec<u32>, Vec<FilterNote>) {
    let (mut sel, notes) = select_events(ds, filter);
    if let Some(p) = &filter.path {
        let keep = super::flows::customers_at(ds, &sel, &p.params, p.step, &p.node);
        let cust = &ds.customer.codes;
        sel.retain(|&i| {
            keep.get(cust[i as usize] as usize)
                .copied()
                .unwrap_or(false)
        });
    }
    (sel, notes)
}

/// The events the dimension and date parts of `filter` keep.
fn select_events(ds: &crate::dataset::Dataset, filter: &Filter) -> (Vec<u32>, Vec<FilterNote>) {
    use crate::dataset::NO_TIME;
    let mut notes = Vec::new();
    let mut tests: Vec<DimTest> = Vec::new();
    let mut nothing = false;
    for (key, values) in &filter.dims {
        if values.is_empty() {
            continue;
        }
        let Some(col) = ds.dimension(*key) else {
            notes.push(FilterNote::NoSuchDimension { dimension: *key });
            nothing = true;
            continue;
        };
        let mut allowed = vec![false; col.values.len()];
        let mut missing = false;
        for v in values {
            if v == MISSING_LABEL {
                missing = true;
            }
            if let Some(c) = col.code_of(v) {
                allowed[c as usize] = true;
            }
        }
        tests.push(DimTest {
            codes: &col.codes,
            allowed,
            missing,
        });
    }
    let mut bound = |s: &Option<String>, end: bool| -> Option<i64> {
        let s = s.as_deref()?;
        match parse_bound(s, end) {
            Ok(t) => Some(t),
            Err(e) => {
                let FilterError::BadDate { value } = e;
                notes.push(FilterNote::DateIgnored { value });
                None
            }
        }
    };
    let from = bound(&filter.from, false);
    let to = bound(&filter.to, true);
    if nothing {
        return (Vec::new(), notes);
    }
    let times: Option<&[i64]> = ds.timestamp.as_deref();
    let dated = from.is_some() || to.is_some();
    if tests.is_empty() && !dated {
        return ((0..ds.len() as u32).collect(), notes);
    }
    let (lo, hi) = (from.unwrap_or(i64::MIN), to.unwrap_or(i64::MAX));
    // An empty cell (`MISSING`, u32::MAX) is past the end of `allowed`: one bounds-checked
    // read answers both "allowed value?" and "empty cells allowed?".
    let pass = |d: &DimTest, c: u32| d.allowed.get(c as usize).copied().unwrap_or(d.missing);
    if let ([d], false) = (tests.as_slice(), dated) {
        // The usual case (one dimension filtered): a tight loop over one column.
        let n = ds.len().min(d.codes.len());
        return (compact(n, |i| pass(d, d.codes[i])), notes);
    }
    let sel = compact(ds.len(), |i| {
        if dated {
            let t = times.map_or(NO_TIME, |t| t[i]);
            if t == NO_TIME || t < lo || t > hi {
                return false;
            }
        }
        tests.iter().all(|d| pass(d, d.codes[i]))
    });
    (sel, notes)
}

/// The `i` in `0..n` for which `keep(i)`, written without a branch on `keep` (always write
/// `i`, advance only when kept): which rows a filter keeps is close to random row by row.
fn compact(n: usize, keep: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut out = vec![0u32; n];
    let mut m = 0;
    for i in 0..n {
        out[m] = i as u32;
        // m <= i here, so the write above stays in bounds.
        m += keep(i) as usize;
    }
    out.truncate(m);
    out
}
