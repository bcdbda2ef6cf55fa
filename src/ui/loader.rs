//! Getting data in from the browser: files (picker or drop) read in slices so the page
//! never freezes, pasted text, the bundled samples and JSON feeds.
//!
//! A file is parsed in 2 MiB slices with a yield to the browser between slices, so the
//! progress bar moves and Cancel is honoured; an error at any point leaves the data already
//! on screen untouched.

use super::dom;
use super::persist;
use super::state::{AppState, Input, Progress, Source};
use crate::dataset::{Role, Scales};
use crate::i18n::{fill, tr};
use crate::ingest::{self, CsvLoader, CsvOptions, JsonOptions, Loaded};
use leptos::prelude::*;

const SLICE: f64 = 2.0 * 1024.0 * 1024.0;
const FEED_KEY: &str = "journey-lens.feed";

/// Files above this are refused up front with a clear sentence instead of exhausting the
/// 4 GiB a WebAssembly page can address (a dataset plus its prepared copy take about
/// 2–3× the file size).
pub const MAX_FILE_BYTES: f64 = 900.0 * 1024.0 * 1024.0;
/// A load stops with the same sentence if memory grows past this while parsing.
const MAX_MEMORY_BYTES: f64 = 3.0 * 1024.0 * 1024.0 * 1024.0;

/// What the user chose on the mapping screen for the current input.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LoadChoices {
    pub roles: Option<Vec<Role>>,
    pub scales: Scales,
    pub row_ids: bool,
}

fn mapping_key(header_key: &str) -> String {
    format!("journey-lens.mapping.{header_key}")
}

/// A mapping the user confirmed earlier for a file with the same header.
pub fn remembered_roles(header_key: &str) -> Option<Vec<Role>> {
    let text = dom::store_get(&mapping_key(header_key))?;
    let keys: Vec<String> = serde_json::from_str(&text).ok()?;
    keys.iter().map(|k| Role::from_key(k)).collect()
}

pub fn remember_roles(header_key: &str, roles: &[Role]) {
    let keys: Vec<&str> = roles.iter().map(|r| r.key()).collect();
    if let Ok(json) = serde_json::to_string(&keys) {
        dom::store_set(&mapping_key(header_key), &json);
    }
}

fn csv_options(choices: &LoadChoices) -> CsvOptions {
    CsvOptions {
        roles: choices.roles.clone(),
        scales: choices.scales,
        row_number_as_customer: choices.row_ids,
        ..CsvOptions::default()
    }
}

impl AppState {
    /// Loads the current input again with the given choices (mapping screen "Apply").
    pub async fn reload_with(self, choices: LoadChoices) {
        let input = self.input.with_value(|i| i.clone());
        match input {
            Some(Input::File(file)) => self.load_file((*file).clone(), choices).await,
            Some(Input::Text(text, source)) => self.load_bytes(text.into_bytes(), source, choices),
            Some(Input::Feed(url)) => self.load_feed(&url).await,
            None => {}
        }
    }

    /// A file from the picker or a drop.
    pub async fn load_file(self, file: web_sys::File, mut choices: LoadChoices) {
        let name = file.name();
        let total = file.size();
        if total > MAX_FILE_BYTES {
            self.error.set(Some(fill(
                tr(self.lang, "load.too_large"),
                &[
                    ("name", &name),
                    ("mb", &format!("{:.0}", total / 1_048_576.0)),
                ],
            )));
            return;
        }
        self.input
            .set_value(Some(Input::File(send_wrapper::SendWrapper::new(
                file.clone(),
            ))));
        let lower = name.to_lowercase();
        if lower.ends_with(".json") || lower.ends_with(".ndjson") {
            match dom::read_slice(&file, 0.0, total).await {
                Ok(bytes) => self.load_bytes(bytes, Source::File(name), choices),
                Err(e) => self.error.set(Some(e)),
            }
            return;
        }
        // Sniff first so a remembered mapping applies before the real load.
        let head = match dom::read_slice(&file, 0.0, total.min(64.0 * 1024.0)).await {
            Ok(b) => b,
            Err(e) => return self.error.set(Some(e)),
        };
        if ingest::looks_like_json(&head) {
            match dom::read_slice(&file, 0.0, total).await {
                Ok(bytes) => self.load_bytes(bytes, Source::File(name), choices),
                Err(e) => self.error.set(Some(e)),
            }
            return;
        }
        match ingest::sniff(&head) {
            Ok(sniffed) => {
                if choices.roles.is_none() {
                    choices.roles = remembered_roles(&sniffed.header_key);
                }
                self.sniffed.set(Some(sniffed));
            }
            Err(e) => return self.error.set(Some(format!("{name}: {e}"))),
        }
        self.cancel.set(false);
        let t0 = dom::now_ms();
        let mut loader = CsvLoader::new(csv_options(&choices));
        let mut offset = 0.0;
        self.progress.set(Some(Progress {
            rows: 0,
            bytes: 0.0,
            total,
        }));
        while offset < total {
            if self.cancel.get_untracked() {
                self.progress.set(None);
                self.error
                    .set(Some(tr(self.lang, "load.cancelled").to_string()));
                return;
            }
            if dom::wasm_memory_bytes() > MAX_MEMORY_BYTES {
                self.progress.set(None);
                self.error.set(Some(fill(
                    tr(self.lang, "load.too_large"),
                    &[
                        ("name", &name),
                        ("mb", &format!("{:.0}", total / 1_048_576.0)),
                    ],
                )));
                return;
            }
            let end = (offset + SLICE).min(total);
            let chunk = match dom::read_slice(&file, offset, end).await {
                Ok(c) => c,
                Err(e) => {
                    self.progress.set(None);
                    return self.error.set(Some(e));
                }
            };
            match loader.push(&chunk) {
                Ok(p) => self.progress.set(Some(Progress {
                    rows: p.rows,
                    bytes: end,
                    total,
                })),
                Err(e) => {
                    self.progress.set(None);
                    return self.error.set(Some(format!("{name}: {e}")));
                }
            }
            offset = end;
            dom::yield_now().await;
        }
        let result = loader.finish();
        self.progress.set(None);
        match result {
            Ok(loaded) => {
                self.timings.update(|t| t.load_ms = dom::now_ms() - t0);
                self.remember_and_set(loaded, Source::File(name), &choices);
            }
            Err(e) => self.error.set(Some(format!("{name}: {e}"))),
        }
    }

