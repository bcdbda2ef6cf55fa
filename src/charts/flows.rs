//! Journey-flow charts: the flow diagram (a Sankey of steps) and the from × to transition
//! matrix beside it, for readers who prefer a table to ribbons.
//!
//! Column `k` is step `k` of every drawn path; a node's height is its customers on one
//! scale for all columns (the first step's total fills the height), so what leaves a
//! column is visible as the next one's shrinkage, and what ended is drawn as a grey sink
//! ("dropped off", or "journey start" backwards) rather than vanishing.

use super::label;
use super::layout::{Bands, Rect};
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::{labelled, nothing_to_draw, t, ChartError};
use crate::analytics::flows::{Direction, FlowDim, FlowView, NodeKey, TransitionMatrix};
use crate::format as f;
use crate::i18n::{trf, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How a node reads on screen.
pub fn node_label(lang: Lang, key: &NodeKey) -> String {
    match key {
        NodeKey::Value(v) => v.clone(),
        NodeKey::Others(n) => trf(lang, "flows.others", &[("n", &f::int(lang, *n as i64))]),
        NodeKey::NoValue => t(lang, "flows.no_value"),
    }
}

fn ended_label(lang: Lang, direction: Direction) -> String {
    t(
        lang,
        match direction {
            Direction::Forward => "flows.dropped_off",
            Direction::Backward => "flows.journey_start",
        },
    )
}

fn share(lang: Lang, part: u64, total: u64) -> String {
    if total == 0 {
        f::not_available(lang)
    } else {
        f::percent(lang, part as f64 / total as f64 * 100.0)
    }
}

fn sat_line(lang: Lang, v: Option<f64>) -> String {
    labelled(
        lang,
        "flows.satisfaction",
        f::or_na(lang, v, |l, x| f::number(l, x, 0)),
    )
}

/// Customers reaching each step (the denominator of "share of step").
fn step_totals(view: &FlowView) -> Vec<u64> {
    view.steps
        .iter()
        .map(|s| s.iter().map(|n| n.customers).sum())
        .collect()
}

/// Pixel geometry of one column's nodes: `(y0, y1)` per node, plus the sink of customers
/// whose path ended at the previous step.
struct Column {
    x0: i32,
    x1: i32,
    nodes: Vec<(i32, i32)>,
    sink: Option<(i32, i32)>,
}

fn layout(view: &FlowView, plot: Rect, node_w: i32, gap: i32) -> Vec<Column> {
    let n = view.steps.len();
    let ended: Vec<u64> = view
        .steps
        .iter()
        .map(|s| s.iter().map(|x| x.ended).sum())
        .collect();
    // The tallest column: a step's nodes plus the sink of the step before.
    let tallest = (0..n)
        .map(|k| {
            let nodes = view.steps[k].len() + usize::from(k > 0 && ended[k - 1] > 0);
            let total: u64 = view.steps[k].iter().map(|x| x.customers).sum::<u64>()
                + if k > 0 { ended[k - 1] } else { 0 };
            (nodes, total)
        })
        .collect::<Vec<_>>();
    let max_gaps = tallest
        .iter()
        .map(|t| t.0)
        .max()
        .unwrap_or(1)
        .saturating_sub(1) as i32;
    let max_total = tallest.iter().map(|t| t.1).max().unwrap_or(1).max(1) as f64;
    let room = (plot.height() - max_gaps * gap).max(plot.height() / 2) as f64;
    let scale = room / max_total;
    let cols = Bands::new(n, plot.x0, plot.x1, 0.0);
    (0..n)
        .map(|k| {
            let (c0, c1) = cols.span(k);
            let x0 = if k + 1 == n { c1 - node_w } else { c0 };
            let mut y = plot.y0;
            let mut place = |v: u64| {
                let h = ((v as f64 * scale).round() as i32).max(1);
                let span = (y, y + h);
                y += h + gap;
                span
            };
            let nodes = view.steps[k].iter().map(|x| place(x.customers)).collect();
            let sink = (k > 0 && ended[k - 1] > 0).then(|| place(ended[k - 1]));
            Column {
                x0,
                x1: x0 + node_w,
                nodes,
                sink,
            }
        })
        .collect()
}

/// A ribbon between two vertical spans, as a polygon of two cubic curves.
fn ribbon(x0: i32, a: (i32, i32), x1: i32, b: (i32, i32)) -> Vec<(i32, i32)> {
    const SEGMENTS: usize = 16;
    let curve = |y0: i32, y1: i32, t: f64| {
        let x = x0 as f64 + (x1 - x0) as f64 * t;
        // Smoothstep: horizontal at both ends, like a cubic Bézier with mid control points.
        let s = t * t * (3.0 - 2.0 * t);
        (
            x.round() as i32,
            (y0 as f64 + (y1 - y0) as f64 * s).round() as i32,
        )
    };
    let mut pts: Vec<(i32, i32)> = (0..=SEGMENTS)
        .map(|i| curve(a.0, b.0, i as f64 / SEGMENTS as f64))
        .collect();
    pts.extend(
        (0..=SEGMENTS)
            .rev()
            .map(|i| curve(a.1, b.1, i as f64 / SEGMENTS as f64)),
    );
    pts
}

/// The flow diagram. Nodes are labelled with their name and customers; every node and
/// ribbon has a tooltip with customers, share of the step and mean satisfaction.
pub fn draw_flow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FlowView,
    dim: FlowDim,
    direction: Direction,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let role = match dim {
        FlowDim::Touchpoint => crate::dataset::Role::Touchpoint,
        FlowDim::Stage => crate::dataset::Role::Stage,
        FlowDim::Channel => crate::dataset::Role::Channel,
    };
    let missing = if view.needs_events {
        Some(crate::message::Needs(vec![
            crate::message::Need::EventLevelData,
        ]))
    } else {
        view.unavailable
            .then(|| crate::message::Needs::column(role))
    };
    if nothing_to_draw(
        &p,
        missing.as_ref(),
        view.rooted == 0 || view.steps.is_empty(),
        lang,
    )? {
        return Ok(p.finish());
    }
    let font = p.font_px(Size::Small);
    let plot = Rect::new(
        p.px(4.0),
        (font * 1.8).ceil() as i32,
        p.width - p.px(4.0),
        p.height - p.px(4.0),
    );
    if plot.is_degenerate() {
        return Ok(p.finish());
    }
    let cols = layout(view, plot, p.px(10.0).max(2), p.px(6.0).max(1));
    let totals = step_totals(view);
    step_headers(&p, &cols, lang)?;
    draw_links(&mut p, view, &cols, &totals, lang)?;
    draw_sinks(&mut p, view, &cols, direction, lang)?;
    draw_nodes(&mut p, view, &cols, &totals, direction, lang)?;
    Ok(p.finish())
}

