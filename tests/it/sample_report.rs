//! The bundled sample's report, checked against figures computed independently of the
//! code under test (a short Python script over the CSV applying the written definitions in
//! docs/metrics.md: ordered funnel with earliest-qualifying times, NPS over rows with an
//! answer, CSAT top-2-box). If the sample is regenerated, these figures must be re-derived.

use journey_lens::analytics::{compute, report_json, Filter, Prepared, Settings};
use journey_lens::ingest::{load_csv, CsvOptions};

fn sample_report() -> journey_lens::analytics::Report {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/sample/journeys.csv"
    ))
    .expect("the bundled sample is part of the repository");
    let loaded = load_csv(&bytes, &CsvOptions::default()).expect("the sample loads");
    assert_eq!(loaded.report.rows_loaded, 3000);
    assert_eq!(loaded.report.rows_rejected, 0);
    let prep = Prepared::new(&loaded.dataset);
    compute(
        &loaded.dataset,
        &prep,
        &Settings::default(),
        &Filter::default(),
    )
}

#[test]
fn sample_funnel_nps_and_kpis_match_independent_figures() {
    let r = sample_report();
    assert_eq!(r.selection.events, 3000);
    assert_eq!(r.selection.customers, 586);

    let steps: Vec<(&str, u64)> = r
        .funnel
        .steps
        .iter()
        .map(|s| (s.stage.as_str(), s.customers))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("awareness", 586),
            ("consideration", 373),
            ("purchase", 211),
            ("retention", 129),
            ("advocacy", 63)
        ]
    );
    assert_eq!(r.funnel.conversion_stage.as_deref(), Some("purchase"));
    // 211 / 586 = 36.006…%
    let conv = r.funnel.overall_conversion.unwrap();
    assert!((conv - 36.006_825_938_566_55).abs() < 1e-9, "{conv}");

    // 482 answers: 219 promoters, 98 detractors → 100 × 121 / 482 = 25.1037…
    assert_eq!(r.nps.summary.responses, 482);
    assert_eq!(r.nps.summary.promoters, 219);
    assert_eq!(r.nps.summary.detractors, 98);
    assert!((r.nps.summary.nps.unwrap() - 25.103_734_439_834_025).abs() < 1e-9);

    // 913 of 1767 satisfaction answers are 4 or 5.
    let csat = r.kpis.value("csat").unwrap();
    assert!((csat - 51.669_496_321_448_78).abs() < 1e-9, "{csat}");
    let revenue = r.kpis.value("revenue_total").unwrap();
    assert!((revenue - 28_591.49).abs() < 1e-6, "{revenue}");
}

#[test]
fn sample_kpi_cards_compare_november_with_october() {
    // The latest event is on 2025-12-31, so the last complete month is 2025-11, compared
    // with 2025-10 (same script, rows whose timestamp starts with the month).
    let k = sample_report().kpis;
    assert_eq!(k.current_period.as_deref(), Some("2025-11"));
    assert_eq!(k.previous_period.as_deref(), Some("2025-10"));
    // CSAT: 64 of 125 = 51.2 % against 78 of 130 = 60.0 %: −8.8 points; pooled
    // 142/255, z = −1.4143, p = 0.1573 → no clear change.
    let csat = k.get("csat").unwrap();
    assert!((csat.current.unwrap() - 51.2).abs() < 1e-9);
    assert!((csat.previous.unwrap() - 60.0).abs() < 1e-9);
    assert!((csat.change.unwrap() + 8.8).abs() < 1e-9);
    assert!((csat.change_p.unwrap() - 0.157_317).abs() < 1e-6);
    assert_eq!(csat.change_clear, Some(false));
    // NPS: 9 P / 6 D of 28 = 10.71 against 21 P / 8 D of 41 = 31.71: −20.99 points,
    // p = 0.2516 → no clear change.
    let nps = k.get("nps").unwrap();
    assert!((nps.change.unwrap() + 20.993_031).abs() < 1e-6);
    assert!((nps.change_p.unwrap() - 0.251_550).abs() < 1e-6);
    assert_eq!(nps.change_clear, Some(false));
    // Revenue 1,473.32 against 3,716.15: −60.35 %, a count-like figure in percent, untested.
    let rev = k.get("revenue_total").unwrap();
    assert!((rev.current.unwrap() - 1_473.32).abs() < 1e-6);
    assert!((rev.change.unwrap() + 60.353_592).abs() < 1e-6);
    assert_eq!(rev.change_clear, None);
    // 219 events against 243: −9.88 %.
    let i = k.get("interactions").unwrap();
    assert_eq!((i.current, i.previous), (Some(219.0), Some(243.0)));
    assert!((i.change.unwrap() + 9.876_543).abs() < 1e-6);
}

#[test]
fn sample_report_json_has_the_four_sections() {
    let json: serde_json::Value = serde_json::from_str(&report_json(&sample_report())).unwrap();
    for section in ["funnel", "experience", "nps", "kpis"] {
        assert!(json.get(section).is_some(), "missing {section}");
    }
    assert_eq!(json["funnel"]["steps"][0]["customers"], 586);
}
