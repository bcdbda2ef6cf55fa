//! Property tests: label shortening and number formatting never panic and keep their
//! promises for any input, including any Unicode text and non-finite numbers.

use journey_lens::charts::label::truncate;
use journey_lens::format;
use journey_lens::i18n::Lang;
use proptest::prelude::*;

proptest! {
    #[test]
    fn truncation_respects_the_char_budget(s in "\\PC{0,60}", max in 0usize..30) {
        let out = truncate(&s, max);
        prop_assert!(out.chars().count() <= max);
        if let Some(prefix) = out.strip_suffix('…') {
            // A shortened label is a prefix of the cleaned original.
            let clean = s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert!(clean.starts_with(prefix));
        }
    }

    #[test]
    fn numbers_format_without_panicking(v in proptest::num::f64::ANY) {
        let l = Lang::En;
        for s in [
            format::percent(l, v),
            format::delta_percent(l, v),
            format::money(l, v),
            format::days(l, v),
            format::nps(l, v),
            format::score(l, v, 2),
        ] {
            prop_assert!(!s.is_empty());
            prop_assert!(!s.contains('-'), "hyphen instead of minus in {s}");
        }
    }

    #[test]
    fn grouping_round_trips(n in proptest::num::i64::ANY) {
        let s = format::int(Lang::En, n).replace(',', "").replace('\u{2212}', "-");
        prop_assert_eq!(s, n.to_string());
    }

    #[test]
    fn dates_never_panic(secs in proptest::num::i64::ANY) {
        let d = format::date(Lang::En, secs);
        prop_assert!(d == "n/a" || d.len() >= 10);
        let _ = format::date_time(Lang::En, secs);
    }
}
