//! Why a whole load can fail. Row-level problems never end up here: they are counted in
//! the load report so one bad row never costs the user the other million.

use crate::dataset::Role;
use crate::message::{Message, Value};
use std::fmt;

/// A problem that stops the load; its text (one sentence a marketer can act on) is the
/// message `error.*` in `locales/<lang>/messages.ftl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// Zero bytes, or only whitespace.
    Empty,
    /// A header line but no data rows.
    HeaderOnly,
    /// Recognised binary formats (PNG, ZIP/XLSX, PDF, GZIP, XLS) or NUL-filled junk.
    NotCsv { what: BinaryKind },
    /// Every line parsed as a single field.
    OnlyOneColumn { header: String },
    /// More columns (CSV) or distinct keys (JSON) than any event export has: such a file
    /// would cost memory out of proportion to its size.
    TooManyColumns { limit: usize },
    /// No column could be read as the customer.
    NoCustomerColumn { columns: Vec<String> },
    /// A customer column but nothing to analyse.
    NoMeasureColumn,
    /// Milestone mode was asked for with no date column chosen.
    NoMilestones,
    /// A file added to others has no customer column and no key shared with them.
    NoKey { columns: Vec<String> },
    /// Two columns were explicitly given the same single-column role.
    DuplicateRole {
        role: Role,
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
    WrongJsonShape { shape: JsonShape },
    /// `meta` is not an object.
    MetaNotObject,
    /// The `meta` object could not be read; `detail` is the JSON reader's own words.
    BadMeta { detail: String },
    /// A scale in `meta.scales` could not be read, or its min is not below its max
    /// (`detail` empty).
    BadScale { scale: String, detail: String },
    /// `push` after `finish`, or other API misuse by the caller.
    Finished,
    /// A part of the file read by a Web Worker came back damaged.
    PartUnreadable,
}

impl Message for IngestError {
    fn key(&self) -> &'static str {
        match self {
            IngestError::Empty => "error.empty",
            IngestError::HeaderOnly => "error.header_only",
            IngestError::NotCsv { .. } => "error.not_csv",
            IngestError::OnlyOneColumn { .. } => "error.only_one_column",
            IngestError::TooManyColumns { .. } => "error.too_many_columns",
            IngestError::NoCustomerColumn { .. } => "error.no_customer_column",
            IngestError::NoMeasureColumn => "error.no_measure_column",
            IngestError::NoMilestones => "error.no_milestones",
            IngestError::NoKey { .. } => "error.no_key",
            IngestError::DuplicateRole { .. } => "error.duplicate_role",
            IngestError::UnknownColumn { .. } => "error.unknown_column",
            IngestError::NotJson { .. } => "error.not_json",
            IngestError::WrongJsonShape { .. } => "error.wrong_json_shape",
            IngestError::MetaNotObject => "error.meta_not_object",
            IngestError::BadMeta { .. } => "error.bad_meta",
            IngestError::BadScale { detail, .. } if detail.is_empty() => "error.scale_order",
            IngestError::BadScale { .. } => "error.bad_scale",
            IngestError::Finished => "error.finished",
            IngestError::PartUnreadable => "error.part_unreadable",
        }
    }

    fn args(&self) -> Vec<(&'static str, Value)> {
        let text = |s: &str| Value::Text(shorten(s));
        match self {
            IngestError::Empty
            | IngestError::HeaderOnly
            | IngestError::NoMeasureColumn
            | IngestError::NoMilestones
            | IngestError::MetaNotObject
            | IngestError::Finished
            | IngestError::PartUnreadable => Vec::new(),
            IngestError::NotCsv { what } => vec![("what", Value::Text(what.key().into()))],
            IngestError::OnlyOneColumn { header } => vec![("header", text(header))],
            IngestError::TooManyColumns { limit } => {
                vec![("limit", Value::Count(*limit as u64))]
            }
            IngestError::NoCustomerColumn { columns } | IngestError::NoKey { columns } => vec![(
                "columns",
                Value::List(columns.iter().map(|c| shorten(c)).collect()),
            )],
            IngestError::DuplicateRole {
                role,
                first,
                second,
            } => vec![
                ("role", Value::Role(*role)),
                ("first", text(first)),
                ("second", text(second)),
            ],
            IngestError::UnknownColumn { column } => vec![("column", text(column))],
            IngestError::NotJson {
                line,
                column,
                detail,
            } => vec![
                ("line", Value::Count(*line as u64)),
                ("column", Value::Count(*column as u64)),
                ("detail", Value::Text(detail.clone())),
            ],
            IngestError::WrongJsonShape { shape } => {
                vec![("shape", Value::Text(shape.key().into()))]
            }
            IngestError::BadMeta { detail } => vec![("detail", Value::Text(detail.clone()))],
            IngestError::BadScale { scale, detail } => vec![
                ("scale", Value::Text(scale.clone())),
                ("detail", Value::Text(detail.clone())),
            ],
        }
    }
}

/// English, from the same Fluent texts the app shows (what the CLI prints and what an
/// error chain says); the UI renders the message in the user's language instead.
impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::present::message::render(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

/// A recognised binary format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    Png,
    Zip,
    Pdf,
    Gzip,
    Xls,
    Jpeg,
    Gif,
    Other,
}

impl BinaryKind {
    /// The selector the message text chooses its wording by.
    pub fn key(self) -> &'static str {
        match self {
            BinaryKind::Png => "png",
            BinaryKind::Zip => "zip",
            BinaryKind::Pdf => "pdf",
            BinaryKind::Gzip => "gzip",
            BinaryKind::Xls => "xls",
            BinaryKind::Jpeg => "jpeg",
            BinaryKind::Gif => "gif",
            BinaryKind::Other => "binary",
        }
    }
}

/// How a JSON document fails to be an event feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonShape {
    /// Neither an array nor an object with an `events` array.
    NotAFeed,
    /// `events` is there but not an array.
    EventsNotArray,
    /// The events are not objects.
    EventsNotObjects,
}

impl JsonShape {
    pub fn key(self) -> &'static str {
        match self {
            JsonShape::NotAFeed => "not_a_feed",
            JsonShape::EventsNotArray => "events_not_array",
            JsonShape::EventsNotObjects => "events_not_objects",
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
