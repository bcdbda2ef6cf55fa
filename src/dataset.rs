//! The columnar journey dataset every view reads.
//!
//! One event = one interaction of one customer with one touchpoint. Events are stored
//! column by column, because every analytic scans one or two columns over all rows:
//! flat vectors keep those scans cache-friendly and let a filter change re-run them
//! without touching the parser again.
//!
//! * Text dimensions (customer, journey, stage, touchpoint, channel, persona and every
//!   extra column) are dictionary-encoded: a `Vec<u32>` of codes plus the distinct
//!   values once. [`MISSING`] marks an empty cell.
//! * Timestamps are whole seconds since 1970-01-01 as written in the file: naive
//!   times are kept as they are (never shifted into a browser's time zone), zoned ones
//!   are converted to UTC. [`NO_TIME`] marks a missing one.
//! * Scores and revenue are `f64` with `NaN` as the explicit "no answer" marker; use
//!   [`Dataset::score`] to read them as `Option<f64>`.
//!
//! Datasets are built only through [`DatasetBuilder`], so the ingest path, the test
//! fixtures and the synthetic generator all produce exactly the same shape.

use crate::pause::{ready, run_ready};
use hashbrown::hash_table::{Entry, HashTable};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::future::Future;
use std::hash::BuildHasher;

/// Code of an empty cell in a dictionary-encoded column.
pub const MISSING: u32 = u32::MAX;
/// Value of a missing timestamp.
pub const NO_TIME: i64 = i64::MIN;

/// Dictionary values a paused append takes in between two pauses: each costs a hash and
/// two small allocations, so this many take a few milliseconds in the browser.
pub const DICT_STRETCH: usize = 16_384;

/// What a column of the source file means to Journey Lens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    CustomerId,
    Timestamp,
    Journey,
    Stage,
    Touchpoint,
    Channel,
    Persona,
    Satisfaction,
    Effort,
    Nps,
    Revenue,
    Comment,
    /// Any other text column, kept as an extra breakdown dimension.
    Dimension,
    /// Not loaded at all.
    Ignore,
}

impl Role {
    /// Every role, in the order the mapping screen lists them.
    pub const ALL: [Role; 14] = [
        Role::CustomerId,
        Role::Timestamp,
        Role::Journey,
        Role::Stage,
        Role::Touchpoint,
        Role::Channel,
        Role::Persona,
        Role::Satisfaction,
        Role::Effort,
        Role::Nps,
        Role::Revenue,
        Role::Comment,
        Role::Dimension,
        Role::Ignore,
    ];

    /// The stable identifier used in JSON, settings and the CLI (`customer_id`, `nps`, …).
    pub fn key(self) -> &'static str {
        match self {
            Role::CustomerId => "customer_id",
            Role::Timestamp => "timestamp",
            Role::Journey => "journey",
            Role::Stage => "stage",
            Role::Touchpoint => "touchpoint",
            Role::Channel => "channel",
            Role::Persona => "persona",
            Role::Satisfaction => "satisfaction",
            Role::Effort => "effort",
            Role::Nps => "nps",
            Role::Revenue => "revenue",
            Role::Comment => "comment",
            Role::Dimension => "dimension",
            Role::Ignore => "ignore",
        }
    }

    /// Inverse of [`Role::key`].
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.key() == key)
    }
}

/// A breakdown dimension, identified by what it is rather than by a header: a built-in
/// role's column, or an extra column by its position among [`Dataset::extras`]. A header
/// string could not tell a `persona` role column from an extra column whose header is also
/// `persona` (files with `segment` and `persona`, `status` and `stage`, `medium` and
/// `channel` have exactly that), and one of the two would be unreachable.
///
/// Written `persona`, `channel`, `journey`, `touchpoint`, `stage` or `extra:N` in JSON,
/// settings and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DimKey {
    Role(Role),
    Extra(usize),
}

