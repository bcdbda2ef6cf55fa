//! What the browser app may fetch and keep: feed address schemes, the feed timeout and size
//! limit parameters, the start-up marker and the capped mapping store.

use journey_lens::storage_policy::{
    classify_feed_address, declared_too_large, feed_limit_bytes, feed_timeout_ms, is_app_key,
    legacy_mapping_header, quoted, BusyMarker, FeedAddress, MappingStore, Phase, MAX_INPUT_BYTES,
    MAX_MAPPINGS, MAX_MAPPING_CHARS,
};

fn refused(scheme: &str) -> FeedAddress {
    FeedAddress::Refused {
        scheme: scheme.to_string(),
    }
}

#[test]
fn http_and_https_are_web_addresses_in_any_case() {
    assert_eq!(
        classify_feed_address("https://example.com/feed.json"),
        FeedAddress::Web
    );
    assert_eq!(
        classify_feed_address("http://127.0.0.1:8765/x"),
        FeedAddress::Web
    );
    assert_eq!(
        classify_feed_address("HTTPS://EXAMPLE.COM/"),
        FeedAddress::Web
    );
    assert_eq!(
        classify_feed_address("  https://example.com/ \n"),
        FeedAddress::Web
    );
}

#[test]
fn addresses_without_a_scheme_are_relative() {
    for relative in [
        "feed.json",
        "../../fixtures/events_feed.json",
        "/api/events",
        "//cdn.example.com/feed.json",
        "feed.json?from=10:00",
        "?feed=1",
        "1http://x",
        "/a:b",
    ] {
        assert_eq!(
            classify_feed_address(relative),
            FeedAddress::Relative,
            "{relative}"
        );
    }
}

#[test]
fn other_schemes_are_refused_even_when_disguised() {
    assert_eq!(
        classify_feed_address("javascript:alert(1)"),
        refused("javascript")
    );
    assert_eq!(
        classify_feed_address("  JavaScript:alert(1)"),
        refused("javascript")
    );
    // Browsers drop tabs and newlines anywhere in an address and strip control characters
    // at the ends, so these are javascript: too.
    assert_eq!(
        classify_feed_address("java\tscript:alert(1)"),
        refused("javascript")
    );
    assert_eq!(
        classify_feed_address("\u{1}java\nscript:alert(1)"),
        refused("javascript")
    );
    assert_eq!(
        classify_feed_address("data:application/json,[]"),
        refused("data")
    );
    assert_eq!(classify_feed_address("file:///etc/passwd"), refused("file"));
    assert_eq!(
        classify_feed_address("blob:https://example.com/1234"),
        refused("blob")
    );
    assert_eq!(
        classify_feed_address("ftp://example.com/f.json"),
        refused("ftp")
    );
    assert_eq!(
        classify_feed_address("C:\\exports\\feed.json"),
        refused("c")
    );
    assert_eq!(
        classify_feed_address("view-source:https://x"),
        refused("view-source")
    );
}

#[test]
fn declared_length_over_the_limit_is_refused_before_reading() {
    assert!(declared_too_large(Some("1000001"), 1_000_000));
    assert!(declared_too_large(Some(" 1000000000 "), MAX_INPUT_BYTES));
    assert!(!declared_too_large(Some("1000000"), 1_000_000));
    assert!(!declared_too_large(Some("0"), 1_000_000));
    // Unknown or garbled lengths are left to the byte count while reading.
    assert!(!declared_too_large(None, 1_000_000));
    assert!(!declared_too_large(Some("lots"), 1_000_000));
    assert!(!declared_too_large(Some("-5"), 1_000_000));
}

#[test]
fn the_input_limit_is_900_mib() {
    assert_eq!(MAX_INPUT_BYTES, 943_718_400);
}

#[test]
fn timeout_parameter_can_only_shorten_the_30_second_default() {
    assert_eq!(feed_timeout_ms(None), 30_000);
    assert_eq!(feed_timeout_ms(Some("2")), 2_000);
    assert_eq!(feed_timeout_ms(Some("30")), 30_000);
    assert_eq!(feed_timeout_ms(Some("3600")), 30_000);
    assert_eq!(feed_timeout_ms(Some("4294967295")), 30_000);
    assert_eq!(feed_timeout_ms(Some("0")), 30_000);
    assert_eq!(feed_timeout_ms(Some("-1")), 30_000);
    assert_eq!(feed_timeout_ms(Some("soon")), 30_000);
}

#[test]
fn size_parameter_can_only_lower_the_900_mib_default() {
    assert_eq!(feed_limit_bytes(None), 943_718_400);
    assert_eq!(feed_limit_bytes(Some("1")), 1_048_576);
    assert_eq!(feed_limit_bytes(Some("900")), 943_718_400);
    assert_eq!(feed_limit_bytes(Some("5000")), 943_718_400);
    assert_eq!(feed_limit_bytes(Some("18446744073709551615")), 943_718_400);
    assert_eq!(feed_limit_bytes(Some("0")), 943_718_400);
    assert_eq!(feed_limit_bytes(Some("big")), 943_718_400);
}

#[test]
fn long_text_is_cut_for_quoting() {
    assert_eq!(quoted("feed.json"), "feed.json");
    let long = format!("data:{}", "é".repeat(400));
    let q = quoted(&long);
    assert_eq!(q.chars().count(), 201);
    assert!(q.starts_with("data:ééé"));
    assert!(q.ends_with("é…"));
}

