//! Journey flows: where customers go between touchpoints (or stages, or channels), step by
//! step, as a diagram in which every number adds up.
//!
//! Path tools lose trust when their numbers disagree with the other views: hidden paths
//! dropped from the totals, customers counted twice when they revisit a node. Here each
//! customer contributes exactly one path, every value that is not among a step's top N is
//! kept in that step's "others" node, and a path that ends is sent to an explicit end, so
//! at every node `customers = inflow = outflow + ended (+ continuing, at the last step)`
//! and the first step holds every customer of the current filter (or, from a chosen node,
//! every customer who reached it). Definitions: `docs/metrics.md`, "Journey flows".

use super::funnel::PART_EVENTS;
use crate::dataset::{Dataset, DimColumn, Scale, MISSING};
use serde::{Deserialize, Serialize};
use std::future::Future;

/// Which column a path walks through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowDim {
    #[default]
    Touchpoint,
    Stage,
    Channel,
}

/// Forwards from the journey's start (or a chosen node), or backwards from its end (or
/// into a chosen node).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Forward,
    Backward,
}

/// What the user asked to see.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct FlowParams {
    pub dim: FlowDim,
    /// Start (forwards) or end (backwards) every path at the customer's first visit to this
    /// value; `None` starts at the journey's first (or last) step.
    pub root: Option<String>,
    pub direction: Direction,
    /// Steps drawn, 2 to 8.
    pub depth: usize,
    /// Nodes per step before the rest go to "others", 1 to 20.
    pub top: usize,
    /// Treat consecutive events at the same value as one step (a page reload, two e-mails
    /// in a row are not a journey).
    pub collapse: bool,
}

impl Default for FlowParams {
    fn default() -> Self {
        FlowParams {
            dim: FlowDim::Touchpoint,
            root: None,
            direction: Direction::Forward,
            depth: 4,
            top: 6,
            collapse: true,
        }
    }
}

/// "Customers whose step `step` of the flow `params` was `node`": a filter set by clicking
/// a node, shown as a removable chip.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PathStep {
    pub params: FlowParams,
    pub step: usize,
    pub node: NodeKey,
}

pub const MIN_DEPTH: usize = 2;
pub const MAX_DEPTH: usize = 8;
pub const MAX_TOP: usize = 20;
/// Rows and columns of the transition matrix before the rest are summed in "others".
pub const MATRIX_TOP: usize = 12;

