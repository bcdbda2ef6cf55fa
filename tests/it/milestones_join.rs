//! Milestone-date files and several files that make one journey, on the real Olist
//! exports. The excerpt figures were worked out by hand from tests/fixtures/olist (see
//! the comments next to each); the full-file figures come from a plain pass over the CSV
//! written here, independent of the ingest and funnel code.

use journey_lens::analytics::{compute, Filter, Prepared, Report, Settings};
use journey_lens::dataset::{Dataset, Role};
use journey_lens::i18n::Lang;
use journey_lens::ingest::milestones::{by_dates, proposal};
use journey_lens::ingest::{load_csv, sniff, CsvOptions, MilestoneStage, Milestones, RowProblem};
use journey_lens::join::{combine, keyed_options, Combined, Source, UnmatchedReason};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/olist/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A file of shared/data/real, next to the checkout (or two levels up, for a git
/// worktree under wt/); `None` (test skipped, with a note) when neither has it.
fn real(path: &str) -> Option<Vec<u8>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let tries = [
        format!("{root}/../shared/data/real/{path}"),
        format!("{root}/../../shared/data/real/{path}"),
    ];
    let found = tries.iter().find_map(|p| std::fs::read(p).ok());
    if found.is_none() {
        eprintln!("note: {path} not found in {tries:?}, test skipped");
    }
    found
}

/// The Olist funnel as a user sets it up on the mapping screen.
fn olist_milestones() -> Milestones {
    let stage = |column: &str, stage: &str| MilestoneStage {
        column: column.into(),
        stage: stage.into(),
    };
    Milestones {
        stages: vec![
            stage("order_purchase_timestamp", "purchase"),
            stage("order_approved_at", "approved"),
            stage("order_delivered_carrier_date", "handed to carrier"),
            stage("order_delivered_customer_date", "delivered"),
        ],
        measures_on: None,
    }
}

fn orders_opts() -> CsvOptions {
    CsvOptions {
        milestones: Some(olist_milestones()),
        ..CsvOptions::default()
    }
}

fn report(ds: &Dataset) -> Report {
    let prep = Prepared::new(ds);
    compute(ds, &prep, &Settings::default(), &Filter::all())
}

fn counts(r: &Report) -> Vec<(String, u64)> {
    r.funnel
        .steps
        .iter()
        .map(|s| (s.stage.clone(), s.customers))
        .collect()
}

fn medians(r: &Report) -> Vec<Option<f64>> {
    r.funnel
        .steps
        .iter()
        .map(|s| s.median_days_from_previous)
        .collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn sniffer_offers_the_date_columns_as_stages() {
    let s = sniff(&fixture("orders.csv")).unwrap();
    let found: Vec<(&str, &str, bool)> = s
        .milestones
        .iter()
        .map(|c| (c.column.as_str(), c.stage.as_str(), c.planned))
        .collect();
    assert_eq!(
        found,
        vec![
            ("order_purchase_timestamp", "purchase", false),
            ("order_approved_at", "approved", false),
            ("order_delivered_carrier_date", "delivered carrier", false),
            ("order_delivered_customer_date", "delivered customer", false),
            ("order_estimated_delivery_date", "estimated delivery", true),
        ]
    );
    // 9 orders: every one has a purchase date, 8 an approval, 6 a carrier date.
    let filled: Vec<usize> = s.milestones.iter().map(|c| c.filled).collect();
    assert_eq!(filled, vec![9, 8, 6, 5, 9]);
    // The estimated date is a plan, not a milestone: proposed unticked.
    let p = proposal(&s.milestones);
    assert_eq!(p.stages.len(), 4);
    // By dates: median days after the row's purchase, lower middle: approved 0.01,
    // carrier 1.5 (0.9 1.0 1.5 1.7 2.1 18.1), delivered 10.5 (4.8 5.2 10.5 16.5 21.3),
    // estimated 17.3 (9.4 9.5 14.4 17.1 17.3 22.1 23.3 27.5 28.1).
    let by: Vec<String> = by_dates(s.milestones.clone())
        .into_iter()
        .map(|c| c.stage)
        .collect();
    assert_eq!(
        by,
        vec![
            "purchase",
            "approved",
            "delivered carrier",
            "delivered customer",
            "estimated delivery"
        ]
    );
    // One date column is not a milestone file.
    let single = sniff(b"customer_id,stage,date\nc1,a,2024-01-01\nc2,b,2024-01-02\n").unwrap();
    assert!(single.milestones.is_empty());
}

#[test]
fn excerpt_funnel_matches_hand_counts() {
    let l = load_csv(&fixture("orders.csv"), &orders_opts()).unwrap();
    // 9 rows; dates reached: 9 purchase + 8 approved + 6 carrier + 5 delivered = 28 events.
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (9, 0));
    assert_eq!(l.report.events, 28);
    assert_eq!(l.dataset.customer_count(), 9);
    // order_status lost its stage role to the dates and stays as a breakdown.
    assert_eq!(
        l.report.mapping.role_of("order_status"),
        Some(Role::Dimension)
    );
    assert_eq!(
        l.report.mapping.role_of("order_purchase_timestamp"),
        Some(Role::Ignore)
    );
    let r = report(&l.dataset);
    assert_eq!(
        counts(&r),
        vec![
            ("purchase".into(), 9),
            ("approved".into(), 8),
            ("handed to carrier".into(), 6),
            ("delivered".into(), 5)
        ]
    );
    assert_eq!(r.funnel.conversion_stage.as_deref(), Some("delivered"));
    let m = medians(&r);
    assert_eq!(m[0], None);
    // purchase → approved, seconds, sorted: 767 788 860 886 42390 48759 176589 304232;
    // median (886 + 42390) / 2 = 21638 s.
    assert!(close(m[1], 21638.0 / 86400.0), "{m:?}");
    // approved → carrier: 36042 87386 128101 146871 179226 1518354; (128101 + 146871) / 2.
    assert!(close(m[2], 137486.0 / 86400.0), "{m:?}");
    // carrier → delivered: 236178 275623 363280 781005 1281591; middle 363280 s.
    assert!(close(m[3], 363280.0 / 86400.0), "{m:?}");
}

