//! The CSV loader, fed chunk by chunk so the browser can parse a 100 MB file and still
//! repaint between chunks.
//!
//! Each chunk is decoded to UTF-8 when needed, cut at the last record boundary (a newline
//! outside quotes, found by a tiny state machine that follows the `csv` crate's quoting
//! rules) and the complete records are parsed with `csv::ByteRecord`; the cut-off tail
//! waits for the next chunk. For UTF-8 input a chunk is parsed in place, so only tails
//! are copied.

use super::encoding::{needs_decoding, StreamDecoder};
use super::error::IngestError;
use super::mapping::resolve_roles;
use super::report::{LoadReport, Loaded};
use super::rows::{check_roles, Assembler, Cell, Rules};
use super::sniff::{delimiter_text, sniff_inner, split_inner, Sniffed, SNIFF_BYTES};
use super::values::trim;
use crate::dataset::{Meta, Role, Scales};

/// How to load a CSV file.
#[derive(Debug, Clone)]
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

/// Quote state at the end of the scanned bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    ClosingQuote,
}

/// Finds record boundaries incrementally.
#[derive(Debug, Clone, Copy)]
struct Scanner {
    state: QuoteState,
    delim: u8,
}

impl Scanner {
    /// Scans `bytes` (continuing from earlier calls) and returns the position just after the
    /// last newline that ends a record.
    fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut last = None;
        let mut st = self.state;
        let d = self.delim;
        for (i, &b) in bytes.iter().enumerate() {
            st = match st {
                QuoteState::FieldStart | QuoteState::Unquoted => {
                    if b == b'\n' {
                        last = Some(i + 1);
                        QuoteState::FieldStart
                    } else if b == d {
                        QuoteState::FieldStart
                    } else if b == b'"' && st == QuoteState::FieldStart {
                        QuoteState::Quoted
                    } else {
                        QuoteState::Unquoted
                    }
                }
                QuoteState::Quoted => {
                    if b == b'"' {
                        QuoteState::ClosingQuote
                    } else {
                        QuoteState::Quoted
                    }
                }
                QuoteState::ClosingQuote => {
                    if b == b'"' {
                        QuoteState::Quoted
                    } else if b == b'\n' {
                        last = Some(i + 1);
                        QuoteState::FieldStart
                    } else if b == d {
                        QuoteState::FieldStart
                    } else {
                        QuoteState::Unquoted
                    }
                }
            };
        }
        self.state = st;
        last
    }
}

/// Everything that exists once the file's format is known.
struct Engine {
    decoder: Option<StreamDecoder>,
    /// Whether a UTF-8 BOM may still have to be skipped at the very start.
    at_start: bool,
    pending: Vec<u8>,
    /// How much of `pending` the scanner has seen.
    scanned: usize,
    scanner: Scanner,
    /// Lines before the first byte of `pending`.
    line_offset: u64,
    delimiter: u8,
    /// The inner separator of an Excel-wrapped file.
    wrapped: Option<u8>,
    header_skipped: bool,
    /// The last input has been fed (a decoder must not be flushed twice).
    ended: bool,
    blank_records: usize,
    asm: Assembler,
    report: LoadReport,
    rec: csv::ByteRecord,
    inner: csv::ByteRecord,
}

