//! Experience-map charts: the stage × touchpoint heat map, the emotion curve, hand-offs and
//! the priority matrix.

use super::axes;
use super::bars::{draw_hbars, HBar};
use super::label;
use super::layout::{Bands, Rect};
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::trend::{draw_line_chart, LinePoint, Series, YDomain};
use super::{
    cap_folded, cap_note, cap_shown, labelled, needs, nothing_to_draw, t, ChartError,
    MAX_CURVE_STAGES,
};
use crate::analytics::experience::{EmotionCurve, EmotionPoint, Grid, GridCell, Handoffs};
use crate::dataset::Scale;
use crate::format as f;
use crate::i18n::{trc, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------------------------------
// Heat map

/// Position of `mean` on the diverging palette: the scale midpoint is 0.5 (neutral).
fn scale_position(scale: Scale, mean: f64) -> f64 {
    let span = scale.max - scale.min;
    if !(span.is_finite() && span > 0.0) {
        return 0.5;
    }
    ((mean - scale.min) / span).clamp(0.0, 1.0)
}

use crate::format::scale as scale_text;

fn cell_lines(lang: Lang, cell: Option<&GridCell>, scale: Scale) -> Vec<String> {
    let Some(c) = cell else {
        return vec![t(lang, "chart.no_events")];
    };
    let mut lines = vec![format!(
        "{}: {} ({})",
        t(lang, "chart.satisfaction"),
        f::or_na(lang, c.satisfaction_mean, |l, v| f::score(l, v, 2)),
        scale_text(lang, scale)
    )];
    lines.push(labelled(
        lang,
        "chart.answers",
        f::int(lang, c.satisfaction_count as i64),
    ));
    if let Some(neg) = c.share_negative {
        lines.push(labelled(
            lang,
            "chart.share_negative",
            f::percent(lang, neg),
        ));
    }
    if let Some(e) = c.effort_mean {
        lines.push(format!(
            "{}: {} (n = {})",
            t(lang, "chart.effort"),
            f::score(lang, e, 2),
            f::int(lang, c.effort_count as i64)
        ));
    }
    lines.push(labelled(
        lang,
        "chart.events",
        f::int(lang, c.events as i64),
    ));
    lines.push(labelled(
        lang,
        "chart.customers",
        f::int(lang, c.customers as i64),
    ));
    lines
}

/// Stages across (the journey reads left to right, as on the emotion curve), touchpoints
/// down. Cells are coloured by mean satisfaction on a diverging palette centred on the
/// scale midpoint and show the mean and the number of answers; a cell without answers is
/// pale grey with "–" so it never passes for a neutral score. A cell with fewer answers
/// than `min_count` (the setting the pain points and "What to fix first" use) is faded and
/// hatched, so a red cell on 5 answers cannot look like the worst moment. `scale` is the
/// dataset's satisfaction scale (the grid carries raw means).
pub fn draw_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &Grid,
    scale: Scale,
    min_count: usize,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let empty = grid.stages.is_empty() || grid.touchpoints.is_empty();
    if nothing_to_draw(&p, grid.unavailable.as_ref(), empty, lang)? {
        return Ok(p.finish());
    }
    let cells = index_cells(grid);
    let font = p.font_px(Size::Small);
    let (left, max_chars) = axes::left_label_room(&p, &grid.touchpoints);
    // Two legend lines: the colour ramp, then the empty and "too few answers" swatches
    // when they do not fit beside it.
    let lines = if p.width < p.px(640.0) { 4.8 } else { 3.4 };
    let legend_h = (font * lines).ceil() as i32;
    let bottom = cap_note(&p, p.bounds(), heatmap_note(grid, lang).as_deref())?.y1;
    let plot = Rect::new(
        left,
        (font * 1.8).ceil() as i32,
        p.width - p.px(8.0),
        bottom - legend_h,
    );
    if plot.is_degenerate() {
        return Ok(p.finish());
    }
    let cols = Bands::new(grid.stages.len(), plot.x0, plot.x1, 0.0);
    let rows = Bands::new(grid.touchpoints.len(), plot.y0, plot.y1, 0.0);
    // Stage names above the columns.
    let fit = label::chars_that_fit(cols.step_px() * 0.95, font).max(1);
    for (i, stage) in grid.stages.iter().enumerate() {
        p.text(
            &label::truncate(stage, fit),
            (cols.center(i), plot.y0 - p.px(4.0)),
            Size::Small,
            theme.text,
            Align::Center,
            Baseline::Bottom,
        )?;
    }
    axes::y_category_labels(&p, plot, &rows, &grid.touchpoints, max_chars)?;
    let gap = if cols.step_px() > 6.0 && rows.step_px() > 6.0 {
        p.px(1.0)
    } else {
        0
    };
    let style = CellStyle {
        scale,
        min_count,
        font,
        two_lines: rows.step_px() >= font * 2.4,
        one_line: rows.step_px() >= font * 1.1,
    };
    for (r, tp) in grid.touchpoints.iter().enumerate() {
        for (c, stage) in grid.stages.iter().enumerate() {
            let (x0, x1) = cols.span(c);
            let (y0, y1) = rows.span(r);
            let rect = Rect::new(x0, y0, (x1 - gap).max(x0 + 1), (y1 - gap).max(y0 + 1));
            let cell = cells.get(&(stage.as_str(), tp.as_str())).copied();
            heat_cell(&mut p, rect, cell, (stage, tp), &style, lang)?;
        }
    }
    heat_legend(
        &p,
        Rect::new(plot.x0, plot.y1 + p.px(6.0), plot.x1, bottom),
        scale,
        min_count,
        lang,
    )?;
    Ok(p.finish())
}

