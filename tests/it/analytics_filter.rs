//! Filter semantics, empty selections and the 1 M-event speed check.

use journey_lens::analytics::{compute, report_json, Filter, Prepared, Report, Settings};
use journey_lens::dataset::{Columns, Dataset, DatasetBuilder, DimKey, Event, Meta, Role, Scales};

const JAN1: i64 = 1_704_067_200;
const DAY: i64 = 86_400;

fn ev<'a>(
    c: &'a str,
    t: Option<i64>,
    persona: Option<&'a str>,
    channel: Option<&'a str>,
) -> Event<'a> {
    Event {
        customer: c,
        timestamp: t,
        persona,
        channel,
        stage: Some("awareness"),
        ..Event::default()
    }
}

/// 1: c1 A web Jan 1 00:00 · 2: c1 B app Jan 31 23:59:59 · 3: c2 (missing) web Feb 1 00:00
/// 4: c3 A (missing channel), no time · 5: c4 C web Jan 15
fn ds() -> Dataset {
    let cols = Columns {
        timestamp: true,
        persona: true,
        channel: true,
        stage: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for e in [
        ev("c1", Some(JAN1), Some("A"), Some("web")),
        ev("c1", Some(JAN1 + 31 * DAY - 1), Some("B"), Some("app")),
        ev("c2", Some(JAN1 + 31 * DAY), None, Some("web")),
        ev("c3", None, Some("A"), None),
        ev("c4", Some(JAN1 + 14 * DAY), Some("C"), Some("web")),
    ] {
        b.push(&e);
    }
    b.finish()
}

fn sel(f: &Filter) -> (u64, u64, usize) {
    let d = ds();
    let r = compute(&d, &Prepared::new(&d), &Settings::default(), f);
    (
        r.selection.events,
        r.selection.customers,
        r.selection.notes.len(),
    )
}

#[test]
fn or_within_and_across_dimensions() {
    assert_eq!(sel(&Filter::all()), (5, 4, 0));
    // A or B: rows 1, 2, 4.
    assert_eq!(
        sel(&Filter::all()
            .with(Role::Persona, "A")
            .with(Role::Persona, "B")),
        (3, 2, 0)
    );
    // … and web: row 1 only (row 4 has no channel, so it is left out).
    let f = Filter::all()
        .with(Role::Persona, "A")
        .with(Role::Persona, "B")
        .with(Role::Channel, "web");
    assert_eq!(sel(&f), (1, 1, 0));
    // "(missing)" selects empty cells.
    assert_eq!(
        sel(&Filter::all().with(Role::Persona, "(missing)")),
        (1, 1, 0)
    );
    // A value the data does not have matches nothing; an empty set filters nothing.
    assert_eq!(sel(&Filter::all().with(Role::Persona, "Z")), (0, 0, 0));
    let mut f = Filter::all();
    f.dims.insert(Role::Persona.into(), Default::default());
    assert_eq!(sel(&f), (5, 4, 0));
    // A dimension the data lacks: nothing, with a note saying why.
    assert_eq!(
        sel(&Filter::all().with(DimKey::Extra(0), "north")),
        (0, 0, 1)
    );
}

#[test]
fn date_range_bounds() {
    // Date-only end bound includes the whole day (23:59:59); untimed row 4 and Feb 1 are out.
    assert_eq!(
        sel(&Filter::all().between(None, Some("2024-01-31"))),
        (3, 2, 0)
    );
    assert_eq!(
        sel(&Filter::all().between(Some("2024-01-15"), Some("2024-01-31"))),
        (2, 2, 0)
    );
    assert_eq!(
        sel(&Filter::all().between(Some("2024-02-01"), None)),
        (1, 1, 0)
    );
    // A time-of-day bound is exact.
    assert_eq!(
        sel(&Filter::all().between(None, Some("2024-01-31T12:00:00"))),
        (2, 2, 0)
    );
    // An unreadable date is reported and ignored.
    assert_eq!(
        sel(&Filter::all().between(Some("31/01/2024"), None)),
        (5, 4, 1)
    );
}

fn no_nan(r: &Report) {
    let json = report_json(r);
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
    let back: Report = serde_json::from_str(&json).expect("report reads back");
    assert_eq!(back.selection, r.selection);
}

#[test]
fn empty_data_and_empty_selection_give_none_not_nan() {
    let d = ds();
    let p = Prepared::new(&d);
    let r = compute(
        &d,
        &p,
        &Settings::default(),
        &Filter::all().with(Role::Persona, "Z"),
    );
    assert_eq!(r.funnel.steps[0].customers, 0);
    assert_eq!(r.funnel.steps[0].pct_of_first, None);
    assert_eq!(r.funnel.overall_conversion, None);
    assert_eq!(r.kpis.value("conversion_rate"), None);
    assert_eq!(r.kpis.value("interactions_per_customer"), None);
    assert_eq!(r.kpis.jes.value, None);
    no_nan(&r);

    let full = Columns {
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
        extras: vec!["region".into()],
    };
    let empty = DatasetBuilder::new(&full, Scales::default(), Meta::default()).finish();
    let s = Settings {
        breakdown: Some(DimKey::Extra(0)),
        window_days: Some(3.0),
        ..Settings::default()
    };
    let r = compute(&empty, &Prepared::new(&empty), &s, &Filter::all());
    assert_eq!(r.selection.events, 0);
    assert!(r.funnel.steps.is_empty());
    assert_eq!(r.nps.summary.nps, None);
    assert_eq!(r.kpis.value("customers"), Some(0.0));
    no_nan(&r);
    let r = compute(
        &Dataset::default(),
        &Prepared::new(&Dataset::default()),
        &s,
        &Filter::all(),
    );
    no_nan(&r);
}

/// `cargo test --release --test analytics_filter -- --ignored --nocapture`
#[test]
#[ignore]
fn one_million_events_is_fast() {
    let cols = Columns {
        timestamp: true,
        stage: true,
        touchpoint: true,
        channel: true,
        persona: true,
        satisfaction: true,
        effort: true,
        nps: true,
        revenue: true,
        ..Columns::default()
    };
    let stages = [
        "awareness",
        "consideration",
        "purchase",
        "retention",
        "advocacy",
    ];
    let tps: Vec<String> = (0..30).map(|i| format!("tp{i}")).collect();
    let personas = ["a", "b", "c", "d"];
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    b.reserve(1_000_000);
    let mut x: u64 = 42;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let ids: Vec<String> = (0..100_000).map(|i| format!("c{i}")).collect();
    for n in 0..1_000_000u64 {
        let c = (rnd() % 100_000) as usize;
        let r = rnd();
        b.push(&Event {
            customer: &ids[c],
            timestamp: Some(JAN1 + (r % (365 * DAY as u64)) as i64),
            stage: Some(stages[(r >> 20) as usize % 5]),
            touchpoint: Some(&tps[(r >> 24) as usize % 30]),
            channel: Some(["web", "app"][(r >> 30) as usize % 2]),
            persona: Some(personas[c % 4]),
            satisfaction: Some(1.0 + ((r >> 33) % 5) as f64),
            effort: Some(1.0 + ((r >> 36) % 7) as f64),
            nps: (n % 5 == 0).then_some(((r >> 40) % 11) as f64),
            revenue: (n % 7 == 0).then_some(10.0),
            ..Event::default()
        });
    }
    let d = b.finish();
    let t = std::time::Instant::now();
    let p = Prepared::new(&d);
    println!("prepare: {:?}", t.elapsed());
    let s = Settings {
        breakdown: Some(Role::Persona.into()),
        ..Settings::default()
    };
    let t = std::time::Instant::now();
    let r = compute(&d, &p, &s, &Filter::all());
    println!("all views: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let r2 = compute(&d, &p, &s, &Filter::all().with(Role::Channel, "web"));
    println!("filtered: {:?}", t.elapsed());
    assert_eq!(r.selection.events, 1_000_000);
    assert!(r2.selection.events < 1_000_000);
}
