//! "Add a file": other exports of the same customers (reviews, payments…) joined to the
//! first file in the browser. Each added file keeps its own input, mapping and key so the
//! set can be recombined from scratch whenever one is added, remapped or removed
//! ([`crate::join`] does the joining), and is kept in IndexedDB with the first file.

use super::dom;
use super::loader::{csv_options, remember_roles, remembered_roles, LoadChoices, MAX_FILE_BYTES};
use super::persist;
use super::state::{AppState, DataState, Source as Origin};
use crate::dataset::Role;
use crate::i18n::{tr, trf, Lang};
use crate::ingest::mapping::normalize;
use crate::ingest::{self, IngestError, JsonOptions, LoadReport, Loaded, Milestones, RejectedRow};
use crate::join::{self, combine, Combined, FileSummary, Unmatched};
use crate::present::message::{rejected_csv, render};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// The first file as it loaded, before anything was joined to it.
struct BaseFile {
    source: join::Source,
    report: LoadReport,
    headers: Vec<String>,
    rejected: Vec<RejectedRow>,
    origin: Origin,
}

/// Where an added file's bytes come from, so it can be loaded again (remap, reload).
#[derive(Clone)]
pub enum AddedInput {
    File(SendWrapper<web_sys::File>),
    Text(String),
}

/// One added file.
pub struct Added {
    pub name: String,
    pub input: AddedInput,
    pub choices: LoadChoices,
    pub source: join::Source,
    pub report: LoadReport,
    /// Header and automatic roles, for its own mapping table.
    pub headers: Vec<String>,
    pub preview: Vec<Vec<String>>,
    /// Its rejected rows as CSV, reasons in the page's language (empty when none).
    pub rejected_csv: String,
}

/// What became of each file, and the rows no customer was found for.
pub struct Summary {
    pub files: Vec<FileSummary>,
    pub unmatched: Vec<Unmatched>,
}

impl Summary {
    pub fn unmatched_csv(&self, lang: Lang) -> String {
        Combined {
            files: Vec::new(),
            unmatched: self.unmatched.clone(),
            ..Combined::default()
        }
        .unmatched_csv(lang)
    }
}

#[derive(Clone, Copy)]
pub struct Files {
    base: StoredValue<Option<Arc<BaseFile>>>,
    pub added: RwSignal<Vec<Arc<Added>>>,
    pub summary: RwSignal<Option<Arc<Summary>>>,
    /// The milestone choice the first file was loaded with (the mapping screen starts from it).
    pub milestones: RwSignal<Option<Milestones>>,
    /// The roles chosen for the first file before the milestone columns took theirs, so
    /// turning milestones off (or the next file with this header) starts from them.
    pub chosen_roles: RwSignal<Option<Vec<Role>>>,
    /// Set while a reload brings the last visit back, so loading its first file again does
    /// not forget the added files kept for it.
    restoring: StoredValue<bool>,
    /// Set while the first file loads again with other choices (keep the added files).
    keeping: StoredValue<bool>,
}

impl Default for Files {
    fn default() -> Self {
        Files::new()
    }
}

impl Files {
    pub fn new() -> Files {
        Files {
            base: StoredValue::new(None),
            added: RwSignal::new(Vec::new()),
            summary: RwSignal::new(None),
            milestones: RwSignal::new(None),
            chosen_roles: RwSignal::new(None),
            restoring: StoredValue::new(false),
            keeping: StoredValue::new(false),
        }
    }

    pub fn set_restoring(self, on: bool) {
        self.restoring.set_value(on);
    }

    /// A new first file: the set starts again with it alone.
    pub fn reset(self, milestones: Option<Milestones>, roles: Option<Vec<Role>>) {
        self.base.set_value(None);
        self.milestones.set(milestones);
        self.chosen_roles.set(roles);
        if self.keeping.get_value() {
            return;
        }
        if !self.added.with_untracked(Vec::is_empty) {
            self.added.set(Vec::new());
        }
        self.summary.set(None);
        if !self.restoring.get_value() {
            leptos::task::spawn_local(async move {
                let _ = persist::save_added(Vec::new()).await;
            });
        }
    }

