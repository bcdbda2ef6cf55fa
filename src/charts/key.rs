//! A key above a chart for marks no series name explains: error bars, shaded bands, tick
//! marks, reference lines, open rings and significance stars. Without it a reader has to guess what a whisker means.

use super::label;
use super::layout::Rect;
use super::painter::{Align, Baseline, Painter, Size};
use super::theme::Rgb;
use super::ChartError;
use plotters::prelude::DrawingBackend;

/// How an entry of the key is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A horizontal error bar with end caps (a 95 % interval).
    Whisker,
    /// A shaded band around a line (a margin of error).
    Band(Rgb),
    /// A short vertical tick (a second statistic, e.g. the mean).
    Tick,
    /// A filled bar (the main statistic, e.g. the median).
    Bar(Rgb),
    /// The text "*" written after a value.
    Star,
    /// A vertical error bar with end caps, in the given colour (an interval drawn upright,
    /// as on the priority matrix).
    UpWhisker(Rgb),
    /// A dashed line (a reference such as a median).
    Dashed,
    /// An open ring in the given colour (a point whose position is unclear).
    Ring(Rgb),
}

/// Draws `items` left to right at the top of `area`, wrapping onto further lines when
/// they do not fit, and returns the area left below the key.
pub fn draw_key<DB: DrawingBackend>(
    p: &Painter<DB>,
    area: Rect,
    items: &[(Mark, String)],
) -> Result<Rect, ChartError> {
    if items.is_empty() {
        return Ok(area);
    }
    let font = p.font_px(Size::Small);
    let line_h = (font * 1.6).ceil() as i32;
    let glyph = p.px(16.0);
    let gap = p.px(4.0);
    let (mut x, mut y) = (area.x0 + p.px(2.0), area.y0 + p.px(2.0));
    for (mark, text) in items {
        let room = (area.x1 - area.x0 - glyph - gap).max(1) as f64;
        let text = label::truncate(text, label::chars_that_fit(room, font).max(8));
        let w = glyph + gap + label::text_width(&text, font).ceil() as i32 + p.px(12.0);
        if x + w > area.x1 && x > area.x0 + p.px(2.0) {
            x = area.x0 + p.px(2.0);
            y += line_h;
        }
        let cy = y + line_h / 2;
        draw_mark(p, *mark, (x, cy), glyph)?;
        p.text(
            &text,
            (x + glyph + gap, cy),
            Size::Small,
            p.theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
        x += w;
    }
    let used = y + line_h - area.y0 + p.px(4.0);
    Ok(Rect::new(area.x0, area.y0 + used, area.x1, area.y1))
}

fn draw_mark<DB: DrawingBackend>(
    p: &Painter<DB>,
    mark: Mark,
    (x, cy): (i32, i32),
    w: i32,
) -> Result<(), ChartError> {
    let cap = p.px(4.0);
    let ink = p.theme.text;
    match mark {
        Mark::Whisker => {
            p.line(&[(x, cy), (x + w, cy)], ink, 1.0)?;
            p.line(&[(x, cy - cap), (x, cy + cap)], ink, 1.0)?;
            p.line(&[(x + w, cy - cap), (x + w, cy + cap)], ink, 1.0)?;
        }
        Mark::Band(color) => {
            p.fill_rect_alpha(Rect::new(x, cy - cap, x + w, cy + cap), color, 0.18)?;
            p.line(&[(x, cy), (x + w, cy)], color, 2.0)?;
        }
        Mark::Tick => {
            let m = x + w / 2;
            p.line(&[(m, cy - cap - 1), (m, cy + cap + 1)], ink, 2.5)?;
        }
        Mark::Bar(color) => p.fill_rect(Rect::new(x, cy - cap, x + w, cy + cap), color)?,
        Mark::UpWhisker(color) => {
            let m = x + w / 2;
            p.line(&[(m, cy - cap - 2), (m, cy + cap + 2)], color, 1.5)?;
            for y in [cy - cap - 2, cy + cap + 2] {
                p.line(&[(m - cap + 1, y), (m + cap - 1, y)], color, 1.5)?;
            }
        }
        Mark::Dashed => p.dashed(&[(x, cy), (x + w, cy)], p.theme.axis, 1.0)?,
        Mark::Ring(color) => p.ring((x + w / 2, cy), 4.5, color)?,
        Mark::Star => p.text(
            "*",
            (x + w / 2, cy),
            Size::Normal,
            ink,
            Align::Center,
            Baseline::Middle,
        )?,
    }
    Ok(())
}
