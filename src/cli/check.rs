//! `journey-lens check FILE [--map COLUMN=ROLE]... [--scale satisfaction=1-10] [--row-ids]
//! [--milestones auto|by-date|COLUMN[=STAGE],…]`:
//! runs the same ingest as the web app and prints the load report as JSON, so a file can
//! be checked (and a mapping tried) without a browser.

use crate::dataset::{Role, Scale, Scales};
use crate::ingest::{self, CsvOptions, JsonOptions};

/// Parsed command-line options.
#[derive(Debug, Default)]
struct Args {
    file: Option<String>,
    overrides: Vec<(String, Role)>,
    scales: Option<Scales>,
    row_ids: bool,
    milestones: Option<super::report::MilestoneArg>,
}

/// Reads "1-10" or "-2-2" as a scale.
fn parse_scale(text: &str) -> Option<Scale> {
    let cut = text.char_indices().skip(1).find(|&(_, c)| c == '-')?.0;
    let min: f64 = text[..cut].trim().parse().ok()?;
    let max: f64 = text[cut + 1..].trim().parse().ok()?;
    (min < max).then_some(Scale::new(min, max))
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut out = Args::default();
    let mut p = super::args::parser(args);
    while let Some(arg) = p.next().map_err(|e| format!("{e}\n{}", super::USAGE))? {
        match arg {
            Long("map") => {
                let v = super::args::text(&mut p, "--map")?;
                out.overrides.push(super::args::column_role(&v)?);
            }
            Long("scale") => {
                let v = super::args::text(&mut p, "--scale")?;
                set_scale(out.scales.get_or_insert_with(Scales::default), &v)?;
            }
            Long("row-ids") => out.row_ids = true,
            Long("milestones") => {
                let v = super::args::text(&mut p, "--milestones")?;
                out.milestones = Some(super::report::parse_milestones(&v)?);
            }
            Value(file) => {
                if out.file.replace(super::args::positional(file)?).is_some() {
                    return Err(format!("only one FILE may be checked\n{}", super::USAGE));
                }
            }
            other => return Err(format!("{}\n{}", other.unexpected(), super::USAGE)),
        }
    }
    Ok(out)
}

/// Applies `--scale NAME=MIN-MAX`.
fn set_scale(s: &mut Scales, v: &str) -> Result<(), String> {
    let (name, range) = v
        .split_once('=')
        .ok_or_else(|| format!("--scale {v}: expected NAME=MIN-MAX"))?;
    let scale =
        parse_scale(range).ok_or_else(|| format!("--scale {v}: expected a range such as 1-10"))?;
    match name.trim() {
        "satisfaction" => s.satisfaction = scale,
        "effort" => s.effort = scale,
        "nps" => s.nps = scale,
        other => {
            return Err(format!(
                "--scale: unknown score \"{other}\" (satisfaction, effort or nps)"
            ))
        }
    }
    Ok(())
}

/// Runs `check`; prints the report on stdout, returns fatal problems as the error.
pub fn run(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    let path = args
        .file
        .ok_or_else(|| format!("check needs a FILE\n{}", super::USAGE))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("Cannot read {path}: {e}"))?;
    let lower = path.to_ascii_lowercase();
    let is_json =
        lower.ends_with(".json") || lower.ends_with(".ndjson") || ingest::looks_like_json(&bytes);
    let loaded = if is_json {
        let opts = JsonOptions {
            overrides: args.overrides,
            scales: args.scales,
            row_number_as_customer: args.row_ids,
            ..JsonOptions::default()
        };
        ingest::load_json(&bytes, &opts)
    } else {
        let sniffed = ingest::sniff(&bytes).map_err(|e| e.to_string())?;
        let opts = CsvOptions {
            overrides: args.overrides,
            scales: args.scales.unwrap_or_default(),
            row_number_as_customer: args.row_ids,
            milestones: super::report::milestone_spec(args.milestones.as_ref(), &sniffed)?,
            ..CsvOptions::default()
        };
        ingest::load_csv(&bytes, &opts)
    }
    .map_err(|e| e.to_string())?;
    let json = crate::present::message::load_report_json(&loaded.report);
    let text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string());
    super::print_document(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_maps_parse() {
        assert_eq!(parse_scale("1-10"), Some(Scale::new(1.0, 10.0)));
        assert_eq!(parse_scale("-2-2"), Some(Scale::new(-2.0, 2.0)));
        assert_eq!(parse_scale("5-1"), None);
        let a = parse_args(&[
            "f.csv".into(),
            "--map".into(),
            "order_id=customer_id".into(),
            "--row-ids".into(),
        ])
        .unwrap();
        assert_eq!(
            a.overrides,
            vec![("order_id".to_string(), Role::CustomerId)]
        );
        assert!(a.row_ids);
        assert!(parse_args(&["--map".into(), "x=nope".into()]).is_err());
    }
}
