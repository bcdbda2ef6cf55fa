//! The CSV loader, fed chunk by chunk so the browser can parse a 100 MB file and still
//! repaint between chunks.
//!
//! Each chunk is decoded to UTF-8 when needed and its complete records are read in place
//! by [`Splitter`] (the `csv` crate's rules, without copying plain fields); the unfinished
//! last record waits for the next chunk, so only tails are copied.

use super::encoding::{needs_decoding, StreamDecoder, TextEncoding};
use super::error::IngestError;
use super::mapping::{cap_dimensions, resolve_roles, MAX_DIMENSIONS};
use super::milestones::{resolve as resolve_milestones, Milestones};
use super::notes::{LoadNote, RowProblem};
use super::report::{LoadReport, Loaded};
use super::rows::{check_roles, Assembler, Cell, Rules};
use super::sniff::{delimiter_text, head_of, sniff_inner, Sniffed, SNIFF_BYTES};
use super::split::{Record, Splitter, Step};
use super::values::trim;
use super::wire::{Reader, Wire, WireError, Writer};
use crate::dataset::{Meta, Role, Scales};
use crate::pause::{ready, run_ready};
use std::future::Future;

/// How to load a CSV file (serialisable, so the page can hand it to a worker).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CsvOptions {
    /// A full mapping by column position (e.g. the sniffed roles after the user's edits).
    pub roles: Option<Vec<Role>>,
    /// Per-column overrides by header name, applied after `roles` (`--map COLUMN=ROLE`).
    pub overrides: Vec<(String, Role)>,
    /// Declared answer scales; values outside them reject the row.
    pub scales: Scales,
    /// Settings carried into the dataset.
    pub meta: Meta,
    /// Loads files without a customer column, each row its own customer.
    pub row_number_as_customer: bool,
    /// Forces the decimal mark (`Some(true)` = "1.234,5"); `None` decides from the data.
    pub decimal_comma: Option<bool>,
    /// How many problems to list (the rest are counted).
    pub max_errors: usize,
    /// Date columns to read as journey stages (one event per date reached).
    pub milestones: Option<Milestones>,
    /// The file is added to others: its customers may come through a key column
    /// (then set `row_number_as_customer` too) and it needs no stage or score column.
    pub joined: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            roles: None,
            overrides: Vec::new(),
            scales: Scales::default(),
            meta: Meta::default(),
            row_number_as_customer: false,
            decimal_comma: None,
            max_errors: 10_000,
            milestones: None,
            joined: false,
        }
    }
}

/// How far a load has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Records read so far (loaded or rejected).
    pub rows: usize,
    /// Input bytes received so far.
    pub bytes: u64,
}

/// Everything that exists once the file's format is known.
struct Engine {
    decoder: Option<StreamDecoder>,
    /// Whether a UTF-8 BOM may still have to be skipped at the very start.
    at_start: bool,
    /// The unfinished last record of the input so far (and, for decoded input, the
    /// decoded bytes not yet read).
    pending: Vec<u8>,
    splitter: Splitter,
    /// The outer separator the splitter cuts on.
    delimiter: u8,
    /// File line of the next unread byte (header = line 1).
    line: u64,
    /// The inner separator of an Excel-wrapped file.
    wrapped: Option<u8>,
    header_skipped: bool,
    /// The last input has been fed (a decoder must not be flushed twice).
    ended: bool,
    blank_records: usize,
    /// Columns in the header: every record is checked against it.
    width: usize,
    /// Records that omitted trailing fields (taken as empty) or ended with extra empty ones.
    short_records: usize,
    long_empty_records: usize,
    /// Whether a NUL byte has been seen anywhere (binary data past the sniffed head).
    nul_seen: bool,
    /// Whether an unclosed quote was recovered from: its message names file lines, which
    /// a part that does not start the file cannot know.
    recovered: bool,
    asm: Assembler,
    report: LoadReport,
    /// Splits the unwrapped lines of an Excel-wrapped file on their inner separator.
    inner: Splitter,
}

