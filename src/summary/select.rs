//! The filter applied to a summary feed: which cells it keeps, and whether the rest of the
//! report can still be exact.
//!
//! A filter on the feed's dimensions or a date range of whole days keeps or drops whole
//! cells, so every additive figure stays exact. Views built on customers' paths (funnel,
//! exits, hand-offs, distinct customers) were computed by the engine over all events; once
//! a filter removes events, their figures would change in ways no sum of cells can tell.

use super::feed::{dim_name, Summary, DIMS};
use crate::analytics::filter::{parse_bound, Filter, FilterError, FilterNote, MISSING_LABEL};

const DAY: i64 = 86_400;

/// The cells a filter keeps.
pub struct Selection {
    /// Per cell: kept.
    pub keep: Vec<bool>,
    /// The filter changes which events are analysed (any dimension or date bound applied).
    pub filtered: bool,
    /// The filter uses something the feed cannot apply exactly; the whole report then
    /// needs event-level data.
    pub inexact: Option<Inexact>,
    pub notes: Vec<FilterNote>,
}

/// Why a filter cannot be applied to a summary exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inexact {
    /// A dimension the feed does not carry (an extra column).
    Dimension,
    /// A date range that starts or ends inside a day (the feed's cells are whole days).
    PartialDay,
    /// A journey-flow node (it selects customers by their path).
    Path,
}

impl Inexact {
    /// Its entry in `Report::needs_events` (the banner's sentence is chosen by it).
    pub fn path(self) -> &'static str {
        match self {
            Inexact::Dimension => "selection.dimension",
            Inexact::PartialDay => "selection.partial_day",
            Inexact::Path => "selection.path",
        }
    }
}

/// Allowed codes of one dimension: `allowed[code]`, `missing` for −1.
struct DimTest {
    index: usize,
    allowed: Vec<bool>,
    missing: bool,
}

fn cell_code(s: &Summary, index: usize, i: usize) -> i64 {
    let c = &s.cells;
    match index {
        0 => c.journey[i],
        1 => c.persona[i],
        2 => c.channel[i],
        3 => c.stage[i],
        _ => c.touchpoint[i],
    }
}

/// The cells `filter` keeps, with the notes the event-level filter would give.
pub fn select(s: &Summary, filter: &Filter) -> Selection {
    let n = s.cells.events.len();
    let mut out = Selection {
        keep: vec![true; n],
        filtered: false,
        inexact: None,
        notes: Vec::new(),
    };
    let mut tests = Vec::new();
    if filter.path.is_some() {
        out.filtered = true;
        out.inexact = Some(Inexact::Path);
    }
    for (&dim, values) in &filter.dims {
        if values.is_empty() {
            continue;
        }
        out.filtered = true;
        let Some(index) = dim_name(dim).and_then(|key| DIMS.iter().position(|d| *d == key)) else {
            out.inexact = Some(Inexact::Dimension);
            continue;
        };
        let Some(dict) = s.dict(DIMS[index]) else {
            out.notes
                .push(FilterNote::NoSuchDimension { dimension: dim });
            out.keep.fill(false);
            continue;
        };
        let allowed = dict.iter().map(|v| values.contains(v)).collect();
        tests.push(DimTest {
            index,
            allowed,
            missing: values.contains(MISSING_LABEL),
        });
    }
    let mut bound = |b: &Option<String>, end: bool| -> Option<i64> {
        let b = b.as_deref()?;
        match parse_bound(b, end) {
            Ok(t) => Some(t),
            Err(FilterError::BadDate { value }) => {
                out.notes.push(FilterNote::DateIgnored { value });
                None
            }
        }
    };
    let from = bound(&filter.from, false);
    let to = bound(&filter.to, true);
    if from.is_some_and(|t| t.rem_euclid(DAY) != 0)
        || to.is_some_and(|t| (t + 1).rem_euclid(DAY) != 0)
    {
        out.inexact = Some(Inexact::PartialDay);
    }
    let dated = from.is_some() || to.is_some();
    out.filtered |= dated;
    let (lo, hi) = (
        from.map_or(i64::MIN, |t| t.div_euclid(DAY)),
        to.map_or(i64::MAX, |t| t.div_euclid(DAY)),
    );
    for i in 0..n {
        if !out.keep[i] {
            continue;
        }
        let dims_ok = tests.iter().all(|t| {
            let c = cell_code(s, t.index, i);
            if c < 0 {
                t.missing
            } else {
                t.allowed.get(c as usize).copied().unwrap_or(false)
            }
        });
        let date_ok = !dated || s.cells.day[i].is_some_and(|d| d >= lo && d <= hi);
        out.keep[i] = dims_ok && date_ok;
    }
    out
}
