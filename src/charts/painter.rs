//! A thin drawing layer over a plotters area that records hit regions as it draws.
//!
//! All charts draw through it so that colours, fonts and the HiDPI scale are applied the
//! same way everywhere, and so that a hit region is always registered with the exact
//! rectangle that was drawn.

use super::label;
use super::layout::Rect;
use super::map::{ChartMap, Hit};
use super::theme::{Rgb, Theme};
use super::ChartError;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Vertical anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// Relative text size, resolved through the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Small,
    Normal,
    Large,
}

pub struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    pub theme: &'a Theme,
    base: (i32, i32),
    pub width: i32,
    pub height: i32,
    hits: Vec<Hit>,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// Clears the area with the theme background.
    pub fn new(area: &'a DrawingArea<DB, Shift>, theme: &'a Theme) -> Result<Self, ChartError> {
        area.fill(&theme.background.to_plotters())?;
        let (w, h) = area.dim_in_pixel();
        Ok(Painter {
            area,
            theme,
            base: area.get_base_pixel(),
            width: w.min(i32::MAX as u32) as i32,
            height: h.min(i32::MAX as u32) as i32,
            hits: Vec::new(),
        })
    }

    pub fn bounds(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    /// CSS pixels → backend pixels.
    pub fn px(&self, css: f64) -> i32 {
        self.theme.px(css).round() as i32
    }

    /// Font size in backend pixels.
    pub fn font_px(&self, size: Size) -> f64 {
        let css = match size {
            Size::Small => self.theme.font_small,
            Size::Normal => self.theme.font_normal,
            Size::Large => self.theme.font_large,
        };
        let css = if css.is_finite() && css > 0.0 {
            css
        } else {
            12.0
        };
        self.theme.px(css)
    }

    pub fn fill_rect(&self, r: Rect, color: Rgb) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new(
            [(r.x0, r.y0), (r.x1, r.y1)],
            color.to_plotters().filled(),
        ))?;
        Ok(())
    }

    pub fn fill_rect_alpha(&self, r: Rect, color: Rgb, alpha: f64) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new(
            [(r.x0, r.y0), (r.x1, r.y1)],
            color.to_plotters().mix(alpha).filled(),
        ))?;
        Ok(())
    }

    pub fn stroke_rect(&self, r: Rect, color: Rgb, css_width: f64) -> Result<(), ChartError> {
        let style = ShapeStyle::from(color.to_plotters()).stroke_width(self.stroke(css_width));
        self.area
            .draw(&Rectangle::new([(r.x0, r.y0), (r.x1, r.y1)], style))?;
        Ok(())
    }

    fn stroke(&self, css_width: f64) -> u32 {
        self.theme.ipx(css_width).max(1) as u32
    }

    pub fn line(
        &self,
        points: &[(i32, i32)],
        color: Rgb,
        css_width: f64,
    ) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let style = ShapeStyle::from(color.to_plotters()).stroke_width(self.stroke(css_width));
        self.area.draw(&PathElement::new(points.to_vec(), style))?;
        Ok(())
    }

    /// A dashed line, for reference lines (medians, targets) that must not look like data.
    pub fn dashed(
        &self,
        points: &[(i32, i32)],
        color: Rgb,
        css_width: f64,
    ) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let style = ShapeStyle::from(color.to_plotters()).stroke_width(self.stroke(css_width));
        let dash = self.px(5.0).max(1);
        let gap = self.px(4.0).max(1);
        self.area.draw(&DashedPathElement::new(
            points.iter().copied(),
            dash,
            gap,
            style,
        ))?;
        Ok(())
    }

    pub fn polygon(&self, points: &[(i32, i32)], color: Rgb, alpha: f64) -> Result<(), ChartError> {
        if points.len() < 3 {
            return Ok(());
        }
        self.area.draw(&Polygon::new(
            points.to_vec(),
            color.to_plotters().mix(alpha).filled(),
        ))?;
        Ok(())
    }

    /// A filled dot with a background-coloured ring so overlapping points stay distinct.
    pub fn dot(&self, center: (i32, i32), css_radius: f64, color: Rgb) -> Result<(), ChartError> {
        let r = self.px(css_radius).max(1);
        self.area.draw(&Circle::new(
            center,
            r + self.px(1.0).max(1),
            self.theme.background.to_plotters().filled(),
        ))?;
        self.area
            .draw(&Circle::new(center, r, color.to_plotters().filled()))?;
        Ok(())
    }

    /// A hollow dot, for values still filling up (the current, incomplete period).
    pub fn ring(&self, center: (i32, i32), css_radius: f64, color: Rgb) -> Result<(), ChartError> {
        let r = self.px(css_radius).max(1);
        self.area.draw(&Circle::new(
            center,
            r,
            self.theme.background.to_plotters().filled(),
        ))?;
        let style = ShapeStyle::from(color.to_plotters()).stroke_width(self.stroke(1.5));
        self.area.draw(&Circle::new(center, r, style))?;
        Ok(())
    }

    pub fn text(
        &self,
        text: &str,
        at: (i32, i32),
        size: Size,
        color: Rgb,
        align: Align,
        baseline: Baseline,
    ) -> Result<(), ChartError> {
        self.styled_text(text, at, size, color, align, baseline, false)
    }

    pub fn bold_text(
        &self,
        text: &str,
        at: (i32, i32),
        size: Size,
        color: Rgb,
        align: Align,
        baseline: Baseline,
    ) -> Result<(), ChartError> {
        self.styled_text(text, at, size, color, align, baseline, true)
    }

    #[allow(clippy::too_many_arguments)]
    fn styled_text(
        &self,
        text: &str,
        at: (i32, i32),
        size: Size,
        color: Rgb,
        align: Align,
        baseline: Baseline,
        bold: bool,
    ) -> Result<(), ChartError> {
        let clean = label::one_line(text);
        if clean.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let v = match baseline {
            Baseline::Top => VPos::Top,
            Baseline::Middle => VPos::Center,
            Baseline::Bottom => VPos::Bottom,
        };
        let style = TextStyle {
            font: FontDesc::new(
                FontFamily::Name(&self.theme.font_family),
                self.font_px(size),
                if bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                },
            ),
            color: color.to_plotters().to_backend_color(),
            pos: Pos::new(h, v),
        };
        self.area.draw(&Text::new(clean, at, style))?;
        Ok(())
    }

    /// Registers a pointer region, translated from area to backend pixels.
    pub fn hit(&mut self, r: Rect, title: impl Into<String>, lines: Vec<String>) {
        self.hit_keyed(r, None, title, lines);
    }

    /// A pointer region that can also be clicked: `key` says what it selects.
    pub fn hit_keyed(
        &mut self,
        r: Rect,
        key: Option<String>,
        title: impl Into<String>,
        lines: Vec<String>,
    ) {
        let (x0, x1) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (y0, y1) = (r.y0.min(r.y1), r.y0.max(r.y1));
        self.hits.push(Hit {
            x0: x0 + self.base.0,
            y0: y0 + self.base.1,
            x1: x1 + self.base.0,
            y1: y1 + self.base.1,
            title: title.into(),
            lines,
            key,
        });
    }

    /// A square hit region around a point, big enough to catch a finger.
    pub fn point_hit(&mut self, at: (i32, i32), title: impl Into<String>, lines: Vec<String>) {
        let r = self.px(7.0).max(2);
        self.hit(
            Rect::new(at.0 - r, at.1 - r, at.0 + r, at.1 + r),
            title,
            lines,
        );
    }

    /// A centred message instead of a chart (no data, missing column).
    pub fn message(&self, text: &str) -> Result<(), ChartError> {
        let max = label::chars_that_fit(self.width as f64 * 0.9, self.font_px(Size::Large)).max(8);
        self.text(
            &label::truncate(text, max),
            (self.width / 2, self.height / 2),
            Size::Large,
            self.theme.muted,
            Align::Center,
            Baseline::Middle,
        )
    }

    pub fn finish(self) -> ChartMap {
        ChartMap {
            width: self.width.max(0) as u32,
            height: self.height.max(0) as u32,
            hits: self.hits,
        }
    }
}
