//! The KPI cards' period (a month, quarter, year or custom range of days) and the period it
//! is compared with, as day ranges. A card's value and its change both come from these two
//! ranges, so the card can name the period its figures are about.

use super::period::{civil_from_days, days_from_civil};
use super::settings::{KpiCompare, KpiPeriod, KpiPeriodKind};
use crate::calendar::{days_in_month, parse_iso_day as parse_day};

/// Days `lo..hi` (days since 1970-01-01, `hi` excluded) and their label: `2025-03`,
/// `2025-Q1`, `2025` or, for a custom range, `2025-01-05/2025-02-10` (ISO 8601 interval,
/// both days included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRange {
    pub lo: i64,
    pub hi: i64,
    pub label: String,
}

/// The KPI period and what it is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiWindow {
    pub current: DayRange,
    /// None when the comparison would overlap the period (a custom range longer than a year
    /// compared with a year before): overlapping periods share customers and the tests
    /// assume independent samples.
    pub previous: Option<DayRange>,
}

impl KpiWindow {
    /// 0 for a day of the comparison period, 1 for the period itself.
    pub fn slot_of_day(&self, day: i64) -> Option<usize> {
        let inside = |r: &DayRange| day >= r.lo && day < r.hi;
        if inside(&self.current) {
            Some(1)
        } else if self.previous.as_ref().is_some_and(inside) {
            Some(0)
        } else {
            None
        }
    }
}

/// Most periods offered by the picker: ten years of months.
const MAX_CHOICES: usize = 120;

/// Length in months of a calendar KPI period (None for a custom one).
fn months(kind: KpiPeriodKind) -> Option<i64> {
    match kind {
        KpiPeriodKind::Month => Some(1),
        KpiPeriodKind::Quarter => Some(3),
        KpiPeriodKind::Year => Some(12),
        KpiPeriodKind::Custom => None,
    }
}

/// Month index (year · 12 + month − 1) of a day.
fn month_of(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    y * 12 + m as i64 - 1
}

/// First day of a month index.
fn month_start(mi: i64) -> i64 {
    days_from_civil(mi.div_euclid(12), (mi.rem_euclid(12) + 1) as u32, 1)
}

fn label(kind: KpiPeriodKind, start: i64) -> String {
    let (y, m) = (start.div_euclid(12), start.rem_euclid(12) + 1);
    match kind {
        KpiPeriodKind::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
        KpiPeriodKind::Year => format!("{y:04}"),
        _ => format!("{y:04}-{m:02}"),
    }
}

fn four_digit_year(s: &str) -> Option<i64> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// First month index of a period label of `kind`; None when it does not read as one.
fn parse_at(kind: KpiPeriodKind, at: &str) -> Option<i64> {
    match kind {
        KpiPeriodKind::Year => Some(four_digit_year(at)? * 12),
        KpiPeriodKind::Quarter => {
            let (y, q) = at.split_once("-Q")?;
            let q: i64 = match q {
                "1" => 0,
                "2" => 1,
                "3" => 2,
                "4" => 3,
                _ => return None,
            };
            Some(four_digit_year(y)? * 12 + q * 3)
        }
        KpiPeriodKind::Month => {
            let (y, m) = at.split_once('-')?;
            let m: i64 = (m.len() == 2).then(|| m.parse().ok()).flatten()?;
            (1..=12)
                .contains(&m)
                .then_some(four_digit_year(y)? * 12 + m - 1)
        }
        KpiPeriodKind::Custom => None,
    }
}

/// Whether `at` names a calendar period of `kind` (`2025-03`, `2025-Q1`, `2025`).
pub fn is_label(kind: KpiPeriodKind, at: &str) -> bool {
    parse_at(kind, at).is_some()
}

