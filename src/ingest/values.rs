//! Reading one cell: missing-value tokens, numbers in European and US notation, and
//! dates in the handful of layouts spreadsheets export. Everything works on bytes and
//! allocates nothing, because it runs for every cell of a million-row file.

/// Strips ASCII whitespace and non-breaking spaces around a cell.
pub fn trim(b: &[u8]) -> &[u8] {
    let mut s = b;
    loop {
        match s {
            [c, rest @ ..] if c.is_ascii_whitespace() => s = rest,
            [0xC2, 0xA0, rest @ ..] => s = rest,
            _ => break,
        }
    }
    loop {
        match s {
            [rest @ .., c] if c.is_ascii_whitespace() => s = rest,
            [rest @ .., 0xC2, 0xA0] => s = rest,
            _ => break,
        }
    }
    s
}

/// Empty cells and the usual "no value" tokens (NA, N/A, null, -), in every column.
pub fn is_missing(b: &[u8]) -> bool {
    match b.len() {
        0 => true,
        1 => b[0] == b'-',
        2 => b.eq_ignore_ascii_case(b"na"),
        3 => b.eq_ignore_ascii_case(b"n/a"),
        4 => b.eq_ignore_ascii_case(b"null"),
        _ => false,
    }
}

/// Parses a trimmed, non-missing number. `decimal_comma` is the file-level decision;
/// a cell that can only be read one way (e.g. "4,5" in a decimal-point file) is still
/// accepted, but an ambiguous one ("1,234") always follows the file's convention.
// Over 80 lines: one call per numeric cell; split into steps (issue 10) it read decimal-comma cells 1.1–1.4× slower, so the cases stay in one body.
pub fn parse_number(b: &[u8], decimal_comma: bool) -> Option<f64> {
    if !decimal_comma {
        if let Some(v) = plain_decimal(b) {
            return Some(v);
        }
    }
    // Plain "-12.5" style.
    if b.iter()
        .all(|&c| c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+')
        && !decimal_comma
    {
        return std::str::from_utf8(b)
            .ok()?
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite());
    }
    let mut buf = [0u8; 64];
    let mut n = 0usize;
    let mut rest = b;
    if let [s @ (b'-' | b'+'), r @ ..] = rest {
        buf[0] = *s;
        n = 1;
        rest = r;
    }
    // Split into digit groups and the separators between them.
    let mut groups: [(usize, usize); 16] = [(0, 0); 16];
    let mut seps: [u8; 16] = [0; 16];
    let mut ng = 0usize;
    let mut i = 0usize;
    while i < rest.len() {
        let start = i;
        while i < rest.len() && rest[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || ng >= 16 {
            return None;
        }
        groups[ng] = (start, i);
        if i == rest.len() {
            ng += 1;
            break;
        }
        let sep = match &rest[i..] {
            [0xC2, 0xA0, ..] => {
                i += 2;
                b' '
            }
            [0xE2, 0x80, 0xAF, ..] => {
                i += 3;
                b' '
            }
            [c @ (b'.' | b',' | b' ' | b'\''), ..] => {
                i += 1;
                *c
            }
            _ => return None,
        };
        seps[ng] = sep;
        ng += 1;
        if i == rest.len() {
            return None;
        }
    }
    if ng == 0 {
        return None;
    }
    // The decimal mark is the last separator when it is '.' or ',' and either it differs
    // from the earlier ones, or its reading is forced.
    let nseps = ng - 1;
    let len = |g: (usize, usize)| g.1 - g.0;
    let mut decimal_at: Option<usize> = None; // index of the separator that is the mark
    if nseps > 0 {
        let last = seps[nseps - 1];
        let earlier_same = seps[..nseps - 1].contains(&last);
        let last_group_len = len(groups[ng - 1]);
        if last == b'.' || last == b',' {
            let file_mark = if decimal_comma { b',' } else { b'.' };
            let is_mark = !earlier_same && (nseps > 1 || last_group_len != 3 || last == file_mark);
            if is_mark {
                decimal_at = Some(nseps - 1);
            }
        }
    }
    // Thousands separators: one kind, groups of exactly three after the first (1–3).
    let thousands_end = decimal_at.unwrap_or(nseps);
    if thousands_end > 0 {
        let kind = seps[0];
        if len(groups[0]) > 3 || len(groups[0]) == 0 {
            return None;
        }
        for k in 0..thousands_end {
            if seps[k] != kind || len(groups[k + 1]) != 3 {
                return None;
            }
        }
        if let Some(d) = decimal_at {
            if seps[d] == kind {
                return None;
            }
        }
    }
    for (k, g) in groups.iter().take(ng).enumerate() {
        let digits = &rest[g.0..g.1];
        if n + digits.len() + 1 >= buf.len() {
            return None;
        }
        buf[n..n + digits.len()].copy_from_slice(digits);
        n += digits.len();
        if decimal_at == Some(k) {
            buf[n] = b'.';
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n])
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// `[+-]digits[.digits]` with at most 15 digits, read without `str::parse`: scores and
/// amounts are short, and there are millions of them. The digits as an integer and the
/// power of ten are both exact in an `f64` (below 2^53 and 1e22), so one division gives
/// the correctly rounded value, the same one `str::parse` returns. `None` means "use the
/// general reader", never "not a number".
fn plain_decimal(b: &[u8]) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (neg, digits) = match b {
        [b'-', r @ ..] => (true, r),
        [b'+', r @ ..] => (false, r),
        r => (false, r),
    };
    let mut m: u64 = 0;
    let mut n = 0usize;
    let mut frac: Option<usize> = None;
    for &c in digits {
        if c.is_ascii_digit() {
            m = m * 10 + (c - b'0') as u64;
            n += 1;
            if n > 15 {
                return None;
            }
        } else if c == b'.' && frac.is_none() {
            frac = Some(n);
        } else {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    let scale = n - frac.unwrap_or(n);
    let v = m as f64 / POW10[scale];
    Some(if neg { -v } else { v })
}

/// Evidence about the decimal mark from sample cells, gathered across a whole file.
#[derive(Debug, Default, Clone, Copy)]
pub struct DecimalEvidence {
    comma: usize,
    point: usize,
    comma_weak: usize,
}

impl DecimalEvidence {
    /// Looks at one trimmed cell.
    pub fn observe(&mut self, b: &[u8]) {
        let b = match b {
            [b'-' | b'+', r @ ..] => r,
            _ => b,
        };
        if b.is_empty() || !b[0].is_ascii_digit() {
            return;
        }
        let commas = b.iter().filter(|&&c| c == b',').count();
        let points = b.iter().filter(|&&c| c == b'.').count();
        if !b
            .iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b' ' | 0xC2 | 0xA0))
        {
            return;
        }
        let last_mark = b.iter().rposition(|&c| c == b',' || c == b'.');
        let Some(p) = last_mark else { return };
        let frac = b.len() - p - 1;
        let mark = b[p];
        let other_before = if mark == b',' { points > 0 } else { commas > 0 };
        let spaces_before = b[..p].iter().any(|&c| c == b' ' || c == 0xA0);
        let count_mark = if mark == b',' { commas } else { points };
        if count_mark > 1 {
            // "1.234.567" or "1,234,567": thousands only, says the other is the mark.
            if mark == b',' {
                self.point += 1;
            } else {
                self.comma += 1;
            }
            return;
        }
        if frac != 3 || other_before || spaces_before {
            if mark == b',' {
                self.comma += 1;
            } else {
                self.point += 1;
            }
        } else if mark == b',' {
            self.comma_weak += 1;
        }
    }

    /// The file-level decision: comma only on clear evidence, or on "1,234"-style cells in
    /// a file whose fields are not separated by commas.
    pub fn decimal_comma(&self, delimiter: u8) -> bool {
        if self.comma != self.point {
            return self.comma > self.point;
        }
        self.comma == 0 && self.comma_weak > 0 && delimiter != b','
    }
}

/// How the parts of a slashed date are ordered, decided per column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// One parsed date cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParsedDate {
    /// Unambiguous layout: seconds since epoch (UTC for zoned input).
    Exact(i64, DateLayout),
    /// `a/b/year`: order decided once the whole column has been seen.
    Slashed(SlashDate),
    Invalid,
}

