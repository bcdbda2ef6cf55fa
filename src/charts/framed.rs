//! A chart with its context drawn above it, for "Download PNG".
//!
//! A picture pasted into a slide deck travels without the page around it: without the
//! chart's title, the dataset, the filters and the day, "64% convert" says nothing and
//! may say something false (it was one channel, last March). So the downloaded image
//! carries them in a heading band, drawn with the chart's own theme and fonts.

use super::label::{chars_that_fit, one_line};
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::theme::Theme;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the heading says: the chart's title, then context lines (dataset and date,
/// filters), already in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    pub lines: Vec<String>,
}

/// Longest a context line may wrap to; a filter on forty values ends in "…".
const MAX_WRAPPED: usize = 3;

/// CSS px of padding around the heading, and between its lines.
const PAD: f64 = 12.0;
const GAP: f64 = 4.0;

impl Heading {
    /// The lines as drawn on a `css_width` wide image: each context line wrapped at word
    /// boundaries to at most [`MAX_WRAPPED`] lines, the last cut with "…".
    pub fn wrapped(&self, css_width: f64, theme: &Theme) -> Vec<String> {
        let fit = chars_that_fit(css_width - 2.0 * PAD, theme.font_small).max(8);
        self.lines
            .iter()
            .flat_map(|l| wrap(&one_line(l), fit))
            .collect()
    }

    /// CSS px height of the heading band on a `css_width` wide image.
    pub fn css_height(&self, css_width: f64, theme: &Theme) -> f64 {
        let lines = self.wrapped(css_width, theme).len() as f64;
        2.0 * PAD + theme.font_large + lines * (theme.font_small + GAP) + GAP
    }
}

/// Splits `text` into lines of at most `fit` characters at spaces.
fn wrap(text: &str, fit: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > fit {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    if lines.len() > MAX_WRAPPED {
        lines.truncate(MAX_WRAPPED);
        let last = &mut lines[MAX_WRAPPED - 1];
        let keep: String = last.chars().take(fit.saturating_sub(1)).collect();
        *last = format!("{keep}…");
    }
    lines
        .into_iter()
        .map(|l| {
            if l.chars().count() > fit {
                super::label::truncate(&l, fit)
            } else {
                l
            }
        })
        .collect()
}

/// Draws `heading` at the top of `area` and the chart below it with `draw`; the area
/// must be [`Heading::css_height`] taller than the chart should be.
pub fn draw_framed<DB: DrawingBackend, E: std::fmt::Display>(
    area: &DrawingArea<DB, Shift>,
    heading: &Heading,
    theme: &Theme,
    draw: impl FnOnce(&DrawingArea<DB, Shift>) -> Result<ChartMap, E>,
) -> Result<(), String> {
    let (w, _) = area.dim_in_pixel();
    let css_width = w as f64 / theme.safe_scale();
    let band = theme.ipx(heading.css_height(css_width, theme));
    let (top, chart) = area.split_vertically(band);
    draw_heading(&top, heading, css_width, theme).map_err(|e| e.to_string())?;
    draw(&chart).map(|_| ()).map_err(|e| e.to_string())
}

fn draw_heading<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    heading: &Heading,
    css_width: f64,
    theme: &Theme,
) -> Result<(), ChartError> {
    let p = Painter::new(area, theme)?;
    let x = p.px(PAD);
    let mut y = p.px(PAD);
    p.bold_text(
        &heading.title,
        (x, y),
        Size::Large,
        theme.text,
        Align::Left,
        Baseline::Top,
    )?;
    y += p.font_px(Size::Large).round() as i32 + p.px(GAP);
    for line in heading.wrapped(css_width, theme) {
        p.text(
            &line,
            (x, y),
            Size::Small,
            theme.muted,
            Align::Left,
            Baseline::Top,
        )?;
        y += p.px(theme.font_small + GAP);
    }
    p.line(
        &[(x, p.height - 1), (p.width - x, p.height - 1)],
        theme.grid,
        1.0,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_spaces_and_end_in_an_ellipsis_after_three() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(
            wrap("aaaa bbbb cccc dddd", 9),
            vec!["aaaa bbbb", "cccc dddd"]
        );
        assert_eq!(
            wrap("one two three four five six", 5),
            vec!["one", "two", "thre…"]
        );
        assert_eq!(wrap("", 5), vec![""]);
    }
}
