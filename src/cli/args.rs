//! What the three commands share in reading their arguments: the `lexopt` parser over
//! the command's arguments, and the `--map COLUMN=ROLE` value both `check` and `report`
//! take.

use crate::dataset::Role;

/// A parser over `args` (the program and command names already removed).
pub fn parser(args: &[String]) -> lexopt::Parser {
    lexopt::Parser::from_args(args.iter().cloned())
}

/// The value of the option just read, as UTF-8 text.
pub fn text(p: &mut lexopt::Parser, flag: &str) -> Result<String, String> {
    p.value()
        .map_err(|_| format!("{flag} needs a value."))?
        .into_string()
        .map_err(|v| format!("{flag}: {} is not UTF-8 text.", v.to_string_lossy()))
}

/// A positional argument as UTF-8 text.
pub fn positional(v: std::ffi::OsString) -> Result<String, String> {
    v.into_string()
        .map_err(|v| format!("{} is not UTF-8 text.", v.to_string_lossy()))
}

/// Reads `--map COLUMN=ROLE`; the column may itself hold `=`, the role is after the last.
pub fn column_role(v: &str) -> Result<(String, Role), String> {
    let (col, role) = v
        .rsplit_once('=')
        .ok_or_else(|| format!("--map {v}: expected COLUMN=ROLE"))?;
    let role = Role::from_key(role.trim()).ok_or_else(|| {
        format!(
            "--map {v}: unknown role \"{role}\" (one of: {})",
            Role::ALL.map(|r| r.key()).join(", ")
        )
    })?;
    Ok((col.to_string(), role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_with_an_equals_sign_keeps_it() {
        assert_eq!(
            column_role("a=b=stage"),
            Ok(("a=b".to_string(), Role::Stage))
        );
        assert!(column_role("x=nope").is_err());
        assert!(column_role("x").is_err());
    }
}
