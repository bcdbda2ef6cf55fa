//! The one translation table every user-facing string goes through.
//!
//! English is the only language today; Catalan, Spanish and Polish are columns still to
//! fill. Keeping all strings here from day one means adding a language touches this file
//! and nothing else. Keys are stable dotted identifiers (`nav.funnel`); a key with no
//! entry falls back to English, and an unknown key is returned as-is so a missing string
//! is visible in the UI rather than blank.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
}

/// `(key, English)`. Sorted by key so a binary search finds an entry.
static EN: &[(&str, &str)] = &[
    ("action.dismiss", "Dismiss"),
    ("app.name", "Journey Lens"),
    ("app.tagline", "Customer-journey analytics, computed in your browser"),
    ("coming", "Coming soon"),
    ("data.customers", "{n} customers"),
    ("error.http", "Could not load {url}: the server answered HTTP {status}."),
    ("load.summary", "{loaded} rows loaded, {rejected} rejected"),
    ("nav.data", "Data"),
    ("nav.experience", "Experience map"),
    ("nav.funnel", "Funnel"),
    ("nav.kpis", "KPIs"),
    ("nav.label", "Views"),
    ("nav.nps", "NPS"),
    ("source.pasted", "Pasted data"),
    ("theme.toggle", "Switch light/dark theme"),
];

/// The text for `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> &str {
    let table = match lang {
        Lang::En => EN,
    };
    match table.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(i) => table[i].1,
        Err(_) => key_fallback(key),
    }
}

fn key_fallback(key: &str) -> &str {
    match EN.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(i) => EN[i].1,
        Err(_) => key,
    }
}

/// Replaces `{name}` placeholders, so word order can differ between languages.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for w in EN.windows(2) {
            assert!(w[0].0 < w[1].0, "{} must come before {}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn lookup_and_fallback() {
        assert_eq!(tr(Lang::En, "nav.funnel"), "Funnel");
        assert_eq!(tr(Lang::En, "no.such.key"), "no.such.key");
        assert_eq!(fill("{n} rows loaded", &[("n", "12")]), "12 rows loaded");
    }
}
