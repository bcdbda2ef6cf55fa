//! Analysis settings: stage order, conversion stage, funnel mode and window, period, KPI
//! targets and JES weights. Stored in localStorage by the state module.

use crate::analytics::{FunnelMode, PeriodKind};
use crate::i18n::tr;
use crate::ui::state::{use_lang, Analysis, DataState, Look};
use leptos::prelude::*;

/// KPI keys a user can set a target for, with their label keys.
const TARGETS: [&str; 8] = [
    "conversion_rate",
    "retention_rate",
    "churn_rate",
    "csat",
    "ces",
    "nps",
    "revenue_per_customer",
    "median_days_to_convert",
];

fn parse_num(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// The report's stages in their current order: what the stage list and the conversion
/// stage choose from.
fn stage_names(analysis: Analysis) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        analysis.report.with(|r| {
            r.as_ref()
                .map(|r| r.funnel.stages.clone())
                .unwrap_or_default()
        })
    })
}

#[component]
pub fn SettingsCard() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let stages = stage_names(analysis);

    view! {
        <section class="jl-card" data-testid="settings">
            <h2>{tr(lang, "settings.title")}</h2>
            <div class="jl-grid jl-settings">
                <StageOrder stages />
                <div class="jl-field">
                    <ConversionStage stages />
                    <FunnelModeSelect />
                    <super::stage_reading::StageReadingControls />
                    <WindowInput />
                    <PeriodSelect />
                    <MinCountInput />
                    <NpsLatestCheck />
                </div>
                <Targets />
                <JesWeights />
            </div>
        </section>
    }
}

/// The stage list with a move up / move down button on each stage, and "reset order".
#[component]
fn StageOrder(stages: Memo<Vec<String>>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let move_stage = move |i: usize, up: bool| {
        let mut order = stages.get_untracked();
        let j = if up {
            i.checked_sub(1)
        } else {
            Some(i + 1).filter(|j| *j < order.len())
        };
        if let Some(j) = j {
            order.swap(i, j);
            analysis.settings.update(|s| s.stage_order = Some(order));
        }
    };
    let meta_order = move || {
        data.current.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.loaded.dataset.meta.stage_order.is_some())
        })
    };
    view! {
        <div>
            <h3>{tr(lang, "settings.stage_order")}</h3>
            <Show when=meta_order>
                <p class="jl-note">{tr(lang, "settings.order_from_feed")}</p>
            </Show>
            <ol class="jl-stage-list" data-testid="stage-order">
                {move || {
                    let list = stages.get();
                    let n = list.len();
                    list.into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            view! {
                                <li>
                                    <span>{s.clone()}</span>
                                    <button class="jl-btn small" aria-label=format!("{} {s}", tr(lang, "settings.up")) disabled=i == 0 on:click=move |_| move_stage(i, true)>"↑"</button>
                                    <button class="jl-btn small" aria-label=format!("{} {s}", tr(lang, "settings.down")) disabled=i + 1 == n on:click=move |_| move_stage(i, false)>"↓"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <button class="jl-btn" on:click=move |_| analysis.settings.update(|s| s.stage_order = None)>
                {tr(lang, "settings.reset_order")}
            </button>
        </div>
    }
}

/// The stage that counts as converted: automatic, or one of the report's stages.
#[component]
fn ConversionStage(stages: Memo<Vec<String>>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label>
            {tr(lang, "settings.conversion_stage")}
            <select on:change=move |e| {
                let v = event_target_value(&e);
                analysis.settings.update(|s| s.conversion_stage = (!v.is_empty()).then_some(v));
            }>
                <option value="">{tr(lang, "settings.automatic")}</option>
                {move || {
                    let chosen = analysis.settings.with(|s| s.conversion_stage.clone());
                    stages
                        .get()
                        .into_iter()
                        .map(|s| view! { <option value=s.clone() selected=chosen.as_deref() == Some(s.as_str())>{s.clone()}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

#[component]
fn FunnelModeSelect() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    let is = move |m: FunnelMode| analysis.settings.with(|s| s.mode == m);
    view! {
        <label>
            {tr(lang, "settings.mode")}
            <select
                data-testid="funnel-mode"
                on:change=move |e| {
                    let mode = match event_target_value(&e).as_str() {
                        "ordered" => FunnelMode::Ordered,
                        "any" => FunnelMode::AnyOrder,
                        _ => FunnelMode::Auto,
                    };
                    analysis.settings.update(|s| s.mode = mode);
                }
            >
                <option value="auto" selected=move || is(FunnelMode::Auto)>{tr(lang, "settings.mode_auto")}</option>
                <option value="ordered" selected=move || is(FunnelMode::Ordered)>{tr(lang, "settings.mode_ordered")}</option>
                <option value="any" selected=move || is(FunnelMode::AnyOrder)>{tr(lang, "settings.mode_any")}</option>
            </select>
        </label>
    }
}

/// The funnel window in days (empty: no window).
#[component]
fn WindowInput() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label>
            {tr(lang, "settings.window")}
            <input
                type="number"
                min="0"
                step="1"
                placeholder=tr(lang, "settings.no_window")
                prop:value=move || analysis.settings.with(|s| s.window_days.map(|w| w.to_string()).unwrap_or_default())
                on:change=move |e| {
                    let w = parse_num(&event_target_value(&e)).filter(|w| *w > 0.0);
                    analysis.settings.update(|s| s.window_days = w);
                }
            />
        </label>
    }
}

#[component]
fn PeriodSelect() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    let is = move |p: PeriodKind| analysis.settings.with(|s| s.period == p);
    view! {
        <label>
            {tr(lang, "settings.period")}
            <select on:change=move |e| {
                let p = match event_target_value(&e).as_str() {
                    "week" => PeriodKind::Week,
                    "quarter" => PeriodKind::Quarter,
                    _ => PeriodKind::Month,
                };
                analysis.settings.update(|s| s.period = p);
            }>
                <option value="week" selected=move || is(PeriodKind::Week)>{tr(lang, "settings.week")}</option>
                <option value="month" selected=move || is(PeriodKind::Month)>{tr(lang, "settings.month")}</option>
                <option value="quarter" selected=move || is(PeriodKind::Quarter)>{tr(lang, "fair.quarter")}</option>
            </select>
        </label>
    }
}

/// The smallest group a breakdown shows on its own (1 or more).
#[component]
fn MinCountInput() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label>
            {tr(lang, "settings.min_count")}
            <input
                type="number"
                min="1"
                prop:value=move || analysis.settings.with(|s| s.min_count.to_string())
                on:change=move |e| {
                    if let Some(n) = parse_num(&event_target_value(&e)).filter(|n| *n >= 1.0) {
                        analysis.settings.update(|s| s.min_count = n as usize);
                    }
                }
            />
        </label>
    }
}

#[component]
fn NpsLatestCheck() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label class="jl-check">
            <input
                type="checkbox"
                prop:checked=move || analysis.settings.with(|s| s.nps_latest_only)
                on:change=move |e| analysis.settings.update(|s| s.nps_latest_only = event_target_checked(&e))
            />
            {tr(lang, "settings.nps_latest")}
        </label>
    }
}

