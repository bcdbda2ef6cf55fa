//! A chart card: a `<canvas>` drawn by one of the pure `charts` functions, an HTML
//! tooltip fed by the chart's hit map, "Show data" (the accessible table of exactly what is
//! drawn), "Download PNG" and "Download CSV".
//!
//! The canvas is also explorable by keyboard: it takes focus, the arrow keys walk the same
//! hit map the pointer uses (the tooltip follows and a ring marks the point), a live region
//! reads the point in words and Escape leaves the points. See [`ChartMap::step`].
//!
//! The canvas backing store is sized to CSS size × devicePixelRatio so lines and text stay
//! crisp on HiDPI screens; the chart redraws when the report, the theme or the window size
//! changes.

use super::dom;
use super::keynav::{KeyNav, Tip};
use super::snapshot;
use super::state::{use_lang, Analysis, DataState, Look};
use crate::analytics::Report;
use crate::charts::table::SHOWN_ROWS;
use crate::charts::{ChartMap, Table, Theme};
use crate::dataset::Scales;
use crate::i18n::{tr, trc, Lang};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What a chart is drawn from: the report plus what the report does not carry.
pub struct ChartInput<'a> {
    pub report: &'a Report,
    pub scales: Scales,
    pub lang: Lang,
}

/// The canvas drawing area every chart draws on.
pub type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;

/// Draws one chart for the current report; `Err` carries a message for the console.
pub type DrawFn = fn(&Area, &ChartInput, &Theme) -> Result<ChartMap, String>;

/// Everything a chart card needs, as plain function pointers so the card stays generic.
#[derive(Clone, Copy)]
pub struct ChartSpec {
    /// Stable id: file names and test hooks.
    pub id: &'static str,
    /// Translation key of the card title.
    pub title: &'static str,
    pub draw: DrawFn,
    pub table: fn(&ChartInput) -> Table,
    pub summary: fn(&ChartInput) -> String,
    /// CSS class of the canvas box: "" | "tall" | "short".
    pub size: &'static str,
}

/// A [`ChartSpec`] for one `charts` family — `draw_x`, `x_table` and `x_summary` over the
/// same part of the report — so a view lists its charts instead of repeating the wiring.
/// `|i| part` names the [`ChartInput`] and picks the part of the report the family reads.
macro_rules! chart_spec {
    ($id:literal, $title:literal, $size:literal, |$i:ident| $part:expr,
     $draw:path, $table:path, $summary:path) => {
        $crate::ui::chart::ChartSpec {
            id: $id,
            title: $title,
            draw: |a, $i, t| $draw(a, $part, t, $i.lang).map_err(|e| e.to_string()),
            table: |$i| $table($part, $i.lang),
            summary: |$i| $summary($part, $i.lang),
            size: $size,
        }
    };
}
pub(crate) use chart_spec;

/// The id of the one hidden sentence that tells how to explore a chart by keyboard; every
/// chart canvas points at it with `aria-describedby` (see [`ChartKeysHint`]).
pub const KEYS_HINT_ID: &str = "jl-chart-keys";

/// A counter bumped on every window resize, for as long as the calling component lives:
/// a canvas drawn at the size of its box tracks it to redraw at the new size.
pub fn window_resizes() -> RwSignal<u32> {
    let resize = RwSignal::new(0u32);
    let handle = window_event_listener(ev::resize, move |_| resize.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    resize
}

/// The hidden "arrow keys move between data points" sentence, once per page.
#[component]
pub fn ChartKeysHint() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    view! { <p id=KEYS_HINT_ID class="jl-visually-hidden">{tr(lang, "a11y.chart_keys")}</p> }
}

