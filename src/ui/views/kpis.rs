//! The KPI view: a card per KPI (value, change vs the previous period, target status,
//! sparkline), the Journey Excellence Score with its formula, and the experience impact.

use super::coverage::{CoverageLine, Of as CoverageOf};
use crate::analytics::kpis::TargetStatus;
use crate::charts;
use crate::format;
use crate::i18n::{tr, trf};
use crate::present::tables;
use crate::ui::chart::{draw_on, TableCard};
use crate::ui::dom;
use crate::ui::state::AppState;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn KpiView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let count = move || {
        state
            .report
            .with(|r| r.as_ref().map(|r| r.kpis.kpis.len()).unwrap_or(0))
    };
    let period = move || {
        state.report.with(|r| {
            let k = &r.as_ref()?.kpis;
            Some(trf(
                lang,
                "view.kpi.period",
                &[
                    ("current", &period_label(lang, k.current_period.as_deref())),
                    (
                        "previous",
                        &period_label(lang, k.previous_period.as_deref()),
                    ),
                ],
            ))
        })
    };
    view! {
        <div data-view="kpis">
            <CoverageLine of=CoverageOf::Funnel />
            <p class="jl-sub">{period}</p>
            <div class="jl-kpis">
                {move || (0..count()).map(|i| view! { <KpiCard index=i /> }).collect_view()}
            </div>
            <div class="jl-grid jl-mt">
                <JesCard />
                <ImpactCard />
            </div>
        </div>
    }
}

#[component]
fn KpiCard(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let canvas = NodeRef::<html::Canvas>::new();
    let kpi = move || {
        state
            .report
            .with(|r| r.as_ref().and_then(|r| r.kpis.kpis.get(index).cloned()))
    };
    Effect::new(move |_| {
        let dark = state.dark.get();
        let (Some(el), Some(k)) = (canvas.get(), kpi()) else {
            return;
        };
        let t0 = dom::now_ms();
        draw_on(&el, dark, dom::device_pixel_ratio(), |area, theme| {
            charts::draw_sparkline(area, &k, theme, lang).map_err(|e| e.to_string())
        });
        state.record_draw(dom::now_ms() - t0);
    });
    move || {
        kpi().map(|k| {
            let label = charts::kpi_label(lang, &k);
            let value = match (&k.unavailable, k.value) {
                (Some(_), _) | (None, None) => format::not_available(lang),
                (None, Some(v)) => charts::kpi_value(lang, &k, v),
            };
            let needs = k
                .unavailable
                .as_ref()
                .map(|w| crate::present::message::needs_sentence(lang, w, None));
            let delta = k.delta_pct.map(|d| {
                let better = if k.lower_is_better { d < 0.0 } else { d > 0.0 };
                let class = if d == 0.0 {
                    "jl-delta"
                } else if better {
                    "jl-delta good"
                } else {
                    "jl-delta bad"
                };
                (
                    class,
                    trf(
                        lang,
                        "view.kpi.delta",
                        &[("d", &format::delta_percent(lang, d))],
                    ),
                )
            });
            let status = k.status.map(|s| {
                let (class, key) = match s {
                    TargetStatus::Met => ("jl-badge good", "view.kpi.met"),
                    TargetStatus::Within10 => ("jl-badge warn", "view.kpi.within"),
                    TargetStatus::Missed => ("jl-badge bad", "view.kpi.missed"),
                };
                let target = k
                    .target
                    .map(|t| charts::kpi_value(lang, &k, t))
                    .unwrap_or_default();
                (
                    class,
                    format!(
                        "{} · {} {}",
                        tr(lang, key),
                        tr(lang, "view.kpi.target"),
                        target
                    ),
                )
            });
            let summary = charts::sparkline_summary(&k, lang);
            view! {
                <article class="jl-card jl-kpi" data-kpi=k.key.clone()>
                    <div class="jl-sub">{label}</div>
                    <div class="value" data-testid=format!("kpi-{}", k.key)>{value}</div>
                    {needs.map(|n| view! { <div class="jl-sub">{n}</div> })}
                    {delta.map(|(c, t)| view! { <div class=c>{t}</div> })}
                    {status.map(|(c, t)| view! { <span class=c>{t}</span> })}
                    <canvas node_ref=canvas role="img" aria-label=summary></canvas>
                </article>
            }
        })
    }
}

#[component]
fn JesCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let value = move || {
        state.report.with(|r| {
            let j = &r.as_ref()?.kpis.jes;
            Some((
                format::or_na(lang, j.value, |l, v| format::number(l, v, 1)),
                tables::jes_formula(lang, j),
            ))
        })
    };
    let components = Signal::derive(move || {
        state
            .report
            .with(|r| Some(tables::jes_components(lang, &r.as_ref()?.kpis.jes)))
    });
    view! {
        <section class="jl-card" data-testid="jes">
            <h3>{tr(lang, "view.kpi.jes")}</h3>
            <p class="jl-sub">{tr(lang, "view.kpi.jes_help")}</p>
            {move || value().map(|(v, formula)| view! {
                <div class="jl-kpi"><div class="value" data-testid="jes-value">{v}</div></div>
                <pre class="jl-formula" data-testid="jes-formula">{formula}</pre>
            })}
            <TableCard id="jes-components" title="view.kpi.jes_components" table=components />
        </section>
    }
}

#[component]
fn ImpactCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let table = Signal::derive(move || {
        state
            .report
            .with(|r| Some(tables::impact(lang, &r.as_ref()?.kpis.impact)))
    });
    view! {
        <div data-testid="impact">
            <TableCard id="experience-impact" title="view.kpi.impact" table=table />
        </div>
    }
}

/// A KPI period ("2025-10") in the UI language, or "n/a" when there is none.
fn period_label(lang: crate::i18n::Lang, period: Option<&str>) -> String {
    period.map_or_else(|| format::not_available(lang), |p| format::period(lang, p))
}
