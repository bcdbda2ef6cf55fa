//! The summary feed read natively: a hand-made feed with hand-computed figures, the
//! "needs event-level data" markers, recognition, and hostile feeds.

use journey_lens::analytics::{Filter, Settings};
use journey_lens::dataset::{DimKey, Role};
use journey_lens::summary::{looks_like_summary, parse, report, SummaryError};
use serde_json::{json, Value};

/// Two customers on 2024-03-01/02 (days 19783, 19784); stages awareness → purchase,
/// touchpoints web, app; personas A, B.
/// x (A): awareness × web, answers 4 (NPS 10) and 1. y (B): purchase × app, answer 5,
/// NPS 3, revenue 100. Only x reached step 1 (y has no awareness event).
fn feed() -> Value {
    json!({
        "journey_lens_summary": 1,
        "engine": "hand-made",
        "meta": {
            "name": "tiny", "stage_order": ["awareness", "purchase"], "order_source": "built_in",
            "conversion_stage": null, "conversion_step": 1,
            "scales": {"satisfaction": {"min": 1.0, "max": 5.0}, "effort": {"min": 1.0, "max": 7.0},
                       "nps": {"min": 0.0, "max": 10.0}},
            "targets": {"nps": 10.0}, "windows_days": [],
            "roles": ["customer_id", "timestamp", "stage", "touchpoint", "persona", "satisfaction", "nps", "revenue"],
            "dimensions": {"persona": ["A", "B"], "stage": ["awareness", "purchase"], "touchpoint": ["web", "app"]},
            "events": 3, "rejected": 0, "customers": 2, "time_range": [1709251200, 1709337600]
        },
        "cells": {
            "day": [19783, 19784], "journey": [-1, -1], "persona": [0, 1], "channel": [-1, -1],
            "stage": [0, 1], "touchpoint": [0, 1], "events": [2, 1],
            "sat_n": [2, 1], "sat_sum": [5.0, 5.0], "sat_sumsq": [17.0, 25.0], "sat_low": [1, 0], "sat_top2": [1, 1],
            "effort_n": [0, 0], "effort_sum": [0.0, 0.0], "effort_sumsq": [0.0, 0.0], "effort_easy": [0, 0],
            "nps0": [0, 0], "nps1": [0, 0], "nps2": [0, 0], "nps3": [0, 1], "nps4": [0, 0], "nps5": [0, 0],
            "nps6": [0, 0], "nps7": [0, 0], "nps8": [0, 0], "nps9": [0, 0], "nps10": [1, 0],
            "revenue_n": [0, 1], "revenue_sum": [0.0, 100.0]
        },
        "cell_customers": {"stage": [0, 1], "touchpoint": [0, 1], "customers": [1, 1]},
        "period_customers": {"month": {"keys": [24290], "customers": [2]},
                             "week": {"keys": [2826], "customers": [2]}},
        "handoffs": {"from": [], "to": [], "count": [], "customers": [], "sat_n": [], "sat_sum": []},
        "handoff_customers": 0,
        "funnels": [{
            "mode": "ordered", "window_days": null,
            "rows": {"cohort_day": [19783], "journey": [-1], "persona": [0], "channel": [-1],
                     "reached": [1], "customers": [1], "repeaters": [0], "converted_revenue": [0.0]},
            "step_days": {"cohort_day": [], "journey": [], "persona": [], "channel": [], "step": [],
                          "day_bucket": [], "n": [], "days_sum": []},
            "exits": {"reached": [1], "touchpoint": [0], "customers": [1]},
            "impact": {"class": [0], "customers": [1], "revenue": [0.0], "converted": [0], "retained": [0]}
        }]
    })
}

fn run(feed: &Value, settings: &Settings, filter: &Filter) -> Value {
    let bytes = serde_json::to_vec(feed).expect("json");
    let r = report(&bytes, settings, filter).expect("the feed is valid");
    serde_json::to_value(&r).expect("json")
}

