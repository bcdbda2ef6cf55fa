//! Reads a cell the app formatted for the screen back into what a spreadsheet needs.
//!
//! A chart's table holds what the chart draws ("64.9%", "51.9%–76.0%", "n/a", "1,234",
//! "2.5 days") so that "Show data" reads like the picture. A spreadsheet needs numbers: a
//! "%" or a grouping separator makes a cell text, an interval in one cell can't be charted
//! and "n/a" breaks an average. The shapes are the ones [`crate::format`] writes, read in
//! the table's own language, so nothing is guessed: Catalan "1.234" is one thousand two
//! hundred and thirty-four, while English "1.234" is not a grouped number and an English
//! "1,5" is not a number at all (both stay as shown).

use crate::format::{marks, Marks};
use crate::i18n::Lang;

/// What a number was a number of; the unit moves from the cell to the column's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Plain,
    Percent,
    Days,
}

/// A number as a spreadsheet set to the language types it: `-` for minus, no `+`, no
/// grouping, the language's decimal mark ("-1234,5" in Catalan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub number: String,
    pub unit: Unit,
}

/// One displayed cell, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// "n/a", a lone dash or nothing: an empty cell in the file.
    Missing,
    Value(Value),
    /// "low–high", both in the same unit: two cells in the file.
    Range(Value, Value),
    /// Anything else (labels, dates, periods), written as shown.
    Text(&'a str),
}

/// Reads one cell of a table formatted in `lang`.
///
/// ```
/// use journey_lens::export::shown::{read, Shown, Unit, Value};
/// use journey_lens::i18n::Lang;
/// let pct = |n: &str| Value { number: n.into(), unit: Unit::Percent };
/// assert_eq!(read(Lang::En, "51.9%–76.0%"), Shown::Range(pct("51.9"), pct("76.0")));
/// assert_eq!(read(Lang::Ca, "n/d"), Shown::Missing);
/// ```
pub fn read(lang: Lang, cell: &str) -> Shown<'_> {
    let m = marks(lang);
    let t = cell.trim();
    if t.is_empty() || t == m.not_available || t == "–" || t == "—" {
        return Shown::Missing;
    }
    if let Some(v) = value(&m, t) {
        return Shown::Value(v);
    }
    if let Some((a, b)) = t.split_once('–') {
        if let (Some(a), Some(b)) = (value(&m, a.trim()), value(&m, b.trim())) {
            if a.unit == b.unit {
                return Shown::Range(a, b);
            }
        }
    }
    Shown::Text(cell)
}

/// How a column goes into the file, decided from all its cells so that a column is
/// either numbers of one unit throughout or left exactly as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every cell is a value (or missing): one column of numbers in `Unit`.
    Values(Unit),
    /// Every cell is an interval (or missing): a low and a high column.
    Ranges(Unit),
    /// Mixed or text: each cell as shown, missing ones empty.
    AsShown,
}

/// The layout of one column from its cells, read in `lang`.
pub fn layout<'a>(lang: Lang, cells: impl IntoIterator<Item = &'a str>) -> Layout {
    let mut found: Option<Layout> = None;
    for cell in cells {
        let here = match read(lang, cell) {
            Shown::Missing => continue,
            Shown::Value(v) => Layout::Values(v.unit),
            Shown::Range(v, _) => Layout::Ranges(v.unit),
            Shown::Text(_) => return Layout::AsShown,
        };
        match found {
            None => found = Some(here),
            Some(f) if f == here => {}
            Some(_) => return Layout::AsShown,
        }
    }
    found.unwrap_or(Layout::AsShown)
}

fn value(m: &Marks, s: &str) -> Option<Value> {
    let gaps: &[char] = &[' ', '\u{a0}', '\u{202f}'];
    let (body, unit) = if let Some(b) = s.strip_suffix('%') {
        (b.trim_end_matches(gaps), Unit::Percent)
    } else if let Some(b) = s.strip_suffix(m.days).and_then(|b| b.strip_suffix(gaps)) {
        (b, Unit::Days)
    } else {
        (s, Unit::Plain)
    };
    number(m, body).map(|number| Value { number, unit })
}

/// The number in `s` written for a spreadsheet, if `s` is exactly a number in `m`'s marks.
fn number(m: &Marks, s: &str) -> Option<String> {
    let (negative, body) = match s.chars().next()? {
        c @ ('-' | '\u{2212}') => (true, &s[c.len_utf8()..]),
        '+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match body.split_once(m.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(s.len());
    if negative {
        out.push('-');
    }
    out.push_str(&ungroup(int, m.group)?);
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push(m.decimal);
        out.push_str(f);
    }
    Some(out)
}

