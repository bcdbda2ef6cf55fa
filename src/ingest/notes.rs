//! What a load tells the user, as typed values: why a cell was refused ([`RowProblem`]) and
//! which decisions were taken on the user's behalf ([`LoadNote`]). The words are in
//! `locales/<lang>/messages.ftl`, rendered by [`crate::present::message`].

use crate::dataset::{Role, Scale};
use crate::message::{Message, Value};
use serde::{Deserialize, Serialize};

/// Why one cell (or a whole record) was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum RowProblem {
    /// The customer column is empty.
    #[serde(rename = "row.customer_missing")]
    CustomerMissing,
    /// A JSON event holds a list or an object where text was expected.
    #[serde(rename = "row.nested_text")]
    NestedText,
    /// A JSON event holds a list or an object as its date.
    #[serde(rename = "row.nested_date")]
    NestedDate,
    /// A list or an object where a number was expected.
    #[serde(rename = "row.nested_number")]
    NestedNumber { field: Role },
    /// A date outside the plausible years (or an epoch number in the wrong unit).
    #[serde(rename = "row.date_out_of_range")]
    DateOutOfRange {
        value: String,
        min_year: i32,
        max_year: i32,
    },
    /// A date in no layout Journey Lens reads.
    #[serde(rename = "row.date_unrecognised")]
    DateUnrecognised { value: String },
    /// Text where a number was expected.
    #[serde(rename = "row.not_a_number")]
    NotANumber { field: Role, value: String },
    /// A number outside the declared answer scale (or not whole, for NPS and effort).
    #[serde(rename = "row.out_of_scale")]
    OutOfScale {
        field: Role,
        value: f64,
        scale: Scale,
    },
    /// A record with more values than the header has columns (or fewer, where that is
    /// not allowed).
    #[serde(rename = "row.wrong_width")]
    WrongWidth { values: u64, columns: u64 },
    /// An unclosed quote joined lines `from`…`to` into one record of the wrong width.
    #[serde(rename = "row.unclosed_quote")]
    UnclosedQuote {
        values: u64,
        columns: u64,
        from: u64,
        to: u64,
    },
    /// NUL bytes: binary data, not a text export.
    #[serde(rename = "row.nul_bytes")]
    NulBytes,
    /// A feed event that is not an object of named values.
    #[serde(rename = "row.not_an_object")]
    NotAnObject,
    /// A line of an NDJSON feed that is not JSON; `detail` is the JSON parser's own words.
    #[serde(rename = "row.invalid_json_line")]
    InvalidJsonLine { detail: String },
    /// A milestone-date file's row with no date in any stage column: it reached no stage.
    #[serde(rename = "row.no_milestone_date")]
    NoMilestoneDate,
}

impl RowProblem {
    /// Whether the problem concerns the whole record rather than one of its cells.
    pub fn whole_row(&self) -> bool {
        matches!(
            self,
            RowProblem::UnclosedQuote { .. }
                | RowProblem::NulBytes
                | RowProblem::InvalidJsonLine { .. }
                | RowProblem::NotAnObject
                | RowProblem::WrongWidth { .. }
        )
    }
}

impl Message for RowProblem {
    fn key(&self) -> &'static str {
        match self {
            RowProblem::CustomerMissing => "row.customer_missing",
            RowProblem::NestedText => "row.nested_text",
            RowProblem::NestedDate => "row.nested_date",
            RowProblem::NestedNumber { .. } => "row.nested_number",
            RowProblem::DateOutOfRange { .. } => "row.date_out_of_range",
            RowProblem::DateUnrecognised { .. } => "row.date_unrecognised",
            RowProblem::NotANumber { .. } => "row.not_a_number",
            RowProblem::OutOfScale { field, .. } if *field == Role::Satisfaction => {
                "row.out_of_scale"
            }
            RowProblem::OutOfScale { .. } => "row.out_of_scale_whole",
            RowProblem::WrongWidth { .. } => "row.wrong_width",
            RowProblem::UnclosedQuote { .. } => "row.unclosed_quote",
            RowProblem::NulBytes => "row.nul_bytes",
            RowProblem::NotAnObject => "row.not_an_object",
            RowProblem::InvalidJsonLine { .. } => "row.invalid_json_line",
            RowProblem::NoMilestoneDate => "row.no_milestone_date",
        }
    }

    fn args(&self) -> Vec<(&'static str, Value)> {
        match self {
            RowProblem::CustomerMissing
            | RowProblem::NestedText
            | RowProblem::NestedDate
            | RowProblem::NotAnObject
            | RowProblem::NulBytes
            | RowProblem::NoMilestoneDate => Vec::new(),
            RowProblem::NestedNumber { field } => vec![("field", Value::Role(*field))],
            RowProblem::DateOutOfRange {
                value,
                min_year,
                max_year,
            } => vec![
                ("value", Value::Text(value.clone())),
                ("min", Value::Text(min_year.to_string())),
                ("max", Value::Text(max_year.to_string())),
            ],
            RowProblem::DateUnrecognised { value } => vec![("value", Value::Text(value.clone()))],
            RowProblem::NotANumber { field, value } => vec![
                ("field", Value::Role(*field)),
                ("value", Value::Text(value.clone())),
            ],
            RowProblem::OutOfScale {
                field,
                value,
                scale,
            } => vec![
                ("field", Value::Role(*field)),
                ("value", Value::Number(*value)),
                ("scale", Value::Scale(*scale)),
            ],
            RowProblem::WrongWidth { values, columns } => vec![
                ("values", Value::Count(*values)),
                ("columns", Value::Count(*columns)),
            ],
            RowProblem::UnclosedQuote {
                values,
                columns,
                from,
                to,
            } => vec![
                ("values", Value::Count(*values)),
                ("columns", Value::Count(*columns)),
                ("from", Value::Text(from.to_string())),
                ("to", Value::Text(to.to_string())),
            ],
            RowProblem::InvalidJsonLine { detail } => {
                vec![("detail", Value::Text(detail.clone()))]
            }
        }
    }
}

