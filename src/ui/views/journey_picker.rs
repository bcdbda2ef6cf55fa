//! "Journey: purchase (586 customers) · support (68) · All journeys": the selector above
//! every view when the data has two or more journeys ([`crate::analytics::journeys`]).
//! Shown as buttons while they fit on a line or two, as a drop-down beyond that.

use crate::analytics::journeys::{JourneyCount, JourneyScope};
use crate::i18n::{tr, trc, Arg, Lang};
use crate::present::labels::category;
use crate::ui::state::{use_lang, Analysis, DataState};
use leptos::prelude::*;

/// More journeys than this are listed in a drop-down rather than as buttons.
const MAX_BUTTONS: usize = 6;

fn count(n: u64) -> Arg<'static> {
    Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// "purchase (586 customers)".
fn option_text(lang: Lang, j: &JourneyCount) -> String {
    trc(
        lang,
        "journeys.option",
        &[
            ("name", Arg::Text(&category(lang, &j.name))),
            ("customers", count(j.customers)),
        ],
    )
}

/// Opens the views on journey `s` (the filters within the journey stay).
fn pick(analysis: Analysis, scope: Memo<JourneyScope>, s: JourneyScope) {
    if scope.get_untracked() != s {
        analysis.filter.update(|f| *f = s.apply(std::mem::take(f)));
    }
}

#[component]
pub fn JourneyPicker() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let choice = Memo::new(move |_| data.journey_choice());
    let scope = Memo::new(move |_| analysis.filter.with(JourneyScope::of));
    move || {
        let journeys = choice.get();
        if journeys.is_empty() {
            return None;
        }
        // Read here, so a reload with other customers rebuilds the control.
        let loaded = data
            .current
            .with(|c| c.as_ref().map_or(0, |c| c.loaded.dataset.customer_count()));
        let all_text = trc(lang, "journeys.all", &[("customers", count(loaded as u64))]);
        let control = if journeys.len() <= MAX_BUTTONS {
            view! { <JourneyButtons journeys scope all_text /> }.into_any()
        } else {
            view! { <JourneySelect journeys scope all_text /> }.into_any()
        };
        Some(view! {
            <section class="jl-journeys" data-testid="journey-picker">
                <span class="jl-journey-label" id="jl-journey-label">{tr(lang, "journeys.label")}</span>
                {control}
                <span class="jl-journey-help">{tr(lang, "journeys.help")}</span>
            </section>
        })
    }
}

/// One button per journey, then "All journeys".
#[component]
fn JourneyButtons(
    journeys: Vec<JourneyCount>,
    scope: Memo<JourneyScope>,
    all_text: String,
) -> impl IntoView {
    let lang = use_lang();
    let analysis = expect_context::<Analysis>();
    let button = move |s: JourneyScope, text: String| {
        let key = s.key().to_string();
        let s2 = s.clone();
        view! {
            <button
                type="button"
                class="jl-btn jl-journey"
                data-journey=key
                aria-pressed=move || (scope.get() == s2).to_string()
                on:click=move |_| pick(analysis, scope, s.clone())
            >
                {text}
            </button>
        }
    };
    let mut buttons: Vec<AnyView> = journeys
        .iter()
        .map(|j| button(JourneyScope::One(j.name.clone()), option_text(lang, j)).into_any())
        .collect();
    buttons.push(button(JourneyScope::All, all_text).into_any());
    view! {
        <div class="jl-journey-buttons" role="group" aria-labelledby="jl-journey-label">
            {buttons}
        </div>
    }
}

/// A drop-down of the journeys, then "All journeys", for more than fit as buttons.
#[component]
fn JourneySelect(
    journeys: Vec<JourneyCount>,
    scope: Memo<JourneyScope>,
    all_text: String,
) -> impl IntoView {
    let lang = use_lang();
    let analysis = expect_context::<Analysis>();
    let options = journeys
        .iter()
        .map(|j| {
            let s = JourneyScope::One(j.name.clone());
            let key = s.key().to_string();
            view! {
                <option value=key selected=move || scope.get() == s>{option_text(lang, j)}</option>
            }
        })
        .collect_view();
    view! {
        <select
            class="jl-journey-select"
            aria-labelledby="jl-journey-label"
            data-testid="journey-select"
            on:change=move |ev| {
                // "all" is the last option's value; a journey named "all" is
                // still reachable through the filter bar.
                if let Some(s) = JourneyScope::parse(&event_target_value(&ev)) {
                    pick(analysis, scope, s);
                }
            }
        >
            {options}
            <option value="all" selected=move || scope.get() == JourneyScope::All>{all_text}</option>
        </select>
    }
}
