//! The priority matrix: performance (satisfaction 0–100) against importance (correlation
//! with NPS), each point with the 95 % interval of its importance. A point is in a quadrant
//! only when its interval clears the importance median (the rule of
//! [`crate::analytics::priorities::quadrant`]); otherwise it is drawn as an "unclear" ring.

use super::axes;
use super::key::{draw_key, Mark};
use super::label;
use super::layout::{nice_ticks, tick_decimals, Linear, Rect};
use super::map::ChartMap;
use super::painter::{Align, Baseline, Painter, Size};
use super::table::Table;
use super::theme::{Rgb, Theme};
use super::{cap_note, cap_shown, labelled, needs, t, ChartError, MAX_MATRIX_POINTS};
use crate::analytics::experience::{Exclusion, PriorityMatrix, PriorityPoint, Quadrant};
use crate::format as f;
use crate::i18n::{trc, Arg, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The translation key of a quadrant's name.
pub fn quadrant_key(q: Quadrant) -> &'static str {
    match q {
        Quadrant::FixFirst => "chart.q_fix_first",
        Quadrant::KeepUp => "chart.q_keep_up",
        Quadrant::LowPriority => "chart.q_low_priority",
        Quadrant::PossibleOverkill => "chart.q_possible_overkill",
        Quadrant::Unclear => "fix.q_unclear",
    }
}

fn quadrant_color(theme: &Theme, q: Quadrant) -> Rgb {
    match q {
        Quadrant::FixFirst => theme.detractor,
        Quadrant::KeepUp => theme.series(2),
        Quadrant::LowPriority => theme.axis,
        Quadrant::PossibleOverkill => theme.series(4),
        Quadrant::Unclear => theme.muted,
    }
}

/// The low and high end of the point's interval, or its importance twice without one.
fn span(pt: &PriorityPoint) -> (f64, f64) {
    match (pt.importance_low, pt.importance_high) {
        (Some(lo), Some(hi)) if lo.is_finite() && hi.is_finite() => (lo, hi),
        _ => (pt.importance, pt.importance),
    }
}

/// An axis zoomed to `values`: round ticks covering them with a margin of `pad` (at least
/// `min_pad`), never past `limits`. Returns the domain and its ticks.
pub(crate) fn zoom(
    values: impl IntoIterator<Item = f64>,
    limits: (f64, f64),
    min_pad: f64,
) -> ((f64, f64), Vec<f64>) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (limits, nice_ticks(limits.0, limits.1, 5));
    }
    let pad = ((hi - lo) * 0.08).max(min_pad);
    let (lo, hi) = ((lo - pad).max(limits.0), (hi + pad).min(limits.1));
    let ticks = nice_ticks(lo, hi, 5);
    let first = ticks.first().copied().unwrap_or(lo).max(limits.0);
    let last = ticks.last().copied().unwrap_or(hi).min(limits.1);
    let ticks = ticks
        .into_iter()
        .filter(|v| *v >= first - 1e-9 && *v <= last + 1e-9)
        .collect();
    ((first, last), ticks)
}

/// Where a point's label goes: its box, and whether it sits away from the point (then a
/// leader line joins them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    pub rect: Rect,
    pub leader: bool,
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

fn inside(r: &Rect, area: &Rect) -> bool {
    r.x0 >= area.x0 && r.x1 <= area.x1 && r.y0 >= area.y0 && r.y1 <= area.y1
}

