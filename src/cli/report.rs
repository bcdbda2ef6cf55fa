//! Placeholder until its owner lands it.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("not implemented yet".into())
}
