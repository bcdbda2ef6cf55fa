//! The journey map: stages as columns, lanes as rows, drawn on one canvas.
//!
//! Columns never get narrower than [`MIN_COLUMN`] so names and figures stay readable; on a
//! narrow screen the UI makes the canvas wider than its box and lets it scroll sideways
//! ([`size_css`]). Every lane cell is a hit region with its exact figures, and each pain
//! point, exit and moment line has its own. In compare mode (`other` set) the figures that
//! differ from the other map by at least the thresholds of docs/metrics.md are outlined.

use super::label;
use super::layout::Rect;
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::{cap_note, cap_text, labelled, needs, nothing_to_draw, t, ChartError};
use crate::analytics::experience::PersonaCurve;
use crate::analytics::journey_map::{JourneyMap, MomentKind, Share, StageColumn};
use crate::format as f;
use crate::i18n::{trc, trf, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Width of the lane-name column, CSS px.
pub const LABEL_WIDTH: f64 = 112.0;
/// Narrowest stage column, CSS px.
pub const MIN_COLUMN: f64 = 136.0;
/// Height of the stage-name header, CSS px.
const HEADER: f64 = 34.0;

/// Compare mode: differences at least this large are highlighted (docs/metrics.md).
pub const DIFF_PCT_OF_FIRST: f64 = 5.0;
pub const DIFF_SATISFACTION: f64 = 5.0;
pub const DIFF_NPS: f64 = 10.0;
pub const DIFF_CES: f64 = 0.5;

/// One lane of the map, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Reach,
    Touchpoints,
    Channels,
    Emotion,
    PainPoints,
    Exits,
    Moments,
    NpsCes,
}

impl Lane {
    pub const ALL: [Lane; 8] = [
        Lane::Reach,
        Lane::Touchpoints,
        Lane::Channels,
        Lane::Emotion,
        Lane::PainPoints,
        Lane::Exits,
        Lane::Moments,
        Lane::NpsCes,
    ];

    /// Translation key of the lane's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Lane::Reach => "jmap.lane.reach",
            Lane::Touchpoints => "jmap.lane.touchpoints",
            Lane::Channels => "jmap.lane.channels",
            Lane::Emotion => "jmap.lane.emotion",
            Lane::PainPoints => "jmap.lane.pain",
            Lane::Exits => "jmap.lane.exits",
            Lane::Moments => "jmap.lane.moments",
            Lane::NpsCes => "jmap.lane.nps_ces",
        }
    }

    /// Height in CSS px.
    fn height(self) -> f64 {
        match self {
            Lane::Reach => 66.0,
            Lane::Emotion => 118.0,
            Lane::NpsCes => 46.0,
            _ => 62.0,
        }
    }

    /// The detailed view that holds this lane's figures (a tab key of the UI).
    pub fn view(self) -> &'static str {
        match self {
            Lane::Reach => "funnel",
            Lane::NpsCes => "nps",
            _ => "experience",
        }
    }
}

/// Stages drawn at most (the first ones; a hostile file may hold thousands, and a canvas
/// has a maximum size); the table lists them all.
pub const MAX_MAP_STAGES: usize = 30;
/// Height of the note saying that stages were left out, CSS px.
const NOTE: f64 = 20.0;

/// CSS size of the map for `stages` columns in a box `box_width` wide: at least the box,
/// wider when the columns would otherwise be narrower than [`MIN_COLUMN`].
pub fn size_css(stages: usize, box_width: f64) -> (f64, f64) {
    let drawn = stages.clamp(1, MAX_MAP_STAGES);
    let min = LABEL_WIDTH + drawn as f64 * MIN_COLUMN;
    let w = if box_width.is_finite() {
        box_width
    } else {
        0.0
    };
    let note = if stages > MAX_MAP_STAGES { NOTE } else { 0.0 };
    let h = HEADER + Lane::ALL.iter().map(|l| l.height()).sum::<f64>() + 8.0 + note;
    (w.max(min).ceil(), h)
}

/// The lane under backend-pixel height `y` of a map drawn with `theme` (for links).
pub fn lane_at(y: i32, theme: &Theme) -> Option<Lane> {
    let mut top = theme.px(HEADER);
    for lane in Lane::ALL {
        let bottom = top + theme.px(lane.height());
        if (y as f64) >= top && (y as f64) < bottom {
            return Some(lane);
        }
        top = bottom;
    }
    None
}

/// Geometry shared by the lanes.
struct Grid {
    x0: i32,
    col: f64,
    /// Top of each lane, then the bottom of the last.
    tops: Vec<i32>,
}

impl Grid {
    fn column(&self, j: usize, lane: usize) -> Rect {
        let x0 = self.x0 + (j as f64 * self.col).round() as i32;
        let x1 = self.x0 + ((j + 1) as f64 * self.col).round() as i32;
        Rect::new(x0, self.tops[lane], x1, self.tops[lane + 1])
    }
}