/// A node's identity within its step.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum NodeKey {
    Value(String),
    /// Every value of the step outside its top N, with how many distinct values that is.
    Others(u64),
    /// Customers with no value at all in this column (only ever in the first step).
    NoValue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowNode {
    pub key: NodeKey,
    pub customers: u64,
    /// Paths that end here: forwards, no later step (dropped off); backwards, no earlier
    /// step (the journey started here).
    pub ended: u64,
    /// Paths that go on past the last drawn step (always 0 before the last step).
    pub continuing: u64,
    /// Mean satisfaction (0–100) of the events at this node, when any has an answer.
    pub satisfaction: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowLink {
    /// From a node of step `step` to a node of step `step + 1` (indexes into their nodes).
    pub step: usize,
    pub from: usize,
    pub to: usize,
    pub customers: u64,
    /// Mean satisfaction (0–100) at the target of this link.
    pub satisfaction: Option<f64>,
}

/// From × to counts of consecutive steps over whole paths (not only the drawn depth).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransitionMatrix {
    /// Row and column labels: the values with most customers, then "others" if any.
    pub labels: Vec<NodeKey>,
    /// `customers[from][to]`: customers who made that move at least once.
    pub customers: Vec<Vec<u64>>,
    /// `moves[from][to]`: how many times it was made.
    pub moves: Vec<Vec<u64>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FlowView {
    /// The column is not in the data (the view needs it).
    pub unavailable: bool,
    /// Customers in the current filter.
    pub customers: u64,
    /// Customers whose path is drawn: all of them, or those who reached the root.
    pub rooted: u64,
    pub steps: Vec<Vec<FlowNode>>,
    pub links: Vec<FlowLink>,
    pub matrix: TransitionMatrix,
    /// The data is a summary feed, which keeps no paths: nothing here is computed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_events: bool,
}

/// Every customer's sequence of values, flattened: run `r` has value `codes[r]` and the
/// satisfaction sum/count of its events; customer `c`'s runs are `starts[c]..starts[c+1]`.
struct Sequences {
    codes: Vec<u32>,
    sat: Vec<(f64, u32)>,
    starts: Vec<usize>,
    /// The customer code of each stored sequence.
    cust: Vec<u32>,
    /// Customers with no value at all.
    empty: u64,
}

impl Sequences {
    fn runs(&self, c: usize) -> std::ops::Range<usize> {
        self.starts[c]..self.starts[c + 1]
    }
    fn len(&self) -> usize {
        self.starts.len() - 1
    }
}

fn column(ds: &Dataset, dim: FlowDim) -> Option<&DimColumn> {
    match dim {
        FlowDim::Touchpoint => ds.touchpoint.as_ref(),
        FlowDim::Stage => ds.stage.as_ref(),
        FlowDim::Channel => ds.channel.as_ref(),
    }
}

/// Builds the sequences from the selected rows (`sel`, in analysis order: grouped by
/// customer, in time order). Customers without any value are counted, not stored.
///
/// `pause().await` runs after each [`PART_EVENTS`] events or so, at a customer's end.
async fn sequences<F: Future<Output = ()>>(
    ds: &Dataset,
    col: &DimColumn,
    sel: &[u32],
    collapse: bool,
    pause: &mut impl FnMut() -> F,
) -> Sequences {
    let sat_col = ds.satisfaction.as_ref();
    let scale: Scale = ds.scales.satisfaction;
    // At most one run per event: sized once, as growing these step by step at a million
    // events cost a third of the pass.
    let mut s = Sequences {
        codes: Vec::with_capacity(sel.len()),
        sat: Vec::with_capacity(sel.len()),
        starts: vec![0],
        cust: Vec::new(),
        empty: 0,
    };
    let (mut i, mut since) = (0, 0);
    while i < sel.len() {
        if i - since >= PART_EVENTS {
            pause().await;
            since = i;
        }
        let cust = ds.customer.codes[sel[i] as usize];
        let begin = s.codes.len();
        while i < sel.len() && ds.customer.codes[sel[i] as usize] == cust {
            let row = sel[i] as usize;
            i += 1;
            let code = col.codes[row];
            if code == MISSING {
                continue;
            }
            let v = sat_col.map_or(f64::NAN, |c| c[row]);
            let add = if v.is_nan() {
                (0.0, 0)
            } else {
                (scale.to_percent(v), 1)
            };
            if collapse && s.codes.len() > begin && s.codes.last() == Some(&code) {
                if let Some(last) = s.sat.last_mut() {
                    last.0 += add.0;
                    last.1 += add.1;
                }
            } else {
                s.codes.push(code);
                s.sat.push(add);
            }
        }
        if s.codes.len() == begin {
            s.empty += 1;
        } else {
            s.starts.push(s.codes.len());
            s.cust.push(cust);
        }
    }
    s
}

/// One customer's drawn path: run indexes in drawing order, and whether the journey has
/// more steps beyond the window (`continues`) — otherwise the path ends at its last node.
struct Path {
    seq: usize,
    runs: Runs,
    continues: bool,
}

/// A path's run indexes in drawing order: `len` of them from `from`, forwards or backwards
/// (a range, not a list: one allocation per customer cost more than the diagram itself).
#[derive(Debug, Clone, Copy)]
struct Runs {
    from: usize,
    len: usize,
    back: bool,
}

impl Runs {
    fn len(&self) -> usize {
        self.len
    }

    /// The `k`-th run index, `k < len`.
    fn at(&self, k: usize) -> usize {
        if self.back {
            self.from - k
        } else {
            self.from + k
        }
    }
}

fn path(
    seq: &Sequences,
    c: usize,
    root: Option<u32>,
    p: &FlowParams,
    depth: usize,
) -> Option<Path> {
    let r = seq.runs(c);
    let (lo, hi) = (r.start, r.end);
    let anchor = match (root, p.direction) {
        (None, Direction::Forward) => lo,
        (None, Direction::Backward) => hi - 1,
        (Some(code), _) => (lo..hi).find(|&i| seq.codes[i] == code)?,
    };
    Some(match p.direction {
        Direction::Forward => {
            let end = (anchor + depth).min(hi);
            Path {
                seq: c,
                runs: Runs {
                    from: anchor,
                    len: end - anchor,
                    back: false,
                },
                continues: end < hi,
            }
        }
        Direction::Backward => {
            let first = (anchor + 1).saturating_sub(depth).max(lo);
            Path {
                seq: c,
                runs: Runs {
                    from: anchor,
                    len: anchor + 1 - first,
                    back: true,
                },
                continues: first > lo,
            }
        }
    })
}

/// Everything both the diagram and the "step k was X" filter derive from.
struct Walk<'a> {
    col: &'a DimColumn,
    seq: Sequences,
    paths: Vec<Path>,
    tops: Vec<StepTop>,
    depth: usize,
}

