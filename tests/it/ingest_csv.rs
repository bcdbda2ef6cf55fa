//! CSV ingest over the fixture files: every dialect, encoding, number and date format, and
//! every bad input. Expected values are worked out by hand from the fixture text
//! (tests/fixtures/make_fixtures.py writes the files).

use journey_lens::dataset::{Dataset, Role, Scale, Scales};
use journey_lens::i18n::Lang;
use journey_lens::ingest::error::BinaryKind;
use journey_lens::ingest::{
    load_csv, sniff, CsvLoader, CsvOptions, DateOrder, DateReading, IngestError, LoadNote, Loaded,
    ReadOrder, RowError,
};
use journey_lens::present::message::{problem_column, rejected_csv, render};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> Loaded {
    load_csv(&fixture(name), &CsvOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn err(name: &str) -> IngestError {
    match load_csv(&fixture(name), &CsvOptions::default()) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e,
    }
}

fn e(line: u64, column: &str, reason: &str) -> (u64, String, String) {
    (line, column.into(), reason.into())
}

/// Row errors as line, column and English reason, the way the load summary lists them.
fn rendered(errors: &[RowError]) -> Vec<(u64, String, String)> {
    errors
        .iter()
        .map(|x| {
            (
                x.line,
                problem_column(Lang::En, x.column.as_deref()),
                render(Lang::En, &x.problem),
            )
        })
        .collect()
}

const DAY: i64 = 86_400;
/// 2024-01-01 is day 19723 after 1970-01-01.
const JAN1_2024: i64 = 19_723 * DAY;

#[test]
fn polish_cp1250_semicolon_decimal_comma() {
    let l = load("polish_cp1250.csv");
    let r = &l.report;
    assert_eq!(r.encoding, "windows-1250");
    assert_eq!(r.delimiter, ";");
    assert!(r.decimal_comma);
    assert_eq!((r.rows_loaded, r.rows_rejected), (10, 2));
    let roles: Vec<(&str, Role)> = r
        .columns
        .iter()
        .map(|c| (c.column.as_str(), c.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Klient", Role::CustomerId),
            ("Data", Role::Timestamp),
            ("Etap", Role::Stage),
            ("Punkt styku", Role::Touchpoint),
            ("Kanał", Role::Channel),
            ("Segment", Role::Persona),
            ("Zadowolenie", Role::Satisfaction),
            ("NPS", Role::Nps),
            ("Przychód", Role::Revenue),
            ("Komentarz", Role::Comment),
        ]
    );
    assert_eq!(
        rendered(&r.errors),
        vec![
            e(7, "NPS", "NPS must be a whole number from 0–10, got 11"),
            e(
                8,
                "Zadowolenie",
                "Satisfaction must be a number, got \"dobre\""
            ),
        ]
    );
    assert_eq!(
        r.date_format.get("Data").map(String::as_str),
        Some("day.month.year")
    );
    assert_eq!(r.date_readings["Data"], [DateReading::Dotted]);
    let d = &l.dataset;
    assert_eq!(d.customer_count(), 6);
    assert_eq!(d.stage.as_ref().unwrap().get(0), Some("Świadomość"));
    assert_eq!(
        d.channel.as_ref().unwrap().get(1),
        Some("Sklep stacjonarny")
    );
    assert_eq!(d.persona.as_ref().unwrap().get(0), Some("Młodzi"));
    assert_eq!(d.comment.as_ref().unwrap().get(4), Some("Obsługa; niemiła"));
    assert_eq!(d.comment.as_ref().unwrap().get(5), Some("Żółć gęślą jaźń"));
    // 05.01.2024 and 07.01.2024 10:15.
    assert_eq!(d.time(0), Some(JAN1_2024 + 4 * DAY));
    assert_eq!(d.time(1), Some(JAN1_2024 + 6 * DAY + 10 * 3600 + 15 * 60));
    // Revenue: "1 234,50", "89,99", "0", empty, "2 500,00", "1 020,75", NA, "-15,00", "0,5", "12 345,67" (NBSP).
    let rev: Vec<Option<f64>> = (0..10).map(|i| Dataset::score(&d.revenue, i)).collect();
    assert_eq!(
        rev,
        vec![
            Some(1234.5),
            Some(89.99),
            Some(0.0),
            None,
            Some(2500.0),
            Some(1020.75),
            None,
            Some(-15.0),
            Some(0.5),
            Some(12345.67)
        ]
    );
    assert_eq!(Dataset::score(&d.nps, 3), None);
    // The rejected rows come back as CSV with the original (decoded) fields.
    let csv = rejected_csv(Lang::En, &l.headers, &l.rejected);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}line,column,reason,Klient,Data,Etap,Punkt styku,Kanał,Segment,Zadowolenie,NPS,Przychód,Komentarz")
    );
    assert_eq!(
        lines.next(),
        Some("7,NPS,\"NPS must be a whole number from 0–10, got 11\",K003,12.01.2024,Obsługa,Infolinia,Telefon,Seniorzy,1,11,,Źle")
    );
    assert!(lines.next().unwrap().starts_with("8,Zadowolenie,"));
}

