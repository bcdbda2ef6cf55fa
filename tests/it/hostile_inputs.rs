//! Hostile and careless inputs (issue 17): records of the wrong shape are never loaded
//! silently, and shapes that used to crash, freeze or exhaust memory end cleanly. Every
//! input is generated here rather than stored as a fixture, and every expected number was
//! worked out by hand from the generated text.

use journey_lens::analytics::{compute, report_json, Filter, Prepared, Settings};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};
use journey_lens::ingest::{load_csv, load_json, CsvLoader, CsvOptions, IngestError, JsonOptions};
use journey_lens::ingest::{LoadNote, Loaded, RowError, RowProblem};

fn csv(text: &str) -> Loaded {
    load_csv(text.as_bytes(), &CsvOptions::default()).expect("the file should load")
}

/// The same file pushed in 7-byte pieces, as the browser does with bigger ones.
fn csv_chunked(text: &str) -> Loaded {
    let mut loader = CsvLoader::new(CsvOptions::default());
    for piece in text.as_bytes().chunks(7) {
        loader.push(piece).expect("push");
    }
    loader.finish().expect("the file should load")
}

fn json(text: &str) -> Result<Loaded, IngestError> {
    load_json(text.as_bytes(), &JsonOptions::default())
}

/// Runs every view the way `journey-lens report` does and returns the JSON length.
fn full_report(loaded: &Loaded) -> usize {
    let ds = &loaded.dataset;
    let prep = Prepared::new(ds);
    let report = compute(ds, &prep, &Settings::default(), &Filter::default());
    report_json(&report).len()
}

fn errors_at(loaded: &Loaded, line: u64) -> Vec<&RowError> {
    loaded
        .report
        .errors
        .iter()
        .filter(|e| e.line == line)
        .collect()
}

const HEAD: &str = "customer_id,stage,touchpoint,satisfaction\n";

#[test]
fn short_long_and_exact_records() {
    let text = format!(
        "{HEAD}\
c1,visit,web,4\n\
c2,visit\n\
c3,visit,web,4,surprise\n\
c4,visit,web,4,,\n\
c5,buy,shop,5\n"
    );
    for loaded in [csv(&text), csv_chunked(&text)] {
        // c1, c2 (short: trailing values empty), c4 (extra fields empty) and c5 load.
        assert_eq!(loaded.report.rows_loaded, 4);
        assert_eq!(loaded.report.rows_rejected, 1);
        let e = errors_at(&loaded, 4);
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].problem,
            RowProblem::WrongWidth {
                values: 5,
                columns: 4
            }
        );
        assert_eq!(
            loaded.rejected[0].fields,
            ["c3", "visit", "web", "4", "surprise"]
        );
        let notes = &loaded.report.notes;
        assert!(
            notes.contains(&LoadNote::ShortRows { count: 1 }),
            "{notes:?}"
        );
        assert!(
            notes.contains(&LoadNote::LongEmptyRows { count: 1 }),
            "{notes:?}"
        );
    }
}

/// A 48-row file with an unclosed quote at line 12 used to load as 1 row whose stage
/// name held the rest of the file.
#[test]
fn unclosed_quote_rejects_its_line_and_keeps_the_lines_it_swallowed() {
    let mut text = String::from(HEAD);
    for i in 1..=48 {
        if i == 11 {
            // File line 12 (the header is line 1).
            text.push_str("c11,\"visit,web,4\n");
        } else {
            text.push_str(&format!("c{i},visit,web,4\n"));
        }
    }
    for loaded in [csv(&text), csv_chunked(&text)] {
        assert_eq!(loaded.report.rows_loaded, 47);
        assert_eq!(loaded.report.rows_rejected, 1);
        assert_eq!(loaded.dataset.customer_count(), 47);
        let e = errors_at(&loaded, 12);
        assert_eq!(e.len(), 1);
        assert!(
            matches!(
                e[0].problem,
                RowProblem::UnclosedQuote {
                    columns: 4,
                    from: 12,
                    to: 49,
                    ..
                }
            ),
            "{:?}",
            e[0].problem
        );
        assert_eq!(loaded.rejected[0].fields, ["c11,\"visit,web,4"]);
        // No stage name swallowed other lines.
        let stages = &loaded.dataset.stage.as_ref().expect("stage").values;
        assert_eq!(stages, &["visit"]);
    }
}

