//! Every view computed from a summary feed, with the figures that need events marked.
//!
//! Figures come out of the same formulas as `analytics` (Wilson, NPS counts, KPI targets
//! and JES, folding into "(others)"), fed with sums of cells instead of walks over events.
//! A figure the feed cannot give exactly is left n/a and its path goes to
//! [`Report::needs_events`], so the UI says "needs event-level data" instead of showing a
//! guess.

use super::feed::Summary;
use super::select::{select, Selection as CellSelection};
use crate::analytics::cap::{self, OTHERS_LABEL};
use crate::analytics::experience::{
    emotion_points, persona_curve_list, EmotionCurve, ExitPoint, ExperienceView, Grid, GridCell,
    Handoff, HandoffOthers, Handoffs, PainPoint, PriorityMatrix, StageExits,
};
use crate::analytics::filter::MISSING_LABEL;
use crate::analytics::flows::FlowView;
use crate::analytics::funnel::FunnelNote;
use crate::analytics::funnel::{step_row, CohortPoint, FunnelBreakdown, FunnelView, ResolvedMode};
use crate::analytics::kpis::{self, KpiKey, KpiSet, KpiValues, KpiView, SeriesPoint};
use crate::analytics::nps::{z_test, Counts, NpsBreakdown, NpsPoint, NpsSegment, NpsView};
use crate::analytics::period::PeriodIndex;
use crate::analytics::stats::{pct, ratio, two_sided_p, Mean};
use crate::analytics::{Filter, FunnelMode, Report, Selection, Settings};
use crate::dataset::{DimKey, Role, Scales};
use crate::message::{Need, Needs};

const DAY: i64 = 86_400;

/// The figures of the report that need event-level data, as paths into the report's JSON
/// (`*` = every element; an element of a list of KPIs is named by its `key`).
#[derive(Debug, Default)]
struct EventNeeds(Vec<String>);

impl EventNeeds {
    fn add(&mut self, path: &str) {
        self.0.push(path.to_string());
    }
}

/// Sums of the kept cells that several views share.
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    events: u64,
    sat: Mean,
    sat_low: u64,
    sat_top2: u64,
    effort: Mean,
    effort_easy: u64,
    nps: Counts,
    nps_points: [u64; 11],
    revenue: Mean,
}

impl Acc {
    fn add_cell(&mut self, s: &Summary, i: usize) {
        let c = &s.cells;
        self.events += c.events[i];
        self.sat.sum += c.sat_sum[i];
        self.sat.n += c.sat_n[i];
        self.sat_low += c.sat_low[i];
        self.sat_top2 += c.sat_top2[i];
        self.effort.sum += c.effort_sum[i];
        self.effort.n += c.effort_n[i];
        self.effort_easy += c.effort_easy[i];
        let points = [
            c.nps0[i], c.nps1[i], c.nps2[i], c.nps3[i], c.nps4[i], c.nps5[i], c.nps6[i], c.nps7[i],
            c.nps8[i], c.nps9[i], c.nps10[i],
        ];
        for (p, n) in points.iter().enumerate() {
            self.nps_points[p] += n;
            match p {
                9.. => self.nps.p += n,
                7 | 8 => self.nps.pas += n,
                _ => self.nps.d += n,
            }
        }
        self.revenue.sum += c.revenue_sum[i];
        self.revenue.n += c.revenue_n[i];
    }
}

fn slot(code: i64, n: usize) -> usize {
    if code < 0 {
        n
    } else {
        code as usize
    }
}

fn label(dict: &[String], slot: usize) -> String {
    dict.get(slot)
        .cloned()
        .unwrap_or_else(|| MISSING_LABEL.to_string())
}

/// Context shared by the views.
struct Ctx<'a> {
    s: &'a Summary,
    settings: &'a Settings,
    sel: CellSelection,
    scales: Scales,
    /// Step of each stage code (None = not a funnel step).
    step_of_code: Vec<Option<usize>>,
    mode: ResolvedMode,
    window_days: Option<f64>,
    funnel_notes: Vec<FunnelNote>,
    /// The engine's funnel for this mode and window, when the report may use it.
    table: Option<&'a super::feed::FunnelTable>,
    periods: Option<PeriodIndex>,
}

fn empty_dict() -> &'static [String] {
    &[]
}

/// The stage plan's notes, typed, in the order the event path gives them. They are derived
/// from the feed's facts (`placed_by_data`, the configured conversion stage), not taken from
/// `meta.notes`, which the engines write in English for their own log.
fn plan_notes(s: &Summary, settings: &Settings) -> Vec<FunnelNote> {
    let meta = &s.meta;
    let mut notes = Vec::new();
    if meta.configured_stage_order.is_some() && settings.stage_order.is_some() {
        notes.push(FunnelNote::MetaOrderWins);
    }
    if !meta.placed_by_data.is_empty() {
        notes.push(FunnelNote::PlacedByData {
            stages: meta.placed_by_data.clone(),
        });
    }
    let wanted = meta
        .conversion_stage
        .as_deref()
        .filter(|w| !w.trim().is_empty());
    if let Some(w) = wanted {
        let n = crate::analytics::stages_normalize(w);
        let found = meta
            .stage_order
            .iter()
            .any(|st| crate::analytics::stages_normalize(st) == n);
        if !found {
            notes.push(FunnelNote::UnknownConversionStage {
                stage: w.to_string(),
            });
        }
    }
    notes
}

/// The report for a summary feed, the settings and the filter. `needs_events` lists every
/// figure that would need the events behind the feed.
pub fn compute(s: &Summary, settings: &Settings, filter: &Filter) -> Report {
    let mut needs = EventNeeds::default();
    let ctx = context(s, settings, filter);
    let mut total = Acc::default();
    for i in (0..ctx.sel.keep.len()).filter(|&i| ctx.sel.keep[i]) {
        total.add_cell(s, i);
    }
    // Customer lists (the funnel's drop-off download) never come from a summary.
    needs.add("funnel.dropped_customers");
    let views = Views {
        funnel: funnel_view(&ctx, &mut needs),
        experience: experience_view(&ctx, &mut needs),
        nps: nps_view(&ctx, &total, &mut needs),
        kpis: kpi_view(&ctx, &total, &mut needs),
    };
    let customers = if ctx.sel.filtered {
        needs.add("selection.customers");
        0
    } else {
        s.meta.customers
    };
    if let Some(why) = ctx.sel.inexact {
        return inexact_report(&ctx, filter, views, why.path(), needs);
    }
    Report {
        dataset: s.meta.name.clone(),
        selection: Selection {
            customers,
            events: total.events,
            total_events: s.meta.events,
            notes: ctx.sel.notes.clone(),
        },
        settings: settings.clone(),
        filter: filter.clone(),
        funnel: views.funnel,
        experience: views.experience,
        nps: views.nps,
        kpis: views.kpis,
        flows: flows_view(&mut needs),
        coverage: coverage_view(&mut needs),
        needs_events: needs.0,
    }
}

/// The views a report carries, computed before the selection decides how they are shown.
struct Views {
    funnel: FunnelView,
    experience: ExperienceView,
    nps: NpsView,
    kpis: KpiView,
}

