//! Funnel charts: steps, breakdown by group, conversion trend by cohort, time to convert.

use super::bars::{draw_hbars, HBar};
use super::key::{draw_key, Mark};
use super::layout::Rect;
use super::map::ChartMap;
use super::painter::Painter;
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::trend::{draw_line_chart, LinePoint, Series, YDomain};
use super::{
    cap_folded, cap_note, cap_shown, labelled, needs, nothing_to_draw, t, ChartError, MAX_STEP_BARS,
};
use crate::analytics::funnel::{FunnelStep, Interval};
use crate::analytics::FunnelView;
use crate::format as f;
use crate::i18n::{trc, trf, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

fn interval_text(lang: Lang, iv: &Interval) -> String {
    format!("{}–{}", f::percent(lang, iv.low), f::percent(lang, iv.high))
}

fn opt_pct(lang: Lang, v: Option<f64>) -> String {
    f::or_na(lang, v, f::percent)
}

/// A p-value as a reader wants it: "0.012", or "< 0.001" rather than a row of zeros.
fn p_text(lang: Lang, p: f64) -> String {
    if p < 0.001 {
        format!("< {}", f::number(lang, 0.001, 3))
    } else {
        f::number(lang, p, 3)
    }
}

fn interval_key(lang: Lang) -> (Mark, String) {
    (Mark::Whisker, t(lang, "fair.legend.interval"))
}

fn step_lines(lang: Lang, s: &FunnelStep) -> Vec<String> {
    let mut lines = vec![
        labelled(lang, "chart.customers", f::int(lang, s.customers as i64)),
        labelled(lang, "chart.pct_of_first", opt_pct(lang, s.pct_of_first)),
    ];
    if let Some(prev) = s.pct_of_previous {
        let mut l = labelled(lang, "chart.pct_of_previous", f::percent(lang, prev));
        if let Some(iv) = &s.interval {
            l.push_str(&format!(
                " ({} {})",
                t(lang, "chart.interval"),
                interval_text(lang, iv)
            ));
        }
        lines.push(l);
    }
    if let Some(d) = s.drop_off {
        lines.push(labelled(lang, "chart.drop_off", f::int(lang, d as i64)));
    }
    lines
}

/// Horizontal bars per step: customers reached, with the previous step as a pale bar behind
/// (the drop-off) and the Wilson 95 % interval of the step conversion as a whisker.
pub fn draw_funnel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FunnelView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    if nothing_to_draw(&p, view.unavailable.as_ref(), view.steps.is_empty(), lang)? {
        return Ok(p.finish());
    }
    let shown = &view.steps[..view.steps.len().min(MAX_STEP_BARS)];
    let note = cap_shown(
        lang,
        "chart.cap_first_stages",
        shown.len(),
        view.steps.len(),
    );
    let area = cap_note(&p, p.bounds(), note.as_deref())?;
    let area = if shown.iter().any(|s| s.interval.is_some()) {
        draw_key(&p, area, &[interval_key(lang)])?
    } else {
        area
    };
    let mut bars = Vec::with_capacity(shown.len());
    for (i, s) in shown.iter().enumerate() {
        let value_text = format!(
            "{} · {}",
            f::int(lang, s.customers as i64),
            opt_pct(lang, s.pct_of_first)
        );
        let mut bar = HBar::new(&s.stage, s.customers as f64, theme.series(0), value_text);
        if i > 0 {
            let prev = view.steps[i - 1].customers as f64;
            bar.ghost = Some(prev);
            bar.whisker = s
                .interval
                .map(|iv| (prev * iv.low / 100.0, prev * iv.high / 100.0));
        }
        bar.lines = step_lines(lang, s);
        bars.push(bar);
    }
    draw_hbars(&mut p, area, &bars, None)?;
    Ok(p.finish())
}

