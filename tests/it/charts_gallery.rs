//! Writes every chart as an SVG for eyeballing layout changes:
//! `cargo test --test charts_gallery -- --ignored`, then open the files printed.
//! Ignored by default because it checks nothing a machine can judge.

use crate::charts_support::render;
use journey_lens::analytics::experience::{
    EmotionCurve, EmotionPoint, Grid, GridCell, PersonaCurve, PriorityMatrix, PriorityPoint,
    Quadrant,
};
use journey_lens::analytics::funnel::{FunnelStep, Interval, ResolvedMode, StageOrderSource};
use journey_lens::analytics::FunnelView;
use journey_lens::charts::{self, Theme};
use journey_lens::dataset::Scale;
use journey_lens::i18n::Lang;

const L: Lang = Lang::En;

fn save(name: &str, svg: &str) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.svg"));
    match std::fs::write(&path, svg) {
        Ok(()) => println!("{}", path.display()),
        Err(e) => println!("could not write {}: {e}", path.display()),
    }
}

#[test]
#[ignore]
fn gallery() {
    let names = [
        "Awareness",
        "Consideration",
        "Świadomość marki",
        "Atenció al client",
        "Advocacy",
    ];
    let counts = [1234u64, 800, 420, 160, 98];
    let steps: Vec<FunnelStep> = names
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (n, c))| {
            let prev = if i > 0 { counts[i - 1] } else { c };
            let p = c as f64 / prev as f64 * 100.0;
            FunnelStep {
                stage: n.to_string(),
                customers: c,
                pct_of_first: Some(c as f64 / 1234.0 * 100.0),
                pct_of_previous: (i > 0).then_some(p),
                interval: (i > 0).then_some(Interval {
                    low: p - 3.0,
                    high: p + 3.0,
                }),
                drop_off: (i > 0).then_some(prev - c),
                median_days_from_previous: (i > 0).then_some(i as f64 * 1.5),
                mean_days_from_previous: (i > 0).then_some(i as f64 * 2.2),
            }
        })
        .collect();
    let v = FunnelView {
        unavailable: None,
        mode: ResolvedMode::Ordered,
        window_days: None,
        order_source: StageOrderSource::Meta,
        stages: names.iter().map(|s| s.to_string()).collect(),
        unlisted_stages: vec![],
        placed_by_data: vec![],
        conversion_stage: None,
        conversion_step: None,
        steps,
        overall_conversion: None,
        breakdown: None,
        trend: vec![],
        notes: vec![],
    };
    let th = Theme::light();
    save(
        "funnel",
        &render(800, 320, |a| charts::draw_funnel(a, &v, &th, L)).0,
    );
    save(
        "ttc",
        &render(800, 320, |a| charts::draw_time_to_convert(a, &v, &th, L)).0,
    );
    let tps = [
        "Web",
        "App",
        "Call centre",
        "Atenció al client",
        "Store",
        "Email",
    ];
    let mut cells = Vec::new();
    for (i, tp) in tps.iter().enumerate() {
        for (j, s) in names.iter().enumerate() {
            if (i + j) % 4 != 0 {
                cells.push(GridCell {
                    stage: s.to_string(),
                    touchpoint: tp.to_string(),
                    events: 50,
                    customers: 20,
                    satisfaction_mean: (i * j % 3 != 1)
                        .then_some(1.0 + ((i * 7 + j * 3) % 9) as f64 / 2.0),
                    satisfaction_count: 12,
                    share_negative: None,
                    effort_mean: None,
                    effort_count: 0,
                });
            }
        }
    }
    let g = Grid {
        unavailable: None,
        stages: names.iter().map(|s| s.to_string()).collect(),
        touchpoints: tps.iter().map(|s| s.to_string()).collect(),
        cells,
        ..Grid::default()
    };
    save(
        "heatmap",
        &render(800, 400, |a| {
            charts::draw_heatmap(a, &g, Scale::new(1.0, 5.0), 1, &th, L)
        })
        .0,
    );
    let pt = |s: &str, p: f64| EmotionPoint {
        stage: s.into(),
        mean: Some(p / 25.0 + 1.0),
        percent: Some(p),
        count: 10,
    };
    let c = EmotionCurve {
        unavailable: None,
        overall: names
            .iter()
            .zip([70.0, 55.0, 40.0, 62.0, 80.0])
            .map(|(s, p)| pt(s, p))
            .collect(),
        by_persona: vec![
            PersonaCurve {
                persona: "Student".into(),
                points: names
                    .iter()
                    .zip([60.0, 50.0, 30.0, 70.0, 85.0])
                    .map(|(s, p)| pt(s, p))
                    .collect(),
            },
            PersonaCurve {
                persona: "Retiree".into(),
                points: names
                    .iter()
                    .zip([80.0, 65.0, 55.0, 50.0, 75.0])
                    .map(|(s, p)| pt(s, p))
                    .collect(),
            },
        ],
        ..EmotionCurve::default()
    };
    save(
        "emotion",
        &render(800, 320, |a| charts::draw_emotion(a, &c, &th, L)).0,
    );
    let m = PriorityMatrix {
        unavailable: None,
        points: tps
            .iter()
            .enumerate()
            .map(|(i, t)| PriorityPoint {
                touchpoint: t.to_string(),
                performance: 30.0 + i as f64 * 11.0,
                importance: 0.6 - i as f64 * 0.22,
                importance_low: Some(0.45 - i as f64 * 0.22),
                importance_high: Some(0.72 - i as f64 * 0.22),
                customers: 40,
                quadrant: [
                    Quadrant::FixFirst,
                    Quadrant::KeepUp,
                    Quadrant::LowPriority,
                    Quadrant::PossibleOverkill,
                ][i % 4],
            })
            .collect(),
        excluded: vec![],
        performance_median: Some(55.0),
        importance_median: Some(0.05),
    };
    save(
        "priority",
        &render(800, 450, |a| charts::draw_priority(a, &m, &th, L)).0,
    );
}
