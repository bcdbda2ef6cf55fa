//! The tables the Experience and KPI views show, and the values the filter bar offers,
//! built from the report in the reader's language.

use super::message::needs;
use crate::analytics::experience::ExperienceView;
use crate::analytics::kpis::{Impact, Jes};
use crate::analytics::MISSING_LABEL;
use crate::charts::Table;
use crate::dataset::{Dataset, DimKey};
use crate::format;
use crate::i18n::{tr, trf, Lang};
use crate::ingest::Mapping;
use crate::message::Needs;

/// A table with no rows whose caption says which column would fill it.
pub fn needs_table(lang: Lang, what: &Needs, ds: Option<&Dataset>) -> Table {
    Table {
        caption: trf(lang, "chart.needs", &[("what", &needs(lang, what, ds))]),
        headers: vec![],
        rows: vec![],
    }
}

/// Stage × touchpoint moments with the lowest satisfaction, at least `min_count` answers.
pub fn pain_points(lang: Lang, e: &ExperienceView, min_count: usize) -> Table {
    if let Some(what) = &e.pain_points_unavailable {
        return needs_table(lang, what, None);
    }
    Table {
        caption: trf(
            lang,
            "view.exp.pain_caption",
            &[("n", &format::count(lang, min_count))],
        ),
        headers: vec![
            tr(lang, "chart.stage"),
            crate::charts::columns_name(e, lang),
            tr(lang, "chart.satisfaction"),
            tr(lang, "chart.satisfaction_100"),
            tr(lang, "chart.answers"),
            tr(lang, "chart.share_negative"),
        ],
        rows: e
            .pain_points
            .iter()
            .map(|p| {
                vec![
                    p.stage.clone(),
                    p.touchpoint.clone(),
                    format::score(lang, p.satisfaction_mean, 2),
                    format::number(lang, p.percent, 1),
                    format::count(lang, p.count as usize),
                    format::or_na(lang, p.share_negative, format::percent),
                ]
            })
            .collect(),
    }
}

/// The touchpoints where customers' journeys ended.
pub fn exits(lang: Lang, e: &ExperienceView) -> Table {
    if let Some(what) = &e.exits_unavailable {
        return needs_table(lang, what, None);
    }
    Table {
        caption: tr(lang, "view.exp.exits_caption"),
        headers: vec![
            crate::charts::columns_name(e, lang),
            tr(lang, "chart.customers"),
        ],
        rows: e
            .exits
            .iter()
            .map(|x| {
                vec![
                    x.touchpoint.clone(),
                    format::count(lang, x.customers as usize),
                ]
            })
            .collect(),
    }
}

/// The JES components: name, value on 0–100, normalised weight.
pub fn jes_components(lang: Lang, j: &Jes) -> Table {
    Table {
        caption: tr(lang, "view.kpi.jes_components"),
        headers: vec![
            tr(lang, "view.kpi.component"),
            "0–100".into(),
            tr(lang, "view.kpi.weight"),
        ],
        rows: j
            .components
            .iter()
            .map(|c| {
                vec![
                    tr(lang, &format!("jes.{}", c.key)),
                    format::or_na(lang, c.value, |l, v| format::number(l, v, 1)),
                    format::number(lang, c.weight, 2),
                ]
            })
            .collect(),
    }
}

/// The JES worked out in the language's number format:
/// `JES = (0,25×50,0 + 0,25×61,1) / 0,50 = 55,6`.
pub fn jes_formula(lang: Lang, j: &Jes) -> String {
    let used: Vec<(f64, f64)> = j
        .components
        .iter()
        .filter(|c| c.weight > 0.0)
        .filter_map(|c| c.value.map(|v| (c.weight, v)))
        .collect();
    let Some(value) = j.value.filter(|v| v.is_finite()) else {
        return tr(lang, "msg.jes_no_data");
    };
    let terms: Vec<String> = used
        .iter()
        .map(|(w, v)| {
            format!(
                "{}×{}",
                format::number(lang, *w, 2),
                format::number(lang, *v, 1)
            )
        })
        .collect();
    let wsum: f64 = used.iter().map(|(w, _)| w).sum();
    format!(
        "JES = ({}) / {} = {}",
        terms.join(" + "),
        format::number(lang, wsum, 2),
        format::number(lang, value, 1)
    )
}

/// Promoters against detractors: revenue per customer and retention.
pub fn impact(lang: Lang, i: &Impact) -> Table {
    if let Some(what) = &i.unavailable {
        return needs_table(lang, what, None);
    }
    let money = |v: Option<f64>| format::or_na(lang, v, format::money);
    let pct = |v: Option<f64>| format::or_na(lang, v, format::percent);
    let diff = |v: Option<f64>| format::or_na(lang, v, format::delta_percent);
    let group =
        |key: &str, n: u64| format!("{} ({})", tr(lang, key), format::count(lang, n as usize));
    Table {
        caption: tr(lang, "view.kpi.impact_help"),
        headers: vec![
            String::new(),
            group("chart.promoters", i.promoters),
            group("chart.detractors", i.detractors),
            tr(lang, "view.kpi.difference"),
        ],
        rows: vec![
            vec![
                tr(lang, "view.kpi.revenue_per_customer"),
                money(i.revenue_per_promoter),
                money(i.revenue_per_detractor),
                diff(i.revenue_diff_pct),
            ],
            vec![
                tr(lang, "kpi.retention_rate"),
                pct(i.retention_promoters),
                pct(i.retention_detractors),
                diff(i.retention_diff_pct),
            ],
        ],
    }
}

/// One dimension the filter bar offers: its key, its name, its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterDimension {
    pub key: DimKey,
    /// The role's name in the language, or the extra column's header.
    pub label: String,
    /// Most frequent first (ties alphabetical), then [`MISSING_LABEL`] when some events
    /// have no value.
    pub values: Vec<String>,
}

/// Dimensions with more distinct values than this are not offered: a column of ids would
/// make a menu nobody can use.
pub const MAX_FILTER_VALUES: usize = 200;

/// Every dimension the filter bar offers, in [`Dataset::dimension_keys`] order. The stage
/// is left out (the funnel is the stage filter), and so are empty or id-like columns.
/// Role columns are named with the file's header when it differs from the role's name
/// (see [`super::message::dimension_in_file`]).
pub fn filter_dimensions(lang: Lang, ds: &Dataset, mapping: &Mapping) -> Vec<FilterDimension> {
    ds.dimension_keys()
        .into_iter()
        .filter(|k| *k != DimKey::Role(crate::dataset::Role::Stage))
        .filter_map(|key| {
            let col = ds.dimension(key)?;
            if col.values.len() > MAX_FILTER_VALUES || col.values.is_empty() {
                return None;
            }
            let mut counts = vec![0u64; col.values.len()];
            let mut missing = 0u64;
            for &code in &col.codes {
                match counts.get_mut(code as usize) {
                    Some(n) => *n += 1,
                    None => missing += 1,
                }
            }
            let mut order: Vec<usize> = (0..col.values.len()).collect();
            crate::order::sort_by(&mut order, |&a, &b| {
                counts[b]
                    .cmp(&counts[a])
                    .then(col.values[a].cmp(&col.values[b]))
            });
            let mut values: Vec<String> =
                order.into_iter().map(|i| col.values[i].clone()).collect();
            if missing > 0 {
                values.push(MISSING_LABEL.to_string());
            }
            Some(FilterDimension {
                key,
                label: super::message::dimension_in_file(lang, key, ds, mapping),
                values,
            })
        })
        .collect()
}
