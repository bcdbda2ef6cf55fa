//! Load-time harness for the CSV reader, ignored by default because it needs a release
//! build to mean anything: `cargo test --release --test ingest_speed -- --ignored --nocapture`.
//! `INGEST_ROWS=1000000` changes the size (default 100 000), `INGEST_RUNS=1` the number of
//! timed runs (default 3, the median is printed; 1 is handy under callgrind). The streaming loader is fed
//! 2 MiB slices like the browser, and the slowest single `push` is reported too, since the
//! page must never block for long.

use journey_lens::ingest::{load_csv, CsvLoader, CsvOptions};
use std::time::{Duration, Instant};

const CHUNK: usize = 2 << 20;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Compares two datasets column by column so a mismatch names the column, not 100 MB of Debug.
fn same(a: &journey_lens::dataset::Dataset, b: &journey_lens::dataset::Dataset) {
    assert_eq!(a.len(), b.len(), "row count");
    assert_eq!(a.customer.values, b.customer.values, "customer values");
    assert!(a.customer.codes == b.customer.codes, "customer codes");
    assert!(a.timestamp == b.timestamp, "timestamps");
    for key in a.dimension_keys() {
        let (x, y) = (a.dimension(key), b.dimension(key));
        let (x, y) = (x.expect("dim"), y.expect("dim"));
        assert_eq!(x.values, y.values, "{key} values");
        assert!(x.codes == y.codes, "{key} codes");
    }
    let bits = |c: &Option<Vec<f64>>| {
        c.as_ref()
            .map(|v| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>())
    };
    assert!(
        bits(&a.satisfaction) == bits(&b.satisfaction),
        "satisfaction"
    );
    assert!(bits(&a.effort) == bits(&b.effort), "effort");
    assert!(bits(&a.nps) == bits(&b.nps), "nps");
    assert!(bits(&a.revenue) == bits(&b.revenue), "revenue");
    assert!(a.comment == b.comment, "comment");
}

#[test]
#[ignore]
fn csv_load_speed() {
    let rows: usize = std::env::var("INGEST_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut bytes = Vec::new();
    journey_lens::generate::generate(rows, 1, &mut bytes).expect("generate");
    let opts = CsvOptions::default();
    let mut whole = Vec::new();
    let mut streamed = Vec::new();
    let mut worst_push = Duration::ZERO;
    let mut worst_at = 0usize;
    let mut finish_time = Vec::new();
    let runs: usize = std::env::var("INGEST_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = load_csv(&bytes, &opts).expect("load");
        whole.push(t.elapsed());
        assert_eq!(
            loaded.report.rows_loaded + loaded.report.rows_rejected,
            rows
        );

        let t = Instant::now();
        let mut loader = CsvLoader::new(opts.clone());
        for (k, c) in bytes.chunks(CHUNK).enumerate() {
            let p = Instant::now();
            loader.push(c).expect("push");
            if p.elapsed() > worst_push {
                worst_push = p.elapsed();
                worst_at = k;
            }
        }
        let f = Instant::now();
        let loaded2 = loader.finish().expect("finish");
        finish_time.push(f.elapsed());
        streamed.push(t.elapsed());
        same(&loaded.dataset, &loaded2.dataset);
    }
    println!(
        "{rows} rows, {:.1} MB: load_csv {:.1} ms, CsvLoader(2 MiB) {:.1} ms, worst push {:.1} ms (slice {worst_at}), finish {:.1} ms",
        bytes.len() as f64 / 1e6,
        median(whole).as_secs_f64() * 1e3,
        median(streamed).as_secs_f64() * 1e3,
        worst_push.as_secs_f64() * 1e3,
        median(finish_time).as_secs_f64() * 1e3,
    );
}
