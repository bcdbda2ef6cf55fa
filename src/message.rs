//! What the core layers tell the user, as data.
//!
//! `ingest`, `dataset`, `analytics` and `charts` never write a sentence: a row problem, a
//! load note or a funnel note is a typed value carrying its facts (line, column, value,
//! scale, counts). Only the edge turns it into words, in the reader's language:
//! [`crate::present::message`] renders any [`Message`] with the Fluent texts in
//! `locales/<lang>/messages.ftl`. The same split as the csv crate's `ErrorKind` (what
//! happened) and its `Display` (how it reads), so nothing ever parses a sentence back.
//!
//! Each message serialises as `{"kind": <key>, <fact>: <value>, …}` (serde's internally
//! tagged enums, so a report read back is the same value): a stable key a program can
//! match on, and the facts by name. The tests check that `kind` equals [`Message::key`].

use crate::dataset::{DimKey, Role, Scale};
use serde::ser::Serializer;

/// One fact a message carries, kept typed so each language formats it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// The user's own text (a header, a cell, a stage name): shown as it is.
    Text(String),
    /// A count or a line number: picks the plural form, written with digit grouping.
    Count(u64),
    /// A measured number (a score someone typed), written with the language's decimal mark.
    Number(f64),
    /// An answer scale, written `1–5`.
    Scale(Scale),
    /// A column role, written with the role's name in the language.
    Role(Role),
    /// A breakdown dimension: a role's name, or an extra column's header.
    Dimension(DimKey),
    /// Several of the user's texts, written as a list.
    List(Vec<String>),
}

/// A message for the user, before it has words.
pub trait Message {
    /// The stable, machine-readable kind, e.g. `row.not_a_number`. The Fluent id of its
    /// text is `msg-` followed by the key with `.` written `-`.
    fn key(&self) -> &'static str;
    /// The facts the text mentions, by placeholder name.
    fn args(&self) -> Vec<(&'static str, Value)>;
}

/// What a view or a table would need to be shown, when the data lacks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A column with this role.
    Column(Role),
    /// A funnel stage after the conversion stage (retention and churn look for it).
    StageAfterConversion,
    /// A breakdown dimension the data does not have.
    Dimension(DimKey),
}

impl Need {
    /// The machine-readable form used in the JSON report.
    pub fn key(&self) -> String {
        match self {
            Need::Column(r) => r.key().to_string(),
            Need::StageAfterConversion => "stage_after_conversion".to_string(),
            Need::Dimension(d) => d.to_string(),
        }
    }

    fn parse(s: &str) -> Option<Need> {
        if s == "stage_after_conversion" {
            return Some(Need::StageAfterConversion);
        }
        let dim: Option<DimKey> = s.parse().ok();
        match (Role::from_key(s), dim) {
            (Some(r), _) if !matches!(r, Role::Dimension | Role::Ignore) => Some(Need::Column(r)),
            (_, Some(d)) => Some(Need::Dimension(d)),
            _ => None,
        }
    }
}

/// Everything missing for one view, in the order it is listed. Serialises as the keys
/// joined by `, ` (`"stage, touchpoint"`), the form the JSON report has always had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs(pub Vec<Need>);

impl Needs {
    pub fn column(role: Role) -> Needs {
        Needs(vec![Need::Column(role)])
    }

    /// The roles whose flag is false, or `None` when every one is present.
    pub fn missing(roles: &[(Role, bool)]) -> Option<Needs> {
        let m: Vec<Need> = roles
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(r, _)| Need::Column(*r))
            .collect();
        (!m.is_empty()).then_some(Needs(m))
    }

    /// `"stage, touchpoint"`.
    pub fn keys(&self) -> String {
        self.0.iter().map(Need::key).collect::<Vec<_>>().join(", ")
    }
}

impl serde::Serialize for Needs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.keys())
    }
}

impl<'de> serde::Deserialize<'de> for Needs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Needs, D::Error> {
        let s = String::deserialize(d)?;
        s.split(',')
            .map(|p| {
                Need::parse(p.trim())
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown need {p:?}")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Needs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_round_trip_through_their_keys() {
        let n = Needs(vec![
            Need::Column(Role::Stage),
            Need::StageAfterConversion,
            Need::Dimension(DimKey::Extra(2)),
        ]);
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"stage, stage_after_conversion, extra:2\"");
        assert_eq!(serde_json::from_str::<Needs>(&json).unwrap(), n);
        assert!(serde_json::from_str::<Needs>("\"color\"").is_err());
    }
}
