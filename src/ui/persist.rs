//! Brings the last dataset back after a page reload.
//!
//! The user's own file (the `File` object itself, which IndexedDB stores by structured
//! clone without reading it into memory) or pasted text is kept in IndexedDB together with
//! the mapping it was loaded with; feeds are remembered by URL in localStorage and fetched
//! again. Everything stays in this browser: nothing is uploaded anywhere.
//!
//! Hand-written rather than built on the `idb`/`rexie` crates: their request futures hand
//! their callbacks to the JS garbage collector with `Closure::forget` when dropped, which
//! is the leak this wrapper exists to avoid, and they bring tokio's channels along. Here a
//! request is awaited through a Promise whose own resolve/reject functions are the
//! request's handlers, so no Rust closure is made per request at all.

use super::dom::js_message;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DB: &str = "journey-lens";
const STORE: &str = "last";
const KEY: &str = "dataset";
const ADDED_KEY: &str = "added";
/// Files above this are not kept (IndexedDB quotas vary by browser).
pub const MAX_KEPT_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

/// What was stored: the input plus the load choices as JSON.
pub enum Saved {
    File(web_sys::File, String),
    Text(String, String),
}

/// The page's one open connection, opened on first use and kept: every save, load and
/// clear goes through it instead of opening the database again.
struct Connection {
    db: IdbDatabase,
    /// The connection's `versionchange` handler, owned here so it lives exactly as long as
    /// the connection (and is unset before it is freed, see `Drop`).
    _on_version_change: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

fn factory() -> Result<web_sys::IdbFactory, String> {
    web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(js_message)?
        .ok_or_else(|| "IndexedDB is not available".to_string())
}

/// Waits for an IndexedDB request to finish. The Promise's resolve and reject functions
/// are set as the request's handlers directly, and `JsFuture` drops its own callbacks once
/// the Promise settles: nothing outlives the request.
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let settled = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(settled).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    match outcome {
        Ok(_) => req.result().map_err(js_message),
        Err(_) => Err(match req.error() {
            Ok(Some(e)) => format!("IndexedDB request failed: {}", e.message()),
            _ => "IndexedDB request failed".to_string(),
        }),
    }
}

/// Unsets the `upgradeneeded` handler when the opening ends, even when its future is
/// dropped half way, so the browser never calls a freed closure.
struct UpgradeHandler<'a>(&'a web_sys::IdbOpenDbRequest);

impl Drop for UpgradeHandler<'_> {
    fn drop(&mut self) {
        self.0.set_onupgradeneeded(None);
    }
}

/// Opens the database (creating its store on first use).
async fn open() -> Result<Connection, String> {
    let req = factory()?.open_with_u32(DB, 1).map_err(js_message)?;
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = {
        let _unset = UpgradeHandler(&req);
        done(&req).await
    };
    drop(upgrade);
    let db: IdbDatabase = opened?
        .dyn_into()
        .map_err(|_| "IndexedDB did not open".to_string())?;
    // Another page deleting the database ("Forget my data" in a second tab) or upgrading
    // it waits until every connection closes: give this one up, the next request opens
    // a new one.
    let on_version_change = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        if let Some(db) = e.target().and_then(|t| t.dyn_into::<IdbDatabase>().ok()) {
            db.close();
        }
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    Ok(Connection {
        db,
        _on_version_change: on_version_change,
    })
}

/// The kept connection, opened if there is none yet.
async fn connection() -> Result<IdbDatabase, String> {
    if let Some(db) = CONNECTION.with(|c| c.borrow().as_ref().map(|c| c.db.clone())) {
        return Ok(db);
    }
    let opened = open().await?;
    // Two requests may have opened one each meanwhile: the first kept wins, the other
    // closes as it drops (an open connection would hold up deleting the database).
    Ok(CONNECTION.with(|c| c.borrow_mut().get_or_insert(opened).db.clone()))
}

/// The store, in a new transaction of `mode` on the kept connection. A connection closed
/// since it was kept (given up for another page, or closed by the browser when site data
/// is cleared) cannot start transactions: it is replaced once.
async fn object_store(mode: IdbTransactionMode) -> Result<IdbObjectStore, String> {
    let in_transaction = |db: &IdbDatabase| {
        db.transaction_with_str_and_mode(STORE, mode)
            .and_then(|t| t.object_store(STORE))
            .map_err(js_message)
    };
    if let Ok(store) = in_transaction(&connection().await?) {
        return Ok(store);
    }
    drop(CONNECTION.with(|c| c.borrow_mut().take()));
    in_transaction(&connection().await?)
}

async fn put(key: &str, value: &JsValue) -> Result<(), String> {
    let store = object_store(IdbTransactionMode::Readwrite).await?;
    let req = store
        .put_with_key(value, &JsValue::from_str(key))
        .map_err(js_message)?;
    done(&req).await.map(|_| ())
}

async fn read(key: &str) -> Result<JsValue, String> {
    let store = object_store(IdbTransactionMode::Readonly).await?;
    let req = store.get(&JsValue::from_str(key)).map_err(js_message)?;
    done(&req).await
}

fn set_field(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Keeps `saved` as the dataset to restore; failures only mean nothing is restored.
pub async fn save(saved: Saved) -> Result<(), String> {
    match saved_object(&saved) {
        Some(obj) => put(KEY, &obj).await,
        // Too big to keep: the previous dataset must not come back instead.
        None => clear().await,
    }
}

/// Forgets the stored dataset (a sample or a feed is loaded instead).
pub async fn clear() -> Result<(), String> {
    let store = object_store(IdbTransactionMode::Readwrite).await?;
    let req = store.delete(&JsValue::from_str(KEY)).map_err(js_message)?;
    done(&req).await.map(|_| ())
}

/// Deletes the whole database ("Forget my data").
pub async fn delete_database() -> Result<(), String> {
    // Deleting waits for every connection to close, this page's own included.
    drop(CONNECTION.with(|c| c.borrow_mut().take()));
    let req = factory()?.delete_database(DB).map_err(js_message)?;
    done(&req).await.map(|_| ())
}

/// The dataset kept by the last session, if any.
pub async fn load() -> Option<Saved> {
    let value = read(KEY).await.ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    saved_from(&value)
}

fn saved_object(saved: &Saved) -> Option<js_sys::Object> {
    let obj = js_sys::Object::new();
    match saved {
        Saved::File(file, choices) => {
            if file.size() > MAX_KEPT_BYTES {
                return None;
            }
            set_field(&obj, "kind", &"file".into());
            set_field(&obj, "file", file);
            set_field(&obj, "choices", &JsValue::from_str(choices));
        }
        Saved::Text(text, choices) => {
            set_field(&obj, "kind", &"text".into());
            set_field(&obj, "text", &JsValue::from_str(text));
            set_field(&obj, "choices", &JsValue::from_str(choices));
        }
    }
    Some(obj)
}

fn saved_from(value: &JsValue) -> Option<Saved> {
    let choices = field(value, "choices").as_string().unwrap_or_default();
    match field(value, "kind").as_string()?.as_str() {
        "file" => field(value, "file")
            .dyn_into::<web_sys::File>()
            .ok()
            .map(|f| Saved::File(f, choices)),
        "text" => field(value, "text")
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
    put(ADDED_KEY, &arr).await
}

/// The files the last session had added to its first one.
pub async fn load_added() -> Vec<Saved> {
    match read(ADDED_KEY)
        .await
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
    {
        Some(arr) => arr.iter().filter_map(|v| saved_from(&v)).collect(),
        None => Vec::new(),
    }
}
