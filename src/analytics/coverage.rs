//! How many of the loaded customers each view counts, and why the others are out.
//!
//! A funnel of "2 customers entering" out of 8,135 loaded is only readable when the page
//! also says that the other 8,133 never reached step 1; without it the reader assumes the
//! data is broken (or, worse, that it is right). Every reason is a count, so the reasons
//! and the counted customers always add up to the customers loaded.

use super::filter::{Filter, MISSING_LABEL};
use super::funnel::{FunnelNote, FunnelView};
use super::journeys::JOURNEY;
use crate::dataset::Dataset;
use serde::{Deserialize, Serialize};

/// Why some loaded customers are not in a view, with how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Excluded {
    /// Only in journeys other than the one shown (see [`super::journeys`]): `journeys` are
    /// the ones they are in, by name.
    OtherJourney {
        journeys: Vec<String>,
        customers: u64,
    },
    /// Left out by the filters (none of their events is selected).
    FilteredOut { customers: u64 },
    /// Selected, but never reached the funnel's first stage.
    NeverReachedFirst { stage: String, customers: u64 },
    /// Selected, but their status is an end state the funnel leaves out (canceled…).
    EndState { stages: Vec<String>, customers: u64 },
    /// Selected, but none of their selected events has an NPS answer.
    NoNpsAnswer { customers: u64 },
    /// Selected, but none of their selected events has a satisfaction or effort rating.
    NoRating { customers: u64 },
}

impl Excluded {
    pub fn customers(&self) -> u64 {
        match self {
            Excluded::FilteredOut { customers }
            | Excluded::OtherJourney { customers, .. }
            | Excluded::NeverReachedFirst { customers, .. }
            | Excluded::EndState { customers, .. }
            | Excluded::NoNpsAnswer { customers }
            | Excluded::NoRating { customers } => *customers,
        }
    }
}

/// One view's customers: `counted` of `loaded`, the rest explained by `excluded`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub counted: u64,
    pub loaded: u64,
    /// Only reasons with at least one customer, largest first.
    pub excluded: Vec<Excluded>,
}

impl Coverage {
    fn new(counted: u64, loaded: u64, mut excluded: Vec<Excluded>) -> Coverage {
        excluded.retain(|e| e.customers() > 0);
        crate::order::sort_by_key(&mut excluded, |e| std::cmp::Reverse(e.customers()));
        Coverage {
            counted,
            loaded,
            excluded,
        }
    }
}

/// The coverage of every view. The KPIs and the journey map count the funnel's customers
/// (conversion and reach are read from it), so they share [`CoverageView::funnel`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageView {
    pub funnel: Coverage,
    pub experience: Coverage,
    pub nps: Coverage,
}

/// The customers with no event in the journeys `filter` shows (none when it shows them
/// all), and the journeys they are in instead, by name. A customer in the shown journey and
/// another is in scope: only their events in the shown one count.
fn outside_journey(ds: &Dataset, filter: &Filter) -> (u64, Vec<String>) {
    let (Some(shown), Some(col)) = (filter.dims.get(&JOURNEY), ds.dimension(JOURNEY)) else {
        return (0, Vec::new());
    };
    if shown.is_empty() {
        return (0, Vec::new());
    }
    let allowed: Vec<bool> = col.values.iter().map(|v| shown.contains(v)).collect();
    let missing_shown = shown.contains(MISSING_LABEL);
    let mut in_scope = vec![false; ds.customer_count()];
    for (&j, &c) in col.codes.iter().zip(&ds.customer.codes) {
        if allowed.get(j as usize).copied().unwrap_or(missing_shown) {
            if let Some(f) = in_scope.get_mut(c as usize) {
                *f = true;
            }
        }
    }
    let mut elsewhere = vec![false; col.values.len()];
    for (&j, &c) in col.codes.iter().zip(&ds.customer.codes) {
        if in_scope.get(c as usize) == Some(&false) {
            if let Some(e) = elsewhere.get_mut(j as usize) {
                *e = true;
            }
        }
    }
    let out = in_scope.iter().filter(|&&f| !f).count() as u64;
    let mut names: Vec<String> = col
        .values
        .iter()
        .zip(&elsewhere)
        .filter(|(_, &e)| e)
        .map(|(v, _)| v.clone())
        .collect();
    crate::order::sort(&mut names);
    (out, names)
}