/// The digits of an integer part, either ungrouped or grouped in threes by `group`.
fn ungroup(int: &str, group: &str) -> Option<String> {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let mut parts = int.split(group);
    let first = parts.next()?;
    // The app never writes a leading zero: "00123" is an id, and a spreadsheet would
    // read it as 123.
    if !digits(first) || (first.len() > 1 && first.starts_with('0')) {
        return None;
    }
    let mut out = first.to_string();
    let mut grouped = false;
    for p in parts {
        if p.len() != 3 || !digits(p) {
            return None;
        }
        grouped = true;
        out.push_str(p);
    }
    (!grouped || first.len() <= 3).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: &str, unit: Unit) -> Value {
        Value {
            number: n.into(),
            unit,
        }
    }

    #[test]
    fn english_cells() {
        assert_eq!(
            read(Lang::En, "1,234.5"),
            Shown::Value(v("1234.5", Unit::Plain))
        );
        assert_eq!(
            read(Lang::En, "+3.2%"),
            Shown::Value(v("3.2", Unit::Percent))
        );
        assert_eq!(
            read(Lang::En, "\u{2212}12"),
            Shown::Value(v("-12", Unit::Plain))
        );
        assert_eq!(
            read(Lang::En, "2.5 days"),
            Shown::Value(v("2.5", Unit::Days))
        );
        assert_eq!(read(Lang::En, "n/a"), Shown::Missing);
        assert_eq!(read(Lang::En, "1,5"), Shown::Text("1,5"));
        assert_eq!(read(Lang::En, "12,34"), Shown::Text("12,34"));
        assert_eq!(read(Lang::En, "2024-03"), Shown::Text("2024-03"));
        assert_eq!(
            read(Lang::En, "1,234,567"),
            Shown::Value(v("1234567", Unit::Plain))
        );
        assert_eq!(read(Lang::En, "1234,567"), Shown::Text("1234,567"));
        assert_eq!(read(Lang::En, "00123"), Shown::Text("00123"));
        assert_eq!(read(Lang::En, "0.5"), Shown::Value(v("0.5", Unit::Plain)));
    }

    #[test]
    fn catalan_and_polish_cells() {
        assert_eq!(
            read(Lang::Ca, "1.234,5"),
            Shown::Value(v("1234,5", Unit::Plain))
        );
        assert_eq!(
            read(Lang::Ca, "34,5\u{a0}%"),
            Shown::Value(v("34,5", Unit::Percent))
        );
        assert_eq!(
            read(Lang::Ca, "51,9\u{a0}%–76,0\u{a0}%"),
            Shown::Range(v("51,9", Unit::Percent), v("76,0", Unit::Percent))
        );
        assert_eq!(read(Lang::Ca, "4.00"), Shown::Text("4.00"));
        assert_eq!(
            read(Lang::Pl, "12\u{a0}345"),
            Shown::Value(v("12345", Unit::Plain))
        );
        assert_eq!(read(Lang::Pl, "b.d."), Shown::Missing);
        assert_eq!(
            read(Lang::Pl, "3,5 dni"),
            Shown::Value(v("3,5", Unit::Days))
        );
    }

    #[test]
    fn a_range_of_different_units_or_a_label_with_a_dash_stays_text() {
        assert_eq!(read(Lang::En, "5%–7 days"), Shown::Text("5%–7 days"));
        assert_eq!(read(Lang::En, "web–store"), Shown::Text("web–store"));
        assert_eq!(read(Lang::En, "–"), Shown::Missing);
    }

    #[test]
    fn a_column_is_numbers_only_when_every_cell_agrees() {
        assert_eq!(
            layout(Lang::En, ["45.0%", "n/a", "7.9%"]),
            Layout::Values(Unit::Percent)
        );
        assert_eq!(
            layout(Lang::En, ["1.0%–2.0%", "n/a"]),
            Layout::Ranges(Unit::Percent)
        );
        assert_eq!(layout(Lang::En, ["45.0%", "12"]), Layout::AsShown);
        assert_eq!(layout(Lang::En, ["awareness", "12"]), Layout::AsShown);
        assert_eq!(layout(Lang::En, ["n/a"]), Layout::AsShown);
    }
}
