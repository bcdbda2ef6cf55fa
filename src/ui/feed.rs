//! Fetching a JSON feed named by the user or by a link: only `http:`/`https:` addresses
//! (relative ones resolved against the page), a timeout that aborts the request, and a
//! size limit checked on the declared length and again on the bytes as they arrive.

use super::dom::{self, js_message};
use crate::format;
use crate::i18n::{tr, trc, trf, Arg, Lang};
use crate::storage_policy::{
    classify_feed_address, declared_too_large, feed_limit_bytes, feed_timeout_ms, FeedAddress,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The absolute `http(s)` address `raw` names, or the reason it cannot be fetched.
pub fn resolve(lang: Lang, raw: &str) -> Result<String, String> {
    let refused = |scheme: &str| trf(lang, "feed.reason.scheme", &[("scheme", scheme)]);
    let invalid = || tr(lang, "feed.reason.invalid");
    if let FeedAddress::Refused { scheme } = classify_feed_address(raw) {
        return Err(refused(&scheme));
    }
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let href = web_sys::Url::new_with_base(raw.trim(), &base)
        .map_err(|_| invalid())?
        .href();
    // Checked again after resolution: the page itself could be on another scheme.
    match classify_feed_address(&href) {
        FeedAddress::Web => Ok(href),
        FeedAddress::Refused { scheme } => Err(refused(&scheme)),
        FeedAddress::Relative => Err(invalid()),
    }
}

/// The feed given by the page address (`?feed=`), resolved, if any.
pub fn link_feed(lang: Lang) -> Option<String> {
    dom::query_param("feed").and_then(|raw| resolve(lang, &raw).ok())
}

enum Failure {
    Unreachable,
    Http(String),
    TooLarge,
    Read(String),
}

/// GETs the already resolved `url`; the error is a sentence fragment a marketer can act on.
/// The page parameters `feed-timeout` (seconds) and `feed-max-mb` can only lower the
/// defaults, which lets the browser tests exercise both without waiting or sending 900 MB.
pub async fn fetch(lang: Lang, url: &str) -> Result<Vec<u8>, String> {
    let timeout_ms = feed_timeout_ms(dom::query_param("feed-timeout").as_deref());
    let limit = feed_limit_bytes(dom::query_param("feed-max-mb").as_deref());
    let controller = web_sys::AbortController::new().map_err(js_message)?;
    // Aborts the request when the time is up; dropping it cancels the timer. gloo's
    // `Timeout` keeps the timer's handle as the page gave it: one cut to an `i32` (as web_sys
    // returns it) cancels nothing where timers hand out larger handles, and the dropped
    // callback would still be called ("closure invoked after being dropped").
    let on_timeout = controller.clone();
    let timer = gloo_timers::callback::Timeout::new(timeout_ms, move || on_timeout.abort());
    let result = fetch_within(url, &controller, limit).await;
    drop(timer);
    result.map_err(|failure| match failure {
        Failure::TooLarge => trf(
            lang,
            "feed.reason.too_large",
            &[("mb", &format::int(lang, (limit / (1024 * 1024)) as i64))],
        ),
        _ if controller.signal().aborted() => trc(
            lang,
            "feed.reason.timeout",
            &[("seconds", Arg::Count(i64::from(timeout_ms / 1000)))],
        ),
        Failure::Unreachable => tr(lang, "feed.reason.unreachable"),
        Failure::Http(status) => trf(lang, "feed.reason.http", &[("status", &status)]),
        Failure::Read(detail) => trf(lang, "feed.reason.read", &[("detail", &detail)]),
    })
}

async fn fetch_within(
    url: &str,
    controller: &web_sys::AbortController,
    limit: u64,
) -> Result<Vec<u8>, Failure> {
    let signal = controller.signal();
    let resp = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| Failure::Unreachable)?;
    if !resp.ok() {
        let status = format!("{} {}", resp.status(), resp.status_text());
        return Err(Failure::Http(status.trim().to_string()));
    }
    let declared = resp.headers().get("content-length");
    if declared_too_large(declared.as_deref(), limit) {
        controller.abort();
        return Err(Failure::TooLarge);
    }
    let Some(body) = resp.body() else {
        return Ok(Vec::new());
    };
    let capacity = declared
        .and_then(|d| d.trim().parse::<u64>().ok())
        .unwrap_or(0)
        .min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|e| Failure::Read(js_message(e)))?;
        let done = js_sys::Reflect::get(&step, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let Ok(chunk) = js_sys::Reflect::get(&step, &JsValue::from_str("value"))
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>())
        else {
            return Err(Failure::Read("not bytes".to_string()));
        };
        let len = chunk.length() as usize;
        if (bytes.len() + len) as u64 > limit {
            controller.abort();
            return Err(Failure::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}
