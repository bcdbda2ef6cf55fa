//! Turns one record's cells into an event or a rejection, shared by the CSV and JSON
//! readers so both apply exactly the same rules and messages.
//!
//! A row with any invalid value is rejected whole, and EVERY bad cell of it is reported
//! (one error each), so the user fixes a row in one go.

use super::error::IngestError;
use super::milestones::Resolved;
use super::notes::{DateReading, LoadNote, MilestoneColumn, ReadOrder, RowProblem};
use super::report::{LoadReport, Loaded, Mapping, RejectedRow, RowError};
use super::values::{
    is_missing, parse_date, parse_number, trim, DateLayout, DateOrder, OrderEvidence, ParsedDate,
    SlashDate,
};
use super::wire::{get_dataset_paused, put_dataset, Reader, Wire, WireError, Writer};
use crate::dataset::{Columns, Dataset, DatasetBuilder, Event, Meta, Role, Scale, Scales, NO_TIME};
use crate::pause::{ready, run_ready};
use std::borrow::Cow;
use std::future::Future;

/// One source cell as the readers see it.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    Missing,
    /// Raw (untrimmed) text, UTF-8 unless the file is damaged (bad bytes are replaced).
    Text(&'a [u8]),
    /// Raw (untrimmed) text already known to be valid, so it is not checked again.
    Str(&'a str),
    /// A JSON number, with its text for text columns.
    Num(f64, &'a [u8]),
    /// A JSON list or object, which no column can hold.
    Nested,
}

impl<'a> Cell<'a> {
    /// The same cell for readers that work on bytes (numbers, dates).
    fn bytes(self) -> Cell<'a> {
        match self {
            Cell::Str(s) => Cell::Text(s.as_bytes()),
            c => c,
        }
    }
}

/// [`trim`] on text that is known to be valid.
fn trim_str(s: &str) -> &str {
    let t = trim(s.as_bytes());
    // `trim` only drops whole ASCII spaces and whole U+00A0, so both ends stay on
    // character boundaries.
    let start = t.as_ptr() as usize - s.as_ptr() as usize;
    s.get(start..start + t.len()).unwrap_or(s)
}

/// Where each role lives in the source record.
#[derive(Debug, Clone, Default)]
struct Slots {
    customer: Option<usize>,
    timestamp: Option<usize>,
    journey: Option<usize>,
    stage: Option<usize>,
    touchpoint: Option<usize>,
    channel: Option<usize>,
    persona: Option<usize>,
    satisfaction: Option<usize>,
    effort: Option<usize>,
    nps: Option<usize>,
    revenue: Option<usize>,
    comment: Option<usize>,
    extras: Vec<usize>,
}

/// Every date layout, in the order their codes are written by [`Assembler::write_to`].
const LAYOUTS: [DateLayout; 4] = [
    DateLayout::Iso,
    DateLayout::YearSlash,
    DateLayout::Dotted,
    DateLayout::Dashed,
];

/// Settings the assembler needs besides the mapping.
#[derive(Debug, Clone)]
pub struct Rules {
    pub scales: Scales,
    pub decimal_comma: bool,
    pub row_number_as_customer: bool,
    pub max_errors: usize,
    pub meta: Meta,
    /// Date columns read as stages, one event each ([`super::milestones`]).
    pub milestones: Option<Resolved>,
    /// The file is added to others and finds its customers through a key column, so its
    /// row numbers are placeholders rather than customers of their own.
    pub joined: bool,
}

/// A date cell that was read.
#[derive(Debug, Clone, Copy)]
enum DateValue {
    Exact(i64),
    /// Day/month order decided once the whole column is known.
    Slashed(SlashDate),
}

/// Reads a date cell, noting its layout; a bad or implausible date is a problem of the row.
fn read_date(
    cell: Cell<'_>,
    i: usize,
    problems: &mut Vec<(usize, RowProblem)>,
    layouts: &mut Vec<DateLayout>,
) -> Option<DateValue> {
    match cell {
        Cell::Num(v, text) => {
            // JSON epoch seconds (or milliseconds, which are 1000x larger).
            let secs = if v.abs() > 1e11 { v / 1000.0 } else { v };
            if v.is_finite() && plausible(secs) {
                Some(DateValue::Exact(secs.floor() as i64))
            } else {
                problems.push((i, out_of_range(text)));
                None
            }
        }
        Cell::Nested => {
            problems.push((i, RowProblem::NestedDate));
            None
        }
        Cell::Text(b) => {
            let b = trim(b);
            if is_missing(b) {
                return None;
            }
            match parse_date(b) {
                ParsedDate::Exact(t, _) if !plausible(t as f64) => {
                    problems.push((i, out_of_range(b)));
                    None
                }
                ParsedDate::Exact(t, layout) => {
                    if !layouts.contains(&layout) {
                        layouts.push(layout);
                    }
                    Some(DateValue::Exact(t))
                }
                ParsedDate::Slashed(sd) if !(MIN_YEAR..=MAX_YEAR).contains(&sd.year) => {
                    problems.push((i, out_of_range(b)));
                    None
                }
                ParsedDate::Slashed(sd) => Some(DateValue::Slashed(sd)),
                ParsedDate::Invalid => {
                    problems.push((i, RowProblem::DateUnrecognised { value: shown(b) }));
                    None
                }
            }
        }
        // Callers pass `bytes()`, which has turned `Str` into `Text`.
        Cell::Missing | Cell::Str(_) => None,
    }
}

/// Accumulates events and rejections.
pub struct Assembler {
    headers: Vec<String>,
    roles: Vec<Role>,
    slots: Slots,
    rules: Rules,
    builder: DatasetBuilder,
    records: usize,
    rows_rejected: usize,
    errors: Vec<RowError>,
    errors_truncated: usize,
    rejected: Vec<RejectedRow>,
    slashed: Vec<(usize, SlashDate)>,
    order: OrderEvidence,
    layouts: Vec<DateLayout>,
    sat_range: Option<(f64, f64)>,
    sat_outside: usize,
    row_name: String,
    /// Allocations of the per-row extra-column lists, kept empty between rows so a million
    /// rows do not cost two million small allocations (see [`recycle`]).
    extras_text: Vec<Option<Cow<'static, str>>>,
    extras_ref: Vec<Option<&'static str>>,
    rows_loaded: usize,
    /// Milestones a row reached, kept between rows to save the allocation.
    reached: Vec<(usize, DateValue)>,
    /// Day/month evidence per milestone column, and the events waiting for its decision.
    ms_orders: Vec<OrderEvidence>,
    ms_slashed: Vec<(usize, usize, SlashDate)>,
}

/// Writes a refused cell's column (none for the whole record) and problem.
fn put_problem(w: &mut Writer, column: Option<&str>, problem: &RowProblem) {
    w.bool(column.is_some());
    w.str(column.unwrap_or_default());
    super::wire::put_problem(w, problem);
}

/// Reads what [`put_problem`] wrote.
fn get_problem(r: &mut Reader<'_>) -> Wire<(Option<String>, RowProblem)> {
    let (some, column) = (r.bool()?, r.str()?);
    let problem = super::wire::get_problem(r)?;
    Ok((some.then_some(column), problem))
}

/// Empties a list and hands its allocation back with a different lifetime. Collecting a
/// `vec::IntoIter` into a `Vec` of a type with the same layout reuses the buffer, so this
/// lets per-row lists of borrowed cells be kept between rows without unsafe code.
fn recycle<T, U>(mut v: Vec<Option<T>>) -> Vec<Option<U>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// A row's problems, each with the source column it is about.
type Problems = Vec<(usize, RowProblem)>;

/// The scores and revenue of one row.
#[derive(Clone, Copy)]
struct Measures {
    satisfaction: Option<f64>,
    effort: Option<f64>,
    nps: Option<f64>,
    revenue: Option<f64>,
}

/// The text cells of one row, read before the row is known to be kept.
struct Texts<'a> {
    journey: Option<Cow<'a, str>>,
    stage: Option<Cow<'a, str>>,
    touchpoint: Option<Cow<'a, str>>,
    channel: Option<Cow<'a, str>>,
    persona: Option<Cow<'a, str>>,
    comment: Option<Cow<'a, str>>,
}

