//! Reading one CSV file on several cores: the file is cut into byte ranges, each range is
//! parsed on its own into columnar chunks with local dictionaries, and the chunks are
//! merged in file order by remapping their codes ([`super::csv::merge_parts`]).
//!
//! Cuts are speculative: each is moved to just after a line feed, which is a record
//! boundary unless a quoted field spans lines there. The part before a cut proves it: the
//! first part starts at a true boundary, so if it ends exactly at its cut with no record
//! left open, the cut is a true boundary too, and so on down the file. A part that ends
//! inside a record makes the merge refuse, and the file is read again in one pass: the
//! result is always what one pass gives, only the speed differs.
//!
//! The browser runs the parts in Web Workers; natively [`load_csv_parallel`] uses threads.

use super::csv::{load_csv, merge_parts, parse_part, splittable, CsvOptions};
use super::error::IngestError;
use super::report::Loaded;
use super::sniff::head_of;

/// Below this many bytes per part, splitting costs more than it saves.
pub const MIN_PART_BYTES: usize = 1 << 20;

/// How far past a nominal cut a line feed is looked for; a line longer than this leaves
/// the two parts joined.
pub const CUT_WINDOW: usize = 1 << 16;

/// At most this many parts (workers in the browser), however many cores.
pub const MAX_PARTS: usize = 8;

/// Starting Web Workers costs about 300 ms in the browser (each compiles the worker module)
/// which only the parallel parse of a big file wins back (the page reads the first part
/// meanwhile, so part of it is hidden). Measured on 2 cores, all parts in workers
/// (`bench/run.mjs`, idle machine, medians of 3): 9.4 MB took 322 ms on the page and 607 ms
/// in 2 workers, 93.6 MB 2742 ms and 2420 ms, so the break-even is near 60 MB there. With
/// more cores each part is smaller and the bar drops (only the 2-core figure is measured).
const MIN_BYTES_ONE_CORE: f64 = (128 << 20) as f64;
const MIN_FILE_BYTES: std::ops::RangeInclusive<f64> = ((16 << 20) as f64)..=((64 << 20) as f64);

/// Into how many parts a file of `bytes` should be cut on a machine with `cores` cores,
/// one per core up to [`MAX_PARTS`] (in the browser the page reads the first part and a
/// worker each other one), or `None` to read it in one piece on the page.
///
/// ```
/// use journey_lens::ingest::parallel::workers_for;
/// assert_eq!(workers_for(9_400_000.0, 2), None);
/// assert_eq!(workers_for(93_600_000.0, 2), Some(2));
/// ```
pub fn workers_for(bytes: f64, cores: usize) -> Option<usize> {
    let min = (MIN_BYTES_ONE_CORE / cores.max(1) as f64)
        .clamp(*MIN_FILE_BYTES.start(), *MIN_FILE_BYTES.end());
    (cores >= 2 && bytes >= min).then(|| cores.min(MAX_PARTS))
}

/// At most this many records are reserved ahead of reading ([`expected_records`]): a head
/// of very short lines must not make a 900 MB file reserve gigabytes.
pub const MAX_RESERVED_RECORDS: usize = 4_000_000;

/// How many records to make room for before reading `bytes` bytes of a file whose first
/// bytes are `head`: the head's mean line length, plus a tenth, at most
/// [`MAX_RESERVED_RECORDS`]; 0 when the head has fewer than 100 lines (no estimate worth
/// trusting). Why: a column grown by doubling is copied each time, and at a million
/// events one such copy held the page for 30 ms.
///
/// ```
/// use journey_lens::ingest::parallel::expected_records;
/// let head = "x".repeat(49).to_string() + "\n";
/// assert_eq!(expected_records(head.repeat(100).as_bytes(), 1_000_000), 22_000);
/// ```
pub fn expected_records(head: &[u8], bytes: u64) -> usize {
    let lines = head.iter().filter(|&&b| b == b'\n').count();
    if lines < 100 {
        return 0;
    }
    let per_line = (head.len() / lines).max(1) as u64;
    let n = bytes / per_line;
    (n + n / 10).min(MAX_RESERVED_RECORDS as u64) as usize
}

/// Where the next record may start in `window`, the bytes from a nominal cut on: just
/// after its first line feed.
pub fn boundary_in(window: &[u8]) -> Option<usize> {
    window.iter().position(|&b| b == b'\n').map(|i| i + 1)
}

