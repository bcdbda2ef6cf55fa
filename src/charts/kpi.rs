//! The KPI sparkline: a tiny line chart for a KPI card, no axes, the last (still filling
//! up) period drawn as a hollow point so a half-month dip is not read as a fall.

use super::layout::{Bands, Linear};
use super::map::ChartMap;
use super::painter::Painter;
use super::table::Table;
use super::theme::Theme;
use super::{needs, t, ChartError};
use crate::analytics::kpis::{ChangeUnit, Kpi, KpiUnit};
use crate::format as f;
use crate::i18n::{tr, trc, trf, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A KPI value as its card shows it, by unit. NPS is a signed whole number; other scores
/// keep one decimal.
pub fn kpi_value(lang: Lang, kpi: &Kpi, value: f64) -> String {
    match kpi.unit {
        KpiUnit::Count => f::number(lang, value, 0),
        KpiUnit::Percent => f::percent(lang, value),
        KpiUnit::Score if kpi.key == "nps" => f::nps(lang, value),
        KpiUnit::Score => f::score(lang, value, 1),
        KpiUnit::Money => f::money(lang, value),
        KpiUnit::Days => f::days(lang, value),
    }
}

/// Draws the sparkline edge to edge with a small inset; nothing is drawn when no period has
/// a value (the card shows the KPI itself anyway).
pub fn draw_sparkline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    kpi: &Kpi,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let values: Vec<f64> = kpi
        .sparkline
        .iter()
        .filter_map(|s| s.value.filter(|v| v.is_finite()))
        .collect();
    if values.is_empty() || kpi.unavailable.is_some() {
        return Ok(p.finish());
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let inset = p.px(4.0);
    let y = Linear::new(lo, hi, (p.height - inset) as f64, inset as f64);
    let bands = Bands::new(kpi.sparkline.len(), inset, p.width - inset, 0.0);
    let color = theme.series(0);
    // Solid line through complete periods, dashed into the incomplete one.
    let mut prev: Option<(i32, i32)> = None;
    for (i, s) in kpi.sparkline.iter().enumerate() {
        let Some(v) = s.value.filter(|v| v.is_finite()) else {
            prev = None;
            continue;
        };
        let at = (bands.center(i), y.px(v));
        if let Some(a) = prev {
            if s.complete {
                p.line(&[a, at], color, theme.line_width * 0.75)?;
            } else {
                p.dashed(&[a, at], color, theme.line_width * 0.75)?;
            }
        }
        prev = Some(at);
    }
    for (i, s) in kpi.sparkline.iter().enumerate() {
        let Some(v) = s.value.filter(|v| v.is_finite()) else {
            continue;
        };
        let at = (bands.center(i), y.px(v));
        let last = i + 1 == kpi.sparkline.len();
        if !s.complete {
            p.ring(at, 2.5, color)?;
        } else if last {
            p.dot(at, 2.5, color)?;
        }
        let mut lines = vec![kpi_value(lang, kpi, v)];
        if !s.complete {
            lines.push(t(lang, "chart.incomplete_period"));
        }
        p.point_hit(at, f::period(lang, &s.period), lines);
    }
    Ok(p.finish())
}

/// A KPI's name in `lang` (the message `kpi.<key>`).
pub fn kpi_label(lang: Lang, kpi: &Kpi) -> String {
    t(lang, &format!("kpi.{}", kpi.key))
}

pub fn sparkline_table(kpi: &Kpi, lang: Lang) -> Table {
    let label = kpi_label(lang, kpi);
    Table {
        caption: label.clone(),
        headers: vec![t(lang, "chart.period"), label, t(lang, "chart.complete")],
        rows: kpi
            .sparkline
            .iter()
            .map(|s| {
                vec![
                    f::period(lang, &s.period),
                    f::or_na(lang, s.value, |l, v| kpi_value(l, kpi, v)),
                    t(lang, if s.complete { "chart.yes" } else { "chart.no" }),
                ]
            })
            .collect(),
    }
}

/// "Conversion rate over 12 periods: from 10.0% in 2024-04 to 12.5% in 2025-03."
pub fn sparkline_summary(kpi: &Kpi, lang: Lang) -> String {
    if let Some(what) = &kpi.unavailable {
        return format!("{}: {}", kpi_label(lang, kpi), needs(lang, what));
    }
    let valued: Vec<(&str, f64)> = kpi
        .sparkline
        .iter()
        .filter_map(|s| {
            s.value
                .filter(|v| v.is_finite())
                .map(|v| (s.period.as_str(), v))
        })
        .collect();
    match (valued.first(), valued.last()) {
        (Some(a), Some(b)) => trc(
            lang,
            "chart.sparkline_summary",
            &[
                ("label", Arg::Text(&kpi_label(lang, kpi))),
                ("n", kpi.sparkline.len().into()),
                ("first", Arg::Text(&kpi_value(lang, kpi, a.1))),
                ("first_period", Arg::Text(&f::period(lang, a.0))),
                ("last", Arg::Text(&kpi_value(lang, kpi, b.1))),
                ("last_period", Arg::Text(&f::period(lang, b.0))),
            ],
        ),
        _ => format!(
            "{}: {}",
            kpi_label(lang, kpi),
            t(lang, "chart.no_data_sentence")
        ),
    }
}

/// How a KPI card's change is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    /// No change, or one the data can't tell from noise.
    Neutral,
}

