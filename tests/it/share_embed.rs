//! Embedding options from the iframe address, and which host origins are trusted.

use journey_lens::share::{EmbedOptions, Locks, Origin};

#[test]
fn reads_embed_lock_hide_and_origins() {
    let o = EmbedOptions::parse(
        "?embed=1&view=nps&lock=filters&hide=actions,nps-trend&hide=Stats\
         &origin=https://intranet.example,http://127.0.0.1:8778/",
    );
    assert!(o.embed);
    assert_eq!(
        o.locks,
        Locks {
            filters: true,
            settings: false
        }
    );
    assert_eq!(o.hide, ["actions", "nps-trend", "stats"]);
    assert_eq!(
        o.origins,
        [
            Origin::parse("https://intranet.example").unwrap(),
            Origin::parse("http://127.0.0.1:8778").unwrap()
        ]
    );
    assert_eq!(o.origins[1].as_str(), "http://127.0.0.1:8778");
}

#[test]
fn a_plain_address_is_not_an_embed() {
    let o = EmbedOptions::parse("?view=nps&embed=0");
    assert!(!o.embed);
    assert_eq!(o.locks, Locks::default());
    assert!(o.origins.is_empty());
}

#[test]
fn no_origin_is_trusted_by_default() {
    let o = EmbedOptions::parse("embed=1");
    assert!(!o.trusts("https://intranet.example"));
    assert!(!o.trusts("null"));
    assert!(!o.trusts(""));
}

#[test]
fn only_the_exact_listed_origin_is_trusted() {
    let o = EmbedOptions::parse("origin=https://intranet.example");
    assert!(o.trusts("https://intranet.example"));
    assert!(o.trusts("HTTPS://Intranet.Example"));
    assert!(!o.trusts("http://intranet.example"));
    assert!(!o.trusts("https://intranet.example:8443"));
    assert!(!o.trusts("https://evil.intranet.example"));
    assert!(!o.trusts("https://intranet.example.evil"));
}

#[test]
fn wildcards_and_odd_origins_are_never_listed() {
    for bad in [
        "*",
        "null",
        "https://*.example",
        "javascript:alert(1)",
        "file:///etc",
        "https://a.example/path",
        "https://user@a.example",
        "https://a.example:99999",
        "https://a.example:0",
        "https://",
        "https://.example",
        "https://a..example",
    ] {
        assert_eq!(Origin::parse(bad), None, "{bad}");
    }
    let o = EmbedOptions::parse("origin=*&origin=null");
    assert!(o.origins.is_empty());
    assert!(!o.trusts("https://anything.example"));
}

#[test]
fn hidden_parts_cannot_inject_css() {
    let o = EmbedOptions::parse("hide=x%22%5D%7Bbody%7Bdisplay:none%7D,a%20b,nps-trend");
    assert_eq!(o.hide, ["nps-trend"]);
    assert_eq!(
        o.hide_css(),
        "[data-chart=\"nps-trend\"],[data-table=\"nps-trend\"]{display:none!important}"
    );
    let o = EmbedOptions::parse("hide=filters");
    assert_eq!(o.hide_css(), ".jl-filterbar{display:none!important}");
}

#[test]
fn lock_all_locks_filters_and_settings() {
    let o = EmbedOptions::parse("lock=all");
    assert_eq!(
        o.locks,
        Locks {
            filters: true,
            settings: true
        }
    );
    assert_eq!(EmbedOptions::parse("lock=nothing").locks, Locks::default());
}
