//! One journey at a time.
//!
//! A file with a journey column (purchase, support…) describes different paths through
//! different stages: mixed into one funnel, the support tickets' stages sit between the
//! purchase stages and every rate means nothing in particular. The views therefore look at
//! one journey at a time, the largest first; "all journeys" stays a choice.
//!
//! The scope is applied through the ordinary [`Filter`] (its `journey` dimension holds the
//! one journey shown), so every view, export, link and summary that understands filters
//! understands it too. What is special about it lives here: which journeys there are, which
//! one opens, and how the choice is written in a link or on the command line.

use super::filter::Filter;
use crate::dataset::{Dataset, DimKey, Role};
use std::collections::BTreeSet;

/// The dimension the scope is kept in.
pub const JOURNEY: DimKey = DimKey::Role(Role::Journey);

/// How "all journeys" is written in a link (`journey=all`) and on the command line
/// (`--journey all`).
pub const ALL_KEY: &str = "all";

/// One journey of the data and its size.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JourneyCount {
    pub name: String,
    /// Customers with at least one event in this journey (a customer may be in several).
    pub customers: u64,
    pub events: u64,
}

/// Which journeys the views describe.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JourneyScope {
    /// Every journey mixed, as if the column were not there.
    All,
    /// One journey, by name.
    One(String),
}

impl JourneyScope {
    /// Reads `all` or a journey name (trimmed); empty text is no choice.
    pub fn parse(text: &str) -> Option<JourneyScope> {
        let t = text.trim();
        match t {
            "" => None,
            ALL_KEY => Some(JourneyScope::All),
            name => Some(JourneyScope::One(name.to_string())),
        }
    }

    /// The text [`JourneyScope::parse`] reads back.
    pub fn key(&self) -> &str {
        match self {
            JourneyScope::All => ALL_KEY,
            JourneyScope::One(name) => name,
        }
    }

    /// The scope `filter` applies: one journey when its journey dimension holds exactly
    /// one value, else all (several values are an ordinary filter over journeys, shown by
    /// the filter itself).
    pub fn of(filter: &Filter) -> JourneyScope {
        match filter.dims.get(&JOURNEY) {
            Some(set) if set.len() == 1 => set
                .iter()
                .next()
                .map_or(JourneyScope::All, |j| JourneyScope::One(j.clone())),
            _ => JourneyScope::All,
        }
    }

    /// `filter` with this scope: its journey dimension replaced by this journey, or
    /// removed for all journeys. The other parts of the filter stay.
    pub fn apply(&self, mut filter: Filter) -> Filter {
        match self {
            JourneyScope::All => {
                filter.dims.remove(&JOURNEY);
            }
            JourneyScope::One(name) => {
                filter.dims.insert(JOURNEY, BTreeSet::from([name.clone()]));
            }
        }
        filter
    }
}