/// What the load decided before reading a row, in the order the report lists it.
fn load_notes(
    sniffed: &Sniffed,
    enc: TextEncoding,
    capped: usize,
    decimal_comma: bool,
) -> Vec<LoadNote> {
    let mut notes = Vec::new();
    if needs_decoding(enc) {
        notes.push(LoadNote::NotUtf8 {
            encoding: enc.name().to_string(),
        });
    }
    if sniffed.wrapped {
        notes.push(LoadNote::Unwrapped {
            delimiter: delimiter_text(sniffed.delimiter),
        });
    }
    if capped > 0 {
        notes.push(LoadNote::DimensionsCapped {
            kept: MAX_DIMENSIONS as u64,
            dropped: capped as u64,
        });
    }
    if decimal_comma {
        notes.push(LoadNote::DecimalComma);
    }
    notes
}

impl Engine {
    fn new(sniffed: &Sniffed, enc: TextEncoding, opts: &CsvOptions) -> Result<Engine, IngestError> {
        let mut roles = resolve_roles(&sniffed.headers, opts.roles.as_deref(), &opts.overrides)?;
        let milestones = match &opts.milestones {
            Some(spec) => Some(resolve_milestones(spec, &sniffed.headers, &mut roles)?),
            None => None,
        };
        check_roles(
            &sniffed.headers,
            &roles,
            opts.row_number_as_customer,
            opts.joined || milestones.is_some(),
        )?;
        let capped = cap_dimensions(&mut roles);
        let decimal_comma = opts.decimal_comma.unwrap_or(sniffed.decimal_comma);
        let notes = load_notes(sniffed, enc, capped, decimal_comma);
        let report = LoadReport {
            format: "csv".into(),
            encoding: enc.name().to_string(),
            delimiter: delimiter_text(sniffed.delimiter),
            decimal_comma,
            notes,
            header_key: sniffed.header_key.clone(),
            ..LoadReport::default()
        };
        let rules = Rules {
            scales: opts.scales,
            decimal_comma,
            row_number_as_customer: opts.row_number_as_customer,
            max_errors: opts.max_errors,
            meta: opts.meta.clone(),
            milestones,
            joined: opts.joined,
        };
        // For wrapped files the outer reader only splits lines (there is no outer separator).
        let delimiter = if sniffed.wrapped {
            b','
        } else {
            sniffed.delimiter
        };
        Ok(Engine {
            decoder: needs_decoding(enc).then(|| StreamDecoder::new(enc)),
            at_start: true,
            pending: Vec::new(),
            splitter: Splitter::new(delimiter),
            delimiter,
            line: 1,
            wrapped: sniffed.wrapped.then_some(sniffed.delimiter),
            header_skipped: false,
            ended: false,
            blank_records: 0,
            width: sniffed.headers.len(),
            short_records: 0,
            long_empty_records: 0,
            nul_seen: false,
            recovered: false,
            asm: Assembler::new(sniffed.headers.clone(), roles, rules),
            report,
            inner: Splitter::new(sniffed.delimiter),
        })
    }

    /// Takes raw input bytes.
    fn feed(&mut self, mut chunk: &[u8], last: bool) {
        if self.ended {
            return;
        }
        self.ended = last;
        if let Some(dec) = self.decoder.as_mut() {
            dec.decode_into(chunk, last, &mut self.pending);
            self.parse_pending(last);
            return;
        }
        if self.at_start {
            // A BOM split over chunks is not worth handling: chunks are kilobytes.
            if let Some(rest) = chunk.strip_prefix(b"\xEF\xBB\xBF") {
                chunk = rest;
            }
            if !chunk.is_empty() {
                self.at_start = false;
            }
        }
        if self.pending.is_empty() {
            // Parse in place; keep only the unfinished tail.
            let used = self.parse(chunk, last);
            self.pending.extend_from_slice(&chunk[used..]);
        } else {
            self.pending.extend_from_slice(chunk);
            self.parse_pending(last);
        }
    }

