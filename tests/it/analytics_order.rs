//! Row order must not matter: the analysis sorts events by customer and time itself.
//!
//! Two files hold the same events, one in generation order and one shuffled. Both start
//! with the same header rows, which introduce every customer and every dimension value in
//! the same order, so the two datasets share their dictionaries (codes). Timestamps are
//! distinct within each customer and numeric answers are small integers (exact sums in
//! any order), so the reports must be identical to the last digit.

use journey_lens::analytics::{
    compute, report_json, Filter, FunnelMode, PeriodKind, Prepared, Settings,
};
use journey_lens::dataset::{
    Columns, Dataset, DatasetBuilder, DimKey, Event, Meta, Role, Scales, NO_TIME,
};
use journey_lens::generate::rng::Rng;
use proptest::prelude::*;

const STAGES: [&str; 5] = [
    "awareness",
    "consideration",
    "purchase",
    "retention",
    "advocacy",
];
const TOUCHPOINTS: [&str; 4] = ["Website", "App", "Store", "Call centre"];
const CHANNELS: [&str; 3] = ["online", "store", "phone"];
const PERSONAS: [&str; 3] = ["Saver", "Loyal", "Explorer"];
const REGIONS: [&str; 2] = ["North", "South"];
const JAN1_2024: i64 = 1_704_067_200;

/// Owned event fields (an `Event` borrows its strings).
#[derive(Clone)]
struct Row {
    customer: String,
    time: Option<i64>,
    stage: Option<&'static str>,
    touchpoint: Option<&'static str>,
    channel: &'static str,
    persona: &'static str,
    region: &'static str,
    satisfaction: Option<f64>,
    effort: Option<f64>,
    nps: Option<f64>,
    revenue: Option<f64>,
    comment: Option<String>,
}

/// `Some(value drawn by f)` with probability `p`.
fn maybe<T>(rng: &mut Rng, p: f64, f: impl FnOnce(&mut Rng) -> T) -> Option<T> {
    let v = f(rng);
    rng.chance(p).then_some(v)
}

