//! Shortening labels so axes stay readable.
//!
//! Stage and touchpoint names come straight from user files: long, any script, sometimes
//! with line breaks. Counting `char`s (never bytes) means "Świadomość" or "Обслуговування"
//! is cut between letters, never inside one, so truncation cannot panic or emit broken
//! UTF-8. The full text always stays available in the hit region's title.

/// The ellipsis appended to a shortened label.
pub const ELLIPSIS: char = '…';

/// `label` on one line, at most `max_chars` characters, ending in "…" when shortened.
pub fn truncate(label: &str, max_chars: usize) -> String {
    let clean = one_line(label);
    if clean.chars().count() <= max_chars {
        return clean;
    }
    if max_chars == 0 {
        return String::new();
    }
    let mut out: String = clean.chars().take(max_chars - 1).collect();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push(ELLIPSIS);
    out
}

/// Collapses line breaks, tabs and runs of spaces, which would otherwise break SVG text
/// layout or make an axis label taller than its slot.
pub fn one_line(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many characters of `font_px` text fit in `width_px`, using an average glyph width of
/// 0.6 em: a deliberately generous estimate, since SVG and canvas give no metrics here.
pub fn chars_that_fit(width_px: f64, font_px: f64) -> usize {
    if !(width_px.is_finite() && font_px.is_finite()) || font_px <= 0.0 || width_px <= 0.0 {
        return 0;
    }
    (width_px / (font_px * 0.6)).floor() as usize
}

/// Estimated drawn width of `text`, the inverse of [`chars_that_fit`].
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_are_untouched() {
        assert_eq!(truncate("Awareness", 9), "Awareness");
        assert_eq!(truncate("Świadomość", 10), "Świadomość");
    }

    #[test]
    fn long_labels_end_with_ellipsis_and_count_chars() {
        assert_eq!(truncate("Awareness", 5), "Awar…");
        assert_eq!(truncate("Świadomość marki", 6), "Świad…");
        assert_eq!(truncate("Обслуговування", 4), "Обс…");
        assert_eq!(truncate("Atenció al client", 9), "Atenció…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(truncate("  Check\nout\t now ", 20), "Check out now");
    }

    #[test]
    fn fit_estimates() {
        assert_eq!(chars_that_fit(60.0, 10.0), 10);
        assert_eq!(chars_that_fit(-1.0, 10.0), 0);
        assert_eq!(chars_that_fit(10.0, f64::NAN), 0);
        assert_eq!(text_width("abcd", 10.0), 24.0);
    }
}
