//! A KPI card names the period its value and change refer to; rates change in points,
//! counts in percent; a change the data can't tell from noise is neutral; the screen-reader
//! sentence says what the card says.

use journey_lens::analytics::kpis::{ChangeUnit, Kpi, KpiUnit};
use journey_lens::charts::{kpi_card, Tone};
use journey_lens::i18n::Lang;

fn kpi(key: &str, unit: KpiUnit, change_unit: ChangeUnit) -> Kpi {
    Kpi {
        key: key.into(),
        unit,
        value: Some(31.0),
        unavailable: None,
        lower_is_better: false,
        current: Some(40.0),
        previous: Some(20.0),
        delta_pct: Some(100.0),
        change: Some(20.0),
        change_unit,
        change_p: Some(0.002),
        change_clear: Some(true),
        target: None,
        target_source: None,
        status: None,
        sparkline: Vec::new(),
    }
}

#[test]
fn a_clear_rate_change_in_points_for_a_named_month() {
    let k = kpi("csat", KpiUnit::Percent, ChangeUnit::Points);
    let c = kpi_card(Lang::En, &k, Some("2024-02"), Some("2024-01"));
    assert_eq!(c.value, "40.0%");
    assert_eq!(c.period, "2024-02");
    assert_eq!(
        c.change,
        Some(("+20.0 pts vs 2024-01".to_string(), Tone::Good))
    );
    assert_eq!(c.all_data.as_deref(), Some("All data: 31.0%"));
    assert_eq!(
        c.summary,
        "CSAT (top-2-box): 40.0% (2024-02). +20.0 pts vs 2024-01. All data: 31.0%."
    );
    // Catalan: month name, decimal comma, "punts".
    let c = kpi_card(Lang::Ca, &k, Some("2024-02"), Some("2024-01"));
    assert_eq!(c.period, "febr. 2024");
    assert_eq!(
        c.change.map(|c| c.0).as_deref(),
        Some("+20,0 punts respecte a gen. 2024")
    );
}

#[test]
fn noise_is_neutral_and_says_so() {
    let mut k = kpi("nps", KpiUnit::Score, ChangeUnit::Points);
    k.change_clear = Some(false);
    k.change_p = Some(0.079);
    let c = kpi_card(Lang::En, &k, Some("2025-Q1"), Some("2024-Q1"));
    assert_eq!(c.value, "+40");
    assert_eq!(
        c.change,
        Some((
            "No clear change (+20.0 pts vs 2024-Q1)".to_string(),
            Tone::Neutral
        ))
    );
    let c = kpi_card(Lang::Pl, &k, Some("2025-Q1"), Some("2024-Q1"));
    assert_eq!(c.period, "I kw. 2025");
    // A fall of a lower-is-better KPI is good; a count changes in percent, untested.
    let mut churn = kpi("churn_rate", KpiUnit::Percent, ChangeUnit::Points);
    churn.lower_is_better = true;
    churn.change = Some(-3.0);
    churn.change_clear = None;
    let c = kpi_card(Lang::En, &churn, Some("2024"), Some("2023"));
    assert_eq!(c.change, Some(("−3.0 pts vs 2023".to_string(), Tone::Good)));
    let mut rev = kpi("revenue_total", KpiUnit::Count, ChangeUnit::Percent);
    rev.change = Some(-66.2);
    rev.change_clear = None;
    let c = kpi_card(Lang::En, &rev, Some("2024-02"), Some("2024-01"));
    assert_eq!(c.change, Some(("−66.2% vs 2024-01".to_string(), Tone::Bad)));
}

#[test]
fn without_dates_or_a_comparison() {
    let mut k = kpi("csat", KpiUnit::Percent, ChangeUnit::Points);
    let c = kpi_card(Lang::Es, &k, None, None);
    assert_eq!(c.value, "31,0\u{a0}%");
    assert_eq!(c.period, "Todos los datos (sin fechas)");
    assert_eq!((c.change, c.all_data), (None, None));
    k.change = None;
    let c = kpi_card(
        Lang::En,
        &k,
        Some("2024-02-01/2024-02-29"),
        Some("2024-01-03/2024-01-31"),
    );
    assert_eq!(c.period, "2024-02-01 – 2024-02-29");
    assert_eq!(
        c.change,
        Some((
            "No value in 2024-01-03 – 2024-01-31 to compare with".to_string(),
            Tone::Neutral
        ))
    );
}
