//! Application state: signals shared through context, in three parts by concern.
//!
//! [`Look`] (language, open view, theme), [`DataState`] (the data and its load) and
//! [`Analysis`] (settings, filter, and the report derived from them) are each their own
//! context, so a component asks only for what it reads; [`AppState`] holds the three for
//! what spans them (loading data, links, host messages). The report is recomputed from the
//! data, the settings and the filter whenever one changes, in steps that let the browser in
//! between them (see `computed_report`).

use super::dom;
use super::resilience;
use super::stepped;
use crate::analytics::journeys::{self, JourneyCount, JourneyScope};
use crate::analytics::settings_store::{self, SettingsStore};
use crate::analytics::{self, Filter, Prepared, Report, Settings};
use crate::i18n::{tr, trf, Lang};
use crate::ingest::{Loaded, Sniffed};
use crate::present::tables::{filter_dimensions, FilterDimension};
use crate::storage_policy::{BusyMarker, Phase};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The journey map: first in the navigation and the landing view.
    Map,
    Data,
    Funnel,
    Experience,
    Nps,
    Kpis,
    Flows,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Map,
        Tab::Data,
        Tab::Funnel,
        Tab::Experience,
        Tab::Flows,
        Tab::Nps,
        Tab::Kpis,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Tab::Map => "journey-map",
            Tab::Data => "data",
            Tab::Funnel => "funnel",
            Tab::Experience => "experience",
            Tab::Nps => "nps",
            Tab::Kpis => "kpis",
            Tab::Flows => "flows",
        }
    }
    pub fn label_key(self) -> &'static str {
        match self {
            Tab::Map => "nav.journey_map",
            Tab::Data => "nav.data",
            Tab::Funnel => "nav.funnel",
            Tab::Experience => "nav.experience",
            Tab::Nps => "nav.nps",
            Tab::Kpis => "nav.kpis",
            Tab::Flows => "nav.flows",
        }
    }
}

/// The English sample, also the fallback of [`sample_for`].
pub const SAMPLE: &str = "sample/journeys.csv";

/// The sample a first visit (or "Start with the sample") opens: the one written in the
/// visitor's language, with its stage, touchpoint and persona names.
pub fn sample_for(lang: Lang) -> &'static str {
    match lang {
        Lang::En => SAMPLE,
        Lang::Ca => "sample/viatge_ca.csv",
        Lang::Es => "sample/viaje_es.csv",
        Lang::Pl => "sample/podroz_pl.csv",
    }
}

/// Where the current data came from, so it can be reloaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Sample(String),
    File(String),
    Pasted,
    Feed(String),
}

impl Source {
    /// The file name or feed address, as the user knows it.
    pub fn name(&self, lang: Lang) -> String {
        match self {
            Source::Sample(n) | Source::File(n) | Source::Feed(n) => n.clone(),
            Source::Pasted => tr(lang, "source.pasted"),
        }
    }
}

/// The input behind the current data, kept so it can be loaded again with another mapping.
#[derive(Debug, Clone)]
pub enum Input {
    File(web_sys::File),
    Text(String, Source),
    Feed(String),
}

/// Progress of a running load, shown as a bar with rows and MB done.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub rows: usize,
    pub bytes: f64,
    pub total: f64,
}

/// The loaded data and what analytics precomputed for it once.
#[derive(Debug)]
pub struct Current {
    pub loaded: Loaded,
    pub prepared: Prepared,
    pub source: Source,
    /// A summary feed (`crate::summary`): the report comes from it, not from the
    /// (zero-row) dataset beside it.
    pub summary: Option<Arc<crate::summary::Summary>>,
    /// The data's journeys, largest first ([`journeys::list`]); the selector shows when
    /// there are two or more.
    pub journeys: Vec<JourneyCount>,
    /// What the filter bar offers ([`filter_dimensions`]): counting every dimension's
    /// values at a million events takes tens of milliseconds, so it is done once, here.
    pub filter_dims: Vec<FilterDimension>,
}