/// The selection, the resolved funnel mode and window, and the engine's funnel table when
/// the report may use it.
fn context<'a>(s: &'a Summary, settings: &'a Settings, filter: &Filter) -> Ctx<'a> {
    let sel = select(s, filter);
    let stages = s.dict("stage").unwrap_or(empty_dict());
    let step_of_code = stages
        .iter()
        .map(|v| s.meta.stage_order.iter().position(|st| st == v))
        .collect();
    let has_time = s.meta.time_range.is_some();
    let mut funnel_notes = plan_notes(s, settings);
    let mode = resolve_mode(settings.mode, has_time, &mut funnel_notes);
    let window_days = resolve_window(settings.window_days, has_time, &mut funnel_notes);
    let table = s
        .funnels
        .iter()
        .find(|f| f.mode == mode && f.window_days == window_days);
    let funnel_blocked = sel.filtered || table.is_none() || own_plan(s, settings);
    let periods = PeriodIndex::new(settings.period, s.meta.time_range);
    Ctx {
        s,
        settings,
        sel,
        scales: s.meta.scales.unwrap_or_default(),
        step_of_code,
        mode,
        window_days,
        funnel_notes,
        table: if funnel_blocked { None } else { table },
        periods,
    }
}

/// The funnel mode the feed can give: an ordered funnel needs timestamps.
fn resolve_mode(mode: FunnelMode, has_time: bool, notes: &mut Vec<FunnelNote>) -> ResolvedMode {
    match (mode, has_time) {
        (FunnelMode::AnyOrder, _) | (FunnelMode::Auto, false) => ResolvedMode::AnyOrder,
        (FunnelMode::Ordered | FunnelMode::Auto, true) => ResolvedMode::Ordered,
        (FunnelMode::Ordered, false) => {
            notes.push(FunnelNote::NoTimeForOrder);
            ResolvedMode::AnyOrder
        }
    }
}

/// The conversion window the feed can give: a window needs timestamps and a sane length.
fn resolve_window(
    window_days: Option<f64>,
    has_time: bool,
    notes: &mut Vec<FunnelNote>,
) -> Option<f64> {
    match window_days {
        Some(w) if w.is_finite() && w >= 0.0 => {
            if has_time {
                Some(w)
            } else {
                notes.push(FunnelNote::NoTimeForWindow);
                None
            }
        }
        Some(_) => {
            notes.push(FunnelNote::BadWindow);
            None
        }
        None => None,
    }
}

/// A user's stage order or conversion stage differs from what the engine walked.
fn own_plan(s: &Summary, settings: &Settings) -> bool {
    let own_order = settings.stage_order.is_some() && s.meta.configured_stage_order.is_none();
    let own_conv = settings.conversion_stage.as_deref().is_some_and(|c| {
        let n = crate::analytics::stages_normalize(c);
        s.meta
            .conversion_step
            .and_then(|j| s.meta.stage_order.get(j))
            .is_none_or(|st| crate::analytics::stages_normalize(st) != n)
    });
    own_order || own_conv
}

/// A filter the feed cannot apply exactly: every view is listed as needing events, the
/// reason first (the banner's sentence is chosen by it), and the selection counts are n/a.
fn inexact_report(
    ctx: &Ctx,
    filter: &Filter,
    views: Views,
    why: &str,
    mut needs: EventNeeds,
) -> Report {
    needs.0 = vec![
        why.into(),
        "selection".into(),
        "funnel".into(),
        "experience".into(),
        "nps".into(),
        "kpis".into(),
        "coverage".into(),
    ];
    Report {
        dataset: ctx.s.meta.name.clone(),
        selection: Selection {
            customers: 0,
            events: 0,
            total_events: ctx.s.meta.events,
            notes: ctx.sel.notes.clone(),
        },
        settings: ctx.settings.clone(),
        filter: filter.clone(),
        funnel: views.funnel,
        experience: views.experience,
        nps: views.nps,
        kpis: views.kpis,
        flows: flows_view(&mut needs),
        needs_events: needs.0,
        coverage: Default::default(),
    }
}

/// Who each view counts is a per-customer question a summary cannot answer.
fn coverage_view(needs: &mut EventNeeds) -> crate::analytics::coverage::CoverageView {
    needs.add("coverage");
    Default::default()
}

/// Journey flows follow each customer's path event by event; a summary keeps no paths, so
/// the view says it needs event-level data rather than drawing the hand-off pairs as if
/// they were paths.
fn flows_view(needs: &mut EventNeeds) -> FlowView {
    needs.add("flows");
    FlowView {
        needs_events: true,
        ..FlowView::default()
    }
}

/// Customers per (journey/persona/channel code or cohort period) × steps reached (exactly),
/// from the funnel rows.
struct FunnelSums {
    /// Customers reaching each step (at least).
    reached: Vec<u64>,
    repeaters: u64,
    converted_revenue: f64,
}

fn funnel_sums(ctx: &Ctx, t: &super::feed::FunnelTable) -> FunnelSums {
    let k = ctx.s.meta.stage_order.len();
    let conv = ctx.s.meta.conversion_step;
    let mut reached = vec![0u64; k];
    let (mut repeaters, mut converted_revenue) = (0, 0.0);
    let r = &t.rows;
    for i in 0..r.customers.len() {
        let n = r.customers[i];
        for x in &mut reached[..r.reached[i] as usize] {
            *x += n;
        }
        repeaters += r.repeaters[i];
        if conv.is_some_and(|c| r.reached[i] as usize > c) {
            converted_revenue += r.converted_revenue[i];
        }
    }
    FunnelSums {
        reached,
        repeaters,
        converted_revenue,
    }
}

fn funnel_view(ctx: &Ctx, needs: &mut EventNeeds) -> FunnelView {
    let s = ctx.s;
    let meta = &s.meta;
    let mut view = funnel_frame(ctx);
    if !s.has("stage") {
        view.unavailable = Some(Needs::column(Role::Stage));
        view.order_source = crate::analytics::funnel::StageOrderSource::FileOrder;
        view.stages.clear();
        view.conversion_stage = None;
        view.conversion_step = None;
        return view;
    }
    let Some(t) = ctx.table else {
        needs.add("funnel");
        return view;
    };
    let k = meta.stage_order.len();
    let conv = meta.conversion_step;
    let sums = funnel_sums(ctx, t);
    let reached = &sums.reached;
    let first = reached.first().copied().unwrap_or(0);
    let mean = step_means(t, k);
    view.steps = (0..k)
        .map(|j| step_row(meta.stage_order[j].clone(), reached, j, None, mean[j].get()))
        .collect();
    if ctx.mode == ResolvedMode::Ordered {
        needs.add("funnel.steps.*.median_days_from_previous");
    }
    view.overall_conversion = conv.and_then(|c| pct(reached[c] as f64, first as f64));
    view.breakdown = ctx
        .settings
        .breakdown
        .map(|key| breakdown(ctx, t, key, needs));
    if let Some(p) = &ctx.periods {
        view.trend = cohort_trend(p, t, conv);
    }
    view
}

