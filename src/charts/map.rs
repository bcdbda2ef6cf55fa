//! Where each drawn value sits, so the UI can show an HTML tooltip for it.
//!
//! Canvas pixels carry no meaning once drawn; a chart therefore returns the rectangles it
//! drew (bars, cells, small squares around points) in backend pixel coordinates together
//! with the exact texts to show. The UI converts the pointer position (css px × dpr) and
//! asks [`ChartMap::hit_at`].

use serde::{Deserialize, Serialize};

/// One pointer-sensitive region; `title` is the full (never truncated) label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub title: String,
    pub lines: Vec<String>,
    /// What clicking the region selects, for charts whose parts act (a flow node):
    /// a chart-defined id such as `node:1:3`. `None` for regions that only inform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Hit {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// Every hit region of one drawn chart, in drawing order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChartMap {
    /// Size of the drawing area in backend pixels.
    pub width: u32,
    pub height: u32,
    pub hits: Vec<Hit>,
}

impl ChartMap {
    /// The region under `(x, y)`; the one drawn last wins, as it is the one on top (a point
    /// over a band, a marker over a bar).
    pub fn hit_at(&self, x: i32, y: i32) -> Option<&Hit> {
        self.hits.iter().rev().find(|h| h.contains(x, y))
    }
}

/// A key that moves the keyboard focus between the data points of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next point in drawing order (data order: stages, periods, cells row by row).
    Next,
    Prev,
    /// The nearest point above or below, so a grid can be walked by rows as well.
    Up,
    Down,
    First,
    Last,
}

impl ChartMap {
    /// The point the keyboard moves to from `from` (none yet: the first arrow press starts at
    /// the first point, or the last for Prev/Last); `None` when the chart has no point.
    /// Up and Down pick the nearest point whose centre lies strictly above or below, and
    /// fall back to Prev and Next when there is none, so a chart with one row of bars still
    /// answers every arrow key.
    pub fn step(&self, from: Option<usize>, step: Step) -> Option<usize> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let last = n - 1;
        let Some(i) = from.filter(|&i| i < n) else {
            return Some(match step {
                Step::Prev | Step::Last => last,
                _ => 0,
            });
        };
        Some(match step {
            Step::Next => (i + 1).min(last),
            Step::Prev => i.saturating_sub(1),
            Step::First => 0,
            Step::Last => last,
            Step::Up => self.nearest(i, -1).unwrap_or(i.saturating_sub(1)),
            Step::Down => self.nearest(i, 1).unwrap_or((i + 1).min(last)),
        })
    }

    /// The point closest to point `i` among those whose centre is above (`dir` < 0) or
    /// below it; rows count first, then horizontal distance.
    fn nearest(&self, i: usize, dir: i64) -> Option<usize> {
        let (cx, cy) = self.hits.get(i)?.centre();
        self.hits
            .iter()
            .enumerate()
            .filter(|(_, h)| (h.centre().1 - cy) * dir > 0)
            .min_by_key(|(_, h)| {
                let (x, y) = h.centre();
                ((y - cy).abs(), (x - cx).abs())
            })
            .map(|(j, _)| j)
    }
}

impl Hit {
    /// Centre in doubled pixels, so odd widths stay exact.
    fn centre(&self) -> (i64, i64) {
        (
            self.x0 as i64 + self.x1 as i64,
            self.y0 as i64 + self.y1 as i64,
        )
    }

    /// The words a screen reader announces for this point: its title, then its values.
    pub fn announcement(&self) -> String {
        if self.lines.is_empty() {
            return self.title.clone();
        }
        format!("{}. {}.", self.title, self.lines.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(x0: i32, x1: i32, title: &str) -> Hit {
        Hit {
            x0,
            y0: 0,
            x1,
            y1: 10,
            title: title.into(),
            lines: vec![],
            key: None,
        }
    }

    #[test]
    fn topmost_hit_wins() {
        let map = ChartMap {
            width: 100,
            height: 10,
            hits: vec![hit(0, 50, "bar"), hit(40, 45, "marker")],
        };
        assert_eq!(map.hit_at(42, 5).map(|h| h.title.as_str()), Some("marker"));
        assert_eq!(map.hit_at(10, 5).map(|h| h.title.as_str()), Some("bar"));
        assert_eq!(map.hit_at(60, 5), None);
        assert_eq!(map.hit_at(10, 11), None);
    }

    fn cell(x: i32, y: i32, title: &str) -> Hit {
        Hit {
            x0: x,
            y0: y,
            x1: x + 10,
            y1: y + 10,
            title: title.into(),
            lines: vec![],
            key: None,
        }
    }

    /// A 2 × 3 grid drawn row by row: a b c / d e f.
    fn grid() -> ChartMap {
        ChartMap {
            width: 40,
            height: 30,
            hits: vec![
                cell(0, 0, "a"),
                cell(12, 0, "b"),
                cell(24, 0, "c"),
                cell(0, 12, "d"),
                cell(12, 12, "e"),
                cell(24, 12, "f"),
            ],
        }
    }

    #[test]
    fn the_first_key_press_starts_at_an_end() {
        let m = grid();
        assert_eq!(m.step(None, Step::Next), Some(0));
        assert_eq!(m.step(None, Step::Down), Some(0));
        assert_eq!(m.step(None, Step::Prev), Some(5));
        assert_eq!(m.step(None, Step::Last), Some(5));
        // A stale index (the chart redrew with fewer points) starts over.
        assert_eq!(m.step(Some(9), Step::Next), Some(0));
        assert_eq!(ChartMap::default().step(None, Step::Next), None);
        assert_eq!(ChartMap::default().step(Some(0), Step::Prev), None);
    }

    #[test]
    fn next_and_prev_follow_drawing_order_and_stop_at_the_ends() {
        let m = grid();
        assert_eq!(m.step(Some(0), Step::Next), Some(1));
        assert_eq!(m.step(Some(2), Step::Next), Some(3));
        assert_eq!(m.step(Some(5), Step::Next), Some(5));
        assert_eq!(m.step(Some(3), Step::Prev), Some(2));
        assert_eq!(m.step(Some(0), Step::Prev), Some(0));
        assert_eq!(m.step(Some(3), Step::First), Some(0));
        assert_eq!(m.step(Some(1), Step::Last), Some(5));
    }

    #[test]
    fn up_and_down_walk_the_columns_of_a_grid() {
        let m = grid();
        assert_eq!(m.step(Some(1), Step::Down), Some(4)); // b -> e
        assert_eq!(m.step(Some(5), Step::Up), Some(2)); // f -> c
                                                        // Nothing below the bottom row: Down acts as Next, Up on the top row as Prev.
        assert_eq!(m.step(Some(4), Step::Down), Some(5));
        assert_eq!(m.step(Some(1), Step::Up), Some(0));
    }

    #[test]
    fn an_announcement_reads_the_title_then_the_values() {
        let mut h = cell(0, 0, "Purchase");
        assert_eq!(h.announcement(), "Purchase");
        h.lines = vec!["Customers: 400".into(), "% of first: 40.0%".into()];
        assert_eq!(
            h.announcement(),
            "Purchase. Customers: 400; % of first: 40.0%."
        );
    }
}
