//! Getting data in from the browser: files (picker or drop) read in slices so the page
//! never freezes, pasted text, the bundled samples and JSON feeds.
//!
//! A file read on the page is read in 4 MiB slices and parsed 1 MiB at a time with a yield
//! to the browser in between, so the progress bar moves and Cancel is honoured; an error at
//! any point leaves the data already on screen untouched.

use super::dom;
use super::feed;
use super::persist;
use super::resilience::Busy;
use super::state::{sample_for, AppState, Input, Progress, Source};
use super::workers;
use crate::dataset::{Role, Scales};
use crate::i18n::{tr, trf, Lang};
use crate::ingest::{self, CsvLoader, CsvOptions, JsonOptions, Loaded, Milestones};
use crate::present::message::render;
use crate::storage_policy::{legacy_mapping_header, quoted, MappingStore, Phase, MAX_INPUT_BYTES};
use leptos::prelude::*;

/// Bytes parsed between two looks at the clock when the page reads a file alone: about
/// 25 ms on a 2-core machine (2 MiB took 50 to 70, over the 50 ms that makes a task
/// "long"). Not the quarter used beside workers: alone, the page would then yield, and draw
/// the progress bar, more than twice as often (1 M loads: 1894 ms median against 1814 in
/// six alternated loads each, README "Figures of 2026-12-02, 07:46").
const PAGE_ALONE_PIECE: usize = 1 << 20;
/// How often the progress bar moves during a load. Each move re-lays out and repaints the
/// bar and its text; one per piece repainted the page every frame of a load (a 1 M load on
/// the page alone spent about 300 ms of its 2.5 s in style, layout and paint: Chromium
/// trace, 2026-12-02).
const PROGRESS_EVERY_MS: f64 = 100.0;
const FEED_KEY: &str = "journey-lens.feed";
const MAPPINGS_KEY: &str = "journey-lens.mappings";

/// Files above this are refused up front with a clear sentence instead of exhausting the
/// 4 GiB a WebAssembly page can address (a dataset plus its prepared copy take about
/// 2–3× the file size).
pub const MAX_FILE_BYTES: f64 = MAX_INPUT_BYTES as f64;
/// A load stops with the same sentence if memory grows past this while parsing.
const MAX_MEMORY_BYTES: f64 = 3.0 * 1024.0 * 1024.0 * 1024.0;

/// The progress bar's side of a load: passes its progress on at most every
/// [`PROGRESS_EVERY_MS`]; the bar is hidden again (`None`) when the load ends.
struct ProgressFeed {
    bar: RwSignal<Option<Progress>>,
    total: f64,
    shown_at: std::cell::Cell<f64>,
}

impl ProgressFeed {
    /// Shows the bar at 0 of `total` bytes.
    fn start(bar: RwSignal<Option<Progress>>, total: f64) -> ProgressFeed {
        let feed = ProgressFeed {
            bar,
            total,
            shown_at: std::cell::Cell::new(f64::NEG_INFINITY),
        };
        feed.show(0, 0.0);
        feed
    }

    fn show(&self, rows: usize, bytes: f64) {
        let now = dom::now_ms();
        if now - self.shown_at.get() >= PROGRESS_EVERY_MS {
            self.shown_at.set(now);
            let total = self.total;
            self.bar.set(Some(Progress { rows, bytes, total }));
        }
    }
}

impl Drop for ProgressFeed {
    fn drop(&mut self) {
        self.bar.set(None);
    }
}

/// What the user chose on the mapping screen for the current input.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LoadChoices {
    pub roles: Option<Vec<Role>>,
    pub scales: Scales,
    pub row_ids: bool,
    /// Date columns read as journey stages ("Use these date columns as journey stages").
    pub milestones: Option<Milestones>,
    /// For an added file: the column shared with the files before it that finds each
    /// row's customer.
    pub key: Option<String>,
}

