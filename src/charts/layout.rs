//! Pixel geometry: plot rectangles, value → pixel scales and "nice" axis ticks.
//!
//! Charts lay themselves out by hand instead of through plotters' `ChartBuilder`, so every
//! bar, cell and point has a pixel position we know exactly and can report as a hit region.

/// A rectangle in drawing-area pixels (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn new(x0: i32, y0: i32, x1: i32, y1: i32) -> Rect {
        Rect { x0, y0, x1, y1 }
    }
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }
    /// True when too small to hold a chart; drawing then falls back to a message.
    pub fn is_degenerate(&self) -> bool {
        self.width() < 4 || self.height() < 4
    }
}

/// Maps a value domain linearly onto a pixel range (which may run backwards, as on y axes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    /// A zero-width domain is widened so the mapping stays defined.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Linear {
        let (d0, d1) = if !(d0.is_finite() && d1.is_finite()) {
            (0.0, 1.0)
        } else if (d1 - d0).abs() < f64::EPSILON {
            (d0 - 0.5, d1 + 0.5)
        } else {
            (d0, d1)
        };
        Linear { d0, d1, r0, r1 }
    }

    /// Pixel position of `v`; NaN maps to the start of the range.
    pub fn map(&self, v: f64) -> f64 {
        if !v.is_finite() {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    pub fn px(&self, v: f64) -> i32 {
        self.map(v).round() as i32
    }
}

/// `n` equal slots over a pixel range, each with an inner padding fraction; used for bars
/// and category axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub start: f64,
    pub step: f64,
    pub padding: f64,
}

impl Bands {
    pub fn new(n: usize, start: i32, end: i32, padding: f64) -> Bands {
        let n = n.max(1) as f64;
        Bands {
            start: start as f64,
            step: (end - start) as f64 / n,
            padding: padding.clamp(0.0, 0.9),
        }
    }

    /// Pixel span `(from, to)` of the `i`-th band's bar (padding removed).
    pub fn span(&self, i: usize) -> (i32, i32) {
        let a = self.start + self.step * i as f64;
        let pad = self.step * self.padding / 2.0;
        let from = (a + pad).round() as i32;
        let to = (a + self.step - pad).round() as i32;
        (from, to.max(from + 1))
    }

    /// Centre of the `i`-th band.
    pub fn center(&self, i: usize) -> i32 {
        (self.start + self.step * (i as f64 + 0.5)).round() as i32
    }

    pub fn step_px(&self) -> f64 {
        self.step.abs()
    }
}

/// Round tick values covering `[min, max]`, about `target` of them (Heckbert's "nice
/// numbers"): 0, 250, 500 … rather than 0, 237, 474.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) {
        return vec![0.0, 1.0];
    }
    let (lo, hi) = if max < min { (max, min) } else { (min, max) };
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
        if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo.min(0.0), hi.max(0.0))
        }
    } else {
        (lo, hi)
    };
    let step = nice_step((hi - lo) / target.max(1) as f64);
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let n = ((last - first) / step).round() as usize;
    (0..=n.min(100))
        .map(|i| {
            let v = first + step * i as f64;
            // Avoid "-0" and 0.30000000000000004 in labels.
            let v = (v / step).round() * step;
            if v == 0.0 {
                0.0
            } else {
                v
            }
        })
        .collect()
}

fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Decimals needed to tell ticks `step` apart (0 for whole steps, 1 for 0.5, 2 for 0.25 …).
pub fn tick_decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if step <= 0.0 || !step.is_finite() {
        return 0;
    }
    let mut d = 0;
    while d < 4
        && ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() > 1e-6
    {
        d += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 1000.0, 4),
            vec![0.0, 250.0, 500.0, 750.0, 1000.0]
        );
        assert_eq!(
            nice_ticks(0.0, 93.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(-1.0, 1.0, 4), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
        assert_eq!(nice_ticks(5.0, 5.0, 4), vec![0.0, 2.0, 4.0, 6.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 4), vec![0.0, 1.0]);
        assert_eq!(tick_decimals(&[0.0, 0.25]), 2);
        assert_eq!(tick_decimals(&[0.0, 250.0]), 0);
        assert_eq!(tick_decimals(&[-1.0, -0.5]), 1);
    }

    #[test]
    fn scales_and_bands_map_to_pixels() {
        let y = Linear::new(0.0, 100.0, 200.0, 0.0);
        assert_eq!(y.px(25.0), 150);
        assert_eq!(y.px(f64::NAN), 200);
        let flat = Linear::new(3.0, 3.0, 0.0, 100.0);
        assert_eq!(flat.px(3.0), 50);
        let b = Bands::new(4, 0, 400, 0.2);
        assert_eq!(b.span(0), (10, 90));
        assert_eq!(b.center(3), 350);
        let empty = Bands::new(0, 0, 100, 0.0);
        assert_eq!(empty.span(0), (0, 100));
    }
}
