//! Stage names in English, Catalan, Spanish and Polish (issue 9 §3): recognised names give
//! the classic order, and names the vocabulary does not know are placed by the data among
//! them, never appended at the end. Each expected funnel below was worked out by hand.

use journey_lens::analytics::funnel::StageOrderSource;
use journey_lens::analytics::{compute, Filter, FunnelNote, FunnelView, Prepared, Settings};
use journey_lens::ingest::{load_csv, CsvOptions};

/// A CSV of (customer, stage, day of January 2024, or None for no timestamp column).
fn funnel(rows: &[(&str, &str, Option<u32>)]) -> FunnelView {
    let timed = rows.iter().any(|r| r.2.is_some());
    let mut text = String::from(if timed {
        "customer_id,stage,timestamp\n"
    } else {
        "customer_id,stage\n"
    });
    for (c, s, d) in rows {
        match d {
            Some(d) => text.push_str(&format!("{c},{s},2024-01-{:02}\n", d + 1)),
            None => text.push_str(&format!("{c},{s}\n")),
        }
    }
    let loaded = load_csv(text.as_bytes(), &CsvOptions::default()).expect("loads");
    let ds = &loaded.dataset;
    let prep = Prepared::new(ds);
    compute(ds, &prep, &Settings::default(), &Filter::default()).funnel
}

fn counts(f: &FunnelView) -> Vec<u64> {
    f.steps.iter().map(|s| s.customers).collect()
}

/// `inspiració` is unknown. Median first times: descobriment d0, inspiració d1.5
/// (a d1, b d2), consideració d3 (a d2, b d4), compra d3. It is reached before
/// consideració, so it goes just before it.
#[test]
fn catalan_unknown_stage_placed_by_median_time() {
    let f = funnel(&[
        ("a", "descobriment", Some(0)),
        ("a", "inspiració", Some(1)),
        ("a", "consideració", Some(2)),
        ("a", "compra", Some(3)),
        ("b", "descobriment", Some(0)),
        ("b", "inspiració", Some(2)),
        ("b", "consideració", Some(4)),
        ("c", "descobriment", Some(1)),
    ]);
    assert_eq!(f.order_source, StageOrderSource::BuiltIn);
    assert_eq!(
        f.stages,
        ["descobriment", "inspiració", "consideració", "compra"]
    );
    assert_eq!(f.placed_by_data, ["inspiració"]);
    assert!(f.notes.contains(&FunnelNote::PlacedByData {
        stages: vec!["inspiració".into()]
    }));
    // Ordered: all 3 discover; a and b find inspiration, then consider; only a buys.
    assert_eq!(counts(&f), [3, 2, 2, 1]);
    assert_eq!(f.conversion_stage.as_deref(), Some("compra"));
    let conv = f.overall_conversion.expect("conversion");
    assert!((conv - 100.0 / 3.0).abs() < 1e-9, "{conv}");
}

/// `interés` (median d1) sits between descubrimiento (d0) and evaluación (d2), a synonym of
/// consideración.
#[test]
fn spanish_synonyms_and_an_unknown_stage() {
    let f = funnel(&[
        ("a", "Descubrimiento", Some(0)),
        ("a", "interés", Some(1)),
        ("a", "Evaluación", Some(2)),
        ("a", "Compra", Some(5)),
        ("a", "Fidelización", Some(20)),
        ("b", "Descubrimiento", Some(0)),
        ("b", "interés", Some(1)),
    ]);
    assert_eq!(
        f.stages,
        [
            "Descubrimiento",
            "interés",
            "Evaluación",
            "Compra",
            "Fidelización"
        ]
    );
    assert_eq!(counts(&f), [2, 2, 1, 1, 1]);
    assert_eq!(f.conversion_stage.as_deref(), Some("Compra"));
    assert_eq!(f.overall_conversion, Some(50.0));
}

/// Without timestamps, `porównanie` is placed by where it first appears in the file:
/// after świadomość, before rozważanie. Any-order funnel: c buys without considering.
#[test]
fn polish_without_timestamps_uses_file_order_for_the_unknown_stage() {
    let f = funnel(&[
        ("a", "Świadomość", None),
        ("a", "porównanie", None),
        ("a", "rozważanie", None),
        ("a", "ZAKUP", None),
        ("b", "Świadomość", None),
        ("b", "porównanie", None),
        ("c", "Świadomość", None),
        ("c", "ZAKUP", None),
    ]);
    assert_eq!(
        f.stages,
        ["Świadomość", "porównanie", "rozważanie", "ZAKUP"]
    );
    assert_eq!(counts(&f), [3, 2, 1, 1]);
    assert_eq!(f.conversion_stage.as_deref(), Some("ZAKUP"));
}

/// English synonyms (discovery, research, conversion, loyalty); `webinar` (median d3.5)
/// goes after research (d2) and before conversion (d6).
#[test]
fn english_synonyms_and_an_unknown_stage() {
    let f = funnel(&[
        ("a", "discovery", Some(0)),
        ("a", "research", Some(2)),
        ("a", "webinar", Some(4)),
        ("a", "conversion", Some(6)),
        ("a", "loyalty", Some(10)),
        ("b", "discovery", Some(1)),
        ("b", "research", Some(2)),
        ("b", "webinar", Some(3)),
    ]);
    assert_eq!(
        f.stages,
        ["discovery", "research", "webinar", "conversion", "loyalty"]
    );
    assert_eq!(counts(&f), [2, 2, 2, 1, 1]);
    assert_eq!(f.conversion_stage.as_deref(), Some("conversion"));
}

/// No name recognised: the data order (median first time), as before.
#[test]
fn nothing_recognised_falls_back_to_the_data_order() {
    let f = funnel(&[
        ("a", "step b", Some(3)),
        ("a", "step a", Some(1)),
        ("a", "step c", Some(5)),
    ]);
    assert_eq!(f.order_source, StageOrderSource::MedianTime);
    assert_eq!(f.stages, ["step a", "step b", "step c"]);
    assert!(f.placed_by_data.is_empty());
}
