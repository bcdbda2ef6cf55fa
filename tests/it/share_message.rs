//! The host ↔ app message API: what is obeyed, answered with an error, or ignored.

use journey_lens::analytics::Filter;
use journey_lens::dataset::Role;
use journey_lens::i18n::Lang;
use journey_lens::share::message::{parse, AppMessage};
use journey_lens::share::{HostMessage, Incoming, LoadData, Theme, View};

#[test]
fn other_scripts_messages_are_not_ours() {
    for text in [
        "\"hello\"",
        "42",
        "null",
        "[1,2]",
        "{\"type\":\"set-view\",\"view\":\"nps\"}",
        "not json",
        "",
    ] {
        assert_eq!(parse(text), Incoming::NotOurs, "{text}");
    }
}

#[test]
fn unknown_types_are_ignored_and_other_versions_refused() {
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"self-destruct"}"#),
        Incoming::Unknown("self-destruct".into())
    );
    assert!(matches!(
        parse(r#"{"journeyLens":2,"type":"set-view","view":"nps"}"#),
        Incoming::Invalid(_)
    ));
    assert!(matches!(
        parse(r#"{"journeyLens":1}"#),
        Incoming::Invalid(_)
    ));
}

#[test]
fn set_view_lang_and_theme() {
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-view","view":"nps"}"#),
        Incoming::Valid(HostMessage::SetView(View::Nps))
    );
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-lang","lang":"es-ES"}"#),
        Incoming::Valid(HostMessage::SetLang(Lang::Es))
    );
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-theme","theme":"dark"}"#),
        Incoming::Valid(HostMessage::SetTheme(Theme::Dark))
    );
    for bad in [
        r#"{"journeyLens":1,"type":"set-view","view":"<img src=x>"}"#,
        r#"{"journeyLens":1,"type":"set-lang","lang":"xx"}"#,
        r#"{"journeyLens":1,"type":"set-theme","theme":7}"#,
    ] {
        assert!(matches!(parse(bad), Incoming::Invalid(_)), "{bad}");
    }
}

#[test]
fn set_filters_replaces_the_whole_filter() {
    let m = parse(
        r#"{"journeyLens":1,"type":"set-filters",
            "filters":{"persona":["Student","Family"],"channel":"Web"},"from":"2024-01-01"}"#,
    );
    let expected = Filter::default()
        .with(Role::Persona, "Student")
        .with(Role::Persona, "Family")
        .with(Role::Channel, "Web")
        .between(Some("2024-01-01"), None);
    assert_eq!(m, Incoming::Valid(HostMessage::SetFilters(expected)));
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-filters"}"#),
        Incoming::Valid(HostMessage::SetFilters(Filter::default()))
    );
    for bad in [
        r#"{"journeyLens":1,"type":"set-filters","filters":[1]}"#,
        r#"{"journeyLens":1,"type":"set-filters","filters":{"persona":[{"a":1}]}}"#,
        r#"{"journeyLens":1,"type":"set-filters","filters":{"persona":5}}"#,
        r#"{"journeyLens":1,"type":"set-filters","from":"soon"}"#,
        r#"{"journeyLens":1,"type":"set-filters","filters":{"Region":["North"]}}"#,
    ] {
        assert!(matches!(parse(bad), Incoming::Invalid(_)), "{bad}");
    }
}

#[test]
fn load_csv_events_or_feed_with_meta() {
    let m = parse(
        r#"{"journeyLens":1,"type":"load","csv":"customer_id,stage\n1,A\n","meta":{"name":"Q1"}}"#,
    );
    let Incoming::Valid(HostMessage::Load { data, meta }) = m else {
        panic!("{m:?}")
    };
    assert_eq!(data, LoadData::Csv("customer_id,stage\n1,A\n".into()));
    assert_eq!(meta.and_then(|m| m.name).as_deref(), Some("Q1"));

    let m = parse(
        r#"{"journeyLens":1,"type":"load","events":[{"customer_id":"c1","stage":"A"}],
            "meta":{"stage_order":["A","B"]}}"#,
    );
    let Incoming::Valid(HostMessage::Load { data, meta }) = m else {
        panic!("{m:?}")
    };
    assert_eq!(
        data,
        LoadData::Events(
            r#"{"meta":{"stage_order":["A","B"]},"events":[{"customer_id":"c1","stage":"A"}]}"#
                .into()
        )
    );
    assert_eq!(
        meta.and_then(|m| m.stage_order),
        Some(vec!["A".to_string(), "B".to_string()])
    );

    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"load","feed":"https://data.example/f.json"}"#),
        Incoming::Valid(HostMessage::Load {
            data: LoadData::Feed("https://data.example/f.json".into()),
            meta: None
        })
    );
}

