//! Summary feeds in the app: loading one (a dropped `.json`, a feed URL) and the banner
//! that says which figures need event-level data.

use super::loader::LoadChoices;
use super::state::{use_lang, Analysis, AppState, DataState, Source};
use crate::i18n::{tr, trf};
use crate::summary::Summary;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The parsed feed between [`AppState::load_summary`] and `set_loaded`, which takes it
    /// into the new `Current` (the shared load path stays the same for both kinds of data).
    static PENDING: RefCell<Option<Arc<Summary>>> = const { RefCell::new(None) };
}

/// The summary parsed by the load in progress, if that load is a summary.
pub fn take_pending() -> Option<Arc<Summary>> {
    PENDING.with(|p| p.borrow_mut().take())
}

impl AppState {
    /// Loads a summary feed. An invalid one leaves the current data as it was.
    pub fn load_summary(
        self,
        bytes: &[u8],
        source: Source,
        choices: &LoadChoices,
    ) -> Result<(), String> {
        let summary = crate::summary::parse(bytes)
            .map_err(|e| crate::present::message::render(self.look.lang.get_untracked(), &e))?;
        let loaded = crate::summary::shell(&summary);
        self.data.sniffed.set(None);
        PENDING.with(|p| *p.borrow_mut() = Some(Arc::new(summary)));
        self.remember_and_set(loaded, source, choices);
        Ok(())
    }
}

/// Groups of `needs_events` paths, each with the sentence the banner lists; the first
/// prefix that matches wins, so the specific ones come first.
const GROUPS: [(&str, &str); 21] = [
    ("selection.dimension", "summary.need.dimension"),
    ("selection.partial_day", "summary.need.partial_day"),
    ("selection.path", "summary.need.path"),
    ("selection.customers", "summary.need.customers"),
    ("selection", "summary.need.all"),
    ("funnel.dropped_customers", "summary.need.customer_lists"),
    ("funnel.steps", "summary.need.median_steps"),
    ("funnel.breakdown", "summary.need.breakdown"),
    ("funnel", "summary.need.funnel"),
    ("experience.priority", "summary.need.priority"),
    ("experience.grid", "summary.need.cell_customers"),
    ("experience.exits_by_stage", "summary.need.exits_by_stage"),
    ("experience.exits", "summary.need.paths"),
    ("experience.handoffs", "summary.need.paths"),
    ("nps.comments", "summary.need.comments"),
    ("nps.breakdown", "summary.need.nps_breakdown"),
    ("nps", "summary.need.nps_latest"),
    (
        "kpis.kpis.median_days_to_convert",
        "summary.need.median_convert",
    ),
    ("kpis", "summary.need.kpis"),
    ("flows", "summary.need.flows"),
    ("experience", "summary.need.other"),
];

/// The sentences for a report's `needs_events`, in a fixed order, without repeats.
fn needs_keys(needs: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    // The coverage line simply stays away from a summary dashboard: nothing to list.
    for path in needs.iter().filter(|p| !p.starts_with("coverage")) {
        let key = GROUPS
            .iter()
            .find(|(prefix, _)| path == prefix || path.starts_with(&format!("{prefix}.")))
            .map_or("summary.need.other", |g| g.1);
        if !out.contains(&key) {
            out.push(key);
        }
    }
    // A filter the feed cannot apply makes everything n/a: its reason is the one sentence.
    let whole = [
        "summary.need.dimension",
        "summary.need.partial_day",
        "summary.need.path",
    ];
    if out.first().is_some_and(|k| whole.contains(k)) {
        out.truncate(1);
    }
    // "Exits and hand-offs with a filter" covers the exits by stage too.
    if out.contains(&"summary.need.paths") {
        out.retain(|k| *k != "summary.need.exits_by_stage");
    }
    out
}

/// Above every view of a summary-fed dashboard: where the numbers come from and which
/// figures need the events (those show n/a in the views).
#[component]
pub fn SummaryBanner() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    move || {
        let current = data.current.get()?;
        let summary = current.summary.clone()?;
        let report = analysis.report.get()?;
        let items: Vec<String> = needs_keys(&report.needs_events)
            .into_iter()
            .map(|k| tr(lang, k).to_string())
            .collect();
        let head = trf(
            lang,
            "summary.banner",
            &[
                ("engine", summary.engine.as_deref().unwrap_or("?")),
                (
                    "events",
                    &crate::format::count(lang, summary.meta.events as usize),
                ),
            ],
        );
        Some(view! {
            <section class="jl-card jl-summary" data-testid="summary-banner">
                <p>{head}</p>
                <p>{tr(lang, "summary.needs")}</p>
                <ul data-testid="summary-needs">
                    {items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            </section>
        })
    }
}