impl DimKey {
    /// The roles that are breakdown dimensions, in the order the filter bar lists them.
    pub const ROLES: [Role; 5] = [
        Role::Persona,
        Role::Channel,
        Role::Journey,
        Role::Touchpoint,
        Role::Stage,
    ];
}

impl From<Role> for DimKey {
    fn from(r: Role) -> DimKey {
        DimKey::Role(r)
    }
}

impl std::fmt::Display for DimKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DimKey::Role(r) => f.write_str(r.key()),
            DimKey::Extra(i) => write!(f, "extra:{i}"),
        }
    }
}

/// A string that is not a dimension key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADimension;

impl std::str::FromStr for DimKey {
    type Err = NotADimension;
    fn from_str(s: &str) -> Result<DimKey, NotADimension> {
        if let Some(n) = s.strip_prefix("extra:") {
            return n.parse().map(DimKey::Extra).map_err(|_| NotADimension);
        }
        match Role::from_key(s) {
            Some(r) if DimKey::ROLES.contains(&r) => Ok(DimKey::Role(r)),
            _ => Err(NotADimension),
        }
    }
}

impl Serialize for DimKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DimKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DimKey, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(format!("not a dimension: {s:?}")))
    }
}

/// A closed numeric answer scale such as 1–5 or −2…+2.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

impl Scale {
    pub const fn new(min: f64, max: f64) -> Scale {
        Scale { min, max }
    }
    /// Whether `v` is an allowed answer (inclusive bounds).
    pub fn contains(&self, v: f64) -> bool {
        v >= self.min && v <= self.max
    }
    /// Maps a value onto 0–100 so answers on different scales compare.
    pub fn to_percent(&self, v: f64) -> f64 {
        (v - self.min) / (self.max - self.min) * 100.0
    }
    /// The satisfaction scales a user may declare.
    pub const SATISFACTION_CHOICES: [Scale; 4] = [
        Scale::new(1.0, 5.0),
        Scale::new(1.0, 7.0),
        Scale::new(1.0, 10.0),
        Scale::new(-2.0, 2.0),
    ];
}

/// The answer scales of the three score columns.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scales {
    pub satisfaction: Scale,
    pub effort: Scale,
    pub nps: Scale,
}

impl Default for Scales {
    fn default() -> Self {
        Scales {
            satisfaction: Scale::new(1.0, 5.0),
            effort: Scale::new(1.0, 7.0),
            nps: Scale::new(0.0, 10.0),
        }
    }
}

/// Settings that travel with a dataset (from a JSON feed's `meta`, or typed by the user).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Shown in the header and in exports.
    pub name: Option<String>,
    /// Funnel stage order, first to last.
    pub stage_order: Option<Vec<String>>,
    /// The stage that counts as a conversion.
    pub conversion_stage: Option<String>,
    /// Declared scales; `None` keeps the defaults.
    pub scales: Option<Scales>,
    /// KPI targets by KPI key (`conversion_rate`, `nps`, `churn_rate`, …).
    pub targets: BTreeMap<String, f64>,
}

/// A dictionary-encoded text column.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DimColumn {
    /// Column header in the source file (or the role key for built-in roles).
    pub name: String,
    /// Distinct values in order of first appearance; `codes` index into it.
    pub values: Vec<String>,
    /// One code per event; [`MISSING`] for an empty cell.
    pub codes: Vec<u32>,
    /// The codes of `values`, found by their text's hash. Codes rather than a map from
    /// the text: each value is stored once, and the table (4 bytes a slot) stays in cache
    /// for hundreds of thousands of customers; a `HashMap<String, u32>` kept a second copy
    /// of every value, and interning a part's 100 000 customers into another's took 65 ms
    /// natively against 45 now.
    #[serde(skip)]
    lookup: HashTable<u32>,
}

/// Two columns are equal when they hold the same values and codes, whether or not their
/// lookup tables were built (a column read back from a worker has none).
impl PartialEq for DimColumn {
    fn eq(&self, other: &DimColumn) -> bool {
        self.name == other.name && self.values == other.values && self.codes == other.codes
    }
}