/// What each customer's selected events show, one bit per fact, so every view's count is
/// one pass over the customers rather than over the events again.
struct Flags(Vec<u8>);

impl Flags {
    const SELECTED: u8 = 1;
    const NPS: u8 = 2;
    const RATED: u8 = 4;
    const ENDED: u8 = 8;

    /// `ended_code`: per stage code, whether it is an end state the funnel leaves out.
    fn tally(ds: &Dataset, sel: &[u32], ended_code: &[bool]) -> Flags {
        let mut flags = vec![0u8; ds.customer_count()];
        for &i in sel {
            let i = i as usize;
            let Some(f) = ds
                .customer
                .codes
                .get(i)
                .and_then(|&c| flags.get_mut(c as usize))
            else {
                continue;
            };
            *f |= Self::SELECTED;
            let stage = ds.stage.as_ref().and_then(|c| c.codes.get(i));
            if stage.is_some_and(|&c| ended_code.get(c as usize) == Some(&true)) {
                *f |= Self::ENDED;
            }
            if Dataset::score(&ds.nps, i).is_some() {
                *f |= Self::NPS;
            }
            if Dataset::score(&ds.satisfaction, i).is_some()
                || Dataset::score(&ds.effort, i).is_some()
            {
                *f |= Self::RATED;
            }
        }
        Flags(flags)
    }

    /// Customers with `bit` set.
    fn with(&self, bit: u8) -> u64 {
        self.0.iter().filter(|&&f| f & bit != 0).count() as u64
    }
}

