//! Shared by the engine equality tests: run the warehouse runner, compute the report from
//! raw events and from the summary, and compare every figure the summary claims.

// Shared by several test crates; each uses a part of it.
#![allow(dead_code)]

use journey_lens::analytics::{
    compute, report_json, Filter, FunnelMode, PeriodKind, Prepared, Settings,
};
use journey_lens::dataset::{Dataset, DimKey, Role};
use journey_lens::ingest::{load_csv, load_json, looks_like_json, CsvOptions, JsonOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Python of the virtual environment `make` creates (override: `JL_WAREHOUSE_PYTHON`).
fn python() -> PathBuf {
    std::env::var_os("JL_WAREHOUSE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/warehouse-venv/bin/python"))
}

/// Runs `warehouse/summary.py` with `engine` on `input`; returns the feed's bytes.
pub fn summarise(engine: &str, input: &Path, windows: &str) -> Vec<u8> {
    let out = std::env::temp_dir().join(format!(
        "jl-summary-{engine}-{}-{}.json",
        std::process::id(),
        input.file_name().and_then(|n| n.to_str()).unwrap_or("x")
    ));
    let status = Command::new(python())
        .arg(root().join("warehouse/summary.py"))
        .args(["--engine", engine, "--windows", windows, "--input"])
        .arg(input)
        .arg("--out")
        .arg(&out)
        .status()
        .expect("the warehouse runner starts (run `make warehouse-venv` first)");
    assert!(status.success(), "the {engine} runner failed on {input:?}");
    let bytes = std::fs::read(&out).expect("the runner wrote the feed");
    let _ = std::fs::remove_file(&out);
    bytes
}

