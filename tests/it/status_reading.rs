//! A stage column that is an order status, read as "furthest stage reached" (issue 19):
//! the figures are worked out by hand from the rows (small file) and from the status counts
//! of the real Olist orders export (PROVENANCE.md in shared/data/real).

use journey_lens::analytics::coverage::Excluded;
use journey_lens::analytics::Filter;
use journey_lens::analytics::{compute, FunnelNote, Prepared, Report, Settings, StageReading};
use journey_lens::ingest::{load_csv, CsvOptions};

fn report(bytes: &[u8], settings: &Settings) -> Report {
    let loaded = load_csv(bytes, &CsvOptions::default()).expect("loads");
    let prep = Prepared::new(&loaded.dataset);
    compute(&loaded.dataset, &prep, settings, &Filter::default())
}

fn steps(r: &Report) -> Vec<(&str, u64)> {
    r.funnel
        .steps
        .iter()
        .map(|s| (s.stage.as_str(), s.customers))
        .collect()
}

const ORDERS: &str = "customer_id,timestamp,stage\n\
    a,2024-01-01,delivered\n\
    b,2024-01-02,shipped\n\
    c,2024-01-03,created\n\
    d,2024-01-04,canceled\n\
    e,2024-01-05,delivered\n";

#[test]
fn a_customer_at_delivered_has_passed_every_earlier_stage() {
    let r = report(ORDERS.as_bytes(), &Settings::default());
    // Read as events, only c would have entered at "created".
    assert_eq!(
        steps(&r),
        vec![("created", 4), ("shipped", 3), ("delivered", 2)]
    );
    assert_eq!(r.funnel.conversion_stage.as_deref(), Some("delivered"));
    // 2 of the 4 customers who started.
    assert_eq!(r.funnel.overall_conversion, Some(50.0));
    assert!(r.funnel.notes.contains(&FunnelNote::ReadAsStatus {
        end_states: vec!["canceled".to_string()]
    }));
    assert_eq!(r.coverage.funnel.counted, 4);
    assert_eq!(r.coverage.funnel.loaded, 5);
    assert_eq!(
        r.coverage.funnel.excluded,
        vec![Excluded::EndState {
            stages: vec!["canceled".to_string()],
            customers: 1
        }]
    );
}

#[test]
fn end_states_can_be_kept_and_the_status_reading_turned_off() {
    let keep = Settings {
        keep_end_states: true,
        ..Settings::default()
    };
    let r = report(ORDERS.as_bytes(), &keep);
    // "canceled" is the last step: reaching it counts as having passed all the others.
    assert_eq!(
        steps(&r),
        vec![
            ("created", 5),
            ("shipped", 4),
            ("delivered", 3),
            ("canceled", 1)
        ]
    );
    let events = Settings {
        stage_reading: StageReading::Events,
        ..Settings::default()
    };
    let r = report(ORDERS.as_bytes(), &events);
    assert!(!r
        .funnel
        .notes
        .iter()
        .any(|n| matches!(n, FunnelNote::ReadAsStatus { .. })));
    assert_eq!(r.funnel.steps[0].customers, 1);
}

#[test]
fn a_journey_of_events_is_not_read_as_a_status() {
    let csv = "customer_id,timestamp,stage\n\
        a,2024-01-01,created\na,2024-01-02,delivered\nb,2024-01-02,canceled\n";
    let r = report(csv.as_bytes(), &Settings::default());
    assert!(r
        .funnel
        .notes
        .iter()
        .all(|n| !matches!(n, FunnelNote::ReadAsStatus { .. })));
}

/// A file of shared/data/real, next to the checkout (or two levels up, for a git
/// worktree under wt/); `None` (test skipped, with a note) when neither has it.
fn real(path: &str) -> Option<Vec<u8>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let tries = [
        format!("{root}/../shared/data/real/{path}"),
        format!("{root}/../../shared/data/real/{path}"),
    ];
    let found = tries.iter().find_map(|p| std::fs::read(p).ok());
    if found.is_none() {
        eprintln!("note: {path} not found in {tries:?}, test skipped");
    }
    found
}

#[test]
fn the_olist_orders_export_reads_as_furthest_status_reached() {
    let Some(bytes) = real("olist_sample/olist_orders_dataset.csv") else {
        return;
    };
    let r = report(&bytes, &Settings::default());
    // order_status counts in the file: delivered 5,172, shipped 1,107, canceled 625,
    // unavailable 609, invoiced 314, processing 301, created 5, approved 2; one order per
    // customer_id. Without the 1,234 canceled or unavailable, 6,901 start; each later step
    // loses the customers whose status is the step before.
    assert_eq!(
        steps(&r),
        vec![
            ("created", 6901),
            ("approved", 6896),
            ("invoiced", 6894),
            ("processing", 6580),
            ("shipped", 6279),
            ("delivered", 5172)
        ]
    );
    assert_eq!(r.funnel.conversion_stage.as_deref(), Some("delivered"));
    assert_eq!(r.coverage.funnel.loaded, 8135);
    assert_eq!(r.coverage.funnel.counted, 6901);
    assert_eq!(
        r.coverage.funnel.excluded,
        vec![Excluded::EndState {
            // In the order they first appear in the file.
            stages: vec!["unavailable".to_string(), "canceled".to_string()],
            customers: 1234
        }]
    );
}