    /// Parses every complete record in `pending`, keeping the unfinished tail.
    fn parse_pending(&mut self, last: bool) {
        let mut pending = std::mem::take(&mut self.pending);
        let used = self.parse(&pending, last);
        pending.drain(..used);
        self.pending = pending;
    }

    /// Reads the complete records at the start of `input` (all of it when `last`) and
    /// returns how many bytes they took; the rest must be fed again with more bytes.
    fn parse(&mut self, input: &[u8], last: bool) -> usize {
        let mut splitter = std::mem::replace(&mut self.splitter, Splitter::new(b','));
        // One fast scan per input; records are checked one by one only after a NUL shows up.
        self.nul_seen = self.nul_seen || input.contains(&0);
        let mut line = self.line;
        let used = splitter.records(input, last, &mut line, |found, rec, at| {
            if !self.header_skipped {
                self.header_skipped = true;
                return;
            }
            let bytes = &input[found.start..found.next];
            // Plain records hold at most their own line end: only quoted ones span.
            let spans = found.newlines_in - (bytes.last() == Some(&b'\n')) as u64;
            let mode = if spans > 0 {
                Mode::Spanning
            } else {
                Mode::Lenient
            };
            if let Shape::Refused(width) = self.record(at, rec, mode) {
                self.recover(at, spans, bytes, width);
            }
        });
        self.line = line;
        self.splitter = splitter;
        used
    }

    /// A record that spans lines and has the wrong number of fields is almost always an
    /// unclosed quote that swallowed the lines after it. The record's first line is
    /// rejected with the range it swallowed, and the lines after it are read again one by
    /// one (a quote can no longer run past its own line), so the good rows among them are
    /// kept. Each byte is re-read at most once, so hostile files stay linear.
    fn recover(&mut self, line: u64, spans: u64, bytes: &[u8], width: (u64, u64)) {
        self.recovered = true;
        self.asm.reject_unreadable(
            line,
            RowProblem::UnclosedQuote {
                values: width.0,
                columns: width.1,
                from: line,
                to: line + spans,
            },
            first_line(bytes)
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .into_iter()
                .collect(),
        );
        let mut splitter = Splitter::new(self.delimiter);
        let body = trim_terminator(bytes);
        for (k, piece) in body.split(|&b| b == b'\n').enumerate().skip(1) {
            let piece = piece.strip_suffix(b"\r").unwrap_or(piece);
            if let Step::Record(found) = splitter.next(piece, 0, true) {
                let rec = splitter.record(piece, &found);
                self.record(line + k as u64, rec, Mode::Strict);
            }
        }
    }

    /// Loads one record.
    fn record(&mut self, line: u64, rec: Record<'_>, mode: Mode) -> Shape {
        match self.wrapped {
            Some(d) if rec.len() == 1 => {
                // The same splitter as for plain files, kept between lines: building a
                // `csv::Reader` per line made wrapped files 30 times slower (found by AFL).
                let field = rec.get(0).unwrap_or(b"");
                let mut inner = std::mem::replace(&mut self.inner, Splitter::new(d));
                let shape = match inner.next(field, 0, true) {
                    Step::Record(found) => self.fields(line, inner.record(field, &found), mode),
                    _ => self.fields(line, Record::new(b"", &[]), mode),
                };
                self.inner = inner;
                shape
            }
            _ => self.fields(line, rec, mode),
        }
    }