/// The stored mappings (one capped key), with any an older version kept under a key of
/// their own moved in, so those stop growing outside the cap.
fn mapping_store() -> MappingStore {
    let mut store = dom::store_get(MAPPINGS_KEY)
        .map(|text| MappingStore::parse(&text))
        .unwrap_or_default();
    let legacy: Vec<String> = dom::store_keys()
        .into_iter()
        .filter(|k| legacy_mapping_header(k).is_some())
        .collect();
    if legacy.is_empty() {
        return store;
    }
    for key in legacy {
        let roles = dom::store_get(&key).and_then(|t| serde_json::from_str(&t).ok());
        if let (Some(header), Some(roles)) = (legacy_mapping_header(&key), roles) {
            store.import_older(header, roles);
        }
        dom::store_remove(&key);
    }
    dom::store_set(MAPPINGS_KEY, &store.to_json());
    store
}

/// A mapping the user confirmed earlier for a file with the same header.
pub fn remembered_roles(header_key: &str) -> Option<Vec<Role>> {
    let store = mapping_store();
    store
        .get(header_key)?
        .iter()
        .map(|k| Role::from_key(k))
        .collect()
}

pub fn remember_roles(header_key: &str, roles: &[Role]) {
    let mut store = mapping_store();
    store.remember(
        header_key,
        roles.iter().map(|r| r.key().to_string()).collect(),
    );
    dom::store_set(MAPPINGS_KEY, &store.to_json());
}

pub fn csv_options(choices: &LoadChoices) -> CsvOptions {
    let opts = CsvOptions {
        roles: choices.roles.clone(),
        scales: choices.scales,
        row_number_as_customer: choices.row_ids,
        milestones: choices.milestones.clone(),
        ..CsvOptions::default()
    };
    match &choices.key {
        Some(key) => crate::join::keyed_options(opts, key),
        None => opts,
    }
}

/// "This file is too large" for a file of `total` bytes.
fn too_large(lang: Lang, name: &str, total: f64) -> String {
    trf(
        lang,
        "load.too_large",
        &[
            ("name", name),
            ("mb", &format!("{:.0}", total / 1_048_576.0)),
        ],
    )
}

impl AppState {
    /// Loads the current input again with the given choices (mapping screen "Apply").
    pub async fn reload_with(self, choices: LoadChoices) {
        let input = self.data.input.with_value(|i| i.clone());
        // The same first file with other choices: the added files stay joined to it.
        let before = self.data.files.keep_added(self);
        match input {
            Some(Input::File(file)) => self.load_file(file, choices).await,
            Some(Input::Text(text, source)) => self.load_bytes(text.into_bytes(), source, choices),
            Some(Input::Feed(url)) => self.load_feed(&url).await,
            None => {}
        }
        self.data.files.rejoin(self, before).await;
    }

    /// A file from the picker or a drop.
    pub async fn load_file(self, file: web_sys::File, mut choices: LoadChoices) {
        let name = file.name();
        let total = file.size();
        let lang = self.look.lang.get_untracked();
        if total > MAX_FILE_BYTES {
            self.data.error.set(Some(too_large(lang, &name, total)));
            return;
        }
        self.data.input.set_value(Some(Input::File(file.clone())));
        let busy = Busy::start(Phase::Loading, &name);
        let lower = name.to_lowercase();
        if lower.ends_with(".json") || lower.ends_with(".ndjson") {
            return self
                .load_whole_file(&file, name, total, busy, choices)
                .await;
        }
        // Sniff first so a remembered mapping applies before the real load.
        let head = match dom::read_slice(&file, 0.0, total.min(64.0 * 1024.0)).await {
            Ok(b) => b,
            Err(e) => return self.data.error.set(Some(e)),
        };
        if ingest::looks_like_json(&head) {
            return self
                .load_whole_file(&file, name, total, busy, choices)
                .await;
        }
        match ingest::sniff(&head) {
            Ok(sniffed) => {
                if choices.roles.is_none() {
                    choices.roles = remembered_roles(&sniffed.header_key);
                }
                self.data.sniffed.set(Some(sniffed));
            }
            Err(e) => {
                return self
                    .data
                    .error
                    .set(Some(format!("{name}: {}", render(lang, &e))))
            }
        }
        self.data.cancel.set_value(false);
        let t0 = dom::now_ms();
        let loaded = match self
            .load_in_workers(&file, &name, &head, total, &choices)
            .await
        {
            Some(loaded) => loaded,
            // Read on the page.
            None => {
                self.data.timings.update_value(|t| {
                    t.workers = 0;
                    t.warm_workers = 0;
                });
                self.load_in_slices(&file, &name, total, &choices).await
            }
        };
        match loaded {
            Ok(loaded) => {
                busy.hand_over();
                self.data
                    .timings
                    .update_value(|t| t.load_ms = dom::now_ms() - t0);
                self.remember_and_set(loaded, Source::File(name), &choices);
            }
            Err(message) => self.data.error.set(Some(message)),
        }
    }

