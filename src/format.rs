//! Number and date formatting for everything a user reads.
//!
//! The UI, the charts, the tables and the CSV downloads all format through these functions,
//! so a value reads the same wherever it appears ("1,234" on the bar, in the tooltip and in
//! "Show data"). Every locale-specific choice (decimal mark, digit grouping, minus sign,
//! unit words) lives in [`Locale`]: adding Catalan, Spanish or Polish means adding one
//! `Locale` value in this file and nothing else.
//!
//! Non-finite numbers (NaN is the dataset's "missing number") and missing timestamps never
//! panic: they read as "n/a", the same as `None`.

use crate::calendar::{civil_from_days, civil_from_secs, parse_day_time};
use crate::i18n::Lang;

/// The typographic minus sign: a hyphen next to digits reads as a dash and is easy to miss.
pub const MINUS: char = '\u{2212}';

/// Everything that differs between languages when writing a number or a date.
#[derive(Debug, Clone, Copy)]
struct Locale {
    decimal: char,
    group: &'static str,
    minus: char,
    /// Written between a number and `%` (a space in some languages).
    percent_gap: &'static str,
    not_available: &'static str,
    /// Unit after a duration; decimals take the plural in English ("1.0 days").
    days: &'static str,
    /// Day, month, year order and separator of a written date.
    date: DateStyle,
    /// Short month names (CLDR's stand-alone abbreviations) for period labels on time axes;
    /// `None` keeps the compact ISO `2025-03`.
    months: Option<[&'static str; 12]>,
    /// Short word before an ISO week number (`None`: ISO `2025-W11`).
    week: Option<&'static str>,
    /// Quarter names written before the year (`None`: ISO-like `2025-Q1`).
    quarters: Option<[&'static str; 4]>,
}

#[derive(Debug, Clone, Copy)]
enum DateStyle {
    /// 2025-03-14
    Iso,
    /// 14/03/2025 (Catalan, Spanish) or 14.03.2025 (Polish).
    DayFirst(char),
}

const EN: Locale = Locale {
    decimal: '.',
    group: ",",
    minus: MINUS,
    percent_gap: "",
    not_available: "n/a",
    days: "days",
    date: DateStyle::Iso,
    months: None,
    week: None,
    quarters: None,
};

const CA: Locale = Locale {
    decimal: ',',
    group: ".",
    minus: MINUS,
    percent_gap: "\u{a0}",
    not_available: "n/d",
    days: "dies",
    date: DateStyle::DayFirst('/'),
    months: Some([
        "gen.", "febr.", "març", "abr.", "maig", "juny", "jul.", "ag.", "set.", "oct.", "nov.",
        "des.",
    ]),
    week: Some("setm."),
    quarters: Some(["1T", "2T", "3T", "4T"]),
};

const ES: Locale = Locale {
    days: "días",
    months: Some([
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ]),
    week: Some("sem."),
    ..CA
};

/// Polish groups digits with a no-break space, so a number never breaks across lines.
const PL: Locale = Locale {
    decimal: ',',
    group: "\u{a0}",
    minus: MINUS,
    percent_gap: "",
    not_available: "b.d.",
    days: "dni",
    date: DateStyle::DayFirst('.'),
    months: Some([
        "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
    ]),
    week: Some("tydz."),
    quarters: Some(["I kw.", "II kw.", "III kw.", "IV kw."]),
};

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => EN,
        Lang::Ca => CA,
        Lang::Es => ES,
        Lang::Pl => PL,
    }
}

/// The marks a language writes numbers with, for reading its own formatted cells back
/// (see [`crate::export::shown`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub decimal: char,
    pub group: &'static str,
    pub not_available: &'static str,
    pub days: &'static str,
}

/// The marks of `lang`: the decimal mark, the digit-grouping separator, "n/a", "days".
pub fn marks(lang: Lang) -> Marks {
    let loc = locale(lang);
    Marks {
        decimal: loc.decimal,
        group: loc.group,
        not_available: loc.not_available,
        days: loc.days,
    }
}

/// What a missing or undefined value reads as.
pub fn not_available(lang: Lang) -> String {
    locale(lang).not_available.to_string()
}

/// `value` with `decimals` digits after the mark and grouped thousands; the core of every
/// other number format. A value that rounds to zero is never written with a minus sign.
fn fixed(loc: &Locale, value: f64, decimals: usize, plus: bool) -> String {
    if !value.is_finite() {
        return loc.not_available.to_string();
    }
    let digits = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let is_zero = digits.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 && !is_zero {
        out.push(loc.minus);
    } else if plus && !is_zero {
        out.push('+');
    }
    out.push_str(&group_digits(int_part, loc.group));
    if let Some(f) = frac_part {
        out.push(loc.decimal);
        out.push_str(f);
    }
    out
}

