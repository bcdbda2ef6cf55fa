//! One journey at a time (issue 19): the bundled sample's journeys, the scope applied
//! through the filter, and the coverage line's reason for customers only in other
//! journeys. Expected figures were counted by hand-written Python over
//! public/sample/journeys.csv (customers with at least one event in each journey, events
//! per journey, the ordered funnel with earliest-qualifying times of docs/metrics.md).

use journey_lens::analytics::coverage::Excluded;
use journey_lens::analytics::journeys::{self, JourneyScope};
use journey_lens::analytics::{compute, Filter, Prepared, Report, Settings};
use journey_lens::dataset::Dataset;
use journey_lens::ingest::{load_csv, CsvOptions};

fn sample() -> Dataset {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/sample/journeys.csv"
    ))
    .expect("the bundled sample is part of the repository");
    load_csv(&bytes, &CsvOptions::default())
        .expect("the sample loads")
        .dataset
}

fn report(ds: &Dataset, scope: JourneyScope) -> Report {
    let prep = Prepared::new(ds);
    compute(
        ds,
        &prep,
        &Settings::default(),
        &scope.apply(Filter::default()),
    )
}

fn steps(r: &Report) -> Vec<(&str, u64)> {
    r.funnel
        .steps
        .iter()
        .map(|s| (s.stage.as_str(), s.customers))
        .collect()
}

#[test]
fn the_sample_lists_purchase_then_support_with_their_customers() {
    let ds = sample();
    let got: Vec<(String, u64, u64)> = journeys::list(&ds)
        .into_iter()
        .map(|j| (j.name, j.customers, j.events))
        .collect();
    assert_eq!(
        got,
        vec![
            ("purchase".to_string(), 586, 2877),
            ("support".to_string(), 68, 123)
        ]
    );
    let list = journeys::list(&ds);
    assert!(journeys::has_choice(&list));
    assert_eq!(
        journeys::default_scope(&list),
        JourneyScope::One("purchase".into())
    );
}

#[test]
fn the_purchase_journey_leaves_the_support_events_out() {
    let ds = sample();
    let r = report(&ds, JourneyScope::One("purchase".into()));
    assert_eq!(r.selection.customers, 586);
    assert_eq!(r.selection.events, 2877);
    assert_eq!(
        steps(&r),
        vec![
            ("awareness", 586),
            ("consideration", 373),
            ("purchase", 211),
            ("retention", 129),
            ("advocacy", 63)
        ]
    );
    // 451 answers in the purchase journey: 210 promoters, 85 detractors.
    assert_eq!(r.nps.summary.responses, 451);
    assert_eq!(r.nps.summary.promoters, 210);
    assert_eq!(r.nps.summary.detractors, 85);
    // Every customer is in the purchase journey: nobody is out for being elsewhere.
    assert_eq!(
        (r.coverage.funnel.counted, r.coverage.funnel.loaded),
        (586, 586)
    );
    assert!(r.coverage.funnel.excluded.is_empty());
}

#[test]
fn the_support_journey_has_its_own_stages_and_says_who_is_elsewhere() {
    let ds = sample();
    let r = report(&ds, JourneyScope::One("support".into()));
    assert_eq!(r.selection.customers, 68);
    assert_eq!(r.selection.events, 123);
    // Support events are at consideration and retention only; 25 customers have a
    // consideration event and none a retention event after it.
    assert_eq!(steps(&r), vec![("consideration", 25), ("retention", 0)]);
    assert_eq!(
        (r.coverage.funnel.counted, r.coverage.funnel.loaded),
        (25, 586)
    );
    assert_eq!(
        r.coverage.funnel.excluded,
        vec![
            Excluded::OtherJourney {
                journeys: vec!["purchase".to_string()],
                customers: 518
            },
            Excluded::NeverReachedFirst {
                stage: "consideration".into(),
                customers: 43
            }
        ]
    );
    // 31 NPS answers among the 68, from 31 customers or fewer; the NPS line counts the
    // 518 elsewhere for that reason too.
    assert_eq!(r.nps.summary.responses, 31);
    assert_eq!(
        r.coverage.nps.excluded.first(),
        Some(&Excluded::OtherJourney {
            journeys: vec!["purchase".to_string()],
            customers: 518
        })
    );
}

