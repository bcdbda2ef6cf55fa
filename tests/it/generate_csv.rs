//! The generator's output, checked by parsing it back with independent code.

use journey_lens::generate::{self, Format, GenConfig};
use std::collections::{HashMap, HashSet};

fn csv_bytes(rows: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    generate::generate(rows, seed, &mut out).expect("writing to a Vec cannot fail");
    out
}

fn records(bytes: &[u8], delim: u8) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(false)
        .from_reader(bytes);
    let header = r.headers().expect("header parses").clone();
    let rows = r
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("every row parses");
    (header, rows)
}

#[test]
fn same_seed_same_bytes_different_seed_different_bytes() {
    let a = csv_bytes(2_000, 42);
    let b = csv_bytes(2_000, 42);
    let c = csv_bytes(2_000, 43);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn exactly_n_rows_plus_header_each_with_13_fields() {
    for n in [0usize, 1, 7, 5_000] {
        let bytes = csv_bytes(n, 1);
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        // No generated field contains a line break, so lines = rows + header.
        assert_eq!(text.lines().count(), n + 1, "rows={n}");
        assert!(text.ends_with('\n'));
        let (header, rows) = records(&bytes, b',');
        assert_eq!(
            header.iter().collect::<Vec<_>>(),
            vec![
                "customer_id",
                "timestamp",
                "journey",
                "stage",
                "touchpoint",
                "channel",
                "persona",
                "satisfaction",
                "effort",
                "nps",
                "revenue",
                "comment",
                "region"
            ]
        );
        assert_eq!(rows.len(), n);
        assert!(rows.iter().all(|r| r.len() == 13));
    }
}

fn int_in(field: &str, lo: i64, hi: i64) -> bool {
    field
        .parse::<i64>()
        .map(|v| v >= lo && v <= hi)
        .unwrap_or(false)
}

#[test]
fn values_stay_on_their_scales_and_vocabularies() {
    let (_, rows) = records(&csv_bytes(20_000, 11), b',');
    let stages = [
        "awareness",
        "consideration",
        "purchase",
        "retention",
        "advocacy",
    ];
    let mut filled = [0usize; 5]; // satisfaction, effort, nps, revenue, comment
    let mut quoted_comment = false;
    for r in &rows {
        let id = &r[0];
        assert!(
            id.len() == 7 && id.starts_with('C') && id[1..].bytes().all(|b| b.is_ascii_digit())
        );
        // 2025-01-03T10:15:00
        let t = &r[1];
        assert_eq!(t.len(), 19, "{t}");
        assert!(t.starts_with("2025-") && &t[10..11] == "T", "{t}");
        assert!(["purchase", "support"].contains(&&r[2]));
        assert!(stages.contains(&&r[3]));
        assert!(["online", "store", "phone", "social"].contains(&&r[5]));
        assert!([
            "Bargain hunter",
            "Loyal regular",
            "Busy professional",
            "First-time buyer"
        ]
        .contains(&&r[6]));
        assert!(["North", "South", "East", "West"].contains(&&r[12]));
        for (k, (lo, hi)) in [(7, (1, 5)), (8, (1, 7)), (9, (0, 10))] {
            if !r[k].is_empty() {
                assert!(int_in(&r[k], lo, hi), "column {k} = {}", &r[k]);
                filled[k - 7] += 1;
            }
        }
        if !r[10].is_empty() {
            let v: f64 = r[10].parse().expect("revenue is a number");
            assert!((20.0..=400.0).contains(&v), "revenue {v}");
            let dot = r[10].find('.').expect("two decimals");
            assert_eq!(r[10].len() - dot, 3);
            assert!(r[3] == *"purchase" || r[3] == *"retention");
            filled[3] += 1;
        }
        if !r[11].is_empty() {
            filled[4] += 1;
            quoted_comment |= r[11].contains('"') && r[11].contains(',');
        }
    }
    let pct = |k: usize| filled[k] as f64 * 100.0 / rows.len() as f64;
    // Sparse by design: bounds around the intended ~60 / ~15 / ~15 / ~9 / ~5 %.
    assert!((50.0..70.0).contains(&pct(0)), "satisfaction {}", pct(0));
    assert!((8.0..25.0).contains(&pct(1)), "effort {}", pct(1));
    assert!((10.0..20.0).contains(&pct(2)), "nps {}", pct(2));
    assert!((4.0..15.0).contains(&pct(3)), "revenue {}", pct(3));
    assert!((3.0..7.0).contains(&pct(4)), "comment {}", pct(4));
    assert!(
        quoted_comment,
        "some comment carries both a comma and quotes"
    );
}

#[test]
fn the_raw_text_doubles_quotes_inside_quoted_fields() {
    let text = String::from_utf8(csv_bytes(20_000, 11)).expect("utf-8");
    assert!(
        text.contains(r#""Slow delivery, ""again""""#),
        "the quoted-with-doubled-quotes comment appears verbatim"
    );
}

#[test]
fn funnel_drops_off_and_converters_are_happier() {
    let (_, rows) = records(&csv_bytes(50_000, 5), b',');
    let order = [
        "awareness",
        "consideration",
        "purchase",
        "retention",
        "advocacy",
    ];
    let mut reached: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in &rows {
        let stage = order.iter().find(|s| **s == &r[3]).expect("known stage");
        reached
            .entry(stage)
            .or_default()
            .insert(r.get(0).unwrap_or(""));
    }
    let counts: Vec<usize> = order
        .iter()
        .map(|s| reached.get(s).map_or(0, HashSet::len))
        .collect();
    for w in counts.windows(2) {
        assert!(w[0] >= w[1], "funnel must not grow: {counts:?}");
    }
    // Everyone starts with awareness; the intended shape is 100/65/35/20/8 %.
    let all = counts[0] as f64;
    let share: Vec<f64> = counts.iter().map(|&c| c as f64 / all * 100.0).collect();
    for (got, want) in share.iter().zip([100.0, 65.0, 35.0, 20.0, 8.0]) {
        assert!((got - want).abs() < 5.0, "stage shares {share:?}");
    }

    // Customers who reached purchase rate their experience higher.
    let buyers = &reached["purchase"];
    let (mut s1, mut n1, mut s0, mut n0) = (0.0, 0.0, 0.0, 0.0);
    for r in &rows {
        if let Ok(v) = r[7].parse::<f64>() {
            if buyers.contains(&r[0]) {
                s1 += v;
                n1 += 1.0;
            } else {
                s0 += v;
                n0 += 1.0;
            }
        }
    }
    assert!(
        s1 / n1 > s0 / n0 + 0.5,
        "buyers {} vs others {}",
        s1 / n1,
        s0 / n0
    );
}

#[test]
fn each_customers_events_are_in_time_order() {
    let (_, rows) = records(&csv_bytes(10_000, 2), b',');
    for w in rows.windows(2) {
        if w[0][0] == w[1][0] {
            // ISO timestamps of equal length sort as text.
            assert!(w[0][1] < w[1][1], "{} then {}", &w[0][1], &w[1][1]);
        } else {
            assert!(w[0][0] < w[1][0], "customers come one after another");
        }
    }
}

#[test]
fn json_feed_is_valid_and_carries_meta() {
    let mut out = Vec::new();
    generate::write(
        &GenConfig {
            rows: 300,
            seed: 7,
            format: Format::Json,
        },
        &mut out,
    )
    .expect("vec write");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(v["meta"]["conversion_stage"], "purchase");
    assert_eq!(v["meta"]["stage_order"][4], "advocacy");
    assert_eq!(v["meta"]["targets"]["nps"], 20);
    let events = v["events"].as_array().expect("events array");
    assert_eq!(events.len(), 300);
    for e in events {
        assert!(e["customer_id"]
            .as_str()
            .is_some_and(|s| s.starts_with('C')));
        assert_eq!(e["timestamp"].as_str().map(str::len), Some(19));
        if let Some(n) = e.get("nps") {
            assert!(n.as_u64().is_some_and(|n| n <= 10));
        }
        if let Some(r) = e.get("revenue") {
            assert!(r.as_f64().is_some_and(|r| (20.0..=400.0).contains(&r)));
        }
    }
}

#[test]
fn catalan_csv_uses_semicolons_decimal_commas_and_day_first_dates() {
    let mut out = Vec::new();
    generate::write(
        &GenConfig {
            rows: 400,
            seed: 3,
            format: Format::CsvCatalan,
        },
        &mut out,
    )
    .expect("vec write");
    let (header, rows) = records(&out, b';');
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        vec![
            "client",
            "data",
            "etapa",
            "punt de contacte",
            "canal",
            "persona",
            "satisfacció",
            "nps",
            "ingressos",
            "comentari"
        ]
    );
    assert_eq!(rows.len(), 400);
    let mut saw_money = false;
    for r in &rows {
        let d = &r[1];
        assert_eq!(d.len(), 10);
        assert_eq!((&d[2..3], &d[5..6], &d[6..]), ("/", "/", "2025"));
        assert!(int_in(&d[..2], 1, 31) && int_in(&d[3..5], 1, 12), "{d}");
        if !r[8].is_empty() {
            saw_money = true;
            assert!(!r[8].contains('.'));
            assert_eq!(r[8].len() - r[8].find(',').expect("decimal comma"), 3);
        }
    }
    assert!(saw_money);
}
