//! Line charts over ordered categories (periods, stages): the shape shared by the cohort
//! trend, the NPS trend and the emotion curve. Missing values break the line instead of
//! being drawn as zero, which would read as a collapse.

use super::axes;
use super::layout::{nice_ticks, Bands, Linear, Rect};
use super::painter::{Painter, Size};
use super::theme::Rgb;
use super::ChartError;
use plotters::prelude::DrawingBackend;

/// One point of a series; `band` is an uncertainty range drawn as a shaded area.
#[derive(Debug, Clone)]
pub struct LinePoint {
    pub value: Option<f64>,
    pub band: Option<(f64, f64)>,
    /// Drawn as a ring: a value still filling up (current period).
    pub hollow: bool,
    pub title: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    /// Stroke width in CSS pixels; the overall line is drawn thicker than its parts.
    pub width: f64,
    pub points: Vec<LinePoint>,
}

/// How the value axis is chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YDomain {
    /// Fit the data (and bands) with round ticks; `zero` forces 0 into the range.
    Auto { zero: bool },
    /// A known scale, e.g. 0–100.
    Fixed(f64, f64),
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// Draws `series` over `categories` inside `area`; a legend is added for several series.
pub fn draw_line_chart<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    area: Rect,
    categories: &[String],
    series: &[Series],
    y_domain: YDomain,
    fmt: &dyn Fn(f64) -> String,
) -> Result<(), ChartError> {
    let (ticks, (y_min, y_max)) = y_ticks(series, y_domain);
    let labels: Vec<String> = ticks.iter().map(|v| fmt(*v)).collect();
    let left = axes::value_label_room(p, &labels);
    let font = p.font_px(Size::Small);
    let legend_h = if series.len() > 1 {
        (font * 1.6).ceil() as i32
    } else {
        0
    };
    let plot = Rect::new(
        area.x0 + left,
        area.y0 + legend_h + p.px(8.0),
        area.x1 - p.px(12.0),
        area.y1 - (font * 1.8).ceil() as i32,
    );
    if plot.is_degenerate() {
        return Ok(());
    }
    let y = Linear::new(y_min, y_max, plot.y1 as f64, plot.y0 as f64);
    axes::y_value_axis(p, plot, &y, &ticks, fmt)?;
    let bands = Bands::new(categories.len(), plot.x0, plot.x1, 0.0);
    axes::x_category_labels(p, plot, &bands, categories)?;
    p.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], p.theme.axis, 1.0)?;
    if series.len() > 1 {
        let entries: Vec<(String, Rgb)> =
            series.iter().map(|s| (s.name.clone(), s.color)).collect();
        axes::legend(p, (plot.x0, area.y0 + p.px(2.0)), plot.width(), &entries)?;
    }
    let at = Place {
        bands,
        y,
        y_min,
        y_max,
    };
    // Bands first, so every line stays on top of every band.
    for s in series {
        draw_bands(p, s, &at)?;
    }
    for s in series {
        for run in runs(&s.points, |pt| finite(pt.value).is_some()) {
            let pts: Vec<(i32, i32)> = run
                .iter()
                .filter_map(|&i| finite(s.points[i].value).map(|v| at.point(i, v)))
                .collect();
            p.line(&pts, s.color, s.width)?;
        }
    }
    for s in series {
        for (i, pt) in s.points.iter().enumerate() {
            if let Some(v) = finite(pt.value) {
                let at = at.point(i, v);
                if pt.hollow {
                    p.ring(at, 3.5, s.color)?;
                } else {
                    p.dot(at, (s.width + 1.5).max(3.0), s.color)?;
                }
                p.point_hit(at, pt.title.clone(), pt.lines.clone());
            }
        }
    }
    Ok(())
}

/// The value axis' ticks and its domain: the fixed scale, or round ticks around every
/// value and band (0 included when asked; 0–1 when there is no value at all).
fn y_ticks(series: &[Series], y_domain: YDomain) -> (Vec<f64>, (f64, f64)) {
    let values = series.iter().flat_map(|s| {
        s.points.iter().flat_map(|pt| {
            [
                finite(pt.value),
                finite(pt.band.map(|b| b.0)),
                finite(pt.band.map(|b| b.1)),
            ]
        })
    });
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.flatten() {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    match y_domain {
        YDomain::Fixed(a, b) => {
            let ticks = nice_ticks(a, b, 4)
                .into_iter()
                .filter(|t| *t >= a.min(b) - 1e-9 && *t <= a.max(b) + 1e-9)
                .collect();
            (ticks, (a.min(b), a.max(b)))
        }
        YDomain::Auto { zero } => {
            if !lo.is_finite() {
                lo = 0.0;
                hi = 1.0;
            }
            if zero {
                lo = lo.min(0.0);
                hi = hi.max(0.0);
            }
            let ticks = nice_ticks(lo, hi, 4);
            let domain = (
                ticks.first().copied().unwrap_or(0.0),
                ticks.last().copied().unwrap_or(1.0),
            );
            (ticks, domain)
        }
    }
}

/// Where a category's value is drawn: the category's band centre, the value clamped to the
/// axis.
struct Place {
    bands: Bands,
    y: Linear,
    y_min: f64,
    y_max: f64,
}

impl Place {
    fn point(&self, i: usize, v: f64) -> (i32, i32) {
        (
            self.bands.center(i),
            self.y.px(v.clamp(self.y_min, self.y_max)),
        )
    }
}

/// The series' uncertainty bands as shaded areas; a lone band is an error bar.
fn draw_bands<DB: DrawingBackend>(
    p: &Painter<DB>,
    s: &Series,
    at: &Place,
) -> Result<(), ChartError> {
    for run in runs(&s.points, |pt| {
        pt.band
            .filter(|b| b.0.is_finite() && b.1.is_finite())
            .is_some()
    }) {
        let mut poly: Vec<(i32, i32)> = Vec::with_capacity(run.len() * 2);
        for &i in &run {
            if let Some((a, _)) = s.points[i].band {
                poly.push(at.point(i, a));
            }
        }
        for &i in run.iter().rev() {
            if let Some((_, b)) = s.points[i].band {
                poly.push(at.point(i, b));
            }
        }
        if run.len() == 1 {
            // A lone band is an error bar.
            if let (Some(&(x, y0)), Some(&(_, y1))) = (poly.first(), poly.last()) {
                p.line(&[(x, y0), (x, y1)], s.color, 3.0)?;
            }
        } else {
            p.polygon(&poly, s.color, 0.18)?;
        }
    }
    Ok(())
}

/// Indices grouped into maximal runs of consecutive points satisfying `keep`.
fn runs(points: &[LinePoint], keep: impl Fn(&LinePoint) -> bool) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for (i, pt) in points.iter().enumerate() {
        if keep(pt) {
            cur.push(i);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
