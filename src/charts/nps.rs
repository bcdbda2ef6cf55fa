//! NPS charts: the promoter / passive / detractor split, the 0–10 answer distribution and
//! the trend with its margin of error.

use super::axes;
use super::label;
use super::layout::{nice_ticks, Bands, Linear, Rect};
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::trend::{draw_line_chart, LinePoint, Series, YDomain};
use super::{labelled, needs, nothing_to_draw, t, ChartError};
use crate::analytics::nps::NpsSummary;
use crate::analytics::NpsView;
use crate::format as f;
use crate::i18n::{trc, trf, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The three categories, detractors first so the bar reads bad → good left to right.
fn categories(s: &NpsSummary) -> [(&'static str, u64, Option<f64>); 3] {
    [
        ("chart.detractors", s.detractors, s.detractor_pct),
        ("chart.passives", s.passives, s.passive_pct),
        ("chart.promoters", s.promoters, s.promoter_pct),
    ]
}

/// Colours in the order of [`categories`].
fn category_colors(theme: &Theme) -> [Rgb; 3] {
    [theme.detractor, theme.passive, theme.promoter]
}

fn nps_with_margin(lang: Lang, s: &NpsSummary) -> String {
    let score = f::or_na(lang, s.nps, f::nps);
    match s.margin.filter(|m| m.is_finite()) {
        Some(m) if s.nps.is_some() => format!("{score} ± {}", f::number(lang, m, 1)),
        _ => score,
    }
}

/// One 100 % bar split into detractors, passives and promoters, with the score above it.
pub fn draw_nps_stack<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &NpsView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let s = &view.summary;
    if nothing_to_draw(&p, view.unavailable.as_ref(), s.responses == 0, lang)? {
        return Ok(p.finish());
    }
    let font = p.font_px(Size::Small);
    let big = p.font_px(Size::Large);
    let pad = p.px(8.0);
    p.bold_text(
        &format!("NPS {}", nps_with_margin(lang, s)),
        (pad, pad),
        Size::Large,
        theme.text,
        Align::Left,
        Baseline::Top,
    )?;
    let top = pad + (big * 1.5).ceil() as i32;
    let bar_h = ((p.height - top) as f64 * 0.45).clamp(font * 1.4, font * 4.0) as i32;
    let bar = Rect::new(pad, top, p.width - pad, (top + bar_h).min(p.height - 1));
    if bar.is_degenerate() {
        return Ok(p.finish());
    }
    let total = s.responses as f64;
    let x = Linear::new(0.0, total, bar.x0 as f64, bar.x1 as f64);
    let mut acc = 0.0;
    for ((key, n, pct), color) in categories(s).into_iter().zip(category_colors(theme)) {
        let a = x.px(acc);
        acc += n as f64;
        let b = x.px(acc);
        if n == 0 {
            continue;
        }
        let seg = Rect::new(a, bar.y0, b.max(a + 1), bar.y1);
        p.fill_rect(seg, color)?;
        let name = t(lang, key);
        let pct_text = f::or_na(lang, pct, f::percent);
        let full = format!("{name} {pct_text}");
        let width = seg.width() as f64 * 0.95;
        let text = if label::text_width(&full, font) <= width {
            Some(full)
        } else if label::text_width(&pct_text, font) <= width {
            Some(pct_text.clone())
        } else {
            None
        };
        if let Some(text) = text {
            p.text(
                &text,
                ((seg.x0 + seg.x1) / 2, (seg.y0 + seg.y1) / 2),
                Size::Small,
                theme.text_on(color),
                Align::Center,
                Baseline::Middle,
            )?;
        }
        p.hit(
            seg,
            name,
            vec![
                labelled(lang, "chart.responses", f::int(lang, n as i64)),
                labelled(lang, "chart.share", pct_text),
            ],
        );
    }
    let entries: Vec<(String, Rgb)> = categories(s)
        .iter()
        .zip(category_colors(theme))
        .map(|((key, _, _), c)| (t(lang, key), c))
        .collect();
    axes::legend(&p, (bar.x0, bar.y1 + p.px(8.0)), bar.width(), &entries)?;
    Ok(p.finish())
}

pub fn nps_stack_table(view: &NpsView, lang: Lang) -> Table {
    let s = &view.summary;
    Table {
        caption: trf(
            lang,
            "chart.nps_stack_caption",
            &[("nps", &nps_with_margin(lang, s))],
        ),
        headers: vec![
            t(lang, "chart.category"),
            t(lang, "chart.responses"),
            t(lang, "chart.share"),
        ],
        rows: categories(s)
            .iter()
            .map(|(key, n, pct)| {
                vec![
                    t(lang, key),
                    f::int(lang, *n as i64),
                    f::or_na(lang, *pct, f::percent),
                ]
            })
            .collect(),
    }
}

/// "NPS +23 from 1,000 responses: 45.0% promoters, 33.0% passives, 22.0% detractors."
pub fn nps_stack_summary(view: &NpsView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let s = &view.summary;
    if s.responses == 0 {
        return t(lang, "chart.no_data_sentence");
    }
    trc(
        lang,
        "chart.nps_stack_summary",
        &[
            ("nps", Arg::Text(&f::or_na(lang, s.nps, f::nps))),
            ("n", Arg::Count(s.responses as i64)),
            (
                "promoters",
                Arg::Text(&f::or_na(lang, s.promoter_pct, f::percent)),
            ),
            (
                "passives",
                Arg::Text(&f::or_na(lang, s.passive_pct, f::percent)),
            ),
            (
                "detractors",
                Arg::Text(&f::or_na(lang, s.detractor_pct, f::percent)),
            ),
        ],
    )
}

/// The NPS category of answer `i` on the 0–10 scale.
fn answer_key(i: usize) -> &'static str {
    match i {
        0..=6 => "chart.detractors",
        7 | 8 => "chart.passives",
        _ => "chart.promoters",
    }
}

