//! The NPS view: score with its margin of error, the promoter/passive/detractor split, the
//! 0–10 distribution, the trend with its band, the segment breakdown and the comments.

use super::coverage::{CoverageLine, Of as CoverageOf};
use super::{Needs, Stat};
use crate::analytics::nps::CommentCategory;
use crate::charts::{self, Table};
use crate::format;
use crate::i18n::{tr, trf, Lang};
use crate::present::message::{dimension_named, needs};
use crate::present::tables::needs_table;
use crate::ui::chart::{chart_spec, ChartCard, ChartSpec, TableCard};
use crate::ui::state::{use_lang, Analysis};
use crate::ui::views::funnel::BreakdownPicker;
use crate::ui::views::trend_period::TrendPeriodPicker;
use leptos::prelude::*;

const STACK: ChartSpec = chart_spec!(
    "nps-stack",
    "view.nps.stack",
    "short",
    |i| &i.report.nps,
    charts::draw_nps_stack,
    charts::nps_stack_table,
    charts::nps_stack_summary
);
const DISTRIBUTION: ChartSpec = chart_spec!(
    "nps-distribution",
    "view.nps.distribution",
    "",
    |i| &i.report.nps,
    charts::draw_distribution,
    charts::distribution_table,
    charts::distribution_summary
);
const TREND: ChartSpec = chart_spec!(
    "nps-trend",
    "view.nps.trend",
    "",
    |i| &i.report.nps,
    charts::draw_nps_trend,
    charts::nps_trend_table,
    charts::nps_trend_summary
);

#[component]
pub fn NpsView() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let unavailable = move || {
        analysis
            .report
            .with(|r| r.as_ref().and_then(|r| r.nps.unavailable.clone()))
    };
    let breakdown = Signal::derive(move || breakdown_table(analysis, lang));
    view! {
        <div data-view="nps">
            <CoverageLine of=CoverageOf::Nps />
            {move || match unavailable() {
                // Say plainly why, rather than "needs a column": review and CSAT scores are
                // not a 0–10 recommendation question and are never turned into an NPS.
                Some(what) if what.keys() == "nps" => view! {
                    <p class="jl-card" data-testid="no-nps">{tr(lang, "files.no_nps")}</p>
                }
                    .into_any(),
                Some(what) => view! { <Needs what=what /> }.into_any(),
                None => {
                    view! {
                        <div class="jl-stat-row"><NpsStats /></div>
                        <ChartCard spec=STACK />
                        <div class="jl-grid jl-mt">
                            <ChartCard spec=DISTRIBUTION />
                            <div class="jl-card">
                                <TrendPeriodPicker testid="nps" />
                                <ChartCard spec=TREND />
                            </div>
                            <div class="jl-card">
                                <BreakdownPicker />
                                <TableCard id="nps-breakdown" title="view.nps.breakdown" table=breakdown />
                            </div>
                            <Comments />
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The score with its margin of error, the responses, promoters and detractors.
#[component]
fn NpsStats() -> impl IntoView {
    let lang = use_lang();
    let analysis = expect_context::<Analysis>();
    move || {
        analysis.report.with(|r| {
            let s = &r.as_ref()?.nps.summary;
            let score = format::or_na(lang, s.nps, format::nps);
            let margin = s
                .margin
                .map(|m| trf(lang, "view.nps.margin", &[("m", &format::number(lang, m, 1))]))
                .unwrap_or_default();
            Some(view! {
                <div class="jl-stat" data-testid="nps-score">
                    <div class="label">{tr(lang, "view.nps.score")}</div>
                    <div class="value">{score}</div>
                    <div class="delta">{margin}</div>
                </div>
                <Stat label=tr(lang, "chart.responses") value=format::count(lang, s.responses as usize) testid="nps-responses" />
                <Stat label=tr(lang, "chart.promoters") value=format::or_na(lang, s.promoter_pct, format::percent) testid="nps-promoters" />
                <Stat label=tr(lang, "chart.detractors") value=format::or_na(lang, s.detractor_pct, format::percent) testid="nps-detractors" />
            })
        })
    }
}

/// The NPS by segment of the breakdown dimension, with its significance, as a table
/// (or what the breakdown needs).
fn breakdown_table(analysis: Analysis, lang: Lang) -> Option<Table> {
    analysis.report.with(|r| {
        let b = r.as_ref()?.nps.breakdown.as_ref()?;
        if let Some(what) = &b.unavailable {
            return Some(needs_table(lang, what, None));
        }
        let dimension = dimension_named(lang, b.dimension, b.header.as_deref());
        Some(Table {
            caption: trf(
                lang,
                "view.nps.breakdown_caption",
                &[("dimension", &dimension)],
            ),
            headers: vec![
                dimension.clone(),
                tr(lang, "chart.responses"),
                "NPS".into(),
                tr(lang, "chart.margin"),
                "z".into(),
                "p".into(),
                tr(lang, "view.nps.significant"),
                tr(lang, "view.nps.low_sample"),
            ],
            rows: b
                .segments
                .iter()
                .map(|s| {
                    vec![
                        s.value.clone(),
                        format::count(lang, s.summary.responses as usize),
                        format::or_na(lang, s.summary.nps, format::nps),
                        format::or_na(lang, s.summary.margin, |l, v| format::number(l, v, 1)),
                        format::or_na(lang, s.z, |l, v| format::number(l, v, 2)),
                        format::or_na(lang, s.p_value, |l, v| format::number(l, v, 3)),
                        tr(
                            lang,
                            if s.significant {
                                "chart.yes"
                            } else {
                                "chart.no"
                            },
                        ),
                        if s.low_sample {
                            tr(lang, "view.nps.low_sample")
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
        })
    })
}

#[component]
fn Comments() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let body = move || {
        analysis.report.with(|r| {
            let n = &r.as_ref()?.nps;
            if let Some(what) = &n.comments_unavailable {
                let what = needs(lang, what, None);
                return Some(view! { <p class="jl-sub">{trf(lang, "chart.needs", &[("what", &what)])}</p> }.into_any());
            }
            Some(
                n.comments
                    .iter()
                    .map(|g| {
                        let key = match g.category {
                            CommentCategory::Promoter => "chart.promoters",
                            CommentCategory::Passive => "chart.passives",
                            CommentCategory::Detractor => "chart.detractors",
                            CommentCategory::NoScore => "view.nps.no_score",
                        };
                        let title = format!("{} ({})", tr(lang, key), format::count(lang, g.total as usize));
                        let items: Vec<_> = g.comments.iter().take(50).map(|c| (c.customer.clone(), c.text.clone())).collect();
                        view! {
                            <details class="jl-comments">
                                <summary>{title}</summary>
                                <ul class="jl-list">
                                    {items.into_iter().map(|(who, text)| view! { <li><q>{text}</q>" — "<span class="jl-sub">{who}</span></li> }).collect_view()}
                                </ul>
                            </details>
                        }
                    })
                    .collect_view()
                    .into_any(),
            )
        })
    };
    view! {
        <section class="jl-card" data-testid="comments">
            <h3>{tr(lang, "view.nps.comments")}</h3>
            {body}
        </section>
    }
}
