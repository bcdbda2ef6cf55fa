//! A persona keeps one colour in every chart, and the first twelve personas get twelve
//! colours that are told apart and readable on the light and the dark background.

use journey_lens::charts::theme::{set_persona_order, SERIES_DARK, SERIES_LIGHT};
use journey_lens::charts::{Rgb, Theme};

/// WCAG contrast ratio of two colours.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// CIE 1976 L*a*b* of an sRGB colour (D65).
fn lab(c: Rgb) -> (f64, f64, f64) {
    let lin = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    (
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    )
}

fn delta_e(a: Rgb, b: Rgb) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2) + (p.2 - q.2).powi(2)).sqrt()
}

/// Twelve personas, given in no particular order.
fn twelve() -> Vec<String> {
    [
        "Student",
        "Family",
        "Retiree",
        "Freelancer",
        "Gamer",
        "Nurse",
        "Teacher",
        "Driver",
        "Chef",
        "Artist",
        "Banker",
        "Athlete",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn twelve_personas_get_twelve_readable_distinct_colours() {
    for (theme, palette, min_contrast) in [
        (Theme::light(), SERIES_LIGHT, 2.0),
        (Theme::dark(), SERIES_DARK, 3.0),
    ] {
        assert_eq!(theme.categorical, palette.to_vec());
        for c in palette {
            let k = contrast(c, theme.background);
            assert!(k >= min_contrast, "{c} on {}: {k:.2}", theme.background);
        }
        for (i, a) in palette.iter().enumerate() {
            for b in &palette[i + 1..] {
                let d = delta_e(*a, *b);
                assert!(d >= 20.0, "{a} and {b} are only ΔE {d:.1} apart");
            }
        }
        set_persona_order(&twelve());
        let mut seen: Vec<Rgb> = twelve().iter().map(|p| theme.named(p)).collect();
        seen.sort_by_key(|c| (c.0, c.1, c.2));
        seen.dedup();
        assert_eq!(seen.len(), 12, "{seen:?}");
    }
    set_persona_order(&[]);
}

#[test]
fn colours_follow_the_sorted_names_and_repeat_after_twelve() {
    let t = Theme::light();
    set_persona_order(&twelve());
    // Sorted: Artist, Athlete, Banker, Chef, Driver, Family, Freelancer, Gamer, Nurse,
    // Retiree, Student, Teacher.
    assert_eq!(t.named("Artist"), Rgb(0x00, 0x72, 0xB2));
    assert_eq!(t.named("Chef"), Rgb(0xCC, 0x79, 0xA7));
    assert_eq!(t.named("Teacher"), Rgb(0x88, 0x22, 0x55));
    // A thirteenth persona ("Zookeeper", sorted last) starts the palette again.
    let mut thirteen = twelve();
    thirteen.push("Zookeeper".into());
    set_persona_order(&thirteen);
    assert_eq!(t.named("Zookeeper"), t.named("Artist"));
    assert_eq!(t.named("Teacher"), Rgb(0x88, 0x22, 0x55));
    // The dark theme gives the same persona its own theme's colour at the same position.
    assert_eq!(Theme::dark().named("Artist"), Rgb(0x56, 0xB4, 0xE9));
    set_persona_order(&[]);
}