    /// A JSON file (or one that reads as JSON), read in one piece and loaded as text.
    async fn load_whole_file(
        self,
        file: &web_sys::File,
        name: String,
        total: f64,
        busy: Busy,
        choices: LoadChoices,
    ) {
        match dom::read_slice(file, 0.0, total).await {
            Ok(bytes) => {
                busy.hand_over();
                self.load_bytes(bytes, Source::File(name), choices)
            }
            Err(e) => self.data.error.set(Some(e)),
        }
    }

    /// A CSV file read on the page with [`dom::read_in_pieces`], so the progress bar
    /// moves and Cancel is honoured between pieces. An error is the sentence to show; the
    /// progress bar is gone either way.
    async fn load_in_slices(
        self,
        file: &web_sys::File,
        name: &str,
        total: f64,
        choices: &LoadChoices,
    ) -> Result<Loaded, String> {
        let lang = self.look.lang.get_untracked();
        let mut loader = CsvLoader::new(csv_options(choices));
        loader.expect_bytes(total as u64);
        let bar = ProgressFeed::start(self.data.progress, total);
        let each = |piece: &[u8], bytes: f64| {
            if self.data.cancel.get_value() {
                return Err(tr(lang, "load.cancelled"));
            }
            if dom::wasm_memory_bytes() > MAX_MEMORY_BYTES {
                return Err(too_large(lang, name, total));
            }
            let p = loader
                .push(piece)
                .map_err(|e| format!("{name}: {}", render(lang, &e)))?;
            bar.show(p.rows, bytes);
            Ok(())
        };
        let read = dom::read_in_pieces(file, (0.0, total), PAGE_ALONE_PIECE, each, |e| e).await;
        drop(bar);
        read?;
        loader
            .finish()
            .map_err(|e| format!("{name}: {}", render(lang, &e)))
    }

    /// Starts the parse workers a big file would use, unless they are started already, so
    /// they are ready when the user has found the file (see [`workers::standby`]).
    pub fn stand_by(self) {
        if self.data.standby.with_value(Option::is_none) {
            self.data.standby.set_value(workers::standby());
        }
    }

    /// Stops the workers [`Self::stand_by`] started, if no load took them.
    pub fn stand_down(self) {
        self.data.standby.set_value(None);
    }

    /// A big CSV file parsed in Web Workers (see `workers`). `None` when it is better read
    /// on the page: a small file, workers unavailable here, a quoted field spanning a cut,
    /// or text that must be decoded first. An error is the sentence to show; the data on
    /// screen stays either way.
    async fn load_in_workers(
        self,
        file: &web_sys::File,
        name: &str,
        head: &[u8],
        total: f64,
        choices: &LoadChoices,
    ) -> Option<Result<Loaded, String>> {
        let wanted = workers::wanted(total)?;
        let options = csv_options(choices);
        let complete = total <= ingest::sniff::SNIFF_BYTES as f64;
        if !ingest::csv::splittable(head, complete, &options) {
            return None;
        }
        // Workers started ahead are used if they are as many as a big file's parts (a
        // file cut in fewer parts is read by fresh ones); the others stop.
        let standby = self.data.standby.try_update_value(Option::take).flatten();
        let standby = standby.filter(|w| w.count() + 1 == wanted);
        let lead = workers::lead(standby.as_ref());
        let ranges = workers::ranges(file, total, wanted, lead).await;
        if ranges.len() < 2 {
            return None;
        }
        let standby = standby.filter(|w| w.count() + 1 == ranges.len());
        let warm = standby.as_ref().map_or(0, |w| w.count() as u32);
        let bar = ProgressFeed::start(self.data.progress, total);
        let progress = |done: workers::Done| bar.show(done.rows, done.bytes);
        let cancelled = || self.data.cancel.get_value();
        let page = workers::Page {
            file,
            head,
            complete,
            options: &options,
        };
        let outcome = workers::load(page, &ranges, standby, progress, cancelled).await;
        drop(bar);
        let lang = self.look.lang.get_untracked();
        match outcome {
            workers::Outcome::Merged(Ok(Some(loaded))) => {
                self.data.timings.update_value(|t| {
                    t.workers = ranges.len() as u32 - 1;
                    t.warm_workers = warm;
                });
                Some(Ok(*loaded))
            }
            workers::Outcome::Merged(Ok(None)) | workers::Outcome::Unavailable => None,
            workers::Outcome::Merged(Err(e)) => Some(Err(format!("{name}: {}", render(lang, &e)))),
            workers::Outcome::Cancelled => Some(Err(tr(lang, "load.cancelled"))),
            workers::Outcome::Failed(reason) => Some(Err(trf(
                lang,
                "workers.failed",
                &[("name", name), ("reason", &reason.describe(lang))],
            ))),
        }
    }