/// Labels of `sizes` (width, height) for the points `at`, in order, none overlapping
/// another label, a point or `blocked`: beside the point when there is room, else further
/// up or down with a leader line. `soft` boxes (the interval lines) are avoided when some
/// place allows it. None when no place in `area` is free.
pub(crate) fn place_labels(
    at: &[(i32, i32)],
    sizes: &[(i32, i32)],
    area: Rect,
    (blocked, soft): (&[Rect], &[Rect]),
    gap: i32,
    dot: i32,
) -> Vec<Option<Placed>> {
    let mut taken: Vec<Rect> = blocked.to_vec();
    taken.extend(
        at.iter()
            .map(|&(x, y)| Rect::new(x - dot, y - dot, x + dot, y + dot)),
    );
    let mut out = Vec::with_capacity(at.len());
    for (&(x, y), &(w, h)) in at.iter().zip(sizes) {
        let right = |dy: i32, dx: i32| {
            Rect::new(
                x + gap + dx,
                y - h / 2 + dy,
                x + gap + dx + w,
                y + h / 2 + dy,
            )
        };
        let left = |dy: i32, dx: i32| {
            Rect::new(
                x - gap - dx - w,
                y - h / 2 + dy,
                x - gap - dx,
                y + h / 2 + dy,
            )
        };
        let mut candidates: Vec<(Rect, bool)> = vec![
            (right(0, 0), false),
            (left(0, 0), false),
            (
                Rect::new(x - w / 2, y - gap - h, x + w / 2 + w % 2, y - gap),
                false,
            ),
            (
                Rect::new(x - w / 2, y + gap, x + w / 2 + w % 2, y + gap + h),
                false,
            ),
        ];
        for k in 1..=16 {
            let dy = k * (h + 2);
            for d in [-dy, dy] {
                candidates.push((right(d, gap), true));
                candidates.push((left(d, gap), true));
            }
        }
        let free = |r: &Rect| inside(r, &area) && !taken.iter().any(|o| overlaps(o, r));
        let found = candidates
            .iter()
            .find(|(r, _)| free(r) && !soft.iter().any(|o| overlaps(o, r)))
            .or_else(|| candidates.iter().find(|(r, _)| free(r)))
            .copied();
        out.push(found.map(|(rect, leader)| {
            taken.push(rect);
            Placed { rect, leader }
        }));
    }
    out
}

/// Why the matrix has no point: the customers it would need, or no data at all.
fn empty_reason(m: &PriorityMatrix, lang: Lang) -> String {
    let min = m.excluded.iter().find_map(|e| match e.reason {
        Exclusion::TooFew { min_count } => Some(min_count),
        Exclusion::NoVariation => None,
    });
    match min {
        Some(min) => trc(
            lang,
            "fix.matrix_empty_too_few",
            &[("min", Arg::Count(i64::try_from(min).unwrap_or(i64::MAX)))],
        ),
        None if !m.excluded.is_empty() => t(lang, "fix.matrix_empty_no_variation"),
        None => t(lang, "chart.no_data"),
    }
}

/// Performance (x) against importance (y), zoomed to the data, split at the medians. Each
/// point has a vertical line for its importance interval; a point whose interval crosses
/// the importance median is a grey ring ("unclear"). Every point is labelled where room
/// allows, with a leader line when the label had to move away; every point keeps its
/// tooltip.
pub fn draw_priority<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    m: &PriorityMatrix,
    theme: &Theme,
    lang: Lang,
) -> Result<ChartMap, ChartError> {
    let mut p = Painter::new(root, theme)?;
    if let Some(what) = &m.unavailable {
        p.message(&needs(lang, what))?;
        return Ok(p.finish());
    }
    if m.points.is_empty() {
        wrapped_message(&p, &empty_reason(m, lang))?;
        return Ok(p.finish());
    }
    let drawn = matrix_points(m);
    let note = cap_shown(lang, "chart.cap_points", drawn.len(), m.points.len());
    let area = cap_note(&p, p.bounds(), note.as_deref())?;
    let area = priority_key(&p, area, lang)?;
    let Some(frame) = Frame::new(&p, area, m, &drawn, lang) else {
        return Ok(p.finish());
    };
    frame.draw_axes(&p, lang)?;
    let blocked = quadrant_names(&p, frame.plot, lang)?;
    let at: Vec<(i32, i32)> = drawn.iter().map(|pt| frame.at(pt)).collect();
    // Intervals first, so no line crosses a dot or a label drawn later.
    let whiskers = draw_intervals(&p, &frame, &drawn, &at)?;
    draw_points(&mut p, frame.plot, &drawn, &at, (&blocked, &whiskers), lang)?;
    Ok(p.finish())
}

/// The key names every mark that is not a touchpoint: the interval lines, the dashed
/// medians that split the quadrants, and the rings of points left unclear.
fn priority_key<DB: DrawingBackend>(
    p: &Painter<DB>,
    area: Rect,
    lang: Lang,
) -> Result<Rect, ChartError> {
    let theme = p.theme;
    draw_key(
        p,
        area,
        &[
            (
                Mark::UpWhisker(theme.muted.lerp(theme.background, 0.35)),
                t(lang, "fix.key.interval"),
            ),
            (Mark::Dashed, t(lang, "fix.key.median")),
            (Mark::Ring(theme.muted), t(lang, "fix.key.unclear")),
        ],
    )
}

