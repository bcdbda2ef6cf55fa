//! What the browser app may fetch and keep, decided without a browser so it is tested
//! natively: which feed addresses are allowed, how long and how big a feed may be, the
//! "the last session stopped while…" marker, and the capped store of remembered column
//! mappings. `ui` only moves these values in and out of web APIs.

use serde::{Deserialize, Serialize};

/// The most bytes one input may have, file or feed alike: a dataset plus its prepared copy
/// take about 2–3× the input, and a WebAssembly page can address 4 GiB.
pub const MAX_INPUT_BYTES: u64 = 900 * 1024 * 1024;

/// How long a feed may take, answer and body, before the request is aborted.
pub const FEED_TIMEOUT_MS: u32 = 30_000;

/// Every localStorage key the app writes starts with this, so "Forget my data" can remove
/// them all without touching what other pages of the same site keep.
pub const APP_KEY_PREFIX: &str = "journey-lens.";

/// Longest piece of a user-supplied address or name quoted back in a message: a `data:`
/// address can be megabytes long.
pub const MAX_QUOTED_CHARS: usize = 200;

/// How an address typed into the feed box (or given by a link) is treated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedAddress {
    /// `http:` or `https:`.
    Web,
    /// No scheme: resolved against the page address, then checked again.
    Relative,
    /// Any other scheme (`javascript:`, `data:`, `file:`, `blob:`…), lower-cased.
    Refused { scheme: String },
}

/// Classifies `address` the way a browser's URL parser reads its scheme: leading and
/// trailing spaces and control characters are ignored and tabs or newlines inside are
/// dropped, so `" java\tscript:…"` is still recognised as `javascript:`.
pub fn classify_feed_address(address: &str) -> FeedAddress {
    let cleaned: String = address
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some(colon) = cleaned.find(':') else {
        return FeedAddress::Relative;
    };
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let starts_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_alpha || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        // "feed.json?at=10:00" or "/a:b": the colon is not ending a scheme.
        return FeedAddress::Relative;
    }
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "http" | "https" => FeedAddress::Web,
        _ => FeedAddress::Refused { scheme },
    }
}

/// Whether a declared `Content-Length` already exceeds `limit`. A missing or unreadable
/// header is not a refusal: the bytes are counted while they arrive.
pub fn declared_too_large(content_length: Option<&str>, limit: u64) -> bool {
    content_length
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|n| n > limit)
}

/// The feed timeout in milliseconds from the page's `feed-timeout` parameter (seconds).
/// The parameter can only shorten the default, so a link cannot make the app hang longer.
pub fn feed_timeout_ms(param: Option<&str>) -> u32 {
    param
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|&s| s >= 1)
        .map(|s| s.saturating_mul(1000).min(FEED_TIMEOUT_MS))
        .unwrap_or(FEED_TIMEOUT_MS)
}

/// The feed size limit in bytes from the page's `feed-max-mb` parameter. Like the timeout,
/// it can only lower [`MAX_INPUT_BYTES`].
pub fn feed_limit_bytes(param: Option<&str>) -> u64 {
    param
        .and_then(|p| p.trim().parse::<u64>().ok())
        .filter(|&mb| mb >= 1)
        .map(|mb| mb.saturating_mul(1024 * 1024).min(MAX_INPUT_BYTES))
        .unwrap_or(MAX_INPUT_BYTES)
}

/// `text` cut to [`MAX_QUOTED_CHARS`] characters (with "…") for quoting in a message.
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// What the app was doing when the marker was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Loading,
    Computing,
}

/// Written before a load or a compute and removed after it. Finding one at start-up means
/// the last session died in the middle (a crash, a tab killed for memory), so the app asks
/// before opening the same data again instead of looping into the same failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusyMarker {
    pub phase: Phase,
    /// The file name, feed address or dataset name, as shown to the user.
    pub what: String,
}

impl BusyMarker {
    pub fn new(phase: Phase, what: &str) -> BusyMarker {
        BusyMarker {
            phase,
            what: quoted(what),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Any stored text counts as a marker (its presence is what matters); text that is not
    /// a marker this version wrote reads as "loading something unnamed".
    pub fn parse(text: &str) -> BusyMarker {
        serde_json::from_str::<BusyMarker>(text)
            .map(|m| BusyMarker::new(m.phase, &m.what))
            .unwrap_or(BusyMarker {
                phase: Phase::Loading,
                what: String::new(),
            })
    }
}

/// Most mappings kept; the oldest go first.
pub const MAX_MAPPINGS: usize = 50;
/// Most characters the stored mappings may take, a small share of the ~5 MB localStorage
/// quota the settings and the feed address also live in.
pub const MAX_MAPPING_CHARS: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct MappingEntry {
    header: String,
    roles: Vec<String>,
}

/// Column roles the user confirmed, by file header, oldest first. Capped by count and by
/// size so years of different exports cannot fill the browser's storage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MappingStore {
    entries: Vec<MappingEntry>,
}

impl MappingStore {
    /// Unreadable text (another version, a hand edit) is an empty store, not an error.
    pub fn parse(text: &str) -> MappingStore {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "[]".to_string())
    }

    pub fn get(&self, header: &str) -> Option<&[String]> {
        self.entries
            .iter()
            .find(|e| e.header == header)
            .map(|e| e.roles.as_slice())
    }

    /// Headers kept, oldest first.
    pub fn headers(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.header.as_str()).collect()
    }

    /// Keeps `roles` for `header` as the newest mapping, then evicts the oldest until the
    /// store fits both caps. A mapping too big to fit on its own is not kept.
    pub fn remember(&mut self, header: &str, roles: Vec<String>) {
        self.entries.retain(|e| e.header != header);
        self.entries.push(MappingEntry {
            header: header.to_string(),
            roles,
        });
        self.evict();
    }

    /// Adds a mapping from an older version's one-key-per-mapping storage as older than
    /// every mapping already here (its age is unknown); one already here wins.
    pub fn import_older(&mut self, header: &str, roles: Vec<String>) {
        if self.get(header).is_none() {
            self.entries.insert(
                0,
                MappingEntry {
                    header: header.to_string(),
                    roles,
                },
            );
            self.evict();
        }
    }

    fn evict(&mut self) {
        let excess = self.entries.len().saturating_sub(MAX_MAPPINGS);
        self.entries.drain(..excess);
        let sizes: Vec<usize> = self
            .entries
            .iter()
            .map(|e| serde_json::to_string(e).map_or(0, |s| s.len()))
            .collect();
        // "[" + entries joined by "," + "]"
        let mut total = 2 + sizes.iter().sum::<usize>() + sizes.len().saturating_sub(1);
        let mut drop = 0;
        while total > MAX_MAPPING_CHARS && drop < sizes.len() {
            total -= sizes[drop] + usize::from(drop + 1 < sizes.len());
            drop += 1;
        }
        self.entries.drain(..drop);
    }
}

/// The header a mapping was stored under by versions that kept one localStorage key per
/// mapping (`journey-lens.mapping.<header>`).
pub fn legacy_mapping_header(key: &str) -> Option<&str> {
    key.strip_prefix(APP_KEY_PREFIX)?.strip_prefix("mapping.")
}

/// Whether a localStorage key belongs to this app.
pub fn is_app_key(key: &str) -> bool {
    key.starts_with(APP_KEY_PREFIX)
}