/// The customers' sequences of the flow's column: the first part of [`compute`].
pub(crate) struct Sequenced<'a> {
    col: &'a DimColumn,
    seq: Sequences,
}

impl<'a> Walk<'a> {
    fn new(ds: &'a Dataset, sel: &[u32], params: &FlowParams) -> Option<Walk<'a>> {
        Some(Walk::of(sequenced(ds, sel, params)?, params))
    }

    fn of(s: Sequenced<'a>, params: &FlowParams) -> Walk<'a> {
        let Sequenced { col, seq } = s;
        let depth = params.depth.clamp(MIN_DEPTH, MAX_DEPTH);
        let top = params.top.clamp(1, MAX_TOP);
        // A root the data doesn't have matches nobody (u32::MAX is never a code).
        let root = params
            .root
            .as_deref()
            .map(|r| col.code_of(r).unwrap_or(u32::MAX));
        let paths: Vec<Path> = (0..seq.len())
            .filter_map(|c| path(&seq, c, root, params, depth))
            .collect();
        let tops = step_tops(&seq, &paths, depth, top, col.values.len());
        Walk {
            col,
            seq,
            paths,
            tops,
            depth,
        }
    }

    fn node_at(&self, p: &Path, k: usize) -> usize {
        node_index(&self.tops[k], self.seq.codes[p.runs.at(k)])
    }
}

/// The flow diagram and transition matrix for the selected rows `sel` of `ds` (a dataset in
/// analysis order, as [`super::Prepared::dataset`] returns).
pub fn compute(ds: &Dataset, sel: &[u32], params: &FlowParams) -> FlowView {
    with_matrix(diagram(sequenced(ds, sel, params), params))
}

/// Part one of [`compute`]: each selected customer's sequence of values (None when the
/// data has no such column). [`compute`] comes in three parts so that the stepped compute
/// ([`super::steps`]) can let the browser in between them.
pub(crate) fn sequenced<'a>(
    ds: &'a Dataset,
    sel: &[u32],
    params: &FlowParams,
) -> Option<Sequenced<'a>> {
    let mut ready = crate::pause::ready;
    crate::pause::run_ready(sequenced_paused(ds, sel, params, &mut ready))
}

/// [`sequenced`] with `pause().await` after each [`PART_EVENTS`] events or so.
pub(crate) async fn sequenced_paused<'a, F: Future<Output = ()>>(
    ds: &'a Dataset,
    sel: &[u32],
    params: &FlowParams,
    pause: &mut impl FnMut() -> F,
) -> Option<Sequenced<'a>> {
    let col = column(ds, params.dim)?;
    let seq = sequences(ds, col, sel, params.collapse, pause).await;
    Some(Sequenced { col, seq })
}

