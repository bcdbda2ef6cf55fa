//! Words for the core's typed messages, in any of our languages.

use crate::dataset::{Dataset, DimKey, Role, Scale};
use crate::i18n::{self, trc, Arg, Lang};
use crate::ingest::{LoadReport, Mapping, RejectedRow};
use crate::message::{Message, Need, Needs, Value};

/// The message in `lang`: the Fluent text `msg-<key>` with the message's facts filled in.
pub fn render(lang: Lang, m: &dyn Message) -> String {
    render_with(lang, m, None)
}

/// [`render`], naming extra dimensions by their headers in `ds`.
pub fn render_in(lang: Lang, m: &dyn Message, ds: &Dataset) -> String {
    render_with(lang, m, Some(ds))
}

fn render_with(lang: Lang, m: &dyn Message, ds: Option<&Dataset>) -> String {
    let args = m.args();
    let texts: Vec<(&str, Formatted)> = args
        .iter()
        .map(|(name, v)| (*name, formatted(lang, v, ds)))
        .collect();
    let fluent: Vec<(&str, Arg)> = texts
        .iter()
        .map(|(name, f)| {
            (
                *name,
                match f {
                    Formatted::Count(n) => Arg::Count(*n),
                    Formatted::Text(s) => Arg::Text(s.as_str()),
                },
            )
        })
        .collect();
    trc(lang, &message_key(m.key()), &fluent)
}

/// The i18n key of a message kind: `row.not_a_number` → `msg.row.not_a_number`.
pub fn message_key(kind: &str) -> String {
    format!("msg.{kind}")
}

enum Formatted {
    Count(i64),
    Text(String),
}

fn formatted(lang: Lang, v: &Value, ds: Option<&Dataset>) -> Formatted {
    match v {
        Value::Count(n) => Formatted::Count(i64::try_from(*n).unwrap_or(i64::MAX)),
        Value::Text(s) => Formatted::Text(s.clone()),
        Value::Number(x) => Formatted::Text(plain_number(lang, *x)),
        Value::Scale(s) => Formatted::Text(scale(lang, *s)),
        Value::Role(r) => Formatted::Text(role(lang, *r)),
        Value::Dimension(d) => Formatted::Text(dimension(lang, *d, ds)),
        Value::List(items) => Formatted::Text(list(items)),
    }
}

/// A number as someone typed it: no trailing zeros, the language's decimal mark.
fn plain_number(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return crate::format::not_available(lang);
    }
    let decimals = (0..=6)
        .find(|&d| {
            let f = 10f64.powi(d);
            ((x * f).round() / f - x).abs() < 1e-9 * x.abs().max(1.0)
        })
        .unwrap_or(6) as usize;
    crate::format::number(lang, x, decimals)
}

/// `1–5`, `−2–2`.
pub fn scale(lang: Lang, s: Scale) -> String {
    format!(
        "{}\u{2013}{}",
        plain_number(lang, s.min),
        plain_number(lang, s.max)
    )
}

/// A role's name in `lang` (`Role::Effort` → "Effort (CES)").
pub fn role(lang: Lang, r: Role) -> String {
    i18n::tr(lang, &format!("role.{}", r.key()))
}

/// A dimension's name: the role's name in `lang`, or the extra column's own header.
/// Without the dataset (or for a column it does not have), an extra column is "column N".
pub fn dimension(lang: Lang, d: DimKey, ds: Option<&Dataset>) -> String {
    match d {
        DimKey::Role(r) => role(lang, r),
        DimKey::Extra(i) => match ds.and_then(|ds| ds.extra_name(d)) {
            Some(name) => name.to_string(),
            None => i18n::trc(
                lang,
                "msg.extra_column",
                &[("n", Arg::Count(i64::try_from(i).unwrap_or(i64::MAX) + 1))],
            ),
        },
    }
}

/// [`dimension`], followed by the file's own header when a role column's header is not
/// simply the role's name ("Persona (segment)"), so a file with both `segment` and
/// `persona` columns shows which is which.
pub fn dimension_in_file(lang: Lang, d: DimKey, ds: &Dataset, mapping: &Mapping) -> String {
    let name = dimension(lang, d, Some(ds));
    let DimKey::Role(r) = d else { return name };
    match mapping.column_for(r) {
        Some(h)
            if !h.trim().eq_ignore_ascii_case(&name) && !h.trim().eq_ignore_ascii_case(r.key()) =>
        {
            format!("{name} ({h})")
        }
        _ => name,
    }
}

/// [`dimension`] when only the extra column's header is at hand (a report's breakdown).
pub fn dimension_named(lang: Lang, d: DimKey, header: Option<&str>) -> String {
    match (d, header) {
        (DimKey::Extra(_), Some(h)) => h.to_string(),
        _ => dimension(lang, d, None),
    }
}

