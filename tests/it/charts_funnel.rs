use crate::charts_support::*;
use journey_lens::analytics::funnel::{
    CohortPoint, FunnelBreakdown, FunnelGroup, FunnelStep, Interval, ResolvedMode, StageOrderSource,
};
use journey_lens::analytics::FunnelView;
use journey_lens::charts::{self, Theme};
use journey_lens::dataset::Role;
use journey_lens::i18n::Lang;
use journey_lens::message::Needs;
use plotters::prelude::*;

const L: Lang = Lang::En;

fn step(stage: &str, customers: u64, first: f64, prev: Option<f64>) -> FunnelStep {
    FunnelStep {
        stage: stage.to_string(),
        customers,
        pct_of_first: Some(first),
        pct_of_previous: prev,
        interval: None,
        drop_off: None,
        median_days_from_previous: None,
        mean_days_from_previous: None,
    }
}

fn view(steps: Vec<FunnelStep>) -> FunnelView {
    FunnelView {
        unavailable: None,
        mode: ResolvedMode::Ordered,
        window_days: None,
        order_source: StageOrderSource::Meta,
        stages: steps.iter().map(|s| s.stage.clone()).collect(),
        unlisted_stages: vec![],
        placed_by_data: vec![],
        conversion_stage: None,
        conversion_step: None,
        steps,
        overall_conversion: None,
        breakdown: None,
        trend: vec![],
        notes: vec![],
    }
}

/// 1,000 → 400 → 100 customers; intervals and drop-offs written by hand.
fn three_steps() -> FunnelView {
    let mut s1 = step("Awareness", 1000, 100.0, None);
    s1.drop_off = None;
    let mut s2 = step("Consideration", 400, 40.0, Some(40.0));
    s2.interval = Some(Interval {
        low: 37.0,
        high: 43.1,
    });
    s2.drop_off = Some(600);
    s2.median_days_from_previous = Some(2.5);
    s2.mean_days_from_previous = Some(4.0);
    let mut s3 = step("Purchase", 100, 10.0, Some(25.0));
    s3.interval = Some(Interval {
        low: 21.0,
        high: 29.5,
    });
    s3.drop_off = Some(300);
    s3.median_days_from_previous = Some(0.5);
    s3.mean_days_from_previous = Some(1.26);
    view(vec![s1, s2, s3])
}

