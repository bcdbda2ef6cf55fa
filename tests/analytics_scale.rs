//! Thousands of distinct stages, touchpoints, personas and groups: the analysis finishes
//! with memory proportional to the input, and the views that would be a product of two
//! dimensions keep the largest categories and sum the rest into "(others)".
//!
//! Peak heap use is measured with a counting allocator; the tests of this file run one at
//! a time so they do not count each other's allocations. The counting allocator is the
//! whole binary's, so this file is its own test binary, outside `tests/it`: there the other
//! tests' allocations, running alongside, would count too.

#[path = "it/charts_support/mod.rs"]
mod charts_support;

use charts_support::*;
use journey_lens::analytics::period::civil_from_days;
use journey_lens::analytics::{compute, report_json, Filter, Prepared, Report, Settings};
use journey_lens::charts::{self, Theme};
use journey_lens::dataset::{Columns, Dataset, DatasetBuilder, Event, Meta, Role, Scale, Scales};
use journey_lens::i18n::Lang;
use journey_lens::ingest::{load_csv, CsvOptions};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Live and peak heap bytes of this test binary.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: every call is forwarded unchanged to the system allocator; only counters change.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs `f` and returns its result with the most heap it held at once, in bytes.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    (out, PEAK.load(Ordering::SeqCst).saturating_sub(before))
}

const MB: usize = 1 << 20;
const L: Lang = Lang::En;
const ONE_TO_FIVE: Scale = Scale::new(1.0, 5.0);

/// What the CLI's `report` command does after loading: every view with default settings
/// and no filter, and the JSON document.
fn full_report(ds: &Dataset, settings: &Settings) -> (Report, String) {
    let prep = Prepared::new(ds);
    let report = compute(ds, &prep, settings, &Filter::all());
    let json = report_json(&report);
    (report, json)
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value expected");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn builder(persona: bool) -> DatasetBuilder {
    let cols = Columns {
        stage: true,
        touchpoint: true,
        persona,
        satisfaction: true,
        ..Columns::default()
    };
    DatasetBuilder::new(&cols, Scales::default(), Meta::default())
}

fn push(
    b: &mut DatasetBuilder,
    customer: &str,
    stage: &str,
    tp: &str,
    sat: f64,
    persona: Option<&str>,
) {
    b.push(&Event {
        customer,
        stage: Some(stage),
        touchpoint: Some(tp),
        persona,
        satisfaction: Some(sat),
        ..Event::default()
    });
}

/// 13 stages × 17 touchpoints, no timestamps (stages in file order):
///
/// * a01…a15: 6 events each at (S{(i − 1) mod 11 + 1}, T{i}), satisfaction 4, persona P{i}
///   → S01…S04 12 events, S05…S11 6; T01…T15 6 each.
/// * x (persona P16): (S12, T16, 1), (S13, T17, 2), (S12, T01, 5), (S01, T16, 3).
/// * y (persona P16): (S13, T16, 4), (S13, T16, 5).
///
/// Events per stage: S01 13, S02–S04 12, S05–S11 6, S12 2, S13 3 → S12 and S13 are folded.
/// Per touchpoint: T01 7, T02–T15 6, T16 4, T17 1 → T16 and T17 are folded.
fn small() -> Dataset {
    let mut b = builder(true);
    for i in 1..=15 {
        let (c, p) = (format!("a{i:02}"), format!("P{i:02}"));
        let (s, t) = (format!("S{:02}", (i - 1) % 11 + 1), format!("T{i:02}"));
        for _ in 0..6 {
            push(&mut b, &c, &s, &t, 4.0, Some(&p));
        }
    }
    for (c, s, t, v) in [
        ("x", "S12", "T16", 1.0),
        ("x", "S13", "T17", 2.0),
        ("x", "S12", "T01", 5.0),
        ("x", "S01", "T16", 3.0),
        ("y", "S13", "T16", 4.0),
        ("y", "S13", "T16", 5.0),
    ] {
        push(&mut b, c, s, t, v, Some("P16"));
    }
    b.finish()
}

