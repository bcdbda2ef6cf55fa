//! Exploring a canvas chart's points by keyboard: it takes focus, the arrow keys walk the
//! same hit map the pointer uses (the tooltip follows and a ring marks the point), a live
//! region reads the point in words, Enter picks a clickable point and Escape leaves the
//! points. Shared by every chart card and the journey map, so each canvas answers the same
//! keys the same way. See [`ChartMap::step`].

use crate::charts::{ChartMap, Hit, Step};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// The HTML tooltip over a canvas, in CSS pixels of the element it is placed in.
#[derive(Clone, PartialEq)]
pub struct Tip {
    pub x: f64,
    pub y: f64,
    pub title: String,
    pub lines: Vec<String>,
}

/// The keyboard state of one canvas.
#[derive(Clone, Copy)]
pub struct KeyNav {
    map: RwSignal<ChartMap>,
    tip: RwSignal<Option<Tip>>,
    dpr: RwSignal<f64>,
    /// The point chosen by keyboard (an index into the hit map).
    active: RwSignal<Option<usize>>,
    /// The chosen point in words, for the live region.
    spoken: RwSignal<String>,
    /// A box the canvas scrolls in sideways: the chosen point is scrolled into view and the
    /// tooltip, which sits outside the box, is placed in the box's visible part.
    scroll: Option<NodeRef<html::Div>>,
}

impl KeyNav {
    pub fn new(map: RwSignal<ChartMap>, tip: RwSignal<Option<Tip>>, dpr: RwSignal<f64>) -> Self {
        KeyNav {
            map,
            tip,
            dpr,
            active: RwSignal::new(None),
            spoken: RwSignal::new(String::new()),
            scroll: None,
        }
    }

    pub fn in_scroll_box(self, scroll: NodeRef<html::Div>) -> Self {
        KeyNav {
            scroll: Some(scroll),
            ..self
        }
    }

    pub fn is_active(self) -> bool {
        self.active.get_untracked().is_some()
    }

    /// After a redraw (new data, resize, theme) the keyboard point stays on screen; it drops
    /// out if the chart now has fewer points.
    pub fn redrawn(self) {
        if let Some(i) = self.active.get_untracked() {
            self.show(Some(i), false);
        }
    }

    /// The pointer takes over from the keyboard.
    pub fn leave(self) {
        if self.is_active() {
            self.active.set(None);
            self.tip.set(None);
        }
    }

    pub fn on_key(self, e: ev::KeyboardEvent, on_pick: Option<Callback<String>>) {
        let key = e.key();
        if key == "Escape" {
            if self.is_active() {
                e.prevent_default();
                self.leave();
                self.spoken.set(String::new());
            }
            return;
        }
        if key == "Enter" || key == " " {
            // A focused point that can be clicked (a flow node) is picked by keyboard too.
            let picked = self.active.get_untracked().and_then(|i| {
                self.map
                    .with_untracked(|m| m.hits.get(i).and_then(|h| h.key.clone()))
            });
            if let (Some(k), Some(pick)) = (picked, on_pick) {
                e.prevent_default();
                pick.run(k);
            }
            return;
        }
        let Some(step) = step_for(&key) else {
            return;
        };
        e.prevent_default();
        let next = self
            .map
            .with_untracked(|m| m.step(self.active.get_untracked(), step));
        self.show(next, true);
    }

    /// The ring around the chosen point, in the canvas's own coordinates.
    pub fn ring(self) -> impl IntoView {
        move || {
            let i = self.active.get()?;
            let ratio = self.dpr.get();
            self.map
                .with(|m| m.hits.get(i).map(|h| css_rect(h, ratio)))
                .map(|(x, y, w, h)| {
                    view! {
                        <div
                            class="jl-chart-ring"
                            aria-hidden="true"
                            style=format!("left:{x:.1}px;top:{y:.1}px;width:{w:.1}px;height:{h:.1}px")
                        ></div>
                    }
                })
        }
    }

    /// The polite live region that reads the chosen point.
    /// The tooltip of the pointer's or the keyboard's point, `(dx, dy)` CSS px from it.
    /// Its text is text nodes, never HTML: titles come from user files.
    pub fn tooltip(self, (dx, dy): (f64, f64)) -> impl IntoView {
        move || {
            self.tip.get().map(|t| {
                view! {
                    <div
                        class="jl-tooltip"
                        data-testid="tooltip"
                        style=format!("left:{}px;top:{}px", t.x + dx, t.y + dy)
                    >
                        <strong>{t.title}</strong>
                        {t.lines.join("\n")}
                    </div>
                }
            })
        }
    }

    pub fn live(self) -> impl IntoView {
        view! {
            <p class="jl-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="chart-live">
                {move || self.spoken.get()}
            </p>
        }
    }

    fn show(self, to: Option<usize>, announce: bool) {
        let ratio = self.dpr.get_untracked();
        let found = to.and_then(|i| {
            self.map.with_untracked(|m| {
                let h = m.hits.get(i)?;
                let width = m.width as f64 / if ratio > 0.0 { ratio } else { 1.0 };
                Some((i, h.clone(), width))
            })
        });
        let Some((i, hit, width)) = found else {
            self.active.set(None);
            self.tip.set(None);
            return;
        };
        let (x, y, w, h) = css_rect(&hit, ratio);
        let (shift, width) = self.scroll_to(x, w).unwrap_or((0.0, width));
        // The tooltip is placed 14 px right of `x`: keep at least 220 px of it inside.
        let left = (x - shift + w / 2.0).min(width - 234.0).max(-14.0);
        self.active.set(Some(i));
        if announce {
            self.spoken.set(hit.announcement());
        }
        self.tip.set(Some(Tip {
            x: left,
            y: y + h,
            title: hit.title,
            lines: hit.lines,
        }));
    }

    /// Scrolls the box so `x .. x + w` is visible; the box's scroll offset and width after.
    fn scroll_to(self, x: f64, w: f64) -> Option<(f64, f64)> {
        let el = self.scroll?.get_untracked()?;
        let (left, width) = (el.scroll_left() as f64, el.client_width() as f64);
        let left = if x < left {
            x - 16.0
        } else if x + w > left + width {
            x + w - width + 16.0
        } else {
            left
        }
        .max(0.0);
        el.set_scroll_left(left as i32);
        Some((el.scroll_left() as f64, width))
    }
}

/// The arrow key, Home or End a chart answers; other keys keep their usual meaning.
fn step_for(key: &str) -> Option<Step> {
    Some(match key {
        "ArrowRight" => Step::Next,
        "ArrowLeft" => Step::Prev,
        "ArrowUp" => Step::Up,
        "ArrowDown" => Step::Down,
        "Home" => Step::First,
        "End" => Step::Last,
        _ => return None,
    })
}

/// A point's rectangle in CSS pixels of the canvas: `(left, top, width, height)`.
fn css_rect(h: &Hit, ratio: f64) -> (f64, f64, f64, f64) {
    let r = if ratio > 0.0 { ratio } else { 1.0 };
    (
        h.x0 as f64 / r,
        h.y0 as f64 / r,
        (h.x1 - h.x0) as f64 / r,
        (h.y1 - h.y0) as f64 / r,
    )
}
