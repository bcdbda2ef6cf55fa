//! Which customer a key value belongs to, and the key's events in time order.

use crate::dataset::{Dataset, DimColumn, MISSING, NO_TIME};
use crate::ingest::mapping::normalize;

/// Marks a key code no event has given a customer yet.
const UNSEEN: u32 = u32::MAX - 1;

/// A key value's customer as found in the earlier files.
pub struct Hit<'a> {
    pub customer: &'a str,
    /// The key value's code in the key column.
    pub code: u32,
}

pub enum Found<'a> {
    None,
    One(Hit<'a>),
    /// The key belongs to two or more customers.
    Several,
}

/// Per key value (by code): its customer, whether it has several, and its events sorted
/// by time (events without a time last).
pub struct KeyIndex<'a> {
    ds: &'a Dataset,
    column: &'a DimColumn,
    /// Per key code: the customer code, or `MISSING` for a key with several customers.
    customer: Vec<u32>,
    /// Per key code: the events' rows.
    rows: Vec<Vec<u32>>,
}

impl<'a> KeyIndex<'a> {
    /// Indexes `key` in the combined dataset: its extra column of that name when an
    /// earlier file has one (`in_extras`), else the customer column itself when
    /// `customer_key` (the key is a file's customer column). `None` when neither.
    pub fn build(
        ds: &'a Dataset,
        key: &str,
        in_extras: bool,
        customer_key: bool,
    ) -> Option<KeyIndex<'a>> {
        let n = normalize(key);
        let column = match ds.extras.iter().find(|c| normalize(&c.name) == n) {
            Some(c) if in_extras => c,
            _ if customer_key => &ds.customer,
            _ => return None,
        };
        let mut customer = vec![UNSEEN; column.values.len()];
        let mut rows: Vec<Vec<u32>> = vec![Vec::new(); column.values.len()];
        for (i, &code) in column.codes.iter().enumerate() {
            if code == MISSING {
                continue;
            }
            let Some(c) = ds.customer.codes.get(i).copied() else {
                continue;
            };
            let slot = &mut customer[code as usize];
            if *slot == UNSEEN {
                *slot = c;
            } else if *slot != c {
                *slot = MISSING;
            }
            rows[code as usize].push(i as u32);
        }
        let time = |r: &u32| ds.time(*r as usize).unwrap_or(NO_TIME);
        for r in &mut rows {
            // Stable: equal times keep file order; no time sorts last.
            r.sort_by_key(|x| (time(x) == NO_TIME, time(x)));
        }
        Some(KeyIndex {
            ds,
            column,
            customer,
            rows,
        })
    }

    /// The customer of a key value.
    pub fn find(&self, value: &str) -> Found<'a> {
        let Some(code) = self.column.code_of(value.trim()) else {
            return Found::None;
        };
        match self.customer.get(code as usize).copied() {
            Some(MISSING) => Found::Several,
            Some(c) => match self.ds.customer.value(c) {
                Some(customer) => Found::One(Hit { customer, code }),
                None => Found::None,
            },
            None => Found::None,
        }
    }

    /// The key's event a row at time `at` joins: the latest at or before `at`, else (no
    /// time, or earlier than all) the key's first event.
    pub fn context(&self, code: u32, at: Option<i64>) -> Option<usize> {
        let rows = self.rows.get(code as usize)?;
        let first = rows.first().map(|&r| r as usize);
        let Some(at) = at else {
            return first;
        };
        rows.iter()
            .rev()
            .map(|&r| r as usize)
            .find(|&r| self.ds.time(r).is_some_and(|t| t <= at))
            .or(first)
    }
}
