//! What one fuzz input goes through, shared by the AFL targets in `fuzz/targets/` and by
//! `tests/fuzz_regressions.rs`, so a crash the fuzzer saved replays through exactly the
//! code that found it.
//!
//! Each function panics when the library panics or when an invariant that holds for any
//! input is broken; a clean `Err` from a loader is a correct answer to hostile bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use journey_lens::analytics::{compute, report_json, Filter, Prepared, Settings};
use journey_lens::ingest::{
    load_csv, load_json, looks_like_json, CsvLoader, CsvOptions, IngestError, JsonOptions, Loaded,
};

/// The loader sniffs the first 64 KiB before it streams, so only an input longer than
/// that exercises records split across chunks.
const SNIFF_BYTES: usize = 64 * 1024;

/// Chunk sizes the streaming loader is fed in turn: odd sizes land chunk edges inside
/// quotes, CRLF pairs and multi-byte characters.
const CHUNKS: [usize; 7] = [1, 2, 3, 7, 61, 509, 4093];

/// How many bytes of `data` can end a record (LF or CR): a bound on how many records
/// any reading of it can yield, whatever the encoding (UTF-16 keeps the 0x0A byte).
fn line_ends(data: &[u8]) -> usize {
    data.iter().filter(|&&b| b == b'\n' || b == b'\r').count()
}

fn count(data: &[u8], byte: u8) -> usize {
    data.iter().filter(|&&b| b == byte).count()
}

/// Checks what holds for every successful load, CSV or JSON.
fn check_loaded(l: &Loaded) {
    let r = &l.report;
    assert_eq!(
        r.rows_loaded,
        l.dataset.len(),
        "report and dataset disagree"
    );
    assert!(r.customers <= r.rows_loaded, "more customers than rows");
    assert_eq!(r.customers, l.dataset.customer_count());
    assert!(l.rejected.len() <= r.rows_rejected);
}

/// Loads `data` as CSV with default options, whole and then streamed in small chunks,
/// and checks that both agree.
pub fn csv(data: &[u8]) -> Option<Loaded> {
    let whole = load_csv(data, &CsvOptions::default());
    if let Ok(l) = &whole {
        check_loaded(l);
        assert!(
            l.report.rows_loaded + l.report.rows_rejected <= line_ends(data) + 1,
            "{} rows from {} line ends",
            l.report.rows_loaded + l.report.rows_rejected,
            line_ends(data)
        );
    }
    same_outcome(&whole, &chunked(data));
    if whole.as_ref().is_ok_and(|l| l.report.rows_loaded > 0) && picked(data) {
        // Inputs that load at all are repeated past the sniff window so the records after
        // it really are streamed (shorter inputs are buffered whole before parsing).
        let long = stretch(data);
        same_outcome(&load_csv(&long, &CsvOptions::default()), &chunked(&long));
    }
    whole.ok()
}