/// The funnel view with the feed's stage plan and no figures yet.
fn funnel_frame(ctx: &Ctx) -> FunnelView {
    let meta = &ctx.s.meta;
    FunnelView {
        unavailable: None,
        mode: ctx.mode,
        window_days: ctx.window_days,
        order_source: meta.order_source,
        stages: meta.stage_order.clone(),
        unlisted_stages: meta.unlisted_stages.clone(),
        placed_by_data: meta.placed_by_data.clone(),
        conversion_stage: meta
            .conversion_step
            .and_then(|c| meta.stage_order.get(c).cloned()),
        conversion_step: meta.conversion_step,
        steps: Vec::new(),
        overall_conversion: None,
        breakdown: None,
        trend: Vec::new(),
        notes: ctx.funnel_notes.clone(),
    }
}

/// Mean days from the previous step: exact sums per step from the day histogram.
fn step_means(t: &super::feed::FunnelTable, k: usize) -> Vec<Mean> {
    let mut mean = vec![Mean::default(); k];
    if let Some(d) = &t.step_days {
        for i in 0..d.n.len() {
            let m = &mut mean[d.step[i] as usize];
            m.sum += d.days_sum[i];
            m.n += d.n[i];
        }
    }
    mean
}

/// Customers who started in each period (by first step-1 day) and how many of them
/// converted; periods nobody started in are left out.
fn cohort_trend(
    p: &PeriodIndex,
    t: &super::feed::FunnelTable,
    conv: Option<usize>,
) -> Vec<CohortPoint> {
    let mut cohorts = vec![(0u64, 0u64); p.len];
    let r = &t.rows;
    for i in 0..r.customers.len() {
        let Some(slot) = r.cohort_day[i].and_then(|d| p.slot(d * DAY)) else {
            continue;
        };
        cohorts[slot].0 += r.customers[i];
        if conv.is_some_and(|c| r.reached[i] as usize > c) {
            cohorts[slot].1 += r.customers[i];
        }
    }
    cohorts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0 > 0)
        .map(|(slot, &(started, converted))| CohortPoint {
            period: p.label(slot),
            started,
            converted,
            rate: pct(converted as f64, started as f64),
        })
        .collect()
}

/// The funnel breakdown by journey, persona or channel (each customer's value on their
/// first step-1 event, which is what the feed's funnel rows are keyed by).
fn breakdown(
    ctx: &Ctx,
    t: &super::feed::FunnelTable,
    dim: DimKey,
    needs: &mut EventNeeds,
) -> FunnelBreakdown {
    let mut view = FunnelBreakdown {
        dimension: dim,
        header: None,
        unavailable: None,
        groups: Vec::new(),
        groups_total: 0,
        groups_folded: 0,
    };
    let key = super::feed::dim_name(dim).unwrap_or("");
    let codes = match key {
        "journey" => &t.rows.journey,
        "persona" => &t.rows.persona,
        "channel" => &t.rows.channel,
        _ => {
            needs.add("funnel.breakdown");
            return view;
        }
    };
    let Some(dict) = ctx.s.dict(key) else {
        view.unavailable = Some(Needs(vec![Need::Dimension(dim)]));
        return view;
    };
    let k = ctx.s.meta.stage_order.len();
    let conv = ctx.s.meta.conversion_step;
    let groups_n = dict.len() + 1;
    let mut hist = vec![vec![0u64; k + 1]; groups_n];
    for i in 0..codes.len() {
        hist[slot(codes[i], dict.len())][t.rows.reached[i] as usize] += t.rows.customers[i];
    }
    let started: Vec<u64> = hist.iter().map(|h| h.iter().sum()).collect();
    let mut present: Vec<usize> = (0..groups_n).filter(|&g| started[g] > 0).collect();
    crate::order::sort_by(&mut present, |&a, &b| started[b].cmp(&started[a]));
    let weights: Vec<u64> = present.iter().map(|&g| started[g]).collect();
    let keep = cap::keep_top(&weights, cap::BREAKDOWN_GROUPS);
    let mut listed: Vec<(String, Vec<u64>)> = Vec::new();
    let mut others = vec![0u64; k + 1];
    for (p, &g) in present.iter().enumerate() {
        if keep.as_ref().is_none_or(|keep| keep[p]) {
            listed.push((label(dict, g), hist[g].clone()));
        } else {
            for (o, h) in others.iter_mut().zip(&hist[g]) {
                *o += h;
            }
        }
    }
    view.groups_total = present.len() as u64;
    view.groups_folded = (present.len() - listed.len()) as u64;
    if view.groups_folded > 0 {
        listed.push((OTHERS_LABEL.to_string(), others));
    }
    view.groups = listed
        .into_iter()
        .map(|(value, hist)| {
            let mut counts = vec![0u64; k];
            let mut acc = 0;
            for j in (0..k).rev() {
                acc += hist[j + 1];
                counts[j] = acc;
            }
            crate::analytics::funnel::group(value, counts, conv)
        })
        .collect();
    crate::analytics::funnel::test_groups(&mut view.groups, conv);
    view
}

/// Sums per stage × touchpoint cell, for the grid and the pain points.
#[derive(Debug, Clone, Copy, Default)]
struct CellSum {
    events: u64,
    sat: Mean,
    negative: u64,
    effort: Mean,
}

fn missing_roles(s: &Summary, roles: &[Role]) -> Option<Needs> {
    let have: Vec<(Role, bool)> = roles.iter().map(|&r| (r, s.has(r.key()))).collect();
    Needs::missing(&have)
}

/// The emotion curve from satisfaction sums per funnel step (`emotion`) and per persona ×
/// step (`emotion_p`, the last persona slot "(missing)"; empty without personas).
fn emotion_curve(
    ctx: &Ctx,
    personas: Option<&[String]>,
    emotion: &[Mean],
    emotion_p: &[Mean],
) -> EmotionCurve {
    let s = ctx.s;
    let (stages, scale) = (&s.meta.stage_order, ctx.scales.satisfaction);
    let mut curve = EmotionCurve {
        unavailable: missing_roles(s, &[Role::Stage, Role::Satisfaction]),
        overall: emotion_points(stages, emotion, scale),
        ..EmotionCurve::default()
    };
    if let (Some(pd), false, true) = (personas, emotion_p.is_empty(), !stages.is_empty()) {
        // Only cells with answers, by key persona × stages + step, like the event path.
        let used: Vec<(u64, Mean)> = (0..emotion_p.len())
            .filter(|&key| emotion_p[key].n > 0)
            .map(|key| (key as u64, emotion_p[key]))
            .collect();
        let np = pd.len();
        persona_curve_list(&mut curve, np, used, |g| label(pd, g), stages, scale);
    }
    curve
}

/// The exit lists from the funnel table (none without one: they need events then).
fn summary_exits(
    ctx: &Ctx,
    tps: Option<&[String]>,
    needs: &mut EventNeeds,
) -> (Vec<ExitPoint>, Vec<StageExits>) {
    match (ctx.table, tps) {
        (Some(t), Some(tp)) => exit_lists(&t.exits, tp, &ctx.s.meta.stage_order, needs),
        _ => {
            needs.add("experience.exits");
            needs.add("experience.exits_by_stage");
            (Vec::new(), Vec::new())
        }
    }
}