    /// Before the first file loads again with other choices: keeps the added files, and
    /// returns what is current now so [`Files::rejoin`] can tell when the reload is in.
    pub fn keep_added(self, state: AppState) -> Option<usize> {
        self.keeping.set_value(true);
        current_id(state.data)
    }

    /// Joins the added files to the reloaded first file once it is current (a failed
    /// reload leaves everything as it was).
    pub async fn rejoin(self, state: AppState, before: Option<usize>) {
        self.keeping.set_value(false);
        if self.added.with_untracked(Vec::is_empty) {
            return;
        }
        for _ in 0..600 {
            if current_id(state.data) != before {
                // The new first file is current: it becomes the base of the set.
                self.base.set_value(None);
                if self.ensure_base(state).is_some() {
                    self.recombine(state);
                }
                return;
            }
            dom::sleep_ms(50).await;
        }
    }

    /// Column names earlier files can be joined on: their customer column and every
    /// loaded dimension.
    pub fn key_columns(self, state: AppState) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |name: &str| {
            if !out.iter().any(|o| normalize(o) == normalize(name)) {
                out.push(name.to_string());
            }
        };
        let base = self.base.with_value(|b| b.clone());
        match base {
            Some(b) => sources_columns(&b.source, &mut push),
            None => state.data.current.with_untracked(|c| {
                if let Some(c) = c {
                    for col in &c.loaded.report.columns {
                        if matches!(col.role, Role::CustomerId | Role::Dimension) {
                            push(&col.column);
                        }
                    }
                }
            }),
        }
        for a in self.added.get_untracked() {
            sources_columns(&a.source, &mut push);
        }
        out
    }

    /// Takes the current data as the first file, once.
    fn ensure_base(self, state: AppState) -> Option<Arc<BaseFile>> {
        if let Some(b) = self.base.with_value(|b| b.clone()) {
            return Some(b);
        }
        let base = state.data.current.with_untracked(|c| {
            c.as_ref().map(|c| {
                let name = c.name(state.look.lang.get_untracked());
                let loaded = c.loaded.clone();
                BaseFile {
                    report: loaded.report.clone(),
                    headers: loaded.headers.clone(),
                    rejected: loaded.rejected.clone(),
                    source: join::Source::new(name, loaded, None),
                    origin: c.source.clone(),
                }
            })
        })?;
        let base = Arc::new(base);
        self.base.set_value(Some(base.clone()));
        Some(base)
    }

    /// "Add a file": loads it with its own (remembered or automatic) mapping and joins it.
    pub async fn add_file(self, state: AppState, file: web_sys::File, key: Option<String>) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            return state.data.error.set(Some(trf(
                state.look.lang.get_untracked(),
                "load.too_large",
                &[
                    ("name", &name),
                    ("mb", &format!("{:.0}", file.size() / 1_048_576.0)),
                ],
            )));
        }
        let bytes = match dom::read_slice(&file, 0.0, file.size()).await {
            Ok(b) => b,
            Err(e) => return state.data.error.set(Some(e)),
        };
        let choices = LoadChoices {
            key,
            ..LoadChoices::default()
        };
        let input = AddedInput::File(SendWrapper::new(file));
        self.add_bytes(state, name, input, bytes, choices, true);
    }

    fn add_bytes(
        self,
        state: AppState,
        name: String,
        input: AddedInput,
        bytes: Vec<u8>,
        choices: LoadChoices,
        recombine: bool,
    ) {
        let Some(base) = self.ensure_base(state) else {
            return;
        };
        let added = self.added.get_untracked();
        let mut earlier: Vec<&join::Source> = vec![&base.source];
        earlier.extend(added.iter().map(|a| &a.source));
        match load_part(
            state.look.lang.get_untracked(),
            &name,
            &bytes,
            choices,
            &earlier,
        ) {
            Ok(part) => {
                let part = Added { input, ..part };
                self.added.update(|v| v.push(Arc::new(part)));
                if recombine {
                    self.recombine(state);
                }
            }
            Err(e) => state.data.error.set(Some(format!("{name}: {e}"))),
        }
    }

    /// Loads an added file again with another mapping, and remembers it for its header.
    pub async fn remap(self, state: AppState, index: usize, roles: Vec<Role>) {
        let Some(old) = self.added.with_untracked(|v| v.get(index).cloned()) else {
            return;
        };
        let bytes = match &old.input {
            AddedInput::File(f) => match dom::read_slice(f, 0.0, f.size()).await {
                Ok(b) => b,
                Err(e) => return state.data.error.set(Some(e)),
            },
            AddedInput::Text(t) => t.clone().into_bytes(),
        };
        let Some(base) = self.ensure_base(state) else {
            return;
        };
        let added = self.added.get_untracked();
        let mut earlier: Vec<&join::Source> = vec![&base.source];
        earlier.extend(added.iter().take(index).map(|a| &a.source));
        let choices = LoadChoices {
            roles: Some(roles),
            ..old.choices.clone()
        };
        match load_part(
            state.look.lang.get_untracked(),
            &old.name,
            &bytes,
            choices,
            &earlier,
        ) {
            Ok(part) => {
                remember_roles(&part.report.header_key, &part.report.mapping.roles());
                let part = Added {
                    input: old.input.clone(),
                    ..part
                };
                self.added.update(|v| {
                    if let Some(slot) = v.get_mut(index) {
                        *slot = Arc::new(part);
                    }
                });
                self.recombine(state);
            }
            Err(e) => state.data.error.set(Some(format!("{}: {e}", old.name))),
        }
    }

    /// Removes an added file; everything is recomputed from the others.
    pub fn remove(self, state: AppState, index: usize) {
        self.added.update(|v| {
            if index < v.len() {
                v.remove(index);
            }
        });
        self.recombine(state);
    }

    /// Brings back the added files of the last visit once the first file is loaded.
    pub async fn restore(self, state: AppState, saved: Vec<persist::Saved>) {
        // The first file's dataset is prepared in a task of its own; wait for it.
        for _ in 0..600 {
            if state.data.current.with_untracked(Option::is_some) {
                break;
            }
            dom::sleep_ms(50).await;
        }
        for s in saved {
            let (input, bytes, choices, name) = match s {
                persist::Saved::File(f, choices) => {
                    let bytes = match dom::read_slice(&f, 0.0, f.size()).await {
                        Ok(b) => b,
                        Err(_) => continue,
                    };
                    let name = f.name();
                    (AddedInput::File(SendWrapper::new(f)), bytes, choices, name)
                }
                persist::Saved::Text(t, choices) => {
                    let name = tr(state.look.lang.get_untracked(), "source.pasted").to_string();
                    (AddedInput::Text(t.clone()), t.into_bytes(), choices, name)
                }
            };
            let choices = serde_json::from_str(&choices).unwrap_or_default();
            self.add_bytes(state, name, input, bytes, choices, false);
        }
        self.recombine(state);
    }

    /// Joins the first file and the added ones into the current data, and keeps the list.
    fn recombine(self, state: AppState) {
        let Some(base) = self.base.with_value(|b| b.clone()) else {
            return;
        };
        let added = self.added.get_untracked();
        let loaded = if added.is_empty() {
            self.summary.set(None);
            Loaded {
                dataset: base.source.dataset.clone(),
                report: base.report.clone(),
                headers: base.headers.clone(),
                rejected: base.rejected.clone(),
            }
        } else {
            let mut sources: Vec<&join::Source> = vec![&base.source];
            sources.extend(added.iter().map(|a| &a.source));
            match combine(&sources) {
                Ok(c) => {
                    self.summary.set(Some(Arc::new(Summary {
                        files: c.files,
                        unmatched: c.unmatched,
                    })));
                    Loaded {
                        dataset: c.dataset,
                        report: base.report.clone(),
                        headers: base.headers.clone(),
                        rejected: base.rejected.clone(),
                    }
                }
                Err(e) => {
                    return state
                        .data
                        .error
                        .set(Some(render(state.look.lang.get_untracked(), &e)))
                }
            }
        };
        state.set_loaded(loaded, base.origin.clone());
        let list: Vec<persist::Saved> = added
            .iter()
            .map(|a| {
                let json = serde_json::to_string(&a.choices).unwrap_or_default();
                match &a.input {
                    AddedInput::File(f) => persist::Saved::File((**f).clone(), json),
                    AddedInput::Text(t) => persist::Saved::Text(t.clone(), json),
                }
            })
            .collect();
        leptos::task::spawn_local(async move {
            let _ = persist::save_added(list).await;
        });
    }
}