/// `on_pick` receives the key of a clickable region (see `charts::Hit::key`) when the user
/// clicks it; charts without clickable parts leave it out.
#[component]
pub fn ChartCard(
    spec: ChartSpec,
    #[prop(optional)] on_pick: Option<Callback<String>>,
) -> impl IntoView {
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = use_lang();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let map = RwSignal::new(ChartMap::default());
    let tip = RwSignal::new(None::<Tip>);
    let show_data = RwSignal::new(false);
    let dpr = RwSignal::new(1.0f64);
    let nav = KeyNav::new(map, tip, dpr);

    redraw_on_change(spec, canvas_ref, map, dpr, nav);
    let on_move = move |e: ev::PointerEvent| {
        // The pointer takes over from the keyboard.
        nav.leave();
        tip.set(tip_at(map, dpr.get_untracked(), &e));
    };
    let on_click = move |e: ev::MouseEvent| {
        let Some(pick) = on_pick else { return };
        if let Some(k) = picked_key(map, dpr.get_untracked(), &e) {
            pick.run(k);
        }
    };
    // Built once per report: the canvas's label and the hidden paragraph read the same text.
    let summary = chart_summary(spec, data, analysis, lang);

    view! {
        <section class="jl-card jl-chart" data-chart=spec.id>
            <h3>{tr(lang, spec.title)}</h3>
            <div class=format!("jl-chart-box {}", spec.size)>
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
                    on:keydown=move |e| nav.on_key(e, on_pick)
                    on:blur=move |_| nav.leave()
                    on:click=on_click
                ></canvas>
                {nav.ring()}
                {nav.tooltip((14.0, 10.0))}
            </div>
            <p class="jl-visually-hidden">{summary}</p>
            {nav.live()}
            <ChartActions spec canvas_ref show_data />
            <Show when=move || show_data.get() || super::print::printing()>
                {move || chart_table(spec, data, analysis, lang).map(|t| view! { <DataTable table=Arc::new(t) /> })}
            </Show>
        </section>
    }
}

/// Draws the chart now and again whenever the report, the theme or the window size
/// changes, keeping its hit map for the pointer and the keyboard.
fn redraw_on_change(
    spec: ChartSpec,
    canvas_ref: NodeRef<html::Canvas>,
    map: RwSignal<ChartMap>,
    dpr: RwSignal<f64>,
    nav: KeyNav,
) {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = look.lang.get_untracked();
    let resize = window_resizes();
    Effect::new(move |_| {
        let report = analysis.report.get();
        let dark = look.dark.get();
        resize.track();
        let (Some(canvas), Some(report)) = (canvas_ref.get(), report) else {
            return;
        };
        let t0 = dom::now_ms();
        let ratio = super::print::chart_ratio();
        dpr.set(ratio);
        let scales = data.scales();
        let input = ChartInput {
            report: &report,
            scales,
            lang,
        };
        if let Some(m) = draw_on(&canvas, dark, ratio, |area, theme| {
            (spec.draw)(area, &input, theme)
        }) {
            map.set(m);
            nav.redrawn();
        }
        data.record_draw(dom::now_ms() - t0);
    });
}

/// The tooltip for the pointer at `e`, if it is over something.
fn tip_at(map: RwSignal<ChartMap>, ratio: f64, e: &ev::PointerEvent) -> Option<Tip> {
    let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
    let hit = map.with_untracked(|m| {
        m.hit_at((x * ratio) as i32, (y * ratio) as i32)
            .map(|h| (h.title.clone(), h.lines.clone()))
    });
    hit.map(|(title, lines)| Tip { x, y, title, lines })
}

/// The key of the clickable region under a click, if any.
fn picked_key(map: RwSignal<ChartMap>, ratio: f64, e: &ev::MouseEvent) -> Option<String> {
    let (x, y) = (e.offset_x() as f64 * ratio, e.offset_y() as f64 * ratio);
    map.with_untracked(|m| m.hit_at(x as i32, y as i32).and_then(|h| h.key.clone()))
}

/// The chart's summary sentence for the current report.
fn chart_summary(spec: ChartSpec, data: DataState, analysis: Analysis, lang: Lang) -> Memo<String> {
    Memo::new(move |_| {
        let scales = data.scales();
        analysis.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    (spec.summary)(&ChartInput {
                        report: r,
                        scales,
                        lang,
                    })
                })
                .unwrap_or_default()
        })
    })
}

/// The table of exactly what a chart draws, for the current report.
fn chart_table(spec: ChartSpec, data: DataState, analysis: Analysis, lang: Lang) -> Option<Table> {
    let scales = data.scales();
    analysis.report.with(|r| {
        r.as_ref().map(|r| {
            (spec.table)(&ChartInput {
                report: r,
                scales,
                lang,
            })
        })
    })
}

