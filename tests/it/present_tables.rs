//! The tables the Experience and KPI views show and the filter bar's menus, built natively
//! from a small file whose every number is worked out by hand below.

use journey_lens::analytics::kpis::Jes;
use journey_lens::analytics::{compute, Filter, Prepared, Report, Settings, MISSING_LABEL};
use journey_lens::dataset::{DimKey, Role};
use journey_lens::i18n::Lang;
use journey_lens::ingest::{load_csv, CsvOptions, Loaded};
use journey_lens::present::tables::{
    exits, filter_dimensions, impact, jes_components, jes_formula, pain_points, MAX_FILTER_VALUES,
};

/// Satisfaction on 1–5, answers ≤ 2 negative.
/// * awareness × Web: 4, 2 → mean 3.00, (3 − 1) / 4 = 50.0 on 0–100, 1 of 2 negative.
/// * awareness × Email: 1 → 1.00, 0.0, 1 of 1 negative.
/// * purchase × Shop: 5, 3 → 4.00, 75.0, none negative.
///
/// c1 and c3 reach purchase; c2 stops at awareness, last seen on Web.
const FILE: &str = "\
customer_id,timestamp,stage,touchpoint,satisfaction,nps,revenue,persona
c1,2024-01-01,awareness,Web,4,9,,Student
c1,2024-01-02,purchase,Shop,5,10,120,Student
c2,2024-01-01,awareness,Web,2,3,,Pro
c3,2024-01-01,awareness,Email,1,6,,
c3,2024-01-03,purchase,Shop,3,7,30.5,Student
";

fn load(text: &str) -> Loaded {
    load_csv(text.as_bytes(), &CsvOptions::default()).expect("loads")
}

fn report(l: &Loaded) -> Report {
    let settings = Settings {
        min_count: 1,
        ..Settings::default()
    };
    compute(
        &l.dataset,
        &Prepared::new(&l.dataset),
        &settings,
        &Filter::all(),
    )
}

#[test]
fn pain_points_worst_first() {
    let r = report(&load(FILE));
    let t = pain_points(Lang::En, &r.experience, 1);
    assert_eq!(
        t.caption,
        "Stage × touchpoint cells with at least 1 answers, in the order of “What to fix first”"
    );
    assert_eq!(
        t.headers,
        [
            "Stage",
            "Touchpoint",
            "Satisfaction",
            "Satisfaction (0–100)",
            "Answers",
            "Negative answers"
        ]
    );
    assert_eq!(
        t.rows,
        [
            ["awareness", "Email", "1.00", "0.0", "1", "100.0%"],
            ["awareness", "Web", "3.00", "50.0", "2", "50.0%"],
            ["purchase", "Shop", "4.00", "75.0", "2", "0.0%"],
        ]
    );
    // Decimal commas and a spaced percent sign in Catalan.
    let ca = pain_points(Lang::Ca, &r.experience, 1);
    assert_eq!(
        ca.rows[1][2..],
        ["3,00", "50,0", "2", "50,0\u{a0}%"].map(String::from)
    );
}

#[test]
fn exits_list_where_unconverted_customers_stopped() {
    let r = report(&load(FILE));
    let t = exits(Lang::En, &r.experience);
    assert_eq!(
        t.caption,
        "Last touchpoint of customers who did not reach the last stage"
    );
    assert_eq!(t.headers, ["Touchpoint", "Customers"]);
    assert_eq!(t.rows, [["Web", "1"]]);
}

#[test]
fn a_missing_column_says_which() {
    let l = load("customer_id,stage,touchpoint,nps\nc1,awareness,Web,9\n");
    let r = report(&l);
    let t = pain_points(Lang::En, &r.experience, 1);
    assert_eq!(t.caption, "This chart needs a column for: Satisfaction");
    assert!(t.headers.is_empty() && t.rows.is_empty());
    // Without revenue and stage the impact table has nothing to compare.
    let l = load("customer_id,nps\nc1,9\n");
    let t = impact(Lang::En, &report(&l).kpis.impact);
    assert_eq!(t.caption, "This chart needs a column for: Revenue, Stage");
}