/// The layouts we report back to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLayout {
    Iso,
    YearSlash,
    Dotted,
    Dashed,
}

impl DateLayout {
    /// The layout as the load summary names it.
    pub fn reading(self) -> super::notes::DateReading {
        use super::notes::DateReading;
        match self {
            DateLayout::Iso => DateReading::Iso,
            DateLayout::YearSlash => DateReading::YearSlash,
            DateLayout::Dotted => DateReading::Dotted,
            DateLayout::Dashed => DateReading::Dashed,
        }
    }

    /// The layout in the JSON report's `date_format` (machine-readable, locale-free).
    pub fn describe(self) -> &'static str {
        match self {
            DateLayout::Iso => "year-month-day (ISO 8601)",
            DateLayout::YearSlash => "year/month/day",
            DateLayout::Dotted => "day.month.year",
            DateLayout::Dashed => "day-month-year",
        }
    }
}

/// A date whose first two parts are ambiguous until the whole column is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlashDate {
    pub a: u8,
    pub b: u8,
    pub year: i32,
    /// Seconds into the day, already shifted to UTC when a zone was given.
    pub secs: i64,
}

impl SlashDate {
    /// Whether the date exists when read in `order`.
    pub fn resolve(&self, order: DateOrder) -> Option<i64> {
        let (d, m) = match order {
            DateOrder::DayFirst => (self.a, self.b),
            DateOrder::MonthFirst => (self.b, self.a),
        };
        days(self.year, m as u32, d as u32).map(|days| days * 86_400 + self.secs)
    }
}