/// The plot box and its two axes, zoomed to the drawn points, their intervals and the
/// medians.
struct Frame {
    plot: Rect,
    /// The bottom of the chart area, where the performance axis title sits.
    bottom: i32,
    x: Linear,
    y: Linear,
    xd: (f64, f64),
    yd: (f64, f64),
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
    x_dec: usize,
    y_dec: usize,
    performance_median: Option<f64>,
    importance_median: Option<f64>,
}

impl Frame {
    /// None when the area is too small for a plot.
    fn new<DB: DrawingBackend>(
        p: &Painter<DB>,
        area: Rect,
        m: &PriorityMatrix,
        drawn: &[&PriorityPoint],
        lang: Lang,
    ) -> Option<Frame> {
        let font = p.font_px(Size::Small);
        let bottom = area.y1;
        let finite = |v: &Option<f64>| v.filter(|v| v.is_finite());
        let pm = finite(&m.performance_median);
        let im = finite(&m.importance_median);
        let (xd, x_ticks) = zoom(
            drawn.iter().map(|pt| pt.performance).chain(pm),
            (0.0, 100.0),
            5.0,
        );
        let (yd, y_ticks) = zoom(
            drawn
                .iter()
                .flat_map(|pt| {
                    let (lo, hi) = span(pt);
                    [lo, hi, pt.importance]
                })
                .chain(im),
            (-1.0, 1.0),
            0.05,
        );
        let y_dec = tick_decimals(&y_ticks).max(1);
        let x_dec = tick_decimals(&x_ticks);
        let y_labels: Vec<String> = y_ticks.iter().map(|v| f::number(lang, *v, y_dec)).collect();
        let left = axes::value_label_room(p, &y_labels);
        let plot = Rect::new(
            left,
            area.y0 + (font * 1.8).ceil() as i32,
            p.width - p.px(12.0),
            bottom - (font * 3.4).ceil() as i32,
        );
        if plot.is_degenerate() {
            return None;
        }
        Some(Frame {
            plot,
            bottom,
            x: Linear::new(xd.0, xd.1, plot.x0 as f64, plot.x1 as f64),
            y: Linear::new(yd.0, yd.1, plot.y1 as f64, plot.y0 as f64),
            xd,
            yd,
            x_ticks,
            y_ticks,
            x_dec,
            y_dec,
            performance_median: pm,
            importance_median: im,
        })
    }

    fn xpx(&self, v: f64) -> i32 {
        self.x.px(v.clamp(self.xd.0, self.xd.1))
    }

    fn ypx(&self, v: f64) -> i32 {
        self.y.px(v.clamp(self.yd.0, self.yd.1))
    }

    fn at(&self, pt: &PriorityPoint) -> (i32, i32) {
        (self.xpx(pt.performance), self.ypx(pt.importance))
    }

    /// Ticks, the plot frame, the axis titles and the dashed medians.
    fn draw_axes<DB: DrawingBackend>(&self, p: &Painter<DB>, lang: Lang) -> Result<(), ChartError> {
        let theme = p.theme;
        let plot = self.plot;
        let (x_dec, y_dec) = (self.x_dec, self.y_dec);
        axes::x_value_axis(p, plot, &self.x, &self.x_ticks, &|v| {
            f::number(lang, v, x_dec)
        })?;
        axes::y_value_axis(p, plot, &self.y, &self.y_ticks, &|v| {
            f::number(lang, v, y_dec)
        })?;
        p.stroke_rect(plot, theme.axis, 1.0)?;
        // Axis titles: horizontal text reads better than a rotated one and needs no font metrics.
        p.text(
            &t(lang, "chart.importance_axis"),
            (plot.x0, plot.y0 - p.px(4.0)),
            Size::Small,
            theme.muted,
            Align::Left,
            Baseline::Bottom,
        )?;
        p.text(
            &t(lang, "chart.performance_axis"),
            ((plot.x0 + plot.x1) / 2, self.bottom - p.px(2.0)),
            Size::Small,
            theme.muted,
            Align::Center,
            Baseline::Bottom,
        )?;
        if let Some(v) = self.performance_median {
            let px = self.xpx(v);
            p.dashed(&[(px, plot.y0), (px, plot.y1)], theme.axis, 1.0)?;
        }
        if let Some(v) = self.importance_median {
            let py = self.ypx(v);
            p.dashed(&[(plot.x0, py), (plot.x1, py)], theme.axis, 1.0)?;
        }
        Ok(())
    }
}