#[test]
fn measures_go_on_one_stage_only() {
    let csv = "lead,created,mql,won,amount,segment\n\
               L1,2024-01-01,2024-01-05,2024-02-01,500,smb\n\
               L2,2024-01-02,,,,smb\n\
               L3,2024-01-03,2024-01-04,,,ent\n\
               L4,,,,,ent\n";
    let opts = CsvOptions {
        overrides: vec![("lead".into(), Role::CustomerId)],
        milestones: Some(Milestones {
            stages: ["created", "mql", "won"]
                .iter()
                .map(|c| MilestoneStage {
                    column: c.to_string(),
                    stage: String::new(),
                })
                .collect(),
            measures_on: Some("won".into()),
        }),
        ..CsvOptions::default()
    };
    let l = load_csv(csv.as_bytes(), &opts).unwrap();
    // L4 reached nothing: rejected with a reason, not silently dropped.
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (3, 1));
    assert_eq!(l.rejected[0].line, 5);
    assert_eq!(l.report.events, 3 + 1 + 2);
    let d = &l.dataset;
    let stage = d.stage.as_ref().unwrap();
    let revenue: Vec<(String, f64)> = (0..d.len())
        .filter_map(|i| Dataset::score(&d.revenue, i).map(|v| (stage.get(i).unwrap().into(), v)))
        .collect();
    // Revenue once, on "won"; the segment (read as the persona) on every event.
    assert_eq!(revenue, vec![("won".to_string(), 500.0)]);
    let seg = d.persona.as_ref().unwrap();
    assert!((0..d.len()).all(|i| seg.get(i).is_some()));
    assert_eq!(
        d.meta.stage_order.as_deref().unwrap(),
        ["created", "mql", "won"]
    );
}

/// Minimal civil-date arithmetic for the independent count: seconds of
/// "YYYY-MM-DD HH:MM:SS" since 1970 (Howard Hinnant's days-from-civil).
fn secs(s: &str) -> i64 {
    let n = |a: usize, b: usize| s[a..b].parse::<i64>().unwrap();
    let (y, m, d) = (n(0, 4), n(5, 7), n(8, 10));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19)
}

fn plain_median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

