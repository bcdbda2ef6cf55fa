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
}
