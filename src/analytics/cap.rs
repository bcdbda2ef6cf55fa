//! How many categories a view lists before folding the rest into one "(others)" entry.
//!
//! A file may hold tens of thousands of distinct stages, touchpoints or personas; a chart
//! of all of them is unreadable and a stage × touchpoint product of them does not fit in
//! memory. Views whose size is a product of two such dimensions keep the largest
//! categories and sum the rest into [`OTHERS_LABEL`], computed from the underlying answers
//! (a mean over all the others' answers, distinct customers over all of them), never by
//! averaging averages. docs/metrics.md lists where this happens.

/// The label of the entry holding every category past the limit.
pub const OTHERS_LABEL: &str = "(others)";

/// Experience-map columns (touchpoints) drawn at most, "(others)" included.
pub const GRID_TOUCHPOINTS: usize = 16;
/// Experience-map stages drawn at most, "(others)" included.
pub const GRID_STAGES: usize = 12;
/// Emotion curves per persona at most, "(others)" included (more lines than this do not
/// read as separate curves, though the palette has twelve colours).
pub const EMOTION_PERSONAS: usize = 8;
/// Funnel breakdown groups at most, "(others)" included.
pub const BREAKDOWN_GROUPS: usize = 21;

/// Stages of a feed's own order that nobody reached are funnel steps of 0 customers (the
/// author expects them) only while the order is at most this long; a longer order keeps
/// the stages the data has, so a feed listing 100,000 names cannot make 100,000 steps.
pub const META_ORDER_STAGES: usize = 100;

/// Which of the `weights.len()` categories to keep when at most `limit` entries fit:
/// `None` when all of them fit, otherwise a mask keeping the `limit − 1` heaviest (ties:
/// the earlier one), the last entry being left for "(others)".
pub fn keep_top(weights: &[u64], limit: usize) -> Option<Vec<bool>> {
    (weights.len() > limit.max(1)).then(|| heaviest(weights, limit.saturating_sub(1)))
}

/// A mask keeping the `n` heaviest of `weights` (ties: the earlier one).
pub fn heaviest(weights: &[u64], n: usize) -> Vec<bool> {
    let mut keep = vec![false; weights.len()];
    if n >= weights.len() {
        keep.fill(true);
        return keep;
    }
    if n == 0 {
        return keep;
    }
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // A selection, not a sort: 50,000 touchpoints for 15 places.
    order.select_nth_unstable_by(n - 1, |&a, &b| weights[b].cmp(&weights[a]).then(a.cmp(&b)));
    for &i in &order[..n] {
        keep[i] = true;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_fits_up_to_the_limit() {
        assert_eq!(keep_top(&[1, 2, 3], 3), None);
        assert_eq!(keep_top(&[], 3), None);
    }

    #[test]
    fn keeps_the_heaviest_with_earlier_ties_and_leaves_a_slot_for_others() {
        // Limit 3: two kept + others. 5 and the first 4 win; the later 4 is folded.
        assert_eq!(
            keep_top(&[1, 4, 5, 4, 0], 3),
            Some(vec![false, true, true, false, false])
        );
        assert_eq!(keep_top(&[7, 7], 1), Some(vec![false, false]));
        assert_eq!(heaviest(&[3, 9, 3, 1], 2), vec![true, true, false, false]);
        assert_eq!(heaviest(&[3, 9], 5), vec![true, true]);
    }
}