/// How every heat-map cell is coloured and written: the scale and minimum answers, and
/// whether rows are tall enough for the mean and count (two lines) or the mean alone.
struct CellStyle {
    scale: Scale,
    min_count: usize,
    font: f64,
    two_lines: bool,
    one_line: bool,
}

/// One cell: its colour (faded and hatched when thin), the mean and count where they fit,
/// and its tooltip.
fn heat_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    rect: Rect,
    cell: Option<&GridCell>,
    (stage, tp): (&str, &str),
    style: &CellStyle,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let (scale, min_count, font) = (style.scale, style.min_count, style.font);
    let mean = cell
        .and_then(|c| c.satisfaction_mean)
        .filter(|m| m.is_finite());
    let thin = cell.is_some_and(|c| is_thin(c, min_count)) && mean.is_some();
    let fill_c = match mean {
        Some(m) if thin => theme
            .diverging_at(scale_position(scale, m))
            .lerp(theme.background, 0.7),
        Some(m) => theme.diverging_at(scale_position(scale, m)),
        None => theme.empty,
    };
    p.fill_rect(rect, fill_c)?;
    if thin {
        hatch(p, rect, theme.axis)?;
    }
    let ink = match mean {
        Some(_) => theme.text_on(fill_c),
        None => theme.muted,
    };
    let cx = (rect.x0 + rect.x1) / 2;
    let cy = (rect.y0 + rect.y1) / 2;
    let main = match mean {
        Some(m) => f::score(lang, m, 1),
        None => "–".to_string(),
    };
    let count = cell.map(|c| format!("n = {}", f::int(lang, c.satisfaction_count as i64)));
    let fits = |s: &str| label::text_width(s, font) <= rect.width() as f64 * 0.95;
    if style.two_lines && mean.is_some() && count.as_deref().is_some_and(fits) {
        p.bold_text(
            &main,
            (cx, cy),
            Size::Small,
            ink,
            Align::Center,
            Baseline::Bottom,
        )?;
        if let Some(n) = &count {
            p.text(
                n,
                (cx, cy + p.px(1.0)),
                Size::Small,
                ink,
                Align::Center,
                Baseline::Top,
            )?;
        }
    } else if style.one_line && fits(&main) {
        p.text(
            &main,
            (cx, cy),
            Size::Small,
            ink,
            Align::Center,
            Baseline::Middle,
        )?;
    }
    let mut lines = cell_lines(lang, cell, scale);
    if thin {
        lines.push(too_few(lang, min_count));
    }
    p.hit(rect, format!("{stage} · {tp}"), lines);
    Ok(())
}

