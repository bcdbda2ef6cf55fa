//! The flow diagram and transition matrix drawn to SVG, from hand-built and computed views.

use crate::charts_support::*;
use journey_lens::analytics::flows::{
    Direction, FlowDim, FlowLink, FlowNode, FlowParams, FlowView, NodeKey, TransitionMatrix,
};
use journey_lens::analytics::{Filter, Prepared};
use journey_lens::charts::flows::{
    draw_flow, draw_transitions, flow_summary, flow_table, parse_node_hit_key, transitions_table,
};
use journey_lens::charts::Theme;
use journey_lens::dataset::{Columns, DatasetBuilder, Event, Meta, Scales};
use journey_lens::i18n::Lang;

const L: Lang = Lang::En;

fn node(key: NodeKey, customers: u64, ended: u64, continuing: u64) -> FlowNode {
    FlowNode {
        key,
        customers,
        ended,
        continuing,
        satisfaction: Some(62.7),
    }
}

fn v(s: &str) -> NodeKey {
    NodeKey::Value(s.into())
}

/// Web 3 → App 2 / Call 1; App: 1 ends, 1 continues; Call continues.
fn small() -> FlowView {
    FlowView {
        unavailable: false,
        needs_events: false,
        customers: 4,
        rooted: 4,
        steps: vec![
            vec![node(v("Web"), 3, 0, 0), node(NodeKey::NoValue, 1, 1, 0)],
            vec![
                node(v("App"), 2, 1, 1),
                node(v("Atenció al client"), 1, 0, 1),
            ],
        ],
        links: vec![
            FlowLink {
                step: 0,
                from: 0,
                to: 0,
                customers: 2,
                satisfaction: Some(75.0),
            },
            FlowLink {
                step: 0,
                from: 0,
                to: 1,
                customers: 1,
                satisfaction: None,
            },
        ],
        matrix: TransitionMatrix::default(),
    }
}

#[test]
fn flow_draws_nodes_with_counts_sinks_and_tooltips() {
    let view = small();
    let (svg, map) = render(700, 320, |a| {
        draw_flow(
            a,
            &view,
            FlowDim::Touchpoint,
            Direction::Forward,
            &Theme::light(),
            L,
        )
    });
    for s in [
        "Step 1",
        "Step 2",
        "Web · 3",
        "App · 2",
        "Atenció al client · 1",
    ] {
        assert_text(&svg, s);
    }
    // The customer without a touchpoint ends at once: a "Dropped off" sink in step 2.
    assert_text(&svg, "Dropped off · 1");
    let t = titles(&map);
    assert!(t.contains(&"Web → App"), "{t:?}");
    assert!(t.contains(&"Web → Atenció al client"), "{t:?}");
    let link = map
        .hits
        .iter()
        .find(|h| h.title == "Web → App")
        .map(|h| &h.lines);
    assert_eq!(
        link,
        Some(&vec![
            "Customers: 2".to_string(),
            "Share of step: 50.0%".to_string(),
            "Satisfaction (0–100): 75".to_string(),
        ])
    );
    let keys: Vec<&str> = map.hits.iter().filter_map(|h| h.key.as_deref()).collect();
    // Web, App and Atenció al client can be clicked; "No value recorded" and links cannot.
    assert_eq!(keys, vec!["node:0:0", "node:1:0", "node:1:1"]);
    assert_eq!(parse_node_hit_key("node:1:0"), Some((1, 0)));
    assert_eq!(parse_node_hit_key("node:x:0"), None);
    let app = map
        .hits
        .iter()
        .find(|h| h.title == "App")
        .map(|h| h.lines.clone());
    assert_eq!(
        app,
        Some(vec![
            "Customers: 2".to_string(),
            "Share of step: 66.7%".to_string(),
            "Dropped off: 1".to_string(),
            "Continue beyond: 1".to_string(),
            "Satisfaction (0–100): 63".to_string(),
        ])
    );
}

#[test]
fn flow_table_rows_add_up_per_step() {
    let t = flow_table(&small(), Direction::Forward, L);
    assert_eq!(
        t.rows,
        vec![
            vec!["1", "Web", "App", "2", "50.0%", "75"],
            vec!["1", "Web", "Atenció al client", "1", "25.0%", "n/a"],
            vec!["1", "No value recorded", "Dropped off", "1", "25.0%", "n/a"],
            vec!["2", "App", "Dropped off", "1", "33.3%", "n/a"],
            vec!["2", "App", "Continue beyond", "1", "33.3%", "n/a"],
            vec![
                "2",
                "Atenció al client",
                "Continue beyond",
                "1",
                "33.3%",
                "n/a"
            ],
        ]
    );
    assert_eq!(
        flow_summary(&small(), L),
        "Flow of 4 customers over 2 steps: most start at Web (3); the largest flow is Web → App (2 customers)."
    );
}