/// A text cell, trimmed; `None` when missing. Bytes that are not UTF-8 are repaired
/// (the rare bad cell); nested JSON is a problem.
#[inline]
fn read_text<'a>(
    get: &impl Fn(usize) -> Cell<'a>,
    slot: Option<usize>,
    problems: &mut Problems,
) -> Option<Cow<'a, str>> {
    let i = slot?;
    match get(i) {
        Cell::Missing => None,
        Cell::Str(s) => {
            let t = trim_str(s);
            (!is_missing(t.as_bytes())).then_some(Cow::Borrowed(t))
        }
        Cell::Text(b) | Cell::Num(_, b) => {
            let b = trim(b);
            if is_missing(b) {
                None
            } else {
                // Checked once here; the lossy repair is for the rare bad cell.
                Some(match std::str::from_utf8(b) {
                    Ok(s) => Cow::Borrowed(s),
                    Err(_) => String::from_utf8_lossy(b),
                })
            }
        }
        Cell::Nested => {
            problems.push((i, RowProblem::NestedText));
            None
        }
    }
}

/// A number cell in the file's decimal notation; `None` when missing, a problem when it
/// is not a number.
#[inline]
fn read_number<'a>(
    get: &impl Fn(usize) -> Cell<'a>,
    slot: Option<usize>,
    field: Role,
    decimal_comma: bool,
    problems: &mut Problems,
) -> Option<f64> {
    let i = slot?;
    match get(i).bytes() {
        // `bytes()` has turned `Str` into `Text`.
        Cell::Missing | Cell::Str(_) => None,
        Cell::Nested => {
            problems.push((i, RowProblem::NestedNumber { field }));
            None
        }
        Cell::Num(v, _) => Some(v),
        Cell::Text(b) => {
            let b = trim(b);
            if is_missing(b) {
                return None;
            }
            let v = parse_number(b, decimal_comma);
            if v.is_none() {
                problems.push((
                    i,
                    RowProblem::NotANumber {
                        field,
                        value: shown(b),
                    },
                ));
            }
            v
        }
    }
}

/// `v` when it lies on `scale` (and is whole, for NPS and effort answers); otherwise an
/// out-of-scale problem.
#[inline]
fn on_scale(
    v: f64,
    scale: Scale,
    whole: bool,
    field: Role,
    slot: Option<usize>,
    problems: &mut Problems,
) -> Option<f64> {
    if scale.contains(v) && (!whole || v.fract() == 0.0) {
        return Some(v);
    }
    let value = v;
    problems.push((
        slot.unwrap_or(0),
        RowProblem::OutOfScale {
            field,
            value,
            scale,
        },
    ));
    None
}

