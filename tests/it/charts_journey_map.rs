//! The journey map drawn on SVG: the lanes' texts and hit regions, and degenerate inputs
//! (one stage, 12 stages, no satisfaction, no NPS, long and non-ASCII names).

use crate::charts_support::*;
use journey_lens::analytics::experience::{EmotionPoint, ExitPoint, PainPoint, PersonaCurve};
use journey_lens::analytics::journey_map::{
    JourneyMap, LaneGaps, Moment, MomentKind, Share, StageColumn,
};
use journey_lens::charts::journey_map::{lane_at, size_css, Lane};
use journey_lens::charts::{self, ChartMap, Theme};
use journey_lens::dataset::Role;
use journey_lens::dataset::Scale;
use journey_lens::i18n::Lang;
use journey_lens::message::Needs;

const L: Lang = Lang::En;

fn share(name: &str, events: u64, share: f64) -> Share {
    Share {
        name: name.into(),
        events,
        share,
    }
}

fn stage(name: &str, customers: u64, pct_first: f64, sat: Option<f64>) -> StageColumn {
    StageColumn {
        stage: name.into(),
        customers,
        pct_of_first: Some(pct_first),
        pct_of_previous: None,
        events: customers * 2,
        touchpoints: vec![share("web", 3, 75.0), share("app", 1, 25.0)],
        channels: vec![share("online", 4, 100.0)],
        satisfaction_mean: sat.map(|p| 1.0 + p / 25.0),
        satisfaction: sat,
        satisfaction_count: 4,
        pain_points: Vec::new(),
        exits: Vec::new(),
        exit_customers: 0,
        moments: Vec::new(),
        nps: None,
        nps_responses: 0,
        ces: None,
        ces_count: 0,
    }
}

/// The hand-worked map of tests/analytics_journey_map.rs.
fn small_map() -> JourneyMap {
    let mut aw = stage("awareness", 4, 100.0, Some(50.0));
    aw.pain_points = vec![PainPoint {
        stage: "awareness".into(),
        touchpoint: "web".into(),
        satisfaction_mean: 7.0 / 3.0,
        percent: 100.0 / 3.0,
        count: 3,
        share_negative: Some(200.0 / 3.0),
    }];
    aw.moments = vec![Moment {
        touchpoint: "web".into(),
        kind: MomentKind::FixFirst,
        performance: 40.0,
        importance: 0.9726,
    }];
    aw.nps = Some(100.0);
    aw.nps_responses = 1;
    aw.ces = Some(4.0);
    aw.ces_count = 3;
    let mut co = stage("consideration", 4, 100.0, Some(43.75));
    co.pct_of_previous = Some(100.0);
    co.exits = vec![
        ExitPoint {
            touchpoint: "web".into(),
            customers: 1,
        },
        ExitPoint {
            touchpoint: "app".into(),
            customers: 1,
        },
    ];
    co.exit_customers = 2;
    co.nps = Some(-100.0);
    co.nps_responses = 1;
    let mut pu = stage("purchase", 2, 50.0, Some(87.5));
    pu.pct_of_previous = Some(50.0);
    pu.moments = vec![Moment {
        touchpoint: "store".into(),
        kind: MomentKind::KeepUp,
        performance: 87.5,
        importance: 1.0,
    }];
    pu.nps = Some(50.0);
    pu.nps_responses = 2;
    pu.ces = Some(3.0);
    pu.ces_count = 1;
    JourneyMap {
        unavailable: None,
        persona: None,
        stages: vec![aw, co, pu],
        persona_curves: Vec::new(),
        gaps: LaneGaps::default(),
        satisfaction_scale: Scale::new(1.0, 5.0),
        effort_scale: Scale::new(1.0, 7.0),
        min_count: 2,
    }
}

fn draw(
    map: &JourneyMap,
    other: Option<&JourneyMap>,
    width: u32,
    theme: &Theme,
) -> (String, ChartMap) {
    let (_, h) = size_css(map.stages.len(), width as f64);
    render(width, h as u32, |a| {
        charts::draw_journey_map(a, map, other, theme, L)
    })
}

fn assert_hits_inside(map: &ChartMap) {
    for h in &map.hits {
        assert!(
            h.x0 >= 0 && h.y0 >= 0 && h.x1 <= map.width as i32 && h.y1 <= map.height as i32,
            "hit {:?} outside {}×{}",
            h.title,
            map.width,
            map.height
        );
    }
}

