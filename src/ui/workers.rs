//! Parsing a big CSV file on every core: the file is cut into byte ranges at line feeds;
//! the page reads the first range itself, in short tasks, while each other range goes to a
//! Web Worker (`src/bin/parse-worker.rs`) that reads it with `Blob.slice` and hands back
//! columnar chunks, and the chunks are appended to the page's part here. The page stays
//! responsive, and Cancel stops the workers at once.
//!
//! Where workers cannot start (no Worker support, a policy that forbids them, the worker
//! script missing) the caller reads the file the single-thread way, as before.

use super::dom;
use crate::i18n::{tr, trf, Lang};
use crate::ingest::csv::{CsvOptions, CsvPart, PartReader};
use crate::ingest::parallel::{boundary_in, nominal_cuts, CUT_WINDOW, MIN_PART_BYTES, WARM_NAME};
use crate::ingest::Loaded;
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// Trunk writes the worker's loader under this fixed name (workers are not hashed).
const WORKER_URL: &str = "./parse-worker_loader.js";
/// At most this many workers, however many cores (the page reads one more part).
const MAX_WORKERS: usize = crate::ingest::parallel::MAX_PARTS - 1;
/// A worker that has not said it is ready by then is taken as unavailable.
const READY_TIMEOUT_MS: f64 = 15_000.0;

/// Into how many parts to cut a file of `total` bytes (the page reads the first, a worker
/// each other one), `None` to read it all on the page. `?workers=N` in the address forces
/// N workers (0 = none), for comparisons and tests.
pub fn wanted(total: f64) -> Option<usize> {
    if let Some(v) = dom::query_param("workers") {
        return v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .map(|n| n.min(MAX_WORKERS) + 1);
    }
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0) as usize;
    crate::ingest::parallel::workers_for(total, cores)
}

/// What became of a load in workers.
pub enum Outcome {
    /// Every part came back: the merged result (`Ok(None)` when a cut fell inside a
    /// record, and the file must be read in one pass).
    Merged(Result<Option<Box<Loaded>>, crate::ingest::IngestError>),
    /// Workers could not start here: read the file on the page instead.
    Unavailable,
    /// A worker failed while reading.
    Failed(Failure),
    Cancelled,
}

/// Why reading in workers failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The browser stopped a worker or could not read the file: its own words.
    Worker(String),
    /// A worker refused its job (`no_file`, `no_range`, `options`, `sniff`).
    Job(&'static str),
    /// A worker answered with something that is not a part of the file.
    Unreadable,
    /// A part never came back.
    PartMissing,
}

/// The job errors a worker names (`src/bin/parse-worker.rs`).
const JOB_ERRORS: [&str; 4] = ["no_file", "no_range", "options", "sniff"];

impl Failure {
    /// A worker's `{error: kind, detail}`.
    fn from_worker(kind: &str, detail: String) -> Failure {
        match JOB_ERRORS.iter().find(|k| **k == kind) {
            Some(k) => Failure::Job(k),
            None if kind == "read" => Failure::Worker(detail),
            None => Failure::Unreadable,
        }
    }

    /// The reason, in `lang`, for the `workers.failed` sentence.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Failure::Worker(why) => trf(lang, "workers.reason.read", &[("detail", why)]),
            Failure::Job(kind) => tr(lang, &format!("workers.reason.{kind}")),
            Failure::Unreadable => tr(lang, "workers.reason.unreadable"),
            Failure::PartMissing => tr(lang, "workers.reason.part_missing"),
        }
    }
}

/// Progress of the whole load, for the progress bar.
#[derive(Debug, Clone, Copy, Default)]
pub struct Done {
    pub bytes: f64,
    pub rows: usize,
}

#[derive(Default)]
struct Slot {
    ready: bool,
    /// The job, until the worker is ready to take it.
    job: Option<JsValue>,
    bytes: f64,
    rows: usize,
    /// The part as the worker sent it, still in JavaScript memory: copied into the
    /// module's memory only when merged, a few megabytes per task ([`copy_in`]).
    result: Option<Result<Uint8Array, Failure>>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Slot>,
    /// A worker failed before it was ready (its script or wasm did not load).
    unavailable: bool,
    /// The page waiting for the workers ([`next_message`]), woken by their next message.
    waiting: Option<Waker>,
}