/// Stores a milestone row (one column of dates per stage) as one event per stage
/// reached; the scores ride on the stage they were measured at.
fn push_milestones<'e>(
    builder: &mut DatasetBuilder,
    orders: &mut [OrderEvidence],
    slashed: &mut Vec<(usize, usize, SlashDate)>,
    ms: &'e Resolved,
    ev: &mut Event<'e>,
    reached: &[(usize, DateValue)],
) {
    let carrier = reached
        .iter()
        .position(|(k, _)| *k == ms.measures_at)
        .unwrap_or(0);
    let measures = (ev.satisfaction, ev.effort, ev.nps, ev.revenue, ev.comment);
    for (n, (k, date)) in reached.iter().enumerate() {
        let on = n == carrier;
        ev.stage = ms.columns.get(*k).map(|c| c.1.as_str());
        ev.satisfaction = measures.0.filter(|_| on);
        ev.effort = measures.1.filter(|_| on);
        ev.nps = measures.2.filter(|_| on);
        ev.revenue = measures.3.filter(|_| on);
        ev.comment = measures.4.filter(|_| on);
        ev.timestamp = Some(match date {
            DateValue::Exact(t) => *t,
            DateValue::Slashed(sd) => {
                if let Some(o) = orders.get_mut(*k) {
                    o.observe(sd);
                }
                slashed.push((builder.len(), *k, *sd));
                NO_TIME
            }
        });
        builder.push(ev);
    }
}

/// Checks the mapping has what every view needs before any row is read.
pub fn check_roles(
    headers: &[String],
    roles: &[Role],
    row_number_as_customer: bool,
    joined: bool,
) -> Result<(), IngestError> {
    if !row_number_as_customer && !roles.contains(&Role::CustomerId) {
        return Err(IngestError::NoCustomerColumn {
            columns: headers.to_vec(),
        });
    }
    // A file added to others may bring only revenue (payments) or only dimensions.
    if !joined
        && !roles
            .iter()
            .any(|r| matches!(r, Role::Stage | Role::Satisfaction | Role::Nps))
    {
        return Err(IngestError::NoMeasureColumn);
    }
    Ok(())
}

/// Dates a journey can plausibly have. Anything outside is a unit or typing mistake
/// (epoch nanoseconds, year 20240), and letting it through would make every per-day and
/// per-period structure span millennia.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;
/// 1900-01-01 and 2201-01-01 in epoch seconds.
const MIN_SECS: f64 = -2_208_988_800.0;
const MAX_SECS: f64 = 7_289_654_400.0;

fn plausible(secs: f64) -> bool {
    (MIN_SECS..MAX_SECS).contains(&secs)
}

fn out_of_range(b: &[u8]) -> RowProblem {
    RowProblem::DateOutOfRange {
        value: shown(b),
        min_year: MIN_YEAR,
        max_year: MAX_YEAR,
    }
}

