//! The dictionary of a text column (`DimColumn`): values numbered in order of first
//! appearance, whatever the hash table behind the lookup does, and a column built in two
//! parts and appended (as the page merges a worker's part) equal to one built in one pass.

use journey_lens::dataset::{DimColumn, MISSING};
use proptest::prelude::*;

/// The dictionary by hand: a value's code is the number of distinct values seen before
/// its first appearance.
fn by_hand(cells: &[Option<String>]) -> (Vec<String>, Vec<u32>) {
    let mut values: Vec<String> = Vec::new();
    let codes = cells
        .iter()
        .map(|c| match c.as_deref().map(str::trim) {
            None | Some("") => MISSING,
            Some(v) => match values.iter().position(|x| x == v) {
                Some(p) => p as u32,
                None => {
                    values.push(v.to_string());
                    (values.len() - 1) as u32
                }
            },
        })
        .collect();
    (values, codes)
}

fn column(cells: &[Option<String>]) -> DimColumn {
    let mut c = DimColumn::new("customer");
    for v in cells {
        c.push(v.as_deref());
    }
    c
}

#[test]
fn codes_follow_first_appearance() {
    let cells: Vec<Option<String>> = ["b", "a", "b", "", "c", "a", " a "]
        .iter()
        .map(|s| Some(s.to_string()))
        .collect();
    let c = column(&cells);
    assert_eq!(c.values, ["b", "a", "c"]);
    assert_eq!(c.codes, [0, 1, 0, MISSING, 2, 1, 1]);
    assert_eq!(c.code_of("c"), Some(2));
    assert_eq!(c.code_of("d"), None);
}

#[test]
fn a_hundred_thousand_customers_keep_their_codes_through_a_merge() {
    // Two parts sharing 10 000 customers (C040000–C049999), as a file cut between
    // two customers' runs rarely has; the rest are new.
    let name = |i: u32| Some(format!("C{i:06}"));
    let first: Vec<_> = (0..50_000).map(name).collect();
    let second: Vec<_> = (40_000..100_000).map(name).collect();
    let mut a = column(&first);
    a.append(column(&second));
    assert_eq!(a.values.len(), 100_000);
    assert_eq!(a.values[99_999], "C099999");
    assert_eq!(a.codes.len(), 110_000);
    assert_eq!(a.codes[50_000], 40_000);
    assert_eq!(a.codes[60_000], 50_000);
    assert_eq!(a.code_of("C045000"), Some(45_000));
    assert_eq!(a.code_of("C100000"), None);
}

proptest! {
    #[test]
    fn built_in_parts_equals_one_pass(
        cells in prop::collection::vec(
            prop::option::of(prop::sample::select(vec!["a", "b", "ć", "", " b", "C1", "C2", "c1"])),
            0..200,
        ),
        cut in 0usize..200,
        round_trip in any::<bool>(),
    ) {
        let cells: Vec<Option<String>> = cells.iter().map(|c| c.map(str::to_string)).collect();
        let cut = cut.min(cells.len());
        let (values, codes) = by_hand(&cells);
        let whole = column(&cells);
        prop_assert_eq!(&whole.values, &values);
        prop_assert_eq!(&whole.codes, &codes);
        let mut merged = column(&cells[..cut]);
        if round_trip {
            // As the page holds a part read back from a worker: no lookup table.
            merged = serde_json::from_str(&serde_json::to_string(&merged).unwrap()).unwrap();
        }
        merged.append(column(&cells[cut..]));
        prop_assert_eq!(&merged.values, &values);
        prop_assert_eq!(&merged.codes, &codes);
        // Interning after the merge finds what is there and adds what is not.
        merged.push(Some("a"));
        merged.push(Some("zz"));
        let (values, codes) = by_hand(&[cells, vec![Some("a".into()), Some("zz".into())]].concat());
        prop_assert_eq!(&merged.values, &values);
        prop_assert_eq!(&merged.codes, &codes);
    }
}
