//! The filter bar shared by every view: one multi-select per dimension, a date range, how
//! many customers and events the filter keeps, "Download report (JSON)" and "Print / save as
//! PDF".

use super::dom;
use super::state::{use_lang, Analysis, DataState, Look};
use crate::analytics::journeys::{JourneyScope, JOURNEY};
use crate::analytics::Filter;
use crate::dataset::DimKey;
use crate::format;
use crate::i18n::{tr, trc, Arg, Lang};
use crate::present::message::dimension_in_file;
use crate::present::message::{render, report_json};
use crate::present::tables::FilterDimension;
use leptos::prelude::*;

/// Each filterable dimension with its values (counted once per load,
/// `Current::filter_dims`), named in `lang`. The journey is left out while the journey
/// selector above the views offers it.
fn dimension_values(data: DataState, lang: Lang) -> Vec<FilterDimension> {
    let choice = !data.journey_choice().is_empty();
    data.current.with(|c| match c {
        Some(c) => c
            .filter_dims
            .iter()
            .filter(|d| !(choice && d.key == JOURNEY))
            .map(|d| FilterDimension {
                label: dimension_in_file(lang, d.key, &c.loaded.dataset, &c.loaded.report.mapping),
                ..d.clone()
            })
            .collect(),
        None => Vec::new(),
    })
}

/// The filter without the journey scope when the selector shows it: what "Clear filters"
/// clears and the filter count counts. The journey is a scope the views are in, chosen
/// with its own selector, not one filter among the others.
fn beyond_journey(data: DataState, f: &Filter) -> Filter {
    if data.journey_choice().is_empty() {
        f.clone()
    } else {
        JourneyScope::All.apply(f.clone())
    }
}

/// A dimension's name as the filter bar shows it (an extra column by its header), for the
/// summaries outside the bar: the locked-filter chips of an embed, the print heading.
pub fn dimension_label(data: DataState, lang: Lang, key: DimKey) -> String {
    data.current.with(|c| match c {
        Some(c) => crate::present::message::dimension_in_file(
            lang,
            key,
            &c.loaded.dataset,
            &c.loaded.report.mapping,
        ),
        None => crate::present::message::dimension(lang, key, None),
    })
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let dims = Memo::new(move |_| dimension_values(data, lang));
    // On a phone the filters fold behind one button (CSS shows it under 600 px only); the
    // kept count stays in sight either way.
    let open = RwSignal::new(false);

    view! {
        <div
            class="jl-filterbar"
            class:open=move || open.get()
            role="search"
            aria-label=tr(lang, "filter.label")
            data-testid="filter-bar"
        >
            <FilterToggle open />
            <div class="jl-filter-body" id="jl-filter-body">
                <For each=move || dims.get() key=|d| (d.key, d.label.clone(), d.values.len()) let:item>
                    <DimensionFilter key=item.key label=item.label values=item.values />
                </For>
                <DateRange />
                <ClearFilters />
                <DownloadReport />
                // Beside the other report of the current view, not in the header: there it
                // wrapped the sticky header onto a second row in ca/es/pl at 1280 px, which
                // then covered the top of whatever was scrolled under it.
                <super::print::PrintMenu />
            </div>
            <FilterOutcome />
        </div>
    }
}

/// The phone's "Filters (n)" button that folds the filters open and shut.
#[component]
fn FilterToggle(open: RwSignal<bool>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let chosen = move || {
        analysis.filter.with(|f| {
            let f = beyond_journey(data, f);
            f.dims.values().map(|s| s.len()).sum::<usize>()
                + usize::from(f.from.is_some())
                + usize::from(f.to.is_some())
        })
    };
    view! {
        <button
            type="button"
            class="jl-btn jl-filter-toggle"
            data-action="toggle-filters"
            aria-expanded=move || open.get().to_string()
            aria-controls="jl-filter-body"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {tr(lang, "filter.label")}
            {move || match chosen() {
                0 => String::new(),
                n => format!(" ({n})"),
            }}
        </button>
    }
}

/// "From" and "to" dates, shown when the data has a time column.
#[component]
fn DateRange() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let has_time = move || {
        data.current.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.loaded.dataset.timestamp.is_some())
        })
    };
    view! {
        <Show when=has_time>
            <label>
                {tr(lang, "filter.from")}
                <input
                    type="date"
                    data-testid="filter-from"
                    prop:value=move || analysis.filter.with(|f| f.from.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        analysis.filter.update(|f| f.from = (!v.is_empty()).then_some(v));
                    }
                />
            </label>
            <label>
                {tr(lang, "filter.to")}
                <input
                    type="date"
                    data-testid="filter-to"
                    prop:value=move || analysis.filter.with(|f| f.to.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        analysis.filter.update(|f| f.to = (!v.is_empty()).then_some(v));
                    }
                />
            </label>
        </Show>
    }
}

