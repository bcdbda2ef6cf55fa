//! The JSON event feed: an array of events, `{"meta": {...}, "events": [...]}`, or NDJSON
//! (one event object per line). Keys are mapped to roles exactly like CSV headers.
//!
//! Row numbers in errors: for an array or a `{meta, events}` feed, `line` is the 1-based
//! position of the event in the list; for NDJSON it is the physical line number (the same
//! when there are no blank lines). A malformed NDJSON line rejects that event only.

use super::encoding::{decode_sample, detect, reject_binary, TextEncoding};
use super::error::{IngestError, JsonShape};
use super::mapping::{
    cap_dimensions, header_key, resolve_roles, unique_headers, MAX_COLUMNS, MAX_DIMENSIONS,
};
use super::notes::{LoadNote, RowProblem};
use super::report::{LoadReport, Loaded};
use super::rows::{check_roles, Assembler, Cell, Rules};
use crate::dataset::{Meta, Role, Scale, Scales};
use serde_json::Value;
use std::collections::HashSet;

/// How to load a JSON feed.
#[derive(Debug, Clone)]
pub struct JsonOptions {
    pub roles: Option<Vec<Role>>,
    pub overrides: Vec<(String, Role)>,
    /// Scales chosen by the user; `None` uses the feed's `meta.scales`, else the defaults.
    pub scales: Option<Scales>,
    pub row_number_as_customer: bool,
    pub max_errors: usize,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions {
            roles: None,
            overrides: Vec::new(),
            scales: None,
            row_number_as_customer: false,
            max_errors: 10_000,
        }
    }
}

/// One event as parsed, or the reason its line could not be parsed.
enum Item {
    Event(Value),
    /// Why, and the line's text.
    Broken(RowProblem, String),
}

fn not_json(e: &serde_json::Error) -> IngestError {
    IngestError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: error_detail(e),
    }
}

/// serde_json's message without its " at line L column C" tail: the position is reported
/// separately (or, for an NDJSON line, is the line itself).
fn error_detail(e: &serde_json::Error) -> String {
    e.to_string()
        .split(" at line")
        .next()
        .unwrap_or("")
        .to_string()
}

/// Reads `meta`, tolerating partial `scales` (only the ones given change).
fn read_meta(v: Option<&Value>) -> Result<(Meta, Option<Scales>), IngestError> {
    let Some(v) = v else {
        return Ok((Meta::default(), None));
    };
    let Value::Object(obj) = v else {
        return Err(IngestError::MetaNotObject);
    };
    let mut obj = obj.clone();
    let scales_v = obj.remove("scales");
    let mut meta: Meta =
        serde_json::from_value(Value::Object(obj)).map_err(|e| IngestError::BadMeta {
            detail: e.to_string(),
        })?;
    let mut scales = None;
    if let Some(Value::Object(sv)) = scales_v {
        let mut s = Scales::default();
        for (key, slot) in [
            ("satisfaction", &mut s.satisfaction),
            ("effort", &mut s.effort),
            ("nps", &mut s.nps),
        ] {
            if let Some(x) = sv.get(key) {
                let sc: Scale =
                    serde_json::from_value(x.clone()).map_err(|e| IngestError::BadScale {
                        scale: key.to_string(),
                        detail: e.to_string(),
                    })?;
                if sc.min.partial_cmp(&sc.max) != Some(std::cmp::Ordering::Less) {
                    return Err(IngestError::BadScale {
                        scale: key.to_string(),
                        detail: String::new(),
                    });
                }
                *slot = sc;
            }
        }
        scales = Some(s);
    }
    meta.scales = scales;
    Ok((meta, scales))
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// Splits the input into events (with their row numbers) and the optional meta.
/// Events with their row numbers, the `meta` value if any, and whether the feed is NDJSON.
type Shape = (Vec<(u64, Item)>, Option<Value>, bool);

fn parse_shape(text: &str) -> Result<Shape, IngestError> {
    let trimmed = text.trim_start();
    let whole: Result<Value, _> = serde_json::from_str(trimmed);
    match whole {
        Ok(Value::Array(items)) => Ok((numbered(items), None, false)),
        Ok(Value::Object(obj)) => object_shape(obj),
        Ok(_) => Err(IngestError::WrongJsonShape {
            shape: JsonShape::NotAFeed,
        }),
        Err(e) => {
            // NDJSON: several objects, one per line.
            if trimmed.starts_with('{') && first_line_is_object(text) {
                return Ok((ndjson_items(text), None, true));
            }
            Err(not_json(&e))
        }
    }
}

/// Events of an array get their 1-based position as row number.
fn numbered(items: Vec<Value>) -> Vec<(u64, Item)> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| (i as u64 + 1, Item::Event(v)))
        .collect()
}

