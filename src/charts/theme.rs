//! Colours, fonts and sizes shared by every chart.
//!
//! A theme is plain serde data so the UI can store the user's choice and pass it back. All
//! lengths are CSS pixels; [`Theme::px`] multiplies by `scale` (the device pixel ratio) so a
//! canvas whose backing store is css size × dpr gets crisp text and lines on HiDPI screens.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An opaque colour, serialised as `"#rrggbb"` so the UI can reuse it in CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb` (the `#` is optional).
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn to_plotters(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }

    /// Straight-line blend in sRGB; `t` = 0 gives `self`, 1 gives `other`.
    pub fn lerp(self, other: Rgb, t: f64) -> Rgb {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(
            mix(self.0, other.0),
            mix(self.1, other.1),
            mix(self.2, other.2),
        )
    }

    /// WCAG relative luminance, used to pick readable text over a filled cell.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl From<Rgb> for String {
    fn from(c: Rgb) -> String {
        c.to_string()
    }
}

impl TryFrom<String> for Rgb {
    type Error = String;
    fn try_from(s: String) -> Result<Rgb, String> {
        Rgb::parse(&s).ok_or_else(|| format!("\"{s}\" is not a colour like #1a2b3c"))
    }
}

/// The light theme's twelve series colours: the first six of Okabe & Ito (2008,
/// distinguishable under the common colour-vision deficiencies), four of ColorBrewer
/// Dark2, olive, and Paul Tol's wine in place of yellow (1.3:1 on white is not readable). Each is at least 2:1 against white and at least ΔE 20 (CIE 1976) from
/// every other, so twelve personas get twelve colours told apart at a glance.
pub const SERIES_LIGHT: [Rgb; 12] = [
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0x75, 0x70, 0xB3), // slate purple
    Rgb(0xE7, 0x29, 0x8A), // magenta
    Rgb(0x66, 0xA6, 0x1E), // leaf green
    Rgb(0xA6, 0x76, 0x1D), // ochre brown
    Rgb(0x80, 0x80, 0x00), // olive
    Rgb(0x88, 0x22, 0x55), // wine
];

/// The dark theme's twelve: the same hues, lighter where the light theme's would sink into
/// the dark background (each at least 3:1 against it, ΔE 20 apart).
pub const SERIES_DARK: [Rgb; 12] = [
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0xF0, 0xE4, 0x42), // yellow
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0x9D, 0x98, 0xE6), // lavender
    Rgb(0xF0, 0x62, 0xA8), // pink
    Rgb(0x7F, 0xBF, 0x3F), // leaf green
    Rgb(0xC9, 0x96, 0x4A), // tan
    Rgb(0xB3, 0xB3, 0x4D), // olive
    Rgb(0x00, 0x72, 0xB2), // blue
];

