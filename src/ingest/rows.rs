//! Turns one record's cells into an event or a rejection, shared by the CSV and JSON
//! readers so both apply exactly the same rules and messages.
//!
//! A row with any invalid value is rejected whole, and EVERY bad cell of it is reported
//! (one error each), so the user fixes a row in one go.

use super::error::IngestError;
use super::report::{LoadReport, Loaded, Mapping, RejectedRow, RowError};
use super::values::{
    is_missing, parse_date, parse_number, trim, DateLayout, DateOrder, OrderEvidence, ParsedDate,
    SlashDate,
};
use super::wire::{get_dataset, put_dataset, Reader, Wire, WireError, Writer};
use crate::dataset::{Columns, DatasetBuilder, Event, Meta, Role, Scale, Scales, NO_TIME};
use std::borrow::Cow;

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
    /// Score messages, built once rather than per row.
    messages: [String; 3],
    /// Allocations of the per-row extra-column lists, kept empty between rows so a million
    /// rows do not cost two million small allocations (see [`recycle`]).
    extras_text: Vec<Option<Cow<'static, str>>>,
    extras_ref: Vec<Option<&'static str>>,
}

/// Empties a list and hands its allocation back with a different lifetime. Collecting a
/// `vec::IntoIter` into a `Vec` of a type with the same layout reuses the buffer, so this
/// lets per-row lists of borrowed cells be kept between rows without unsafe code.
fn recycle<T, U>(mut v: Vec<Option<T>>) -> Vec<Option<U>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// Checks the mapping has what every view needs before any row is read.
pub fn check_roles(
    headers: &[String],
    roles: &[Role],
    row_number_as_customer: bool,
) -> Result<(), IngestError> {
    if !row_number_as_customer && !roles.contains(&Role::CustomerId) {
        return Err(IngestError::NoCustomerColumn {
            columns: headers.to_vec(),
        });
    }
    if !roles
        .iter()
        .any(|r| matches!(r, Role::Stage | Role::Satisfaction | Role::Nps))
    {
        return Err(IngestError::NoMeasureColumn);
    }
    Ok(())
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn scale_text(s: Scale) -> String {
    format!("{} to {}", fmt_num(s.min), fmt_num(s.max))
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

fn out_of_range(b: &[u8]) -> String {
    format!(
        "Date {} is outside the years {MIN_YEAR}\u{2013}{MAX_YEAR} (epoch numbers must be seconds or milliseconds)",
        shown(b)
    )
}

/// Quotes a bad text value for a message, cut to a readable length.
fn shown(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
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
        let builder = DatasetBuilder::new(&cols, rules.scales, rules.meta.clone());
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
            messages: [
                format!(
                    "Satisfaction must be a number from {}",
                    scale_text(rules.scales.satisfaction)
                ),
                format!(
                    "NPS must be a whole number from {}",
                    scale_text(rules.scales.nps)
                ),
                format!(
                    "Effort (CES) must be a whole number from {}",
                    scale_text(rules.scales.effort)
                ),
            ],
            rules,
            extras_text: Vec::new(),
            extras_ref: Vec::new(),
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
    /// the original fields, called only for rejected rows.
    pub fn row<'a>(
        &mut self,
        line: u64,
        get: impl Fn(usize) -> Cell<'a>,
        raw: impl FnOnce() -> Vec<String>,
    ) {
        self.records += 1;
        let mut problems: Vec<(usize, String)> = Vec::new();
        let text =
            |slot: Option<usize>, problems: &mut Vec<(usize, String)>| -> Option<Cow<'a, str>> {
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
                        problems.push((i, "must be text or a number, not a list or object".into()));
                        None
                    }
                }
            };

        // Customer.
        let customer: Option<Cow<'a, str>> = if self.rules.row_number_as_customer {
            None
        } else {
            let c = text(self.slots.customer, &mut problems);
            if c.is_none() {
                if let Some(i) = self.slots.customer {
                    if !problems.iter().any(|p| p.0 == i) {
                        problems.push((i, "Customer ID is missing".into()));
                    }
                }
            }
            c
        };

        // Timestamp.
        let mut timestamp = None;
        let mut slash: Option<SlashDate> = None;
        if let Some(i) = self.slots.timestamp {
            match get(i).bytes() {
                Cell::Num(v, text) => {
                    // JSON epoch seconds (or milliseconds, which are 1000x larger).
                    let secs = if v.abs() > 1e11 { v / 1000.0 } else { v };
                    if v.is_finite() && plausible(secs) {
                        timestamp = Some(secs.floor() as i64);
                    } else {
                        problems.push((i, out_of_range(text)));
                    }
                }
                Cell::Nested => {
                    problems.push((i, "Date must be text, not a list or object".into()))
                }
                Cell::Text(b) => {
                    let b = trim(b);
                    if !is_missing(b) {
                        match parse_date(b) {
                            ParsedDate::Exact(t, _) if !plausible(t as f64) => {
                                problems.push((i, out_of_range(b)))
                            }
                            ParsedDate::Exact(t, layout) => {
                                timestamp = Some(t);
                                if !self.layouts.contains(&layout) {
                                    self.layouts.push(layout);
                                }
                            }
                            ParsedDate::Slashed(sd) if !(MIN_YEAR..=MAX_YEAR).contains(&sd.year) => {
                                problems.push((i, out_of_range(b)))
                            }
                            ParsedDate::Slashed(sd) => {
                                timestamp = Some(NO_TIME);
                                slash = Some(sd);
                            }
                            ParsedDate::Invalid => problems.push((
                                i,
                                format!(
                                    "Date not recognised: {} (write it like 2024-03-15, 15/03/2024 or 15.03.2024 14:30)",
                                    shown(b)
                                ),
                            )),
                        }
                    }
                }
                // `bytes()` has turned `Str` into `Text`.
                Cell::Missing | Cell::Str(_) => {}
            }
        }

        // Scores and revenue.
        let scales = self.rules.scales;
        let dc = self.rules.decimal_comma;
        let number =
            |slot: Option<usize>, problems: &mut Vec<(usize, String)>, msg: &str| -> Option<f64> {
                let i = slot?;
                match get(i).bytes() {
                    // `bytes()` has turned `Str` into `Text`.
                    Cell::Missing | Cell::Str(_) => None,
                    Cell::Nested => {
                        problems.push((i, format!("{msg}, not a list or object")));
                        None
                    }
                    Cell::Num(v, _) => Some(v),
                    Cell::Text(b) => {
                        let b = trim(b);
                        if is_missing(b) {
                            return None;
                        }
                        let v = parse_number(b, dc);
                        if v.is_none() {
                            problems.push((i, format!("{msg}, got {}", shown(b))));
                        }
                        v
                    }
                }
            };

        let sat_msg = &self.messages[0];
        let satisfaction = number(self.slots.satisfaction, &mut problems, sat_msg);
        let satisfaction = satisfaction.and_then(|v| {
            self.sat_range = Some(match self.sat_range {
                None => (v, v),
                Some((lo, hi)) => (lo.min(v), hi.max(v)),
            });
            if scales.satisfaction.contains(v) {
                Some(v)
            } else {
                self.sat_outside += 1;
                let i = self.slots.satisfaction.unwrap_or(0);
                problems.push((i, format!("{sat_msg}, got {}", fmt_num(v))));
                None
            }
        });

        let whole = |v: f64, s: Scale| v.fract() == 0.0 && s.contains(v);
        let nps_msg = &self.messages[1];
        let nps = number(self.slots.nps, &mut problems, nps_msg).and_then(|v| {
            if whole(v, scales.nps) {
                Some(v)
            } else {
                let i = self.slots.nps.unwrap_or(0);
                problems.push((i, format!("{nps_msg}, got {}", fmt_num(v))));
                None
            }
        });

        let effort_msg = &self.messages[2];
        let effort = number(self.slots.effort, &mut problems, effort_msg).and_then(|v| {
            if whole(v, scales.effort) {
                Some(v)
            } else {
                let i = self.slots.effort.unwrap_or(0);
                problems.push((i, format!("{effort_msg}, got {}", fmt_num(v))));
                None
            }
        });

        let revenue = number(
            self.slots.revenue,
            &mut problems,
            "Revenue must be a number",
        );

        let journey = text(self.slots.journey, &mut problems);
        let stage = text(self.slots.stage, &mut problems);
        let touchpoint = text(self.slots.touchpoint, &mut problems);
        let channel = text(self.slots.channel, &mut problems);
        let persona = text(self.slots.persona, &mut problems);
        let comment = text(self.slots.comment, &mut problems);
        let mut extras = recycle(std::mem::take(&mut self.extras_text));
        extras.extend(
            self.slots
                .extras
                .iter()
                .map(|&i| text(Some(i), &mut problems)),
        );

        if !problems.is_empty() {
            self.extras_text = recycle(extras);
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
        let row_index = self.builder.len();
        let ev = Event {
            customer: customer_str,
            timestamp,
            journey: journey.as_deref(),
            stage: stage.as_deref(),
            touchpoint: touchpoint.as_deref(),
            channel: channel.as_deref(),
            persona: persona.as_deref(),
            satisfaction,
            effort,
            nps,
            revenue,
            comment: comment.as_deref(),
            extras: {
                let mut v = recycle(std::mem::take(&mut self.extras_ref));
                v.extend(extras.iter().map(|e| e.as_deref()));
                v
            },
        };
        self.builder.push(&ev);
        self.extras_ref = recycle(ev.extras);
        self.extras_text = recycle(extras);
        if let Some(sd) = slash {
            self.order.observe(&sd);
            self.slashed.push((row_index, sd));
        }
    }

    /// Takes in the rows of an assembler that read a later part of the same file with the
    /// same mapping and rules, whose lines were counted from 1 at its own start:
    /// `line_offset` line feeds come before that part. Everything `finish` settles (date
    /// order, scale hint, capped problem lists) then comes out as from one pass.
    pub fn append(&mut self, other: Assembler, line_offset: u64) {
        let rows_before = self.builder.len();
        self.builder.append(&other.builder.finish());
        self.records = self.records.saturating_add(other.records);
        self.rows_rejected = self.rows_rejected.saturating_add(other.rows_rejected);
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
        w.usize(self.errors.len());
        for e in &self.errors {
            w.u64(e.line);
            w.str(&e.column);
            w.str(&e.reason);
        }
        w.usize(self.errors_truncated);
        w.usize(self.rejected.len());
        for r in &self.rejected {
            w.u64(r.line);
            w.strs(&r.fields);
            w.usize(r.problems.len());
            for (column, reason) in &r.problems {
                w.str(column);
                w.str(reason);
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
    pub fn read_from(&mut self, r: &mut Reader<'_>) -> Wire<()> {
        self.builder.adopt(get_dataset(r)?);
        self.records = r.usize()?;
        self.rows_rejected = r.usize()?;
        let n = r.usize()?;
        for _ in 0..n.min(self.rules.max_errors) {
            let (line, column, reason) = (r.u64()?, r.str()?, r.str()?);
            self.errors.push(RowError {
                line,
                column,
                reason,
            });
        }
        if n > self.rules.max_errors {
            return Err(WireError);
        }
        self.errors_truncated = r.usize()?;
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
            let problems = (0..k)
                .map(|_| Ok((r.str()?, r.str()?)))
                .collect::<Wire<Vec<_>>>()?;
            self.rejected.push(RejectedRow {
                line,
                fields,
                problems,
            });
        }
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

    /// Rejects a record that could not even be split into cells (a broken NDJSON line).
    pub fn reject_unreadable(&mut self, line: u64, reason: String, raw: Vec<String>) {
        self.records += 1;
        self.rows_rejected += 1;
        let column = "(whole row)".to_string();
        if self.errors.len() < self.rules.max_errors {
            self.errors.push(RowError {
                line,
                column: column.clone(),
                reason: reason.clone(),
            });
        } else {
            self.errors_truncated += 1;
        }
        if self.rejected.len() < self.rules.max_errors {
            self.rejected.push(RejectedRow {
                line,
                fields: raw,
                problems: vec![(column, reason)],
            });
        }
    }

    fn reject(
        &mut self,
        line: u64,
        problems: Vec<(usize, String)>,
        raw: impl FnOnce() -> Vec<String>,
    ) {
        self.rows_rejected += 1;
        let named: Vec<(String, String)> = problems
            .into_iter()
            .map(|(i, r)| (self.headers.get(i).cloned().unwrap_or_default(), r))
            .collect();
        for (column, reason) in &named {
            if self.errors.len() < self.rules.max_errors {
                self.errors.push(RowError {
                    line,
                    column: column.clone(),
                    reason: reason.clone(),
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

    /// Settles the column-wide decisions (date order, suggested scale) and writes the report.
    pub fn finish(self, mut report: LoadReport) -> Loaded {
        let mut ds = self.builder.finish();
        let ts_col = self
            .slots
            .timestamp
            .and_then(|i| self.headers.get(i).cloned());
        let mut formats: Vec<String> = self
            .layouts
            .iter()
            .map(|l| l.describe().to_string())
            .collect();
        if let (Some(col), true) = (&ts_col, self.order.any()) {
            let order = self.order.decide();
            let mut unreadable = 0usize;
            if let Some(ts) = ds.timestamp.as_mut() {
                for (row, sd) in &self.slashed {
                    match (sd.resolve(order), ts.get_mut(*row)) {
                        (Some(t), Some(slot)) => *slot = t,
                        (None, Some(_)) => unreadable += 1,
                        _ => {}
                    }
                }
            }
            let text = match order {
                DateOrder::DayFirst => "day/month/year",
                DateOrder::MonthFirst => "month/day/year",
            };
            formats.push(text.to_string());
            let why = if self.order.day_first + self.order.month_first == 0 {
                " (no day above 12 was found, so the European order was assumed)"
            } else {
                ""
            };
            report
                .notes
                .push(format!("Dates in '{col}' read as {text}{why}."));
            if unreadable > 0 {
                report.notes.push(format!(
                    "{unreadable} dates in '{col}' do not exist when read as {text} and were left empty."
                ));
            }
        }
        if let (Some(col), false) = (&ts_col, formats.is_empty()) {
            report
                .date_format
                .insert(col.clone(), formats.join(" and "));
        }
        if self.sat_outside > 0 {
            let declared = self.rules.scales.satisfaction;
            if let Some((lo, hi)) = self.sat_range {
                let fit = Scale::SATISFACTION_CHOICES
                    .iter()
                    .copied()
                    .filter(|s| *s != declared && s.contains(lo) && s.contains(hi))
                    .min_by(|a, b| (a.max - a.min).total_cmp(&(b.max - b.min)));
                report.suggested_satisfaction_scale = fit;
                let hint = match fit {
                    Some(s) => format!(
                        " The values look like a {} scale: declare it and load again to keep them.",
                        scale_text(s).replace(" to ", "–")
                    ),
                    None => String::new(),
                };
                report.notes.push(format!(
                    "{} satisfaction values fall outside the declared {} scale and their rows were rejected.{hint}",
                    self.sat_outside,
                    scale_text(declared).replace(" to ", "–")
                ));
            }
        }
        if self.errors_truncated > 0 {
            report.notes.push(format!(
                "Only the first {} problems are listed; {} more were counted.",
                self.rules.max_errors, self.errors_truncated
            ));
        }
        if self.rules.row_number_as_customer {
            report
                .notes
                .push("Each row was loaded as its own customer, named by its line number.".into());
        }
        report.rows_loaded = ds.len();
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