fn step_headers<DB: DrawingBackend>(
    p: &Painter<DB>,
    cols: &[Column],
    lang: Lang,
) -> Result<(), ChartError> {
    for (k, c) in cols.iter().enumerate() {
        let text = trf(lang, "flows.step_n", &[("n", &f::int(lang, k as i64 + 1))]);
        let align = if k + 1 == cols.len() && k > 0 {
            Align::Right
        } else {
            Align::Left
        };
        let x = if align == Align::Right { c.x1 } else { c.x0 };
        p.text(
            &text,
            (x, 0),
            Size::Small,
            p.theme.muted,
            align,
            Baseline::Top,
        )?;
    }
    Ok(())
}

fn draw_links<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    view: &FlowView,
    cols: &[Column],
    totals: &[u64],
    lang: Lang,
) -> Result<(), ChartError> {
    // Where the next ribbon leaves each node (top down, in link order) and enters each
    // target (sources in node order, so ribbons into one node don't cross).
    let mut out_y: Vec<Vec<i32>> = cols
        .iter()
        .map(|c| c.nodes.iter().map(|n| n.0).collect())
        .collect();
    let mut in_y = out_y.clone();
    let mut entry = vec![0i32; view.links.len()];
    let mut by_target: Vec<usize> = (0..view.links.len()).collect();
    crate::order::sort_by_key(&mut by_target, |&i| {
        (view.links[i].step, view.links[i].to, view.links[i].from)
    });
    for &i in &by_target {
        let l = &view.links[i];
        let h = link_height(view, cols, l.step, l.from, l.customers);
        entry[i] = in_y[l.step + 1][l.to];
        in_y[l.step + 1][l.to] += h;
    }
    for (i, l) in view.links.iter().enumerate() {
        let h = link_height(view, cols, l.step, l.from, l.customers);
        let y0 = out_y[l.step][l.from];
        out_y[l.step][l.from] += h;
        let (a, b) = (&cols[l.step], &cols[l.step + 1]);
        let color = node_color(p.theme, view, &view.steps[l.step][l.from].key);
        p.polygon(
            &ribbon(a.x1, (y0, y0 + h), b.x0, (entry[i], entry[i] + h)),
            color,
            0.35,
        )?;
        let from = node_label(lang, &view.steps[l.step][l.from].key);
        let to = node_label(lang, &view.steps[l.step + 1][l.to].key);
        let lines = vec![
            labelled(lang, "chart.customers", f::int(lang, l.customers as i64)),
            labelled(
                lang,
                "flows.share_of_step",
                share(lang, l.customers, totals[l.step]),
            ),
            sat_line(lang, l.satisfaction),
        ];
        // The middle third of the ribbon, where it is least likely to overlap a node.
        let mid = (a.x1 + (b.x0 - a.x1) / 3, a.x1 + 2 * (b.x0 - a.x1) / 3);
        let ym = (y0 + entry[i]) / 2;
        p.hit(
            Rect::new(mid.0, ym, mid.1, ym + h),
            format!("{from} → {to}"),
            lines,
        );
    }
    Ok(())
}