/// The funnel steps as drawn, one row per step.
pub fn funnel_table(view: &FunnelView, lang: Lang) -> Table {
    Table {
        caption: t(lang, "chart.funnel_caption"),
        headers: vec![
            t(lang, "chart.stage"),
            t(lang, "chart.customers"),
            t(lang, "chart.pct_of_first"),
            t(lang, "chart.pct_of_previous"),
            t(lang, "chart.interval"),
            t(lang, "chart.drop_off"),
        ],
        rows: view
            .steps
            .iter()
            .map(|s| {
                vec![
                    s.stage.clone(),
                    f::int(lang, s.customers as i64),
                    opt_pct(lang, s.pct_of_first),
                    opt_pct(lang, s.pct_of_previous),
                    s.interval
                        .as_ref()
                        .map(|iv| interval_text(lang, iv))
                        .unwrap_or_else(|| f::not_available(lang)),
                    s.drop_off
                        .map(|d| f::int(lang, d as i64))
                        .unwrap_or_else(|| f::not_available(lang)),
                ]
            })
            .collect(),
    }
}

/// "Funnel of 5 stages: 1,234 customers reached Awareness and 98 (7.9%) reached Advocacy."
pub fn funnel_summary(view: &FunnelView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let (first, last) = match (view.steps.first(), view.steps.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return t(lang, "chart.no_data_sentence"),
    };
    let first_n = Arg::Count(first.customers as i64);
    let last_n = Arg::Count(last.customers as i64);
    let pct = opt_pct(lang, last.pct_of_first);
    if view.steps.len() == 1 {
        trc(
            lang,
            "chart.funnel_summary_one",
            &[("first", first_n), ("first_stage", Arg::Text(&first.stage))],
        )
    } else {
        trc(
            lang,
            "chart.funnel_summary",
            &[
                ("n", view.steps.len().into()),
                ("first", first_n),
                ("first_stage", Arg::Text(&first.stage)),
                ("last", last_n),
                ("pct", Arg::Text(&pct)),
                ("last_stage", Arg::Text(&last.stage)),
            ],
        )
    }
}

/// Conversion rate per breakdown group, largest group first (the analytics order).
pub fn draw_breakdown<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FunnelView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    if nothing_to_draw(&p, view.unavailable.as_ref(), false, lang)? {
        return Ok(p.finish());
    }
    let Some(b) = &view.breakdown else {
        p.message(&t(lang, "chart.no_breakdown"))?;
        return Ok(p.finish());
    };
    if nothing_to_draw(&p, b.unavailable.as_ref(), b.groups.is_empty(), lang)? {
        return Ok(p.finish());
    }
    let note = cap_folded(lang, "chart.cap_groups", b.groups_folded, b.groups_total);
    let area = cap_note(&p, p.bounds(), note.as_deref())?;
    let mut key = Vec::new();
    if b.groups.iter().any(|g| g.interval.is_some()) {
        key.push(interval_key(lang));
    }
    if b.groups.iter().any(|g| g.p_value.is_some()) {
        key.push((Mark::Star, t(lang, "fair.legend.different")));
    }
    let area = draw_key(&p, area, &key)?;
    // A persona keeps its colour in every chart; other dimensions take the palette in order.
    let persona = b.dimension == crate::dataset::DimKey::Role(crate::dataset::Role::Persona);
    let bars: Vec<HBar> = b
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let color = if persona {
                theme.named(&g.value)
            } else {
                theme.series(i)
            };
            group_bar(view, b, g, color, lang)
        })
        .collect();
    let pct_axis = |v: f64| f::number(lang, v, 0) + "%";
    draw_hbars(&mut p, area, &bars, Some(&pct_axis))?;
    Ok(p.finish())
}

