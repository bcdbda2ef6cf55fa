//! The page address as view state: what a shared link says, what the app writes, and that
//! hostile or broken links are read as far as they make sense and no further.

use journey_lens::analytics::flows::{Direction, FlowDim};
use journey_lens::analytics::{FunnelMode, PeriodKind, Settings};
use journey_lens::dataset::{DimKey, Role};
use journey_lens::i18n::Lang;
use journey_lens::share::query;
use journey_lens::share::{DataRef, Theme, View, ViewState};

#[test]
fn reads_every_part_of_a_shared_link() {
    let s = ViewState::parse(
        "?view=nps&f.persona=Student&f.persona=First-time+buyer&f.channel=Web%20chat\
         &from=2024-01-01&to=2024-03-31&breakdown=channel&mode=ordered&window=14&period=week\
         &stage=Awareness&stage=Consideration&stage=Purchase&conversion=Purchase\
         &lang=ca&theme=dark&feed=https%3A%2F%2Fdata.example%2Ffeed.json%3Fq%3D1",
    );
    assert_eq!(s.view, Some(View::Nps));
    let persona: Vec<&str> = s.filter.dims[&DimKey::Role(Role::Persona)]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(persona, ["First-time buyer", "Student"]);
    let channel: Vec<&str> = s.filter.dims[&DimKey::Role(Role::Channel)]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(channel, ["Web chat"]);
    assert_eq!(s.filter.from.as_deref(), Some("2024-01-01"));
    assert_eq!(s.filter.to.as_deref(), Some("2024-03-31"));
    assert_eq!(s.breakdown, Some(DimKey::Role(Role::Channel)));
    assert_eq!(s.mode, FunnelMode::Ordered);
    assert_eq!(s.window_days, Some(14.0));
    assert_eq!(s.period, PeriodKind::Week);
    assert_eq!(
        s.stage_order,
        Some(vec![
            "Awareness".to_string(),
            "Consideration".to_string(),
            "Purchase".to_string()
        ])
    );
    assert_eq!(s.conversion_stage.as_deref(), Some("Purchase"));
    assert_eq!(s.lang, Some(Lang::Ca));
    assert_eq!(s.theme, Some(Theme::Dark));
    assert_eq!(
        s.data,
        Some(DataRef::Feed("https://data.example/feed.json?q=1".into()))
    );
    assert!(s.is_link());
}

#[test]
fn writes_the_link_the_browser_reads_back() {
    let mut s = ViewState {
        view: Some(View::Funnel),
        lang: Some(Lang::Pl),
        theme: Some(Theme::Light),
        data: Some(DataRef::File("Q1 export (final).csv".into())),
        ..ViewState::default()
    };
    s.filter = s
        .filter
        .with(Role::Persona, "Łucja & co")
        .with(Role::Channel, "E-mail");
    s.filter.from = Some("2024-02-01".into());
    s.mode = FunnelMode::AnyOrder;
    s.window_days = Some(7.5);
    assert_eq!(
        s.to_query(),
        "view=funnel&f.channel=E-mail&f.persona=%C5%81ucja+%26+co&from=2024-02-01\
         &mode=any&window=7.5&lang=pl&theme=light&file=Q1+export+%28final%29.csv"
    );
    assert_eq!(ViewState::parse(&s.to_query()), s);
}

#[test]
fn defaults_stay_out_of_the_link() {
    let s = ViewState {
        view: Some(View::Kpis),
        data: Some(DataRef::Sample("journeys.csv".into())),
        ..ViewState::default()
    };
    assert_eq!(s.to_query(), "view=kpis&sample=journeys.csv");
}

#[test]
fn a_plain_visit_is_not_a_link() {
    assert!(!ViewState::parse("").is_link());
    assert!(!ViewState::parse("?feed=https://a.example/f.json").is_link());
    assert!(!ViewState::parse("?view=nowhere").is_link());
}

