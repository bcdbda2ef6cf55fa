//! Native benchmarks: how long each step takes on 100 k and 1 M generated events.
//!
//! `cargo bench --bench core` (release profile). Each step is timed 5 times and the median
//! reported, because the build machine is shared and single runs are noisy. A table goes
//! to stdout and one JSON object per measurement to `target/bench-native.json`, so
//! successive runs can be compared by a script.

use journey_lens::generate;
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const SEED: u64 = 7;

/// Median wall time of `RUNS` calls; the last result is returned so it can feed the next step.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = black_box(f());
        times.push(t.elapsed());
        last = Some(out);
    }
    times.sort();
    match last {
        Some(out) => (times[RUNS / 2], out),
        None => unreachable!("RUNS > 0"),
    }
}

struct Table {
    rows: Vec<(usize, String, Duration)>,
}

impl Table {
    fn add(&mut self, events: usize, step: &str, d: Duration) {
        println!(
            "{:>9} events  {:<32} {:>10.1} ms  {:>8.0} ns/event",
            events,
            step,
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e9 / events as f64
        );
        self.rows.push((events, step.to_string(), d));
    }

    fn write_json(&self) -> std::io::Result<std::path::PathBuf> {
        let dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("bench-native.json");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for (events, step, d) in &self.rows {
            let line = serde_json::json!({
                "events": events,
                "step": step,
                "median_ms": (d.as_secs_f64() * 1e6).round() / 1e3,
                "runs": RUNS,
            });
            writeln!(f, "{line}")?;
        }
        f.flush()?;
        Ok(path)
    }
}

fn main() {
    let mut table = Table { rows: Vec::new() };
    for rows in [100_000usize, 1_000_000] {
        let (d, csv) = median(|| {
            let mut out = Vec::with_capacity(rows * 110);
            // Writing to a Vec cannot fail.
            let _ = generate::generate(rows, SEED, &mut out);
            out
        });
        table.add(rows, "generate csv", d);
        println!(
            "{:>9} events  csv size {:.1} MB",
            rows,
            csv.len() as f64 / 1e6
        );
        let (d, ds) = median(|| generate::dataset(rows, SEED));
        table.add(rows, "generate dataset (no text)", d);
        black_box(&ds);
    }
    match table.write_json() {
        Ok(p) => println!("JSON lines written to {}", p.display()),
        Err(e) => eprintln!("could not write bench JSON: {e}"),
    }
}
