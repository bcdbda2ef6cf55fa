//! `journey-lens report FILE …`: the same analysis as the web app, printed as one JSON document.

use crate::analytics::journeys::{self, JourneyScope};
use crate::analytics::{compute, Filter, FunnelMode, Prepared, Settings};
use crate::dataset::{Dataset, DimKey, Meta, Role};
use crate::i18n::Lang;
use crate::ingest::milestones::{by_dates, proposal};
use crate::ingest::{
    load_csv, load_json, looks_like_json, sniff, CsvOptions, JsonOptions, Loaded, MilestoneStage,
    Milestones,
};
use crate::join::{combine, keyed_options, Source};
use crate::present::message::{dimension, render, report_json};

const HELP: &str =
    "usage: journey-lens report FILE [FILE...] [--key COLUMN] [--unmatched OUT.csv] \
[--meta META.json] [--journey NAME|all] [--filter DIM=VALUE]... [--mode ordered|any] [--window-days N] \
[--from DATE --to DATE] [--breakdown DIM] [--period week|month|quarter]
  [--kpi-period month|quarter|year|FROM..TO] [--kpi-at PERIOD] [--compare previous|year-before]
  after a FILE: [--map COLUMN=ROLE]... [--milestones auto|by-date|COLUMN[=STAGE],...]
  Files after the first without a customer column find their customers through --key.
  --journey: one journey of the data's journey column; without it (or with \"all\") every
  journey is counted together.";

/// One input file and the options that follow it on the command line.
#[derive(Debug, Clone, PartialEq, Default)]
struct FileArg {
    path: String,
    overrides: Vec<(String, Role)>,
    milestones: Option<MilestoneArg>,
}

/// `--milestones`: the sniffer's proposal (in file or date order) or explicit columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum MilestoneArg {
    Auto { by_date: bool },
    Columns(Milestones),
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Default)]
struct Args {
    files: Vec<FileArg>,
    key: Option<String>,
    unmatched: Option<String>,
    meta: Option<String>,
    filter: Filter,
    /// `--filter DIM=VALUE` as typed: a dimension is a column of the file, so it is
    /// resolved to a [`DimKey`] once the file is loaded.
    dims: Vec<(String, String)>,
    /// `--breakdown DIM` as typed, resolved the same way.
    breakdown: Option<String>,
    /// `--journey NAME|all`; `None` keeps every journey, as before journeys were chosen.
    journey: Option<JourneyScope>,
    settings: Settings,
}

/// Reads `COLUMN[=STAGE],…` (a stage name defaults to one made from the header).
pub(super) fn parse_milestones(v: &str) -> Result<MilestoneArg, String> {
    match v.trim() {
        "auto" => return Ok(MilestoneArg::Auto { by_date: false }),
        "by-date" | "by_date" => return Ok(MilestoneArg::Auto { by_date: true }),
        _ => {}
    }
    let stages: Vec<MilestoneStage> = v
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (column, stage) = p.split_once('=').unwrap_or((p, ""));
            MilestoneStage {
                column: column.trim().to_string(),
                stage: stage.trim().to_string(),
            }
        })
        .collect();
    if stages.is_empty() {
        return Err(format!(
            "--milestones takes auto, by-date or COLUMN[=STAGE],… (got \"{v}\")."
        ));
    }
    Ok(MilestoneArg::Columns(Milestones {
        stages,
        measures_on: None,
    }))
}

/// The file the per-file options apply to.
fn last_file<'a>(files: &'a mut [FileArg], flag: &str) -> Result<&'a mut FileArg, String> {
    files.last_mut().ok_or_else(|| {
        format!("{flag} applies to the FILE before it; give the file first.\n{HELP}")
    })
}

/// The options of `report`; each takes a value.
const OPTIONS: [&str; 17] = [
    "meta",
    "journey",
    "key",
    "unmatched",
    "map",
    "milestones",
    "filter",
    "mode",
    "window-days",
    "from",
    "to",
    "breakdown",
    "period",
    "kpi-period",
    "kpi-at",
    "compare",
    "help",
];

