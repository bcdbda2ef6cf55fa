//! The data behind a chart as text, for "Show data" and "Download CSV".
//!
//! Cells hold the same formatted strings the chart draws, so what a user sees is what they
//! saw on the chart. The CSV is for a spreadsheet, so [`Table::to_csv`] reads those cells
//! back ([`crate::export::shown`]): numbers without "%" or grouping (the unit goes to the
//! header), an interval as a low and a high column, "n/a" as an empty cell. It goes
//! through [`crate::export`], which neutralises formulas: a stage called
//! `=HYPERLINK(...)` must not run when the CSV is opened in a spreadsheet.

use crate::export::shown::{layout, read, Layout, Shown, Unit};
use crate::export::{Cell, CsvExport, ExportOptions};
use crate::i18n::{tr, Lang};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The CSV a spreadsheet set to `lang` opens as numbers: the language's separator and
    /// decimal mark, a byte-order mark, CRLF line ends, units in the headers.
    pub fn to_csv(&self, lang: Lang) -> String {
        let columns = self
            .headers
            .len()
            .max(self.rows.iter().map(Vec::len).max().unwrap_or(0));
        let layouts: Vec<Layout> = (0..columns)
            .map(|j| {
                layout(
                    lang,
                    self.rows
                        .iter()
                        .filter_map(|r| r.get(j).map(String::as_str)),
                )
            })
            .collect();
        let mut out = CsvExport::new(ExportOptions::for_lang(lang));
        let headers: Vec<String> = layouts
            .iter()
            .enumerate()
            .flat_map(|(j, l)| {
                column_headers(lang, self.headers.get(j).map_or("", String::as_str), *l)
            })
            .collect();
        out.text_row(headers.iter().map(String::as_str));
        for row in &self.rows {
            let mut cells: Vec<Out> = Vec::with_capacity(headers.len());
            for (j, l) in layouts.iter().enumerate() {
                push_cells(lang, row.get(j).map_or("", String::as_str), *l, &mut cells);
            }
            out.row(cells.iter().map(Out::cell));
        }
        out.finish()
    }
}

/// The header(s) of one column: the unit moves from the cells to the header, and an
/// interval column becomes "… (low)" and "… (high)".
fn column_headers(lang: Lang, header: &str, l: Layout) -> Vec<String> {
    let with_unit = |h: String, unit: Unit| match unit {
        Unit::Percent if !h.contains('%') => format!("{h} (%)"),
        Unit::Days => format!("{h} ({})", crate::format::marks(lang).days),
        _ => h,
    };
    match l {
        Layout::AsShown => vec![header.to_string()],
        Layout::Values(u) => vec![with_unit(header.to_string(), u)],
        Layout::Ranges(u) => ["export.low", "export.high"]
            .iter()
            .map(|k| with_unit(format!("{header} ({})", tr(lang, k)), u))
            .collect(),
    }
}

/// One cell of the file: a number read back from the shown text, or the shown text.
enum Out<'a> {
    Number(String),
    Shown(&'a str),
}

impl Out<'_> {
    fn cell(&self) -> Cell<'_> {
        match self {
            Out::Number(n) => Cell::Number(n),
            Out::Shown(s) => Cell::display(s),
        }
    }
}

/// The cell(s) one shown value becomes in a column of layout `l`.
fn push_cells<'a>(lang: Lang, shown: &'a str, l: Layout, cells: &mut Vec<Out<'a>>) {
    match (l, read(lang, shown)) {
        (Layout::Ranges(_), Shown::Range(lo, hi)) => {
            cells.push(Out::Number(lo.number));
            cells.push(Out::Number(hi.number));
        }
        (Layout::Ranges(_), _) => cells.extend([Out::Shown(""), Out::Shown("")]),
        (_, Shown::Missing) => cells.push(Out::Shown("")),
        (Layout::Values(_), Shown::Value(v)) => cells.push(Out::Number(v.number)),
        _ => cells.push(Out::Shown(shown)),
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