/// Figures of one stage that differ from the other map's by at least the thresholds.
#[derive(Default)]
struct Diff {
    reach: Option<f64>,
    emotion: Option<f64>,
    nps: Option<f64>,
    ces: Option<f64>,
}

fn diff(a: &StageColumn, other: Option<&JourneyMap>) -> Diff {
    let Some(b) = other.and_then(|o| o.stages.iter().find(|s| s.stage == a.stage)) else {
        return Diff::default();
    };
    let d = |x: Option<f64>, y: Option<f64>, min: f64| match (x, y) {
        (Some(x), Some(y)) if (x - y).abs() >= min => Some(x - y),
        _ => None,
    };
    Diff {
        reach: d(a.pct_of_first, b.pct_of_first, DIFF_PCT_OF_FIRST),
        emotion: d(a.satisfaction, b.satisfaction, DIFF_SATISFACTION),
        nps: d(a.nps, b.nps, DIFF_NPS),
        ces: d(a.ces, b.ces, DIFF_CES),
    }
}

/// "Persona q" or "All customers", the name of a map in compare texts.
fn map_name(map: &JourneyMap, lang: Lang) -> String {
    match &map.persona {
        Some(p) => p.clone(),
        None => t(lang, "chart.all_customers"),
    }
}

fn diff_line(lang: Lang, other: Option<&JourneyMap>, delta: String) -> String {
    trf(
        lang,
        "jmap.diff",
        &[
            (
                "other",
                &other.map(|o| map_name(o, lang)).unwrap_or_default(),
            ),
            ("delta", &delta),
        ],
    )
}

use crate::format::scale as scale_text;

/// Draws the whole map; `other` switches on compare highlighting against that map.
pub fn draw_journey_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &JourneyMap,
    other: Option<&JourneyMap>,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    if nothing_to_draw(&p, map.unavailable.as_ref(), map.stages.is_empty(), lang)? {
        return Ok(p.finish());
    }
    let total = map.stages.len();
    let capped;
    let map = if total > MAX_MAP_STAGES {
        capped = JourneyMap {
            stages: map.stages[..MAX_MAP_STAGES].to_vec(),
            ..map.clone()
        };
        let note = cap_text(
            lang,
            "chart.cap_first_stages",
            MAX_MAP_STAGES as u64,
            total as u64,
        );
        cap_note(&p, p.bounds(), Some(&note))?;
        &capped
    } else {
        map
    };
    let g = Grid::new(&p, map.stages.len());
    lanes(&mut p, &g, map.stages.len(), lang)?;
    header(&mut p, &g, map, lang)?;
    for (j, s) in map.stages.iter().enumerate() {
        stage_cells(&mut p, &g, j, s, map, other, lang)?;
    }
    emotion_lane(&mut p, &g, map, other, lang)?;
    Ok(p.finish())
}

impl Grid {
    /// `n` stage columns right of the lane labels, the lanes below the header.
    fn new<DB: DrawingBackend>(p: &Painter<DB>, n: usize) -> Grid {
        let label_w = p.px(LABEL_WIDTH);
        let col = ((p.width - label_w) as f64 / n as f64).max(1.0);
        let mut tops = vec![p.px(HEADER)];
        for lane in Lane::ALL {
            let last = *tops.last().unwrap_or(&0);
            tops.push(last + p.px(lane.height()));
        }
        Grid {
            x0: label_w,
            col,
            tops,
        }
    }
}

/// Alternate column shading and lane rules, first so everything else sits on top, and
/// each lane's name (a link to its definition) on the left.
fn lanes<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    n: usize,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let label_w = g.x0;
    for j in (1..n).step_by(2) {
        let top = g.column(j, 0);
        let r = Rect::new(top.x0, 0, top.x1, g.tops[Lane::ALL.len()]);
        p.fill_rect_alpha(r, theme.grid, 0.45)?;
    }
    for (i, lane) in Lane::ALL.iter().enumerate() {
        let y = g.tops[i];
        p.line(&[(0, y), (p.width, y)], theme.grid, 1.0)?;
        let mid = (g.tops[i] + g.tops[i + 1]) / 2;
        let max = label::chars_that_fit(LABEL_WIDTH - 10.0, theme.font_small).max(6);
        let lines = wrap2(&t(lang, lane.label_key()), max);
        let step = p.px(14.0);
        let y0 = mid - step * (lines.len() as i32 - 1) / 2;
        for (k, line) in lines.iter().enumerate() {
            p.bold_text(
                line,
                (p.px(6.0), y0 + k as i32 * step),
                Size::Small,
                theme.muted,
                Align::Left,
                Baseline::Middle,
            )?;
        }
        let r = Rect::new(0, g.tops[i], label_w, g.tops[i + 1]);
        p.hit(
            r,
            t(lang, lane.label_key()),
            vec![t(lang, "jmap.lane_link")],
        );
    }
    let bottom = g.tops[Lane::ALL.len()];
    p.line(&[(0, bottom), (p.width, bottom)], theme.grid, 1.0)?;
    Ok(())
}