fn experience_view(ctx: &Ctx, needs: &mut EventNeeds) -> ExperienceView {
    let s = ctx.s;
    let stages = s.dict("stage");
    let tps = s.dict("touchpoint");
    let personas = s.dict("persona");
    let k = s.meta.stage_order.len();
    let sums = experience_sums(ctx, stages, tps, personas);
    let (grid, pain_points) = match (stages, tps) {
        (Some(st), Some(tp)) => grid_view(ctx, st, tp, sums.cells, needs),
        _ => (
            Grid {
                unavailable: missing_roles(s, &[Role::Stage, Role::Touchpoint]),
                ..Grid::default()
            },
            Vec::new(),
        ),
    };
    let curve = emotion_curve(ctx, personas, &sums.emotion, &sums.emotion_p);
    let exits_unavailable = missing_roles(s, &[Role::Stage, Role::Touchpoint]);
    let (exits, exits_by_stage) = if exits_unavailable.is_none() && k > 0 {
        summary_exits(ctx, tps, needs)
    } else {
        (Vec::new(), Vec::new())
    };
    let handoffs = handoff_view(ctx, tps, needs);
    needs.add("experience.priority");
    // A summary's cells are stage × touchpoint: the map is always over the touchpoint.
    ExperienceView {
        columns: crate::dataset::DimKey::Role(Role::Touchpoint),
        columns_header: None,
        grid,
        emotion: curve,
        pain_points_unavailable: missing_roles(
            s,
            &[Role::Stage, Role::Touchpoint, Role::Satisfaction],
        ),
        pain_points,
        exits_unavailable,
        exits,
        exits_by_stage,
        handoffs,
        priority: PriorityMatrix {
            unavailable: missing_roles(s, &[Role::Touchpoint, Role::Satisfaction, Role::Nps]),
            points: Vec::new(),
            excluded: Vec::new(),
            performance_median: None,
            importance_median: None,
        },
    }
}

/// The kept cells summed per stage × touchpoint slot, and satisfaction per funnel step
/// overall and per persona slot × step (empty without satisfaction or personas).
struct ExperienceSums {
    cells: std::collections::BTreeMap<(usize, usize), CellSum>,
    emotion: Vec<Mean>,
    emotion_p: Vec<Mean>,
}

fn experience_sums(
    ctx: &Ctx,
    stages: Option<&[String]>,
    tps: Option<&[String]>,
    personas: Option<&[String]>,
) -> ExperienceSums {
    let s = ctx.s;
    let c = &s.cells;
    let k = s.meta.stage_order.len();
    let (ns, nt) = (stages.map_or(0, |d| d.len()), tps.map_or(0, |d| d.len()));
    let np = personas.map_or(0, |d| d.len());
    let has_sat = s.has("satisfaction");
    let mut cells = std::collections::BTreeMap::<(usize, usize), CellSum>::new();
    let mut emotion = vec![Mean::default(); if has_sat { k } else { 0 }];
    let mut emotion_p = vec![
        Mean::default();
        if has_sat && personas.is_some() {
            (np + 1) * k
        } else {
            0
        }
    ];
    for i in (0..c.events.len()).filter(|&i| ctx.sel.keep[i]) {
        let (r, col) = (slot(c.stage[i], ns), slot(c.touchpoint[i], nt));
        if stages.is_some() && tps.is_some() {
            let a = cells.entry((r, col)).or_default();
            a.events += c.events[i];
            a.sat.sum += c.sat_sum[i];
            a.sat.n += c.sat_n[i];
            a.negative += c.sat_low[i];
            a.effort.sum += c.effort_sum[i];
            a.effort.n += c.effort_n[i];
        }
        if has_sat && c.sat_n[i] > 0 && c.stage[i] >= 0 {
            if let Some(step) = ctx.step_of_code.get(c.stage[i] as usize).copied().flatten() {
                emotion[step].sum += c.sat_sum[i];
                emotion[step].n += c.sat_n[i];
                if !emotion_p.is_empty() {
                    let m = &mut emotion_p[slot(c.persona[i], np) * k + step];
                    m.sum += c.sat_sum[i];
                    m.n += c.sat_n[i];
                }
            }
        }
    }
    ExperienceSums {
        cells,
        emotion,
        emotion_p,
    }
}

fn grid_cell(stage: String, touchpoint: String, a: &CellSum, customers: u64) -> GridCell {
    GridCell {
        stage,
        touchpoint,
        events: a.events,
        customers,
        satisfaction_mean: a.sat.get(),
        satisfaction_count: a.sat.n,
        share_negative: pct(a.negative as f64, a.sat.n as f64),
        effort_mean: a.effort.get(),
        effort_count: a.effort.n,
    }
}

/// As `analytics::experience::grid_view`: rows in funnel order (unlisted stages, then
/// "(missing)", after), columns by events; past the caps, "(others)" sums the folded cells.
fn grid_view(
    ctx: &Ctx,
    st: &[String],
    tp: &[String],
    cells: std::collections::BTreeMap<(usize, usize), CellSum>,
    needs: &mut EventNeeds,
) -> (Grid, Vec<PainPoint>) {
    let (ns, nt) = (st.len(), tp.len());
    let order = GridOrder::new(ctx, ns, nt, &cells);
    let (rows, cols) = (&order.rows, &order.cols);
    let (row_pos, col_pos) = (positions(rows, ns + 1), positions(cols, nt + 1));
    let mut used: Vec<((usize, usize), CellSum)> =
        cells.into_iter().filter(|(_, a)| a.events > 0).collect();
    crate::order::sort_by_key(&mut used, |((r, c), _)| (row_pos[*r], col_pos[*c]));
    let pain_points = pain_points(ctx, st, tp, &used);
    let mut grid = Grid {
        unavailable: None,
        stages_total: rows.len() as u64,
        touchpoints_total: cols.len() as u64,
        ..Grid::default()
    };
    let row_w: Vec<u64> = rows.iter().map(|&r| order.row_events[r]).collect();
    let col_w: Vec<u64> = cols.iter().map(|&c| order.col_events[c]).collect();
    let keep_rows =
        cap::keep_top(&row_w, cap::GRID_STAGES).unwrap_or_else(|| vec![true; rows.len()]);
    let keep_cols =
        cap::keep_top(&col_w, cap::GRID_TOUCHPOINTS).unwrap_or_else(|| vec![true; cols.len()]);
    let folded = |keep: &[bool]| keep.iter().filter(|k| !**k).count() as u64;
    grid.stages_folded = folded(&keep_rows);
    grid.touchpoints_folded = folded(&keep_cols);
    // Distinct customers per cell are known for the whole data only, and not for folds.
    let exact_customers =
        !ctx.sel.filtered && grid.stages_folded == 0 && grid.touchpoints_folded == 0;
    if !exact_customers {
        needs.add("experience.grid.cells.*.customers");
    }
    let row_axis = ShownAxis::new(rows, &keep_rows, ns + 1, st, grid.stages_folded > 0);
    let col_axis = ShownAxis::new(cols, &keep_cols, nt + 1, tp, grid.touchpoints_folded > 0);
    grid.cells = folded_cells(ctx, &used, &row_axis, &col_axis, exact_customers);
    grid.stages = row_axis.labels;
    grid.touchpoints = col_axis.labels;
    (grid, pain_points)
}