impl Pool {
    fn wake(&mut self) {
        if let Some(w) = self.waiting.take() {
            w.wake();
        }
    }
}

/// How many bytes more than a worker the page parses: it starts at once, while a worker
/// first compiles its module. In a Chromium trace of a 1 M load (93.6 MB, 2 cores,
/// 2026-12-02) with equal parts, the worker began parsing about 200 ms after the page, and
/// the page, done first, waited for it about as long; the page parses about 40 MB a second
/// there.
const PAGE_LEAD_BYTES: usize = 8 << 20;

/// The byte ranges to hand out: nominal cuts moved just after the next line feed, read
/// from the file in small windows (the same rule as `ingest::parallel::ranges`).
pub async fn ranges(
    file: &web_sys::File,
    total: f64,
    parts: usize,
    lead: usize,
) -> Vec<(f64, f64)> {
    let mut starts = vec![0.0];
    for cut in nominal_cuts(total as usize, parts, MIN_PART_BYTES, lead) {
        let cut = cut as f64;
        let end = (cut + CUT_WINDOW as f64).min(total);
        let Ok(window) = dom::read_slice(file, cut, end).await else {
            continue;
        };
        if let Some(b) = boundary_in(&window) {
            let at = cut + b as f64;
            if starts.last().is_some_and(|&s| at > s) && at < total {
                starts.push(at);
            }
        }
    }
    let ends: Vec<f64> = starts.iter().skip(1).copied().chain([total]).collect();
    starts.into_iter().zip(ends).collect()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), v);
}

/// The job message for part `i` of `n`.
fn job(
    file: &web_sys::File,
    range: (f64, f64),
    i: usize,
    n: usize,
    head: &[u8],
    complete: bool,
    options: &str,
) -> JsValue {
    let o = Object::new();
    set(&o, "file", file);
    set(&o, "start", &JsValue::from_f64(range.0));
    set(&o, "end", &JsValue::from_f64(range.1));
    set(&o, "head", &Uint8Array::from(head).into());
    set(&o, "complete", &JsValue::from_bool(complete));
    set(&o, "first", &JsValue::from_bool(i == 0));
    set(&o, "last", &JsValue::from_bool(i + 1 == n));
    set(&o, "options", &JsValue::from_str(options));
    o.into()
}

type OnMessage = Closure<dyn FnMut(MessageEvent)>;
type OnError = Closure<dyn FnMut(ErrorEvent)>;

/// Workers started, with their pool; their handlers live as long as this. Dropping it
/// stops the workers.
pub struct Workers {
    pool: Rc<RefCell<Pool>>,
    started: Vec<(Worker, OnMessage, OnError)>,
}

impl Drop for Workers {
    fn drop(&mut self) {
        for (w, _, _) in &self.started {
            w.terminate();
        }
    }
}

impl Workers {
    /// How many workers were started.
    pub fn count(&self) -> usize {
        self.started.len()
    }

    /// Whether every worker has started and is free for a job.
    pub fn ready(&self) -> bool {
        let p = self.pool.borrow();
        !p.unavailable && p.slots.iter().all(|s| s.ready && s.job.is_none())
    }

    /// Hands job `i` to worker `i`, now if it is ready, else as soon as it says so.
    fn assign(&self, i: usize, job: JsValue) {
        let mut pool = self.pool.borrow_mut();
        let Some(slot) = pool.slots.get_mut(i) else {
            return;
        };
        if slot.ready {
            post(&self.started[i].0, slot, &job);
        } else {
            slot.job = Some(job);
        }
    }
}

/// Sends `job` to `worker`; a refusal is the slot's result.
fn post(worker: &Worker, slot: &mut Slot, job: &JsValue) {
    if let Err(e) = worker.post_message(job) {
        slot.result = Some(Err(Failure::Worker(dom::js_message(e))));
    }
}