/// A bad text value for a message, cut to a readable length.
fn shown(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl Assembler {
    pub fn new(headers: Vec<String>, roles: Vec<Role>, rules: Rules) -> Assembler {
        let mut slots = Slots::default();
        let mut cols = Columns::default();
        for (i, r) in roles.iter().enumerate() {
            let (slot, flag) = match r {
                Role::CustomerId => (&mut slots.customer, None),
                Role::Timestamp => (&mut slots.timestamp, Some(&mut cols.timestamp)),
                Role::Journey => (&mut slots.journey, Some(&mut cols.journey)),
                Role::Stage => (&mut slots.stage, Some(&mut cols.stage)),
                Role::Touchpoint => (&mut slots.touchpoint, Some(&mut cols.touchpoint)),
                Role::Channel => (&mut slots.channel, Some(&mut cols.channel)),
                Role::Persona => (&mut slots.persona, Some(&mut cols.persona)),
                Role::Satisfaction => (&mut slots.satisfaction, Some(&mut cols.satisfaction)),
                Role::Effort => (&mut slots.effort, Some(&mut cols.effort)),
                Role::Nps => (&mut slots.nps, Some(&mut cols.nps)),
                Role::Revenue => (&mut slots.revenue, Some(&mut cols.revenue)),
                Role::Comment => (&mut slots.comment, Some(&mut cols.comment)),
                Role::Dimension => {
                    slots.extras.push(i);
                    cols.extras.push(headers[i].clone());
                    continue;
                }
                Role::Ignore => continue,
            };
            if slot.is_none() {
                *slot = Some(i);
                if let Some(f) = flag {
                    *f = true;
                }
            }
        }
        let mut meta = rules.meta.clone();
        if let Some(ms) = &rules.milestones {
            cols.timestamp = true;
            cols.stage = true;
            // The user chose this order on the mapping screen; the last milestone is the
            // one a journey is meant to reach (delivered, won).
            if meta.stage_order.is_none() {
                meta.stage_order = Some(ms.columns.iter().map(|c| c.1.clone()).collect());
            }
            if meta.conversion_stage.is_none() {
                meta.conversion_stage = ms.columns.last().map(|c| c.1.clone());
            }
        }
        let builder = DatasetBuilder::new(&cols, rules.scales, meta);
        Assembler {
            headers,
            roles,
            slots,
            builder,
            records: 0,
            rows_rejected: 0,
            errors: Vec::new(),
            errors_truncated: 0,
            rejected: Vec::new(),
            slashed: Vec::new(),
            order: OrderEvidence::default(),
            layouts: Vec::new(),
            sat_range: None,
            sat_outside: 0,
            row_name: String::new(),
            ms_orders: vec![
                OrderEvidence::default();
                rules.milestones.as_ref().map_or(0, |m| m.columns.len())
            ],
            rules,
            extras_text: Vec::new(),
            extras_ref: Vec::new(),
            rows_loaded: 0,
            reached: Vec::new(),
            ms_slashed: Vec::new(),
        }
    }

    pub fn reserve(&mut self, n: usize) {
        self.builder.reserve(n);
    }

    /// Records seen so far (loaded or rejected).
    pub fn records(&self) -> usize {
        self.records
    }

    /// Validates and stores one record. `get(i)` reads source column `i`; `raw` rebuilds
    /// the original fields, called only for rejected rows. Every cell is read (so a row's
    /// problems are all reported at once), then the row is stored or rejected whole.
    pub fn row<'a>(
        &mut self,
        line: u64,
        get: impl Fn(usize) -> Cell<'a>,
        raw: impl FnOnce() -> Vec<String>,
    ) {
        self.records += 1;
        let mut problems: Problems = Vec::new();
        let customer = self.read_customer(&get, &mut problems);
        let (timestamp, slash) = self.read_timestamp(&get, &mut problems);
        let mut reached = std::mem::take(&mut self.reached);
        self.read_milestones(&get, &mut problems, &mut reached);
        let m = self.read_measures(&get, &mut problems);
        let t = self.read_texts(&get, &mut problems);
        let mut extras = recycle(std::mem::take(&mut self.extras_text));
        extras.extend(
            self.slots
                .extras
                .iter()
                .map(|&i| read_text(&get, Some(i), &mut problems)),
        );

        if !problems.is_empty() {
            self.extras_text = recycle(extras);
            self.reached = reached;
            self.reject(line, problems, raw);
            return;
        }

        let customer_str: &str = match &customer {
            Some(c) => c,
            None => {
                self.row_name.clear();
                self.row_name.push_str(&line.to_string());
                &self.row_name
            }
        };
        let mut ev = Event {
            customer: customer_str,
            timestamp,
            journey: t.journey.as_deref(),
            stage: t.stage.as_deref(),
            touchpoint: t.touchpoint.as_deref(),
            channel: t.channel.as_deref(),
            persona: t.persona.as_deref(),
            satisfaction: m.satisfaction,
            effort: m.effort,
            nps: m.nps,
            revenue: m.revenue,
            comment: t.comment.as_deref(),
            extras: {
                let mut v = recycle(std::mem::take(&mut self.extras_ref));
                v.extend(extras.iter().map(|e| e.as_deref()));
                v
            },
        };
        self.rows_loaded += 1;
        match &self.rules.milestones {
            None => {
                let row_index = self.builder.len();
                self.builder.push(&ev);
                if let Some(sd) = slash {
                    self.order.observe(&sd);
                    self.slashed.push((row_index, sd));
                }
            }
            Some(ms) => {
                let (b, o, s) = (&mut self.builder, &mut self.ms_orders, &mut self.ms_slashed);
                push_milestones(b, o, s, ms, &mut ev, &reached);
            }
        }
        self.reached = reached;
        self.extras_ref = recycle(ev.extras);
        self.extras_text = recycle(extras);
    }

    /// The named text columns, in the order their problems are reported.
    #[inline]
    fn read_texts<'a>(
        &self,
        get: &impl Fn(usize) -> Cell<'a>,
        problems: &mut Problems,
    ) -> Texts<'a> {
        Texts {
            journey: read_text(get, self.slots.journey, problems),
            stage: read_text(get, self.slots.stage, problems),
            touchpoint: read_text(get, self.slots.touchpoint, problems),
            channel: read_text(get, self.slots.channel, problems),
            persona: read_text(get, self.slots.persona, problems),
            comment: read_text(get, self.slots.comment, problems),
        }
    }

    /// The customer id; missing is a problem unless rows are numbered as customers.
    fn read_customer<'a>(
        &self,
        get: &impl Fn(usize) -> Cell<'a>,
        problems: &mut Problems,
    ) -> Option<Cow<'a, str>> {
        if self.rules.row_number_as_customer {
            return None;
        }
        let c = read_text(get, self.slots.customer, problems);
        if c.is_none() {
            if let Some(i) = self.slots.customer {
                if !problems.iter().any(|p| p.0 == i) {
                    problems.push((i, RowProblem::CustomerMissing));
                }
            }
        }
        c
    }

    /// The event's time, or a day/month-ambiguous date kept until the file's order is known.
    fn read_timestamp<'a>(
        &mut self,
        get: &impl Fn(usize) -> Cell<'a>,
        problems: &mut Problems,
    ) -> (Option<i64>, Option<SlashDate>) {
        let Some(i) = self.slots.timestamp else {
            return (None, None);
        };
        match read_date(get(i).bytes(), i, problems, &mut self.layouts) {
            Some(DateValue::Exact(t)) => (Some(t), None),
            Some(DateValue::Slashed(sd)) => (Some(NO_TIME), Some(sd)),
            None => (None, None),
        }
    }

    /// Milestone dates, one per stage column, into `reached`; empty = stage not reached.
    fn read_milestones<'a>(
        &mut self,
        get: &impl Fn(usize) -> Cell<'a>,
        problems: &mut Problems,
        reached: &mut Vec<(usize, DateValue)>,
    ) {
        reached.clear();
        let Some(ms) = &self.rules.milestones else {
            return;
        };
        for (k, (i, _)) in ms.columns.iter().enumerate() {
            if let Some(d) = read_date(get(*i).bytes(), *i, problems, &mut self.layouts) {
                reached.push((k, d));
            }
        }
        if reached.is_empty() && problems.is_empty() {
            let first = ms.columns.first().map_or(0, |c| c.0);
            problems.push((first, RowProblem::NoMilestoneDate));
        }
    }

    /// Scores and revenue; a score off its scale is a problem (and satisfaction's range
    /// is noted, to suggest the right scale afterwards).
    fn read_measures<'a>(
        &mut self,
        get: &impl Fn(usize) -> Cell<'a>,
        problems: &mut Problems,
    ) -> Measures {
        let scales = self.rules.scales;
        let dc = self.rules.decimal_comma;
        let slots = &self.slots;
        let satisfaction = read_number(get, slots.satisfaction, Role::Satisfaction, dc, problems)
            .and_then(|v| {
                self.sat_range = Some(match self.sat_range {
                    None => (v, v),
                    Some((lo, hi)) => (lo.min(v), hi.max(v)),
                });
                let on = on_scale(
                    v,
                    scales.satisfaction,
                    false,
                    Role::Satisfaction,
                    slots.satisfaction,
                    problems,
                );
                self.sat_outside += on.is_none() as usize;
                on
            });
        let nps = read_number(get, slots.nps, Role::Nps, dc, problems)
            .and_then(|v| on_scale(v, scales.nps, true, Role::Nps, slots.nps, problems));
        let effort = read_number(get, slots.effort, Role::Effort, dc, problems)
            .and_then(|v| on_scale(v, scales.effort, true, Role::Effort, slots.effort, problems));
        let revenue = read_number(get, slots.revenue, Role::Revenue, dc, problems);
        Measures {
            satisfaction,
            effort,
            nps,
            revenue,
        }
    }

    /// Takes in the rows of an assembler that read a later part of the same file with the
    /// same mapping and rules, whose lines were counted from 1 at its own start:
    /// `line_offset` line feeds come before that part. Everything `finish` settles (date
    /// order, scale hint, capped problem lists) then comes out as from one pass.
    pub fn append(&mut self, other: Assembler, line_offset: u64) {
        run_ready(self.append_paused(other, line_offset, &mut ready));
    }

    /// [`Assembler::append`] with `pause().await` within the columns' merge
    /// ([`DatasetBuilder::append_paused`]).
    pub async fn append_paused<F: Future<Output = ()>>(
        &mut self,
        other: Assembler,
        line_offset: u64,
        pause: &mut impl FnMut() -> F,
    ) {
        let rows_before = self.builder.len();
        self.builder
            .append_paused(other.builder.finish(), pause)
            .await;
        self.records = self.records.saturating_add(other.records);
        self.rows_rejected = self.rows_rejected.saturating_add(other.rows_rejected);
        self.rows_loaded = self.rows_loaded.saturating_add(other.rows_loaded);
        let cap = self.rules.max_errors;
        for e in other.errors {
            if self.errors.len() < cap {
                self.errors.push(RowError {
                    line: e.line.saturating_add(line_offset),
                    ..e
                });
            } else {
                self.errors_truncated = self.errors_truncated.saturating_add(1);
            }
        }
        self.errors_truncated = self.errors_truncated.saturating_add(other.errors_truncated);
        let room = cap.saturating_sub(self.rejected.len());
        self.rejected
            .extend(other.rejected.into_iter().take(room).map(|r| RejectedRow {
                line: r.line.saturating_add(line_offset),
                ..r
            }));
        self.slashed.extend(
            other
                .slashed
                .into_iter()
                .map(|(row, sd)| (row + rows_before, sd)),
        );
        self.order.day_first = self.order.day_first.saturating_add(other.order.day_first);
        self.order.month_first = self
            .order
            .month_first
            .saturating_add(other.order.month_first);
        self.order.ambiguous = self.order.ambiguous.saturating_add(other.order.ambiguous);
        for l in other.layouts {
            if !self.layouts.contains(&l) {
                self.layouts.push(l);
            }
        }
        self.sat_range = match (self.sat_range, other.sat_range) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (a, b) => a.or(b),
        };
        self.sat_outside = self.sat_outside.saturating_add(other.sat_outside);
    }

    /// Writes the rows read so far and everything `finish` will settle, for a worker to
    /// hand its part of a file to the page ([`Assembler::read_from`]).
    pub fn write_to(&self, w: &mut Writer) {
        put_dataset(w, self.builder.dataset());
        w.usize(self.records);
        w.usize(self.rows_rejected);
        w.usize(self.rows_loaded);
        w.usize(self.errors.len());
        for e in &self.errors {
            w.u64(e.line);
            put_problem(w, e.column.as_deref(), &e.problem);
        }
        w.usize(self.errors_truncated);
        w.usize(self.rejected.len());
        for r in &self.rejected {
            w.u64(r.line);
            w.strs(&r.fields);
            w.usize(r.problems.len());
            for (column, problem) in &r.problems {
                put_problem(w, column.as_deref(), problem);
            }
        }
        w.usize(self.slashed.len());
        for (row, sd) in &self.slashed {
            w.usize(*row);
            w.u8(sd.a);
            w.u8(sd.b);
            w.i64(sd.year.into());
            w.i64(sd.secs);
        }
        w.usize(self.order.day_first);
        w.usize(self.order.month_first);
        w.usize(self.order.ambiguous);
        w.usize(self.layouts.len());
        for l in &self.layouts {
            w.u8(LAYOUTS.iter().position(|x| x == l).unwrap_or(0) as u8);
        }
        match self.sat_range {
            None => w.bool(false),
            Some((lo, hi)) => {
                w.bool(true);
                w.f64(lo);
                w.f64(hi);
            }
        }
        w.usize(self.sat_outside);
    }

    /// Reads what [`Assembler::write_to`] wrote into a fresh assembler with the same
    /// mapping and rules.
    /// `pause().await` runs between the columns.
    pub async fn read_from<F: Future<Output = ()>>(
        &mut self,
        r: &mut Reader<'_>,
        pause: &mut impl FnMut() -> F,
    ) -> Wire<()> {
        self.builder.adopt(get_dataset_paused(r, pause).await?);
        self.records = r.usize()?;
        self.rows_rejected = r.usize()?;
        self.rows_loaded = r.usize()?;
        if self.rows_loaded != self.builder.len() {
            // Parts are only read apart without milestones: one event per loaded row.
            return Err(WireError);
        }
        self.read_errors(r)?;
        self.read_rejected(r)?;
        self.read_slashed(r)?;
        self.read_order(r)?;
        let n = r.usize()?;
        for _ in 0..n.min(LAYOUTS.len()) {
            let l = *LAYOUTS.get(r.u8()? as usize).ok_or(WireError)?;
            self.layouts.push(l);
        }
        if n > LAYOUTS.len() {
            return Err(WireError);
        }
        self.sat_range = if r.bool()? {
            Some((r.f64()?, r.f64()?))
        } else {
            None
        };
        self.sat_outside = r.usize()?;
        Ok(())
    }

    /// The listed errors and the count past the list. Lists are read only up to the cap
    /// this side would have kept, so a forged count cannot make it allocate more.
    fn read_errors(&mut self, r: &mut Reader<'_>) -> Wire<()> {
        let n = r.usize()?;
        for _ in 0..n.min(self.rules.max_errors) {
            let line = r.u64()?;
            let (column, problem) = get_problem(r)?;
            self.errors.push(RowError {
                line,
                column,
                problem,
            });
        }
        if n > self.rules.max_errors {
            return Err(WireError);
        }
        self.errors_truncated = r.usize()?;
        Ok(())
    }

    /// The rejected rows with their fields and problems.
    fn read_rejected(&mut self, r: &mut Reader<'_>) -> Wire<()> {
        let n = r.usize()?;
        if n > self.rules.max_errors {
            return Err(WireError);
        }
        for _ in 0..n {
            let (line, fields) = (r.u64()?, r.strs()?);
            // One problem per cell at most, plus one for the whole row.
            let most = self.headers.len().max(fields.len()) + 1;
            let k = r.usize()?;
            if k > most {
                return Err(WireError);
            }
            let problems = (0..k).map(|_| get_problem(r)).collect::<Wire<Vec<_>>>()?;
            self.rejected.push(RejectedRow {
                line,
                fields,
                problems,
            });
        }
        Ok(())
    }

    /// The day/month-ambiguous dates, each pointing at a row this side holds.
    fn read_slashed(&mut self, r: &mut Reader<'_>) -> Wire<()> {
        let n = r.usize()?;
        let rows = self.builder.len();
        for _ in 0..n.min(rows) {
            let row = r.usize()?;
            let (a, b) = (r.u8()?, r.u8()?);
            let year = i32::try_from(r.i64()?).map_err(|_| WireError)?;
            let secs = r.i64()?;
            if row >= rows {
                return Err(WireError);
            }
            self.slashed.push((row, SlashDate { a, b, year, secs }));
        }
        if n > rows {
            return Err(WireError);
        }
        Ok(())
    }

    /// The day/month order evidence.
    fn read_order(&mut self, r: &mut Reader<'_>) -> Wire<()> {
        self.order.day_first = r.usize()?;
        self.order.month_first = r.usize()?;
        self.order.ambiguous = r.usize()?;
        // One observation per loaded row at most (so the sums `finish` takes cannot overflow).
        let seen = [self.order.month_first, self.order.ambiguous]
            .into_iter()
            .try_fold(self.order.day_first, usize::checked_add);
        if seen.is_none_or(|n| n > self.records) {
            return Err(WireError);
        }
        Ok(())
    }

    /// Rejects a record that could not even be split into cells (a broken NDJSON line).
    pub fn reject_unreadable(&mut self, line: u64, problem: RowProblem, raw: Vec<String>) {
        self.records += 1;
        self.rows_rejected += 1;
        if self.errors.len() < self.rules.max_errors {
            self.errors.push(RowError {
                line,
                column: None,
                problem: problem.clone(),
            });
        } else {
            self.errors_truncated += 1;
        }
        if self.rejected.len() < self.rules.max_errors {
            self.rejected.push(RejectedRow {
                line,
                fields: raw,
                problems: vec![(None, problem)],
            });
        }
    }

    fn reject(
        &mut self,
        line: u64,
        problems: Vec<(usize, RowProblem)>,
        raw: impl FnOnce() -> Vec<String>,
    ) {
        self.rows_rejected += 1;
        let named: Vec<(Option<String>, RowProblem)> = problems
            .into_iter()
            .map(|(i, r)| (self.headers.get(i).cloned(), r))
            .collect();
        for (column, problem) in &named {
            if self.errors.len() < self.rules.max_errors {
                self.errors.push(RowError {
                    line,
                    column: column.clone(),
                    problem: problem.clone(),
                });
            } else {
                self.errors_truncated += 1;
            }
        }
        if self.rejected.len() < self.rules.max_errors {
            self.rejected.push(RejectedRow {
                line,
                fields: raw(),
                problems: named,
            });
        }
    }
}

