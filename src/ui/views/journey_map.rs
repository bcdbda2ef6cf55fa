//! The Journey map view: the one-page map of the current data, for everyone the filter
//! keeps or for one persona, or two personas compared.
//!
//! The map is computed here from the loaded data (the report has no persona maps) by
//! [`journey_map::compute`], which runs the same functions as the detailed views. The
//! canvas is never narrower than its columns need: on a small screen it scrolls sideways
//! inside its box. "Download PNG" redraws at twice the on-screen backing store; "Print"
//! draws a light copy that the print stylesheet puts alone on one landscape page.

use super::coverage::{CoverageLine, Of as CoverageOf};
use super::fix_first::FixFirstCard;
use super::Needs;
use crate::analytics::journey_map::{self, JourneyMap};
use crate::analytics::{Filter, Settings};
use crate::charts::journey_map::{lane_at, size_css, LABEL_WIDTH};
use crate::charts::{self, ChartMap, Theme};
use crate::i18n::{tr, Lang};
use crate::ui::chart::{draw_on, Area, DataTable, KEYS_HINT_ID};
use crate::ui::dom;
use crate::ui::keynav::{KeyNav, Tip};
use crate::ui::snapshot;
use crate::ui::state::{use_lang, Analysis, Current, DataState, Look, Tab, BIG_EVENTS};
use crate::ui::stepped;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// Personas offered in the selectors at most (a file may hold thousands).
const MAX_PERSONAS: usize = 200;
/// CSS width of the printed map before it is scaled onto the page.
const PRINT_WIDTH: f64 = 1120.0;

type MapPair = Option<(Arc<JourneyMap>, Option<Arc<JourneyMap>>)>;

/// The personas the selectors offer: those the filter keeps, by name, at most
/// [`MAX_PERSONAS`].
fn persona_list(data: DataState, analysis: Analysis) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        let filter = analysis.filter.get();
        data.current.with(|c| {
            // A summary feed's funnel is for everyone: a persona's map would need the
            // events, so none is offered (the filter bar still narrows the other views).
            let events = c.as_ref().filter(|c| c.summary.is_none());
            let Some(col) = events.and_then(|c| c.loaded.dataset.persona.as_ref()) else {
                return Vec::new();
            };
            let allowed = filter
                .dims
                .get(&crate::dataset::DimKey::Role(crate::dataset::Role::Persona))
                .filter(|s| !s.is_empty());
            let mut v: Vec<String> = col
                .values
                .iter()
                .filter(|p| allowed.is_none_or(|a| a.contains(*p)))
                .cloned()
                .collect();
            crate::order::sort(&mut v);
            v.truncate(MAX_PERSONAS);
            v
        })
    })
}

/// Who the maps are for: persona A (None: everyone), and persona B while comparing.
#[derive(Clone, Copy)]
struct MapChoice {
    persona_a: PersonaChoice,
    persona_b: PersonaChoice,
    compare: RwSignal<bool>,
}

/// One persona picker: what the user chose, and the persona the map is for, which is
/// everyone while the data or the filter has no such persona (and the choice again once it
/// has: derived, not reset).
#[derive(Clone, Copy)]
struct PersonaChoice {
    chosen: RwSignal<Option<String>>,
    shown: Memo<Option<String>>,
}

impl PersonaChoice {
    fn new(personas: Memo<Vec<String>>) -> PersonaChoice {
        let chosen = RwSignal::new(None::<String>);
        let shown = Memo::new(move |_| {
            chosen
                .get()
                .filter(|p| personas.with(|list| list.contains(p)))
        });
        PersonaChoice { chosen, shown }
    }
}

/// The map for persona A, and for persona B while comparing, in the UI language. Not a
/// memo: at a million events a map takes as long as the detailed views, so it is computed
/// in steps that let the browser in ([`stepped`]); until then the last map stays drawn.
fn map_pair(
    data: DataState,
    analysis: Analysis,
    choice: MapChoice,
    lang: Lang,
) -> ReadSignal<MapPair> {
    let (pair, _) = stepped::latest(move || {
        let cur = data.current.get()?;
        let settings = analysis.settings.get();
        let filter = analysis.filter.get();
        let a = choice.persona_a.shown.get();
        let b = choice.compare.get().then(|| choice.persona_b.shown.get());
        Some(Box::pin(async move {
            let big = cur.summary.is_none() && cur.loaded.dataset.len() >= BIG_EVENTS;
            let slices = dom::Slices::after_change(big).await;
            let mut pause = || slices.pause();
            let a = map_for(&cur, &settings, &filter, a.as_deref(), lang, &mut pause).await;
            let b = match b {
                Some(b) => {
                    Some(map_for(&cur, &settings, &filter, b.as_deref(), lang, &mut pause).await)
                }
                None => None,
            };
            (a, b)
        }))
    });
    pair
}

