//! Download file names that say what is in them.
//!
//! Ten downloads of one afternoon all called `journey-lens-funnel.csv` overwrite each other
//! or become `journey-lens-funnel (7).csv`, and nobody can tell which dataset or day they
//! came from. A name carries the view, the dataset and the date:
//! `journey-lens-funnel-olist_orders-2026-12-01.csv`. The dataset's name comes from the
//! user's file or feed, so it is cut down to characters every file system accepts.

/// Longest dataset part kept in a file name, in characters.
const MAX_DATASET: usize = 40;

/// `journey-lens-{view}-{dataset}-{date}.{ext}`; the dataset part is left out when nothing
/// of it survives (a name of only punctuation), `date` is ISO `YYYY-MM-DD`.
///
/// ```
/// use journey_lens::export::name::file_name;
/// assert_eq!(
///     file_name("funnel", "Olist orders.csv", "2026-12-01", "png"),
///     "journey-lens-funnel-Olist_orders-2026-12-01.png"
/// );
/// ```
pub fn file_name(view: &str, dataset: &str, date: &str, ext: &str) -> String {
    let mut parts = vec!["journey-lens".to_string(), slug(view)];
    let d = slug(stem(dataset));
    if !d.is_empty() {
        parts.push(d);
    }
    parts.push(slug(date));
    format!("{}.{}", parts.join("-"), slug(ext))
}

/// The name without its extension ("orders.csv" → "orders"), and without a URL's path
/// and query for a feed ("https://x.org/feed.json?k=1" → "feed").
fn stem(name: &str) -> &str {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let name = name.trim_end_matches('/');
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match name.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && ext.len() <= 5 => s,
        _ => name,
    }
}

/// Letters and digits of any script are kept; runs of anything else become one `_`
/// (`-` is kept between words), so no separator, quote or control character reaches
/// the file system.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches(['_', '-'])
        .chars()
        .take(MAX_DATASET)
        .collect::<String>()
        .trim_end_matches(['_', '-'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_view_dataset_and_date() {
        assert_eq!(
            file_name("heatmap", "journeys.csv", "2026-12-01", "csv"),
            "journey-lens-heatmap-journeys-2026-12-01.csv"
        );
        assert_eq!(
            file_name(
                "kpis",
                "https://intranet.example/feeds/cx.json?token=1",
                "2026-01-31",
                "png"
            ),
            "journey-lens-kpis-cx-2026-01-31.png"
        );
        assert_eq!(
            file_name("nps", "enquête clients été.csv", "2026-12-01", "csv"),
            "journey-lens-nps-enquête_clients_été-2026-12-01.csv"
        );
    }

    #[test]
    fn hostile_names_cannot_reach_the_file_system() {
        assert_eq!(
            file_name("funnel", "../../etc/passwd", "2026-12-01", "csv"),
            "journey-lens-funnel-passwd-2026-12-01.csv"
        );
        assert_eq!(
            file_name("funnel", "a\"<b>|c\u{0}:*?.csv", "2026-12-01", "csv"),
            "journey-lens-funnel-a_b_c-2026-12-01.csv"
        );
        assert_eq!(
            file_name("funnel", "...", "2026-12-01", "csv"),
            "journey-lens-funnel-2026-12-01.csv"
        );
        let long = "x".repeat(500);
        assert_eq!(
            file_name("funnel", &long, "2026-12-01", "csv"),
            format!("journey-lens-funnel-{}-2026-12-01.csv", "x".repeat(40))
        );
    }
}