/// Each point's importance interval as a capped vertical line; returns the lines' boxes,
/// which labels avoid where they can.
fn draw_intervals<DB: DrawingBackend>(
    p: &Painter<DB>,
    frame: &Frame,
    drawn: &[&PriorityPoint],
    at: &[(i32, i32)],
) -> Result<Vec<Rect>, ChartError> {
    let theme = p.theme;
    let cap = p.px(3.0);
    for (pt, &(px, _)) in drawn.iter().zip(at) {
        let (lo, hi) = span(pt);
        let (y0, y1) = (frame.ypx(hi), frame.ypx(lo));
        if y1 > y0 {
            let c = quadrant_color(theme, pt.quadrant).lerp(theme.background, 0.35);
            p.line(&[(px, y0), (px, y1)], c, 1.5)?;
            p.line(&[(px - cap, y0), (px + cap, y0)], c, 1.5)?;
            p.line(&[(px - cap, y1), (px + cap, y1)], c, 1.5)?;
        }
    }
    Ok(drawn
        .iter()
        .zip(at)
        .map(|(pt, &(px, _))| {
            let (lo, hi) = span(pt);
            Rect::new(px - cap, frame.ypx(hi), px + cap, frame.ypx(lo))
        })
        .collect())
}

/// Every point's label where room allows (with a leader line when it had to move), then
/// its dot or ring and its tooltip; labels avoid the `hard` boxes and, where they can,
/// the `soft` ones.
fn draw_points<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    plot: Rect,
    drawn: &[&PriorityPoint],
    at: &[(i32, i32)],
    (hard, soft): (&[Rect], &[Rect]),
    lang: Lang,
) -> Result<(), ChartError> {
    let theme = p.theme;
    let font = p.font_px(Size::Small);
    let texts: Vec<String> = drawn
        .iter()
        .map(|pt| label::truncate(&pt.touchpoint, 16))
        .collect();
    let sizes: Vec<(i32, i32)> = texts
        .iter()
        .map(|s| (label::text_width(s, font).ceil() as i32, font.ceil() as i32))
        .collect();
    let placed = place_labels(at, &sizes, plot, (hard, soft), p.px(8.0), p.px(5.5));
    for ((pt, &(px, py)), (text, spot)) in drawn.iter().zip(at).zip(texts.iter().zip(&placed)) {
        if let Some(spot) = spot {
            let r = spot.rect;
            if spot.leader {
                let lx = if r.x0 > px { r.x0 } else { r.x1 };
                p.line(&[(px, py), (lx, (r.y0 + r.y1) / 2)], theme.axis, 1.0)?;
            }
            p.text(
                text,
                (r.x0, (r.y0 + r.y1) / 2),
                Size::Small,
                theme.text,
                Align::Left,
                Baseline::Middle,
            )?;
        }
        let color = quadrant_color(theme, pt.quadrant);
        if pt.quadrant == Quadrant::Unclear {
            p.ring((px, py), 4.5, color)?;
        } else {
            p.dot((px, py), 4.5, color)?;
        }
        p.point_hit((px, py), pt.touchpoint.clone(), point_lines(pt, lang));
    }
    Ok(())
}

/// `text` in lines of at most `max` characters, broken between words.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines
            .last_mut()
            .filter(|l| l.chars().count() + 1 + word.chars().count() <= max);
        match last {
            Some(l) if !l.is_empty() => {
                l.push(' ');
                l.push_str(word);
            }
            Some(l) => l.push_str(word),
            None => lines.push(word.to_string()),
        }
    }
    lines
}

/// A centred message over as many lines as the width needs (a reason is a sentence).
fn wrapped_message<DB: DrawingBackend>(p: &Painter<DB>, text: &str) -> Result<(), ChartError> {
    let font = p.font_px(Size::Normal);
    let max = label::chars_that_fit(p.width as f64 * 0.9, font).max(8);
    let lines = wrap(text, max);
    let step = (font * 1.4).ceil() as i32;
    let top = p.height / 2 - step * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        p.text(
            &label::truncate(line, max),
            (p.width / 2, top + step * i as i32),
            Size::Normal,
            p.theme.muted,
            Align::Center,
            Baseline::Middle,
        )?;
    }
    Ok(())
}

