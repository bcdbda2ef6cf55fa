//! The stepped compute: the report does not depend on the pauses between steps, and the
//! caller gets a pause between every two steps.

use journey_lens::analytics::steps::{compute_in_steps, run_ready, STEPS};
use journey_lens::analytics::{compute, Filter, Prepared, Settings};
use journey_lens::ingest::{load_csv, CsvOptions};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A pause that is pending on its first poll, like a yield to the browser.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

fn sample() -> journey_lens::ingest::Loaded {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/sample/journeys.csv"
    ))
    .expect("the bundled sample is part of the repository");
    load_csv(&bytes, &CsvOptions::default()).expect("the sample loads")
}

#[test]
fn pausing_between_steps_gives_the_report_of_one_go() {
    let loaded = sample();
    let ds = &loaded.dataset;
    let prep = Prepared::new(ds);
    let settings = Settings::default();
    let filter = Filter::all().with(journey_lens::dataset::Role::Persona, "Bargain hunter");
    let pauses = Cell::new(0);
    let pause = || {
        pauses.set(pauses.get() + 1);
        YieldOnce(false)
    };
    let (stepped, times) = run_ready(compute_in_steps(
        ds,
        &prep,
        &settings,
        &filter,
        &|| 0.0,
        pause,
    ));
    assert_eq!(pauses.get(), STEPS - 1, "a pause between every two steps");
    assert_eq!(times, [0.0; STEPS]);
    assert_eq!(stepped, compute(ds, &prep, &settings, &filter));
    // The sample has 748 rows of that persona (counted with `cut | uniq -c`).
    assert_eq!(stepped.selection.events, 748);
}

#[test]
fn each_step_is_timed_on_the_callers_clock() {
    let loaded = sample();
    let prep = Prepared::new(&loaded.dataset);
    // A clock that advances one unit per reading: each step reads it twice (start, end).
    let tick = Cell::new(0.0);
    let clock = || {
        tick.set(tick.get() + 1.0);
        tick.get()
    };
    let ready = || std::future::ready(());
    let (report, times) = run_ready(compute_in_steps(
        &loaded.dataset,
        &prep,
        &Settings::default(),
        &Filter::default(),
        &clock,
        ready,
    ));
    assert_eq!(times, [1.0; STEPS]);
    assert_eq!(report.selection.events, 3000);
}
