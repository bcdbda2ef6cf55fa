//! The Experience map view: stage × touchpoint heatmap, emotion curve, pain points, exit
//! touchpoints, hand-offs and the priority matrix.

use super::Needs;
use crate::charts::{self, Table};
use crate::format;
use crate::i18n::{tr, trc, trf};
use crate::ui::chart::{chart_spec, ChartCard, ChartSpec, TableCard};
use crate::ui::state::AppState;
use leptos::prelude::*;

const HEATMAP: ChartSpec = ChartSpec {
    id: "heatmap",
    title: "view.exp.heatmap",
    draw: |a, i, t| {
        charts::draw_heatmap(
            a,
            &i.report.experience.grid,
            i.scales.satisfaction,
            t,
            i.lang,
        )
        .map_err(|e| e.to_string())
    },
    table: |i| charts::heatmap_table(&i.report.experience.grid, i.lang),
    summary: |i| charts::heatmap_summary(&i.report.experience.grid, i.lang),
    size: "tall",
};
const EMOTION: ChartSpec = chart_spec!(
    "emotion",
    "view.exp.emotion",
    "",
    |i| &i.report.experience.emotion,
    charts::draw_emotion,
    charts::emotion_table,
    charts::emotion_summary
);
const HANDOFFS: ChartSpec = chart_spec!(
    "handoffs",
    "view.exp.handoffs",
    "",
    |i| &i.report.experience.handoffs,
    charts::draw_handoffs,
    charts::handoffs_table,
    charts::handoffs_summary
);
const PRIORITY: ChartSpec = chart_spec!(
    "priority",
    "view.exp.priority",
    "tall",
    |i| &i.report.experience.priority,
    charts::draw_priority,
    charts::priority_table,
    charts::priority_summary
);

#[component]
pub fn ExperienceView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let unavailable = move || {
        state.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.experience.grid.unavailable.clone())
        })
    };
    let pain = Signal::derive(move || {
        state.report.with(|r| {
            let e = &r.as_ref()?.experience;
            if let Some(what) = &e.pain_points_unavailable {
                return Some(needs_table(lang, what));
            }
            Some(Table {
                caption: trc(
                    lang,
                    "view.exp.pain_caption",
                    &[("n", r.as_ref()?.settings.min_count.into())],
                ),
                headers: vec![
                    tr(lang, "chart.stage"),
                    tr(lang, "chart.touchpoint"),
                    tr(lang, "chart.satisfaction"),
                    tr(lang, "chart.satisfaction_100"),
                    tr(lang, "chart.answers"),
                    tr(lang, "chart.share_negative"),
                ],
                rows: e
                    .pain_points
                    .iter()
                    .map(|p| {
                        vec![
                            p.stage.clone(),
                            p.touchpoint.clone(),
                            format::score(lang, p.satisfaction_mean, 2),
                            format::number(lang, p.percent, 1),
                            format::count(lang, p.count as usize),
                            format::or_na(lang, p.share_negative, format::percent),
                        ]
                    })
                    .collect(),
            })
        })
    });
    let exits = Signal::derive(move || {
        state.report.with(|r| {
            let e = &r.as_ref()?.experience;
            if let Some(what) = &e.exits_unavailable {
                return Some(needs_table(lang, what));
            }
            Some(Table {
                caption: tr(lang, "view.exp.exits_caption"),
                headers: vec![tr(lang, "chart.touchpoint"), tr(lang, "chart.customers")],
                rows: e
                    .exits
                    .iter()
                    .map(|x| {
                        vec![
                            x.touchpoint.clone(),
                            format::count(lang, x.customers as usize),
                        ]
                    })
                    .collect(),
            })
        })
    });
    view! {
        <div data-view="experience">
            {move || match unavailable() {
                Some(what) => view! { <Needs what=what /> }.into_any(),
                None => {
                    view! {
                        <ChartCard spec=HEATMAP />
                        <div class="jl-grid jl-mt">
                            <ChartCard spec=EMOTION />
                            <ChartCard spec=HANDOFFS />
                            <TableCard id="pain-points" title="view.exp.pain" table=pain />
                            <TableCard id="exits" title="view.exp.exits" table=exits />
                            <ChartCard spec=PRIORITY />
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// A one-row table saying which column would enable a list.
fn needs_table(lang: crate::i18n::Lang, what: &str) -> Table {
    Table {
        caption: trf(lang, "chart.needs", &[("what", what)]),
        headers: vec![],
        rows: vec![],
    }
}
