//! Native benchmarks: how long each step takes on 100 k and 1 M generated events.
//!
//! `cargo bench --bench core` (release profile). Each step is timed 5 times and the median
//! reported, because the build machine is shared and single runs are noisy. A table goes
//! to stdout and one JSON object per measurement to `target/bench-native.json`, so
//! successive runs can be compared by a script. `BENCH_ROWS=100000` limits the sizes.
//!
//! The per-view functions of `analytics` are crate-private, so views are timed through
//! the public entry points: `compute` (all four views), `filter::select` (the part every
//! view shares) and the settings changes the UI triggers.

use journey_lens::analytics::{self, filter, Filter, FunnelMode, Prepared, Settings};
use journey_lens::dataset::Dataset;
use journey_lens::generate::rng::Rng;
use journey_lens::generate::{self, Events, Format, GenConfig, GenEvent};
use journey_lens::ingest::{load_csv, load_json, CsvLoader, CsvOptions, JsonOptions};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const SEED: u64 = 7;
/// The browser reads files in slices of this size; the streaming loader is timed with it.
const CHUNK: usize = 1 << 20;

/// Median wall time of `RUNS` calls, and the last call's result so it can feed the next step.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = black_box(f());
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    match last {
        Some(out) => (times[RUNS / 2], out),
        None => panic!("RUNS must be at least 1"),
    }
}

struct Table {
    rows: Vec<(usize, String, Duration)>,
}

impl Table {
    fn add(&mut self, events: usize, step: &str, d: Duration) {
        println!(
            "| {:>9} | {:<44} | {:>10.2} | {:>9.1} |",
            events,
            step,
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e9 / events as f64
        );
        self.rows.push((events, step.to_string(), d));
    }

    fn write_json(&self) -> std::io::Result<PathBuf> {
        let dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
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

fn generated(rows: usize, format: Format) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 110);
    let cfg = GenConfig {
        rows,
        seed: SEED,
        format,
    };
    if let Err(e) = generate::write(&cfg, &mut out) {
        panic!("writing to memory failed: {e}");
    }
    out
}

fn bench_size(rows: usize, t: &mut Table) {
    let (d, csv) = median(|| generated(rows, Format::Csv));
    t.add(rows, "generate csv", d);
    let size = format!("(csv is {:.1} MB)", csv.len() as f64 / 1e6);
    println!("| {:>9} | {:<44} | {:>10} | {:>9} |", "", size, "", "");

    let (d, loaded) = median(|| load_csv(&csv, &CsvOptions::default()));
    t.add(rows, "ingest load_csv (one chunk)", d);
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => panic!("the generated CSV did not load: {e}"),
    };
    assert_eq!(loaded.report.rows_loaded, rows, "every generated row loads");

    let (d, _) = median(|| {
        let mut loader = CsvLoader::new(CsvOptions::default());
        for chunk in csv.chunks(CHUNK) {
            if loader.push(chunk).is_err() {
                return None;
            }
        }
        loader.finish().ok().map(|l| l.report.rows_loaded)
    });
    t.add(rows, "ingest CsvLoader (1 MiB chunks)", d);
    drop(csv);

    let json = generated(rows, Format::Json);
    let (d, _) = median(|| {
        load_json(&json, &JsonOptions::default())
            .ok()
            .map(|l| l.report.rows_loaded)
    });
    t.add(rows, "ingest load_json (feed)", d);
    drop(json);

    let ds: Dataset = loaded.dataset;
    let (d, prep) = median(|| Prepared::new(&ds));
    t.add(rows, "Prepared::new", d);

    let settings = Settings::default();
    let all = Filter::all();
    let (d, _) = median(|| filter::select(&ds, &prep, &all).0.len());
    t.add(rows, "filter::select (no filter)", d);
    let (d, report) = median(|| analytics::compute(&ds, &prep, &settings, &all));
    t.add(rows, "compute: all views, no filter", d);

    let persona = Filter::all().with("persona", "Loyal regular");
    let (d, _) = median(|| filter::select(&ds, &prep, &persona).0.len());
    t.add(rows, "filter::select persona=Loyal regular", d);
    let (d, _) = median(|| analytics::compute(&ds, &prep, &settings, &persona));
    t.add(rows, "compute: filter persona=Loyal regular", d);

    let months = Filter::all().between(Some("2025-03-01"), Some("2025-05-31"));
    let (d, _) = median(|| analytics::compute(&ds, &prep, &settings, &months));
    t.add(rows, "compute: filter Mar-May 2025", d);

    let region = Filter::all()
        .with("region", "East")
        .with("channel", "online");
    let (d, _) = median(|| analytics::compute(&ds, &prep, &settings, &region));
    t.add(rows, "compute: filter region=East & online", d);

    let by_persona = Settings {
        breakdown: Some("persona".to_string()),
        ..Settings::default()
    };
    let (d, _) = median(|| analytics::compute(&ds, &prep, &by_persona, &all));
    t.add(rows, "compute: breakdown by persona", d);

    let any_order = Settings {
        mode: FunnelMode::AnyOrder,
        window_days: Some(30.0),
        ..Settings::default()
    };
    let (d, _) = median(|| analytics::compute(&ds, &prep, &any_order, &all));
    t.add(rows, "compute: any-order funnel, 30-day window", d);

    let (d, _) = median(|| analytics::report_json(&report).len());
    t.add(rows, "report_json (serialise all views)", d);

    let (d, _) = median(|| analytics::dropped_after(&ds, &prep, &settings, &all, 1).len());
    t.add(rows, "dropped_after (export step 2 leavers)", d);
    drop((ds, prep, report));

    // Generated files are already grouped by customer and in time order, which flatters
    // the sort in `Prepared::new`; real exports are often in arbitrary order.
    let mut events: Vec<GenEvent> = Events::new(rows, SEED).collect();
    let mut rng = Rng::new(SEED);
    for i in (1..events.len()).rev() {
        events.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let shuffled = generate::dataset_from(events.into_iter());
    let (d, prep) = median(|| Prepared::new(&shuffled));
    t.add(rows, "Prepared::new (rows shuffled)", d);
    let (d, _) = median(|| analytics::compute(&shuffled, &prep, &settings, &all));
    t.add(rows, "compute: all views (rows shuffled)", d);
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is ignored.
    let sizes: Vec<usize> = match std::env::var("BENCH_ROWS") {
        Ok(v) => v
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .collect(),
        Err(_) => vec![100_000, 1_000_000],
    };
    println!("Journey Lens native benchmarks: median of {RUNS} runs, seed {SEED}");
    println!(
        "| {:>9} | {:<44} | {:>10} | {:>9} |",
        "events", "step", "median ms", "ns/event"
    );
    println!("|{:-<11}|{:-<46}|{:-<12}|{:-<11}|", "", "", "", "");
    let mut table = Table { rows: Vec::new() };
    for rows in sizes {
        bench_size(rows, &mut table);
    }
    match table.write_json() {
        Ok(p) => println!("JSON lines written to {}", p.display()),
        Err(e) => eprintln!("could not write the benchmark JSON: {e}"),
    }
}
