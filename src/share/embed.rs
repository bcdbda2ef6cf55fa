//! The options of an embedded app, read from its iframe address: `embed=1` (no header or
//! navigation, compact), `lock=` (what the viewer cannot change), `hide=` (parts of the view
//! left out) and `origin=` (the host pages whose messages are obeyed).
//!
//! Origins are the security boundary of the message API: only an exact scheme, host and
//! port listed by the embedder is trusted, never `*` or `null`, so a page that frames the
//! app without being listed can read nothing but its height and change nothing.

use super::query;

/// At most this many parts can be hidden and origins listed.
const MAX_ITEMS: usize = 50;

/// What the viewer of an embed cannot change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locks {
    /// Filters show as read-only chips.
    pub filters: bool,
    /// Settings (breakdown, mode, window) cannot be changed.
    pub settings: bool,
}

/// A web origin (`https://intranet.example:8443`), lower-case, no trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin(String);

impl Origin {
    /// An `http`/`https` origin with a host and optional port; a trailing `/` is allowed,
    /// a path, query, user name or wildcard is not.
    pub fn parse(text: &str) -> Option<Origin> {
        let text = text.trim().to_ascii_lowercase();
        let text = text.strip_suffix('/').unwrap_or(&text);
        let (scheme, rest) = text.split_once("://")?;
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (h, Some(p)),
            _ => (rest, None),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '[' | ']' | ':'))
            && !host.starts_with('.')
            && !host.contains("..");
        let port_ok = port
            .is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok_and(|n| n > 0));
        (host_ok && port_ok).then(|| Origin(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub embed: bool,
    pub locks: Locks,
    /// Part names: `filters`, `status`, `title`, `actions`, `stats`, or a chart's id.
    pub hide: Vec<String>,
    pub origins: Vec<Origin>,
}

/// A part name is lower-case letters, digits and dashes: it ends up in a CSS selector.
fn part_name(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_lowercase();
    let ok = !t.is_empty()
        && t.len() <= 40
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    ok.then_some(t)
}

fn truthy(value: &str) -> bool {
    matches!(value.trim(), "" | "1" | "true" | "yes")
}

impl EmbedOptions {
    /// Reads the embedding parameters of a query string; lists may be comma-separated or
    /// repeated (`hide=a,b` or `hide=a&hide=b`).
    pub fn parse(query_string: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for (name, value) in query::parse(query_string) {
            let items = value.split(',').map(str::trim).filter(|s| !s.is_empty());
            match name.as_str() {
                "embed" => o.embed = truthy(&value),
                "lock" => {
                    for item in items {
                        match item.to_ascii_lowercase().as_str() {
                            "filters" => o.locks.filters = true,
                            "settings" => o.locks.settings = true,
                            "all" => {
                                o.locks.filters = true;
                                o.locks.settings = true;
                            }
                            _ => {}
                        }
                    }
                }
                "hide" => {
                    for part in items.filter_map(part_name) {
                        if o.hide.len() < MAX_ITEMS && !o.hide.contains(&part) {
                            o.hide.push(part);
                        }
                    }
                }
                "origin" => {
                    for origin in items.filter_map(Origin::parse) {
                        if o.origins.len() < MAX_ITEMS && !o.origins.contains(&origin) {
                            o.origins.push(origin);
                        }
                    }
                }
                _ => {}
            }
        }
        o
    }

    /// Whether a message from `origin` (the browser's `MessageEvent.origin`) may be obeyed.
    pub fn trusts(&self, origin: &str) -> bool {
        Origin::parse(origin).is_some_and(|o| self.origins.contains(&o))
    }

    /// The style rules that hide the `hide=` parts. Names are validated to
    /// `[a-z0-9-]`, so nothing from the address can escape the selector.
    pub fn hide_css(&self) -> String {
        self.hide
            .iter()
            .map(|part| match part.as_str() {
                "filters" => ".jl-filterbar{display:none!important}".to_string(),
                "status" => ".jl-error,.jl-progress{display:none!important}".to_string(),
                "title" => ".jl-card>h2,.jl-card>h3{display:none!important}".to_string(),
                "actions" => ".jl-chart-actions{display:none!important}".to_string(),
                "stats" => ".jl-stat-row,.jl-kpis{display:none!important}".to_string(),
                id => {
                    format!("[data-chart=\"{id}\"],[data-table=\"{id}\"]{{display:none!important}}")
                }
            })
            .collect()
    }
}