/// One persona's map (everyone's when `persona` is None), its labels in `lang`.
async fn map_for<F: std::future::Future<Output = ()>>(
    cur: &Current,
    settings: &Settings,
    filter: &Filter,
    persona: Option<&str>,
    lang: Lang,
    pause: &mut impl FnMut() -> F,
) -> Arc<JourneyMap> {
    let map = match &cur.summary {
        Some(s) => crate::summary::journey_map::compute(s, settings, filter, persona),
        None => {
            let (ds, prep) = (&cur.loaded.dataset, &cur.prepared);
            journey_map::compute_paused(ds, prep, settings, filter, persona, pause).await
        }
    };
    Arc::new(crate::present::labels::localized_map(map, lang))
}

#[component]
pub fn JourneyMapView() -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let personas = persona_list(data, analysis);
    let choice = MapChoice {
        persona_a: PersonaChoice::new(personas),
        persona_b: PersonaChoice::new(personas),
        compare: RwSignal::new(false),
    };
    let compare = choice.compare;

    let maps = map_pair(data, analysis, choice, lang);
    let map_a = Signal::derive(move || maps.get().map(|m| m.0));
    let map_b = Signal::derive(move || maps.get().and_then(|m| m.1));

    // Memos, so the card (and its open table) is rebuilt only when these change.
    let loaded = Memo::new(move |_| data.current.with(Option::is_some));
    let unavailable =
        Memo::new(move |_| map_a.with(|m| m.as_ref().and_then(|m| m.unavailable.clone())));
    let body = move || {
        if !loaded.get() {
            return view! { <NoData /> }.into_any();
        }
        if let Some(what) = unavailable.get() {
            return view! { <Needs what=what /> }.into_any();
        }
        view! {
            <MapCard choice personas map_a map_b />
            <div class="jl-mt"></div>
            <FixFirstCard />
        }
        .into_any()
    };

    view! {
        <div data-view="journey-map" class:jl-map-compare=move || compare.get()>
            <h2 class="jl-map-print-title">
                {move || format!("{} — {}", tr(lang, "jmap.title"), data.dataset_name(lang))}
            </h2>
            <CoverageLine of=CoverageOf::Funnel />
            {body}
        </div>
    }
}

/// The map card: who the map is for, the map (or two, compared) and the lanes' views.
#[component]
fn MapCard(
    choice: MapChoice,
    personas: Memo<Vec<String>>,
    map_a: Signal<Option<Arc<JourneyMap>>>,
    map_b: Signal<Option<Arc<JourneyMap>>>,
) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let compare = choice.compare;
    view! {
        <section class="jl-card jl-map-card">
            <MapControls choice personas />
            <Show when=move || compare.get()>
                <p class="jl-sub">{tr(lang, "jmap.compare_hint")}</p>
            </Show>
            <MapCanvas id="journey-map" map=map_a other=map_b />
            <Show when=move || compare.get()>
                <MapCanvas id="journey-map-b" map=map_b other=map_a />
            </Show>
            <LaneLinks />
        </section>
    }
}

/// Persona A, "compare" and persona B.
#[component]
fn MapControls(choice: MapChoice, personas: Memo<Vec<String>>) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let MapChoice {
        persona_a,
        persona_b,
        compare,
    } = choice;
    // Comparing starts with the first other persona, so there are two maps at once.
    let start_compare = move |_| {
        let on = !compare.get_untracked();
        if on && persona_b.shown.get_untracked().is_none() {
            let a = persona_a.shown.get_untracked();
            let list = personas.get_untracked();
            persona_b
                .chosen
                .set(list.into_iter().find(|p| Some(p) != a.as_ref()));
        }
        compare.set(on);
    };
    view! {
        <div class="jl-map-controls" data-testid="map-controls">
            <PersonaSelect
                label=tr(lang, "jmap.persona")
                testid="map-persona"
                options=personas
                value=persona_a
            />
            <Show when=move || !personas.with(Vec::is_empty)>
                <label class="jl-check">
                    <input
                        type="checkbox"
                        data-testid="map-compare"
                        prop:checked=move || compare.get()
                        on:change=start_compare
                    />
                    {tr(lang, "jmap.compare")}
                </label>
            </Show>
            <Show when=move || compare.get()>
                <PersonaSelect
                    label=tr(lang, "jmap.compare_with")
                    testid="map-persona-b"
                    options=personas
                    value=persona_b
                />
            </Show>
        </div>
    }
}

