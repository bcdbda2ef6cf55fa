//! Day numbers and civil dates, without a time-zone database: timestamps are already "as
//! written" or UTC, and a day is 24 hours. One implementation for the whole app (ingest,
//! periods, filters and the generator), after Howard Hinnant's `days_from_civil` and
//! `civil_from_days`, exact for the whole proleptic Gregorian calendar. Plain arithmetic
//! rather than chrono because the ingest runs it once per timestamp cell; tests check it
//! against chrono.

/// (year, month 1–12, day 1–31) of a day number (days since 1970-01-01).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Day number of a civil date (inverse of [`civil_from_days`]); the date is not checked.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Day number of a date read from a file, `None` when the date does not exist
/// (2023-02-29, month 13, day 0) or lies beyond ±262,000 years.
pub fn checked_days(y: i32, m: u32, d: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || !(-262_000..=262_000).contains(&y) {
        return None;
    }
    (d <= days_in_month(y.into(), m)).then(|| days_from_civil(y.into(), m, d))
}

/// Days in month `m` (1–12) of year `y`: February has 29 in leap years of the Gregorian
/// calendar (every fourth year, but not centuries other than every fourth one).
pub fn days_in_month(y: i64, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a day written exactly `YYYY-MM-DD` (two-digit month and day, no time), as our own
/// links, settings and messages write it; surrounding blanks are ignored. `None` for any
/// other shape or a day that does not exist.
pub fn parse_iso_day(s: &str) -> Option<i64> {
    let s = s.trim();
    // With four year digits and two dashes, ten bytes leave exactly two digits each for
    // the month and the day, and no room for a time.
    if s.len() != 10 {
        return None;
    }
    match parse_day_time(s)? {
        (day, None) => Some(day),
        (_, Some(_)) => None,
    }
}

/// The parts of an ISO date and time: the day number, and the seconds into the day when a
/// time follows.
pub type DayTime = (i64, Option<i64>);

/// Reads `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM` or `HH:MM:SS`:
/// what date inputs, links and host pages send as dates and filter bounds. Month, day and
/// the time's fields may have one digit, and a leap second reads as :59, as chrono's
/// `%Y-%m-%d %H:%M:%S` reads them (a proptest holds the two equal); the year has exactly
/// four digits. `None` for anything else, or a day that does not exist.
pub fn parse_day_time(s: &str) -> Option<DayTime> {
    let (date, time) = match s.find(['T', ' ']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let mut ymd = date.split('-');
    let y = ymd.next().filter(|y| y.len() == 4).and_then(digits)?;
    let (m, d) = (ymd.next().and_then(short)?, ymd.next().and_then(short)?);
    if ymd.next().is_some() {
        return None;
    }
    let day = checked_days(y as i32, m, d)?;
    let Some(time) = time else {
        return Some((day, None));
    };
    let mut hms = time.split(':');
    let (h, min) = (hms.next().and_then(short)?, hms.next().and_then(short)?);
    let sec = match hms.next() {
        Some(x) => short(x)?,
        None => 0,
    };
    if hms.next().is_some() || h > 23 || min > 59 || sec > 60 {
        return None;
    }
    Some((day, Some(i64::from(h * 3600 + min * 60 + sec.min(59)))))
}

/// One or two ASCII digits.
fn short(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 {
        return None;
    }
    digits(s)
}

fn digits(s: &str) -> Option<u32> {
    s.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// (year, month, day, hour, minute) of epoch seconds, `None` for the missing time or beyond
/// ±262,000 years.
pub fn civil_from_secs(secs: i64) -> Option<(i64, u32, u32, u32, u32)> {
    const LIMIT: i64 = 262_000 * 366 * 86_400;
    if secs == crate::dataset::NO_TIME || !(-LIMIT..=LIMIT).contains(&secs) {
        return None;
    }
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400) as u32;
    Some((y, m, d, t / 3600, t % 3600 / 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn both_directions_match_chrono_across_four_centuries_and_before_1970() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
        for n in (-800_000..800_000).step_by(997) {
            let d = epoch + chrono::Duration::days(n);
            assert_eq!(
                civil_from_days(n),
                (d.year() as i64, d.month(), d.day()),
                "{n}"
            );
            assert_eq!(days_from_civil(d.year() as i64, d.month(), d.day()), n);
        }
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(days_from_civil(2024, 3, 1), 19_783);
        assert_eq!(checked_days(2023, 2, 29), None);
        assert_eq!(checked_days(2024, 2, 29), Some(19_782));
    }

    #[test]
    fn our_own_days_are_read_only_in_their_exact_form() {
        // 2024-02-29 is day 19782.
        assert_eq!(parse_iso_day("2024-02-29"), Some(19_782));
        assert_eq!(parse_iso_day(" 2024-02-29\n"), Some(19_782));
        assert_eq!(parse_iso_day("1969-12-31"), Some(-1));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "2024-02-9",
            "2024-1-123",
            "2024-02-29T00:00",
            "2024-02-29 10:00",
            "24-02-2024",
            "2024/02/29",
            "２０２４-02-29",
            "",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2025, 4), 30);
        assert_eq!(days_in_month(2025, 12), 31);
    }

    #[test]
    fn iso_days_and_times_read_as_written() {
        // 2024-02-29 is day 19782; 09:05:07 is 32707 s into it.
        assert_eq!(parse_day_time("2024-02-29"), Some((19_782, None)));
        assert_eq!(
            parse_day_time("2024-02-29T09:05:07"),
            Some((19_782, Some(32_707)))
        );
        assert_eq!(
            parse_day_time("2024-02-29 09:05"),
            Some((19_782, Some(32_700)))
        );
        assert_eq!(
            parse_day_time("2024-2-9T9:05"),
            Some((19_762, Some(32_700)))
        );
        assert_eq!(
            parse_day_time("1969-12-31T23:59:60"),
            Some((-1, Some(86_399)))
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-02-01",
            "+2024-02-01",
            "2024-02-01T",
            "2024-02-01T24:00",
            "2024-02-01T10:60",
            "2024-02-01T10:00:61",
            "2024-02-01T10",
            "2024-02-01-03",
            "2024-02-001",
            "2024-02-01T10:00:00:00",
            "",
            "２０２４-02-01",
        ] {
            assert_eq!(parse_day_time(bad), None, "{bad:?}");
        }
        assert_eq!(
            civil_from_secs(19_782 * 86_400 + 32_707),
            Some((2024, 2, 29, 9, 5))
        );
        assert_eq!(civil_from_secs(-1), Some((1969, 12, 31, 23, 59)));
        assert_eq!(civil_from_secs(crate::dataset::NO_TIME), None);
    }

    /// chrono's `%Y-%m-%d`, then `%Y-%m-%dT%H:%M:%S` and the other three layouts, as
    /// Journey Lens read dates and filter bounds before its own parser.
    fn chrono_day_time(s: &str) -> Option<DayTime> {
        use chrono::{NaiveDateTime, Timelike};
        let days = |d: NaiveDate| days_from_civil(i64::from(d.year()), d.month(), d.day());
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some((days(d), None));
        }
        [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .into_iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|t| {
            (
                days(t.date()),
                Some(i64::from(t.num_seconds_from_midnight())),
            )
        })
    }

    proptest::proptest! {
        /// Any four-digit year, one- or two-digit fields up to 99, either separator, with
        /// or without seconds: the same answer as chrono, refusals included.
        #[test]
        fn reads_what_chrono_read(
            y in 0u32..10_000,
            fields in proptest::collection::vec((0u32..100, proptest::bool::ANY), 5),
            time in 0usize..3,
            t_sep in proptest::bool::ANY,
        ) {
            let f = |i: usize| {
                let (v, wide) = fields[i];
                if wide || v > 9 { format!("{v:02}") } else { v.to_string() }
            };
            let mut s = format!("{y:04}-{}-{}", f(0), f(1));
            if time > 0 {
                s += &format!("{}{}:{}", if t_sep { 'T' } else { ' ' }, f(2), f(3));
            }
            if time > 1 {
                s += &format!(":{}", f(4));
            }
            proptest::prop_assert_eq!(parse_day_time(&s), chrono_day_time(&s), "{}", s);
        }
    }
}
