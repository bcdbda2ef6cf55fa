//! KPI, JES, impact, period-over-period and target definitions on a hand-worked dataset.

use journey_lens::analytics::kpis::{TargetSource, TargetStatus};
use journey_lens::analytics::{compute, Filter, JesWeights, Prepared, Report, Settings};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};

const DAY: i64 = 86_400;
const JAN1: i64 = 1_704_067_200;
const FEB1: i64 = JAN1 + 31 * DAY;
const MAR1: i64 = FEB1 + 29 * DAY;

fn ev<'a>(c: &'a str, t: i64, stage: &'a str) -> Event<'a> {
    Event {
        customer: c,
        timestamp: Some(t),
        stage: Some(stage),
        ..Event::default()
    }
}

/// P1: aw Jan 10 (sat 5, effort 7), pu Feb 10 (revenue 100, NPS 10), re Mar 1
/// D1: aw Jan 15 (sat 1, effort 2), pu Feb 11 (revenue 50, NPS 2)
/// N1: aw Feb 12 (sat 4, effort 5);  N2: aw Feb 13 (sat 3)
fn report(meta: Meta, s: &Settings) -> Report {
    let cols = Columns {
        timestamp: true,
        stage: true,
        satisfaction: true,
        effort: true,
        nps: true,
        revenue: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), meta);
    let rows = [
        Event {
            satisfaction: Some(5.0),
            effort: Some(7.0),
            ..ev("P1", JAN1 + 9 * DAY, "awareness")
        },
        Event {
            revenue: Some(100.0),
            nps: Some(10.0),
            ..ev("P1", FEB1 + 9 * DAY, "purchase")
        },
        ev("P1", MAR1, "retention"),
        Event {
            satisfaction: Some(1.0),
            effort: Some(2.0),
            ..ev("D1", JAN1 + 14 * DAY, "awareness")
        },
        Event {
            revenue: Some(50.0),
            nps: Some(2.0),
            ..ev("D1", FEB1 + 10 * DAY, "purchase")
        },
        Event {
            satisfaction: Some(4.0),
            effort: Some(5.0),
            ..ev("N1", FEB1 + 11 * DAY, "awareness")
        },
        Event {
            satisfaction: Some(3.0),
            ..ev("N2", FEB1 + 12 * DAY, "awareness")
        },
    ];
    for r in &rows {
        b.push(r);
    }
    let ds = b.finish();
    compute(&ds, &Prepared::new(&ds), s, &Filter::all())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-3, "{a} != {b}");
}

#[test]
fn headline_kpis() {
    let k = report(Meta::default(), &Settings::default()).kpis;
    close(k.value("customers"), 4.0);
    close(k.value("interactions"), 7.0);
    assert_eq!(
        k.get("touchpoints")
            .unwrap()
            .unavailable
            .as_ref()
            .map(|n| n.keys())
            .as_deref(),
        Some("touchpoint")
    );
    // S1 = 4, purchase = P1, D1; retention = P1.
    close(k.value("conversion_rate"), 50.0);
    close(k.value("retention_rate"), 50.0);
    close(k.value("churn_rate"), 50.0);
    close(k.value("repeat_rate"), 0.0);
    // Satisfaction 5, 1, 4, 3: top-2-box (≥ 4) = 2 of 4.
    close(k.value("csat"), 50.0);
    // Effort 7, 2, 5: mean 4.667; easy (5–7) 2 of 3.
    close(k.value("ces"), 14.0 / 3.0);
    close(k.value("ces_easy_pct"), 66.667);
    close(k.value("nps"), 0.0);
    close(k.value("revenue_total"), 150.0);
    close(k.value("revenue_per_customer"), 37.5);
    close(k.value("revenue_per_converted"), 75.0);
    // P1 Jan 10 → Feb 10 = 31 days; D1 Jan 15 → Feb 11 = 27 days.
    close(k.value("median_days_to_convert"), 29.0);
    close(k.value("interactions_per_customer"), 1.75);
    assert!(k.get("churn_rate").unwrap().lower_is_better);
}

