//! One component per view, plus the status line every view shares.

mod data;
mod settings;

pub use data::DataView;

use super::state::{AppState, Tab};
use crate::i18n::tr;
use leptos::prelude::*;

/// Load progress and the last error, shown above every view.
#[component]
pub fn Status() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        {move || {
            state
                .error
                .get()
                .map(|msg| {
                    view! {
                        <div class="jl-error" role="alert" data-testid="error">
                            {msg}
                            " "
                            <button class="jl-btn" on:click=move |_| state.error.set(None)>
                                {tr(lang, "action.dismiss")}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// A view that is not built yet.
#[component]
pub fn Coming(tab: Tab) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="jl-card jl-placeholder" data-view=tab.key()>
            <h2>{tr(lang, tab.label_key())}</h2>
            <p>{tr(lang, "coming")}</p>
        </section>
    }
}