/// A whole-text object is either a `{meta, events}` feed or a one-line NDJSON feed (a flat
/// event); anything else is refused rather than guessed at.
fn object_shape(mut obj: serde_json::Map<String, Value>) -> Result<Shape, IngestError> {
    if let Some(events) = obj.remove("events") {
        let Value::Array(items) = events else {
            return Err(IngestError::WrongJsonShape {
                shape: JsonShape::EventsNotArray,
            });
        };
        Ok((numbered(items), obj.remove("meta"), false))
    } else if !obj.is_empty() && obj.values().all(is_scalar) && !obj.contains_key("meta") {
        // A one-line NDJSON feed.
        Ok((vec![(1, Item::Event(Value::Object(obj)))], None, true))
    } else {
        Err(IngestError::WrongJsonShape {
            shape: JsonShape::NotAFeed,
        })
    }
}

/// Only a text whose first non-blank line is an object is taken as NDJSON, so that a
/// broken single document is reported as invalid JSON instead of as one bad event.
fn first_line_is_object(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    matches!(
        lines.next().map(serde_json::from_str::<Value>),
        Some(Ok(Value::Object(_)))
    )
}

/// Each non-blank line is one event, numbered by its physical line; a line that does not
/// parse becomes a broken item so that only that event is rejected.
fn ndjson_items(text: &str) -> Vec<(u64, Item)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let item = match serde_json::from_str::<Value>(l) {
                Ok(v) => Item::Event(v),
                Err(e) => Item::Broken(
                    RowProblem::InvalidJsonLine {
                        detail: error_detail(&e),
                    },
                    l.to_string(),
                ),
            };
            (i as u64 + 1, item)
        })
        .collect()
}

/// Keys in first-seen order are the "headers"; refused past [`MAX_COLUMNS`] because a feed
/// whose events all have different keys would cost events × keys memory.
fn collect_keys(items: &[(u64, Item)]) -> Result<Vec<String>, IngestError> {
    let mut keys: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (_, item) in items {
        if let Item::Event(Value::Object(o)) = item {
            for k in o.keys() {
                if seen.insert(k.as_str()) {
                    if keys.len() == MAX_COLUMNS {
                        return Err(IngestError::TooManyColumns { limit: MAX_COLUMNS });
                    }
                    keys.push(k.clone());
                }
            }
        }
    }
    Ok(keys)
}

/// The event's values in key order for the rejected-rows file, without the empty tail
/// (sparse feeds would otherwise store every key of the feed for every rejected event).
fn raw_fields(keys: &[String], obj: &serde_json::Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = keys
        .iter()
        .map(|k| match obj.get(k) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        })
        .collect();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Loads a JSON feed held in memory.
pub fn load_json(bytes: &[u8], options: &JsonOptions) -> Result<Loaded, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    reject_binary(&bytes[..bytes.len().min(4096)])?;
    let enc = detect(bytes, true);
    let text = decode_sample(bytes, enc);
    let (items, meta_v, ndjson) = parse_shape(&text)?;
    if items.is_empty() {
        return Err(IngestError::HeaderOnly);
    }
    if let Some((_, Item::Event(first))) = items.first() {
        if !first.is_object() {
            return Err(IngestError::WrongJsonShape {
                shape: JsonShape::EventsNotObjects,
            });
        }
    }
    let (meta, meta_scales) = read_meta(meta_v.as_ref())?;
    let scales = options.scales.or(meta_scales).unwrap_or_default();

    let keys = collect_keys(&items)?;
    let headers = unique_headers(keys.clone());
    let mut roles = resolve_roles(&headers, options.roles.as_deref(), &options.overrides)?;
    check_roles(&headers, &roles, options.row_number_as_customer, false)?;
    let capped = cap_dimensions(&mut roles);
    let rules = Rules {
        scales,
        decimal_comma: false,
        row_number_as_customer: options.row_number_as_customer,
        max_errors: options.max_errors,
        meta,
        milestones: None,
        joined: false,
    };
    let used: Vec<usize> = (0..roles.len())
        .filter(|&i| roles[i] != Role::Ignore)
        .collect();
    let mut asm = Assembler::new(headers.clone(), roles, rules);
    asm.reserve(items.len());
    for (line, item) in &items {
        add_item(&mut asm, &keys, &used, *line, item);
    }
    let report = LoadReport {
        format: "json".into(),
        encoding: enc.name().to_string(),
        delimiter: String::new(),
        decimal_comma: false,
        notes: load_notes(ndjson, capped, enc),
        header_key: header_key(&headers),
        ..LoadReport::default()
    };
    Ok(asm.finish(report))
}

