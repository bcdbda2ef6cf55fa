//! The one CSV writer behind every download: chart tables, the mapping table, dropped
//! customers and the rejected rows.
//!
//! A CSV is opened in a spreadsheet, and a spreadsheet runs any cell that starts like a
//! formula. Cells carry text from the uploaded file (stage names, customer ids, the raw
//! fields of a rejected row), so a file with a stage called `=HYPERLINK("http://evil","x")`
//! or a customer id `=cmd|' /C calc'!A0` would turn a download into an attack on whoever
//! opens it ("CSV injection", OWASP). The rule, after OWASP's advice: a text cell whose
//! first character is `=`, `+`, `-`, `@`, tab or carriage return is written with a leading
//! `'`, which spreadsheets read as "this is text".
//!
//! Numbers the app wrote are not text: "-12.5", "+23" or "1,234" must stay numbers in the
//! spreadsheet, and a stray `'` would turn them into text. So a cell says what it is
//! ([`Cell`]); a number is written as is only when it really has the shape of a number
//! (sign, digits, separators, `%`), which no formula has, so a cell wrongly marked as a
//! number cannot smuggle a formula through either.
//!
//! Quoting, escaping and line ends are the `csv` crate's, never hand-assembled strings:
//! fields are quoted when they hold the separator, a quote or a line break, and records end
//! with CRLF (RFC 4180). The separator and a byte-order mark are options so that a language
//! whose spreadsheets expect `;` and a decimal comma can have them; number cells arrive
//! already formatted for the language by [`crate::format`], and the number test accepts
//! either decimal mark.

use crate::i18n::Lang;
use std::borrow::Cow;

pub mod name;
pub mod shown;

/// How the file is laid out. The default is what every download uses today: comma-separated
/// UTF-8 without a byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Field separator, `b','` by default; `b';'` where the decimal mark is a comma.
    pub delimiter: u8,
    /// Starts the file with U+FEFF, which Excel needs to read UTF-8 rather than a code page.
    pub bom: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            delimiter: b',',
            bom: false,
        }
    }
}

impl ExportOptions {
    /// What a spreadsheet set to `lang` opens without an import dialog: where the decimal
    /// mark is a comma (Catalan, Spanish, Polish) the list separator is `;`, else `,`; and
    /// always a byte-order mark, without which Excel reads UTF-8 as the system code page
    /// and "consideració" turns into "consideraciÃ³".
    pub fn for_lang(lang: Lang) -> Self {
        ExportOptions {
            delimiter: match lang {
                Lang::En => b',',
                Lang::Ca | Lang::Es | Lang::Pl => b';',
            },
            bom: true,
        }
    }
}

/// One cell of a record, saying whether it is text or a number the app formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text, from the user's file or from the app: guarded when it starts like a formula.
    Text(&'a str),
    /// A number the app formatted ("-12.5", "+23", "1,234", "45.0%"): written as is, so it
    /// stays a number. Anything without the shape of a number is guarded like text.
    Number(&'a str),
}

impl<'a> Cell<'a> {
    /// A display string from a table that mixes labels and numbers in its rows: a number
    /// when it has the shape of one, text otherwise. A label that is entirely a number
    /// ("-12") has no formula in it, so writing it as a number is safe.
    pub fn display(s: &'a str) -> Cell<'a> {
        if is_number(s) {
            Cell::Number(s)
        } else {
            Cell::Text(s)
        }
    }

    /// The text that goes into the file, before quoting. Numbers are written the way a
    /// spreadsheet types them: the typographic minus (U+2212) becomes `-` and the no-break
    /// spaces of digit grouping and before `%` are dropped, since spreadsheets read
    /// "−5" or "12 345" as text.
    pub fn guarded(self) -> Cow<'a, str> {
        match self {
            Cell::Number(s) if is_number(s) => spreadsheet_number(s),
            Cell::Text(s) | Cell::Number(s) => guard_formula(s),
        }
    }
}

/// Writes records into an in-memory CSV file.
pub struct CsvExport {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvExport {
    pub fn new(options: ExportOptions) -> Self {
        let mut start = Vec::new();
        if options.bom {
            start.extend_from_slice("\u{FEFF}".as_bytes());
        }
        let writer = csv::WriterBuilder::new()
            .delimiter(options.delimiter)
            .terminator(csv::Terminator::CRLF)
            // Rejected rows keep their original length, which may differ from the header's.
            .flexible(true)
            .from_writer(start);
        CsvExport { writer }
    }

    /// Appends one record.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let fields: Vec<Cow<'a, str>> = cells.into_iter().map(Cell::guarded).collect();
        // Writing into a Vec cannot fail and `flexible` allows any record length, so the
        // writer has no error to report here.
        let _ = self
            .writer
            .write_record(fields.iter().map(|f| f.as_bytes()));
    }

    /// Appends a record of text cells.
    pub fn text_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        self.row(cells.into_iter().map(Cell::Text));
    }

    /// The finished file. Every field was a `&str`, so the bytes are UTF-8.
    pub fn finish(self) -> String {
        // Flushing into a Vec cannot fail either.
        let bytes = self.writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }
}

fn spreadsheet_number(s: &str) -> Cow<'_, str> {
    if s.contains(['\u{2212}', '\u{A0}', '\u{202F}', ' ']) {
        Cow::Owned(
            s.chars()
                .filter(|c| !matches!(c, '\u{A0}' | '\u{202F}' | ' '))
                .map(|c| if c == '\u{2212}' { '-' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// The characters that make a spreadsheet read a cell as a formula (or, for tab and CR,
/// that some spreadsheets strip before reading one).
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes `'` to text that starts with a formula trigger.
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// True for a formatted number: an optional sign (`+`, `-` or `−`), digit runs joined by
/// single separators (`,` `.` or a no-break space, for either decimal mark and any
/// grouping), then an optional `%` (after an optional space). Nothing of that shape can
/// name a function or a cell, so none of it can be a formula.
pub fn is_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-', '\u{2212}']).unwrap_or(cell);
    let body = match body.strip_suffix('%') {
        Some(b) => b.strip_suffix([' ', '\u{A0}', '\u{202F}']).unwrap_or(b),
        None => body,
    };
    !body.is_empty()
        && body
            .split([',', '.', '\u{A0}', '\u{202F}'])
            .all(|run| !run.is_empty() && run.bytes().all(|b| b.is_ascii_digit()))
}