impl Current {
    /// The dataset's own name, else its file name or feed address.
    pub fn name(&self, lang: Lang) -> String {
        self.loaded
            .dataset
            .meta
            .name
            .clone()
            .unwrap_or_else(|| self.source.name(lang))
    }
}

/// Timings (ms) from the app's own instrumentation, read by the benchmark through
/// `window.journeyLens` (see [`AppState::publish`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Timings {
    /// Bytes in → dataset ready (parse, encode, prepare).
    pub load_ms: f64,
    /// All four views for the current filter, from the change to the report (the
    /// computation's pauses for the browser included).
    pub compute_ms: f64,
    /// The longest that computation ran without yielding: the longest it held the page.
    pub compute_step_ms: f64,
    /// Sum of chart draws since the last compute.
    pub draw_ms: f64,
    pub loads: u32,
    pub computes: u32,
    pub draws: u32,
    pub peak_memory: f64,
    /// Web Workers that parsed the last file (0: parsed on the page).
    pub workers: u32,
    /// Of those, the ones started before the file was chosen ([`DataState::standby`]).
    pub warm_workers: u32,
}

/// What the reader chose for the page itself: language, open view, theme.
#[derive(Clone, Copy)]
pub struct Look {
    /// The UI language. The app's tree is rebuilt when it changes (data, filters and
    /// settings live in the other signals and stay), so a component reads it once with
    /// `get_untracked` when it is built.
    pub lang: RwSignal<Lang>,
    pub tab: RwSignal<Tab>,
    pub dark: RwSignal<bool>,
}

/// The data on screen and the load that brings it: what the Data view, the progress bar
/// and the loaders work with.
#[derive(Clone, Copy)]
pub struct DataState {
    pub current: RwSignal<Option<Arc<Current>>>,
    /// One clear sentence about the last thing that went wrong; data stays loaded.
    pub error: RwSignal<Option<String>>,
    pub progress: RwSignal<Option<Progress>>,
    pub cancel: StoredValue<bool>,
    pub timings: StoredValue<Timings>,
    /// The header sniffed from the current CSV input (for the mapping screen).
    pub sniffed: RwSignal<Option<Sniffed>>,
    /// Kept on this thread (a `File` is a browser object): only the loaders read it.
    pub input: StoredValue<Option<Input>, LocalStorage>,
    /// Parse workers started when the user reached for a file on the Data view (the file
    /// dialog, a drag), for that file if it is big ([`super::workers::standby`]).
    pub standby: StoredValue<Option<super::workers::Workers>, LocalStorage>,
    pub feed_busy: RwSignal<bool>,
    /// Auto-refresh interval of the feed in seconds (0 = off).
    pub feed_every: RwSignal<u32>,
    /// Bumped as soon as a load succeeds (before the dataset is prepared), so start-up
    /// knows whether it still needs the sample.
    pub accepted: StoredValue<u32>,
    /// Set at start-up when the last session stopped while loading or computing: the app
    /// then asks before opening that data again.
    pub offer: RwSignal<Option<BusyMarker>>,
    /// Files added to the first one ("Add a file"), joined into one journey.
    pub files: super::files::Files,
}

/// What is computed and how: the settings, the filter and the report derived from them
/// and the data. Every view reads its part of the report from here.
#[derive(Clone, Copy)]
pub struct Analysis {
    pub settings: RwSignal<Settings>,
    pub filter: RwSignal<Filter>,
    /// The report as the reader sees it: its "(missing)" and "(others)" labels in the UI
    /// language ([`crate::present::labels`]).
    pub report: Memo<Option<Arc<Report>>>,
    /// The same report as computed, locale-free: what "Download report (JSON)" writes.
    pub raw_report: ReadSignal<Option<Arc<Report>>>,
    /// Whether the report for the current data, settings and filter is still being
    /// computed (in steps, at most a few hundred milliseconds): "Download report" waits.
    pub computing: ReadSignal<bool>,
}