/// Starts `n` workers, named `warm` when `warm` (see `parse-worker.rs`); `None` when the
/// browser refuses to start one.
fn spawn(n: usize, warm: bool) -> Option<Workers> {
    let pool = Rc::new(RefCell::new(Pool {
        slots: (0..n).map(|_| Slot::default()).collect(),
        ..Pool::default()
    }));
    let mut workers = Workers {
        pool,
        started: Vec::new(),
    };
    for i in 0..n {
        let options = web_sys::WorkerOptions::new();
        if warm {
            options.set_name(WARM_NAME);
        }
        let worker = Worker::new_with_options(WORKER_URL, &options).ok()?;
        let (on_message, on_error) = handlers(&workers.pool, i, &worker);
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        workers.started.push((worker, on_message, on_error));
    }
    Some(workers)
}

/// Worker `i`'s message and error handlers: they fill its slot and wake the page.
fn handlers(pool: &Rc<RefCell<Pool>>, i: usize, worker: &Worker) -> (OnMessage, OnError) {
    let (p, w) = (pool.clone(), worker.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let mut pool = p.borrow_mut();
        let Some(slot) = pool.slots.get_mut(i) else {
            return;
        };
        if get(&data, "ready").is_truthy() {
            slot.ready = true;
            if let Some(job) = slot.job.take() {
                post(&w, slot, &job);
            }
        } else if let Some(bytes) = get(&data, "progress").as_f64() {
            slot.bytes = bytes;
            slot.rows = get(&data, "rows").as_f64().unwrap_or(0.0) as usize;
        } else if let Some(kind) = get(&data, "error").as_string() {
            let detail = get(&data, "detail").as_string().unwrap_or_default();
            slot.result = Some(Err(Failure::from_worker(&kind, detail)));
        } else {
            let done = get(&data, "done");
            slot.result = Some(match done.dyn_into::<Uint8Array>() {
                Ok(a) => Ok(a),
                Err(_) => Err(Failure::Unreadable),
            });
        }
        pool.wake();
    });
    let p = pool.clone();
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        let mut pool = p.borrow_mut();
        let ready = pool.slots.get(i).is_some_and(|s| s.ready);
        if !ready {
            pool.unavailable = true;
        } else if let Some(slot) = pool.slots.get_mut(i) {
            slot.result = Some(Err(Failure::Worker(e.message())));
        }
        pool.wake();
    });
    (on_message, on_error)
}

/// Workers started before a file is chosen (when the user opens the file dialog or drags
/// a file over the drop zone), so the file's parts need not wait for them: a worker takes
/// about 200 ms to start, and parses about 10 % slower until the browser has optimised its
/// code, which a standby worker does on generated data
/// ([`crate::ingest::parallel::warm_up`]) while the user finds the file. As many as a big
/// file would use here; `None` where the page reads files alone (one core, `?workers=0`)
/// or workers cannot start.
pub fn standby() -> Option<Workers> {
    let parts = wanted(f64::MAX)?;
    spawn(parts - 1, true)
}

/// Parses `ranges` of `file`, the first on the page and each other one in a worker, and
/// merges the parts. The page reads its part while the workers read theirs, so on two
/// cores both are busy: one worker alone left the page idle and took longer than the page
/// alone (`bench/run.mjs`). The `standby` workers take the parts when they are as many;
/// otherwise fresh ones start (about 200 ms, each compiles its module), and the standby
/// ones stop. `progress` is called as they read; `cancelled` is polled and stops every
/// worker when it says so.
pub async fn load(
    page: Page<'_>,
    ranges: &[(f64, f64)],
    standby: Option<Workers>,
    progress: impl Fn(Done),
    cancelled: impl Fn() -> bool,
) -> Outcome {
    let Page {
        file,
        head,
        complete,
        options,
    } = page;
    let Ok(options_json) = serde_json::to_string(options) else {
        return Outcome::Unavailable;
    };
    let Some((&on_page, in_workers)) = ranges.split_first() else {
        return Outcome::Unavailable;
    };
    let n = ranges.len();
    let fits = |w: &Workers| w.count() == in_workers.len() && !w.pool.borrow().unavailable;
    let workers = match standby.filter(fits) {
        Some(w) => w,
        None => match spawn(in_workers.len(), false) {
            Some(w) => w,
            None => return Outcome::Unavailable,
        },
    };
    for (k, &r) in in_workers.iter().enumerate() {
        workers.assign(k, job(file, r, k + 1, n, head, complete, &options_json));
    }
    let pool = &workers.pool;
    let first = page
        .read(on_page, n == 1, pool, &progress, &cancelled)
        .await;
    let waited = match &first {
        Ok((_, done)) => wait_for_parts(pool, *done, progress, cancelled).await,
        Err(_) => None,
    };
    let slots = std::mem::take(&mut pool.borrow_mut().slots);
    drop(workers);
    let first = match first {
        Ok((part, _)) => part,
        Err(outcome) => return outcome,
    };
    if let Some(outcome) = waited {
        return outcome;
    }
    merge_parts(first, slots, &page).await
}

