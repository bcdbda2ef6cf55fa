//! "Print / save as PDF": the current view, or all four one after another, laid out as a
//! report by the print stylesheet (title, data source, filters, date, every chart with
//! its table, no buttons).
//!
//! While printing, charts are redrawn at a high pixel ratio so they stay crisp on paper,
//! and every chart shows its table. The layout stays until the browser's `afterprint`, so
//! the print preview (and a headless `page.pdf()`) sees it.

use super::dom;
use super::filter_bar::dimension_label;
use super::state::{use_lang, Analysis, DataState, Look, Tab};
use crate::analytics::journeys::JOURNEY;
use crate::analytics::Filter;
use crate::format::iso_date;
use crate::i18n::{tr, trf, Lang};
use crate::present::labels::category;
use leptos::prelude::*;
use std::borrow::Cow;

/// Pixel ratio charts are drawn at for paper: 3 × CSS pixels is about 300 dpi.
const PRINT_RATIO: f64 = 3.0;

/// Whether a print layout is on, and whether it holds all four views.
#[derive(Clone, Copy)]
pub struct Printing {
    pub on: RwSignal<bool>,
    pub all: RwSignal<bool>,
}

impl Printing {
    pub fn new() -> Printing {
        let p = Printing {
            on: RwSignal::new(false),
            all: RwSignal::new(false),
        };
        // The browser's own Print command (Ctrl+P) gets crisp charts and tables too.
        for (event, on) in [("beforeprint", true), ("afterprint", false)] {
            // Kept for the page's life: the printing state is the app's own.
            let _ = window_event_listener_untyped(event, move |_| {
                p.on.set(on);
                if !on {
                    p.all.set(false);
                }
            });
        }
        p
    }
}

/// The ratio a chart draws at: the screen's, or [`PRINT_RATIO`] while printing. Tracks
/// the print state, so charts redraw when it changes.
pub fn chart_ratio() -> f64 {
    let screen = dom::device_pixel_ratio();
    match use_context::<Printing>() {
        Some(p) if p.on.get() => screen.max(PRINT_RATIO),
        _ => screen,
    }
}

/// Whether tables are shown because a print layout is on.
pub fn printing() -> bool {
    use_context::<Printing>().is_some_and(|p| p.on.get())
}

fn start(p: Printing, all: bool) {
    p.all.set(all);
    p.on.set(true);
    leptos::task::spawn_local(async move {
        // Let the views mount and the charts draw at print resolution first.
        dom::sleep_ms(600).await;
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}

#[component]
pub fn PrintMenu() -> impl IntoView {
    let p = expect_context::<Printing>();
    let lang = use_lang();
    view! {
        <details class="jl-print-menu jl-no-print">
            <summary class="jl-btn" data-action="print">{tr(lang, "print.action")}</summary>
            <div class="jl-print-options">
                <button type="button" class="jl-btn" data-action="print-view" on:click=move |_| start(p, false)>
                    {tr(lang, "print.view")}
                </button>
                <button type="button" class="jl-btn" data-action="print-all" on:click=move |_| start(p, true)>
                    {tr(lang, "print.all")}
                </button>
            </div>
        </details>
    }
}

/// The report's heading, shown only on paper.
#[component]
pub fn PrintHead() -> impl IntoView {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let p = expect_context::<Printing>();
    let lang = look.lang.get_untracked();
    let title = move || {
        if p.all.get() {
            tr(lang, "print.all_title")
        } else {
            tr(lang, look.tab.get().label_key())
        }
    };
    let filters = move || analysis.filter.with(|f| describe_filters(data, lang, f));
    let today = move || {
        let now = js_sys::Date::now() / 1000.0;
        crate::format::date(lang, now as i64)
    };
    view! {
        <header class="jl-print-head" data-testid="print-head">
            <h1>{tr(lang, "app.name")}" — "{title}</h1>
            <p>{move || trf(lang, "print.source", &[("name", &data.dataset_name(lang))])}</p>
            <p>{move || trf(lang, "print.filters", &[("filters", &filters())])}</p>
            <p>{move || trf(lang, "print.date", &[("date", &today())])}</p>
        </header>
    }
}

/// The filters in words, for the printed heading and a downloaded image:
/// "Channel: Email, Web; 01/03/2024 – …", or "none (all data)".
pub fn describe_filters(data: DataState, lang: Lang, f: &Filter) -> String {
    let mut parts: Vec<String> = f
        .dims
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            let values: Vec<Cow<str>> = v.iter().map(|v| category(lang, v)).collect();
            format!("{}: {}", dimension_label(data, lang, *k), values.join(", "))
        })
        .collect();
    if f.from.is_some() || f.to.is_some() {
        let day = |d: &Option<String>| d.as_deref().map_or("…".into(), |d| iso_date(lang, d));
        parts.push(format!("{} – {}", day(&f.from), day(&f.to)));
    }
    // With a choice of journeys the scope is always named, "all journeys" included: a
    // page without it could be either.
    if !data.journey_choice().is_empty() && !f.dims.contains_key(&JOURNEY) {
        parts.insert(0, tr(lang, "journeys.all_short"));
    }
    if parts.is_empty() {
        tr(lang, "print.no_filters")
    } else {
        parts.join("; ")
    }
}

/// The views to lay out: the current one, or all four while printing them all.
pub fn views_to_show(look: Look) -> Vec<Tab> {
    let p = use_context::<Printing>();
    if p.is_some_and(|p| p.all.get()) {
        vec![Tab::Funnel, Tab::Experience, Tab::Nps, Tab::Kpis]
    } else {
        vec![look.tab.get()]
    }
}