/// A ribbon's thickness: its share of the source node's height.
fn link_height(view: &FlowView, cols: &[Column], step: usize, from: usize, n: u64) -> i32 {
    let node = &view.steps[step][from];
    let (y0, y1) = cols[step].nodes[from];
    if node.customers == 0 {
        return 0;
    }
    ((y1 - y0) as f64 * n as f64 / node.customers as f64).round() as i32
}

fn draw_sinks<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    view: &FlowView,
    cols: &[Column],
    direction: Direction,
    lang: Lang,
) -> Result<(), ChartError> {
    let label = ended_label(lang, direction);
    for k in 1..cols.len() {
        let Some(sink) = cols[k].sink else { continue };
        let prev = &cols[k - 1];
        let mut y = sink.0;
        let mut ended = 0;
        for (n, node) in view.steps[k - 1].iter().enumerate() {
            if node.ended == 0 {
                continue;
            }
            ended += node.ended;
            let (ny0, ny1) = prev.nodes[n];
            let h = if node.customers == 0 {
                0
            } else {
                ((ny1 - ny0) as f64 * node.ended as f64 / node.customers as f64).round() as i32
            };
            // What ended sits at the bottom of its node, below the outgoing ribbons.
            p.polygon(
                &ribbon(prev.x1, (ny1 - h, ny1), cols[k].x0, (y, y + h)),
                p.theme.empty,
                0.6,
            )?;
            y += h;
        }
        let r = Rect::new(cols[k].x0, sink.0, cols[k].x1, sink.1);
        p.fill_rect(r, p.theme.axis)?;
        let text = format!("{label} · {}", f::int(lang, ended as i64));
        node_text(p, &cols[k], k + 1 == cols.len(), sink, &text)?;
        p.hit(
            r,
            label.clone(),
            vec![labelled(
                lang,
                "chart.customers",
                f::int(lang, ended as i64),
            )],
        );
    }
    Ok(())
}