/// The three parts together, for what spans them: loading data (which sets the data, its
/// settings and the filter, and reports in the UI language), links and host messages.
/// Each part is also its own context, so a component asks only for what it reads.
#[derive(Clone, Copy)]
pub struct AppState {
    pub look: Look,
    pub data: DataState,
    pub analysis: Analysis,
}

/// The last settings used, read only for their display preferences (see
/// [`settings_store::fresh_for_dataset`]): a dataset's own choices live in
/// [`DATASET_SETTINGS_KEY`].
const SETTINGS_KEY: &str = "journey-lens.settings";
const LANG_KEY: &str = "journey-lens.lang";
/// Settings by dataset ([`SettingsStore`]).
const DATASET_SETTINGS_KEY: &str = "journey-lens.dataset-settings";

thread_local! {
    /// Settings a shared link or a host page gave for the data about to load, applied over
    /// that data's remembered settings by the next [`AppState::set_loaded`].
    static NEXT_LOAD: std::cell::RefCell<Option<SettingsOverride>> = const { std::cell::RefCell::new(None) };
}

type SettingsOverride = Box<dyn FnOnce(Settings) -> Settings>;

/// Makes `apply` change the settings of the next dataset loaded (after its remembered ones
/// are read), so a link's or a host's choices win over what this browser remembered.
pub fn override_next_load(apply: impl FnOnce(Settings) -> Settings + 'static) {
    NEXT_LOAD.with(|n| *n.borrow_mut() = Some(Box::new(apply)));
}

/// The key the current data's settings are remembered under.
fn settings_key(loaded: &Loaded, source: &Source) -> String {
    let feed = match source {
        Source::Feed(url) => Some(url.as_str()),
        _ => None,
    };
    settings_store::dataset_key(&loaded.report.header_key, feed)
}

/// The journey chosen last for each dataset (by the same key as its settings).
const JOURNEY_KEY: &str = "journey-lens.journeys";

/// The journey last chosen for the data `key`, if any.
fn remembered_journey(key: &str) -> Option<JourneyScope> {
    let text = dom::store_get(JOURNEY_KEY)?;
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).ok()?;
    map.get(key).and_then(|j| JourneyScope::parse(j))
}