/// ColorBrewer RdBu, 7 classes (colour-blind safe): red = dissatisfied, blue = satisfied.
pub const RD_BU_7: [Rgb; 7] = [
    Rgb(0xB2, 0x18, 0x2B),
    Rgb(0xEF, 0x8A, 0x62),
    Rgb(0xFD, 0xDB, 0xC7),
    Rgb(0xF7, 0xF7, 0xF7),
    Rgb(0xD1, 0xE5, 0xF0),
    Rgb(0x67, 0xA9, 0xCF),
    Rgb(0x21, 0x66, 0xAC),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    /// Secondary text: axis ticks, notes.
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    /// Fill of an empty heat-map cell, so "no answers" never looks like a neutral score.
    pub empty: Rgb,
    /// Series colours in order; charts cycle through them.
    pub categorical: Vec<Rgb>,
    /// Low → high stops, interpolated; the middle stop is the scale midpoint.
    pub diverging: Vec<Rgb>,
    /// NPS categories: detractors, passives, promoters.
    pub detractor: Rgb,
    pub passive: Rgb,
    pub promoter: Rgb,
    pub font_family: String,
    /// Font sizes are CSS pixels as the canvas backend uses them; plotters' SVG backend
    /// writes `size / 1.24` (it treats the size as a line height), so SVG exports read a
    /// little smaller than the screen.
    /// Tick labels, cell values.
    pub font_small: f64,
    /// Category labels, legends.
    pub font_normal: f64,
    /// Chart titles, the "No data" message.
    pub font_large: f64,
    /// Stroke width of data lines (thin lines such as grid are always 1 px × scale).
    pub line_width: f64,
    /// Device pixel ratio: every length and font size is multiplied by it.
    pub scale: f64,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: Rgb(0xFF, 0xFF, 0xFF),
            text: Rgb(0x1F, 0x23, 0x28),
            muted: Rgb(0x5F, 0x66, 0x6D),
            grid: Rgb(0xE3, 0xE6, 0xEA),
            axis: Rgb(0x8C, 0x93, 0x9A),
            empty: Rgb(0xEE, 0xEF, 0xF1),
            categorical: SERIES_LIGHT.to_vec(),
            diverging: RD_BU_7.to_vec(),
            detractor: Rgb(0xD5, 0x5E, 0x00),
            passive: Rgb(0xBB, 0xBB, 0xBB),
            promoter: Rgb(0x00, 0x72, 0xB2),
            font_family: "sans-serif".to_string(),
            font_small: 11.0,
            font_normal: 13.0,
            font_large: 16.0,
            line_width: 2.0,
            scale: 1.0,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: Rgb(0x16, 0x1B, 0x22),
            text: Rgb(0xE6, 0xED, 0xF3),
            muted: Rgb(0x9D, 0xA7, 0xB3),
            grid: Rgb(0x2D, 0x33, 0x3B),
            axis: Rgb(0x6E, 0x76, 0x81),
            empty: Rgb(0x26, 0x2C, 0x34),
            categorical: SERIES_DARK.to_vec(),
            diverging: RD_BU_7.to_vec(),
            detractor: Rgb(0xD5, 0x5E, 0x00),
            passive: Rgb(0x6E, 0x76, 0x81),
            promoter: Rgb(0x56, 0xB4, 0xE9),
            ..Theme::light()
        }
    }

    /// A CSS length in backend pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.safe_scale()
    }

    /// A CSS length in whole backend pixels (at least 1).
    pub fn ipx(&self, css: f64) -> i32 {
        (self.px(css).round() as i32).max(1)
    }

    /// `scale` guarded against 0, NaN and absurd values sent by a confused caller.
    pub fn safe_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale.min(8.0)
        } else {
            1.0
        }
    }

    /// The colour of a persona, the same in every chart: its position among the loaded
    /// data's personas sorted by name ([`set_persona_order`]), so it does not depend on
    /// which personas a chart shows, in what order, or after which filter. The first twelve
    /// personas get twelve different colours; from the thirteenth on the palette starts
    /// again (the 13th shares the 1st's colour), which is why every chart that draws
    /// personas names them in its legend or on the mark. A name outside that list falls back
    /// to a stable hash of the name (FNV-1a).
    pub fn named(&self, name: &str) -> Rgb {
        let at = PERSONAS.with(|p| p.borrow().binary_search_by(|x| x.as_str().cmp(name)).ok());
        if let Some(i) = at {
            return self.series(i);
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.series((h % self.categorical.len().max(1) as u64) as usize)
    }

    /// The `i`-th series colour, cycling; falls back to the text colour if the palette is empty.
    pub fn series(&self, i: usize) -> Rgb {
        if self.categorical.is_empty() {
            self.text
        } else {
            self.categorical[i % self.categorical.len()]
        }
    }

    /// Colour for a position `t` in 0..=1 along the diverging palette (0.5 = midpoint).
    pub fn diverging_at(&self, t: f64) -> Rgb {
        let stops = &self.diverging;
        match stops.len() {
            0 => self.empty,
            1 => stops[0],
            n => {
                let t = if t.is_finite() {
                    t.clamp(0.0, 1.0)
                } else {
                    0.5
                };
                let pos = t * (n - 1) as f64;
                let i = (pos.floor() as usize).min(n - 2);
                stops[i].lerp(stops[i + 1], pos - i as f64)
            }
        }
    }

    /// Black-ish or white-ish text, whichever reads better on `fill`.
    pub fn text_on(&self, fill: Rgb) -> Rgb {
        if fill.luminance() > 0.36 {
            Rgb(0x1F, 0x23, 0x28)
        } else {
            Rgb(0xFF, 0xFF, 0xFF)
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::light()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_round_trip_as_hex() {
        assert_eq!(Rgb(0, 114, 178).to_string(), "#0072b2");
        assert_eq!(Rgb::parse("#0072B2"), Some(Rgb(0, 114, 178)));
        assert_eq!(Rgb::parse("0072b2"), Some(Rgb(0, 114, 178)));
        assert_eq!(Rgb::parse("#0072b"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
        let json = serde_json::to_string(&Theme::light()).unwrap_or_default();
        assert!(json.contains("\"background\":\"#ffffff\""), "{json}");
        let back: Result<Theme, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(Theme::light()));
    }

    #[test]
    fn diverging_interpolates_between_stops() {
        let t = Theme::light();
        assert_eq!(t.diverging_at(0.0), Rgb(0xB2, 0x18, 0x2B));
        assert_eq!(t.diverging_at(0.5), Rgb(0xF7, 0xF7, 0xF7));
        assert_eq!(t.diverging_at(1.0), Rgb(0x21, 0x66, 0xAC));
        // Halfway between stop 4 (#d1e5f0) and stop 5 (#67a9cf): t = 0.75 → position 4.5.
        assert_eq!(t.diverging_at(0.75), Rgb(0x9C, 0xC7, 0xE0));
        assert_eq!(t.diverging_at(f64::NAN), Rgb(0xF7, 0xF7, 0xF7));
        assert_eq!(t.diverging_at(7.0), Rgb(0x21, 0x66, 0xAC));
    }

    #[test]
    fn scale_multiplies_lengths() {
        let mut t = Theme::light();
        t.scale = 2.0;
        assert_eq!(t.ipx(13.0), 26);
        t.scale = f64::NAN;
        assert_eq!(t.ipx(13.0), 13);
        assert_eq!(t.text_on(Rgb(0x21, 0x66, 0xAC)), Rgb(255, 255, 255));
        assert_eq!(t.text_on(Rgb(0xF7, 0xF7, 0xF7)), Rgb(0x1F, 0x23, 0x28));
    }
}

thread_local! {
    /// The loaded data's persona names, sorted: their positions are the personas' colours.
    static PERSONAS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Sets the personas whose sorted order gives each one its colour in every chart (the UI
/// calls it when a dataset is analysed). Sorted here, so the colours do not depend on the
/// order of the file.
pub fn set_persona_order(names: &[String]) {
    let mut v = names.to_vec();
    crate::order::sort(&mut v);
    v.dedup();
    PERSONAS.with(|p| *p.borrow_mut() = v);
}

#[cfg(test)]
mod persona_tests {
    use super::*;

    #[test]
    fn a_persona_keeps_one_colour_whatever_the_order() {
        let t = Theme::light();
        // Sorted: Bargain hunter, Busy professional, First-time buyer, Loyal regular.
        set_persona_order(&[
            "Loyal regular".into(),
            "Busy professional".into(),
            "Bargain hunter".into(),
            "First-time buyer".into(),
        ]);
        assert_eq!(t.named("Bargain hunter"), SERIES_LIGHT[0]);
        assert_eq!(t.named("Busy professional"), SERIES_LIGHT[1]);
        assert_eq!(t.named("First-time buyer"), SERIES_LIGHT[2]);
        assert_eq!(t.named("Loyal regular"), SERIES_LIGHT[3]);
        // The same list in another order gives the same colours.
        set_persona_order(&[
            "First-time buyer".into(),
            "Loyal regular".into(),
            "Bargain hunter".into(),
            "Busy professional".into(),
        ]);
        assert_eq!(t.named("Loyal regular"), SERIES_LIGHT[3]);
        // Unknown names: a stable colour from the hash of the name.
        set_persona_order(&[]);
        assert_eq!(t.named("Busy professional"), t.named("Busy professional"));
    }
}