/// The four quadrant names in the plot's corners; returns their boxes so no point label
/// covers them.
fn quadrant_names<DB: DrawingBackend>(
    p: &Painter<DB>,
    plot: Rect,
    lang: Lang,
) -> Result<Vec<Rect>, ChartError> {
    let pad = p.px(6.0);
    let font = p.font_px(Size::Small);
    let h = font.ceil() as i32;
    let corners = [
        (Quadrant::FixFirst, false, false),
        (Quadrant::KeepUp, true, false),
        (Quadrant::LowPriority, false, true),
        (Quadrant::PossibleOverkill, true, true),
    ];
    let mut boxes = Vec::new();
    for (q, right, low) in corners {
        let text = t(lang, quadrant_key(q));
        let w = label::text_width(&text, font).ceil() as i32;
        let x = if right { plot.x1 - pad } else { plot.x0 + pad };
        let y = if low { plot.y1 - pad } else { plot.y0 + pad };
        p.bold_text(
            &text,
            (x, y),
            Size::Small,
            quadrant_color(p.theme, q),
            if right { Align::Right } else { Align::Left },
            if low { Baseline::Bottom } else { Baseline::Top },
        )?;
        let x0 = if right { x - w } else { x };
        let y0 = if low { y - h } else { y };
        boxes.push(Rect::new(x0, y0, x0 + w, y0 + h));
    }
    Ok(boxes)
}

fn interval_text(pt: &PriorityPoint, lang: Lang) -> String {
    match (pt.importance_low, pt.importance_high) {
        (Some(lo), Some(hi)) => trc(
            lang,
            "fix.interval",
            &[
                ("low", Arg::Text(&f::signed(lang, lo, 2))),
                ("high", Arg::Text(&f::signed(lang, hi, 2))),
            ],
        ),
        _ => f::not_available(lang),
    }
}

fn point_lines(pt: &PriorityPoint, lang: Lang) -> Vec<String> {
    vec![
        labelled(
            lang,
            "chart.performance",
            f::number(lang, pt.performance, 1),
        ),
        labelled(lang, "chart.importance", f::signed(lang, pt.importance, 2)),
        labelled(lang, "fix.interval_label", interval_text(pt, lang)),
        labelled(lang, "chart.customers", f::int(lang, pt.customers as i64)),
        t(lang, quadrant_key(pt.quadrant)),
    ]
}

/// The points drawn: all of them up to [`MAX_MATRIX_POINTS`], else the ones with the most
/// customers (earlier first among equals), in the matrix's order.
fn matrix_points(m: &PriorityMatrix) -> Vec<&PriorityPoint> {
    let weights: Vec<u64> = m.points.iter().map(|p| p.customers).collect();
    let keep = crate::analytics::cap::heaviest(&weights, MAX_MATRIX_POINTS);
    m.points
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| p)
        .collect()
}

/// The matrix as a table; `columns` names the dimension of its points.
pub fn priority_table(m: &PriorityMatrix, columns: &str, lang: Lang) -> Table {
    Table {
        caption: t(lang, "chart.priority_caption"),
        headers: vec![
            columns.to_string(),
            t(lang, "chart.performance"),
            t(lang, "chart.importance"),
            t(lang, "fix.interval_label"),
            t(lang, "chart.customers"),
            t(lang, "chart.quadrant"),
        ],
        rows: m
            .points
            .iter()
            .map(|pt| {
                vec![
                    pt.touchpoint.clone(),
                    f::number(lang, pt.performance, 1),
                    f::signed(lang, pt.importance, 2),
                    interval_text(pt, lang),
                    f::int(lang, pt.customers as i64),
                    t(lang, quadrant_key(pt.quadrant)),
                ]
            })
            .collect(),
    }
}

fn names(m: &PriorityMatrix, q: Quadrant) -> Vec<&str> {
    m.points
        .iter()
        .filter(|p| p.quadrant == q)
        .map(|p| p.touchpoint.as_str())
        .collect()
}