#[test]
fn backwards_the_sink_is_the_journey_start_and_labels_translate() {
    let view = small();
    let (svg, _) = render(700, 320, |a| {
        draw_flow(
            a,
            &view,
            FlowDim::Touchpoint,
            Direction::Backward,
            &Theme::dark(),
            Lang::Ca,
        )
    });
    assert_text(&svg, "Inici del recorregut · 1");
    assert_text(&svg, "Pas 1");
}

#[test]
fn missing_column_and_empty_flow_draw_a_message() {
    let missing = FlowView {
        unavailable: true,
        ..FlowView::default()
    };
    let (svg, map) = render(500, 200, |a| {
        draw_flow(
            a,
            &missing,
            FlowDim::Channel,
            Direction::Forward,
            &Theme::light(),
            L,
        )
    });
    assert_text(&svg, "This chart needs a column for: Channel");
    assert!(map.hits.is_empty());
    let (svg, _) = render(500, 200, |a| {
        draw_flow(
            a,
            &FlowView::default(),
            FlowDim::Touchpoint,
            Direction::Forward,
            &Theme::light(),
            L,
        )
    });
    assert_text(&svg, "No data");
}

/// `n` customers, customer i visits touchpoint i then "Hub"; names long and non-ASCII.
fn computed(n: usize, hub: bool) -> FlowView {
    let cols = Columns {
        timestamp: true,
        touchpoint: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let names: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("c{i}"),
                format!("Punt de contacte número {i} — ŁÓDŹ 東京 très très long"),
            )
        })
        .collect();
    for (i, (c, tp)) in names.iter().enumerate() {
        b.push(&Event {
            customer: c,
            timestamp: Some(1_700_000_000 + i as i64),
            touchpoint: Some(tp),
            ..Event::default()
        });
        if hub {
            b.push(&Event {
                customer: c,
                timestamp: Some(1_700_100_000),
                touchpoint: Some("Hub"),
                ..Event::default()
            });
        }
    }
    let ds = b.finish();
    let prep = Prepared::new(&ds);
    journey_lens::analytics::flows(&ds, &prep, &Filter::all(), &FlowParams::default())
}

#[test]
fn fifty_touchpoints_with_long_names_stay_within_top_n_and_the_canvas() {
    let view = computed(50, true);
    // Top 6 + "Others (44)" in step 1; everyone reaches Hub in step 2.
    assert_eq!(view.steps[0].len(), 7);
    assert_eq!(view.steps[0][6].key, NodeKey::Others(44));
    assert_eq!(view.steps[1].len(), 1);
    let (svg, map) = render(360, 300, |a| {
        draw_flow(
            a,
            &view,
            FlowDim::Touchpoint,
            Direction::Forward,
            &Theme::light(),
            L,
        )
    });
    assert_text(&svg, "Hub · 50");
    assert!(
        map.hits
            .iter()
            .all(|h| h.x0 >= -8 && h.x1 <= 368 && h.y1 <= 308),
        "{map:?}"
    );
    let (svg, _) = render(360, 300, |a| {
        draw_transitions(a, &view.matrix, &Theme::light(), L)
    });
    assert_text(&svg, "Hub");
}

#[test]
fn one_touchpoint_and_no_handoffs() {
    let view = computed(1, false);
    assert!(view.links.is_empty());
    let (svg, map) = render(400, 200, |a| {
        draw_flow(
            a,
            &view,
            FlowDim::Touchpoint,
            Direction::Forward,
            &Theme::light(),
            L,
        )
    });
    assert_eq!(map.hits.len(), 2, "the node and the drop-off sink");
    assert_text(&svg, "Dropped off · 1");
    let (svg, map) = render(400, 200, |a| {
        draw_transitions(a, &view.matrix, &Theme::light(), L)
    });
    assert_text(&svg, "No data");
    assert!(map.hits.is_empty());
}

#[test]
fn transition_matrix_table_and_cells() {
    let m = TransitionMatrix {
        labels: vec![v("Web"), v("App"), NodeKey::Others(3)],
        customers: vec![vec![0, 5, 1], vec![2, 0, 0], vec![0, 0, 0]],
        moves: vec![vec![0, 7, 1], vec![2, 0, 0], vec![0, 0, 0]],
    };
    let t = transitions_table(&m, L);
    assert_eq!(
        t.rows,
        vec![
            vec!["Web", "App", "5", "7"],
            vec!["Web", "Others (3)", "1", "1"],
            vec!["App", "Web", "2", "2"],
        ]
    );
    let (_, map) = render(500, 300, |a| draw_transitions(a, &m, &Theme::light(), L));
    assert_eq!(map.hits.len(), 9);
    let cell = map
        .hits
        .iter()
        .find(|h| h.title == "Web → App")
        .map(|h| h.lines.clone());
    assert_eq!(
        cell,
        Some(vec!["Customers: 5".to_string(), "Moves: 7".to_string()])
    );
}
