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

/// January 2024: ten customers, one visit each, effort 4 (of 1–7), revenue 10, satisfaction
/// 5 for three of them and 2 for the rest. February 2024: eight customers, effort 7 for four
/// and 3 for four, revenue 15, satisfaction 5 for four. 2024-03-10: one visit with no
/// answers (so February is the last complete month).
fn scales_and_money() -> Report {
    let cols = Columns {
        timestamp: true,
        satisfaction: true,
        effort: true,
        revenue: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let mut rows: Vec<(String, i64, f64, f64, f64)> = Vec::new();
    for i in 0..10 {
        let sat = if i < 3 { 5.0 } else { 2.0 };
        rows.push((format!("j{i}"), JAN10 + i * 60, sat, 4.0, 10.0));
    }
    for i in 0..8 {
        let sat = if i < 4 { 5.0 } else { 2.0 };
        let effort = if i % 2 == 0 { 7.0 } else { 3.0 };
        rows.push((format!("f{i}"), FEB10 + i * 60, sat, effort, 15.0));
    }
    for (c, t, sat, effort, revenue) in &rows {
        b.push(&Event {
            customer: c,
            timestamp: Some(*t),
            satisfaction: Some(*sat),
            effort: Some(*effort),
            revenue: Some(*revenue),
            ..Event::default()
        });
    }
    b.push(&Event {
        customer: "m",
        timestamp: Some(MAR10),
        ..Event::default()
    });
    let ds = b.finish();
    compute(
        &ds,
        &Prepared::new(&ds),
        &Settings::default(),
        &Filter::all(),
    )
}

#[test]
fn ces_and_jes_change_in_points() {
    let k = scales_and_money().kpis;
    assert_eq!(k.current_period.as_deref(), Some("2024-02"));
    assert_eq!(k.previous_period.as_deref(), Some("2024-01"));
    // CES is the mean effort on its own 1–7 scale: (4·7 + 4·3) / 8 = 5.0 against 4.0, a
    // change of +1.0 scale point, not the +25 % the relative change would say. A mean has
    // no test here: no significance call.
    let ces = k.get("ces").unwrap();
    assert_eq!((ces.current, ces.previous), (Some(5.0), Some(4.0)));
    assert_eq!(ces.change_unit, ChangeUnit::Points);
    close(ces.change, 1.0, 1e-9);
    close(ces.delta_pct, 25.0, 1e-9);
    assert_eq!((ces.change_p, ces.change_clear), (None, None));
    // "Easy" answers (5 or more on 1–7) are a share: 4/8 = 50 % against 0/10 = 0 %: +50
    // points. Pooled 4/18, SE = √(0.2222·0.7778·(1/8 + 1/10)) = 0.19720, z = 2.5355,
    // p = 0.0112: clear.
    let easy = k.get("ces_easy_pct").unwrap();
    assert_eq!((easy.current, easy.previous), (Some(50.0), Some(0.0)));
    assert_eq!(easy.change_unit, ChangeUnit::Points);
    close(easy.change, 50.0, 1e-9);
    close(easy.change_p, 0.011_23, 1e-4);
    assert_eq!(easy.change_clear, Some(true));
    // CSAT 4/8 = 50 % against 3/10 = 30 %: +20 points; pooled 7/18, SE = 0.23124,
    // z = 0.8649, p = 0.3871: no clear change.
    let csat = k.get("csat").unwrap();
    assert_eq!((csat.current, csat.previous), (Some(50.0), Some(30.0)));
    close(csat.change, 20.0, 1e-9);
    close(csat.change_p, 0.387_09, 1e-4);
    assert_eq!(csat.change_clear, Some(false));
    // JES with CSAT and CES only (no NPS, no stages), equal weights: February
    // (50 + (5 − 1)/6·100) / 2 = (50 + 66.667) / 2 = 58.333, January
    // (30 + (4 − 1)/6·100) / 2 = (30 + 50) / 2 = 40: +18.333 points on its 0–100 scale.
    let jes = k.get("jes").unwrap();
    close(jes.current, 58.333_333, 1e-5);
    close(jes.previous, 40.0, 1e-9);
    assert_eq!(jes.change_unit, ChangeUnit::Points);
    close(jes.change, 18.333_333, 1e-5);
    assert_eq!(jes.change_clear, None);
}

#[test]
fn money_and_counts_change_in_percent() {
    let k = scales_and_money().kpis;
    // Revenue 8 × 15 = 120 against 10 × 10 = 100: +20 %.
    let total = k.get("revenue_total").unwrap();
    assert_eq!((total.current, total.previous), (Some(120.0), Some(100.0)));
    assert_eq!(total.change_unit, ChangeUnit::Percent);
    close(total.change, 20.0, 1e-9);
    assert_eq!((total.change_p, total.change_clear), (None, None));
    // Per customer 15 against 10: +50 %.
    let per = k.get("revenue_per_customer").unwrap();
    assert_eq!((per.current, per.previous), (Some(15.0), Some(10.0)));
    assert_eq!(per.change_unit, ChangeUnit::Percent);
    close(per.change, 50.0, 1e-9);
    // Customers and interactions 8 against 10: −20 %, never "−2 points".
    for key in ["customers", "interactions"] {
        let c = k.get(key).unwrap();
        assert_eq!((c.current, c.previous), (Some(8.0), Some(10.0)), "{key}");
        assert_eq!(c.change_unit, ChangeUnit::Percent, "{key}");
        close(c.change, -20.0, 1e-9);
        assert_eq!((c.change_p, c.change_clear), (None, None), "{key}");
    }
    // Interactions per customer, 1 against 1, is a ratio of counts: percent, 0 %.
    let ipc = k.get("interactions_per_customer").unwrap();
    assert_eq!(ipc.change_unit, ChangeUnit::Percent);
    close(ipc.change, 0.0, 1e-9);
}
