//! Why a whole load can fail. Row-level problems never end up here: they are counted in
//! the load report so one bad row never costs the user the other million.

use std::fmt;

/// A problem that stops the load, each with one sentence a marketer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// Zero bytes, or only whitespace.
    Empty,
    /// A header line but no data rows.
    HeaderOnly,
    /// Recognised binary formats (PNG, ZIP/XLSX, PDF, GZIP, XLS) or NUL-filled junk.
    NotCsv { what: &'static str },
    /// Every line parsed as a single field.
    OnlyOneColumn { header: String },
    /// More columns (CSV) or distinct keys (JSON) than any event export has: such a file
    /// would cost memory out of proportion to its size.
    TooManyColumns { limit: usize },
    /// No column could be read as the customer.
    NoCustomerColumn { columns: Vec<String> },
    /// A customer column but nothing to analyse.
    NoMeasureColumn,
    /// Two columns were explicitly given the same single-column role.
    DuplicateRole {
        role: &'static str,
        first: String,
        second: String,
    },
    /// A mapping override names a column the file does not have.
    UnknownColumn { column: String },
    /// The bytes are not JSON at all.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON in a shape that is not an event feed.
    WrongJsonShape { detail: &'static str },
    /// The `meta` object could not be read.
    BadMeta { detail: String },
    /// `push` after `finish`, or other API misuse by the caller.
    Finished,
    /// A part of the file read by a Web Worker came back damaged.
    PartUnreadable,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "The file is empty: there is nothing to load."),
            IngestError::HeaderOnly => write!(
                f,
                "The file has a header line but no data rows: export it again with the data included."
            ),
            IngestError::NotCsv { what } => write!(
                f,
                "This looks like {what}, not a CSV file. Export your data as CSV and try again."
            ),
            IngestError::OnlyOneColumn { header } => write!(
                f,
                "Only one column was found (header \"{}\"): the file may use a separator Journey Lens does not recognise, or every line is wrapped in quotes. Save it again as CSV separated by commas or semicolons.",
                shorten(header)
            ),
            IngestError::TooManyColumns { limit } => write!(
                f,
                "The file has more than {limit} columns (or, in a JSON feed, more than {limit} different field names): it does not look like an event export. Keep the columns you need and try again."
            ),
            IngestError::NoCustomerColumn { columns } => write!(
                f,
                "No customer column found among: {}. Map one column to \"customer_id\", or load each row as its own customer.",
                columns
                    .iter()
                    .map(|c| format!("\"{}\"", shorten(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            IngestError::NoMeasureColumn => write!(
                f,
                "The data needs at least one of a stage, satisfaction or NPS column, and none was found. Map a column to one of them."
            ),
            IngestError::DuplicateRole {
                role,
                first,
                second,
            } => write!(
                f,
                "Both \"{first}\" and \"{second}\" are mapped to {role}: only one column can have that role."
            ),
            IngestError::UnknownColumn { column } => {
                write!(f, "The file has no column named \"{column}\".")
            }
            IngestError::NotJson {
                line,
                column,
                detail,
            } => write!(
                f,
                "The feed is not valid JSON (line {line}, column {column}: {detail})."
            ),
            IngestError::WrongJsonShape { detail } => write!(
                f,
                "The feed is JSON but not a list of events: {detail}."
            ),
            IngestError::BadMeta { detail } => {
                write!(f, "The feed's \"meta\" section could not be read: {detail}.")
            }
            IngestError::Finished => write!(f, "This load has already finished."),
            IngestError::PartUnreadable => write!(
                f,
                "A part of the file read in the background came back damaged: load the file again."
            ),
        }
    }
}

impl std::error::Error for IngestError {}

/// Keeps messages one readable line even when a mangled header is kilobytes long.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
