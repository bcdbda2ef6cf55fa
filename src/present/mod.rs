//! Turns the core's typed results into what a person reads, natively testable.
//!
//! The web components and the CLI both call in here, so a sentence, a table row or a
//! filter menu is worked out once, with `cargo test`, rather than inside a wasm-only
//! component:
//!
//! * [`message`] renders every [`crate::message::Message`] (row problems, load notes,
//!   funnel and filter notes, "needs a column" reasons) with the Fluent texts of
//!   `locales/<lang>/messages.ftl`, and adds English sentences to the JSON documents.
//! * [`tables`] builds the experience and KPI tables (pain points, exits, JES, impact)
//!   and counts the values the filter bar offers.
//! * [`fix_first`] words the "What to fix first" card.
//! * [`labels`] translates the report's "(missing)" and "(others)" placeholders.

pub mod fix_first;
pub mod labels;
pub mod message;
pub mod tables;
