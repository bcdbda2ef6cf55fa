//! The browser app of Journey Lens: `ui` (the Leptos components, sources in `../src/ui`)
//! over the `journey_lens` library. The library's modules are re-exported at this crate's
//! root, so the UI's `crate::analytics`, `crate::ingest`, … paths read as they did when the
//! UI was a module of the library. A crate of its own so the UI is built for size and the
//! library for speed (issue 13; see the root Cargo.toml's `wasm-release` profile).

#[cfg(target_arch = "wasm32")]
pub use journey_lens::{
    analytics, calendar, charts, dataset, export, fold, format, generate, i18n, ingest, join,
    message, order, pause, present, share, storage_policy, summary,
};

#[cfg(target_arch = "wasm32")]
#[path = "../src/ui/mod.rs"]
pub mod ui;
