//! The line under each view that says how many loaded customers it counts and why the
//! rest are out ([`crate::analytics::coverage`]).

use crate::analytics::coverage::{Coverage, CoverageView, Excluded};
use crate::i18n::{trc, Arg, Lang};
use crate::ui::state::{use_lang, Analysis};
use leptos::prelude::*;

/// Which view's coverage a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Funnel,
    Experience,
    Nps,
}

fn pick(c: &CoverageView, of: Of) -> &Coverage {
    match of {
        Of::Funnel => &c.funnel,
        Of::Experience => &c.experience,
        Of::Nps => &c.nps,
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn reason(lang: Lang, e: &Excluded) -> String {
    let n = Arg::Count(count(e.customers()));
    match e {
        Excluded::OtherJourney { journeys, .. } => trc(
            lang,
            "datasets.coverage.other_journey",
            &[
                ("count", n),
                ("journeys", Arg::Text(&quote_list(journeys))),
                ("journey_count", Arg::Count(journeys.len() as i64)),
            ],
        ),
        Excluded::FilteredOut { .. } => {
            trc(lang, "datasets.coverage.filtered_out", &[("count", n)])
        }
        Excluded::NeverReachedFirst { stage, .. } => trc(
            lang,
            "datasets.coverage.never_reached_first",
            &[("count", n), ("stage", Arg::Text(stage))],
        ),
        Excluded::EndState { stages, .. } => trc(
            lang,
            "datasets.coverage.end_state",
            &[("count", n), ("stages", Arg::Text(&quote_list(stages)))],
        ),
        Excluded::NoNpsAnswer { .. } => {
            trc(lang, "datasets.coverage.no_nps_answer", &[("count", n)])
        }
        Excluded::NoRating { .. } => trc(lang, "datasets.coverage.no_rating", &[("count", n)]),
    }
}

fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole sentence: "Counts 211 of 586 customers loaded: 375 never reached …".
pub fn sentence(lang: Lang, c: &Coverage) -> String {
    let head = trc(
        lang,
        "datasets.coverage.counts",
        &[
            ("counted", Arg::Count(count(c.counted))),
            ("loaded", Arg::Count(count(c.loaded))),
        ],
    );
    if c.excluded.is_empty() {
        return trc(
            lang,
            "datasets.coverage.all",
            &[("counts", Arg::Text(&head))],
        );
    }
    let reasons: Vec<String> = c.excluded.iter().map(|e| reason(lang, e)).collect();
    trc(
        lang,
        "datasets.coverage.with_reasons",
        &[
            ("counts", Arg::Text(&head)),
            ("reasons", Arg::Text(&reasons.join("; "))),
        ],
    )
}

/// Nothing while no customer is loaded (no data yet, or a summary feed).
#[component]
pub fn CoverageLine(of: Of) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let text = move || {
        analysis.report.with(|r| {
            let c = pick(&r.as_ref()?.coverage, of);
            (c.loaded > 0).then(|| sentence(lang, c))
        })
    };
    let testid = match of {
        Of::Funnel => "coverage-funnel",
        Of::Experience => "coverage-experience",
        Of::Nps => "coverage-nps",
    };
    move || text().map(|t| view! { <p class="jl-sub jl-coverage" data-testid=testid>{t}</p> })
}