/// How many bytes more than a worker the page parses ([`ranges`]): none when the workers
/// are ready and warm, else [`PAGE_LEAD_BYTES`].
pub fn lead(standby: Option<&Workers>) -> usize {
    if standby.is_some_and(Workers::ready) {
        0
    } else {
        PAGE_LEAD_BYTES
    }
}

/// Bytes the page parses between two looks at the clock beside workers. They share the
/// cores with the page, and a fixed 1 MiB stretch (25 ms alone) took up to 73 ms on
/// 2 cores; a quarter of it, with a yield once the task has run [`dom::SLICE_MS`], keeps
/// each task short however busy the machine is.
const PAGE_PIECE: usize = 256 << 10;

/// The file to read and how; the page reads its first part.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    pub file: &'a web_sys::File,
    /// The file's first 64 KiB (all of it when `complete`), sniffed by every part.
    pub head: &'a [u8],
    pub complete: bool,
    pub options: &'a CsvOptions,
}

impl Page<'_> {
    /// Reads `range` (the file's first part) with [`dom::read_in_pieces`]. After each
    /// piece it reports the progress of all parts and stops at Cancel or at a worker's
    /// failure.
    async fn read(
        &self,
        range: (f64, f64),
        last: bool,
        pool: &RefCell<Pool>,
        progress: &impl Fn(Done),
        cancelled: &impl Fn() -> bool,
    ) -> Result<(CsvPart, Done), Outcome> {
        let mut reader = PartReader::new(self.head, self.complete, true, self.options)
            .map_err(|e| Outcome::Merged(Err(e)))?;
        // The workers' parts are appended to this one: room for the whole file at once
        // instead of growing every column by copying during the merge (15 ms of a 1 M
        // merge in Chromium's profiler, 2026-12-02).
        reader.expect_bytes(self.head, self.file.size() as u64);
        let each = |piece: &[u8], bytes: f64| {
            reader.push(piece);
            let done = Done {
                bytes,
                rows: reader.records(),
            };
            check(&pool.borrow(), done, progress, cancelled).map_or(Ok(()), Err)
        };
        let failed = |e| Outcome::Failed(Failure::Worker(e));
        dom::read_in_pieces(self.file, range, PAGE_PIECE, each, failed).await?;
        let done = Done {
            bytes: range.1 - range.0,
            rows: reader.records(),
        };
        Ok((reader.finish(last), done))
    }
}

/// Waits until every part is parsed (`None`), or says why the load ends without them.
/// `page` is what the page read itself, for the progress bar.
async fn wait_for_parts(
    pool: &RefCell<Pool>,
    page: Done,
    progress: impl Fn(Done),
    cancelled: impl Fn() -> bool,
) -> Option<Outcome> {
    let t0 = dom::now_ms();
    loop {
        if let Some(end) = polled(&pool.borrow(), page, &progress, &cancelled, t0) {
            return end;
        }
        next_message(pool, LOOK_AGAIN_MS).await;
    }
}

/// How long the page waits for a worker's message before it looks at Cancel and the
/// start-up timeout again.
const LOOK_AGAIN_MS: u32 = 100;