/// Every lane's cell of stage `j` except the emotion curve, which spans the stages.
fn stage_cells<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    map: &JourneyMap,
    other: Option<&JourneyMap>,
    lang: Lang,
) -> Result<(), ChartError> {
    let d = diff(s, other);
    reach_cell(p, g, j, s, &d, other, lang)?;
    share_cell(
        p,
        g,
        j,
        1,
        s,
        &s.touchpoints,
        map.gaps.touchpoints.as_ref(),
        lang,
    )?;
    share_cell(p, g, j, 2, s, &s.channels, map.gaps.channels.as_ref(), lang)?;
    pain_cell(p, g, j, s, map, lang)?;
    exit_cell(p, g, j, s, map, lang)?;
    moment_cell(p, g, j, s, map, lang)?;
    nps_cell(p, g, j, s, map, &d, other, lang)
}

fn header<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    map: &JourneyMap,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let font = p.font_px(Size::Normal);
    for (j, s) in map.stages.iter().enumerate() {
        let c = g.column(j, 0);
        let max = label::chars_that_fit((c.width() - p.px(8.0)) as f64, font).max(3);
        p.bold_text(
            &label::truncate(&s.stage, max),
            ((c.x0 + c.x1) / 2, g.tops[0] / 2),
            Size::Normal,
            theme.text,
            Align::Center,
            Baseline::Middle,
        )?;
        let hr = Rect::new(c.x0, 0, c.x1, g.tops[0]);
        let lines = vec![labelled(
            lang,
            "chart.events",
            f::int(lang, s.events as i64),
        )];
        p.hit(hr, s.stage.clone(), lines);
    }
    if let Some(persona) = &map.persona {
        let max = label::chars_that_fit(LABEL_WIDTH - 10.0, theme.font_small).max(6);
        p.text(
            &label::truncate(persona, max),
            (p.px(6.0), g.tops[0] / 2),
            Size::Small,
            theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

/// A rounded-looking highlight box around a figure that differs in compare mode.
fn outline<DB: DrawingBackend>(p: &Painter<DB>, r: Rect) -> Result<(), ChartError> {
    p.stroke_rect(r, p.theme.series(1), 2.0)
}

fn title(s: &StageColumn, lang: Lang, lane: Lane) -> String {
    format!("{} · {}", s.stage, t(lang, lane.label_key()))
}

#[allow(clippy::too_many_arguments)]
fn reach_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    d: &Diff,
    other: Option<&JourneyMap>,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let c = g.column(j, 0);
    let cx = (c.x0 + c.x1) / 2;
    p.bold_text(
        &f::int(lang, s.customers as i64),
        (cx, c.y0 + p.px(14.0)),
        Size::Normal,
        theme.text,
        Align::Center,
        Baseline::Middle,
    )?;
    // The band: full column width at 100 % of the first stage, narrower as customers leave.
    let share = s.pct_of_first.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
    let full = (c.width() - p.px(16.0)).max(2) as f64;
    let half = ((full * share) / 2.0).round().max(1.0) as i32;
    let band = Rect::new(cx - half, c.y0 + p.px(26.0), cx + half, c.y0 + p.px(38.0));
    p.fill_rect(band, theme.series(0))?;
    let pct = |v: Option<f64>| f::or_na(lang, v, f::percent);
    let sub = match s.pct_of_previous {
        Some(_) => trf(
            lang,
            "jmap.of_previous",
            &[("pct", &pct(s.pct_of_previous))],
        ),
        None => trf(lang, "jmap.of_first", &[("pct", &pct(s.pct_of_first))]),
    };
    let max = label::chars_that_fit(c.width() as f64, p.font_px(Size::Small)).max(4);
    p.text(
        &label::truncate(&sub, max),
        (cx, c.y0 + p.px(52.0)),
        Size::Small,
        theme.muted,
        Align::Center,
        Baseline::Middle,
    )?;
    let mut lines = vec![
        labelled(lang, "chart.customers", f::int(lang, s.customers as i64)),
        labelled(lang, "chart.pct_of_first", pct(s.pct_of_first)),
        labelled(lang, "chart.pct_of_previous", pct(s.pct_of_previous)),
    ];
    if let Some(delta) = d.reach {
        outline(p, band)?;
        lines.push(diff_line(lang, other, f::signed(lang, delta, 1)));
    }
    p.hit(c, title(s, lang, Lane::Reach), lines);
    Ok(())
}

/// Up to three "name  share" lines in a lane cell.
#[allow(clippy::too_many_arguments)]
fn share_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    lane: usize,
    s: &StageColumn,
    items: &[Share],
    gap: Option<&crate::message::Needs>,
    lang: Lang,
) -> Result<(), ChartError> {
    let c = g.column(j, lane);
    let rows: Vec<(String, String)> = items
        .iter()
        .map(|i| (i.name.clone(), f::percent(lang, i.share)))
        .collect();
    list_rows(p, c, &rows, gap, lang, None)?;
    let lines = if let Some(what) = gap {
        vec![needs(lang, what)]
    } else if items.is_empty() {
        vec![t(lang, "chart.no_events")]
    } else {
        items
            .iter()
            .map(|i| {
                format!(
                    "{}: {} ({} {})",
                    i.name,
                    f::percent(lang, i.share),
                    f::int(lang, i.events as i64),
                    t(lang, "chart.events").to_lowercase()
                )
            })
            .collect()
    };
    p.hit(c, title(s, lang, Lane::ALL[lane]), lines);
    Ok(())
}

