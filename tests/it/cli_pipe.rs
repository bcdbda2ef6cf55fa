//! `journey-lens … | head -1`: a reader that stops early closes the pipe, and the command
//! must end quietly with success, not with Rust's "failed printing to stdout" panic.
//!
//! Each command here writes far more than a pipe holds (64 KiB on Linux, 1 MiB at most), so
//! it is still writing when the reader goes away: the closed pipe is really hit.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_journey-lens");
const MORE_THAN_A_PIPE_HOLDS: usize = 1 << 20;

/// What `head -1` sees and what the command left behind.
struct Run {
    first_line: String,
    status: ExitStatus,
    stderr: String,
}

/// Runs the binary, reads the first line of its stdout, then closes the pipe.
fn first_line_then_close(args: &[&str]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut first_line = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().expect("stdout is piped"));
        reader.read_line(&mut first_line).expect("a first line");
        // The reader (and with it the pipe's only read end) is dropped here.
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr is readable");
    let status = child.wait().expect("the binary ends");
    Run {
        first_line,
        status,
        stderr,
    }
}

/// The whole stdout of a run nobody interrupts, to prove the premise (output > pipe).
fn full_stdout(args: &[&str]) -> Vec<u8> {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A CSV whose 10,000 rows all have NPS 11: `check` lists every one of them (its error
/// limit is 10,000), about 1.5 MB of JSON.
fn csv_with_many_rejected_rows() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_pipe_rejected.csv");
    let mut text = String::from("customer_id,timestamp,stage,touchpoint,nps\n");
    for i in 0..10_000 {
        text.push_str(&format!("C{i},2025-03-01T10:00:00,awareness,Website,11\n"));
    }
    std::fs::write(&path, text).expect("the temp dir is writable");
    path
}

fn assert_quiet_success(run: &Run, expected_first_line: &str) {
    assert_eq!(run.first_line, expected_first_line);
    assert!(run.status.success(), "status {:?}", run.status);
    assert_eq!(run.stderr, "");
}

#[test]
fn check_piped_into_head_exits_quietly() {
    let file = csv_with_many_rejected_rows();
    let file = file.to_str().expect("a UTF-8 temp path");
    assert!(full_stdout(&["check", file]).len() > MORE_THAN_A_PIPE_HOLDS);
    let run = first_line_then_close(&["check", file]);
    assert_quiet_success(&run, "{\n");
}

#[test]
fn generate_piped_into_head_exits_quietly() {
    let args = ["generate", "--rows", "100000", "--seed", "1"];
    assert!(full_stdout(&args).len() > MORE_THAN_A_PIPE_HOLDS);
    let run = first_line_then_close(&args);
    assert_quiet_success(
        &run,
        "customer_id,timestamp,journey,stage,touchpoint,channel,persona,satisfaction,effort,nps,revenue,comment,region\n",
    );
}

/// `report`'s document can be smaller than a pipe, so here the read end is closed before the
/// command starts: its very first write meets the closed pipe, whatever the size.
#[test]
fn report_into_an_already_closed_pipe_exits_quietly() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample/journeys.csv");
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(BIN)
        .args(["report", sample])
        .stdout(writer)
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "status {:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Only a closed pipe is forgiven: a full disk is still an error, with a sentence and
/// status 2.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_still_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let out = Command::new(BIN)
        .args(["generate", "--rows", "10", "--seed", "1"])
        .stdout(Stdio::from(full))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("could not write the generated data: No space left on device"),
        "{stderr}"
    );
}