fn hit<'a>(map: &'a ChartMap, title: &str) -> &'a journey_lens::charts::Hit {
    map.hits
        .iter()
        .find(|h| h.title == title)
        .unwrap_or_else(|| panic!("no hit {title:?} in {:?}", titles(map)))
}

#[test]
fn lanes_show_every_stage_figure() {
    let m = small_map();
    let (svg, map) = draw(&m, None, 900, &Theme::light());
    for s in ["awareness", "consideration", "purchase"] {
        assert_text(&svg, s);
    }
    for lane in [
        "Customers",
        "Touchpoints",
        "Channels",
        "Emotion",
        "Pain points",
        "Exits",
        "NPS · CES",
    ] {
        assert_text(&svg, lane);
    }
    assert_text(&svg, "4");
    assert_text(&svg, "100.0% of first");
    assert_text(&svg, "50.0% of previous");
    assert_text(&svg, "75.0%");
    assert_text(&svg, "online");
    assert_text(&svg, "2.3");
    assert_text(&svg, "Fix first");
    assert_text(&svg, "Keep up");
    assert_text(&svg, "NPS +100");
    assert_text(&svg, "NPS −100");
    assert_text(&svg, "CES 4.0");
    assert_text(&svg, "CES: no answers");
    // Emotion point labels on 0–100.
    assert_text(&svg, "50");
    assert_text(&svg, "44");
    assert_text(&svg, "88");
    assert_text(&svg, "neutral");
    assert_hits_inside(&map);
    // The pain-point line has its own hit with the exact satisfaction.
    let pain = hit(&map, "awareness · web");
    assert_eq!(
        pain.lines,
        vec![
            "Satisfaction: 2.33 (1–5)",
            "Satisfaction (0–100): 33.3",
            "Answers: 3",
            "Negative answers: 66.7%",
        ]
    );
    let exits = hit(&map, "consideration · Exits");
    assert_eq!(
        exits.lines,
        vec![
            "2 customers got no further than this stage",
            "web: 1 customers",
            "app: 1 customers",
        ]
    );
    let nps = hit(&map, "purchase · NPS · CES");
    assert_eq!(nps.lines[0], "NPS: +50 (2 responses)");
    assert_eq!(nps.lines[2], "CES: 3.00 (1–7, n = 1)");
    let emotion = hit(&map, "consideration · Emotion");
    assert_eq!(emotion.lines[0], "Satisfaction (0–100): 43.8");
}

#[test]
fn hovering_a_point_finds_the_topmost_region() {
    let m = small_map();
    let (_, map) = draw(&m, None, 900, &Theme::light());
    let pain = hit(&map, "awareness · web");
    let (x, y) = ((pain.x0 + pain.x1) / 2, (pain.y0 + pain.y1) / 2);
    assert_eq!(
        map.hit_at(x, y).map(|h| h.title.as_str()),
        Some("awareness · web")
    );
}

#[test]
fn one_stage() {
    let mut m = small_map();
    m.stages.truncate(1);
    let (svg, map) = draw(&m, None, 360, &Theme::dark());
    assert_text(&svg, "awareness");
    assert_text(&svg, "100.0% of first");
    assert_text(&svg, "50");
    assert_hits_inside(&map);
    // No line is drawn through a single point, but the point and its hit are there.
    assert!(titles(&map).contains(&"awareness · Emotion"));
    assert_eq!(size_css(1, 360.0).0, 360.0);
}

#[test]
fn twelve_stages_widen_the_canvas_instead_of_squeezing_columns() {
    let mut m = small_map();
    m.stages = (0..12)
        .map(|j| {
            stage(
                &format!("Stage {}", j + 1),
                100 - j as u64 * 5,
                100.0 - j as f64 * 5.0,
                Some(40.0 + j as f64),
            )
        })
        .collect();
    let (w, _) = size_css(12, 360.0);
    assert_eq!(w, 112.0 + 12.0 * 136.0);
    let (svg, map) = draw(&m, None, w as u32, &Theme::light());
    for j in 1..=12 {
        assert_text(&svg, &format!("Stage {j}"));
    }
    assert_text(&svg, "45");
    assert_hits_inside(&map);
    // A wide screen keeps its own width.
    assert_eq!(size_css(12, 2400.0).0, 2400.0);
}