#[test]
fn full_orders_file_matches_a_plain_count() {
    let Some(bytes) = real("olist_sample/olist_orders_dataset.csv") else {
        return;
    };
    // The independent count: per order, the stages reached in a row with each date at or
    // after the one before (text comparison works for this fixed-width format), and the
    // gaps between consecutive reached stages.
    let mut rdr = csv::Reader::from_reader(&bytes[..]);
    let mut reached = [0u64; 4];
    let mut gaps: [Vec<f64>; 4] = Default::default();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let dates: Vec<&str> = (3..7).map(|i| rec.get(i).unwrap_or("")).collect();
        let mut k = 0;
        while k < 4 && !dates[k].is_empty() && (k == 0 || dates[k] >= dates[k - 1]) {
            if k > 0 {
                gaps[k].push((secs(dates[k]) - secs(dates[k - 1])) as f64 / 86_400.0);
            }
            reached[k] += 1;
            k += 1;
        }
    }
    // PROVENANCE.md: 8,135 orders, all with a purchase date.
    assert_eq!(reached[0], 8135);
    let l = load_csv(&bytes, &orders_opts()).unwrap();
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (8135, 0));
    // PROVENANCE.md: approved missing 146, carrier 1782, delivered 2965.
    assert_eq!(
        l.report.events,
        8135 + (8135 - 146) + (8135 - 1782) + (8135 - 2965)
    );
    let r = report(&l.dataset);
    let got: Vec<u64> = r.funnel.steps.iter().map(|s| s.customers).collect();
    assert_eq!(got, reached.to_vec());
    for (k, gap) in gaps.iter().enumerate().skip(1) {
        let want = plain_median(gap.clone());
        let m = r.funnel.steps[k].median_days_from_previous;
        assert!(
            m.zip(want).is_some_and(|(a, b)| (a - b).abs() < 1e-9),
            "step {k}: {m:?} vs {want:?}"
        );
    }
}

/// Orders as milestones, then reviews and payments joined on `order_id`.
fn olist_excerpt(touchpoint_from_status: bool) -> Combined {
    let mut o = orders_opts();
    if touchpoint_from_status {
        o.overrides = vec![("order_status".into(), Role::Touchpoint)];
    }
    let orders = load_csv(&fixture("orders.csv"), &o).unwrap();
    let keyed = || keyed_options(CsvOptions::default(), "order_id");
    let reviews = load_csv(&fixture("reviews.csv"), &keyed()).unwrap();
    let payments = load_csv(&fixture("payments.csv"), &keyed()).unwrap();
    assert_eq!(
        reviews.report.mapping.role_of("review_comment_message"),
        Some(Role::Comment)
    );
    assert_eq!(
        payments.report.mapping.role_of("payment_value"),
        Some(Role::Revenue)
    );
    let key = Some("order_id".to_string());
    combine(&[
        Source::new("orders.csv", orders, None),
        Source::new("reviews.csv", reviews, key.clone()),
        Source::new("payments.csv", payments, key),
    ])
    .unwrap()
}

