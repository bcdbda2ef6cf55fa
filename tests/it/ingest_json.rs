//! The JSON feed in its three shapes, plus wrong shapes. Expected values by hand from
//! tests/fixtures/make_fixtures.py.

use journey_lens::dataset::{Dataset, Role, Scale};
use journey_lens::i18n::Lang;
use journey_lens::ingest::{load_json, IngestError, JsonOptions, RowError, RowProblem};
use journey_lens::present::message::{problem_column, render};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn e(line: u64, column: &str, reason: &str) -> (u64, String, String) {
    (line, column.into(), reason.into())
}

/// Row errors as line, column and English reason, the way the load summary lists them.
fn rendered(errors: &[RowError]) -> Vec<(u64, String, String)> {
    errors
        .iter()
        .map(|x| {
            (
                x.line,
                problem_column(Lang::En, x.column.as_deref()),
                render(Lang::En, &x.problem),
            )
        })
        .collect()
}

/// 2024-03-15T10:00:00Z.
const T0: i64 = 1_710_496_800;

#[test]
fn array_of_events() {
    let l = load_json(&fixture("events_array.json"), &JsonOptions::default()).unwrap();
    let r = &l.report;
    assert_eq!(r.format, "json");
    assert_eq!((r.rows_loaded, r.rows_rejected), (1, 3));
    // Keys in first-seen order, each object's keys as written in the feed.
    let cols: Vec<&str> = r.columns.iter().map(|c| c.column.as_str()).collect();
    assert_eq!(
        cols,
        vec![
            "customer_id",
            "timestamp",
            "stage",
            "nps",
            "channel",
            "revenue",
            "satisfaction",
            "vip",
            "tags"
        ]
    );
    assert_eq!(r.mapping.role_of("revenue"), Some(Role::Revenue));
    assert_eq!(
        rendered(&r.errors),
        vec![
            e(2, "nps", "NPS must be a whole number from 0–10, got 11"),
            e(
                3,
                "satisfaction",
                "Satisfaction must be a number from 1–5, got 7"
            ),
            e(
                3,
                "tags",
                "The value must be text or a number, not a list or object"
            ),
            e(4, "customer_id", "Customer ID is missing"),
        ]
    );
    let d = &l.dataset;
    assert_eq!(d.customer.get(0), Some("c1"));
    assert_eq!(d.time(0), Some(T0));
    assert_eq!(Dataset::score(&d.nps, 0), Some(9.0));
    assert_eq!(d.channel.as_ref().unwrap().get(0), Some("Web"));
}

#[test]
fn meta_and_events_with_declared_scale() {
    let l = load_json(&fixture("events_feed.json"), &JsonOptions::default()).unwrap();
    let d = &l.dataset;
    assert_eq!(d.meta.name.as_deref(), Some("Spring campaign"));
    assert_eq!(d.meta.conversion_stage.as_deref(), Some("Buy"));
    assert_eq!(
        d.meta.stage_order,
        Some(vec!["Visit".to_string(), "Buy".to_string()])
    );
    assert_eq!(d.meta.targets.get("nps"), Some(&30.0));
    // meta.scales declared satisfaction 1–10, so the 7 is valid now.
    assert_eq!(d.scales.satisfaction, Scale::new(1.0, 10.0));
    assert_eq!(d.scales.nps, Scale::new(0.0, 10.0));
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 3));
    assert_eq!(
        rendered(&l.report.errors),
        vec![
            e(2, "nps", "NPS must be a whole number from 0–10, got 11"),
            e(
                3,
                "tags",
                "The value must be text or a number, not a list or object"
            ),
            e(4, "customer_id", "Customer ID is missing"),
        ]
    );
    // Without the list value the third event would load: drop its "tags" key by mapping.
    let opts = JsonOptions {
        overrides: vec![("tags".into(), Role::Ignore)],
        ..JsonOptions::default()
    };
    let l = load_json(&fixture("events_feed.json"), &opts).unwrap();
    assert_eq!(l.report.rows_loaded, 2);
    assert_eq!(Dataset::score(&l.dataset.satisfaction, 1), Some(7.0));
    assert_eq!(
        l.dataset
            .dimension(l.dataset.find_dimension("vip").unwrap())
            .unwrap()
            .get(1),
        Some("true")
    );
}

#[test]
fn ndjson_with_a_broken_line() {
    let l = load_json(&fixture("events.ndjson"), &JsonOptions::default()).unwrap();
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 3));
    let errs = &l.report.errors;
    assert_eq!(
        rendered(errs)[0],
        e(2, "nps", "NPS must be a whole number from 0–10, got 11")
    );
    assert_eq!(errs[1].line, 3);
    assert_eq!(errs[1].column, None);
    assert!(matches!(
        errs[1].problem,
        RowProblem::InvalidJsonLine { .. }
    ));
    assert!(rendered(errs)[1]
        .2
        .starts_with("This line is not valid JSON"));
    assert_eq!(errs[2].line, 4);
    // Epoch seconds are accepted as timestamps.
    let l = load_json(
        b"{\"customer\":\"a\",\"stage\":\"x\",\"time\":1710496800}\n{\"customer\":\"b\",\"stage\":\"y\",\"time\":\"2024-03-15T10:00:00Z\"}\n",
        &JsonOptions::default(),
    )
    .unwrap();
    assert_eq!(l.dataset.time(0), Some(T0));
    assert_eq!(l.dataset.time(1), Some(T0));
}

#[test]
fn wrong_shapes_and_not_json() {
    let err = |name: &str| load_json(&fixture(name), &JsonOptions::default()).unwrap_err();
    assert_eq!(
        err("wrong_shape.json").to_string(),
        "The feed is JSON but not a list of events: expected an array or an object with an \"events\" array."
    );
    assert!(matches!(
        err("numbers.json"),
        IngestError::WrongJsonShape { .. }
    ));
    assert!(matches!(
        err("not_json.json"),
        IngestError::NotJson { line: 1, .. }
    ));
    assert!(matches!(
        load_json(b"hello", &JsonOptions::default()),
        Err(IngestError::NotJson { .. })
    ));
    assert_eq!(
        load_json(b"  ", &JsonOptions::default()).unwrap_err(),
        IngestError::Empty
    );
    assert_eq!(
        load_json(b"[]", &JsonOptions::default()).unwrap_err(),
        IngestError::HeaderOnly
    );
    assert!(matches!(
        load_json(b"{\"events\": 3}", &JsonOptions::default()),
        Err(IngestError::WrongJsonShape { .. })
    ));
    assert!(matches!(
        load_json(b"[{\"stage\": \"x\"}]", &JsonOptions::default()),
        Err(IngestError::NoCustomerColumn { .. })
    ));
}