    /// Loads one record's fields. The record's bytes are checked for UTF-8 once; a record
    /// with bad bytes is read cell by cell, each text cell repaired on its own (numbers and
    /// dates never accept such bytes).
    fn fields(&mut self, line: u64, rec: Record<'_>, mode: Mode) -> Shape {
        if rec.iter().all(|f| trim(f).is_empty()) {
            self.blank_records += 1;
            return Shape::Blank;
        }
        if let Some((values, columns)) = self.check_width(&rec, mode != Mode::Lenient) {
            if mode == Mode::Spanning {
                return Shape::Refused((values, columns));
            }
            let raw = rec
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            self.asm
                .reject_unreadable(line, RowProblem::WrongWidth { values, columns }, raw);
            return Shape::Loaded;
        }
        if self.nul_seen && rec.iter().any(|f| f.contains(&0)) {
            let raw = rec
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            self.asm.reject_unreadable(line, RowProblem::NulBytes, raw);
            return Shape::Loaded;
        }
        let text = rec.text();
        self.asm.row(
            line,
            |i| match text {
                Some(t) => rec.get_str(t, i).map_or(Cell::Missing, Cell::Str),
                None => rec.get(i).map_or(Cell::Missing, Cell::Text),
            },
            || {
                rec.iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect()
            },
        );
        Shape::Loaded
    }

    /// Why a record's field count is refused, if it is. Short records are taken as
    /// omitting trailing empty values (spreadsheets export them that way); extra fields
    /// are fine only when empty, because dropping a value silently would lose data.
    /// `(values, columns)` of a record whose width is refused.
    fn check_width(&mut self, rec: &Record<'_>, strict: bool) -> Option<(u64, u64)> {
        let (n, width) = (rec.len(), self.width);
        if n == width {
            return None;
        }
        if n < width && !strict {
            self.short_records += 1;
            return None;
        }
        if n > width && rec.iter().skip(width).all(|f| trim(f).is_empty()) {
            self.long_empty_records += 1;
            return None;
        }
        Some((n as u64, width as u64))
    }

    /// Takes in an engine that read the part of the file right after this one's. Both
    /// must have stopped at a record boundary (nothing pending).
    async fn append_paused<F: Future<Output = ()>>(
        &mut self,
        other: Engine,
        pause: &mut impl FnMut() -> F,
    ) {
        // Saturating: a part handed over by a worker is checked, not trusted.
        let offset = self.line - 1;
        self.line = self.line.saturating_add(other.line.saturating_sub(1));
        self.ended = other.ended;
        self.blank_records = self.blank_records.saturating_add(other.blank_records);
        self.short_records = self.short_records.saturating_add(other.short_records);
        self.long_empty_records = self
            .long_empty_records
            .saturating_add(other.long_empty_records);
        self.nul_seen |= other.nul_seen;
        self.asm.append_paused(other.asm, offset, pause).await;
    }

    fn finish(mut self) -> Result<Loaded, IngestError> {
        self.feed(&[], true);
        if self.asm.records() == 0 {
            return Err(IngestError::HeaderOnly);
        }
        let mut report = std::mem::take(&mut self.report);
        if self.short_records > 0 {
            report.notes.push(LoadNote::ShortRows {
                count: self.short_records as u64,
            });
        }
        if self.long_empty_records > 0 {
            report.notes.push(LoadNote::LongEmptyRows {
                count: self.long_empty_records as u64,
            });
        }
        if self.blank_records > 0 {
            report.notes.push(LoadNote::BlankLines {
                count: self.blank_records as u64,
            });
        }
        Ok(self.asm.finish(report))
    }
}

/// What became of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// Loaded or rejected (and reported).
    Loaded,
    Blank,
    /// A record that spans lines has the wrong field count: not yet reported, because
    /// the caller re-reads its lines ([`Engine::recover`]).
    Refused((u64, u64)),
}

/// How strictly a record's field count is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A single-line record: missing trailing fields are taken as empty.
    Lenient,
    /// A record whose quotes span lines: the exact count, reported by the caller.
    Spanning,
    /// A line re-read after an unclosed quote: the exact count.
    Strict,
}

