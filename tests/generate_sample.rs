//! The bundled samples in `public/sample/` must be exactly what the generator makes with
//! the commands in `public/sample/README.md`, so they cannot drift silently.
//! If a generator change is intended, regenerate them with those commands.

use journey_lens::generate::{self, Format, GenConfig};
use std::path::PathBuf;

fn check(file: &str, rows: usize, seed: u64, format: Format) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/sample")
        .join(file);
    let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut fresh = Vec::new();
    generate::write(&GenConfig { rows, seed, format }, &mut fresh).expect("vec write");
    assert!(
        fresh == committed,
        "{file} differs from `generate --rows {rows} --seed {seed}` output; \
         regenerate it as public/sample/README.md says"
    );
}

#[test]
fn journeys_csv_matches_its_command() {
    check("journeys.csv", 3_000, 7, Format::Csv);
}

#[test]
fn feed_json_matches_its_command() {
    check("feed.json", 300, 7, Format::Json);
}

#[test]
fn catalan_csv_matches_its_command() {
    check("viatge_ca.csv", 200, 7, Format::CsvCatalan);
}

#[test]
fn samples_stay_small_enough_to_ship() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/sample");
    let size = |f: &str| std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(u64::MAX);
    assert!(size("journeys.csv") < 400_000);
    assert!(size("feed.json") < 150_000);
    assert!(size("viatge_ca.csv") < 40_000);
}
