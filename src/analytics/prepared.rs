//! Work done once per dataset and reused by every filter change.

use crate::dataset::{Dataset, NO_TIME};

/// Per-dataset precomputation: event order by customer then time, and the stage order
/// inputs (which come from the whole dataset so the funnel's columns do not jump around
/// while the user filters).
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Event indices sorted by (customer code, timestamp, file index); events without a
    /// timestamp come after the customer's timed events, in file order.
    pub order: Vec<u32>,
    /// Whether at least one event has a timestamp.
    pub has_time: bool,
    /// Per stage code: median over customers of the first time they have that stage
    /// (None when no customer has a timed event there).
    pub stage_median_first: Vec<Option<i64>>,
    time_range: Option<(i64, i64)>,
}

/// Sort key of a timestamp: missing ones last.
pub(crate) fn time_key(t: i64) -> i64 {
    if t == NO_TIME {
        i64::MAX
    } else {
        t
    }
}

impl Prepared {
    pub fn new(ds: &Dataset) -> Prepared {
        let n = ds.len();
        let mut order: Vec<u32> = (0..n as u32).collect();
        let cust = &ds.customer.codes;
        match ds.timestamp.as_ref() {
            Some(ts) => order.sort_unstable_by_key(|&i| {
                let i = i as usize;
                (cust[i], time_key(ts[i]), i)
            }),
            None => order.sort_unstable_by_key(|&i| (cust[i as usize], i)),
        }
        let has_time = ds
            .timestamp
            .as_ref()
            .is_some_and(|t| t.iter().any(|&x| x != NO_TIME));
        let stage_median_first = stage_median_first(ds, &order);
        let time_range = ds.timestamp.as_ref().and_then(|ts| {
            let mut it = ts.iter().copied().filter(|&t| t != NO_TIME);
            let first = it.next()?;
            Some(it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
        });
        Prepared {
            order,
            has_time,
            stage_median_first,
            time_range,
        }
    }
}

fn stage_median_first(ds: &Dataset, order: &[u32]) -> Vec<Option<i64>> {
    let (Some(stage), Some(ts)) = (ds.stage.as_ref(), ds.timestamp.as_ref()) else {
        return ds
            .stage
            .as_ref()
            .map(|s| vec![None; s.values.len()])
            .unwrap_or_default();
    };
    let ns = stage.values.len();
    let mut firsts: Vec<Vec<i64>> = vec![Vec::new(); ns];
    // last customer seen per stage: a customer's first timed event of a stage is the first
    // one met in sorted order.
    let mut seen: Vec<u32> = vec![u32::MAX; ns];
    for &i in order {
        let i = i as usize;
        let s = stage.codes[i];
        let t = ts[i];
        if s == crate::dataset::MISSING || t == NO_TIME {
            continue;
        }
        let c = ds.customer.codes[i];
        if seen[s as usize] != c {
            seen[s as usize] = c;
            firsts[s as usize].push(t);
        }
    }
    firsts
        .into_iter()
        .map(|mut v| {
            if v.is_empty() {
                return None;
            }
            v.sort_unstable();
            let m = v.len() / 2;
            // Lower median on even counts keeps it an actual timestamp (integer seconds).
            Some(if v.len() % 2 == 1 {
                v[m]
            } else {
                v[m - 1] + (v[m] - v[m - 1]) / 2
            })
        })
        .collect()
}

impl Prepared {
    /// Earliest and latest timestamp in the whole dataset.
    pub fn time_range(&self) -> Option<(i64, i64)> {
        self.time_range
    }
}