#[test]
fn a_file_with_hundreds_of_stages_draws_the_first_thirty_and_says_so() {
    let mut m = small_map();
    m.stages = (0..400)
        .map(|j| stage(&format!("S{j}"), 10, 100.0, Some(50.0)))
        .collect();
    let (w, h) = size_css(400, 360.0);
    assert_eq!(w, 112.0 + 30.0 * 136.0);
    assert_eq!(h, size_css(3, 360.0).1 + 20.0);
    let (svg, map) = draw(&m, None, w as u32, &Theme::light());
    assert_text(&svg, "S29");
    assert_no_text(&svg, "S30");
    assert!(label_drawn(
        &svg,
        "The first 30 of 400 stages are drawn; the table lists them all."
    ));
    assert_hits_inside(&map);
    assert_eq!(charts::journey_map_table(&m, L).rows.len(), 400);
}

#[test]
fn no_satisfaction_says_which_column_is_missing() {
    let mut m = small_map();
    for s in &mut m.stages {
        s.satisfaction = None;
        s.satisfaction_mean = None;
        s.pain_points.clear();
        s.moments.clear();
    }
    m.gaps.emotion = Some(Needs::column(Role::Satisfaction));
    m.gaps.pain_points = Some(Needs::column(Role::Satisfaction));
    m.gaps.moments = Needs::missing(&[(Role::Satisfaction, false), (Role::Nps, false)]);
    let (svg, map) = draw(&m, None, 900, &Theme::light());
    assert!(label_drawn(
        &svg,
        "This chart needs a column for: Satisfaction"
    ));
    assert_no_text(&svg, "50");
    assert!(texts(&svg).iter().filter(|t| *t == "(no column)").count() >= 6);
    assert_eq!(
        hit(&map, "awareness · Pain points").lines,
        vec!["This chart needs a column for: Satisfaction"]
    );
    assert_hits_inside(&map);
}

#[test]
fn no_nps_says_so_in_the_nps_lane() {
    let mut m = small_map();
    for s in &mut m.stages {
        s.nps = None;
        s.nps_responses = 0;
    }
    m.gaps.nps = Some(Needs::column(Role::Nps));
    let (svg, _) = draw(&m, None, 900, &Theme::light());
    assert_eq!(
        texts(&svg)
            .iter()
            .filter(|t| *t == "NPS (no 0–10 question)")
            .count(),
        3
    );
    assert_no_text(&svg, "NPS +100");
}

#[test]
fn long_and_non_ascii_names_are_shortened_on_the_map_and_whole_in_the_tooltips() {
    let long = "Świadomość marki i pierwsze wrażenie klienta w kanale cyfrowym";
    let mut m = small_map();
    m.stages[0].stage = long.into();
    m.stages[0].pain_points[0].stage = long.into();
    m.stages[0].pain_points[0].touchpoint = "Обслуговування клієнтів по телефону".into();
    m.stages[1].stage = "Atenció al client".into();
    m.persona = Some("Компанія «Ясний день» — закупівельники".into());
    let (svg, map) = draw(&m, None, 600, &Theme::light());
    assert!(label_drawn(&svg, long));
    assert_no_text(&svg, long);
    assert!(label_drawn(&svg, "Обслуговування клієнтів по телефону"));
    assert_text(&svg, "Atenció al client");
    assert!(titles(&map).contains(&long));
    assert!(titles(&map)
        .iter()
        .any(|t| *t == format!("{long} · Обслуговування клієнтів по телефону")));
    assert_hits_inside(&map);
}

#[test]
fn compare_mode_outlines_differences_and_says_them() {
    let a = small_map();
    let mut b = small_map();
    b.persona = Some("q".into());
    b.stages[1].satisfaction = Some(62.5);
    b.stages[2].nps = Some(52.0);
    b.stages[2].pct_of_first = Some(0.0);
    let (plain, _) = draw(&a, None, 900, &Theme::light());
    let (svg, map) = draw(&a, Some(&b), 900, &Theme::light());
    let outlined = |s: &str| s.matches("stroke=\"#E69F00\"").count();
    assert_eq!(outlined(&plain), 0);
    // Emotion −18.75 and reach +50 outlined; NPS differs by 2 only (under 10): not.
    assert_eq!(outlined(&svg), 2);
    assert!(hit(&map, "consideration · Emotion")
        .lines
        .contains(&"Differs from q by −18.8".to_string()));
    assert!(hit(&map, "purchase · Customers")
        .lines
        .contains(&"Differs from q by +50.0".to_string()));
    assert!(!hit(&map, "purchase · NPS · CES")
        .lines
        .iter()
        .any(|l| l.starts_with("Differs")));
}

