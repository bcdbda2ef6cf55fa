//! Shared helpers for the chart tests: render to an SVG string and read its texts back.
#![allow(dead_code)]

use journey_lens::charts::{ChartError, ChartMap};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Renders with `draw` on a `w`×`h` SVG and returns the document and the hit map.
pub fn render<F>(w: u32, h: u32, draw: F) -> (String, ChartMap)
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<ChartMap, ChartError>,
{
    let mut svg = String::new();
    let map = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let map = draw(&root).unwrap_or_else(|e| panic!("drawing failed: {e}"));
        root.present()
            .unwrap_or_else(|e| panic!("present failed: {e}"));
        map
    };
    (svg, map)
}

/// The contents of every `<text>` element, unescaped, in document order.
pub fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let after = &rest[start..];
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let Some(end) = body.find("</text>") else {
            break;
        };
        out.push(unescape(body[..end].trim_matches('\n')));
        rest = &body[end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Panics with the list of drawn texts when `expected` was not drawn exactly.
pub fn assert_text(svg: &str, expected: &str) {
    let all = texts(svg);
    assert!(
        all.iter().any(|t| t == expected),
        "text {expected:?} not drawn; drawn texts: {all:?}"
    );
}

pub fn assert_no_text(svg: &str, unexpected: &str) {
    let all = texts(svg);
    assert!(
        !all.iter().any(|t| t == unexpected),
        "text {unexpected:?} should not be drawn; drawn texts: {all:?}"
    );
}

/// True when `label` was drawn either whole or shortened to a prefix ending with "…".
pub fn label_drawn(svg: &str, label: &str) -> bool {
    texts(svg).iter().any(|t| {
        t == label
            || t.strip_suffix('…')
                .is_some_and(|prefix| !prefix.is_empty() && label.starts_with(prefix))
    })
}

/// Number of `<rect` elements filled with `hex` (e.g. "#5698C6").
pub fn rects_filled(svg: &str, hex: &str) -> usize {
    svg.lines()
        .filter(|l| l.contains("<rect") && l.contains(&format!("fill=\"{hex}\"")))
        .count()
}

pub fn titles(map: &ChartMap) -> Vec<&str> {
    map.hits.iter().map(|h| h.title.as_str()).collect()
}