/// The grid's rows (stage slots in funnel order, unlisted stages, then "(missing)") and
/// columns (touchpoint slots by events), with the events of every slot.
struct GridOrder {
    rows: Vec<usize>,
    cols: Vec<usize>,
    row_events: Vec<u64>,
    col_events: Vec<u64>,
}

impl GridOrder {
    fn new(
        ctx: &Ctx,
        ns: usize,
        nt: usize,
        cells: &std::collections::BTreeMap<(usize, usize), CellSum>,
    ) -> GridOrder {
        let mut row_events = vec![0u64; ns + 1];
        let mut col_events = vec![0u64; nt + 1];
        for (&(r, c), a) in cells {
            row_events[r] += a.events;
            col_events[c] += a.events;
        }
        let rank = |r: usize| -> (u8, usize, usize) {
            if r == ns {
                return (2, 0, r);
            }
            match ctx.step_of_code.get(r).copied().flatten() {
                None => (1, 0, r),
                Some(s) => (0, s, r),
            }
        };
        let mut rows: Vec<usize> = (0..=ns)
            .filter(|&r| row_events[r] > 0 || rank(r).0 == 0)
            .collect();
        crate::order::sort_by_key(&mut rows, |&r| rank(r));
        let mut cols: Vec<usize> = (0..=nt).filter(|&c| col_events[c] > 0).collect();
        crate::order::sort_by(&mut cols, |&a, &b| {
            col_events[b].cmp(&col_events[a]).then(a.cmp(&b))
        });
        GridOrder {
            rows,
            cols,
            row_events,
            col_events,
        }
    }
}

/// Each of `n` slots' place in `order` (`usize::MAX` when not in it).
fn positions(order: &[usize], n: usize) -> Vec<usize> {
    let mut p = vec![usize::MAX; n];
    for (i, &x) in order.iter().enumerate() {
        p[x] = i;
    }
    p
}

/// Cells with at least `min_count` satisfaction answers, lowest mean first.
fn pain_points(
    ctx: &Ctx,
    st: &[String],
    tp: &[String],
    used: &[((usize, usize), CellSum)],
) -> Vec<PainPoint> {
    let scale = ctx.scales.satisfaction;
    let mut pain_points = Vec::new();
    for ((r, c), a) in used {
        let Some(m) = a.sat.get() else { continue };
        if a.sat.n >= ctx.settings.min_count.max(1) as u64 {
            pain_points.push(PainPoint {
                stage: label(st, *r),
                touchpoint: label(tp, *c),
                satisfaction_mean: m,
                percent: scale.to_percent(m),
                count: a.sat.n,
                share_negative: pct(a.negative as f64, a.sat.n as f64),
            });
        }
    }
    crate::order::sort_by(&mut pain_points, |a, b| {
        a.satisfaction_mean.total_cmp(&b.satisfaction_mean)
    });
    pain_points
}

/// One axis of the grid as shown: the kept labels in order (then "(others)" when some
/// were folded) and, per slot, the index of the label it is counted under.
struct ShownAxis {
    labels: Vec<String>,
    at: Vec<usize>,
}

impl ShownAxis {
    fn new(order: &[usize], keep: &[bool], n: usize, names: &[String], folded: bool) -> Self {
        let mut labels = Vec::new();
        let mut at = vec![usize::MAX; n];
        for (p, &x) in order.iter().enumerate() {
            if keep[p] {
                at[x] = labels.len();
                labels.push(label(names, x));
            }
        }
        let others = labels.len();
        at.iter_mut()
            .filter(|a| **a == usize::MAX)
            .for_each(|a| *a = others);
        if folded {
            labels.push(OTHERS_LABEL.to_string());
        }
        ShownAxis { labels, at }
    }

    /// The first slot counted under label `want`.
    fn slot_of(&self, want: usize) -> Option<usize> {
        self.at.iter().position(|&a| a == want)
    }
}

/// The shown cells, row by row, with folded slots summed into "(others)"; distinct
/// customers only when `exact_customers` (else 0).
fn folded_cells(
    ctx: &Ctx,
    used: &[((usize, usize), CellSum)],
    rows: &ShownAxis,
    cols: &ShownAxis,
    exact_customers: bool,
) -> Vec<GridCell> {
    let (ns, nt) = (rows.at.len() - 1, cols.at.len() - 1);
    let cust = &ctx.s.cell_customers;
    let customers_of = |r: usize, c: usize| -> u64 {
        (0..cust.customers.len())
            .find(|&i| slot(cust.stage[i], ns) == r && slot(cust.touchpoint[i], nt) == c)
            .map_or(0, |i| cust.customers[i])
    };
    let n_cols = cols.labels.len();
    let mut acc = vec![CellSum::default(); rows.labels.len() * n_cols];
    for ((r, c), a) in used {
        let x = &mut acc[rows.at[*r] * n_cols + cols.at[*c]];
        x.events += a.events;
        x.sat.sum += a.sat.sum;
        x.sat.n += a.sat.n;
        x.negative += a.negative;
        x.effort.sum += a.effort.sum;
        x.effort.n += a.effort.n;
    }
    let mut out = Vec::new();
    for (r, stage) in rows.labels.iter().enumerate() {
        for (c, touchpoint) in cols.labels.iter().enumerate() {
            let a = &acc[r * n_cols + c];
            if a.events > 0 {
                let customers = match (exact_customers, rows.slot_of(r), cols.slot_of(c)) {
                    (true, Some(rs), Some(cs)) => customers_of(rs, cs),
                    _ => 0,
                };
                out.push(grid_cell(stage.clone(), touchpoint.clone(), a, customers));
            }
        }
    }
    out
}

/// The exit touchpoints overall and by furthest stage, ranked as the event path ranks them
/// (most customers first, then touchpoint code order, "(missing)" last).
fn exit_lists(
    e: &super::feed::Exits,
    tp: &[String],
    stages: &[String],
    needs: &mut EventNeeds,
) -> (Vec<ExitPoint>, Vec<StageExits>) {
    let nt = tp.len();
    let ranked = |by_slot: &[u64]| {
        let mut v: Vec<ExitPoint> = by_slot
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(c, &n)| ExitPoint {
                touchpoint: label(tp, c),
                customers: n,
            })
            .collect();
        crate::order::sort_by_key(&mut v, |e| std::cmp::Reverse(e.customers));
        v
    };
    let mut total = vec![0u64; nt + 1];
    for (i, &code) in e.touchpoint.iter().enumerate() {
        total[slot(code, nt)] += e.customers[i];
    }
    if e.reached.len() != e.customers.len() {
        // A feed written before exits carried the furthest step.
        needs.add("experience.exits_by_stage");
        return (ranked(&total), Vec::new());
    }
    let mut by_stage = vec![vec![0u64; nt + 1]; stages.len()];
    for (i, &code) in e.touchpoint.iter().enumerate() {
        // `parse` checked 1 <= reached < stages.
        if let Some(row) = by_stage.get_mut((e.reached[i] as usize).saturating_sub(1)) {
            row[slot(code, nt)] += e.customers[i];
        }
    }
    let per_stage = by_stage
        .iter()
        .enumerate()
        .filter(|(_, row)| row.iter().any(|&n| n > 0))
        .map(|(j, row)| StageExits {
            stage: stages[j].clone(),
            exits: ranked(row),
        })
        .collect();
    (ranked(&total), per_stage)
}

