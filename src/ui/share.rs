//! The page address follows the view (browser glue for [`crate::share::link`]).
//!
//! At start the address is read once: a shared link sets the view, settings, theme and
//! language, and its filters wait until the data the link names is loaded (loading data
//! resets the filters). From then on every change of view, filter or setting rewrites the
//! address: a new history entry for another view or other filters (so Back steps through
//! them), a replaced one for the rest. Back and Forward read the address again.
//!
//! A link to a view of the user's own file names only the file; whoever opens it elsewhere
//! is told which file it expects and offered the picker ([`LinkNotice`]).

use super::dom;
use super::file_picker::FilePicker;
use super::loader::LoadChoices;
use super::state::{use_lang, AppState, Look, Source, Tab};
use crate::analytics::journeys::{self, JourneyScope};
use crate::analytics::Filter;
use crate::i18n::{tr, trf};
use crate::share::{DataRef, Theme, View, ViewState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the start address asked for, shared through context.
#[derive(Clone, Copy)]
pub struct LinkState {
    /// Filters and journey of the link, applied once the data it names is loaded.
    pending: StoredValue<Option<ViewState>>,
    /// The data the link was made with, while other data (or none) is on screen.
    pub expects: RwSignal<Option<DataRef>>,
    /// Embedded: the address is replaced, never pushed (an iframe's entries would land
    /// in the host page's Back button).
    embedded: bool,
    /// The language and theme the visit started with, and whether each belongs in the
    /// address: only when the start link asked for it or it was changed during the visit.
    /// A language or theme that merely came from the browser or a remembered choice stays
    /// out, or the address would override that remembered choice on the next reload.
    start: (crate::i18n::Lang, bool),
    chosen: StoredValue<(bool, bool)>,
}

impl LinkState {
    /// Marks the language or theme as chosen once it differs from the start (the menu, the
    /// theme toggle, a host message), and says whether each belongs in the address.
    fn chosen(self, lang: crate::i18n::Lang, dark: bool) -> (bool, bool) {
        self.chosen.update_value(|(l, t)| {
            *l |= lang != self.start.0;
            *t |= dark != self.start.1;
        });
        self.chosen.get_value()
    }
}

pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

pub fn tab_of(view: View) -> Tab {
    Tab::ALL
        .into_iter()
        .find(|t| t.key() == view.key())
        .unwrap_or(Tab::Funnel)
}

pub fn view_of(tab: Tab) -> View {
    View::from_key(tab.key()).unwrap_or(View::Data)
}

fn data_ref(source: &Source) -> DataRef {
    match source {
        Source::Sample(n) => DataRef::Sample(n.clone()),
        Source::File(n) => DataRef::File(n.clone()),
        Source::Feed(u) => DataRef::Feed(u.clone()),
        Source::Pasted => DataRef::Pasted,
    }
}

/// Whether the data on screen is the data a link was made with. A feed address is
/// compared after the browser resolved it, so only its last path segment must agree
/// when the link held a relative address.
fn same_data(expected: &DataRef, source: &Source) -> bool {
    match (expected, data_ref(source)) {
        (DataRef::Feed(a), DataRef::Feed(b)) => a == &b || b.ends_with(a.trim_start_matches("./")),
        (a, b) => a == &b,
    }
}

/// The sample a link names (`?sample=`), to be opened instead of the remembered data.
pub fn linked_sample() -> Option<String> {
    match ViewState::parse(&search()).data {
        Some(DataRef::Sample(name)) => Some(format!("sample/{name}")),
        _ => None,
    }
}

/// Applies the start address to the fresh state (before the first render) and returns
/// what must wait for data. `view` is the default view when the address names none.
pub fn apply_start(state: &AppState, embedded: bool, default_view: Option<View>) -> LinkState {
    let link = ViewState::parse(&search());
    if let Some(lang) = link.lang {
        state.look.lang.set(lang);
    }
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", state.look.lang.get_untracked().code());
    }
    if let Some(view) = link.view.or(default_view) {
        state.look.tab.set(tab_of(view));
    }
    if link.is_link() {
        state
            .analysis
            .settings
            .update(|s| *s = link.settings_over(s));
        // The data loads later and brings its remembered settings: the link's still win.
        let first = link.clone();
        super::state::override_next_load(move |s| first.settings_over(&s));
    }
    if let Some(theme) = link.theme {
        set_theme(state.look, theme);
    }
    let pending = (!link.filter.is_empty() || link.journey.is_some()).then(|| link.clone());
    LinkState {
        pending: StoredValue::new(pending),
        expects: RwSignal::new(link.data.clone()),
        embedded,
        start: (
            state.look.lang.get_untracked(),
            state.look.dark.get_untracked(),
        ),
        chosen: StoredValue::new((link.lang.is_some(), link.theme.is_some())),
    }
}

/// Shows a theme without remembering it: a link's theme is the sender's, not a choice.
pub fn set_theme(look: Look, theme: Theme) {
    let dark = theme == Theme::Dark;
    look.dark.set(dark);
    dom::set_theme(dark);
}

