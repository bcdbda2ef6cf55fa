//! Funnel definitions checked on small datasets worked out by hand.

use journey_lens::analytics::funnel::{ResolvedMode, StageOrderSource};
use journey_lens::analytics::{
    compute, dropped_after, Filter, FunnelMode, FunnelNote, Prepared, Settings,
};
use journey_lens::dataset::{Columns, Dataset, DatasetBuilder, DimKey, Event, Meta, Role, Scales};

const DAY: i64 = 86_400;
/// 2024-01-01T00:00:00.
const T0: i64 = 1_704_067_200;

fn day(d: i64) -> Option<i64> {
    Some(T0 + d * DAY)
}

fn all_columns() -> Columns {
    Columns {
        timestamp: true,
        journey: true,
        stage: true,
        touchpoint: true,
        channel: true,
        persona: true,
        satisfaction: true,
        effort: true,
        nps: true,
        revenue: true,
        comment: true,
        extras: vec![],
    }
}

fn build(cols: Columns, meta: Meta, rows: &[Event]) -> Dataset {
    let mut b = DatasetBuilder::new(&cols, Scales::default(), meta);
    for r in rows {
        b.push(r);
    }
    b.finish()
}

fn e<'a>(c: &'a str, t: Option<i64>, stage: &'a str, persona: Option<&'a str>) -> Event<'a> {
    Event {
        customer: c,
        timestamp: t,
        stage: Some(stage),
        persona,
        ..Event::default()
    }
}

/// A: aw d0, co d1, pu d3, pu d4, re d10   → reaches all 4 (deltas 1, 2, 7)
/// B: co d0, aw d1, pu d2                  → t1 = d1, no co at/after d1 → 1
/// C: aw d0, pu d2 (skips consideration)   → 1
/// D: rows out of file order: pu d5, co d2, aw d1 → 3 (deltas 1, 3)
/// E: co and aw at the same instant, co first in the file → 2 (delta 0)
/// F: co only                              → 0
fn journeys() -> Dataset {
    let x = Some("x");
    let y = Some("y");
    let h = |d: i64| Some(T0 + d * DAY + 12 * 3600);
    build(
        all_columns(),
        Meta::default(),
        &[
            e("A", day(0), "awareness", x),
            e("A", day(1), "consideration", x),
            e("A", day(3), "purchase", x),
            e("A", day(4), "purchase", x),
            e("A", day(10), "retention", x),
            e("B", day(0), "consideration", x),
            e("B", day(1), "awareness", y),
            e("B", day(2), "purchase", x),
            e("C", day(0), "awareness", y),
            e("C", day(2), "purchase", y),
            e("D", day(5), "purchase", x),
            e("D", day(2), "consideration", x),
            e("D", day(1), "awareness", None),
            e("E", h(0), "consideration", x),
            e("E", h(0), "awareness", x),
            e("F", day(0), "consideration", x),
        ],
    )
}

fn run(ds: &Dataset, s: &Settings) -> journey_lens::analytics::Report {
    compute(ds, &Prepared::new(ds), s, &Filter::all())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-3, "{a} != {b}");
}