use crate::calendar::checked_days as days;

/// Reads up to `max` digits starting at `*i`.
fn digits(b: &[u8], i: &mut usize, min: usize, max: usize) -> Option<u32> {
    let start = *i;
    let mut v: u32 = 0;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        v = v * 10 + (b[*i] - b'0') as u32;
        *i += 1;
    }
    (*i - start >= min).then_some(v)
}

/// Parses `hh:mm[:ss[.frac]]` and an optional zone from `b[i..]` (after the date and a
/// `T` or spaces). Returns seconds of day minus the zone offset.
fn time_part(b: &[u8], mut i: usize) -> Option<i64> {
    if i == b.len() {
        return Some(0);
    }
    match b[i] {
        b'T' | b't' | b' ' => {
            while i < b.len() && (b[i] == b' ' || b[i] == b'T' || b[i] == b't') {
                i += 1;
            }
        }
        _ => return None,
    }
    if i == b.len() {
        return Some(0);
    }
    let h = digits(b, &mut i, 1, 2)?;
    if b.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    let m = digits(b, &mut i, 2, 2)?;
    let mut s = 0;
    if b.get(i) == Some(&b':') {
        i += 1;
        s = digits(b, &mut i, 2, 2)?;
        if matches!(b.get(i), Some(b'.') | Some(b',')) {
            i += 1;
            digits(b, &mut i, 1, 9)?;
        }
    }
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let mut secs = (h * 3600 + m * 60 + s.min(59)) as i64;
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i < b.len() {
        match b[i] {
            b'Z' | b'z' if i + 1 == b.len() => {}
            sign @ (b'+' | b'-') => {
                i += 1;
                let oh = digits(b, &mut i, 2, 2)?;
                if b.get(i) == Some(&b':') {
                    i += 1;
                }
                let om = if i < b.len() {
                    digits(b, &mut i, 2, 2)?
                } else {
                    0
                };
                if i != b.len() || oh > 14 || om > 59 {
                    return None;
                }
                let off = (oh * 3600 + om * 60) as i64;
                secs -= if sign == b'+' { off } else { -off };
            }
            _ => return None,
        }
    }
    Some(secs)
}

/// Parses a trimmed, non-missing date cell.
pub fn parse_date(b: &[u8]) -> ParsedDate {
    parse_date_inner(b).unwrap_or(ParsedDate::Invalid)
}

fn parse_date_inner(b: &[u8]) -> Option<ParsedDate> {
    let mut i = 0;
    let first = digits(b, &mut i, 1, 4)?;
    let first_len = i;
    let sep = *b.get(i)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    i += 1;
    let second = digits(b, &mut i, 1, 2)?;
    if b.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let third_start = i;
    let third = digits(b, &mut i, 1, 4)?;
    let third_len = i - third_start;
    let secs = time_part(b, i)?;
    if first_len == 4 {
        // Year first: ISO or yyyy/mm/dd; always year-month-day.
        let layout = if sep == b'/' {
            DateLayout::YearSlash
        } else {
            DateLayout::Iso
        };
        let d = days(first as i32, second, third)?;
        return Some(ParsedDate::Exact(d * 86_400 + secs, layout));
    }
    if third_len != 4 || first_len > 2 {
        return None;
    }
    let year = third as i32;
    match sep {
        b'/' => {
            if first == 0 || second == 0 || (first > 12 && second > 12) {
                return None;
            }
            if first > 31 || second > 31 {
                return None;
            }
            let sd = SlashDate {
                a: first as u8,
                b: second as u8,
                year,
                secs,
            };
            // At least one reading must exist.
            if sd.resolve(DateOrder::DayFirst).is_none()
                && sd.resolve(DateOrder::MonthFirst).is_none()
            {
                return None;
            }
            Some(ParsedDate::Slashed(sd))
        }
        _ => {
            let layout = if sep == b'.' {
                DateLayout::Dotted
            } else {
                DateLayout::Dashed
            };
            let d = days(year, second, first)?;
            Some(ParsedDate::Exact(d * 86_400 + secs, layout))
        }
    }
}

/// Tallies the evidence for the order of slashed dates in one column.
#[derive(Debug, Default, Clone, Copy)]
pub struct OrderEvidence {
    pub day_first: usize,
    pub month_first: usize,
    pub ambiguous: usize,
}