#[test]
fn all_journeys_is_the_mix_of_before() {
    let ds = sample();
    let r = report(&ds, JourneyScope::All);
    assert_eq!(r.selection.customers, 586);
    assert_eq!(r.selection.events, 3000);
    assert_eq!(r.nps.summary.responses, 482);
    assert!(r.coverage.funnel.excluded.is_empty());
}

/// `journey-lens report SAMPLE ARGS…` as JSON (the command must succeed).
fn cli_report(args: &[&str]) -> serde_json::Value {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample/journeys.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_journey-lens"))
        .arg("report")
        .arg(sample)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

fn selected(doc: &serde_json::Value) -> (u64, u64) {
    (
        doc["selection"]["customers"].as_u64().unwrap_or(u64::MAX),
        doc["selection"]["events"].as_u64().unwrap_or(u64::MAX),
    )
}

#[test]
fn the_report_command_takes_a_journey_and_keeps_all_by_default() {
    // Without --journey the report counts every journey, as it always did.
    assert_eq!(selected(&cli_report(&[])), (586, 3000));
    assert_eq!(selected(&cli_report(&["--journey", "all"])), (586, 3000));
    assert_eq!(selected(&cli_report(&["--journey", "support"])), (68, 123));
    let purchase = cli_report(&["--journey", "purchase"]);
    assert_eq!(selected(&purchase), (586, 2877));
    assert_eq!(purchase["filter"]["dims"]["journey"][0], "purchase");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_journey-lens"))
        .args([
            "report",
            concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample/journeys.csv"),
            "--journey",
            "returns",
        ])
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"purchase\" (586 customers), \"support\" (68 customers)"),
        "{err}"
    );
}

/// Customers and events per journey from CSV text, in `list` order.
fn counts_of(csv: &str) -> Vec<(String, u64, u64)> {
    let ds = load_csv(csv.as_bytes(), &CsvOptions::default())
        .expect("the test data loads")
        .dataset;
    journeys::list(&ds)
        .into_iter()
        .map(|j| (j.name, j.customers, j.events))
        .collect()
}

#[test]
fn a_customer_back_in_a_journey_later_in_the_file_counts_once() {
    let csv = "customer_id,timestamp,journey,stage\n\
        a,2025-01-01,buy,awareness\n\
        b,2025-01-01,buy,awareness\n\
        a,2025-01-02,help,awareness\n\
        b,2025-01-03,help,awareness\n\
        a,2025-01-04,buy,purchase\n\
        c,2025-01-04,,awareness\n\
        b,2025-01-05,buy,purchase\n";
    assert_eq!(
        counts_of(csv),
        vec![("buy".to_string(), 2, 4), ("help".to_string(), 2, 2)]
    );
}

#[test]
fn thousands_of_journeys_and_customers_are_counted_the_same_way() {
    // 8,200 journeys × 8,200 customers is past the bit table's 2^26 pairs: the other way
    // of remembering pairs must give the same counts. Customer i is in journey i (twice,
    // far apart in the file) and the first customer is also in every other journey.
    let mut csv = String::from("customer_id,timestamp,journey,stage\n");
    for i in 0..8200 {
        csv.push_str(&format!("c{i},2025-01-01,j{i},awareness\n"));
    }
    for i in 0..8200 {
        csv.push_str(&format!("c{i},2025-01-02,j{i},purchase\n"));
        csv.push_str(&format!("c0,2025-01-03,j{i},purchase\n"));
    }
    let got = counts_of(&csv);
    assert_eq!(got.len(), 8200);
    // j0: c0 only (three events); every other journey: its own customer and c0.
    assert_eq!(got[0], ("j1".to_string(), 2, 3));
    assert!(got.iter().any(|j| *j == ("j0".to_string(), 1, 3)));
    assert_eq!(got.iter().filter(|j| j.1 == 2 && j.2 == 3).count(), 8199);
}