fn handoff_view(ctx: &Ctx, tps: Option<&[String]>, needs: &mut EventNeeds) -> Handoffs {
    let Some(tp) = tps else {
        return Handoffs {
            unavailable: Some(Needs::column(Role::Touchpoint)),
            total: 0,
            customers: 0,
            top: Vec::new(),
            others: None,
        };
    };
    let empty = Handoffs {
        unavailable: None,
        total: 0,
        customers: 0,
        top: Vec::new(),
        others: None,
    };
    if ctx.sel.filtered {
        needs.add("experience.handoffs");
        return empty;
    }
    let h = &ctx.s.handoffs;
    let nt = tp.len().max(1) as u64;
    let mut all: Vec<(u64, usize)> = (0..h.count.len())
        .filter(|&i| h.count[i] > 0)
        .map(|i| (h.from[i] as u64 * nt + h.to[i] as u64, i))
        .collect();
    crate::order::sort_by(&mut all, |a, b| {
        h.count[b.1].cmp(&h.count[a.1]).then(a.0.cmp(&b.0))
    });
    let top_n = ctx.settings.top_handoffs;
    let mean = |i: usize| Mean {
        sum: h.sat_sum[i],
        n: h.sat_n[i],
    };
    let top = all
        .iter()
        .take(top_n)
        .map(|&(_, i)| Handoff {
            from: label(tp, h.from[i] as usize),
            to: label(tp, h.to[i] as usize),
            count: h.count[i],
            customers: h.customers[i],
            satisfaction_at_to: mean(i).get(),
        })
        .collect();
    let rest = all.get(top_n..).unwrap_or(&[]);
    let others = (!rest.is_empty()).then(|| {
        let mut sat = Mean::default();
        for &(_, i) in rest {
            sat.sum += h.sat_sum[i];
            sat.n += h.sat_n[i];
        }
        HandoffOthers {
            pairs: rest.len() as u64,
            count: rest.iter().map(|&(_, i)| h.count[i]).sum(),
            satisfaction_at_to: sat.get(),
        }
    });
    Handoffs {
        unavailable: None,
        total: all.iter().map(|&(_, i)| h.count[i]).sum(),
        customers: ctx.s.handoff_customers,
        top,
        others,
    }
}

fn nps_view(ctx: &Ctx, total: &Acc, needs: &mut EventNeeds) -> NpsView {
    let s = ctx.s;
    let settings = ctx.settings;
    let missing = (!s.has("nps")).then(|| Needs::column(Role::Nps));
    let mut view = crate::analytics::nps::empty_view(settings, missing);
    needs.add("nps.comments");
    needs.add("nps.comments_unavailable");
    if !s.has("nps") {
        return view;
    }
    if settings.nps_latest_only {
        needs.add("nps.summary");
        needs.add("nps.distribution");
        needs.add("nps.trend");
        needs.add("nps.breakdown");
        return view;
    }
    view.summary = total.nps.summary();
    view.distribution = total.nps_points.to_vec();
    if let Some(p) = &ctx.periods {
        view.trend = nps_trend(ctx, p);
    }
    view.breakdown = settings
        .breakdown
        .map(|dim| nps_breakdown(ctx, total, dim, needs));
    view
}

/// NPS per period of the kept cells; periods without answers are left out.
fn nps_trend(ctx: &Ctx, p: &PeriodIndex) -> Vec<NpsPoint> {
    let s = ctx.s;
    let c = &s.cells;
    let mut trend = vec![Counts::default(); p.len];
    for i in (0..c.events.len()).filter(|&i| ctx.sel.keep[i]) {
        if let Some(slot) = c.day[i].and_then(|d| p.slot(d * DAY)) {
            let mut a = Acc::default();
            a.add_cell(s, i);
            let t = &mut trend[slot];
            t.p += a.nps.p;
            t.pas += a.nps.pas;
            t.d += a.nps.d;
        }
    }
    trend
        .iter()
        .enumerate()
        .filter(|(_, t)| t.p + t.pas + t.d > 0)
        .map(|(slot, t)| NpsPoint {
            period: p.label(slot),
            summary: t.summary(),
        })
        .collect()
}

/// NPS per value of `dim`, each segment tested against the rest; most answers first.
fn nps_breakdown(ctx: &Ctx, total: &Acc, dim: DimKey, needs: &mut EventNeeds) -> NpsBreakdown {
    let s = ctx.s;
    let c = &s.cells;
    let mut b = NpsBreakdown {
        dimension: dim,
        header: None,
        unavailable: None,
        segments: Vec::new(),
    };
    let Some(key) = super::feed::dim_name(dim) else {
        needs.add("nps.breakdown");
        return b;
    };
    let Some(index) = super::feed::DIMS.iter().position(|d| *d == key) else {
        needs.add("nps.breakdown");
        return b;
    };
    let Some(dict) = s.dict(key) else {
        b.unavailable = Some(Needs(vec![Need::Dimension(dim)]));
        return b;
    };
    let codes = match index {
        0 => &c.journey,
        1 => &c.persona,
        2 => &c.channel,
        3 => &c.stage,
        _ => &c.touchpoint,
    };
    let mut segs = vec![Counts::default(); dict.len() + 1];
    for i in (0..c.events.len()).filter(|&i| ctx.sel.keep[i]) {
        let mut a = Acc::default();
        a.add_cell(s, i);
        let g = &mut segs[slot(codes[i], dict.len())];
        g.p += a.nps.p;
        g.pas += a.nps.pas;
        g.d += a.nps.d;
    }
    b.segments = segs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.p + g.pas + g.d > 0)
        .map(|(g, seg)| nps_segment(label(dict, g), seg, &total.nps))
        .collect();
    crate::order::sort_by_key(&mut b.segments, |s| std::cmp::Reverse(s.summary.responses));
    b
}

/// One segment's NPS, z-tested against all other answers.
fn nps_segment(value: String, seg: &Counts, all: &Counts) -> NpsSegment {
    let rest = Counts {
        p: all.p - seg.p,
        pas: all.pas - seg.pas,
        d: all.d - seg.d,
    };
    let z = z_test(seg, &rest);
    let p_value = z.map(two_sided_p);
    NpsSegment {
        value,
        summary: seg.summary(),
        z,
        p_value,
        significant: p_value.is_some_and(|p| p < 0.05),
        low_sample: seg.p + seg.pas + seg.d < crate::analytics::nps::LOW_SAMPLE,
    }
}

