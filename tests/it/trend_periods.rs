//! Every trend (the funnel's cohort trend, the NPS trend, the KPI sparklines) follows one
//! setting: by week, month or quarter. Figures are counted by hand from the customers below;
//! period labels are checked as written in all four languages.

use journey_lens::analytics::{compute, Filter, PeriodKind, Prepared, Report, Settings};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};
use journey_lens::format;
use journey_lens::i18n::Lang;

/// 2024-01-10, 2024-02-10, 2024-04-10 and 2024-05-10, 00:00 UTC.
const JAN10: i64 = 1_704_844_800;
const FEB10: i64 = 1_707_523_200;
const APR10: i64 = 1_712_707_200;
const MAY10: i64 = 1_715_299_200;
const HOUR: i64 = 3_600;

/// Q1 2024: four customers enter (two in January, two in February), one buys; NPS answers
/// 10, 10, 7, 3 → (2 − 1) / 4 = +25. Q2 2024: two enter (April, May), both buy; NPS
/// 10 and 3 → 0.
fn report(period: PeriodKind) -> Report {
    let cols = Columns {
        timestamp: true,
        stage: true,
        nps: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let people: [(&str, i64, bool, f64); 6] = [
        ("a", JAN10, true, 10.0),
        ("b", JAN10, false, 10.0),
        ("c", FEB10, false, 7.0),
        ("d", FEB10, false, 3.0),
        ("e", APR10, true, 10.0),
        ("f", MAY10, true, 3.0),
    ];
    for (c, t, buys, nps) in people {
        b.push(&Event {
            customer: c,
            timestamp: Some(t),
            stage: Some("Awareness"),
            nps: Some(nps),
            ..Event::default()
        });
        if buys {
            b.push(&Event {
                customer: c,
                timestamp: Some(t + HOUR),
                stage: Some("Purchase"),
                ..Event::default()
            });
        }
    }
    let ds = b.finish();
    let s = Settings {
        period,
        stage_order: Some(vec!["Awareness".into(), "Purchase".into()]),
        conversion_stage: Some("Purchase".into()),
        ..Settings::default()
    };
    compute(&ds, &Prepared::new(&ds), &s, &Filter::all())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn every_trend_by_quarter() {
    let r = report(PeriodKind::Quarter);
    let nps: Vec<&str> = r.nps.trend.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(nps, ["2024-Q1", "2024-Q2"]);
    close(r.nps.trend[0].summary.nps, 25.0);
    close(r.nps.trend[1].summary.nps, 0.0);
    let cohorts: Vec<(&str, u64, u64)> = r
        .funnel
        .trend
        .iter()
        .map(|c| (c.period.as_str(), c.started, c.converted))
        .collect();
    assert_eq!(cohorts, [("2024-Q1", 4, 1), ("2024-Q2", 2, 2)]);
    let conv = r
        .kpis
        .kpis
        .iter()
        .find(|k| k.key == "conversion_rate")
        .expect("conversion KPI");
    let spark: Vec<(&str, bool)> = conv
        .sparkline
        .iter()
        .map(|p| (p.period.as_str(), p.complete))
        .collect();
    // Q2 holds the latest event, so it may still be filling up.
    assert_eq!(spark, [("2024-Q1", true), ("2024-Q2", false)]);
}

#[test]
fn every_trend_by_month_and_week() {
    let r = report(PeriodKind::Month);
    let nps: Vec<&str> = r.nps.trend.iter().map(|p| p.period.as_str()).collect();
    // March has no answers: the NPS trend leaves it out rather than drawing a zero.
    assert_eq!(nps, ["2024-01", "2024-02", "2024-04", "2024-05"]);
    // January: 10, 10 → +100; February: 7, 3 → −50.
    close(r.nps.trend[0].summary.nps, 100.0);
    close(r.nps.trend[1].summary.nps, -50.0);
    let cohorts: Vec<(&str, u64, u64)> = r
        .funnel
        .trend
        .iter()
        .map(|c| (c.period.as_str(), c.started, c.converted))
        .collect();
    // Nobody entered in March: no cohort, no point.
    assert_eq!(
        cohorts,
        [
            ("2024-01", 2, 1),
            ("2024-02", 2, 0),
            ("2024-04", 1, 1),
            ("2024-05", 1, 1)
        ]
    );
    let r = report(PeriodKind::Week);
    // ISO weeks: 2024-01-10 (Wednesday) is in week 2, 2024-02-10 (Saturday) in week 6,
    // 2024-04-10 in week 15 and 2024-05-10 in week 19.
    let weeks: Vec<&str> = r.nps.trend.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(weeks, ["2024-W02", "2024-W06", "2024-W15", "2024-W19"]);
    let cohorts: Vec<&str> = r.funnel.trend.iter().map(|c| c.period.as_str()).collect();
    assert_eq!(cohorts, ["2024-W02", "2024-W06", "2024-W15", "2024-W19"]);
}

#[test]
fn quarter_labels_read_well_in_every_language() {
    assert_eq!(format::period(Lang::En, "2024-Q1"), "2024-Q1");
    assert_eq!(format::period(Lang::Ca, "2024-Q1"), "1T 2024");
    assert_eq!(format::period(Lang::Es, "2024-Q2"), "2T 2024");
    assert_eq!(format::period(Lang::Pl, "2024-Q4"), "IV kw. 2024");
    // Weeks and months the same way.
    assert_eq!(format::period(Lang::Pl, "2024-W02"), "2024, tydz. 2");
    assert_eq!(format::period(Lang::Es, "2024-03"), "mar 2024");
    // Not a quarter: left as written.
    assert_eq!(format::period(Lang::Ca, "2024-Q5"), "2024-Q5");
}