fn day_label(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The same day one year earlier; 29 February becomes 28 February.
fn year_earlier(day: i64) -> i64 {
    let (y, m, d) = civil_from_days(day);
    days_from_civil(y - 1, m, d.min(days_in_month(y - 1, m)))
}

/// The KPI window for data whose latest selected event falls on `latest_day`. A calendar
/// period defaults to the last complete one (the one holding `latest_day` may still be
/// filling up); a custom range that does not read as two days in order falls back to the
/// last complete month.
pub fn window(p: &KpiPeriod, latest_day: i64) -> Option<KpiWindow> {
    if p.kind == KpiPeriodKind::Custom {
        if let Some(w) = custom(p) {
            return Some(w);
        }
        let month = KpiPeriod {
            kind: KpiPeriodKind::Month,
            at: None,
            ..p.clone()
        };
        return window(&month, latest_day);
    }
    let len = months(p.kind)?;
    let latest = month_of(latest_day);
    let holding = latest - latest.rem_euclid(len);
    let start =
        p.at.as_deref()
            .and_then(|a| parse_at(p.kind, a))
            .unwrap_or(holding - len);
    let range = |s: i64| DayRange {
        lo: month_start(s),
        hi: month_start(s + len),
        label: label(p.kind, s),
    };
    let before = match p.compare {
        KpiCompare::Previous => start - len,
        KpiCompare::YearBefore => start - 12,
    };
    Some(KpiWindow {
        current: range(start),
        previous: Some(range(before)),
    })
}

fn custom(p: &KpiPeriod) -> Option<KpiWindow> {
    let from = parse_day(p.from.as_deref()?)?;
    let to = parse_day(p.to.as_deref()?)?;
    if from > to {
        return None;
    }
    let range = |lo: i64, last: i64| DayRange {
        lo,
        hi: last + 1,
        label: format!("{}/{}", day_label(lo), day_label(last)),
    };
    let current = range(from, to);
    let previous = match p.compare {
        KpiCompare::Previous => {
            let len = to - from + 1;
            range(from - len, from - 1)
        }
        KpiCompare::YearBefore => range(year_earlier(from), year_earlier(to)),
    };
    Some(KpiWindow {
        previous: (previous.hi <= current.lo).then_some(previous),
        current,
    })
}

/// Labels of the calendar periods of `kind` the data covers, newest first (at most ten
/// years of months), for the period picker; empty for a custom period.
pub fn choices(kind: KpiPeriodKind, first_day: i64, latest_day: i64) -> Vec<String> {
    let Some(len) = months(kind) else {
        return Vec::new();
    };
    let align = |mi: i64| mi - mi.rem_euclid(len);
    let (first, last) = (align(month_of(first_day)), align(month_of(latest_day)));
    let mut out = Vec::new();
    let mut s = last;
    while s >= first && out.len() < MAX_CHOICES {
        out.push(label(kind, s));
        s -= len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    fn period(kind: KpiPeriodKind, compare: KpiCompare) -> KpiPeriod {
        KpiPeriod {
            kind,
            compare,
            ..KpiPeriod::default()
        }
    }

    fn labels(w: &KpiWindow) -> (&str, Option<&str>) {
        (
            w.current.label.as_str(),
            w.previous.as_ref().map(|p| p.label.as_str()),
        )
    }

    #[test]
    fn calendar_periods_default_to_the_last_complete_one() {
        // Latest event on 2025-05-14: May is filling up, so April; Q2 is, so Q1; 2025 is, so 2024.
        let latest = day(2025, 5, 14);
        let w = window(&KpiPeriod::default(), latest).unwrap();
        assert_eq!(labels(&w), ("2025-04", Some("2025-03")));
        assert_eq!(
            (w.current.lo, w.current.hi),
            (day(2025, 4, 1), day(2025, 5, 1))
        );
        let w = window(
            &period(KpiPeriodKind::Quarter, KpiCompare::Previous),
            latest,
        )
        .unwrap();
        assert_eq!(labels(&w), ("2025-Q1", Some("2024-Q4")));
        assert_eq!(
            (w.current.lo, w.current.hi),
            (day(2025, 1, 1), day(2025, 4, 1))
        );
        let w = window(&period(KpiPeriodKind::Year, KpiCompare::Previous), latest).unwrap();
        assert_eq!(labels(&w), ("2024", Some("2023")));
        assert_eq!(
            (w.current.lo, w.current.hi),
            (day(2024, 1, 1), day(2025, 1, 1))
        );
        // January's last complete month is December of the year before.
        let w = window(&KpiPeriod::default(), day(2025, 1, 3)).unwrap();
        assert_eq!(labels(&w), ("2024-12", Some("2024-11")));
    }

    #[test]
    fn year_before_and_a_chosen_period() {
        let latest = day(2025, 5, 14);
        let w = window(
            &period(KpiPeriodKind::Month, KpiCompare::YearBefore),
            latest,
        )
        .unwrap();
        assert_eq!(labels(&w), ("2025-04", Some("2024-04")));
        let mut q = period(KpiPeriodKind::Quarter, KpiCompare::YearBefore);
        q.at = Some("2024-Q3".into());
        let w = window(&q, latest).unwrap();
        assert_eq!(labels(&w), ("2024-Q3", Some("2023-Q3")));
        assert_eq!(
            (w.current.lo, w.current.hi),
            (day(2024, 7, 1), day(2024, 10, 1))
        );
        // An unreadable choice falls back to the last complete period.
        q.at = Some("2024-Q5".into());
        assert_eq!(labels(&window(&q, latest).unwrap()).0, "2025-Q1");
        let mut m = KpiPeriod {
            at: Some("2025-02".into()),
            ..KpiPeriod::default()
        };
        assert_eq!(
            labels(&window(&m, latest).unwrap()),
            ("2025-02", Some("2025-01"))
        );
        m.at = Some("2025-13".into());
        assert_eq!(labels(&window(&m, latest).unwrap()).0, "2025-04");
    }

    #[test]
    fn custom_ranges() {
        let mut p = period(KpiPeriodKind::Custom, KpiCompare::Previous);
        p.from = Some("2025-03-10".into());
        p.to = Some("2025-03-19".into());
        let w = window(&p, day(2025, 5, 14)).unwrap();
        // Ten days, compared with the ten days before.
        assert_eq!(
            labels(&w),
            ("2025-03-10/2025-03-19", Some("2025-02-28/2025-03-09"))
        );
        assert_eq!(w.slot_of_day(day(2025, 3, 19)), Some(1));
        assert_eq!(w.slot_of_day(day(2025, 3, 20)), None);
        assert_eq!(w.slot_of_day(day(2025, 2, 28)), Some(0));
        assert_eq!(w.slot_of_day(day(2025, 2, 27)), None);
        // A year before: 2024-02-29 maps to 2023-02-28.
        p.compare = KpiCompare::YearBefore;
        p.from = Some("2024-02-29".into());
        p.to = Some("2024-03-31".into());
        let w = window(&p, day(2025, 5, 14)).unwrap();
        assert_eq!(
            labels(&w),
            ("2024-02-29/2024-03-31", Some("2023-02-28/2023-03-31"))
        );
        // Longer than a year against a year before would overlap: no comparison.
        p.from = Some("2023-01-01".into());
        p.to = Some("2024-06-30".into());
        assert_eq!(window(&p, day(2025, 5, 14)).unwrap().previous, None);
        // Unreadable or reversed: the last complete month.
        for (from, to) in [("2025-02-30", "2025-03-01"), ("2025-03-02", "2025-03-01")] {
            p.from = Some(from.into());
            p.to = Some(to.into());
            assert_eq!(labels(&window(&p, day(2025, 5, 14)).unwrap()).0, "2025-04");
        }
    }

    #[test]
    fn parsing_days() {
        assert_eq!(parse_day("2024-02-29"), Some(day(2024, 2, 29)));
        assert_eq!(parse_day("2023-02-29"), None);
        assert_eq!(parse_day("2023-1-05"), None);
        assert_eq!(parse_day("<script>"), None);
        assert_eq!(parse_day(""), None);
    }

    #[test]
    fn picker_choices() {
        let c = choices(KpiPeriodKind::Quarter, day(2024, 2, 1), day(2025, 5, 14));
        assert_eq!(
            c,
            ["2025-Q2", "2025-Q1", "2024-Q4", "2024-Q3", "2024-Q2", "2024-Q1"]
        );
        let c = choices(KpiPeriodKind::Year, day(2024, 2, 1), day(2025, 5, 14));
        assert_eq!(c, ["2025", "2024"]);
        let c = choices(KpiPeriodKind::Month, day(1900, 1, 1), day(2025, 5, 14));
        assert_eq!((c.len(), c[0].as_str()), (120, "2025-05"));
        assert!(choices(KpiPeriodKind::Custom, 0, 10).is_empty());
    }
}