/// KPI values of the cells `keep` selects.
fn kpi_values(
    ctx: &Ctx,
    acc: &Acc,
    touchpoints: u64,
    customers: Option<u64>,
    funnel: Option<&FunnelSums>,
) -> KpiValues {
    let s = ctx.s;
    let mut v = KpiValues::default();
    let events = acc.events as f64;
    v.customers = customers.map(|c| c as f64);
    v.interactions = Some(events);
    if s.has("touchpoint") {
        v.touchpoints = Some(touchpoints as f64);
    }
    let k = s.meta.stage_order.len();
    if let (Some(c), Some(f)) = (s.meta.conversion_step, funnel) {
        let reached = &f.reached;
        v.conversion_rate = pct(reached[c] as f64, reached[0] as f64);
        if c + 1 < k {
            v.retention_rate = pct(reached[c + 1] as f64, reached[c] as f64);
            v.churn_rate = v.retention_rate.map(|r| 100.0 - r);
        }
        v.repeat_rate = pct(f.repeaters as f64, reached[c] as f64);
        if s.has("revenue") {
            v.revenue_per_converted = ratio(f.converted_revenue, reached[c] as f64);
        }
    }
    if s.has("satisfaction") {
        v.csat = pct(acc.sat_top2 as f64, acc.sat.n as f64);
    }
    if s.has("effort") {
        v.ces = acc.effort.get();
        v.ces_easy_pct = pct(acc.effort_easy as f64, acc.effort.n as f64);
    }
    if s.has("nps") && !ctx.settings.nps_latest_only {
        v.nps = acc.nps.nps();
    }
    if s.has("revenue") {
        v.revenue_total = (acc.events > 0).then_some(acc.revenue.sum);
        v.revenue_per_customer = match customers {
            Some(c) => v.revenue_total.and_then(|t| ratio(t, c as f64)),
            None => None,
        };
    }
    v.interactions_per_customer = customers.and_then(|c| ratio(events, c as f64));
    v.jes = kpis::jes(&v, &ctx.settings.jes_weights, ctx.scales.effort).value;
    v
}

/// The feed's key of a period kind (`period_customers` is keyed by it).
fn period_kind_key(kind: crate::analytics::PeriodKind) -> &'static str {
    match kind {
        crate::analytics::PeriodKind::Month => "month",
        crate::analytics::PeriodKind::Week => "week",
        crate::analytics::PeriodKind::Quarter => "quarter",
    }
}

/// The sparkline's periods (index, first slot, latest slot): the last
/// `sparkline_periods` up to the one holding the latest kept day.
fn spark_window<'a>(ctx: &'a Ctx) -> Option<(&'a PeriodIndex, usize, usize)> {
    let c = &ctx.s.cells;
    let p = ctx.periods.as_ref()?;
    let latest_day = (0..c.events.len())
        .filter(|&i| ctx.sel.keep[i])
        .filter_map(|i| c.day[i])
        .max()?;
    let latest = p.slot(latest_day * DAY)?;
    let n = ctx.settings.sparkline_periods.clamp(3, 120);
    Some((p, (latest + 1).saturating_sub(n), latest))
}

/// KPI values per period of the sparkline window, from the cells of each day in one pass;
/// distinct customers only from the whole-data table.
fn kpi_series(
    ctx: &Ctx,
    unfiltered: bool,
    kind: &str,
    (p, first, latest): (&PeriodIndex, usize, usize),
) -> Vec<SeriesPoint<KpiValues>> {
    let s = ctx.s;
    let c = &s.cells;
    let nt = s.dict("touchpoint").map_or(0, |d| d.len());
    let pc = s.period_customers.get(kind);
    // One pass over the cells: each kept, timed cell to its period of the window.
    let n = latest + 1 - first;
    let mut accs = vec![Acc::default(); n];
    let mut seen = vec![vec![false; nt]; n];
    for i in (0..c.events.len()).filter(|&i| ctx.sel.keep[i]) {
        let Some(slot) = c.day[i].and_then(|d| p.slot(d * DAY)) else {
            continue;
        };
        if slot < first || slot > latest {
            continue;
        }
        accs[slot - first].add_cell(s, i);
        if c.touchpoint[i] >= 0 {
            seen[slot - first][c.touchpoint[i] as usize] = true;
        }
    }
    let mut series = Vec::with_capacity(n);
    for (at, acc) in accs.iter().enumerate() {
        let slot = first + at;
        let key = p.first_key + slot as i64;
        // A feed from before quarters has no quarter counts: the customer-based
        // points then need events (marked by the caller).
        let cust = if unfiltered {
            pc.map(|pc| period_customers(pc, key))
        } else {
            None
        };
        let touchpoints = seen[at].iter().filter(|x| **x).count() as u64;
        series.push(SeriesPoint {
            period: p.label(slot),
            complete: slot != latest,
            values: kpi_values(ctx, acc, touchpoints, cust, None),
        });
    }
    series
}

/// Marks what the feed cannot give, by KPI: days to convert, the funnel KPIs per period
/// (all of them without a funnel table) and, when filtered, the customer-based KPIs.
fn kpi_feed_needs(ctx: &Ctx, unfiltered: bool, needs: &mut EventNeeds) {
    let per_period_funnel = [
        "conversion_rate",
        "retention_rate",
        "churn_rate",
        "repeat_rate",
        "revenue_per_converted",
        "jes",
    ];
    needs.add("kpis.kpis.median_days_to_convert");
    for key in per_period_funnel {
        if ctx.table.is_none() {
            needs.add(&format!("kpis.kpis.{key}"));
        } else {
            for f in [
                "current",
                "previous",
                "delta_pct",
                "change",
                "change_p",
                "change_clear",
                "sparkline",
            ] {
                needs.add(&format!("kpis.kpis.{key}.{f}"));
            }
        }
    }
    if ctx.table.is_none() {
        needs.add("kpis.jes");
    }
    if !unfiltered {
        for key in CUSTOMER_KPIS {
            needs.add(&format!("kpis.kpis.{key}"));
        }
    }
}

fn kpi_view(ctx: &Ctx, total: &Acc, needs: &mut EventNeeds) -> KpiView {
    let s = ctx.s;
    let c = &s.cells;
    let nt = s.dict("touchpoint").map_or(0, |d| d.len());
    let touchpoints_of = |pred: &dyn Fn(usize) -> bool| -> u64 {
        let mut seen = vec![false; nt];
        for i in (0..c.events.len()).filter(|&i| ctx.sel.keep[i] && pred(i)) {
            if c.touchpoint[i] >= 0 {
                seen[c.touchpoint[i] as usize] = true;
            }
        }
        seen.iter().filter(|x| **x).count() as u64
    };
    let unfiltered = !ctx.sel.filtered;
    let funnel = ctx.table.map(|t| funnel_sums(ctx, t));
    let customers = unfiltered.then_some(s.meta.customers);
    let all = kpi_values(
        ctx,
        total,
        touchpoints_of(&|_| true),
        customers,
        funnel.as_ref(),
    );
    let kind = period_kind_key(ctx.settings.period);
    let window = spark_window(ctx);
    let series = match window {
        Some(w) => kpi_series(ctx, unfiltered, kind, w),
        None => Vec::new(),
    };
    if unfiltered && window.is_some() && !s.period_customers.contains_key(kind) {
        for key in CUSTOMER_KPIS {
            needs.add(&format!("kpis.kpis.{key}.sparkline"));
        }
    }
    let pair = kpi_pair(ctx, unfiltered, needs);
    let view = kpis::assemble(
        s.meta.targets.clone(),
        ctx.settings,
        &|key| kpi_unavailable(ctx, key),
        all,
        series,
        pair,
        ctx.scales.effort,
    );
    kpi_feed_needs(ctx, unfiltered, needs);
    let mut view = view;
    view.impact = impact(ctx, needs);
    view
}