#[test]
fn unusable_parts_are_dropped_not_guessed() {
    let s = ViewState::parse(
        "view=NPS&from=yesterday&to=2024-13-45&window=-3&mode=sideways&period=fortnight\
         &lang=de&theme=blue&f.persona=&f.=x&sample=..%2F..%2Fetc%2Fpasswd&stage=A&stage=A\
         &conversion=%0Aevil&breakdown=%07",
    );
    assert_eq!(s.view, Some(View::Nps));
    assert_eq!(s.filter.from, None);
    assert_eq!(s.filter.to, None);
    assert_eq!(s.window_days, None);
    assert_eq!(s.mode, FunnelMode::Auto);
    assert_eq!(s.period, PeriodKind::Month);
    assert_eq!(s.lang, None);
    assert_eq!(s.theme, None);
    assert!(s.filter.dims.is_empty());
    assert_eq!(s.data, None);
    assert_eq!(s.stage_order, Some(vec!["A".to_string()]));
    assert_eq!(s.conversion_stage, None);
    assert_eq!(s.breakdown, None);
}

#[test]
fn windows_outside_ten_years_are_refused() {
    assert_eq!(ViewState::parse("window=3650").window_days, Some(3650.0));
    assert_eq!(ViewState::parse("window=3651").window_days, None);
    assert_eq!(ViewState::parse("window=NaN").window_days, None);
    assert_eq!(ViewState::parse("window=inf").window_days, None);
    assert_eq!(ViewState::parse("window=0").window_days, None);
}

#[test]
fn settings_from_the_link_replace_only_what_it_carries() {
    let mut base = Settings {
        breakdown: Some(Role::Persona.into()),
        window_days: Some(30.0),
        min_count: 5,
        ..Settings::default()
    };
    base.targets.insert("nps".into(), 40.0);
    let s = ViewState::parse("view=funnel&mode=ordered");
    let merged = s.settings_over(&base);
    assert_eq!(merged.mode, FunnelMode::Ordered);
    assert_eq!(merged.breakdown, None);
    assert_eq!(merged.window_days, None);
    assert_eq!(merged.min_count, 5);
    assert_eq!(merged.targets.get("nps"), Some(&40.0));

    let mut back = ViewState::default();
    back.take_settings(&base);
    assert_eq!(back.breakdown, Some(DimKey::Role(Role::Persona)));
    assert_eq!(back.window_days, Some(30.0));
}

#[test]
fn only_view_and_filter_changes_are_history_steps() {
    let a = ViewState::parse("view=funnel");
    assert!(a.is_new_step(&ViewState::parse("view=nps")));
    assert!(a.is_new_step(&ViewState::parse("view=funnel&f.persona=A")));
    assert!(!a.is_new_step(&ViewState::parse("view=funnel&theme=dark&mode=ordered")));
}

#[test]
fn query_decoding_matches_url_search_params() {
    assert_eq!(query::decode("a+b%20c"), "a b c");
    assert_eq!(query::decode("100%"), "100%");
    assert_eq!(query::decode("%zz%4"), "%zz%4");
    assert_eq!(query::decode("%C5%81"), "Ł");
    assert_eq!(query::decode("%FF"), "\u{FFFD}");
    assert_eq!(query::encode("a b&c=d/é*"), "a+b%26c%3Dd%2F%C3%A9*");
    assert_eq!(
        query::parse("?x&y=&=z&&a=1=2"),
        vec![
            ("x".to_string(), String::new()),
            ("y".to_string(), String::new()),
            (String::new(), "z".to_string()),
            ("a".to_string(), "1=2".to_string())
        ]
    );
}

#[test]
fn an_enormous_link_is_read_only_up_to_its_limits() {
    let long = "f.persona=x&".repeat(20_000);
    let s = ViewState::parse(&long);
    assert_eq!(s.filter.dims[&DimKey::Role(Role::Persona)].len(), 1);
    let many: String = (0..5000).map(|i| format!("stage=s{i}&")).collect();
    let s = ViewState::parse(&many);
    assert_eq!(s.stage_order.map(|o| o.len()), Some(query::MAX_PAIRS));
    // A multi-byte character across the cut does not panic.
    let wide = "é".repeat(query::MAX_QUERY_CHARS);
    assert_eq!(ViewState::parse(&wide), ViewState::default());
}