/// The hash [`DimColumn`]'s lookup files a value under.
fn text_hash(v: &str) -> u64 {
    FxBuild::default().hash_one(v)
}

/// The hash of the value a code stands for, which the lookup needs when it grows.
fn code_hash(values: &[String]) -> impl Fn(&u32) -> u64 + '_ {
    move |&c| text_hash(&values[c as usize])
}

/// The code of `v` among `values` (found through `lookup`), `v` added when new: moved in
/// when owned (a worker's part being merged), copied when borrowed (a cell being read).
fn intern_in(lookup: &mut HashTable<u32>, values: &mut Vec<String>, v: Cow<'_, str>) -> u32 {
    let known = &*values;
    let entry = lookup.entry(
        text_hash(&v),
        |&c| known[c as usize] == *v,
        code_hash(known),
    );
    match entry {
        Entry::Occupied(e) => *e.get(),
        Entry::Vacant(e) => {
            let c = values.len() as u32;
            e.insert(c);
            values.push(v.into_owned());
            c
        }
    }
}

/// The hasher of the dictionary lookups done once per cell while loading: rustc's FxHash
/// (`rustc-hash`, already in the build through Leptos and Fluent). Loading a million rows
/// is dominated by these lookups, and the keys are the user's own data, so hash flooding
/// is not a concern here. Its `finish` rotates the high bits down to the low ones the table
/// indexes by, so ids like "C000001"/"C000002" do not pile up in a few buckets.
pub type FxBuild = rustc_hash::FxBuildHasher;

impl DimColumn {
    pub fn new(name: impl Into<String>) -> DimColumn {
        DimColumn {
            name: name.into(),
            ..DimColumn::default()
        }
    }

    /// Appends one cell; an empty (or all-blank) value is stored as [`MISSING`].
    pub fn push(&mut self, value: Option<&str>) {
        /// `str::trim`, skipped when both ends are visibly not blank (the usual case).
        fn trim(s: &str) -> &str {
            match (s.as_bytes().first(), s.as_bytes().last()) {
                (Some(&a), Some(&z))
                    if a < 0x80
                        && z < 0x80
                        && !(a as char).is_whitespace()
                        && !(z as char).is_whitespace() =>
                {
                    s
                }
                _ => s.trim(),
            }
        }
        let code = match value.map(trim) {
            None | Some("") => MISSING,
            Some(v) => self.intern(v),
        };
        self.codes.push(code);
    }

    /// The code for `v`, adding it to the dictionary when new.
    pub fn intern(&mut self, v: &str) -> u32 {
        // Files are usually grouped (one customer's events together, runs of one stage or
        // persona), so the previous cell's value is the best first guess and saves hashing.
        // Only trusted when every value went through here (the lookup mirrors `values`).
        if let Some(&last) = self.codes.last() {
            if self.lookup.len() == self.values.len() {
                if let Some(prev) = self.values.get(last as usize) {
                    if prev.as_str() == v {
                        return last;
                    }
                }
            }
        }
        intern_in(&mut self.lookup, &mut self.values, Cow::Borrowed(v))
    }

    /// Appends a column built apart from this one (a later part of the same file, with
    /// its own dictionary): its values are interned here in their order of first
    /// appearance and its codes remapped, so the result is what one pass would have built.
    pub fn append(&mut self, other: DimColumn) {
        run_ready(self.append_paused(other, &mut ready));
    }

