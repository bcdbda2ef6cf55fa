use crate::charts_support::*;
use journey_lens::analytics::experience::{
    EmotionCurve, EmotionPoint, Grid, GridCell, Handoff, HandoffOthers, Handoffs, PersonaCurve,
    PriorityMatrix, PriorityPoint, Quadrant,
};
use journey_lens::charts::{self, Theme};
use journey_lens::dataset::{Role, Scale};
use journey_lens::i18n::Lang;
use journey_lens::message::{Need, Needs};

const L: Lang = Lang::En;
const ONE_TO_FIVE: Scale = Scale::new(1.0, 5.0);

fn cell(stage: &str, tp: &str, mean: Option<f64>, answers: u64, events: u64) -> GridCell {
    GridCell {
        stage: stage.into(),
        touchpoint: tp.into(),
        events,
        customers: events / 2,
        satisfaction_mean: mean,
        satisfaction_count: answers,
        share_negative: None,
        effort_mean: None,
        effort_count: 0,
    }
}

fn small_grid() -> Grid {
    Grid {
        unavailable: None,
        stages: vec!["Awareness".into(), "Purchase".into()],
        touchpoints: vec!["Web".into(), "Atenció al client".into()],
        cells: vec![
            cell("Awareness", "Web", Some(4.5), 10, 12),
            cell("Purchase", "Web", Some(2.0), 4, 6),
            cell("Awareness", "Atenció al client", None, 0, 3),
        ],
        ..Grid::default()
    }
}