#[test]
fn parameters_that_are_not_view_state_are_recognised() {
    for p in [
        "view",
        "f.persona",
        "f.extra:0",
        "flow.depth",
        "from",
        "stage",
        "lang",
        "feed",
        "pasted",
    ] {
        assert!(journey_lens::share::link::is_view_param(p), "{p}");
    }
    for p in [
        "embed",
        "origin",
        "hide",
        "lock",
        "debug-panic",
        "feed-timeout",
        "f",
    ] {
        assert!(!journey_lens::share::link::is_view_param(p), "{p}");
    }
}

#[test]
fn dimensions_are_named_by_key_never_by_header() {
    let s = ViewState::parse("view=funnel&f.extra:2=North&f.Region=South&breakdown=extra:2");
    let dims: Vec<&DimKey> = s.filter.dims.keys().collect();
    assert_eq!(dims, [&DimKey::Extra(2)]);
    assert_eq!(s.breakdown, Some(DimKey::Extra(2)));
    assert_eq!(
        s.to_query(),
        "view=funnel&f.extra%3A2=North&breakdown=extra%3A2"
    );
    assert_eq!(ViewState::parse("breakdown=Region").breakdown, None);
}

#[test]
fn the_new_views_have_links() {
    assert_eq!(ViewState::parse("view=journey-map").view, Some(View::Map));
    assert_eq!(ViewState::parse("view=flows").view, Some(View::Flows));
}

#[test]
fn flow_choices_travel_in_the_link() {
    let s = ViewState::parse(
        "view=flows&flow.dim=stage&flow.root=Checkout&flow.dir=backward&flow.depth=6\
         &flow.top=3&flow.collapse=0",
    );
    assert_eq!(s.flow.dim, FlowDim::Stage);
    assert_eq!(s.flow.root.as_deref(), Some("Checkout"));
    assert_eq!(s.flow.direction, Direction::Backward);
    assert_eq!(s.flow.depth, 6);
    assert_eq!(s.flow.top, 3);
    assert!(!s.flow.collapse);
    assert_eq!(
        s.to_query(),
        "view=flows&flow.dim=stage&flow.root=Checkout&flow.dir=backward&flow.depth=6\
         &flow.top=3&flow.collapse=0"
    );
    // Out of range or unknown: the default (touchpoint, forward, 4 steps, top 6) stays.
    let bad = ViewState::parse("flow.dim=page&flow.depth=9&flow.top=0&flow.dir=up");
    assert_eq!(bad.flow.dim, FlowDim::Touchpoint);
    assert_eq!(bad.flow.direction, Direction::Forward);
    assert_eq!(bad.flow.depth, 4);
    assert_eq!(bad.flow.top, 6);
    assert_eq!(bad.to_query(), "");
}

#[test]
fn the_experience_map_columns_travel_in_the_link() {
    let s = ViewState::parse("view=experience&columns=extra:0");
    assert_eq!(s.map_columns, Some(DimKey::Extra(0)));
    assert_eq!(s.to_query(), "view=experience&columns=extra%3A0");
    let settings = s.settings_over(&journey_lens::analytics::Settings::default());
    assert_eq!(settings.map_columns, Some(DimKey::Extra(0)));
    // A header name is not a key, and the default (the touchpoint) stays out of the link.
    assert_eq!(ViewState::parse("columns=Region").map_columns, None);
    assert_eq!(
        ViewState::parse("view=experience").to_query(),
        "view=experience"
    );
}

#[test]
fn a_quarterly_trend_travels_in_the_link() {
    let s = ViewState::parse("?period=quarter");
    assert_eq!(s.period, PeriodKind::Quarter);
    assert!(s.to_query().contains("period=quarter"), "{}", s.to_query());
    assert_eq!(
        ViewState::parse("?period=fortnight").period,
        PeriodKind::Month
    );
}

