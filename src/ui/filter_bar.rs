//! The filter bar shared by every view: one multi-select per dimension, a date range, how
//! many customers and events the filter keeps, and "Download report (JSON)".

use super::dom;
use super::state::AppState;
use crate::analytics::{report_json, MISSING_LABEL};
use crate::format;
use crate::i18n::{tr, trc, Arg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Distinct values of each filterable dimension, most frequent first, capped so a column
/// of ids does not produce a 100 000-item menu.
fn dimension_values(state: AppState) -> Vec<(String, Vec<String>)> {
    const MAX_VALUES: usize = 200;
    state.current.with(|c| {
        let Some(c) = c else { return Vec::new() };
        let ds = &c.loaded.dataset;
        ds.dimension_keys()
            .into_iter()
            .filter(|k| k != "stage")
            .filter_map(|k| {
                let col = ds.dimension(&k)?;
                let mut counts = vec![0u64; col.values.len()];
                let mut missing = 0u64;
                for &code in &col.codes {
                    match counts.get_mut(code as usize) {
                        Some(n) => *n += 1,
                        None => missing += 1,
                    }
                }
                if col.values.len() > MAX_VALUES || col.values.is_empty() {
                    return None;
                }
                let mut order: Vec<usize> = (0..col.values.len()).collect();
                order.sort_by(|&a, &b| {
                    counts[b]
                        .cmp(&counts[a])
                        .then(col.values[a].cmp(&col.values[b]))
                });
                let mut values: Vec<String> =
                    order.into_iter().map(|i| col.values[i].clone()).collect();
                if missing > 0 {
                    values.push(MISSING_LABEL.to_string());
                }
                Some((k, values))
            })
            .collect()
    })
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let dims = Memo::new(move |_| dimension_values(state));
    // A click outside an open dimension menu closes it, as users expect of a dropdown.
    let handle = window_event_listener(leptos::ev::click, |e| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".jl-dim-filter").ok().flatten());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(open) = doc.query_selector_all(".jl-dim-filter[open]") else {
            return;
        };
        for i in 0..open.length() {
            if let Some(el) = open
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                if inside.as_ref() != Some(&el) {
                    let _ = el.remove_attribute("open");
                }
            }
        }
    });
    on_cleanup(move || handle.remove());

    let kept = move || {
        state.report.with(|r| {
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
    };
    let has_time = move || {
        state.current.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.loaded.dataset.timestamp.is_some())
        })
    };
    let active = move || !state.filter.with(|f| f.is_empty());
    // The date inputs draw dates the browser's way; this says the span in the UI language.
    let span = move || {
        let (lo, hi) = state.current.with(|c| c.as_ref()?.prepared.time_range())?;
        let (from, to) = state.filter.with(|f| (f.from.clone(), f.to.clone()));
        let from = from.map_or_else(|| format::date(lang, lo), |d| format::iso_date(lang, &d));
        let to = to.map_or_else(|| format::date(lang, hi), |d| format::iso_date(lang, &d));
        Some(format!("{from} – {to}"))
    };

    let download_report = move |_| {
        if let Some(r) = state.report.get_untracked() {
            dom::download(
                "journey-lens-report.json",
                "application/json",
                report_json(&r).as_bytes(),
            );
        }
    };

    view! {
        <div class="jl-filterbar" role="search" aria-label=tr(lang, "filter.label") data-testid="filter-bar">
            <For each=move || dims.get() key=|(k, v)| (k.clone(), v.len()) let:item>
                <DimensionFilter key=item.0 values=item.1 />
            </For>
            <Show when=has_time>
                <label>
                    {tr(lang, "filter.from")}
                    <input
                        type="date"
                        data-testid="filter-from"
                        prop:value=move || state.filter.with(|f| f.from.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.filter.update(|f| f.from = (!v.is_empty()).then_some(v));
                        }
                    />
                </label>
                <label>
                    {tr(lang, "filter.to")}
                    <input
                        type="date"
                        data-testid="filter-to"
                        prop:value=move || state.filter.with(|f| f.to.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.filter.update(|f| f.to = (!v.is_empty()).then_some(v));
                        }
                    />
                </label>
                <span class="jl-date-span" data-testid="date-span">{span}</span>
            </Show>
            <Show when=active>
                <button class="jl-btn" data-action="clear-filters" on:click=move |_| state.filter.set(Default::default())>
                    {tr(lang, "filter.clear")}
                </button>
            </Show>
            <span class="jl-filter-count" data-testid="filter-count" aria-live="polite">{kept}</span>
            <button class="jl-btn" data-action="download-report" on:click=download_report>
                {tr(lang, "report.download")}
            </button>
        </div>
    }
}

/// A dropdown of checkboxes for one dimension (OR within it).
#[component]
fn DimensionFilter(key: String, values: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let label = dimension_label(lang, &key);
    let k = key.clone();
    let chosen = move || {
        state
            .filter
            .with(|f| f.dims.get(&k).map(|s| s.len()).unwrap_or(0))
    };
    let summary_label = label.clone();
    view! {
        <details class="jl-dim-filter" data-dimension=key.clone()>
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
                        let key_c = key.clone();
                        let key_t = key.clone();
                        let v_c = v.clone();
                        let v_t = v.clone();
                        view! {
                            <label class="jl-check">
                                <input
                                    type="checkbox"
                                    value=v.clone()
                                    prop:checked=move || {
                                        state.filter.with(|f| f.dims.get(&key_c).is_some_and(|s| s.contains(&v_c)))
                                    }
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.filter.update(|f| {
                                            let set = f.dims.entry(key_t.clone()).or_default();
                                            if on {
                                                set.insert(v_t.clone());
                                            } else {
                                                set.remove(&v_t);
                                            }
                                            if set.is_empty() {
                                                f.dims.remove(&key_t);
                                            }
                                        });
                                    }
                                />
                                <span>{v}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </details>
    }
}

/// The label of a built-in dimension, or an extra column's own header.
pub fn dimension_label(lang: crate::i18n::Lang, key: &str) -> String {
    match key {
        "persona" | "channel" | "journey" | "touchpoint" | "stage" => {
            tr(lang, &format!("role.{key}")).to_string()
        }
        other => other.to_string(),
    }
}