/// Applies one `--flag value` of the command line.
// Over 80 lines: one short match arm per command-line flag; splitting would only scatter the table.
fn option(out: &mut Args, flag: &str, v: String) -> Result<(), String> {
    match flag {
        "--meta" => out.meta = Some(v),
        "--key" => out.key = Some(v.trim().to_string()),
        "--unmatched" => out.unmatched = Some(v),
        "--map" => {
            let m = super::args::column_role(&v)?;
            last_file(&mut out.files, flag)?.overrides.push(m);
        }
        "--milestones" => {
            let m = parse_milestones(&v)?;
            last_file(&mut out.files, flag)?.milestones = Some(m);
        }
        "--filter" => {
            let (dim, val) = v.split_once('=').ok_or_else(|| {
                format!("--filter takes DIM=VALUE, e.g. persona=Student (got \"{v}\").")
            })?;
            out.dims
                .push((dim.trim().to_string(), val.trim().to_string()));
        }
        "--mode" => {
            out.settings.mode = match v.as_str() {
                "ordered" => FunnelMode::Ordered,
                "any" | "any-order" | "any_order" => FunnelMode::AnyOrder,
                "auto" => FunnelMode::Auto,
                m => return Err(format!("--mode is \"ordered\" or \"any\", not \"{m}\".")),
            }
        }
        "--window-days" => {
            let w: f64 = v
                .trim()
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite() && *w >= 0.0)
                .ok_or_else(|| format!("--window-days needs a number of days, not \"{v}\"."))?;
            out.settings.window_days = Some(w);
        }
        "--journey" => {
            out.journey = Some(
                JourneyScope::parse(&v)
                    .ok_or_else(|| "--journey takes a journey's name or \"all\".".to_string())?,
            )
        }
        "--from" => out.filter.from = Some(v),
        "--to" => out.filter.to = Some(v),
        "--breakdown" => out.breakdown = Some(v),
        "--period" => {
            out.settings.period = match v.as_str() {
                "week" => crate::analytics::PeriodKind::Week,
                "month" => crate::analytics::PeriodKind::Month,
                "quarter" => crate::analytics::PeriodKind::Quarter,
                p => {
                    return Err(format!(
                        "--period is \"week\", \"month\" or \"quarter\", not \"{p}\"."
                    ))
                }
            }
        }
        "--kpi-period" => {
            use crate::analytics::KpiPeriodKind as K;
            let k = &mut out.settings.kpi_period;
            k.kind = match v.as_str() {
                "month" => K::Month,
                "quarter" => K::Quarter,
                "year" => K::Year,
                range => {
                    let (from, to) = range.split_once("..").ok_or_else(|| {
                        format!("--kpi-period is month, quarter, year or FROM..TO, not \"{v}\".")
                    })?;
                    k.from = Some(from.to_string());
                    k.to = Some(to.to_string());
                    K::Custom
                }
            };
        }
        "--kpi-at" => out.settings.kpi_period.at = Some(v),
        "--compare" => {
            use crate::analytics::KpiCompare as C;
            out.settings.kpi_period.compare = match v.as_str() {
                "previous" => C::Previous,
                "year-before" => C::YearBefore,
                c => {
                    return Err(format!(
                        "--compare is \"previous\" or \"year-before\", not \"{c}\"."
                    ))
                }
            };
        }
        f => return Err(format!("Unknown option {f}.\n{HELP}")),
    }
    Ok(())
}

fn parse(args: &[String]) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut out = Args::default();
    let mut p = super::args::parser(args);
    while let Some(arg) = p.next().map_err(|e| format!("{e}.\n{HELP}"))? {
        let Long(flag) = arg else {
            match arg {
                Value(f) => out.files.push(FileArg {
                    path: super::args::positional(f)?,
                    ..FileArg::default()
                }),
                Short('h') => return Err(HELP.to_string()),
                other => return Err(format!("{}.\n{HELP}", other.unexpected())),
            }
            continue;
        };
        if flag == "help" {
            return Err(HELP.to_string());
        }
        let name = format!("--{flag}");
        if !OPTIONS.contains(&flag) {
            return Err(format!("Unknown option {name}.\n{HELP}"));
        }
        let v = super::args::text(&mut p, &name).map_err(|e| format!("{e}\n{HELP}"))?;
        option(&mut out, &name, v)?;
    }
    for (name, bound) in [("--from", &out.filter.from), ("--to", &out.filter.to)] {
        if let Some(b) = bound {
            crate::analytics::filter::parse_bound(b, false)
                .map_err(|e| format!("{name}: {}.", render(Lang::En, &e)))?;
        }
    }
    if out.files.is_empty() {
        return Err(HELP.to_string());
    }
    Ok(out)
}