/// A quote that closes two lines later: the record is refused, the two lines inside are
/// read again, and the line after it is read normally.
#[test]
fn quote_closed_later_keeps_the_rows_around_it() {
    let text = format!(
        "{HEAD}\
c1,visit,web,4\n\
c2,\"visit,web,4\n\
c3,visit,web,4\n\
c4,visit,\"web,4\n\
c5,buy,shop,5\n"
    );
    let loaded = csv(&text);
    // From line 3 the quoted field runs to the quote on line 5, so the record is
    // [c2, "visit,web,4\nc3,visit,web,4\nc4,visit,web", 4]: 3 fields over lines 3-5.
    // Line 3 is refused; lines 4 and 5 are read again: line 4 loads, line 5 on its own
    // opens a quote it never closes ([c4, visit, "web,4"]: 3 fields) and is refused too.
    assert_eq!(loaded.report.rows_rejected, 2);
    assert!(matches!(
        errors_at(&loaded, 3)[0].problem,
        RowProblem::UnclosedQuote {
            values: 3,
            columns: 4,
            from: 3,
            to: 5
        }
    ));
    assert_eq!(
        errors_at(&loaded, 5)[0].problem,
        RowProblem::WrongWidth {
            values: 3,
            columns: 4
        }
    );
    assert_eq!(loaded.report.rows_loaded, 3);
    let customers = &loaded.dataset.customer.values;
    assert_eq!(customers, &["c1", "c3", "c5"]);
}

/// A quoted comment over two lines is a normal CSV record and still loads.
#[test]
fn legitimate_multiline_field_loads() {
    let text = "customer_id,stage,comment\nc1,visit,\"great\nservice\"\nc2,buy,ok\n";
    let loaded = csv(text);
    assert_eq!(loaded.report.rows_loaded, 2);
    assert_eq!(loaded.report.rows_rejected, 0);
}

#[test]
fn implausible_timestamps_are_cell_errors() {
    let feed = r#"[
 {"customer_id": "a", "stage": "visit", "timestamp": 1e20},
 {"customer_id": "b", "stage": "visit", "timestamp": 1700000000000000000},
 {"customer_id": "c", "stage": "visit", "timestamp": 1700000000000},
 {"customer_id": "d", "stage": "visit", "timestamp": 1700000000},
 {"customer_id": "e", "stage": "visit", "timestamp": -9e15}
]"#;
    let loaded = json(feed).expect("the feed loads");
    assert_eq!(loaded.report.rows_loaded, 2);
    assert_eq!(loaded.report.rows_rejected, 3);
    for line in [1, 2, 5] {
        let e = errors_at(&loaded, line);
        assert_eq!(e.len(), 1, "event {line}");
        assert!(
            matches!(
                e[0].problem,
                RowProblem::DateOutOfRange {
                    min_year: 1900,
                    max_year: 2200,
                    ..
                }
            ),
            "{:?}",
            e[0].problem
        );
    }
    // 1.7e12 ms and 1.7e9 s are the same instant, 2023-11-14T22:13:20Z.
    let ts = loaded.dataset.timestamp.as_ref().expect("timestamps");
    assert_eq!(ts, &[1_700_000_000, 1_700_000_000]);
    assert!(full_report(&loaded) > 0);

    let text = "customer_id,stage,timestamp\n\
a,visit,2500-01-01\n\
b,visit,01/01/1850\n\
c,visit,15.03.2024\n\
d,visit,31.12.1899 23:59\n";
    let loaded = csv(text);
    assert_eq!(loaded.report.rows_loaded, 1);
    assert_eq!(loaded.report.rows_rejected, 3);
    for line in [2, 3, 5] {
        assert!(matches!(
            errors_at(&loaded, line)[0].problem,
            RowProblem::DateOutOfRange { .. }
        ));
    }
}