    /// Bytes already in memory: pasted text, a JSON file, a sample.
    pub fn load_bytes(self, bytes: Vec<u8>, source: Source, mut choices: LoadChoices) {
        if crate::summary::looks_like_summary(&bytes) {
            if let Err(e) = self.load_summary(&bytes, source, &choices) {
                self.data.error.set(Some(e));
            }
            return;
        }
        let busy = Busy::start(Phase::Loading, &source.name(self.look.lang.get_untracked()));
        let t0 = dom::now_ms();
        let result = if ingest::looks_like_json(&bytes) {
            self.data.sniffed.set(None);
            ingest::load_json(
                &bytes,
                &JsonOptions {
                    roles: choices.roles.clone(),
                    row_number_as_customer: choices.row_ids,
                    ..JsonOptions::default()
                },
            )
        } else {
            match ingest::sniff(&bytes) {
                Ok(s) => {
                    if choices.roles.is_none() {
                        choices.roles = remembered_roles(&s.header_key);
                    }
                    self.data.sniffed.set(Some(s));
                    ingest::load_csv(&bytes, &csv_options(&choices))
                }
                Err(e) => Err(e),
            }
        };
        if let Source::Pasted = source {
            if let Ok(text) = String::from_utf8(bytes) {
                self.data
                    .input
                    .set_value(Some(Input::Text(text, Source::Pasted)));
            }
        }
        match result {
            Ok(loaded) => {
                busy.hand_over();
                self.data
                    .timings
                    .update_value(|t| t.load_ms = dom::now_ms() - t0);
                self.remember_and_set(loaded, source, &choices);
            }
            Err(e) => self
                .data
                .error
                .set(Some(render(self.look.lang.get_untracked(), &e))),
        }
    }

    pub(super) fn remember_and_set(self, loaded: Loaded, source: Source, choices: &LoadChoices) {
        // A new first file starts a new set of files.
        self.data
            .files
            .reset(choices.milestones.clone(), choices.roles.clone());
        match (&choices.milestones, &choices.roles) {
            // Milestone columns end up ignored in the report's mapping: remember what the
            // user chose, which still loads without milestones.
            (Some(_), Some(roles)) => remember_roles(&loaded.report.header_key, roles),
            (Some(_), None) => {}
            (None, Some(_)) => {
                remember_roles(&loaded.report.header_key, &loaded.report.mapping.roles())
            }
            (None, None) => {}
        }
        // A feed opened from a link (`?feed=`) is a visit, not a choice: the link brings it
        // back, and what the user saved stays untouched.
        let from_link = matches!(&source, Source::Feed(url)
            if feed::link_feed(self.look.lang.get_untracked()).as_deref() == Some(url.as_str()));
        if from_link {
            return self.set_loaded(loaded, source);
        }
        // What a page reload brings back: the feed by URL, the user's own data from
        // IndexedDB, or nothing (the sample loads again).
        let json = serde_json::to_string(choices).unwrap_or_default();
        let saved = match (&source, self.data.input.with_value(|i| i.clone())) {
            (Source::File(_), Some(Input::File(f))) => Some(persist::Saved::File(f, json)),
            (Source::Pasted, Some(Input::Text(t, _))) => Some(persist::Saved::Text(t, json)),
            _ => None,
        };
        if let Source::Feed(url) = &source {
            dom::store_set(FEED_KEY, url);
        } else {
            dom::store_remove(FEED_KEY);
        }
        leptos::task::spawn_local(async move {
            let _ = match saved {
                Some(s) => persist::save(s).await,
                None => persist::clear().await,
            };
        });
        self.set_loaded(loaded, source);
    }

