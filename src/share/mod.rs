//! Everything that crosses the page boundary: the page address that reproduces a view
//! ([`link`]), the embedding options of an iframe ([`embed`]) and the messages a host page
//! exchanges with an embedded app ([`message`]).
//!
//! All of it is untrusted text (a link someone pasted, a host page on another origin), so
//! it is parsed here, natively and under `cargo test`, into typed values with every
//! unusable part dropped; the browser glue in `ui::share` only moves those values around.

pub mod embed;
pub mod link;
pub mod message;
pub mod query;

pub use embed::{EmbedOptions, Locks, Origin};
pub use link::{DataRef, Theme, View, ViewState};
pub use message::{AppMessage, HostMessage, Incoming, LoadData};