#[test]
fn busy_marker_round_trips_and_tolerates_garbage() {
    let m = BusyMarker::new(Phase::Computing, "journeys.csv");
    assert_eq!(
        m.to_json(),
        r#"{"phase":"computing","what":"journeys.csv"}"#
    );
    assert_eq!(BusyMarker::parse(&m.to_json()), m);
    assert_eq!(
        BusyMarker::parse(r#"{"phase":"loading","what":"polish_cp1250.csv"}"#),
        BusyMarker {
            phase: Phase::Loading,
            what: "polish_cp1250.csv".into()
        }
    );
    let unnamed = BusyMarker {
        phase: Phase::Loading,
        what: String::new(),
    };
    assert_eq!(BusyMarker::parse("1"), unnamed);
    assert_eq!(BusyMarker::parse(""), unnamed);
    assert_eq!(BusyMarker::parse(r#"{"phase":"exploding"}"#), unnamed);
    // A stored name is cut like any quoted text.
    let long = format!(r#"{{"phase":"loading","what":"{}"}}"#, "x".repeat(5000));
    assert_eq!(BusyMarker::parse(&long).what.chars().count(), 201);
}

fn roles(r: &[&str]) -> Vec<String> {
    r.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_mapping_is_kept_by_header_and_replaced_by_a_newer_one() {
    let mut store = MappingStore::default();
    store.remember("a|b", roles(&["customer", "stage"]));
    store.remember("x|y", roles(&["customer", "nps"]));
    store.remember("a|b", roles(&["customer", "ignore"]));
    assert_eq!(store.get("a|b"), Some(&roles(&["customer", "ignore"])[..]));
    assert_eq!(store.get("x|y"), Some(&roles(&["customer", "nps"])[..]));
    assert_eq!(store.get("q"), None);
    // Remembering again makes it the newest.
    assert_eq!(store.headers(), vec!["x|y", "a|b"]);
    assert_eq!(
        store.to_json(),
        r#"[{"header":"x|y","roles":["customer","nps"]},{"header":"a|b","roles":["customer","ignore"]}]"#
    );
    assert_eq!(MappingStore::parse(&store.to_json()), store);
}

#[test]
fn the_51st_mapping_evicts_the_oldest() {
    assert_eq!(MAX_MAPPINGS, 50);
    let mut store = MappingStore::default();
    for i in 0..50 {
        store.remember(&format!("h{i}"), roles(&["customer"]));
    }
    assert_eq!(store.headers().len(), 50);
    assert_eq!(store.headers()[0], "h0");
    // Using h0 again makes it the newest, so h1 is the one to go.
    store.remember("h0", roles(&["stage"]));
    store.remember("h50", roles(&["customer"]));
    let headers = store.headers();
    assert_eq!(headers.len(), 50);
    assert_eq!(headers[0], "h2");
    assert_eq!(&headers[48..], &["h0", "h50"]);
    assert_eq!(store.get("h1"), None);
}

#[test]
fn big_mappings_evict_the_oldest_until_the_store_fits() {
    assert_eq!(MAX_MAPPING_CHARS, 65_536);
    // Each entry is {"header":"<20 000 chars>","roles":["customer"]}: 20 034 characters.
    let header = |c: char| c.to_string().repeat(20_000);
    let mut store = MappingStore::default();
    for c in ['a', 'b', 'c'] {
        store.remember(&header(c), roles(&["customer"]));
    }
    // 3 entries: 2 + 3 × 20 034 + 2 commas = 60 106 characters, under the cap.
    assert_eq!(store.to_json().len(), 60_106);
    assert_eq!(store.headers().len(), 3);
    store.remember(&header('d'), roles(&["customer"]));
    // 4 would take 80 141: the oldest ('a') goes, leaving b, c, d.
    let kept: Vec<char> = store
        .headers()
        .iter()
        .filter_map(|h| h.chars().next())
        .collect();
    assert_eq!(kept, vec!['b', 'c', 'd']);
    assert_eq!(store.to_json().len(), 60_106);
}

#[test]
fn a_mapping_too_big_on_its_own_is_not_kept() {
    let mut store = MappingStore::default();
    store.remember("small", roles(&["customer"]));
    store.remember(&"z".repeat(70_000), roles(&["customer"]));
    assert_eq!(store.headers(), Vec::<&str>::new());
    assert_eq!(store.to_json(), "[]");
}

#[test]
fn unreadable_stored_mappings_are_an_empty_store() {
    assert_eq!(MappingStore::parse("not json"), MappingStore::default());
    assert_eq!(
        MappingStore::parse(r#"{"header":"a"}"#),
        MappingStore::default()
    );
    assert_eq!(MappingStore::parse("[]"), MappingStore::default());
}

#[test]
fn older_mappings_are_imported_as_the_oldest() {
    let mut store = MappingStore::default();
    store.remember("new", roles(&["stage"]));
    store.import_older("old", roles(&["customer"]));
    store.import_older("new", roles(&["ignore"]));
    assert_eq!(store.headers(), vec!["old", "new"]);
    assert_eq!(store.get("new"), Some(&roles(&["stage"])[..]));
    assert_eq!(
        legacy_mapping_header("journey-lens.mapping.customer_id|stage"),
        Some("customer_id|stage")
    );
    assert_eq!(legacy_mapping_header("journey-lens.mappings"), None);
    assert_eq!(legacy_mapping_header("other.mapping.x"), None);
}

#[test]
fn app_keys_are_the_journey_lens_ones() {
    assert!(is_app_key("journey-lens.settings"));
    assert!(is_app_key("journey-lens.mapping.a|b"));
    assert!(!is_app_key("journey-lensX"));
    assert!(!is_app_key("other-app.settings"));
}