/// The nominal cuts of a file of `len` bytes into at most `parts` parts of at least
/// `min_part` bytes (none when one part is best), the first `lead` bytes longer than the
/// others: in the browser the page reads it while the workers start. The lead is at most
/// one equal share, and never leaves another part under `min_part`. Each cut is then moved
/// to a boundary with [`boundary_in`] on the bytes from it on.
///
/// ```
/// use journey_lens::ingest::parallel::nominal_cuts;
/// assert_eq!(nominal_cuts(100, 2, 1, 0), [50]);
/// assert_eq!(nominal_cuts(100, 2, 1, 10), [55]);
/// ```
pub fn nominal_cuts(len: usize, parts: usize, min_part: usize, lead: usize) -> Vec<usize> {
    let parts = parts.min(len / min_part.max(1)).max(1);
    let lead = lead
        .min(len / parts)
        .min(len.saturating_sub(parts * min_part));
    let share = (len - lead) / parts;
    (1..parts).map(|k| lead + share * k).collect()
}

/// The byte ranges to parse apart: `[0, c1), [c1, c2), …, [ck, len)`, each cut moved just
/// after a line feed within [`CUT_WINDOW`] (cuts that find none, or that would make an
/// empty part, are dropped).
pub fn ranges(bytes: &[u8], parts: usize, min_part: usize) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    for cut in nominal_cuts(bytes.len(), parts, min_part, 0) {
        let end = (cut + CUT_WINDOW).min(bytes.len());
        let Some(at) = bytes.get(cut..end).and_then(boundary_in).map(|b| cut + b) else {
            continue;
        };
        if starts.last().is_some_and(|&s| at > s) && at < bytes.len() {
            starts.push(at);
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &s)| s..starts.get(i + 1).copied().unwrap_or(bytes.len()))
        .collect()
}

/// Parses the given ranges of `bytes` (consecutive, covering the file) and merges them;
/// `Ok(None)` when a cut was not a record boundary.
pub fn load_ranges(
    bytes: &[u8],
    ranges: &[std::ops::Range<usize>],
    options: &CsvOptions,
    threads: usize,
) -> Result<Option<Loaded>, IngestError> {
    let (head, complete) = head_of(bytes);
    let n = ranges.len();
    let parse = |i: usize| {
        let r = ranges[i].clone();
        parse_part(head, complete, &bytes[r], i == 0, i + 1 == n, options)
    };
    let results: Vec<_> = if threads <= 1 || n <= 1 {
        (0..n).map(parse).collect()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..n).map(|i| s.spawn(move || parse(i))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    merge_parts(results.into_iter().collect::<Result<Vec<_>, _>>()?)
}

/// The name the page gives a worker it starts before a file is chosen: such a worker runs
/// [`warm_up`] before it says it is ready.
pub const WARM_NAME: &str = "warm";

/// Events a worker parses in [`warm_up`]: about 1.4 MB of text. A worker named `warm` said
/// it was ready about 100 ms later than one that was not (Chromium, 2 cores, 2026-12-02).
pub const WARM_UP_EVENTS: usize = 15_000;

/// Parses `events` generated events as a part of a file and throws them away; returns how
/// many records it read. Why: a browser compiles a wasm function quickly at first and only
/// swaps in its optimised code at a later call, so a worker that meets the user's file cold
/// parses it about 10 % slower (measured on a 1 M load, 2026-12-02). A worker started before
/// the file arrives runs this first, so the parse code is optimised by then.
///
/// ```
/// use journey_lens::ingest::parallel::warm_up;
/// assert_eq!(warm_up(500), 500);
/// ```
pub fn warm_up(events: usize) -> usize {
    let mut text = Vec::new();
    if crate::generate::generate(events, 7, &mut text).is_err() {
        return 0;
    }
    let (head, complete) = head_of(&text);
    let Ok(part) = parse_part(head, complete, &text, true, true, &CsvOptions::default()) else {
        return 0;
    };
    // What a worker does with its part before handing it over.
    std::hint::black_box(part.to_bytes());
    part.records()
}

/// [`load_csv`] on `threads` cores: the same result, faster on a big file.
pub fn load_csv_parallel(
    bytes: &[u8],
    options: &CsvOptions,
    threads: usize,
) -> Result<Loaded, IngestError> {
    let (head, complete) = head_of(bytes);
    let parts = ranges(bytes, threads, MIN_PART_BYTES);
    if parts.len() <= 1 || !splittable(head, complete, options) {
        return load_csv(bytes, options);
    }
    match load_ranges(bytes, &parts, options, threads)? {
        Some(loaded) => Ok(loaded),
        None => load_csv(bytes, options),
    }
}