    /// [`DimColumn::append`] with `pause().await` after every [`DICT_STRETCH`] dictionary
    /// values: a file's parts rarely share customers, so at a million events this interns
    /// a hundred thousand or more, too long for the browser to wait in one go.
    pub async fn append_paused<F: Future<Output = ()>>(
        &mut self,
        other: DimColumn,
        pause: &mut impl FnMut() -> F,
    ) {
        // Sized once: growing the lookup step by step would rehash it each time.
        let stale = self.lookup.len() != self.values.len();
        if stale {
            self.lookup.clear();
        }
        let values = &self.values;
        self.lookup.reserve(
            other.values.len() + if stale { values.len() } else { 0 },
            code_hash(values),
        );
        if stale {
            // A deserialized column: rebuild the lookup `intern` relies on.
            for (at, stretch) in values.chunks(DICT_STRETCH).enumerate() {
                let first = at * DICT_STRETCH;
                for (i, v) in stretch.iter().enumerate() {
                    let code = (first + i) as u32;
                    self.lookup
                        .insert_unique(text_hash(v), code, code_hash(values));
                }
                pause().await;
            }
        }
        self.values.reserve(other.values.len());
        let mut remap = Vec::with_capacity(other.values.len());
        let mut theirs = other.values.into_iter().peekable();
        while theirs.peek().is_some() {
            for v in theirs.by_ref().take(DICT_STRETCH) {
                remap.push(intern_in(&mut self.lookup, &mut self.values, Cow::Owned(v)));
            }
            pause().await;
        }
        self.codes.extend(other.codes.iter().map(|&c| {
            if c == MISSING {
                MISSING
            } else {
                remap.get(c as usize).copied().unwrap_or(MISSING)
            }
        }));
    }

    /// The code of an existing value, if the column has it.
    pub fn code_of(&self, v: &str) -> Option<u32> {
        if self.lookup.is_empty() && !self.values.is_empty() {
            // Deserialized columns have no lookup table; fall back to a scan.
            return self.values.iter().position(|x| x == v).map(|p| p as u32);
        }
        let values = &self.values;
        self.lookup
            .find(text_hash(v), |&c| values[c as usize] == v)
            .copied()
    }

    /// The text of event `i`, `None` when missing.
    pub fn get(&self, i: usize) -> Option<&str> {
        match self.codes.get(i) {
            Some(&c) if c != MISSING => self.values.get(c as usize).map(String::as_str),
            _ => None,
        }
    }

    /// The text behind a code.
    pub fn value(&self, code: u32) -> Option<&str> {
        self.values.get(code as usize).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Free text (comments), stored in one buffer so a million short strings cost one allocation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextColumn {
    pub name: String,
    buf: String,
    /// `ends[i]` is where event i's text ends in `buf`; it starts where i−1's ends.
    ends: Vec<u32>,
}

impl TextColumn {
    pub fn new(name: impl Into<String>) -> TextColumn {
        TextColumn {
            name: name.into(),
            ..TextColumn::default()
        }
    }
    pub fn push(&mut self, value: Option<&str>) {
        if let Some(v) = value {
            self.buf.push_str(v.trim());
        }
        self.ends.push(self.buf.len() as u32);
    }
    /// The whole text and where each event's ends, to copy the column elsewhere.
    pub fn raw(&self) -> (&str, &[u32]) {
        (&self.buf, &self.ends)
    }
    /// A column from [`TextColumn::raw`]'s parts; `None` unless every end is in order,
    /// within the text and on a character boundary.
    pub fn from_raw(name: String, buf: String, ends: Vec<u32>) -> Option<TextColumn> {
        let mut prev = 0u32;
        for &e in &ends {
            if e < prev || !buf.is_char_boundary(e as usize) {
                return None;
            }
            prev = e;
        }
        Some(TextColumn { name, buf, ends })
    }
    /// Appends a column built apart from this one (a later part of the same file).
    pub fn append(&mut self, other: &TextColumn) {
        let base = self.buf.len() as u32;
        self.buf.push_str(&other.buf);
        self.ends.extend(other.ends.iter().map(|e| base + e));
    }
    /// The text of event `i`, `None` when empty.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let s = &self.buf[start..end];
        (!s.is_empty()).then_some(s)
    }
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Which optional columns a dataset has, decided by the column mapping before any row is read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub timestamp: bool,
    pub journey: bool,
    pub stage: bool,
    pub touchpoint: bool,
    pub channel: bool,
    pub persona: bool,
    pub satisfaction: bool,
    pub effort: bool,
    pub nps: bool,
    pub revenue: bool,
    pub comment: bool,
    /// Header names of the extra breakdown dimensions, in file order.
    pub extras: Vec<String>,
}

/// One event as plain values, the unit [`DatasetBuilder::push`] takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event<'a> {
    pub customer: &'a str,
    pub timestamp: Option<i64>,
    pub journey: Option<&'a str>,
    pub stage: Option<&'a str>,
    pub touchpoint: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub persona: Option<&'a str>,
    pub satisfaction: Option<f64>,
    pub effort: Option<f64>,
    pub nps: Option<f64>,
    pub revenue: Option<f64>,
    pub comment: Option<&'a str>,
    /// One value per entry of [`Columns::extras`], same order.
    pub extras: Vec<Option<&'a str>>,
}