/// "Priority matrix of 8 touchpoints. Fix first: Phone, Chat. Unclear (…): Web." — the
/// same verdict the drawing shows: the "Fix first" dots and the grey rings.
pub fn priority_summary(m: &PriorityMatrix, lang: Lang) -> String {
    if let Some(what) = &m.unavailable {
        return needs(lang, what);
    }
    if m.points.is_empty() {
        return empty_reason(m, lang);
    }
    let fix = names(m, Quadrant::FixFirst);
    let n = Arg::from(m.points.len());
    let head = if fix.is_empty() {
        trc(lang, "chart.priority_summary_none", &[("n", n)])
    } else {
        trc(
            lang,
            "chart.priority_summary",
            &[("n", n), ("fix", Arg::Text(&fix.join(", ")))],
        )
    };
    let unclear = names(m, Quadrant::Unclear);
    if unclear.is_empty() {
        return head;
    }
    let tail = trc(
        lang,
        "fix.priority_summary_unclear",
        &[("names", Arg::Text(&unclear.join(", ")))],
    );
    format!("{head} {tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_covers_the_data_with_round_ends() {
        // Importance 0.40…0.83 with the median 0.66: pad max(0.43 × 0.08, 0.05) = 0.05 →
        // 0.35…0.88; 0.53 / 5 = 0.106 rounds up to steps of 0.2: 0.2, 0.4 … 1.0.
        let (d, ticks) = zoom([0.40, 0.83, 0.66], (-1.0, 1.0), 0.05);
        assert_eq!(d, (0.2, 1.0));
        assert_eq!(ticks.len(), 5);
        // Never past the limits: 95 … 100 on the performance axis.
        let (d, _) = zoom([96.0, 99.0], (0.0, 100.0), 5.0);
        assert_eq!(d.1, 100.0);
        assert!(d.0 >= 90.0 && d.0 <= 91.0, "{d:?}");
        // No finite value: the whole range.
        assert_eq!(zoom([f64::NAN], (0.0, 100.0), 5.0).0, (0.0, 100.0));
    }

    #[test]
    fn labels_never_overlap_and_move_with_a_leader_when_crowded() {
        // Three points on one spot in a 200 × 200 area, labels 40 × 10, gap 8, dots 5.
        let at = [(100, 100), (100, 100), (100, 100)];
        let sizes = [(40, 10); 3];
        let area = Rect::new(0, 0, 200, 200);
        let got = place_labels(&at, &sizes, area, (&[], &[]), 8, 5);
        let rects: Vec<Rect> = got.iter().map(|g| g.unwrap().rect).collect();
        // First right of the point (x 108…148, y 95…105), second left (52…92), third above
        // (80…120, 82…92): all beside the point, no leader.
        assert_eq!(rects[0], Rect::new(108, 95, 148, 105));
        assert_eq!(rects[1], Rect::new(52, 95, 92, 105));
        assert_eq!(rects[2], Rect::new(80, 82, 120, 92));
        assert!(got.iter().all(|g| !g.unwrap().leader));
        // A fourth and fifth: below is free for the fourth. One row (12 px) up or down,
        // 8 px further out, still touches the labels above and below (x 80…120); two rows
        // up on the right (y 71…81) is the first free place, with a leader.
        let at5 = [(100, 100); 5];
        let got = place_labels(&at5, &[(40, 10); 5], area, (&[], &[]), 8, 5);
        assert_eq!(got[3].unwrap().rect, Rect::new(80, 108, 120, 118));
        assert_eq!(
            got[4].unwrap(),
            Placed {
                rect: Rect::new(116, 71, 156, 81),
                leader: true
            }
        );
        for (i, a) in got.iter().enumerate() {
            for b in &got[i + 1..] {
                assert!(!overlaps(&a.unwrap().rect, &b.unwrap().rect));
            }
        }
    }

    #[test]
    fn a_label_with_no_room_is_left_out() {
        // A 30 px wide area cannot hold a 40 px label anywhere.
        let got = place_labels(
            &[(15, 15)],
            &[(40, 10)],
            Rect::new(0, 0, 30, 30),
            (&[], &[]),
            8,
            5,
        );
        assert_eq!(got, vec![None]);
    }

    #[test]
    fn labels_avoid_interval_lines_when_they_can() {
        let area = Rect::new(0, 0, 200, 200);
        // Another point's interval line at x 120…126 crosses the right-hand place: the
        // label goes left (52…92).
        let line = [Rect::new(120, 50, 126, 150)];
        let got = place_labels(&[(100, 100)], &[(40, 10)], area, (&[], &line), 8, 5);
        assert_eq!(got[0].unwrap().rect, Rect::new(52, 95, 92, 105));
        // Lines everywhere: the first free place is taken anyway (a label over a line is
        // better than none).
        let everywhere = [Rect::new(0, 0, 200, 200)];
        let got = place_labels(&[(100, 100)], &[(40, 10)], area, (&[], &everywhere), 8, 5);
        assert_eq!(got[0].unwrap().rect, Rect::new(108, 95, 148, 105));
    }
}
