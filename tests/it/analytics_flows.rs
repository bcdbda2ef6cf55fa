//! Journey flows on hand-worked sequences (satisfaction scale 1–5, so 1 → 0, 3 → 50, 5 → 100).

use journey_lens::analytics::flows::{Direction, FlowDim, FlowParams, FlowView, NodeKey};
use journey_lens::analytics::{flows, Filter, Prepared};
use journey_lens::dataset::{Columns, Dataset, DatasetBuilder, Event, Meta, Scales};

const T0: i64 = 1_704_067_200;

/// (customer, hour, touchpoint, satisfaction)
fn dataset(rows: &[(&str, i64, Option<&str>, Option<f64>)]) -> Dataset {
    let cols = Columns {
        timestamp: true,
        touchpoint: true,
        satisfaction: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for &(c, h, tp, sat) in rows {
        b.push(&Event {
            customer: c,
            timestamp: Some(T0 + h * 3600),
            touchpoint: tp,
            satisfaction: sat,
            ..Event::default()
        });
    }
    b.finish()
}

/// a: web web app call        (collapsed: web app call)
/// b: web app                  
/// c: app call web
/// d: web call
/// e: (no touchpoint at all)
/// Rows are deliberately out of order in the file.
fn sample() -> Dataset {
    dataset(&[
        ("c", 2, Some("web"), Some(5.0)),
        ("a", 0, Some("web"), Some(1.0)),
        ("a", 1, Some("web"), Some(3.0)),
        ("a", 2, Some("app"), None),
        ("a", 3, Some("call"), Some(1.0)),
        ("b", 0, Some("web"), Some(5.0)),
        ("b", 1, Some("app"), Some(5.0)),
        ("c", 0, Some("app"), Some(3.0)),
        ("c", 1, Some("call"), Some(3.0)),
        ("d", 0, Some("web"), None),
        ("d", 1, Some("call"), Some(5.0)),
        ("e", 0, None, Some(4.0)),
    ])
}

fn run(ds: &Dataset, params: &FlowParams) -> FlowView {
    let prep = Prepared::new(ds);
    journey_lens::analytics::flows(ds, &prep, &Filter::all(), params)
}

fn value(v: &str) -> NodeKey {
    NodeKey::Value(v.to_string())
}

/// (key, customers, ended, continuing) per node of a step.
fn nodes(view: &FlowView, step: usize) -> Vec<(NodeKey, u64, u64, u64)> {
    view.steps[step]
        .iter()
        .map(|n| (n.key.clone(), n.customers, n.ended, n.continuing))
        .collect()
}

/// (from key, to key, customers) of the links leaving `step`.
fn links(view: &FlowView, step: usize) -> Vec<(NodeKey, NodeKey, u64)> {
    view.links
        .iter()
        .filter(|l| l.step == step)
        .map(|l| {
            (
                view.steps[step][l.from].key.clone(),
                view.steps[step + 1][l.to].key.clone(),
                l.customers,
            )
        })
        .collect()
}

fn params(depth: usize, top: usize) -> FlowParams {
    FlowParams {
        depth,
        top,
        ..FlowParams::default()
    }
}

#[test]
fn forward_flow_counts_nodes_links_and_ends() {
    let v = run(&sample(), &params(3, 6));
    assert_eq!(v.customers, 5);
    assert_eq!(v.rooted, 5);
    // Step 1: web (a, b, d) 3, app (c) 1, then e without a touchpoint.
    assert_eq!(
        nodes(&v, 0),
        vec![
            (value("web"), 3, 0, 0),
            (value("app"), 1, 0, 0),
            (NodeKey::NoValue, 1, 1, 0),
        ]
    );
    // Step 2: app (a, b) 2, call (c, d) 2; ties in dictionary order (web, app, call were
    // met in that order in the file: c's web comes first, then a's app… so codes are
    // web=0, app=1, call=2). b and d end here.
    assert_eq!(
        nodes(&v, 1),
        vec![(value("app"), 2, 1, 0), (value("call"), 2, 1, 0)]
    );
    // Step 3: call (a) ends, web (c) ends.
    assert_eq!(
        nodes(&v, 2),
        vec![(value("web"), 1, 1, 0), (value("call"), 1, 1, 0)]
    );
    assert_eq!(
        links(&v, 0),
        vec![
            (value("web"), value("app"), 2),
            (value("web"), value("call"), 1),
            (value("app"), value("call"), 1),
        ]
    );
    assert_eq!(
        links(&v, 1),
        vec![
            (value("app"), value("call"), 1),
            (value("call"), value("web"), 1)
        ]
    );
}

/// A node's customers equal what flows in (after the first step) and what flows out plus
/// what ends and what continues past the last step drawn; the first step holds `first`.
fn assert_conserves(v: &FlowView, first: u64, walk: &str) {
    let total: u64 = v.steps[0].iter().map(|n| n.customers).sum();
    assert_eq!(total, first, "{walk}: the first step");
    for (k, step) in v.steps.iter().enumerate() {
        for (i, n) in step.iter().enumerate() {
            let out: u64 = v
                .links
                .iter()
                .filter(|l| l.step == k && l.from == i)
                .map(|l| l.customers)
                .sum();
            assert_eq!(
                n.customers,
                out + n.ended + n.continuing,
                "{walk}: step {k} node {i} out"
            );
            if k > 0 {
                let inflow: u64 = v
                    .links
                    .iter()
                    .filter(|l| l.step + 1 == k && l.to == i)
                    .map(|l| l.customers)
                    .sum();
                assert_eq!(n.customers, inflow, "{walk}: step {k} node {i} in");
            }
        }
    }
}

#[test]
fn every_node_conserves_customers() {
    let rooted = |root: &str, direction, depth, top| FlowParams {
        root: Some(root.into()),
        direction,
        ..params(depth, top)
    };
    // From the start: all 5 customers of the filter. Through call: a, c, d. Through web:
    // a, b, c, d. Through app: a, b, c.
    let walks = [
        ("forward, top 1", params(3, 1), 5),
        ("forward, top 6, 4 deep", params(4, 6), 5),
        (
            "back from call, top 1",
            rooted("call", Direction::Backward, 3, 1),
            3,
        ),
        (
            "back from call, top 6",
            rooted("call", Direction::Backward, 4, 6),
            3,
        ),
        (
            "after web, top 1",
            rooted("web", Direction::Forward, 4, 1),
            4,
        ),
        (
            "after app, top 6",
            rooted("app", Direction::Forward, 3, 6),
            3,
        ),
        (
            "back from app, top 1",
            rooted("app", Direction::Backward, 2, 1),
            3,
        ),
    ];
    for (walk, p, first) in walks {
        assert_conserves(&run(&sample(), &p), first, walk);
    }
}

#[test]
fn top_one_puts_the_rest_in_others() {
    let v = run(&sample(), &params(2, 1));
    assert_eq!(
        nodes(&v, 0),
        vec![
            (value("web"), 3, 0, 0),
            (NodeKey::Others(1), 1, 0, 0),
            (NodeKey::NoValue, 1, 1, 0),
        ]
    );
    // Step 2 (last drawn): app 2 (a continues, b ends), others = call 2 (c continues, d ends).
    assert_eq!(
        nodes(&v, 1),
        vec![(value("app"), 2, 1, 1), (NodeKey::Others(1), 2, 1, 1)]
    );
}

#[test]
fn repeats_are_kept_when_collapse_is_off() {
    let p = FlowParams {
        collapse: false,
        ..params(2, 6)
    };
    let v = run(&sample(), &p);
    // a's second step is web again. Step 2 is call (c, d) 2, then web (a) and app (b)
    // with 1 each in dictionary order; links go in (from, to) node order.
    assert_eq!(
        links(&v, 0),
        vec![
            (value("web"), value("call"), 1),
            (value("web"), value("web"), 1),
            (value("web"), value("app"), 1),
            (value("app"), value("call"), 1),
        ]
    );
}

#[test]
fn satisfaction_is_on_0_to_100_and_collapsed_runs_average_their_events() {
    let v = run(&sample(), &params(2, 6));
    // web at step 1: a's run (1 and 3 → 0 and 50), b's 5 → 100, d none: (0+50+100)/3 = 50.
    assert_eq!(v.steps[0][0].satisfaction, Some(50.0));
    // Link web → app: targets a's app (no answer) and b's app (100).
    let l = v
        .links
        .iter()
        .find(|l| l.step == 0 && l.from == 0 && l.to == 0)
        .map(|l| l.satisfaction);
    assert_eq!(l, Some(Some(100.0)));
}

#[test]
fn backward_flow_into_a_chosen_node() {
    let p = FlowParams {
        root: Some("call".into()),
        direction: Direction::Backward,
        ..params(3, 6)
    };
    let v = run(&sample(), &p);
    // Reached call: a (web app call), c (app call), d (web call); b never did.
    assert_eq!(v.rooted, 3);
    assert_eq!(nodes(&v, 0), vec![(value("call"), 3, 0, 0)]);
    // One step back: app (a, c), web (d; the journey started there).
    assert_eq!(
        nodes(&v, 1),
        vec![(value("app"), 2, 1, 0), (value("web"), 1, 1, 0)]
    );
    assert_eq!(nodes(&v, 2), vec![(value("web"), 1, 1, 0)]);
}

#[test]
fn forward_from_a_node_and_an_unknown_root() {
    let p = FlowParams {
        root: Some("app".into()),
        ..params(2, 6)
    };
    let v = run(&sample(), &p);
    assert_eq!(v.rooted, 3);
    assert_eq!(nodes(&v, 0), vec![(value("app"), 3, 1, 0)]);
    // a's journey ends at call; c goes on to web, past the drawn depth.
    assert_eq!(nodes(&v, 1), vec![(value("call"), 2, 1, 1)]);
    let none = run(
        &sample(),
        &FlowParams {
            root: Some("fax".into()),
            ..params(2, 6)
        },
    );
    assert_eq!((none.customers, none.rooted), (5, 0));
}

#[test]
fn transition_matrix_counts_customers_once_and_moves_every_time() {
    let ds = dataset(&[
        ("a", 0, Some("web"), None),
        ("a", 1, Some("app"), None),
        ("a", 2, Some("web"), None),
        ("a", 3, Some("app"), None),
        ("b", 0, Some("app"), None),
        ("b", 1, Some("web"), None),
    ]);
    let m = run(&ds, &params(2, 6)).matrix;
    assert_eq!(m.labels, vec![value("web"), value("app")]);
    // a: web→app twice, app→web once; b: app→web once.
    assert_eq!(m.moves, vec![vec![0, 2], vec![2, 0]]);
    assert_eq!(m.customers, vec![vec![0, 1], vec![2, 0]]);
}

#[test]
fn a_missing_column_is_reported_not_drawn() {
    let v = run(
        &sample(),
        &FlowParams {
            dim: FlowDim::Channel,
            ..FlowParams::default()
        },
    );
    assert!(v.unavailable);
    assert!(v.steps.is_empty());
}

#[test]
fn step_filter_selects_the_customers_of_a_node() {
    let ds = sample();
    let prep = Prepared::new(&ds);
    let sorted = prep.dataset(&ds);
    let sel: Vec<u32> = (0..sorted.len() as u32).collect();
    let keep = flows::customers_at(sorted, &sel, &params(3, 6), 1, &value("call"));
    let mut ids: Vec<&str> = (0..keep.len())
        .filter(|&c| keep[c])
        .filter_map(|c| sorted.customer.value(c as u32))
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["c", "d"]);
}

#[test]
fn a_node_filter_keeps_all_events_of_those_customers_in_every_view() {
    use journey_lens::analytics::flows::PathStep;
    use journey_lens::analytics::{compute, Settings};
    let ds = sample();
    let prep = Prepared::new(&ds);
    let filter = Filter {
        path: Some(PathStep {
            params: params(3, 6),
            step: 1,
            node: value("call"),
        }),
        ..Filter::all()
    };
    assert!(!filter.is_empty());
    let r = compute(&ds, &prep, &Settings::default(), &filter);
    // c (app call web: 3 events) and d (web call: 2 events).
    assert_eq!(r.selection.customers, 2);
    assert_eq!(r.selection.events, 5);
    // Re-rooted at that node, the flow of the filtered customers starts with both of them.
    let v = journey_lens::analytics::flows(&ds, &prep, &filter, &params(3, 6));
    assert_eq!(v.customers, 2);
}