/// How the dates of a column were written, as the load summary lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum DateReading {
    /// 2024-03-15 (ISO 8601).
    #[serde(rename = "date.iso")]
    Iso,
    /// 2024/03/15.
    #[serde(rename = "date.year_slash")]
    YearSlash,
    /// 15.03.2024.
    #[serde(rename = "date.dotted")]
    Dotted,
    /// 15-03-2024.
    #[serde(rename = "date.dashed")]
    Dashed,
    /// 15/03/2024.
    #[serde(rename = "date.day_first")]
    DayFirst,
    /// 03/15/2024.
    #[serde(rename = "date.month_first")]
    MonthFirst,
}

impl Message for DateReading {
    fn key(&self) -> &'static str {
        match self {
            DateReading::Iso => "date.iso",
            DateReading::YearSlash => "date.year_slash",
            DateReading::Dotted => "date.dotted",
            DateReading::Dashed => "date.dashed",
            DateReading::DayFirst => "date.day_first",
            DateReading::MonthFirst => "date.month_first",
        }
    }
    fn args(&self) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// How an ambiguous slashed date column was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadOrder {
    /// Day/month/year, because a first part above 12 was found.
    DayFirst,
    /// Day/month/year, assumed: no part above 12 settled it.
    DayFirstAssumed,
    /// Month/day/year, because a second part above 12 was found.
    MonthFirst,
}

/// A decision taken on the user's behalf, or an oddity of the file worth knowing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum LoadNote {
    /// The text was not UTF-8 and was decoded as `encoding`.
    #[serde(rename = "load.not_utf8")]
    NotUtf8 { encoding: String },
    /// Every line was wrapped in quotes (an Excel re-save) and was unwrapped.
    #[serde(rename = "load.unwrapped")]
    Unwrapped { delimiter: String },
    /// Extra columns past the limit were not loaded.
    #[serde(rename = "load.dimensions_capped")]
    DimensionsCapped { kept: u64, dropped: u64 },
    /// Numbers were read with a decimal comma.
    #[serde(rename = "load.decimal_comma")]
    DecimalComma,
    /// Records shorter than the header; the missing values were taken as empty.
    #[serde(rename = "load.short_rows")]
    ShortRows { count: u64 },
    /// Records longer than the header with only empty extra values, which were ignored.
    #[serde(rename = "load.long_empty_rows")]
    LongEmptyRows { count: u64 },
    /// Lines holding only separators or spaces, skipped.
    #[serde(rename = "load.blank_lines")]
    BlankLines { count: u64 },
    /// In an NDJSON feed, row numbers are line numbers.
    #[serde(rename = "load.ndjson_lines")]
    NdjsonLines,
    /// In a JSON array feed, row numbers are event positions.
    #[serde(rename = "load.feed_positions")]
    FeedPositions,
    /// How the slashed dates of `column` were read.
    #[serde(rename = "load.dates_read")]
    DatesRead { column: String, order: ReadOrder },
    /// Dates that do not exist in the chosen order and were left empty.
    #[serde(rename = "load.dates_unreadable")]
    DatesUnreadable {
        column: String,
        count: u64,
        order: ReadOrder,
    },
    /// Satisfaction answers outside the declared scale rejected their rows; `suggested`
    /// is a scale they fit, if any.
    #[serde(rename = "load.satisfaction_outside")]
    SatisfactionOutside {
        count: u64,
        declared: Scale,
        suggested: Option<Scale>,
    },
    /// More problems than the listing limit: the rest were counted.
    #[serde(rename = "load.errors_truncated")]
    ErrorsTruncated { listed: u64, more: u64 },
    /// No customer column: every row is its own customer, named by its line number.
    #[serde(rename = "load.row_number_as_customer")]
    RowNumberAsCustomer,
    /// Dates of a milestone column that do not exist in the chosen order, left empty.
    #[serde(rename = "load.milestone_dates_unreadable")]
    MilestoneDatesUnreadable {
        column: String,
        stage: String,
        count: u64,
        order: ReadOrder,
    },
    /// A milestone-date file became one event per date reached.
    #[serde(rename = "load.milestone_events")]
    MilestoneEvents {
        stages: Vec<MilestoneColumn>,
        rows: u64,
        events: u64,
    },
}

