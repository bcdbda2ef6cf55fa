//! Several files, one journey: the shop's orders, the survey tool's reviews and the billing
//! export describe the same customers, but only one of them says who the customer is.
//! Each file is loaded on its own (its own mapping and load report) and the loaded files
//! are then combined into one dataset, in order:
//!
//! * A file with a customer column adds its rows as they are.
//! * A file without one names a key column it shares with the files before it (reviews
//!   and orders both carry `order_id`); each row takes the customer that key belongs to.
//!   Rows whose key matches nothing, or matches two different customers, are not loaded:
//!   they are counted per file and listed ([`Combined::unmatched_csv`]), never guessed.
//! * A row found through a key also takes what it does not say itself from the key's
//!   own events: dimensions (status, persona, channel…) from the key's latest event at or
//!   before the row's time (its first event when the row has no time), and the stage that
//!   key had reached by then, so a review sits at the stage the order was in when it was
//!   written. A row without a time takes that event's time. Because the stage comes from an
//!   event at or before the row, no customer reaches a stage earlier than they did.
//!
//! Combining always starts from the loaded files, so removing one recomputes everything.

mod index;

use crate::dataset::{Columns, Dataset, DatasetBuilder, DimColumn, Event, Role, NO_TIME};
use crate::export::{Cell, CsvExport, ExportOptions};
use crate::i18n::Lang;
use crate::ingest::mapping::normalize;
use crate::ingest::{CsvOptions, Loaded};
use crate::message::{Message, Value};
use crate::present::message::render;
use index::KeyIndex;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// One loaded file and how it joins the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// File name, shown in the load summary.
    pub name: String,
    pub dataset: Dataset,
    /// The column shared with earlier files that finds each row's customer; `None` when
    /// the file has its own customer column.
    pub key: Option<String>,
    /// Header of the file's customer column, so later files can use it as their key.
    pub customer_column: Option<String>,
    pub rows_loaded: usize,
    pub rows_rejected: usize,
}

impl Source {
    /// A loaded file as a source; `key` as in [`Source::key`] (the file should then have
    /// been loaded with [`keyed_options`]).
    pub fn new(name: impl Into<String>, loaded: Loaded, key: Option<String>) -> Source {
        Source {
            name: name.into(),
            customer_column: loaded
                .report
                .mapping
                .column_for(Role::CustomerId)
                .map(str::to_string),
            rows_loaded: loaded.report.rows_loaded,
            rows_rejected: loaded.report.rows_rejected,
            dataset: loaded.dataset,
            key,
        }
    }
}

/// Load options for a file whose customers come through a key column: each row is
/// loaded under its line number (which [`combine`] replaces with the key's customer, and
/// which names the row in the unmatched list), no stage or score column is required, and
/// the key column is kept as a dimension to join on (even a customer column).
pub fn keyed_options(mut base: CsvOptions, key: &str) -> CsvOptions {
    base.overrides.push((key.to_string(), Role::Dimension));
    CsvOptions {
        row_number_as_customer: true,
        joined: true,
        ..base
    }
}

/// What became of one file in the combined dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    pub key: Option<String>,
    pub rows_loaded: usize,
    pub rows_rejected: usize,
    /// Events this file added to the combined dataset.
    pub events: usize,
    /// Rows whose key found exactly one customer.
    pub matched: usize,
    /// Rows whose key is in no earlier file (or that have no key value).
    pub unmatched: usize,
    /// Rows whose key belongs to two or more customers.
    pub ambiguous: usize,
    /// Up to [`KEY_EXAMPLES`] of the keys shared by several customers.
    pub ambiguous_keys: Vec<String>,
}

/// How many ambiguous keys a summary names.
pub const KEY_EXAMPLES: usize = 20;

/// A row that was not loaded because its key found no single customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    pub file: String,
    /// The row's line in its file (header = line 1).
    pub line: String,
    pub key: String,
    /// Empty when the row has no key value.
    pub value: String,
    pub reason: UnmatchedReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedReason {
    /// The key value is empty.
    NoKey,
    /// No earlier file has the key value.
    NotFound,
    /// The key value belongs to several customers.
    Ambiguous,
}

impl Message for UnmatchedReason {
    fn key(&self) -> &'static str {
        match self {
            UnmatchedReason::NoKey => "join.unmatched_no_key",
            UnmatchedReason::NotFound => "join.unmatched_not_found",
            UnmatchedReason::Ambiguous => "join.unmatched_ambiguous",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// Why files cannot be combined at all; the texts are `join.*` in
/// `locales/<lang>/messages.ftl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinError {
    /// The first file has nothing to join to.
    FirstFileNeedsCustomer { file: String },
    /// The named key column is not among the file's loaded columns.
    KeyNotInFile { file: String, key: String },
    /// No earlier file has the key column.
    KeyNotInEarlierFiles { file: String, key: String },
}

impl Message for JoinError {
    fn key(&self) -> &'static str {
        match self {
            JoinError::FirstFileNeedsCustomer { .. } => "join.first_file_needs_customer",
            JoinError::KeyNotInFile { .. } => "join.key_not_in_file",
            JoinError::KeyNotInEarlierFiles { .. } => "join.key_not_in_earlier_files",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            JoinError::FirstFileNeedsCustomer { file } => vec![("file", Value::Text(file.clone()))],
            JoinError::KeyNotInFile { file, key }
            | JoinError::KeyNotInEarlierFiles { file, key } => {
                vec![
                    ("file", Value::Text(file.clone())),
                    ("key", Value::Text(key.clone())),
                ]
            }
        }
    }
}