/// What the assembler learnt about the milestone columns during the load.
struct MilestoneSeen<'a> {
    headers: &'a [String],
    orders: &'a [OrderEvidence],
    slashed: &'a [(usize, usize, SlashDate)],
    layouts: &'a [DateLayout],
    rows: usize,
}

/// Settles each milestone column's day/month order and says what became of the rows.
fn milestone_notes(
    seen: &MilestoneSeen<'_>,
    ds: &mut Dataset,
    ms: &Resolved,
    report: &mut LoadReport,
) {
    for (k, (col, stage)) in ms.columns.iter().enumerate() {
        let header = seen.headers.get(*col).cloned().unwrap_or_default();
        let Some(ev) = seen.orders.get(k).filter(|o| o.any()) else {
            continue;
        };
        let order = ev.decide();
        let mut unreadable = 0usize;
        if let Some(ts) = ds.timestamp.as_mut() {
            for (row, _, sd) in seen.slashed.iter().filter(|s| s.1 == k) {
                match (sd.resolve(order), ts.get_mut(*row)) {
                    (Some(t), Some(slot)) => *slot = t,
                    (None, Some(_)) => unreadable += 1,
                    _ => {}
                }
            }
        }
        let (text, reading, read) = match order {
            DateOrder::DayFirst => ("day/month/year", DateReading::DayFirst, ReadOrder::DayFirst),
            DateOrder::MonthFirst => (
                "month/day/year",
                DateReading::MonthFirst,
                ReadOrder::MonthFirst,
            ),
        };
        report.date_format.insert(header.clone(), text.to_string());
        report.date_readings.insert(header.clone(), vec![reading]);
        if unreadable > 0 {
            report.notes.push(LoadNote::MilestoneDatesUnreadable {
                column: header,
                stage: stage.clone(),
                count: unreadable as u64,
                order: read,
            });
        }
    }
    let formats: Vec<&str> = seen.layouts.iter().map(|l| l.describe()).collect();
    let readings: Vec<DateReading> = seen.layouts.iter().map(|l| l.reading()).collect();
    if !formats.is_empty() {
        for (col, _) in &ms.columns {
            if let Some(h) = seen.headers.get(*col) {
                report
                    .date_format
                    .entry(h.clone())
                    .or_insert_with(|| formats.join(" and "));
                report
                    .date_readings
                    .entry(h.clone())
                    .or_insert_with(|| readings.clone());
            }
        }
    }
    let stages: Vec<MilestoneColumn> = ms
        .columns
        .iter()
        .map(|(c, s)| MilestoneColumn {
            stage: s.clone(),
            column: seen.headers.get(*c).cloned().unwrap_or_default(),
        })
        .collect();
    report.notes.push(LoadNote::MilestoneEvents {
        stages,
        rows: seen.rows as u64,
        events: ds.len() as u64,
    });
}

