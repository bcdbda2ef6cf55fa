//! Native benchmarks: how long each step takes on 100 k and 1 M generated events.
//!
//! `cargo bench --bench core` (release profile). Each step is timed 5 times
//! (`BENCH_RUNS`) and the median reported, because the build machine is shared and single runs are noisy. A table goes
//! to stdout and one JSON object per measurement to `target/bench-native.json`, so
//! successive runs can be compared by a script. `BENCH_ROWS=100000` limits the sizes;
//! `BENCH_ANALYTICS_ONLY=1` skips CSV/JSON generation and ingest; `BENCH_CLOCK=cpu`
//! times on-CPU time instead of wall time (steadier on a busy machine).
//!
//! Views are timed through the public entry points: `compute` (all four views, under
//! each filter and settings change the UI triggers), with the funnel / experience / NPS /
//! KPI split from `compute_timed` printed below each row, and `filter::select` (the part
//! every view shares).

use journey_lens::analytics::flows::{self, Direction, FlowParams};
use journey_lens::analytics::{self, filter, Filter, FunnelMode, Prepared, Settings};
use journey_lens::dataset::{Dataset, DimKey, Role};
use journey_lens::generate::rng::Rng;
use journey_lens::generate::{self, Events, Format, GenConfig, GenEvent};
use journey_lens::ingest::{
    load_csv, load_csv_parallel, load_json, CsvLoader, CsvOptions, JsonOptions,
};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Timed calls per step; `BENCH_RUNS` overrides it (e.g. 1 under valgrind).
fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5)
}
const SEED: u64 = 7;

/// The benchmark clock: wall time, or with `BENCH_CLOCK=cpu` this thread's time on a CPU
/// (Linux `/proc/thread-self/schedstat`, nanoseconds), which leaves out the time spent
/// waiting for a core while other jobs load a shared machine.
fn now() -> Duration {
    static CPU: OnceLock<bool> = OnceLock::new();
    static START: OnceLock<Instant> = OnceLock::new();
    let cpu = *CPU.get_or_init(|| std::env::var("BENCH_CLOCK").is_ok_and(|v| v == "cpu"));
    if cpu {
        let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
        if let Some(ns) = ns {
            return Duration::from_nanos(ns);
        }
    }
    START.get_or_init(Instant::now).elapsed()
}
/// The browser reads files in slices of this size; the streaming loader is timed with it.
const CHUNK: usize = 1 << 20;

/// Median time ([`now`]) of `runs()` calls, and the last call's result so it can feed the next step.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let runs = runs();
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = now();
        let out = black_box(f());
        times.push(now().saturating_sub(start));
        last = Some(out);
    }
    times.sort();
    match last {
        Some(out) => (times[runs / 2], out),
        None => panic!("at least one run is needed"),
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
                "runs": runs(),
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
    if std::env::var_os("BENCH_ANALYTICS_ONLY").is_some() {
        // Skips text generation and ingest, which take most of the run and are not
        // what an analytics change affects.
        let (d, ds) = median(|| generate::dataset(rows, SEED));
        t.add(rows, "generate::dataset (no text)", d);
        bench_analytics(rows, ds, t);
        return;
    }
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

    // What the browser's workers do: parts cut at line feeds, parsed apart, merged. The
    // wall clock, since the point is the other threads (BENCH_CLOCK=cpu counts only this one).
    for threads in [2, 4] {
        let (d, n) = median(|| {
            load_csv_parallel(&csv, &CsvOptions::default(), threads)
                .ok()
                .map(|l| l.report.rows_loaded)
        });
        assert_eq!(n, Some(rows), "every generated row loads in parts");
        t.add(
            rows,
            &format!("ingest load_csv_parallel ({threads} threads)"),
            d,
        );
    }
    drop(csv);

    let json = generated(rows, Format::Json);
    let (d, _) = median(|| {
        load_json(&json, &JsonOptions::default())
            .ok()
            .map(|l| l.report.rows_loaded)
    });
    t.add(rows, "ingest load_json (feed)", d);
    drop(json);

    bench_analytics(rows, loaded.dataset, t);
}

