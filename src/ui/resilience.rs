//! Keeping a failure from taking the page, the data or the next visit with it: the panic
//! panel, the "last session stopped while…" marker and "Forget my data".

use super::dom;
use super::persist;
use crate::i18n::{tr, Lang};
use crate::storage_policy::{is_app_key, BusyMarker, Phase};
use wasm_bindgen::{JsCast, JsValue};

const BUSY_KEY: &str = "journey-lens.busy";
const PANEL_ID: &str = "jl-panic";

/// Logs every panic to the console and covers the page with a panel offering a reload.
/// After a panic the WebAssembly instance is in an unknown state, so the panel is plain
/// DOM and its button calls the browser's own `location.reload`, never back into Rust.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_panel();
    }));
}

fn show_panic_panel() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let lang = Lang::default();
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let (Some(panel), Some(card), Some(title), Some(text), Some(button)) = (
        el("div", ""),
        el("div", ""),
        el("h2", &tr(lang, "panic.title")),
        el("p", &tr(lang, "panic.text")),
        el("button", &tr(lang, "panic.reload")),
    ) else {
        return;
    };
    let attrs: [(&web_sys::Element, &str, &str); 10] = [
        (&panel, "id", PANEL_ID),
        (&panel, "class", "jl-panic"),
        (&panel, "role", "alertdialog"),
        (&panel, "aria-modal", "true"),
        (&panel, "aria-labelledby", "jl-panic-title"),
        (&panel, "aria-describedby", "jl-panic-text"),
        (&panel, "data-testid", "panic"),
        (&title, "id", "jl-panic-title"),
        (&text, "id", "jl-panic-text"),
        (&button, "class", "jl-btn primary"),
    ];
    for (e, k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    let _ = card.set_attribute("class", "jl-panic-card");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("data-action", "reload");
    if let Some(reload) = native_reload() {
        if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
            b.set_onclick(Some(&reload));
        }
    }
    for child in [&title, &text, &button] {
        let _ = card.append_child(child);
    }
    let _ = panel.append_child(&card);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&panel);
    }
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
}

/// `location.reload` bound to the page's `location`: a browser function, so clicking it
/// runs no WebAssembly.
fn native_reload() -> Option<js_sys::Function> {
    let location = web_sys::window()?.location();
    let reload = js_sys::Reflect::get(&location, &JsValue::from_str("reload")).ok()?;
    let reload: js_sys::Function = reload.dyn_into().ok()?;
    Some(reload.bind0(&location))
}

/// The marker a session that died while loading or computing left behind.
pub fn last_marker() -> Option<BusyMarker> {
    dom::store_get(BUSY_KEY).map(|text| BusyMarker::parse(&text))
}

pub fn clear_marker() {
    dom::store_remove(BUSY_KEY);
}

/// Writes the marker without a guard, for a phase that another step finishes (the
/// compute after a load clears it).
pub fn mark(phase: Phase, what: &str) {
    dom::store_set(BUSY_KEY, &BusyMarker::new(phase, what).to_json());
}

/// Holds the marker for the length of a load or compute. Dropping it (any early return
/// or error) removes the marker; a panic aborts without dropping, so the marker stays for
/// the next start to find.
pub struct Busy {
    armed: bool,
}

impl Busy {
    pub fn start(phase: Phase, what: &str) -> Busy {
        mark(phase, what);
        Busy { armed: true }
    }

    /// The work continues elsewhere (a load hands over to the compute that follows), which
    /// replaces and clears the marker.
    pub fn hand_over(mut self) {
        self.armed = false;
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if self.armed {
            clear_marker();
        }
    }
}

/// Removes everything the app stored in this browser: its localStorage keys (settings,
/// theme, mappings, feed address, marker) and its IndexedDB database (the last dataset).
/// Keys of other pages on the same site stay.
pub async fn forget_everything() -> Result<(), String> {
    for key in dom::store_keys() {
        if is_app_key(&key) {
            dom::store_remove(&key);
        }
    }
    persist::delete_database().await
}
