//! Ingest of the real public files in shared/data/real with the mapping a user would
//! choose. Expected counts come from PROVENANCE.md there (counted independently of this
//! code). Skipped when the directory is absent.

use journey_lens::dataset::{Dataset, Role, Scale, Scales};
use journey_lens::ingest::{load_csv, CsvOptions, IngestError, LoadNote};

fn real(path: &str) -> Option<Vec<u8>> {
    let full = format!("{}/../shared/data/real/{path}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read(&full) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("note: {full} not found, test skipped");
            None
        }
    }
}

fn map(pairs: &[(&str, Role)]) -> Vec<(String, Role)> {
    pairs.iter().map(|(c, r)| (c.to_string(), *r)).collect()
}

#[test]
fn olist_reviews_with_crlf_comments() {
    let Some(bytes) = real("olist_sample/olist_order_reviews_dataset.csv") else {
        return;
    };
    let opts = CsvOptions {
        overrides: map(&[
            ("order_id", Role::CustomerId),
            ("review_score", Role::Satisfaction),
            ("review_answer_timestamp", Role::Timestamp),
            ("review_comment_message", Role::Comment),
        ]),
        ..CsvOptions::default()
    };
    let l = load_csv(&bytes, &opts).unwrap();
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (8225, 0));
    // The auto-chosen title/creation-date columns gave way to the user's choices.
    assert_eq!(
        l.report.mapping.role_of("review_comment_title"),
        Some(Role::Dimension)
    );
    assert_eq!(
        l.report.mapping.role_of("review_creation_date"),
        Some(Role::Dimension)
    );
    let d = &l.dataset;
    let sat = d.satisfaction.as_ref().unwrap();
    let count = |v: f64| sat.iter().filter(|&&x| x == v).count();
    assert_eq!(
        [count(5.0), count(4.0), count(3.0), count(2.0), count(1.0)],
        [3354, 1184, 667, 382, 2638]
    );
    let comments = d.comment.as_ref().unwrap();
    let non_empty = (0..d.len()).filter(|&i| comments.get(i).is_some()).count();
    // PROVENANCE counts 4,113 non-empty cells; 4 of them are only whitespace (three bare
    // CRLFs and one space), which are empty once trimmed.
    assert_eq!(non_empty, 4113 - 4);
    let crlf = (0..d.len())
        .filter(|&i| comments.get(i).is_some_and(|c| c.contains("\r\n")))
        .count();
    // 436 comments contain CRLF; in 112 of them it is only leading/trailing, which the
    // dataset trims, leaving 324 with a line break inside the text.
    assert_eq!(crlf, 324);
    // First row: 2018-08-15 04:10:37 = day 17758.
    assert_eq!(d.time(0), Some(17_758 * 86_400 + 4 * 3600 + 10 * 60 + 37));
    assert_eq!(d.customer.get(0), Some("583174fbe37d3d5f0d6661be3aad1786"));
}

#[test]
fn botanic_latin1_nps_with_na() {
    let Some(bytes) = real("botanic_nps_fr/nps.csv") else {
        return;
    };
    let opts = CsvOptions {
        overrides: map(&[("explication", Role::Comment), ("CaTicket", Role::Revenue)]),
        scales: Scales {
            satisfaction: Scale::new(1.0, 10.0),
            ..Scales::default()
        },
        ..CsvOptions::default()
    };
    let l = load_csv(&bytes, &opts).unwrap();
    assert_eq!(l.report.encoding, "windows-1252");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (13954, 0));
    // The unnamed R row-index column is ignored; "id" is recognised as the customer.
    assert_eq!(l.report.mapping.role_of("column 1"), Some(Role::Ignore));
    assert_eq!(l.report.mapping.role_of("id"), Some(Role::CustomerId));
    let d = &l.dataset;
    assert_eq!(d.customer_count(), 13954);
    let answered =
        |c: &Option<Vec<f64>>| c.as_ref().unwrap().iter().filter(|v| !v.is_nan()).count();
    assert_eq!(answered(&d.nps), 13954 - 342);
    assert_eq!(answered(&d.satisfaction), 13954 - 61);
    let refunds = d
        .revenue
        .as_ref()
        .unwrap()
        .iter()
        .filter(|&&v| v < 0.0)
        .count();
    assert_eq!(refunds, 220);
    let comments = d.comment.as_ref().unwrap();
    // 3,839 non-NA comments, one of which is the lower-case token "na" (missing, as documented).
    assert_eq!(
        (0..d.len()).filter(|&i| comments.get(i).is_some()).count(),
        3839 - 1
    );
    // "Il y a très peu de caisse…": Latin-1 é/è decoded.
    assert!(comments.get(1).unwrap().starts_with("Il y a très peu"));
    // Without the declared 1–10 scale, the app suggests it instead of switching.
    let l = load_csv(&bytes, &CsvOptions::default()).unwrap();
    assert_eq!(
        l.report.suggested_satisfaction_scale,
        Some(Scale::new(1.0, 10.0))
    );
    assert!(l.report.rows_rejected > 0);
}