#[test]
fn others_cells_sum_the_folded_stages_and_touchpoints_from_their_events() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let settings = Settings {
        min_count: 2,
        ..Settings::default()
    };
    let (r, _) = full_report(&small(), &settings);
    let g = &r.experience.grid;
    let names = |p: &str, range: std::ops::RangeInclusive<u32>| -> Vec<String> {
        range.map(|i| format!("{p}{i:02}")).collect()
    };
    let mut stages = names("S", 1..=11);
    stages.push("(others)".into());
    assert_eq!(g.stages, stages);
    let mut tps = names("T", 1..=15);
    tps.push("(others)".into());
    assert_eq!(g.touchpoints, tps);
    assert_eq!((g.stages_total, g.stages_folded), (13, 2));
    assert_eq!((g.touchpoints_total, g.touchpoints_folded), (17, 2));
    // 15 base cells, (S01, others), (others, T01), (others, others).
    assert_eq!(g.cells.len(), 18);
    let cell = |s: &str, t: &str| {
        g.cells
            .iter()
            .find(|c| c.stage == s && c.touchpoint == t)
            .unwrap_or_else(|| panic!("no cell {s} · {t}"))
    };
    // (S12 or S13) × (T16 or T17): x's 1 and 2, y's 4 and 5. The mean is over the four
    // answers (3.0), not over the three cells' means (1, 2, 4.5 → 2.5); x and y are two
    // customers, though the three cells count three between them.
    let oo = cell("(others)", "(others)");
    assert_eq!((oo.events, oo.customers, oo.satisfaction_count), (4, 2, 4));
    close(oo.satisfaction_mean, 3.0);
    close(oo.share_negative, 50.0); // 1 and 2 are the two lowest points of 1–5
    let o1 = cell("(others)", "T01");
    assert_eq!((o1.events, o1.customers), (1, 1));
    close(o1.satisfaction_mean, 5.0);
    close(cell("S01", "(others)").satisfaction_mean, 3.0);
    let base = cell("S01", "T01");
    assert_eq!((base.events, base.customers), (6, 1));
    close(base.satisfaction_mean, 4.0);
    // Pain points keep the real cells: 15 base cells at 4.0, then S13 · T16 at 4.5.
    assert_eq!(r.experience.pain_points.len(), 16);
    let last = &r.experience.pain_points[15];
    assert_eq!(
        (last.stage.as_str(), last.touchpoint.as_str()),
        ("S13", "T16")
    );
    close(Some(last.satisfaction_mean), 4.5);

    // 16 personas with answers, 6 each: P01…P07 (earliest among equals) + "(others)".
    let e = &r.experience.emotion;
    assert_eq!((e.personas_total, e.personas_folded), (16, 9));
    let personas: Vec<&str> = e.by_persona.iter().map(|p| p.persona.as_str()).collect();
    assert_eq!(
        personas,
        ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "(others)"]
    );
    // At S01, "(others)" holds a12 (P12, six answers of 4) and x's 3: 27 / 7, not the
    // mean of the two personas' means (3.5).
    let others = &e.by_persona[7];
    assert_eq!(others.points.len(), 13);
    assert_eq!(others.points[0].count, 7);
    close(others.points[0].mean, 27.0 / 7.0);
}

#[test]
fn breakdown_keeps_the_20_largest_groups_and_sums_the_rest() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Group G{j} (j = 1…25) has 26 − j customers; customer n (0-based) of a group reaches
    // B (the conversion stage, the last one) when n is even.
    let cols = Columns {
        stage: true,
        persona: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    for j in 1..=25u32 {
        let g = format!("G{j:02}");
        for n in 0..(26 - j) {
            let c = format!("{g}-{n}");
            let mut ev = Event {
                customer: &c,
                stage: Some("A"),
                persona: Some(&g),
                ..Event::default()
            };
            b.push(&ev);
            if n % 2 == 0 {
                ev.stage = Some("B");
                b.push(&ev);
            }
        }
    }
    let settings = Settings {
        breakdown: Some(Role::Persona.into()),
        ..Settings::default()
    };
    let (r, _) = full_report(&b.finish(), &settings);
    let bd = r.funnel.breakdown.expect("breakdown");
    assert_eq!((bd.groups_total, bd.groups_folded), (25, 5));
    assert_eq!(bd.groups.len(), 21);
    assert_eq!(bd.groups[0].value, "G01");
    assert_eq!(bd.groups[0].customers, [25, 13]);
    assert_eq!(bd.groups[19].value, "G20");
    // G21…G25: 5 + 4 + 3 + 2 + 1 = 15 customers; even n: 3 + 2 + 2 + 1 + 1 = 9 reach B.
    let o = &bd.groups[20];
    assert_eq!(o.value, "(others)");
    assert_eq!(o.customers, [15, 9]);
    close(o.conversion_rate, 60.0);
}

/// 20,000 events, each a different (stage, touchpoint) pair of 10,000 stages × 10,000
/// touchpoints: event e is at stage e mod 10,000 and touchpoint (e + ⌊e / 10,000⌋) mod
/// 10,000, customer e mod 1,000, satisfaction 1 + e mod 5. Every stage and every
/// touchpoint has 2 events.
fn sparse_10k() -> Dataset {
    let mut b = builder(false);
    for e in 0..20_000u32 {
        let s = format!("S{:04}", e % 10_000);
        let t = format!("T{:04}", (e + e / 10_000) % 10_000);
        let c = format!("c{:03}", e % 1_000);
        push(&mut b, &c, &s, &t, 1.0 + (e % 5) as f64, None);
    }
    b.finish()
}

