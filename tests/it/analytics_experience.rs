//! Experience map definitions on a hand-worked dataset (satisfaction scale 1–5).

use journey_lens::analytics::experience::Quadrant;
use journey_lens::analytics::{compute, Filter, Prepared, Report, Settings};
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};

const DAY: i64 = 86_400;
const T0: i64 = 1_704_067_200;

#[allow(clippy::too_many_arguments)]
fn ev<'a>(
    c: &'a str,
    d: i64,
    stage: &'a str,
    tp: &'a str,
    sat: f64,
    effort: Option<f64>,
    nps: Option<f64>,
    persona: &'a str,
) -> Event<'a> {
    Event {
        customer: c,
        timestamp: Some(T0 + d * DAY),
        stage: Some(stage),
        touchpoint: Some(tp),
        satisfaction: Some(sat),
        effort,
        nps,
        persona: Some(persona),
        ..Event::default()
    }
}

/// c1: aw web 4 (effort 6) d0; co web 2 d1; pu store 5 nps 9 d2
/// c2: aw web 1 d0; co app 3 nps 3 d1
/// c3: aw app 5 nps 10 d0; co web 4 d0 (same instant, later in the file)
fn report(min_count: usize, top: usize) -> Report {
    let cols = Columns {
        timestamp: true,
        stage: true,
        touchpoint: true,
        persona: true,
        satisfaction: true,
        effort: true,
        nps: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for e in [
        ev("c1", 0, "awareness", "web", 4.0, Some(6.0), None, "p"),
        ev("c1", 1, "consideration", "web", 2.0, None, None, "p"),
        ev("c1", 2, "purchase", "store", 5.0, None, Some(9.0), "p"),
        ev("c2", 0, "awareness", "web", 1.0, None, None, "q"),
        ev("c2", 1, "consideration", "app", 3.0, None, Some(3.0), "q"),
        ev("c3", 0, "awareness", "app", 5.0, None, Some(10.0), "q"),
        ev("c3", 0, "consideration", "web", 4.0, None, None, "q"),
    ] {
        b.push(&e);
    }
    let ds = b.finish();
    let s = Settings {
        min_count,
        top_handoffs: top,
        ..Settings::default()
    };
    compute(&ds, &Prepared::new(&ds), &s, &Filter::all())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-3, "{a} != {b}");
}

#[test]
fn grid_cells() {
    let r = report(2, 10);
    let g = &r.experience.grid;
    assert_eq!(g.unavailable, None);
    assert_eq!(g.stages, ["awareness", "consideration", "purchase"]);
    // Events per touchpoint: web 4, app 2, store 1.
    assert_eq!(g.touchpoints, ["web", "app", "store"]);
    let cell = |s: &str, t: &str| {
        g.cells
            .iter()
            .find(|c| c.stage == s && c.touchpoint == t)
            .unwrap()
    };
    let aw_web = cell("awareness", "web");
    assert_eq!(
        (aw_web.events, aw_web.customers, aw_web.satisfaction_count),
        (2, 2, 2)
    );
    close(aw_web.satisfaction_mean, 2.5);
    // Negative = answers 1 or 2 on 1–5: one of (4, 1).
    close(aw_web.share_negative, 50.0);
    close(aw_web.effort_mean, 6.0);
    assert_eq!(aw_web.effort_count, 1);
    let co_web = cell("consideration", "web");
    close(co_web.satisfaction_mean, 3.0);
    close(co_web.share_negative, 50.0);
    assert_eq!(cell("purchase", "store").effort_mean, None);
    close(cell("purchase", "store").share_negative, 0.0);
    assert_eq!(g.cells.len(), 5);
}

