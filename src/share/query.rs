//! `application/x-www-form-urlencoded` reading and writing, as the browser's
//! `URLSearchParams` does it, so a link written here reads back identically there.

/// Longest query the app reads; a longer one is cut (a link is not a way to send data).
pub const MAX_QUERY_CHARS: usize = 64 * 1024;
/// At most this many parameters are read.
pub const MAX_PAIRS: usize = 1000;

/// The `(name, value)` pairs of a query string, with or without its leading `?`, decoded.
/// Malformed escapes are kept literally, as browsers do.
pub fn parse(query: &str) -> Vec<(String, String)> {
    let mut end = query.len().min(MAX_QUERY_CHARS);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    let query = query[..end].strip_prefix('?').unwrap_or(&query[..end]);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .take(MAX_PAIRS)
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// Decodes `+` as a space and `%XX` escapes; invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Encodes a name or value: unreserved characters stay, a space becomes `+`, the rest `%XX`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Writes pairs as a query string without the leading `?`.
pub fn write(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}
