//! DuckDB's summary feed gives the same report as the raw events, for every figure it does
//! not mark "needs event-level data" (`make test-duckdb`, part of `make test`; it needs the
//! virtual environment with `duckdb` that `make warehouse-venv` creates, hence `#[ignore]`
//! for a bare `cargo test`).

use crate::summary_support::{check_engine, check_engine_on, generated, parquet_copy, root};

#[test]
#[ignore = "needs the warehouse venv: make test-duckdb"]
fn duckdb_sample_csv_matches_events() {
    check_engine(
        "duckdb",
        &root().join("public/sample/journeys.csv"),
        "Loyal regular",
    );
}

#[test]
#[ignore = "needs the warehouse venv: make test-duckdb"]
fn duckdb_sample_feed_matches_events() {
    check_engine(
        "duckdb",
        &root().join("public/sample/feed.json"),
        "Bargain hunter",
    );
}

#[test]
#[ignore = "needs the warehouse venv: make test-duckdb"]
fn duckdb_100k_generated_matches_events() {
    check_engine("duckdb", &generated(100_000), "Busy professional");
}

#[test]
#[ignore = "needs the warehouse venv: make test-duckdb"]
fn duckdb_parquet_matches_the_csv_events() {
    let csv = root().join("public/sample/journeys.csv");
    check_engine_on("duckdb", &parquet_copy(&csv), &csv, "First-time buyer");
}
