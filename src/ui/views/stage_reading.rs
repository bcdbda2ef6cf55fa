//! How the stage column is read: events, or each customer's status (furthest stage
//! reached), and whether end states stay in the funnel ([`crate::analytics::status`]).

use crate::analytics::StageReading;
use crate::i18n::tr;
use crate::ui::state::{use_lang, Analysis};
use leptos::prelude::*;

#[component]
pub fn StageReadingControls() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let is = move |r: StageReading| analysis.settings.with(|s| s.stage_reading == r);
    view! {
        <label>
            {tr(lang, "datasets.stage_reading")}
            <select
                data-testid="stage-reading"
                on:change=move |e| {
                    let r = match event_target_value(&e).as_str() {
                        "events" => StageReading::Events,
                        "furthest_stage" => StageReading::FurthestStage,
                        _ => StageReading::Auto,
                    };
                    analysis.settings.update(|s| s.stage_reading = r);
                }
            >
                <option value="auto" selected=move || is(StageReading::Auto)>{tr(lang, "datasets.stage_reading_auto")}</option>
                <option value="events" selected=move || is(StageReading::Events)>{tr(lang, "datasets.stage_reading_events")}</option>
                <option value="furthest_stage" selected=move || is(StageReading::FurthestStage)>{tr(lang, "datasets.stage_reading_furthest")}</option>
            </select>
        </label>
        <label class="jl-check">
            <input
                type="checkbox"
                data-testid="keep-end-states"
                prop:checked=move || analysis.settings.with(|s| s.keep_end_states)
                on:change=move |e| analysis.settings.update(|s| s.keep_end_states = event_target_checked(&e))
            />
            {tr(lang, "datasets.keep_end_states")}
        </label>
    }
}