#[test]
fn ten_thousand_stages_by_ten_thousand_touchpoints_stay_sparse() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let ds = sparse_10k();
    let ((r, json), peak) = peak_during(|| full_report(&ds, &Settings::default()));
    // About 10 MB; a dense grid alone would be 10,001² cells (over 6 GB).
    assert!(peak < 64 * MB, "peak heap {} MB", peak / MB);
    assert!(json.len() > 1_000);
    let g = &r.experience.grid;
    assert_eq!((g.stages_total, g.stages_folded), (10_000, 9_989));
    assert_eq!((g.touchpoints_total, g.touchpoints_folded), (10_000, 9_985));
    // All weights tie at 2 events: the first 11 stages (file order) and the first 15
    // touchpoints (code order) are kept.
    assert_eq!(g.stages.len(), 12);
    assert_eq!(g.stages[..2], ["S0000", "S0001"]);
    assert_eq!(g.stages[10], "S0010");
    assert_eq!(g.touchpoints.len(), 16);
    assert_eq!(g.touchpoints[14], "T0014");
    assert_eq!(g.touchpoints[15], "(others)");
    // Kept × kept: (s, s) and (s, s + 1) for s = 0…10 → 22. Folded stages × kept
    // touchpoints: T0000 (from S9999), T0011, T0012, T0013, T0014 → 5. Plus (others, others).
    assert_eq!(g.cells.len(), 28);
    let cell = |s: &str, t: &str| {
        g.cells
            .iter()
            .find(|c| c.stage == s && c.touchpoint == t)
            .unwrap_or_else(|| panic!("no cell {s} · {t}"))
    };
    // (others, T0012): events 12 (S0012) and 10,011 (S0011), satisfaction 3 and 2.
    let o12 = cell("(others)", "T0012");
    assert_eq!((o12.events, o12.customers), (2, 2));
    close(o12.satisfaction_mean, 2.5);
    // (others, others): 20,000 − 22 − 8 events. Satisfaction sums to 60,000 over all
    // events, 62 over the kept cells and 28 over the other five: 59,910 / 19,970 = 3.
    // Every one of the 1,000 customers has an event there.
    let oo = cell("(others)", "(others)");
    assert_eq!(
        (oo.events, oo.customers, oo.satisfaction_count),
        (19_970, 1_000, 19_970)
    );
    close(oo.satisfaction_mean, 3.0);
    // Every stage is a funnel step; every view is still complete where it is linear.
    assert_eq!(r.funnel.steps.len(), 10_000);
    assert_eq!(r.experience.emotion.overall.len(), 10_000);
    assert_eq!(r.experience.handoffs.total, 19_000);
}

/// 100,000 events over 50,000 touchpoints and the five built-in stages: event e at
/// touchpoint e mod 50,000, stage e mod 5, customer ⌊e / 10⌋, one minute after event
/// e − 1, satisfaction 1 + e mod 5 and NPS e mod 11. Built from CSV text, as the CLI does.
fn fifty_thousand_touchpoints() -> Dataset {
    const STAGES: [&str; 5] = [
        "Awareness",
        "Consideration",
        "Purchase",
        "Retention",
        "Advocacy",
    ];
    let jan1_2024 = 19_723;
    let mut csv = String::from("customer_id,timestamp,stage,touchpoint,satisfaction,nps\n");
    for e in 0..100_000u32 {
        let (y, m, d) = civil_from_days(jan1_2024 + (e / 1440) as i64);
        csv.push_str(&format!(
            "c{:05},{y}-{m:02}-{d:02}T{:02}:{:02}:00,{},tp{:05},{},{}\n",
            e / 10,
            e / 60 % 24,
            e % 60,
            STAGES[(e % 5) as usize],
            e % 50_000,
            1 + e % 5,
            e % 11
        ));
    }
    let loaded = load_csv(csv.as_bytes(), &CsvOptions::default()).expect("loads");
    assert_eq!(loaded.dataset.len(), 100_000);
    loaded.dataset
}