#[test]
fn funnel_draws_counts_percentages_and_hits() {
    let v = three_steps();
    let (svg, map) = render(800, 300, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    assert_text(&svg, "Awareness");
    assert_text(&svg, "Consideration");
    assert_text(&svg, "Purchase");
    assert_text(&svg, "1,000 · 100.0%");
    assert_text(&svg, "400 · 40.0%");
    assert_text(&svg, "100 · 10.0%");
    // The Wilson whiskers have a key.
    assert_text(&svg, "95% interval (Wilson)");
    assert_eq!(titles(&map), vec!["Awareness", "Consideration", "Purchase"]);
    assert_eq!(
        map.hits[1].lines,
        vec![
            "Customers: 400",
            "% of first: 40.0%",
            "% of previous: 40.0% (95% interval 37.0%–43.1%)",
            "Drop-off: 600",
        ]
    );
    assert_eq!(
        map.hits[0].lines,
        vec!["Customers: 1,000", "% of first: 100.0%"]
    );
    // Rows go top to bottom in funnel order.
    assert!(map.hits[0].y1 <= map.hits[1].y0 && map.hits[1].y1 <= map.hits[2].y0);
    // The UI finds a step by pointer position.
    let h = &map.hits[2];
    let found = map.hit_at((h.x0 + h.x1) / 2, (h.y0 + h.y1) / 2);
    assert_eq!(found.map(|h| h.title.as_str()), Some("Purchase"));
    assert_eq!((map.width, map.height), (800, 300));
}

#[test]
fn bar_lengths_are_proportional_to_customers() {
    // No intervals, so each hit region ends exactly at its bar end.
    let v = view(vec![
        step("A", 1000, 100.0, None),
        step("B", 400, 40.0, Some(40.0)),
        step("C", 100, 10.0, Some(25.0)),
    ]);
    let (_, map) = render(800, 300, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    let x0 = map.hits[0].x0;
    let full = (map.hits[0].x1 - x0) as f64;
    let b = (map.hits[1].x1 - x0) as f64 / full;
    let c = (map.hits[2].x1 - x0) as f64 / full;
    assert!((b - 0.4).abs() < 0.01, "400/1000 bar ratio {b}");
    assert!((c - 0.1).abs() < 0.02, "100/1000 bar ratio {c}");
}

#[test]
fn funnel_table_csv_and_summary() {
    let v = three_steps();
    let t = charts::funnel_table(&v, L);
    assert_eq!(
        t.headers,
        vec![
            "Stage",
            "Customers",
            "% of first",
            "% of previous",
            "95% interval",
            "Drop-off"
        ]
    );
    assert_eq!(
        t.rows,
        vec![
            vec!["Awareness", "1,000", "100.0%", "n/a", "n/a", "n/a"],
            vec![
                "Consideration",
                "400",
                "40.0%",
                "40.0%",
                "37.0%–43.1%",
                "600"
            ],
            vec!["Purchase", "100", "10.0%", "25.0%", "21.0%–29.5%", "300"],
        ]
    );
    // For a spreadsheet: numbers without grouping or "%", the interval in two columns,
    // empty cells for n/a, a byte-order mark.
    assert_eq!(
        t.to_csv(L),
        "\u{FEFF}Stage,Customers,% of first,% of previous,\
         95% interval (lower bound),95% interval (upper bound),Drop-off\r\n\
         Awareness,1000,100.0,,,,\r\n\
         Consideration,400,40.0,40.0,37.0,43.1,600\r\n\
         Purchase,100,10.0,25.0,21.0,29.5,300\r\n"
    );
    assert_eq!(
        charts::funnel_summary(&v, L),
        "Funnel of 3 stages: 1,000 customers reached Awareness and 100 (10.0%) reached Purchase."
    );
}

#[test]
fn csv_neutralises_formula_stage_names() {
    let v = view(vec![step("=HYPERLINK(\"http://x\")", 5, 100.0, None)]);
    let csv = charts::funnel_table(&v, L).to_csv(L);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
}

#[test]
fn empty_unavailable_and_single_step() {
    let empty = view(vec![]);
    let (svg, map) = render(400, 200, |a| {
        charts::draw_funnel(a, &empty, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
    assert!(map.hits.is_empty());
    assert_eq!(
        charts::funnel_summary(&empty, L),
        "There is no data to show."
    );
    assert!(charts::funnel_table(&empty, L).rows.is_empty());

    let mut missing = view(vec![]);
    missing.unavailable = Some(Needs::column(Role::Stage));
    let (svg, _) = render(600, 200, |a| {
        charts::draw_funnel(a, &missing, &Theme::light(), L)
    });
    assert_text(&svg, "This chart needs a column for: Stage");
    assert_eq!(
        charts::funnel_summary(&missing, L),
        "This chart needs a column for: Stage"
    );

    let one = view(vec![step("Awareness", 1234, 100.0, None)]);
    let (svg, map) = render(400, 200, |a| {
        charts::draw_funnel(a, &one, &Theme::light(), L)
    });
    assert_text(&svg, "1,234 · 100.0%");
    assert_eq!(map.hits.len(), 1);
    assert_eq!(
        charts::funnel_summary(&one, L),
        "Funnel of 1 stage: 1,234 customers reached Awareness."
    );
}

#[test]
fn long_and_non_ascii_labels_are_shortened_on_char_boundaries() {
    let names = [
        "Świadomość marki wśród klientów indywidualnych",
        "Atenció al client",
        "Обслуговування клієнтів після покупки товару",
    ];
    let v = view(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| step(n, 100 - i as u64 * 10, 100.0 - i as f64 * 10.0, None))
            .collect(),
    );
    let (svg, map) = render(500, 240, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    for n in names {
        assert!(label_drawn(&svg, n), "{n} missing in {:?}", texts(&svg));
    }
    assert_text(&svg, "Atenció al client");
    assert!(texts(&svg)
        .iter()
        .any(|t| t.starts_with("Świad") && t.ends_with('…')));
    // The tooltip keeps the full name.
    assert_eq!(titles(&map), names.to_vec());
}

#[test]
fn many_steps_and_tiny_areas_do_not_panic() {
    let steps: Vec<FunnelStep> = (0..40)
        .map(|i| step(&format!("Stage {i}"), 4000 - i * 100, 100.0, Some(97.5)))
        .collect();
    let v = view(steps);
    let (_, map) = render(600, 400, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    assert_eq!(map.hits.len(), 40);
    for (w, h) in [(1, 1), (10, 5), (3, 400)] {
        let _ = render(w, h, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    }
}

#[test]
fn hits_are_in_backend_pixels_when_drawing_in_a_sub_area() {
    let v = three_steps();
    let mut svg = String::new();
    let map = {
        let root = SVGBackend::with_string(&mut svg, (900, 300)).into_drawing_area();
        let (_, right) = root.split_horizontally(300);
        charts::draw_funnel(&right, &v, &Theme::light(), L).unwrap_or_default()
    };
    assert_eq!(map.hits.len(), 3);
    assert!(map.hits.iter().all(|h| h.x0 >= 300), "{:?}", map.hits);
}

#[test]
fn hidpi_scale_doubles_geometry_and_output_is_deterministic() {
    let v = three_steps();
    let (svg1, m1) = render(800, 300, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    let (svg2, _) = render(800, 300, |a| charts::draw_funnel(a, &v, &Theme::light(), L));
    assert_eq!(svg1, svg2);
    let mut dark = Theme::dark();
    dark.scale = 2.0;
    let (svg, m2) = render(1600, 600, |a| charts::draw_funnel(a, &v, &dark, L));
    assert!(svg.contains("fill=\"#161B22\""), "dark background drawn");
    for (a, b) in m1.hits.iter().zip(&m2.hits) {
        assert!((b.x1 - 2 * a.x1).abs() <= 3, "{} vs {}", a.x1, b.x1);
        assert!((b.y0 - 2 * a.y0).abs() <= 3, "{} vs {}", a.y0, b.y0);
    }
}

fn with_breakdown() -> FunnelView {
    let mut v = three_steps();
    v.breakdown = Some(FunnelBreakdown {
        dimension: Role::Channel.into(),
        header: None,
        unavailable: None,
        groups: vec![
            FunnelGroup {
                value: "Email".into(),
                customers: vec![500, 200, 60],
                pct_of_first: vec![Some(100.0), Some(40.0), Some(12.0)],
                conversion_rate: Some(12.0),
                interval: Some(Interval {
                    low: 9.4,
                    high: 15.2,
                }),
                p_value: Some(0.0004),
                significant: true,
            },
            FunnelGroup {
                value: "Social".into(),
                customers: vec![200, 50, 7],
                pct_of_first: vec![Some(100.0), Some(25.0), Some(3.5)],
                conversion_rate: Some(3.5),
                interval: Some(Interval {
                    low: 1.7,
                    high: 7.1,
                }),
                p_value: Some(0.0004),
                significant: true,
            },
        ],
        groups_total: 0,
        groups_folded: 0,
    });
    v
}

#[test]
fn breakdown_bars_table_and_summary() {
    let v = with_breakdown();
    let (svg, map) = render(700, 240, |a| {
        charts::draw_breakdown(a, &v, &Theme::light(), L)
    });
    assert_text(&svg, "Email");
    // Both groups differ from the rest (p = 0.0004): starred, with a key for the star and
    // for the Wilson whiskers.
    assert_text(&svg, "12.0% · n = 500 *");
    assert_text(&svg, "3.5% · n = 200 *");
    assert_text(&svg, "95% interval (Wilson)");
    assert_text(&svg, "Differs from the rest (p < 0.05)");
    assert_eq!(titles(&map), vec!["Channel: Email", "Channel: Social"]);
    assert_eq!(
        map.hits[1].lines,
        vec![
            "Conversion rate: 3.5% (95% interval 1.7%–7.1%)",
            "Differs from the rest (p < 0.05): p < 0.001",
            "Awareness: 200 (100.0%)",
            "Consideration: 50 (25.0%)",
            "Purchase: 7 (3.5%)",
        ]
    );
    let t = charts::breakdown_table(&v, L);
    assert_eq!(
        t.headers,
        vec![
            "Channel",
            "Started",
            "Conversion rate",
            "95% interval (Wilson)",
            "p",
            "Differs from the rest (p < 0.05)"
        ]
    );
    assert_eq!(
        t.rows,
        vec![
            vec!["Email", "500", "12.0%", "9.4%–15.2%", "< 0.001", "Yes"],
            vec!["Social", "200", "3.5%", "1.7%–7.1%", "< 0.001", "Yes"]
        ]
    );
    assert_eq!(
        charts::breakdown_summary(&v, L),
        "Conversion rate by Channel for 2 groups: highest Email (12.0%), lowest Social (3.5%)."
    );
    let plain = three_steps();
    let (svg, map) = render(700, 240, |a| {
        charts::draw_breakdown(a, &plain, &Theme::light(), L)
    });
    assert_text(&svg, "Choose a breakdown to compare groups");
    assert!(map.hits.is_empty());
}

#[test]
fn cohort_trend_line_skips_missing_rates() {
    let mut v = three_steps();
    v.trend = vec![
        CohortPoint {
            period: "2025-01".into(),
            started: 100,
            converted: 12,
            rate: Some(12.0),
        },
        CohortPoint {
            period: "2025-02".into(),
            started: 0,
            converted: 0,
            rate: None,
        },
        CohortPoint {
            period: "2025-03".into(),
            started: 200,
            converted: 31,
            rate: Some(15.5),
        },
    ];
    let (svg, map) = render(600, 300, |a| charts::draw_trend(a, &v, &Theme::light(), L));
    for p in ["2025-01", "2025-02", "2025-03"] {
        assert_text(&svg, p);
    }
    // Ticks 0, 5, 10, 15, 20 for a 0–15.5 range.
    assert_text(&svg, "0%");
    assert_text(&svg, "20%");
    assert_eq!(titles(&map), vec!["2025-01", "2025-03"]);
    assert_eq!(
        map.hits[1].lines,
        vec!["Conversion rate: 15.5%", "Started: 200", "Converted: 31"]
    );
    // 15.5% is drawn higher (smaller y) than 12%.
    assert!(map.hits[1].y0 < map.hits[0].y0);
    assert_eq!(
        charts::trend_table(&v, L).rows[1],
        vec!["2025-02", "0", "0", "n/a"]
    );
    assert_eq!(
        charts::trend_summary(&v, L),
        "Conversion by cohort over 3 periods, from 12.0% in 2025-01 to 15.5% in 2025-03."
    );
    let (svg, _) = render(600, 300, |a| {
        charts::draw_trend(a, &three_steps(), &Theme::light(), L)
    });
    assert_text(&svg, "No data");
}

#[test]
fn time_to_convert_bars_with_mean_marker() {
    let v = three_steps();
    let (svg, map) = render(700, 240, |a| {
        charts::draw_time_to_convert(a, &v, &Theme::light(), L)
    });
    assert_text(&svg, "2.5 days");
    assert_text(&svg, "0.5 days");
    // Bar and tick are named: median and mean.
    assert_text(&svg, "Median");
    assert_text(&svg, "Mean");
    assert_eq!(
        titles(&map),
        vec!["Awareness → Consideration", "Consideration → Purchase"]
    );
    assert_eq!(
        map.hits[0].lines,
        vec!["Median: 2.5 days", "Mean: 4.0 days"]
    );
    assert_eq!(
        charts::time_to_convert_table(&v, L).rows,
        vec![
            vec!["Awareness", "Consideration", "2.5 days", "4.0 days"],
            vec!["Consideration", "Purchase", "0.5 days", "1.3 days"],
        ]
    );
    assert_eq!(
        charts::time_to_convert_summary(&v, L),
        "Median time between stages ranges from 0.5 days (Consideration → Purchase) to 2.5 days (Awareness → Consideration)."
    );
    let mut any = view(vec![
        step("A", 10, 100.0, None),
        step("B", 5, 50.0, Some(50.0)),
    ]);
    any.mode = ResolvedMode::AnyOrder;
    let (svg, map) = render(600, 200, |a| {
        charts::draw_time_to_convert(a, &any, &Theme::light(), L)
    });
    assert_text(
        &svg,
        "Time to convert needs an ordered funnel with timestamps",
    );
    assert!(map.hits.is_empty());
}

#[test]
fn narrow_trend_thins_period_labels_instead_of_cutting_them() {
    let mut v = three_steps();
    v.trend = (1..=12)
        .map(|m| CohortPoint {
            period: format!("2025-{m:02}"),
            started: 10,
            converted: 3,
            rate: Some(30.0),
        })
        .collect();
    // 12 bands in ~300 px: "2025-01" (7 chars) does not fit each band.
    let (svg, _) = render(320, 240, |a| charts::draw_trend(a, &v, &Theme::light(), L));
    assert!(!svg.contains("2025-…"), "period labels were cut");
    assert_text(&svg, "2025-01");
    assert_no_text(&svg, "2025-02");
}

#[test]
fn a_downloaded_chart_carries_its_title_dataset_filters_and_date_above_the_chart() {
    use journey_lens::charts::framed::{draw_framed, Heading};
    let v = three_steps();
    let heading = Heading {
        title: "Conversion funnel".into(),
        lines: vec![
            "Data: orders.csv · 2026-12-01".into(),
            "Filters: Channel: Email, Web".into(),
        ],
    };
    let mut theme = Theme::light();
    theme.scale = 2.0;
    // 800 CSS px wide at 2×: the band is 12 + 16 (large font) + 2 × (11 + 4) + 4 + 12 CSS px.
    let band_css = heading.css_height(800.0, &theme);
    assert_eq!(band_css, 74.0);
    let band = (band_css * 2.0).round() as i32;
    let mut svg = String::new();
    let mut hits = vec![];
    {
        let root = SVGBackend::with_string(&mut svg, (1600, 600 + band as u32)).into_drawing_area();
        draw_framed(&root, &heading, &theme, |a| {
            let m = charts::draw_funnel(a, &v, &theme, L);
            if let Ok(m) = &m {
                hits = m.hits.clone();
            }
            m
        })
        .expect("drawn");
    }
    for text in [
        "Conversion funnel",
        "Data: orders.csv · 2026-12-01",
        "Filters: Channel: Email, Web",
        "Awareness",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    assert_eq!(hits.len(), 3);
    assert!(
        hits.iter().all(|h| h.y0 >= band),
        "chart below the band: {hits:?}"
    );
}

#[test]
fn a_long_filter_line_wraps_and_grows_the_band() {
    use journey_lens::charts::framed::Heading;
    let theme = Theme::light();
    let long = format!("Filters: Channel: {}", vec!["Email"; 60].join(", "));
    let h = Heading {
        title: "t".into(),
        lines: vec![long],
    };
    let lines = h.wrapped(360.0, &theme);
    assert_eq!(lines.len(), 3);
    assert!(lines[2].ends_with('…'));
    assert!(lines.iter().all(|l| l.chars().count() <= 50), "{lines:?}");
}

/// Cohorts by quarter, 2025-Q1 to 2025-Q3, each with a rate (so each has a band).
fn quarterly() -> FunnelView {
    let mut v = three_steps();
    v.trend = [
        ("2025-Q1", 100, 12),
        ("2025-Q2", 200, 31),
        ("2025-Q3", 150, 30),
    ]
    .into_iter()
    .map(|(p, n, x)| CohortPoint {
        period: p.into(),
        started: n,
        converted: x,
        rate: Some(100.0 * x as f64 / n as f64),
    })
    .collect();
    v
}

#[test]
fn every_error_bar_and_band_of_the_funnel_has_a_key_in_every_language() {
    let v = with_breakdown();
    let t = Theme::light();
    // Steps: Wilson whiskers. Breakdown: whiskers and the star. Trend: the Wilson band.
    // Time to convert: the bar is the median, the tick the mean.
    for (lang, interval, star, median, mean) in [
        (
            Lang::En,
            "95% interval (Wilson)",
            "Differs from the rest (p < 0.05)",
            "Median",
            "Mean",
        ),
        (
            Lang::Pl,
            "Przedział 95% (Wilsona)",
            "Różni się od pozostałych (p < 0,05)",
            "Mediana",
            "Średnia",
        ),
    ] {
        let (svg, _) = render(700, 300, |a| charts::draw_funnel(a, &v, &t, lang));
        assert_text(&svg, interval);
        let (svg, _) = render(700, 300, |a| charts::draw_breakdown(a, &v, &t, lang));
        assert_text(&svg, interval);
        assert_text(&svg, star);
        let (svg, _) = render(700, 300, |a| charts::draw_trend(a, &quarterly(), &t, lang));
        assert_text(&svg, interval);
        let (svg, _) = render(700, 240, |a| charts::draw_time_to_convert(a, &v, &t, lang));
        assert_text(&svg, median);
        assert_text(&svg, mean);
    }
}

#[test]
fn quarterly_cohorts_are_labelled_as_each_language_writes_quarters() {
    let t = Theme::light();
    for (lang, labels) in [
        (Lang::En, ["2025-Q1", "2025-Q2", "2025-Q3"]),
        (Lang::Ca, ["1T 2025", "2T 2025", "3T 2025"]),
        (Lang::Es, ["1T 2025", "2T 2025", "3T 2025"]),
        (Lang::Pl, ["I kw. 2025", "II kw. 2025", "III kw. 2025"]),
    ] {
        let (svg, map) = render(600, 300, |a| charts::draw_trend(a, &quarterly(), &t, lang));
        for l in labels {
            assert_text(&svg, l);
        }
        assert_eq!(titles(&map), labels.to_vec());
    }
    // At phone width the longest Polish labels are thinned out, never cut short: four
    // quarters in 300 px.
    let mut four = quarterly();
    four.trend.push(CohortPoint {
        period: "2025-Q4".into(),
        started: 10,
        converted: 1,
        rate: Some(10.0),
    });
    let (svg, _) = render(300, 240, |a| charts::draw_trend(a, &four, &t, Lang::Pl));
    assert!(
        texts(&svg).iter().all(|t| !t.ends_with('…')),
        "{:?}",
        texts(&svg)
    );
    assert_text(&svg, "I kw. 2025");
}