/// The end states the funnel left out under the status reading (none otherwise).
fn end_states(funnel: &FunnelView) -> Vec<String> {
    funnel
        .notes
        .iter()
        .find_map(|n| match n {
            FunnelNote::ReadAsStatus { end_states } => Some(end_states.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Counts, over the selected events `sel` (chosen by `filter`), the customers each view
/// includes.
pub fn compute(ds: &Dataset, sel: &[u32], funnel: &FunnelView, filter: &Filter) -> CoverageView {
    let end_states = end_states(funnel);
    let ended_code: Vec<bool> = ds.stage.as_ref().map_or(Vec::new(), |col| {
        col.values.iter().map(|v| end_states.contains(v)).collect()
    });
    let loaded = ds.customer_count() as u64;
    let flags = Flags::tally(ds, sel, &ended_code);
    let selected = flags.with(Flags::SELECTED);
    // Customers only in other journeys are out for that reason, not for the filters.
    let (other, journeys) = outside_journey(ds, filter);
    let other_journey = Excluded::OtherJourney {
        journeys,
        customers: other,
    };
    let filtered_out = Excluded::FilteredOut {
        customers: loaded.saturating_sub(selected).saturating_sub(other),
    };
    let entered = funnel.steps.first().map_or(0, |s| s.customers);
    let mut funnel_out = vec![other_journey.clone(), filtered_out.clone()];
    // Under the status reading a customer has one status: one at an end state is out of
    // the funnel for that reason, not for never having started.
    let ended = flags.with(Flags::ENDED);
    if !end_states.is_empty() {
        funnel_out.push(Excluded::EndState {
            stages: end_states,
            customers: ended,
        });
    }
    if let Some(first) = funnel.stages.first() {
        funnel_out.push(Excluded::NeverReachedFirst {
            stage: first.clone(),
            customers: selected.saturating_sub(entered).saturating_sub(ended),
        });
    }
    let answered = flags.with(Flags::NPS);
    let rated = flags.with(Flags::RATED);
    CoverageView {
        funnel: Coverage::new(entered, loaded, funnel_out),
        nps: Coverage::new(
            answered,
            loaded,
            vec![
                other_journey.clone(),
                filtered_out.clone(),
                Excluded::NoNpsAnswer {
                    customers: selected - answered,
                },
            ],
        ),
        experience: Coverage::new(
            rated,
            loaded,
            vec![
                other_journey,
                filtered_out,
                Excluded::NoRating {
                    customers: selected - rated,
                },
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{compute as report, Filter, Prepared, Settings};
    use crate::dataset::{DimKey, Role};
    use crate::ingest::{load_csv, CsvOptions};

    const CSV: &str = "customer_id,timestamp,stage,nps,satisfaction\n\
        a,2024-01-01,created,9,\n\
        a,2024-01-02,delivered,,4\n\
        b,2024-01-03,delivered,,\n\
        c,2024-01-04,created,,\n\
        d,2024-01-05,canceled,3,\n";

    fn coverage(settings: &Settings, filter: &Filter) -> CoverageView {
        let loaded = load_csv(CSV.as_bytes(), &CsvOptions::default()).expect("loads");
        let prep = Prepared::new(&loaded.dataset);
        report(&loaded.dataset, &prep, settings, filter).coverage
    }

    #[test]
    fn the_customers_who_never_reached_step_one_are_counted_and_named() {
        let settings = Settings {
            stage_order: Some(vec!["created".into(), "delivered".into()]),
            ..Settings::default()
        };
        let c = coverage(&settings, &Filter::default());
        // a and c reached "created"; b (delivered only) and d (canceled) never did.
        assert_eq!(c.funnel.counted, 2);
        assert_eq!(c.funnel.loaded, 4);
        assert_eq!(
            c.funnel.excluded,
            vec![Excluded::NeverReachedFirst {
                stage: "created".into(),
                customers: 2
            }]
        );
        // NPS answers from a and d; a satisfaction rating from a only.
        assert_eq!((c.nps.counted, c.nps.loaded), (2, 4));
        assert_eq!(c.nps.excluded, vec![Excluded::NoNpsAnswer { customers: 2 }]);
        assert_eq!(c.experience.counted, 1);
        assert_eq!(
            c.experience.excluded,
            vec![Excluded::NoRating { customers: 3 }]
        );
    }

    #[test]
    fn customers_outside_the_filter_are_a_reason_of_their_own() {
        let settings = Settings {
            stage_order: Some(vec!["created".into(), "delivered".into()]),
            ..Settings::default()
        };
        let mut filter = Filter::default();
        filter.dims.insert(
            DimKey::Role(Role::Stage),
            ["created".to_string(), "canceled".to_string()].into(),
        );
        let c = coverage(&settings, &filter);
        // Selected: a, c (created) and d (canceled); b is filtered out.
        assert_eq!(c.funnel.counted, 2);
        assert_eq!(
            c.funnel.excluded,
            vec![
                Excluded::FilteredOut { customers: 1 },
                Excluded::NeverReachedFirst {
                    stage: "created".into(),
                    customers: 1
                }
            ]
        );
        // a's NPS answer is on a "created" event, d's on "canceled": both still count;
        // c never answered.
        assert_eq!(c.nps.counted, 2);
        assert_eq!(
            c.nps.excluded,
            vec![
                Excluded::FilteredOut { customers: 1 },
                Excluded::NoNpsAnswer { customers: 1 }
            ]
        );
        // a's rating is on "delivered", now filtered: nobody rated.
        assert_eq!(c.experience.counted, 0);
        assert_eq!(
            c.experience.excluded,
            vec![
                Excluded::NoRating { customers: 3 },
                Excluded::FilteredOut { customers: 1 }
            ]
        );
    }
}
