//! Fuzz target: CSV ingest: `load_csv` with default options, and the streaming `CsvLoader` fed the same bytes in small chunks.

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        harness::csv(data);
    });
}
