//! The CSV writer behind every download: formula guard, numbers kept numeric, RFC 4180
//! quoting, separator and byte-order-mark options, and the downloads built on it (chart
//! tables, rejected rows). Every expected file is written out by hand.

use journey_lens::charts::Table;
use journey_lens::dataset::{Role, Scale};
use journey_lens::export::{guard_formula, is_number, Cell, CsvExport, ExportOptions};
use journey_lens::i18n::Lang;
use journey_lens::ingest::RowProblem;
use journey_lens::ingest::{load_csv, CsvOptions, RejectedRow};
use journey_lens::present::message::rejected_csv;

fn one_row(cells: &[Cell]) -> String {
    let mut out = CsvExport::new(ExportOptions::default());
    out.row(cells.iter().copied());
    out.finish()
}

#[test]
fn text_starting_like_a_formula_gets_a_quote() {
    let csv = one_row(&[
        Cell::Text("=1+1"),
        Cell::Text("+SUM(A1)"),
        Cell::Text("-2+3"),
        Cell::Text("@cmd"),
        Cell::Text("\tx"),
        Cell::Text("\rx"),
        Cell::Text("a=b"),
        Cell::Text(""),
    ]);
    // CR forces quotes; tab does not with a comma separator.
    assert_eq!(csv, "'=1+1,'+SUM(A1),'-2+3,'@cmd,'\tx,\"'\rx\",a=b,\r\n");
}

#[test]
fn text_that_looks_like_a_number_is_still_text() {
    // A user's "-12" is text wherever the caller says so (raw fields of a rejected row).
    assert_eq!(
        one_row(&[Cell::Text("-12"), Cell::Text("+3")]),
        "'-12,'+3\r\n"
    );
}

#[test]
fn numbers_stay_numbers() {
    let csv = one_row(&[
        Cell::Number("-12.5"),
        Cell::Number("+23"),
        Cell::Number("1,234.50"),
        Cell::Number("-1.234,5"),
        Cell::Number("+3.2%"),
        Cell::Number("\u{2212}7"),
        Cell::Number("-45,0\u{A0}%"),
    ]);
    // The typographic minus and the no-break space before % are written as a spreadsheet
    // types them, or it would read the cell as text.
    assert_eq!(
        csv,
        "-12.5,+23,\"1,234.50\",\"-1.234,5\",+3.2%,-7,\"-45,0%\"\r\n"
    );
}

#[test]
fn a_number_cell_that_is_not_a_number_is_guarded() {
    let csv = one_row(&[
        Cell::Number("-1+2"),
        Cell::Number("=1"),
        Cell::Number("-"),
        Cell::Number("+%"),
        Cell::Number("-1,,2"),
        Cell::Number("-1."),
        Cell::Number("-1 2"),
        Cell::Number("@1"),
    ]);
    assert_eq!(csv, "'-1+2,'=1,'-,'+%,\"'-1,,2\",'-1.,'-1 2,'@1\r\n");
}

#[test]
fn display_cells_are_numbers_only_when_shaped_like_one() {
    assert_eq!(Cell::display("-12.5"), Cell::Number("-12.5"));
    assert_eq!(Cell::display("n/a"), Cell::Text("n/a"));
    assert_eq!(Cell::display("-Stage"), Cell::Text("-Stage"));
    assert!(is_number("100.0%"));
    assert!(!is_number("37.0%\u{2013}43.1%"));
    assert!(!is_number("1e5"));
    assert_eq!(guard_formula("Awareness"), "Awareness");
    assert_eq!(guard_formula("=x"), "'=x");
}

#[test]
fn quotes_commas_quotes_and_line_breaks() {
    let csv = one_row(&[
        Cell::Text("Sign up, free"),
        Cell::Text("The \"best\" step"),
        Cell::Text("two\nlines"),
        Cell::Text("=HYPERLINK(\"http://x\",\"y\")"),
    ]);
    assert_eq!(
        csv,
        "\"Sign up, free\",\"The \"\"best\"\" step\",\"two\nlines\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
    );
}

#[test]
fn semicolon_separator_and_byte_order_mark() {
    let mut out = CsvExport::new(ExportOptions {
        delimiter: b';',
        bom: true,
    });
    out.text_row(["Etapa", "Ingressos"]);
    out.row([Cell::Text("a;b"), Cell::Number("-1.234,5")]);
    out.row([Cell::Text("=1"), Cell::Number("3,5")]);
    assert_eq!(
        out.finish(),
        "\u{FEFF}Etapa;Ingressos\r\n\"a;b\";-1.234,5\r\n'=1;3,5\r\n"
    );
}

#[test]
fn chart_table_keeps_numbers_and_guards_labels() {
    let t = Table {
        caption: "c".into(),
        headers: vec!["Stage".into(), "NPS".into(), "Change".into()],
        rows: vec![
            vec!["=HYPERLINK(\"x\")".into(), "+23".into(), "-12.5".into()],
            vec!["-Stage".into(), "1,000".into(), "n/a".into()],
            vec!["@SUM(A1)".into(), "\u{2212}5".into(), "+3.2%".into()],
        ],
    };
    // The "Change" column mixes a plain number and a percentage, so it stays as shown;
    // "n/a" is an empty cell; "1,000" loses its grouping.
    assert_eq!(
        t.to_csv(Lang::En),
        "\u{FEFF}Stage,NPS,Change\r\n\
         \"'=HYPERLINK(\"\"x\"\")\",23,-12.5\r\n\
         '-Stage,1000,\r\n\
         '@SUM(A1),-5,+3.2%\r\n"
    );
}