/// Fewer satisfaction answers than the minimum (at least 1, as for the pain points).
fn is_thin(c: &GridCell, min_count: usize) -> bool {
    c.satisfaction_count > 0 && c.satisfaction_count < min_count.max(1) as u64
}

/// "Too few answers (minimum 20)".
fn too_few(lang: Lang, min_count: usize) -> String {
    trc(
        lang,
        "fix.too_few",
        &[("min", Arg::Count(min_count.max(1) as i64))],
    )
}

/// Diagonal lines across `r`, every 6 CSS px, clipped to it.
fn hatch<DB: DrawingBackend>(p: &Painter<DB>, r: Rect, color: Rgb) -> Result<(), ChartError> {
    let (w, h) = (r.width(), r.height());
    let step = p.px(6.0).max(2);
    let mut d = -h;
    while d < w {
        // The line x = x0 + d + (y1 − y), from y1 up to y0, clipped to x0…x1.
        let (mut xa, mut ya) = (r.x0 + d, r.y1);
        if xa < r.x0 {
            ya -= r.x0 - xa;
            xa = r.x0;
        }
        let (mut xb, mut yb) = (r.x0 + d + h, r.y0);
        if xb > r.x1 {
            yb += xb - r.x1;
            xb = r.x1;
        }
        if xa < xb {
            p.line(&[(xa, ya), (xb, yb)], color, 1.0)?;
        }
        d += step;
    }
    Ok(())
}