/// One number per KPI in [`TARGETS`]; an empty or unreadable entry removes the target.
#[component]
fn Targets() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    let set_target = move |k: &'static str, v: Option<f64>| {
        analysis.settings.update(|s| match v {
            Some(v) => {
                s.targets.insert(k.to_string(), v);
            }
            None => {
                s.targets.remove(k);
            }
        })
    };
    view! {
        <div class="jl-field">
            <h3>{tr(lang, "settings.targets")}</h3>
            {TARGETS
                .iter()
                .map(|&k| {
                    view! {
                        <label>
                            {tr(lang, &format!("kpi.{k}")).to_string()}
                            <input
                                type="number"
                                step="any"
                                data-target=k
                                prop:value=move || analysis.settings.with(|s| s.targets.get(k).map(|v| v.to_string()).unwrap_or_default())
                                on:change=move |e| set_target(k, parse_num(&event_target_value(&e)))
                            />
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The weights of the journey experience score's four parts (0 or more each).
#[component]
fn JesWeights() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    let set_weight = move |i: usize, v: f64| {
        analysis.settings.update(|s| {
            let w = &mut s.jes_weights;
            match i {
                0 => w.csat = v,
                1 => w.nps = v,
                2 => w.conversion = v,
                _ => w.ces = v,
            }
        })
    };
    view! {
        <div class="jl-field">
            <h3>{tr(lang, "settings.jes_weights")}</h3>
            {[("csat", 0usize), ("nps", 1), ("conversion", 2), ("ces", 3)]
                .into_iter()
                .map(|(k, i)| {
                    let get = move || analysis.settings.with(|s| {
                        let w = &s.jes_weights;
                        [w.csat, w.nps, w.conversion, w.ces][i]
                    });
                    view! {
                        <label>
                            {tr(lang, &format!("jes.{k}")).to_string()}
                            <input
                                type="number"
                                min="0"
                                step="any"
                                prop:value=move || get().to_string()
                                on:change=move |e| {
                                    if let Some(v) = parse_num(&event_target_value(&e)).filter(|v| *v >= 0.0) {
                                        set_weight(i, v);
                                    }
                                }
                            />
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}
