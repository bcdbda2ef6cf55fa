//! Sorting the short lists of a view (stages, touchpoints, segments, pain points, labels)
//! with one copy of the standard sort for the whole program.
//!
//! Why: every `sort_by` call with a closure of its own compiles the standard library's
//! sort again (about ten functions, several kilobytes of WebAssembly per call site), and
//! the app's sorts were a tenth of its code (README "Build size"). Here the standard
//! stable sort is compiled once, over positions compared through one callback, and the
//! items are then moved into place. For lists of a few hundred items that costs nothing
//! measurable; the sorts over every event (`analytics::prepared`, the funnel's and the
//! flows' per-customer sorts) keep the standard sort.
//!
//! ```
//! use journey_lens::order;
//! let mut v = vec![("b", 2), ("a", 1), ("c", 2), ("d", 1)];
//! order::sort_by_key(&mut v, |e| e.1);
//! assert_eq!(v, [("a", 1), ("d", 1), ("b", 2), ("c", 2)]);
//! ```

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal items keep their order), like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by `key`, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its own order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in sorted order: the one place the standard sort is compiled
/// (never inlined, so no optimiser copies it back into each caller).
#[inline(never)]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the items of `v` so that position `i` holds the one that was at `order[i]`,
/// following each cycle of the permutation once (`order` is used up as the marks).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_key_keeping_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |e| e.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_descending_with_a_tie_break() {
        let counts = [5, 9, 5, 1];
        let mut v = vec![0usize, 1, 2, 3];
        sort_by(&mut v, |&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
        assert_eq!(v, [1, 0, 2, 3]);
    }

    #[test]
    fn sorts_strings_and_empty_and_single_lists() {
        let mut v = vec!["pl", "ca", "es", "en"];
        sort(&mut v);
        assert_eq!(v, ["ca", "en", "es", "pl"]);
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    proptest! {
        /// The house rule for a hand-written replacement: it equals the library, here the
        /// standard stable sort, ties included.
        #[test]
        fn equals_the_standard_stable_sort(v in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by_key(&mut ours, |e| e.0);
            std_sorted.sort_by_key(|e| e.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
