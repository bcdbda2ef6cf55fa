//! A `<select>` of the loaded data's dimensions (built-in roles in the user's language,
//! extra columns by their header), shared by the breakdown and map-column pickers so each
//! lists the same dimensions with the same names.

use crate::analytics::Settings;
use crate::dataset::{DimKey, Role};
use crate::i18n::tr;
use crate::present::message::dimension_in_file;
use crate::ui::state::{use_lang, Analysis, DataState};
use leptos::prelude::*;

/// Which setting the select reads and writes, and whether it offers "none".
#[derive(Clone, Copy)]
pub struct DimChoice {
    /// Translation key of the label before the select.
    pub label: &'static str,
    pub testid: &'static str,
    /// Translation key of a first "none" option; `None` = a dimension is always chosen.
    pub none: Option<&'static str>,
    pub get: fn(&Settings) -> Option<DimKey>,
    pub set: fn(&mut Settings, Option<DimKey>),
}

/// The data's dimensions except the stage (never a breakdown or a column of its own map).
#[component]
pub fn DimSelect(choice: DimChoice) -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let keys = move || {
        data.current.with(|c| {
            c.as_ref()
                .map(|c| {
                    let (ds, mapping) = (&c.loaded.dataset, &c.loaded.report.mapping);
                    ds.dimension_keys()
                        .into_iter()
                        .filter(|k| *k != DimKey::Role(Role::Stage))
                        .map(|k| (k, dimension_in_file(lang, k, ds, mapping)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let none = choice
        .none
        .map(|key| view! { <option value="">{tr(lang, key)}</option> });
    view! {
        <label class="jl-inline-field">
            {tr(lang, choice.label)}
            " "
            <select
                data-testid=choice.testid
                on:change=move |e| {
                    let v = event_target_value(&e).parse::<DimKey>().ok();
                    analysis.settings.update(|s| (choice.set)(s, v));
                }
            >
                {none}
                {move || {
                    let chosen = analysis.settings.with(choice.get);
                    keys()
                        .into_iter()
                        .map(|(k, label)| {
                            view! { <option value=k.to_string() selected=chosen == Some(k)>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