#[test]
fn ordered_funnel_by_hand() {
    let ds = journeys();
    let r = run(&ds, &Settings::default());
    let f = &r.funnel;
    assert_eq!(f.mode, ResolvedMode::Ordered);
    assert_eq!(f.order_source, StageOrderSource::BuiltIn);
    assert_eq!(
        f.stages,
        ["awareness", "consideration", "purchase", "retention"]
    );
    assert_eq!(f.conversion_stage.as_deref(), Some("purchase"));
    let counts: Vec<u64> = f.steps.iter().map(|s| s.customers).collect();
    assert_eq!(counts, [5, 3, 2, 1]);
    close(f.steps[1].pct_of_first, 60.0);
    close(f.steps[3].pct_of_first, 20.0);
    close(f.steps[2].pct_of_previous, 66.667);
    close(f.steps[3].pct_of_previous, 50.0);
    assert_eq!(
        f.steps.iter().map(|s| s.drop_off).collect::<Vec<_>>(),
        [None, Some(2), Some(1), Some(1)]
    );
    // Step 1 has nothing relative to a previous step.
    assert_eq!(f.steps[0].pct_of_previous, None);
    assert_eq!(f.steps[0].interval, None);
    assert_eq!(f.steps[0].median_days_from_previous, None);
    // Wilson 3/5: centre 0.556551, half 0.325831 → 23.072 … 88.238.
    let iv = f.steps[1].interval.unwrap();
    assert!((iv.low - 23.072).abs() < 0.01 && (iv.high - 88.238).abs() < 0.01);
    // Days from awareness to consideration: A 1, D 1, E 0 → median 1, mean 2/3.
    close(f.steps[1].median_days_from_previous, 1.0);
    close(f.steps[1].mean_days_from_previous, 0.6667);
    // To purchase: A 2, D 3.
    close(f.steps[2].median_days_from_previous, 2.5);
    close(f.steps[3].mean_days_from_previous, 7.0);
    close(f.overall_conversion, 40.0);
    // All step-1 events are in January 2024.
    assert_eq!(f.trend.len(), 1);
    assert_eq!(f.trend[0].period, "2024-01");
    assert_eq!((f.trend[0].started, f.trend[0].converted), (5, 2));
    // KPIs read the same funnel: retention = 1 of 2 converted, repeat = A (two purchases).
    close(r.kpis.value("conversion_rate"), 40.0);
    close(r.kpis.value("retention_rate"), 50.0);
    close(r.kpis.value("churn_rate"), 50.0);
    close(r.kpis.value("repeat_rate"), 50.0);
    // Days to convert: A 3, D 4.
    close(r.kpis.value("median_days_to_convert"), 3.5);
}

#[test]
fn conversion_window_is_inclusive_at_t1_plus_w() {
    let ds = journeys();
    let mut s = Settings {
        window_days: Some(3.0),
        ..Settings::default()
    };
    // W = 3: A buys exactly at t1 + 3 days (counted); D buys at t1 + 4 (not).
    let counts: Vec<u64> = run(&ds, &s)
        .funnel
        .steps
        .iter()
        .map(|s| s.customers)
        .collect();
    assert_eq!(counts, [5, 3, 1, 0]);
    s.window_days = Some(2.999);
    let counts: Vec<u64> = run(&ds, &s)
        .funnel
        .steps
        .iter()
        .map(|s| s.customers)
        .collect();
    assert_eq!(counts, [5, 3, 0, 0]);
}

#[test]
fn any_order_mode_needs_every_earlier_stage() {
    let ds = journeys();
    let s = Settings {
        mode: FunnelMode::AnyOrder,
        ..Settings::default()
    };
    let f = run(&ds, &s).funnel;
    assert_eq!(f.mode, ResolvedMode::AnyOrder);
    // A all four; B aw+co+pu; C lacks consideration; D aw+co+pu; E aw+co; F no awareness.
    let counts: Vec<u64> = f.steps.iter().map(|s| s.customers).collect();
    assert_eq!(counts, [5, 4, 3, 1]);
    assert_eq!(f.steps[1].median_days_from_previous, None);
}

#[test]
fn any_order_window_spans_earliest_events() {
    // G: pu d0, aw d2, co d3. Earliest events of S1..S3 span d0..d3.
    let ds = build(
        all_columns(),
        Meta::default(),
        &[
            e("G", day(0), "purchase", None),
            e("G", day(2), "awareness", None),
            e("G", day(3), "consideration", None),
        ],
    );
    let mut s = Settings {
        mode: FunnelMode::AnyOrder,
        window_days: Some(3.0),
        ..Settings::default()
    };
    let counts = |s: &Settings| {
        run(&ds, s)
            .funnel
            .steps
            .iter()
            .map(|s| s.customers)
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&s), [1, 1, 1]);
    s.window_days = Some(2.0);
    // aw..co span 1 day (ok), adding purchase stretches it to 3 days (> 2).
    assert_eq!(counts(&s), [1, 1, 0]);
}