/// One breakdown group's conversion bar and its tooltip: the rate with its interval, the
/// test against the other groups, and the group's customers at every step.
fn group_bar(
    view: &FunnelView,
    b: &crate::analytics::funnel::FunnelBreakdown,
    g: &crate::analytics::funnel::FunnelGroup,
    color: Rgb,
    lang: Lang,
) -> HBar {
    let name = breakdown_name(lang, b);
    let started = g.customers.first().copied().unwrap_or(0);
    let value_text = format!(
        "{} · n = {}{}",
        opt_pct(lang, g.conversion_rate),
        f::int(lang, started as i64),
        if g.significant { " *" } else { "" }
    );
    let mut bar = HBar::new(
        &g.value,
        g.conversion_rate.unwrap_or(0.0),
        color,
        value_text,
    );
    bar.whisker = g.interval.map(|iv| (iv.low, iv.high));
    bar.title = format!("{name}: {}", g.value);
    let mut rate = labelled(
        lang,
        "chart.conversion_rate",
        opt_pct(lang, g.conversion_rate),
    );
    if let Some(iv) = &g.interval {
        rate.push_str(&format!(
            " ({} {})",
            t(lang, "chart.interval"),
            interval_text(lang, iv)
        ));
    }
    bar.lines.push(rate);
    if let Some(pv) = g.p_value {
        let key = if g.significant {
            "fair.legend.different"
        } else {
            "fair.legend.not_different"
        };
        let p = p_text(lang, pv);
        let p = if pv < 0.001 {
            format!("p {p}")
        } else {
            format!("p = {p}")
        };
        bar.lines.push(format!("{}: {p}", t(lang, key)));
    }
    for (k, stage) in view.stages.iter().enumerate().take(MAX_STEP_BARS) {
        let n = g.customers.get(k).copied().unwrap_or(0);
        let pct = g.pct_of_first.get(k).copied().flatten();
        bar.lines.push(format!(
            "{stage}: {} ({})",
            f::int(lang, n as i64),
            opt_pct(lang, pct)
        ));
    }
    if view.stages.len() > MAX_STEP_BARS {
        let more = (view.stages.len() - MAX_STEP_BARS) as i64;
        bar.lines
            .push(trc(lang, "chart.more_stages", &[("n", Arg::Count(more))]));
    }
    bar
}

/// The breakdown dimension's name: a role's name in `lang`, or the extra column's header.
fn breakdown_name(lang: Lang, b: &crate::analytics::funnel::FunnelBreakdown) -> String {
    crate::present::message::dimension_named(lang, b.dimension, b.header.as_deref())
}

pub fn breakdown_table(view: &FunnelView, lang: Lang) -> Table {
    let Some(b) = &view.breakdown else {
        return Table {
            caption: t(lang, "chart.no_breakdown"),
            ..Table::default()
        };
    };
    let dimension = breakdown_name(lang, b);
    Table {
        caption: trf(
            lang,
            "chart.breakdown_caption",
            &[("dimension", &dimension)],
        ),
        headers: vec![
            dimension.clone(),
            t(lang, "chart.started"),
            t(lang, "chart.conversion_rate"),
            t(lang, "fair.legend.interval"),
            "p".into(),
            t(lang, "fair.legend.different"),
        ],
        rows: b
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.value.clone(),
                    f::int(lang, g.customers.first().copied().unwrap_or(0) as i64),
                    opt_pct(lang, g.conversion_rate),
                    g.interval
                        .map_or_else(|| f::not_available(lang), |iv| interval_text(lang, &iv)),
                    f::or_na(lang, g.p_value, p_text),
                    t(
                        lang,
                        if g.significant {
                            "chart.yes"
                        } else {
                            "chart.no"
                        },
                    ),
                ]
            })
            .collect(),
    }
}

