//! The Leptos components: the only module that touches the DOM.
//!
//! State lives in one [`state::AppState`] of signals provided as context; every view reads
//! the latest analytics report from it and never computes anything itself.

mod chart;
mod dom;
mod feed;
mod filter_bar;
mod loader;
mod persist;
mod resilience;
mod state;
mod views;
mod workers;

use crate::i18n::tr;
use leptos::prelude::*;
use state::{AppState, Tab};

/// Mounts the app on `<body>`.
pub fn start() {
    resilience::install_panic_hook();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.boot();

    view! {
        <Header />
        <main class="jl-main" id="main">
            <views::StartOffer />
            <views::Status />
            <filter_bar::FilterBar />
            {move || match state.tab.get() {
                Tab::Data => view! { <views::DataView /> }.into_any(),
                Tab::Funnel => view! { <views::FunnelView /> }.into_any(),
                Tab::Experience => view! { <views::ExperienceView /> }.into_any(),
                Tab::Nps => view! { <views::NpsView /> }.into_any(),
                Tab::Kpis => view! { <views::KpiView /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <header class="jl-header">
            <div class="jl-brand">
                <svg viewBox="0 0 32 32" aria-hidden="true">
                    <rect width="32" height="32" rx="7" fill="var(--jl-accent)" />
                    <path d="M6 9h20l-6 7v7l-8 3V16z" fill="#fff" />
                </svg>
                <span>{tr(lang, "app.name")}</span>
                <span class="jl-dataset-name" data-testid="dataset-name">
                    {move || state.dataset_name()}
                </span>
            </div>
            <nav class="jl-nav" aria-label=tr(lang, "nav.label")>
                {Tab::ALL
                    .iter()
                    .map(|&tab| {
                        view! {
                            <button
                                type="button"
                                data-tab=tab.key()
                                aria-current=move || (state.tab.get() == tab).then_some("page")
                                on:click=move |_| state.tab.set(tab)
                            >
                                {tr(lang, tab.label_key())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="jl-header-tools">
                <button
                    type="button"
                    class="jl-btn"
                    title=tr(lang, "theme.toggle")
                    aria-label=tr(lang, "theme.toggle")
                    on:click=move |_| state.toggle_theme()
                >
                    {move || if state.dark.get() { "☀" } else { "☾" }}
                </button>
            </div>
        </header>
    }
}
