//! Week and month buckets from epoch seconds, without a time-zone database: timestamps
//! are already "as written" or UTC, and a day is 24 hours.

use super::settings::PeriodKind;

const DAY: i64 = 86_400;

pub use crate::calendar::{civil_from_days, days_from_civil};

/// A sortable, consecutive integer for the period holding `t` (seconds): months count
/// from year 0, weeks count Mondays since 1969-12-29.
pub fn period_key(kind: PeriodKind, t: i64) -> i64 {
    let days = t.div_euclid(DAY);
    match kind {
        PeriodKind::Month => {
            let (y, m, _) = civil_from_days(days);
            y * 12 + (m as i64 - 1)
        }
        // 1970-01-01 was a Thursday: +3 makes Monday day 0 of each week.
        PeriodKind::Week => (days + 3).div_euclid(7),
    }
}

/// "2024-03" or ISO "2024-W05" for a key from [`period_key`].
pub fn period_label(kind: PeriodKind, key: i64) -> String {
    match kind {
        PeriodKind::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
        PeriodKind::Week => {
            // The ISO year is the year of the week's Thursday.
            let monday = key * 7 - 3;
            let thursday = monday + 3;
            let (y, _, _) = civil_from_days(thursday);
            let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
            format!("{y:04}-W{week:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d) * DAY + 3600
    }

    #[test]
    fn months_and_iso_weeks() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2024, 3, 1), 19_783);
        let k = period_key(PeriodKind::Month, ts(2024, 3, 15));
        assert_eq!(period_label(PeriodKind::Month, k), "2024-03");
        assert_eq!(period_key(PeriodKind::Month, ts(2024, 4, 1)), k + 1);
        // 2024-01-31 is a Wednesday in ISO week 5.
        let w = period_key(PeriodKind::Week, ts(2024, 1, 31));
        assert_eq!(period_label(PeriodKind::Week, w), "2024-W05");
        // Monday 2024-02-05 starts week 6; Sunday 2024-02-04 is still week 5.
        assert_eq!(period_key(PeriodKind::Week, ts(2024, 2, 5)), w + 1);
        assert_eq!(period_key(PeriodKind::Week, ts(2024, 2, 4)), w);
        // 2021-01-03 (Sunday) belongs to 2020-W53; 2024-12-30 (Monday) to 2025-W01.
        let k = period_key(PeriodKind::Week, ts(2021, 1, 3));
        assert_eq!(period_label(PeriodKind::Week, k), "2020-W53");
        let k = period_key(PeriodKind::Week, ts(2024, 12, 30));
        assert_eq!(period_label(PeriodKind::Week, k), "2025-W01");
        // Before 1970 still works.
        let k = period_key(PeriodKind::Month, ts(1969, 12, 31));
        assert_eq!(period_label(PeriodKind::Month, k), "1969-12");
    }
}

/// Maps timestamps to dense slots between the dataset's first and last period, so
/// per-period counters are flat vectors instead of maps.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodIndex {
    pub kind: PeriodKind,
    pub first_key: i64,
    pub len: usize,
    /// First day covered by `day_slot`.
    first_day: i64,
    /// Slot of each day from `first_day`: a lookup instead of calendar arithmetic per event
    /// (empty when the data spans too many days for a table to pay off).
    day_slot: Vec<u32>,
}

/// Longest span (in days) given a lookup table: about 2,700 years, 4 MB.
const MAX_TABLE_DAYS: i64 = 1 << 20;

impl PeriodIndex {
    /// None without timestamps.
    pub fn new(kind: PeriodKind, range: Option<(i64, i64)>) -> Option<PeriodIndex> {
        let (lo, hi) = range?;
        let first_key = period_key(kind, lo);
        let len = (period_key(kind, hi) - first_key + 1).max(1) as usize;
        let first_day = lo.div_euclid(DAY);
        let days = hi.div_euclid(DAY) - first_day + 1;
        let day_slot = if days <= MAX_TABLE_DAYS {
            (0..days)
                .map(|d| (period_key(kind, (first_day + d) * DAY) - first_key) as u32)
                .collect()
        } else {
            Vec::new()
        };
        Some(PeriodIndex {
            kind,
            first_key,
            len,
            first_day,
            day_slot,
        })
    }
    /// Slot of a timestamp; None for a missing one or one outside the range.
    pub fn slot(&self, t: i64) -> Option<usize> {
        if t == crate::dataset::NO_TIME {
            return None;
        }
        if !self.day_slot.is_empty() {
            let d = t.div_euclid(DAY) - self.first_day;
            return (d >= 0)
                .then(|| self.day_slot.get(d as usize).map(|&s| s as usize))
                .flatten();
        }
        let s = period_key(self.kind, t) - self.first_key;
        (s >= 0 && (s as usize) < self.len).then_some(s as usize)
    }
    pub fn label(&self, slot: usize) -> String {
        period_label(self.kind, self.first_key + slot as i64)
    }
}
