//! Milestone-date files: one row per order or lead with a date column per milestone
//! (ordered, approved, shipped, delivered; lead created, MQL, SQL, won). That is how
//! shops and CRMs export, and no funnel can be drawn from it until each date becomes an
//! event. Here each chosen column becomes a stage whose event time is the cell's date;
//! an empty cell means the stage was not reached.
//!
//! Detection only proposes: the mapping screen shows the candidates, the user confirms,
//! renames and reorders, and the load then follows the explicit [`Milestones`] spec.

use super::error::IngestError;
use super::mapping::normalize;
use super::values::{is_missing, parse_date, trim, OrderEvidence, ParsedDate};
use crate::dataset::Role;
use serde::{Deserialize, Serialize};

/// One date column turned into a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneStage {
    /// Header of the date column.
    pub column: String,
    /// Stage name its events get.
    pub stage: String,
}

/// Which date columns become stages, in funnel order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestones {
    pub stages: Vec<MilestoneStage>,
    /// The stage whose event carries the row's scores, revenue and comment, so an order's
    /// revenue is counted once (on "purchase") instead of once per milestone. `None` = the
    /// first stage. When the row never reached it, they go to the row's first event, so
    /// nothing is dropped.
    #[serde(default)]
    pub measures_on: Option<String>,
}

/// A date column the sniffer found, offered as a stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub column: String,
    /// Suggested stage name (the header without the words every date column shares).
    pub stage: String,
    /// Median time (seconds) from a row's earliest date to this column's date, over the
    /// sampled rows that have it: orders stages by when they typically happen.
    pub offset: Option<i64>,
    /// Sampled rows with a date in this column.
    pub filled: usize,
    /// Whether the header names a plan ("estimated", "expected", "due"…): such a date is
    /// not something the customer reached, so it is proposed unticked.
    pub planned: bool,
}

/// Words that say a column holds a date and nothing about the milestone itself.
const DATE_WORDS: &[&str] = &[
    "date",
    "dates",
    "timestamp",
    "time",
    "datetime",
    "at",
    "on",
    "dt",
    "ts",
    "fecha",
    "data",
    "czas",
];

/// Words that mark a forecast rather than an event.
const PLAN_WORDS: &[&str] = &[
    "estimated",
    "estimate",
    "expected",
    "planned",
    "due",
    "scheduled",
    "target",
    "forecast",
    "prevista",
    "previsto",
    "planowana",
];

/// Share of a column's sampled non-empty cells that must read as dates.
const DATE_SHARE: f64 = 0.9;

/// Date columns of a sample (`rows` are records without the header), offered as stages
/// when there are at least two of them; in file order.
pub fn detect(headers: &[String], rows: &[Vec<&[u8]>]) -> Vec<Candidate> {
    // Per column: each row's date (None when empty or not a date), then keep the columns
    // whose filled cells are nearly all dates.
    let mut found: Vec<(usize, Vec<Option<i64>>)> = Vec::new();
    for i in 0..headers.len() {
        let mut cells: Vec<Option<ParsedDate>> = Vec::with_capacity(rows.len());
        let mut order = OrderEvidence::default();
        let (mut dates, mut other) = (0usize, 0usize);
        for r in rows {
            let cell = r.get(i).map(|c| trim(c)).filter(|c| !is_missing(c));
            let parsed = cell.map(parse_date);
            match parsed {
                Some(ParsedDate::Exact(..)) => dates += 1,
                Some(ParsedDate::Slashed(sd)) => {
                    order.observe(&sd);
                    dates += 1;
                }
                Some(ParsedDate::Invalid) => other += 1,
                None => {}
            }
            cells.push(parsed);
        }
        if dates == 0 || (dates as f64) < DATE_SHARE * (dates + other) as f64 {
            continue;
        }
        let decided = order.decide();
        let times = cells
            .into_iter()
            .map(|c| match c {
                Some(ParsedDate::Exact(t, _)) => Some(t),
                Some(ParsedDate::Slashed(sd)) => sd.resolve(decided),
                _ => None,
            })
            .collect();
        found.push((i, times));
    }
    if found.len() < 2 {
        return Vec::new();
    }
    // Each date as an offset from the row's earliest date, so columns filled on different
    // rows (only delivered orders have a delivery date) still compare fairly.
    let first: Vec<Option<i64>> = (0..rows.len())
        .map(|r| found.iter().filter_map(|(_, t)| t[r]).min())
        .collect();
    let chosen: Vec<&str> = found.iter().map(|(i, _)| headers[*i].as_str()).collect();
    let names = stage_names(&chosen);
    found
        .into_iter()
        .zip(names)
        .map(|((i, times), stage)| {
            let mut offsets: Vec<i64> = times
                .iter()
                .zip(&first)
                .filter_map(|(t, f)| Some(t.as_ref()? - f.as_ref()?))
                .collect();
            offsets.sort_unstable();
            Candidate {
                planned: is_planned(&headers[i]),
                column: headers[i].clone(),
                stage,
                offset: median(&offsets),
                filled: times.iter().flatten().count(),
            }
        })
        .collect()
}