#[test]
fn heatmap_colours_cells_by_diverging_palette_and_marks_empty_ones() {
    let g = small_grid();
    let (svg, map) = render(700, 320, |a| {
        charts::draw_heatmap(a, &g, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    for s in ["Awareness", "Purchase", "Web", "Atenció al client"] {
        assert_text(&svg, s);
    }
    assert_text(&svg, "4.5");
    assert_text(&svg, "n = 10");
    assert_text(&svg, "2.0");
    assert_text(&svg, "n = 4");
    // Both the cell without answers and the missing cell read "–".
    assert_eq!(texts(&svg).iter().filter(|t| *t == "–").count(), 2);
    // 4.5 on 1–5 sits at 0.875 of RdBu: a quarter from #67A9CF to #2166AC.
    assert_eq!(rects_filled(&svg, "#5698C6"), 1);
    // 2.0 sits at 0.25: halfway from #EF8A62 to #FDDBC7.
    assert_eq!(rects_filled(&svg, "#F6B395"), 1);
    // Two empty cells plus the legend swatch.
    assert_eq!(rects_filled(&svg, "#EEEFF1"), 3);
    assert_eq!(
        titles(&map),
        vec![
            "Awareness · Web",
            "Purchase · Web",
            "Awareness · Atenció al client",
            "Purchase · Atenció al client",
        ]
    );
    assert_eq!(
        map.hits[0].lines,
        vec![
            "Satisfaction: 4.50 (1–5)",
            "Answers: 10",
            "Events: 12",
            "Customers: 6"
        ]
    );
    assert_eq!(map.hits[3].lines, vec!["No events"]);
}

#[test]
fn heatmap_table_and_summary() {
    let g = small_grid();
    let t = charts::heatmap_table(&g, "Touchpoint", L);
    assert_eq!(
        t.headers,
        vec![
            "Stage",
            "Touchpoint",
            "Satisfaction",
            "Answers",
            "Events",
            "Customers"
        ]
    );
    assert_eq!(
        t.rows,
        vec![
            vec!["Awareness", "Web", "4.50", "10", "12", "6"],
            vec!["Purchase", "Web", "2.00", "4", "6", "3"],
            vec!["Awareness", "Atenció al client", "n/a", "0", "3", "1"],
        ]
    );
    assert_eq!(
        charts::heatmap_summary(&g, 1, L),
        "Experience map of 2 stages × 2 touchpoints: lowest satisfaction 2.0 at Purchase · Web, highest 4.5 at Awareness · Web."
    );
}

#[test]
fn heatmap_with_40_touchpoints_and_degenerate_grids() {
    let stages: Vec<String> = [
        "Świadomość",
        "Rozważanie",
        "Zakup",
        "Obsługa",
        "Lojalność",
        "Polecenie",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let tps: Vec<String> = (0..40)
        .map(|i| format!("Обслуговування клієнтів №{i}"))
        .collect();
    let mut cells = Vec::new();
    for (i, tp) in tps.iter().enumerate() {
        for (j, s) in stages.iter().enumerate() {
            if (i + j) % 3 != 0 {
                cells.push(cell(s, tp, Some(1.0 + ((i * j) % 5) as f64), 3, 5));
            }
        }
    }
    let g = Grid {
        unavailable: None,
        stages: stages.clone(),
        touchpoints: tps.clone(),
        cells,
        ..Grid::default()
    };
    let (svg, map) = render(900, 600, |a| {
        charts::draw_heatmap(a, &g, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 240);
    for s in &stages {
        assert!(label_drawn(&svg, s), "{s}");
    }
    assert!(label_drawn(&svg, &tps[0]));
    assert_eq!(map.hits[0].title, format!("Świadomość · {}", tps[0]));

    let empty = Grid {
        unavailable: None,
        stages: vec![],
        touchpoints: vec![],
        cells: vec![],
        ..Grid::default()
    };
    let (svg, map) = render(400, 200, |a| {
        charts::draw_heatmap(a, &empty, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
    assert!(map.hits.is_empty());
    assert_eq!(
        charts::heatmap_summary(&empty, 1, L),
        "There is no data to show."
    );

    let missing = Grid {
        unavailable: Some(Needs(vec![
            Need::Column(Role::Stage),
            Need::Column(Role::Touchpoint),
        ])),
        ..empty.clone()
    };
    let (svg, _) = render(600, 200, |a| {
        charts::draw_heatmap(a, &missing, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    assert_text(&svg, "This chart needs a column for: Stage, Touchpoint");

    // A degenerate scale (min = max) colours everything neutral instead of dividing by zero.
    let one = Grid {
        unavailable: None,
        stages: vec!["S".into()],
        touchpoints: vec!["T".into()],
        cells: vec![cell("S", "T", Some(3.0), 1, 1)],
        ..Grid::default()
    };
    let (svg, map) = render(300, 200, |a| {
        charts::draw_heatmap(a, &one, Scale::new(3.0, 3.0), 1, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 1);
    assert_eq!(rects_filled(&svg, "#F7F7F7"), 2); // the cell and the legend midpoint
}

fn ep(stage: &str, percent: Option<f64>, count: u64) -> EmotionPoint {
    EmotionPoint {
        stage: stage.into(),
        mean: percent.map(|p| 1.0 + p / 25.0),
        percent,
        count,
    }
}

fn curve() -> EmotionCurve {
    EmotionCurve {
        unavailable: None,
        overall: vec![
            ep("Awareness", Some(70.0), 40),
            ep("Consideration", Some(55.5), 30),
            ep("Purchase", None, 0),
        ],
        by_persona: vec![PersonaCurve {
            persona: "Świadomy klient".into(),
            points: vec![
                ep("Awareness", Some(80.0), 10),
                ep("Purchase", Some(30.0), 5),
            ],
        }],
        ..EmotionCurve::default()
    }
}

#[test]
fn emotion_curve_lines_points_table_and_summary() {
    let c = curve();
    let (svg, map) = render(700, 320, |a| {
        charts::draw_emotion(a, &c, &Theme::light(), L)
    });
    for s in [
        "Awareness",
        "Consideration",
        "Purchase",
        "All customers",
        "Świadomy klient",
    ] {
        assert_text(&svg, s);
    }
    // Fixed 0–100 axis.
    assert_text(&svg, "0");
    assert_text(&svg, "100");
    // Persona points first, then overall on top; the missing overall point has no hit.
    assert_eq!(
        titles(&map),
        vec![
            "Świadomy klient · Awareness",
            "Świadomy klient · Purchase",
            "All customers · Awareness",
            "All customers · Consideration",
        ]
    );
    assert_eq!(
        map.hits[2].lines,
        vec!["Satisfaction (0–100): 70.0", "Mean: 3.80", "Answers: 40"]
    );
    // 80 is drawn above 70 (smaller y).
    assert!(map.hits[0].y0 < map.hits[2].y0);
    let t = charts::emotion_table(&c, L);
    assert_eq!(t.headers, vec!["Stage", "All customers", "Świadomy klient"]);
    assert_eq!(
        t.rows,
        vec![
            vec!["Awareness", "70.0", "80.0"],
            vec!["Consideration", "55.5", "n/a"],
            vec!["Purchase", "n/a", "30.0"],
        ]
    );
    assert_eq!(
        charts::emotion_summary(&c, L),
        "Satisfaction (0–100) along 3 stages: lowest 55.5 at Consideration, highest 70.0 at Awareness."
    );
    let none = EmotionCurve {
        unavailable: None,
        overall: vec![ep("Awareness", None, 0)],
        by_persona: vec![],
        ..EmotionCurve::default()
    };
    let (svg, map) = render(400, 200, |a| {
        charts::draw_emotion(a, &none, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
    assert!(map.hits.is_empty());
}

fn handoffs() -> Handoffs {
    Handoffs {
        unavailable: None,
        total: 500,
        customers: 150,
        top: vec![
            Handoff {
                from: "Web".into(),
                to: "Phone".into(),
                count: 300,
                customers: 120,
                satisfaction_at_to: Some(3.25),
            },
            Handoff {
                from: "Phone".into(),
                to: "Atenció al client".into(),
                count: 100,
                customers: 60,
                satisfaction_at_to: None,
            },
        ],
        others: Some(HandoffOthers {
            pairs: 5,
            count: 100,
            satisfaction_at_to: Some(4.0),
        }),
    }
}

#[test]
fn handoff_bars_include_others() {
    let h = handoffs();
    let (svg, map) = render(700, 240, |a| {
        charts::draw_handoffs(a, &h, &Theme::light(), L)
    });
    assert_text(&svg, "Web → Phone");
    assert_text(&svg, "300 · 60.0%");
    assert_text(&svg, "100 · 20.0%");
    assert_text(&svg, "Others (5 pairs)");
    assert_eq!(
        titles(&map),
        vec![
            "Web → Phone",
            "Phone → Atenció al client",
            "Others (5 pairs)"
        ]
    );
    assert_eq!(
        map.hits[0].lines,
        vec![
            "Hand-offs: 300",
            "Share: 60.0%",
            "Customers: 120",
            "Satisfaction at destination: 3.25"
        ]
    );
    // The others bar is grey (theme axis colour).
    assert_eq!(rects_filled(&svg, "#8C939A"), 1);
    let t = charts::handoffs_table(&h, L);
    assert_eq!(
        t.rows,
        vec![
            vec!["Web", "Phone", "300", "60.0%", "120", "3.25"],
            vec!["Phone", "Atenció al client", "100", "20.0%", "60", "n/a"],
            vec!["Others (5 pairs)", "", "100", "20.0%", "n/a", "4.00"],
        ]
    );
    assert_eq!(
        charts::handoffs_summary(&h, L),
        "500 hand-offs by 150 customers; the most frequent is Web → Phone (300, 60.0%)."
    );
    let empty = Handoffs {
        unavailable: None,
        total: 0,
        customers: 0,
        top: vec![],
        others: None,
    };
    let (svg, _) = render(400, 200, |a| {
        charts::draw_handoffs(a, &empty, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
}

fn pp(tp: &str, perf: f64, imp: f64, q: Quadrant) -> PriorityPoint {
    PriorityPoint {
        touchpoint: tp.into(),
        performance: perf,
        importance: imp,
        importance_low: Some(imp - 0.1),
        importance_high: Some(imp + 0.1),
        customers: 25,
        quadrant: q,
    }
}

fn matrix() -> PriorityMatrix {
    PriorityMatrix {
        unavailable: None,
        points: vec![
            pp("Phone", 40.0, 0.6, Quadrant::FixFirst),
            pp("Web", 80.0, 0.5, Quadrant::KeepUp),
            pp("Email", 30.0, -0.2, Quadrant::LowPriority),
            pp("Store", 85.0, -0.4, Quadrant::PossibleOverkill),
        ],
        excluded: vec![],
        performance_median: Some(60.0),
        importance_median: Some(0.15),
    }
}

#[test]
fn priority_matrix_quadrants_points_and_labels() {
    let m = matrix();
    let (svg, map) = render(700, 450, |a| {
        charts::draw_priority(a, &m, &Theme::light(), L)
    });
    for s in [
        "Fix first",
        "Keep up",
        "Low priority",
        "Possible overkill",
        "Phone",
        "Web",
        "Email",
        "Store",
        "Importance (correlation with NPS)",
        "Performance (satisfaction 0–100)",
        "−1.0",
        "1.0",
        "100",
    ] {
        assert_text(&svg, s);
    }
    assert_eq!(titles(&map), vec!["Phone", "Web", "Email", "Store"]);
    assert_eq!(
        map.hits[0].lines,
        vec![
            "Performance: 40.0",
            "Importance: +0.60",
            "95% interval: +0.50 to +0.70",
            "Customers: 25",
            "Fix first"
        ]
    );
    let centre = |i: usize| {
        let h = &map.hits[i];
        ((h.x0 + h.x1) / 2, (h.y0 + h.y1) / 2)
    };
    // Phone (40) left of Web (80); Phone (0.6) above Email (−0.2).
    assert!(centre(0).0 < centre(1).0);
    assert!(centre(0).1 < centre(2).1);
    assert_eq!(
        charts::priority_table(&m, "Touchpoint", L).rows[0],
        vec![
            "Phone",
            "40.0",
            "+0.60",
            "+0.50 to +0.70",
            "25",
            "Fix first"
        ]
    );
    assert_eq!(
        charts::priority_summary(&m, L),
        "Priority matrix of 4 touchpoints. Fix first: Phone."
    );
    let mut none = matrix();
    none.points.clear();
    let (svg, map) = render(400, 300, |a| {
        charts::draw_priority(a, &none, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
    assert!(map.hits.is_empty());
}

#[test]
fn priority_matrix_with_many_overlapping_points_keeps_every_hit() {
    let mut m = matrix();
    m.points = (0..40)
        .map(|i| {
            pp(
                &format!("Точка обслуговування {i}"),
                50.0 + (i % 3) as f64,
                0.1,
                Quadrant::KeepUp,
            )
        })
        .collect();
    m.performance_median = None;
    let (svg, map) = render(600, 400, |a| {
        charts::draw_priority(a, &m, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 40);
    // Every point is labelled: crowded labels move up or down with a leader line (that
    // none overlaps is tested with the placement itself, in src/charts/priority.rs).
    let labels = texts(&svg)
        .iter()
        .filter(|t| t.starts_with("Точка"))
        .count();
    assert_eq!(labels, 40);
}

/// The case: three touchpoints with importance 0.65–0.67 whose intervals all
/// include the median are "unclear", not spread over three quadrants.
fn close_call() -> PriorityMatrix {
    let p = |tp: &str, perf: f64, r: f64, lo: f64, hi: f64, q: Quadrant| {
        let mut x = pp(tp, perf, r, q);
        x.importance_low = Some(lo);
        x.importance_high = Some(hi);
        x
    };
    PriorityMatrix {
        unavailable: None,
        points: vec![
            p("Website", 40.0, 0.66, 0.40, 0.82, Quadrant::Unclear),
            p("Call centre", 45.0, 0.65, 0.38, 0.83, Quadrant::Unclear),
            p("App", 80.0, 0.67, 0.42, 0.84, Quadrant::Unclear),
            p("Store", 70.0, 0.20, -0.05, 0.42, Quadrant::PossibleOverkill),
        ],
        excluded: vec![],
        performance_median: Some(57.5),
        importance_median: Some(0.655),
    }
}

#[test]
fn priority_matrix_zooms_to_the_data_and_marks_unclear_points() {
    let m = close_call();
    let (svg, map) = render(700, 450, |a| {
        charts::draw_priority(a, &m, &Theme::light(), L)
    });
    // x: 40…80 and the median, padded by 5 → 35…85, steps of 10: 30 … 90. y: −0.05…0.84
    // padded by 0.0712 → steps of 0.25: −0.25 … 1.00. Neither 0–100 nor −1…1.
    for s in ["30", "90", "−0.25", "1.00"] {
        assert_text(&svg, s);
    }
    for s in ["100", "−1.0", "−0.50"] {
        assert_no_text(&svg, s);
    }
    for s in [
        "Website",
        "Call centre",
        "App",
        "Store",
        // The key names the interval lines, the dashed medians and the unclear rings.
        "95% interval of the importance",
        "Median (quadrant border)",
        "Unclear: the interval crosses the median",
    ] {
        assert_text(&svg, s);
    }
    assert_eq!(
        map.hits[0].lines,
        vec![
            "Performance: 40.0",
            "Importance: +0.66",
            "95% interval: +0.40 to +0.82",
            "Customers: 25",
            "Unclear"
        ]
    );
    // The screen-reader verdict says what is drawn: no "Fix first", three unclear.
    assert_eq!(
        charts::priority_summary(&m, L),
        "Priority matrix of 4 touchpoints. Nothing falls in “Fix first”. Unclear (the interval crosses the median importance): Website, Call centre, App."
    );
}

#[test]
fn the_priority_matrix_key_in_every_language_and_at_phone_width() {
    let m = close_call();
    for (lang, keys) in [
        (
            Lang::Ca,
            [
                "Interval del 95% de la importància",
                "Mediana (límit dels quadrants)",
                "Poc clar: l'interval travessa la mediana",
            ],
        ),
        (
            Lang::Es,
            [
                "Intervalo del 95 % de la importancia",
                "Mediana (límite de los cuadrantes)",
                "Poco claro: el intervalo cruza la mediana",
            ],
        ),
        (
            Lang::Pl,
            [
                "95% przedział ważności",
                "Mediana (granica ćwiartek)",
                "Niejasne: przedział przecina medianę",
            ],
        ),
    ] {
        for (w, h) in [(700, 450), (340, 420)] {
            let (svg, map) = render(w, h, |a| charts::draw_priority(a, &m, &Theme::dark(), lang));
            for k in keys {
                assert_text(&svg, k);
            }
            // The key sits above the plot: every point is still drawn and hit.
            assert_eq!(map.hits.len(), 4, "{lang:?} at {w} px");
        }
    }
}

#[test]
fn an_empty_priority_matrix_says_why() {
    use journey_lens::analytics::experience::{ExcludedTouchpoint, Exclusion};
    let mut m = close_call();
    m.points.clear();
    m.excluded = vec![ExcludedTouchpoint {
        touchpoint: "Web".into(),
        customers: 7,
        reason: Exclusion::TooFew { min_count: 20 },
    }];
    let (svg, _) = render(400, 300, |a| {
        charts::draw_priority(a, &m, &Theme::light(), L)
    });
    // Drawn over two lines at this width.
    assert_text(&svg, "No touchpoint has 20 customers with both a");
    assert_text(&svg, "satisfaction and an NPS answer.");
    assert_eq!(
        charts::priority_summary(&m, L),
        "No touchpoint has 20 customers with both a satisfaction and an NPS answer."
    );
}

#[test]
fn heatmap_fades_cells_under_the_minimum_answers() {
    let g = small_grid();
    // Minimum 5: Purchase · Web (2.0 on 4 answers) is thin.
    let (svg, map) = render(700, 320, |a| {
        charts::draw_heatmap(a, &g, ONE_TO_FIVE, 5, &Theme::light(), L)
    });
    // Its full colour #F6B395 is blended 70 % toward white: #FCE8DF.
    assert_eq!(rects_filled(&svg, "#F6B395"), 0);
    assert_eq!(rects_filled(&svg, "#FCE8DF"), 1);
    // 4.5 on 10 answers keeps its colour.
    assert_eq!(rects_filled(&svg, "#5698C6"), 1);
    assert_eq!(
        map.hits[1].lines.last().map(String::as_str),
        Some("Too few answers (minimum 5)")
    );
    assert_text(&svg, "Too few answers (minimum 5)");
    // The summary's lowest cell is one drawn in full colour.
    assert_eq!(
        charts::heatmap_summary(&g, 5, L),
        "Experience map of 2 stages × 2 touchpoints: lowest satisfaction 4.5 at Awareness · Web, highest 4.5 at Awareness · Web. 1 cell has fewer than 5 answers and is drawn faded."
    );
}