/// A numeric column; `NaN` means "no value".
pub type NumColumn = Vec<f64>;

/// The loaded journey data. Optional columns are `None` when the file has no such column,
/// so a view can tell "no column" (say which column would enable it) from "no answers".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: Meta,
    pub scales: Scales,
    pub customer: DimColumn,
    pub timestamp: Option<Vec<i64>>,
    pub journey: Option<DimColumn>,
    pub stage: Option<DimColumn>,
    pub touchpoint: Option<DimColumn>,
    pub channel: Option<DimColumn>,
    pub persona: Option<DimColumn>,
    pub satisfaction: Option<NumColumn>,
    pub effort: Option<NumColumn>,
    pub nps: Option<NumColumn>,
    pub revenue: Option<NumColumn>,
    pub comment: Option<TextColumn>,
    pub extras: Vec<DimColumn>,
}

impl Dataset {
    /// Number of events.
    pub fn len(&self) -> usize {
        self.customer.codes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Number of distinct customers.
    pub fn customer_count(&self) -> usize {
        self.customer.values.len()
    }
    /// Reads a numeric cell as `Option`, hiding the `NaN` marker.
    pub fn score(col: &Option<NumColumn>, i: usize) -> Option<f64> {
        col.as_ref()
            .and_then(|c| c.get(i).copied())
            .filter(|v| !v.is_nan())
    }
    /// Event i's timestamp, if any.
    pub fn time(&self, i: usize) -> Option<i64> {
        self.timestamp
            .as_ref()
            .and_then(|t| t.get(i).copied())
            .filter(|&t| t != NO_TIME)
    }
    /// A breakdown dimension's column.
    pub fn dimension(&self, key: DimKey) -> Option<&DimColumn> {
        match key {
            DimKey::Role(Role::Journey) => self.journey.as_ref(),
            DimKey::Role(Role::Stage) => self.stage.as_ref(),
            DimKey::Role(Role::Touchpoint) => self.touchpoint.as_ref(),
            DimKey::Role(Role::Channel) => self.channel.as_ref(),
            DimKey::Role(Role::Persona) => self.persona.as_ref(),
            DimKey::Role(_) => None,
            DimKey::Extra(i) => self.extras.get(i),
        }
    }
    /// Every breakdown dimension present, built-ins first, then extras in file order.
    pub fn dimension_keys(&self) -> Vec<DimKey> {
        let mut keys: Vec<DimKey> = DimKey::ROLES
            .iter()
            .map(|&r| DimKey::Role(r))
            .filter(|&k| self.dimension(k).is_some())
            .collect();
        keys.extend((0..self.extras.len()).map(DimKey::Extra));
        keys
    }
    /// The header of an extra dimension (`None` for a role, whose name is translated).
    pub fn extra_name(&self, key: DimKey) -> Option<&str> {
        match key {
            DimKey::Extra(i) => self.extras.get(i).map(|c| c.name.as_str()),
            DimKey::Role(_) => None,
        }
    }
    /// The dimension a person means by `name` (the CLI's `--filter region=North`): a
    /// role key first, then `extra:N`, then an extra column's header.
    pub fn find_dimension(&self, name: &str) -> Option<DimKey> {
        let name = name.trim();
        if let Ok(k) = name.parse::<DimKey>() {
            return self.dimension(k).map(|_| k);
        }
        self.extras
            .iter()
            .position(|c| c.name == name)
            .map(DimKey::Extra)
    }
    /// Which optional columns this dataset has.
    pub fn columns(&self) -> Columns {
        Columns {
            timestamp: self.timestamp.is_some(),
            journey: self.journey.is_some(),
            stage: self.stage.is_some(),
            touchpoint: self.touchpoint.is_some(),
            channel: self.channel.is_some(),
            persona: self.persona.is_some(),
            satisfaction: self.satisfaction.is_some(),
            effort: self.effort.is_some(),
            nps: self.nps.is_some(),
            revenue: self.revenue.is_some(),
            comment: self.comment.is_some(),
            extras: self.extras.iter().map(|c| c.name.clone()).collect(),
        }
    }
}

/// Builds a [`Dataset`] one event at a time.
#[derive(Debug, Clone)]
pub struct DatasetBuilder {
    ds: Dataset,
}

fn num(v: Option<f64>) -> f64 {
    v.unwrap_or(f64::NAN)
}

impl DatasetBuilder {
    /// A builder for a dataset with exactly the given optional columns.
    pub fn new(columns: &Columns, scales: Scales, meta: Meta) -> DatasetBuilder {
        let dim = |on: bool, name: &str| on.then(|| DimColumn::new(name));
        let numc = |on: bool| on.then(Vec::new);
        DatasetBuilder {
            ds: Dataset {
                meta,
                scales,
                customer: DimColumn::new("customer_id"),
                timestamp: columns.timestamp.then(Vec::new),
                journey: dim(columns.journey, "journey"),
                stage: dim(columns.stage, "stage"),
                touchpoint: dim(columns.touchpoint, "touchpoint"),
                channel: dim(columns.channel, "channel"),
                persona: dim(columns.persona, "persona"),
                satisfaction: numc(columns.satisfaction),
                effort: numc(columns.effort),
                nps: numc(columns.nps),
                revenue: numc(columns.revenue),
                comment: columns.comment.then(|| TextColumn::new("comment")),
                extras: columns.extras.iter().map(DimColumn::new).collect(),
            },
        }
    }

