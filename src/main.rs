//! The `check`, `report` and `generate` commands. In the browser nothing: the app is the
//! `journey-lens-app` bin of the package in `app/`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(msg) = journey_lens::cli::run(&args) {
        // `eprintln!` would panic if stderr is closed too; the exit status still tells.
        let _ = writeln!(std::io::stderr(), "{msg}");
        std::process::exit(2);
    }
}
