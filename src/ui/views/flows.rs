//! The Journey flows view: the flow diagram with its controls, the transition matrix, and
//! the "step k was X" filter chip that clicking a node sets (shown on every view).

use crate::analytics::flows::{
    Direction, FlowDim, FlowParams, NodeKey, PathStep, MAX_DEPTH, MIN_DEPTH,
};
use crate::charts::flows::{self as chart, node_label, parse_node_hit_key};
use crate::format;
use crate::i18n::{tr, trf, Lang};
use crate::ui::chart::{ChartCard, ChartSpec};
use crate::ui::state::{use_lang, Analysis, DataState, Look};
use leptos::prelude::*;

const FLOW: ChartSpec = ChartSpec {
    id: "flow",
    title: "view.flows.chart",
    draw: |a, i, t| {
        let p = &i.report.settings.flow;
        chart::draw_flow(a, &i.report.flows, p.dim, p.direction, t, i.lang)
            .map_err(|e| e.to_string())
    },
    table: |i| chart::flow_table(&i.report.flows, i.report.settings.flow.direction, i.lang),
    summary: |i| chart::flow_summary(&i.report.flows, i.lang),
    size: "tall",
};

const MATRIX: ChartSpec = ChartSpec {
    id: "transitions",
    title: "view.flows.matrix",
    draw: |a, i, t| {
        chart::draw_transitions(a, &i.report.flows.matrix, t, i.lang).map_err(|e| e.to_string())
    },
    table: |i| chart::transitions_table(&i.report.flows.matrix, i.lang),
    summary: |i| chart::transitions_summary(&i.report.flows.matrix, i.lang),
    size: "",
};

const TOP_CHOICES: [usize; 8] = [3, 4, 5, 6, 8, 10, 15, 20];

fn dim_key(d: FlowDim) -> &'static str {
    match d {
        FlowDim::Touchpoint => "touchpoint",
        FlowDim::Stage => "stage",
        FlowDim::Channel => "channel",
    }
}

fn dim_from_key(k: &str) -> FlowDim {
    match k {
        "stage" => FlowDim::Stage,
        "channel" => FlowDim::Channel,
        _ => FlowDim::Touchpoint,
    }
}

fn dim_label(lang: Lang, d: FlowDim) -> String {
    tr(
        lang,
        match d {
            FlowDim::Touchpoint => "chart.touchpoint",
            FlowDim::Stage => "chart.stage",
            FlowDim::Channel => "flows.channel",
        },
    )
}

/// The flows view; on a summary feed, which keeps no paths, it says that it needs
/// event-level data instead of drawing empty charts.
#[component]
pub fn FlowsView() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let needs_events = Memo::new(move |_| {
        analysis
            .report
            .with(|r| r.as_ref().is_some_and(|r| r.flows.needs_events))
    });
    move || {
        if needs_events.get() {
            let what = crate::message::Needs(vec![crate::message::Need::EventLevelData]);
            view! {
                <div data-view="flows">
                    <super::Needs what=what />
                </div>
            }
            .into_any()
        } else {
            view! { <FlowsBody /> }.into_any()
        }
    }
}

#[component]
fn FlowsBody() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    // Clicking a node filters every view to the customers at that node and re-roots the
    // diagram there (a value node; "others" only filters).
    let pick = Callback::new(move |key: String| {
        let Some((step, n)) = parse_node_hit_key(&key) else {
            return;
        };
        let node = analysis.report.with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.flows.steps.get(step)?.get(n))
                .map(|n| n.key.clone())
        });
        let Some(node) = node else { return };
        let params = analysis.settings.with_untracked(|s| s.flow.clone());
        analysis.filter.update(|f| {
            f.path = Some(PathStep {
                params: params.clone(),
                step,
                node: node.clone(),
            })
        });
        if let NodeKey::Value(v) = node {
            analysis.settings.update(|s| s.flow.root = Some(v));
        }
    });
    let rooted = move || {
        analysis.report.with(|r| {
            let r = r.as_ref()?;
            let text = match &r.settings.flow.root {
                Some(root) => trf(
                    lang,
                    "view.flows.rooted",
                    &[
                        ("n", &format::count(lang, r.flows.rooted as usize)),
                        ("node", root),
                        ("total", &format::count(lang, r.flows.customers as usize)),
                    ],
                ),
                None => trf(
                    lang,
                    "view.flows.all",
                    &[("n", &format::count(lang, r.flows.customers as usize))],
                ),
            };
            Some(view! { <p class="jl-note" data-testid="flows-rooted">{text}</p> })
        })
    };
    let collapsed_note = move || {
        analysis.settings
            .with(|s| s.flow.collapse)
            .then(|| view! { <p class="jl-note" data-testid="flows-collapsed">{tr(lang, "view.flows.collapsed_note")}</p> })
    };
    view! {
        <div data-view="flows">
            <FlowControls />
            {rooted}
            {collapsed_note}
            <p class="jl-sub">{tr(lang, "view.flows.click_help")}</p>
            // The matrix sits beside the diagram on a wide screen, below it on a narrow one.
            <div class="jl-flows-pair">
                <ChartCard spec=FLOW on_pick=pick />
                <ChartCard spec=MATRIX />
            </div>
        </div>
    }
}

/// Updates the flow settings (saved with the other settings, and recomputed with them).
fn set_flow(analysis: Analysis, f: impl FnOnce(&mut FlowParams)) {
    analysis.settings.update(|s| f(&mut s.flow));
}