#[test]
fn revenue_is_zero_not_missing_for_periods_without_sales() {
    const DAY: i64 = 86_400;
    const JAN1: i64 = 1_704_067_200; // 2024-01-01
    const FEB1: i64 = JAN1 + 31 * DAY;
    const MAR1: i64 = FEB1 + 29 * DAY;
    let cols = Columns {
        timestamp: true,
        stage: true,
        revenue: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let ev = |c: &'static str, t: i64, stage: &'static str, revenue: Option<f64>| Event {
        customer: c,
        timestamp: Some(t),
        stage: Some(stage),
        revenue,
        ..Event::default()
    };
    // January: one sale of 100. February: customers, no sales. March (incomplete): a visit.
    for e in [
        ev("a", JAN1 + DAY, "purchase", Some(100.0)),
        ev("b", FEB1 + DAY, "awareness", None),
        ev("c", FEB1 + 2 * DAY, "awareness", None),
        ev("d", MAR1 + DAY, "awareness", None),
    ] {
        b.push(&e);
    }
    let ds = b.finish();
    let prep = Prepared::new(&ds);
    let r = compute(&ds, &prep, &Settings::default(), &Filter::default());
    let k = r.kpis.get("revenue_total").expect("revenue KPI");
    assert_eq!(k.value, Some(100.0));
    assert_eq!(k.current, Some(0.0));
    assert_eq!(k.previous, Some(100.0));
    assert_eq!(k.delta_pct, Some(-100.0));
    let per = r.kpis.get("revenue_per_customer").expect("per customer");
    assert_eq!(per.current, Some(0.0));
    assert_eq!(per.value, Some(25.0));

    // A segment with customers but no revenue rows (the filter keeps b and c): 0, not n/a.
    let mut segment = Filter::default();
    segment.dims.insert(
        journey_lens::dataset::DimKey::Role(journey_lens::dataset::Role::Stage),
        ["awareness".to_string()].into(),
    );
    let r = compute(&ds, &prep, &Settings::default(), &segment);
    let k = r.kpis.get("revenue_total").expect("revenue KPI");
    assert_eq!(k.value, Some(0.0));
    assert_eq!(k.unavailable, None);
    let per = r.kpis.get("revenue_per_customer").expect("per customer");
    assert_eq!(per.value, Some(0.0));

    // Without a revenue column the KPI stays n/a.
    let cols = Columns {
        timestamp: true,
        stage: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    b.push(&ev("a", JAN1, "purchase", None));
    let ds = b.finish();
    let prep = Prepared::new(&ds);
    let r = compute(&ds, &prep, &Settings::default(), &Filter::default());
    let k = r.kpis.get("revenue_total").expect("revenue KPI");
    assert_eq!(k.value, None);
    assert_eq!(
        k.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("revenue")
    );
}

#[test]
fn thousands_of_identical_headers() {
    // 1,999 columns named "x" plus the customer: allowed, renamed in linear time.
    let mut text = String::from("customer_id");
    for _ in 0..1_999 {
        text.push_str(",x");
    }
    text.push_str(",stage\nc1");
    text.push_str(&",v".repeat(1_999));
    text.push_str(",visit\n");
    let err = load_csv(text.as_bytes(), &CsvOptions::default())
        .map(|_| ())
        .unwrap_err();
    // 2,001 columns: one more than the limit.
    assert_eq!(err, IngestError::TooManyColumns { limit: 2_000 });

    let mut text = String::from("customer_id,stage");
    for _ in 0..1_998 {
        text.push_str(",x");
    }
    text.push_str("\nc1,visit\n");
    let loaded = csv(&text);
    assert_eq!(loaded.headers[2], "x");
    assert_eq!(loaded.headers[3], "x (2)");
    assert_eq!(loaded.headers[1_999], "x (1998)");
    assert_eq!(loaded.report.rows_loaded, 1);
    // Only 64 of the 1,998 extra columns are kept as filters.
    assert_eq!(loaded.dataset.extras.len(), 64);
    assert!(loaded.report.notes.contains(&LoadNote::DimensionsCapped {
        kept: 64,
        dropped: 1934
    }));
    assert!(full_report(&loaded) > 0);

    // The classic 5,000 identical headers are refused at once.
    let text = format!(
        "{}\n{}\n",
        vec!["a"; 5_000].join(","),
        vec!["1"; 5_000].join(",")
    );
    let err = load_csv(text.as_bytes(), &CsvOptions::default())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err, IngestError::TooManyColumns { limit: 2_000 });
}

#[test]
fn json_events_with_all_different_keys() {
    // A 1 MB feed whose every event has its own key.
    let mut feed = String::from("[");
    for i in 0..40_000 {
        feed.push_str(&format!("{{\"customer_id\":\"c{i}\",\"k{i}\":1}},"));
    }
    feed.push_str("{\"customer_id\":\"z\",\"stage\":\"visit\"}]");
    assert!(feed.len() > 1_000_000);
    let err = json(&feed).map(|_| ()).unwrap_err();
    assert_eq!(err, IngestError::TooManyColumns { limit: 2_000 });

    // 100 sparse keys are fine: the extra ones are kept up to 64 filters.
    let mut feed = String::from("[");
    for i in 0..1_000 {
        feed.push_str(&format!(
            "{{\"customer_id\":\"c{i}\",\"stage\":\"visit\",\"k{}\":\"v\"}},",
            i % 100
        ));
    }
    feed.pop();
    feed.push(']');
    let loaded = json(&feed).expect("loads");
    assert_eq!(loaded.report.rows_loaded, 1_000);
    assert_eq!(loaded.dataset.extras.len(), 64);
    assert!(full_report(&loaded) > 0);
}

#[test]
fn long_stage_order_in_meta() {
    let names: Vec<String> = (0..100_000).map(|i| format!("\"s{i}\"")).collect();
    let feed = format!(
        "{{\"meta\": {{\"stage_order\": [{}]}}, \"events\": [\
         {{\"customer_id\": \"a\", \"stage\": \"s1\"}}, {{\"customer_id\": \"a\", \"stage\": \"s0\"}}]}}",
        names.join(",")
    );
    let loaded = json(&feed).expect("loads");
    assert_eq!(loaded.report.rows_loaded, 2);
    let ds = &loaded.dataset;
    let prep = Prepared::new(ds);
    let r = compute(ds, &prep, &Settings::default(), &Filter::default());
    assert_eq!(r.funnel.steps[0].stage, "s0");
    assert_eq!(r.funnel.steps[1].stage, "s1");
    // Only the two stages the data has are steps, and the funnel says why.
    assert_eq!(r.funnel.steps.len(), 2);
    assert!(r
        .funnel
        .notes
        .contains(&journey_lens::analytics::FunnelNote::LongOrderTrimmed {
            listed: 100_000,
            absent: 99_998,
        }));
}

#[test]
fn nul_bytes_after_the_sniffed_head_are_not_text() {
    // 70 KB of good rows, then two rows holding NUL bytes, then a good row.
    let mut text = String::from(HEAD);
    let mut lines = 1u64;
    while text.len() < 70_000 {
        text.push_str(&format!("c{lines},visit,web,4\n"));
        lines += 1;
    }
    text.push_str("n1,vis\0it,web,4\n\0\0\0,\0,\0,\0\nlast,buy,shop,5\n");
    for loaded in [csv(&text), csv_chunked(&text)] {
        assert_eq!(loaded.report.rows_rejected, 2);
        assert_eq!(loaded.report.rows_loaded as u64, lines);
        let e = errors_at(&loaded, lines + 1);
        assert_eq!(e[0].problem, RowProblem::NulBytes);
        let stages = &loaded.dataset.stage.as_ref().expect("stage").values;
        assert!(stages.iter().all(|s| !s.contains('\0')));
    }
}

/// The command line runs the same code as the browser: a hostile feed ends with a
/// report, not an abort.
#[test]
fn cli_report_ends_cleanly_on_a_hostile_feed() {
    let dir = std::env::temp_dir().join(format!("jl-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("feed.json");
    std::fs::write(
        &path,
        r#"{"events": [{"customer_id": "a", "stage": "visit", "timestamp": 1e20},
                      {"customer_id": "b", "stage": "visit", "timestamp": 1700000000}]}"#,
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_journey-lens"))
        .arg("report")
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["selection"]["customers"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}