/// "Conversion rate by channel for 3 groups: highest Email (12.0%), lowest Social (3.5%)."
pub fn breakdown_summary(view: &FunnelView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let Some(b) = &view.breakdown else {
        return t(lang, "chart.no_breakdown");
    };
    if let Some(what) = &b.unavailable {
        return needs(lang, what);
    }
    let rated: Vec<(&str, f64)> = b
        .groups
        .iter()
        .filter_map(|g| g.conversion_rate.map(|r| (g.value.as_str(), r)))
        .filter(|(_, r)| r.is_finite())
        .collect();
    // First of equals wins, in the analytics order (largest group first).
    let mut best: Option<(&str, f64)> = None;
    let mut worst: Option<(&str, f64)> = None;
    for &(name, r) in &rated {
        if best.is_none_or(|(_, b)| r > b) {
            best = Some((name, r));
        }
        if worst.is_none_or(|(_, w)| r < w) {
            worst = Some((name, r));
        }
    }
    match (best, worst) {
        (Some(hi), Some(lo)) => trc(
            lang,
            "chart.breakdown_summary",
            &[
                ("dimension", Arg::Text(&breakdown_name(lang, b))),
                ("n", b.groups.len().into()),
                ("best", Arg::Text(hi.0)),
                ("best_rate", Arg::Text(&f::percent(lang, hi.1))),
                ("worst", Arg::Text(lo.0)),
                ("worst_rate", Arg::Text(&f::percent(lang, lo.1))),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}

/// Conversion rate of each step-1 cohort period, as a line with points.
pub fn draw_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FunnelView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    if nothing_to_draw(&p, view.unavailable.as_ref(), view.trend.is_empty(), lang)? {
        return Ok(p.finish());
    }
    let periods: Vec<String> = view
        .trend
        .iter()
        .map(|c| f::period(lang, &c.period))
        .collect();
    let points: Vec<LinePoint> = view
        .trend
        .iter()
        .map(|c| LinePoint {
            value: c.rate,
            band: crate::analytics::stats::wilson(c.converted, c.started),
            hollow: false,
            title: f::period(lang, &c.period),
            lines: vec![
                labelled(lang, "chart.conversion_rate", opt_pct(lang, c.rate)),
                labelled(lang, "chart.started", f::int(lang, c.started as i64)),
                labelled(lang, "chart.converted", f::int(lang, c.converted as i64)),
            ],
        })
        .collect();
    let area = draw_key(
        &p,
        p.bounds(),
        &[(Mark::Band(theme.series(0)), t(lang, "fair.legend.interval"))],
    )?;
    let pct_axis = |v: f64| f::number(lang, v, 0) + "%";
    let series = Series {
        name: t(lang, "chart.conversion_rate"),
        color: theme.series(0),
        width: theme.line_width,
        points,
    };
    draw_line_chart(
        &mut p,
        area,
        &periods,
        &[series],
        YDomain::Auto { zero: true },
        &pct_axis,
    )?;
    Ok(p.finish())
}

pub fn trend_table(view: &FunnelView, lang: Lang) -> Table {
    Table {
        caption: t(lang, "chart.trend_caption"),
        headers: vec![
            t(lang, "chart.period"),
            t(lang, "chart.started"),
            t(lang, "chart.converted"),
            t(lang, "chart.conversion_rate"),
        ],
        rows: view
            .trend
            .iter()
            .map(|c| {
                vec![
                    f::period(lang, &c.period),
                    f::int(lang, c.started as i64),
                    f::int(lang, c.converted as i64),
                    opt_pct(lang, c.rate),
                ]
            })
            .collect(),
    }
}

/// "Conversion by cohort over 6 periods, from 12.0% in 2025-01 to 15.5% in 2025-06."
pub fn trend_summary(view: &FunnelView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let rated: Vec<_> = view
        .trend
        .iter()
        .filter_map(|c| c.rate.filter(|r| r.is_finite()).map(|r| (c, r)))
        .collect();
    match (rated.first(), rated.last()) {
        (Some((a, ra)), Some((b, rb))) => trc(
            lang,
            "chart.trend_summary",
            &[
                ("n", view.trend.len().into()),
                ("first", Arg::Text(&f::percent(lang, *ra))),
                ("first_period", Arg::Text(&f::period(lang, &a.period))),
                ("last", Arg::Text(&f::percent(lang, *rb))),
                ("last_period", Arg::Text(&f::period(lang, &b.period))),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}

/// Steps after the first that have a measured time, with their predecessor's name.
fn timed_steps(view: &FunnelView) -> Vec<(&str, &FunnelStep)> {
    view.steps
        .windows(2)
        .filter(|w| {
            w[1].median_days_from_previous.is_some() || w[1].mean_days_from_previous.is_some()
        })
        .map(|w| (w[0].stage.as_str(), &w[1]))
        .collect()
}

/// Median days from the previous step to each step as bars, with the mean as a tick mark
/// (a mean far right of the median means a few slow customers).
pub fn draw_time_to_convert<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FunnelView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let timed = timed_steps(view);
    if nothing_to_draw(&p, view.unavailable.as_ref(), false, lang)? {
        return Ok(p.finish());
    }
    if timed.is_empty() {
        let key = if view.steps.len() > 1 {
            "chart.ttc_ordered_only"
        } else {
            "chart.no_data"
        };
        p.message(&t(lang, key))?;
        return Ok(p.finish());
    }
    let shown = &timed[..timed.len().min(MAX_STEP_BARS)];
    let note = cap_shown(lang, "chart.cap_first_stages", shown.len(), timed.len());
    let area = cap_note(&p, Rect::new(0, 0, p.width, p.height), note.as_deref())?;
    let area = draw_key(
        &p,
        area,
        &[
            (Mark::Bar(theme.series(0)), t(lang, "chart.median")),
            (Mark::Tick, t(lang, "chart.mean")),
        ],
    )?;
    let bars: Vec<HBar> = shown
        .iter()
        .map(|(from, s)| {
            let median = s.median_days_from_previous;
            let mut bar = HBar::new(
                &s.stage,
                median.unwrap_or(0.0),
                theme.series(0),
                f::or_na(lang, median, f::days),
            );
            bar.marker = s.mean_days_from_previous.filter(|m| m.is_finite());
            bar.title = format!("{from} → {}", s.stage);
            bar.lines = vec![
                labelled(lang, "chart.median", f::or_na(lang, median, f::days)),
                labelled(
                    lang,
                    "chart.mean",
                    f::or_na(lang, s.mean_days_from_previous, f::days),
                ),
            ];
            bar
        })
        .collect();
    let days_axis = |v: f64| f::number(lang, v, super::layout::tick_decimals(&[0.0, v]).min(1));
    draw_hbars(&mut p, area, &bars, Some(&days_axis))?;
    Ok(p.finish())
}

pub fn time_to_convert_table(view: &FunnelView, lang: Lang) -> Table {
    Table {
        caption: t(lang, "chart.ttc_caption"),
        headers: vec![
            t(lang, "chart.from"),
            t(lang, "chart.to"),
            t(lang, "chart.median"),
            t(lang, "chart.mean"),
        ],
        rows: timed_steps(view)
            .iter()
            .map(|(from, s)| {
                vec![
                    from.to_string(),
                    s.stage.clone(),
                    f::or_na(lang, s.median_days_from_previous, f::days),
                    f::or_na(lang, s.mean_days_from_previous, f::days),
                ]
            })
            .collect(),
    }
}

/// "Median time between stages ranges from 0.5 days (Awareness → Consideration) to 4.0 days
/// (Consideration → Purchase)."
pub fn time_to_convert_summary(view: &FunnelView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let mut lo: Option<(String, f64)> = None;
    let mut hi: Option<(String, f64)> = None;
    for (from, s) in timed_steps(view) {
        let Some(m) = s.median_days_from_previous.filter(|m| m.is_finite()) else {
            continue;
        };
        let name = format!("{from} → {}", s.stage);
        if lo.as_ref().is_none_or(|(_, v)| m < *v) {
            lo = Some((name.clone(), m));
        }
        if hi.as_ref().is_none_or(|(_, v)| m > *v) {
            hi = Some((name, m));
        }
    }
    match (lo, hi) {
        (Some(lo), Some(hi)) => trf(
            lang,
            "chart.ttc_summary",
            &[
                ("min", &f::days(lang, lo.1)),
                ("min_step", &lo.0),
                ("max", &f::days(lang, hi.1)),
                ("max_step", &hi.0),
            ],
        ),
        _ => t(lang, "chart.ttc_ordered_only"),
    }
}
