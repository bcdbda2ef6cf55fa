//! Brings the last dataset back after a page reload.
//!
//! The user's own file (the `File` object itself, which IndexedDB stores by structured
//! clone without reading it into memory) or pasted text is kept in IndexedDB together with
//! the mapping it was loaded with; feeds are remembered by URL in localStorage and fetched
//! again. Everything stays in this browser: nothing is uploaded anywhere.

use super::dom::js_message;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const DB: &str = "journey-lens";
const STORE: &str = "last";
const KEY: &str = "dataset";
/// Files above this are not kept (IndexedDB quotas vary by browser).
pub const MAX_KEPT_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

/// What was stored: the input plus the load choices as JSON.
pub enum Saved {
    File(web_sys::File, String),
    Text(String, String),
}

/// Waits for an IndexedDB request to finish.
async fn done(req: &web_sys::IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = req.clone();
        let on_ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_err = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB request failed"),
            );
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(js_message)
}

async fn open() -> Result<web_sys::IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(js_message)?
        .ok_or("IndexedDB is not available")?;
    let req = factory.open_with_u32(DB, 1).map_err(js_message)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = done(&req).await?;
    db.dyn_into()
        .map_err(|_| "IndexedDB did not open".to_string())
}

fn store(
    db: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(js_message)
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Keeps `saved` as the dataset to restore; failures only mean nothing is restored.
pub async fn save(saved: Saved) -> Result<(), String> {
    let obj = js_sys::Object::new();
    match &saved {
        Saved::File(file, choices) => {
            if file.size() > MAX_KEPT_BYTES {
                return clear().await;
            }
            set(&obj, "kind", &"file".into());
            set(&obj, "file", file);
            set(&obj, "choices", &JsValue::from_str(choices));
        }
        Saved::Text(text, choices) => {
            set(&obj, "kind", &"text".into());
            set(&obj, "text", &JsValue::from_str(text));
            set(&obj, "choices", &JsValue::from_str(choices));
        }
    }
    let db = open().await?;
    let req = store(&db, web_sys::IdbTransactionMode::Readwrite).and_then(|s| {
        s.put_with_key(&obj, &JsValue::from_str(KEY))
            .map_err(js_message)
    });
    finish(db, req).await
}

/// Waits for `req`, then closes the connection: an open connection would hold up
/// "Forget my data" (deleting the database waits for every connection to close).
async fn finish(
    db: web_sys::IdbDatabase,
    req: Result<web_sys::IdbRequest, String>,
) -> Result<(), String> {
    let result = match req {
        Ok(req) => done(&req).await.map(|_| ()),
        Err(e) => Err(e),
    };
    db.close();
    result
}

/// Forgets the stored dataset (a sample or a feed is loaded instead).
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let req = store(&db, web_sys::IdbTransactionMode::Readwrite)
        .and_then(|s| s.delete(&JsValue::from_str(KEY)).map_err(js_message));
    finish(db, req).await
}

/// Deletes the whole database ("Forget my data").
pub async fn delete_database() -> Result<(), String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(js_message)?
        .ok_or("IndexedDB is not available")?;
    let req = factory.delete_database(DB).map_err(js_message)?;
    done(&req).await.map(|_| ())
}

/// The dataset kept by the last session, if any.
pub async fn load() -> Option<Saved> {
    let db = open().await.ok()?;
    let req = store(&db, web_sys::IdbTransactionMode::Readonly)
        .and_then(|s| s.get(&JsValue::from_str(KEY)).map_err(js_message));
    let value = match req {
        Ok(req) => done(&req).await.ok(),
        Err(_) => None,
    };
    db.close();
    let value = value?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    let choices = get(&value, "choices").as_string().unwrap_or_default();
    match get(&value, "kind").as_string()?.as_str() {
        "file" => get(&value, "file")
            .dyn_into::<web_sys::File>()
            .ok()
            .map(|f| Saved::File(f, choices)),
        "text" => get(&value, "text")
            .as_string()
            .map(|t| Saved::Text(t, choices)),
        _ => None,
    }
}

const ADDED_KEY: &str = "added";

fn saved_object(saved: &Saved) -> Option<js_sys::Object> {
    let obj = js_sys::Object::new();
    match saved {
        Saved::File(file, choices) => {
            if file.size() > MAX_KEPT_BYTES {
                return None;
            }
            set(&obj, "kind", &"file".into());
            set(&obj, "file", file);
            set(&obj, "choices", &JsValue::from_str(choices));
        }
        Saved::Text(text, choices) => {
            set(&obj, "kind", &"text".into());
            set(&obj, "text", &JsValue::from_str(text));
            set(&obj, "choices", &JsValue::from_str(choices));
        }
    }
    Some(obj)
}

fn saved_from(value: &JsValue) -> Option<Saved> {
    let choices = get(value, "choices").as_string().unwrap_or_default();
    match get(value, "kind").as_string()?.as_str() {
        "file" => get(value, "file")
            .dyn_into::<web_sys::File>()
            .ok()
            .map(|f| Saved::File(f, choices)),
        "text" => get(value, "text")
            .as_string()
            .map(|t| Saved::Text(t, choices)),
        _ => None,
    }
}

/// Keeps the files added to the first one, in order (an empty list forgets them).
pub async fn save_added(list: Vec<Saved>) -> Result<(), String> {
    let arr = js_sys::Array::new();
    for s in &list {
        if let Some(obj) = saved_object(s) {
            arr.push(&obj);
        }
    }
    let db = open().await?;
    let req = store(&db, web_sys::IdbTransactionMode::Readwrite).and_then(|s| {
        s.put_with_key(&arr, &JsValue::from_str(ADDED_KEY))
            .map_err(js_message)
    });
    finish(db, req).await
}

/// The files the last session had added to its first one.
pub async fn load_added() -> Vec<Saved> {
    let Ok(db) = open().await else {
        return Vec::new();
    };
    let req = store(&db, web_sys::IdbTransactionMode::Readonly)
        .and_then(|s| s.get(&JsValue::from_str(ADDED_KEY)).map_err(js_message));
    let value = match req {
        Ok(req) => done(&req).await.ok(),
        Err(_) => None,
    };
    db.close();
    match value.and_then(|v| v.dyn_into::<js_sys::Array>().ok()) {
        Some(arr) => arr.iter().filter_map(|v| saved_from(&v)).collect(),
        None => Vec::new(),
    }
}
