//! The Funnel view: bars per step, breakdown, cohort trend, time to convert, and the
//! customers who dropped off after a chosen step.

use super::coverage::{CoverageLine, Of as CoverageOf};
use super::dim_select::{DimChoice, DimSelect};
use super::{Needs, Stat};
use crate::analytics::FunnelNote;
use crate::analytics::{
    dropped_after,
    funnel::{ResolvedMode, StageOrderSource},
};
use crate::charts;
use crate::format;
use crate::i18n::{tr, trc, trf, Arg};
use crate::present::message::render;
use crate::ui::chart::{chart_spec, ChartCard, ChartSpec};
use crate::ui::state::{use_lang, Analysis, DataState, Look};
use crate::ui::views::trend_period::TrendPeriodPicker;
use leptos::prelude::*;

const FUNNEL: ChartSpec = chart_spec!(
    "funnel",
    "view.funnel.bars",
    "tall",
    |i| &i.report.funnel,
    charts::draw_funnel,
    charts::funnel_table,
    charts::funnel_summary
);
const BREAKDOWN: ChartSpec = chart_spec!(
    "funnel-breakdown",
    "view.funnel.breakdown",
    "",
    |i| &i.report.funnel,
    charts::draw_breakdown,
    charts::breakdown_table,
    charts::breakdown_summary
);
const TREND: ChartSpec = chart_spec!(
    "funnel-trend",
    "view.funnel.trend",
    "",
    |i| &i.report.funnel,
    charts::draw_trend,
    charts::trend_table,
    charts::trend_summary
);
const TIME: ChartSpec = chart_spec!(
    "funnel-time",
    "view.funnel.time",
    "",
    |i| &i.report.funnel,
    charts::draw_time_to_convert,
    charts::time_to_convert_table,
    charts::time_to_convert_summary
);

