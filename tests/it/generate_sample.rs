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
fn spanish_csv_matches_its_command() {
    check("viaje_es.csv", 1_500, 7, Format::CsvSpanish);
}

#[test]
fn polish_csv_matches_its_command() {
    check("podroz_pl.csv", 1_500, 7, Format::CsvPolish);
}

#[test]
fn samples_stay_small_enough_to_ship() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/sample");
    let size = |f: &str| {
        std::fs::metadata(dir.join(f))
            .map(|m| m.len())
            .unwrap_or(u64::MAX)
    };
    assert!(size("journeys.csv") < 400_000);
    assert!(size("feed.json") < 150_000);
    assert!(size("viatge_ca.csv") < 40_000);
    assert!(size("viaje_es.csv") < 150_000);
    assert!(size("podroz_pl.csv") < 150_000);
}

fn sample(file: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/sample")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first thing a visitor sees must load without a single rejected row.
#[test]
fn english_sample_loads_cleanly_with_every_role_detected() {
    use journey_lens::dataset::Role;
    use journey_lens::ingest::{load_csv, CsvOptions};
    let loaded = load_csv(&sample("journeys.csv"), &CsvOptions::default()).expect("loads");
    let r = &loaded.report;
    assert_eq!(
        (r.rows_loaded, r.rows_rejected),
        (3_000, 0),
        "{:?}",
        r.errors
    );
    assert_eq!(r.customers, 586); // counted from the file with a separate script
    for role in [
        Role::CustomerId,
        Role::Timestamp,
        Role::Journey,
        Role::Stage,
        Role::Touchpoint,
        Role::Channel,
        Role::Persona,
        Role::Satisfaction,
        Role::Effort,
        Role::Nps,
        Role::Revenue,
        Role::Comment,
    ] {
        assert!(
            r.mapping.column_for(role).is_some(),
            "{role:?} not detected"
        );
    }
    assert_eq!(r.mapping.role_of("region"), Some(Role::Dimension));
    let ds = &loaded.dataset;
    // First row: C000001,2025-08-30T17:56:00,... (read off the committed file).
    assert_eq!(ds.customer.get(0), Some("C000001"));
    assert_eq!(ds.time(0), Some(1_756_576_560));
}

#[test]
fn json_feed_sample_loads_cleanly_with_its_meta() {
    use journey_lens::ingest::{load_json, JsonOptions};
    let loaded = load_json(&sample("feed.json"), &JsonOptions::default()).expect("loads");
    let r = &loaded.report;
    assert_eq!((r.rows_loaded, r.rows_rejected), (300, 0), "{:?}", r.errors);
    let meta = &loaded.dataset.meta;
    assert_eq!(meta.conversion_stage.as_deref(), Some("purchase"));
    assert_eq!(meta.stage_order.as_ref().map(Vec::len), Some(5));
    assert_eq!(meta.targets.get("nps"), Some(&20.0));
}

#[test]
fn catalan_sample_loads_with_semicolons_decimal_comma_and_day_first_dates() {
    use journey_lens::ingest::{load_csv, CsvOptions};
    let loaded = load_csv(&sample("viatge_ca.csv"), &CsvOptions::default()).expect("loads");
    let r = &loaded.report;
    assert_eq!((r.rows_loaded, r.rows_rejected), (200, 0), "{:?}", r.errors);
    assert_eq!(r.delimiter, ";");
    assert!(r.decimal_comma);
    use journey_lens::dataset::Role;
    for (column, role) in [
        ("client", Role::CustomerId),
        ("data", Role::Timestamp),
        ("etapa", Role::Stage),
        ("punt de contacte", Role::Touchpoint),
        ("satisfacció", Role::Satisfaction),
        ("ingressos", Role::Revenue),
        ("comentari", Role::Comment),
    ] {
        assert_eq!(r.mapping.role_of(column), Some(role), "{column}");
    }
    // First row is dated 30/08/2025: day first, so 2025-08-30T00:00:00.
    assert_eq!(loaded.dataset.time(0), Some(1_756_512_000));
}

/// The Spanish and Polish samples are what a first-time visitor in those languages sees:
/// every column recognised from its native header, no row rejected, the funnel in the
/// built-in order of the native stage names.
#[test]
fn spanish_and_polish_samples_load_with_native_headers_and_stage_names() {
    use journey_lens::analytics::{self, Filter, Prepared, Settings};
    use journey_lens::dataset::Role;
    use journey_lens::ingest::{load_csv, CsvOptions};
    let cases = [
        (
            "viaje_es.csv",
            [
                "cliente",
                "fecha",
                "etapa",
                "punto de contacto",
                "satisfacción",
                "ingresos",
                "comentario",
            ],
            [
                "descubrimiento",
                "consideración",
                "compra",
                "fidelización",
                "recomendación",
            ],
        ),
        (
            "podroz_pl.csv",
            [
                "klient",
                "data",
                "etap",
                "punkt styku",
                "satysfakcja",
                "przychód",
                "komentarz",
            ],
            [
                "świadomość",
                "rozważanie",
                "zakup",
                "lojalność",
                "rekomendacja",
            ],
        ),
    ];
    let roles = [
        Role::CustomerId,
        Role::Timestamp,
        Role::Stage,
        Role::Touchpoint,
        Role::Satisfaction,
        Role::Revenue,
        Role::Comment,
    ];
    for (file, columns, stages) in cases {
        let loaded = load_csv(&sample(file), &CsvOptions::default()).expect("loads");
        let r = &loaded.report;
        assert_eq!(
            (r.rows_loaded, r.rows_rejected),
            (1_500, 0),
            "{file}: {:?}",
            r.errors
        );
        // Distinct ids in the first column, counted with `cut | sort -u | wc -l`.
        assert_eq!(r.customers, 289, "{file}");
        assert_eq!(r.delimiter, ";");
        assert!(r.decimal_comma);
        for (column, role) in columns.iter().zip(roles) {
            assert_eq!(r.mapping.role_of(column), Some(role), "{file}: {column}");
        }
        // First row is dated 30/08/2025 (30.08.2025 in Polish): 2025-08-30T00:00:00.
        assert_eq!(loaded.dataset.time(0), Some(1_756_512_000), "{file}");
        let prepared = Prepared::new(&loaded.dataset);
        let report = analytics::compute(
            &loaded.dataset,
            &prepared,
            &Settings::default(),
            &Filter::default(),
        );
        let order: Vec<&str> = report
            .funnel
            .steps
            .iter()
            .map(|s| s.stage.as_str())
            .collect();
        assert_eq!(order, stages, "{file}");
    }
}