/// The raw events, loaded exactly as `journey-lens report FILE` loads them.
pub fn load(input: &Path) -> (Dataset, Prepared) {
    let bytes = std::fs::read(input).expect("input readable");
    let loaded = if looks_like_json(&bytes) {
        load_json(&bytes, &JsonOptions::default())
    } else {
        load_csv(&bytes, &CsvOptions::default())
    }
    .expect("input loads");
    let mut ds = loaded.dataset;
    if ds.meta.name.is_none() {
        ds.meta.name = input.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let prep = Prepared::new(&ds);
    (ds, prep)
}

/// The report from the raw events.
pub fn raw_report(ds: &Dataset, prep: &Prepared, settings: &Settings, filter: &Filter) -> Value {
    serde_json::from_str(&report_json(&compute(ds, prep, settings, filter))).expect("json")
}

fn seg_matches(pat: &str, seg: &Seg) -> bool {
    pat == "*"
        || match seg {
            Seg::Key(k) => k == pat,
            Seg::Index(i, key) => pat == i.to_string() || key.as_deref() == Some(pat),
        }
}

#[derive(Clone)]
enum Seg {
    Key(String),
    Index(usize, Option<String>),
}

fn skipped(path: &[Seg], needs: &[Vec<String>]) -> bool {
    needs
        .iter()
        .any(|pat| pat.len() <= path.len() && pat.iter().zip(path).all(|(p, s)| seg_matches(p, s)))
}

fn show(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => k.clone(),
            Seg::Index(i, Some(k)) => format!("{i}({k})"),
            Seg::Index(i, None) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn walk(path: &mut Vec<Seg>, a: &Value, b: &Value, needs: &[Vec<String>], diffs: &mut Vec<String>) {
    if skipped(path, needs) {
        return;
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            if (x - y).abs() > 1e-9 * x.abs().max(1.0) {
                diffs.push(format!("{}: events {x} vs summary {y}", show(path)));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                diffs.push(format!(
                    "{}: {} vs {} elements",
                    show(path),
                    x.len(),
                    y.len()
                ));
                return;
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                let key = p.get("key").and_then(Value::as_str).map(str::to_string);
                path.push(Seg::Index(i, key));
                walk(path, p, q, needs, diffs);
                path.pop();
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            for (k, p) in x {
                if k == "needs_events" {
                    continue;
                }
                path.push(Seg::Key(k.clone()));
                match y.get(k) {
                    Some(q) => walk(path, p, q, needs, diffs),
                    None => diffs.push(format!("{}: missing from the summary report", show(path))),
                }
                path.pop();
            }
        }
        _ => {
            if a != b {
                diffs.push(format!("{}: events {a} vs summary {b}", show(path)));
            }
        }
    }
}

/// Every figure of the summary report not listed in its `needs_events` equals the raw
/// report's (numbers to 1e-9, relative above 1); returns the differences.
pub fn differences(raw: &Value, summary: &Value) -> Vec<String> {
    let needs: Vec<Vec<String>> = summary["needs_events"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(Value::as_str)
                .map(|p| p.split('.').map(str::to_string).collect())
                .collect()
        })
        .unwrap_or_default();
    let mut diffs = Vec::new();
    walk(&mut Vec::new(), raw, summary, &needs, &mut diffs);
    diffs
}

/// The settings × filters every engine is checked under.
pub fn cases(persona: &str) -> Vec<(String, Settings, Filter)> {
    let base = Settings::default();
    let mut out = vec![("default".to_string(), base.clone(), Filter::default())];
    out.push((
        "any order".into(),
        Settings {
            mode: FunnelMode::AnyOrder,
            ..base.clone()
        },
        Filter::default(),
    ));
    out.push((
        "window 7 days".into(),
        Settings {
            window_days: Some(7.0),
            ..base.clone()
        },
        Filter::default(),
    ));
    out.push((
        "any order, window 7 days".into(),
        Settings {
            mode: FunnelMode::AnyOrder,
            window_days: Some(7.0),
            ..base.clone()
        },
        Filter::default(),
    ));
    for role in [Role::Persona, Role::Channel, Role::Journey, Role::Stage] {
        let dim = role.key();
        out.push((
            format!("breakdown {dim}, weeks"),
            Settings {
                breakdown: Some(DimKey::Role(role)),
                period: PeriodKind::Week,
                ..base.clone()
            },
            Filter::default(),
        ));
    }
    out.push((
        format!("filter persona = {persona}, from 2025-03-01"),
        Settings {
            breakdown: Some(DimKey::Role(Role::Touchpoint)),
            ..base.clone()
        },
        Filter {
            from: Some("2025-03-01".into()),
            ..Filter::default()
        }
        .with(DimKey::Role(Role::Persona), persona),
    ));
    out
}

/// Checks every case on one input; panics with the differences.
pub fn check_engine(engine: &str, input: &Path, persona: &str) {
    check_engine_on(engine, input, input, persona)
}

/// As [`check_engine`], the engine reading `source` (e.g. a Parquet copy of `events`).
pub fn check_engine_on(engine: &str, source: &Path, events: &Path, persona: &str) {
    let input = events;
    let feed = summarise(engine, source, "7");
    let mut summary = journey_lens::summary::parse(&feed).expect("the feed parses");
    if source != events {
        // Only the name differs between a copy and its original.
        summary.meta.name = events.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let (ds, prep) = load(input);
    let mut failures = Vec::new();
    for (name, settings, filter) in cases(persona) {
        let raw = raw_report(&ds, &prep, &settings, &filter);
        let rep = journey_lens::summary::compute(&summary, &settings, &filter);
        let sum: Value = serde_json::from_str(&report_json(&rep)).expect("json");
        let diffs = differences(&raw, &sum);
        if !diffs.is_empty() {
            failures.push(format!("{name}: {}", diffs.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{engine} on {input:?}:\n{}",
        failures.join("\n")
    );
}

/// A generated file of `rows` events (cached in target/).
pub fn generated(rows: usize) -> PathBuf {
    let path = root().join(format!("target/summary-gen-{rows}.csv"));
    if !path.exists() {
        let mut out = Vec::new();
        journey_lens::generate::generate(rows, 1, &mut out).expect("generate");
        // Written aside then renamed: another test binary may be reading the same path.
        let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
        std::fs::write(&tmp, out).expect("write generated file");
        std::fs::rename(&tmp, &path).expect("rename generated file");
    }
    path
}

/// A Parquet copy of a CSV (typed columns, as a warehouse exports them), made by DuckDB.
pub fn parquet_copy(csv: &Path) -> PathBuf {
    let out = std::env::temp_dir().join(format!("jl-summary-{}.parquet", std::process::id()));
    let sql = format!(
        "COPY (SELECT * FROM read_csv('{}')) TO '{}' (FORMAT parquet)",
        csv.display(),
        out.display()
    );
    let status = Command::new(python())
        .args(["-c", &format!("import duckdb; duckdb.sql({sql:?})")])
        .status()
        .expect("python starts");
    assert!(status.success(), "could not write the Parquet copy");
    out
}