/// English, as the CLI prints it; the app renders the message in the user's language.
impl std::fmt::Display for JoinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(Lang::En, self))
    }
}

impl std::error::Error for JoinError {}

/// The combined dataset and what became of each file.
#[derive(Debug, Clone, Default)]
pub struct Combined {
    pub dataset: Dataset,
    pub files: Vec<FileSummary>,
    /// Rows not loaded, every file, in file and line order.
    pub unmatched: Vec<Unmatched>,
}

impl Combined {
    /// The rows not loaded as CSV (`file,line,key,value,reason`), safe to open in a
    /// spreadsheet; the reason is written in `lang`, like the rejected rows' list.
    pub fn unmatched_csv(&self, lang: Lang) -> String {
        let mut out = CsvExport::new(ExportOptions::default());
        out.text_row(["file", "line", "key", "value", "reason"]);
        for u in &self.unmatched {
            out.row([
                Cell::Text(&u.file),
                Cell::Number(&u.line),
                Cell::Text(&u.key),
                Cell::Text(&u.value),
                Cell::Text(&render(lang, &u.reason)),
            ]);
        }
        out.finish()
    }
}

/// The columns of the combined dataset: every column any file has.
fn union_columns(sources: &[&Source]) -> Columns {
    let mut cols = Columns::default();
    for s in sources {
        let c = s.dataset.columns();
        cols.timestamp |= c.timestamp;
        cols.journey |= c.journey;
        cols.stage |= c.stage;
        cols.touchpoint |= c.touchpoint;
        cols.channel |= c.channel;
        cols.persona |= c.persona;
        cols.satisfaction |= c.satisfaction;
        cols.effort |= c.effort;
        cols.nps |= c.nps;
        cols.revenue |= c.revenue;
        cols.comment |= c.comment;
        for e in c.extras {
            let n = normalize(&e);
            if !cols.extras.iter().any(|x| normalize(x) == n) {
                cols.extras.push(e);
            }
        }
    }
    cols
}

/// A file's extra column by (normalised) name.
fn extra<'a>(ds: &'a Dataset, name: &str) -> Option<&'a DimColumn> {
    let n = normalize(name);
    ds.extras.iter().find(|c| normalize(&c.name) == n)
}

/// Event `i` of `ds` with the combined dataset's extra columns, in their order.
fn event<'a>(ds: &'a Dataset, i: usize, extras: &[Option<&'a DimColumn>]) -> Event<'a> {
    let dim = |c: &'a Option<DimColumn>| c.as_ref().and_then(|c| c.get(i));
    Event {
        customer: ds.customer.get(i).unwrap_or(""),
        timestamp: ds.time(i),
        journey: dim(&ds.journey),
        stage: dim(&ds.stage),
        touchpoint: dim(&ds.touchpoint),
        channel: dim(&ds.channel),
        persona: dim(&ds.persona),
        satisfaction: Dataset::score(&ds.satisfaction, i),
        effort: Dataset::score(&ds.effort, i),
        nps: Dataset::score(&ds.nps, i),
        revenue: Dataset::score(&ds.revenue, i),
        comment: ds.comment.as_ref().and_then(|c| c.get(i)),
        extras: extras.iter().map(|c| c.and_then(|c| c.get(i))).collect(),
    }
}

/// Fills what a joined row lacks from the key's context event (see the module notes).
fn inherit<'a>(ev: &mut Event<'a>, ctx: &Event<'a>) {
    let stage_ok = match (ev.timestamp, ctx.timestamp) {
        (Some(t), Some(c)) => c <= t,
        (None, _) => true,
        (Some(_), None) => false,
    };
    if ev.timestamp.is_none() {
        ev.timestamp = ctx.timestamp;
    }
    if ev.stage.is_none() && stage_ok {
        ev.stage = ctx.stage;
    }
    for (mine, theirs) in [
        (&mut ev.journey, ctx.journey),
        (&mut ev.touchpoint, ctx.touchpoint),
        (&mut ev.channel, ctx.channel),
        (&mut ev.persona, ctx.persona),
    ] {
        if mine.is_none() {
            *mine = theirs;
        }
    }
    for (mine, theirs) in ev.extras.iter_mut().zip(&ctx.extras) {
        if mine.is_none() {
            *mine = *theirs;
        }
    }
}

