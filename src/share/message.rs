//! The message API between an embedded app and its host page (`window.postMessage`).
//!
//! Every message is a JSON object tagged `"journeyLens": 1` (the format version) with a
//! `type`. The host sends `load` (CSV text, an array of events or a feed URL, each with
//! optional `meta`), `set-view`, `set-journey`, `set-filters`, `set-kpi-period`, `set-lang`
//! and `set-theme`; the app answers
//! with `ready`, `state` (after every change), `loaded`, `error` and `height`.
//!
//! Whatever arrives is parsed here into [`Incoming`]: a message of another library or of an
//! unknown type is ignored, a malformed one of ours is answered with an `error` and changes
//! nothing. Which origins may send at all is decided by [`super::EmbedOptions::trusts`].

use super::link::{Theme, View};
use crate::analytics::journeys::JourneyScope;
use crate::analytics::{Filter, KpiCompare, KpiPeriod, KpiPeriodKind};
use crate::calendar::parse_iso_day as parse_day;
use crate::dataset::{DimKey, Meta};
use crate::i18n::Lang;
use serde_json::{json, Map, Value};

/// The message format this app speaks.
pub const VERSION: u64 = 1;
/// The tag every message of the API carries, with the version as its value.
pub const TAG: &str = "journeyLens";
/// Largest CSV text or event array accepted in one message (as JSON text).
pub const MAX_DATA_BYTES: usize = 256 * 1024 * 1024;
const MAX_TEXT: usize = 500;

/// Data sent by the host.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadData {
    Csv(String),
    /// A complete JSON feed document (`{"meta": …, "events": […]}`) built from the message.
    Events(String),
    Feed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum HostMessage {
    Load {
        data: LoadData,
        /// Dataset name and settings that travel with it (stage order, targets…).
        meta: Option<Meta>,
    },
    SetView(View),
    /// The journey shown (`{"journey": "support"}` or `"all"`); `set-filters` keeps it.
    SetJourney(JourneyScope),
    SetFilters(Filter),
    /// The KPI cards' period, whole (what is left out takes its default).
    SetKpiPeriod(KpiPeriod),
    SetLang(Lang),
    SetTheme(Theme),
}

/// What became of one incoming message.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Not tagged as ours (another script's message): ignored silently.
    NotOurs,
    /// Ours, but a type this version does not know: ignored, so newer hosts keep working.
    Unknown(String),
    /// Ours and known, but unusable: answered with an `error`, nothing changes.
    Invalid(String),
    Valid(HostMessage),
}

fn text(v: &Value, max: usize) -> Option<String> {
    let raw = v.as_str()?;
    let s = raw.trim();
    (!s.is_empty() && s.chars().count() <= max && !raw.chars().any(char::is_control))
        .then(|| s.to_string())
}

/// Reads one message given as JSON text (the browser glue stringifies `event.data`).
pub fn parse(json_text: &str) -> Incoming {
    let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(json_text) else {
        return Incoming::NotOurs;
    };
    let Some(version) = obj.get(TAG) else {
        return Incoming::NotOurs;
    };
    if version.as_u64() != Some(VERSION) {
        return Incoming::Invalid(format!(
            "unsupported message version {version}; this app speaks {VERSION}"
        ));
    }
    let Some(kind) = obj.get("type").and_then(Value::as_str) else {
        return Incoming::Invalid("a message needs a \"type\"".into());
    };
    let result = match kind {
        "load" => parse_load(&obj),
        "set-view" => obj
            .get("view")
            .and_then(Value::as_str)
            .and_then(View::from_key)
            .map(HostMessage::SetView)
            .ok_or_else(|| "\"view\" must be data, funnel, experience, nps or kpis".into()),
        "set-journey" => obj
            .get("journey")
            .and_then(|v| text(v, MAX_TEXT))
            .and_then(|j| JourneyScope::parse(&j))
            .map(HostMessage::SetJourney)
            .ok_or_else(|| "\"journey\" must be a journey's name or \"all\"".into()),
        "set-filters" => parse_filters(&obj).map(HostMessage::SetFilters),
        "set-kpi-period" => parse_kpi_period(&obj).map(HostMessage::SetKpiPeriod),
        "set-lang" => obj
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_tag)
            .map(HostMessage::SetLang)
            .ok_or_else(|| "\"lang\" must be en, ca, es or pl".into()),
        "set-theme" => obj
            .get("theme")
            .and_then(Value::as_str)
            .and_then(Theme::from_key)
            .map(HostMessage::SetTheme)
            .ok_or_else(|| "\"theme\" must be light or dark".into()),
        other => return Incoming::Unknown(other.chars().take(40).collect()),
    };
    match result {
        Ok(m) => Incoming::Valid(m),
        Err(reason) => Incoming::Invalid(reason),
    }
}