impl Engine {
    fn new(
        sniffed: &Sniffed,
        enc: &'static encoding_rs::Encoding,
        opts: &CsvOptions,
    ) -> Result<Engine, IngestError> {
        let roles = resolve_roles(&sniffed.headers, opts.roles.as_deref(), &opts.overrides)?;
        check_roles(&sniffed.headers, &roles, opts.row_number_as_customer)?;
        let decimal_comma = opts.decimal_comma.unwrap_or(sniffed.decimal_comma);
        let mut notes = Vec::new();
        if needs_decoding(enc) {
            notes.push(format!(
                "The file is not UTF-8; it was read as {}.",
                enc.name()
            ));
        }
        if sniffed.wrapped {
            notes.push(format!(
                "Every line was wrapped in quotes (an Excel re-save); the lines were unwrapped and split on '{}'.",
                delimiter_text(sniffed.delimiter)
            ));
        }
        if decimal_comma {
            notes.push("Numbers were read with a decimal comma (1.234,5 means one thousand two hundred thirty-four and a half).".into());
        }
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
            scanned: 0,
            scanner: Scanner {
                state: QuoteState::FieldStart,
                delim: delimiter,
            },
            line_offset: 0,
            delimiter,
            wrapped: sniffed.wrapped.then_some(sniffed.delimiter),
            header_skipped: false,
            ended: false,
            blank_records: 0,
            asm: Assembler::new(sniffed.headers.clone(), roles, rules),
            report,
            rec: csv::ByteRecord::new(),
            inner: csv::ByteRecord::new(),
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
            self.drain_pending(last);
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
            let cut = if last {
                Some(chunk.len())
            } else {
                self.scanner.scan(chunk)
            };
            let cut = cut.unwrap_or(0);
            self.parse_segment(&chunk[..cut]);
            self.pending.extend_from_slice(&chunk[cut..]);
            self.scanned = self.pending.len();
        } else {
            self.pending.extend_from_slice(chunk);
            self.drain_pending(last);
        }
    }

    /// Parses every complete record in `pending`.
    fn drain_pending(&mut self, last: bool) {
        let cut = if last {
            Some(self.pending.len())
        } else {
            let from = self.scanned;
            self.scanner.scan(&self.pending[from..]).map(|c| c + from)
        };
        self.scanned = self.pending.len();
        let Some(cut) = cut else { return };
        if cut == 0 {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        self.parse_segment(&pending[..cut]);
        let mut pending = pending;
        pending.drain(..cut);
        self.scanned = pending.len();
        self.pending = pending;
    }

    /// Parses complete records; `segment` starts at a record boundary.
    fn parse_segment(&mut self, segment: &[u8]) {
        if segment.is_empty() {
            return;
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(segment);
        let mut rec = std::mem::take(&mut self.rec);
        let mut inner = std::mem::take(&mut self.inner);
        // Line numbers are counted here rather than taken from the csv reader, which counts
        // CRLF line ends differently; a record's line is where its first byte is.
        let (mut at_byte, mut at_line) = (0usize, self.line_offset + 1);
        while let Ok(true) = rdr.read_byte_record(&mut rec) {
            let mut start = rec
                .position()
                .map_or(at_byte, |p| p.byte() as usize)
                .clamp(at_byte, segment.len());
            // After a CRLF the reader reports the record as starting at the LF.
            while matches!(segment.get(start), Some(b'\n' | b'\r')) {
                start += 1;
            }
            at_line += segment[at_byte..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            at_byte = start;
            let line = at_line;
            if !self.header_skipped {
                self.header_skipped = true;
                continue;
            }
            let record = match self.wrapped {
                Some(d) if rec.len() == 1 => {
                    if !split_inner(rec.get(0).unwrap_or(b""), d, &mut inner) {
                        inner.clear();
                    }
                    &inner
                }
                _ => &rec,
            };
            self.record(line, record);
        }
        self.rec = rec;
        self.inner = inner;
        at_line += segment[at_byte..].iter().filter(|&&b| b == b'\n').count() as u64;
        self.line_offset = at_line - 1;
    }

    fn record(&mut self, line: u64, rec: &csv::ByteRecord) {
        if rec.iter().all(|f| trim(f).is_empty()) {
            self.blank_records += 1;
            return;
        }
        if std::str::from_utf8(rec.as_slice()).is_err() {
            // Rare (a UTF-8 file with a few bad bytes): repair the record before reading it.
            let fixed: csv::ByteRecord = rec
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned().into_bytes())
                .collect();
            self.record_valid(line, &fixed);
        } else {
            self.record_valid(line, rec);
        }
    }

    fn record_valid(&mut self, line: u64, rec: &csv::ByteRecord) {
        self.asm.row(
            line,
            |i| rec.get(i).map_or(Cell::Missing, Cell::Text),
            || {
                rec.iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect()
            },
        );
    }

    fn finish(mut self) -> Result<Loaded, IngestError> {
        self.feed(&[], true);
        if self.asm.records() == 0 {
            return Err(IngestError::HeaderOnly);
        }
        let mut report = std::mem::take(&mut self.report);
        if self.blank_records > 0 {
            report.notes.push(format!(
                "{} empty lines (only separators or spaces) were skipped.",
                self.blank_records
            ));
        }
        Ok(self.asm.finish(report))
    }
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
    sniffed: Option<Sniffed>,
}

impl CsvLoader {
    pub fn new(options: CsvOptions) -> CsvLoader {
        CsvLoader {
            options,
            stage: Stage::Head(Vec::new()),
            bytes: 0,
            sniffed: None,
        }
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
            let engine = Engine::new(&sniffed, enc, &self.options);
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

/// Loads a whole CSV file held in memory. The input is known to be complete, so it is
/// parsed in place without looking for record boundaries first.
pub fn load_csv(bytes: &[u8], options: &CsvOptions) -> Result<Loaded, IngestError> {
    let mut loader = CsvLoader::new(options.clone());
    loader.bytes = bytes.len() as u64;
    let complete = bytes.len() <= SNIFF_BYTES;
    let mut engine = loader.start(&bytes[..bytes.len().min(SNIFF_BYTES)], complete)?;
    engine.feed(bytes, true);
    engine.finish()
}