#[test]
fn excerpt_orders_reviews_payments_make_one_journey() {
    let c = olist_excerpt(true);
    let f = &c.files;
    let row = |i: usize| {
        (
            f[i].rows_loaded,
            f[i].matched,
            f[i].unmatched,
            f[i].ambiguous,
        )
    };
    assert_eq!(row(0), (9, 0, 0, 0));
    // 10 reviews: 9 of the excerpt's orders, the last one's order is not in it.
    assert_eq!(row(1), (10, 9, 1, 0));
    assert_eq!(row(2), (9, 9, 0, 0));
    assert_eq!(c.unmatched.len(), 1);
    assert_eq!(c.unmatched[0].line, "11");
    assert_eq!(c.unmatched[0].value, "583174fbe37d3d5f0d6661be3aad1786");
    assert_eq!(c.unmatched[0].reason, UnmatchedReason::NotFound);
    assert_eq!(
        c.unmatched_csv(Lang::En),
        "file,line,key,value,reason\r\nreviews.csv,11,order_id,583174fbe37d3d5f0d6661be3aad1786,no earlier file has this key\r\n"
    );
    // Still the nine order customers: reviews and payments added none.
    assert_eq!(c.dataset.customer_count(), 9);
    assert_eq!(c.dataset.len(), 28 + 9 + 9);

    let r = report(&c.dataset);
    // Adding files changed no funnel figure.
    assert_eq!(
        r.funnel
            .steps
            .iter()
            .map(|s| s.customers)
            .collect::<Vec<_>>(),
        vec![9, 8, 6, 5]
    );
    assert!(close(
        r.funnel.steps[3].median_days_from_previous,
        363280.0 / 86400.0
    ));

    // Each review sits at the stage its order had reached on the review date:
    // approved: 136cce (2), 203096 (2, carrier date after the review), 0760a8 (3) → 7/3;
    // handed to carrier: ee64d4 (1); delivered: a4591c 4, 2807d0 3, d17dc4 4, f346ad 5 → 4.
    // 00b1cb's review (1) is dated midnight before its purchase: no stage, not guessed.
    let e = &r.experience.emotion.overall;
    let point = |s: &str| e.iter().find(|p| p.stage == s).map(|p| (p.mean, p.count));
    assert_eq!(point("purchase"), Some((None, 0)));
    let (m, n) = point("approved").unwrap();
    assert!(close(m, 7.0 / 3.0) && n == 3);
    assert_eq!(point("handed to carrier"), Some((Some(1.0), 1)));
    assert_eq!(point("delivered"), Some((Some(4.0), 4)));

    // The grid by stage × order status (mapped as the touchpoint of the orders file and
    // taken over by the reviews): delivered × delivered holds the 5 delivery events and
    // the 4 reviews above, of 5 customers.
    let cell = r
        .experience
        .grid
        .cells
        .iter()
        .find(|c| c.stage == "delivered" && c.touchpoint == "delivered")
        .unwrap();
    assert_eq!((cell.events, cell.customers), (9, 5));
    assert_eq!(
        (cell.satisfaction_mean, cell.satisfaction_count),
        (Some(4.0), 4)
    );
    let cell = r
        .experience
        .grid
        .cells
        .iter()
        .find(|c| c.stage == "approved" && c.touchpoint == "invoiced")
        .unwrap();
    // 136cce and 0760a8: approval events and reviews 2 and 3.
    assert_eq!((cell.events, cell.customers), (4, 2));
    assert_eq!(cell.satisfaction_mean, Some(2.5));

    // No 0–10 question in any file: NPS says so instead of guessing from 1–5 scores.
    assert_eq!(
        r.nps.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("nps")
    );
    // Revenue from the payments: 175.26 + 65.95 + 118.86 + 17.28 + 22.36 + 54.82 + 53.66
    // + 50.35 + 0.00 = 558.54.
    let revenue = r.kpis.value("revenue_total").unwrap();
    assert!((revenue - 558.54).abs() < 1e-6, "{revenue}");
}

#[test]
fn without_a_touchpoint_the_map_still_has_satisfaction_by_stage() {
    let r = report(&olist_excerpt(false).dataset);
    assert_eq!(
        r.experience
            .grid
            .unavailable
            .as_ref()
            .map(|n| n.keys())
            .as_deref(),
        Some("touchpoint")
    );
    let e = &r.experience.emotion.overall;
    assert_eq!(
        e.iter().map(|p| p.count).collect::<Vec<_>>(),
        vec![0, 3, 1, 4]
    );
}

fn load(text: &str, keyed: bool) -> journey_lens::ingest::Loaded {
    let opts = if keyed {
        keyed_options(CsvOptions::default(), "order_id")
    } else {
        CsvOptions::default()
    };
    load_csv(text.as_bytes(), &opts).unwrap()
}

#[test]
fn keys_are_matched_counted_and_never_guessed() {
    let base = load(
        "customer_id,order_id,stage,timestamp\n\
         c1,O1,purchase,2024-01-01\n\
         c2,O1,purchase,2024-01-02\n\
         c3,O2,purchase,2024-01-03\n",
        false,
    );
    let reviews = load(
        "order_id,rating,date\nO1,5,2024-01-05\nO2,4,2024-01-06\nO9,1,2024-01-07\n,3,2024-01-08\n",
        true,
    );
    let c = combine(&[
        Source::new("orders.csv", base, None),
        Source::new("reviews.csv", reviews, Some("order_id".into())),
    ])
    .unwrap();
    let f = &c.files[1];
    assert_eq!((f.matched, f.unmatched, f.ambiguous), (1, 2, 1));
    assert_eq!(f.ambiguous_keys, vec!["O1"]);
    let reasons: Vec<(&str, UnmatchedReason)> = c
        .unmatched
        .iter()
        .map(|u| (u.line.as_str(), u.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("2", UnmatchedReason::Ambiguous),
            ("4", UnmatchedReason::NotFound),
            ("5", UnmatchedReason::NoKey)
        ]
    );
    // The one matched review belongs to c3 and sits at c3's stage.
    let d = &c.dataset;
    let last = d.len() - 1;
    assert_eq!(d.customer.get(last), Some("c3"));
    assert_eq!(d.stage.as_ref().unwrap().get(last), Some("purchase"));
    assert_eq!(Dataset::score(&d.satisfaction, last), Some(4.0));
}