/// Part two of [`compute`]: the diagram, its matrix still empty.
pub(crate) fn diagram<'a>(
    s: Option<Sequenced<'a>>,
    params: &FlowParams,
) -> (FlowView, Option<Sequenced<'a>>) {
    let Some(s) = s else {
        let view = FlowView {
            unavailable: true,
            ..FlowView::default()
        };
        return (view, None);
    };
    let w = Walk::of(s, params);
    let customers = w.seq.len() as u64 + w.seq.empty;
    let no_value = if params.root.is_none() {
        w.seq.empty
    } else {
        0
    };
    let mut steps = empty_steps(w.col, &w.tops, no_value);
    let width = steps.iter().map(Vec::len).max().unwrap_or(0);
    let mut links = LinkAcc::new(w.depth, width);
    let mut sat: Vec<Vec<(f64, u64)>> = steps.iter().map(|n| vec![(0.0, 0); n.len()]).collect();
    for p in &w.paths {
        for k in 0..p.runs.len() {
            let n = w.node_at(p, k);
            let (s, m) = w.seq.sat[p.runs.at(k)];
            let node = &mut steps[k][n];
            node.customers += 1;
            sat[k][n].0 += s;
            sat[k][n].1 += u64::from(m);
            if k + 1 < p.runs.len() {
                links.add(k, n, w.node_at(p, k + 1), w.seq.sat[p.runs.at(k + 1)]);
            } else if p.continues {
                node.continuing += 1;
            } else {
                node.ended += 1;
            }
        }
    }
    for (k, nodes) in steps.iter_mut().enumerate() {
        for (n, node) in nodes.iter_mut().enumerate() {
            node.satisfaction = mean(sat[k][n]);
        }
    }
    let view = FlowView {
        unavailable: false,
        customers,
        rooted: w.paths.len() as u64 + no_value,
        steps,
        links: links.finish(),
        matrix: TransitionMatrix::default(),
        needs_events: false,
    };
    (
        view,
        Some(Sequenced {
            col: w.col,
            seq: w.seq,
        }),
    )
}

/// Part three of [`compute`]: the transition matrix into the diagram's view.
pub(crate) fn with_matrix((mut view, s): (FlowView, Option<Sequenced>)) -> FlowView {
    if let Some(s) = s {
        view.matrix = matrix(&s.seq, s.col);
    }
    view
}

fn mean((sum, n): (f64, u64)) -> Option<f64> {
    (n > 0).then(|| sum / n as f64)
}

/// Per step, the codes of its top values by customers (ties: dictionary order), and how
/// many distinct values the step has in all.
struct StepTop {
    codes: Vec<u32>,
    distinct: u64,
    others: bool,
}

fn step_tops(seq: &Sequences, paths: &[Path], depth: usize, top: usize, nv: usize) -> Vec<StepTop> {
    let mut counts = vec![0u64; nv];
    let mut touched: Vec<u32> = Vec::new();
    (0..depth)
        .map(|k| {
            for p in paths.iter().filter(|p| p.runs.len() > k) {
                let c = seq.codes[p.runs.at(k)];
                if counts[c as usize] == 0 {
                    touched.push(c);
                }
                counts[c as usize] += 1;
            }
            touched.sort_by(|a, b| counts[*b as usize].cmp(&counts[*a as usize]).then(a.cmp(b)));
            let distinct = touched.len() as u64;
            let codes: Vec<u32> = touched.iter().take(top).copied().collect();
            for &c in &touched {
                counts[c as usize] = 0;
            }
            touched.clear();
            StepTop {
                others: distinct > codes.len() as u64,
                codes,
                distinct,
            }
        })
        .collect()
}

/// Node `i < codes.len()` is a top value, then "others"; "no value" comes last in step 0.
fn node_index(t: &StepTop, code: u32) -> usize {
    t.codes
        .iter()
        .position(|&c| c == code)
        .unwrap_or(t.codes.len())
}

fn empty_steps(col: &DimColumn, tops: &[StepTop], no_value: u64) -> Vec<Vec<FlowNode>> {
    let node = |key| FlowNode {
        key,
        customers: 0,
        ended: 0,
        continuing: 0,
        satisfaction: None,
    };
    tops.iter()
        .enumerate()
        .map(|(k, t)| {
            let mut nodes: Vec<FlowNode> = t
                .codes
                .iter()
                .map(|&c| node(NodeKey::Value(col.value(c).unwrap_or_default().to_string())))
                .collect();
            if t.others {
                nodes.push(node(NodeKey::Others(t.distinct - t.codes.len() as u64)));
            }
            if k == 0 && no_value > 0 {
                let mut n = node(NodeKey::NoValue);
                n.customers = no_value;
                n.ended = no_value;
                nodes.push(n);
            }
            nodes
        })
        .collect()
}