impl Assembler {
    /// Settles the column-wide decisions (date order, suggested scale) and writes the report.
    pub fn finish(self, mut report: LoadReport) -> Loaded {
        let mut ds = self.builder.finish();
        let dates = DatesSeen {
            column: self
                .slots
                .timestamp
                .and_then(|i| self.headers.get(i).cloned()),
            layouts: &self.layouts,
            order: &self.order,
            slashed: &self.slashed,
        };
        dates.settle(&mut ds, &mut report);
        let declared = self.rules.scales.satisfaction;
        suggest_scale(declared, self.sat_range, self.sat_outside, &mut report);
        if self.errors_truncated > 0 {
            report.notes.push(LoadNote::ErrorsTruncated {
                listed: self.rules.max_errors as u64,
                more: self.errors_truncated as u64,
            });
        }
        if let Some(ms) = &self.rules.milestones {
            let seen = MilestoneSeen {
                headers: &self.headers,
                orders: &self.ms_orders,
                slashed: &self.ms_slashed,
                layouts: &self.layouts,
                rows: self.rows_loaded,
            };
            milestone_notes(&seen, &mut ds, ms, &mut report);
        }
        if self.rules.row_number_as_customer && !self.rules.joined {
            report.notes.push(LoadNote::RowNumberAsCustomer);
        }
        report.rows_loaded = self.rows_loaded;
        report.events = ds.len();
        report.rows_rejected = self.rows_rejected;
        report.customers = ds.customer_count();
        report.mapping = Mapping::new(&self.headers, &self.roles);
        report.columns = report.mapping.0.clone();
        report.errors = self.errors;
        report.errors_truncated = self.errors_truncated;
        Loaded {
            dataset: ds,
            report,
            headers: self.headers,
            rejected: self.rejected,
        }
    }
}