    /// Reserves room for `n` more events (a big file knows its size up front).
    pub fn reserve(&mut self, n: usize) {
        let d = &mut self.ds;
        d.customer.codes.reserve(n);
        if let Some(t) = d.timestamp.as_mut() {
            t.reserve(n);
        }
        for c in [
            &mut d.journey,
            &mut d.stage,
            &mut d.touchpoint,
            &mut d.channel,
            &mut d.persona,
        ]
        .into_iter()
        .flatten()
        {
            c.codes.reserve(n);
        }
        for c in [
            &mut d.satisfaction,
            &mut d.effort,
            &mut d.nps,
            &mut d.revenue,
        ]
        .into_iter()
        .flatten()
        {
            c.reserve(n);
        }
    }

    /// Appends one event. Values for columns the builder was not created with are ignored.
    pub fn push(&mut self, e: &Event<'_>) {
        let d = &mut self.ds;
        let customer = match (e.customer.as_bytes().first(), e.customer.as_bytes().last()) {
            // `trim` only when an end may be blank: this runs once per loaded row.
            (Some(&a), Some(&z))
                if a < 0x80
                    && z < 0x80
                    && !(a as char).is_whitespace()
                    && !(z as char).is_whitespace() =>
            {
                e.customer
            }
            _ => e.customer.trim(),
        };
        let c = d.customer.intern(customer);
        d.customer.codes.push(c);
        if let Some(t) = d.timestamp.as_mut() {
            t.push(e.timestamp.unwrap_or(NO_TIME));
        }
        for (col, v) in [
            (&mut d.journey, e.journey),
            (&mut d.stage, e.stage),
            (&mut d.touchpoint, e.touchpoint),
            (&mut d.channel, e.channel),
            (&mut d.persona, e.persona),
        ] {
            if let Some(col) = col.as_mut() {
                col.push(v);
            }
        }
        for (col, v) in [
            (&mut d.satisfaction, e.satisfaction),
            (&mut d.effort, e.effort),
            (&mut d.nps, e.nps),
            (&mut d.revenue, e.revenue),
        ] {
            if let Some(col) = col.as_mut() {
                col.push(num(v));
            }
        }
        if let Some(col) = d.comment.as_mut() {
            col.push(e.comment);
        }
        for (i, col) in d.extras.iter_mut().enumerate() {
            col.push(e.extras.get(i).copied().flatten());
        }
    }

