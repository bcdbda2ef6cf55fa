//! Embeds every `locales/<lang>/*.ftl` file in the binary, so a translator (or a new feature)
//! adds a file without editing a list in the code.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("locales");
    let mut files = Vec::new();
    for lang in sorted_entries(&root) {
        let Some(code) = lang
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        for file in sorted_entries(&lang) {
            if file.extension().is_some_and(|e| e == "ftl") {
                println!("cargo:rerun-if-changed={}", file.display());
                files.push((code.clone(), file));
            }
        }
    }
    let mut out = String::from("/// `(language code, file path, Fluent source)`.\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for (code, file) in files {
        let path = file.display().to_string();
        writeln!(out, "    ({code:?}, {path:?}, include_str!({path:?})),").expect("string write");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("set by cargo")).join("locales.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn sorted_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}