/// Keeps the feed's own settings unless the meta file sets them.
fn merge_meta(base: &mut Meta, over: Meta) {
    if over.name.is_some() {
        base.name = over.name;
    }
    if over.stage_order.is_some() {
        base.stage_order = over.stage_order;
    }
    if over.conversion_stage.is_some() {
        base.conversion_stage = over.conversion_stage;
    }
    if over.scales.is_some() {
        base.scales = over.scales;
    }
    base.targets.extend(over.targets);
}

/// The spec `--milestones` asks for, from the sniffed date columns when automatic.
pub(super) fn milestone_spec(
    arg: Option<&MilestoneArg>,
    sniffed: &crate::ingest::Sniffed,
) -> Result<Option<Milestones>, String> {
    match arg {
        None => Ok(None),
        Some(MilestoneArg::Columns(m)) => Ok(Some(m.clone())),
        Some(MilestoneArg::Auto { by_date }) => {
            let cands = if *by_date {
                by_dates(sniffed.milestones.clone())
            } else {
                sniffed.milestones.clone()
            };
            if cands.is_empty() {
                return Err(
                    "--milestones: the file does not have two or more date columns.".into(),
                );
            }
            Ok(Some(proposal(&cands)))
        }
    }
}

/// Loads one file with its own options; later files without a customer column are keyed.
fn load_file(
    f: &FileArg,
    first: bool,
    key: Option<&str>,
    meta: Option<&Meta>,
) -> Result<Source, String> {
    let bytes = std::fs::read(&f.path).map_err(|e| format!("Could not read {}: {e}.", f.path))?;
    let name = std::path::Path::new(&f.path)
        .file_name()
        .map_or_else(|| f.path.clone(), |n| n.to_string_lossy().into_owned());
    let scales = meta.and_then(|m| m.scales);
    if looks_like_json(&bytes) {
        let opts = JsonOptions {
            scales,
            overrides: f.overrides.clone(),
            ..JsonOptions::default()
        };
        let loaded = load_json(&bytes, &opts).map_err(|e| format!("{}: {e}", f.path))?;
        return Ok(Source::new(name, loaded, None));
    }
    let sniffed = sniff(&bytes).map_err(|e| format!("{}: {e}", f.path))?;
    let milestones =
        milestone_spec(f.milestones.as_ref(), &sniffed).map_err(|e| format!("{}: {e}", f.path))?;
    let mut opts = CsvOptions {
        scales: scales.unwrap_or_default(),
        meta: meta.cloned().unwrap_or_default(),
        overrides: f.overrides.clone(),
        milestones,
        ..CsvOptions::default()
    };
    let own_customer =
        crate::ingest::mapping::resolve_roles(&sniffed.headers, None, &opts.overrides)
            .map(|r| r.contains(&Role::CustomerId))
            .unwrap_or(false);
    let keyed = match key {
        Some(k) if !first && !own_customer => Some(k.to_string()),
        _ => None,
    };
    if let Some(k) = &keyed {
        opts = keyed_options(opts, k);
    }
    let loaded: Loaded = load_csv(&bytes, &opts).map_err(|e| format!("{}: {e}", f.path))?;
    Ok(Source::new(name, loaded, keyed))
}

/// The report of a summary feed (`docs/summary-feed.md`), when the first file is one. A
/// summary already aggregates every source, so it cannot be joined with other files.
fn summary_report(a: &Args) -> Result<Option<crate::analytics::Report>, String> {
    let Some(first) = a.files.first() else {
        return Ok(None);
    };
    let unreadable = |e: std::io::Error| format!("Could not read {}: {e}.", first.path);
    // The shape is told by the first bytes: an event file is not read twice.
    let mut head = Vec::with_capacity(256);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(&first.path).map_err(unreadable)?, 256),
        &mut head,
    )
    .map_err(unreadable)?;
    if !crate::summary::looks_like_summary(&head) {
        return Ok(None);
    }
    let bytes = std::fs::read(&first.path).map_err(unreadable)?;
    if a.files.len() > 1 || first.milestones.is_some() {
        return Err(format!(
            "{}: a summary feed is already aggregated; it cannot be combined with other files or milestones.",
            first.path
        ));
    }
    let filter = match &a.journey {
        Some(j) => j.apply(a.filter.clone()),
        None => a.filter.clone(),
    };
    crate::summary::report(&bytes, &a.settings, &filter)
        .map(Some)
        .map_err(|e| format!("{}: {e}", first.path))
}