fn answer_color(theme: &Theme, i: usize) -> Rgb {
    match i {
        0..=6 => theme.detractor,
        7 | 8 => theme.passive,
        _ => theme.promoter,
    }
}

/// Responses per answer 0…10, each bar coloured by its NPS category.
pub fn draw_distribution<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &NpsView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let total: u64 = view.distribution.iter().sum();
    if nothing_to_draw(&p, view.unavailable.as_ref(), total == 0, lang)? {
        return Ok(p.finish());
    }
    let font = p.font_px(Size::Small);
    let max = view.distribution.iter().copied().max().unwrap_or(0) as f64;
    let ticks = nice_ticks(0.0, max, 4);
    let labels: Vec<String> = ticks.iter().map(|v| f::number(lang, *v, 0)).collect();
    let left = axes::value_label_room(&p, &labels);
    let plot = Rect::new(
        left,
        (font * 1.6).ceil() as i32,
        p.width - p.px(8.0),
        p.height - (font * 1.8).ceil() as i32,
    );
    if plot.is_degenerate() {
        return Ok(p.finish());
    }
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = Linear::new(0.0, top, plot.y1 as f64, plot.y0 as f64);
    axes::y_value_axis(&p, plot, &y, &ticks, &|v| f::number(lang, v, 0))?;
    let bands = Bands::new(view.distribution.len(), plot.x0, plot.x1, 0.2);
    let names: Vec<String> = (0..view.distribution.len())
        .map(|i| i.to_string())
        .collect();
    axes::x_category_labels(&p, plot, &bands, &names)?;
    for (i, &n) in view.distribution.iter().enumerate() {
        let (x0, x1) = bands.span(i);
        let yv = y.px(n as f64);
        let bar = Rect::new(x0, yv.min(plot.y1 - 1), x1, plot.y1);
        let color = answer_color(theme, i);
        if n > 0 {
            p.fill_rect(bar, color)?;
        }
        let count = f::int(lang, n as i64);
        if label::text_width(&count, font) <= bands.step_px() * 1.1 {
            p.text(
                &count,
                ((x0 + x1) / 2, bar.y0 - p.px(3.0)),
                Size::Small,
                theme.text,
                Align::Center,
                Baseline::Bottom,
            )?;
        }
        let hit = Rect::new(x0, bar.y0.min(plot.y1 - p.px(6.0)), x1, plot.y1);
        p.hit(
            hit,
            trf(lang, "chart.answer_n", &[("n", &i.to_string())]),
            vec![
                labelled(lang, "chart.responses", count),
                labelled(lang, "chart.share", share(lang, n, total)),
                t(lang, answer_key(i)),
            ],
        );
    }
    p.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], theme.axis, 1.0)?;
    Ok(p.finish())
}

fn share(lang: Lang, n: u64, total: u64) -> String {
    if total == 0 {
        f::not_available(lang)
    } else {
        f::percent(lang, n as f64 / total as f64 * 100.0)
    }
}