/// The journeys in `ds` with their customers and events, largest first (by customers,
/// then events); ties are broken by name so the order never depends on the file's row
/// order. Empty cells are no journey and are left out. Empty when the data has no journey
/// column.
pub fn list(ds: &Dataset) -> Vec<JourneyCount> {
    let Some(col) = ds.dimension(JOURNEY) else {
        return Vec::new();
    };
    let n = col.values.len();
    let mut events = vec![0u64; n];
    let mut customers = vec![0u64; n];
    // Each (customer, journey) pair counts once, whatever the row order.
    let customer_codes = ds
        .customer
        .codes
        .iter()
        .max()
        .map_or(0, |&c| c as usize + 1);
    let mut seen = PairSet::new(n, customer_codes);
    for (i, &code) in col.codes.iter().enumerate() {
        let (Some(e), Some(&cust)) = (events.get_mut(code as usize), ds.customer.codes.get(i))
        else {
            // MISSING (an empty cell) is past the end of `events`: no journey.
            continue;
        };
        *e += 1;
        if seen.insert(cust, code) {
            customers[code as usize] += 1;
        }
    }
    let mut out: Vec<JourneyCount> = col
        .values
        .iter()
        .enumerate()
        .filter(|(c, _)| events[*c] > 0)
        .map(|(c, name)| JourneyCount {
            name: name.clone(),
            customers: customers[c],
            events: events[c],
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        b.customers
            .cmp(&a.customers)
            .then(b.events.cmp(&a.events))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// (customer, journey) pairs already counted. A bit per pair while journeys × customers
/// stays small (the usual handful of journeys: 5 × 200 k customers is 125 KB), which at a
/// million events is several times faster than hashing every pair; a hash set past that,
/// so memory never grows with journeys × customers.
enum PairSet {
    Bits(Vec<u64>, usize),
    Hashed(std::collections::HashSet<u64>),
}

impl PairSet {
    const MAX_BITS: usize = 1 << 26;

    fn new(journeys: usize, customers: usize) -> PairSet {
        match journeys.checked_mul(customers) {
            Some(bits) if bits <= Self::MAX_BITS => {
                PairSet::Bits(vec![0; bits.div_ceil(64)], journeys)
            }
            _ => PairSet::Hashed(std::collections::HashSet::new()),
        }
    }

    /// Whether the pair is new; `cust` and `journey` are below the sizes given to `new`.
    fn insert(&mut self, cust: u32, journey: u32) -> bool {
        match self {
            PairSet::Bits(bits, journeys) => {
                let i = cust as usize * *journeys + journey as usize;
                let Some(word) = bits.get_mut(i / 64) else {
                    return false;
                };
                let new = *word & (1 << (i % 64)) == 0;
                *word |= 1 << (i % 64);
                new
            }
            PairSet::Hashed(set) => set.insert(u64::from(cust) << 32 | u64::from(journey)),
        }
    }
}

/// Whether the views need a journey selector: two or more journeys.
pub fn has_choice(journeys: &[JourneyCount]) -> bool {
    journeys.len() >= 2
}

/// The scope the views open on: the largest journey when there are two or more, else all
/// (one journey, or none, needs no choosing).
pub fn default_scope(journeys: &[JourneyCount]) -> JourneyScope {
    match journeys {
        [first, _, ..] => JourneyScope::One(first.name.clone()),
        _ => JourneyScope::All,
    }
}

/// The scope to open the data with: the one a link (or host page) asks for, else the one
/// remembered for this data, else [`default_scope`]. A named journey the data does not have
/// is not a choice (it would show nothing), so it falls through to the next.
pub fn opening_scope(
    journeys: &[JourneyCount],
    linked: Option<&JourneyScope>,
    remembered: Option<&JourneyScope>,
) -> JourneyScope {
    let usable = |s: &&JourneyScope| match s {
        JourneyScope::All => true,
        JourneyScope::One(name) => journeys.iter().any(|j| &j.name == name),
    };
    if !has_choice(journeys) {
        return JourneyScope::All;
    }
    linked
        .filter(usable)
        .or(remembered.filter(usable))
        .cloned()
        .unwrap_or_else(|| default_scope(journeys))
}

/// Per stage code, whether the journeys `filter` shows have that stage; `None` when it shows
/// every journey (or the data has no journey or stage column). The automatic funnel order
/// leaves the other journeys' stages out: a support journey's funnel starts at its own
/// first stage, not at a purchase stage none of its customers can reach.
pub fn stages_shown(ds: &Dataset, filter: &Filter) -> Option<Vec<bool>> {
    let shown = filter.dims.get(&JOURNEY).filter(|s| !s.is_empty())?;
    let journey = ds.dimension(JOURNEY)?;
    let stage = ds.stage.as_ref()?;
    let allowed: Vec<bool> = journey.values.iter().map(|v| shown.contains(v)).collect();
    let missing = shown.contains(super::filter::MISSING_LABEL);
    let mut out = vec![false; stage.values.len()];
    for (&j, &s) in journey.codes.iter().zip(&stage.codes) {
        if allowed.get(j as usize).copied().unwrap_or(missing) {
            if let Some(o) = out.get_mut(s as usize) {
                *o = true;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load_csv, CsvOptions};

    fn data(csv: &str) -> Dataset {
        load_csv(csv.as_bytes(), &CsvOptions::default())
            .expect("loads")
            .dataset
    }

    #[test]
    fn journeys_are_listed_largest_first_and_ties_by_name() {
        let ds = data(
            "customer_id,journey,stage\n\
             a,support,ticket\n\
             a,purchase,visit\n\
             b,purchase,visit\n\
             c,returns,label\n\
             c,returns,label\n\
             d,,visit\n",
        );
        let got = list(&ds);
        let names: Vec<(&str, u64, u64)> = got
            .iter()
            .map(|j| (j.name.as_str(), j.customers, j.events))
            .collect();
        // purchase: a and b. returns and support: one customer each; returns has two
        // events, so it is larger. d's empty cell is no journey.
        assert_eq!(
            names,
            vec![("purchase", 2, 2), ("returns", 1, 2), ("support", 1, 1)]
        );
        assert_eq!(default_scope(&got), JourneyScope::One("purchase".into()));
    }

    #[test]
    fn equal_journeys_are_ordered_by_name() {
        let ds = data("customer_id,journey,stage\nx,zeta,a\ny,alpha,a\n");
        let names: Vec<String> = list(&ds).into_iter().map(|j| j.name).collect();
        assert_eq!(names, vec!["alpha", "zeta"]);
    }

    #[test]
    fn one_journey_or_none_needs_no_choice() {
        let one = data("customer_id,journey,stage\nx,purchase,a\ny,purchase,a\n");
        assert!(!has_choice(&list(&one)));
        assert_eq!(default_scope(&list(&one)), JourneyScope::All);
        let none = data("customer_id,stage\nx,a\n");
        assert!(list(&none).is_empty());
        assert_eq!(opening_scope(&list(&none), None, None), JourneyScope::All);
    }

    #[test]
    fn a_link_wins_over_the_remembered_choice_unless_the_data_lacks_it() {
        let ds = data("customer_id,journey,stage\na,purchase,s\nb,purchase,s\nc,support,s\n");
        let js = list(&ds);
        let support = JourneyScope::One("support".into());
        let gone = JourneyScope::One("returns".into());
        assert_eq!(
            opening_scope(&js, Some(&JourneyScope::All), Some(&support)),
            JourneyScope::All
        );
        assert_eq!(opening_scope(&js, None, Some(&support)), support);
        assert_eq!(opening_scope(&js, Some(&gone), Some(&support)), support);
        assert_eq!(
            opening_scope(&js, Some(&gone), None),
            JourneyScope::One("purchase".into())
        );
    }

    #[test]
    fn the_scope_lives_in_the_filter_and_leaves_the_rest_alone() {
        let base = Filter::default().with(Role::Persona, "Student");
        let one = JourneyScope::One("support".into()).apply(base.clone());
        assert_eq!(JourneyScope::of(&one), JourneyScope::One("support".into()));
        assert_eq!(one.dims.len(), 2);
        let all = JourneyScope::All.apply(one);
        assert_eq!(all, base);
        assert_eq!(JourneyScope::of(&all), JourneyScope::All);
        let two = base.with(Role::Journey, "a").with(Role::Journey, "b");
        assert_eq!(JourneyScope::of(&two), JourneyScope::All);
    }

    #[test]
    fn all_and_names_are_written_and_read_back() {
        assert_eq!(JourneyScope::parse(" all "), Some(JourneyScope::All));
        assert_eq!(
            JourneyScope::parse("support"),
            Some(JourneyScope::One("support".into()))
        );
        assert_eq!(JourneyScope::parse("  "), None);
        assert_eq!(JourneyScope::All.key(), "all");
        assert_eq!(JourneyScope::One("x y".into()).key(), "x y");
    }
}