#[test]
fn spanish_and_catalan_cp1252() {
    let l = load("spanish_cp1252.csv");
    assert_eq!(l.report.encoding, "windows-1252");
    assert!(l.report.decimal_comma);
    assert_eq!(l.report.rows_loaded, 3);
    assert_eq!(l.report.mapping.role_of("Recomendación"), Some(Role::Nps));
    assert_eq!(l.report.mapping.role_of("Importe"), Some(Role::Revenue));
    let d = &l.dataset;
    assert_eq!(
        d.comment.as_ref().unwrap().get(0),
        Some("Muy buena atención, señor")
    );
    assert_eq!(Dataset::score(&d.revenue, 0), Some(1234.5));
    assert_eq!(Dataset::score(&d.revenue, 1), Some(99.9));
    // 15/03/2024 day first (15 > 12).
    assert_eq!(d.time(0), Some(JAN1_2024 + 74 * DAY));
    assert_eq!(d.time(1), Some(JAN1_2024 + 75 * DAY + 9 * 3600 + 30 * 60));

    let l = load("catalan_cp1252.csv");
    assert_eq!(l.report.encoding, "windows-1252");
    assert_eq!(
        l.report.mapping.role_of("Punt de contacte"),
        Some(Role::Touchpoint)
    );
    assert_eq!(
        l.report.mapping.role_of("Satisfacció"),
        Some(Role::Satisfaction)
    );
    assert_eq!(
        l.report.mapping.role_of("Data i hora"),
        Some(Role::Timestamp)
    );
    let d = &l.dataset;
    assert_eq!(
        d.comment.as_ref().unwrap().get(0),
        Some("Molt bé, col·lecció àmplia")
    );
    assert_eq!(d.touchpoint.as_ref().unwrap().get(2), Some("Telèfon"));
}

#[test]
fn utf8_every_role_quotes_zones_and_missing_tokens() {
    let l = load("basic_utf8.csv");
    let r = &l.report;
    assert_eq!((r.rows_loaded, r.rows_rejected), (4, 0));
    assert_eq!(r.mapping.role_of("region"), Some(Role::Dimension));
    let d = &l.dataset;
    let mar15 = JAN1_2024 + 74 * DAY;
    assert_eq!(d.time(0), Some(mar15 + 14 * 3600 + 30 * 60));
    // 2024-03-16T08:00+02:00 is 06:00 UTC.
    assert_eq!(d.time(1), Some(mar15 + DAY + 6 * 3600));
    // Fractional seconds are dropped, naive time kept as written.
    assert_eq!(d.time(2), Some(mar15 + 9 * 3600 + 15 * 60 + 30));
    assert_eq!(d.comment.as_ref().unwrap().get(0), Some("Great, really"));
    assert_eq!(d.comment.as_ref().unwrap().get(2), Some("He said \"meh\""));
    // Row 4: NA, n/a, NULL, -, - are all missing.
    assert_eq!(Dataset::score(&d.satisfaction, 3), None);
    assert_eq!(Dataset::score(&d.effort, 3), None);
    assert_eq!(Dataset::score(&d.nps, 3), None);
    assert_eq!(Dataset::score(&d.revenue, 3), None);
    assert_eq!(d.comment.as_ref().unwrap().get(3), None);
    assert_eq!(
        d.dimension(d.find_dimension("region").unwrap())
            .unwrap()
            .get(3),
        None
    );
    assert_eq!(Dataset::score(&d.effort, 2), Some(4.0));
    assert_eq!(d.journey.as_ref().unwrap().get(0), Some("Onboarding"));
}