/// What the assembler learnt about the timestamp column during the load.
struct DatesSeen<'a> {
    /// The timestamp column's header.
    column: Option<String>,
    layouts: &'a [DateLayout],
    order: &'a OrderEvidence,
    slashed: &'a [(usize, SlashDate)],
}

impl DatesSeen<'_> {
    /// Decides the file's day/month order now that every date has been seen, fixes the
    /// ambiguous dates held back until then, and records the layouts met for the report.
    fn settle(&self, ds: &mut Dataset, report: &mut LoadReport) {
        let mut formats: Vec<String> = self
            .layouts
            .iter()
            .map(|l| l.describe().to_string())
            .collect();
        let mut readings: Vec<DateReading> = self.layouts.iter().map(|l| l.reading()).collect();
        if let (Some(col), true) = (&self.column, self.order.any()) {
            let order = self.order.decide();
            let unreadable = self.resolve(ds, order);
            let (text, reading) = match order {
                DateOrder::DayFirst => ("day/month/year", DateReading::DayFirst),
                DateOrder::MonthFirst => ("month/day/year", DateReading::MonthFirst),
            };
            formats.push(text.to_string());
            readings.push(reading);
            let read = self.read_order(order);
            report.notes.push(LoadNote::DatesRead {
                column: col.clone(),
                order: read,
            });
            if unreadable > 0 {
                report.notes.push(LoadNote::DatesUnreadable {
                    column: col.clone(),
                    count: unreadable as u64,
                    order: read,
                });
            }
        }
        if let (Some(col), false) = (&self.column, formats.is_empty()) {
            report
                .date_format
                .insert(col.clone(), formats.join(" and "));
            report.date_readings.insert(col.clone(), readings);
        }
    }

    /// Writes the held-back dates in the decided order; returns how many do not exist in
    /// it (e.g. 31/04 read day first).
    fn resolve(&self, ds: &mut Dataset, order: DateOrder) -> usize {
        let mut unreadable = 0usize;
        if let Some(ts) = ds.timestamp.as_mut() {
            for (row, sd) in self.slashed {
                match (sd.resolve(order), ts.get_mut(*row)) {
                    (Some(t), Some(slot)) => *slot = t,
                    (None, Some(_)) => unreadable += 1,
                    _ => {}
                }
            }
        }
        unreadable
    }

    /// Day first with no date that proved it is an assumption, and the note says so.
    fn read_order(&self, order: DateOrder) -> ReadOrder {
        match order {
            DateOrder::MonthFirst => ReadOrder::MonthFirst,
            DateOrder::DayFirst if self.order.day_first + self.order.month_first == 0 => {
                ReadOrder::DayFirstAssumed
            }
            DateOrder::DayFirst => ReadOrder::DayFirst,
        }
    }
}

