use crate::charts_support::*;
use journey_lens::analytics::kpis::{ChangeUnit, Kpi, KpiUnit, SparkPoint};
use journey_lens::analytics::nps::{NpsPoint, NpsSummary};
use journey_lens::analytics::NpsView;
use journey_lens::charts::{self, Theme};
use journey_lens::dataset::Role;
use journey_lens::i18n::Lang;
use journey_lens::message::Needs;

const L: Lang = Lang::En;

fn summary(
    responses: u64,
    p: u64,
    pa: u64,
    d: u64,
    nps: Option<f64>,
    margin: Option<f64>,
) -> NpsSummary {
    let pct = |n: u64| (responses > 0).then(|| n as f64 / responses as f64 * 100.0);
    NpsSummary {
        responses,
        promoters: p,
        passives: pa,
        detractors: d,
        promoter_pct: pct(p),
        passive_pct: pct(pa),
        detractor_pct: pct(d),
        nps,
        margin,
    }
}

fn nps_view() -> NpsView {
    NpsView {
        unavailable: None,
        latest_only: false,
        summary: summary(1000, 450, 330, 220, Some(23.0), Some(4.56)),
        distribution: vec![10, 5, 5, 20, 20, 40, 120, 130, 200, 250, 200],
        trend: vec![
            NpsPoint {
                period: "2025-01".into(),
                summary: summary(100, 40, 30, 30, Some(10.0), Some(5.0)),
            },
            NpsPoint {
                period: "2025-02".into(),
                summary: summary(80, 20, 36, 24, Some(-5.0), Some(8.0)),
            },
            NpsPoint {
                period: "2025-03".into(),
                summary: summary(0, 0, 0, 0, None, None),
            },
        ],
        breakdown: None,
        comments_unavailable: None,
        comments: vec![],
    }
}

fn empty_nps() -> NpsView {
    NpsView {
        unavailable: Some(Needs::column(Role::Nps)),
        summary: summary(0, 0, 0, 0, None, None),
        distribution: vec![0; 11],
        trend: vec![],
        ..nps_view()
    }
}

#[test]
fn nps_stack_shows_score_and_three_segments() {
    let v = nps_view();
    let (svg, map) = render(700, 160, |a| {
        charts::draw_nps_stack(a, &v, &Theme::light(), L)
    });
    assert_text(&svg, "NPS +23 ± 4.6");
    assert_text(&svg, "Detractors 22.0%");
    assert_text(&svg, "Passives 33.0%");
    assert_text(&svg, "Promoters 45.0%");
    assert_eq!(titles(&map), vec!["Detractors", "Passives", "Promoters"]);
    assert_eq!(map.hits[2].lines, vec!["Responses: 450", "Share: 45.0%"]);
    // Segment widths follow the shares: 22 : 33 : 45 of the bar.
    let w: Vec<f64> = map.hits.iter().map(|h| (h.x1 - h.x0) as f64).collect();
    let total: f64 = w.iter().sum();
    assert!((w[0] / total - 0.22).abs() < 0.01, "{w:?}");
    assert!((w[2] / total - 0.45).abs() < 0.01, "{w:?}");
    assert!(map.hits[0].x1 <= map.hits[1].x0 && map.hits[1].x1 <= map.hits[2].x0);
    let t = charts::nps_stack_table(&v, L);
    assert_eq!(
        t.caption,
        "Promoters, passives and detractors (NPS +23 ± 4.6)"
    );
    assert_eq!(
        t.rows,
        vec![
            vec!["Detractors", "220", "22.0%"],
            vec!["Passives", "330", "33.0%"],
            vec!["Promoters", "450", "45.0%"],
        ]
    );
    // The CSV has the shares as numbers, the "%" in the header.
    let csv = t.to_csv(L);
    assert!(csv.contains("Promoters,450,45.0\r\n"), "{csv}");
    assert!(csv.contains(" (%)\r\n"), "{csv}");
    assert_eq!(
        charts::nps_stack_summary(&v, L),
        "NPS +23 from 1,000 responses: 45.0% promoters, 33.0% passives, 22.0% detractors."
    );
}