#[test]
fn jes_formula_and_dropped_components() {
    let k = report(Meta::default(), &Settings::default()).kpis;
    // CSAT 50, (0 + 100)/2 = 50, conversion 50, (4.667 − 1)/6·100 = 61.11 → 52.78.
    close(k.jes.value, 52.777_78);
    assert_eq!(
        k.jes.formula,
        "JES = (0.25×50.0 + 0.25×50.0 + 0.25×50.0 + 0.25×61.1) / 1.00 = 52.8"
    );
    close(k.value("jes"), 52.777_78);
    // Weight only CES and CSAT, 3:1 → (0.75·61.11 + 0.25·50) / 1 = 58.33.
    let s = Settings {
        jes_weights: JesWeights {
            csat: 1.0,
            nps: 0.0,
            conversion: 0.0,
            ces: 3.0,
        },
        ..Settings::default()
    };
    close(report(Meta::default(), &s).kpis.jes.value, 58.3333);
}

#[test]
fn period_over_period_and_sparklines() {
    let k = report(Meta::default(), &Settings::default()).kpis;
    // Latest timestamp is in March: the last complete month is February, before it January.
    assert_eq!(k.current_period.as_deref(), Some("2024-02"));
    assert_eq!(k.previous_period.as_deref(), Some("2024-01"));
    let i = k.get("interactions").unwrap();
    assert_eq!((i.current, i.previous), (Some(4.0), Some(2.0)));
    close(i.delta_pct, 100.0);
    let spark: Vec<(&str, Option<f64>, bool)> = i
        .sparkline
        .iter()
        .map(|p| (p.period.as_str(), p.value, p.complete))
        .collect();
    assert_eq!(
        spark,
        [
            ("2024-01", Some(2.0), true),
            ("2024-02", Some(4.0), true),
            ("2024-03", Some(1.0), false)
        ]
    );
    // Conversion within January's events is 0 of 2 → previous 0 → Δ undefined.
    let c = k.get("conversion_rate").unwrap();
    assert_eq!((c.current, c.previous), (Some(0.0), Some(0.0)));
    assert_eq!(c.delta_pct, None);
}

#[test]
fn targets_user_overrides_meta_and_direction() {
    let mut meta = Meta::default();
    meta.targets.insert("conversion_rate".into(), 55.0);
    meta.targets.insert("nps".into(), 10.0);
    meta.targets.insert("median_days_to_convert".into(), 30.0);
    let mut s = Settings::default();
    s.targets.insert("nps".into(), -5.0);
    s.targets.insert("churn_rate".into(), 45.0);
    let k = report(meta, &s).kpis;
    let g = |key: &str| k.get(key).unwrap();
    // 50 vs 55: missed by 5 ≤ 10 % of 55.
    assert_eq!(g("conversion_rate").status, Some(TargetStatus::Within10));
    assert_eq!(g("conversion_rate").target_source, Some(TargetSource::Meta));
    // NPS 0 vs the user's −5 (not the meta's 10).
    assert_eq!(g("nps").target, Some(-5.0));
    assert_eq!(g("nps").target_source, Some(TargetSource::User));
    assert_eq!(g("nps").status, Some(TargetStatus::Met));
    // Lower is better: churn 50 vs 45 is above 45 + 4.5 → missed; 29 days vs 30 → met.
    assert_eq!(g("churn_rate").status, Some(TargetStatus::Missed));
    assert_eq!(g("median_days_to_convert").status, Some(TargetStatus::Met));
    assert_eq!(g("csat").status, None);
}

#[test]
fn promoters_vs_detractors() {
    let i = report(Meta::default(), &Settings::default()).kpis.impact;
    assert_eq!(i.unavailable, None);
    assert_eq!((i.promoters, i.detractors), (1, 1));
    close(i.revenue_per_promoter, 100.0);
    close(i.revenue_per_detractor, 50.0);
    close(i.revenue_diff_pct, 100.0);
    close(i.retention_promoters, 100.0);
    close(i.retention_detractors, 0.0);
    // 100 / 0: undefined, never infinite.
    assert_eq!(i.retention_diff_pct, None);
}
