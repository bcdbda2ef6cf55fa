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
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= month_len).then(|| days_from_civil(y as i64, m, d))
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
}