/// One loadable input in 32 (by a hash of its bytes, so a replay picks the same ones)
/// also runs streamed past the sniff window: loading 64 KiB twice costs a hundred times a
/// typical input, and the fuzzer learns more from many cheap runs. Only UTF-8 input or
/// input with a BOM: the charset detector that reads all 64 KiB of other input is another
/// tenfold, and the single-byte code pages it chooses between cannot split a character
/// across chunks anyway.
fn picked(data: &[u8]) -> bool {
    let text = std::str::from_utf8(data).is_ok()
        || [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
            .iter()
            .any(|bom| data.starts_with(bom));
    let hash = data
        .iter()
        .fold(0u32, |h, &b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    text && hash % 32 == 0
}

/// The input repeated, a line end between copies, until it is longer than the sniff window.
fn stretch(data: &[u8]) -> Vec<u8> {
    // A UTF-16 line end is two bytes; one byte would shift every later copy off its units.
    let line_end: &[u8] = if data.starts_with(b"\xFF\xFE") {
        b"\n\0"
    } else if data.starts_with(b"\xFE\xFF") {
        b"\0\n"
    } else {
        b"\n"
    };
    let mut out = Vec::with_capacity(SNIFF_BYTES + 2 * data.len());
    while out.len() <= SNIFF_BYTES + data.len() {
        out.extend_from_slice(data);
        out.extend_from_slice(line_end);
    }
    out
}

/// `data` through [`CsvLoader`] in pieces of [`CHUNKS`] sizes.
fn chunked(data: &[u8]) -> Result<Loaded, String> {
    let mut loader = CsvLoader::new(CsvOptions::default());
    let mut rest = data;
    for size in CHUNKS.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (piece, tail) = rest.split_at((*size).min(rest.len()));
        loader.push(piece).map_err(|e| e.to_string())?;
        rest = tail;
    }
    loader.finish().map_err(|e| e.to_string())
}

/// Chunking must change nothing: the same error, or the same rows, customers and problems.
fn same_outcome(whole: &Result<Loaded, IngestError>, chunked: &Result<Loaded, String>) {
    match (whole, chunked) {
        (Ok(w), Ok(c)) => {
            check_loaded(c);
            let key = |l: &Loaded| {
                (
                    l.report.rows_loaded,
                    l.report.rows_rejected,
                    l.report.customers,
                    l.report.errors.len(),
                    l.report.columns.clone(),
                )
            };
            assert_eq!(key(w), key(c), "streaming changed the load");
        }
        (Err(w), Err(c)) => assert_eq!(&w.to_string(), c, "streaming changed the error"),
        (w, c) => panic!(
            "whole load {} but streamed load {}",
            if w.is_ok() { "succeeded" } else { "failed" },
            if c.is_ok() { "succeeded" } else { "failed" }
        ),
    }
}

/// Loads `data` as a JSON feed with default options.
pub fn json(data: &[u8]) -> Option<Loaded> {
    let l = load_json(data, &JsonOptions::default()).ok()?;
    check_loaded(&l);
    // Every loaded event is an object, so it has its own `{`; a rejected one at least
    // needs a separator (`,` in an array, a line end in NDJSON) or is the only item.
    assert!(
        l.report.rows_loaded <= count(data, b'{'),
        "{} events from {} objects",
        l.report.rows_loaded,
        count(data, b'{')
    );
    let items = count(data, b'{') + count(data, b',') + line_ends(data) + 1;
    assert!(l.report.rows_loaded + l.report.rows_rejected <= items);
    Some(l)
}

/// Loads `data` the way `journey-lens report FILE` does (JSON when it starts like JSON,
/// else CSV) and runs the whole analysis with default settings; returns the report text.
pub fn report(data: &[u8]) -> Option<String> {
    let loaded = if looks_like_json(data) {
        load_json(data, &JsonOptions::default())
    } else {
        load_csv(data, &CsvOptions::default())
    }
    .ok()?;
    let ds = &loaded.dataset;
    let prep = Prepared::new(ds);
    let report = compute(ds, &prep, &Settings::default(), &Filter::default());
    let rows = loaded.report.rows_loaded as u64;
    assert_eq!(report.selection.total_events, rows);
    assert_eq!(
        report.selection.events, rows,
        "the empty filter dropped events"
    );
    assert!(report.selection.customers <= ds.customer_count() as u64);
    let text = report_json(&report);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
        panic!("the report is not valid JSON: {e}");
    }
    Some(text)
}

/// The most memory a replay may hold at once. The fuzzers run under `afl-fuzz -m 4096`;
/// without such a limit a runaway allocation may just succeed slowly (or kill the machine),
/// so `tests/fuzz_regressions.rs` installs [`CappedAlloc`] to fail the same inputs.
pub const MEMORY_CAP: usize = 2 << 30;

/// The system allocator, refusing any allocation that would take the bytes held past
/// [`MEMORY_CAP`]: the process then aborts with "memory allocation of N bytes failed".
pub struct CappedAlloc;

static HELD: AtomicUsize = AtomicUsize::new(0);

impl CappedAlloc {
    /// Reserves `size` bytes of the budget, or says there is no room.
    fn reserve(size: usize) -> bool {
        HELD.fetch_update(Relaxed, Relaxed, |held| {
            held.checked_add(size).filter(|&total| total <= MEMORY_CAP)
        })
        .is_ok()
    }

    fn release(size: usize) {
        HELD.fetch_sub(size, Relaxed);
    }
}

// SAFETY: every call is forwarded to `System` with the caller's own layout and pointer;
// the counter only decides whether to forward an allocation at all.
unsafe impl GlobalAlloc for CappedAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !Self::reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            Self::release(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !Self::reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            Self::release(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        Self::release(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let old = layout.size();
        if new > old && !Self::reserve(new - old) {
            return std::ptr::null_mut();
        }
        let p = unsafe { System.realloc(ptr, layout, new) };
        if p.is_null() {
            if new > old {
                Self::release(new - old);
            }
        } else if new < old {
            Self::release(old - new);
        }
        p
    }
}