#[component]
pub fn FunnelView() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let unavailable = move || {
        analysis
            .report
            .with(|r| r.as_ref().and_then(|r| r.funnel.unavailable.clone()))
    };
    view! {
        <div data-view="funnel">
            <CoverageLine of=CoverageOf::Funnel />
            {move || match unavailable() {
                Some(what) => view! { <Needs what=what /> }.into_any(),
                None => {
                    view! {
                        <div class="jl-stat-row"><FunnelStats /></div>
                        <FunnelOrder />
                        <div class="jl-grid">
                            <ChartCard spec=FUNNEL />
                            <div class="jl-card">
                                <BreakdownPicker />
                                <ChartCard spec=BREAKDOWN />
                            </div>
                            <div class="jl-card">
                                <TrendPeriodPicker testid="funnel" />
                                <ChartCard spec=TREND />
                            </div>
                            <ChartCard spec=TIME />
                            // A summary feed has no customer ids: the banner lists this.
                            {move || {
                                data.current
                                    .with(|c| c.as_ref().is_none_or(|c| c.summary.is_none()))
                                    .then(|| view! { <DroppedCustomers /> })
                            }}
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Customers who entered, the conversion to the conversion stage, and the funnel mode.
#[component]
fn FunnelStats() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    move || {
        analysis.report.with(|r| {
            let f = &r.as_ref()?.funnel;
            let first = f.steps.first().map(|s| s.customers).unwrap_or(0);
            let conv_stage = f.conversion_stage.clone().unwrap_or_else(|| format::not_available(lang));
            let mode = tr(lang, if f.mode == ResolvedMode::Ordered { "settings.mode_ordered" } else { "settings.mode_any" });
            Some(view! {
                <Stat label=tr(lang, "view.funnel.entered") value=format::count(lang, first as usize) testid="funnel-entered" />
                <Stat
                    label=trf(lang, "view.funnel.conversion_to", &[("stage", &conv_stage)])
                    value=format::or_na(lang, f.overall_conversion, format::percent)
                    testid="funnel-conversion"
                />
                <Stat label=tr(lang, "settings.mode") value=mode.to_string() testid="funnel-mode-stat" />
            })
        })
    }
}

/// Where the stage order came from, and which names the data placed, so a user can check
/// an order they did not choose; the funnel's other notes; and, for a saved order that
/// does not fit this data, a button that drops it.
#[component]
fn FunnelOrder() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    move || {
        analysis.report.with(|r| {
            let f = &r.as_ref()?.funnel;
            let source = tr(
                lang,
                match f.order_source {
                    StageOrderSource::Meta => "view.funnel.order.meta",
                    StageOrderSource::Setting => "view.funnel.order.setting",
                    StageOrderSource::BuiltIn => "view.funnel.order.built_in",
                    StageOrderSource::MedianTime => "view.funnel.order.median_time",
                    StageOrderSource::FileOrder => "view.funnel.order.file_order",
                },
            );
            let placed = (!f.placed_by_data.is_empty()).then(|| {
                trf(
                    lang,
                    "view.funnel.placed_by_data",
                    &[("names", &f.placed_by_data.join(", "))],
                )
            });
            // Placed stages are named above; the other notes say what was simplified.
            let notes: Vec<String> = f
                .notes
                .iter()
                .filter(|n| !matches!(n, FunnelNote::PlacedByData { .. }))
                .map(|n| render(lang, n))
                .collect();
            // A saved order that does not fit this data can be dropped in one click.
            let reset = f.notes.iter().find_map(|n| match n {
                FunnelNote::SavedOrderMismatch { .. } => Some("view.funnel.use_automatic_order"),
                FunnelNote::SavedOrderIgnored { .. } => Some("view.funnel.forget_saved_order"),
                _ => None,
            });
            let reset = reset.map(|key| {
                view! {
                    <button
                        class="jl-btn"
                        data-action="reset-stage-order"
                        on:click=move |_| analysis.settings.update(|s| s.stage_order = None)
                    >
                        {tr(lang, key)}
                    </button>
                }
            });
            Some(view! {
                <p class="jl-note" data-testid="funnel-order-source">
                    {trf(lang, "view.funnel.order_source", &[("source", &source)])}
                    {placed.map(|p| format!(" {p}"))}
                </p>
                {notes.into_iter().map(|n| view! { <p class="jl-note" data-testid="funnel-note">{n}</p> }).collect_view()}
                {reset}
            })
        })
    }
}

/// Chooses the dimension the funnel and NPS breakdowns compare.
#[component]
pub fn BreakdownPicker() -> impl IntoView {
    view! {
        <DimSelect choice=DimChoice {
            label: "view.breakdown_by",
            testid: "breakdown-select",
            none: Some("view.breakdown_none"),
            get: |s| s.breakdown,
            set: |s, v| s.breakdown = v,
        } />
    }
}

/// "Download the customers who dropped off after step N" as CSV.
#[component]
fn DroppedCustomers() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let step = RwSignal::new(0usize);
    let steps = move || {
        analysis.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    // Drop-off after a step is the next step's drop-off count.
                    r.funnel
                        .steps
                        .windows(2)
                        .map(|w| (w[0].stage.clone(), w[1].drop_off.unwrap_or(0)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let download = move |_| {
        let i = step.get_untracked();
        let Some(cur) = data.current.get_untracked() else {
            return;
        };
        let settings = analysis.settings.get_untracked();
        let filter = analysis.filter.get_untracked();
        let ids = dropped_after(&cur.loaded.dataset, &cur.prepared, &settings, &filter, i);
        let stage = steps().get(i).map(|s| s.0.clone()).unwrap_or_default();
        let table = charts::Table {
            caption: String::new(),
            headers: vec!["customer_id".into(), "dropped_after".into()],
            rows: ids.into_iter().map(|id| vec![id, stage.clone()]).collect(),
        };
        let view = format!("dropped-after-{}", i + 1);
        crate::ui::snapshot::download_csv(data, &view, &table, lang);
    };
    view! {
        <section class="jl-card" data-testid="dropped">
            <h3>{tr(lang, "view.funnel.dropped")}</h3>
            <p class="jl-sub">{tr(lang, "view.funnel.dropped_help")}</p>
            <div class="jl-row">
                <select
                    aria-label=tr(lang, "view.funnel.dropped")
                    on:change=move |e| step.set(event_target_value(&e).parse().unwrap_or(0))
                >
                    {move || {
                        steps()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (stage, n))| {
                                let text = trc(lang, "view.funnel.after_step", &[("stage", Arg::Text(&stage)), ("n", Arg::Count(i64::try_from(n).unwrap_or(i64::MAX)))]);
                                view! { <option value=i.to_string()>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button class="jl-btn" data-action="download-dropped" on:click=download>
                    {tr(lang, "table.download_csv")}
                </button>
            </div>
        </section>
    }
}
