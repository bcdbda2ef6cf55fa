//! Journey Lens: customer-journey analytics computed entirely in the browser.
//!
//! Data flows one way: [`ingest`] turns bytes into a [`dataset::Dataset`], [`analytics`]
//! computes each view from a dataset and a filter, [`charts`] draws a view on any plotters
//! backend, and `ui` (WebAssembly only, `src/ui`) holds the Leptos components. Everything
//! but `ui` is plain Rust, tested natively with `cargo test`. `ui` is compiled as a module of
//! the `journey-lens-app` package (`app/`), which re-exports this library's modules, so the
//! UI can be built for size and this library for speed (issue 13).

pub mod analytics;
pub mod calendar;
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod dataset;
pub mod export;
pub mod fold;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod ingest;
pub mod join;
pub mod message;
pub mod order;
pub mod pause;
pub mod present;
pub mod share;
pub mod storage_policy;
pub mod summary;
