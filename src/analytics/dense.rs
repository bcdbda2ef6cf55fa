//! The selected rows copied into dense columns, once per filter change.
//!
//! A filter keeps scattered rows (a persona is about every fourth customer), so every view
//! reading `column[sel[i]]` would touch nearly every cache line of every column it reads,
//! and the four views read the same columns several times over. Gathering the selected
//! rows once into short contiguous columns makes every later pass a sequential read of
//! only the selected data. Rows keep their analysis order, so every sum is added in the
//! same order as before and the reports do not change by a single bit.

use crate::dataset::{Dataset, DimColumn};
use std::sync::Mutex;

/// The dense columns' buffers, kept between filter changes so a new filter refills them
/// instead of allocating (and page-faulting in) tens of megabytes again.
#[derive(Default)]
pub(crate) struct DenseCache(Mutex<Option<Box<Dataset>>>);

impl DenseCache {
    /// The cached buffers, or fresh ones when another compute is using them.
    pub fn take(&self) -> Box<Dataset> {
        match self.0.try_lock() {
            Ok(mut slot) => slot.take().unwrap_or_default(),
            Err(_) => Box::default(),
        }
    }

    /// Hands the buffers back for the next compute.
    pub fn put(&self, ds: Box<Dataset>) {
        if let Ok(mut slot) = self.0.try_lock() {
            *slot = Some(ds);
        }
    }
}

// The cache is scratch space, not part of what a `Prepared` is: a clone starts empty and
// comparisons ignore it.
impl Clone for DenseCache {
    fn clone(&self) -> Self {
        DenseCache::default()
    }
}

impl PartialEq for DenseCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for DenseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DenseCache")
    }
}

fn gather<T: Copy>(out: &mut Vec<T>, col: &[T], sel: &[u32]) {
    out.clear();
    out.extend(sel.iter().map(|&i| col[i as usize]));
}

fn gather_opt<T: Copy>(out: &mut Option<Vec<T>>, col: &Option<Vec<T>>, sel: &[u32]) {
    match col {
        Some(c) => gather(out.get_or_insert_with(Vec::new), c, sel),
        None => *out = None,
    }
}

/// A dictionary column with its codes gathered (`read`) or left empty (`!read`).
fn gather_dim(out: &mut DimColumn, col: &DimColumn, sel: &[u32], read: bool) {
    if out.name != col.name {
        out.name.clone_from(&col.name);
    }
    if out.values != col.values {
        out.values.clone_from(&col.values);
    }
    if read {
        gather(&mut out.codes, &col.codes, sel);
    } else {
        out.codes.clear();
    }
}

fn gather_dim_opt(out: &mut Option<DimColumn>, col: &Option<DimColumn>, sel: &[u32], read: bool) {
    match col {
        Some(c) => gather_dim(out.get_or_insert_with(DimColumn::default), c, sel, read),
        None => *out = None,
    }
}

/// Fills `out` with rows `sel` of `full` (in that order), for the views to read as if it
/// were the whole dataset with every row selected.
///
/// Only what the views read is copied: the customer codes (not the customer dictionary,
/// one string per customer; comments look names up in `full`), timestamps, stage,
/// touchpoint and persona codes, the breakdown column's codes, and the score columns.
/// The other dimensions keep their names and dictionaries (so `is_some` checks answer as
/// for `full`) but no codes; comments stay in `full`.
pub(crate) fn fill(out: &mut Dataset, full: &Dataset, sel: &[u32], breakdown: Option<&str>) {
    if out.meta != full.meta {
        out.meta.clone_from(&full.meta);
    }
    out.scales = full.scales;
    out.customer.name.clone_from(&full.customer.name);
    out.customer.values.clear();
    gather(&mut out.customer.codes, &full.customer.codes, sel);
    gather_opt(&mut out.timestamp, &full.timestamp, sel);
    let wanted = |key: &str| breakdown == Some(key);
    gather_dim_opt(&mut out.journey, &full.journey, sel, wanted("journey"));
    gather_dim_opt(&mut out.stage, &full.stage, sel, true);
    gather_dim_opt(&mut out.touchpoint, &full.touchpoint, sel, true);
    gather_dim_opt(&mut out.channel, &full.channel, sel, wanted("channel"));
    gather_dim_opt(&mut out.persona, &full.persona, sel, true);
    gather_opt(&mut out.satisfaction, &full.satisfaction, sel);
    gather_opt(&mut out.effort, &full.effort, sel);
    gather_opt(&mut out.nps, &full.nps, sel);
    gather_opt(&mut out.revenue, &full.revenue, sel);
    out.comment = None;
    out.extras.truncate(full.extras.len());
    out.extras
        .resize_with(full.extras.len(), DimColumn::default);
    // `Dataset::dimension` finds an extra by name, the first match winning: gather the
    // codes of that one only.
    let mut found = wanted("journey")
        || wanted("stage")
        || wanted("touchpoint")
        || wanted("channel")
        || wanted("persona");
    for (o, c) in out.extras.iter_mut().zip(&full.extras) {
        let read = !found && wanted(&c.name);
        found |= read;
        gather_dim(o, c, sel, read);
    }
}