    /// Appends the events of a dataset built apart with the same columns (a later part of
    /// the same file), remapping its dictionary codes onto this builder's dictionaries.
    pub fn append(&mut self, other: Dataset) {
        run_ready(self.append_paused(other, &mut ready));
    }

    /// [`DatasetBuilder::append`] with `pause().await` between columns and within the
    /// large dictionaries ([`DimColumn::append_paused`]).
    pub async fn append_paused<F: Future<Output = ()>>(
        &mut self,
        other: Dataset,
        pause: &mut impl FnMut() -> F,
    ) {
        let Dataset {
            customer,
            timestamp,
            journey,
            stage,
            touchpoint,
            channel,
            persona,
            satisfaction,
            effort,
            nps,
            revenue,
            comment,
            extras,
            ..
        } = other;
        let d = &mut self.ds;
        d.customer.append_paused(customer, pause).await;
        pause().await;
        if let (Some(a), Some(b)) = (d.timestamp.as_mut(), timestamp) {
            a.extend_from_slice(&b);
        }
        for (a, b) in [
            (&mut d.journey, journey),
            (&mut d.stage, stage),
            (&mut d.touchpoint, touchpoint),
            (&mut d.channel, channel),
            (&mut d.persona, persona),
        ] {
            if let (Some(a), Some(b)) = (a.as_mut(), b) {
                a.append_paused(b, pause).await;
                pause().await;
            }
        }
        for (a, b) in [
            (&mut d.satisfaction, satisfaction),
            (&mut d.effort, effort),
            (&mut d.nps, nps),
            (&mut d.revenue, revenue),
        ] {
            if let (Some(a), Some(b)) = (a.as_mut(), b) {
                a.extend_from_slice(&b);
            }
        }
        if let (Some(a), Some(b)) = (d.comment.as_mut(), comment) {
            a.append(&b);
        }
        for (a, b) in d.extras.iter_mut().zip(extras) {
            a.append_paused(b, pause).await;
            pause().await;
        }
    }

    /// Takes a dataset's events: moved in, without copying, when nothing was pushed yet
    /// and it has exactly this builder's columns (a worker's part of a file, a million
    /// rows maybe); appended otherwise. Its dictionaries then have no lookup table, which
    /// [`DimColumn::code_of`] and [`DimColumn::append`] handle.
    pub fn adopt(&mut self, other: Dataset) {
        if !self.ds.is_empty() || other.columns() != self.ds.columns() {
            return self.append(other);
        }
        let (meta, scales) = (std::mem::take(&mut self.ds.meta), self.ds.scales);
        let names = |d: &Dataset| {
            let dims = [&d.journey, &d.stage, &d.touchpoint, &d.channel, &d.persona];
            let mut v: Vec<String> = dims
                .iter()
                .flat_map(|c| c.as_ref())
                .map(|c| c.name.clone())
                .collect();
            v.extend(d.extras.iter().map(|c| c.name.clone()));
            v.extend(d.comment.iter().map(|c| c.name.clone()));
            v.push(d.customer.name.clone());
            v
        };
        if names(&other) != names(&self.ds) {
            return self.append(other);
        }
        self.ds = Dataset {
            meta,
            scales,
            ..other
        };
    }

    /// The events pushed so far, e.g. to look up keys while appending another file.
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// Events pushed so far.
    pub fn len(&self) -> usize {
        self.ds.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ds.is_empty()
    }

