//! One component per view, plus the status line every view shares.

mod coverage;
mod data;
mod dim_select;
mod experience;
mod files;
mod fix_first;
mod flows;
mod funnel;
mod journey_map;
mod journey_picker;
mod kpis;
mod milestones;
mod nps;
mod recovery;
mod settings;
mod stage_reading;
mod trend_period;

pub use data::DataView;
pub use experience::ExperienceView;
pub use flows::{FlowsView, PathChip};
pub use funnel::FunnelView;
pub use journey_map::JourneyMapView;
pub use journey_picker::JourneyPicker;
pub use kpis::KpiView;
pub use nps::NpsView;
pub use recovery::StartOffer;

use super::state::{use_lang, DataState};
use crate::i18n::tr;
use leptos::prelude::*;

/// Load progress and the last error, shown above every view.
#[component]
pub fn Status() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    view! {
        {move || {
            data.error
                .get()
                .map(|msg| {
                    view! {
                        <div class="jl-error" role="alert" data-testid="error">
                            {msg}
                            " "
                            <button class="jl-btn" on:click=move |_| data.error.set(None)>
                                {tr(lang, "action.dismiss")}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// Says which column would enable a view, instead of drawing nothing.
#[component]
pub fn Needs(what: crate::message::Needs) -> impl IntoView {
    let lang = use_lang();
    let help = if what.0.contains(&crate::message::Need::EventLevelData) {
        "summary.needs_events_help"
    } else {
        "view.needs_help"
    };
    let text = crate::present::message::needs_sentence(lang, &what, None);
    view! {
        <section class="jl-card jl-placeholder" data-testid="needs">
            <p>{text}</p>
            <p class="jl-sub">{tr(lang, help)}</p>
        </section>
    }
}

/// A headline number.
#[component]
pub fn Stat(label: String, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="jl-stat">
            <div class="label">{label}</div>
            <div class="value" data-testid=testid>{value}</div>
        </div>
    }
}