fn trim_terminator(record: &[u8]) -> &[u8] {
    let r = record.strip_suffix(b"\n").unwrap_or(record);
    r.strip_suffix(b"\r").unwrap_or(r)
}

fn first_line(record: &[u8]) -> Option<&[u8]> {
    let line = record.split(|&b| b == b'\n').next()?;
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

enum Stage {
    /// Collecting the first 64 KiB to sniff.
    Head(Vec<u8>),
    Loading(Box<Engine>),
    Done,
}

/// Loads a CSV file pushed in chunks.
pub struct CsvLoader {
    options: CsvOptions,
    stage: Stage,
    bytes: u64,
    /// The file's size when known, to make room for its records up front.
    expected_bytes: u64,
    sniffed: Option<Sniffed>,
}

impl CsvLoader {
    pub fn new(options: CsvOptions) -> CsvLoader {
        CsvLoader {
            options,
            stage: Stage::Head(Vec::new()),
            bytes: 0,
            expected_bytes: 0,
            sniffed: None,
        }
    }

    /// Says how big the whole file is, before the first push, so the columns are sized
    /// once from the head instead of grown by copying (see
    /// [`super::parallel::expected_records`]).
    pub fn expect_bytes(&mut self, total: u64) {
        self.expected_bytes = total;
    }

    /// What the sniffer decided, once it has run (after 64 KiB or at finish).
    pub fn sniffed(&self) -> Option<&Sniffed> {
        self.sniffed.as_ref()
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Progress, IngestError> {
        self.bytes += chunk.len() as u64;
        match &mut self.stage {
            Stage::Done => return Err(IngestError::Finished),
            Stage::Loading(engine) => engine.feed(chunk, false),
            Stage::Head(head) => {
                if head.is_empty() && chunk.len() >= SNIFF_BYTES {
                    let mut engine = self.start(&chunk[..SNIFF_BYTES], false)?;
                    engine.feed(chunk, false);
                    self.stage = Stage::Loading(engine);
                } else {
                    head.extend_from_slice(chunk);
                    if head.len() >= SNIFF_BYTES {
                        let head = std::mem::take(head);
                        let mut engine = self.start(&head[..SNIFF_BYTES], false)?;
                        engine.feed(&head, false);
                        self.stage = Stage::Loading(engine);
                    }
                }
            }
        }
        Ok(self.progress())
    }

    pub fn progress(&self) -> Progress {
        let rows = match &self.stage {
            Stage::Loading(e) => e.asm.records(),
            _ => 0,
        };
        Progress {
            rows,
            bytes: self.bytes,
        }
    }

    fn start(&mut self, sample: &[u8], complete: bool) -> Result<Box<Engine>, IngestError> {
        let result = sniff_inner(sample, complete).and_then(|(sniffed, enc)| {
            let mut engine = Engine::new(&sniffed, enc, &self.options);
            if let Ok(e) = engine.as_mut() {
                let n = super::parallel::expected_records(sample, self.expected_bytes);
                e.asm.reserve(n);
            }
            self.sniffed = Some(sniffed);
            engine
        });
        match result {
            Ok(e) => Ok(Box::new(e)),
            Err(err) => {
                self.stage = Stage::Done;
                Err(err)
            }
        }
    }

    /// Ends the input and returns the dataset and report.
    pub fn finish(mut self) -> Result<Loaded, IngestError> {
        let stage = std::mem::replace(&mut self.stage, Stage::Done);
        let engine = match stage {
            Stage::Done => return Err(IngestError::Finished),
            Stage::Loading(engine) => engine,
            Stage::Head(head) => {
                let mut engine = self.start(&head, true)?;
                engine.feed(&head, false);
                engine
            }
        };
        engine.finish()
    }
}

/// One byte range of a CSV file read on its own (by a worker, say), to be merged with the
/// parts before and after it by [`merge_parts`].
pub struct CsvPart {
    engine: Box<Engine>,
    /// The part cannot be merged: it ended inside a record (its cut was not a record
    /// boundary), or it does not start the file and wrote file lines into a message.
    one_pass_needed: bool,
}

impl CsvPart {
    /// Records read in this part (loaded or rejected).
    pub fn records(&self) -> usize {
        self.engine.asm.records()
    }
}

/// Whether a file can be read in parts: the parts are cut at line feeds, which is only
/// sound for text that is UTF-8 already, and rows named by their line number need the
/// lines counted from the start. Milestone columns and files joined to others are read
/// in one pass: they are orders or reviews, far smaller than event logs, and their notes
/// (per-column date orders) are settled over the whole file.
pub fn splittable(head: &[u8], complete: bool, options: &CsvOptions) -> bool {
    !options.row_number_as_customer
        && options.milestones.is_none()
        && !options.joined
        && matches!(sniff_inner(head, complete), Ok((_, enc)) if !needs_decoding(enc))
}

/// Reads one part of a file, fed in pieces (a worker reports progress between them).
pub struct PartReader {
    engine: Box<Engine>,
    first: bool,
}

impl PartReader {
    /// `head` is the file's first 64 KiB (all of it when `complete`), sniffed the same way
    /// by every part; `first` says the part starts the file. A part other than the first
    /// must start right after a line feed.
    pub fn new(
        head: &[u8],
        complete: bool,
        first: bool,
        options: &CsvOptions,
    ) -> Result<PartReader, IngestError> {
        let (sniffed, enc) = sniff_inner(head, complete)?;
        let mut engine = Box::new(Engine::new(&sniffed, enc, options)?);
        if !first {
            engine.at_start = false;
            engine.header_skipped = true;
        }
        Ok(PartReader { engine, first })
    }

    /// Makes room for the records of a part of `bytes` bytes (see
    /// [`super::parallel::expected_records`]).
    pub fn expect_bytes(&mut self, head: &[u8], bytes: u64) {
        let n = super::parallel::expected_records(head, bytes);
        self.engine.asm.reserve(n);
    }

    /// The next bytes of the part.
    pub fn push(&mut self, bytes: &[u8]) {
        self.engine.feed(bytes, false);
    }

    /// Records read so far (loaded or rejected).
    pub fn records(&self) -> usize {
        self.engine.asm.records()
    }

    /// Ends the part; `last` says it ends the file.
    pub fn finish(mut self, last: bool) -> CsvPart {
        if last {
            self.engine.feed(&[], true);
        }
        let e = &self.engine;
        let one_pass_needed = !e.pending.is_empty() || (!self.first && e.recovered);
        CsvPart {
            engine: self.engine,
            one_pass_needed,
        }
    }
}

/// Reads one part of a file in one go (see [`PartReader::new`]).
pub fn parse_part(
    head: &[u8],
    complete: bool,
    part: &[u8],
    first: bool,
    last: bool,
    options: &CsvOptions,
) -> Result<CsvPart, IngestError> {
    let mut reader = PartReader::new(head, complete, first, options)?;
    reader.push(part);
    Ok(reader.finish(last))
}

impl CsvPart {
    /// The part as bytes, for a worker to hand to the page ([`CsvPart::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        let e = &self.engine;
        w.bool(self.one_pass_needed);
        w.u64(e.line);
        w.bool(e.ended);
        w.usize(e.blank_records);
        w.usize(e.short_records);
        w.usize(e.long_empty_records);
        w.bool(e.nul_seen);
        w.bool(e.recovered);
        e.asm.write_to(&mut w);
        w.buf
    }

    /// A part from [`CsvPart::to_bytes`], read with the same head and options the worker
    /// had. Bytes that do not read back are an error, never a panic.
    pub fn from_bytes(
        head: &[u8],
        complete: bool,
        options: &CsvOptions,
        bytes: &[u8],
    ) -> Result<CsvPart, IngestError> {
        run_ready(CsvPart::from_bytes_paused(
            head, complete, options, bytes, &mut ready,
        ))
    }

    /// [`CsvPart::from_bytes`] with `pause().await` between the part's columns.
    pub async fn from_bytes_paused<F: Future<Output = ()>>(
        head: &[u8],
        complete: bool,
        options: &CsvOptions,
        bytes: &[u8],
        pause: &mut impl FnMut() -> F,
    ) -> Result<CsvPart, IngestError> {
        let (sniffed, enc) = sniff_inner(head, complete)?;
        let mut engine = Box::new(Engine::new(&sniffed, enc, options)?);
        match read_part(&mut engine, &mut Reader::new(bytes), pause).await {
            Ok(one_pass_needed) => Ok(CsvPart {
                engine,
                one_pass_needed,
            }),
            Err(WireError) => Err(IngestError::PartUnreadable),
        }
    }
}

/// Reads what [`CsvPart::to_bytes`] wrote into a fresh engine; whether the part must be
/// read in one pass instead.
async fn read_part<F: Future<Output = ()>>(
    engine: &mut Engine,
    r: &mut Reader<'_>,
    pause: &mut impl FnMut() -> F,
) -> Wire<bool> {
    let one_pass_needed = r.bool()?;
    engine.line = r.u64()?.max(1);
    engine.ended = r.bool()?;
    engine.blank_records = r.usize()?;
    engine.short_records = r.usize()?;
    engine.long_empty_records = r.usize()?;
    engine.nul_seen = r.bool()?;
    engine.recovered = r.bool()?;
    engine.header_skipped = true;
    engine.at_start = false;
    engine.asm.read_from(r, pause).await?;
    if r.done() {
        Ok(one_pass_needed)
    } else {
        Err(WireError)
    }
}

/// Merges the parts of one file, in file order, into what [`load_csv`] would have
/// returned. `Ok(None)` when a cut fell inside a record (a quoted field spanning lines) or
/// a part recovered from an unclosed quote: the file must then be read in one pass.
pub fn merge_parts(parts: Vec<CsvPart>) -> Result<Option<Loaded>, IngestError> {
    let mut parts = parts.into_iter();
    let Some(mut merged) = parts.next() else {
        return Err(IngestError::HeaderOnly);
    };
    for p in parts {
        merged.append(p);
    }
    merged.finish()
}

impl CsvPart {
    /// Takes in the part that follows this one in the file (the page merges parts one
    /// at a time as they arrive, giving the browser a turn in between).
    pub fn append(&mut self, next: CsvPart) {
        run_ready(self.append_paused(next, &mut ready));
    }

    /// [`CsvPart::append`] with `pause().await` every few milliseconds of work, so the
    /// page merging a million events' parts stays responsive (see [`crate::pause`]).
    pub async fn append_paused<F: Future<Output = ()>>(
        &mut self,
        next: CsvPart,
        pause: &mut impl FnMut() -> F,
    ) {
        self.one_pass_needed |= next.one_pass_needed;
        if !self.one_pass_needed {
            self.engine.append_paused(*next.engine, pause).await;
        }
    }

    /// The merged parts as [`load_csv`] would have returned the file; `Ok(None)` when it
    /// must be read in one pass instead (see [`merge_parts`]).
    pub fn finish(self) -> Result<Option<Loaded>, IngestError> {
        if self.one_pass_needed {
            return Ok(None);
        }
        self.engine.finish().map(Some)
    }
}

/// Loads a whole CSV file held in memory. The input is known to be complete, so it is
/// parsed in place without looking for record boundaries first.
pub fn load_csv(bytes: &[u8], options: &CsvOptions) -> Result<Loaded, IngestError> {
    let mut loader = CsvLoader::new(options.clone());
    loader.bytes = bytes.len() as u64;
    let (head, complete) = head_of(bytes);
    let mut engine = loader.start(head, complete)?;
    engine.feed(bytes, true);
    engine.finish()
}