/// The view state on screen, as the address would carry it.
pub fn current_view_state(state: AppState, link: LinkState) -> Option<ViewState> {
    let source = state
        .data
        .current
        .with(|c| c.as_ref().map(|c| c.source.clone()))?;
    let (lang, dark) = (state.look.lang.get(), state.look.dark.get());
    let (lang_chosen, theme_chosen) = link.chosen(lang, dark);
    let theme = if dark { Theme::Dark } else { Theme::Light };
    let mut v = ViewState {
        view: Some(view_of(state.look.tab.get())),
        lang: lang_chosen.then_some(lang),
        theme: theme_chosen.then_some(theme),
        data: Some(data_ref(&source)),
        ..ViewState::default()
    };
    v.take_filter(
        state.analysis.filter.get(),
        !state.data.journey_choice().is_empty(),
    );
    state.analysis.settings.with(|s| v.take_settings(s));
    Some(v)
}

/// The parameters of the current address that are not view state (`embed=`, `origin=`,
/// debugging switches…), to be written back unchanged.
fn other_params() -> String {
    let pairs: Vec<(String, String)> = crate::share::query::parse(&search())
        .into_iter()
        .filter(|(n, _)| !crate::share::link::is_view_param(n))
        .collect();
    crate::share::query::write(&pairs)
}

fn write_address(query: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let hash = w.location().hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    // `history` through Reflect: one call does not justify another web-sys feature.
    let Ok(history) = js_sys::Reflect::get(&w, &JsValue::from_str("history")) else {
        return;
    };
    let method = if push { "pushState" } else { "replaceState" };
    if let Some(f) = js_sys::Reflect::get(&history, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call3(
            &history,
            &JsValue::NULL,
            &JsValue::from_str(""),
            &JsValue::from_str(&url),
        );
    }
}

/// Wires the address to the state: pending link filters, address updates, Back/Forward.
pub fn install(state: AppState, link: LinkState) {
    // The link's filters apply to the data it was made with, once that is on screen.
    Effect::new(move |_| {
        let Some(source) = state
            .data
            .current
            .with(|c| c.as_ref().map(|c| c.source.clone()))
        else {
            return;
        };
        let expected = link.expects.get_untracked();
        if expected.as_ref().is_none_or(|e| same_data(e, &source)) {
            link.expects.set(None);
            if let Some(linked) = link.pending.try_update_value(Option::take).flatten() {
                state.analysis.filter.set(linked_filter(state, &linked));
            }
        }
    });
    Effect::new(move |_| {
        let next = current_view_state(state, link);
        // Until the link's data is on screen the address keeps saying what it expects.
        if link.expects.get().is_some() || link.pending.with_value(Option::is_some) {
            return;
        }
        let Some(next) = next else { return };
        let query = join(&next.to_query(), &other_params());
        if search().trim_start_matches('?') == query {
            return;
        }
        // Another view or other filters than the address shows is a step Back undoes; the
        // first address of a visit and any other change replace the entry.
        let now = ViewState::parse(&search());
        let push = !link.embedded && now.is_link() && now.is_new_step(&next);
        write_address(&query, push);
    });
    // Kept for the page's life, like the address it follows.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let link = ViewState::parse(&search());
        if let Some(view) = link.view {
            state.look.tab.set(tab_of(view));
        }
        state.analysis.filter.set(linked_filter(state, &link));
        state
            .analysis
            .settings
            .update(|s| *s = link.settings_over(s));
        if let Some(theme) = link.theme {
            set_theme(state.look, theme);
        }
    });
}

/// The filter an address asks for on the data on screen: its journey when the data has
/// it (a link's choice wins over the one the data opened on), else the journey on screen.
fn linked_filter(state: AppState, link: &ViewState) -> Filter {
    let journeys = state
        .data
        .current
        .with_untracked(|c| c.as_ref().map(|c| c.journeys.clone()))
        .unwrap_or_default();
    let on_screen = state.analysis.filter.with_untracked(JourneyScope::of);
    let scope = journeys::opening_scope(&journeys, link.journey.as_ref(), Some(&on_screen));
    link.filter_in(&scope)
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_string(),
        (true, false) => b.to_string(),
        _ => format!("{a}&{b}"),
    }
}

/// Says which file a link was made with and offers the picker, while other data is shown.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = expect_context::<LinkState>();
    let lang = use_lang();
    let on_file = move |file: web_sys::File| {
        leptos::task::spawn_local(
            async move { state.load_file(file, LoadChoices::default()).await },
        );
    };
    move || {
        let expected = link.expects.get()?;
        let text = match &expected {
            DataRef::File(name) => trf(lang, "share.expects_file", &[("name", name)]),
            DataRef::Pasted => tr(lang, "share.expects_pasted"),
            DataRef::Feed(url) => trf(lang, "share.expects_feed", &[("url", url)]),
            // A bundled sample opens by itself (`linked_sample`): nothing to ask for.
            DataRef::Sample(_) => return None,
        };
        Some(view! {
            <div class="jl-card jl-link-notice" role="status" data-testid="link-notice">
                <p>{text}</p>
                <FilePicker label=tr(lang, "share.pick") primary=true testid="link-file-input" on_file />
            </div>
        })
    }
}