/// The user's texts quoted and joined: `"stage", "nps"`.
fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a view needs, in `lang`: "Stage, Touchpoint".
pub fn needs(lang: Lang, n: &Needs, ds: Option<&Dataset>) -> String {
    n.0.iter()
        .map(|need| match need {
            Need::Column(r) => role(lang, *r),
            Need::StageAfterConversion => i18n::tr(lang, "msg.need.stage_after_conversion"),
            Need::EventLevelData => i18n::tr(lang, "msg.need.event_level_data"),
            Need::Dimension(d) => dimension(lang, *d, ds),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "This chart needs a column for: Stage, Touchpoint", or, when the data is a summary feed
/// and the figure needs the events themselves, the sentence that says so (no column would
/// help there).
pub fn needs_sentence(lang: Lang, n: &Needs, ds: Option<&Dataset>) -> String {
    if n.0.contains(&Need::EventLevelData) {
        return i18n::tr(lang, "summary.chart_needs_events");
    }
    // Review scores are not NPS: say plainly that the data has no 0–10 question.
    if n.0 == [Need::Column(Role::Nps)] {
        return i18n::tr(lang, "chart.needs_nps");
    }
    i18n::trf(lang, "chart.needs", &[("what", &needs(lang, n, ds))])
}

/// The column cell of a rejected row: the header, or "(whole row)" in `lang`.
pub fn problem_column(lang: Lang, column: Option<&str>) -> String {
    match column {
        Some(c) => c.to_string(),
        None => i18n::tr(lang, "msg.whole_row"),
    }
}

/// The rejected rows as CSV: `line,column,reason` then the original fields, reasons in
/// `lang`. A row with several bad cells appears once, its columns and reasons joined
/// with "; ". Every user field is a text cell (the likeliest place for a formula).
pub fn rejected_csv(lang: Lang, headers: &[String], rows: &[RejectedRow]) -> String {
    use crate::export::{Cell, CsvExport, ExportOptions};
    let mut out = CsvExport::new(ExportOptions::for_lang(lang));
    out.text_row(
        [
            "export.rejected_line",
            "export.rejected_column",
            "export.rejected_reason",
        ]
        .map(|k| i18n::tr(lang, k))
        .iter()
        .map(String::as_str)
        .chain(headers.iter().map(String::as_str)),
    );
    for r in rows {
        let cols: Vec<String> = r
            .problems
            .iter()
            .map(|(c, _)| problem_column(lang, c.as_deref()))
            .collect();
        let reasons: Vec<String> = r.problems.iter().map(|(_, p)| render(lang, p)).collect();
        let (cols, reasons) = (cols.join("; "), reasons.join("; "));
        let line = r.line.to_string();
        out.row(
            [Cell::Number(&line), Cell::Text(&cols), Cell::Text(&reasons)]
                .into_iter()
                .chain(r.fields.iter().map(|f| Cell::Text(f))),
        );
    }
    out.finish()
}

/// The load report as JSON, each row problem with an English `reason` and each note with
/// an English `message` next to its `kind` and facts (what `journey-lens check` prints).
pub fn load_report_json(report: &LoadReport) -> serde_json::Value {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    if let Some(errors) = v.get_mut("errors").and_then(|e| e.as_array_mut()) {
        for (json, e) in errors.iter_mut().zip(&report.errors) {
            add(json, "reason", render(Lang::En, &e.problem));
        }
    }
    add_messages(v.get_mut("notes"), &report.notes);
    v
}

/// The analysis report as JSON, each note with an English `message` next to its `kind`
/// (the CLI's `report` and the app's "Download report").
pub fn report_json(report: &crate::analytics::Report) -> String {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    add_messages(v.pointer_mut("/selection/notes"), &report.selection.notes);
    add_messages(v.pointer_mut("/funnel/notes"), &report.funnel.notes);
    if let Some(excluded) = v
        .pointer_mut("/experience/priority/excluded")
        .and_then(|e| e.as_array_mut())
    {
        for (json, x) in excluded
            .iter_mut()
            .zip(&report.experience.priority.excluded)
        {
            if let Some(reason) = json.get_mut("reason") {
                add(reason, "message", render(Lang::En, &x.reason));
            }
        }
    }
    serde_json::to_string_pretty(&v)
        .unwrap_or_else(|e| format!("{{\"error\": \"could not write the report: {e}\"}}"))
}

fn add_messages<M: Message>(json: Option<&mut serde_json::Value>, messages: &[M]) {
    let Some(items) = json.and_then(|j| j.as_array_mut()) else {
        return;
    };
    for (item, m) in items.iter_mut().zip(messages) {
        add(item, "message", render(Lang::En, m));
    }
}

fn add(json: &mut serde_json::Value, name: &str, text: String) {
    if let Some(obj) = json.as_object_mut() {
        obj.insert(name.to_string(), serde_json::Value::String(text));
    }
}