fn draw_nodes<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    view: &FlowView,
    cols: &[Column],
    totals: &[u64],
    direction: Direction,
    lang: Lang,
) -> Result<(), ChartError> {
    let last = cols.len() - 1;
    for (k, c) in cols.iter().enumerate() {
        for (n, node) in view.steps[k].iter().enumerate() {
            let (y0, y1) = c.nodes[n];
            let r = Rect::new(c.x0, y0, c.x1, y1);
            p.fill_rect(r, node_color(p.theme, view, &node.key))?;
            let name = node_label(lang, &node.key);
            let text = format!("{} · {}", name, f::int(lang, node.customers as i64));
            node_text(p, c, k == last, (y0, y1), &text)?;
            let mut lines = vec![
                labelled(lang, "chart.customers", f::int(lang, node.customers as i64)),
                labelled(
                    lang,
                    "flows.share_of_step",
                    share(lang, node.customers, totals[k]),
                ),
                format!(
                    "{}: {}",
                    ended_label(lang, direction),
                    f::int(lang, node.ended as i64)
                ),
            ];
            if k == last {
                lines.push(labelled(
                    lang,
                    "flows.continuing",
                    f::int(lang, node.continuing as i64),
                ));
            }
            lines.push(sat_line(lang, node.satisfaction));
            // A node is at least a finger wide for the pointer, whatever its height.
            let pad = p.px(4.0);
            let r = Rect::new(c.x0 - pad, y0 - pad.min(2), c.x1 + pad, y1.max(y0 + pad));
            let key = (node.key != NodeKey::NoValue).then(|| node_hit_key(k, n));
            p.hit_keyed(r, key, name, lines);
        }
    }
    Ok(())
}

/// The click key of node `n` of step `k`; [`parse_node_hit_key`] reads it back.
pub fn node_hit_key(k: usize, n: usize) -> String {
    format!("node:{k}:{n}")
}

/// `(step, node)` from a key made by [`node_hit_key`].
pub fn parse_node_hit_key(key: &str) -> Option<(usize, usize)> {
    let rest = key.strip_prefix("node:")?;
    let (k, n) = rest.split_once(':')?;
    Some((k.parse().ok()?, n.parse().ok()?))
}

/// A node's label beside it: to the right, or to the left in the last column.
fn node_text<DB: DrawingBackend>(
    p: &Painter<DB>,
    c: &Column,
    last: bool,
    (y0, y1): (i32, i32),
    text: &str,
) -> Result<(), ChartError> {
    let font = p.font_px(Size::Small);
    if ((y1 - y0) as f64) < font * 0.9 && y1 - y0 < 3 {
        // Too thin to label without overlapping its neighbour; the tooltip has it.
        return Ok(());
    }
    let room = (p.width as f64 / 4.0).max(font * 6.0);
    let text = label::truncate(text, label::chars_that_fit(room, font).max(4));
    let y = (y0 + y1) / 2;
    if last {
        p.text(
            &text,
            (c.x0 - p.px(4.0), y),
            Size::Small,
            p.theme.text,
            Align::Right,
            Baseline::Middle,
        )
    } else {
        p.text(
            &text,
            (c.x1 + p.px(4.0), y),
            Size::Small,
            p.theme.text,
            Align::Left,
            Baseline::Middle,
        )
    }
}

