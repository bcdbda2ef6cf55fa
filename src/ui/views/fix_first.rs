//! The "What to fix first" card (journey map and experience map): moments and touchpoints
//! ranked by the one rule of [`crate::analytics::priorities`], each with its reasons, and
//! the items whose evidence is too thin listed apart. Worded by [`crate::present::fix_first`].

use crate::analytics::priorities;
use crate::i18n::tr;
use crate::present::fix_first::{self as words, Line, Lists};
use crate::ui::state::{use_lang, Analysis, DataState};
use leptos::prelude::*;

/// What the card shows, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    /// A sentence instead of lists (a missing column, nothing with enough answers).
    Why(String),
    Lists {
        rule: String,
        cells: Lists,
        touchpoints: Lists,
    },
}

#[component]
pub fn FixFirstCard() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let content = Memo::new(move |_| {
        let scale = data.scales().satisfaction;
        analysis.report.with(|r| {
            let r = r.as_ref()?;
            let fix = priorities::compute(&r.experience, scale, r.settings.min_count);
            if let Some(what) = &fix.unavailable {
                return Some(Content::Why(crate::present::message::needs_sentence(
                    lang, what, None,
                )));
            }
            if let Some(why) = words::empty_reason(lang, &fix) {
                return Some(Content::Why(why));
            }
            Some(Content::Lists {
                rule: words::rule(lang, fix.min_count),
                cells: words::lists(lang, &fix.cells),
                touchpoints: words::lists(lang, &fix.touchpoints),
            })
        })
    });
    move || {
        content.get().map(|c| {
            let body = match c {
                Content::Why(text) => {
                    view! { <p class="jl-sub" data-testid="fix-first-why">{text}</p> }.into_any()
                }
                Content::Lists {
                    rule,
                    cells,
                    touchpoints,
                } => view! {
                    <p class="jl-sub" data-testid="fix-first-rule">{rule}</p>
                    <div class="jl-fix-cols">
                        <FixList title=tr(lang, "fix.cells") lists=cells testid="fix-first-cells" />
                        <FixList
                            title=tr(lang, "fix.touchpoints")
                            lists=touchpoints
                            testid="fix-first-touchpoints"
                        />
                    </div>
                }
                .into_any(),
            };
            view! {
                <section class="jl-card jl-fix-first" data-testid="fix-first">
                    <h2>{tr(lang, "fix.title")}</h2>
                    {body}
                </section>
            }
        })
    }
}

/// One ranked list, then its thin items.
#[component]
fn FixList(title: String, lists: Lists, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    let Lists { ranked, thin } = lists;
    let thin_part = (!thin.is_empty()).then(|| {
        view! {
            <h4 class="jl-fix-thin-title">{tr(lang, "fix.thin_heading")}</h4>
            <ul class="jl-fix-list jl-fix-thin" data-testid="fix-first-thin">
                {thin.into_iter().map(|l| view! { <li><FixLine line=l /></li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="jl-fix-col" data-testid=testid>
            <h3>{title}</h3>
            <ol class="jl-fix-list">
                {ranked.into_iter().map(|l| view! { <li><FixLine line=l /></li> }).collect_view()}
            </ol>
            {thin_part}
        </div>
    }
}

#[component]
fn FixLine(line: Line) -> impl IntoView {
    let score =
        (!line.score.is_empty()).then(|| view! { <span class="jl-fix-score">{line.score}</span> });
    view! {
        <div class="jl-fix-head">
            <strong>{line.name}</strong>
            {score}
        </div>
        <ul class="jl-fix-why">
            {line.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
        </ul>
    }
}