/// (header rows, other rows): the header holds each customer's first event, and the i-th
/// header row uses the i-th value (cyclically) of every dimension.
fn rows(seed: u64) -> (Vec<Row>, Vec<Row>) {
    let mut rng = Rng::new(seed);
    let customers = 30 + rng.below(30) as usize;
    // Distinct hours over ~8 months, handed out without replacement.
    let mut hours: Vec<i64> = (0..6000).collect();
    for i in (1..hours.len()).rev() {
        hours.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut hours = hours.into_iter();
    let (mut header, mut rest) = (Vec::new(), Vec::new());
    for c in 0..customers {
        let n = 1 + rng.below(8) as usize;
        // One untimed event at most per customer, so no two of its events tie.
        let untimed = rng.chance(0.2).then(|| rng.below(n as u64) as usize);
        for j in 0..n {
            let pick = |rng: &mut Rng, len: usize| {
                if j == 0 {
                    c % len
                } else {
                    rng.below(len as u64) as usize
                }
            };
            let stage = pick(&mut rng, STAGES.len());
            let tp = pick(&mut rng, TOUCHPOINTS.len());
            let row = Row {
                customer: format!("C{c:03}"),
                time: (untimed != Some(j)).then(|| JAN1_2024 + hours.next().unwrap_or(0) * 3_600),
                stage: (j == 0 || rng.chance(0.95)).then_some(STAGES[stage]),
                touchpoint: (j == 0 || rng.chance(0.95)).then_some(TOUCHPOINTS[tp]),
                channel: CHANNELS[pick(&mut rng, CHANNELS.len())],
                persona: PERSONAS[pick(&mut rng, PERSONAS.len())],
                region: REGIONS[pick(&mut rng, REGIONS.len())],
                satisfaction: maybe(&mut rng, 0.6, |r| 1.0 + r.below(5) as f64),
                effort: maybe(&mut rng, 0.5, |r| 1.0 + r.below(7) as f64),
                nps: maybe(&mut rng, 0.4, |r| r.below(11) as f64),
                revenue: maybe(&mut rng, 0.3, |r| 10.0 + r.below(200) as f64),
                comment: maybe(&mut rng, 0.2, |_| format!("comment {c} {j}")),
            };
            if j == 0 {
                header.push(row);
            } else {
                rest.push(row);
            }
        }
    }
    (header, rest)
}

fn build(rows: &[Row]) -> Dataset {
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
        comment: true,
        extras: vec!["region".into()],
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for r in rows {
        b.push(&Event {
            customer: &r.customer,
            timestamp: r.time,
            stage: r.stage,
            touchpoint: r.touchpoint,
            channel: Some(r.channel),
            persona: Some(r.persona),
            satisfaction: r.satisfaction,
            effort: r.effort,
            nps: r.nps,
            revenue: r.revenue,
            comment: r.comment.as_deref(),
            extras: vec![Some(r.region)],
            ..Event::default()
        });
    }
    b.finish()
}

/// Every settings/filter pair compared.
fn cases() -> Vec<(Settings, Filter)> {
    let breakdown = Settings {
        breakdown: Some(Role::Persona.into()),
        nps_latest_only: true,
        min_count: 2,
        ..Settings::default()
    };
    let any_order = Settings {
        mode: FunnelMode::AnyOrder,
        window_days: Some(20.0),
        period: PeriodKind::Week,
        ..Settings::default()
    };
    let window = Settings {
        window_days: Some(15.0),
        sparkline_periods: 4,
        top_handoffs: 2,
        comments_limit: 3,
        ..Settings::default()
    };
    vec![
        (Settings::default(), Filter::all()),
        (breakdown.clone(), Filter::all()),
        (any_order, Filter::all()),
        (window, Filter::all().with(DimKey::Extra(0), "North")),
        (breakdown, Filter::all().with(Role::Persona, "Loyal")),
        (
            Settings::default(),
            Filter::all().between(Some("2024-03-01"), Some("2024-05-31")),
        ),
    ]
}

/// (customer code, time with missing last, file index) of every row, in `order`.
fn keys(ds: &Dataset, order: &[u32]) -> Vec<(u32, i64, u32)> {
    let ts = ds.timestamp.as_deref().unwrap_or(&[]);
    order
        .iter()
        .map(|&i| {
            let t = ts[i as usize];
            let t = if t == NO_TIME { i64::MAX } else { t };
            (ds.customer.codes[i as usize], t, i)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn shuffled_rows_give_the_same_report(seed in any::<u64>()) {
        let (header, rest) = rows(seed);
        let mut shuffled_rest = rest.clone();
        let mut rng = Rng::new(seed ^ 0x5eed);
        for i in (1..shuffled_rest.len()).rev() {
            shuffled_rest.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let in_order = build(&[header.clone(), rest].concat());
        let shuffled = build(&[header, shuffled_rest].concat());
        prop_assert_eq!(&in_order.customer.values, &shuffled.customer.values);

        let (p1, p2) = (Prepared::new(&in_order), Prepared::new(&shuffled));
        // The analysis order is exactly the (customer, time, file index) sort.
        for (ds, prep) in [(&in_order, &p1), (&shuffled, &p2)] {
            let k = keys(ds, &prep.order);
            prop_assert!(k.windows(2).all(|w| w[0] < w[1]), "order is not sorted");
            prop_assert_eq!(k.len(), ds.len());
        }
        for (settings, filter) in cases() {
            let a = report_json(&compute(&in_order, &p1, &settings, &filter));
            let b = report_json(&compute(&shuffled, &p2, &settings, &filter));
            prop_assert_eq!(a, b);
        }
    }
}

/// The sort also holds on rows that are already in analysis order (the fast path) and
/// where every event of a customer shares one timestamp (ties keep file order).
#[test]
fn order_keeps_file_order_on_ties() {
    let cols = Columns {
        timestamp: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    // Rows: 0 a@5, 1 b@1, 2 a@5, 3 a@(none), 4 b@1, 5 a@2
    for (c, t) in [
        ("a", Some(5)),
        ("b", Some(1)),
        ("a", Some(5)),
        ("a", None),
        ("b", Some(1)),
        ("a", Some(2)),
    ] {
        b.push(&Event {
            customer: c,
            timestamp: t,
            ..Event::default()
        });
    }
    let ds = b.finish();
    // a (code 0): @2 row 5, @5 rows 0 and 2, untimed row 3; then b (code 1): rows 1, 4.
    assert_eq!(Prepared::new(&ds).order, vec![5, 0, 2, 3, 1, 4]);

    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for (c, t) in [("a", 1), ("a", 1), ("a", 3), ("b", 0)] {
        b.push(&Event {
            customer: c,
            timestamp: Some(t),
            ..Event::default()
        });
    }
    assert_eq!(Prepared::new(&b.finish()).order, vec![0, 1, 2, 3]);
}