/// Shown before any data is loaded (the sample is usually on its way).
#[component]
fn NoData() -> impl IntoView {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let lang = look.lang.get_untracked();
    view! {
        <section class="jl-card jl-placeholder" data-testid="map-no-data">
            <p>
                {move || {
                    if data.progress.get().is_some() {
                        tr(lang, "jmap.loading")
                    } else {
                        tr(lang, "jmap.no_data")
                    }
                }}
            </p>
            <button class="jl-btn" on:click=move |_| look.tab.set(Tab::Data)>
                {tr(lang, "jmap.open_data")}
            </button>
        </section>
    }
}

/// "Everyone" or one persona.
#[component]
fn PersonaSelect(
    label: String,
    testid: &'static str,
    options: Memo<Vec<String>>,
    value: PersonaChoice,
) -> impl IntoView {
    let PersonaChoice { chosen, shown } = value;
    let lang = use_lang();
    view! {
        <Show when=move || !options.with(Vec::is_empty)>
            <label class="jl-map-field">
                {label.clone()}
                // The property, not only the options' `selected` attribute: once the user
                // has picked an option the browser ignores that attribute, and the shown
                // persona also changes with the filter.
                <select
                    data-testid=testid
                    prop:value=move || shown.get().unwrap_or_default()
                    on:change=move |e| {
                        let v = event_target_value(&e);
                        chosen.set((!v.is_empty()).then_some(v));
                    }
                >
                    <option value="" selected=move || shown.with(Option::is_none)>
                        {tr(lang, "chart.all_customers")}
                    </option>
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|p| {
                                let selected = shown.with(|v| v.as_deref() == Some(p.as_str()));
                                view! {
                                    <option value=p.clone() selected=selected>
                                        {p.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </Show>
    }
}

/// Links to the view behind each lane.
#[component]
fn LaneLinks() -> impl IntoView {
    let look = expect_context::<Look>();
    let lang = look.lang.get_untracked();
    let links = [
        (Tab::Funnel, "jmap.lane.reach"),
        (Tab::Experience, "nav.experience"),
        (Tab::Nps, "nav.nps"),
        (Tab::Kpis, "nav.kpis"),
    ];
    view! {
        <nav class="jl-map-links" aria-label=tr(lang, "jmap.details") data-testid="map-links">
            <span>{tr(lang, "jmap.details")}": "</span>
            {links
                .into_iter()
                .map(|(tab, key)| {
                    let text = if tab == Tab::Funnel { tr(lang, "nav.funnel") } else { tr(lang, key) };
                    view! {
                        <button
                            type="button"
                            class="jl-link"
                            data-link=tab.key()
                            on:click=move |_| look.tab.set(tab)
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The tooltip for the pointer at `e`, if it is over something. The tooltip sits outside
/// the scrolling box (which would clip it), so it is placed in the visible part's
/// coordinates, and flipped left near the right edge.
fn tip_at(
    e: &ev::PointerEvent,
    hits: RwSignal<ChartMap>,
    ratio: f64,
    scroll_ref: NodeRef<html::Div>,
) -> Option<Tip> {
    let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
    let hit = hits.with_untracked(|m| {
        m.hit_at((x * ratio) as i32, (y * ratio) as i32)
            .map(|h| (h.title.clone(), h.lines.clone()))
    });
    let (left, width) = scroll_ref.get_untracked().map_or((0.0, f64::MAX), |s| {
        (s.scroll_left() as f64, s.client_width() as f64)
    });
    let mut x = x - left + 14.0;
    if x + 270.0 > width {
        x = (x - 290.0).max(0.0);
    }
    hit.map(|(title, lines)| Tip {
        x,
        y: y + 10.0,
        title,
        lines,
    })
}

/// A click on a lane's name opens the view that details it.
fn open_lane_view(look: Look, e: &ev::MouseEvent) {
    let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
    if x > LABEL_WIDTH {
        return;
    }
    let theme = Theme::light();
    if let Some(lane) = lane_at(y.round() as i32, &theme) {
        if let Some(tab) = Tab::ALL.into_iter().find(|t| t.key() == lane.view()) {
            look.tab.set(tab);
        }
    }
}

/// A map canvas, its scrolling box, and what the pointer and the keyboard read on it.
#[derive(Clone, Copy)]
struct MapCanvasRefs {
    canvas_ref: NodeRef<html::Canvas>,
    scroll_ref: NodeRef<html::Div>,
    hits: RwSignal<ChartMap>,
    dpr: RwSignal<f64>,
    nav: KeyNav,
}

/// Draws the map now and again whenever it, the map beside it, the theme or the window
/// size changes, at the width of its box (never narrower than its columns need).
fn redraw_on_change(
    refs: MapCanvasRefs,
    map: Signal<Option<Arc<JourneyMap>>>,
    other: Signal<Option<Arc<JourneyMap>>>,
) {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let lang = look.lang.get_untracked();
    let MapCanvasRefs {
        canvas_ref,
        scroll_ref,
        hits,
        dpr,
        nav,
    } = refs;
    let resize = crate::ui::chart::window_resizes();
    Effect::new(move |_| {
        let m = map.get();
        let o = other.get();
        let dark = look.dark.get();
        resize.track();
        let (Some(canvas), Some(scroll), Some(m)) = (canvas_ref.get(), scroll_ref.get(), m) else {
            return;
        };
        let t0 = dom::now_ms();
        let box_w = scroll.get_bounding_client_rect().width();
        let (w, h) = size_css(m.stages.len(), box_w);
        let _ = canvas.set_attribute("style", &format!("width:{w}px;height:{h}px"));
        let ratio = dom::device_pixel_ratio();
        dpr.set(ratio);
        if let Some(hm) = draw_on(&canvas, dark, ratio, |area, theme| {
            draw(area, &m, o.as_deref(), theme, lang)
        }) {
            hits.set(hm);
            nav.redrawn();
        }
        data.record_draw(dom::now_ms() - t0);
    });
}

/// Redraws the print copy just before the browser prints (also from its own menu), for as
/// long as the calling component lives.
fn redraw_before_print(
    print_ref: NodeRef<html::Canvas>,
    map: Signal<Option<Arc<JourneyMap>>>,
    other: Signal<Option<Arc<JourneyMap>>>,
    lang: Lang,
) {
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        draw_print(print_ref, map, other, lang);
    });
    on_cleanup(move || before_print.remove());
}

/// The map in one paragraph, for screen readers.
fn map_summary(map: Signal<Option<Arc<JourneyMap>>>, lang: Lang) -> Memo<String> {
    Memo::new(move |_| {
        map.with(|m| {
            m.as_ref()
                .map(|m| charts::journey_map_summary(m, lang))
                .unwrap_or_default()
        })
    })
}

/// One map on a canvas that scrolls sideways when it is wider than its box.
#[component]
fn MapCanvas(
    id: &'static str,
    map: Signal<Option<Arc<JourneyMap>>>,
    other: Signal<Option<Arc<JourneyMap>>>,
) -> impl IntoView {
    let look = expect_context::<Look>();
    let lang = look.lang.get_untracked();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let print_ref = NodeRef::<html::Canvas>::new();
    let scroll_ref = NodeRef::<html::Div>::new();
    let hits = RwSignal::new(ChartMap::default());
    let tip = RwSignal::new(None::<Tip>);
    let show_data = RwSignal::new(false);
    let dpr = RwSignal::new(1.0f64);
    let nav = KeyNav::new(hits, tip, dpr).in_scroll_box(scroll_ref);

    redraw_before_print(print_ref, map, other, lang);

    redraw_on_change(
        MapCanvasRefs {
            canvas_ref,
            scroll_ref,
            hits,
            dpr,
            nav,
        },
        map,
        other,
    );

    let on_move = move |e: ev::PointerEvent| {
        nav.leave();
        tip.set(tip_at(&e, hits, dpr.get_untracked(), scroll_ref));
    };
    // Built once per map: the canvas's label and the hidden paragraph read the same text.
    let summary = map_summary(map, lang);

    view! {
        <div class="jl-chart jl-map" data-chart=id>
            <div class="jl-map-scroll" node_ref=scroll_ref tabindex="0" aria-label=tr(lang, "jmap.scroll_hint")>
                <div class="jl-map-box">
                    <canvas
                        node_ref=canvas_ref
                        tabindex="0"
                        role="application"
                        aria-roledescription=tr(lang, "a11y.chart")
                        aria-label=summary
                        aria-describedby=KEYS_HINT_ID
                        on:pointermove=on_move
                        on:pointerleave=move |_| {
                            if !nav.is_active() {
                                tip.set(None);
                            }
                        }
                        on:keydown=move |e| nav.on_key(e, None)
                        on:blur=move |_| nav.leave()
                        on:click=move |e| open_lane_view(look, &e)
                    ></canvas>
                    {nav.ring()}
                </div>
            </div>
            {nav.tooltip((0.0, 0.0))}
            <canvas class="jl-map-print" node_ref=print_ref aria-hidden="true"></canvas>
            <p class="jl-visually-hidden">{summary}</p>
            {nav.live()}
            <MapActions id map other canvas_ref print_ref show_data />
            <Show when=move || show_data.get()>
                {move || {
                    map.get()
                        .map(|m| view! { <DataTable table=Arc::new(charts::journey_map_table(&m, lang)) /> })
                }}
            </Show>
        </div>
    }
}

/// Under a map: show its data, download it as PNG or CSV, print it.
#[component]
fn MapActions(
    id: &'static str,
    map: Signal<Option<Arc<JourneyMap>>>,
    other: Signal<Option<Arc<JourneyMap>>>,
    canvas_ref: NodeRef<html::Canvas>,
    print_ref: NodeRef<html::Canvas>,
    show_data: RwSignal<bool>,
) -> impl IntoView {
    let look = expect_context::<Look>();
    let analysis = expect_context::<Analysis>();
    let data = expect_context::<DataState>();
    let lang = look.lang.get_untracked();
    let download_png = move |_| {
        let (Some(m), Some(canvas)) = (map.get_untracked(), canvas_ref.get_untracked()) else {
            return;
        };
        let o = other.get_untracked();
        let rect = canvas.get_bounding_client_rect();
        let heading = snapshot::heading(data, analysis, lang, tr(lang, "jmap.title"));
        snapshot::download_png(
            data,
            look,
            id,
            (rect.width(), rect.height()),
            &heading,
            |area, theme| draw(area, &m, o.as_deref(), theme, lang),
        );
    };
    let print = move |_| {
        draw_print(print_ref, map, other, lang);
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="jl-chart-actions">
            <button
                class="jl-btn"
                data-action="show-data"
                aria-expanded=move || show_data.get().to_string()
                on:click=move |_| show_data.update(|s| *s = !*s)
            >
                {move || tr(lang, if show_data.get() { "chart.hide_data" } else { "chart.show_data" })}
            </button>
            <button class="jl-btn" data-action="download-png" on:click=download_png>
                {tr(lang, "chart.download_png")}
            </button>
            <button class="jl-btn" data-action="download-csv" on:click=move |_| {
                if let Some(m) = map.get_untracked() {
                    snapshot::download_csv(data, id, &charts::journey_map_table(&m, lang), lang);
                }
            }>
                {tr(lang, "table.download_csv")}
            </button>
            <button class="jl-btn" data-action="print" on:click=print>
                {tr(lang, "jmap.print")}
            </button>
        </div>
    }
}

fn draw(
    area: &Area,
    m: &JourneyMap,
    other: Option<&JourneyMap>,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, String> {
    charts::draw_journey_map(area, m, other, theme, lang).map_err(|e| e.to_string())
}

/// Draws the light, page-wide copy the print stylesheet shows.
fn draw_print(
    print_ref: NodeRef<html::Canvas>,
    map: Signal<Option<Arc<JourneyMap>>>,
    other: Signal<Option<Arc<JourneyMap>>>,
    lang: Lang,
) {
    let (Some(canvas), Some(m)) = (print_ref.get_untracked(), map.get_untracked()) else {
        return;
    };
    let o = other.get_untracked();
    let (w, h) = size_css(m.stages.len(), PRINT_WIDTH);
    let ratio = 2.0;
    snapshot::paint(&canvas, (w, h), ratio, false, |area, theme| {
        draw(area, &m, o.as_deref(), theme, lang)
    });
}