/// Feeds one event to the assembler; `used` are the mapped columns, the only ones whose
/// numbers and booleans need their text.
fn add_item(asm: &mut Assembler, keys: &[String], used: &[usize], line: u64, item: &Item) {
    let obj = match item {
        Item::Event(Value::Object(o)) => o,
        Item::Event(other) => {
            asm.reject_unreadable(line, RowProblem::NotAnObject, vec![other.to_string()]);
            return;
        }
        Item::Broken(reason, text) => {
            asm.reject_unreadable(line, reason.clone(), vec![text.clone()]);
            return;
        }
    };
    // Text of the numbers and booleans the mapped columns read (a handful per event),
    // rather than of every key in the feed.
    let texts: Vec<(usize, String)> = used
        .iter()
        .filter_map(|&i| match obj.get(&keys[i]) {
            Some(Value::Number(n)) => Some((i, n.to_string())),
            Some(Value::Bool(b)) => Some((i, b.to_string())),
            _ => None,
        })
        .collect();
    let text_of = |i: usize| texts.iter().find(|t| t.0 == i).map(|t| t.1.as_bytes());
    asm.row(
        line,
        |i| match (keys.get(i).and_then(|k| obj.get(k)), text_of(i)) {
            (None, _) | (Some(Value::Null), _) => Cell::Missing,
            (Some(Value::String(s)), _) => Cell::Text(s.as_bytes()),
            (Some(Value::Number(n)), Some(t)) => Cell::Num(n.as_f64().unwrap_or(f64::NAN), t),
            (Some(Value::Bool(_)), Some(t)) => Cell::Text(t),
            _ => Cell::Nested,
        },
        || raw_fields(keys, obj),
    );
}

/// How rows are numbered comes first, then what was dropped or converted on the way in.
fn load_notes(ndjson: bool, capped: usize, enc: TextEncoding) -> Vec<LoadNote> {
    let mut notes = vec![if ndjson {
        LoadNote::NdjsonLines
    } else {
        LoadNote::FeedPositions
    }];
    if capped > 0 {
        notes.push(LoadNote::DimensionsCapped {
            kept: MAX_DIMENSIONS as u64,
            dropped: capped as u64,
        });
    }
    if enc != TextEncoding::Utf8 {
        notes.push(LoadNote::NotUtf8 {
            encoding: enc.name().to_string(),
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(items: &[(u64, Item)]) -> Vec<(u64, bool)> {
        items
            .iter()
            .map(|(n, i)| (*n, matches!(i, Item::Event(_))))
            .collect()
    }

    #[test]
    fn ndjson_events_keep_their_physical_line_numbers() {
        let text = "{\"a\":1}\n\n{broken\n{\"b\":2}\n";
        assert!(first_line_is_object(text));
        // Line 2 is blank; line 3 does not parse and is kept as a broken event.
        assert_eq!(
            lines(&ndjson_items(text)),
            vec![(1, true), (3, false), (4, true)]
        );
        assert!(!first_line_is_object("\n{broken\n{\"b\":2}\n"));
    }

    #[test]
    fn a_whole_object_is_a_feed_or_one_flat_event() {
        let (items, meta, ndjson) =
            parse_shape("{\"meta\":{\"name\":\"x\"},\"events\":[{\"a\":1},{\"a\":2}]}").unwrap();
        assert_eq!(lines(&items), vec![(1, true), (2, true)]);
        assert!(meta.is_some());
        assert!(!ndjson);
        let (items, meta, ndjson) = parse_shape("{\"a\":1,\"b\":\"x\"}").unwrap();
        assert_eq!(lines(&items), vec![(1, true)]);
        assert!(meta.is_none());
        assert!(ndjson);
        for text in ["{\"meta\":{}}", "{\"a\":[1]}", "{}", "3"] {
            assert!(matches!(
                parse_shape(text),
                Err(IngestError::WrongJsonShape {
                    shape: JsonShape::NotAFeed
                })
            ));
        }
        assert!(matches!(
            parse_shape("{\"events\":{}}"),
            Err(IngestError::WrongJsonShape {
                shape: JsonShape::EventsNotArray
            })
        ));
    }
}