#[test]
fn breakdown_uses_value_on_first_stage1_event() {
    let ds = journeys();
    let s = Settings {
        breakdown: Some(Role::Persona.into()),
        ..Settings::default()
    };
    let b = run(&ds, &s).funnel.breakdown.unwrap();
    assert_eq!(b.unavailable, None);
    // x: A, E; y: B (its awareness row says y), C; (missing): D.
    let got: Vec<(&str, Vec<u64>, Option<f64>)> = b
        .groups
        .iter()
        .map(|g| (g.value.as_str(), g.customers.clone(), g.conversion_rate))
        .collect();
    assert_eq!(
        got,
        vec![
            ("x", vec![2, 2, 1, 1], Some(50.0)),
            ("y", vec![2, 0, 0, 0], Some(0.0)),
            ("(missing)", vec![1, 1, 1, 0], Some(100.0)),
        ]
    );
    let s = Settings {
        breakdown: Some(DimKey::Extra(0)),
        ..Settings::default()
    };
    let b = run(&ds, &s).funnel.breakdown.unwrap();
    assert_eq!(
        b.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("extra:0")
    );
}

#[test]
fn dropped_after_lists_customers() {
    let ds = journeys();
    let p = Prepared::new(&ds);
    let s = Settings::default();
    let f = Filter::all();
    assert_eq!(dropped_after(&ds, &p, &s, &f, 0), ["B", "C"]);
    assert_eq!(dropped_after(&ds, &p, &s, &f, 1), ["E"]);
    assert_eq!(dropped_after(&ds, &p, &s, &f, 2), ["D"]);
    assert!(dropped_after(&ds, &p, &s, &f, 3).is_empty());
    assert!(dropped_after(&ds, &p, &s, &f, 99).is_empty());
}

#[test]
fn meta_order_wins_over_setting_and_missing_stage_has_zero() {
    let meta = Meta {
        stage_order: Some(vec![
            "awareness".into(),
            "loyalty".into(),
            "purchase".into(),
        ]),
        ..Meta::default()
    };
    let mut ds = journeys();
    ds.meta = meta;
    let s = Settings {
        stage_order: Some(vec!["purchase".into(), "awareness".into()]),
        ..Settings::default()
    };
    let f = run(&ds, &s).funnel;
    assert_eq!(f.order_source, StageOrderSource::Meta);
    assert_eq!(f.stages, ["awareness", "loyalty", "purchase"]);
    assert_eq!(f.unlisted_stages, ["consideration", "retention"]);
    assert!(!f.notes.is_empty());
    let counts: Vec<u64> = f.steps.iter().map(|s| s.customers).collect();
    assert_eq!(counts, [5, 0, 0]);
    // 0 of 5 is 0 %; 0 of 0 is undefined, never NaN.
    assert_eq!(f.steps[1].pct_of_previous, Some(0.0));
    assert_eq!(f.steps[2].pct_of_previous, None);
    assert_eq!(f.steps[2].interval, None);
    assert_eq!(f.steps[2].median_days_from_previous, None);
    assert_eq!(f.conversion_stage.as_deref(), Some("purchase"));
    // Without meta, the user's order is used.
    let ds = journeys();
    let f = run(&ds, &s).funnel;
    assert_eq!(f.order_source, StageOrderSource::Setting);
    assert_eq!(f.stages, ["purchase", "awareness"]);
}

#[test]
fn built_in_names_in_other_languages_and_unknown_placed_by_time() {
    let ds = build(
        all_columns(),
        Meta::default(),
        &[
            e("a", day(5), "extra", None),
            e("a", day(3), "COMPRA", None),
            e("a", day(9), "Fidelización", None),
            e("a", day(1), "Consideración", None),
            e("a", day(0), "Świadomość", None),
            e("a", day(6), "other", None),
            e("b", day(0), "other", None),
        ],
    );
    let f = run(&ds, &Settings::default()).funnel;
    assert_eq!(f.order_source, StageOrderSource::BuiltIn);
    // Unknown stages go before the first recognised stage reached later than them (issue 9):
    // other (median first time of d0 and d6 = d3) and extra (d5) are both reached before
    // Fidelización (d9) and not before COMPRA (d3), so they sit between the two, by median.
    assert_eq!(
        f.stages,
        [
            "Świadomość",
            "Consideración",
            "COMPRA",
            "other",
            "extra",
            "Fidelización"
        ]
    );
    assert_eq!(f.placed_by_data, ["other", "extra"]);
    assert_eq!(f.conversion_stage.as_deref(), Some("COMPRA"));
    // The conversion stage can be chosen, case-insensitively.
    let s = Settings {
        conversion_stage: Some("fidelizacion".into()),
        ..Settings::default()
    };
    assert_eq!(run(&ds, &s).funnel.conversion_step, Some(5));
}

