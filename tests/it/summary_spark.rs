//! Spark's summary feed gives the same report as the raw events, for every figure it does
//! not mark "needs event-level data" (`make test-spark`: pyspark and Java 17, hence
//! `#[ignore]` for a bare `cargo test`).

use crate::summary_support::{check_engine, generated, root};

#[test]
#[ignore = "needs pyspark and Java: make test-spark"]
fn spark_sample_csv_matches_events() {
    check_engine(
        "spark",
        &root().join("public/sample/journeys.csv"),
        "Loyal regular",
    );
}

#[test]
#[ignore = "needs pyspark and Java: make test-spark"]
fn spark_sample_feed_matches_events() {
    check_engine(
        "spark",
        &root().join("public/sample/feed.json"),
        "Bargain hunter",
    );
}

#[test]
#[ignore = "needs pyspark and Java: make test-spark"]
fn spark_100k_generated_matches_events() {
    check_engine("spark", &generated(100_000), "Busy professional");
}