#[test]
fn jes_components_with_their_weights() {
    let r = report(&load(FILE));
    // CSAT top-2-box: 2 of 5 answers are 4 or 5 → 40.0. NPS over all 5 answers: promoters
    // 9, 10; detractors 3, 6 → 0 → (0 + 100) / 2 = 50.0. Conversion: 2 of 3 customers
    // reach purchase → 66.7. No effort column: CES is n/a. Equal weights: 0.25 each.
    let t = jes_components(Lang::En, &r.kpis.jes);
    assert_eq!(t.headers, ["Component", "0–100", "Weight"]);
    assert_eq!(
        t.rows,
        [
            ["CSAT", "40.0", "0.25"],
            ["(NPS + 100) / 2", "50.0", "0.25"],
            ["Conversion rate", "66.7", "0.25"],
            ["(CES − 1) / 6 × 100", "n/a", "0.25"],
        ]
    );
}

#[test]
fn jes_formula_in_each_language() {
    let r = report(&load(FILE));
    // (40 + 50 + 66.67) / 3 = 52.2 with the three components that have data.
    assert_eq!(
        jes_formula(Lang::En, &r.kpis.jes),
        "JES = (0.25×40.0 + 0.25×50.0 + 0.25×66.7) / 0.75 = 52.2"
    );
    assert_eq!(
        jes_formula(Lang::Ca, &r.kpis.jes),
        "JES = (0,25×40,0 + 0,25×50,0 + 0,25×66,7) / 0,75 = 52,2"
    );
    let none = Jes {
        value: None,
        components: Vec::new(),
        formula: "JES = n/a".into(),
    };
    assert_eq!(
        jes_formula(Lang::En, &none),
        "JES = n/a (no component has data)"
    );
    assert_eq!(
        jes_formula(Lang::Pl, &none),
        "JES = b.d. (żaden składnik nie ma danych)"
    );
}

#[test]
fn impact_compares_promoters_and_detractors() {
    let r = report(&load(FILE));
    // Latest answers: c1 10 (promoter), c2 3 (detractor), c3 7 (passive). Revenue: the
    // promoter 120.00, the detractor 0.00; no stage after purchase, so no retention.
    let t = impact(Lang::En, &r.kpis.impact);
    assert_eq!(
        t.headers,
        [
            "",
            "Promoters (1)",
            "Detractors (1)",
            "Promoters vs detractors"
        ]
    );
    assert_eq!(
        t.rows,
        [
            ["Revenue per customer", "120.00", "0.00", "n/a"],
            ["Retention rate", "n/a", "n/a", "n/a"],
        ]
    );
}

#[test]
fn filter_menus_count_values_and_skip_id_columns() {
    let l = load(FILE);
    let dims = filter_dimensions(Lang::En, &l.dataset, &l.report.mapping);
    let listed: Vec<(DimKey, &str, Vec<&str>)> = dims
        .iter()
        .map(|d| {
            (
                d.key,
                d.label.as_str(),
                d.values.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // Student 3 events, Pro 1, one empty cell; touchpoints Web 2, Shop 2 (alphabetical
    // among equals), Email 1. The stage is not offered.
    assert_eq!(
        listed,
        [
            (
                DimKey::Role(Role::Persona),
                "Persona",
                vec!["Student", "Pro", MISSING_LABEL]
            ),
            (
                DimKey::Role(Role::Touchpoint),
                "Touchpoint",
                vec!["Shop", "Web", "Email"]
            ),
        ]
    );

    // A column with more distinct values than a menu can hold is left out.
    let mut text = String::from("customer_id,stage,order\n");
    for i in 0..=MAX_FILTER_VALUES {
        text.push_str(&format!("c{i},awareness,o{i}\n"));
    }
    let l = load(&text);
    assert_eq!(l.dataset.extras.len(), 1);
    assert!(filter_dimensions(Lang::En, &l.dataset, &l.report.mapping).is_empty());
}
