//! Mounts the browser app (natively an empty program: the command line is the
//! `journey-lens` bin of the root package).

#[cfg(target_arch = "wasm32")]
fn main() {
    journey_lens_app::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