/// The lower median of sorted values.
fn median(sorted: &[i64]) -> Option<i64> {
    if sorted.is_empty() {
        None
    } else {
        sorted.get((sorted.len() - 1) / 2).copied()
    }
}

fn is_planned(header: &str) -> bool {
    normalize(header)
        .split(' ')
        .any(|w| PLAN_WORDS.contains(&w))
}

/// Readable stage names for date headers: the words all of them share ("order") and the
/// words that only say "date" are dropped, so `order_purchase_timestamp` becomes
/// "purchase". A header with nothing left keeps its normalised form.
pub fn stage_names(headers: &[&str]) -> Vec<String> {
    let words: Vec<Vec<String>> = headers
        .iter()
        .map(|h| normalize(h).split(' ').map(str::to_string).collect())
        .collect();
    let shared = |w: &String| headers.len() > 1 && words.iter().all(|ws| ws.contains(w));
    words
        .iter()
        .zip(headers)
        .map(|(ws, h)| {
            let kept: Vec<&str> = ws
                .iter()
                .filter(|w| !shared(w) && !DATE_WORDS.contains(&w.as_str()))
                .map(String::as_str)
                .collect();
            if kept.is_empty() {
                normalize(h)
            } else {
                kept.join(" ")
            }
        })
        .collect()
}

/// The candidates ordered by their median offset (ties and columns without one keep file
/// order, the latter last).
pub fn by_dates(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    crate::order::sort_by_key(&mut cands, |c| (c.offset.is_none(), c.offset.unwrap_or(0)));
    cands
}

/// The spec the mapping screen proposes: every unplanned candidate, in file order.
pub fn proposal(cands: &[Candidate]) -> Milestones {
    Milestones {
        stages: cands
            .iter()
            .filter(|c| !c.planned)
            .map(|c| MilestoneStage {
                column: c.column.clone(),
                stage: c.stage.clone(),
            })
            .collect(),
        measures_on: None,
    }
}

/// Resolved milestone columns: (column index, stage name) in funnel order, and the index
/// (into that list) of the stage that carries the measures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub columns: Vec<(usize, String)>,
    pub measures_at: usize,
}

/// Checks a spec against the header and adjusts the roles: the milestone columns are
/// consumed (ignored as columns), a status/stage column becomes a breakdown dimension
/// (the stage now comes from the dates), and any other event-timestamp column is ignored
/// (each event's time is its milestone's date).
pub fn resolve(
    spec: &Milestones,
    headers: &[String],
    roles: &mut [Role],
) -> Result<Resolved, IngestError> {
    if spec.stages.is_empty() {
        return Err(IngestError::NoMilestones);
    }
    let mut columns = Vec::with_capacity(spec.stages.len());
    for s in &spec.stages {
        let n = normalize(&s.column);
        let idx = headers
            .iter()
            .position(|h| *h == s.column)
            .or_else(|| headers.iter().position(|h| normalize(h) == n))
            .ok_or_else(|| IngestError::UnknownColumn {
                column: s.column.clone(),
            })?;
        let stage = s.stage.trim();
        let stage = if stage.is_empty() {
            stage_names(&[headers[idx].as_str()]).remove(0)
        } else {
            stage.to_string()
        };
        columns.push((idx, stage));
    }
    for role in roles.iter_mut() {
        match role {
            Role::Stage => *role = Role::Dimension,
            Role::Timestamp => *role = Role::Ignore,
            _ => {}
        }
    }
    for (idx, _) in &columns {
        if let Some(r) = roles.get_mut(*idx) {
            *r = Role::Ignore;
        }
    }
    let measures_at = spec
        .measures_on
        .as_deref()
        .and_then(|m| {
            let m = normalize(m);
            columns.iter().position(|(_, s)| normalize(s) == m)
        })
        .unwrap_or(0);
    Ok(Resolved {
        columns,
        measures_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_drop_shared_and_date_words() {
        assert_eq!(
            stage_names(&[
                "order_purchase_timestamp",
                "order_approved_at",
                "order_delivered_carrier_date",
            ]),
            vec!["purchase", "approved", "delivered carrier"]
        );
        assert_eq!(
            stage_names(&["Lead Created Date", "MQL Date", "Won"]),
            vec!["lead created", "mql", "won"]
        );
        assert_eq!(stage_names(&["date"]), vec!["date"]);
    }

    #[test]
    fn planned_dates_are_recognised() {
        assert!(is_planned("order_estimated_delivery_date"));
        assert!(is_planned("Due date"));
        assert!(!is_planned("order_delivered_customer_date"));
    }
}
