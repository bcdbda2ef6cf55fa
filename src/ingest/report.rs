//! What the user is told after a load: how many rows made it, which were refused and why,
//! and every decision taken on their behalf (encoding, separator, decimal mark, date order).

use super::notes::{DateReading, LoadNote, RowProblem};
use crate::dataset::{Dataset, Role, Scale};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::BTreeMap;

/// One refused cell. `line` is the file line where the record starts (header = line 1);
/// for JSON feeds it is the 1-based position of the event in the feed. `column` is `None`
/// when the whole record was refused. Serialises as `{line, column, kind, <facts>}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    pub line: u64,
    pub column: Option<String>,
    #[serde(flatten)]
    pub problem: RowProblem,
}

/// The role of one source column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRole {
    pub column: String,
    pub role: Role,
}

/// Column roles in file order; serialises as a JSON object `{column: role}` because that
/// is what the UI stores and the CLI prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping(pub Vec<ColumnRole>);

impl Mapping {
    pub fn new(headers: &[String], roles: &[Role]) -> Mapping {
        Mapping(
            headers
                .iter()
                .zip(roles)
                .map(|(h, r)| ColumnRole {
                    column: h.clone(),
                    role: *r,
                })
                .collect(),
        )
    }
    /// The role of a column by its (de-duplicated) header.
    pub fn role_of(&self, column: &str) -> Option<Role> {
        self.0.iter().find(|c| c.column == column).map(|c| c.role)
    }
    /// The column holding a single role, if any.
    pub fn column_for(&self, role: Role) -> Option<&str> {
        self.0
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.column.as_str())
    }
    pub fn roles(&self) -> Vec<Role> {
        self.0.iter().map(|c| c.role).collect()
    }
}

impl Serialize for Mapping {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for c in &self.0 {
            m.serialize_entry(&c.column, &c.role)?;
        }
        m.end()
    }
}

/// The summary of a load.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LoadReport {
    /// "csv" or "json".
    pub format: String,
    /// Source rows loaded (each is one event, or one per milestone reached).
    pub rows_loaded: usize,
    pub rows_rejected: usize,
    /// Events the loaded rows became.
    pub events: usize,
    /// Distinct customers among the loaded rows.
    pub customers: usize,
    /// `{column: role}` in file order.
    pub mapping: Mapping,
    /// The same mapping as an ordered list of `{column, role}`.
    pub columns: Vec<ColumnRole>,
    /// Every bad cell of every rejected row, up to the error limit.
    pub errors: Vec<RowError>,
    /// Bad cells found beyond the error limit (counted, not listed).
    pub errors_truncated: usize,
    /// The text encoding the file was read with (e.g. "UTF-8", "windows-1250").
    pub encoding: String,
    /// The field separator as text (`","`, `";"`, `"\t"`, `"|"`); empty for JSON.
    pub delimiter: String,
    /// Whether numbers were read with a decimal comma ("1.234,5").
    pub decimal_comma: bool,
    /// How the timestamp column's dates were read, by column (e.g. "day/month/year").
    pub date_format: BTreeMap<String, String>,
    /// The same as typed values, which the app names in the reader's language.
    pub date_readings: BTreeMap<String, Vec<DateReading>>,
    /// Decisions taken on the user's behalf and oddities of the file.
    pub notes: Vec<LoadNote>,
    /// A satisfaction scale that would fit the values, when some fell outside the declared one.
    pub suggested_satisfaction_scale: Option<Scale>,
    /// Remembers a mapping for files with the same header.
    pub header_key: String,
}

/// A rejected record with its original fields, for the downloadable "rejected rows" file.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRow {
    pub line: u64,
    pub fields: Vec<String>,
    /// (column, problem) of every bad cell; no column when the whole record was refused.
    pub problems: Vec<(Option<String>, RowProblem)>,
}

/// A finished load: the dataset, its report and the refused rows.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub report: LoadReport,
    /// Source column names, the header of the rejected-rows file.
    pub headers: Vec<String>,
    /// Rejected records (at most the error limit of them).
    pub rejected: Vec<RejectedRow>,
}

impl Loaded {
    /// The report as pretty JSON, messages as `{kind, <facts>}` (the CLI's `check` adds
    /// English sentences with [`crate::present::message::report_with_messages`]).
    pub fn report_json(&self) -> String {
        serde_json::to_string_pretty(&self.report).unwrap_or_else(|_| "{}".to_string())
    }
}
