//! A file whose headers name the same role twice (`segment` and `persona`, `status` and
//! `stage`, `medium` and `channel`) keeps both columns as dimensions: the role column and
//! the demoted one are told apart by their typed keys, so both can be filtered on and
//! broken down by, and the filter bar lists each once.

use journey_lens::analytics::{compute, Filter, Prepared, Settings};
use journey_lens::dataset::{DimKey, Role};
use journey_lens::i18n::Lang;
use journey_lens::ingest::{load_csv, CsvOptions, Loaded};
use journey_lens::present::tables::filter_dimensions;

const SEGMENT_PERSONA: &str = "\
customer_id,timestamp,stage,segment,persona,nps
c1,2024-01-01,awareness,B2B,Student,9
c1,2024-01-02,purchase,B2B,Student,10
c2,2024-01-01,awareness,B2C,Pro,3
c3,2024-01-01,awareness,B2C,Student,8
c3,2024-01-03,purchase,B2C,Student,7
c4,2024-01-02,awareness,B2C,Pro,
";

fn load(text: &str) -> Loaded {
    load_csv(text.as_bytes(), &CsvOptions::default()).expect("loads")
}

fn customers(l: &Loaded, filter: &Filter) -> u64 {
    let ds = &l.dataset;
    let prep = Prepared::new(ds);
    compute(ds, &prep, &Settings::default(), filter)
        .selection
        .customers
}

