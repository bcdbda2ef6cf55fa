//! Embedded in a host page (browser glue for [`crate::share::embed`] and
//! [`crate::share::message`]): compact layout without header, read-only filter chips,
//! hidden parts, the content height reported to the host, and the message API.
//!
//! Messages are obeyed only from the origins listed in `?origin=`; from anyone else they
//! are dropped before being read. What the app announces (`ready`, `state`, `loaded`,
//! `error`) goes only to those origins; the height goes to any parent, since it says no
//! more than the iframe's own size.

use super::filter_bar::dimension_label;
use super::share::{self, tab_of, view_of};
use super::state::{use_lang, Analysis, AppState, DataState, Source};
use crate::analytics::journeys::{JourneyScope, JOURNEY};
use crate::i18n::{tr, trf};
use crate::share::message::{self, AppMessage};
use crate::share::{EmbedOptions, HostMessage, Incoming, LoadData};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The embedding options of this page, shared through context.
#[derive(Clone)]
pub struct Embed(pub Arc<EmbedOptions>);

pub fn options() -> EmbedOptions {
    EmbedOptions::parse(&share::search())
}

/// Marks `<html>` so the stylesheet switches to the compact embedded layout, and adds the
/// rules that hide the `hide=` parts (their names are validated to `[a-z0-9-]`).
pub fn prepare_page(opts: &EmbedOptions) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let mut classes = vec!["jl-embed"];
        if opts.locks.settings {
            classes.push("jl-lock-settings");
        }
        let old = root.get_attribute("class").unwrap_or_default();
        let _ = root.set_attribute("class", format!("{old} {}", classes.join(" ")).trim());
    }
    let css = opts.hide_css();
    if css.is_empty() {
        return;
    }
    if let (Ok(style), Ok(Some(head))) = (doc.create_element("style"), doc.query_selector("head")) {
        style.set_text_content(Some(&css));
        let _ = head.append_child(&style);
    }
}

fn parent() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let parent = w.parent().ok().flatten()?;
    // Not framed: the parent is the window itself.
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}

/// Sends one message to the host: to any parent if it is public, else to each listed origin.
fn post(opts: &EmbedOptions, msg: &AppMessage) {
    let Some(parent) = parent() else { return };
    let Ok(value) = js_sys::JSON::parse(&msg.to_json()) else {
        return;
    };
    if msg.is_public() {
        let _ = parent.post_message(&value, "*");
        return;
    }
    let host = host_origin();
    for origin in &opts.origins {
        // Posting to a listed origin that is not the parent's is refused by the browser
        // with a console error; where the browser says who the parent is, ask only it.
        if host.as_ref().is_none_or(|h| h == origin.as_str()) {
            let _ = parent.post_message(&value, origin.as_str());
        }
    }
}

/// The embedding page's origin, where the browser tells (`location.ancestorOrigins`).
fn host_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let list = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok()?;
    let first = js_sys::Reflect::get(&list, &JsValue::from_f64(0.0)).ok()?;
    first
        .as_string()
        .and_then(|o| crate::share::Origin::parse(&o))
        .map(|o| o.as_str().to_string())
}

/// Reports the content height whenever it changes, so the host can size the iframe.
fn report_height(opts: Arc<EmbedOptions>) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let body: web_sys::Element = body.into();
    let size = leptos_use::use_element_size_with_options(
        body,
        leptos_use::UseElementSizeOptions::default()
            .box_(web_sys::ResizeObserverBoxOptions::BorderBox),
    );
    // Posting to the host is the outside world; the last height sent is kept so an
    // unchanged one is not sent again.
    let last = StoredValue::new(0u32);
    Effect::new(move |_| {
        let height = size.height.get().ceil().max(0.0) as u32;
        if height != 0 && height != last.get_value() {
            last.set_value(height);
            post(&opts, &AppMessage::Height { height });
        }
    });
}