/// Every drawn path segment as rows that add up per step: links, then what ended or
/// continues past the last step.
pub fn flow_table(view: &FlowView, direction: Direction, lang: Lang) -> Table {
    let totals = step_totals(view);
    let mut rows = Vec::new();
    let row = |k: usize, from: String, to: String, n: u64, sat: Option<f64>| {
        vec![
            f::int(lang, k as i64 + 1),
            from,
            to,
            f::int(lang, n as i64),
            share(lang, n, totals[k]),
            f::or_na(lang, sat, |l, x| f::number(l, x, 0)),
        ]
    };
    for (k, step) in view.steps.iter().enumerate() {
        for (n, node) in step.iter().enumerate() {
            let from = node_label(lang, &node.key);
            for l in view.links.iter().filter(|l| l.step == k && l.from == n) {
                let to = node_label(lang, &view.steps[k + 1][l.to].key);
                rows.push(row(k, from.clone(), to, l.customers, l.satisfaction));
            }
            if node.ended > 0 {
                rows.push(row(
                    k,
                    from.clone(),
                    ended_label(lang, direction),
                    node.ended,
                    None,
                ));
            }
            if node.continuing > 0 {
                rows.push(row(
                    k,
                    from.clone(),
                    t(lang, "flows.continuing"),
                    node.continuing,
                    None,
                ));
            }
        }
    }
    Table {
        caption: t(lang, "flows.caption"),
        headers: vec![
            t(lang, "flows.step"),
            t(lang, "chart.from"),
            t(lang, "flows.to"),
            t(lang, "chart.customers"),
            t(lang, "flows.share_of_step"),
            t(lang, "flows.satisfaction"),
        ],
        rows,
    }
}