#[test]
fn nps_distribution_bars_coloured_by_category() {
    let v = nps_view();
    let (svg, map) = render(700, 300, |a| {
        charts::draw_distribution(a, &v, &Theme::light(), L)
    });
    for i in 0..=10 {
        assert_text(&svg, &i.to_string());
    }
    assert_text(&svg, "250");
    assert_eq!(map.hits.len(), 11);
    assert_eq!(map.hits[9].title, "Answer 9");
    assert_eq!(
        map.hits[9].lines,
        vec!["Responses: 250", "Share: 25.0%", "Promoters"]
    );
    assert_eq!(map.hits[7].lines[2], "Passives");
    assert_eq!(map.hits[6].lines[2], "Detractors");
    // 7 detractor bars (#D55E00), 2 passive bars, 2 promoter bars (#0072B2).
    assert_eq!(rects_filled(&svg, "#D55E00"), 7);
    assert_eq!(rects_filled(&svg, "#BBBBBB"), 2);
    assert_eq!(rects_filled(&svg, "#0072B2"), 2);
    // The tallest bar (answer 9) starts highest.
    let top = map.hits.iter().map(|h| h.y0).min();
    assert_eq!(top, Some(map.hits[9].y0));
    let t = charts::distribution_table(&v, L);
    assert_eq!(t.rows[0], vec!["0", "10", "1.0%", "Detractors"]);
    assert_eq!(t.rows[10], vec!["10", "200", "20.0%", "Promoters"]);
    assert_eq!(
        charts::distribution_summary(&v, L),
        "1,000 answers from 0 to 10; the most common answer is 9 (250 responses)."
    );
}

#[test]
fn nps_trend_with_margin_band() {
    let v = nps_view();
    let (svg, map) = render(700, 300, |a| {
        charts::draw_nps_trend(a, &v, &Theme::light(), L)
    });
    for p in ["2025-01", "2025-02", "2025-03"] {
        assert_text(&svg, p);
    }
    assert_text(&svg, "95% margin of error");
    // The axis spans −13…15 (score ± margin, and zero): ticks −20 … +20 step 10 or 5.
    assert_text(&svg, "0");
    assert!(
        texts(&svg).iter().any(|t| t.starts_with('−')),
        "{:?}",
        texts(&svg)
    );
    // The band is a filled polygon.
    assert!(svg.contains("<polygon"), "no margin band");
    assert_eq!(titles(&map), vec!["2025-01", "2025-02"]);
    assert_eq!(map.hits[1].lines, vec!["NPS: −5 ± 8.0", "Responses: 80"]);
    assert!(map.hits[0].y0 < map.hits[1].y0, "+10 above −5");
    assert_eq!(
        charts::nps_trend_table(&v, L).rows,
        vec![
            vec!["2025-01", "+10", "5.0", "100"],
            vec!["2025-02", "−5", "8.0", "80"],
            vec!["2025-03", "n/a", "n/a", "0"],
        ]
    );
    assert_eq!(
        charts::nps_trend_summary(&v, L),
        "NPS over 3 periods, from +10 in 2025-01 to −5 in 2025-02."
    );
}

#[test]
fn the_nps_margin_band_has_a_key_in_every_language() {
    let v = nps_view();
    for (lang, key) in [
        (Lang::En, "95% margin of error"),
        (Lang::Ca, "Marge d'error del 95%"),
        (Lang::Es, "Margen de error del 95 %"),
        (Lang::Pl, "Margines błędu 95%"),
    ] {
        let (svg, _) = render(700, 300, |a| {
            charts::draw_nps_trend(a, &v, &Theme::light(), lang)
        });
        assert_text(&svg, key);
    }
}

#[test]
fn nps_charts_without_an_nps_column() {
    let v = empty_nps();
    let theme = Theme::light();
    let (a, m1) = render(500, 200, |d| charts::draw_nps_stack(d, &v, &theme, L));
    let (b, m2) = render(500, 200, |d| charts::draw_distribution(d, &v, &theme, L));
    let (c, m3) = render(500, 200, |d| charts::draw_nps_trend(d, &v, &theme, L));
    for svg in [&a, &b, &c] {
        assert_text(svg, "No NPS in this data: no 0–10 question.");
    }
    assert!(m1.hits.is_empty() && m2.hits.is_empty() && m3.hits.is_empty());
    assert_eq!(
        charts::nps_stack_summary(&v, L),
        "No NPS in this data: no 0–10 question."
    );
    let mut no_answers = nps_view();
    no_answers.summary = summary(0, 0, 0, 0, None, None);
    no_answers.distribution = vec![];
    let (svg, _) = render(500, 200, |d| {
        charts::draw_nps_stack(d, &no_answers, &theme, L)
    });
    assert_text(&svg, "No data");
    let (svg, _) = render(500, 200, |d| {
        charts::draw_distribution(d, &no_answers, &theme, L)
    });
    assert_text(&svg, "No data");
    assert_eq!(
        charts::distribution_summary(&no_answers, L),
        "There is no data to show."
    );
}