#[test]
fn key_can_be_the_customer_column_and_files_keep_their_mappings() {
    let base = load(
        "customer_id,stage,timestamp\nc1,visit,2024-01-01\nc2,visit,2024-01-02\n",
        false,
    );
    // A survey file keyed by the customer column, with its own mapping of "where".
    let survey = load_csv(
        b"customer_id,where,score,date\nc2,phone,2,2024-01-04\nc7,web,5,2024-01-05\n",
        &keyed_options(
            CsvOptions {
                overrides: vec![("where".into(), Role::Channel)],
                ..CsvOptions::default()
            },
            "customer_id",
        ),
    )
    .unwrap();
    assert_eq!(survey.report.mapping.role_of("where"), Some(Role::Channel));
    assert_eq!(
        survey.report.mapping.role_of("customer_id"),
        Some(Role::Dimension)
    );
    let c = combine(&[
        Source::new("visits.csv", base, None),
        Source::new("survey.csv", survey, Some("customer_id".into())),
    ])
    .unwrap();
    assert_eq!((c.files[1].matched, c.files[1].unmatched), (1, 1));
    let d = &c.dataset;
    assert_eq!(d.customer_count(), 2);
    assert_eq!(d.customer.get(2), Some("c2"));
    assert_eq!(d.channel.as_ref().unwrap().get(2), Some("phone"));
    assert_eq!(d.channel.as_ref().unwrap().get(0), None);
    assert_eq!(d.stage.as_ref().unwrap().get(2), Some("visit"));
}

#[test]
fn first_file_must_have_customers_and_keys_must_exist() {
    let reviews = load("order_id,rating\nO1,5\n", true);
    assert!(combine(&[Source::new(
        "r.csv",
        reviews.clone(),
        Some("order_id".into())
    )])
    .is_err());
    let base = load("customer_id,stage\nc1,a\n", false);
    let err = combine(&[
        Source::new("b.csv", base, None),
        Source::new("r.csv", reviews, Some("order_id".into())),
    ])
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.csv: none of the files before it has the key column \"order_id\"."
    );
}