/// Which data is current (its allocation), to notice when a reload has replaced it.
fn current_id(data: DataState) -> Option<usize> {
    data.current
        .with_untracked(|c| c.as_ref().map(|c| Arc::as_ptr(c) as usize))
}

/// Calls `push` with a loaded file's joinable columns.
fn sources_columns(s: &join::Source, push: &mut impl FnMut(&str)) {
    if let Some(c) = &s.customer_column {
        push(c);
    }
    for e in &s.dataset.extras {
        push(&e.name);
    }
}

/// The first of `headers` that an earlier file has as its customer column or a dimension.
fn shared_key(headers: &[String], earlier: &[&join::Source]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for s in earlier {
        sources_columns(s, &mut |n| names.push(normalize(n)));
    }
    headers
        .iter()
        .find(|h| names.contains(&normalize(h)))
        .cloned()
}

/// Loads one added file: its remembered mapping (or the automatic one), and a key when it
/// has no customer column of its own (the chosen one, else the first shared column).
fn load_part(
    lang: Lang,
    name: &str,
    bytes: &[u8],
    mut choices: LoadChoices,
    earlier: &[&join::Source],
) -> Result<Added, String> {
    if ingest::looks_like_json(bytes) {
        let loaded = ingest::load_json(
            bytes,
            &JsonOptions {
                roles: choices.roles.clone(),
                ..JsonOptions::default()
            },
        )
        .map_err(|e| render(lang, &e))?;
        choices.key = None;
        return Ok(part(lang, name, loaded, choices, Vec::new()));
    }
    let sniffed = ingest::sniff(bytes).map_err(|e| render(lang, &e))?;
    if choices.roles.is_none() {
        choices.roles = remembered_roles(&sniffed.header_key);
    }
    let roles = choices
        .roles
        .clone()
        .unwrap_or_else(|| sniffed.roles.clone());
    if choices.key.is_none() && !roles.contains(&Role::CustomerId) {
        choices.key = Some(shared_key(&sniffed.headers, earlier).ok_or_else(|| {
            render(
                lang,
                &IngestError::NoKey {
                    columns: sniffed.headers.clone(),
                },
            )
        })?);
    }
    if let Some(key) = &choices.key {
        // The key column is joined on, so it cannot also be this file's customer column.
        if let (Some(r), Some(i)) = (
            choices.roles.as_mut(),
            sniffed
                .headers
                .iter()
                .position(|h| normalize(h) == normalize(key)),
        ) {
            if let Some(slot) = r.get_mut(i) {
                *slot = Role::Dimension;
            }
        }
    }
    let loaded = ingest::load_csv(bytes, &csv_options(&choices)).map_err(|e| render(lang, &e))?;
    Ok(part(lang, name, loaded, choices, sniffed.preview))
}

fn part(
    lang: Lang,
    name: &str,
    loaded: Loaded,
    choices: LoadChoices,
    preview: Vec<Vec<String>>,
) -> Added {
    let key = choices.key.clone();
    Added {
        name: name.to_string(),
        input: AddedInput::Text(String::new()),
        report: loaded.report.clone(),
        headers: loaded.headers.clone(),
        rejected_csv: if loaded.rejected.is_empty() {
            String::new()
        } else {
            rejected_csv(lang, &loaded.headers, &loaded.rejected)
        },
        preview,
        choices,
        source: join::Source::new(name, loaded, key),
    }
}