/// Remembers the journey on screen for the current data, so it opens there next time.
fn remember_journey(key: &str, scope: &JourneyScope) {
    let mut map: std::collections::BTreeMap<String, String> = dom::store_get(JOURNEY_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    if map.get(key).map(String::as_str) == Some(scope.key()) {
        return;
    }
    map.insert(key.to_string(), scope.key().to_string());
    // A handful of datasets is plenty; the oldest keys by name go first past that.
    while map.len() > settings_store::MAX_DATASETS {
        let Some(first) = map.keys().next().cloned() else {
            break;
        };
        map.remove(&first);
    }
    if let Ok(json) = serde_json::to_string(&map) {
        dom::store_set(JOURNEY_KEY, &json);
    }
}

fn settings_store() -> SettingsStore {
    dom::store_get(DATASET_SETTINGS_KEY)
        .map(|t| SettingsStore::parse(&t))
        .unwrap_or_default()
}

/// Whether a memo of a shared report changed: by identity, since a recomputation is a new
/// report and comparing two reports field by field would cost as much as drawing them.
fn report_changed(a: Option<&Option<Arc<Report>>>, b: Option<&Option<Arc<Report>>>) -> bool {
    match (a, b) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The report as computed from the data, its settings and the filter: locale-free (what
/// "Download report (JSON)" writes). The busy marker and the timings are the only things
/// it touches besides: they record that a compute ran, for crash recovery and the bench.
///
/// Not a memo ([`stepped`]): at a million events the views take a few hundred
/// milliseconds, so they are computed one step at a time ([`analytics::steps`]). Until a
/// compute finishes, the views keep showing the last report; the second signal says whether
/// one is running (the last report is then not the current one).
fn computed_report(
    current: RwSignal<Option<Arc<Current>>>,
    settings: RwSignal<Settings>,
    filter: RwSignal<Filter>,
    timings: StoredValue<Timings>,
    lang: RwSignal<Lang>,
    debug_panic: bool,
) -> (ReadSignal<Option<Arc<Report>>>, ReadSignal<bool>) {
    stepped::latest(move || {
        let cur = current.get();
        let settings = settings.get();
        let filter = filter.get();
        let cur = cur?;
        // Until this compute finishes, the next start must not open this data on its own.
        resilience::mark(Phase::Computing, &cur.name(lang.get_untracked()));
        Some(Box::pin(async move {
            if debug_panic {
                panic!("debug-panic: a deliberate panic requested by the page address");
            }
            let (report, time) = compute_report(&cur, &settings, &filter).await;
            timings.update_value(|t| {
                t.compute_ms = time.total_ms;
                t.compute_step_ms = time.longest_ms;
                t.computes += 1;
                t.draw_ms = 0.0;
                t.draws = 0;
            });
            resilience::clear_marker();
            Arc::new(report)
        }))
    })
}

/// How long a compute took: from start to report (pauses included), and the longest it
/// ran without yielding.
struct ComputeTime {
    total_ms: f64,
    longest_ms: f64,
}

/// Events past which a computation yields before its first step (see
/// [`dom::Slices::after_change`]), and putting new data on screen yields between its
/// steps. Tens of thousands of events already cost tens of milliseconds: at 200 000 a
/// 100 k file's first compute ran in the task that showed the data, a 55–84 ms task
/// (`make bench`, 2026-12-02); the sample (3 000 events) still computes in that task.
pub const BIG_EVENTS: usize = 20_000;

/// The report for `cur` (from its events, or from its summary feed).
async fn compute_report(
    cur: &Current,
    settings: &Settings,
    filter: &Filter,
) -> (Report, ComputeTime) {
    let t0 = dom::now_ms();
    // Each persona's colour in every chart comes from the data's persona list.
    crate::charts::theme::set_persona_order(match &cur.summary {
        Some(s) => s.dict("persona").unwrap_or(&[]),
        None => cur
            .loaded
            .dataset
            .persona
            .as_ref()
            .map_or(&[], |p| &p.values[..]),
    });
    if let Some(s) = &cur.summary {
        let report = crate::summary::compute(s, settings, filter);
        let ms = dom::now_ms() - t0;
        let time = ComputeTime {
            total_ms: ms,
            longest_ms: ms,
        };
        return (report, time);
    }
    // The longest stretch between two yields is the longest the compute held the page.
    let (ds, prep) = (&cur.loaded.dataset, &cur.prepared);
    let slices = dom::Slices::after_change(ds.len() >= BIG_EVENTS).await;
    let clock = || 0.0;
    let pause = || slices.pause();
    let (report, _) =
        analytics::steps::compute_in_steps(ds, prep, settings, filter, &clock, pause).await;
    let time = ComputeTime {
        total_ms: dom::now_ms() - t0,
        longest_ms: slices.longest_ms(),
    };
    (report, time)
}

/// The report as the reader sees it: "(missing)" and "(others)" in the UI language.
fn shown_report(
    raw: ReadSignal<Option<Arc<Report>>>,
    lang: RwSignal<Lang>,
) -> Memo<Option<Arc<Report>>> {
    Memo::new_with_compare(
        move |_| {
            let raw = raw.get()?;
            Some(match lang.get() {
                Lang::En => raw,
                lang => Arc::new(crate::present::labels::localized(&raw, lang)),
            })
        },
        report_changed,
    )
}

/// The UI language, for a component being built: the tree is rebuilt when it changes, so
/// reading it once (untracked) is enough.
pub fn use_lang() -> Lang {
    expect_context::<Look>().lang.get_untracked()
}

impl Look {
    /// The language (link, then this browser's last choice, then its preferences) and the
    /// theme (last choice, then the system's), both applied to the page at once.
    fn new() -> Look {
        let dark = dom::store_get("journey-lens.theme")
            .map(|t| t == "dark")
            .unwrap_or_else(dom::prefers_dark);
        dom::set_theme(dark);
        let preferred = dom::preferred_languages();
        let preferred: Vec<&str> = preferred.iter().map(String::as_str).collect();
        let lang = Lang::choose(
            dom::query_param("lang").as_deref(),
            dom::store_get(LANG_KEY).as_deref(),
            &preferred,
        );
        dom::set_document_lang(lang.code());
        Look {
            lang: RwSignal::new(lang),
            // The journey map is where a visitor lands; it says so while data is loading.
            tab: RwSignal::new(Tab::Map),
            dark: RwSignal::new(dark),
        }
    }

    /// Switches the UI language at once (the data stays), remembers the choice and tells
    /// the page (`<html lang>`).
    pub fn set_lang(self, lang: Lang) {
        if self.lang.get_untracked() == lang {
            return;
        }
        dom::set_document_lang(lang.code());
        dom::store_set(LANG_KEY, lang.code());
        self.lang.set(lang);
    }

    pub fn toggle_theme(self) {
        let dark = !self.dark.get_untracked();
        self.dark.set(dark);
        dom::set_theme(dark);
        dom::store_set("journey-lens.theme", if dark { "dark" } else { "light" });
    }
}

impl DataState {
    /// Records one chart draw of `ms` milliseconds.
    pub fn record_draw(self, ms: f64) {
        self.timings.update_value(|t| {
            t.draw_ms += ms;
            t.draws += 1;
        });
        self.publish();
    }

    /// Exposes the instrumentation as `window.journeyLens` for the benchmark and tests:
    /// plain numbers, no handle into the app.
    pub fn publish(self) {
        let t = self.timings.get_value();
        let mem = dom::wasm_memory_bytes();
        let peak = t.peak_memory.max(mem);
        if peak > t.peak_memory {
            self.timings.update_value(|t| t.peak_memory = peak);
        }
        let (rows, rejected, customers) = self.current.with_untracked(|c| match c {
            Some(c) => (
                c.loaded.report.rows_loaded as f64,
                c.loaded.report.rows_rejected as f64,
                c.loaded.dataset.customer_count() as f64,
            ),
            None => (0.0, 0.0, 0.0),
        });
        dom::publish_numbers(
            "journeyLens",
            &[
                ("loadMs", t.load_ms),
                ("computeMs", t.compute_ms),
                ("computeStepMs", t.compute_step_ms),
                ("drawMs", t.draw_ms),
                ("loads", t.loads as f64),
                ("computes", t.computes as f64),
                ("draws", t.draws as f64),
                ("rows", rows),
                ("rejected", rejected),
                ("customers", customers),
                ("memoryBytes", mem),
                ("peakMemoryBytes", peak),
                ("workers", t.workers as f64),
                ("warmWorkers", t.warm_workers as f64),
            ],
        );
    }

    /// The answer scales of the current data (defaults when nothing is loaded).
    pub fn scales(self) -> crate::dataset::Scales {
        self.current.with(|c| {
            c.as_ref()
                .map(|c| c.loaded.dataset.scales)
                .unwrap_or_default()
        })
    }

    /// The current data's journeys when the views offer a choice among them (two or
    /// more), else nothing.
    pub fn journey_choice(self) -> Vec<JourneyCount> {
        self.current.with(|c| {
            c.as_ref()
                .filter(|c| journeys::has_choice(&c.journeys))
                .map(|c| c.journeys.clone())
                .unwrap_or_default()
        })
    }

    /// The current data's name (empty while nothing is loaded).
    pub fn dataset_name(self, lang: Lang) -> String {
        self.current.with(|c| match c {
            None => String::new(),
            Some(c) => c.name(lang),
        })
    }

    fn new() -> DataState {
        DataState {
            current: RwSignal::new(None),
            error: RwSignal::new(None),
            progress: RwSignal::new(None),
            cancel: StoredValue::new(false),
            timings: StoredValue::new(Timings::default()),
            sniffed: RwSignal::new(None),
            input: StoredValue::new_local(None),
            standby: StoredValue::new_local(None),
            feed_busy: RwSignal::new(false),
            feed_every: RwSignal::new(0),
            accepted: StoredValue::new(0),
            offer: RwSignal::new(None),
            files: super::files::Files::new(),
        }
    }
}

impl Analysis {
    fn new(data: DataState, lang: RwSignal<Lang>) -> Analysis {
        // Until data is loaded only the display preferences apply: the stage order of
        // whatever was open last must not reach the data that opens now.
        let settings = dom::store_get(SETTINGS_KEY)
            .and_then(|s| serde_json::from_str(&s).ok())
            .map(|s| settings_store::fresh_for_dataset(&s))
            .unwrap_or_default();
        let settings = RwSignal::new(settings);
        let filter = RwSignal::new(Filter::default());
        // `?debug-panic=1`: panic on purpose in the next compute, so the browser tests can
        // check the recovery panel and the start-up offer. It can only break this tab's page.
        let debug_panic = dom::query_param("debug-panic").is_some();
        let (raw_report, computing) = computed_report(
            data.current,
            settings,
            filter,
            data.timings,
            lang,
            debug_panic,
        );
        Analysis {
            settings,
            filter,
            report: shown_report(raw_report, lang),
            raw_report,
            computing,
        }
    }
}

impl AppState {
    pub fn new() -> AppState {
        let look = Look::new();
        let data = DataState::new();
        let analysis = Analysis::new(data, look.lang);
        AppState {
            look,
            data,
            analysis,
        }
    }

    /// Makes each part its own context, and the whole for what spans them.
    pub fn provide(self) {
        provide_context(self.look);
        provide_context(self.data);
        provide_context(self.analysis);
        provide_context(self);
    }

    /// Starts the first load and wires the recomputation of the report.
    pub fn boot(self) {
        let state = self;
        // Draw-time counters start again with each new report; the report itself is derived
        // (see `computed_report`), this only publishes the figures.
        Effect::new(move |_| {
            if state.analysis.raw_report.with(Option::is_some) {
                state.data.publish();
            }
        });
        Effect::new(move |_| {
            let s = state.analysis.settings.get();
            if let Ok(json) = serde_json::to_string(&s) {
                dom::store_set(SETTINGS_KEY, &json);
            }
            // Read untracked: a new dataset and its settings are set together, so this
            // always files the settings under the data they belong to.
            let key = state
                .data
                .current
                .with_untracked(|c| c.as_ref().map(|c| settings_key(&c.loaded, &c.source)));
            if let Some(key) = key {
                let mut store = settings_store();
                if store.get(&key) != Some(&s) {
                    store.remember(&key, &s);
                    dom::store_set(DATASET_SETTINGS_KEY, &store.to_json());
                }
            }
        });
        // The journey on screen is remembered for its data (only where there is a choice).
        Effect::new(move |_| {
            let scope = state.analysis.filter.with(JourneyScope::of);
            state.data.current.with_untracked(|c| {
                let Some(c) = c.as_ref().filter(|c| journeys::has_choice(&c.journeys)) else {
                    return;
                };
                let key = settings_key(&c.loaded, &c.source);
                // Nothing to keep while the data shows the journey it opens on anyway.
                let stored = remembered_journey(&key);
                if stored.is_some() || scope != journeys::default_scope(&c.journeys) {
                    remember_journey(&key, &scope);
                }
            });
        });
        leptos::task::spawn_local(async move {
            // Opening automatically what the last session died on would die again.
            match resilience::last_marker() {
                Some(marker) => state.data.offer.set(Some(marker)),
                None => state.open_start().await,
            }
        });
        // Optional feed auto-refresh: re-fetch every N seconds while a feed is the source.
        // A timer exists only while a period is chosen; choosing another replaces it (the
        // old one is cancelled when dropped), "off" drops it. A tick while the feed is
        // still loading is skipped.
        let timer = StoredValue::new_local(None::<gloo_timers::callback::Interval>);
        Effect::new(move |_| {
            let every = state.data.feed_every.get();
            let tick = move || {
                let feed = state.data.input.with_value(|i| match i {
                    Some(Input::Feed(u)) => Some(u.clone()),
                    _ => None,
                });
                if let Some(url) = feed.filter(|_| !state.data.feed_busy.get_untracked()) {
                    leptos::task::spawn_local(async move { state.load_feed(&url).await });
                }
            };
            let next = (every > 0)
                .then(|| gloo_timers::callback::Interval::new(every.saturating_mul(1000), tick));
            timer.set_value(next);
        });
    }

    /// Replaces the current data (and clears filters that no longer apply). Preparing and
    /// the first compute each run in their own task, after a yield, so a big file never
    /// blocks the page in one long stretch.
    pub fn set_loaded(self, mut loaded: Loaded, source: Source) {
        // Name the dataset after its file, as the report command does.
        if loaded.dataset.meta.name.is_none() {
            if let Source::Sample(n) | Source::File(n) = &source {
                loaded.dataset.meta.name = Some(n.clone());
            }
        }
        let summary = super::summary::take_pending();
        self.data.accepted.update_value(|n| *n += 1);
        self.data.offer.set(None);
        let name = loaded
            .dataset
            .meta
            .name
            .clone()
            .unwrap_or_else(|| source.name(self.look.lang.get_untracked()));
        leptos::task::spawn_local(async move {
            // Preparing can fail as badly as loading: until the first compute of this data
            // finishes, the next start must not open it on its own.
            resilience::mark(Phase::Computing, &name);
            dom::yield_now().await;
            let t0 = dom::now_ms();
            let prepared = Prepared::new(&loaded.dataset);
            let prep_ms = dom::now_ms() - t0;
            dom::yield_now().await;
            // Views open on one journey, the largest (or the one last chosen for this
            // data); a link's choice is applied over it once the data is on screen.
            let journeys = journeys::list(&loaded.dataset);
            // Listing the journeys or the filter's values of a million events takes tens of
            // milliseconds each, and putting the data on screen starts its report.
            let big = loaded.dataset.len() >= BIG_EVENTS;
            if big {
                dom::yield_now().await;
            }
            let lang = self.look.lang.get_untracked();
            let filter_dims = filter_dimensions(lang, &loaded.dataset, &loaded.report.mapping);
            if big {
                dom::yield_now().await;
            }
            let key = settings_key(&loaded, &source);
            let remembered = remembered_journey(&key);
            let scope = journeys::opening_scope(&journeys, None, remembered.as_ref());
            self.analysis.filter.set(scope.apply(Filter::default()));
            self.data.error.set(None);
            let mut settings =
                settings_store().settings_for(&key, &self.analysis.settings.get_untracked());
            if let Some(apply) = NEXT_LOAD.with(|n| n.borrow_mut().take()) {
                settings = apply(settings);
            }
            if self.analysis.settings.with_untracked(|s| *s != settings) {
                self.analysis.settings.set(settings);
            }
            self.data.current.set(Some(Arc::new(Current {
                loaded,
                prepared,
                source,
                summary,
                journeys,
                filter_dims,
            })));
            // Published with the new data on screen, so the figures (rows, customers) are
            // the new data's; its report follows once computed (`computed_report`).
            self.data.timings.update_value(|t| {
                t.load_ms += prep_ms;
                t.loads += 1;
            });
            self.data.publish();
        });
    }

    pub async fn load_sample(self, path: &str) {
        match gloo_net::http::Request::get(path).send().await {
            Ok(resp) if resp.ok() => match resp.binary().await {
                Ok(bytes) => {
                    let name = path.rsplit('/').next().unwrap_or(path).to_string();
                    if let Ok(text) = String::from_utf8(bytes.clone()) {
                        self.data
                            .input
                            .set_value(Some(Input::Text(text, Source::Sample(name.clone()))));
                    }
                    self.load_bytes(bytes, Source::Sample(name), Default::default());
                }
                Err(e) => self.data.error.set(Some(e.to_string())),
            },
            Ok(resp) => self.data.error.set(Some(trf(
                self.look.lang.get_untracked(),
                "error.http",
                &[("url", path), ("status", &resp.status().to_string())],
            ))),
            Err(e) => self.data.error.set(Some(e.to_string())),
        }
    }
}
