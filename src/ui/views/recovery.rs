//! The start-up offer after a session that stopped mid-load, and "Forget my data".

use crate::i18n::{tr, trf};
use crate::storage_policy::Phase;
use crate::ui::resilience;
use crate::ui::state::{sample_for, use_lang, AppState, DataState};
use leptos::prelude::*;

/// "The last session stopped while opening X. Reopen it?": shown instead of opening X
/// again on its own, which could fail the same way.
#[component]
pub fn StartOffer() -> impl IntoView {
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let text = move || {
        data.offer.with(|m| {
            m.as_ref().map(|m| {
                let key = match m.phase {
                    Phase::Loading => "start.offer_loading",
                    Phase::Computing => "start.offer_computing",
                };
                let what = if m.what.is_empty() {
                    tr(lang, "start.the_last_dataset")
                } else {
                    m.what.clone()
                };
                trf(lang, key, &[("what", &what)])
            })
        })
    };
    let choose = move |reopen: bool| {
        data.offer.set(None);
        resilience::clear_marker();
        leptos::task::spawn_local(async move {
            if reopen {
                state.open_start().await
            } else {
                state.load_sample(sample_for(lang)).await
            }
        });
    };
    view! {
        <Show when=move || data.offer.with(|m| m.is_some())>
            <section class="jl-note jl-offer" role="alert" data-testid="start-offer">
                <p>{text}</p>
                <div class="jl-row">
                    <button class="jl-btn primary" data-action="reopen" on:click=move |_| choose(true)>
                        {tr(lang, "start.reopen")}
                    </button>
                    <button class="jl-btn" data-action="start-sample" on:click=move |_| choose(false)>
                        {tr(lang, "start.sample")}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// Removes every copy the app keeps in this browser. The data on screen stays until the
/// page goes; auto-refresh stops so it cannot store the feed address again.
#[component]
pub fn ForgetCard() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    // None: idle; Some(None): working; Some(Some(result)): done.
    let status = RwSignal::new(None::<Option<Result<(), String>>>);
    let forget = move |_| {
        status.set(Some(None));
        data.feed_every.set(0);
        leptos::task::spawn_local(async move {
            let result = resilience::forget_everything().await;
            status.set(Some(Some(result)));
        });
    };
    let message = move || {
        status.with(|s| match s {
            None => String::new(),
            Some(None) => tr(lang, "forget.working"),
            Some(Some(Ok(()))) => tr(lang, "forget.done"),
            Some(Some(Err(reason))) => trf(lang, "forget.failed", &[("reason", reason.as_str())]),
        })
    };
    view! {
        <section class="jl-card" data-testid="forget">
            <h2>{tr(lang, "forget.title")}</h2>
            <p class="jl-sub">{tr(lang, "forget.help")}</p>
            <div class="jl-row">
                <button
                    class="jl-btn"
                    data-action="forget-data"
                    disabled=move || status.with(|s| matches!(s, Some(None)))
                    on:click=forget
                >
                    {tr(lang, "forget.action")}
                </button>
                <span role="status" data-testid="forget-status">{message}</span>
            </div>
        </section>
    }
}