/// What a capped grid leaves out, e.g. "The 15 touchpoints with the most events (of
/// 50,000) are drawn; …"; `None` for a complete grid.
fn heatmap_note(grid: &Grid, lang: Lang) -> Option<String> {
    let parts: Vec<String> = [
        cap_folded(
            lang,
            "chart.cap_touchpoints",
            grid.touchpoints_folded,
            grid.touchpoints_total,
        ),
        cap_folded(
            lang,
            "chart.cap_stages",
            grid.stages_folded,
            grid.stages_total,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn index_cells(grid: &Grid) -> HashMap<(&str, &str), &GridCell> {
    grid.cells
        .iter()
        .map(|c| ((c.stage.as_str(), c.touchpoint.as_str()), c))
        .collect()
}

/// A 7-step colour ramp labelled with the scale ends and midpoint, plus the empty swatch.
fn heat_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    area: Rect,
    scale: Scale,
    min_count: usize,
    lang: Lang,
) -> Result<(), ChartError> {
    let font = p.font_px(Size::Small);
    let sw = p.px(18.0);
    let h = (font * 0.8).round() as i32;
    let y = area.y0;
    let mut x = area.x0;
    // A scale end written at `x`; returns its width.
    let end_label = |value: f64, x: i32| -> Result<i32, ChartError> {
        let text = f::number(lang, value, 0);
        p.text(
            &text,
            (x, y + h / 2),
            Size::Small,
            p.theme.muted,
            Align::Left,
            Baseline::Middle,
        )?;
        Ok(label::text_width(&text, font) as i32)
    };
    x += end_label(scale.min, x)? + p.px(4.0);
    for i in 0..7 {
        let c = p.theme.diverging_at(i as f64 / 6.0);
        p.fill_rect(Rect::new(x + i * sw, y, x + (i + 1) * sw, y + h), c)?;
    }
    x += 7 * sw + p.px(4.0);
    x += end_label(scale.max, x)? + p.px(16.0);
    let empty = format!("– {}", t(lang, "chart.no_answers"));
    let thin = too_few(lang, min_count);
    let end = |x: i32, text: &str| x + sw + p.px(4.0) + label::text_width(text, font) as i32;
    // The swatches follow the ramp, wrapping to further lines from the chart's left edge
    // while the legend area has room (a phone needs two more lines).
    let left = p.px(8.0);
    let mut y = y;
    for (text, is_thin) in [(&empty, false), (&thin, true)] {
        if end(x, text) > area.x1 {
            x = left;
            y += h + p.px(5.0);
        }
        if end(x, text) > p.width || y + h > area.y1 {
            break;
        }
        legend_swatch(p, (x, y, sw, h), text, is_thin)?;
        x = end(x, text) + p.px(16.0);
    }
    Ok(())
}

/// A legend swatch at `(x, y, width, height)` and its text: the empty-cell grey, or a
/// faded, hatched red for "too few answers".
fn legend_swatch<DB: DrawingBackend>(
    p: &Painter<DB>,
    (x, y, w, h): (i32, i32, i32, i32),
    text: &str,
    thin: bool,
) -> Result<(), ChartError> {
    let r = Rect::new(x, y, x + w, y + h);
    if thin {
        p.fill_rect(r, p.theme.diverging_at(0.0).lerp(p.theme.background, 0.7))?;
        hatch(p, r, p.theme.axis)?;
    } else {
        p.fill_rect(r, p.theme.empty)?;
    }
    p.text(
        text,
        (x + w + p.px(4.0), y + h / 2),
        Size::Small,
        p.theme.muted,
        Align::Left,
        Baseline::Middle,
    )
}

/// One row per drawn cell that has events, in drawing order (touchpoint, then stage).
/// The experience map's column dimension in `lang`: "Touchpoint", "Channel", or the
/// header of the extra column the user picked.
pub fn columns_name(view: &crate::analytics::ExperienceView, lang: Lang) -> String {
    crate::present::message::dimension_named(lang, view.columns, view.columns_header.as_deref())
}

/// The grid as a table; `columns` names its column dimension ([`columns_name`]).
pub fn heatmap_table(grid: &Grid, columns: &str, lang: Lang) -> Table {
    let cells = index_cells(grid);
    let mut rows = Vec::new();
    for tp in &grid.touchpoints {
        for stage in &grid.stages {
            if let Some(c) = cells.get(&(stage.as_str(), tp.as_str())) {
                rows.push(vec![
                    stage.clone(),
                    tp.clone(),
                    f::or_na(lang, c.satisfaction_mean, |l, v| f::score(l, v, 2)),
                    f::int(lang, c.satisfaction_count as i64),
                    f::int(lang, c.events as i64),
                    f::int(lang, c.customers as i64),
                ]);
            }
        }
    }
    Table {
        caption: t(lang, "chart.heatmap_caption"),
        headers: vec![
            t(lang, "chart.stage"),
            columns.to_string(),
            t(lang, "chart.satisfaction"),
            t(lang, "chart.answers"),
            t(lang, "chart.events"),
            t(lang, "chart.customers"),
        ],
        rows,
    }
}

/// "Experience map of 5 stages × 12 touchpoints: lowest satisfaction 2.1 at Support ·
/// Phone, highest 4.6 at Purchase · Web." over the cells with at least `min_count`
/// answers, as drawn in full colour; then how many cells are faded for too few answers.
pub fn heatmap_summary(grid: &Grid, min_count: usize, lang: Lang) -> String {
    if let Some(what) = &grid.unavailable {
        return needs(lang, what);
    }
    let stages: std::collections::HashSet<&str> = grid.stages.iter().map(String::as_str).collect();
    let tps: std::collections::HashSet<&str> =
        grid.touchpoints.iter().map(String::as_str).collect();
    let mut lo: Option<(&GridCell, f64)> = None;
    let mut hi: Option<(&GridCell, f64)> = None;
    let mut thin = 0i64;
    for c in &grid.cells {
        if !stages.contains(c.stage.as_str()) || !tps.contains(c.touchpoint.as_str()) {
            continue;
        }
        let Some(m) = c.satisfaction_mean.filter(|m| m.is_finite()) else {
            continue;
        };
        if is_thin(c, min_count) {
            thin += 1;
            continue;
        }
        if lo.is_none_or(|(_, v)| m < v) {
            lo = Some((c, m));
        }
        if hi.is_none_or(|(_, v)| m > v) {
            hi = Some((c, m));
        }
    }
    let sentence = match (lo, hi) {
        (Some((l, lv)), Some((h, hv))) => trc(
            lang,
            "chart.heatmap_summary",
            &[
                ("stages", grid.stages.len().into()),
                ("touchpoints", grid.touchpoints.len().into()),
                ("low", Arg::Text(&f::score(lang, lv, 1))),
                (
                    "low_cell",
                    Arg::Text(&format!("{} · {}", l.stage, l.touchpoint)),
                ),
                ("high", Arg::Text(&f::score(lang, hv, 1))),
                (
                    "high_cell",
                    Arg::Text(&format!("{} · {}", h.stage, h.touchpoint)),
                ),
            ],
        ),
        _ if thin > 0 => t(lang, "fix.heatmap_all_thin"),
        _ => t(lang, "chart.no_data_sentence"),
    };
    let thin = (thin > 0).then(|| {
        trc(
            lang,
            "fix.heatmap_thin",
            &[
                ("n", Arg::Count(thin)),
                ("min", Arg::Count(min_count.max(1) as i64)),
            ],
        )
    });
    [Some(sentence), thin, heatmap_note(grid, lang)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------
// Emotion curve

/// Stage order: the overall curve's, then any stage only a persona has.
fn emotion_stages(curve: &EmotionCurve) -> Vec<String> {
    let mut stages: Vec<String> = curve.overall.iter().map(|p| p.stage.clone()).collect();
    // A set, not `contains` on the list: curves of thousands of stages.
    let mut seen: HashSet<&str> = curve.overall.iter().map(|p| p.stage.as_str()).collect();
    for pc in &curve.by_persona {
        for pt in &pc.points {
            if seen.insert(pt.stage.as_str()) {
                stages.push(pt.stage.clone());
            }
        }
    }
    stages
}

/// A curve's points by stage (the first one of each stage).
fn by_stage(points: &[EmotionPoint]) -> HashMap<&str, &EmotionPoint> {
    let mut m = HashMap::with_capacity(points.len());
    for p in points {
        m.entry(p.stage.as_str()).or_insert(p);
    }
    m
}

fn emotion_points(
    lang: Lang,
    stages: &[String],
    points: &[EmotionPoint],
    who: &str,
) -> Vec<LinePoint> {
    let points = by_stage(points);
    stages
        .iter()
        .map(|s| {
            let pt = points.get(s.as_str()).copied();
            let value = pt.and_then(|p| p.percent).filter(|v| v.is_finite());
            LinePoint {
                value,
                band: None,
                hollow: false,
                title: format!("{who} · {s}"),
                lines: vec![
                    labelled(
                        lang,
                        "chart.satisfaction_100",
                        f::or_na(lang, value, |l, v| f::number(l, v, 1)),
                    ),
                    labelled(
                        lang,
                        "chart.mean",
                        f::or_na(lang, pt.and_then(|p| p.mean), |l, v| f::score(l, v, 2)),
                    ),
                    labelled(
                        lang,
                        "chart.answers",
                        f::int(lang, pt.map(|p| p.count).unwrap_or(0) as i64),
                    ),
                ],
            }
        })
        .collect()
}

/// What the emotion chart leaves out: stages past [`MAX_CURVE_STAGES`] and personas folded
/// into "(others)" by the analytics.
fn emotion_note(curve: &EmotionCurve, stages: usize, lang: Lang) -> Option<String> {
    let parts: Vec<String> = [
        cap_shown(lang, "chart.cap_first_stages", MAX_CURVE_STAGES, stages),
        cap_folded(
            lang,
            "chart.cap_personas",
            curve.personas_folded,
            curve.personas_total,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Satisfaction (0–100) per stage: one thin line per persona and the overall line in bold.
pub fn draw_emotion<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    curve: &EmotionCurve,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let stages = emotion_stages(curve);
    let has_value = curve.overall.iter().any(|pt| pt.percent.is_some())
        || curve
            .by_persona
            .iter()
            .any(|pc| pc.points.iter().any(|pt| pt.percent.is_some()));
    if nothing_to_draw(
        &p,
        curve.unavailable.as_ref(),
        stages.is_empty() || !has_value,
        lang,
    )? {
        return Ok(p.finish());
    }
    let area = cap_note(
        &p,
        p.bounds(),
        emotion_note(curve, stages.len(), lang).as_deref(),
    )?;
    let stages = &stages[..stages.len().min(MAX_CURVE_STAGES)];
    let overall_name = t(lang, "chart.all_customers");
    let mut series: Vec<Series> = curve
        .by_persona
        .iter()
        .map(|pc| Series {
            name: pc.persona.clone(),
            // A persona keeps its colour in every chart; the overall line uses the text
            // colour so it can never be mistaken for one of them.
            color: theme.named(&pc.persona),
            width: (theme.line_width * 0.75).max(1.0),
            points: emotion_points(lang, stages, &pc.points, &pc.persona),
        })
        .collect();
    series.push(Series {
        name: overall_name.clone(),
        color: theme.text,
        width: theme.line_width * 1.75,
        points: emotion_points(lang, stages, &curve.overall, &overall_name),
    });
    let fmt = |v: f64| f::number(lang, v, 0);
    draw_line_chart(
        &mut p,
        area,
        stages,
        &series,
        YDomain::Fixed(0.0, 100.0),
        &fmt,
    )?;
    Ok(p.finish())
}

pub fn emotion_table(curve: &EmotionCurve, lang: Lang) -> Table {
    let stages = emotion_stages(curve);
    let mut headers = vec![t(lang, "chart.stage"), t(lang, "chart.all_customers")];
    headers.extend(curve.by_persona.iter().map(|pc| pc.persona.clone()));
    let overall = by_stage(&curve.overall);
    let personas: Vec<HashMap<&str, &EmotionPoint>> = curve
        .by_persona
        .iter()
        .map(|pc| by_stage(&pc.points))
        .collect();
    let val = |points: &HashMap<&str, &EmotionPoint>, s: &str| {
        f::or_na(lang, points.get(s).and_then(|p| p.percent), |l, v| {
            f::number(l, v, 1)
        })
    };
    let rows = stages
        .iter()
        .map(|s| {
            let mut row = vec![s.clone(), val(&overall, s)];
            row.extend(personas.iter().map(|pc| val(pc, s)));
            row
        })
        .collect();
    Table {
        caption: t(lang, "chart.emotion_caption"),
        headers,
        rows,
    }
}

/// "Satisfaction (0–100) along 5 stages: lowest 42.0 at Support, highest 81.5 at Purchase."
pub fn emotion_summary(curve: &EmotionCurve, lang: Lang) -> String {
    if let Some(what) = &curve.unavailable {
        return needs(lang, what);
    }
    let mut lo: Option<(&str, f64)> = None;
    let mut hi: Option<(&str, f64)> = None;
    for pt in &curve.overall {
        let Some(v) = pt.percent.filter(|v| v.is_finite()) else {
            continue;
        };
        if lo.is_none_or(|(_, x)| v < x) {
            lo = Some((&pt.stage, v));
        }
        if hi.is_none_or(|(_, x)| v > x) {
            hi = Some((&pt.stage, v));
        }
    }
    match (lo, hi) {
        (Some(l), Some(h)) => trc(
            lang,
            "chart.emotion_summary",
            &[
                ("n", curve.overall.len().into()),
                ("low", Arg::Text(&f::number(lang, l.1, 1))),
                ("low_stage", Arg::Text(l.0)),
                ("high", Arg::Text(&f::number(lang, h.1, 1))),
                ("high_stage", Arg::Text(h.0)),
            ],
        ),
        _ => t(lang, "chart.no_data_sentence"),
    }
}

// ---------------------------------------------------------------------------------------
// Hand-offs

fn share(lang: Lang, part: u64, total: u64) -> String {
    if total == 0 {
        f::not_available(lang)
    } else {
        f::percent(lang, part as f64 / total as f64 * 100.0)
    }
}

/// A `u64` tally as a plural-selecting count (saturating, never wrapping negative).
fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn others_label(lang: Lang, pairs: u64) -> String {
    trc(
        lang,
        "chart.others_pairs",
        &[("n", Arg::Count(count(pairs)))],
    )
}

/// The most frequent touchpoint-to-touchpoint transitions as bars, then one grey bar for
/// all other pairs so the shares add up to the total.
pub fn draw_handoffs<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    h: &Handoffs,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    let empty = h.top.is_empty() && h.others.as_ref().is_none_or(|o| o.count == 0);
    if nothing_to_draw(&p, h.unavailable.as_ref(), empty, lang)? {
        return Ok(p.finish());
    }
    let mut bars: Vec<HBar> = h
        .top
        .iter()
        .map(|x| {
            let name = format!("{} → {}", x.from, x.to);
            let pair = PairBar {
                count: x.count,
                customers: Some(x.customers),
                satisfaction_at_to: x.satisfaction_at_to,
            };
            pair.bar(&name, theme.series(0), h.total, lang)
        })
        .collect();
    if let Some(o) = h.others.as_ref().filter(|o| o.count > 0) {
        let pair = PairBar {
            count: o.count,
            customers: None,
            satisfaction_at_to: o.satisfaction_at_to,
        };
        bars.push(pair.bar(&others_label(lang, o.pairs), theme.axis, h.total, lang));
    }
    let area = p.bounds();
    draw_hbars(&mut p, area, &bars, None)?;
    Ok(p.finish())
}

/// What a hand-off bar shows: one pair, or all other pairs together (whose customers are
/// not known, as a customer may be in several of them).
struct PairBar {
    count: u64,
    customers: Option<u64>,
    satisfaction_at_to: Option<f64>,
}

impl PairBar {
    /// The bar with its count and share of `total`, and the tooltip lines.
    fn bar(&self, name: &str, color: Rgb, total: u64, lang: Lang) -> HBar {
        let count = f::int(lang, self.count as i64);
        let mut bar = HBar::new(
            name,
            self.count as f64,
            color,
            format!("{} · {}", count, share(lang, self.count, total)),
        );
        bar.lines = vec![
            labelled(lang, "chart.handoffs", count),
            labelled(lang, "chart.share", share(lang, self.count, total)),
        ];
        if let Some(c) = self.customers {
            bar.lines
                .push(labelled(lang, "chart.customers", f::int(lang, c as i64)));
        }
        bar.lines.push(labelled(
            lang,
            "chart.satisfaction_at_to",
            f::or_na(lang, self.satisfaction_at_to, |l, v| f::score(l, v, 2)),
        ));
        bar
    }
}

pub fn handoffs_table(h: &Handoffs, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = h
        .top
        .iter()
        .map(|x| {
            vec![
                x.from.clone(),
                x.to.clone(),
                f::int(lang, x.count as i64),
                share(lang, x.count, h.total),
                f::int(lang, x.customers as i64),
                f::or_na(lang, x.satisfaction_at_to, |l, v| f::score(l, v, 2)),
            ]
        })
        .collect();
    if let Some(o) = h.others.as_ref().filter(|o| o.count > 0) {
        rows.push(vec![
            others_label(lang, o.pairs),
            String::new(),
            f::int(lang, o.count as i64),
            share(lang, o.count, h.total),
            f::not_available(lang),
            f::or_na(lang, o.satisfaction_at_to, |l, v| f::score(l, v, 2)),
        ]);
    }
    Table {
        caption: t(lang, "chart.handoffs_caption"),
        headers: vec![
            t(lang, "chart.from"),
            t(lang, "chart.to"),
            t(lang, "chart.handoffs"),
            t(lang, "chart.share"),
            t(lang, "chart.customers"),
            t(lang, "chart.satisfaction_at_to"),
        ],
        rows,
    }
}

/// "1,234 hand-offs by 456 customers; the most frequent is Web → Phone (300, 24.3%)."
pub fn handoffs_summary(h: &Handoffs, lang: Lang) -> String {
    if let Some(what) = &h.unavailable {
        return needs(lang, what);
    }
    match h.top.first() {
        Some(x) => trc(
            lang,
            "chart.handoffs_summary",
            &[
                ("total", Arg::Count(count(h.total))),
                ("customers", Arg::Count(count(h.customers))),
                ("pair", Arg::Text(&format!("{} → {}", x.from, x.to))),
                ("count", Arg::Text(&f::int(lang, count(x.count)))),
                ("share", Arg::Text(&share(lang, x.count, h.total))),
            ],
        ),
        None => t(lang, "chart.no_data_sentence"),
    }
}
