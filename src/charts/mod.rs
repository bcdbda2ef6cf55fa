//! Pure drawing functions, generic over plotters backends.
//!
//! Every chart is a function `draw_*(area, data, theme, lang) -> Result<ChartMap, ChartError>`
//! that draws one analytics view on any [`DrawingBackend`] (SVG in tests and exports, the
//! browser canvas in the UI) and returns its hit regions for tooltips. Next to each sits
//! `*_table` (the drawn data as text, for "Show data" and CSV) and `*_summary` (one
//! sentence for screen readers). Layout is computed by hand in pixels (see [`layout`]) and
//! elements are drawn in a fixed order, so the same input always gives the same SVG.
//!
//! Charts never panic: an empty or unavailable view draws a centred message instead.

pub mod experience;
pub mod flows;
pub mod framed;
pub mod funnel;
pub mod journey_map;
pub mod kpi;
pub mod label;
pub mod layout;
pub mod map;
pub mod nps;
pub mod painter;
pub mod priority;
pub mod table;
pub mod theme;

mod axes;
mod bars;
mod key;
mod trend;

pub use experience::{
    columns_name, draw_emotion, draw_handoffs, draw_heatmap, emotion_summary, emotion_table,
    handoffs_summary, handoffs_table, heatmap_summary, heatmap_table,
};
pub use funnel::{
    breakdown_summary, breakdown_table, draw_breakdown, draw_funnel, draw_time_to_convert,
    draw_trend, funnel_summary, funnel_table, time_to_convert_summary, time_to_convert_table,
    trend_summary, trend_table,
};
pub use journey_map::{draw_journey_map, journey_map_summary, journey_map_table};
pub use kpi::{
    draw_sparkline, kpi_card, kpi_change, kpi_label, kpi_value, sparkline_summary, sparkline_table,
    KpiCard, Tone,
};
pub use map::{ChartMap, Hit, Step};
pub use nps::{
    distribution_summary, distribution_table, draw_distribution, draw_nps_stack, draw_nps_trend,
    nps_stack_summary, nps_stack_table, nps_trend_summary, nps_trend_table,
};
pub use priority::{draw_priority, priority_summary, priority_table, quadrant_key};
pub use table::Table;
pub use theme::{Rgb, Theme};

use plotters::drawing::DrawingAreaErrorKind;
use std::fmt;

/// Why a chart could not be drawn. Data problems never end up here (they draw a message);
/// only the drawing surface itself can fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The canvas or SVG writer refused an operation.
    Backend(String),
    /// The drawing area is in use elsewhere (a UI bug, not a data problem).
    Busy,
}

impl crate::message::Message for ChartError {
    fn key(&self) -> &'static str {
        match self {
            ChartError::Backend(_) => "chart_error.backend",
            ChartError::Busy => "chart_error.busy",
        }
    }
    fn args(&self) -> Vec<(&'static str, crate::message::Value)> {
        match self {
            ChartError::Backend(detail) => {
                vec![("detail", crate::message::Value::Text(detail.clone()))]
            }
            ChartError::Busy => Vec::new(),
        }
    }
}

/// English, from the Fluent texts (`msg-chart_error-*`); the app may render the message in
/// the reader's language with [`crate::present::message::render`].
impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::present::message::render(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> ChartError {
        match e {
            DrawingAreaErrorKind::SharingError => ChartError::Busy,
            other => ChartError::Backend(other.to_string()),
        }
    }
}

/// Funnel and time-to-convert bars drawn at most (a file may hold thousands of stages);
/// the tables list every step.
pub const MAX_STEP_BARS: usize = 40;
/// Stages along the emotion curve drawn at most.
pub const MAX_CURVE_STAGES: usize = 30;
/// Points of the priority matrix drawn at most (the touchpoints with most customers).
pub const MAX_MATRIX_POINTS: usize = 50;

/// "The first 20 of 10,000 stages are drawn; …" style notes: `key` filled with the shown
/// and total counts.
fn cap_text(lang: crate::i18n::Lang, key: &str, shown: u64, total: u64) -> String {
    crate::i18n::trf(
        lang,
        key,
        &[
            ("n", &crate::format::int(lang, shown as i64)),
            ("total", &crate::format::int(lang, total as i64)),
        ],
    )
}

/// The cap note when only the first `shown` of `total` items are drawn; None when all are.
fn cap_shown(lang: crate::i18n::Lang, key: &str, shown: usize, total: usize) -> Option<String> {
    (shown < total).then(|| cap_text(lang, key, shown as u64, total as u64))
}

/// The cap note when `folded` of `total` items went to "(others)"; None when none did.
fn cap_folded(lang: crate::i18n::Lang, key: &str, folded: u64, total: u64) -> Option<String> {
    (folded > 0).then(|| cap_text(lang, key, total.saturating_sub(folded), total))
}

/// Writes `note` (what the chart leaves out) on the bottom line of `area` and returns the
/// area above it; no note leaves the area as it is.
fn cap_note<DB: plotters::prelude::DrawingBackend>(
    p: &painter::Painter<DB>,
    area: layout::Rect,
    note: Option<&str>,
) -> Result<layout::Rect, ChartError> {
    let Some(note) = note.filter(|n| !n.is_empty()) else {
        return Ok(area);
    };
    let font = p.font_px(painter::Size::Small);
    let max = label::chars_that_fit(area.width() as f64, font).max(8);
    p.text(
        &label::truncate(note, max),
        (area.x0 + p.px(2.0), area.y1 - p.px(2.0)),
        painter::Size::Small,
        p.theme.muted,
        painter::Align::Left,
        painter::Baseline::Bottom,
    )?;
    let h = (font * 1.6).ceil() as i32;
    Ok(layout::Rect::new(area.x0, area.y0, area.x1, area.y1 - h))
}

/// Shorthand for the translation table.
fn t(lang: crate::i18n::Lang, key: &str) -> String {
    crate::i18n::tr(lang, key).to_string()
}

/// A tooltip line "Label: value", the label translated from `key`.
fn labelled(lang: crate::i18n::Lang, key: &str, value: impl fmt::Display) -> String {
    format!("{}: {}", t(lang, key), value)
}

/// Draws the "missing column" or "No data" message when there is nothing to chart;
/// returns true when it did, so the caller stops there.
fn nothing_to_draw<DB: plotters::prelude::DrawingBackend>(
    p: &painter::Painter<DB>,
    unavailable: Option<&crate::message::Needs>,
    empty: bool,
    lang: crate::i18n::Lang,
) -> Result<bool, ChartError> {
    if let Some(what) = unavailable {
        p.message(&needs(lang, what))?;
        return Ok(true);
    }
    if empty {
        p.message(&t(lang, "chart.no_data"))?;
        return Ok(true);
    }
    Ok(false)
}

/// "This chart needs a column for: Stage" — also used as the summary of such a chart.
fn needs(lang: crate::i18n::Lang, what: &crate::message::Needs) -> String {
    crate::present::message::needs_sentence(lang, what, None)
}
