//! Offline start and new versions: registers the service worker (`sw.js`, its precache
//! list generated at build time by `.build/sw.mjs`) and shows "a new version is available
//! — reload" when a newer deploy has been fetched in the background.
//!
//! Over `file://` (the single-file build) there is no service worker: nothing to do.

use super::state::use_lang;
use crate::i18n::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = get(obj, method).dyn_into::<js_sys::Function>().ok()?;
    f.apply(obj, &args.iter().collect::<js_sys::Array>()).ok()
}

fn on(obj: &JsValue, event: &str, cb: &Closure<dyn Fn()>) {
    let _ = call(
        obj,
        "addEventListener",
        &[JsValue::from_str(event), cb.as_ref().clone()],
    );
}

/// The service worker container, when this page can have one (http/https).
fn container() -> Option<JsValue> {
    let w = web_sys::window()?;
    let protocol = w.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let sw = get(&get(&w, "navigator"), "serviceWorker");
    (!sw.is_undefined() && !sw.is_null()).then_some(sw)
}

/// Registers `./sw.js` (relative: the app works under any sub-path) and raises `waiting`
/// when a new version is installed and waiting to take over.
pub fn register(waiting: RwSignal<Option<SendWaiting>>) {
    let Some(sw) = container() else { return };
    let Some(promise) = call(&sw, "register", &[JsValue::from_str("./sw.js")]) else {
        return;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return;
    };
    let had_controller =
        !get(&sw, "controller").is_null() && !get(&sw, "controller").is_undefined();
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let check = {
            let reg = reg.clone();
            move || {
                let w = get(&reg, "waiting");
                if had_controller && !w.is_null() && !w.is_undefined() {
                    waiting.set(Some(SendWaiting(send_wrapper::SendWrapper::new(w))));
                }
            }
        };
        check();
        let reg2 = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let installing = get(&reg2, "installing");
            if installing.is_null() || installing.is_undefined() {
                return;
            }
            let check = check.clone();
            let on_state = Closure::<dyn Fn()>::new(check);
            on(&installing, "statechange", &on_state);
            on_state.forget();
        });
        on(&reg, "updatefound", &on_found);
        on_found.forget();
    });
}

/// The waiting service worker (a JS object, kept on this thread).
#[derive(Clone)]
pub struct SendWaiting(send_wrapper::SendWrapper<JsValue>);

/// Tells the waiting version to take over, then reloads once it controls the page.
fn apply(waiting: &SendWaiting) {
    let Some(sw) = container() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    on(&sw, "controllerchange", &reload);
    reload.forget();
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &msg,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    );
    let _ = call(&waiting.0, "postMessage", &[msg.into()]);
}

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let lang = use_lang();
    let waiting = RwSignal::new(None::<SendWaiting>);
    register(waiting);
    move || {
        waiting.get().map(|w| {
            view! {
                <div class="jl-update jl-no-print" role="status" data-testid="update-notice">
                    {tr(lang, "update.available")}
                    " "
                    <button class="jl-btn primary" data-action="update-reload" on:click=move |_| apply(&w)>
                        {tr(lang, "update.reload")}
                    </button>
                </div>
            }
        })
    }
}