#[test]
fn the_kpi_period_travels_in_the_link() {
    use journey_lens::analytics::{KpiCompare, KpiPeriod, KpiPeriodKind};
    let s = ViewState::parse("?view=kpis&kpi=quarter&kpi.at=2025-Q1&kpi.vs=year_before");
    assert_eq!(
        s.kpi_period,
        KpiPeriod {
            kind: KpiPeriodKind::Quarter,
            at: Some("2025-Q1".into()),
            from: None,
            to: None,
            compare: KpiCompare::YearBefore,
        }
    );
    assert_eq!(
        s.to_query(),
        "view=kpis&kpi=quarter&kpi.at=2025-Q1&kpi.vs=year_before"
    );
    assert_eq!(ViewState::parse(&s.to_query()), s);

    // A custom period with its two days, through the settings and back.
    let settings = Settings {
        kpi_period: KpiPeriod {
            kind: KpiPeriodKind::Custom,
            at: None,
            from: Some("2025-01-05".into()),
            to: Some("2025-02-10".into()),
            compare: KpiCompare::Previous,
        },
        ..Settings::default()
    };
    let mut v = ViewState::parse("view=kpis");
    v.take_settings(&settings);
    assert_eq!(
        v.to_query(),
        "view=kpis&kpi=custom&kpi.from=2025-01-05&kpi.to=2025-02-10"
    );
    let back = ViewState::parse(&v.to_query()).settings_over(&Settings::default());
    assert_eq!(back.kpi_period, settings.kpi_period);

    // The default (last complete month against the one before) stays out of the link.
    assert_eq!(
        ViewState::parse("view=kpis&kpi=month").to_query(),
        "view=kpis"
    );
    // Unusable parts are dropped: an unknown kind is a month, a day that is not one is
    // no day, an unknown comparison is the previous period.
    let bad = ViewState::parse("kpi=fortnight&kpi.from=2025-02-30&kpi.to=soon&kpi.vs=ever");
    assert_eq!(bad.kpi_period, KpiPeriod::default());
    assert!(journey_lens::share::link::is_view_param("kpi"));
    assert!(journey_lens::share::link::is_view_param("kpi.vs"));
}

#[test]
fn the_journey_travels_as_its_own_parameter() {
    use journey_lens::analytics::{Filter, JourneyScope};
    // On data with a choice of journeys the one shown leaves the filter for `journey=`.
    let on_screen = Filter::default()
        .with(Role::Journey, "support")
        .with(Role::Persona, "Student");
    let mut s = ViewState {
        view: Some(View::Funnel),
        ..ViewState::default()
    };
    s.take_filter(on_screen.clone(), true);
    assert_eq!(s.journey, Some(JourneyScope::One("support".into())));
    assert_eq!(
        s.to_query(),
        "view=funnel&journey=support&f.persona=Student"
    );
    let back = ViewState::parse(&s.to_query());
    assert_eq!(back, s);
    assert_eq!(
        back.filter_in(&JourneyScope::One("support".into())),
        on_screen
    );
    // "All journeys" is said out loud, or the data would open on its largest journey.
    s.take_filter(Filter::default(), true);
    assert_eq!(s.to_query(), "view=funnel&journey=all");
    assert_eq!(
        ViewState::parse("view=funnel&journey=all").journey,
        Some(JourneyScope::All)
    );
    // Without a choice of journeys a journey filter is an ordinary filter.
    s.take_filter(Filter::default().with(Role::Journey, "x"), false);
    assert_eq!(s.to_query(), "view=funnel&f.journey=x");
    // A link without `journey=` keeps the journey on screen; one whose filter names
    // journeys (made before the selector) keeps its own.
    let plain = ViewState::parse("view=nps&f.persona=Student");
    assert_eq!(plain.journey, None);
    assert_eq!(
        plain.filter_in(&JourneyScope::One("purchase".into())),
        Filter::default()
            .with(Role::Persona, "Student")
            .with(Role::Journey, "purchase")
    );
    let old = ViewState::parse("view=nps&f.journey=a&f.journey=b");
    assert_eq!(
        old.filter_in(&JourneyScope::One("purchase".into())),
        old.filter
    );
    // An empty journey is no choice.
    assert_eq!(ViewState::parse("view=nps&journey=").journey, None);
}
