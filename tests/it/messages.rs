//! Every message the core can produce reads as a sentence in every language: its Fluent text
//! exists in all four `messages.ftl` files, every placeholder is filled, nothing falls back
//! to English or to the key. Plural forms and the JSON form are checked with hand-written
//! expectations.

use journey_lens::analytics::experience::Exclusion;
use journey_lens::analytics::{FilterError, FilterNote, FunnelNote};
use journey_lens::charts::ChartError;
use journey_lens::dataset::{DimKey, Role, Scale};
use journey_lens::i18n::{self, Lang};
use journey_lens::ingest::error::{BinaryKind, JsonShape};
use journey_lens::ingest::{
    DateReading, IngestError, LoadNote, MilestoneColumn, ReadOrder, RowProblem,
};
use journey_lens::join::{JoinError, UnmatchedReason};
use journey_lens::message::{Message, Need, Needs};
use journey_lens::present::message::{message_key, needs, render};
use journey_lens::summary::SummaryError;
use serde::Serialize;
use std::collections::BTreeSet;

/// A message, and its JSON form when it has one (load failures are never serialised).
struct Example {
    message: Box<dyn Message>,
    json: Option<serde_json::Value>,
}

fn ex<M: Message + Serialize + 'static>(m: M) -> Example {
    let json = serde_json::to_value(&m).ok();
    Example {
        message: Box::new(m),
        json,
    }
}

fn err(e: IngestError) -> Example {
    Example {
        message: Box::new(e),
        json: None,
    }
}

/// A message with no JSON form of its own (join failures, the unmatched-rows reason).
fn plain<M: Message + 'static>(m: M) -> Example {
    Example {
        message: Box::new(m),
        json: None,
    }
}

fn err_chart(e: ChartError) -> Example {
    Example {
        message: Box::new(e),
        json: None,
    }
}

// Adding a variant to a message enum stops these matches compiling: add an example for it
// to `examples` at the same time.
fn _row(p: &RowProblem) {
    match p {
        RowProblem::CustomerMissing
        | RowProblem::NestedText
        | RowProblem::NestedDate
        | RowProblem::NestedNumber { .. }
        | RowProblem::DateOutOfRange { .. }
        | RowProblem::DateUnrecognised { .. }
        | RowProblem::NotANumber { .. }
        | RowProblem::OutOfScale { .. }
        | RowProblem::WrongWidth { .. }
        | RowProblem::UnclosedQuote { .. }
        | RowProblem::NulBytes
        | RowProblem::NotAnObject
        | RowProblem::InvalidJsonLine { .. }
        | RowProblem::NoMilestoneDate => {}
    }
}
fn _load(n: &LoadNote) {
    match n {
        LoadNote::NotUtf8 { .. }
        | LoadNote::Unwrapped { .. }
        | LoadNote::DimensionsCapped { .. }
        | LoadNote::DecimalComma
        | LoadNote::ShortRows { .. }
        | LoadNote::LongEmptyRows { .. }
        | LoadNote::BlankLines { .. }
        | LoadNote::NdjsonLines
        | LoadNote::FeedPositions
        | LoadNote::DatesRead { .. }
        | LoadNote::DatesUnreadable { .. }
        | LoadNote::SatisfactionOutside { .. }
        | LoadNote::ErrorsTruncated { .. }
        | LoadNote::RowNumberAsCustomer
        | LoadNote::MilestoneDatesUnreadable { .. }
        | LoadNote::MilestoneEvents { .. }
        | LoadNote::SummaryFeed { .. } => {}
    }
}
fn _summary(e: &SummaryError) {
    match e {
        SummaryError::NotValid { .. }
        | SummaryError::Version { .. }
        | SummaryError::Inconsistent { .. } => {}
    }
}
fn _join(e: &JoinError, r: &UnmatchedReason) {
    match e {
        JoinError::FirstFileNeedsCustomer { .. }
        | JoinError::KeyNotInFile { .. }
        | JoinError::KeyNotInEarlierFiles { .. } => {}
    }
    match r {
        UnmatchedReason::NoKey | UnmatchedReason::NotFound | UnmatchedReason::Ambiguous => {}
    }
}
fn _funnel(n: &FunnelNote) {
    match n {
        FunnelNote::NoTimeForOrder
        | FunnelNote::NoTimeForWindow
        | FunnelNote::BadWindow
        | FunnelNote::MetaOrderWins
        | FunnelNote::PlacedByData { .. }
        | FunnelNote::UnknownConversionStage { .. }
        | FunnelNote::SavedOrderMismatch { .. }
        | FunnelNote::SavedOrderIgnored { .. }
        | FunnelNote::LongOrderTrimmed { .. }
        | FunnelNote::ReadAsStatus { .. } => {}
    }
}
fn _filter(n: &FilterNote, e: &FilterError, x: &Exclusion) {
    match n {
        FilterNote::NoSuchDimension { .. } | FilterNote::DateIgnored { .. } => {}
    }
    match e {
        FilterError::BadDate { .. } => {}
    }
    match x {
        Exclusion::TooFew { .. } | Exclusion::NoVariation => {}
    }
}
fn _chart(e: &ChartError) {
    match e {
        ChartError::Backend(_) | ChartError::Busy => {}
    }
}
fn _error(e: &IngestError) {
    match e {
        IngestError::Empty
        | IngestError::HeaderOnly
        | IngestError::NotCsv { .. }
        | IngestError::OnlyOneColumn { .. }
        | IngestError::TooManyColumns { .. }
        | IngestError::NoCustomerColumn { .. }
        | IngestError::NoMeasureColumn
        | IngestError::NoMilestones
        | IngestError::NoKey { .. }
        | IngestError::DuplicateRole { .. }
        | IngestError::UnknownColumn { .. }
        | IngestError::NotJson { .. }
        | IngestError::WrongJsonShape { .. }
        | IngestError::MetaNotObject
        | IngestError::BadMeta { .. }
        | IngestError::BadScale { .. }
        | IngestError::Finished
        | IngestError::PartUnreadable => {}
    }
}

