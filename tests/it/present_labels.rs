//! The report's "(missing)" and "(others)" placeholders read in the user's language on
//! screen, while the report itself (the JSON document) keeps them as they are.

use journey_lens::analytics::{compute, journey_map, Filter, Prepared, Settings};
use journey_lens::dataset::{DimKey, Role};
use journey_lens::i18n::Lang;
use journey_lens::ingest::{load_csv, CsvOptions};
use journey_lens::present::labels::{category, localized, localized_map};

/// c2 has no persona and no touchpoint on its first event.
const FILE: &str = "customer_id,timestamp,stage,touchpoint,persona,satisfaction\n\
c1,2024-01-01,awareness,web,Busy,4\n\
c1,2024-01-02,purchase,web,Busy,5\n\
c2,2024-01-01,awareness,,,2\n\
c2,2024-01-03,purchase,store,,3\n";

#[test]
fn placeholders_in_every_language_and_data_values_untouched() {
    assert_eq!(category(Lang::En, "(missing)"), "(missing)");
    assert_eq!(category(Lang::Ca, "(missing)"), "(sense valor)");
    assert_eq!(category(Lang::Es, "(others)"), "(otros)");
    assert_eq!(category(Lang::Pl, "(others)"), "(pozostałe)");
    assert_eq!(category(Lang::Pl, "Busy"), "Busy");
    assert_eq!(category(Lang::Pl, "(missing"), "(missing");
}

#[test]
fn the_shown_report_is_translated_and_the_report_is_not() {
    let l = load_csv(FILE.as_bytes(), &CsvOptions::default()).expect("loads");
    let ds = &l.dataset;
    let s = Settings {
        breakdown: Some(DimKey::Role(Role::Persona)),
        ..Settings::default()
    };
    let report = compute(ds, &Prepared::new(ds), &s, &Filter::all());
    let groups = |r: &journey_lens::analytics::Report| -> Vec<String> {
        let b = r.funnel.breakdown.as_ref().expect("a breakdown");
        b.groups.iter().map(|g| g.value.clone()).collect()
    };
    // One customer each; ties keep the code order (Busy first, then the empty persona).
    assert_eq!(groups(&report), ["Busy", "(missing)"]);
    let pl = localized(&report, Lang::Pl);
    assert_eq!(groups(&pl), ["Busy", "(brak wartości)"]);
    assert!(pl
        .experience
        .grid
        .touchpoints
        .contains(&"(brak wartości)".to_string()));
    assert!(pl
        .experience
        .grid
        .cells
        .iter()
        .any(|c| c.stage == "awareness" && c.touchpoint == "(brak wartości)"));
    // The figures are the same; only the labels differ.
    assert_eq!(pl.funnel.steps, report.funnel.steps);
    assert_eq!(
        localized(&report, Lang::En),
        report,
        "English is the report itself"
    );

    let map = journey_map::compute(ds, &Prepared::new(ds), &s, &Filter::all(), None);
    let es = localized_map(map, Lang::Es);
    let names: Vec<&str> = es.stages[0]
        .touchpoints
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    // awareness: web 1 event, no touchpoint 1 event; a tie goes by name, and "(missing)"
    // sorts before "web".
    assert_eq!(names, ["(sin valor)", "web"]);
}