#[test]
fn unknown_names_order_by_median_time_else_file_order() {
    let rows = [
        e("a", day(5), "s1", None),
        e("a", day(1), "s2", None),
        e("b", day(4), "s1", None),
        e("b", day(2), "s2", None),
        e("b", day(3), "s3", None),
    ];
    let ds = build(all_columns(), Meta::default(), &rows);
    let f = run(&ds, &Settings::default()).funnel;
    // Medians of first times: s2 d1.5, s3 d3, s1 d4.5.
    assert_eq!(f.order_source, StageOrderSource::MedianTime);
    assert_eq!(f.stages, ["s2", "s3", "s1"]);
    // No conversion stage recognised: the last stage.
    assert_eq!(f.conversion_stage.as_deref(), Some("s1"));

    let cols = Columns {
        timestamp: false,
        ..all_columns()
    };
    let ds = build(cols, Meta::default(), &rows);
    let f = run(&ds, &Settings::default()).funnel;
    assert_eq!(f.order_source, StageOrderSource::FileOrder);
    assert_eq!(f.stages, ["s1", "s2", "s3"]);
    // No timestamps: any-order. a has s1, s2; b has all three.
    assert_eq!(f.mode, ResolvedMode::AnyOrder);
    let counts: Vec<u64> = f.steps.iter().map(|s| s.customers).collect();
    assert_eq!(counts, [2, 2, 1]);
    assert!(f.trend.is_empty());
    // Asking for ordered mode or a window without timestamps says why it was not applied.
    let s = Settings {
        mode: FunnelMode::Ordered,
        window_days: Some(1.0),
        ..Settings::default()
    };
    let f = run(&ds, &s).funnel;
    assert_eq!(f.mode, ResolvedMode::AnyOrder);
    assert_eq!(f.window_days, None);
    assert_eq!(f.notes.len(), 2);
}

#[test]
fn no_stage_column_makes_funnel_unavailable() {
    let cols = Columns {
        stage: false,
        ..all_columns()
    };
    let ds = build(
        cols,
        Meta::default(),
        &[Event {
            customer: "a",
            timestamp: day(0),
            ..Event::default()
        }],
    );
    let r = run(&ds, &Settings::default());
    assert_eq!(
        r.funnel.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("stage")
    );
    assert!(r.funnel.steps.is_empty());
    assert_eq!(
        r.kpis
            .get("conversion_rate")
            .unwrap()
            .unavailable
            .as_ref()
            .map(|n| n.keys())
            .as_deref(),
        Some("stage")
    );
    assert_eq!(r.kpis.value("conversion_rate"), None);
}

/// A stage order saved for other data is never applied silently: stages this data lacks
/// are left out and named (no step of 0 customers at the top of the funnel), and an
/// order that names none of its stages gives way to the automatic one.
#[test]
fn saved_order_from_other_data_is_named_not_applied_blindly() {
    let ds = journeys();
    let s = Settings {
        stage_order: Some(vec!["awareness".into(), "signup".into(), "purchase".into()]),
        ..Settings::default()
    };
    let f = run(&ds, &s).funnel;
    assert_eq!(f.order_source, StageOrderSource::Setting);
    assert_eq!(f.stages, ["awareness", "purchase"]);
    // Awareness: A B C D E; purchase after it: A (d0→d3), B (d1→d2), C (d0→d2), D (d1→d5).
    let counts: Vec<u64> = f.steps.iter().map(|s| s.customers).collect();
    assert_eq!(counts, [5, 4]);
    assert!(f.notes.contains(&FunnelNote::SavedOrderMismatch {
        absent: vec!["signup".into()],
        new: vec!["consideration".into(), "retention".into()],
    }));

    let other = Settings {
        stage_order: Some(vec!["lead".into(), "won".into()]),
        ..Settings::default()
    };
    let f = run(&ds, &other).funnel;
    assert_eq!(f.order_source, StageOrderSource::BuiltIn);
    assert_eq!(
        f.stages,
        ["awareness", "consideration", "purchase", "retention"]
    );
    assert_eq!(f.steps[0].customers, 5);
    assert!(f.notes.contains(&FunnelNote::SavedOrderIgnored {
        stages: vec!["lead".into(), "won".into()],
    }));
}