#[test]
fn a_load_needs_exactly_one_usable_source() {
    for bad in [
        r#"{"journeyLens":1,"type":"load"}"#,
        r#"{"journeyLens":1,"type":"load","csv":"a","feed":"https://x.example"}"#,
        r#"{"journeyLens":1,"type":"load","csv":5}"#,
        r#"{"journeyLens":1,"type":"load","events":{"a":1}}"#,
        r#"{"journeyLens":1,"type":"load","feed":""}"#,
        r#"{"journeyLens":1,"type":"load","csv":"a","meta":"x"}"#,
        r#"{"journeyLens":1,"type":"load","csv":"a","meta":{"name":5}}"#,
    ] {
        assert!(matches!(parse(bad), Incoming::Invalid(_)), "{bad}");
    }
}

#[test]
fn outgoing_messages_carry_tag_version_and_type() {
    assert_eq!(
        AppMessage::Ready { view: View::Nps }.to_json(),
        r#"{"view":"nps","journeyLens":1,"type":"ready"}"#
    );
    assert_eq!(
        AppMessage::Height { height: 812 }.to_json(),
        r#"{"height":812,"journeyLens":1,"type":"height"}"#
    );
    let state = AppMessage::State {
        view: View::Funnel,
        journey: Some("support".into()),
        query: "view=funnel&journey=support&f.persona=A".into(),
        filter: Filter::default().with(Role::Persona, "A"),
    };
    assert_eq!(
        state.to_json(),
        r#"{"view":"funnel","journey":"support","query":"view=funnel&journey=support&f.persona=A","filters":{"persona":["A"]},"from":null,"to":null,"journeyLens":1,"type":"state"}"#
    );
    assert!(AppMessage::Height { height: 1 }.is_public());
    assert!(!state.is_public());
    assert!(!AppMessage::Error {
        message: "x".into()
    }
    .is_public());
}

#[test]
fn a_host_sets_the_kpi_period() {
    use journey_lens::analytics::{KpiCompare, KpiPeriod, KpiPeriodKind};
    assert_eq!(
        parse(
            r#"{"journeyLens":1,"type":"set-kpi-period","period":"quarter","at":"2025-Q1","compare":"year_before"}"#
        ),
        Incoming::Valid(HostMessage::SetKpiPeriod(KpiPeriod {
            kind: KpiPeriodKind::Quarter,
            at: Some("2025-Q1".into()),
            from: None,
            to: None,
            compare: KpiCompare::YearBefore,
        }))
    );
    assert_eq!(
        parse(
            r#"{"journeyLens":1,"type":"set-kpi-period","period":"custom","from":"2025-01-05","to":"2025-02-10"}"#
        ),
        Incoming::Valid(HostMessage::SetKpiPeriod(KpiPeriod {
            kind: KpiPeriodKind::Custom,
            at: None,
            from: Some("2025-01-05".into()),
            to: Some("2025-02-10".into()),
            compare: KpiCompare::Previous,
        }))
    );
    // Nothing but the type: the default period.
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-kpi-period"}"#),
        Incoming::Valid(HostMessage::SetKpiPeriod(KpiPeriod::default()))
    );
    for bad in [
        r#"{"journeyLens":1,"type":"set-kpi-period","period":"fortnight"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","period":"quarter","at":"2025-Q5"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","period":"year","at":"2025-Q1"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","period":"custom","from":"2025-01-05"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","period":"custom","from":"2025-02-30","to":"2025-03-01"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","compare":"ever"}"#,
        r#"{"journeyLens":1,"type":"set-kpi-period","at":7}"#,
    ] {
        assert!(matches!(parse(bad), Incoming::Invalid(_)), "{bad}");
    }
}

#[test]
fn a_host_page_chooses_the_journey_by_name_or_all() {
    use journey_lens::analytics::JourneyScope;
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-journey","journey":"support"}"#),
        Incoming::Valid(HostMessage::SetJourney(JourneyScope::One("support".into())))
    );
    assert_eq!(
        parse(r#"{"journeyLens":1,"type":"set-journey","journey":"all"}"#),
        Incoming::Valid(HostMessage::SetJourney(JourneyScope::All))
    );
    for bad in [
        r#"{"journeyLens":1,"type":"set-journey"}"#,
        r#"{"journeyLens":1,"type":"set-journey","journey":""}"#,
        r#"{"journeyLens":1,"type":"set-journey","journey":3}"#,
    ] {
        assert!(matches!(parse(bad), Incoming::Invalid(_)), "{bad}");
    }
}
