//! Horizontal bar rows, the shape shared by the funnel, breakdown, time-to-convert and
//! hand-off charts: a label on the left (shortened, full text in the tooltip), a bar, and
//! the value written after it. Horizontal bars keep long stage names readable.

use super::axes;
use super::layout::{nice_ticks, Bands, Linear, Rect};
use super::painter::{Align, Baseline, Painter, Size};
use super::theme::Rgb;
use super::ChartError;
use plotters::prelude::DrawingBackend;

/// One row.
#[derive(Debug, Clone)]
pub struct HBar {
    pub label: String,
    pub value: f64,
    pub color: Rgb,
    /// Written after the bar.
    pub value_text: String,
    /// A pale bar behind, e.g. the previous funnel step, so the drop-off is visible.
    pub ghost: Option<f64>,
    /// An interval drawn as a whisker across the bar end.
    pub whisker: Option<(f64, f64)>,
    /// A second statistic drawn as a tick mark (e.g. the mean next to a median bar).
    pub marker: Option<f64>,
    pub title: String,
    pub lines: Vec<String>,
}

impl HBar {
    pub fn new(label: &str, value: f64, color: Rgb, value_text: String) -> HBar {
        HBar {
            label: label.to_string(),
            value: if value.is_finite() {
                value.max(0.0)
            } else {
                0.0
            },
            color,
            value_text,
            ghost: None,
            whisker: None,
            marker: None,
            title: label.to_string(),
            lines: Vec::new(),
        }
    }
}

/// Draws the rows top to bottom in the given order. `axis` adds value ticks at the bottom.
pub fn draw_hbars<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    area: Rect,
    bars: &[HBar],
    axis: Option<&dyn Fn(f64) -> String>,
) -> Result<(), ChartError> {
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let (left, max_chars) = axes::left_label_room(p, &labels);
    let font = p.font_px(Size::Small);
    let longest_value = bars
        .iter()
        .map(|b| b.value_text.chars().count())
        .max()
        .unwrap_or(0);
    let right =
        ((longest_value as f64 * font * 0.6).ceil() as i32 + p.px(10.0)).min(area.width() / 3);
    let bottom = if axis.is_some() {
        (font * 1.6).ceil() as i32
    } else {
        0
    };
    let plot = Rect::new(
        area.x0 + left,
        area.y0 + p.px(6.0),
        area.x1 - right,
        area.y1 - bottom - p.px(4.0),
    );
    if plot.is_degenerate() {
        // Too small to draw anything legible; the table and summary still carry the data.
        return Ok(());
    }
    let (ticks, top) = value_ticks(bars, axis.is_some());
    let x = Linear::new(0.0, top, plot.x0 as f64, plot.x1 as f64);
    if let Some(fmt) = axis {
        axes::x_value_axis(p, plot, &x, &ticks, fmt)?;
    }
    let rows = Bands::new(bars.len(), plot.y0, plot.y1, 0.3);
    axes::y_category_labels(p, plot, &rows, &labels, max_chars)?;
    let show_values = rows.step_px() >= font * 0.9;
    for (i, b) in bars.iter().enumerate() {
        draw_row(p, plot, &x, rows.span(i), b, show_values)?;
    }
    p.line(&[(plot.x0, plot.y0), (plot.x0, plot.y1)], p.theme.axis, 1.0)?;
    Ok(())
}

/// The value ticks and the end of the value axis: the last tick when the axis is drawn,
/// else the largest value (bar, ghost, whisker or marker), 1 when there is none.
fn value_ticks(bars: &[HBar], with_axis: bool) -> (Vec<f64>, f64) {
    let max = bars
        .iter()
        .flat_map(|b| [Some(b.value), b.ghost, b.whisker.map(|w| w.1), b.marker])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let ticks = nice_ticks(0.0, if max > 0.0 { max } else { 1.0 }, 4);
    let top = if with_axis {
        ticks.last().copied().unwrap_or(1.0)
    } else if max > 0.0 {
        max
    } else {
        1.0
    };
    (ticks, top)
}

/// One row between `y0` and `y1`: the ghost behind, the bar, its whisker and marker, the
/// value text after whichever ends last, and the row's tooltip.
fn draw_row<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    plot: Rect,
    x: &Linear,
    (y0, y1): (i32, i32),
    b: &HBar,
    show_values: bool,
) -> Result<(), ChartError> {
    if let Some(g) = b.ghost {
        p.fill_rect(
            Rect::new(plot.x0, y0, x.px(g.max(0.0)).max(plot.x0 + 1), y1),
            p.theme.grid,
        )?;
    }
    let bar = Rect::new(plot.x0, y0, x.px(b.value).max(plot.x0 + 1), y1);
    p.fill_rect(bar, b.color)?;
    let mut end = bar.x1;
    if let Some((lo, hi)) = b.whisker {
        let (xl, xh) = (x.px(lo.max(0.0)), x.px(hi.max(0.0)));
        let cy = (y0 + y1) / 2;
        let cap = ((y1 - y0) / 4).max(1);
        p.line(&[(xl, cy), (xh, cy)], p.theme.text, 1.0)?;
        p.line(&[(xl, cy - cap), (xl, cy + cap)], p.theme.text, 1.0)?;
        p.line(&[(xh, cy - cap), (xh, cy + cap)], p.theme.text, 1.0)?;
        end = end.max(xh);
    }
    if let Some(m) = b.marker {
        let xm = x.px(m.max(0.0));
        p.line(
            &[(xm, y0 - p.px(2.0)), (xm, y1 + p.px(2.0))],
            p.theme.text,
            2.5,
        )?;
        end = end.max(xm);
    }
    if show_values {
        p.text(
            &b.value_text,
            (end + p.px(5.0), (y0 + y1) / 2),
            Size::Small,
            p.theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
    }
    let hit = Rect::new(plot.x0, y0, bar.x1.max(end).max(plot.x0 + p.px(8.0)), y1);
    p.hit(hit, b.title.clone(), b.lines.clone());
    Ok(())
}