#[test]
fn bom_utf16_tab_and_pipe() {
    let l = load("bom_utf8.csv");
    assert_eq!(l.report.encoding, "UTF-8");
    assert_eq!(l.report.columns[0].column, "Klient");
    assert_eq!(l.dataset.stage.as_ref().unwrap().get(1), Some("Świadomość"));

    for name in ["utf16le_bom.csv", "utf16be_bom.csv"] {
        let l = load(name);
        assert_eq!(l.report.delimiter, "\\t");
        assert_eq!(l.report.rows_loaded, 2);
        assert_eq!(l.dataset.customer.get(0), Some("č1"), "{name}");
        assert_eq!(Dataset::score(&l.dataset.nps, 1), Some(10.0));
    }
    assert_eq!(load("utf16le_bom.csv").report.encoding, "UTF-16LE");
    assert_eq!(load("utf16be_bom.csv").report.encoding, "UTF-16BE");

    let l = load("tab.tsv");
    assert_eq!(l.report.delimiter, "\\t");
    assert_eq!(l.report.mapping.role_of("csat"), Some(Role::Satisfaction));
    assert_eq!(Dataset::score(&l.dataset.satisfaction, 2), Some(2.0));

    let l = load("pipe.csv");
    assert_eq!(l.report.delimiter, "|");
    assert!(!l.report.decimal_comma);
    // "1,234.50" and quoted "2,000" with a decimal point file: thousands separators.
    assert_eq!(Dataset::score(&l.dataset.revenue, 0), Some(1234.5));
    assert_eq!(Dataset::score(&l.dataset.revenue, 1), Some(2000.0));
}

#[test]
fn multi_line_records_report_their_first_line() {
    let l = load("multiline_quoted.csv");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (2, 2));
    assert_eq!(
        rendered(&l.report.errors),
        vec![
            e(4, "nps", "NPS must be a whole number from 0–10, got 12"),
            e(8, "nps", "NPS must be a number, got \"eleven\""),
        ]
    );
    assert_eq!(
        l.dataset.comment.as_ref().unwrap().get(0),
        Some("first line\r\nsecond line")
    );
    assert_eq!(l.dataset.customer.get(1), Some("c3"));
}

