//! The "pick a file" button, one for the three places that open a file (the Data view's
//! drop zone, "Add a file" and a shared link's notice), so they accept the same files and
//! behave the same.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the pickers offer: the formats `ingest` reads.
const ACCEPT: &str = ".csv,.tsv,.txt,.json,.ndjson,text/csv,application/json";

/// A button that opens the browser's file dialog and hands the chosen file to `on_file`.
/// The input is emptied after each pick, so picking the same file again (after fixing it
/// on disk) loads it again.
#[component]
pub fn FilePicker<F>(
    /// The button's words, already in the user's language.
    label: String,
    /// The page's main action (filled button) rather than a secondary one.
    #[prop(optional)]
    primary: bool,
    testid: &'static str,
    on_file: F,
    /// Called when the user opens the file dialog (before a file is chosen).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
    /// Called when the user closes the file dialog without choosing a file.
    #[prop(optional)]
    on_close: Option<Callback<()>>,
) -> impl IntoView
where
    F: Fn(web_sys::File) + 'static,
{
    let on_change = move |e: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
        let file = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(i) = &input {
            i.set_value("");
        }
        if let Some(file) = file {
            on_file(file);
        }
    };
    view! {
        <label class="jl-btn" class:primary=primary>
            {label}
            <input
                type="file"
                class="jl-visually-hidden"
                data-testid=testid
                accept=ACCEPT
                // A click on the label or a key on the input both reach the input as a click.
                on:click=move |_| {
                    if let Some(open) = on_open {
                        open.run(());
                    }
                }
                on:cancel=move |_: web_sys::Event| {
                    if let Some(close) = on_close {
                        close.run(());
                    }
                }
                on:change=on_change
            />
        </label>
    }
}