    pub fn finish(self) -> Dataset {
        self.ds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_encodes_dimensions_and_marks_missing() {
        let cols = Columns {
            stage: true,
            nps: true,
            extras: vec!["region".into()],
            ..Columns::default()
        };
        let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
        b.push(&Event {
            customer: "c1",
            stage: Some("awareness"),
            nps: Some(9.0),
            extras: vec![Some("north")],
            ..Event::default()
        });
        b.push(&Event {
            customer: " c2 ",
            stage: Some(""),
            extras: vec![None],
            ..Event::default()
        });
        b.push(&Event {
            customer: "c1",
            stage: Some("awareness"),
            ..Event::default()
        });
        let d = b.finish();
        assert_eq!(d.len(), 3);
        assert_eq!(d.customer_count(), 2);
        assert_eq!(d.customer.get(1), Some("c2"));
        let stage = d.stage.as_ref().unwrap();
        assert_eq!(stage.codes, vec![0, MISSING, 0]);
        assert_eq!(Dataset::score(&d.nps, 0), Some(9.0));
        assert_eq!(Dataset::score(&d.nps, 1), None);
        assert!(d.satisfaction.is_none());
        assert_eq!(d.dimension(DimKey::Extra(0)).unwrap().get(0), Some("north"));
        assert_eq!(
            d.dimension_keys(),
            vec![DimKey::Role(Role::Stage), DimKey::Extra(0)]
        );
        assert_eq!(d.find_dimension("region"), Some(DimKey::Extra(0)));
        assert_eq!(d.find_dimension("persona"), None);
    }

    #[test]
    fn dimension_keys_read_and_write_as_text() {
        for (k, text) in [
            (DimKey::Role(Role::Persona), "persona"),
            (DimKey::Role(Role::Stage), "stage"),
            (DimKey::Extra(3), "extra:3"),
        ] {
            assert_eq!(k.to_string(), text);
            assert_eq!(text.parse::<DimKey>(), Ok(k));
        }
        assert_eq!("nps".parse::<DimKey>(), Err(NotADimension));
        assert_eq!("region".parse::<DimKey>(), Err(NotADimension));
        assert_eq!("extra:x".parse::<DimKey>(), Err(NotADimension));
    }

    #[test]
    fn appended_column_is_remapped_even_after_a_round_trip() {
        // A column that crossed a worker boundary has no lookup table: appending to it
        // must still find "b" rather than add it twice.
        let mut a = DimColumn::new("stage");
        for v in [Some("a"), Some("b"), None] {
            a.push(v);
        }
        let mut a: DimColumn = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        let mut b = DimColumn::new("stage");
        for v in [Some("c"), Some("b"), None, Some("c")] {
            b.push(v);
        }
        a.append(b);
        assert_eq!(a.values, ["a", "b", "c"]);
        assert_eq!(a.codes, [0, 1, MISSING, 2, 1, MISSING, 2]);
        let mut t = TextColumn::new("comment");
        t.push(Some("hi"));
        let mut u = TextColumn::new("comment");
        u.push(None);
        u.push(Some("there"));
        t.append(&u);
        assert_eq!(
            (t.get(0), t.get(1), t.get(2)),
            (Some("hi"), None, Some("there"))
        );
    }

    #[test]
    fn text_column_keeps_each_value() {
        let mut t = TextColumn::new("comment");
        t.push(Some(" slow, very slow "));
        t.push(None);
        t.push(Some("Świetnie"));
        assert_eq!(t.get(0), Some("slow, very slow"));
        assert_eq!(t.get(1), None);
        assert_eq!(t.get(2), Some("Świetnie"));
        assert_eq!(t.get(3), None);
    }

    #[test]
    fn scale_maps_to_percent() {
        assert_eq!(Scale::new(1.0, 5.0).to_percent(4.0), 75.0);
        assert_eq!(Scale::new(-2.0, 2.0).to_percent(0.0), 50.0);
    }
}