/// Writes `rows` (name left, value right) in a cell, or the lane's gap / "–".
fn list_rows<DB: DrawingBackend>(
    p: &Painter<DB>,
    c: Rect,
    rows: &[(String, String)],
    gap: Option<&crate::message::Needs>,
    lang: Lang,
    chips: Option<&[Rgb]>,
) -> Result<Vec<Rect>, ChartError> {
    let theme = p.theme;
    let font = p.font_px(Size::Small);
    let line_h = p.px(17.0);
    let pad = p.px(8.0);
    if rows.is_empty() {
        let text = if gap.is_some() {
            t(lang, "jmap.no_column")
        } else {
            "–".to_string()
        };
        p.text(
            &text,
            ((c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2),
            Size::Small,
            theme.muted,
            Align::Center,
            Baseline::Middle,
        )?;
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (i, (name, value)) in rows.iter().enumerate() {
        let y0 = c.y0 + p.px(5.0) + i as i32 * line_h;
        let r = Rect::new(c.x0 + p.px(3.0), y0, c.x1 - p.px(3.0), y0 + line_h);
        let mid = (r.y0 + r.y1) / 2;
        let mut x = c.x0 + pad;
        if let Some(color) = chips.and_then(|cs| cs.get(i)) {
            let sz = p.px(9.0);
            let chip = Rect::new(x, mid - sz / 2, x + sz, mid + sz / 2);
            p.fill_rect(chip, *color)?;
            // Pale chips (answers near the scale's middle) would vanish on the background.
            p.stroke_rect(chip, theme.axis, 1.0)?;
            x += sz + p.px(5.0);
        }
        let value_w = label::text_width(value, font).ceil() as i32;
        let room = (c.x1 - pad - value_w - p.px(6.0) - x).max(0) as f64;
        let max = label::chars_that_fit(room, font).max(2);
        p.text(
            &label::truncate(name, max),
            (x, mid),
            Size::Small,
            theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
        p.text(
            value,
            (c.x1 - pad, mid),
            Size::Small,
            theme.muted,
            Align::Right,
            Baseline::Middle,
        )?;
        out.push(r);
    }
    Ok(out)
}

fn pain_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    map: &JourneyMap,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let c = g.column(j, 4);
    let scale = map.satisfaction_scale;
    let rows: Vec<(String, String)> = s
        .pain_points
        .iter()
        .map(|x| (x.touchpoint.clone(), f::score(lang, x.satisfaction_mean, 1)))
        .collect();
    let chips: Vec<Rgb> = s
        .pain_points
        .iter()
        .map(|x| theme.diverging_at(x.percent / 100.0))
        .collect();
    let gap = map.gaps.pain_points.as_ref();
    let rects = list_rows(p, c, &rows, gap, lang, Some(&chips))?;
    let cell_lines = match gap {
        Some(what) => vec![needs(lang, what)],
        None => vec![trf(
            lang,
            "jmap.pain_rule",
            &[("n", &f::int(lang, map.min_count as i64))],
        )],
    };
    p.hit(c, title(s, lang, Lane::PainPoints), cell_lines);
    for (x, r) in s.pain_points.iter().zip(rects) {
        let mut lines = vec![
            format!(
                "{}: {} ({})",
                t(lang, "chart.satisfaction"),
                f::score(lang, x.satisfaction_mean, 2),
                scale_text(lang, scale)
            ),
            labelled(
                lang,
                "chart.satisfaction_100",
                f::number(lang, x.percent, 1),
            ),
            labelled(lang, "chart.answers", f::int(lang, x.count as i64)),
        ];
        if let Some(neg) = x.share_negative {
            lines.push(labelled(
                lang,
                "chart.share_negative",
                f::percent(lang, neg),
            ));
        }
        p.hit(r, format!("{} · {}", s.stage, x.touchpoint), lines);
    }
    Ok(())
}

fn exit_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    map: &JourneyMap,
    lang: Lang,
) -> Result<(), ChartError> {
    let c = g.column(j, 5);
    let rows: Vec<(String, String)> = s
        .exits
        .iter()
        .map(|x| (x.touchpoint.clone(), f::int(lang, x.customers as i64)))
        .collect();
    let gap = map.gaps.exits.as_ref();
    list_rows(p, c, &rows, gap, lang, None)?;
    let lines = match gap {
        Some(what) => vec![needs(lang, what)],
        None => {
            let n = i64::try_from(s.exit_customers).unwrap_or(i64::MAX);
            let mut v = vec![trc(lang, "jmap.left_here", &[("n", Arg::Count(n))])];
            v.extend(s.exits.iter().map(|x| {
                format!(
                    "{}: {} {}",
                    x.touchpoint,
                    f::int(lang, x.customers as i64),
                    t(lang, "chart.customers").to_lowercase()
                )
            }));
            v
        }
    };
    p.hit(c, title(s, lang, Lane::Exits), lines);
    Ok(())
}

fn moment_key(kind: MomentKind) -> &'static str {
    match kind {
        MomentKind::FixFirst => "chart.q_fix_first",
        MomentKind::KeepUp => "chart.q_keep_up",
    }
}

