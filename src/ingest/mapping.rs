//! Header names to roles. Users export from tools in English, Catalan, Spanish and
//! Polish, with accents, odd casing and compound names, and expect the obvious columns to
//! be recognised without clicking through a mapping screen every time.

use super::error::IngestError;
use crate::dataset::Role;
use crate::fold::fold;
use std::collections::{HashMap, HashSet};

/// Lower-cases, strips diacritics, splits camelCase and turns every separator into one
/// space, so "Kanał", "KANAL" and "kanal_" all become "kanal".
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut prev_lower = false;
    for ch in header.chars() {
        if ch.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        for lc in ch.to_lowercase() {
            match fold(lc) {
                Some(s) => out.push_str(s),
                None if lc.is_alphanumeric() => out.push(lc),
                // The Catalan middle dot of "l·l" joins letters rather than separating words.
                None if lc == '·' || lc == '\'' || lc == '’' => {}
                None => out.push(' '),
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalised header names that mean a role outright.
const EXACT: &[(Role, &[&str])] = &[
    (
        Role::CustomerId,
        &[
            "customer",
            "customer id",
            "customerid",
            "client",
            "client id",
            "clientid",
            "cliente",
            "id cliente",
            "klient",
            "id klienta",
            "user id",
            "userid",
            "user",
            "id",
            "customer number",
            "customer no",
            "contact id",
            "id client",
            "usuari",
            "id usuari",
            "usuario",
            "id usuario",
            "uzytkownik",
            "numer klienta",
            "nr klienta",
            "identyfikator klienta",
        ],
    ),
    (
        Role::Timestamp,
        &[
            "date",
            "timestamp",
            "time",
            "data",
            "fecha",
            "data i hora",
            "fecha y hora",
            "fecha hora",
            "data hora",
            "czas",
            "datetime",
            "date time",
            "data i czas",
            "data czas",
            "event time",
            "event date",
            "created at",
            "date of visit",
            "dia",
            "dzien",
        ],
    ),
    (
        Role::Journey,
        &[
            "journey",
            "viatge",
            "viaje",
            "recorrido",
            "sciezka",
            "customer journey",
            "journey name",
        ],
    ),
    (
        Role::Stage,
        &[
            "stage",
            "etapa",
            "fase",
            "etap",
            "funnel stage",
            "step",
            "phase",
            "status",
            "estat",
            "estado",
        ],
    ),
    (
        Role::Touchpoint,
        &[
            "touchpoint",
            "touch point",
            "punt de contacte",
            "punto de contacto",
            "punkt styku",
            "punkt kontaktu",
            "interaction",
            "interaccio",
            "interaccion",
        ],
    ),
    (Role::Channel, &["channel", "canal", "kanal", "medium"]),
    (
        Role::Persona,
        &[
            "persona",
            "segment",
            "segmento",
            "customer segment",
            "perfil",
            "profil",
        ],
    ),
    (
        Role::Satisfaction,
        &[
            "satisfaction",
            "csat",
            "satisfaccio",
            "satisfaccion",
            "zadowolenie",
            "satysfakcja",
            "rating",
            "review score",
            "score",
            "stars",
            "satisfaction score",
            "csat score",
            "valoracio",
            "valoracion",
            "ocena",
        ],
    ),
    (
        Role::Effort,
        &[
            "effort",
            "ces",
            "esforc",
            "esfuerzo",
            "wysilek",
            "customer effort",
            "effort score",
            "ces score",
        ],
    ),
    (
        Role::Nps,
        &[
            "nps",
            "recommend",
            "likelihood to recommend",
            "recomanacio",
            "recomendacion",
            "polecenie",
            "nps score",
            "net promoter score",
        ],
    ),
    (
        Role::Revenue,
        &[
            "revenue",
            "amount",
            "value",
            "ingressos",
            "ingresos",
            "importe",
            "import",
            "przychod",
            "kwota",
            "sales",
            "ventas",
            "vendes",
            "sprzedaz",
            "wartosc",
        ],
    ),
    (
        Role::Comment,
        &[
            "comment",
            "comments",
            "feedback",
            "comentari",
            "comentaris",
            "comentario",
            "comentarios",
            "komentarz",
            "uwagi",
            "verbatim",
            "remarks",
        ],
    ),
];

/// Word sequences specific enough to recognise inside compound headers such as
/// "order_purchase_timestamp" or "nps_q1". Generic words ("id", "value", "data") are
/// deliberately absent: "review_id" is not a customer.
const CONTAINS: &[(Role, &[&str])] = &[
    (
        Role::CustomerId,
        &[
            "customer id",
            "client id",
            "user id",
            "id cliente",
            "id klienta",
            "id client",
        ],
    ),
    (Role::Timestamp, &["timestamp", "datetime", "date", "fecha"]),
    (Role::Journey, &["journey", "viatge", "viaje"]),
    (Role::Stage, &["stage", "etapa", "funnel", "status"]),
    (
        Role::Touchpoint,
        &[
            "touchpoint",
            "punt de contacte",
            "punto de contacto",
            "punkt styku",
        ],
    ),
    (Role::Channel, &["channel", "canal", "kanal"]),
    (Role::Persona, &["persona", "segment", "segmento"]),
    (Role::Nps, &["nps", "recommend", "net promoter"]),
    (
        Role::Satisfaction,
        &[
            "satisfaction",
            "csat",
            "satisfaccio",
            "satisfaccion",
            "zadowolenie",
            "rating",
        ],
    ),
    (Role::Effort, &["effort", "ces", "esfuerzo"]),
    (
        Role::Revenue,
        &[
            "revenue",
            "amount",
            "importe",
            "ingresos",
            "przychod",
            "payment value",
            "order value",
        ],
    ),
    (
        Role::Comment,
        &["comment", "comments", "feedback", "comentario", "komentarz"],
    ),
];

/// The role a header suggests on its own, if any.
pub fn suggest(header: &str) -> Option<Role> {
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    for (role, words) in EXACT {
        if words.contains(&n.as_str()) {
            return Some(*role);
        }
    }
    let padded = format!(" {n} ");
    // A comment's title or subject is a summary, not the comment itself.
    let titled = [" title ", " subject ", " titulo ", " tytul "]
        .iter()
        .any(|w| padded.contains(w));
    for (role, words) in CONTAINS {
        if *role == Role::Comment && titled {
            continue;
        }
        if words.iter().any(|w| padded.contains(&format!(" {w} "))) {
            return Some(*role);
        }
    }
    None
}

/// Whether a role may be held by at most one column.
pub fn is_single(role: Role) -> bool {
    !matches!(role, Role::Dimension | Role::Ignore)
}

/// Automatic roles for a header row: exact names first, then compound names, each single
/// role going to the first column that claims it; every other column is a dimension
/// (or ignored when it has no name at all, like R's row-index column).
pub fn auto_roles(headers: &[String]) -> Vec<Role> {
    let mut roles: Vec<Role> = headers
        .iter()
        .map(|h| {
            if h.trim().is_empty() || is_placeholder(h) {
                Role::Ignore
            } else {
                Role::Dimension
            }
        })
        .collect();
    let mut taken: Vec<Role> = Vec::new();
    // Pass 1: exact names; pass 2: compound names.
    for exact_pass in [true, false] {
        for (i, h) in headers.iter().enumerate() {
            if roles[i] != Role::Dimension {
                continue;
            }
            let n = normalize(h);
            let role = if exact_pass {
                EXACT
                    .iter()
                    .find(|(_, ws)| ws.contains(&n.as_str()))
                    .map(|(r, _)| *r)
            } else {
                suggest(h)
            };
            if let Some(r) = role {
                if !taken.contains(&r) {
                    taken.push(r);
                    roles[i] = r;
                }
            }
        }
    }
    roles
}

/// Whether a header is the stand-in [`unique_headers`] gives an empty header.
fn is_placeholder(h: &str) -> bool {
    h.strip_prefix("column ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A stable key for "this file has the same columns as one seen before", so the app can
/// remember a user's mapping.
pub fn header_key(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| normalize(h))
        .collect::<Vec<_>>()
        .join("|")
}

/// Gives empty and repeated headers distinct names, since the report and the mapping
/// address columns by name.
pub fn unique_headers(raw: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut taken: HashSet<String> = HashSet::with_capacity(raw.len());
    // Next suffix to try per base name, so 5,000 identical headers cost 5,000 steps.
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, h) in raw.into_iter().enumerate() {
        let h = h.trim().to_string();
        let base = if h.is_empty() {
            format!("column {}", i + 1)
        } else {
            h
        };
        let mut name = base.clone();
        if taken.contains(&name) {
            let k = next.entry(base.clone()).or_insert(2);
            loop {
                name = format!("{base} ({k})");
                *k += 1;
                if !taken.contains(&name) {
                    break;
                }
            }
        }
        taken.insert(name.clone());
        out.push(name);
    }
    out
}

/// More columns than this and a file is refused ([`IngestError::TooManyColumns`]).
pub const MAX_COLUMNS: usize = 2_000;

/// At most this many columns are kept as extra dimensions: the filter bar cannot offer
/// more, and each costs memory per row even where it is empty.
pub const MAX_DIMENSIONS: usize = 64;

/// Columns past the first [`MAX_DIMENSIONS`] dimensions are ignored; returns how many.
pub fn cap_dimensions(roles: &mut [Role]) -> usize {
    let mut seen = 0;
    let mut dropped = 0;
    for r in roles.iter_mut().filter(|r| **r == Role::Dimension) {
        seen += 1;
        if seen > MAX_DIMENSIONS {
            *r = Role::Ignore;
            dropped += 1;
        }
    }
    dropped
}

/// Final roles: the automatic ones, replaced by a full mapping from the UI when given,
/// then by per-column overrides (`--map COLUMN=ROLE`). An explicit choice of a single
/// role takes it away from an automatically chosen column, which becomes a dimension.
pub fn resolve_roles(
    headers: &[String],
    full: Option<&[Role]>,
    by_name: &[(String, Role)],
) -> Result<Vec<Role>, IngestError> {
    // How deliberate each column's role is: 0 automatic, 1 full mapping, 2 named override.
    let mut level = vec![0u8; headers.len()];
    let mut roles = auto_roles(headers);
    if let Some(full) = full {
        for (i, r) in full.iter().enumerate().take(headers.len()) {
            roles[i] = *r;
            level[i] = 1;
        }
    }
    for (name, role) in by_name {
        let idx = headers
            .iter()
            .position(|h| h == name)
            .or_else(|| {
                let n = normalize(name);
                headers.iter().position(|h| normalize(h) == n)
            })
            .ok_or_else(|| IngestError::UnknownColumn {
                column: name.clone(),
            })?;
        roles[idx] = *role;
        level[idx] = 2;
        if is_single(*role) {
            for j in 0..headers.len() {
                if j != idx && roles[j] == *role && level[j] < 2 {
                    roles[j] = Role::Dimension;
                }
            }
        }
    }
    for i in 0..headers.len() {
        for j in (i + 1)..headers.len() {
            if !is_single(roles[i]) || roles[j] != roles[i] {
                continue;
            }
            if level[i] == level[j] && level[i] > 0 {
                return Err(IngestError::DuplicateRole {
                    role: roles[i],
                    first: headers[i].clone(),
                    second: headers[j].clone(),
                });
            }
            let demote = if level[j] > level[i] { i } else { j };
            roles[demote] = Role::Dimension;
        }
    }
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_accents_case_and_separators() {
        assert_eq!(normalize("Kanał"), "kanal");
        assert_eq!(normalize("  Punkt_Styku "), "punkt styku");
        assert_eq!(normalize("Satisfacció"), "satisfaccio");
        assert_eq!(normalize("Col·lecció"), "colleccio");
        assert_eq!(normalize("customerId"), "customer id");
        assert_eq!(normalize("ŚCIEŻKA"), "sciezka");
    }

    #[test]
    fn suggests_roles_in_four_languages() {
        assert_eq!(suggest("ID_Cliente"), Some(Role::CustomerId));
        assert_eq!(suggest("Data i hora"), Some(Role::Timestamp));
        assert_eq!(suggest("Ścieżka"), Some(Role::Journey));
        assert_eq!(suggest("Przychód"), Some(Role::Revenue));
        assert_eq!(suggest("Wysiłek"), Some(Role::Effort));
        assert_eq!(suggest("Recomendación"), Some(Role::Nps));
        assert_eq!(suggest("order_purchase_timestamp"), Some(Role::Timestamp));
        assert_eq!(suggest("review_id"), None);
        assert_eq!(suggest("review_score"), Some(Role::Satisfaction));
        assert_eq!(suggest("review_comment_title"), None);
        assert_eq!(suggest("review_comment_message"), Some(Role::Comment));
        assert_eq!(suggest("payment_value"), Some(Role::Revenue));
    }

    #[test]
    fn first_column_wins_a_single_role() {
        let h: Vec<String> = ["id", "client_id", "date", "order_date", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            auto_roles(&h),
            vec![
                Role::CustomerId,
                Role::Dimension,
                Role::Timestamp,
                Role::Dimension,
                Role::Ignore
            ]
        );
    }
}