/// Link counts in a dense `step × from × to` table (a step has at most top + 2 nodes).
struct LinkAcc {
    width: usize,
    cells: Vec<(u64, f64, u64)>,
}

impl LinkAcc {
    fn new(depth: usize, width: usize) -> LinkAcc {
        LinkAcc {
            width,
            cells: vec![(0, 0.0, 0); (depth - 1) * width * width],
        }
    }
    fn add(&mut self, k: usize, from: usize, to: usize, (s, m): (f64, u32)) {
        let cell = &mut self.cells[(k * self.width + from) * self.width + to];
        cell.0 += 1;
        cell.1 += s;
        cell.2 += u64::from(m);
    }
    /// Links in (step, from, to) order, the order they are drawn.
    fn finish(self) -> Vec<FlowLink> {
        let w = self.width;
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.0 > 0)
            .map(|(i, &(n, s, m))| FlowLink {
                step: i / (w * w),
                from: i / w % w,
                to: i % w,
                customers: n,
                satisfaction: mean((s, m)),
            })
            .collect()
    }
}

/// The transition matrix over every customer's whole sequence.
fn matrix(seq: &Sequences, col: &DimColumn) -> TransitionMatrix {
    let nv = col.values.len();
    let mut reach = vec![0u64; nv];
    let mut seen = vec![usize::MAX; nv];
    for c in 0..seq.len() {
        for r in seq.runs(c) {
            let v = seq.codes[r] as usize;
            if seen[v] != c {
                seen[v] = c;
                reach[v] += 1;
            }
        }
    }
    let mut order: Vec<u32> = (0..nv as u32).filter(|&v| reach[v as usize] > 0).collect();
    crate::order::sort_by(&mut order, |a, b| {
        reach[*b as usize].cmp(&reach[*a as usize]).then(a.cmp(b))
    });
    let shown = order.len().min(MATRIX_TOP);
    let others = order.len() > shown;
    let size = shown + usize::from(others);
    let mut slot = vec![shown; nv];
    for (i, &v) in order.iter().take(shown).enumerate() {
        slot[v as usize] = i;
    }
    let mut customers = vec![vec![0u64; size]; size];
    let mut moves = vec![vec![0u64; size]; size];
    let mut cells: Vec<(usize, usize)> = Vec::new();
    for c in 0..seq.len() {
        let r = seq.runs(c);
        cells.clear();
        for w in seq.codes[r].windows(2) {
            let cell = (slot[w[0] as usize], slot[w[1] as usize]);
            moves[cell.0][cell.1] += 1;
            cells.push(cell);
        }
        cells.sort_unstable();
        cells.dedup();
        for &(a, b) in &cells {
            customers[a][b] += 1;
        }
    }
    let mut labels: Vec<NodeKey> = order
        .iter()
        .take(shown)
        .map(|&v| NodeKey::Value(col.value(v).unwrap_or_default().to_string()))
        .collect();
    if others {
        labels.push(NodeKey::Others((order.len() - shown) as u64));
    }
    TransitionMatrix {
        labels,
        customers,
        moves,
    }
}

/// For the "step k was X" filter: per customer code of `ds`, whether that customer's drawn
/// path (with `params`, over the rows `sel`) passes through `node` at step `step`.
pub fn customers_at(
    ds: &Dataset,
    sel: &[u32],
    params: &FlowParams,
    step: usize,
    node: &NodeKey,
) -> Vec<bool> {
    let mut keep = vec![false; ds.customer.values.len()];
    let Some(w) = Walk::new(ds, sel, params) else {
        return keep;
    };
    let Some(t) = w.tops.get(step) else {
        return keep;
    };
    let wanted = match node {
        NodeKey::Value(v) => w
            .col
            .code_of(v)
            .and_then(|c| t.codes.iter().position(|&x| x == c)),
        NodeKey::Others(_) => t.others.then_some(t.codes.len()),
        NodeKey::NoValue => None,
    };
    let Some(wanted) = wanted else {
        return keep;
    };
    for p in &w.paths {
        if p.runs.len() > step && w.node_at(p, step) == wanted {
            keep[w.seq.cust[p.seq] as usize] = true;
        }
    }
    keep
}
