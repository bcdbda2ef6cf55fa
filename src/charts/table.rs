//! The data behind a chart as text, for "Show data" and "Download CSV".
//!
//! Cells hold the same formatted strings the chart draws, so what a user downloads is what
//! they saw. [`Table::to_csv`] follows RFC 4180 and guards against formula injection:
//! a stage called `=HYPERLINK(...)` must not run when the CSV is opened in a spreadsheet.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// CSV text: header line then rows, CRLF line ends, quoted where needed.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        push_line(&mut out, &self.headers);
        for row in &self.rows {
            push_line(&mut out, row);
        }
        out
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

fn push_line(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&guard_formula(cell)));
    }
    out.push_str("\r\n");
}

/// Prefixes `'` to text a spreadsheet would read as a formula. Numbers such as "-12",
/// "+3.2%" or "−1,234.50" are left alone so they stay numbers.
pub fn guard_formula(cell: &str) -> String {
    let risky = matches!(
        cell.chars().next(),
        Some('=') | Some('+') | Some('-') | Some('@') | Some('\t') | Some('\r')
    );
    if risky && !looks_numeric(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// True for a formatted number: optional sign, digits with `,` grouping and `.` decimals,
/// optional `%`.
fn looks_numeric(cell: &str) -> bool {
    let body = cell.trim();
    let body = body.strip_suffix('%').unwrap_or(body);
    let body = body.strip_prefix(['+', '-', '\u{2212}']).unwrap_or(body);
    !body.is_empty()
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
}

fn quote(cell: &str) -> String {
    let needs =
        cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ');
    if needs {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_separators_quotes_and_newlines() {
        let t = Table {
            caption: "c".into(),
            headers: vec!["Stage".into(), "Customers".into()],
            rows: vec![
                vec!["Sign up, free".into(), "1,000".into()],
                vec!["The \"best\" step".into(), "40".into()],
                vec!["two\nlines".into(), "7".into()],
            ],
        };
        assert_eq!(
            t.to_csv(),
            "Stage,Customers\r\n\"Sign up, free\",\"1,000\"\r\n\"The \"\"best\"\" step\",40\r\n\"two\nlines\",7\r\n"
        );
    }

    #[test]
    fn the_screen_shows_the_first_rows_and_counts_the_rest() {
        let t = Table {
            rows: (0..5).map(|i| vec![i.to_string()]).collect(),
            ..Table::default()
        };
        let (rows, more) = t.shown_rows(3);
        assert_eq!(rows, [vec!["0"], vec!["1"], vec!["2"]]);
        assert_eq!(more, 2);
        assert_eq!(t.shown_rows(5).1, 0);
        assert_eq!(t.shown_rows(9).0.len(), 5);
    }

    #[test]
    fn formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(guard_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("+cmd"), "'+cmd");
        assert_eq!(guard_formula("-Stage"), "'-Stage");
        assert_eq!(guard_formula("-12"), "-12");
        assert_eq!(guard_formula("+3.2%"), "+3.2%");
        assert_eq!(guard_formula("-1,234.50"), "-1,234.50");
        assert_eq!(guard_formula("+23"), "+23");
        assert_eq!(guard_formula("-"), "'-");
        assert_eq!(guard_formula("-1.2.3"), "'-1.2.3");
        assert_eq!(guard_formula("Awareness"), "Awareness");
    }
}
