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
    ("chart.all_customers", "All customers"),
    ("chart.answer", "Answer"),
    ("chart.answer_n", "Answer {n}"),
    ("chart.answers", "Answers"),
    ("chart.breakdown_caption", "Conversion rate by {dimension}"),
    ("chart.breakdown_summary", "Conversion rate by {dimension} for {n} groups: highest {best} ({best_rate}), lowest {worst} ({worst_rate})."),
    ("chart.category", "Category"),
    ("chart.complete", "Complete period"),
    ("chart.conversion_rate", "Conversion rate"),
    ("chart.converted", "Converted"),
    ("chart.customers", "Customers"),
    ("chart.detractors", "Detractors"),
    ("chart.distribution_caption", "NPS answers from 0 to 10"),
    ("chart.distribution_summary", "{total} answers from 0 to 10; the most common answer is {answer} ({count} responses)."),
    ("chart.drop_off", "Drop-off"),
    ("chart.effort", "Effort"),
    ("chart.emotion_caption", "Satisfaction (0–100) along the journey"),
    ("chart.emotion_summary", "Satisfaction (0–100) along {n} stages: lowest {low} at {low_stage}, highest {high} at {high_stage}."),
    ("chart.events", "Events"),
    ("chart.from", "From"),
    ("chart.funnel_caption", "Customers reaching each funnel stage"),
    ("chart.funnel_summary", "Funnel of {n} stages: {first} customers reached {first_stage} and {last} ({pct}) reached {last_stage}."),
    ("chart.funnel_summary_one", "Funnel of 1 stage: {first} customers reached {first_stage}."),
    ("chart.handoffs", "Hand-offs"),
    ("chart.handoffs_caption", "Most frequent hand-offs between touchpoints"),
    ("chart.handoffs_summary", "{total} hand-offs by {customers} customers; the most frequent is {pair} ({count}, {share})."),
    ("chart.heatmap_caption", "Mean satisfaction by stage and touchpoint"),
    ("chart.heatmap_summary", "Experience map of {stages} stages × {touchpoints} touchpoints: lowest satisfaction {low} at {low_cell}, highest {high} at {high_cell}."),
    ("chart.importance", "Importance"),
    ("chart.importance_axis", "Importance (correlation with NPS)"),
    ("chart.incomplete_period", "Period still in progress"),
    ("chart.interval", "95% interval"),
    ("chart.margin", "Margin of error (±)"),
    ("chart.mean", "Mean"),
    ("chart.median", "Median"),
    ("chart.needs", "This chart needs a column for: {what}"),
    ("chart.no", "No"),
    ("chart.no_answers", "no answers"),
    ("chart.no_breakdown", "Choose a breakdown to compare groups"),
    ("chart.no_data", "No data"),
    ("chart.no_data_sentence", "There is no data to show."),
    ("chart.no_events", "No events"),
    ("chart.nps_stack_caption", "Promoters, passives and detractors (NPS {nps})"),
    ("chart.nps_stack_summary", "NPS {nps} from {n} responses: {promoters} promoters, {passives} passives, {detractors} detractors."),
    ("chart.nps_trend_caption", "NPS by period with its 95% margin of error"),
    ("chart.nps_trend_summary", "NPS over {n} periods, from {first} in {first_period} to {last} in {last_period}."),
    ("chart.others_pairs", "Others ({n} pairs)"),
    ("chart.passives", "Passives"),
    ("chart.pct_of_first", "% of first"),
    ("chart.pct_of_previous", "% of previous"),
    ("chart.performance", "Performance"),
    ("chart.performance_axis", "Performance (satisfaction 0–100)"),
    ("chart.period", "Period"),
    ("chart.priority_caption", "Touchpoint priority: performance and importance"),
    ("chart.priority_summary", "Priority matrix of {n} touchpoints. Fix first: {fix}."),
    ("chart.priority_summary_none", "Priority matrix of {n} touchpoints. Nothing falls in “Fix first”."),
    ("chart.promoters", "Promoters"),
    ("chart.q_fix_first", "Fix first"),
    ("chart.q_keep_up", "Keep up"),
    ("chart.q_low_priority", "Low priority"),
    ("chart.q_possible_overkill", "Possible overkill"),
    ("chart.quadrant", "Quadrant"),
    ("chart.responses", "Responses"),
    ("chart.satisfaction", "Satisfaction"),
    ("chart.satisfaction_100", "Satisfaction (0–100)"),
    ("chart.satisfaction_at_to", "Satisfaction at destination"),
    ("chart.share", "Share"),
    ("chart.share_negative", "Negative answers"),
    ("chart.sparkline_summary", "{label} over {n} periods: from {first} in {first_period} to {last} in {last_period}."),
    ("chart.stage", "Stage"),
    ("chart.started", "Started"),
    ("chart.to", "To"),
    ("chart.touchpoint", "Touchpoint"),
    ("chart.trend_caption", "Conversion by cohort period"),
    ("chart.trend_summary", "Conversion by cohort over {n} periods, from {first} in {first_period} to {last} in {last_period}."),
    ("chart.ttc_caption", "Days between consecutive funnel stages"),
    ("chart.ttc_ordered_only", "Time to convert needs an ordered funnel with timestamps"),
    ("chart.ttc_summary", "Median time between stages ranges from {min} ({min_step}) to {max} ({max_step})."),
    ("chart.yes", "Yes"),
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