/// Obeys one validated message from a listed origin.
fn obey(state: AppState, msg: HostMessage) {
    match msg {
        HostMessage::SetView(view) => state.look.tab.set(tab_of(view)),
        // The journey is a scope of its own: new filters apply within the journey shown,
        // unless they name journeys themselves.
        HostMessage::SetFilters(filter) => {
            let scope = state.analysis.filter.with_untracked(JourneyScope::of);
            let keep =
                !state.data.journey_choice().is_empty() && !filter.dims.contains_key(&JOURNEY);
            state
                .analysis
                .filter
                .set(if keep { scope.apply(filter) } else { filter });
        }
        HostMessage::SetJourney(scope) => {
            let journeys = state.data.journey_choice();
            let usable = match &scope {
                JourneyScope::All => true,
                JourneyScope::One(name) => journeys.iter().any(|j| &j.name == name),
            };
            if usable {
                state
                    .analysis
                    .filter
                    .update(|f| *f = scope.apply(std::mem::take(f)));
            } else {
                state.data.error.set(Some(trf(
                    state.look.lang.get_untracked(),
                    "journeys.unknown",
                    &[("name", scope.key())],
                )));
            }
        }
        HostMessage::SetKpiPeriod(period) => {
            state.analysis.settings.update(|s| s.kpi_period = period)
        }
        HostMessage::SetTheme(theme) => share::set_theme(state.look, theme),
        HostMessage::SetLang(lang) => {
            // The whole tree rebuilds in the new language; data and filters are kept.
            if lang != state.look.lang.get_untracked() {
                state.look.lang.set(lang);
            }
        }
        HostMessage::Load { data, meta } => {
            if let Some(meta) = meta {
                // Applied once the data is loaded, over that data's remembered settings.
                super::state::override_next_load(move |mut s| {
                    if meta.stage_order.is_some() {
                        s.stage_order = meta.stage_order.clone();
                    }
                    if meta.conversion_stage.is_some() {
                        s.conversion_stage = meta.conversion_stage.clone();
                    }
                    s.targets.extend(meta.targets.clone());
                    s
                });
            }
            match data {
                LoadData::Csv(text) => {
                    state.load_bytes(text.into_bytes(), Source::Pasted, Default::default())
                }
                LoadData::Events(json) => {
                    state.load_bytes(json.into_bytes(), Source::Pasted, Default::default())
                }
                LoadData::Feed(url) => {
                    leptos::task::spawn_local(async move { state.load_feed(&url).await })
                }
            }
        }
    }
}

/// Listens for host messages and announces the app's own events to the host.
pub fn install(state: AppState, link: share::LinkState, opts: Arc<EmbedOptions>) {
    report_height(opts.clone());
    let listen_opts = opts.clone();
    // Kept for the page's life: the host may write at any time.
    let _ = window_event_listener(leptos::ev::message, move |e| {
        if !listen_opts.trusts(&e.origin()) {
            return;
        }
        let Some(text) = js_sys::JSON::stringify(&e.data())
            .ok()
            .and_then(|s| s.as_string())
        else {
            return;
        };
        match message::parse(&text) {
            Incoming::Valid(msg) => obey(state, msg),
            Incoming::Invalid(reason) => post(&listen_opts, &AppMessage::Error { message: reason }),
            Incoming::NotOurs | Incoming::Unknown(_) => {}
        }
    });
    if opts.origins.is_empty() {
        return;
    }
    post(
        &opts,
        &AppMessage::Ready {
            view: view_of(state.look.tab.get_untracked()),
        },
    );
    let o = opts.clone();
    Effect::new(move |_| {
        let Some(v) = share::current_view_state(state, link) else {
            return;
        };
        post(
            &o,
            &AppMessage::State {
                view: v.view.unwrap_or(crate::share::View::Data),
                journey: v.journey.as_ref().map(|j| j.key().to_string()),
                query: v.to_query(),
                filter: v.filter,
            },
        );
    });
    let o = opts.clone();
    Effect::new(move |_| {
        state.data.current.with(|c| {
            if let Some(c) = c {
                post(
                    &o,
                    &AppMessage::Loaded {
                        name: c.name(state.look.lang.get_untracked()),
                        rows: c.loaded.report.rows_loaded as u64,
                        rejected: c.loaded.report.rows_rejected as u64,
                        customers: c.loaded.dataset.customer_count() as u64,
                    },
                );
            }
        })
    });
    Effect::new(move |_| {
        if let Some(message) = state.data.error.get() {
            post(&opts, &AppMessage::Error { message });
        }
    });
}

/// The filters as read-only chips: the embedder chose them, the viewer sees what they are.
#[component]
pub fn LockedFilters() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let chips = move || {
        analysis.filter.with(|f| {
            let mut chips: Vec<(String, String)> = f
                .dims
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| {
                    let values: Vec<&str> = v.iter().map(String::as_str).collect();
                    (dimension_label(data, lang, *k), values.join(", "))
                })
                .collect();
            match (&f.from, &f.to) {
                (None, None) => {}
                (from, to) => chips.push((
                    tr(lang, "embed.dates"),
                    format!(
                        "{} – {}",
                        from.as_deref().unwrap_or("…"),
                        to.as_deref().unwrap_or("…")
                    ),
                )),
            }
            chips
        })
    };
    view! {
        <div class="jl-filterbar jl-locked" role="group" aria-label=tr(lang, "embed.locked") data-testid="locked-filters">
            {move || {
                let chips = chips();
                if chips.is_empty() {
                    view! { <span class="jl-chip">{tr(lang, "embed.no_filters")}</span> }.into_any()
                } else {
                    chips
                        .into_iter()
                        .map(|(label, values)| {
                            view! {
                                <span class="jl-chip" data-testid="filter-chip">
                                    <strong>{label}": "</strong>
                                    {values}
                                </span>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </div>
    }
}

/// Whether filters are read-only here.
pub fn filters_locked(embed: &Embed) -> bool {
    embed.0.embed && embed.0.locks.filters
}