fn parse_load(obj: &Map<String, Value>) -> Result<HostMessage, String> {
    let meta = match obj.get("meta") {
        None | Some(Value::Null) => None,
        Some(m @ Value::Object(_)) => Some(
            serde_json::from_value::<Meta>(m.clone())
                .map_err(|e| format!("\"meta\" is not usable: {e}"))?,
        ),
        Some(_) => return Err("\"meta\" must be an object".into()),
    };
    let given = ["csv", "events", "feed"]
        .iter()
        .filter(|k| obj.contains_key(**k))
        .count();
    if given != 1 {
        return Err("a load message carries exactly one of \"csv\", \"events\" or \"feed\"".into());
    }
    let data = if let Some(csv) = obj.get("csv") {
        let csv = csv.as_str().ok_or("\"csv\" must be text")?;
        if csv.len() > MAX_DATA_BYTES {
            return Err("\"csv\" is too large".into());
        }
        LoadData::Csv(csv.to_string())
    } else if let Some(events) = obj.get("events") {
        if !events.is_array() {
            return Err("\"events\" must be an array of objects".into());
        }
        let mut doc = Map::new();
        if let Some(m) = obj.get("meta").filter(|m| m.is_object()) {
            doc.insert("meta".into(), m.clone());
        }
        doc.insert("events".into(), events.clone());
        let text = Value::Object(doc).to_string();
        if text.len() > MAX_DATA_BYTES {
            return Err("\"events\" is too large".into());
        }
        LoadData::Events(text)
    } else {
        let url = obj
            .get("feed")
            .and_then(|v| text(v, 4000))
            .ok_or("\"feed\" must be a URL")?;
        LoadData::Feed(url)
    };
    Ok(HostMessage::Load { data, meta })
}

/// `{"period": "quarter", "at": "2025-Q1", "compare": "year_before"}` or
/// `{"period": "custom", "from": "2025-01-05", "to": "2025-02-10"}`: the complete KPI
/// period. `at` left out means the last complete period; a host that names a period that
/// is not one (`2025-Q5`) or a day that is not a day gets an error rather than a guess.
fn parse_kpi_period(obj: &Map<String, Value>) -> Result<KpiPeriod, String> {
    let field = |key: &str| -> Result<Option<String>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => text(v, 40)
                .map(Some)
                .ok_or_else(|| format!("\"{key}\" must be text")),
        }
    };
    let kind = match field("period")? {
        None => KpiPeriodKind::Month,
        Some(k) => super::link::parse_kpi_kind(&k)
            .ok_or("\"period\" must be month, quarter, year or custom")?,
    };
    let compare = match field("compare")?.as_deref() {
        None | Some("previous") => KpiCompare::Previous,
        Some("year_before") => KpiCompare::YearBefore,
        Some(_) => return Err("\"compare\" must be previous or year_before".into()),
    };
    let at = field("at")?;
    if let Some(a) = &at {
        if kind == KpiPeriodKind::Custom || !crate::analytics::kpi_period::is_label(kind, a) {
            return Err(format!(
                "\"at\" is not a {} such as {}",
                super::link::kpi_kind_key(kind),
                match kind {
                    KpiPeriodKind::Quarter => "2025-Q1",
                    KpiPeriodKind::Year => "2025",
                    _ => "2025-03",
                }
            ));
        }
    }
    let (from, to) = (field("from")?, field("to")?);
    for (key, day) in [("from", &from), ("to", &to)] {
        if day.as_deref().is_some_and(|d| parse_day(d).is_none()) {
            return Err(format!("\"{key}\" is not a YYYY-MM-DD day"));
        }
    }
    if kind == KpiPeriodKind::Custom && (from.is_none() || to.is_none()) {
        return Err("a custom period needs \"from\" and \"to\"".into());
    }
    Ok(KpiPeriod {
        kind,
        at,
        from,
        to,
        compare,
    })
}

