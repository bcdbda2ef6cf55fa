//! The KPI period: a card's value and change refer to one named period (month, quarter,
//! year or custom, against the previous period or the same one a year before); rates and
//! scores change in points, counts in percent; a change the data can't tell from noise is
//! marked. Every figure below is counted by hand from the dataset built here.

use journey_lens::analytics::kpis::ChangeUnit;
use journey_lens::analytics::{
    compute, Filter, KpiCompare, KpiPeriod, KpiPeriodKind, PeriodKind, Prepared, Report, Settings,
};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};

const DAY: i64 = 86_400;
/// 2023-02-10, 2024-01-10, 2024-02-10 and 2024-03-10, 00:00 UTC.
const FEB10_2023: i64 = 1_675_987_200;
const JAN10: i64 = 1_704_844_800;
const FEB10: i64 = JAN10 + 31 * DAY;
const MAR10: i64 = FEB10 + 29 * DAY;

/// One block of 100 one-event customers in a month: `top` of them answer satisfaction 5
/// (top-2-box), the rest 2; NPS answers `p` promoters (10), `d` detractors (3), the rest
/// passives (7); `nps = false` leaves NPS unanswered.
fn block(
    prefix: &str,
    t: i64,
    top: usize,
    nps: Option<(usize, usize)>,
) -> Vec<(String, i64, f64, Option<f64>)> {
    (0..100)
        .map(|i| {
            let sat = if i < top { 5.0 } else { 2.0 };
            let answer = nps.map(|(p, d)| {
                if i < p {
                    10.0
                } else if i >= 100 - d {
                    3.0
                } else {
                    7.0
                }
            });
            (format!("{prefix}{i}"), t + i as i64 * 60, sat, answer)
        })
        .collect()
}

/// 2023-02: CSAT 30/100. 2024-01: CSAT 20/100, NPS 40 P / 30 / 30 D (= 10).
/// 2024-02: CSAT 40/100, NPS 50 P / 30 / 20 D (= 30). 2024-03: one visit, no answers
/// (so February 2024 is the last complete month).
fn report(s: &Settings) -> Report {
    let cols = Columns {
        timestamp: true,
        satisfaction: true,
        nps: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let mut rows = block("o", FEB10_2023, 30, None);
    rows.extend(block("j", JAN10, 20, Some((40, 30))));
    rows.extend(block("f", FEB10, 40, Some((50, 20))));
    for (c, t, sat, nps) in &rows {
        b.push(&Event {
            customer: c,
            timestamp: Some(*t),
            satisfaction: Some(*sat),
            nps: *nps,
            ..Event::default()
        });
    }
    b.push(&Event {
        customer: "m",
        timestamp: Some(MAR10),
        ..Event::default()
    });
    let ds = b.finish();
    compute(&ds, &Prepared::new(&ds), s, &Filter::all())
}

fn close(a: Option<f64>, b: f64, tol: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < tol, "{a} != {b}");
}

fn with(kind: KpiPeriodKind, compare: KpiCompare, at: Option<&str>) -> Settings {
    Settings {
        kpi_period: KpiPeriod {
            kind,
            compare,
            at: at.map(str::to_string),
            ..KpiPeriod::default()
        },
        ..Settings::default()
    }
}

#[test]
fn month_against_the_month_before_in_points_and_percent() {
    let k = report(&Settings::default()).kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-02"));
    assert_eq!(k.previous_period.as_deref(), Some("2024-01"));
    // CSAT 40 % vs 20 %: +20 points (not +100 %). Pooled 0.3, z = 0.2/0.0648074 = 3.086,
    // p = 0.00203: a clear change.
    let csat = k.get("csat").unwrap();
    assert_eq!((csat.current, csat.previous), (Some(40.0), Some(20.0)));
    assert_eq!(csat.change_unit, ChangeUnit::Points);
    close(csat.change, 20.0, 1e-9);
    close(csat.delta_pct, 100.0, 1e-9);
    close(csat.change_p, 0.002_03, 1e-5);
    assert_eq!(csat.change_clear, Some(true));
    // NPS 30 vs 10: +20 points, inside the margin of the difference (22.35): p = 0.0794,
    // no clear change.
    let nps = k.get("nps").unwrap();
    assert_eq!((nps.current, nps.previous), (Some(30.0), Some(10.0)));
    assert_eq!(nps.change_unit, ChangeUnit::Points);
    close(nps.change, 20.0, 1e-9);
    close(nps.change_p, 0.079_41, 1e-5);
    assert_eq!(nps.change_clear, Some(false));
    // Counts change in percent and have no test: 100 customers both months.
    let c = k.get("customers").unwrap();
    assert_eq!((c.current, c.previous), (Some(100.0), Some(100.0)));
    assert_eq!(c.change_unit, ChangeUnit::Percent);
    close(c.change, 0.0, 1e-9);
    assert_eq!((c.change_p, c.change_clear), (None, None));
    // The picker offers every month of the data, newest first.
    assert_eq!(k.period_choices.len(), 14);
    assert_eq!(k.period_choices[0], "2024-03");
    assert_eq!(k.period_choices[13], "2023-02");
}