/// The values of the flow's column, for "start from"; capped so a hostile file with a
/// million distinct touchpoints doesn't build a million options.
fn root_values(data: DataState, dim: FlowDim) -> Vec<String> {
    data.current.with(|c| {
        let Some(c) = c.as_ref() else {
            return Vec::new();
        };
        let ds = &c.loaded.dataset;
        let col = match dim {
            FlowDim::Touchpoint => ds.touchpoint.as_ref(),
            FlowDim::Stage => ds.stage.as_ref(),
            FlowDim::Channel => ds.channel.as_ref(),
        };
        let mut v: Vec<String> = col
            .map(|c| c.values.iter().take(500).cloned().collect())
            .unwrap_or_default();
        crate::order::sort(&mut v);
        v
    })
}

#[component]
fn FlowControls() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let flow = Memo::new(move |_| analysis.settings.with(|s| s.flow.clone()));
    view! {
        <div class="jl-card jl-row jl-flow-controls" data-testid="flow-controls">
            <label class="jl-inline-field">
                {tr(lang, "view.flows.dim")}
                " "
                <select
                    data-testid="flow-dim"
                    on:change=move |e| {
                        let d = dim_from_key(&event_target_value(&e));
                        set_flow(analysis, |f| {
                            f.dim = d;
                            f.root = None;
                        });
                    }
                >
                    {[FlowDim::Touchpoint, FlowDim::Stage, FlowDim::Channel]
                        .into_iter()
                        .map(|d| view! { <option value=dim_key(d) selected=move || flow.with(|f| f.dim == d)>{dim_label(lang, d)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="jl-inline-field">
                {tr(lang, "view.flows.direction")}
                " "
                <select
                    data-testid="flow-direction"
                    on:change=move |e| {
                        let back = event_target_value(&e) == "backward";
                        set_flow(analysis, |f| f.direction = if back { Direction::Backward } else { Direction::Forward });
                    }
                >
                    <option value="forward" selected=move || flow.with(|f| f.direction == Direction::Forward)>{tr(lang, "view.flows.forward")}</option>
                    <option value="backward" selected=move || flow.with(|f| f.direction == Direction::Backward)>{tr(lang, "view.flows.backward")}</option>
                </select>
            </label>
            <FlowRootSelect flow />
            <FlowSizeSelects flow />
            <label class="jl-inline-field">
                <input
                    type="checkbox"
                    data-testid="flow-collapse"
                    prop:checked=move || flow.with(|f| f.collapse)
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        set_flow(analysis, |f| f.collapse = on);
                    }
                />
                " "
                {tr(lang, "view.flows.collapse")}
            </label>
        </div>
    }
}

/// Where the flows start (or end): anywhere, or one value of the flow's column.
#[component]
fn FlowRootSelect(flow: Memo<FlowParams>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let forward = move || flow.with(|f| f.direction == Direction::Forward);
    view! {
        <label class="jl-inline-field">
            {tr(lang, "view.flows.start")}
            " "
            <select
                data-testid="flow-root"
                on:change=move |e| {
                    let v = event_target_value(&e);
                    set_flow(analysis, |f| f.root = (!v.is_empty()).then_some(v));
                }
            >
                <option value="">
                    {move || tr(lang, if forward() { "view.flows.from_start" } else { "view.flows.from_end" })}
                </option>
                {move || {
                    let (dim, root) = flow.with(|f| (f.dim, f.root.clone()));
                    root_values(data, dim)
                        .into_iter()
                        .map(|v| {
                            let sel = root.as_deref() == Some(v.as_str());
                            view! { <option value=v.clone() selected=sel>{v.clone()}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// How many steps the flows go, and how many paths each step keeps.
#[component]
fn FlowSizeSelects(flow: Memo<FlowParams>) -> impl IntoView {
    view! {
        <CountSelect
            flow
            label="view.flows.depth"
            testid="flow-depth"
            choices=(MIN_DEPTH..=MAX_DEPTH).collect()
            get=|f| f.depth
            set=|f, d| f.depth = d
        />
        <CountSelect
            flow
            label="view.flows.top"
            testid="flow-top"
            choices=TOP_CHOICES.to_vec()
            get=|f| f.top
            set=|f, n| f.top = n
        />
    }
}

/// One of the flow settings that is a count: a labelled select of `choices`, showing
/// `get(flow)` and writing the picked one with `set` (an unreadable value keeps the
/// current one).
#[component]
fn CountSelect(
    flow: Memo<FlowParams>,
    label: &'static str,
    testid: &'static str,
    choices: Vec<usize>,
    get: fn(&FlowParams) -> usize,
    set: fn(&mut FlowParams, usize),
) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label class="jl-inline-field">
            {tr(lang, label)}
            " "
            <select
                data-testid=testid
                on:change=move |e| {
                    if let Ok(n) = event_target_value(&e).parse() {
                        set_flow(analysis, |f| set(f, n));
                    }
                }
            >
                {choices
                    .into_iter()
                    .map(|n| view! { <option value=n.to_string() selected=move || flow.with(|f| get(f) == n)>{n.to_string()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The "step k was X" filter as a removable chip, on every view while it is set.
#[component]
pub fn PathChip() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    move || {
        let p = analysis.filter.with(|f| f.path.clone())?;
        let text = trf(
            lang,
            "view.flows.chip",
            &[
                ("step", &format::int(lang, p.step as i64 + 1)),
                ("dim", &dim_label(lang, p.params.dim)),
                ("node", &node_label(lang, &p.node)),
            ],
        );
        Some(view! {
            <div class="jl-row jl-path-chip" data-testid="path-chip">
                <span class="jl-chip">
                    {text}
                    " "
                    <button
                        type="button"
                        class="jl-btn"
                        aria-label=tr(lang, "view.flows.chip_remove")
                        title=tr(lang, "view.flows.chip_remove")
                        data-action="remove-path-filter"
                        on:click=move |_| analysis.filter.update(|f| f.path = None)
                    >
                        "✕"
                    </button>
                </span>
            </div>
        })
    }
}