#[test]
fn fifty_thousand_touchpoints_give_a_readable_map() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let ds = fifty_thousand_touchpoints();
    let ((r, _), peak) = peak_during(|| full_report(&ds, &Settings::default()));
    // About 30 MB, the JSON document included (the loaded dataset is not counted).
    assert!(peak < 64 * MB, "peak heap {} MB", peak / MB);
    let g = &r.experience.grid;
    assert_eq!(
        g.stages,
        [
            "Awareness",
            "Consideration",
            "Purchase",
            "Retention",
            "Advocacy"
        ]
    );
    assert_eq!((g.stages_total, g.stages_folded), (5, 0));
    assert_eq!(
        (g.touchpoints_total, g.touchpoints_folded),
        (50_000, 49_985)
    );
    assert_eq!(g.touchpoints.len(), 16);
    assert_eq!(g.touchpoints[0], "tp00000");
    // Touchpoint t's two events (t and t + 50,000) share stage t mod 5: 15 kept cells, and
    // one "(others)" cell per stage with 20,000 − 6 events.
    assert_eq!(g.cells.len(), 20);
    let others: Vec<u64> = g
        .cells
        .iter()
        .filter(|c| c.touchpoint == "(others)")
        .map(|c| c.events)
        .collect();
    assert_eq!(others, [19_994; 5]);
    // Every touchpoint has 2 customers with both answers, fewer than min_count (20).
    assert!(r.experience.priority.points.is_empty());
    assert_eq!(r.experience.priority.excluded.len(), 50_000);

    // Drawn: 5 stage columns × 16 touchpoint rows, "(others)" last, and a note.
    let (svg, map) = render(1400, 700, |a| {
        charts::draw_heatmap(a, g, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 80);
    assert_eq!(map.hits[79].title, "Advocacy · (others)");
    assert_text(&svg, "(others)");
    assert_text(
        &svg,
        "The 15 touchpoints with the most events (of 50,000) are drawn; the rest are summed in “(others)”.",
    );
}

#[test]
fn the_capped_ten_thousand_grid_draws_twelve_columns_and_sixteen_rows() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (r, _) = full_report(&sparse_10k(), &Settings::default());
    let g = &r.experience.grid;
    let (svg, map) = render(1600, 700, |a| {
        charts::draw_heatmap(a, g, ONE_TO_FIVE, 1, &Theme::light(), L)
    });
    // Row by row (touchpoints), column by column (stages).
    assert_eq!(map.hits.len(), 12 * 16);
    assert_eq!(map.hits[0].title, "S0000 · T0000");
    assert_eq!(map.hits[11].title, "(others) · T0000");
    assert_eq!(map.hits[191].title, "(others) · (others)");
    for label in ["S0000", "S0010", "T0000", "T0014"] {
        assert!(label_drawn(&svg, label), "{label}");
    }
    assert!(
        charts::heatmap_summary(g, 1, L).ends_with(
            "The 11 stages with the most events (of 10,000) are drawn; the rest are summed in “(others)”."
        ),
        "{}",
        charts::heatmap_summary(g, 1, L)
    );
    // The funnel draws its first 40 of 10,000 steps and says so.
    let (svg, map) = render(900, 900, |a| {
        charts::draw_funnel(a, &r.funnel, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 40);
    assert_text(
        &svg,
        "The first 40 of 10,000 stages are drawn; the table lists them all.",
    );
    assert_eq!(charts::funnel_table(&r.funnel, L).rows.len(), 10_000);
    // The emotion curve: 30 stages, one point each for the overall line.
    let (_, map) = render(1200, 500, |a| {
        charts::draw_emotion(a, &r.experience.emotion, &Theme::light(), L)
    });
    assert_eq!(map.hits.len(), 30);
}

/// Three customers at one instant (a date-only file) over 3,000 stages: A lists S0000…S2999
/// (which sets the stage order), B lists them backwards, C skips S1500. Equal timestamps
/// count as "at or after", so A and B reach every step and C stops at step 1,500.
#[test]
fn long_customers_at_one_instant_walk_every_step() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let cols = Columns {
        timestamp: true,
        stage: true,
        ..Columns::default()
    };
    let mut b = DatasetBuilder::new(&cols, Scales::default(), Meta::default());
    let names: Vec<String> = (0..3_000).map(|i| format!("S{i:04}")).collect();
    let order: [(&str, Vec<&String>); 3] = [
        ("A", names.iter().collect()),
        ("B", names.iter().rev().collect()),
        ("C", names.iter().filter(|n| *n != "S1500").collect()),
    ];
    for (c, stages) in &order {
        for s in stages {
            b.push(&Event {
                customer: c,
                timestamp: Some(1_704_067_200),
                stage: Some(s),
                ..Event::default()
            });
        }
    }
    let (r, _) = full_report(&b.finish(), &Settings::default());
    let f = &r.funnel;
    assert_eq!(f.steps.len(), 3_000);
    assert_eq!(f.steps[0].stage, "S0000");
    assert_eq!(f.steps[1_499].customers, 3);
    assert_eq!(f.steps[1_500].customers, 2);
    assert_eq!(f.steps[2_999].customers, 2);
}