pub fn distribution_table(view: &NpsView, lang: Lang) -> Table {
    let total: u64 = view.distribution.iter().sum();
    Table {
        caption: t(lang, "chart.distribution_caption"),
        headers: vec![
            t(lang, "chart.answer"),
            t(lang, "chart.responses"),
            t(lang, "chart.share"),
            t(lang, "chart.category"),
        ],
        rows: view
            .distribution
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                vec![
                    i.to_string(),
                    f::int(lang, n as i64),
                    share(lang, n, total),
                    t(lang, answer_key(i)),
                ]
            })
            .collect(),
    }
}

/// "1,000 answers from 0 to 10; the most common is 9 (250 responses)."
pub fn distribution_summary(view: &NpsView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let total: u64 = view.distribution.iter().sum();
    // First of equal maxima wins, so ties report the lowest answer.
    let mut top: Option<(usize, u64)> = None;
    for (i, &n) in view.distribution.iter().enumerate() {
        if top.is_none_or(|(_, m)| n > m) {
            top = Some((i, n));
        }
    }
    match top {
        Some((i, n)) if total > 0 => trc(
            lang,
            "chart.distribution_summary",
            &[
                ("total", Arg::Count(total as i64)),
                ("answer", Arg::Text(&i.to_string())),
                ("count", Arg::Count(n as i64)),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}

/// NPS per period with the 95 % margin of error as a shaded band (score ± margin).
pub fn draw_nps_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &NpsView,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let any = view.trend.iter().any(|pt| pt.summary.nps.is_some());
    if nothing_to_draw(&p, view.unavailable.as_ref(), !any, lang)? {
        return Ok(p.finish());
    }
    let periods: Vec<String> = view
        .trend
        .iter()
        .map(|pt| f::period(lang, &pt.period))
        .collect();
    let points = view
        .trend
        .iter()
        .map(|pt| {
            let s = &pt.summary;
            let value = s.nps.filter(|v| v.is_finite());
            let band = match (value, s.margin.filter(|m| m.is_finite())) {
                (Some(v), Some(m)) => Some(((v - m).max(-100.0), (v + m).min(100.0))),
                _ => None,
            };
            LinePoint {
                value,
                band,
                hollow: false,
                title: f::period(lang, &pt.period),
                lines: vec![
                    format!("NPS: {}", nps_with_margin(lang, s)),
                    labelled(lang, "chart.responses", f::int(lang, s.responses as i64)),
                ],
            }
        })
        .collect();
    let series = Series {
        name: "NPS".to_string(),
        color: theme.series(0),
        width: theme.line_width,
        points,
    };
    let area = super::key::draw_key(
        &p,
        p.bounds(),
        &[(
            super::key::Mark::Band(theme.series(0)),
            t(lang, "fair.legend.nps_margin"),
        )],
    )?;
    draw_line_chart(
        &mut p,
        area,
        &periods,
        &[series],
        YDomain::Auto { zero: true },
        &|v| f::nps(lang, v),
    )?;
    Ok(p.finish())
}

pub fn nps_trend_table(view: &NpsView, lang: Lang) -> Table {
    Table {
        caption: t(lang, "chart.nps_trend_caption"),
        headers: vec![
            t(lang, "chart.period"),
            "NPS".to_string(),
            t(lang, "chart.margin"),
            t(lang, "chart.responses"),
        ],
        rows: view
            .trend
            .iter()
            .map(|pt| {
                vec![
                    f::period(lang, &pt.period),
                    f::or_na(lang, pt.summary.nps, f::nps),
                    f::or_na(lang, pt.summary.margin, |l, v| f::number(l, v, 1)),
                    f::int(lang, pt.summary.responses as i64),
                ]
            })
            .collect(),
    }
}

/// "NPS over 6 periods, from +12 in 2025-01 to +20 in 2025-06."
pub fn nps_trend_summary(view: &NpsView, lang: Lang) -> String {
    if let Some(what) = &view.unavailable {
        return needs(lang, what);
    }
    let scored: Vec<(&str, f64)> = view
        .trend
        .iter()
        .filter_map(|pt| {
            pt.summary
                .nps
                .filter(|v| v.is_finite())
                .map(|v| (pt.period.as_str(), v))
        })
        .collect();
    match (scored.first(), scored.last()) {
        (Some(a), Some(b)) => trc(
            lang,
            "chart.nps_trend_summary",
            &[
                ("n", view.trend.len().into()),
                ("first", Arg::Text(&f::nps(lang, a.1))),
                ("first_period", Arg::Text(&f::period(lang, a.0))),
                ("last", Arg::Text(&f::nps(lang, b.1))),
                ("last_period", Arg::Text(&f::period(lang, b.0))),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}