/// Under a chart: show its data, download it as PNG or CSV.
#[component]
fn ChartActions(
    spec: ChartSpec,
    canvas_ref: NodeRef<html::Canvas>,
    show_data: RwSignal<bool>,
) -> impl IntoView {
    let look = expect_context::<Look>();
    let data = expect_context::<DataState>();
    let analysis = expect_context::<Analysis>();
    let lang = look.lang.get_untracked();
    let download_png = move |_| {
        let (Some(canvas), Some(report)) =
            (canvas_ref.get_untracked(), analysis.report.get_untracked())
        else {
            return;
        };
        let rect = canvas.get_bounding_client_rect();
        let heading = snapshot::heading(data, analysis, lang, tr(lang, spec.title));
        let input = ChartInput {
            report: &report,
            scales: data.scales(),
            lang,
        };
        snapshot::download_png(
            data,
            look,
            spec.id,
            (rect.width(), rect.height()),
            &heading,
            |a, t| (spec.draw)(a, &input, t),
        );
    };
    let download_csv = move |_| {
        if let Some(t) = chart_table(spec, data, analysis, lang) {
            snapshot::download_csv(data, spec.id, &t, lang);
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
            <button class="jl-btn" data-action="download-csv" on:click=download_csv>
                {tr(lang, "table.download_csv")}
            </button>
        </div>
    }
}

/// An accessible table (caption, column headers); all cells are text, never HTML. At most
/// [`SHOWN_ROWS`] rows, then one row saying how many more "Download CSV" holds.
/// `caption_hidden`: the caption only for screen readers, where a heading above already
/// says the same words.
#[component]
pub fn DataTable(table: Arc<Table>, #[prop(optional)] caption_hidden: bool) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let headers = table.headers.clone();
    let (shown, more) = table.shown_rows(SHOWN_ROWS);
    let rows = shown.to_vec();
    let span = headers.len().max(1).to_string();
    let name = (!table.caption.is_empty()).then(|| table.caption.clone());
    let more_row = (more > 0).then(|| {
        let text = trc(lang, "table.more_rows", &[("n", more.into())]);
        view! { <tr class="jl-more-rows"><td colspan=span>{text}</td></tr> }
    });
    // The wrapper scrolls on its own (long tables, narrow phones): it takes focus so the
    // keyboard can scroll it, and is named after the table for a screen reader.
    view! {
        <div class="jl-table-wrap" tabindex="0" role=name.as_ref().map(|_| "region") aria-label=name>
            <table class="jl-table">
                <caption class:jl-visually-hidden=caption_hidden>{table.caption.clone()}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                        .collect_view()}
                    {more_row}
                </tbody>
            </table>
        </div>
    }
}

/// A table card with "Download CSV", for lists that are not charts.
#[component]
pub fn TableCard(
    id: &'static str,
    title: &'static str,
    table: Signal<Option<Table>>,
) -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let download = move |_| {
        if let Some(t) = table.get_untracked() {
            snapshot::download_csv(data, id, &t, lang);
        }
    };
    view! {
        <section class="jl-card" data-table=id>
            <h3>{tr(lang, title)}</h3>
            {move || {
                table
                    .get()
                    .map(|t| {
                        let same = t.caption == tr(lang, title);
                        view! { <DataTable table=Arc::new(t) caption_hidden=same /> }
                    })
            }}
            <div class="jl-chart-actions">
                <button class="jl-btn" data-action="download-csv" on:click=download>
                    {tr(lang, "table.download_csv")}
                </button>
            </div>
        </section>
    }
}

/// Sizes the backing store to CSS size × `ratio` and draws; `None` when hidden or failed.
pub fn draw_on(
    canvas: &web_sys::HtmlCanvasElement,
    dark: bool,
    ratio: f64,
    draw: impl FnOnce(&Area, &Theme) -> Result<ChartMap, String>,
) -> Option<ChartMap> {
    let el: &web_sys::Element = canvas.unchecked_ref();
    let rect = el.get_bounding_client_rect();
    let (w, h) = (rect.width(), rect.height());
    if w < 10.0 || h < 10.0 {
        return None;
    }
    canvas.set_width((w * ratio).round() as u32);
    canvas.set_height((h * ratio).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let mut theme = if dark { Theme::dark() } else { Theme::light() };
    theme.scale = ratio;
    match draw(&root, &theme) {
        Ok(m) => {
            let _ = root.present();
            Some(m)
        }
        Err(e) => {
            web_sys::console::warn_1(&e.into());
            None
        }
    }
}