/// Runs the command; prints the report on stdout.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = parse(args)?;
    let meta: Option<Meta> = match &a.meta {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("Could not read the meta file {path}: {e}."))?;
            Some(
                serde_json::from_str(&text)
                    .map_err(|e| format!("The meta file {path} is not valid meta JSON: {e}."))?,
            )
        }
        None => None,
    };
    if let Some(report) = summary_report(&a)? {
        return super::print_document(&report_json(&report));
    }
    let mut sources = Vec::with_capacity(a.files.len());
    for (i, f) in a.files.iter().enumerate() {
        sources.push(load_file(f, i == 0, a.key.as_deref(), meta.as_ref())?);
    }
    let several = sources.len() > 1;
    let (mut ds, files) = if several {
        let combined = combine(&sources).map_err(|e| e.to_string())?;
        if let Some(path) = &a.unmatched {
            std::fs::write(path, combined.unmatched_csv(Lang::En))
                .map_err(|e| format!("Could not write {path}: {e}."))?;
        }
        (combined.dataset, combined.files)
    } else {
        // One file needs no combining; its name is kept for the report.
        let dataset = std::mem::take(&mut sources[0].dataset);
        (dataset, Vec::new())
    };
    if let Some(m) = meta {
        merge_meta(&mut ds.meta, m);
    }
    if ds.meta.name.is_none() {
        ds.meta.name = Some(
            sources
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
        );
    }
    let (filter, settings) = resolve(&a, &ds)?;
    let prep = Prepared::new(&ds);
    let report = compute(&ds, &prep, &settings, &filter);
    if !several {
        return super::print_document(&report_json(&report));
    }
    // Several files: the report plus what became of each file.
    let mut doc: serde_json::Value =
        serde_json::from_str(&report_json(&report)).map_err(|e| e.to_string())?;
    if let serde_json::Value::Object(m) = &mut doc {
        m.insert(
            "files".into(),
            serde_json::to_value(&files).map_err(|e| e.to_string())?,
        );
    }
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    super::print_document(&text)
}