    /// Restores the dataset of the last visit; `false` when there is none.
    pub async fn restore(self) -> bool {
        let before = self.data.accepted.get_value();
        if let Some(url) = dom::store_get(FEED_KEY) {
            self.load_feed(&url).await;
            return self.data.accepted.get_value() > before;
        }
        // Read before the first file loads again, which starts a new (empty) set.
        let added = persist::load_added().await;
        self.data.files.set_restoring(true);
        match persist::load().await {
            Some(persist::Saved::File(file, choices)) => {
                let choices = serde_json::from_str(&choices).unwrap_or_default();
                self.load_file(file, choices).await;
            }
            Some(persist::Saved::Text(text, choices)) => {
                let choices = serde_json::from_str(&choices).unwrap_or_default();
                self.data
                    .input
                    .set_value(Some(Input::Text(text.clone(), Source::Pasted)));
                self.load_bytes(text.into_bytes(), Source::Pasted, choices);
            }
            None => {
                self.data.files.set_restoring(false);
                return false;
            }
        }
        self.data.files.set_restoring(false);
        let ok = self.data.accepted.get_value() > before;
        if ok && !added.is_empty() {
            self.data.files.restore(self, added).await;
        }
        ok
    }

    /// What a start opens when nothing went wrong last time: a feed in the address wins,
    /// then the data of the last visit, else the sample.
    pub async fn open_start(self) {
        // A shared link made with a bundled sample shows that sample, whatever was open here.
        if let Some(sample) = super::share::linked_sample() {
            return self.load_sample(&sample).await;
        }
        if let Some(url) = dom::query_param("feed") {
            self.load_feed(&url).await;
            if self.data.accepted.get_value() > 0 {
                return;
            }
        }
        if self.restore().await {
            return;
        }
        self.load_sample(sample_for(self.look.lang.get_untracked()))
            .await;
    }

    /// Fetches a JSON feed. On any failure the current data and the current input stay
    /// (so "Apply mapping" and auto-refresh never fetch the failed address) and one
    /// sentence says why.
    pub async fn load_feed(self, raw: &str) {
        let raw = raw.trim();
        if raw.is_empty() {
            return;
        }
        let url = match feed::resolve(self.look.lang.get_untracked(), raw) {
            Ok(url) => url,
            Err(reason) => return self.feed_failed(raw, &reason),
        };
        let busy = Busy::start(Phase::Loading, &url);
        self.data.feed_busy.set(true);
        let result = feed::fetch(self.look.lang.get_untracked(), &url).await;
        self.data.feed_busy.set(false);
        let bytes = match result {
            Ok(bytes) => bytes,
            Err(reason) => return self.feed_failed(&url, &reason),
        };
        if crate::summary::looks_like_summary(&bytes) {
            busy.hand_over();
            let previous = self.data.input.with_value(|i| i.clone());
            self.data.input.set_value(Some(Input::Feed(url.clone())));
            if let Err(e) =
                self.load_summary(&bytes, Source::Feed(url.clone()), &LoadChoices::default())
            {
                self.data.input.set_value(previous);
                self.feed_failed(&url, &e);
            }
            return;
        }
        let t0 = dom::now_ms();
        match ingest::load_json(&bytes, &JsonOptions::default()) {
            Ok(loaded) => {
                busy.hand_over();
                self.data
                    .timings
                    .update_value(|t| t.load_ms = dom::now_ms() - t0);
                self.data.sniffed.set(None);
                self.data.input.set_value(Some(Input::Feed(url.clone())));
                self.remember_and_set(loaded, Source::Feed(url), &LoadChoices::default());
            }
            Err(e) => self.feed_failed(&url, &render(self.look.lang.get_untracked(), &e)),
        }
    }

    fn feed_failed(self, url: &str, reason: &str) {
        self.data.error.set(Some(trf(
            self.look.lang.get_untracked(),
            "feed.error",
            &[("url", &quoted(url)), ("reason", reason)],
        )));
    }
}
