//! The KPI view: the KPI period picker, a card per KPI (value in the period, change vs
//! the comparison period, target status, sparkline), the Journey Excellence Score with its
//! formula, and the experience impact.

use super::coverage::{CoverageLine, Of as CoverageOf};
use crate::analytics::kpis::{Kpi, TargetStatus};
use crate::analytics::{KpiCompare, KpiPeriod, KpiPeriodKind};
use crate::charts::{self, Tone};
use crate::format;
use crate::i18n::{tr, trf, Lang};
use crate::present::tables;
use crate::ui::chart::{draw_on, TableCard};
use crate::ui::dom;
use crate::ui::state::{use_lang, Analysis, DataState, Look};
use crate::ui::views::trend_period::TrendPeriodPicker;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn KpiView() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let count = move || {
        analysis
            .report
            .with(|r| r.as_ref().map(|r| r.kpis.kpis.len()).unwrap_or(0))
    };
    let period = move || {
        analysis.report.with(|r| {
            let k = &r.as_ref()?.kpis;
            k.current_period.as_ref()?;
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
            <PeriodPicker />
            <p class="jl-sub" data-testid="kpi-period-line">{period}</p>
            <p class="jl-sub">{tr(lang, "fair.period_help")}</p>
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
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = look.lang.get_untracked();
    let canvas = NodeRef::<html::Canvas>::new();
    let kpi = move || {
        analysis
            .report
            .with(|r| r.as_ref().and_then(|r| r.kpis.kpis.get(index).cloned()))
    };
    let resize = crate::ui::chart::window_resizes();
    Effect::new(move |_| {
        let dark = look.dark.get();
        resize.track();
        let (Some(el), Some(k)) = (canvas.get(), kpi()) else {
            return;
        };
        let t0 = dom::now_ms();
        draw_on(&el, dark, dom::device_pixel_ratio(), |area, theme| {
            charts::draw_sparkline(area, &k, theme, lang).map_err(|e| e.to_string())
        });
        data.record_draw(dom::now_ms() - t0);
    });
    let periods = move || {
        analysis.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    (
                        r.kpis.current_period.clone(),
                        r.kpis.previous_period.clone(),
                    )
                })
                .unwrap_or_default()
        })
    };
    move || {
        let periods = periods();
        kpi().map(|kpi| view! { <KpiCardBody kpi periods canvas /> })
    }
}

/// One KPI's card: its value in the period, the change against the comparison period,
/// its target status, and the canvas its sparkline is drawn on.
#[component]
fn KpiCardBody(
    kpi: Kpi,
    periods: (Option<String>, Option<String>),
    canvas: NodeRef<html::Canvas>,
) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let k = kpi;
    let (current, previous) = periods;
    let label = charts::kpi_label(lang, &k);
    let card = charts::kpi_card(lang, &k, current.as_deref(), previous.as_deref());
    let value = card.value;
    let needs = k
        .unavailable
        .as_ref()
        .map(|w| crate::present::message::needs_sentence(lang, w, None));
    let delta = card.change.map(|(text, tone)| {
        let class = match tone {
            Tone::Good => "jl-delta good",
            Tone::Bad => "jl-delta bad",
            Tone::Neutral => "jl-delta",
        };
        (class, text)
    });
    let all_data = card.all_data;
    let card_summary = card.summary;
    let period = card.period;
    let status = target_status(lang, &k);
    let summary = charts::sparkline_summary(&k, lang);
    view! {
        <article class="jl-card jl-kpi" data-kpi=k.key.clone() aria-label=card_summary>
            <div class="jl-sub">{label}</div>
            <div class="value" data-testid=format!("kpi-{}", k.key)>{value}</div>
            <div class="jl-kpi-period" data-testid=format!("kpi-{}-period", k.key)>{period}</div>
            {needs.map(|n| view! { <div class="jl-sub">{n}</div> })}
            {delta.map(|(c, t)| view! { <div class=c data-testid=format!("kpi-{}-change", k.key)>{t}</div> })}
            {all_data.map(|t| view! { <div class="jl-delta" data-testid=format!("kpi-{}-all", k.key)>{t}</div> })}
            {status.map(|(c, t)| view! { <span class=c>{t}</span> })}
            <canvas node_ref=canvas role="img" aria-label=summary></canvas>
        </article>
    }
}

/// The KPI's target badge: its class and "met · target 12 %" (none without a target).
fn target_status(lang: Lang, k: &Kpi) -> Option<(&'static str, String)> {
    k.status.map(|s| {
        let (class, key) = match s {
            TargetStatus::Met => ("jl-badge good", "view.kpi.met"),
            TargetStatus::Within10 => ("jl-badge warn", "view.kpi.within"),
            TargetStatus::Missed => ("jl-badge bad", "view.kpi.missed"),
        };
        let target = k
            .target
            .map(|t| charts::kpi_value(lang, k, t))
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
    })
}

