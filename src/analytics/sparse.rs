//! Accumulators indexed by a pair of dictionary codes (stage × touchpoint, touchpoint ×
//! touchpoint, persona × step, group × steps reached).
//!
//! A flat vector indexed by `row × columns + column` is the fastest layout, but its length
//! is the product of two dictionary sizes: 10,000 stages × 10,000 touchpoints make 10⁸
//! slots (gigabytes) for a file of a few thousand events, of which at most one slot per
//! event is ever touched. [`Slots`] stays flat while the product is small or no larger
//! than the number of events analysed (so memory stays proportional to the input), and
//! otherwise keeps only the slots that are touched, in a hash map.

use crate::dataset::FxBuild;
use std::collections::HashMap;

/// A flat vector is used up to this many slots even for a handful of events: a few
/// hundred kilobytes at most, and the common case (a few stages × tens of touchpoints)
/// never pays for hashing.
const FLAT_MIN: u64 = 1 << 16;

/// Whether `slots` accumulators may be allocated up front for an analysis of `events`
/// events.
pub(crate) fn flat_fits(slots: u64, events: usize) -> bool {
    slots <= FLAT_MIN.max(events as u64)
}

/// `len` accumulators, each starting as a copy of `init`, addressed by `u64` keys below
/// `len`.
pub(crate) enum Slots<T> {
    Flat(Vec<T>),
    Map {
        map: HashMap<u64, T, FxBuild>,
        init: T,
    },
}

impl<T: Clone> Slots<T> {
    /// Flat when [`flat_fits`], sparse otherwise.
    pub fn new(len: u64, events: usize, init: T) -> Slots<T> {
        if flat_fits(len, events) {
            Slots::Flat(vec![init; len as usize])
        } else {
            Slots::Map {
                map: HashMap::default(),
                init,
            }
        }
    }

    /// The accumulator of `key` (created from the initial value on first use).
    #[inline]
    pub fn get(&mut self, key: u64) -> &mut T {
        match self {
            Slots::Flat(v) => &mut v[key as usize],
            Slots::Map { map, init } => map.entry(key).or_insert_with(|| init.clone()),
        }
    }

    /// The accumulators for which `used` holds, by ascending key, whichever the layout
    /// (so results never depend on it).
    pub fn into_sorted(self, used: impl Fn(&T) -> bool) -> Vec<(u64, T)> {
        match self {
            Slots::Flat(v) => v
                .into_iter()
                .enumerate()
                .filter(|(_, a)| used(a))
                .map(|(k, a)| (k as u64, a))
                .collect(),
            Slots::Map { map, .. } => {
                let mut out: Vec<(u64, T)> = map.into_iter().filter(|(_, a)| used(a)).collect();
                out.sort_unstable_by_key(|e| e.0);
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_products_are_flat_and_large_ones_sparse() {
        assert!(flat_fits(1 << 16, 0));
        assert!(!flat_fits((1 << 16) + 1, 10));
        // Proportional to the input: a million events may use a million slots.
        assert!(flat_fits(1_000_000, 1_000_000));
        assert!(matches!(Slots::new(100, 0, 0u64), Slots::Flat(_)));
        assert!(matches!(
            Slots::new(100_000_000, 20_000, 0u64),
            Slots::Map { .. }
        ));
    }

    #[test]
    fn both_layouts_give_the_same_entries() {
        for len in [16u64, 100_000_000] {
            let mut s = Slots::new(len, 4, 0u64);
            for k in [9, 3, 9, 15, 3, 9] {
                *s.get(k) += 1;
            }
            assert_eq!(s.into_sorted(|&n| n > 0), [(3, 2), (9, 3), (15, 1)]);
        }
    }
}
