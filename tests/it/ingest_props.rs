//! Whatever bytes arrive, ingest returns a result and never panics.

use journey_lens::ingest::{load_csv, load_json, sniff, CsvLoader, CsvOptions, JsonOptions};
use proptest::prelude::*;

fn csvish() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        "[a-z]{0,5}",
        "-?[0-9]{1,4}([.,][0-9]{1,3})?",
        "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}( [0-9]{1,2}:[0-9]{2})?",
        Just("\"a,\"\"b\"\"\n;c\"".to_string()),
        Just("NA".to_string()),
        "[ąęłśżźéèñ€\"\r\n ]{0,4}",
    ];
    let header = prop_oneof![
        Just("customer,stage,nps,satisfaction,date,revenue\n".to_string()),
        Just("Klient;Etap;NPS;Data;Przychód\n".to_string()),
        Just("client_id\tetapa\tcsat\n".to_string()),
        "[a-z,;|\t]{0,20}\n",
    ];
    let sep = prop_oneof![
        Just(","),
        Just(";"),
        Just("\t"),
        Just("|"),
        Just("\r\n"),
        Just("\n")
    ];
    (header, prop::collection::vec((cell, sep), 0..60)).prop_map(|(h, cells)| {
        let mut s = h;
        for (c, sep) in cells {
            s.push_str(&c);
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = sniff(&bytes);
        let _ = load_csv(&bytes, &CsvOptions::default());
        let _ = load_json(&bytes, &JsonOptions::default());
        let opts = CsvOptions { row_number_as_customer: true, ..CsvOptions::default() };
        let _ = load_csv(&bytes, &opts);
    }

    #[test]
    fn csv_like_text_never_panics(text in csvish(), chunk in 1usize..50) {
        let bytes = text.as_bytes();
        let whole = load_csv(bytes, &CsvOptions::default());
        let mut loader = CsvLoader::new(CsvOptions::default());
        let mut failed = false;
        for c in bytes.chunks(chunk) {
            if loader.push(c).is_err() {
                failed = true;
                break;
            }
        }
        if !failed {
            let chunked = loader.finish();
            // Chunking must not change the outcome.
            prop_assert_eq!(
                whole.as_ref().map(|l| (l.report.rows_loaded, l.report.rows_rejected)).ok(),
                chunked.as_ref().map(|l| (l.report.rows_loaded, l.report.rows_rejected)).ok()
            );
        }
        let _ = load_json(bytes, &JsonOptions::default());
    }

    #[test]
    fn json_like_text_never_panics(text in "[\\[\\]{}\":,0-9a-z\\n ]{0,120}") {
        let _ = load_json(text.as_bytes(), &JsonOptions::default());
    }
}
