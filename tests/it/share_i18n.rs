//! Every string of sharing, embedding, printing and the update notice exists in all four
//! languages, with the placeholders the code fills.

use journey_lens::i18n::{defines, trf, Lang};

const KEYS: [&str; 18] = [
    "share.expects_file",
    "share.expects_pasted",
    "share.expects_feed",
    "share.pick",
    "embed.dates",
    "embed.locked",
    "embed.no_filters",
    "print.action",
    "print.view",
    "print.all",
    "print.all_title",
    "print.no_filters",
    "print.source",
    "print.filters",
    "print.date",
    "update.available",
    "update.reload",
    "app.name",
];

#[test]
fn every_key_exists_in_every_language() {
    for lang in Lang::ALL {
        for key in KEYS {
            if key == "app.name" && lang != Lang::En {
                continue;
            }
            assert!(defines(lang, key), "{key} missing in {}", lang.code());
        }
    }
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(
        trf(Lang::Pl, "print.source", &[("name", "journeys.csv")]),
        "Dane: journeys.csv"
    );
    let text = trf(Lang::Ca, "share.expects_file", &[("name", "Q1.csv")]);
    assert!(
        text.starts_with("Aquest enllaç mostra una vista de «Q1.csv»"),
        "{text}"
    );
}