#[test]
fn weekly_trends_give_the_same_month() {
    // With weekly sparklines the month is computed by its own pass: same figures.
    let s = Settings {
        period: PeriodKind::Week,
        ..Settings::default()
    };
    let k = report(&s).kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-02"));
    let csat = k.get("csat").unwrap();
    assert_eq!((csat.current, csat.previous), (Some(40.0), Some(20.0)));
    close(csat.change_p, 0.002_03, 1e-5);
    assert_eq!(k.get("nps").unwrap().change_clear, Some(false));
    assert_eq!(k.get("interactions").unwrap().current, Some(100.0));
}

#[test]
fn same_month_a_year_before() {
    let k = report(&with(KpiPeriodKind::Month, KpiCompare::YearBefore, None)).kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-02"));
    assert_eq!(k.previous_period.as_deref(), Some("2023-02"));
    // CSAT 40/100 vs 30/100: +10 points; pooled 0.35, z = 0.1/0.0674537 = 1.482,
    // p = 0.1382: no clear change.
    let csat = k.get("csat").unwrap();
    assert_eq!((csat.current, csat.previous), (Some(40.0), Some(30.0)));
    close(csat.change, 10.0, 1e-9);
    close(csat.change_p, 0.138_21, 1e-5);
    assert_eq!(csat.change_clear, Some(false));
    // Nobody answered NPS in February 2023: no change, no test.
    let nps = k.get("nps").unwrap();
    assert_eq!(
        (nps.previous, nps.change, nps.change_clear),
        (None, None, None)
    );
}

#[test]
fn quarter_and_year() {
    // 2024-Q1 holds the latest event; chosen explicitly. Q1: CSAT (20 + 40) of 200 = 30 %,
    // 201 interactions; 2023-Q4 has no data.
    let k = report(&with(
        KpiPeriodKind::Quarter,
        KpiCompare::Previous,
        Some("2024-Q1"),
    ))
    .kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-Q1"));
    assert_eq!(k.previous_period.as_deref(), Some("2023-Q4"));
    assert_eq!(k.get("csat").unwrap().current, Some(30.0));
    assert_eq!(k.get("interactions").unwrap().current, Some(201.0));
    assert_eq!(k.get("interactions").unwrap().previous, Some(0.0));
    assert_eq!(k.get("csat").unwrap().change, None);
    assert_eq!(
        k.period_choices,
        ["2024-Q1", "2023-Q4", "2023-Q3", "2023-Q2", "2023-Q1"]
    );
    // By default the last complete quarter: 2023-Q4, empty, against 2023-Q3.
    let k = report(&with(KpiPeriodKind::Quarter, KpiCompare::Previous, None)).kpis;
    assert_eq!(k.current_period.as_deref(), Some("2023-Q4"));

    // 2024 against 2023: CSAT 60/200 vs 30/100 = 30 % both: 0 points, z = 0, p = 1.
    // Interactions 201 vs 100: +101 %.
    let k = report(&with(
        KpiPeriodKind::Year,
        KpiCompare::Previous,
        Some("2024"),
    ))
    .kpis;
    assert_eq!(
        (k.current_period.as_deref(), k.previous_period.as_deref()),
        (Some("2024"), Some("2023"))
    );
    let csat = k.get("csat").unwrap();
    close(csat.change, 0.0, 1e-9);
    close(csat.change_p, 1.0, 1e-9);
    assert_eq!(csat.change_clear, Some(false));
    let i = k.get("interactions").unwrap();
    assert_eq!((i.current, i.previous), (Some(201.0), Some(100.0)));
    close(i.change, 101.0, 1e-9);
}

#[test]
fn custom_range_against_the_days_before() {
    // 2024-02-01…2024-02-29 (29 days) against the 29 days before: 2024-01-03…2024-01-31,
    // which hold the whole January block.
    let mut s = with(KpiPeriodKind::Custom, KpiCompare::Previous, None);
    s.kpi_period.from = Some("2024-02-01".into());
    s.kpi_period.to = Some("2024-02-29".into());
    let k = report(&s).kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-02-01/2024-02-29"));
    assert_eq!(k.previous_period.as_deref(), Some("2024-01-03/2024-01-31"));
    let csat = k.get("csat").unwrap();
    assert_eq!((csat.current, csat.previous), (Some(40.0), Some(20.0)));
    assert_eq!(csat.change_clear, Some(true));
    assert!(k.period_choices.is_empty());
}