fn moment_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    map: &JourneyMap,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let c = g.column(j, 6);
    let rows: Vec<(String, String)> = s
        .moments
        .iter()
        .map(|m| (m.touchpoint.clone(), t(lang, moment_key(m.kind))))
        .collect();
    let chips: Vec<Rgb> = s
        .moments
        .iter()
        .map(|m| match m.kind {
            MomentKind::FixFirst => theme.detractor,
            MomentKind::KeepUp => theme.promoter,
        })
        .collect();
    let gap = map.gaps.moments.as_ref();
    let rects = list_rows(p, c, &rows, gap, lang, Some(&chips))?;
    let lines = match gap {
        Some(what) => vec![needs(lang, what)],
        None => vec![t(lang, "jmap.moments_rule")],
    };
    p.hit(c, title(s, lang, Lane::Moments), lines);
    for (m, r) in s.moments.iter().zip(rects) {
        p.hit(
            r,
            format!("{} · {}", s.stage, m.touchpoint),
            vec![
                t(lang, moment_key(m.kind)),
                labelled(
                    lang,
                    "chart.performance_axis",
                    f::number(lang, m.performance, 1),
                ),
                labelled(
                    lang,
                    "chart.importance_axis",
                    f::number(lang, m.importance, 2),
                ),
            ],
        );
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn nps_cell<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    j: usize,
    s: &StageColumn,
    map: &JourneyMap,
    d: &Diff,
    other: Option<&JourneyMap>,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let c = g.column(j, 7);
    let cx = (c.x0 + c.x1) / 2;
    let (nps_text, ces_text) = nps_ces_texts(s, map, lang);
    let max = label::chars_that_fit((c.width() - p.px(8.0)) as f64, p.font_px(Size::Small)).max(4);
    let y_nps = c.y0 + p.px(14.0);
    let y_ces = c.y0 + p.px(32.0);
    p.bold_text(
        &label::truncate(&nps_text, max),
        (cx, y_nps),
        Size::Small,
        theme.text,
        Align::Center,
        Baseline::Middle,
    )?;
    p.text(
        &label::truncate(&ces_text, max),
        (cx, y_ces),
        Size::Small,
        theme.muted,
        Align::Center,
        Baseline::Middle,
    )?;
    let mut lines = nps_lines(s, map, lang);
    let half = p.px(8.0);
    let wide = ((c.width() - p.px(10.0)) / 2).max(2);
    if let Some(delta) = d.nps {
        outline(
            p,
            Rect::new(cx - wide, y_nps - half, cx + wide, y_nps + half),
        )?;
        lines.push(diff_line(
            lang,
            other,
            format!("NPS {}", f::signed(lang, delta, 0)),
        ));
    }
    if let Some(delta) = d.ces {
        outline(
            p,
            Rect::new(cx - wide, y_ces - half, cx + wide, y_ces + half),
        )?;
        lines.push(diff_line(
            lang,
            other,
            format!("CES {}", f::signed(lang, delta, 1)),
        ));
    }
    p.hit(c, title(s, lang, Lane::NpsCes), lines);
    Ok(())
}