#[test]
fn cli_reports_several_files_joined_on_a_key() {
    let dir = format!("{}/tests/fixtures/olist", env!("CARGO_MANIFEST_DIR"));
    let unmatched = std::env::temp_dir().join(format!("jl-unmatched-{}.csv", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_journey-lens"))
        .args([
            "report",
            &format!("{dir}/orders.csv"),
            "--milestones",
            "order_purchase_timestamp=purchase,order_approved_at=approved,\
             order_delivered_carrier_date=handed to carrier,order_delivered_customer_date=delivered",
            &format!("{dir}/reviews.csv"),
            &format!("{dir}/payments.csv"),
            "--key",
            "order_id",
            "--unmatched",
        ])
        .arg(&unmatched)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let steps: Vec<(String, u64)> = doc["funnel"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["stage"].as_str().unwrap().to_string(),
                s["customers"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            ("purchase".into(), 9),
            ("approved".into(), 8),
            ("handed to carrier".into(), 6),
            ("delivered".into(), 5)
        ]
    );
    let files = doc["files"].as_array().unwrap();
    let row = |i: usize, k: &str| files[i][k].as_u64().unwrap();
    assert_eq!((row(1, "matched"), row(1, "unmatched")), (9, 1));
    assert_eq!((row(2, "matched"), row(2, "unmatched")), (9, 0));
    assert_eq!(doc["nps"]["unavailable"], "nps");
    let csv = std::fs::read_to_string(&unmatched).unwrap();
    let _ = std::fs::remove_file(&unmatched);
    assert_eq!(csv.lines().count(), 2);
    assert!(csv.contains("583174fbe37d3d5f0d6661be3aad1786"));
}

#[test]
fn full_olist_files_join_with_an_independent_count() {
    let (Some(orders), Some(reviews), Some(payments)) = (
        real("olist_sample/olist_orders_dataset.csv"),
        real("olist_sample/olist_order_reviews_dataset.csv"),
        real("olist_sample/olist_order_payments_dataset.csv"),
    ) else {
        return;
    };
    // Plain pass: each order's milestone dates; each review at the latest milestone on or
    // before its creation date (text comparison), scores summed per stage.
    let stages = ["purchase", "approved", "handed to carrier", "delivered"];
    let mut dates: std::collections::HashMap<String, Vec<String>> = Default::default();
    for rec in csv::Reader::from_reader(&orders[..]).records() {
        let rec = rec.unwrap();
        let d = (3..7)
            .map(|i| rec.get(i).unwrap_or("").to_string())
            .collect();
        dates.insert(rec[0].to_string(), d);
    }
    let mut sums = [(0.0f64, 0u64); 4];
    for rec in csv::Reader::from_reader(&reviews[..]).records() {
        let rec = rec.unwrap();
        let (order, score, created) = (&rec[1], rec[2].parse::<f64>().unwrap(), &rec[5]);
        let d = &dates[order];
        // Stages reached in a row, as the milestone events are (a date per column).
        let at = (0..4)
            .filter(|&k| !d[k].is_empty() && d[k].as_str() <= created)
            .max_by(|&a, &b| d[a].cmp(&d[b]).then(a.cmp(&b)));
        if let Some(k) = at {
            sums[k].0 += score;
            sums[k].1 += 1;
        }
    }
    let orders = load_csv(&orders, &orders_opts()).unwrap();
    let keyed = || keyed_options(CsvOptions::default(), "order_id");
    let reviews = load_csv(&reviews, &keyed()).unwrap();
    let payments = load_csv(&payments, &keyed()).unwrap();
    let key = Some("order_id".to_string());
    let c = combine(&[
        Source::new("orders", orders, None),
        Source::new("reviews", reviews, key.clone()),
        Source::new("payments", payments, key),
    ])
    .unwrap();
    // PROVENANCE.md: every review and payment row matches an order.
    let m: Vec<(usize, usize, usize)> = c
        .files
        .iter()
        .map(|f| (f.matched, f.unmatched, f.ambiguous))
        .collect();
    assert_eq!(m, vec![(0, 0, 0), (8225, 0, 0), (8924, 0, 0)]);
    let r = report(&c.dataset);
    for (k, stage) in stages.iter().enumerate() {
        let p = r
            .experience
            .emotion
            .overall
            .iter()
            .find(|p| p.stage == *stage)
            .unwrap();
        assert_eq!(p.count, sums[k].1, "{stage}");
        let want = sums[k].0 / sums[k].1 as f64;
        assert!(p.mean.is_some_and(|m| (m - want).abs() < 1e-9), "{stage}");
    }
    // PROVENANCE.md: payment_value totals 1,428,602.81.
    let revenue = r.kpis.value("revenue_total").unwrap();
    assert!((revenue - 1_428_602.81).abs() < 1e-6, "{revenue}");
    assert_eq!(
        r.nps.unavailable.as_ref().map(|n| n.keys()).as_deref(),
        Some("nps")
    );
}

#[test]
fn milestone_dates_in_day_month_order_and_bad_dates() {
    // 13/01 shows the first column is day-first; the second column only has ambiguous
    // dates, read the European way. Line 4 has an unreadable date: the row is rejected.
    let csv = "id,signed up,activated\n\
               u1,13/01/2024,02/03/2024\n\
               u2,05/01/2024,\n\
               u3,07/01/2024,soon\n";
    let opts = CsvOptions {
        overrides: vec![("id".into(), Role::CustomerId)],
        milestones: Some(Milestones {
            stages: ["signed up", "activated"]
                .iter()
                .map(|c| MilestoneStage {
                    column: c.to_string(),
                    stage: String::new(),
                })
                .collect(),
            measures_on: None,
        }),
        ..CsvOptions::default()
    };
    let l = load_csv(csv.as_bytes(), &opts).unwrap();
    assert_eq!((l.report.rows_loaded, l.report.rows_rejected), (2, 1));
    assert_eq!(l.report.errors[0].line, 4);
    assert_eq!(l.report.errors[0].column.as_deref(), Some("activated"));
    assert_eq!(
        l.report.errors[0].problem,
        RowProblem::DateUnrecognised {
            value: "soon".into()
        }
    );
    let d = &l.dataset;
    // 2024-01-13 = 19735 days after 1970-01-01; 2024-03-02 = 19784; 2024-01-05 = 19727.
    let times: Vec<i64> = (0..d.len()).map(|i| d.time(i).unwrap() / 86_400).collect();
    assert_eq!(times, vec![19735, 19784, 19727]);
    assert_eq!(
        l.report.date_format.get("signed up").map(String::as_str),
        Some("day/month/year")
    );
}