/// Inserts the group separator every three digits from the right of an ASCII digit run.
fn group_digits(int_part: &str, sep: &str) -> String {
    let n = int_part.len();
    let mut out = String::with_capacity(n + n / 3 * sep.len());
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A whole number with thousands separators: 12345 → "12,345".
pub fn int(lang: Lang, n: i64) -> String {
    let loc = locale(lang);
    let digits = n.unsigned_abs().to_string();
    let grouped = group_digits(&digits, loc.group);
    if n < 0 {
        format!("{}{grouped}", loc.minus)
    } else {
        grouped
    }
}

/// A count of things (customers, events, answers): 1234 → "1,234".
pub fn count(lang: Lang, n: usize) -> String {
    let loc = locale(lang);
    group_digits(&n.to_string(), loc.group)
}

/// A plain number with `decimals` digits and grouped thousands: (1234.5, 1) → "1,234.5".
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    fixed(&locale(lang), value, decimals, false)
}

/// A percentage given on the 0–100 scale, one decimal: 34.5 → "34.5%".
pub fn percent(lang: Lang, pct: f64) -> String {
    let loc = locale(lang);
    if !pct.is_finite() {
        return loc.not_available.to_string();
    }
    format!("{}{}%", fixed(&loc, pct, 1, false), loc.percent_gap)
}

/// A share given as a fraction 0–1, written as a percentage: 0.345 → "34.5%".
pub fn fraction(lang: Lang, share: f64) -> String {
    percent(lang, share * 100.0)
}

/// A signed change in percent (or percentage points), one decimal: "+3.2%", "−1.0%", "0.0%".
pub fn delta_percent(lang: Lang, pct: f64) -> String {
    let loc = locale(lang);
    if !pct.is_finite() {
        return loc.not_available.to_string();
    }
    format!("{}{}%", fixed(&loc, pct, 1, true), loc.percent_gap)
}

/// A signed number with `decimals` digits: (2.0, 1) → "+2.0", (−0.5, 2) → "−0.50".
pub fn signed(lang: Lang, value: f64, decimals: usize) -> String {
    fixed(&locale(lang), value, decimals, true)
}

/// A satisfaction / effort score with one or two decimals (clamped to that range, because
/// more digits suggest a precision survey answers do not have): (4.25, 1) → "4.3".
pub fn score(lang: Lang, value: f64, decimals: usize) -> String {
    fixed(&locale(lang), value, decimals.clamp(1, 2), false)
}

/// A Net Promoter Score, signed whole number: 23.4 → "+23", −5.0 → "−5", 0.2 → "0".
pub fn nps(lang: Lang, value: f64) -> String {
    fixed(&locale(lang), value, 0, true)
}

/// A duration in days, one decimal: 2.5 → "2.5 days".
pub fn days(lang: Lang, value: f64) -> String {
    let loc = locale(lang);
    if !value.is_finite() {
        return loc.not_available.to_string();
    }
    format!("{} {}", fixed(&loc, value, 1, false), loc.days)
}

/// An amount of money without currency symbol, two decimals: 12345.5 → "12,345.50".
pub fn money(lang: Lang, value: f64) -> String {
    fixed(&locale(lang), value, 2, false)
}

/// An answer scale, "1–5", "0–10", "−2–2", "0,5–4,5" in the language's numbers: whole
/// ends without decimals, others with one.
pub fn scale(lang: Lang, s: crate::dataset::Scale) -> String {
    let end = |v: f64| number(lang, v, if v.fract() == 0.0 { 0 } else { 1 });
    format!("{}–{}", end(s.min), end(s.max))
}

/// Formats `value` with `f`, or "n/a" when it is missing or not finite.
pub fn or_na(lang: Lang, value: Option<f64>, f: impl Fn(Lang, f64) -> String) -> String {
    match value {
        Some(v) if v.is_finite() => f(lang, v),
        _ => not_available(lang),
    }
}

/// A calendar date from epoch seconds: "2025-03-14". Timestamps are naive local times stored
/// as if UTC, so no time-zone shift is applied.
pub fn date(lang: Lang, secs: i64) -> String {
    match civil_from_secs(secs) {
        Some((y, m, d, _, _)) => ymd(locale(lang).date, y, m, d),
        None => not_available(lang),
    }
}

fn ymd(style: DateStyle, y: i64, m: u32, d: u32) -> String {
    match style {
        DateStyle::Iso => format!("{y:04}-{m:02}-{d:02}"),
        DateStyle::DayFirst(sep) => format!("{d:02}{sep}{m:02}{sep}{y:04}"),
    }
}