#[test]
fn segment_and_persona_are_both_dimensions() {
    let l = load(SEGMENT_PERSONA);
    let ds = &l.dataset;
    // `segment` (first) takes the persona role; the column headed `persona`, also a
    // persona header, stays as an extra dimension that a header lookup could never reach
    // (the key "persona" means the role).
    assert_eq!(l.report.mapping.role_of("segment"), Some(Role::Persona));
    assert_eq!(l.report.mapping.role_of("persona"), Some(Role::Dimension));
    let segment = DimKey::Role(Role::Persona);
    let persona = DimKey::Extra(0);
    assert_eq!(ds.extra_name(persona), Some("persona"));
    assert_eq!(
        ds.dimension_keys(),
        vec![segment, DimKey::Role(Role::Stage), persona]
    );

    // Filters reach each column: B2C = c2, c3, c4; Student = c1, c3; both = c3.
    assert_eq!(customers(&l, &Filter::all().with(segment, "B2C")), 3);
    assert_eq!(customers(&l, &Filter::all().with(persona, "Student")), 2);
    assert_eq!(
        customers(
            &l,
            &Filter::all().with(segment, "B2C").with(persona, "Student")
        ),
        1
    );

    // Breakdowns by each: the funnel groups and the NPS segments.
    let prep = Prepared::new(ds);
    let by = |key: DimKey| {
        let s = Settings {
            breakdown: Some(key),
            ..Settings::default()
        };
        compute(ds, &prep, &s, &Filter::all())
    };
    let r = by(segment);
    let b = r.funnel.breakdown.as_ref().expect("a breakdown");
    assert_eq!(b.dimension, segment);
    assert_eq!(b.header, None);
    let groups: Vec<(&str, Vec<u64>)> = b
        .groups
        .iter()
        .map(|g| (g.value.as_str(), g.customers.clone()))
        .collect();
    // B2C: c2, c3, c4 reach awareness, c3 purchase; B2B: c1 both.
    assert_eq!(groups, vec![("B2C", vec![3, 1]), ("B2B", vec![1, 1])]);
    let nps = r.nps.breakdown.as_ref().expect("an NPS breakdown");
    let seg: Vec<(&str, u64)> = nps
        .segments
        .iter()
        .map(|s| (s.value.as_str(), s.summary.responses))
        .collect();
    assert_eq!(seg, vec![("B2C", 3), ("B2B", 2)]);

    let r = by(persona);
    let b = r.funnel.breakdown.as_ref().expect("a breakdown");
    assert_eq!(b.dimension, persona);
    assert_eq!(b.header.as_deref(), Some("persona"));
    let groups: Vec<(&str, Vec<u64>)> = b
        .groups
        .iter()
        .map(|g| (g.value.as_str(), g.customers.clone()))
        .collect();
    // Student: c1, c3 (both buy); Pro: c2, c4 (neither).
    assert_eq!(groups, vec![("Student", vec![2, 2]), ("Pro", vec![2, 0])]);

    // The filter bar offers both, once each, under their own names.
    let bar = filter_dimensions(Lang::En, ds, &l.report.mapping);
    let listed: Vec<(DimKey, &str, Vec<&str>)> = bar
        .iter()
        .map(|d| {
            (
                d.key,
                d.label.as_str(),
                d.values.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            (segment, "Persona (segment)", vec!["B2C", "B2B"]),
            (persona, "persona", vec!["Student", "Pro"]),
        ]
    );
}

#[test]
fn status_and_stage_and_medium_and_channel_keep_both() {
    let l = load(
        "customer_id,stage,status,channel,medium,nps\n\
         c1,awareness,open,web,cpc,9\n\
         c2,awareness,closed,shop,email,6\n\
         c2,purchase,closed,shop,email,7\n",
    );
    let ds = &l.dataset;
    assert_eq!(l.report.mapping.role_of("stage"), Some(Role::Stage));
    assert_eq!(l.report.mapping.role_of("status"), Some(Role::Dimension));
    assert_eq!(l.report.mapping.role_of("channel"), Some(Role::Channel));
    assert_eq!(l.report.mapping.role_of("medium"), Some(Role::Dimension));
    let (status, medium) = (DimKey::Extra(0), DimKey::Extra(1));
    assert_eq!(ds.extra_name(status), Some("status"));
    assert_eq!(ds.extra_name(medium), Some("medium"));
    assert_eq!(customers(&l, &Filter::all().with(status, "closed")), 1);
    assert_eq!(customers(&l, &Filter::all().with(medium, "cpc")), 1);
    assert_eq!(
        customers(&l, &Filter::all().with(DimKey::Role(Role::Channel), "shop")),
        1
    );
    let labels: Vec<String> = filter_dimensions(Lang::En, ds, &l.report.mapping)
        .into_iter()
        .map(|d| d.label)
        .collect();
    assert_eq!(labels, vec!["Channel", "status", "medium"]);
}

#[test]
fn the_cli_names_dimensions_by_role_or_header() {
    let l = load(SEGMENT_PERSONA);
    let ds = &l.dataset;
    assert_eq!(
        ds.find_dimension("persona"),
        Some(DimKey::Role(Role::Persona))
    );
    // The role wins a header's name; the extra column stays reachable by its key.
    assert_eq!(ds.find_dimension("segment"), None);
    assert_eq!(ds.find_dimension("extra:0"), Some(DimKey::Extra(0)));
    assert_eq!(ds.find_dimension("extra:1"), None);
    assert_eq!(ds.find_dimension("channel"), None);
}

/// The experience map over the dimension the user picks: a file whose story is in its
/// channel (or an extra column) gets its grid, exits and hand-offs over that column.
const CHANNELS: &str = "customer_id,timestamp,stage,touchpoint,channel,region,satisfaction\n\
c1,2024-01-01,awareness,web,paid,north,4\n\
c1,2024-01-02,consideration,web,organic,north,2\n\
c2,2024-01-01,awareness,app,paid,south,2\n\
c2,2024-01-03,consideration,store,paid,north,5\n\
c3,2024-01-02,awareness,web,social,south,3\n";

fn map_over(columns: Option<DimKey>) -> journey_lens::analytics::ExperienceView {
    let l = load_csv(CHANNELS.as_bytes(), &CsvOptions::default()).expect("loads");
    let ds = &l.dataset;
    let s = Settings {
        map_columns: columns,
        min_count: 1,
        ..Settings::default()
    };
    compute(ds, &Prepared::new(ds), &s, &Filter::all()).experience
}

#[test]
fn experience_map_columns_follow_the_chosen_dimension() {
    let e = map_over(Some(DimKey::Role(Role::Channel)));
    assert_eq!(e.columns, DimKey::Role(Role::Channel));
    assert_eq!(e.columns_header, None);
    // paid: 3 events; organic and social 1 each, in the order they first appear.
    assert_eq!(e.grid.touchpoints, ["paid", "organic", "social"]);
    let cell = |stage: &str, col: &str| {
        e.grid
            .cells
            .iter()
            .find(|c| c.stage == stage && c.touchpoint == col)
            .map(|c| (c.events, c.customers, c.satisfaction_mean))
    };
    assert_eq!(cell("awareness", "paid"), Some((2, 2, Some(3.0))));
    assert_eq!(cell("consideration", "organic"), Some((1, 1, Some(2.0))));
    assert_eq!(cell("consideration", "paid"), Some((1, 1, Some(5.0))));
    // c1 goes paid → organic; c2 stays on paid (no hand-off).
    assert_eq!(e.handoffs.total, 1);
    assert_eq!(
        (
            e.handoffs.top[0].from.as_str(),
            e.handoffs.top[0].to.as_str()
        ),
        ("paid", "organic")
    );
    // Only c3 stops before the last stage, on its social event.
    let exits: Vec<(&str, u64)> = e
        .exits
        .iter()
        .map(|x| (x.touchpoint.as_str(), x.customers))
        .collect();
    assert_eq!(exits, [("social", 1)]);
}

#[test]
fn experience_map_columns_by_an_extra_column_name_its_header() {
    let e = map_over(Some(DimKey::Extra(0)));
    assert_eq!(e.columns, DimKey::Extra(0));
    assert_eq!(e.columns_header.as_deref(), Some("region"));
    // north: 3 events, south: 2.
    assert_eq!(e.grid.touchpoints, ["north", "south"]);
    assert_eq!(journey_lens::charts::columns_name(&e, Lang::Pl), "region");
}

#[test]
fn experience_map_columns_fall_back_to_the_touchpoint() {
    // The stage is never a column, and a dimension the file lacks falls back too.
    for choice in [
        None,
        Some(DimKey::Role(Role::Stage)),
        Some(DimKey::Extra(7)),
    ] {
        let e = map_over(choice);
        assert_eq!(e.columns, DimKey::Role(Role::Touchpoint), "{choice:?}");
        // web: 3 events, then app and store (1 each) in file order.
        assert_eq!(e.grid.touchpoints, ["web", "app", "store"], "{choice:?}");
    }
    let e = map_over(None);
    assert_eq!(
        journey_lens::charts::columns_name(&e, Lang::Ca),
        "Punt de contacte"
    );
}