/// "Clear filters", shown while a filter beyond the journey is set.
#[component]
fn ClearFilters() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let active = move || !analysis.filter.with(|f| beyond_journey(data, f).is_empty());
    view! {
        <Show when=active>
            <button class="jl-btn" data-action="clear-filters" on:click=move |_| {
                // The journey on screen stays: only the filters within it go.
                let keep = if data.journey_choice().is_empty() {
                    JourneyScope::All
                } else {
                    analysis.filter.with_untracked(JourneyScope::of)
                };
                analysis.filter.set(keep.apply(Filter::default()));
            }>
                {tr(lang, "filter.clear")}
            </button>
        </Show>
    }
}

/// "Download report (JSON)": the locale-free report as computed.
#[component]
fn DownloadReport() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let download_report = move |_| {
        if let Some(r) = analysis.raw_report.get_untracked() {
            dom::download(
                &super::snapshot::file_name(data, lang, "report", "json"),
                "application/json",
                report_json(&r).as_bytes(),
            );
        }
    };
    view! {
        // Disabled while a computation runs, so the file is never the previous report.
        <button
            class="jl-btn"
            data-action="download-report"
            on:click=download_report
            disabled=move || analysis.computing.get()
            aria-busy=move || analysis.computing.get().to_string()
        >
            {tr(lang, "report.download")}
        </button>
    }
}

/// How many customers and events the filter keeps, in the report's words.
fn kept_text(analysis: Analysis, lang: Lang) -> Option<String> {
    analysis.report.with(|r| {
        r.as_ref().map(|r| {
            trc(
                lang,
                "filter.kept",
                &[
                    ("customers", Arg::Count(r.selection.customers as i64)),
                    (
                        "events",
                        Arg::Text(&format::count(lang, r.selection.events as usize)),
                    ),
                    (
                        "total",
                        Arg::Text(&format::count(lang, r.selection.total_events as usize)),
                    ),
                ],
            )
        })
    })
}

/// What the filter keeps (customers, events), the date span it covers, and the parts of it
/// that could not be applied.
#[component]
fn FilterOutcome() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    // Parts of the filter that could not be applied (a date that is not one).
    let notes = move || {
        analysis.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    let notes = &r.selection.notes;
                    notes.iter().map(|n| render(lang, n)).collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // The date inputs draw dates the browser's way; this says the span in the UI language.
    let span = move || {
        let (lo, hi) = data.current.with(|c| c.as_ref()?.prepared.time_range())?;
        let (from, to) = analysis.filter.with(|f| (f.from.clone(), f.to.clone()));
        let from = from.map_or_else(|| format::date(lang, lo), |d| format::iso_date(lang, &d));
        let to = to.map_or_else(|| format::date(lang, hi), |d| format::iso_date(lang, &d));
        Some(format!("{from} – {to}"))
    };
    view! {
        <span class="jl-filter-count" data-testid="filter-count" aria-live="polite">{move || kept_text(analysis, lang)}</span>
        <span class="jl-date-span" data-testid="date-span">{span}</span>
        {move || notes().into_iter().map(|n| view! { <span class="jl-note" data-testid="filter-note">{n}</span> }).collect_view()}
    }
}

/// A dropdown of checkboxes for one dimension (OR within it).
#[component]
fn DimensionFilter(key: DimKey, label: String, values: Vec<String>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let chosen = move || {
        analysis
            .filter
            .with(|f| f.dims.get(&key).map(|s| s.len()).unwrap_or(0))
    };
    let summary_label = label.clone();
    // A click outside an open menu closes it, as users expect of a dropdown (opening
    // another menu closes this one too).
    let menu = NodeRef::<leptos::html::Details>::new();
    let _ = leptos_use::on_click_outside(menu, move |_| {
        if let Some(el) = menu.get_untracked() {
            let _ = el.remove_attribute("open");
        }
    });
    view! {
        <details class="jl-dim-filter" data-dimension=key.to_string() node_ref=menu>
            <summary class="jl-btn">
                {summary_label}
                {move || match chosen() {
                    0 => String::new(),
                    n => format!(" ({n})"),
                }}
            </summary>
            <div class="jl-dim-options" role="group" aria-label=label>
                {values
                    .into_iter()
                    .map(|v| {
                        let v_c = v.clone();
                        let v_t = v.clone();
                        view! {
                            <label class="jl-check">
                                <input
                                    type="checkbox"
                                    value=v.clone()
                                    prop:checked=move || {
                                        analysis.filter.with(|f| f.dims.get(&key).is_some_and(|s| s.contains(&v_c)))
                                    }
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        analysis.filter.update(|f| {
                                            let set = f.dims.entry(key).or_default();
                                            if on {
                                                set.insert(v_t.clone());
                                            } else {
                                                set.remove(&v_t);
                                            }
                                            if set.is_empty() {
                                                f.dims.remove(&key);
                                            }
                                        });
                                    }
                                />
                                <span>{crate::present::labels::category(lang, &v).into_owned()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </details>
    }
}