/// Median per-view split of `compute` (funnel, experience, NPS, KPIs), in ms.
fn views(ds: &Dataset, prep: &Prepared, settings: &Settings, filter: &Filter) -> [f64; 4] {
    let clock = || now().as_secs_f64() * 1e3;
    let mut runs: Vec<[f64; 4]> = (0..runs())
        .map(|_| analytics::compute_timed(ds, prep, settings, filter, &clock).1)
        .collect();
    let mut out = [0.0; 4];
    let mid = runs.len() / 2;
    for (v, slot) in out.iter_mut().enumerate() {
        runs.sort_by(|a, b| a[v].total_cmp(&b[v]));
        *slot = runs[mid][v];
    }
    out
}

/// Times `compute` with `filter`, then prints its per-view split below it.
fn bench_compute(
    rows: usize,
    t: &mut Table,
    step: &str,
    (ds, prep): (&Dataset, &Prepared),
    settings: &Settings,
    filter: &Filter,
) {
    let (d, _) = median(|| analytics::compute(ds, prep, settings, filter));
    t.add(rows, step, d);
    let [f, e, n, k] = views(ds, prep, settings, filter);
    let split = format!("  funnel {f:.1} · experience {e:.1} · nps {n:.1} · kpis {k:.1}");
    println!("| {:>9} | {:<44} | {:>10} | {:>9} |", "", split, "", "");
}

/// Everything after ingest: `Prepared::new`, selection, `compute` under the filter and
/// settings changes the UI triggers, and the same on a shuffled copy.
fn bench_analytics(rows: usize, ds: Dataset, t: &mut Table) {
    let (d, prep) = median(|| Prepared::new(&ds));
    t.add(rows, "Prepared::new", d);
    let data = (&ds, &prep);

    let settings = Settings::default();
    let all = Filter::all();
    let (d, _) = median(|| filter::select(&ds, &prep, &all).0.len());
    t.add(rows, "filter::select (no filter)", d);
    let report = analytics::compute(&ds, &prep, &settings, &all);
    bench_compute(
        rows,
        t,
        "compute: all views, no filter",
        data,
        &settings,
        &all,
    );

    let persona = Filter::all().with(Role::Persona, "Loyal regular");
    let (d, _) = median(|| filter::select(&ds, &prep, &persona).0.len());
    t.add(rows, "filter::select persona=Loyal regular", d);
    let step = "compute: filter persona=Loyal regular";
    bench_compute(rows, t, step, data, &settings, &persona);

    let months = Filter::all().between(Some("2025-03-01"), Some("2025-05-31"));
    let step = "compute: filter Mar-May 2025";
    bench_compute(rows, t, step, data, &settings, &months);

    let region = Filter::all()
        .with(region_key(&ds), "East")
        .with(Role::Channel, "online");
    let step = "compute: filter region=East & online";
    bench_compute(rows, t, step, data, &settings, &region);

    let by_persona = Settings {
        breakdown: Some(Role::Persona.into()),
        ..Settings::default()
    };
    let step = "compute: breakdown by persona";
    bench_compute(rows, t, step, data, &by_persona, &all);

    let any_order = Settings {
        mode: FunnelMode::AnyOrder,
        window_days: Some(30.0),
        ..Settings::default()
    };
    let step = "compute: any-order funnel, 30-day window";
    bench_compute(rows, t, step, data, &any_order, &all);

    let (d, _) = median(|| analytics::report_json(&report).len());
    t.add(rows, "report_json (serialise all views)", d);

    let (d, _) = median(|| analytics::dropped_after(&ds, &prep, &settings, &all, 1).len());
    t.add(rows, "dropped_after (export step 2 leavers)", d);

    let (sel, _) = filter::select(&ds, &prep, &all);
    let sorted = prep.dataset(&ds);
    let (d, _) = median(|| flows::compute(sorted, &sel, &settings.flow).rooted);
    t.add(rows, "flows: touchpoints, 4 steps, top 6", d);
    let deep = FlowParams {
        depth: 8,
        direction: Direction::Backward,
        ..FlowParams::default()
    };
    let (d, _) = median(|| flows::compute(sorted, &sel, &deep).rooted);
    t.add(rows, "flows: backwards, 8 steps", d);
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
    let step = "compute: all views (rows shuffled)";
    bench_compute(rows, t, step, (&shuffled, &prep), &settings, &all);
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
    println!(
        "Journey Lens native benchmarks: median of {} runs, seed {SEED}",
        runs()
    );
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

/// The generated data's `region` column (an extra dimension).
fn region_key(ds: &Dataset) -> DimKey {
    ds.find_dimension("region").unwrap_or(DimKey::Extra(0))
}