/// One example of every message kind (and of every wording a kind chooses between).
fn examples() -> Vec<Example> {
    let s = |x: &str| x.to_string();
    let mut v = vec![
        ex(RowProblem::CustomerMissing),
        ex(RowProblem::NestedText),
        ex(RowProblem::NestedDate),
        ex(RowProblem::NestedNumber {
            field: Role::Revenue,
        }),
        ex(RowProblem::DateOutOfRange {
            value: s("20240-01-01"),
            min_year: 1900,
            max_year: 2200,
        }),
        ex(RowProblem::DateUnrecognised { value: s("soon") }),
        ex(RowProblem::NotANumber {
            field: Role::Satisfaction,
            value: s("good"),
        }),
        ex(RowProblem::OutOfScale {
            field: Role::Satisfaction,
            value: 6.5,
            scale: Scale::new(1.0, 5.0),
        }),
        ex(RowProblem::OutOfScale {
            field: Role::Nps,
            value: 11.0,
            scale: Scale::new(0.0, 10.0),
        }),
        ex(RowProblem::WrongWidth {
            values: 5,
            columns: 4,
        }),
        ex(RowProblem::UnclosedQuote {
            values: 3,
            columns: 4,
            from: 7,
            to: 9,
        }),
        ex(RowProblem::NulBytes),
        ex(RowProblem::NotAnObject),
        ex(RowProblem::InvalidJsonLine {
            detail: s("EOF while parsing a value"),
        }),
        ex(RowProblem::NoMilestoneDate),
        ex(milestone_events(9, 28)),
        ex(LoadNote::NotUtf8 {
            encoding: s("windows-1250"),
        }),
        ex(LoadNote::Unwrapped { delimiter: s(";") }),
        ex(LoadNote::DimensionsCapped {
            kept: 64,
            dropped: 3,
        }),
        ex(LoadNote::DecimalComma),
        ex(LoadNote::ShortRows { count: 2 }),
        ex(LoadNote::LongEmptyRows { count: 5 }),
        ex(LoadNote::BlankLines { count: 1 }),
        ex(LoadNote::NdjsonLines),
        ex(LoadNote::FeedPositions),
        ex(LoadNote::ErrorsTruncated {
            listed: 1000,
            more: 25,
        }),
        ex(LoadNote::RowNumberAsCustomer),
        ex(SummaryError::NotValid {
            detail: "EOF while parsing an object at line 1 column 24".into(),
        }),
        ex(SummaryError::Version { found: 2 }),
        ex(SummaryError::Inconsistent {
            table: "cells".into(),
        }),
        ex(LoadNote::SummaryFeed {
            engine: "duckdb 1.1.3".into(),
            events: 3000,
        }),
        ex(LoadNote::SatisfactionOutside {
            count: 12,
            declared: Scale::new(1.0, 5.0),
            suggested: None,
        }),
        ex(LoadNote::SatisfactionOutside {
            count: 12,
            declared: Scale::new(1.0, 5.0),
            suggested: Some(Scale::new(1.0, 10.0)),
        }),
        ex(FilterNote::NoSuchDimension {
            dimension: DimKey::Extra(4),
        }),
        ex(FilterNote::DateIgnored {
            value: s("31/02/2024"),
        }),
        ex(FilterError::BadDate {
            value: s("tomorrow"),
        }),
        ex(FunnelNote::NoTimeForOrder),
        ex(FunnelNote::NoTimeForWindow),
        ex(FunnelNote::BadWindow),
        ex(FunnelNote::MetaOrderWins),
        ex(FunnelNote::PlacedByData {
            stages: vec![s("inspiració")],
        }),
        ex(FunnelNote::UnknownConversionStage { stage: s("signup") }),
        ex(FunnelNote::SavedOrderMismatch {
            absent: vec![s("signup")],
            new: vec![s("trial"), s("won")],
        }),
        ex(FunnelNote::SavedOrderMismatch {
            absent: vec![s("signup"), s("demo")],
            new: vec![],
        }),
        ex(FunnelNote::SavedOrderIgnored {
            stages: vec![s("lead"), s("won")],
        }),
        ex(FunnelNote::ReadAsStatus {
            end_states: vec!["canceled".into(), "unavailable".into()],
        }),
        ex(FunnelNote::ReadAsStatus { end_states: vec![] }),
        ex(FunnelNote::LongOrderTrimmed {
            listed: 100_000,
            absent: 99_998,
        }),
        ex(Exclusion::TooFew { min_count: 20 }),
        ex(Exclusion::NoVariation),
        err(IngestError::Empty),
        err(IngestError::HeaderOnly),
        err(IngestError::OnlyOneColumn { header: s("a|b|c") }),
        err(IngestError::TooManyColumns { limit: 2000 }),
        err(IngestError::NoCustomerColumn {
            columns: vec![s("stage"), s("nps")],
        }),
        err(IngestError::NoMeasureColumn),
        err(IngestError::NoMilestones),
        err(IngestError::NoKey {
            columns: vec![s("review_id"), s("review_score")],
        }),
        plain(JoinError::FirstFileNeedsCustomer {
            file: s("reviews.csv"),
        }),
        plain(JoinError::KeyNotInFile {
            file: s("reviews.csv"),
            key: s("order_id"),
        }),
        plain(JoinError::KeyNotInEarlierFiles {
            file: s("payments.csv"),
            key: s("order_id"),
        }),
        plain(UnmatchedReason::NoKey),
        plain(UnmatchedReason::NotFound),
        plain(UnmatchedReason::Ambiguous),
        err(IngestError::DuplicateRole {
            role: Role::CustomerId,
            first: s("id"),
            second: s("client"),
        }),
        err(IngestError::UnknownColumn { column: s("zone") }),
        err(IngestError::NotJson {
            line: 3,
            column: 14,
            detail: s("expected value"),
        }),
        err(IngestError::MetaNotObject),
        err(IngestError::BadMeta {
            detail: s("invalid type: string"),
        }),
        err(IngestError::BadScale {
            scale: s("nps"),
            detail: s("missing field `max`"),
        }),
        err(IngestError::BadScale {
            scale: s("nps"),
            detail: String::new(),
        }),
        err(IngestError::Finished),
        err(IngestError::PartUnreadable),
        err_chart(ChartError::Backend("canvas lost".into())),
        err_chart(ChartError::Busy),
    ];
    for order in [
        ReadOrder::DayFirst,
        ReadOrder::DayFirstAssumed,
        ReadOrder::MonthFirst,
    ] {
        v.push(ex(LoadNote::DatesRead {
            column: s("fecha"),
            order,
        }));
        v.push(ex(LoadNote::DatesUnreadable {
            column: s("fecha"),
            count: 3,
            order,
        }));
        v.push(ex(LoadNote::MilestoneDatesUnreadable {
            column: s("delivered_at"),
            stage: s("delivered"),
            count: 2,
            order,
        }));
    }
    for d in [
        DateReading::Iso,
        DateReading::YearSlash,
        DateReading::Dotted,
        DateReading::Dashed,
        DateReading::DayFirst,
        DateReading::MonthFirst,
    ] {
        v.push(ex(d));
    }
    for what in [
        BinaryKind::Png,
        BinaryKind::Zip,
        BinaryKind::Pdf,
        BinaryKind::Gzip,
        BinaryKind::Xls,
        BinaryKind::Jpeg,
        BinaryKind::Gif,
        BinaryKind::Other,
    ] {
        v.push(err(IngestError::NotCsv { what }));
    }
    for shape in [
        JsonShape::NotAFeed,
        JsonShape::EventsNotArray,
        JsonShape::EventsNotObjects,
    ] {
        v.push(err(IngestError::WrongJsonShape { shape }));
    }
    v
}

