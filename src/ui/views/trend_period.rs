//! "Trend by week / month / quarter": one setting for every trend in the app (the funnel's
//! cohort trend, the NPS trend, the KPI sparklines), offered next to each of them so the
//! reader changes it where they see its effect, and every trend moves together.

use crate::analytics::PeriodKind;
use crate::i18n::tr;
use crate::ui::state::{use_lang, Analysis};
use leptos::prelude::*;

/// The choices in order, with their option value and translation key.
const KINDS: [(PeriodKind, &str, &str); 3] = [
    (PeriodKind::Week, "week", "settings.week"),
    (PeriodKind::Month, "month", "settings.month"),
    (PeriodKind::Quarter, "quarter", "fair.quarter"),
];

#[component]
pub fn TrendPeriodPicker(
    /// Distinguishes the pickers of one page (`nps`, `funnel`, `kpis`) in tests.
    testid: &'static str,
) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    view! {
        <label class="jl-inline-field">
            {tr(lang, "fair.trend_by")}
            " "
            <select
                data-testid=format!("trend-period-{testid}")
                on:change=move |e| {
                    let v = event_target_value(&e);
                    let p = KINDS.iter().find(|k| k.1 == v).map_or(PeriodKind::Month, |k| k.0);
                    analysis.settings.update(|s| s.period = p);
                }
            >
                {KINDS.iter().map(|&(kind, value, key)| view! {
                    <option value=value selected=move || analysis.settings.with(|s| s.period == kind)>
                        {tr(lang, key)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