#[test]
fn slashed_dates_decided_from_the_whole_column() {
    // 13/02/2024 forces day first: 03/04/2024 is 3 April.
    let l = load("dates_dayfirst.csv");
    assert_eq!(l.report.date_format["date"], "day/month/year");
    assert_eq!(l.dataset.time(0), Some(JAN1_2024 + 93 * DAY));
    assert_eq!(
        l.dataset.time(1),
        Some(JAN1_2024 + 43 * DAY + 8 * 3600 + 30 * 60)
    );
    assert_eq!(l.dataset.time(2), Some(JAN1_2024 - 31 * DAY));
    assert!(l.report.notes.contains(&LoadNote::DatesRead {
        column: "date".into(),
        order: ReadOrder::DayFirst
    }));
    assert!(l
        .report
        .notes
        .iter()
        .any(|n| render(Lang::En, n) == "Dates in 'date' read as day/month/year."));

    // 02/13/2024 forces month first: 03/04/2024 is 4 March, 12/01/2023 is 1 December.
    let l = load("dates_monthfirst.csv");
    assert_eq!(l.report.date_format["date"], "month/day/year");
    assert_eq!(l.report.date_readings["date"], [DateReading::MonthFirst]);
    assert_eq!(l.dataset.time(0), Some(JAN1_2024 + 63 * DAY));
    assert_eq!(
        l.dataset.time(1),
        Some(JAN1_2024 + 43 * DAY + 8 * 3600 + 30 * 60)
    );
    assert_eq!(l.dataset.time(2), Some(JAN1_2024 - 31 * DAY));

    // Nothing above 12: European day first, and the note says so.
    let l = load("dates_ambiguous.csv");
    assert_eq!(l.report.date_format["fecha"], "day/month/year");
    assert_eq!(l.dataset.time(1), Some(JAN1_2024 + 156 * DAY)); // 5 June 2024
    assert_eq!(
        l.report.notes[0],
        LoadNote::DatesRead {
            column: "fecha".into(),
            order: ReadOrder::DayFirstAssumed
        }
    );
    assert!(render(Lang::En, &l.report.notes[0])
        .starts_with("Dates in 'fecha' read as day/month/year (no day above 12"));

    let s = sniff(&fixture("dates_monthfirst.csv")).unwrap();
    assert_eq!(
        s.date_orders,
        vec![("date".to_string(), DateOrder::MonthFirst)]
    );
}

#[test]
fn other_date_layouts_and_bad_dates() {
    let l = load("dates_formats.csv");
    let mar15 = JAN1_2024 + 74 * DAY;
    let t: Vec<Option<i64>> = (0..5).map(|i| l.dataset.time(i)).collect();
    assert_eq!(
        t,
        vec![
            Some(mar15),
            Some(mar15 + 8 * 3600),
            Some(mar15 + 10 * 3600),
            Some(mar15),
            Some(mar15 + DAY - 1)
        ]
    );
    assert_eq!(l.report.rows_rejected, 2);
    assert_eq!(l.report.errors[0].line, 7);
    assert_eq!(
        rendered(&l.report.errors)[1].2,
        "Date not recognised: \"soon\" (write it like 2024-03-15, 15/03/2024 or 15.03.2024 14:30)"
    );
}

#[test]
fn bad_values_reject_the_whole_row_with_every_bad_cell() {
    let l = load("bad_values.csv");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 5));
    assert_eq!(
        rendered(&l.report.errors),
        vec![
            e(2, "satisfaction", "Satisfaction must be a number from 1–5, got 6"),
            e(2, "nps", "NPS must be a whole number from 0–10, got 11"),
            e(3, "effort", "Effort (CES) must be a whole number from 1–7, got 8"),
            e(3, "revenue", "Revenue must be a number, got \"abc\""),
            e(4, "customer", "Customer ID is missing"),
            e(5, "satisfaction", "Satisfaction must be a number, got \"good\""),
            e(5, "nps", "NPS must be a whole number from 0–10, got 7.5"),
            e(
                7,
                "date",
                "Date not recognised: \"31/31/2024\" (write it like 2024-03-15, 15/03/2024 or 15.03.2024 14:30)"
            ),
        ]
    );
    // The one good row keeps a negative revenue (a refund).
    assert_eq!(l.dataset.customer.get(0), Some("d"));
    assert_eq!(Dataset::score(&l.dataset.revenue, 0), Some(-12.5));
    assert_eq!(l.rejected.len(), 5);
    assert_eq!(l.rejected[0].fields[0], "a");
    let csv = rejected_csv(Lang::En, &l.headers, &l.rejected);
    assert!(csv.contains("\r\n2,satisfaction; nps,\"Satisfaction must be a number from 1–5, got 6; NPS must be a whole number from 0–10, got 11\",a,Visit,6,3,11,5,2024-01-01\r\n"));
}