/// What a milestone-date file of two stage columns became.
fn milestone_events(rows: u64, events: u64) -> LoadNote {
    LoadNote::MilestoneEvents {
        stages: vec![
            MilestoneColumn {
                stage: "purchased".into(),
                column: "order_purchase_timestamp".into(),
            },
            MilestoneColumn {
                stage: "delivered".into(),
                column: "order_delivered_customer_date".into(),
            },
        ],
        rows,
        events,
    }
}

/// Messages of `messages.ftl` that are pieces of other sentences, not message kinds.
const PIECES: [&str; 5] = [
    "msg.jes_no_data",
    "msg.whole_row",
    "msg.extra_column",
    "msg.need.stage_after_conversion",
    "msg.need.event_level_data",
];

fn message_keys(lang: Lang) -> BTreeSet<String> {
    i18n::keys(lang)
        .into_iter()
        .filter(|k| k.starts_with("msg."))
        .collect()
}

#[test]
fn every_message_kind_renders_in_every_language() {
    let examples = examples();
    for lang in Lang::ALL {
        for e in &examples {
            let key = message_key(e.message.key());
            assert!(
                i18n::defines(lang, &key),
                "{} has no text for {key}",
                lang.code()
            );
            let text = render(lang, e.message.as_ref());
            assert!(!text.trim().is_empty(), "{} {key} is empty", lang.code());
            assert_ne!(text, key, "{} {key} fell back to the key", lang.code());
            assert!(
                !text.contains('{') || key == "msg.error.wrong_json_shape",
                "{} {key} has an unfilled placeholder: {text}",
                lang.code()
            );
            assert!(
                !text.contains("$"),
                "{} {key} has an unfilled placeholder: {text}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let en = message_keys(Lang::En);
    let exercised: BTreeSet<String> = examples()
        .iter()
        .map(|e| message_key(e.message.key()))
        .chain(PIECES.iter().map(|p| p.to_string()))
        .collect();
    assert_eq!(en, exercised, "messages.ftl and the message kinds differ");
    for lang in [Lang::Ca, Lang::Es, Lang::Pl] {
        assert_eq!(message_keys(lang), en, "{} messages.ftl", lang.code());
    }
    for lang in Lang::ALL {
        for piece in PIECES {
            assert!(i18n::defines(lang, piece), "{} {piece}", lang.code());
            assert!(!i18n::tr(lang, piece).trim().is_empty());
        }
    }
}

#[test]
fn json_kind_names_the_message() {
    for e in examples() {
        let Some(json) = e.json else { continue };
        let kind = json["kind"].as_str().expect("a kind").to_string();
        let key = e.message.key();
        assert!(
            key == kind || key.starts_with(&format!("{kind}_")),
            "kind {kind} vs key {key}"
        );
    }
    let p = RowProblem::OutOfScale {
        field: Role::Nps,
        value: 11.0,
        scale: Scale::new(0.0, 10.0),
    };
    assert_eq!(
        serde_json::to_value(&p).unwrap(),
        serde_json::json!({
            "kind": "row.out_of_scale", "field": "nps", "value": 11.0,
            "scale": {"min": 0.0, "max": 10.0}
        })
    );
    let back: RowProblem = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn english_reads_as_before() {
    let p = RowProblem::OutOfScale {
        field: Role::Satisfaction,
        value: 6.5,
        scale: Scale::new(1.0, 5.0),
    };
    assert_eq!(
        render(Lang::En, &p),
        "Satisfaction must be a number from 1–5, got 6.5"
    );
    assert_eq!(
        render(Lang::Es, &RowProblem::DateUnrecognised { value: "pronto".into() }),
        "No se reconoce la fecha «pronto» (escríbela como 2024-03-15, 15/03/2024 o 15.03.2024 14:30)"
    );
    assert_eq!(
        render(
            Lang::Ca,
            &FunnelNote::PlacedByData {
                stages: vec!["inspiració".into()]
            }
        ),
        "Ordre d'etapes segons els noms d'etapa coneguts; 1 etapa col·locada segons les dades \
         (mediana del moment en què els clients hi arriben per primer cop): \"inspiració\"."
    );
    // A decimal comma in the languages that write one.
    assert_eq!(
        render(
            Lang::Pl,
            &RowProblem::OutOfScale {
                field: Role::Effort,
                value: 7.5,
                scale: Scale::new(1.0, 7.0),
            }
        )
        .split(", a jest ")
        .nth(1),
        Some("7,5")
    );
}

#[test]
fn polish_plurals_follow_cldr() {
    let blank = |n| render(Lang::Pl, &LoadNote::BlankLines { count: n });
    assert_eq!(
        blank(1),
        "Pominięto 1 pusty wiersz (same separatory lub spacje)."
    );
    assert_eq!(
        blank(2),
        "Pominięto 2 puste wiersze (same separatory lub spacje)."
    );
    assert_eq!(
        blank(5),
        "Pominięto 5 pustych wierszy (same separatory lub spacje)."
    );
    assert_eq!(
        blank(22),
        "Pominięto 22 puste wiersze (same separatory lub spacje)."
    );
    assert_eq!(
        blank(12),
        "Pominięto 12 pustych wierszy (same separatory lub spacje)."
    );
    let width = render(
        Lang::Pl,
        &RowProblem::WrongWidth {
            values: 3,
            columns: 5,
        },
    );
    assert_eq!(width, "Ten wiersz ma 3 wartości, a nagłówek ma 5 kolumn");
    let en = |n| render(Lang::En, &LoadNote::BlankLines { count: n });
    assert_eq!(
        en(1),
        "1 empty line (only separators or spaces) was skipped."
    );
    assert_eq!(
        en(1234),
        "1,234 empty lines (only separators or spaces) were skipped."
    );
}

#[test]
fn milestone_and_join_messages_read_as_before() {
    assert_eq!(
        render(Lang::En, &milestone_events(1, 2)),
        "Each row became one event per date column reached, as the stages purchased \
         (order_purchase_timestamp) → delivered (order_delivered_customer_date): 1 row gave 2 events."
    );
    let pl = |rows, events| render(Lang::Pl, &milestone_events(rows, events));
    assert!(
        pl(1, 1).ends_with(": 1 wiersz dał 1 zdarzenie."),
        "{}",
        pl(1, 1)
    );
    assert!(
        pl(3, 4).ends_with(": 3 wiersze dały 4 zdarzenia."),
        "{}",
        pl(3, 4)
    );
    assert!(
        pl(5, 12).ends_with(": 5 wierszy dało 12 zdarzeń."),
        "{}",
        pl(5, 12)
    );
    assert_eq!(
        render(
            Lang::Pl,
            &LoadNote::MilestoneDatesUnreadable {
                column: "dostawa".into(),
                stage: "dostarczono".into(),
                count: 3,
                order: ReadOrder::MonthFirst,
            }
        ),
        "3 daty w kolumnie 'dostawa' (etap dostarczono) nie istnieją przy odczycie \
         miesiąc/dzień/rok i zostały puste."
    );
    assert_eq!(
        render(Lang::En, &RowProblem::NoMilestoneDate),
        "No milestone date: none of the stage columns has a date"
    );
    assert_eq!(
        JoinError::KeyNotInEarlierFiles {
            file: "payments.csv".into(),
            key: "order_id".into()
        }
        .to_string(),
        "payments.csv: none of the files before it has the key column \"order_id\"."
    );
    assert_eq!(
        render(Lang::Es, &UnmatchedReason::Ambiguous),
        "esta clave pertenece a más de un cliente"
    );
}

#[test]
fn needs_name_roles_in_the_language() {
    let n = Needs(vec![
        Need::Column(Role::Stage),
        Need::Column(Role::Touchpoint),
    ]);
    assert_eq!(needs(Lang::En, &n, None), "Stage, Touchpoint");
    let after = Needs(vec![Need::StageAfterConversion]);
    assert_eq!(
        needs(Lang::Es, &after, None),
        "una etapa posterior a la etapa de conversión"
    );
    assert_eq!(
        needs(
            Lang::Pl,
            &Needs(vec![Need::Dimension(DimKey::Extra(1))]),
            None
        ),
        "kolumna 2"
    );
}

#[test]
fn load_errors_display_in_english() {
    assert_eq!(
        IngestError::NotCsv {
            what: BinaryKind::Pdf
        }
        .to_string(),
        "This looks like a PDF document, not a CSV file. Export your data as CSV and try again."
    );
    assert_eq!(
        IngestError::WrongJsonShape {
            shape: JsonShape::EventsNotObjects
        }
        .to_string(),
        "The feed is JSON but not a list of events: the events must be objects such as \
         {\"customer_id\": \"c1\", \"stage\": \"visit\"}."
    );
    assert_eq!(
        render(
            Lang::Ca,
            &IngestError::NoCustomerColumn {
                columns: vec!["etapa".into(), "nps".into()]
            }
        ),
        "No s'ha trobat cap columna de client entre: \"etapa\", \"nps\". Assigna una columna a \
         «customer_id» o carrega cada fila com un client diferent."
    );
}

/// The saved-order notes name what is absent and what is new, with Polish plurals, and
/// say nothing about new stages when there are none.
#[test]
fn saved_order_notes_read_as_written() {
    let s = |t: &str| t.to_string();
    let mismatch =
        |absent: Vec<String>, new: Vec<String>| FunnelNote::SavedOrderMismatch { absent, new };
    assert_eq!(
        render(Lang::En, &mismatch(vec![s("signup")], vec![s("trial")])),
        "The saved stage order names 1 stage this data does not have (\"signup\"); it is left out of the funnel. Stages of this data that the order lacks: \"trial\"."
    );
    assert_eq!(
        render(Lang::En, &mismatch(vec![s("signup"), s("demo")], vec![])),
        "The saved stage order names 2 stages this data does not have (\"signup\", \"demo\"); they are left out of the funnel."
    );
    assert_eq!(
        render(Lang::Pl, &mismatch(vec![s("a"), s("b"), s("c")], vec![])),
        "Zapisana kolejność etapów zawiera 3 etapy, których nie ma w tych danych (\"a\", \"b\", \"c\"); pominięto je w lejku."
    );
}