fn kpi(r: &Value, key: &str) -> Value {
    r["kpis"]["kpis"]
        .as_array()
        .and_then(|k| k.iter().find(|k| k["key"] == key))
        .cloned()
        .unwrap_or(Value::Null)
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[test]
fn recognises_only_summary_feeds() {
    assert!(looks_like_summary(
        b"{\"journey_lens_summary\": 1, \"meta\": {}}"
    ));
    assert!(looks_like_summary(
        b"\xef\xbb\xbf  {\n \"journey_lens_summary\":1}"
    ));
    assert!(!looks_like_summary(b"{\"meta\": {}, \"events\": []}"));
    assert!(!looks_like_summary(b"[{\"journey_lens_summary\": 1}]"));
    assert!(!looks_like_summary(b"customer_id,stage\nC1,Visit\n"));
}

#[test]
fn unfiltered_figures_from_the_cells_and_the_funnel_rows() {
    let r = run(&feed(), &Settings::default(), &Filter::default());
    assert_eq!(r["selection"]["customers"], 2);
    assert_eq!(r["selection"]["events"], 3);
    let steps = r["funnel"]["steps"].as_array().expect("steps");
    assert_eq!(steps[0]["customers"], 1);
    assert_eq!(steps[1]["customers"], 0);
    close(&r["funnel"]["overall_conversion"], 0.0);
    // NPS: answers 10 and 3 → P 1, D 1, N 2 → 0, margin 1.96·100·√(1/2).
    close(&r["nps"]["summary"]["nps"], 0.0);
    close(&r["nps"]["summary"]["margin"], 138.592_929_112_563_3);
    assert_eq!(r["nps"]["distribution"][3], 1);
    assert_eq!(r["nps"]["distribution"][10], 1);
    let cells = r["experience"]["grid"]["cells"].as_array().expect("cells");
    assert_eq!(cells[0]["stage"], "awareness");
    assert_eq!(cells[0]["touchpoint"], "web");
    close(&cells[0]["satisfaction_mean"], 2.5);
    close(&cells[0]["share_negative"], 50.0);
    assert_eq!(cells[0]["customers"], 1);
    // CSAT: 2 of 3 answers in the top two boxes (4, 5).
    close(&kpi(&r, "csat")["value"], 200.0 / 3.0);
    close(&kpi(&r, "revenue_total")["value"], 100.0);
    close(&kpi(&r, "revenue_per_customer")["value"], 50.0);
    assert_eq!(kpi(&r, "nps")["status"], "missed");
    assert_eq!(r["experience"]["exits"][0]["touchpoint"], "web");
    // x reached awareness only and left from web.
    assert_eq!(
        r["experience"]["exits_by_stage"],
        json!([{"stage": "awareness", "exits": [{"touchpoint": "web", "customers": 1}]}])
    );
    // Flows follow each customer's path: a summary says it cannot, and draws nothing.
    assert_eq!(r["flows"]["needs_events"], true);
    assert_eq!(r["flows"]["steps"], json!([]));
    assert_eq!(r["kpis"]["impact"]["promoters"], 1);
    let needs: Vec<&str> = r["needs_events"]
        .as_array()
        .expect("needs")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(needs.contains(&"funnel.steps.*.median_days_from_previous"));
    assert!(needs.contains(&"experience.priority"));
    assert!(needs.contains(&"kpis.kpis.median_days_to_convert"));
    assert!(!needs.contains(&"funnel"));
    assert!(!needs.contains(&"selection.customers"));
    assert!(needs.contains(&"flows"));
    assert!(!needs.contains(&"experience.exits_by_stage"));
}

#[test]
fn a_feed_without_exit_steps_marks_exits_by_stage() {
    let mut f = feed();
    f["funnels"][0]["exits"] = json!({"touchpoint": [0], "customers": [1]});
    let r = run(&f, &Settings::default(), &Filter::default());
    assert_eq!(r["experience"]["exits"][0]["customers"], 1);
    assert_eq!(r["experience"]["exits_by_stage"], json!([]));
    let needs = r["needs_events"].as_array().expect("needs");
    assert!(needs.contains(&json!("experience.exits_by_stage")));
}

#[test]
fn a_filter_keeps_cells_and_marks_what_needs_events() {
    let filter = Filter::default().with(Role::Persona, "B");
    let r = run(&feed(), &Settings::default(), &filter);
    assert_eq!(r["selection"]["events"], 1);
    // Only y's answer 3: NPS −100.
    close(&r["nps"]["summary"]["nps"], -100.0);
    close(&kpi(&r, "csat")["value"], 100.0);
    let needs: Vec<&str> = r["needs_events"]
        .as_array()
        .expect("needs")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for path in [
        "funnel",
        "selection.customers",
        "experience.exits",
        "experience.exits_by_stage",
        "experience.handoffs",
        "experience.grid.cells.*.customers",
        "kpis.kpis.customers",
        "kpis.impact",
    ] {
        assert!(needs.contains(&path), "{path} not marked: {needs:?}");
    }
    // A dimension the feed does not carry: nothing is guessed.
    let r = run(
        &feed(),
        &Settings::default(),
        &Filter::default().with(DimKey::Extra(0), "North"),
    );
    assert_eq!(r["needs_events"][0], "selection.dimension");
    assert_eq!(r["needs_events"][1], "selection");
    assert_eq!(r["selection"]["events"], 0);
    // A range inside a day cannot be cut from daily cells.
    let inside = Filter {
        from: Some("2024-03-01T12:00".into()),
        ..Filter::default()
    };
    let r = run(&feed(), &Settings::default(), &inside);
    assert_eq!(r["needs_events"][0], "selection.partial_day");
}

fn inconsistent(table: &str) -> SummaryError {
    SummaryError::Inconsistent {
        table: table.into(),
    }
}

#[test]
fn hostile_feeds_get_a_sentence() {
    let mut f = feed();
    f["cells"]["stage"][0] = json!(7);
    let err = parse(&serde_json::to_vec(&f).expect("json")).expect_err("code out of range");
    assert_eq!(err, inconsistent("cells"));
    let mut f = feed();
    f["cells"]["events"] = json!([1]);
    let err = parse(&serde_json::to_vec(&f).expect("json")).expect_err("ragged table");
    assert_eq!(err, inconsistent("cells"));
    let mut f = feed();
    f["funnels"][0]["rows"]["reached"][0] = json!(9);
    assert!(parse(&serde_json::to_vec(&f).expect("json")).is_err());
    let mut f = feed();
    f["journey_lens_summary"] = json!(2);
    let err = parse(&serde_json::to_vec(&f).expect("json")).expect_err("version");
    assert_eq!(err, SummaryError::Version { found: 2 });
    assert_eq!(
        err.to_string(),
        "This summary feed has version 2; this Journey Lens reads version 1."
    );
    assert!(parse(b"{\"journey_lens_summary\": 1").is_err());
    // Codes for a role the source does not have, days no journey spans.
    let mut f = feed();
    f["meta"]["roles"] = json!([
        "customer_id",
        "timestamp",
        "stage",
        "persona",
        "satisfaction",
        "nps",
        "revenue"
    ]);
    let err = parse(&serde_json::to_vec(&f).expect("json")).expect_err("touchpoint role absent");
    assert_eq!(err, inconsistent("cells"));
    let mut f = feed();
    f["meta"]["time_range"] = json!([-9_000_000_000_000_000_000i64, 9_000_000_000_000_000_000i64]);
    let err = parse(&serde_json::to_vec(&f).expect("json")).expect_err("time range");
    assert_eq!(err, inconsistent("meta"));
    let mut f = feed();
    f["cells"]["day"][0] = json!(i64::MAX);
    assert!(parse(&serde_json::to_vec(&f).expect("json")).is_err());
}
