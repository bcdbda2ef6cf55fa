//! Axes, grid lines and category labels shared by the charts.

use super::label;
use super::layout::{Bands, Linear, Rect};
use super::painter::{Align, Baseline, Painter, Size};
use super::ChartError;
use plotters::prelude::DrawingBackend;

/// Horizontal grid lines with value labels left of the plot.
pub fn y_value_axis<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    y: &Linear,
    ticks: &[f64],
    fmt: &dyn Fn(f64) -> String,
) -> Result<(), ChartError> {
    let gap = p.px(6.0);
    for &v in ticks {
        let py = y.px(v);
        if py < plot.y0 - 1 || py > plot.y1 + 1 {
            continue;
        }
        p.line(&[(plot.x0, py), (plot.x1, py)], p.theme.grid, 1.0)?;
        p.text(
            &fmt(v),
            (plot.x0 - gap, py),
            Size::Small,
            p.theme.muted,
            Align::Right,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

/// Vertical grid lines with value labels under the plot.
pub fn x_value_axis<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    x: &Linear,
    ticks: &[f64],
    fmt: &dyn Fn(f64) -> String,
) -> Result<(), ChartError> {
    let gap = p.px(4.0);
    for &v in ticks {
        let px = x.px(v);
        if px < plot.x0 - 1 || px > plot.x1 + 1 {
            continue;
        }
        p.line(&[(px, plot.y0), (px, plot.y1)], p.theme.grid, 1.0)?;
        p.text(
            &fmt(v),
            (px, plot.y1 + gap),
            Size::Small,
            p.theme.muted,
            Align::Center,
            Baseline::Top,
        )?;
    }
    Ok(())
}

/// Category names centred under each band, shortened to the band width. When bands are
/// too narrow for even a few characters only every k-th label is written.
pub fn x_category_labels<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    bands: &Bands,
    labels: &[String],
) -> Result<(), ChartError> {
    let font = p.font_px(Size::Small);
    let fit = label::chars_that_fit(bands.step_px() * 0.95, font);
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    // Short labels such as periods ("2025-03", "2025-W05", and as Polish writes a quarter,
    // "III kw. 2025") read better whole and thinned out than cut to "2025-…"; long names
    // are shortened instead.
    let periods = labels.iter().all(|l| l.chars().any(|c| c.is_ascii_digit()));
    let short = longest <= 10 || (periods && longest <= 14);
    let (every, max_chars) = if longest > fit && short {
        let need = label::text_width(&"0".repeat(longest + 1), font);
        (
            (need / bands.step_px().max(1.0)).ceil().max(1.0) as usize,
            longest,
        )
    } else if fit >= 4 {
        (1, fit)
    } else {
        let every = (4.0 * font * 0.6 / bands.step_px().max(1.0)).ceil() as usize;
        (every.max(1), 4 * every.max(1))
    };
    let max_chars = max_chars.min(28);
    for (i, name) in labels.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        p.text(
            &label::truncate(name, max_chars),
            (bands.center(i), plot.y1 + p.px(4.0)),
            Size::Small,
            p.theme.text,
            Align::Center,
            Baseline::Top,
        )?;
    }
    Ok(())
}

/// Category names right-aligned left of each band (horizontal bar charts, heat-map rows).
pub fn y_category_labels<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    bands: &Bands,
    labels: &[String],
    max_chars: usize,
) -> Result<(), ChartError> {
    let line_h = p.font_px(Size::Small) * 1.1;
    // With many rows, skip labels rather than overprint them.
    let every = if bands.step_px() >= line_h {
        1
    } else {
        (line_h / bands.step_px().max(0.5)).ceil() as usize
    };
    for (i, name) in labels.iter().enumerate() {
        if i % every.max(1) != 0 {
            continue;
        }
        p.text(
            &label::truncate(name, max_chars),
            (plot.x0 - p.px(6.0), bands.center(i)),
            Size::Small,
            p.theme.text,
            Align::Right,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

/// Room for category labels on the left: enough for the longest label up to a third of the
/// width, returned as (pixels, max characters).
pub fn left_label_room<DB: DrawingBackend>(p: &Painter<DB>, labels: &[String]) -> (i32, usize) {
    let font = p.font_px(Size::Small);
    let longest = labels
        .iter()
        .map(|l| label::one_line(l).chars().count())
        .max()
        .unwrap_or(0)
        .max(3);
    let cap = label::chars_that_fit(p.width as f64 / 3.0, font).max(4);
    let chars = longest.min(cap).min(32);
    let px = (chars as f64 * font * 0.6).ceil() as i32 + p.px(12.0);
    (px, chars)
}

/// Room left of the plot for numeric tick labels.
pub fn value_label_room<DB: DrawingBackend>(p: &Painter<DB>, samples: &[String]) -> i32 {
    let font = p.font_px(Size::Small);
    let longest = samples.iter().map(|s| s.chars().count()).max().unwrap_or(1);
    (longest as f64 * font * 0.6).ceil() as i32 + p.px(10.0)
}

/// A horizontal legend of coloured squares, wrapping is not attempted: entries that do not
/// fit are dropped from the legend (they remain in tooltips and the table).
pub fn legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    top_left: (i32, i32),
    max_width: i32,
    entries: &[(String, super::theme::Rgb)],
) -> Result<(), ChartError> {
    let font = p.font_px(Size::Small);
    let sq = (font * 0.8).round() as i32;
    let mut x = top_left.0;
    let y = top_left.1;
    for (name, color) in entries {
        let text = label::truncate(name, 18);
        let w = sq + p.px(4.0) + label::text_width(&text, font).ceil() as i32 + p.px(12.0);
        if x + w > top_left.0 + max_width {
            break;
        }
        p.fill_rect(Rect::new(x, y, x + sq, y + sq), *color)?;
        p.text(
            &text,
            (x + sq + p.px(4.0), y + sq / 2),
            Size::Small,
            p.theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
        x += w;
    }
    Ok(())
}