/// When satisfaction scores fell off the declared scale, proposes the narrowest standard
/// scale that holds every score seen (`range`), which is usually the one the file used.
fn suggest_scale(
    declared: Scale,
    range: Option<(f64, f64)>,
    outside: usize,
    report: &mut LoadReport,
) {
    if outside == 0 {
        return;
    }
    if let Some((lo, hi)) = range {
        let fit = Scale::SATISFACTION_CHOICES
            .iter()
            .copied()
            .filter(|s| *s != declared && s.contains(lo) && s.contains(hi))
            .min_by(|a, b| (a.max - a.min).total_cmp(&(b.max - b.min)));
        report.suggested_satisfaction_scale = fit;
        report.notes.push(LoadNote::SatisfactionOutside {
            count: outside as u64,
            declared,
            suggested: fit,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_scale_satisfaction_suggests_the_narrowest_scale_that_fits() {
        let declared = Scale::new(1.0, 5.0);
        let mut report = LoadReport::default();
        // 1–7 and 1–10 both hold 2..6.5; 1–7 is the narrower.
        suggest_scale(declared, Some((2.0, 6.5)), 4, &mut report);
        assert_eq!(
            report.suggested_satisfaction_scale,
            Some(Scale::new(1.0, 7.0))
        );
        assert_eq!(
            report.notes,
            vec![LoadNote::SatisfactionOutside {
                count: 4,
                declared,
                suggested: Some(Scale::new(1.0, 7.0)),
            }]
        );
        let mut report = LoadReport::default();
        suggest_scale(declared, Some((-1.0, 2.0)), 1, &mut report);
        assert_eq!(
            report.suggested_satisfaction_scale,
            Some(Scale::new(-2.0, 2.0))
        );
        let mut report = LoadReport::default();
        suggest_scale(declared, Some((1.0, 5.0)), 0, &mut report);
        assert_eq!(report.suggested_satisfaction_scale, None);
        assert!(report.notes.is_empty());
    }

    #[test]
    fn day_first_without_proof_is_an_assumption() {
        let seen = |day_first, month_first, ambiguous| OrderEvidence {
            day_first,
            month_first,
            ambiguous,
        };
        let read = |order: &OrderEvidence, o| {
            DatesSeen {
                column: None,
                layouts: &[],
                order,
                slashed: &[],
            }
            .read_order(o)
        };
        let assumed = seen(0, 0, 3);
        assert_eq!(
            read(&assumed, DateOrder::DayFirst),
            ReadOrder::DayFirstAssumed
        );
        let proved = seen(1, 0, 3);
        assert_eq!(read(&proved, DateOrder::DayFirst), ReadOrder::DayFirst);
        assert_eq!(read(&assumed, DateOrder::MonthFirst), ReadOrder::MonthFirst);
    }
}
