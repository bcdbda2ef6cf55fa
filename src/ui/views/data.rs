//! The Data view: where the data came from, how it loaded, and the settings.

use crate::format;
use crate::i18n::{fill, tr};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn DataView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let summary = move || {
        state.current.with(|c| {
            c.as_ref().map(|c| {
                let r = &c.loaded.report;
                fill(
                    tr(lang, "load.summary"),
                    &[
                        ("loaded", &format::count(lang, r.rows_loaded as usize)),
                        ("rejected", &format::count(lang, r.rows_rejected as usize)),
                    ],
                )
            })
        })
    };
    let customers = move || {
        state
            .current
            .with(|c| c.as_ref().map(|c| c.loaded.dataset.customer_count()))
    };
    view! {
        <section class="jl-card" data-view="data">
            <h2>{tr(lang, "nav.data")}</h2>
            <p data-testid="load-summary">{summary}</p>
            <p data-testid="customer-count">
                {move || customers().map(|n| fill(tr(lang, "data.customers"), &[("n", &format::count(lang, n))]))}
            </p>
        </section>
    }
}
