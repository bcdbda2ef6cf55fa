//! Fuzz target: JSON ingest: `load_json` with default options (array, `{meta, events}` feed or NDJSON).

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        harness::json(data);
    });
}