/// Appends the rows of keyed file `sources[n]` whose key finds one customer in the files
/// before it, each filled from that customer's context event; returns the other rows.
fn join_file(
    builder: &mut DatasetBuilder,
    sources: &[&Source],
    n: usize,
    cols: &Columns,
    key: &str,
    summary: &mut FileSummary,
) -> Result<Vec<Unmatched>, JoinError> {
    let src = sources[n];
    let ds = &src.dataset;
    let extras: Vec<Option<&DimColumn>> = cols.extras.iter().map(|name| extra(ds, name)).collect();
    let column = extra(ds, key).ok_or_else(|| JoinError::KeyNotInFile {
        file: src.name.clone(),
        key: key.to_string(),
    })?;
    // The files so far, as combined: keys of joined files then point at
    // their real customers, not at their row numbers.
    let base = builder.dataset().clone();
    let customer_key = sources[..n].iter().any(|s| {
        s.customer_column
            .as_deref()
            .is_some_and(|c| normalize(c) == normalize(key))
    });
    // The combined dataset has every file's columns; only earlier files count.
    let earlier = sources[..n]
        .iter()
        .any(|s| extra(&s.dataset, key).is_some());
    let index = KeyIndex::build(&base, key, earlier, customer_key).ok_or_else(|| {
        JoinError::KeyNotInEarlierFiles {
            file: src.name.clone(),
            key: key.to_string(),
        }
    })?;
    let base_extras: Vec<Option<&DimColumn>> =
        cols.extras.iter().map(|name| extra(&base, name)).collect();
    let mut examples = std::collections::BTreeSet::new();
    let mut unmatched = Vec::new();
    for i in 0..ds.len() {
        let value = column.get(i);
        let found = value.map(|v| index.find(v));
        if let Some(reason) = miss_reason(&found) {
            match reason {
                UnmatchedReason::Ambiguous => {
                    summary.ambiguous += 1;
                    if examples.len() < KEY_EXAMPLES {
                        examples.insert(value.unwrap_or("").to_string());
                    }
                }
                _ => summary.unmatched += 1,
            }
            unmatched.push(Unmatched {
                file: src.name.clone(),
                line: ds.customer.get(i).unwrap_or("").to_string(),
                key: key.to_string(),
                value: value.unwrap_or("").to_string(),
                reason,
            });
            continue;
        }
        let Some(index::Found::One(hit)) = found else {
            continue;
        };
        let mut ev = event(ds, i, &extras);
        ev.customer = hit.customer;
        if let Some(row) = index.context(hit.code, ev.timestamp) {
            inherit(&mut ev, &event(&base, row, &base_extras));
        }
        builder.push(&ev);
        summary.matched += 1;
        summary.events += 1;
    }
    summary.ambiguous_keys = examples.into_iter().collect();
    Ok(unmatched)
}

/// Why a row's key value (`None` when empty) did not find exactly one customer.
fn miss_reason(found: &Option<index::Found>) -> Option<UnmatchedReason> {
    match found {
        None => Some(UnmatchedReason::NoKey),
        Some(index::Found::None) => Some(UnmatchedReason::NotFound),
        Some(index::Found::Several) => Some(UnmatchedReason::Ambiguous),
        Some(index::Found::One(_)) => None,
    }
}

/// Combines loaded files into one dataset (see the module notes). The first file's
/// meta (stage order, conversion stage, name) and scales are kept.
pub fn combine<S: Borrow<Source>>(sources: &[S]) -> Result<Combined, JoinError> {
    let sources: Vec<&Source> = sources.iter().map(Borrow::borrow).collect();
    let sources = &sources[..];
    let Some(first) = sources.first() else {
        return Ok(Combined::default());
    };
    if first.key.is_some() {
        return Err(JoinError::FirstFileNeedsCustomer {
            file: first.name.clone(),
        });
    }
    let cols = union_columns(sources);
    let mut builder = DatasetBuilder::new(&cols, first.dataset.scales, first.dataset.meta.clone());
    let mut files = Vec::with_capacity(sources.len());
    let mut unmatched = Vec::new();
    for (n, src) in sources.iter().enumerate() {
        let ds = &src.dataset;
        let mut summary = FileSummary {
            name: src.name.clone(),
            key: src.key.clone(),
            rows_loaded: src.rows_loaded,
            rows_rejected: src.rows_rejected,
            ..FileSummary::default()
        };
        match &src.key {
            None => {
                let extras: Vec<Option<&DimColumn>> =
                    cols.extras.iter().map(|name| extra(ds, name)).collect();
                for i in 0..ds.len() {
                    builder.push(&event(ds, i, &extras));
                }
                summary.events = ds.len();
            }
            Some(key) => unmatched.extend(join_file(
                &mut builder,
                sources,
                n,
                &cols,
                key,
                &mut summary,
            )?),
        }
        files.push(summary);
    }
    let mut dataset = builder.finish();
    if let Some(ts) = &dataset.timestamp {
        if ts.iter().all(|&t| t == NO_TIME) && !first.dataset.columns().timestamp {
            dataset.timestamp = None;
        }
    }
    Ok(Combined {
        dataset,
        files,
        unmatched,
    })
}