/// The filter and settings with every dimension named on the command line resolved
/// against the loaded file.
fn resolve(a: &Args, ds: &Dataset) -> Result<(Filter, Settings), String> {
    let find = |name: &str| -> Result<DimKey, String> {
        ds.find_dimension(name).ok_or_else(|| {
            let known: Vec<String> = ds
                .dimension_keys()
                .into_iter()
                .map(|k| match ds.extra_name(k) {
                    Some(h) => format!("\"{h}\" ({k})"),
                    None => format!("{k} ({})", dimension(Lang::En, k, Some(ds))),
                })
                .collect();
            format!(
                "The data has no dimension \"{name}\". Its dimensions: {}.",
                known.join(", ")
            )
        })
    };
    let mut filter = a.filter.clone();
    for (dim, value) in &a.dims {
        filter = filter.with(find(dim)?, value);
    }
    if let Some(scope) = &a.journey {
        if let JourneyScope::One(name) = scope {
            let journeys = journeys::list(ds);
            if !journeys.iter().any(|j| &j.name == name) {
                let known: Vec<String> = journeys
                    .iter()
                    .map(|j| format!("\"{}\" ({} customers)", j.name, j.customers))
                    .collect();
                return Err(if known.is_empty() {
                    format!("--journey {name}: the data has no journey column.")
                } else {
                    format!(
                        "--journey {name}: the data has no such journey. Its journeys: {}.",
                        known.join(", ")
                    )
                });
            }
        }
        filter = scope.apply(filter);
    }
    let mut settings = a.settings.clone();
    if let Some(b) = &a.breakdown {
        settings.breakdown = Some(find(b)?);
    }
    Ok((filter, settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_flags() {
        let a = parse(&s(&[
            "f.csv",
            "--filter",
            "persona=Student",
            "--filter",
            "persona=Pro",
            "--filter",
            "channel=web",
            "--mode",
            "any",
            "--window-days",
            "7",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
        ]))
        .unwrap();
        assert_eq!(a.files[0].path, "f.csv");
        assert_eq!(
            a.dims,
            vec![
                ("persona".to_string(), "Student".to_string()),
                ("persona".to_string(), "Pro".to_string()),
                ("channel".to_string(), "web".to_string()),
            ]
        );
        assert_eq!(a.settings.mode, FunnelMode::AnyOrder);
        assert_eq!(a.settings.window_days, Some(7.0));
        assert_eq!(a.filter.to.as_deref(), Some("2024-01-31"));
    }

    #[test]
    fn a_journey_is_named_or_all() {
        let a = parse(&s(&["f.csv", "--journey", "support"])).unwrap();
        assert_eq!(a.journey, Some(JourneyScope::One("support".into())));
        let a = parse(&s(&["f.csv", "--journey", "all"])).unwrap();
        assert_eq!(a.journey, Some(JourneyScope::All));
        assert_eq!(parse(&s(&["f.csv"])).unwrap().journey, None);
        assert!(parse(&s(&["f.csv", "--journey", " "])).is_err());
    }

    #[test]
    fn rejects_bad_flags() {
        assert!(parse(&s(&[])).is_err());
        assert!(parse(&s(&["f.csv", "--mode", "sideways"])).is_err());
        assert!(parse(&s(&["f.csv", "--window-days", "-3"])).is_err());
        assert!(parse(&s(&["f.csv", "--filter", "persona"])).is_err());
        assert!(parse(&s(&["f.csv", "--from", "31/01/2024"])).is_err());
        assert!(parse(&s(&["f.csv", "--window-days"])).is_err());
        assert!(parse(&s(&["--map", "x=stage", "a.csv"])).is_err());
        assert!(parse(&s(&["a.csv", "--milestones", ","])).is_err());
    }

    #[test]
    fn kpi_period_flags() {
        use crate::analytics::{KpiCompare, KpiPeriodKind, PeriodKind};
        let a = parse(&s(&[
            "f.csv",
            "--period",
            "quarter",
            "--kpi-period",
            "quarter",
            "--kpi-at",
            "2025-Q2",
            "--compare",
            "year-before",
        ]))
        .unwrap();
        assert_eq!(a.settings.period, PeriodKind::Quarter);
        let k = &a.settings.kpi_period;
        assert_eq!(k.kind, KpiPeriodKind::Quarter);
        assert_eq!(k.at.as_deref(), Some("2025-Q2"));
        assert_eq!(k.compare, KpiCompare::YearBefore);
        let a = parse(&s(&["f.csv", "--kpi-period", "2025-01-05..2025-02-10"])).unwrap();
        let k = &a.settings.kpi_period;
        assert_eq!(k.kind, KpiPeriodKind::Custom);
        assert_eq!(
            (k.from.as_deref(), k.to.as_deref()),
            (Some("2025-01-05"), Some("2025-02-10"))
        );
        assert!(parse(&s(&["f.csv", "--kpi-period", "fortnight"])).is_err());
        assert!(parse(&s(&["f.csv", "--compare", "last-week"])).is_err());
    }

    #[test]
    fn per_file_options_follow_their_file() {
        let a = parse(&s(&[
            "orders.csv",
            "--milestones",
            "order_purchase_timestamp=purchase,order_approved_at",
            "reviews.csv",
            "--map",
            "review_answer_timestamp=timestamp",
            "--key",
            "order_id",
        ]))
        .unwrap();
        assert_eq!(a.files.len(), 2);
        assert_eq!(a.key.as_deref(), Some("order_id"));
        let Some(MilestoneArg::Columns(m)) = &a.files[0].milestones else {
            panic!("milestones not parsed");
        };
        assert_eq!(m.stages[0].stage, "purchase");
        assert_eq!(m.stages[1].column, "order_approved_at");
        assert_eq!(m.stages[1].stage, "");
        assert!(a.files[0].overrides.is_empty());
        assert_eq!(
            a.files[1].overrides,
            vec![("review_answer_timestamp".to_string(), Role::Timestamp)]
        );
    }
}