#[test]
fn satisfaction_scale_is_suggested_never_switched() {
    let l = load("sat_1_10.csv");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 2));
    assert_eq!(
        l.report.suggested_satisfaction_scale,
        Some(Scale::new(1.0, 10.0))
    );
    let opts = CsvOptions {
        scales: Scales {
            satisfaction: Scale::new(1.0, 10.0),
            ..Scales::default()
        },
        ..CsvOptions::default()
    };
    let l = load_csv(&fixture("sat_1_10.csv"), &opts).unwrap();
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (3, 0));
    assert_eq!(l.report.suggested_satisfaction_scale, None);
    assert_eq!(l.dataset.scales.satisfaction, Scale::new(1.0, 10.0));
}

#[test]
fn error_list_is_bounded_and_counts_the_rest() {
    let mut text = String::from("customer,nps\n");
    for i in 0..30 {
        text.push_str(&format!("c{i},99\n"));
    }
    let opts = CsvOptions {
        max_errors: 10,
        ..CsvOptions::default()
    };
    let l = load_csv(text.as_bytes(), &opts).unwrap();
    assert_eq!(l.report.rows_rejected, 30);
    assert_eq!(l.report.errors.len(), 10);
    assert_eq!(l.report.errors_truncated, 20);
    assert_eq!(l.rejected.len(), 10);
    assert!(l.report.notes.contains(&LoadNote::ErrorsTruncated {
        listed: 10,
        more: 20
    }));
}

#[test]
fn fatal_errors_have_one_clear_sentence() {
    assert_eq!(err("empty.csv"), IngestError::Empty);
    assert_eq!(err("blank.csv"), IngestError::Empty);
    assert_eq!(err("header_only.csv"), IngestError::HeaderOnly);
    assert_eq!(
        err("image.png").to_string(),
        "This looks like a PNG image, not a CSV file. Export your data as CSV and try again."
    );
    assert_eq!(
        err("workbook.xlsx").to_string(),
        "This looks like an Excel workbook or ZIP archive, not a CSV file. Export your data as CSV and try again."
    );
    assert_eq!(
        err("doc.pdf"),
        IngestError::NotCsv {
            what: BinaryKind::Pdf
        }
    );
    assert_eq!(
        err("data.csv.gz"),
        IngestError::NotCsv {
            what: BinaryKind::Gzip
        }
    );
    assert_eq!(
        err("junk.bin"),
        IngestError::NotCsv {
            what: BinaryKind::Other
        }
    );
    assert_eq!(
        err("no_customer.csv").to_string(),
        "No customer column found among: \"stage\", \"nps\". Map one column to \"customer_id\", or load each row as its own customer."
    );
    assert_eq!(err("no_measure.csv"), IngestError::NoMeasureColumn);
    assert!(matches!(
        err("one_column.csv"),
        IngestError::OnlyOneColumn { .. }
    ));
}

#[test]
fn row_numbers_as_customers() {
    let opts = CsvOptions {
        row_number_as_customer: true,
        ..CsvOptions::default()
    };
    let l = load_csv(&fixture("no_customer.csv"), &opts).unwrap();
    assert_eq!(l.report.rows_loaded, 1);
    assert_eq!(l.dataset.customer.get(0), Some("2"));
}

#[test]
fn excel_wrapped_lines_are_unwrapped() {
    let l = load("wrapped.csv");
    assert_eq!(l.report.delimiter, ";");
    assert_eq!(l.report.columns.len(), 3);
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 1));
    assert_eq!(l.report.errors[0].line, 3);
    assert_eq!(l.dataset.stage.as_ref().unwrap().get(0), Some("Visit"));
}