/// `{"filters": {"persona": ["A", "B"]}, "from": "2024-01-01", "to": null}`: the complete
/// new filter (what is left out is no longer filtered).
fn parse_filters(obj: &Map<String, Value>) -> Result<Filter, String> {
    let mut filter = Filter::default();
    match obj.get("filters") {
        None | Some(Value::Null) => {}
        Some(Value::Object(dims)) => {
            for (dim, values) in dims {
                let dim: DimKey = dim.trim().parse().map_err(|_| {
                    format!("filter \"{}\" is not a dimension key (persona, channel, journey, touchpoint, stage or extra:N)", dim.chars().take(40).collect::<String>())
                })?;
                let values: Vec<&Value> = match values {
                    Value::Array(a) => a.iter().collect(),
                    v @ Value::String(_) => vec![v],
                    _ => return Err(format!("filter \"{dim}\" must be a list of values")),
                };
                for v in values {
                    let v = text(v, MAX_TEXT)
                        .ok_or_else(|| format!("filter \"{dim}\" has a value that is not text"))?;
                    filter.dims.entry(dim).or_default().insert(v);
                }
            }
        }
        Some(_) => return Err("\"filters\" must be an object".into()),
    }
    for (key, end) in [("from", false), ("to", true)] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(v) => {
                let s = text(v, 40).ok_or_else(|| format!("\"{key}\" must be a date"))?;
                crate::analytics::filter::parse_bound(&s, end)
                    .map_err(|_| format!("\"{key}\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"))?;
                if end {
                    filter.to = Some(s);
                } else {
                    filter.from = Some(s);
                }
            }
        }
    }
    Ok(filter)
}

/// A message from the app to the host.
#[derive(Debug, Clone, PartialEq)]
pub enum AppMessage {
    Ready {
        view: View,
    },
    /// The current view state, as the shareable query string and its main parts.
    State {
        view: View,
        /// The journey shown (its name or `all`) when the data has a choice of journeys.
        journey: Option<String>,
        query: String,
        filter: Filter,
    },
    Loaded {
        name: String,
        rows: u64,
        rejected: u64,
        customers: u64,
    },
    Error {
        message: String,
    },
    Height {
        height: u32,
    },
}

impl AppMessage {
    pub fn to_json(&self) -> String {
        let tagged = |kind: &str, mut body: Value| {
            if let Value::Object(m) = &mut body {
                m.insert(TAG.into(), json!(VERSION));
                m.insert("type".into(), json!(kind));
            }
            body.to_string()
        };
        match self {
            AppMessage::Ready { view } => tagged("ready", json!({ "view": view.key() })),
            AppMessage::State {
                view,
                journey,
                query,
                filter,
            } => tagged(
                "state",
                json!({
                    "view": view.key(),
                    "journey": journey,
                    "query": query,
                    "filters": filter.dims,
                    "from": filter.from,
                    "to": filter.to,
                }),
            ),
            AppMessage::Loaded {
                name,
                rows,
                rejected,
                customers,
            } => tagged(
                "loaded",
                json!({ "name": name, "rows": rows, "rejected": rejected, "customers": customers }),
            ),
            AppMessage::Error { message } => tagged("error", json!({ "message": message })),
            AppMessage::Height { height } => tagged("height", json!({ "height": height })),
        }
    }

    /// Height is harmless to anyone (it is what an iframe's size shows anyway) and the
    /// resize snippet must work before the embedder lists origins; everything else may
    /// describe the data and goes only to listed origins.
    pub fn is_public(&self) -> bool {
        matches!(self, AppMessage::Height { .. })
    }
}