/// An ISO calendar date ("2025-03-14", what a date input holds) written the language's
/// way ("14/03/2025", "14.03.2025"); anything that is not such a date is shown as it is.
pub fn iso_date(lang: Lang, iso: &str) -> String {
    match parse_day_time(iso.trim()) {
        Some((day, None)) => {
            let (y, m, d) = civil_from_days(day);
            ymd(locale(lang).date, y, m, d)
        }
        _ => iso.to_string(),
    }
}

/// A date and minute from epoch seconds: "2025-03-14 09:05".
pub fn date_time(lang: Lang, secs: i64) -> String {
    match civil_from_secs(secs) {
        Some((y, m, d, hour, minute)) => {
            format!("{} {hour:02}:{minute:02}", ymd(locale(lang).date, y, m, d))
        }
        None => not_available(lang),
    }
}

/// A period label as computed by analytics ("2025-03", "2025-W11"), in the language's
/// words: "març 2025", "2025, sem. 11". English keeps the compact ISO form; a label of any
/// other shape is shown as it is.
pub fn period(lang: Lang, label: &str) -> String {
    // A custom KPI period: two ISO days, both included.
    if let Some((from, to)) = label.split_once('/') {
        let day = |d: &str| matches!(parse_day_time(d), Some((_, None)));
        if day(from) && day(to) {
            return format!("{} – {}", iso_date(lang, from), iso_date(lang, to));
        }
    }
    let loc = locale(lang);
    let Some((year, rest)) = label.split_once('-') else {
        return label.to_string();
    };
    let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !is_year {
        return label.to_string();
    }
    if let (Some(week), Some(word)) = (rest.strip_prefix('W'), loc.week) {
        if two_digits(week) {
            return format!("{year}, {word} {}", week.trim_start_matches('0'));
        }
    }
    if let (Some(q), Some(names)) = (rest.strip_prefix('Q'), loc.quarters) {
        let at = match q {
            "1" => Some(0),
            "2" => Some(1),
            "3" => Some(2),
            "4" => Some(3),
            _ => None,
        };
        if let Some(i) = at {
            return format!("{} {year}", names[i]);
        }
    }
    if let Some(months) = loc.months {
        if two_digits(rest) {
            let m: usize = rest.parse().unwrap_or(0);
            if let Some(name) = m.checked_sub(1).and_then(|i| months.get(i)) {
                return format!("{name} {year}");
            }
        }
    }
    label.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::NO_TIME;
    const L: Lang = Lang::En;

    #[test]
    fn integers_group_thousands() {
        assert_eq!(int(L, 0), "0");
        assert_eq!(int(L, 999), "999");
        assert_eq!(int(L, 1000), "1,000");
        assert_eq!(int(L, 12345), "12,345");
        assert_eq!(int(L, 1234567), "1,234,567");
        assert_eq!(int(L, -1234), "\u{2212}1,234");
        assert_eq!(int(L, i64::MIN), "\u{2212}9,223,372,036,854,775,808");
        assert_eq!(count(L, 100000), "100,000");
    }

    #[test]
    fn percents_and_deltas() {
        assert_eq!(percent(L, 34.5), "34.5%");
        assert_eq!(percent(L, 100.0), "100.0%");
        assert_eq!(percent(L, 7.94), "7.9%");
        assert_eq!(fraction(L, 0.4), "40.0%");
        assert_eq!(delta_percent(L, 3.21), "+3.2%");
        assert_eq!(delta_percent(L, -1.0), "\u{2212}1.0%");
        assert_eq!(delta_percent(L, -0.04), "0.0%");
        assert_eq!(delta_percent(L, 0.0), "0.0%");
        assert_eq!(percent(L, f64::NAN), "n/a");
        assert_eq!(percent(L, 1234.56), "1,234.6%");
    }

    #[test]
    fn scores_nps_days_money() {
        assert_eq!(score(L, 4.26, 1), "4.3");
        assert_eq!(score(L, 4.0, 2), "4.00");
        assert_eq!(score(L, 4.123, 0), "4.1");
        assert_eq!(score(L, 4.123, 5), "4.12");
        assert_eq!(nps(L, 23.4), "+23");
        assert_eq!(nps(L, -5.0), "\u{2212}5");
        assert_eq!(nps(L, 0.2), "0");
        assert_eq!(nps(L, -0.3), "0");
        assert_eq!(days(L, 2.5), "2.5 days");
        assert_eq!(days(L, 0.04), "0.0 days");
        assert_eq!(money(L, 12345.5), "12,345.50");
        assert_eq!(money(L, -0.001), "0.00");
        assert_eq!(money(L, -1999.999), "\u{2212}2,000.00");
        assert_eq!(number(L, 1234.56, 1), "1,234.6");
        assert_eq!(signed(L, 2.0, 1), "+2.0");
        assert_eq!(money(L, f64::INFINITY), "n/a");
    }

    #[test]
    fn missing_values_read_na() {
        assert_eq!(or_na(L, None, percent), "n/a");
        assert_eq!(or_na(L, Some(f64::NAN), percent), "n/a");
        assert_eq!(or_na(L, Some(12.0), percent), "12.0%");
    }

    #[test]
    fn dates_are_naive_utc() {
        // 2025-03-14 00:00:00 UTC = 20161 days * 86400.
        assert_eq!(date(L, 1_741_910_400), "2025-03-14");
        // + 9 h 5 min 59 s: minutes are truncated, not rounded.
        assert_eq!(
            date_time(L, 1_741_910_400 + 9 * 3600 + 5 * 60 + 59),
            "2025-03-14 09:05"
        );
        assert_eq!(date(L, 0), "1970-01-01");
        assert_eq!(date(L, -86_400), "1969-12-31");
        assert_eq!(date(L, NO_TIME), "n/a");
        assert_eq!(date_time(L, i64::MAX), "n/a");
        assert_eq!(period(L, "2025-W11"), "2025-W11");
    }

    #[test]
    fn catalan_spanish_polish_write_numbers_and_dates_their_way() {
        assert_eq!(int(Lang::Ca, 1234567), "1.234.567");
        assert_eq!(number(Lang::Es, 1234.56, 1), "1.234,6");
        assert_eq!(int(Lang::Pl, 12345), "12\u{a0}345");
        assert_eq!(money(Lang::Pl, -1999.5), "\u{2212}1\u{a0}999,50");
        assert_eq!(percent(Lang::Ca, 34.5), "34,5\u{a0}%");
        assert_eq!(percent(Lang::Pl, 34.5), "34,5%");
        assert_eq!(days(Lang::Es, 2.5), "2,5 días");
        assert_eq!(date(Lang::Ca, 1_741_910_400), "14/03/2025");
        assert_eq!(date(Lang::Pl, 1_741_910_400), "14.03.2025");
        assert_eq!(
            date_time(Lang::Es, 1_741_910_400 + 9 * 3600),
            "14/03/2025 09:00"
        );
        assert_eq!(percent(Lang::Pl, f64::NAN), "b.d.");
    }

    #[test]
    fn date_input_values_are_rewritten_per_language() {
        assert_eq!(iso_date(Lang::En, "2025-03-14"), "2025-03-14");
        assert_eq!(iso_date(Lang::Es, "2025-03-14"), "14/03/2025");
        assert_eq!(iso_date(Lang::Pl, "2025-03-04"), "04.03.2025");
        assert_eq!(iso_date(Lang::Ca, "2025-02-30"), "2025-02-30");
        assert_eq!(iso_date(Lang::Ca, "ahir"), "ahir");
    }

    #[test]
    fn periods_read_with_month_names_and_week_words() {
        assert_eq!(period(Lang::En, "2025-03"), "2025-03");
        assert_eq!(period(Lang::Ca, "2025-03"), "març 2025");
        assert_eq!(period(Lang::Ca, "2025-01"), "gen. 2025");
        assert_eq!(period(Lang::Es, "2025-09"), "sept 2025");
        assert_eq!(period(Lang::Pl, "2025-10"), "paź 2025");
        assert_eq!(period(Lang::Pl, "2025-12"), "gru 2025");
        assert_eq!(period(Lang::Es, "2025-W05"), "2025, sem. 5");
        assert_eq!(period(Lang::Pl, "2025-W11"), "2025, tydz. 11");
        // Anything else is shown as it came.
        assert_eq!(period(Lang::Ca, "2025-13"), "2025-13");
        assert_eq!(period(Lang::Ca, "2025-00"), "2025-00");
        assert_eq!(period(Lang::Pl, "Q1"), "Q1");
        assert_eq!(period(Lang::En, "2025-Q1"), "2025-Q1");
        assert_eq!(period(Lang::Ca, "2025-Q2"), "2T 2025");
        assert_eq!(period(Lang::Es, "2025-Q4"), "4T 2025");
        assert_eq!(period(Lang::Pl, "2025-Q3"), "III kw. 2025");
        assert_eq!(period(Lang::Pl, "2025-Q5"), "2025-Q5");
        assert_eq!(period(Lang::En, "2025"), "2025");
        assert_eq!(
            period(Lang::Es, "2025-02-01/2025-02-28"),
            "01/02/2025 – 28/02/2025"
        );
        assert_eq!(period(Lang::En, "2025-02-01/x"), "2025-02-01/x");
        assert_eq!(period(Lang::Es, "25-03"), "25-03");
    }
}