/// The NPS and CES lines written in the cell: the value, the missing column, or "no answers".
fn nps_ces_texts(s: &StageColumn, map: &JourneyMap, lang: Lang) -> (String, String) {
    let nps_text = match (&map.gaps.nps, s.nps) {
        (Some(n), _) => format!("NPS {}", gap_word(lang, n)),
        (None, Some(v)) => trf(lang, "jmap.nps_value", &[("nps", &f::nps(lang, v))]),
        (None, None) => format!("NPS: {}", t(lang, "chart.no_answers")),
    };
    let ces_text = match (&map.gaps.ces, s.ces) {
        (Some(n), _) => format!("CES {}", gap_word(lang, n)),
        (None, Some(v)) => trf(lang, "jmap.ces_value", &[("ces", &f::score(lang, v, 1))]),
        (None, None) => format!("CES: {}", t(lang, "chart.no_answers")),
    };
    (nps_text, ces_text)
}

/// The NPS/CES cell's tooltip: both figures with their counts and the NPS rule.
fn nps_lines(s: &StageColumn, map: &JourneyMap, lang: Lang) -> Vec<String> {
    vec![
        format!(
            "NPS: {} ({} {})",
            f::or_na(lang, s.nps, f::nps),
            f::int(lang, s.nps_responses as i64),
            t(lang, "chart.responses").to_lowercase()
        ),
        t(lang, "jmap.nps_rule"),
        format!(
            "CES: {} ({}, n = {})",
            f::or_na(lang, s.ces, |l, v| f::score(l, v, 2)),
            scale_text(lang, map.effort_scale),
            f::int(lang, s.ces_count as i64)
        ),
    ]
}

/// The emotion lane's row in [`Lane::ALL`].
const EMOTION_LANE: usize = 3;

/// The emotion lane's vertical scale: 0–100 from `bottom` up to `top`.
struct EmotionAxis {
    top: i32,
    bottom: i32,
}

impl EmotionAxis {
    fn y(&self, pct: f64) -> i32 {
        let t = pct.clamp(0.0, 100.0) / 100.0;
        (self.bottom as f64 - t * (self.bottom - self.top) as f64).round() as i32
    }
}

/// The x of stage `j`'s point: the middle of its column.
fn stage_x(g: &Grid, j: usize) -> i32 {
    let c = g.column(j, EMOTION_LANE);
    (c.x0 + c.x1) / 2
}

/// The emotion curve: one point per stage on 0–100 with the neutral line at 50, plus a
/// thin line per persona on the all-customers map.
fn emotion_lane<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    g: &Grid,
    map: &JourneyMap,
    other: Option<&JourneyMap>,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let first = g.column(0, EMOTION_LANE);
    let last = g.column(map.stages.len() - 1, EMOTION_LANE);
    // Persona lines take the experience map's persona colours; in compare mode they are
    // left out so the orange of a difference cannot be mistaken for one.
    let curves = if other.is_some() {
        &[][..]
    } else {
        &map.persona_curves[..]
    };
    let legend = if curves.is_empty() { 0.0 } else { 14.0 };
    let ax = EmotionAxis {
        top: first.y0 + p.px(14.0 + legend),
        bottom: first.y1 - p.px(12.0),
    };
    neutral_line(p, (first, last), &ax, map, lang)?;
    if !curves.is_empty() {
        let mut entries = vec![(t(lang, "chart.all_customers"), theme.text)];
        entries.extend(
            curves
                .iter()
                .map(|c| (c.persona.clone(), theme.named(&c.persona))),
        );
        emotion_legend(
            p,
            (first.x0 + p.px(6.0), first.y0 + p.px(9.0)),
            last.x1,
            &entries,
        )?;
    }
    for curve in curves {
        let pts: Vec<Option<(i32, i32)>> = map
            .stages
            .iter()
            .enumerate()
            .map(|(j, s)| persona_percent(curve, s).map(|v| (stage_x(g, j), ax.y(v))))
            .collect();
        for seg in segments(&pts) {
            p.line(&seg, theme.named(&curve.persona), 1.0)?;
        }
    }
    let pts: Vec<Option<(i32, i32)>> = map
        .stages
        .iter()
        .enumerate()
        .map(|(j, s)| s.satisfaction.map(|v| (stage_x(g, j), ax.y(v))))
        .collect();
    for seg in segments(&pts) {
        p.line(&seg, theme.text, theme.line_width)?;
    }
    for (j, s) in map.stages.iter().enumerate() {
        let c = g.column(j, EMOTION_LANE);
        emotion_point(p, c, s, map, other, &ax, lang)?;
    }
    Ok(())
}

/// A persona's satisfaction (0–100) at the stage, when it has one.
fn persona_percent(curve: &PersonaCurve, s: &StageColumn) -> Option<f64> {
    curve
        .points
        .iter()
        .find(|pt| pt.stage == s.stage)
        .and_then(|pt| pt.percent)
}