/// The texts of one KPI card, and the sentence screen readers get, built from the same
/// pieces so both always say the same.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiCard {
    pub value: String,
    /// The period `value` is about ("2024-02", "Q1 2025", or "All data" without dates).
    pub period: String,
    pub change: Option<(String, Tone)>,
    /// The whole selection's value, which targets are checked against.
    pub all_data: Option<String>,
    pub summary: String,
}

/// A KPI change as its unit reads it: "+2.0 pts" or "+20.0%".
pub fn kpi_change(lang: Lang, unit: ChangeUnit, change: f64) -> String {
    match unit {
        ChangeUnit::Points => trf(lang, "fair.points", &[("d", &f::signed(lang, change, 1))]),
        ChangeUnit::Percent => f::delta_percent(lang, change),
    }
}

/// The card of `kpi` for the KPI period `current` compared with `previous` (the view's
/// [`crate::analytics::KpiView::current_period`] and `previous_period`).
pub fn kpi_card(lang: Lang, kpi: &Kpi, current: Option<&str>, previous: Option<&str>) -> KpiCard {
    let show = |v: Option<f64>| f::or_na(lang, v, |l, v| kpi_value(l, kpi, v));
    let label = kpi_label(lang, kpi);
    let available = kpi.unavailable.is_none();
    let (value, period) = match current {
        Some(p) => (show(kpi.current.filter(|_| available)), f::period(lang, p)),
        None => (
            show(kpi.value.filter(|_| available)),
            tr(lang, "fair.all_data"),
        ),
    };
    let change = previous.filter(|_| available).map(|prev| {
        let prev = f::period(lang, prev);
        match kpi.change.filter(|c| c.is_finite()) {
            None => (
                trf(lang, "fair.no_comparison", &[("previous", &prev)]),
                Tone::Neutral,
            ),
            Some(c) => {
                let text = kpi_change(lang, kpi.change_unit, c);
                let args = [("change", text.as_str()), ("previous", prev.as_str())];
                if kpi.change_clear == Some(false) {
                    (trf(lang, "fair.no_clear_change", &args), Tone::Neutral)
                } else {
                    let better = if kpi.lower_is_better {
                        c < 0.0
                    } else {
                        c > 0.0
                    };
                    let tone = if c == 0.0 {
                        Tone::Neutral
                    } else if better {
                        Tone::Good
                    } else {
                        Tone::Bad
                    };
                    (trf(lang, "fair.change_vs", &args), tone)
                }
            }
        }
    });
    let all_data = (current.is_some() && available)
        .then_some(kpi.value)
        .flatten()
        .map(|v| {
            trf(
                lang,
                "fair.all_data_value",
                &[("value", &kpi_value(lang, kpi, v))],
            )
        });
    let mut summary = trf(
        lang,
        "fair.card_summary",
        &[("label", &label), ("value", &value), ("period", &period)],
    );
    for part in change.iter().map(|c| &c.0).chain(all_data.iter()) {
        summary.push_str(". ");
        summary.push_str(part);
    }
    summary.push('.');
    KpiCard {
        value,
        period,
        change,
        all_data,
        summary,
    }
}