/// KPIs divided by distinct customers, which only the unfiltered feed counts per period.
const CUSTOMER_KPIS: [&str; 3] = [
    "customers",
    "revenue_per_customer",
    "interactions_per_customer",
];

/// Distinct customers of the period `key` (0 when the feed lists none for it).
fn period_customers(pc: &super::feed::PeriodCustomers, key: i64) -> u64 {
    pc.keys
        .iter()
        .position(|&k| k == key)
        .map_or(0, |i| pc.customers[i])
}

/// The KPI period and its comparison period from the cells of their days, as the event
/// path's [`kpis::PeriodPair`]. Distinct customers come from the feed's per-period counts
/// (month, quarter, year) when unfiltered; a custom range needs events for them.
fn kpi_pair(ctx: &Ctx, unfiltered: bool, needs: &mut EventNeeds) -> Option<kpis::PeriodPair> {
    use crate::analytics::kpi_period;
    use crate::analytics::KpiPeriodKind;
    let s = ctx.s;
    let c = &s.cells;
    let kept = || (0..c.events.len()).filter(|&i| ctx.sel.keep[i]);
    let latest = kept().filter_map(|i| c.day[i]).max()?;
    let first = s.meta.time_range.map_or(latest, |r| r.0.div_euclid(DAY));
    let p = &ctx.settings.kpi_period;
    let w = kpi_period::window(p, latest)?;
    let nt = s.dict("touchpoint").map_or(0, |d| d.len());
    let mut accs = [Acc::default(); 2];
    let mut seen = vec![vec![false; nt]; 2];
    for i in kept() {
        let Some(slot) = c.day[i].and_then(|d| w.slot_of_day(d)) else {
            continue;
        };
        accs[slot].add_cell(s, i);
        if c.touchpoint[i] >= 0 {
            seen[slot][c.touchpoint[i] as usize] = true;
        }
    }
    // The kind and key of a range's distinct-customer count in the feed.
    let count_of = |lo: i64| -> Option<u64> {
        let (y, m, _) = crate::analytics::period::civil_from_days(lo);
        let (kind, key) = match w_kind(p) {
            KpiPeriodKind::Month => ("month", y * 12 + m as i64 - 1),
            KpiPeriodKind::Quarter => ("quarter", y * 4 + (m as i64 - 1) / 3),
            KpiPeriodKind::Year => ("year", y),
            KpiPeriodKind::Custom => return None,
        };
        s.period_customers
            .get(kind)
            .map(|pc| period_customers(pc, key))
    };
    if unfiltered && count_of(w.current.lo).is_none() {
        for key in CUSTOMER_KPIS {
            for f in ["current", "previous", "delta_pct", "change"] {
                needs.add(&format!("kpis.kpis.{key}.{f}"));
            }
        }
    }
    let values = |slot: usize, lo: i64| {
        let acc = &accs[slot];
        let cust = if unfiltered { count_of(lo) } else { None };
        let touchpoints = seen[slot].iter().filter(|x| **x).count() as u64;
        let share = |x: u64, n: u64| Some(kpis::Sample::Share { x, n });
        let mut samples = KpiSet::default();
        if s.has("satisfaction") {
            samples.csat = share(acc.sat_top2, acc.sat.n);
        }
        if s.has("effort") {
            samples.ces_easy_pct = share(acc.effort_easy, acc.effort.n);
        }
        if s.has("nps") && !ctx.settings.nps_latest_only {
            samples.nps = acc.nps.se().map(|se| kpis::Sample::Score { se });
        }
        kpis::Values {
            values: kpi_values(ctx, acc, touchpoints, cust, None),
            samples,
            impact: Default::default(),
        }
    };
    let current = (w.current.label.clone(), values(1, w.current.lo));
    let previous = w
        .previous
        .as_ref()
        .map(|r| (r.label.clone(), values(0, r.lo)));
    Some(kpis::PeriodPair {
        current,
        previous,
        choices: kpi_period::choices(p.kind, first.min(latest), latest),
    })
}

/// The calendar kind a KPI window was built with: an unreadable custom range falls back to
/// the last complete month.
fn w_kind(p: &crate::analytics::KpiPeriod) -> crate::analytics::KpiPeriodKind {
    use crate::analytics::KpiPeriodKind;
    use crate::calendar::parse_iso_day as parse_day;
    let readable = |d: &Option<String>| d.as_deref().and_then(parse_day);
    match (p.kind, readable(&p.from), readable(&p.to)) {
        (KpiPeriodKind::Custom, Some(a), Some(b)) if a <= b => KpiPeriodKind::Custom,
        (KpiPeriodKind::Custom, ..) => KpiPeriodKind::Month,
        (k, ..) => k,
    }
}

fn kpi_unavailable(ctx: &Ctx, key: KpiKey) -> Option<Needs> {
    let s = ctx.s;
    let k = s.meta.stage_order.len();
    let has_next = s.meta.conversion_step.is_some_and(|c| c + 1 < k);
    key.needs(
        &|role: Role| s.has(role.key()),
        has_next,
        ctx.mode == ResolvedMode::Ordered,
    )
}

fn impact(ctx: &Ctx, needs: &mut EventNeeds) -> kpis::Impact {
    let s = ctx.s;
    let unavailable = kpis::impact_needs(s.has("nps"), s.has("revenue") || s.has("stage"));
    if !s.has("nps") {
        return kpis::Impact {
            unavailable,
            ..Default::default()
        };
    }
    let Some(rows) = ctx.table.and_then(|t| t.impact.as_ref()) else {
        needs.add("kpis.impact");
        return kpis::Impact {
            unavailable,
            ..Default::default()
        };
    };
    // Class 0 is the promoters, 1 the detractors.
    let mut sums = kpis::ImpactSums::default();
    for i in 0..rows.class.len() {
        let x = match rows.class[i] {
            0 => &mut sums.promoters,
            _ => &mut sums.detractors,
        };
        x.customers += rows.customers[i];
        x.revenue += rows.revenue[i];
        x.converted += rows.converted[i];
        x.retained += rows.retained[i];
    }
    let retention_available = kpi_unavailable(ctx, KpiKey::RetentionRate).is_none();
    kpis::impact_view(unavailable, &sums, s.has("revenue"), retention_available)
}