/// The dashed neutral line at 50 across the stages `first`..`last`, and a note above it
/// when the lane has no satisfaction to draw.
fn neutral_line<DB: DrawingBackend>(
    p: &Painter<DB>,
    (first, last): (Rect, Rect),
    ax: &EmotionAxis,
    map: &JourneyMap,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    p.dashed(
        &[(first.x0, ax.y(50.0)), (last.x1, ax.y(50.0))],
        theme.axis,
        1.0,
    )?;
    p.text(
        &t(lang, "jmap.neutral"),
        (first.x0 - p.px(4.0), ax.y(50.0)),
        Size::Small,
        theme.muted,
        Align::Right,
        Baseline::Middle,
    )?;
    if map.gaps.emotion.is_some() || map.stages.iter().all(|s| s.satisfaction.is_none()) {
        let text = match &map.gaps.emotion {
            Some(what) => needs(lang, what),
            None => t(lang, "chart.no_answers"),
        };
        let max = label::chars_that_fit((last.x1 - first.x0) as f64, p.font_px(Size::Small));
        p.text(
            &label::truncate(&text, max.max(4)),
            ((first.x0 + last.x1) / 2, ax.y(50.0) - p.px(12.0)),
            Size::Small,
            theme.muted,
            Align::Center,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

/// Stage `s`'s point in its emotion column `c`: the dot with its value, outlined when it
/// differs from the other map, and the column's tooltip.
fn emotion_point<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    c: Rect,
    s: &StageColumn,
    map: &JourneyMap,
    other: Option<&JourneyMap>,
    ax: &EmotionAxis,
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let d = diff(s, other);
    let mut lines = emotion_lines(s, map, lang);
    if let Some(v) = s.satisfaction {
        let at = ((c.x0 + c.x1) / 2, ax.y(v));
        p.dot(at, 4.0, theme.text)?;
        p.bold_text(
            &f::number(lang, v, 0),
            (at.0 + p.px(8.0), at.1 - p.px(8.0)),
            Size::Small,
            theme.text,
            Align::Left,
            Baseline::Middle,
        )?;
        if let Some(delta) = d.emotion {
            let r = p.px(9.0);
            outline(p, Rect::new(at.0 - r, at.1 - r, at.0 + r, at.1 + r))?;
            lines.push(diff_line(lang, other, f::signed(lang, delta, 1)));
        }
    }
    p.hit(c, title(s, lang, Lane::Emotion), lines);
    Ok(())
}

/// The emotion column's tooltip: satisfaction as 0–100 and on its scale, the answers, and
/// every persona's value at the stage.
fn emotion_lines(s: &StageColumn, map: &JourneyMap, lang: Lang) -> Vec<String> {
    let mut lines = vec![
        labelled(
            lang,
            "chart.satisfaction_100",
            f::or_na(lang, s.satisfaction, |l, v| f::number(l, v, 1)),
        ),
        format!(
            "{}: {} ({})",
            t(lang, "chart.satisfaction"),
            f::or_na(lang, s.satisfaction_mean, |l, v| f::score(l, v, 2)),
            scale_text(lang, map.satisfaction_scale)
        ),
        labelled(
            lang,
            "chart.answers",
            f::int(lang, s.satisfaction_count as i64),
        ),
    ];
    for curve in &map.persona_curves {
        if let Some(v) = persona_percent(curve, s) {
            lines.push(format!("{}: {}", curve.persona, f::number(lang, v, 1)));
        }
    }
    lines
}

/// `text` on at most two lines of `max` characters, broken between words; what does not
/// fit ends in "…".
fn wrap2(text: &str, max: usize) -> Vec<String> {
    let clean = label::one_line(text);
    if clean.chars().count() <= max {
        return vec![clean];
    }
    let mut first = String::new();
    let mut rest = clean.as_str();
    for (i, word) in clean.split(' ').enumerate() {
        let next = if i == 0 {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if next.chars().count() > max {
            break;
        }
        first = next;
        rest = clean[first.len()..].trim_start();
    }
    if first.is_empty() {
        return vec![label::truncate(&clean, max)];
    }
    vec![first, label::truncate(rest, max)]
}

/// One line of "── name" entries from `at`, as many as fit before `right`.
fn emotion_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    at: (i32, i32),
    right: i32,
    entries: &[(String, Rgb)],
) -> Result<(), ChartError> {
    let font = p.font_px(Size::Small);
    let mut x = at.0;
    for (name, color) in entries {
        let name = label::truncate(name, 18);
        let w = p.px(18.0) + label::text_width(&name, font).ceil() as i32;
        if x + w > right {
            break;
        }
        p.line(&[(x, at.1), (x + p.px(14.0), at.1)], *color, 2.0)?;
        p.text(
            &name,
            (x + p.px(18.0), at.1),
            Size::Small,
            p.theme.muted,
            Align::Left,
            Baseline::Middle,
        )?;
        x += w + p.px(12.0);
    }
    Ok(())
}

/// Runs of consecutive points (a stage without answers breaks the line).
fn segments(pts: &[Option<(i32, i32)>]) -> Vec<Vec<(i32, i32)>> {
    let mut out = vec![Vec::new()];
    for pt in pts {
        match pt {
            Some(xy) => out.last_mut().map(|v| v.push(*xy)).unwrap_or(()),
            None => out.push(Vec::new()),
        }
    }
    out.retain(|s| s.len() >= 2);
    out
}

/// The whole map as text, one row per stage.
pub fn journey_map_table(map: &JourneyMap, lang: Lang) -> Table {
    let join = |items: Vec<String>| items.join("; ");
    let share = |v: &[Share]| {
        join(
            v.iter()
                .map(|s| format!("{} {}", s.name, f::percent(lang, s.share)))
                .collect(),
        )
    };
    let pct = |v: Option<f64>| f::or_na(lang, v, f::percent);
    Table {
        caption: match &map.persona {
            Some(p) => trf(lang, "jmap.caption_persona", &[("persona", p)]),
            None => t(lang, "jmap.caption"),
        },
        headers: vec![
            t(lang, "chart.stage"),
            t(lang, "chart.customers"),
            t(lang, "chart.pct_of_previous"),
            t(lang, "chart.pct_of_first"),
            t(lang, "jmap.lane.touchpoints"),
            t(lang, "jmap.lane.channels"),
            t(lang, "chart.satisfaction_100"),
            t(lang, "jmap.lane.pain"),
            t(lang, "jmap.lane.exits"),
            t(lang, "jmap.lane.moments"),
            "NPS".to_string(),
            t(lang, "chart.responses"),
            "CES".to_string(),
        ],
        rows: map
            .stages
            .iter()
            .map(|s| {
                vec![
                    s.stage.clone(),
                    f::int(lang, s.customers as i64),
                    pct(s.pct_of_previous),
                    pct(s.pct_of_first),
                    share(&s.touchpoints),
                    share(&s.channels),
                    f::or_na(lang, s.satisfaction, |l, v| f::number(l, v, 1)),
                    join(
                        s.pain_points
                            .iter()
                            .map(|x| {
                                format!(
                                    "{} {}",
                                    x.touchpoint,
                                    f::score(lang, x.satisfaction_mean, 2)
                                )
                            })
                            .collect(),
                    ),
                    join(
                        s.exits
                            .iter()
                            .map(|x| {
                                format!("{} {}", x.touchpoint, f::int(lang, x.customers as i64))
                            })
                            .collect(),
                    ),
                    join(
                        s.moments
                            .iter()
                            .map(|m| format!("{} ({})", m.touchpoint, t(lang, moment_key(m.kind))))
                            .collect(),
                    ),
                    f::or_na(lang, s.nps, f::nps),
                    f::int(lang, s.nps_responses as i64),
                    f::or_na(lang, s.ces, |l, v| f::score(l, v, 2)),
                ]
            })
            .collect(),
    }
}

/// One sentence for screen readers: reach from first to last stage and the low point.
pub fn journey_map_summary(map: &JourneyMap, lang: Lang) -> String {
    if let Some(what) = &map.unavailable {
        return needs(lang, what);
    }
    let (Some(first), Some(last)) = (map.stages.first(), map.stages.last()) else {
        return t(lang, "chart.no_data_sentence");
    };
    let low = map
        .stages
        .iter()
        .filter_map(|s| s.satisfaction.map(|v| (s, v)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let mut out = trf(
        lang,
        "jmap.summary",
        &[
            ("n", &f::int(lang, map.stages.len() as i64)),
            ("first", &f::int(lang, first.customers as i64)),
            ("first_stage", &first.stage),
            ("last", &f::int(lang, last.customers as i64)),
            ("last_stage", &last.stage),
        ],
    );
    if let Some((s, v)) = low {
        out.push(' ');
        out.push_str(&trf(
            lang,
            "jmap.summary_low",
            &[("stage", &s.stage), ("value", &f::number(lang, v, 0))],
        ));
    }
    out
}

/// "(no column)", or "(needs event-level data)" on a summary feed's map.
fn gap_word(lang: Lang, n: &crate::message::Needs) -> String {
    if n.0.contains(&crate::message::Need::EventLevelData) {
        t(lang, "summary.lane_needs_events")
    } else if n.0 == [crate::message::Need::Column(crate::dataset::Role::Nps)] {
        t(lang, "jmap.no_nps_question")
    } else {
        t(lang, "jmap.no_column")
    }
}