fn stage_counts(d: &Dataset) -> (usize, usize) {
    let s = d.stage.as_ref().unwrap();
    let n = |v: &str| (0..d.len()).filter(|&i| s.get(i) == Some(v)).count();
    (n("yes"), n("no"))
}

#[test]
fn bank_semicolon_with_row_ids() {
    let Some(bytes) = real("uci_bank_marketing/bank.csv") else {
        return;
    };
    let opts = CsvOptions {
        overrides: map(&[
            ("y", Role::Stage),
            ("contact", Role::Channel),
            ("job", Role::Persona),
        ]),
        row_number_as_customer: true,
        ..CsvOptions::default()
    };
    let l = load_csv(&bytes, &opts).unwrap();
    assert_eq!(l.report.delimiter, ";");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (4521, 0));
    assert_eq!(l.dataset.customer_count(), 4521);
    assert_eq!(stage_counts(&l.dataset), (521, 4000));
    let ch = l.dataset.channel.as_ref().unwrap();
    assert_eq!(
        (0..4521).filter(|&i| ch.get(i) == Some("cellular")).count(),
        2896
    );
    // Without row ids: the clear no-customer error.
    let plain = CsvOptions {
        overrides: map(&[("y", Role::Stage)]),
        ..CsvOptions::default()
    };
    assert!(matches!(
        load_csv(&bytes, &plain),
        Err(IngestError::NoCustomerColumn { .. })
    ));
}

#[test]
fn bank_additional_excel_wrapped_is_unwrapped() {
    let Some(bytes) = real("uci_bank_marketing/bank-additional.csv") else {
        return;
    };
    let opts = CsvOptions {
        overrides: map(&[("y", Role::Stage)]),
        row_number_as_customer: true,
        ..CsvOptions::default()
    };
    let l = load_csv(&bytes, &opts).unwrap();
    assert_eq!(l.report.columns.len(), 21);
    assert_eq!(l.report.columns[20].column, "y");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (4119, 0));
    assert_eq!(stage_counts(&l.dataset), (451, 3668));
    assert_eq!(
        l.dataset
            .dimension(l.dataset.find_dimension("job").unwrap())
            .unwrap()
            .get(0),
        Some("blue-collar")
    );
    assert!(l
        .report
        .notes
        .iter()
        .any(|n| matches!(n, LoadNote::Unwrapped { .. })));
}

#[test]
fn channelattribution_paths_are_rejected_clearly() {
    let Some(bytes) = real("channelattribution_paths/data.csv") else {
        return;
    };
    let e = load_csv(&bytes, &CsvOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "No customer column found among: \"path\", \"total_conversions\", \"total_conversion_value\", \"total_null\". Map one column to \"customer_id\", or load each row as its own customer."
    );
    // Even with row ids it has nothing to analyse (aggregated paths, no stage or score).
    let opts = CsvOptions {
        row_number_as_customer: true,
        ..CsvOptions::default()
    };
    assert_eq!(
        load_csv(&bytes, &opts).unwrap_err(),
        IngestError::NoMeasureColumn
    );
}