#[test]
fn persona_lines_join_the_emotion_lane() {
    let mut m = small_map();
    let pt = |stage: &str, v: Option<f64>| EmotionPoint {
        stage: stage.into(),
        mean: v.map(|p| 1.0 + p / 25.0),
        percent: v,
        count: 2,
    };
    m.persona_curves = vec![PersonaCurve {
        persona: "p".into(),
        points: vec![
            pt("awareness", Some(50.0)),
            pt("consideration", Some(25.0)),
            pt("purchase", Some(87.5)),
        ],
    }];
    // "p" is the data's only persona, so it takes the first persona colour, as on the
    // experience map.
    journey_lens::charts::theme::set_persona_order(&["p".to_string()]);
    let (svg, map) = draw(&m, None, 900, &Theme::light());
    journey_lens::charts::theme::set_persona_order(&[]);
    assert!(svg.contains("stroke=\"#0072B2\""), "persona line missing");
    // A legend names the lines.
    assert_text(&svg, "All customers");
    assert_text(&svg, "p");
    // Compare mode leaves persona lines out (orange marks differences there).
    let (svg, _) = draw(&m, Some(&small_map()), 900, &Theme::light());
    assert!(
        !svg.contains("stroke=\"#0072B2\""),
        "persona line drawn in compare mode"
    );
    assert!(hit(&map, "consideration · Emotion")
        .lines
        .contains(&"p: 25.0".to_string()));
    // No legend either in compare mode.
    assert_no_text(&svg, "All customers");
}

#[test]
fn unavailable_map_draws_the_missing_column() {
    let mut m = small_map();
    m.stages.clear();
    m.unavailable = Some(Needs::column(Role::Stage));
    let (svg, map) = render(500, 300, |a| {
        charts::draw_journey_map(a, &m, None, &Theme::light(), L)
    });
    assert_text(&svg, "This chart needs a column for: Stage");
    assert!(map.hits.is_empty());
    assert_eq!(
        charts::journey_map_summary(&m, L),
        "This chart needs a column for: Stage"
    );
}

#[test]
fn lanes_are_found_by_height_for_the_links() {
    let mut theme = Theme::light();
    assert_eq!(lane_at(10, &theme), None);
    assert_eq!(lane_at(40, &theme), Some(Lane::Reach));
    assert_eq!(lane_at(34 + 66 + 62 + 62 + 1, &theme), Some(Lane::Emotion));
    theme.scale = 2.0;
    assert_eq!(lane_at(2 * 40, &theme), Some(Lane::Reach));
    assert_eq!(Lane::NpsCes.view(), "nps");
}

#[test]
fn table_and_summary() {
    let m = small_map();
    let table = charts::journey_map_table(&m, L);
    assert_eq!(table.rows.len(), 3);
    assert_eq!(
        table.rows[0],
        vec![
            "awareness",
            "4",
            "n/a",
            "100.0%",
            "web 75.0%; app 25.0%",
            "online 100.0%",
            "50.0",
            "web 2.33",
            "",
            "web (Fix first)",
            "+100",
            "1",
            "4.00",
        ]
    );
    assert_eq!(table.rows[1][8], "web 1; app 1");
    assert_eq!(
        charts::journey_map_summary(&m, L),
        "Journey map of 3 stages: 4 customers at awareness, 2 at purchase. \
         Lowest satisfaction: 44 of 100 at consideration."
    );
}

#[test]
fn journey_map_strings_exist_in_every_language() {
    use journey_lens::i18n::{defines, keys, trc, Arg};
    let ours: Vec<String> = keys(Lang::En)
        .into_iter()
        .filter(|k| k.starts_with("jmap.") || k == "nav.journey_map")
        .collect();
    assert!(ours.len() >= 35, "{ours:?}");
    for lang in [Lang::Ca, Lang::Es, Lang::Pl] {
        for k in &ours {
            assert!(defines(lang, k), "{lang:?} lacks {k}");
        }
    }
    let left = |lang, n| trc(lang, "jmap.left_here", &[("n", Arg::Count(n))]);
    assert_eq!(
        left(Lang::En, 1),
        "1 customer got no further than this stage"
    );
    assert_eq!(
        left(Lang::Pl, 2),
        "2 klienci nie przeszli dalej niż ten etap"
    );
    assert_eq!(
        left(Lang::Pl, 5),
        "5 klientów nie przeszło dalej niż ten etap"
    );
    assert_eq!(left(Lang::Ca, 1), "1 client no ha passat d'aquesta etapa");
}