fn kpi(unit: KpiUnit, points: Vec<(&str, Option<f64>, bool)>) -> Kpi {
    Kpi {
        key: "conversion_rate".into(),
        unit,
        value: Some(12.5),
        unavailable: None,
        lower_is_better: false,
        current: None,
        previous: None,
        delta_pct: None,
        change: None,
        change_unit: ChangeUnit::Points,
        change_p: None,
        change_clear: None,
        target: None,
        target_source: None,
        status: None,
        sparkline: points
            .into_iter()
            .map(|(p, v, c)| SparkPoint {
                period: p.into(),
                value: v,
                complete: c,
            })
            .collect(),
    }
}

#[test]
fn sparkline_points_table_and_summary() {
    let k = kpi(
        KpiUnit::Percent,
        vec![
            ("2025-01", Some(10.0), true),
            ("2025-02", None, true),
            ("2025-03", Some(12.5), true),
            ("2025-04", Some(11.0), false),
        ],
    );
    let (svg, map) = render(160, 40, |a| {
        charts::draw_sparkline(a, &k, &Theme::light(), L)
    });
    assert!(texts(&svg).is_empty(), "a sparkline writes no text");
    assert_eq!(titles(&map), vec!["2025-01", "2025-03", "2025-04"]);
    assert_eq!(map.hits[0].lines, vec!["10.0%"]);
    assert_eq!(map.hits[2].lines, vec!["11.0%", "Period still in progress"]);
    // Highest value (12.5) is at the top, lowest (10.0) at the bottom.
    assert!(map.hits[1].y0 < map.hits[2].y0 && map.hits[2].y0 < map.hits[0].y0);
    assert_eq!(
        charts::sparkline_table(&k, L).rows,
        vec![
            vec!["2025-01", "10.0%", "Yes"],
            vec!["2025-02", "n/a", "Yes"],
            vec!["2025-03", "12.5%", "Yes"],
            vec!["2025-04", "11.0%", "No"],
        ]
    );
    assert_eq!(
        charts::sparkline_summary(&k, L),
        "Conversion rate over 4 periods: from 10.0% in 2025-01 to 11.0% in 2025-04."
    );
}

#[test]
fn sparkline_degenerate_inputs() {
    let theme = Theme::light();
    let empty = kpi(KpiUnit::Count, vec![]);
    let (_, map) = render(120, 30, |a| charts::draw_sparkline(a, &empty, &theme, L));
    assert!(map.hits.is_empty());
    assert_eq!(
        charts::sparkline_summary(&empty, L),
        "Conversion rate: There is no data to show."
    );
    let flat = kpi(KpiUnit::Count, vec![("2025-01", Some(5.0), true)]);
    let (_, map) = render(120, 30, |a| charts::draw_sparkline(a, &flat, &theme, L));
    assert_eq!(map.hits.len(), 1);
    let mut missing = kpi(KpiUnit::Money, vec![("2025-01", Some(5.0), true)]);
    missing.unavailable = Some(Needs::column(Role::Revenue));
    let (_, map) = render(120, 30, |a| charts::draw_sparkline(a, &missing, &theme, L));
    assert!(map.hits.is_empty());
    assert_eq!(
        charts::sparkline_summary(&missing, L),
        "Conversion rate: This chart needs a column for: Revenue"
    );
}

#[test]
fn kpi_values_follow_their_unit() {
    let mut k = kpi(KpiUnit::Count, vec![]);
    assert_eq!(charts::kpi_value(L, &k, 1234.0), "1,234");
    k.unit = KpiUnit::Money;
    assert_eq!(charts::kpi_value(L, &k, 1234.5), "1,234.50");
    k.unit = KpiUnit::Days;
    assert_eq!(charts::kpi_value(L, &k, 3.04), "3.0 days");
    k.unit = KpiUnit::Score;
    assert_eq!(charts::kpi_value(L, &k, 4.26), "4.3");
    k.key = "nps".into();
    assert_eq!(charts::kpi_value(L, &k, 23.4), "+23");
}
