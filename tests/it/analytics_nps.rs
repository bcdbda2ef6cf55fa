//! NPS definitions on hand-worked responses.

use journey_lens::analytics::nps::CommentCategory;
use journey_lens::analytics::{compute, Filter, Prepared, Report, Settings};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Role, Scales};

const DAY: i64 = 86_400;
/// 2024-01-01.
const JAN: i64 = 1_704_067_200;
/// 2024-02-01.
const FEB: i64 = JAN + 31 * DAY;

fn cols(nps: bool) -> Columns {
    Columns {
        timestamp: true,
        persona: true,
        nps,
        comment: true,
        ..Columns::default()
    }
}

fn r<'a>(
    c: &'a str,
    t: i64,
    nps: Option<f64>,
    persona: &'a str,
    comment: Option<&'a str>,
) -> Event<'a> {
    Event {
        customer: c,
        timestamp: Some(t),
        nps,
        persona: Some(persona),
        comment,
        ..Event::default()
    }
}

fn run(rows: &[Event], nps_col: bool, s: &Settings) -> Report {
    let mut b = DatasetBuilder::new(&cols(nps_col), Scales::default(), Meta::default());
    for e in rows {
        b.push(e);
    }
    let ds = b.finish();
    compute(&ds, &Prepared::new(&ds), s, &Filter::all())
}

/// A: 10, 10 (January), 9, 0 (February); B: 8, 7, 6, 3 (February).
fn eight() -> Vec<Event<'static>> {
    vec![
        r("a1", JAN + 4 * DAY, Some(10.0), "A", Some("great")),
        r("a2", JAN + 5 * DAY, Some(10.0), "A", None),
        r("a3", FEB, Some(9.0), "A", None),
        r("a4", FEB + DAY, Some(0.0), "A", None),
        r("b1", FEB + DAY, Some(8.0), "B", None),
        r("b2", FEB + DAY, Some(7.0), "B", Some("ok")),
        r("b3", FEB + DAY, Some(6.0), "B", Some("meh")),
        r("b4", FEB + DAY, Some(3.0), "B", None),
        r("b4", FEB + 2 * DAY, None, "B", Some("slow")),
    ]
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-3, "{a} != {b}");
}

#[test]
fn summary_distribution_and_margin() {
    let v = run(&eight(), true, &Settings::default()).nps;
    let s = &v.summary;
    // P = 3 (10, 10, 9), passives 2 (8, 7), D = 3 (0, 6, 3): NPS = 0.
    assert_eq!(
        (s.responses, s.promoters, s.passives, s.detractors),
        (8, 3, 2, 3)
    );
    close(s.nps, 0.0);
    close(s.promoter_pct, 37.5);
    close(s.passive_pct, 25.0);
    // p = d = 0.375: 1.96·100·√(0.75 / 8) = 60.0125.
    close(s.margin, 60.0125);
    assert_eq!(v.distribution, [1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 2]);
}

#[test]
fn trend_by_month() {
    let v = run(&eight(), true, &Settings::default()).nps;
    assert_eq!(v.trend.len(), 2);
    assert_eq!(v.trend[0].period, "2024-01");
    close(v.trend[0].summary.nps, 100.0);
    close(v.trend[0].summary.margin, 0.0);
    // February: 9, 0, 8, 7, 6, 3 → P 1, D 3 of 6 → −33.33;
    // p = 1/6, d = 1/2: 1.96·100·√((2/3 − 1/9) / 6) = 59.640.
    assert_eq!(v.trend[1].period, "2024-02");
    close(v.trend[1].summary.nps, -33.333);
    close(v.trend[1].summary.margin, 59.640);
}

#[test]
fn breakdown_z_test_against_the_rest() {
    let s = Settings {
        breakdown: Some(Role::Persona.into()),
        ..Settings::default()
    };
    let b = run(&eight(), true, &s).nps.breakdown.unwrap();
    let a = b.segments.iter().find(|x| x.value == "A").unwrap();
    let bb = b.segments.iter().find(|x| x.value == "B").unwrap();
    // A: 10, 10, 9, 0 → NPS 50, SE = 100·√(0.75/4) = 43.30; rest (B): NPS −50, SE = 100·√(0.25/4) = 25.
    // z = 100 / √(1875 + 625) = 2.0, two-sided p = 0.0455003.
    close(a.summary.nps, 50.0);
    close(a.z, 2.0);
    close(bb.z, -2.0);
    close(a.p_value, 0.045_500_3);
    assert!(a.significant && bb.significant);
    assert!(a.low_sample);
}

#[test]
fn comments_by_category() {
    let s = Settings {
        comments_limit: 1,
        ..Settings::default()
    };
    let mut rows = eight();
    rows.push(r("a1", JAN + 9 * DAY, None, "A", Some("again")));
    let v = run(&rows, true, &s).nps;
    let cats: Vec<(CommentCategory, u64, usize)> = v
        .comments
        .iter()
        .map(|g| (g.category, g.total, g.comments.len()))
        .collect();
    assert_eq!(
        cats,
        [
            (CommentCategory::Promoter, 1, 1),
            (CommentCategory::Passive, 1, 1),
            (CommentCategory::Detractor, 1, 1),
            // "again" (a1) and "slow" (b4) have no NPS answer on their row; limit 1 listed.
            (CommentCategory::NoScore, 2, 1),
        ]
    );
    assert_eq!(v.comments[0].comments[0].text, "great");
    assert_eq!(v.comments[2].comments[0].customer, "b3");
}

#[test]
fn all_detractors_one_response_latest_only_and_no_column() {
    let v = run(
        &[
            r("x", JAN, Some(0.0), "A", None),
            r("y", JAN, Some(3.0), "A", None),
            r("z", JAN, Some(6.0), "A", None),
        ],
        true,
        &Settings::default(),
    )
    .nps;
    close(v.summary.nps, -100.0);
    close(v.summary.margin, 0.0);

    let v = run(
        &[r("x", JAN, Some(9.0), "A", None)],
        true,
        &Settings::default(),
    )
    .nps;
    close(v.summary.nps, 100.0);
    close(v.summary.margin, 0.0);

    // x answered 3 then 10: latest only keeps the 10.
    let rows = [
        r("x", JAN + DAY, Some(10.0), "A", None),
        r("x", JAN, Some(3.0), "A", None),
        r("y", JAN, Some(8.0), "A", None),
    ];
    let s = Settings {
        nps_latest_only: true,
        ..Settings::default()
    };
    let v = run(&rows, true, &s).nps;
    assert!(v.latest_only);
    assert_eq!(
        (
            v.summary.responses,
            v.summary.promoters,
            v.summary.detractors
        ),
        (2, 1, 0)
    );
    close(v.summary.nps, 50.0);

    let rep = run(&rows, false, &Settings::default());
    assert_eq!(
        rep.nps.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("nps")
    );
    assert_eq!(rep.nps.summary.nps, None);
    assert_eq!(rep.nps.summary.margin, None);
    assert_eq!(
        rep.kpis
            .get("nps")
            .unwrap()
            .unavailable
            .as_ref()
            .map(|n| n.keys())
            .as_deref(),
        Some("nps")
    );
}