/// Returns at the workers' next message, or after `ms` without one. (Polling every 20 ms
/// instead left a part that had come back unmerged for 10 ms on average.)
async fn next_message(pool: &RefCell<Pool>, ms: u32) {
    let mut timer = std::pin::pin!(gloo_timers::future::TimeoutFuture::new(ms));
    let mut armed = false;
    std::future::poll_fn(|cx| {
        // A message takes the waker: none left means one came.
        let woken = armed && pool.borrow().waiting.is_none();
        if woken || timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(());
        }
        pool.borrow_mut().waiting = Some(cx.waker().clone());
        armed = true;
        Poll::Pending
    })
    .await;
    pool.borrow_mut().waiting = None;
}

/// One look at the workers: `Some(None)` when every part is in, `Some(outcome)` when the
/// load ends without them, `None` to keep waiting.
fn polled(
    p: &Pool,
    page: Done,
    progress: &impl Fn(Done),
    cancelled: &impl Fn() -> bool,
    t0: f64,
) -> Option<Option<Outcome>> {
    if let Some(outcome) = check(p, page, progress, cancelled) {
        return Some(Some(outcome));
    }
    if !p.slots.iter().all(|s| s.ready) && dom::now_ms() - t0 > READY_TIMEOUT_MS {
        return Some(Some(Outcome::Unavailable));
    }
    p.slots.iter().all(|s| s.result.is_some()).then_some(None)
}

/// Reports the progress of every part (`page` plus the workers') and says why the load
/// must end now, if it must: cancelled, workers that could not start, or a part that
/// failed. (Workers that could not start leave the whole file to be read on the page.)
fn check(
    pool: &Pool,
    page: Done,
    progress: &impl Fn(Done),
    cancelled: &impl Fn() -> bool,
) -> Option<Outcome> {
    if cancelled() {
        return Some(Outcome::Cancelled);
    }
    if pool.unavailable {
        return Some(Outcome::Unavailable);
    }
    if let Some(Err(why)) = pool
        .slots
        .iter()
        .find_map(|s| s.result.as_ref().filter(|r| r.is_err()))
    {
        return Some(Outcome::Failed(why.clone()));
    }
    progress(Done {
        bytes: page.bytes + pool.slots.iter().map(|s| s.bytes).sum::<f64>(),
        rows: page.rows + pool.slots.iter().map(|s| s.rows).sum::<usize>(),
    });
    None
}

/// Decodes the workers' parts and appends them to the page's `first`, in file order,
/// yielding to the browser every [`dom::SLICE_MS`]: at a million events the merge takes
/// over 100 ms, most of it interning the customers of one part into the other's dictionary.
async fn merge_parts(first: CsvPart, slots: Vec<Slot>, page: &Page<'_>) -> Outcome {
    let (head, complete, options) = (page.head, page.complete, page.options);
    let slices = dom::Slices::new();
    let mut pause = || slices.pause();
    let mut merged = first;
    for slot in slots {
        let bytes = match slot.result {
            Some(Ok(b)) => b,
            _ => return Outcome::Failed(Failure::PartMissing),
        };
        let bytes = copy_in(&bytes, &mut pause).await;
        let part =
            match CsvPart::from_bytes_paused(head, complete, options, &bytes, &mut pause).await {
                Ok(p) => p,
                Err(e) => return Outcome::Merged(Err(e)),
            };
        drop(bytes);
        merged.append_paused(part, &mut pause).await;
        pause().await;
    }
    Outcome::Merged(merged.finish().map(|l| l.map(Box::new)))
}

/// Bytes copied into the module's memory between two pauses: at a million events a part is
/// tens of megabytes, and copying it in one go held the page for over 40 ms.
const COPY_STRETCH: usize = 4 << 20;

/// A part's bytes in the module's memory, copied [`COPY_STRETCH`] bytes at a time.
async fn copy_in<F: Future<Output = ()>>(a: &Uint8Array, pause: &mut impl FnMut() -> F) -> Vec<u8> {
    let n = a.length() as usize;
    // Grown a stretch at a time: the first touch of fresh memory is what costs (zeroing
    // the whole part at once took 60 ms at a million events).
    let mut v = Vec::with_capacity(n);
    for from in (0..n).step_by(COPY_STRETCH) {
        let to = n.min(from + COPY_STRETCH);
        v.resize(to, 0);
        a.subarray(from as u32, to as u32).copy_to(&mut v[from..to]);
        pause().await;
    }
    v
}
