//! Small browser helpers: storage, downloads, timers, page address. Kept apart so the
//! components read as layout and state, not as web-sys plumbing.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Gives the browser a turn (paint, input, Cancel clicks) between chunks of work:
/// `scheduler.yield()` where the browser has it (the work then goes on ahead of other
/// queued tasks, and without the 4 ms a zero timeout waits once timeouts nest, which at a
/// million events added up to more than the work itself), else a zero timeout.
pub async fn yield_now() {
    if let Some(turn) = scheduler_yield() {
        if JsFuture::from(turn).await.is_ok() {
            return;
        }
    }
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// `scheduler.yield()`'s promise, None where the browser has no such function.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    if !scheduler.is_object() {
        return None;
    }
    let f = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
    let f: js_sys::Function = f.dyn_into().ok()?;
    f.call0(&scheduler).ok()?.dyn_into().ok()
}

/// A task may run this long before long work yields to the browser: well under the
/// 50 ms that makes a task "long", with room for the stretch of work that follows.
pub const SLICE_MS: f64 = 10.0;

/// The pause the core's long passes take (`crate::pause`): yields once the current task
/// has run [`SLICE_MS`], and remembers the longest stretch the page was held.
pub struct Slices {
    start: std::cell::Cell<f64>,
    longest: std::cell::Cell<f64>,
}

impl Slices {
    /// Slices counted from now.
    pub fn new() -> Slices {
        Slices {
            start: std::cell::Cell::new(now_ms()),
            longest: std::cell::Cell::new(0.0),
        }
    }

    /// Slices for work started by a change, in the task that made it (new data put on
    /// screen, the effects it wakes): for `big` work that task has likely used its slice
    /// already, so the first slice starts after a yield. Small work starts at once, so
    /// its result arrives in the same turn as the change.
    pub async fn after_change(big: bool) -> Slices {
        if big {
            yield_now().await;
        }
        Slices::new()
    }

    /// Yields when this task's slice is used up, else returns at once.
    pub fn pause(&self) -> impl std::future::Future<Output = ()> + '_ {
        let used = now_ms() - self.start.get();
        async move {
            if used >= SLICE_MS {
                self.longest.set(self.longest.get().max(used));
                yield_now().await;
                self.start.set(now_ms());
            }
        }
    }

    /// The longest the work ran without yielding, the current stretch included.
    pub fn longest_ms(&self) -> f64 {
        self.longest.get().max(now_ms() - self.start.get())
    }
}

/// Waits `ms` milliseconds (none when negative).
pub async fn sleep_ms(ms: i32) {
    gloo_timers::future::TimeoutFuture::new(ms.max(0) as u32).await;
}

/// Milliseconds since page start, for the app's own timing instrumentation.
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// localStorage, which may be unavailable (private mode, sandboxed iframe): then settings
/// simply are not remembered.
///
/// Not `gloo-storage` (0.4): its `LocalStorage::raw()` panics through `expect_throw` when
/// storage is unavailable, and its `get`/`set` store values as JSON, so the plain strings
/// already kept in users' browsers would no longer read back.
fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn store_get(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

pub fn store_set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn store_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every localStorage key, read before any is removed (removing shifts the indices).
pub fn store_keys() -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// A query parameter of the page address (`?feed=…`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.trim().is_empty())
}

/// Offers `bytes` as a file download without any server round trip.
pub fn download(filename: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    download_blob(filename, &blob);
}

pub fn download_blob(filename: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Clicks a temporary `<a download>` pointing at `url`.
pub fn download_url(filename: &str, url: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Sets `data-theme` on `<html>` so the CSS variables switch.
pub fn set_theme(dark: bool) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Sets `<html lang>`, which screen readers, hyphenation and translation tools go by.
pub fn set_document_lang(code: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// The browser's preferred languages, best first (`navigator.languages`, read by
/// reflection so no extra web-sys feature is needed); empty when unavailable.
pub fn preferred_languages() -> Vec<String> {
    let Some(w) = window() else {
        return Vec::new();
    };
    let langs = js_sys::Reflect::get(&w, &JsValue::from_str("navigator"))
        .and_then(|nav| js_sys::Reflect::get(&nav, &JsValue::from_str("languages")));
    match langs {
        Ok(v) if js_sys::Array::is_array(&v) => js_sys::Array::from(&v)
            .iter()
            .filter_map(|x| x.as_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether the user's system prefers a dark theme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Reads `[start, end)` of a file as bytes. The browser starts reading when this is
/// called, not when the future is first polled, so a caller can ask for the next slice
/// before it works on the current one ([`read_in_pieces`]).
pub fn read_slice(
    file: &web_sys::File,
    start: f64,
    end: f64,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let read = file
        .slice_with_f64_and_f64(start, end)
        .map(|blob| JsFuture::from(blob.array_buffer()));
    async move {
        let buf = read.map_err(js_message)?.await.map_err(js_message)?;
        Ok(js_sys::Uint8Array::new(&buf).to_vec())
    }
}

/// Bytes read from a file at a time: each read is a round trip through the browser.
pub const READ_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Reads `[from, to)` of `file` [`READ_BYTES`] at a time and hands it to `each` `piece`
/// bytes at a time, with the bytes of the range read so far, yielding once the task has run
/// [`SLICE_MS`]: the one loop behind both ways a CSV file is read on the page (alone, or
/// beside workers; each has its own piece size). `each` stops the reading with an error; a
/// failed read becomes one through `read_failed` (the browser's own words).
pub async fn read_in_pieces<E>(
    file: &web_sys::File,
    (from, to): (f64, f64),
    piece: usize,
    mut each: impl FnMut(&[u8], f64) -> Result<(), E>,
    read_failed: impl Fn(String) -> E,
) -> Result<(), E> {
    let slices = Slices::new();
    // The next read is asked for before the current one is parsed, so the browser reads
    // while the page parses: waiting for each read in turn left the page idle 190 ms of a
    // 1 M load read alone (Chromium's profiler, 2026-12-02).
    let ask = |at: f64| {
        (at < to).then(|| {
            let end = (at + READ_BYTES).min(to);
            (at, end, read_slice(file, at, end))
        })
    };
    let mut next = ask(from);
    while let Some((at, end, read)) = next.take() {
        let chunk = read.await.map_err(&read_failed)?;
        next = ask(end);
        // Copying the slice into the module's memory is a task's worth of its own.
        yield_now().await;
        slices.start.set(now_ms());
        let mut read = at - from;
        for bytes in chunk.chunks(piece.max(1)) {
            read += bytes.len() as f64;
            each(bytes, read)?;
            slices.pause().await;
        }
    }
    Ok(())
}

/// The device pixel ratio, for crisp canvases on HiDPI screens.
pub fn device_pixel_ratio() -> f64 {
    window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0)
}

/// Size of wasm linear memory in bytes (for the benchmark's peak-memory figure).
pub fn wasm_memory_bytes() -> f64 {
    let mem = wasm_bindgen::memory();
    js_sys::Reflect::get(&mem, &JsValue::from_str("buffer"))
        .ok()
        .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|b| b.byte_length() as f64)
        .unwrap_or(0.0)
}

pub fn js_message(v: JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    v.as_string()
        .unwrap_or_else(|| "unknown browser error".to_string())
}

/// Sets `window[name] = {key: number, …}`.
pub fn publish_numbers(name: &str, values: &[(&str, f64)]) {
    let Some(w) = window() else { return };
    let obj = js_sys::Object::new();
    for (k, v) in values {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_f64(*v));
    }
    let _ = js_sys::Reflect::set(&w, &JsValue::from_str(name), &obj);
}