#[test]
fn a_polish_table_downloads_with_semicolons_decimal_commas_and_a_byte_order_mark() {
    use journey_lens::format as f;
    use journey_lens::i18n::Lang;
    let pl = Lang::Pl;
    let t = Table {
        caption: String::new(),
        headers: vec![
            "Etap".into(),
            "Klienci".into(),
            "% pierwszego".into(),
            "Zmiana".into(),
        ],
        rows: vec![
            vec![
                "świadomość".into(),
                f::count(pl, 12_345),
                f::percent(pl, 100.0),
                f::nps(pl, -5.0),
            ],
            vec![
                "zakup; online".into(),
                f::count(pl, 987),
                f::percent(pl, 7.94),
                f::signed(pl, 2.26, 1),
            ],
        ],
    };
    assert_eq!(
        t.to_csv(pl),
        "\u{FEFF}Etap;Klienci;% pierwszego;Zmiana\r\n\
         świadomość;12345;100,0;-5\r\n\
         \"zakup; online\";987;7,9;2,3\r\n"
    );
}

#[test]
fn each_language_gets_the_layout_its_spreadsheets_expect() {
    use journey_lens::i18n::Lang;
    let semicolon = ExportOptions {
        delimiter: b';',
        bom: true,
    };
    assert_eq!(ExportOptions::for_lang(Lang::Ca), semicolon);
    assert_eq!(ExportOptions::for_lang(Lang::Es), semicolon);
    assert_eq!(ExportOptions::for_lang(Lang::Pl), semicolon);
    assert_eq!(
        ExportOptions::for_lang(Lang::En),
        ExportOptions {
            delimiter: b',',
            bom: true
        }
    );
    // Catalan writes a no-break space before %: the file has the bare number, the unit
    // goes to the header.
    let t = Table {
        caption: String::new(),
        headers: vec!["Etapa".into(), "Percentatge".into()],
        rows: vec![vec![
            "compra".into(),
            journey_lens::format::percent(Lang::Ca, 34.5),
        ]],
    };
    assert_eq!(
        t.to_csv(Lang::Ca),
        "\u{FEFF}Etapa;Percentatge (%)\r\ncompra;34,5\r\n"
    );
}

#[test]
fn chart_table_headers_are_text() {
    let t = Table {
        caption: String::new(),
        headers: vec!["-1".into(), "=segment".into()],
        rows: vec![],
    };
    assert_eq!(t.to_csv(Lang::En), "\u{FEFF}'-1,'=segment\r\n");
}

#[test]
fn rejected_rows_guard_every_user_field() {
    let headers = vec![
        "customer".to_string(),
        "=col".to_string(),
        "nps".to_string(),
    ];
    let rows = vec![RejectedRow {
        line: 3,
        fields: vec![
            "=HYPERLINK(\"http://x\",\"y\")".into(),
            "-12".into(),
            "11".into(),
        ],
        problems: vec![
            (Some("=col".into()), RowProblem::CustomerMissing),
            (
                Some("nps".into()),
                RowProblem::OutOfScale {
                    field: Role::Nps,
                    value: 11.0,
                    scale: Scale::new(0.0, 10.0),
                },
            ),
        ],
    }];
    assert_eq!(
        rejected_csv(Lang::En, &headers, &rows),
        "\u{feff}line,column,reason,customer,'=col,nps\r\n\
         3,'=col; nps,\"Customer ID is missing; NPS must be a whole number from 0–10, got 11\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-12,11\r\n"
    );
}

#[test]
fn rejected_rows_of_a_loaded_file_are_guarded() {
    let file = "customer_id,stage,touchpoint,nps\n\
                c1,Visit,Web,9\n\
                \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Visit,@cmd,11\n";
    let l = load_csv(file.as_bytes(), &CsvOptions::default()).expect("loads");
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (1, 1));
    assert_eq!(
        rejected_csv(Lang::En, &l.headers, &l.rejected),
        "\u{feff}line,column,reason,customer_id,stage,touchpoint,nps\r\n\
         3,nps,\"NPS must be a whole number from 0–10, got 11\",\
         \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Visit,'@cmd,11\r\n"
    );
}

/// In Polish the rejected rows open in a spreadsheet set to Polish: `;` between fields, a
/// byte-order mark, the header and the reasons in Polish.
#[test]
fn rejected_rows_in_polish_use_semicolons_and_polish_words() {
    let file = "customer_id,stage,nps\nc1,Visit,9\nc2,Visit,11\n";
    let l = load_csv(file.as_bytes(), &CsvOptions::default()).expect("loads");
    let csv = rejected_csv(Lang::Pl, &l.headers, &l.rejected);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("\u{feff}wiersz;kolumna;powód;customer_id;stage;nps")
    );
    let row = lines.next().unwrap_or_default();
    assert!(row.starts_with("3;nps;"), "{row}");
    assert!(row.ends_with(";c2;Visit;11"), "{row}");
}

#[test]
fn a_catalan_table_with_intervals_days_and_missing_values_opens_as_numbers() {
    use journey_lens::format as f;
    let ca = Lang::Ca;
    let t = Table {
        caption: String::new(),
        headers: vec![
            "Etapa".into(),
            "Clients".into(),
            "Interval 95%".into(),
            "Temps".into(),
        ],
        rows: vec![
            vec![
                "compra".into(),
                f::count(ca, 1_234_567),
                format!("{}–{}", f::percent(ca, 51.94), f::percent(ca, 76.0)),
                f::days(ca, 2.5),
            ],
            vec![
                "=retorn".into(),
                f::count(ca, 12),
                f::not_available(ca),
                f::not_available(ca),
            ],
        ],
    };
    assert_eq!(
        t.to_csv(ca),
        "\u{FEFF}Etapa;Clients;Interval 95% (límit inferior);Interval 95% (límit superior);Temps (dies)\r\n\
         compra;1234567;51,9;76,0;2,5\r\n\
         '=retorn;12;;;\r\n"
    );
}
