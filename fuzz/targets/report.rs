//! Fuzz target: the `report` command's analysis on whatever loads: every view computed and serialised.

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        harness::report(data);
    });
}