#[test]
fn overrides_and_duplicate_roles() {
    let opts = CsvOptions {
        overrides: vec![
            ("region".into(), Role::Ignore),
            ("channel".into(), Role::Persona),
        ],
        ..CsvOptions::default()
    };
    let l = load_csv(&fixture("basic_utf8.csv"), &opts).unwrap();
    let m = &l.report.mapping;
    assert_eq!(m.role_of("region"), Some(Role::Ignore));
    assert_eq!(m.role_of("channel"), Some(Role::Persona));
    // The automatic persona column gives way to the explicit choice.
    assert_eq!(m.role_of("persona"), Some(Role::Dimension));
    assert!(l.dataset.channel.is_none());
    assert_eq!(l.dataset.persona.as_ref().unwrap().get(1), Some("Web"));
    let json = serde_json::to_value(&l.report).unwrap();
    assert_eq!(json["mapping"]["channel"], "persona");
    assert_eq!(json["columns"][0]["column"], "customer_id");

    let opts = CsvOptions {
        overrides: vec![("nps".into(), Role::Stage), ("stage".into(), Role::Stage)],
        ..CsvOptions::default()
    };
    match load_csv(&fixture("basic_utf8.csv"), &opts) {
        Err(IngestError::DuplicateRole { first, second, .. }) => {
            assert_eq!((first.as_str(), second.as_str()), ("stage", "nps"))
        }
        other => panic!("{:?}", other.map(|l| l.report)),
    }
    let opts = CsvOptions {
        overrides: vec![("nope".into(), Role::Stage)],
        ..CsvOptions::default()
    };
    assert!(matches!(
        load_csv(&fixture("basic_utf8.csv"), &opts),
        Err(IngestError::UnknownColumn { .. })
    ));
}

#[test]
fn sniff_gives_the_mapping_screen_what_it_needs() {
    let s = sniff(&fixture("polish_cp1250.csv")).unwrap();
    assert_eq!(s.encoding, "windows-1250");
    assert_eq!(s.delimiter, b';');
    assert!(s.decimal_comma);
    assert_eq!(s.headers[4], "Kanał");
    assert_eq!(s.roles[4], Role::Channel);
    assert_eq!(s.preview.len(), 8);
    assert_eq!(s.preview[0][8], "1 234,50");
    assert_eq!(
        s.header_key,
        "klient|data|etap|punkt styku|kanal|segment|zadowolenie|nps|przychod|komentarz"
    );
}

#[test]
fn chunked_loading_matches_one_shot() {
    for name in [
        "polish_cp1250.csv",
        "multiline_quoted.csv",
        "basic_utf8.csv",
        "utf16le_bom.csv",
        "wrapped.csv",
        "bom_utf8.csv",
    ] {
        let bytes = fixture(name);
        let whole = load(name);
        for size in [1usize, 2, 3, 7, 64] {
            let mut loader = CsvLoader::new(CsvOptions::default());
            for c in bytes.chunks(size) {
                loader.push(c).unwrap();
            }
            let l = loader.finish().unwrap();
            assert_eq!(l.report, whole.report, "{name} in chunks of {size}");
            // Datasets hold NaN (never equal to itself): compare their JSON form.
            assert_eq!(
                serde_json::to_string(&l.dataset).unwrap(),
                serde_json::to_string(&whole.dataset).unwrap(),
                "{name} in chunks of {size}"
            );
        }
    }
}

#[test]
fn big_file_streams_past_the_sniff_window() {
    // 5 000 rows ≈ 120 KiB: the sniffer sees only the first 64 KiB.
    let mut text = String::from("customer;stage;nps;revenue\n");
    for i in 0..5000 {
        text.push_str(&format!(
            "cust-{i};\"stage\n{}\";{};{},5\n",
            i % 3,
            i % 11,
            i
        ));
    }
    let bytes = text.into_bytes();
    let mut loader = CsvLoader::new(CsvOptions::default());
    let mut last = Default::default();
    for c in bytes.chunks(10_000) {
        last = loader.push(c).unwrap();
    }
    assert_eq!(last.bytes, bytes.len() as u64);
    let l = loader.finish().unwrap();
    assert_eq!(l.report.rows_loaded, 5000);
    assert!(l.report.decimal_comma);
    // Row i starts on line 2 + 2i (each record spans two lines).
    assert_eq!(Dataset::score(&l.dataset.revenue, 4999), Some(4999.5));
    assert_eq!(l.dataset.stage.as_ref().unwrap().get(4), Some("stage\n1"));
}
