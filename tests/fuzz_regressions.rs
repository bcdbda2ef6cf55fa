//! Every input the fuzzers saved (crashes, hangs and a few telling seeds) replays through
//! the same harness as `fuzz/targets/`, so a fixed bug stays fixed. Inputs of a bug not yet
//! fixed wait in `fuzz/regressions/pending/` (skipped here) until the fix moves them up.
//! How the fuzzers run: docs/reliability.md.
//!
//! Each input runs in a child process (this test binary again, running only
//! `replay_one_input`), because the failures the fuzzers find are not all panics: a runaway
//! allocation aborts the process and a hang never returns. The child refuses to hold more
//! than `harness::MEMORY_CAP` bytes and the parent kills it after `TIME_LIMIT`.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: harness::CappedAlloc = harness::CappedAlloc;

/// Far above what any input here needs in a debug build (well under a second), far below
/// "never returns".
const TIME_LIMIT: Duration = Duration::from_secs(60);

const TARGET_VAR: &str = "JOURNEY_LENS_REPLAY_TARGET";
const FILE_VAR: &str = "JOURNEY_LENS_REPLAY_FILE";

/// The regression inputs of one target, sorted so a failure names the same file each run.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs one input through one target's harness in a child process; returns whether it
/// loaded, or panics naming the file when the child failed or ran out of time.
fn replay_in_child(target: &str, file: &Path) -> bool {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut child = Command::new(exe)
        .args(["replay_one_input", "--exact", "--ignored", "--nocapture"])
        .env(TARGET_VAR, target)
        .env(FILE_VAR, file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the test binary starts again");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child's status") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{target} harness still running after {TIME_LIMIT:?} on {}",
                file.display()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = child.wait_with_output().expect("the child's output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        status.success(),
        "{target} harness failed ({status}) on {}:\n{stderr}",
        file.display()
    );
    stdout.contains("REPLAY loaded")
}

/// Replays every input of `target`; returns how many loaded.
fn replay(target: &str) -> usize {
    let files = inputs(target);
    assert!(!files.is_empty(), "no regression inputs for {target}");
    files.iter().filter(|f| replay_in_child(target, f)).count()
}

/// The child's side: does nothing unless started by [`replay_in_child`].
#[test]
#[ignore = "run in a child process by the replay tests"]
fn replay_one_input() {
    let (Ok(target), Ok(file)) = (std::env::var(TARGET_VAR), std::env::var(FILE_VAR)) else {
        return;
    };
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let loaded = match target.as_str() {
        "csv" => harness::csv(&bytes).is_some(),
        "json" => harness::json(&bytes).is_some(),
        "report" => harness::report(&bytes).is_some(),
        other => panic!("no fuzz target {other}"),
    };
    if loaded {
        println!("REPLAY loaded");
    }
}

#[test]
fn csv_regressions_load_or_fail_cleanly() {
    // The seeds kept beside the crashes load; a clean refusal is fine for the rest.
    assert!(replay("csv") >= 1);
}

#[test]
fn json_regressions_load_or_fail_cleanly() {
    assert!(replay("json") >= 1);
}

#[test]
fn report_regressions_run_the_whole_analysis() {
    assert!(replay("report") >= 1);
}

#[test]
fn harness_accepts_a_good_file_and_refuses_garbage() {
    // Hand-written: two customers, three rows; the second customer's row has no NPS.
    let good = b"customer_id,stage,nps\nc1,awareness,9\nc1,purchase,10\nc2,awareness,\n";
    let csv = harness::csv(good).expect("a plain CSV loads");
    assert_eq!(csv.report.rows_loaded, 3);
    assert_eq!(csv.report.customers, 2);
    let report = harness::report(good).expect("and gets a report");
    assert!(report.contains("\"total_events\": 3"), "{report}");
    assert!(harness::json(b"\x00\x01\x02 not a feed").is_none());
    assert!(harness::csv(b"").is_none());
}

#[test]
fn a_runaway_allocation_fails_the_replay() {
    // The cap is what turns "allocates hundreds of GB" into a failure instead of a slow
    // pass on a machine that overcommits memory.
    let too_much = std::alloc::Layout::array::<u8>(harness::MEMORY_CAP + 1).expect("a layout");
    // SAFETY: a null result is checked before any use; a non-null one is freed at once.
    let p = unsafe { std::alloc::alloc(too_much) };
    let refused = p.is_null();
    if !refused {
        unsafe { std::alloc::dealloc(p, too_much) };
    }
    assert!(
        refused,
        "the capped allocator granted {} bytes",
        too_much.size()
    );
}
