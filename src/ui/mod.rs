//! The Leptos components: the only module that touches the DOM.
//!
//! State lives in three contexts of signals ([`state::Look`], [`state::DataState`],
//! [`state::Analysis`], and [`state::AppState`] for what spans them); every view reads
//! the latest analytics report from [`state::Analysis`] and never computes anything itself.

mod chart;
mod dom;
mod embed;
mod feed;
mod file_picker;
mod files;
mod filter_bar;
mod keynav;
mod loader;
mod persist;
mod print;
mod resilience;
mod share;
mod snapshot;
mod state;
mod stepped;
mod summary;
mod update;
mod views;
mod workers;

use crate::i18n::{tr, Lang};
use leptos::prelude::*;
use state::{AppState, DataState, Look, Tab};

/// Mounts the app on `<body>`.
pub fn start() {
    resilience::install_panic_hook();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    let opts = std::sync::Arc::new(embed::options());
    let embedded = opts.embed;
    if embedded {
        embed::prepare_page(&opts);
    }
    // Embedded without `view=`, the funnel is the view worth showing, not the Data tab.
    let default_view = embedded.then_some(crate::share::View::Funnel);
    let link = share::apply_start(&state, embedded, default_view);
    state.provide();
    provide_context(link);
    provide_context(print::Printing::new());
    let locked = embed::filters_locked(&embed::Embed(opts.clone()));
    provide_context(embed::Embed(opts.clone()));
    state.boot();
    share::install(state, link);
    embed::install(state, link, opts);

    // A language change rebuilds the whole tree in the new language; the data, filters,
    // settings and the open tab are signals outside it, so nothing is reloaded.
    move || {
        let lang = state.look.lang.get();
        let view_title = move || tr(lang, state.look.tab.get().label_key());
        view! {
            <a class="jl-skip" href="#main">{tr(lang, "a11y.skip")}</a>
            {(!embedded).then(|| view! { <Header /> })}
            <main class="jl-main" id="main" tabindex="-1">
                // The report heading (an h1, shown only on paper) comes before the view's
                // h2, so the headings stay in order for screen readers.
                <print::PrintHead />
                <h2 class="jl-visually-hidden" data-testid="view-title">{view_title}</h2>
                <update::UpdateNotice />
                <share::LinkNotice />
                <chart::ChartKeysHint />
                <views::StartOffer />
                <views::Status />
                <summary::SummaryBanner />
                {(!locked).then(|| view! { <views::JourneyPicker /> })}
                {if locked {
                    view! { <embed::LockedFilters /> }.into_any()
                } else {
                    view! { <filter_bar::FilterBar /> }.into_any()
                }}
                <views::PathChip />
                {move || {
                    print::views_to_show(state.look)
                        .into_iter()
                        .map(|tab| view! { <div class="jl-view">{tab_view(tab)}</div> })
                        .collect_view()
                }}
            </main>
        }
    }
}

fn tab_view(tab: Tab) -> AnyView {
    match tab {
        Tab::Map => view! { <views::JourneyMapView /> }.into_any(),
        Tab::Data => view! { <views::DataView /> }.into_any(),
        Tab::Funnel => view! { <views::FunnelView /> }.into_any(),
        Tab::Experience => view! { <views::ExperienceView /> }.into_any(),
        Tab::Nps => view! { <views::NpsView /> }.into_any(),
        Tab::Kpis => view! { <views::KpiView /> }.into_any(),
        Tab::Flows => view! { <views::FlowsView /> }.into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let lang = look.lang.get_untracked();
    view! {
        <header class="jl-header">
            <div class="jl-brand">
                <svg viewBox="0 0 32 32" aria-hidden="true">
                    <rect width="32" height="32" rx="7" fill="var(--jl-accent)" />
                    <path d="M6 9h20l-6 7v7l-8 3V16z" fill="#fff" />
                </svg>
                <h1 class="jl-app-name">{tr(lang, "app.name")}</h1>
                <span class="jl-dataset-name" data-testid="dataset-name">
                    {move || data.dataset_name(lang)}
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
                                aria-current=move || (look.tab.get() == tab).then_some("page")
                                on:click=move |_| look.tab.set(tab)
                            >
                                {tr(lang, tab.label_key())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="jl-header-tools">
                <LangSwitcher />
                <button
                    type="button"
                    class="jl-btn"
                    title=tr(lang, "theme.toggle")
                    aria-label=tr(lang, "theme.toggle")
                    on:click=move |_| look.toggle_theme()
                >
                    {move || if look.dark.get() { "☀" } else { "☾" }}
                </button>
            </div>
        </header>
    }
}

/// The language menu: each language in its own name, so a visitor finds theirs whatever
/// the page is showing. Choosing one switches at once; keyboard focus comes back to the
/// menu in the rebuilt header.
#[component]
fn LangSwitcher() -> impl IntoView {
    let look = expect_context::<Look>();
    let current = look.lang.get_untracked();
    let select = NodeRef::<leptos::html::Select>::new();
    if REFOCUS.with(|f| f.replace(false)) {
        Effect::new(move |_| {
            if let Some(el) = select.get() {
                let _ = el.focus();
            }
        });
    }
    view! {
        <select
            class="jl-lang"
            node_ref=select
            data-testid="lang-switcher"
            aria-label="Language / Idioma / Język"
            on:change=move |ev| {
                if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                    REFOCUS.with(|f| f.set(true));
                    look.set_lang(lang);
                }
            }
        >
            {Lang::ALL
                .iter()
                .map(|&l| {
                    view! {
                        <option value=l.code() lang=l.code() selected=l == current>
                            {l.native_name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

thread_local! {
    /// Set by the menu just before the switch, so only the rebuilt menu takes focus back.
    static REFOCUS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
