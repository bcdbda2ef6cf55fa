//! Load-time harness for the CSV reader, ignored by default because it needs a release
//! build to mean anything: `cargo test --release --test ingest_speed -- --ignored --nocapture`.
//! `INGEST_ROWS=1000000` changes the size (default 100 000). The streaming loader is fed
//! 2 MiB slices like the browser, and the slowest single `push` is reported too, since the
//! page must never block for long.

use journey_lens::ingest::{load_csv, CsvLoader, CsvOptions};
use std::time::{Duration, Instant};

const CHUNK: usize = 2 << 20;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
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
    let mut finish_time = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let loaded = load_csv(&bytes, &opts).expect("load");
        whole.push(t.elapsed());
        assert_eq!(
            loaded.report.rows_loaded + loaded.report.rows_rejected,
            rows
        );

        let t = Instant::now();
        let mut loader = CsvLoader::new(opts.clone());
        for c in bytes.chunks(CHUNK) {
            let p = Instant::now();
            loader.push(c).expect("push");
            worst_push = worst_push.max(p.elapsed());
        }
        let f = Instant::now();
        let loaded2 = loader.finish().expect("finish");
        finish_time.push(f.elapsed());
        streamed.push(t.elapsed());
        assert_eq!(loaded2.dataset, loaded.dataset);
    }
    println!(
        "{rows} rows, {:.1} MB: load_csv {:.1} ms, CsvLoader(2 MiB) {:.1} ms, worst push {:.1} ms, finish {:.1} ms",
        bytes.len() as f64 / 1e6,
        median(whole).as_secs_f64() * 1e3,
        median(streamed).as_secs_f64() * 1e3,
        worst_push.as_secs_f64() * 1e3,
        median(finish_time).as_secs_f64() * 1e3,
    );
}