#[test]
fn emotion_curve_overall_and_by_persona() {
    let r = report(2, 10);
    let e = &r.experience.emotion;
    // awareness (4, 1, 5) → 3.333 = 58.33 %; consideration (2, 3, 4) → 3 = 50 %; purchase 5 = 100 %.
    close(e.overall[0].mean, 10.0 / 3.0);
    close(e.overall[0].percent, 58.333);
    close(e.overall[1].percent, 50.0);
    close(e.overall[2].percent, 100.0);
    assert_eq!(e.overall[0].count, 3);
    let q = e.by_persona.iter().find(|p| p.persona == "q").unwrap();
    // q: awareness (1, 5) → 3; consideration (3, 4) → 3.5; purchase none.
    close(q.points[0].mean, 3.0);
    close(q.points[1].mean, 3.5);
    assert_eq!(q.points[2].mean, None);
}

#[test]
fn pain_points_and_exits() {
    let r = report(2, 10);
    let x = &r.experience;
    let pains: Vec<(&str, &str, f64)> = x
        .pain_points
        .iter()
        .map(|p| (p.stage.as_str(), p.touchpoint.as_str(), p.satisfaction_mean))
        .collect();
    // Only cells with ≥ 2 answers, worst first.
    assert_eq!(
        pains,
        [("awareness", "web", 2.5), ("consideration", "web", 3.0)]
    );
    // Not finished (did not reach purchase): c2 last at app; c3's last event is the web row
    // (same instant as app, later in the file).
    let exits: Vec<(&str, u64)> = x
        .exits
        .iter()
        .map(|e| (e.touchpoint.as_str(), e.customers))
        .collect();
    assert_eq!(exits, [("web", 1), ("app", 1)]);
}

#[test]
fn handoffs_top_and_others_add_up() {
    let r = report(2, 2);
    let h = &r.experience.handoffs;
    // c1 web→web→store: 1 (web→store); c2 web→app; c3 app→web.
    assert_eq!(h.total, 3);
    assert_eq!(h.customers, 3);
    let top: Vec<(&str, &str, u64, Option<f64>)> = h
        .top
        .iter()
        .map(|p| {
            (
                p.from.as_str(),
                p.to.as_str(),
                p.count,
                p.satisfaction_at_to,
            )
        })
        .collect();
    assert_eq!(
        top,
        [("web", "store", 1, Some(5.0)), ("web", "app", 1, Some(3.0))]
    );
    let o = h.others.as_ref().unwrap();
    assert_eq!((o.pairs, o.count, o.satisfaction_at_to), (1, 1, Some(4.0)));
    assert_eq!(
        h.top.iter().map(|p| p.count).sum::<u64>() + o.count,
        h.total
    );
}

#[test]
fn priority_matrix_quadrants() {
    let r = report(2, 10);
    let m = &r.experience.priority;
    assert_eq!(m.unavailable, None);
    // Customer NPS: c1 9, c2 3, c3 10.
    // web: customer means (3, 9), (1, 3), (4, 10): r = 11.3333 / √(4.6667 × 28.6667) = 0.97986.
    // app: (3, 3), (5, 10): two points → r = 1. store: one customer → excluded.
    let web = m.points.iter().find(|p| p.touchpoint == "web").unwrap();
    let app = m.points.iter().find(|p| p.touchpoint == "app").unwrap();
    assert!((web.importance - 0.97986).abs() < 1e-4);
    assert!((app.importance - 1.0).abs() < 1e-9);
    // Performance over all events: web (4, 2, 1, 4) → 2.75 → 43.75 %; app (3, 5) → 4 → 75 %.
    assert!((web.performance - 43.75).abs() < 1e-9);
    assert!((app.performance - 75.0).abs() < 1e-9);
    close(m.performance_median, 59.375);
    close(m.importance_median, 0.98993);
    // 3 and 2 customers: too few for an interval (Fisher's z needs 4), so neither point
    // can be placed above or below the importance median.
    assert_eq!((web.importance_low, web.importance_high), (None, None));
    assert_eq!(app.importance_low, None);
    assert_eq!(web.quadrant, Quadrant::Unclear);
    assert_eq!(app.quadrant, Quadrant::Unclear);
    assert_eq!(m.excluded.len(), 1);
    assert_eq!(
        (m.excluded[0].touchpoint.as_str(), m.excluded[0].customers),
        ("store", 1)
    );
}
