//! The data behind a chart as text, for "Show data" and "Download CSV".
//!
//! Cells hold the same formatted strings the chart draws, so what a user downloads is what
//! they saw. [`Table::to_csv`] goes through [`crate::export`], which keeps the numbers
//! numbers and neutralises formulas: a stage called `=HYPERLINK(...)` must not run when the
//! CSV is opened in a spreadsheet.

use crate::export::{Cell, CsvExport, ExportOptions};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// CSV text in the default layout: header line then rows, CRLF line ends.
    pub fn to_csv(&self) -> String {
        self.to_csv_with(ExportOptions::default())
    }

    /// CSV text in the given layout. Headers are text; row cells mix labels and formatted
    /// numbers, so each is a number only when it has the shape of one.
    pub fn to_csv_with(&self, options: ExportOptions) -> String {
        let mut out = CsvExport::new(options);
        out.text_row(self.headers.iter().map(String::as_str));
        for row in &self.rows {
            out.row(row.iter().map(|c| Cell::display(c)));
        }
        out.finish()
    }
}

/// Rows a table shows on screen; "Download CSV" always has every row.
pub const SHOWN_ROWS: usize = 100;

impl Table {
    /// The first `limit` rows and how many more there are: a page of 50,000 rows is
    /// unreadable and slow to build, so the screen shows the head and says how many the
    /// CSV holds besides.
    pub fn shown_rows(&self, limit: usize) -> (&[Vec<String>], usize) {
        let n = self.rows.len().min(limit);
        (&self.rows[..n], self.rows.len() - n)
    }
}