    /// Bytes already in memory: pasted text, a JSON file, a sample.
    pub fn load_bytes(self, bytes: Vec<u8>, source: Source, mut choices: LoadChoices) {
        let t0 = dom::now_ms();
        let result = if ingest::looks_like_json(&bytes) {
            self.sniffed.set(None);
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
                    self.sniffed.set(Some(s));
                    ingest::load_csv(&bytes, &csv_options(&choices))
                }
                Err(e) => Err(e),
            }
        };
        if let Source::Pasted = source {
            if let Ok(text) = String::from_utf8(bytes) {
                self.input
                    .set_value(Some(Input::Text(text, Source::Pasted)));
            }
        }
        match result {
            Ok(loaded) => {
                self.timings.update(|t| t.load_ms = dom::now_ms() - t0);
                self.remember_and_set(loaded, source, &choices);
            }
            Err(e) => self.error.set(Some(e.to_string())),
        }
    }

    fn remember_and_set(self, loaded: Loaded, source: Source, choices: &LoadChoices) {
        if choices.roles.is_some() {
            remember_roles(&loaded.report.header_key, &loaded.report.mapping.roles());
        }
        // What a page reload brings back: the feed by URL, the user's own data from
        // IndexedDB, or nothing (the sample loads again).
        let json = serde_json::to_string(choices).unwrap_or_default();
        let saved = match (&source, self.input.with_value(|i| i.clone())) {
            (Source::File(_), Some(Input::File(f))) => {
                Some(persist::Saved::File((*f).clone(), json))
            }
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
        let before = self.accepted.get_untracked();
        if let Some(url) = dom::store_get(FEED_KEY) {
            self.load_feed(&url).await;
            return self.accepted.get_untracked() > before;
        }
        match persist::load().await {
            Some(persist::Saved::File(file, choices)) => {
                let choices = serde_json::from_str(&choices).unwrap_or_default();
                self.load_file(file, choices).await;
            }
            Some(persist::Saved::Text(text, choices)) => {
                let choices = serde_json::from_str(&choices).unwrap_or_default();
                self.input
                    .set_value(Some(Input::Text(text.clone(), Source::Pasted)));
                self.load_bytes(text.into_bytes(), Source::Pasted, choices);
            }
            None => return false,
        }
        self.accepted.get_untracked() > before
    }

    /// Fetches a JSON feed; on any failure the current data stays and one sentence says why.
    pub async fn load_feed(self, url: &str) {
        let url = url.trim().to_string();
        if url.is_empty() {
            return;
        }
        self.input.set_value(Some(Input::Feed(url.clone())));
        self.feed_busy.set(true);
        let result = fetch_bytes(&url).await;
        self.feed_busy.set(false);
        match result {
            Ok(bytes) => {
                let t0 = dom::now_ms();
                match ingest::load_json(&bytes, &JsonOptions::default()) {
                    Ok(loaded) => {
                        self.timings.update(|t| t.load_ms = dom::now_ms() - t0);
                        self.sniffed.set(None);
                        self.remember_and_set(loaded, Source::Feed(url), &LoadChoices::default());
                    }
                    Err(e) => self.error.set(Some(fill(
                        tr(self.lang, "feed.error"),
                        &[("url", &url), ("reason", &e.to_string())],
                    ))),
                }
            }
            Err(reason) => self.error.set(Some(fill(
                tr(self.lang, "feed.error"),
                &[("url", &url), ("reason", &reason)],
            ))),
        }
    }
}

/// GET `url` as bytes; the error is a sentence fragment a marketer can act on.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| "the address could not be reached (offline, wrong address, or the server does not allow cross-site requests)".to_string())?;
    if !resp.ok() {
        return Err(format!(
            "the server answered HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.binary().await.map_err(|e| e.to_string())
}