impl OrderEvidence {
    pub fn observe(&mut self, d: &SlashDate) {
        if d.a > 12 {
            self.day_first += 1;
        } else if d.b > 12 {
            self.month_first += 1;
        } else {
            self.ambiguous += 1;
        }
    }
    pub fn any(&self) -> bool {
        self.day_first + self.month_first + self.ambiguous > 0
    }
    /// Any first part over 12 means day first, any second part over 12 month first; with
    /// both (a mixed column) the majority wins; with neither, the European default.
    pub fn decide(&self) -> DateOrder {
        if self.month_first > self.day_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn numbers_in_both_notations() {
        assert_eq!(parse_number(b"12.5", false), Some(12.5));
        assert_eq!(parse_number(b"-3", false), Some(-3.0));
        assert_eq!(parse_number(b"1.234,5", true), Some(1234.5));
        assert_eq!(parse_number(b"1 234,5", true), Some(1234.5));
        assert_eq!(parse_number("1\u{a0}234,50".as_bytes(), true), Some(1234.5));
        assert_eq!(parse_number(b"1,234.5", false), Some(1234.5));
        assert_eq!(parse_number(b"1,234", false), Some(1234.0));
        assert_eq!(parse_number(b"1,234", true), Some(1.234));
        assert_eq!(parse_number(b"4,5", false), Some(4.5));
        assert_eq!(parse_number(b"1.234", true), Some(1234.0));
        assert_eq!(parse_number(b"12,34,5", true), None);
        assert_eq!(parse_number(b"dobre", true), None);
        assert_eq!(parse_number(b"1.2.3", false), None);
        assert_eq!(parse_number(b"", false), None);
    }

    #[test]
    fn plain_decimals_match_the_standard_parser() {
        for t in [
            "0",
            "-0",
            "+7",
            "12.5",
            "-3",
            "147.50",
            "0.1",
            "0.3",
            ".5",
            "5.",
            "999999999999999",
            "123456789.012345",
            "-0.000000000000001",
            "1.7976931348623157",
        ] {
            let want: f64 = t.parse().unwrap();
            let got = parse_number(t.as_bytes(), false).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{t}");
        }
        // Hand-worked: 16 digits leave the fast path but still read.
        assert_eq!(
            parse_number(b"1234567890123456", false),
            Some(1.234567890123456e15)
        );
        for t in [&b"."[..], b"-", b"+", b"1..2", b"--1", b"1-"] {
            assert_eq!(parse_number(t, false), None, "{t:?}");
        }
    }

    #[test]
    fn day_numbers_match_chrono() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for y in [
            0, 1, 4, 100, 1582, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999,
        ] {
            for m in 0..=13u32 {
                for d in 0..=32u32 {
                    let want = NaiveDate::from_ymd_opt(y, m, d).map(|x| (x - epoch).num_days());
                    assert_eq!(days(y, m, d), want, "{y}-{m}-{d}");
                }
            }
        }
        // 2024-03-15 is day 19797 (worked out in `dates`).
        assert_eq!(days(2024, 3, 15), Some(19_797));
    }

    #[test]
    fn missing_tokens() {
        for t in [&b""[..], b"NA", b"n/a", b"NULL", b"-"] {
            assert!(is_missing(t));
        }
        assert!(!is_missing(b"0"));
    }

    #[test]
    fn dates() {
        // 2024-03-15 = 19797 days after 1970-01-01.
        let d = 19_797 * 86_400;
        assert_eq!(
            parse_date(b"2024-03-15"),
            ParsedDate::Exact(d, DateLayout::Iso)
        );
        assert_eq!(
            parse_date(b"2024-03-15T14:30:00.123Z"),
            ParsedDate::Exact(d + 14 * 3600 + 30 * 60, DateLayout::Iso)
        );
        assert_eq!(
            parse_date(b"2024-03-15 14:30+02:00"),
            ParsedDate::Exact(d + 12 * 3600 + 30 * 60, DateLayout::Iso)
        );
        assert_eq!(
            parse_date(b"15.03.2024 08:05:09"),
            ParsedDate::Exact(d + 8 * 3600 + 5 * 60 + 9, DateLayout::Dotted)
        );
        assert_eq!(
            parse_date(b"15-03-2024"),
            ParsedDate::Exact(d, DateLayout::Dashed)
        );
        assert_eq!(
            parse_date(b"2024/03/15"),
            ParsedDate::Exact(d, DateLayout::YearSlash)
        );
        assert_eq!(parse_date(b"31/31/2024"), ParsedDate::Invalid);
        assert_eq!(parse_date(b"2024-02-30"), ParsedDate::Invalid);
        assert_eq!(parse_date(b"yesterday"), ParsedDate::Invalid);
        match parse_date(b"03/04/2024") {
            ParsedDate::Slashed(s) => {
                assert_eq!(s.resolve(DateOrder::DayFirst), Some(19_816 * 86_400));
                assert_eq!(s.resolve(DateOrder::MonthFirst), Some(19_786 * 86_400));
            }
            other => panic!("{other:?}"),
        }
    }
}
