//! `journey-lens report FILE …`: the same analysis as the web app, printed as one JSON document.

use crate::analytics::{compute, report_json, Filter, FunnelMode, Prepared, Settings};
use crate::dataset::Meta;
use crate::ingest::{load_csv, load_json, looks_like_json, CsvOptions, JsonOptions};

const HELP: &str = "usage: journey-lens report FILE [--meta META.json] [--filter DIM=VALUE]... \
[--mode ordered|any] [--window-days N] [--from DATE --to DATE] [--breakdown DIM] [--period week|month]";

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Default)]
struct Args {
    file: String,
    meta: Option<String>,
    filter: Filter,
    settings: Settings,
}

fn value<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a String, String> {
    it.next()
        .ok_or_else(|| format!("{flag} needs a value.\n{HELP}"))
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--meta" => out.meta = Some(value(&mut it, a)?.clone()),
            "--filter" => {
                let v = value(&mut it, a)?;
                let (dim, val) = v.split_once('=').ok_or_else(|| {
                    format!("--filter takes DIM=VALUE, e.g. persona=Student (got \"{v}\").")
                })?;
                out.filter = std::mem::take(&mut out.filter).with(dim.trim(), val.trim());
            }
            "--mode" => {
                out.settings.mode = match value(&mut it, a)?.as_str() {
                    "ordered" => FunnelMode::Ordered,
                    "any" | "any-order" | "any_order" => FunnelMode::AnyOrder,
                    "auto" => FunnelMode::Auto,
                    m => return Err(format!("--mode is \"ordered\" or \"any\", not \"{m}\".")),
                }
            }
            "--window-days" => {
                let v = value(&mut it, a)?;
                let w: f64 = v
                    .trim()
                    .parse()
                    .ok()
                    .filter(|w: &f64| w.is_finite() && *w >= 0.0)
                    .ok_or_else(|| format!("--window-days needs a number of days, not \"{v}\"."))?;
                out.settings.window_days = Some(w);
            }
            "--from" => out.filter.from = Some(value(&mut it, a)?.clone()),
            "--to" => out.filter.to = Some(value(&mut it, a)?.clone()),
            "--breakdown" => out.settings.breakdown = Some(value(&mut it, a)?.clone()),
            "--period" => {
                out.settings.period = match value(&mut it, a)?.as_str() {
                    "week" => crate::analytics::PeriodKind::Week,
                    "month" => crate::analytics::PeriodKind::Month,
                    p => return Err(format!("--period is \"week\" or \"month\", not \"{p}\".")),
                }
            }
            "-h" | "--help" => return Err(HELP.to_string()),
            f if f.starts_with("--") => return Err(format!("Unknown option {f}.\n{HELP}")),
            f => {
                if file.replace(f.to_string()).is_some() {
                    return Err(format!("Give one file only.\n{HELP}"));
                }
            }
        }
    }
    for (name, bound) in [("--from", &out.filter.from), ("--to", &out.filter.to)] {
        if let Some(b) = bound {
            crate::analytics::filter::parse_bound(b, false).map_err(|e| format!("{name}: {e}."))?;
        }
    }
    out.file = file.ok_or_else(|| HELP.to_string())?;
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
    let bytes = std::fs::read(&a.file).map_err(|e| format!("Could not read {}: {e}.", a.file))?;
    if crate::summary::looks_like_summary(&bytes) {
        let report = crate::summary::report(&bytes, &a.settings, &a.filter)
            .map_err(|e| format!("{}: {e}", a.file))?;
        return super::print_document(&report_json(&report));
    }
    let loaded = if looks_like_json(&bytes) {
        let opts = JsonOptions {
            scales: meta.as_ref().and_then(|m| m.scales),
            ..JsonOptions::default()
        };
        load_json(&bytes, &opts)
    } else {
        let opts = CsvOptions {
            scales: meta.as_ref().and_then(|m| m.scales).unwrap_or_default(),
            meta: meta.clone().unwrap_or_default(),
            ..CsvOptions::default()
        };
        load_csv(&bytes, &opts)
    }
    .map_err(|e| format!("{}: {e}", a.file))?;
    let mut ds = loaded.dataset;
    if let Some(m) = meta {
        merge_meta(&mut ds.meta, m);
    }
    if ds.meta.name.is_none() {
        ds.meta.name = std::path::Path::new(&a.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    }
    let prep = Prepared::new(&ds);
    let report = compute(&ds, &prep, &a.settings, &a.filter);
    super::print_document(&report_json(&report))
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
        assert_eq!(a.file, "f.csv");
        assert_eq!(a.filter.dims["persona"].len(), 2);
        assert_eq!(a.filter.dims["channel"].len(), 1);
        assert_eq!(a.settings.mode, FunnelMode::AnyOrder);
        assert_eq!(a.settings.window_days, Some(7.0));
        assert_eq!(a.filter.to.as_deref(), Some("2024-01-31"));
    }

    #[test]
    fn rejects_bad_flags() {
        assert!(parse(&s(&[])).is_err());
        assert!(parse(&s(&["f.csv", "--mode", "sideways"])).is_err());
        assert!(parse(&s(&["f.csv", "--window-days", "-3"])).is_err());
        assert!(parse(&s(&["f.csv", "--filter", "persona"])).is_err());
        assert!(parse(&s(&["f.csv", "--from", "31/01/2024"])).is_err());
        assert!(parse(&s(&["f.csv", "--window-days"])).is_err());
        assert!(parse(&s(&["a.csv", "b.csv"])).is_err());
    }
}
