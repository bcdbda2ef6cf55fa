//! Scratch: dumps report JSON for a matrix of cases (compare old vs new analytics).
use journey_lens::analytics::{compute, report_json, Filter, FunnelMode, PeriodKind, Prepared, Settings};
use journey_lens::generate::{self, rng::Rng, Events, GenEvent};

#[test]
fn dump() {
    let dir = std::env::var("JL_GOLDEN_DIR").unwrap();
    let rows: usize = std::env::var("JL_ROWS").map(|s| s.parse().unwrap()).unwrap_or(100_000);
    let sorted = generate::dataset(rows, 11);
    let mut events: Vec<GenEvent> = Events::new(rows, 11).collect();
    let mut rng = Rng::new(3);
    for i in (1..events.len()).rev() {
        events.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let shuffled = generate::dataset_from(events.into_iter());
    let settings: Vec<(&str, Settings)> = vec![
        ("default", Settings::default()),
        ("bpersona", Settings { breakdown: Some("persona".into()), ..Settings::default() }),
        ("bregion", Settings { breakdown: Some("region".into()), nps_latest_only: true, ..Settings::default() }),
        ("any30", Settings { mode: FunnelMode::AnyOrder, window_days: Some(30.0), ..Settings::default() }),
        ("ord10", Settings { mode: FunnelMode::Ordered, window_days: Some(10.0), period: PeriodKind::Week, sparkline_periods: 30, ..Settings::default() }),
        ("min5", Settings { min_count: 5, top_handoffs: 3, comments_limit: 5, ..Settings::default() }),
    ];
    let filters: Vec<(&str, Filter)> = vec![
        ("all", Filter::all()),
        ("persona", Filter::all().with("persona", "Loyal regular")),
        ("months", Filter::all().between(Some("2025-03-01"), Some("2025-05-31"))),
        ("region", Filter::all().with("region", "East").with("channel", "online")),
        ("tp", Filter::all().with("touchpoint", "Website").with("touchpoint", "Mobile app").between(Some("2024-06-01"), None)),
    ];
    for (dname, ds) in [("sorted", &sorted), ("shuffled", &shuffled)] {
        let prep = Prepared::new(ds);
        for (sn, s) in &settings {
            for (fname, f) in &filters {
                if dname == "shuffled" && *fname != "all" && *fname != "persona" { continue; }
                let r = compute(ds, &prep, s, f);
                std::fs::write(format!("{dir}/{dname}-{sn}-{fname}.json"), report_json(&r)).unwrap();
            }
        }
    }
}
