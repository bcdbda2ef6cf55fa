//! Turns bytes (CSV or JSON) into a Dataset plus a load report.
//!
//! * [`sniff`] looks at the first 64 KiB so the UI can show and edit the column mapping.
//! * [`CsvLoader`] loads a file chunk by chunk so the browser stays responsive;
//!   [`load_csv`] is the one-shot form.
//! * [`load_json`] reads an event feed (array, `{meta, events}` or NDJSON).
//!
//! Bad rows never abort a load: they are rejected whole, listed in the
//! [`LoadReport`] and downloadable with [`Loaded::rejected_csv`]. Only problems with the
//! whole file (empty, not a CSV, no customer column…) are an [`IngestError`].

pub mod csv;
pub mod encoding;
pub mod error;
pub mod json;
pub mod mapping;
pub mod milestones;
pub mod notes;
pub mod parallel;
pub mod report;
pub mod rows;
pub mod sniff;
pub mod split;
pub mod values;
pub mod wire;

pub use self::csv::{load_csv, CsvLoader, CsvOptions, Progress};
pub use error::IngestError;
pub use json::{load_json, JsonOptions};
pub use milestones::{MilestoneStage, Milestones};
pub use notes::{DateReading, LoadNote, MilestoneColumn, ReadOrder, RowProblem};
pub use parallel::load_csv_parallel;
pub use report::{ColumnRole, LoadReport, Loaded, Mapping, RejectedRow, RowError};
pub use sniff::{sniff, Sniffed};
pub use values::DateOrder;

/// Whether bytes look like a JSON feed rather than CSV (first non-blank byte `[` or `{`).
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(
        b.iter().find(|c| !c.is_ascii_whitespace()),
        Some(b'[') | Some(b'{')
    )
}
