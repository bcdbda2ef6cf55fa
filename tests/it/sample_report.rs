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
fn sample_report_json_has_the_four_sections() {
    let json: serde_json::Value = serde_json::from_str(&report_json(&sample_report())).unwrap();
    for section in ["funnel", "experience", "nps", "kpis"] {
        assert!(json.get(section).is_some(), "missing {section}");
    }
    assert_eq!(json["funnel"]["steps"][0]["customers"], 586);
}