/// A stage of a milestone-date file and the column its dates come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneColumn {
    pub stage: String,
    pub column: String,
}

impl Message for LoadNote {
    fn key(&self) -> &'static str {
        match self {
            LoadNote::NotUtf8 { .. } => "load.not_utf8",
            LoadNote::Unwrapped { .. } => "load.unwrapped",
            LoadNote::DimensionsCapped { .. } => "load.dimensions_capped",
            LoadNote::DecimalComma => "load.decimal_comma",
            LoadNote::ShortRows { .. } => "load.short_rows",
            LoadNote::LongEmptyRows { .. } => "load.long_empty_rows",
            LoadNote::BlankLines { .. } => "load.blank_lines",
            LoadNote::NdjsonLines => "load.ndjson_lines",
            LoadNote::FeedPositions => "load.feed_positions",
            LoadNote::DatesRead { order, .. } => match order {
                ReadOrder::DayFirst => "load.dates_read_day_first",
                ReadOrder::DayFirstAssumed => "load.dates_read_day_first_assumed",
                ReadOrder::MonthFirst => "load.dates_read_month_first",
            },
            LoadNote::DatesUnreadable { order, .. } => match order {
                ReadOrder::DayFirst | ReadOrder::DayFirstAssumed => {
                    "load.dates_unreadable_day_first"
                }
                ReadOrder::MonthFirst => "load.dates_unreadable_month_first",
            },
            LoadNote::SatisfactionOutside {
                suggested: None, ..
            } => "load.satisfaction_outside",
            LoadNote::SatisfactionOutside { .. } => "load.satisfaction_outside_fits",
            LoadNote::ErrorsTruncated { .. } => "load.errors_truncated",
            LoadNote::RowNumberAsCustomer => "load.row_number_as_customer",
            LoadNote::MilestoneDatesUnreadable { order, .. } => match order {
                ReadOrder::DayFirst | ReadOrder::DayFirstAssumed => {
                    "load.milestone_dates_unreadable_day_first"
                }
                ReadOrder::MonthFirst => "load.milestone_dates_unreadable_month_first",
            },
            LoadNote::MilestoneEvents { .. } => "load.milestone_events",
        }
    }

    fn args(&self) -> Vec<(&'static str, Value)> {
        let text = |s: &String| Value::Text(s.clone());
        match self {
            LoadNote::NotUtf8 { encoding } => vec![("encoding", text(encoding))],
            LoadNote::Unwrapped { delimiter } => vec![("delimiter", text(delimiter))],
            LoadNote::DimensionsCapped { kept, dropped } => vec![
                ("kept", Value::Count(*kept)),
                ("dropped", Value::Count(*dropped)),
            ],
            LoadNote::ShortRows { count }
            | LoadNote::LongEmptyRows { count }
            | LoadNote::BlankLines { count } => vec![("count", Value::Count(*count))],
            LoadNote::DatesRead { column, .. } => vec![("column", text(column))],
            LoadNote::DatesUnreadable { column, count, .. } => {
                vec![("column", text(column)), ("count", Value::Count(*count))]
            }
            LoadNote::SatisfactionOutside {
                count,
                declared,
                suggested,
            } => {
                let mut v = vec![
                    ("count", Value::Count(*count)),
                    ("declared", Value::Scale(*declared)),
                ];
                if let Some(s) = suggested {
                    v.push(("suggested", Value::Scale(*s)));
                }
                v
            }
            LoadNote::ErrorsTruncated { listed, more } => vec![
                ("listed", Value::Count(*listed)),
                ("more", Value::Count(*more)),
            ],
            LoadNote::MilestoneDatesUnreadable {
                column,
                stage,
                count,
                ..
            } => vec![
                ("column", text(column)),
                ("stage", text(stage)),
                ("count", Value::Count(*count)),
            ],
            LoadNote::MilestoneEvents {
                stages,
                rows,
                events,
            } => vec![
                (
                    "stages",
                    Value::Text(
                        stages
                            .iter()
                            .map(|s| format!("{} ({})", s.stage, s.column))
                            .collect::<Vec<_>>()
                            .join(" → "),
                    ),
                ),
                ("rows", Value::Count(*rows)),
                ("events", Value::Count(*events)),
            ],
            LoadNote::DecimalComma
            | LoadNote::NdjsonLines
            | LoadNote::FeedPositions
            | LoadNote::RowNumberAsCustomer => Vec::new(),
        }
    }
}
