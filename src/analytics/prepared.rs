//! Work done once per dataset and reused by every filter change.

use crate::dataset::{Dataset, DimColumn, NumColumn, TextColumn, NO_TIME};

/// Per-dataset precomputation: event order by customer then time, and the stage order
/// inputs (which come from the whole dataset so the funnel's columns do not jump around
/// while the user filters).
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// File index of each event in analysis order: sorted by (customer code, timestamp,
    /// file index); events without a timestamp come after the customer's timed events.
    pub order: Vec<u32>,
    /// The dataset with its rows in `order`, so every per-customer pass reads memory
    /// sequentially (random access over a million rows costs several times more than
    /// the arithmetic). `None` when the file was already in that order.
    sorted: Option<Dataset>,
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
        let order = analysis_order(ds);
        let has_time = ds
            .timestamp
            .as_ref()
            .is_some_and(|t| t.iter().any(|&x| x != NO_TIME));
        let identity = order.iter().enumerate().all(|(p, &i)| p == i as usize);
        let sorted = (!identity).then(|| permute(ds, &order));
        let view = sorted.as_ref().unwrap_or(ds);
        let stage_median_first = stage_median_first(view);
        let time_range = ds.timestamp.as_ref().and_then(|ts| {
            let mut it = ts.iter().copied().filter(|&t| t != NO_TIME);
            let first = it.next()?;
            Some(it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
        });
        Prepared {
            order,
            sorted,
            has_time,
            stage_median_first,
            time_range,
        }
    }
}

/// File indexes sorted by (customer code, time key, file index).
///
/// Exports are usually grouped by customer and in time order already, so that is checked
/// first in one pass. Otherwise a counting sort by customer code (codes are dense) groups
/// the rows, carrying each row's time key along so the per-customer sort by time reads
/// contiguous memory instead of jumping around the timestamp column; rows are placed in
/// file order, so a stable sort by time alone gives the (time, file index) order.
fn analysis_order(ds: &Dataset) -> Vec<u32> {
    let n = ds.len();
    let cust = &ds.customer.codes;
    let time = |i: usize| ds.timestamp.as_ref().map_or(0, |ts| time_key(ts[i]));
    let in_order = (1..n).all(|i| (cust[i - 1], time(i - 1)) <= (cust[i], time(i)));
    if in_order {
        return (0..n as u32).collect();
    }
    let nc = ds.customer.values.len();
    if cust.iter().any(|&c| c as usize >= nc) {
        // Not a dataset from `DatasetBuilder` (codes outside the dictionary): plain sort.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&i| (cust[i as usize], time(i as usize), i));
        return order;
    }
    let mut start = vec![0usize; nc + 1];
    for &c in cust {
        start[c as usize + 1] += 1;
    }
    for c in 0..nc {
        start[c + 1] += start[c];
    }
    let mut fill = start.clone();
    let mut keyed = vec![(0i64, 0u32); n];
    for (i, &c) in cust.iter().enumerate() {
        let slot = &mut fill[c as usize];
        keyed[*slot] = (time(i), i as u32);
        *slot += 1;
    }
    for c in 0..nc {
        let group = &mut keyed[start[c]..start[c + 1]];
        if !group.is_sorted_by_key(|k| k.0) {
            group.sort_by_key(|k| k.0);
        }
    }
    keyed.into_iter().map(|k| k.1).collect()
}

/// A copy of `ds` with its rows in `order`.
fn permute(ds: &Dataset, order: &[u32]) -> Dataset {
    let dim = |c: &DimColumn| {
        let mut out = c.clone();
        out.codes = order.iter().map(|&i| c.codes[i as usize]).collect();
        out
    };
    let num = |c: &NumColumn| -> NumColumn { order.iter().map(|&i| c[i as usize]).collect() };
    let text = |c: &TextColumn| {
        let mut out = TextColumn::new(c.name.clone());
        for &i in order {
            out.push(c.get(i as usize));
        }
        out
    };
    // The customer dictionary holds one string per customer: copy the values but not the
    // text-to-code lookup table (another string per customer). Nothing looks customers up
    // by id in the sorted copy, and `code_of` still answers without the table.
    let mut customer = DimColumn::new(ds.customer.name.clone());
    customer.values = ds.customer.values.clone();
    customer.codes = order
        .iter()
        .map(|&i| ds.customer.codes[i as usize])
        .collect();
    Dataset {
        meta: ds.meta.clone(),
        scales: ds.scales,
        customer,
        timestamp: ds
            .timestamp
            .as_ref()
            .map(|t| order.iter().map(|&i| t[i as usize]).collect()),
        journey: ds.journey.as_ref().map(dim),
        stage: ds.stage.as_ref().map(dim),
        touchpoint: ds.touchpoint.as_ref().map(dim),
        channel: ds.channel.as_ref().map(dim),
        persona: ds.persona.as_ref().map(dim),
        satisfaction: ds.satisfaction.as_ref().map(num),
        effort: ds.effort.as_ref().map(num),
        nps: ds.nps.as_ref().map(num),
        revenue: ds.revenue.as_ref().map(num),
        comment: ds.comment.as_ref().map(text),
        extras: ds.extras.iter().map(dim).collect(),
    }
}

fn stage_median_first(ds: &Dataset) -> Vec<Option<i64>> {
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
    let rows = stage.codes.iter().zip(ts).zip(&ds.customer.codes);
    for ((&s, &t), &c) in rows {
        if s == crate::dataset::MISSING || t == NO_TIME {
            continue;
        }
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
            // A selection, not a sort: a million rows give up to a million first times.
            let m = v.len() / 2;
            let odd = v.len() % 2 == 1;
            let (lower, &mut mid, _) = v.select_nth_unstable(m);
            if odd {
                return Some(mid);
            }
            let below = lower.iter().copied().max().unwrap_or(mid);
            // Lower median on even counts keeps it an actual timestamp (integer seconds).
            Some(below + (mid - below) / 2)
        })
        .collect()
}

impl Prepared {
    /// The rows in analysis order: event `p` of the result is event `order[p]` of `original`.
    /// `original` must be the dataset this was prepared from.
    pub fn dataset<'a>(&'a self, original: &'a Dataset) -> &'a Dataset {
        self.sorted.as_ref().unwrap_or(original)
    }

    /// Earliest and latest timestamp in the whole dataset.
    pub fn time_range(&self) -> Option<(i64, i64)> {
        self.time_range
    }
}
