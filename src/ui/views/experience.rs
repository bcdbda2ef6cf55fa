//! The Experience map view: stage × touchpoint heatmap, emotion curve, pain points, exit
//! touchpoints, hand-offs and the priority matrix.

use super::coverage::{CoverageLine, Of as CoverageOf};
use super::dim_select::{DimChoice, DimSelect};
use super::fix_first::FixFirstCard;
use super::Needs;
use crate::analytics::priorities;
use crate::charts;
use crate::dataset::{DimKey, Role};
use crate::present::tables;
use crate::ui::chart::{chart_spec, ChartCard, ChartSpec, TableCard};
use crate::ui::state::{use_lang, Analysis};
use leptos::prelude::*;

const HEATMAP: ChartSpec = ChartSpec {
    id: "heatmap",
    title: "view.exp.heatmap",
    draw: |a, i, t| {
        charts::draw_heatmap(
            a,
            &i.report.experience.grid,
            i.scales.satisfaction,
            i.report.settings.min_count,
            t,
            i.lang,
        )
        .map_err(|e| e.to_string())
    },
    table: |i| {
        let columns = charts::columns_name(&i.report.experience, i.lang);
        charts::heatmap_table(&i.report.experience.grid, &columns, i.lang)
    },
    summary: |i| {
        charts::heatmap_summary(
            &i.report.experience.grid,
            i.report.settings.min_count,
            i.lang,
        )
    },
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
const PRIORITY: ChartSpec = ChartSpec {
    id: "priority",
    title: "view.exp.priority",
    draw: |a, i, t| {
        charts::draw_priority(a, &i.report.experience.priority, t, i.lang)
            .map_err(|e| e.to_string())
    },
    table: |i| {
        let columns = charts::columns_name(&i.report.experience, i.lang);
        charts::priority_table(&i.report.experience.priority, &columns, i.lang)
    },
    summary: |i| charts::priority_summary(&i.report.experience.priority, i.lang),
    size: "tall",
};

#[component]
pub fn ExperienceView() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let unavailable = move || {
        analysis.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.experience.grid.unavailable.clone())
        })
    };
    let pain = Signal::derive(move || {
        analysis.report.with(|r| {
            let r = r.as_ref()?;
            // In the order of "What to fix first" (the report keeps them worst first).
            let mut x = r.experience.clone();
            priorities::rank_pain_points(&mut x.pain_points, &x.priority);
            Some(tables::pain_points(lang, &x, r.settings.min_count))
        })
    });
    let exits = Signal::derive(move || {
        analysis
            .report
            .with(|r| Some(tables::exits(lang, &r.as_ref()?.experience)))
    });
    view! {
        <div data-view="experience">
            <CoverageLine of=CoverageOf::Experience />
            <div class="jl-row">
                <DimSelect choice=DimChoice {
                    label: "view.exp.columns_by",
                    testid: "map-columns-select",
                    none: None,
                    get: |s| s.map_columns.or(Some(DimKey::Role(Role::Touchpoint))),
                    set: |s, v| s.map_columns = v,
                } />
            </div>
            {move || match unavailable() {
                Some(what) => view! { <Needs what=what /> }.into_any(),
                None => {
                    view! {
                        <FixFirstCard />
                        <div class="jl-mt"></div>
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