/// One sentence for screen readers.
pub fn flow_summary(view: &FlowView, lang: Lang) -> String {
    let first = view
        .steps
        .first()
        .and_then(|s| s.iter().max_by_key(|n| n.customers));
    let biggest = view.links.iter().max_by_key(|l| l.customers);
    match (first, biggest) {
        (Some(a), Some(l)) => trf(
            lang,
            "flows.summary",
            &[
                ("customers", &f::int(lang, view.rooted as i64)),
                ("steps", &f::int(lang, view.steps.len() as i64)),
                ("first", &node_label(lang, &a.key)),
                ("first_n", &f::int(lang, a.customers as i64)),
                ("from", &node_label(lang, &view.steps[l.step][l.from].key)),
                ("to", &node_label(lang, &view.steps[l.step + 1][l.to].key)),
                ("n", &f::int(lang, l.customers as i64)),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}

/// The transition matrix as a heat map of customers (darker = more).
pub fn draw_transitions<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    m: &TransitionMatrix,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let any = m.customers.iter().flatten().any(|&c| c > 0);
    if nothing_to_draw(&p, None, !any, lang)? {
        return Ok(p.finish());
    }
    let names: Vec<String> = m.labels.iter().map(|k| node_label(lang, k)).collect();
    let font = p.font_px(Size::Small);
    let left = (names
        .iter()
        .map(|n| label::text_width(n, font))
        .fold(0.0, f64::max)
        + font)
        .min(p.width as f64 * 0.3)
        .ceil() as i32;
    let plot = Rect::new(
        left,
        (font * 3.2).ceil() as i32,
        p.width - p.px(4.0),
        p.height - p.px(4.0),
    );
    if plot.is_degenerate() {
        return Ok(p.finish());
    }
    p.text(
        &t(lang, "flows.matrix_axes"),
        (plot.x0, 0),
        Size::Small,
        p.theme.muted,
        Align::Left,
        Baseline::Top,
    )?;
    let cols = Bands::new(names.len(), plot.x0, plot.x1, 0.0);
    let rows = Bands::new(names.len(), plot.y0, plot.y1, 0.0);
    let max = m
        .customers
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    column_names(&p, plot, &cols, &names)?;
    let row_fit = label::chars_that_fit(left as f64 - font * 0.5, font).max(2);
    for (i, from) in names.iter().enumerate() {
        let (y0, y1) = rows.span(i);
        let text = label::truncate(from, row_fit);
        p.text(
            &text,
            (plot.x0 - p.px(4.0), (y0 + y1) / 2),
            Size::Small,
            p.theme.text,
            Align::Right,
            Baseline::Middle,
        )?;
        for (j, to) in names.iter().enumerate() {
            let (x0, x1) = cols.span(j);
            let r = Rect::new(x0 + 1, y0 + 1, x1 - 1, y1 - 1);
            matrix_cell(&mut p, r, (x0, x1), m, (i, j), max, lang)?;
            p.hit(r, format!("{from} → {to}"), matrix_lines(lang, m, i, j));
        }
    }
    Ok(p.finish())
}

/// The "to" names above the matrix' columns, shortened to the column width.
fn column_names<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    cols: &Bands,
    names: &[String],
) -> Result<(), ChartError> {
    let col_fit = label::chars_that_fit(cols.step_px() * 0.95, p.font_px(Size::Small)).max(1);
    for (j, name) in names.iter().enumerate() {
        let text = label::truncate(name, col_fit);
        p.text(
            &text,
            (cols.center(j), plot.y0 - p.px(2.0)),
            Size::Small,
            p.theme.text,
            Align::Center,
            Baseline::Bottom,
        )?;
    }
    Ok(())
}

/// The cell of `from` → `to`: darker the more customers of the busiest cell (`max`) it
/// holds, with the count written when it fits the column `x0..x1`.
fn matrix_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    r: Rect,
    (x0, x1): (i32, i32),
    m: &TransitionMatrix,
    (from, to): (usize, usize),
    max: f64,
    lang: Lang,
) -> Result<(), ChartError> {
    let n = m.customers[from][to];
    let fill = if n == 0 {
        p.theme.empty
    } else {
        p.theme
            .background
            .lerp(p.theme.series(0), 0.15 + 0.85 * n as f64 / max)
    };
    p.fill_rect(r, fill)?;
    let font = p.font_px(Size::Small);
    if n > 0 && label::text_width(&f::int(lang, n as i64), font) < (x1 - x0) as f64 * 0.9 {
        p.text(
            &f::int(lang, n as i64),
            ((x0 + x1) / 2, (r.y0 + r.y1) / 2),
            Size::Small,
            p.theme.text_on(fill),
            Align::Center,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

fn matrix_lines(lang: Lang, m: &TransitionMatrix, i: usize, j: usize) -> Vec<String> {
    vec![
        labelled(
            lang,
            "chart.customers",
            f::int(lang, m.customers[i][j] as i64),
        ),
        labelled(lang, "flows.moves", f::int(lang, m.moves[i][j] as i64)),
    ]
}

pub fn transitions_table(m: &TransitionMatrix, lang: Lang) -> Table {
    let names: Vec<String> = m.labels.iter().map(|k| node_label(lang, k)).collect();
    let mut rows = Vec::new();
    for (i, from) in names.iter().enumerate() {
        for (j, to) in names.iter().enumerate() {
            if m.moves[i][j] > 0 {
                rows.push(vec![
                    from.clone(),
                    to.clone(),
                    f::int(lang, m.customers[i][j] as i64),
                    f::int(lang, m.moves[i][j] as i64),
                ]);
            }
        }
    }
    Table {
        caption: t(lang, "flows.matrix_caption"),
        headers: vec![
            t(lang, "chart.from"),
            t(lang, "flows.to"),
            t(lang, "chart.customers"),
            t(lang, "flows.moves"),
        ],
        rows,
    }
}

pub fn transitions_summary(m: &TransitionMatrix, lang: Lang) -> String {
    let mut best: Option<(usize, usize, u64)> = None;
    for (i, row) in m.customers.iter().enumerate() {
        for (j, &n) in row.iter().enumerate() {
            if n > best.map_or(0, |b| b.2) {
                best = Some((i, j, n));
            }
        }
    }
    match best {
        Some((i, j, n)) => trf(
            lang,
            "flows.matrix_summary",
            &[
                ("from", &node_label(lang, &m.labels[i])),
                ("to", &node_label(lang, &m.labels[j])),
                ("n", &f::int(lang, n as i64)),
            ],
        ),
        None => t(lang, "chart.no_data_sentence"),
    }
}

/// A node's colour, the same for a value in every step (its rank among the values reached
/// by most customers, as in the transition matrix); neutral for "others", "no value" and
/// the rare value outside that ranking (they must not look like one thing).
fn node_color(theme: &Theme, view: &FlowView, key: &NodeKey) -> Rgb {
    match view.matrix.labels.iter().position(|l| l == key) {
        Some(i) if matches!(key, NodeKey::Value(_)) => theme.series(i),
        _ => theme.axis,
    }
}