#[component]
fn JesCard() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let value = move || {
        analysis.report.with(|r| {
            let j = &r.as_ref()?.kpis.jes;
            Some((
                format::or_na(lang, j.value, |l, v| format::number(l, v, 1)),
                tables::jes_formula(lang, j),
            ))
        })
    };
    let components = Signal::derive(move || {
        analysis
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
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let table = Signal::derive(move || {
        analysis
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
fn period_label(lang: Lang, period: Option<&str>) -> String {
    period.map_or_else(|| format::not_available(lang), |p| format::period(lang, p))
}

/// The KPI period kinds with their option values.
const KINDS: [(KpiPeriodKind, &str); 4] = [
    (KpiPeriodKind::Month, "month"),
    (KpiPeriodKind::Quarter, "quarter"),
    (KpiPeriodKind::Year, "year"),
    (KpiPeriodKind::Custom, "custom"),
];

/// The KPI period: month, quarter, year or custom dates, which one, and what it is compared
/// with. Lives on the KPI view, where its effect is seen.
#[component]
fn PeriodPicker() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let kp = Memo::new(move |_| analysis.settings.with(|s| s.kpi_period.clone()));
    // Read where the control is built, so new data rebuilds it with its own periods.
    let choices = move || {
        analysis
            .report
            .with(|r| r.as_ref().map(|r| r.kpis.period_choices.clone()))
            .unwrap_or_default()
    };
    let set_kind = move |v: String| {
        let kind = KINDS
            .iter()
            .find(|(_, n)| *n == v)
            .map_or(KpiPeriodKind::Month, |(k, _)| *k);
        analysis.settings.update(|s| {
            s.kpi_period.kind = kind;
            s.kpi_period.at = None;
        });
    };
    view! {
        <div class="jl-filterbar" role="group" aria-label=tr(lang, "fair.kpi_period") data-testid="kpi-period">
            <label>
                {tr(lang, "fair.kpi_period")}
                <select data-testid="kpi-period-kind" on:change=move |e| set_kind(event_target_value(&e))>
                    {KINDS.iter().map(|&(k, name)| view! {
                        <option value=name selected=move || kp.with(|p| p.kind == k)>{tr(lang, &format!("fair.kind.{name}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || (kp.with(|p| p.kind) != KpiPeriodKind::Custom).then(|| view! { <PeriodAt kp choices=choices() /> })}
            {move || (kp.with(|p| p.kind) == KpiPeriodKind::Custom).then(|| view! { <PeriodDate which="from" /> <PeriodDate which="to" /> })}
            <label>
                {tr(lang, "fair.compare")}
                <select data-testid="kpi-period-compare" on:change=move |e| {
                    let c = if event_target_value(&e) == "year_before" { KpiCompare::YearBefore } else { KpiCompare::Previous };
                    analysis.settings.update(|s| s.kpi_period.compare = c);
                }>
                    <option value="previous" selected=move || kp.with(|p| p.compare == KpiCompare::Previous)>{tr(lang, "fair.compare.previous")}</option>
                    <option value="year_before" selected=move || kp.with(|p| p.compare == KpiCompare::YearBefore)>{tr(lang, "fair.compare.year_before")}</option>
                </select>
            </label>
            // The sparklines are trends: by week, month or quarter like every other one.
            <TrendPeriodPicker testid="kpis" />
        </div>
    }
}

/// Which month, quarter or year: the latest complete one, or one of `choices` (the data's).
#[component]
fn PeriodAt(kp: Memo<KpiPeriod>, choices: Vec<String>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label>
            {tr(lang, "fair.at")}
            <select data-testid="kpi-period-at" on:change=move |e| {
                let v = event_target_value(&e);
                analysis.settings.update(|s| s.kpi_period.at = (!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || kp.with(|p| p.at.is_none())>{tr(lang, "fair.latest_complete")}</option>
                {choices.into_iter().map(|c| {
                    let shown = format::period(lang, &c);
                    let chosen = c.clone();
                    view! { <option value=c selected=move || kp.with(|p| p.at.as_deref() == Some(chosen.as_str()))>{shown}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The first ("from") or last ("to") day of a custom KPI period.
#[component]
fn PeriodDate(which: &'static str) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let analysis = expect_context::<Analysis>();
    view! {
        <label>
            {tr(lang, if which == "from" { "fair.from" } else { "fair.to" })}
            <input
                type="date"
                data-testid=format!("kpi-period-{which}")
                prop:value=move || analysis.settings.with(|s| {
                    let d = if which == "from" { &s.kpi_period.from } else { &s.kpi_period.to };
                    d.clone().unwrap_or_default()
                })
                on:change=move |e| {
                    let v = event_target_value(&e);
                    let v = (!v.is_empty()).then_some(v);
                    analysis.settings.update(|s| {
                        if which == "from" {
                            s.kpi_period.from = v;
                        } else {
                            s.kpi_period.to = v;
                        }
                    });
                }
            />
        </label>
    }
}
